package history

import (
	"bufio"
	"bytes"
	"reflect"
	"testing"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
)

// FuzzPatchDelta checks that patchDelta never panics and agrees with
// go-git's PatchDelta whenever both accept a delta.
func FuzzPatchDelta(f *testing.F) {
	f.Add([]byte("hello, world\n"), []byte{13, 14, 0x90, 7, 7, 'o', 'r', 'l', 'd', '!', '\n', 'x'})
	f.Add([]byte("abc"), []byte{3, 6, 0x91, 0, 3, 0x90, 3})
	f.Add([]byte("abc"), []byte{3, 0})
	f.Fuzz(func(t *testing.T, base, delta []byte) {
		got, err := patchDelta(base, delta, 7)
		if err != nil {
			return
		}
		if got[0] != 7 {
			t.Fatal("first byte lost")
		}
		want, werr := packfile.PatchDelta(base, delta)
		if werr == nil && !bytes.Equal(got[1:], want) {
			t.Fatalf("patchDelta = %q, go-git = %q", got[1:], want)
		}
	})
}

// FuzzDiffTrees checks that diffing arbitrary bytes as trees never panics,
// by either path. Subtrees are looked up in an empty repository: not found.
func FuzzDiffTrees(f *testing.F) {
	entry := func(mode, name string, b byte) []byte {
		return append([]byte(mode+" "+name+"\x00"), bytes.Repeat([]byte{b}, 20)...)
	}
	a := append(entry("100644", "a.md", 1), entry("40000", "dir", 2)...)
	b := append(entry("100644", "a.md", 3), entry("100644", "b.md", 4)...)
	f.Add(a, b)
	f.Add([]byte("100644 x"), []byte("40000 \x00"))
	dir := f.TempDir()
	if _, err := git.PlainInit(dir, false); err != nil {
		f.Fatal(err)
	}
	r, err := open(dir)
	if err != nil {
		f.Fatal(err)
	}
	defer r.close()
	ha, hb := plumbing.Hash{1}, plumbing.Hash{2}
	f.Fuzz(func(t *testing.T, ta, tb []byte) {
		d := newDiffer(r.obj)
		_ = d.merge(ha, hb, ta, tb, 0, len(ta), 0, len(tb))
		_ = d.diffBig(ha, hb, ta, tb)
	})
}

// FuzzParseMailmap checks that any .mailmap parses and applies.
func FuzzParseMailmap(f *testing.F) {
	f.Add([]byte("A <a@x> B <b@x>\n<c@x> <d@x>\nE <e@x>\n# comment\n"), "B", "b@x")
	f.Fuzz(func(t *testing.T, file []byte, name, email string) {
		parseMailmap(file).apply(Person{name, email})
	})
}

// FuzzParseMessage checks the subject and trailers of any commit message.
func FuzzParseMessage(f *testing.F) {
	f.Add("Subject\n\nBody\n\nCo-authored-by: A <a@x>\n")
	f.Fuzz(func(t *testing.T, msg string) {
		subject, _ := parseMessage(msg)
		if bytes.ContainsRune([]byte(subject), '\n') {
			t.Fatalf("subject %q has a newline", subject)
		}
	})
}

// FuzzDecodeCache checks that decodeCache never panics on any bytes, that
// what it accepts is well formed, and that it reads back what encodeCache
// writes of it.
func FuzzDecodeCache(f *testing.F) {
	c := &commit{
		hash: plumbing.NewHash("1111111111111111111111111111111111111111"), parents: []plumbing.Hash{plumbing.NewHash("2222222222222222222222222222222222222222")},
		author: Person{"Ana", "ana@example.com"}, when: 1700000000, zone: -3600, committed: 1700000100, subject: "Fix it",
		coAuthors: []Person{{"Bo", "bo@example.com"}}, changes: []change{{path: "pm/a.md", kind: modified, blob: plumbing.NewHash("3333333333333333333333333333333333333333")}},
	}
	scores := map[[2]plumbing.Hash]uint8{{c.changes[0].blob, c.hash}: 70}
	f.Add(encoded([]*commit{c}, scores))
	f.Add([]byte(cacheMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		commits, scores := decodeCache(string(data))
		if commits == nil {
			return
		}
		var order []*commit
		for _, c := range commits {
			for _, ch := range c.changes {
				if ch.kind < added || ch.kind > deleted {
					t.Fatalf("change kind %d", ch.kind)
				}
			}
			order = append(order, c)
		}
		again, againScores := decodeCache(string(encoded(order, scores)))
		if !reflect.DeepEqual(again, commits) || !reflect.DeepEqual(againScores, scores) {
			t.Fatalf("round trip changed the cache:\n%+v\n%+v", commits, again)
		}
	})
}

func encoded(order []*commit, scores map[[2]plumbing.Hash]uint8) []byte {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	encodeCache(w, order, scores)
	w.Flush()
	return b.Bytes()
}
