package wire

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	w := &Writer{W: bufio.NewWriter(&buf)}
	w.W.WriteString("magic\n")
	w.Uint(300)
	w.Int(-5)
	w.String("héllo")
	w.Bytes([]byte{1, 2, 3})
	w.Byte(9)
	if err := w.W.Flush(); err != nil {
		t.Fatal(err)
	}
	r := NewReader(buf.String(), "magic\n")
	var p [3]byte
	u, i, s := r.Uint(), r.Int(), r.String()
	r.Bytes(p[:])
	b := r.Byte()
	if u != 300 || i != -5 || s != "héllo" || p != [3]byte{1, 2, 3} || b != 9 || !r.Done() {
		t.Errorf("read %d %d %q %v %d, done %t (%v)", u, i, s, p, b, r.Done(), r.Err())
	}
}

// TestMalformed: a reader of bad bytes fails, and then reads only zero
// values, without a panic or a large allocation.
func TestMalformed(t *testing.T) {
	for name, data := range map[string]string{
		"magic":        "magix\n\x01",
		"short string": "magic\n\x05abc",
		"huge count":   "magic\n\xff\xff\xff\xff\x0f",
		"long varint":  "magic\n\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff",
		"short bytes":  "magic\n\x01",
	} {
		r := NewReader(data, "magic\n")
		var p [4]byte
		_ = r.String()
		r.Bytes(p[:])
		if r.Err() == nil || r.Done() || r.Count(1) != 0 || r.Byte() != 0 {
			t.Errorf("%s: read without an error", name)
		}
	}
}

// TestWriteFile: the file is replaced only by a write that succeeds, and
// nothing is left beside it either way.
func TestWriteFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache") // made by WriteFile
	write := func(text string, err error) error {
		return WriteFile(dir, "f.bin", func(w *bufio.Writer) error {
			w.WriteString(text)
			return err
		})
	}
	if err := write("first", nil); err != nil {
		t.Fatal(err)
	}
	if err := write("second, cut short", errors.New("disk full")); err == nil || err.Error() != "disk full" {
		t.Errorf("a failed write returned %v, want disk full", err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "f.bin"))
	if err != nil || string(got) != "first" {
		t.Errorf("after a failed write the file holds %q (%v), want the first", got, err)
	}
	if err := write("third", nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "f.bin")); string(got) != "third" {
		t.Errorf("the file holds %q, want third", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files, want only f.bin", len(entries))
	}
}
