package site

import (
	"bufio"
	"os"
	"path/filepath"
	"time"
	"unsafe"

	"github.com/postmortem-dev/postmortem/render"
	"github.com/postmortem-dev/postmortem/site/internal/wire"
)

// The documents' and the files' caches are read and written on every
// rebuild, so they are written with site/internal/wire, not encoding/gob,
// which took 0.28 s to read 10,000 documents and as long to write them:
//
//	documents: magic, build key, n, n × (path, sum, size, time, the
//	           model (Postmortem, every field in order), problems,
//	           link targets)
//	files:     magic, build key, output folder, n, n × (name, key,
//	           size, time, inode)
//
// A slice is its length plus one, 0 for nil, then its items; a pointer
// is 0 for nil, else 1 and the value; a time is its MarshalBinary form,
// as gob keeps it.

const (
	docCacheMagic   = "postmortem site docs 3\n"
	fileCacheMagic  = "postmortem site files 3\n"
	indexYearsMagic = "postmortem site index 1\n"
)

// loadIndexYears returns the years of the front page that the last build
// drew, when their key is key: magic, key, the HTML.
func loadIndexYears(dir string, key [32]byte) (string, bool) {
	r := wire.NewReader(readWire(dir, indexYearsName), indexYearsMagic)
	var k [32]byte
	r.Bytes(k[:])
	html := r.String()
	if !r.Done() || k != key {
		return "", false
	}
	return html, true
}

func saveIndexYears(dir string, key [32]byte, html []byte) {
	writeWire(dir, indexYearsName, indexYearsMagic, func(w *wire.Writer) {
		w.Bytes(key[:])
		w.String(string(html))
	})
}

func loadDocCache(dir string, key [32]byte) *docCache {
	return decodeDocCache(readWire(dir, docCacheName), key)
}

// decodeDocCache decodes a documents' cache file, or returns an empty
// cache when data is not one of the build with the key.
func decodeDocCache(data string, key [32]byte) *docCache {
	c := &docCache{}
	r := wire.NewReader(data, docCacheMagic)
	r.Bytes(c.Key[:])
	if c.Key != key {
		return &docCache{}
	}
	n := r.Count(32 + 3)
	c.Docs = make(map[string]*cachedDoc, n)
	for range n {
		name := r.String()
		c.Docs[name] = getCachedDoc(r)
	}
	if !r.Done() {
		return &docCache{}
	}
	return c
}

func saveDocCache(dir string, c *docCache) {
	writeWire(dir, docCacheName, docCacheMagic, func(w *wire.Writer) { encodeDocCache(w, c) })
}

// encodeDocCache writes what follows the magic string of a documents'
// cache file.
func encodeDocCache(w *wire.Writer, c *docCache) {
	w.Bytes(c.Key[:])
	w.Uint(uint64(len(c.Docs)))
	for name, d := range c.Docs {
		w.String(name)
		putCachedDoc(w, d)
	}
}

func loadFileCache(dir string, key [32]byte) *fileCache {
	c := &fileCache{}
	r := wire.NewReader(readWire(dir, fileCacheName), fileCacheMagic)
	r.Bytes(c.Key[:])
	if c.Key != key {
		return &fileCache{}
	}
	c.Out = r.String()
	n := r.Count(32 + 3)
	c.Files = make(map[string]cachedFile, n)
	for range n {
		name := r.String()
		var f cachedFile
		r.Bytes(f.Key[:])
		f.Size, f.ModTime, f.Ino = r.Int(), r.Int(), r.Uint()
		c.Files[name] = f
	}
	if !r.Done() {
		return &fileCache{}
	}
	return c
}

func saveFileCache(dir string, c *fileCache) {
	writeWire(dir, fileCacheName, fileCacheMagic, func(w *wire.Writer) {
		w.Bytes(c.Key[:])
		w.String(c.Out)
		w.Uint(uint64(len(c.Files)))
		for name, f := range c.Files {
			w.String(name)
			w.Bytes(f.Key[:])
			w.Int(f.Size)
			w.Int(f.ModTime)
			w.Uint(f.Ino)
		}
	})
}

