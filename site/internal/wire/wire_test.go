package wire

import (
	"bufio"
	"bytes"
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
