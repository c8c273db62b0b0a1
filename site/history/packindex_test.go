package history

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
)

// TestPackIndex checks findOffset against go-git's decoder for every
// object of the real repository's packs, and for hashes that are not in
// them.
func TestPackIndex(t *testing.T) {
	idxs, _ := filepath.Glob(filepath.Join(dfdsRepo(t), "objects", "pack", "*.idx"))
	if len(idxs) == 0 {
		t.Skip("the repository has no pack")
	}
	for _, name := range idxs {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		p, err := parsePackIndex(name, b)
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		want := idxfile.NewMemoryIndex()
		err = idxfile.NewDecoder(f).Decode(want)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		entries, err := want.Entries()
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for {
			e, err := entries.Next()
			if err != nil {
				break
			}
			n++
			if off, ok := p.findOffset(e.Hash); !ok || off != int64(e.Offset) {
				t.Errorf("%s: findOffset = %d, %v; want %d", e.Hash, off, ok, e.Offset)
			}
			missing := e.Hash
			missing[19] ^= 0xff
			if _, err := want.FindOffset(missing); err != nil {
				if off, ok := p.findOffset(missing); ok {
					t.Errorf("%s is not in the pack, findOffset = %d", missing, off)
				}
			}
		}
		if n == 0 || n != p.n {
			t.Errorf("%d objects, parsePackIndex says %d", n, p.n)
		}
	}
}

// FuzzPackIndex checks that no index file makes parsePackIndex or
// findOffset panic.
func FuzzPackIndex(f *testing.F) {
	b := []byte("\xfftOc\x00\x00\x00\x02")
	fan := make([]byte, 256*4)
	for i := 0xab; i < 256; i++ {
		fan[4*i+3] = 1
	}
	b = append(b, fan...)
	h := plumbing.NewHash("ab00000000000000000000000000000000000001")
	b = append(b, h[:]...)
	b = append(b, 0, 0, 0, 0)    // CRC
	b = append(b, 0x80, 0, 0, 0) // a large offset
	b = append(b, 0, 0, 0, 1, 0, 0, 0, 0)
	b = append(b, make([]byte, 40)...)
	f.Add(b, h[:])
	f.Fuzz(func(t *testing.T, data, hash []byte) {
		p, err := parsePackIndex("x", data)
		if err != nil {
			return
		}
		var h plumbing.Hash
		copy(h[:], hash)
		p.findOffset(h)
	})
}
