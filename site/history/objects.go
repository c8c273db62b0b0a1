package history

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// Reading objects. go-git's storage returns every object through an
// io.Reader, and for a delta it copies the base, patches into a pooled
// buffer, then appends the result to a new object in 32 KiB steps; on a
// repository whose big trees change in every commit, that copying was most
// of the time of Read. objects reads packed objects with go-git's pack
// scanner and index instead, resolves delta chains itself with a cache of
// resolved bases, and makes each object in one buffer of its final size.
// Loose objects are read from their files; objects that are in neither
// (alternates) come from the go-git storage.

// packIndex is the index of one pack, shared by all readers: the bytes of
// its .idx file (version 2), searched in place rather than decoded.
type packIndex struct {
	name   string // path of the .pack file in the repository's file system
	n      int    // objects in the pack
	fanout []byte // 256 big-endian counts
	names  []byte // n sorted 20-byte hashes
	offs   []byte // n 4-byte offsets (or indexes into large)
	large  []byte // 8-byte offsets
}

var errBadIndex = errors.New("malformed pack index")

// parsePackIndex checks the layout of a version 2 pack index.
func parsePackIndex(name string, b []byte) (*packIndex, error) {
	const header = 8
	if len(b) < header+256*4 || string(b[:8]) != "\xfftOc\x00\x00\x00\x02" {
		return nil, errBadIndex
	}
	p := &packIndex{name: name, fanout: b[header : header+256*4]}
	p.n = int(binary.BigEndian.Uint32(p.fanout[255*4:]))
	i := header + 256*4
	// names, CRCs, offsets, then large offsets and two checksums.
	if p.n > (len(b)-i)/(20+4+4) {
		return nil, errBadIndex
	}
	p.names = b[i : i+20*p.n]
	i += 24 * p.n
	p.offs = b[i : i+4*p.n]
	i += 4 * p.n
	if len(b)-i < 40 || (len(b)-i-40)%8 != 0 {
		return nil, errBadIndex
	}
	p.large = b[i : len(b)-40]
	return p, nil
}

// findOffset returns the offset of object h in the pack.
func (p *packIndex) findOffset(h plumbing.Hash) (int64, bool) {
	lo := 0
	if h[0] > 0 {
		lo = int(binary.BigEndian.Uint32(p.fanout[(int(h[0])-1)*4:]))
	}
	hi := int(binary.BigEndian.Uint32(p.fanout[int(h[0])*4:]))
	if hi > p.n || lo > hi {
		return 0, false
	}
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch c := bytes.Compare(p.names[20*m:20*m+20], h[:]); {
		case c == 0:
			o := binary.BigEndian.Uint32(p.offs[4*m:])
			if o&0x80000000 == 0 {
				return int64(o), true
			}
			k := int(o & 0x7fffffff)
			if 8*k+8 > len(p.large) {
				return 0, false
			}
			return int64(binary.BigEndian.Uint64(p.large[8*k:]) & (1<<63 - 1)), true
		case c < 0:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0, false
}

// loadPackIndexes reads the index of every pack of the repository.
func loadPackIndexes(dotGit billy.Filesystem, st *filesystem.Storage) ([]*packIndex, error) {
	packs, err := st.ObjectPacks()
	if err != nil {
		return nil, err
	}
	var out []*packIndex
	for _, h := range packs {
		base := "objects/pack/pack-" + h.String()
		f, err := dotGit.Open(base + ".idx")
		if err != nil {
			return nil, err
		}
		b, err := readAll(dotGit, base+".idx", f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read pack index %s: %w", base+".idx", err)
		}
		p, err := parsePackIndex(base+".pack", b)
		if err != nil {
			return nil, fmt.Errorf("read pack index %s: %w", base+".idx", err)
		}
		out = append(out, p)
	}
	return out, nil
}

// readAll reads the file f at name in one buffer of its size (io.ReadAll
// grows one from 512 bytes: twice the memory, for megabytes of indexes).
func readAll(fsys billy.Filesystem, name string, f billy.File) ([]byte, error) {
	info, err := fsys.Stat(name)
	if err != nil || info.Size() <= 0 {
		return io.ReadAll(f)
	}
	// One byte more, to see the end of a file that grew.
	b := make([]byte, info.Size()+1)
	n, err := io.ReadFull(f, b)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		return b[:n], nil
	}
	if err != nil {
		return nil, err
	}
	rest, err := io.ReadAll(f)
	return append(b, rest...), err
}