// readWire returns the content of a cache file, or "" when there is
// none.
func readWire(dir, name string) string {
	if dir == "" {
		return ""
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil || len(data) == 0 {
		return ""
	}
	// Not copied: data is not written again, and copying 13 MB took
	// 0.13 s of CPU at 10,000 postmortems, most of it faulting pages in.
	return unsafe.String(&data[0], len(data))
}

// writeWire writes a cache file with write, atomically. A cache that
// cannot be written only makes the next build slower.
func writeWire(dir, name, magic string, write func(*wire.Writer)) {
	_ = wire.WriteFile(dir, name, func(bw *bufio.Writer) error {
		w := &wire.Writer{W: bw}
		w.W.WriteString(magic)
		write(w)
		return nil // the writer's errors stick, and its flush returns them
	})
}

func putCachedDoc(w *wire.Writer, d *cachedDoc) {
	w.Bytes(d.Sum[:])
	w.Int(d.Size)
	w.Int(d.ModTime)
	putPostmortem(w, &d.PM)
	w.OptCount(len(d.Errs), d.Errs != nil)
	for _, e := range d.Errs {
		putStrings(w, e.Path, e.Code, e.Msg)
		w.Int(int64(e.Pos.Line))
		w.Int(int64(e.Pos.Col))
	}
	putSlice(w, d.Targets)
}

func getCachedDoc(r *wire.Reader) *cachedDoc {
	d := &cachedDoc{}
	r.Bytes(d.Sum[:])
	d.Size, d.ModTime = r.Int(), r.Int()
	getPostmortem(r, &d.PM)
	if n, ok := r.OptCount(4); ok {
		d.Errs = make([]render.Error, n)
		for i := range d.Errs {
			e := &d.Errs[i]
			e.Path, e.Code, e.Msg = r.String(), r.String(), r.String()
			e.Pos.Line, e.Pos.Col = int(r.Int()), int(r.Int())
		}
	}
	d.Targets = getSlice(r)
	return d
}

// putPostmortem writes every field of pm, in the order of the struct;
// getPostmortem reads them back. TestDocCacheFields fails when a field is
// left out.
func putPostmortem(w *wire.Writer, pm *Postmortem) {
	putStrings(w, pm.ID, pm.Title, pm.URL, pm.Path, pm.Date, pm.DateFrom, pm.Status, pm.Severity)
	putSlice(w, pm.Authors)
	putSlice(w, pm.Services)
	putSlice(w, pm.Tags)
	w.String(pm.Summary)
	for _, t := range []*time.Time{pm.Started, pm.Detected, pm.Mitigated, pm.Resolved} {
		w.OptCount(0, t != nil)
		if t != nil {
			putTime(w, *t)
		}
	}
	for _, s := range []*int64{pm.TimeToDetect, pm.TimeToMitigate, pm.TimeToResolve} {
		w.OptCount(0, s != nil)
		if s != nil {
			w.Int(*s)
		}
	}
	w.OptCount(len(pm.ActionItems), pm.ActionItems != nil)
	for _, a := range pm.ActionItems {
		putStrings(w, a.Text, a.Owner, a.Ticket, a.TicketURL, a.Due, a.DueDate, a.Status)
		putBool(w, a.Done)
		w.String(a.Form)
		w.Int(int64(a.Line))
	}
	w.OptCount(0, pm.History != nil)
	if h := pm.History; h != nil {
		putRevision(w, h.Created)
		putRevision(w, h.Updated)
		w.Int(int64(h.Revisions))
		putSlice(w, h.Contributors)
		putBool(w, h.Dirty)
	}
	putSlice(w, pm.Problems)
	putStrings(w, pm.RepoPath, pm.Page, pm.Year)
	putBool(w, pm.Draft)
	putBool(w, pm.Review)
	w.Int(int64(pm.Rank))
	w.OptCount(len(pm.Revisions), pm.Revisions != nil)
	for _, rev := range pm.Revisions {
		putRevision(w, rev)
	}
	putBool(w, pm.OwnSummary)
	w.String(pm.Text)
}

func getPostmortem(r *wire.Reader, pm *Postmortem) {
	pm.ID, pm.Title, pm.URL, pm.Path = r.String(), r.String(), r.String(), r.String()
	pm.Date, pm.DateFrom, pm.Status, pm.Severity = r.String(), r.String(), r.String(), r.String()
	pm.Authors, pm.Services, pm.Tags = getSlice(r), getSlice(r), getSlice(r)
	pm.Summary = r.String()
	for _, t := range []**time.Time{&pm.Started, &pm.Detected, &pm.Mitigated, &pm.Resolved} {
		if _, ok := r.OptCount(1); ok {
			v := getTime(r)
			*t = &v
		}
	}
	for _, s := range []**int64{&pm.TimeToDetect, &pm.TimeToMitigate, &pm.TimeToResolve} {
		if _, ok := r.OptCount(1); ok {
			v := r.Int()
			*s = &v
		}
	}
	if n, ok := r.OptCount(10); ok {
		pm.ActionItems = make([]ActionItem, n)
		for i := range pm.ActionItems {
			a := &pm.ActionItems[i]
			a.Text, a.Owner, a.Ticket, a.TicketURL = r.String(), r.String(), r.String(), r.String()
			a.Due, a.DueDate, a.Status = r.String(), r.String(), r.String()
			a.Done, a.Form, a.Line = getBool(r), r.String(), int(r.Int())
		}
	}
	if _, ok := r.OptCount(1); ok {
		h := &History{Created: getRevision(r), Updated: getRevision(r)}
		h.Revisions, h.Contributors, h.Dirty = int(r.Int()), getSlice(r), getBool(r)
		pm.History = h
	}
	pm.Problems = getSlice(r)
	pm.RepoPath, pm.Page, pm.Year = r.String(), r.String(), r.String()
	pm.Draft, pm.Review, pm.Rank = getBool(r), getBool(r), int(r.Int())
	if n, ok := r.OptCount(4); ok {
		pm.Revisions = make([]Revision, n)
		for i := range pm.Revisions {
			pm.Revisions[i] = getRevision(r)
		}
	}
	pm.OwnSummary, pm.Text = getBool(r), r.String()
}

func putRevision(w *wire.Writer, rev Revision) {
	w.String(rev.Commit)
	putTime(w, rev.Date)
	putStrings(w, rev.Author, rev.Subject)
}

func getRevision(r *wire.Reader) Revision {
	return Revision{Commit: r.String(), Date: getTime(r), Author: r.String(), Subject: r.String()}
}

func putTime(w *wire.Writer, t time.Time) {
	b, err := t.MarshalBinary()
	if err != nil { // a time zone offset that is not whole minutes
		b = nil
	}
	w.String(string(b))
}

func getTime(r *wire.Reader) time.Time {
	var t time.Time
	if t.UnmarshalBinary([]byte(r.String())) != nil {
		r.Fail()
	}
	return t
}

func putStrings(w *wire.Writer, ss ...string) {
	for _, s := range ss {
		w.String(s)
	}
}

func putSlice(w *wire.Writer, ss []string) {
	w.OptCount(len(ss), ss != nil)
	putStrings(w, ss...)
}

func getSlice(r *wire.Reader) []string {
	n, ok := r.OptCount(1)
	if !ok {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = r.String()
	}
	return ss
}

func putBool(w *wire.Writer, b bool) {
	if b {
		w.Byte(1)
	} else {
		w.Byte(0)
	}
}

func getBool(r *wire.Reader) bool {
	switch r.Byte() {
	case 0:
		return false
	case 1:
		return true
	}
	r.Fail()
	return false
}
