package render

import (
	"fmt"
	"sort"
)

// Pos is a position in a postmortem file. Line and Col are 1-based; Col counts
// bytes. The zero Pos means "no position" (for example, a value that is not in
// the file because it was derived from the file name).
type Pos struct {
	Line, Col int
}

// IsValid reports whether p refers to a place in a file.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String returns "line:col", or "-" for the zero Pos.
func (p Pos) String() string {
	if !p.IsValid() {
		return "-"
	}
	return fmt.Sprintf("%d:%d", p.Line, p.Col)
}

// Before reports whether p comes before q.
func (p Pos) Before(q Pos) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Col < q.Col
}

// lineIndex maps byte offsets in a source to positions.
type lineIndex []int // byte offset at which each line starts

func newLineIndex(src []byte) lineIndex {
	idx := lineIndex{0}
	for i, c := range src {
		if c == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

// pos returns the position of byte offset off.
func (idx lineIndex) pos(off int) Pos {
	if off < 0 {
		off = 0
	}
	line := sort.Search(len(idx), func(i int) bool { return idx[i] > off }) - 1
	if line < 0 {
		line = 0
	}
	return Pos{Line: line + 1, Col: off - idx[line] + 1}
}

// offset returns the byte offset of the start of line (1-based), or -1.
func (idx lineIndex) offset(line int) int {
	if line < 1 || line > len(idx) {
		return -1
	}
	return idx[line-1]
}