// objects reads objects for one goroutine.
type objects struct {
	dotGit billy.Filesystem
	st     *filesystem.Storage // for objects that are in no pack
	packs  []*packIndex
	files  []billy.File // open pack files, by index in packs
	scans  []*packfile.Scanner
	bases  *lru[[]byte] // resolved packed objects, by offsetKey
	// biggest is the size of the biggest tree or commit resolved from a
	// delta, which sizes bases when grow is set.
	biggest int
	grow    bool
	loose   *lru[[]byte]  // objects that are in no pack (type byte, content), by hash
	zr      io.ReadCloser // inflates loose objects
	raw     bytes.Buffer
}

// The bytes of resolved objects one reader keeps. A delta chain of git's
// default depth (50) is resolved from its far end, and walking the commits
// then asks for the objects along it one after the other: the cache holds
// a chain of the biggest tree seen (a folder of 10,000 postmortems is a tree
// of about 750 KB), between a floor and a ceiling. Sized by the objects the
// repository has rather than fixed, a small repository is read in a few
// megabytes.
const (
	minBaseCache   = 4 << 20
	maxBaseCache   = 48 << 20
	baseCacheChain = 64 // objects of the biggest size the cache holds
)

// looseCacheSize bounds the bytes of loose objects one reader keeps.
const looseCacheSize = 8 << 20

// newObjects returns a reader of the repository's objects. When grow is
// set, its cache grows with the trees it reads, for readers that walk
// chains of them (the diff workers); otherwise it stays at its floor.
func newObjects(dotGit billy.Filesystem, st *filesystem.Storage, packs []*packIndex, grow bool) *objects {
	return &objects{
		dotGit: dotGit, st: st, packs: packs, grow: grow,
		files: make([]billy.File, len(packs)), scans: make([]*packfile.Scanner, len(packs)),
		bases: newBytesLRU(minBaseCache), loose: newBytesLRU(looseCacheSize),
	}
}

func (o *objects) close() {
	for _, f := range o.files {
		if f != nil {
			f.Close()
		}
	}
}

// read returns the content of object h. The result is shared: do not
// modify it.
func (o *objects) read(t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	for i, p := range o.packs {
		off, ok := p.findOffset(h)
		if !ok {
			continue
		}
		b, typ, err := o.packed(i, off, 0)
		if err != nil {
			return nil, fmt.Errorf("read object %s from %s: %w", h, p.name, err)
		}
		if typ != t {
			return nil, fmt.Errorf("read object %s: %w", h, plumbing.ErrObjectNotFound)
		}
		return b, nil
	}
	if b, ok := o.loose.get(h); ok {
		if plumbing.ObjectType(b[0]) != t {
			return nil, fmt.Errorf("read object %s: %w", h, plumbing.ErrObjectNotFound)
		}
		return b[1:], nil
	}
	b, typ, err := o.readLoose(h)
	if errors.Is(err, fs.ErrNotExist) {
		// Not here: maybe in an alternate object store, which the go-git
		// storage knows about.
		var data []byte
		if data, err = readObject(o.st, t, h); err != nil {
			return nil, err
		}
		b, typ = append([]byte{byte(t)}, data...), t
	}
	if err != nil {
		return nil, fmt.Errorf("read object %s: %w", h, err)
	}
	o.loose.put(h, b)
	if typ != t {
		return nil, fmt.Errorf("read object %s: %w", h, plumbing.ErrObjectNotFound)
	}
	return b[1:], nil
}

