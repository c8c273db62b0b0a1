package site

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/postmortem-dev/postmortem/site/internal/wire"
)

// fill sets every exported field reachable from v to a value other than
// its zero value, different from field to field, so that a test can see a
// field that is lost or mixed up with another.
func fill(v reflect.Value, n *int) {
	*n++
	if v.Type() == reflect.TypeFor[time.Time]() {
		v.Set(reflect.ValueOf(time.Date(2024, 1, *n, 10, *n, 0, 0, time.FixedZone("", 3600*(*n%5+1)))))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("s" + strconv.Itoa(*n) + " <é&>")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(*n) * 1000003)
	case reflect.Uint8:
		v.SetUint(uint64(*n))
	case reflect.Array:
		for i := range v.Len() {
			fill(v.Index(i), n)
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), n)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), n)
			}
		}
	default:
		panic("fill: no value for a " + v.Type().String())
	}
}

// TestDocCacheFields: every field of a cached document is read back as it
// was written, nil and empty slices apart; a field added to Postmortem and
// not to putPostmortem fails here.
func TestDocCacheFields(t *testing.T) {
	n := 0
	var full cachedDoc
	fill(reflect.ValueOf(&full).Elem(), &n)
	empty := cachedDoc{Errs: nil, Targets: []string{}, PM: Postmortem{Authors: []string{}, ActionItems: []ActionItem{}, History: &History{}}}
	dir := t.TempDir()
	key := [32]byte{1, 2, 3}
	want := &docCache{Key: key, Docs: map[string]*cachedDoc{"a.md": &full, "b.md": &empty, "c.md": {}}}
	saveDocCache(dir, want)
	got := loadDocCache(dir, key)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back\n%#v\nwant\n%#v", got.Docs["a.md"], want.Docs["a.md"])
	}
	if c := loadDocCache(dir, [32]byte{9}); len(c.Docs) != 0 {
		t.Errorf("the cache of another build key was read")
	}
}

func TestFileCache(t *testing.T) {
	dir := t.TempDir()
	want := &fileCache{Key: [32]byte{7}, Out: "/x/public", Files: map[string]cachedFile{
		"index.html":   {Key: [32]byte{1}, Size: 10, ModTime: 1700000000123456789, Ino: 1 << 40},
		"search/a.js":  {Key: [32]byte{2}, Size: 0, ModTime: -1},
		"services/x y": {},
	}}
	saveFileCache(dir, want)
	if got := loadFileCache(dir, want.Key); !reflect.DeepEqual(got, want) {
		t.Errorf("read back %+v, want %+v", got, want)
	}
	if c := loadFileCache(dir, [32]byte{8}); len(c.Files) != 0 || c.Out != "" {
		t.Errorf("the cache of another build key was read")
	}
}

// FuzzDocCache: any bytes in the documents' cache file are read as a
// cache or as none, without a panic, and a cache read is written back the
// same.
func FuzzDocCache(f *testing.F) {
	dir := f.TempDir()
	n := 0
	var full cachedDoc
	fill(reflect.ValueOf(&full).Elem(), &n)
	saveDocCache(dir, &docCache{Docs: map[string]*cachedDoc{"a.md": &full, "b.md": {}}})
	seed, err := os.ReadFile(filepath.Join(dir, docCacheName))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Fuzz(func(t *testing.T, data []byte) {
		c := decodeDocCache(string(data), [32]byte{})
		if c.Docs == nil {
			return
		}
		var buf bytes.Buffer
		w := &wire.Writer{W: bufio.NewWriter(&buf)}
		w.W.WriteString(docCacheMagic)
		encodeDocCache(w, c)
		w.W.Flush()
		if again := decodeDocCache(buf.String(), [32]byte{}); !reflect.DeepEqual(again, c) {
			t.Errorf("a cache read back differs from what was read")
		}
	})
}
