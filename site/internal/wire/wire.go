// Package wire reads and writes the build's binary cache files: plain
// sequences of unsigned varints, zigzag varints, strings (a length, then
// the bytes) and fixed-size byte arrays, decoded in one pass over the whole
// file without reflection, many times faster than encoding/gob. A file says
// nothing of its own layout: the code that writes it and the code that
// reads it agree, and a magic string at its start names the version.
package wire

import (
	"bufio"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
)

// ErrMalformed is the error of a Reader that met bytes its reads do not
// fit.
var ErrMalformed = errors.New("malformed cache file")

// Reader decodes a file held in a string; the strings it returns are
// slices of it. The first error sticks: every later read returns zero
// values, and Err says what went wrong. Its zero value reads nothing.
type Reader struct {
	data string
	i    int
	err  error
}

// NewReader returns a Reader of data after the magic string that opens
// it, or one already failed when data does not start with magic.
func NewReader(data, magic string) *Reader {
	if len(data) < len(magic) || data[:len(magic)] != magic {
		return &Reader{err: ErrMalformed}
	}
	return &Reader{data: data, i: len(magic)}
}

// Err returns the first error, or nil.
func (r *Reader) Err() error { return r.err }

// Done reports whether every byte was read without an error.
func (r *Reader) Done() bool { return r.err == nil && r.i == len(r.data) }

// Fail makes the reader fail, for a value read that the caller finds
// wrong.
func (r *Reader) Fail() { r.err, r.i = ErrMalformed, len(r.data) }

// Uint reads an unsigned varint.
func (r *Reader) Uint() uint64 {
	if r.err != nil {
		return 0
	}
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		if r.i >= len(r.data) {
			break
		}
		b := r.data[r.i]
		r.i++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
	r.Fail()
	return 0
}

// Int reads a zigzag varint.
func (r *Reader) Int() int64 {
	u := r.Uint()
	return int64(u>>1) ^ -int64(u&1)
}

// Count reads a number of items that each take at least min bytes, so
// that a corrupt count cannot make a huge allocation.
func (r *Reader) Count(min int) int {
	n := r.Uint()
	if n > uint64(len(r.data)-r.i)/uint64(min) {
		r.Fail()
		return 0
	}
	return int(n)
}

// OptCount reads what Writer.OptCount wrote: a count checked as Count
// checks it, and whether there was one.
func (r *Reader) OptCount(min int) (int, bool) {
	n := r.Uint()
	if n == 0 || r.err != nil {
		return 0, false
	}
	if n-1 > uint64(len(r.data)-r.i)/uint64(min) {
		r.Fail()
		return 0, false
	}
	return int(n - 1), true
}

// Index reads an index below n.
func (r *Reader) Index(n int) int {
	v := r.Uint()
	if v >= uint64(n) {
		r.Fail()
		return 0
	}
	return int(v)
}

// String reads a string.
func (r *Reader) String() string {
	n := r.Count(1)
	s := r.data[r.i : r.i+n]
	r.i += n
	return s
}

// Bytes fills p.
func (r *Reader) Bytes(p []byte) {
	if r.err != nil || len(r.data)-r.i < len(p) {
		r.Fail()
		return
	}
	copy(p, r.data[r.i:])
	r.i += len(p)
}

// Byte reads a byte.
func (r *Reader) Byte() byte {
	if r.err != nil || r.i >= len(r.data) {
		r.Fail()
		return 0
	}
	r.i++
	return r.data[r.i-1]
}

// Writer encodes a file that a Reader reads. Errors are those of the
// bufio.Writer, sticky, returned by its Flush.
type Writer struct {
	W   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
}

// Uint writes an unsigned varint.
func (w *Writer) Uint(v uint64) { w.W.Write(binary.AppendUvarint(w.buf[:0], v)) }

// Int writes a zigzag varint.
func (w *Writer) Int(v int64) { w.Uint(uint64(v<<1) ^ uint64(v>>63)) }

// OptCount writes a count, or that there is none (for a nil slice or
// pointer, as opposed to an empty one) when ok is false.
func (w *Writer) OptCount(n int, ok bool) {
	if !ok {
		w.Uint(0)
		return
	}
	w.Uint(uint64(n) + 1)
}

// String writes a string.
func (w *Writer) String(s string) {
	w.Uint(uint64(len(s)))
	w.W.WriteString(s)
}

// Bytes writes p as it is: the Reader must know its length.
func (w *Writer) Bytes(p []byte) { w.W.Write(p) }

// Byte writes a byte.
func (w *Writer) Byte(b byte) { w.W.WriteByte(b) }

// WriteFile writes the file name in the folder dir, made when missing,
// atomically: write fills a buffered writer on a new file beside it, which
// replaces name only when write, the flush and the close all succeeded.
// A file half written is removed, and name keeps what it had.
func WriteFile(dir, name string, write func(*bufio.Writer) error) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, name+".tmp-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // once renamed, there is nothing to remove
	w := bufio.NewWriterSize(tmp, 1<<16)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, name))
}