// readLoose reads the loose object h from the object folder, and returns
// its type byte followed by its content. Reading the file directly, rather
// than through the go-git storage, saves the listing of every object
// folder that the storage makes first; the commits made since the last
// repack are all loose.
func (o *objects) readLoose(h plumbing.Hash) ([]byte, plumbing.ObjectType, error) {
	hex := h.String()
	f, err := o.dotGit.Open("objects/" + hex[:2] + "/" + hex[2:])
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	if o.zr == nil {
		o.zr, err = zlib.NewReader(f)
	} else {
		err = o.zr.(zlib.Resetter).Reset(f, nil)
	}
	if err != nil {
		return nil, 0, err
	}
	br := bufio.NewReaderSize(o.zr, 512)
	// The header: "<type> <size>\x00".
	hd, err := br.ReadSlice(0)
	if err != nil {
		return nil, 0, errMalformedLoose
	}
	name, size, ok := bytes.Cut(hd[:len(hd)-1], []byte{' '})
	if !ok {
		return nil, 0, errMalformedLoose
	}
	typ, err := plumbing.ParseObjectType(string(name))
	if err != nil || typ < plumbing.CommitObject || typ > plumbing.TagObject {
		return nil, 0, errMalformedLoose
	}
	n, err := strconv.ParseUint(string(size), 10, 63)
	if err != nil {
		return nil, 0, errMalformedLoose
	}
	buf := bytes.NewBuffer(make([]byte, 1, 1+sizeHint(n)))
	buf.Bytes()[0] = byte(typ)
	if _, err := buf.ReadFrom(io.LimitReader(br, int64(n)+1)); err != nil {
		return nil, 0, err
	}
	if uint64(buf.Len()-1) != n {
		return nil, 0, errMalformedLoose
	}
	return buf.Bytes(), typ, nil
}

var errMalformedLoose = errors.New("malformed loose object")

// offsetKey makes an lru key of a pack and an offset in it.
func offsetKey(pack int, off int64) plumbing.Hash {
	var k plumbing.Hash
	for i := range 8 {
		k[i] = byte(off >> (8 * i))
	}
	for i := range 4 {
		k[8+i] = byte(pack >> (8 * i))
	}
	return k
}

// maxDeltaDepth bounds delta chains (git makes them at most 50 deep by
// default, 4095 at most).
const maxDeltaDepth = 5000

// packed returns the object at offset off of pack i, resolving deltas.
func (o *objects) packed(i int, off int64, depth int) ([]byte, plumbing.ObjectType, error) {
	key := offsetKey(i, off)
	if b, ok := o.bases.get(key); ok {
		return b[1:], plumbing.ObjectType(b[0]), nil
	}
	if depth > maxDeltaDepth {
		return nil, 0, errors.New("delta chain too long")
	}
	s, err := o.scanner(i)
	if err != nil {
		return nil, 0, err
	}
	hd, err := s.SeekObjectHeader(off)
	if err != nil {
		return nil, 0, err
	}
	// The type byte goes first, so that the cache keeps it with the content.
	var out []byte
	var typ plumbing.ObjectType
	switch hd.Type {
	case plumbing.CommitObject, plumbing.TreeObject, plumbing.BlobObject, plumbing.TagObject:
		buf := bytes.NewBuffer(make([]byte, 1, 1+sizeHint(uint64(hd.Length))))
		buf.Bytes()[0] = byte(hd.Type)
		if _, _, err := s.NextObject(buf); err != nil {
			return nil, 0, err
		}
		out, typ = buf.Bytes(), hd.Type
	case plumbing.OFSDeltaObject, plumbing.REFDeltaObject:
		o.raw.Reset()
		o.raw.Grow(sizeHint(uint64(hd.Length)))
		if _, _, err := s.NextObject(&o.raw); err != nil {
			return nil, 0, err
		}
		delta := bytes.Clone(o.raw.Bytes()) // o.raw is reused while the base is read
		var base []byte
		if hd.Type == plumbing.OFSDeltaObject {
			base, typ, err = o.packed(i, hd.OffsetReference, depth+1)
		} else {
			if boff, ok := o.packs[i].findOffset(hd.Reference); ok {
				base, typ, err = o.packed(i, boff, depth+1)
			} else {
				err = plumbing.ErrObjectNotFound
			}
		}
		if err != nil {
			return nil, 0, fmt.Errorf("delta base: %w", err)
		}
		if out, err = patchDelta(base, delta, byte(typ)); err != nil {
			return nil, 0, err
		}
		if o.grow && (typ == plumbing.TreeObject || typ == plumbing.CommitObject) && len(out) > o.biggest {
			o.biggest = len(out)
			o.bases.max = min(max(minBaseCache, baseCacheChain*o.biggest), maxBaseCache)
		}
	default:
		return nil, 0, fmt.Errorf("object type %v at offset %d", hd.Type, off)
	}
	o.bases.put(key, out)
	return out[1:], typ, nil
}

func (o *objects) scanner(i int) (*packfile.Scanner, error) {
	if o.scans[i] != nil {
		return o.scans[i], nil
	}
	f, err := o.dotGit.Open(o.packs[i].name)
	if err != nil {
		return nil, err
	}
	fi, err := o.dotGit.Stat(o.packs[i].name)
	if err != nil {
		f.Close()
		return nil, err
	}
	o.files[i] = f
	// Reading at an offset rather than seeking saves a system call for
	// every object.
	o.scans[i] = packfile.NewScanner(io.NewSectionReader(f, 0, fi.Size()))
	return o.scans[i], nil
}

var errBadDelta = errors.New("malformed delta")

// sizeHint bounds the memory reserved ahead for an object of the declared
// size n, in case a corrupt pack declares a huge size; a buffer still grows
// to any real size.
func sizeHint(n uint64) int {
	return int(min(n, 64<<20))
}

// patchDelta applies a git delta to base and returns the result, after one
// leading byte set to first. It allocates the result once, at its final
// size.
func patchDelta(base, delta []byte, first byte) ([]byte, error) {
	srcSize, delta, ok := deltaSize(delta)
	if !ok || srcSize != uint64(len(base)) {
		return nil, errBadDelta
	}
	dstSize, delta, ok := deltaSize(delta)
	if !ok || dstSize > 1<<40 {
		return nil, errBadDelta
	}
	// A corrupt delta may claim any size: trust it only as far as the
	// delta could plausibly make it.
	out := make([]byte, 1, 1+min(dstSize, uint64(2*(len(base)+len(delta))+64)))
	out[0] = first
	for len(delta) > 0 {
		cmd := delta[0]
		delta = delta[1:]
		switch {
		case cmd&0x80 != 0: // copy from base
			var off, n uint64
			for k := range 4 {
				if cmd&(1<<k) != 0 {
					if len(delta) == 0 {
						return nil, errBadDelta
					}
					off |= uint64(delta[0]) << (8 * k)
					delta = delta[1:]
				}
			}
			for k := range 3 {
				if cmd&(0x10<<k) != 0 {
					if len(delta) == 0 {
						return nil, errBadDelta
					}
					n |= uint64(delta[0]) << (8 * k)
					delta = delta[1:]
				}
			}
			if n == 0 {
				n = 0x10000
			}
			if off+n > uint64(len(base)) || uint64(len(out)-1)+n > dstSize {
				return nil, errBadDelta
			}
			out = append(out, base[off:off+n]...)
		case cmd != 0: // insert the next cmd bytes
			n := int(cmd)
			if n > len(delta) || uint64(len(out)-1+n) > dstSize {
				return nil, errBadDelta
			}
			out = append(out, delta[:n]...)
			delta = delta[n:]
		default:
			return nil, errBadDelta
		}
	}
	if uint64(len(out)-1) != dstSize {
		return nil, errBadDelta
	}
	return out, nil
}

// deltaSize reads a size at the start of a delta (7 bits a byte, little
// endian).
func deltaSize(b []byte) (uint64, []byte, bool) {
	var n uint64
	for i := 0; i < len(b) && i < 10; i++ {
		n |= uint64(b[i]&0x7f) << (7 * i)
		if b[i]&0x80 == 0 {
			return n, b[i+1:], true
		}
	}
	return 0, nil, false
}
