// Package load finds a repository's postmortems and parses them.
//
// It is the one place that reads postmortem files from disk: lint and the
// site both start here. Paths in its results are relative to the
// repository's root, with forward slashes, as git and CI annotations name
// files.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/postmortem-dev/postmortem/render"
	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/render/parallel"
)

// MaxSize is the largest file Documents reads, in bytes.
const MaxSize = 32 << 20

// Files returns the postmortems named by args, relative to the root of
// cfg: the files themselves, and in folders the files that the
// configuration's include and exclude patterns select. With no args it
// returns the postmortems folder's files. Problems with single files (a
// symlink that leads outside the repository, a folder named like a
// postmortem) are returned as errors beside the files that could be used.
// Args are relative to the working directory.
func Files(cfg *config.Config, args ...string) ([]string, render.ErrorList, error) {
	if len(args) == 0 {
		if _, err := os.Stat(cfg.Dir()); errors.Is(err, fs.ErrNotExist) {
			return nil, nil, fmt.Errorf("no postmortems folder %s (set postmortems: in %s, or run postmortem init)", cfg.Dir(), config.FileName)
		}
		args = []string{cfg.Dir()}
	}
	w := &walker{cfg: cfg, seen: map[string]bool{}}
	for _, arg := range args {
		abs, err := filepath.Abs(arg)
		if err != nil {
			return nil, nil, err
		}
		info, err := os.Lstat(abs)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", arg, unwrapPathError(err))
		}
		if info.IsDir() {
			if err := w.walk(abs); err != nil {
				return nil, nil, err
			}
			continue
		}
		w.file(abs, info, true)
	}
	sort.Strings(w.files)
	w.errs.Sort()
	return w.files, w.errs, nil
}

// Path returns where a file named by Files is: its path joined to the
// root, or the path itself when it is absolute (Files names a file outside
// the repository, given as an argument, by its absolute path).
func Path(root, rel string) string {
	p := filepath.FromSlash(rel)
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(root, p)
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

type walker struct {
	cfg   *config.Config
	files []string
	errs  render.ErrorList
	seen  map[string]bool
}

// rel returns a path relative to the root, with slashes.
func (w *walker) rel(abs string) string {
	r, err := filepath.Rel(w.cfg.Root, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(r)
}

func (w *walker) walk(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			w.errs.Add(w.rel(p), render.Pos{}, "io", "%v", unwrapPathError(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != dir && (strings.HasPrefix(d.Name(), ".") || w.excluded(p)) {
				return fs.SkipDir
			}
			return nil
		}
		if !w.included(p) || w.excluded(p) {
			return nil
		}
		if d.Type().IsRegular() {
			// The folder's listing says so: no need to stat it.
			w.add(w.rel(p))
			return nil
		}
		info, err := d.Info()
		if err != nil {
			w.errs.Add(w.rel(p), render.Pos{}, "io", "%v", unwrapPathError(err))
			return nil
		}
		w.file(p, info, false)
		return nil
	})
}

// file adds one file, following a symlink only to a regular file inside
// the repository. Named files are reported when they are not postmortems;
// files found in folders are skipped quietly unless they look like one.
func (w *walker) file(p string, info fs.FileInfo, named bool) {
	rel := w.rel(p)
	if info.Mode()&fs.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(p)
		if err != nil {
			w.errs.Add(rel, render.Pos{}, "io", "broken symlink: %v", unwrapPathError(err))
			return
		}
		root, err := filepath.EvalSymlinks(w.cfg.Root)
		if err != nil {
			root = w.cfg.Root
		}
		if r, err := filepath.Rel(root, target); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			w.errs.Add(rel, render.Pos{}, "io", "symlink to %s, outside the repository: not followed", target)
			return
		}
		if info, err = os.Stat(target); err != nil {
			w.errs.Add(rel, render.Pos{}, "io", "%v", unwrapPathError(err))
			return
		}
	}
	if !info.Mode().IsRegular() {
		w.errs.Add(rel, render.Pos{}, "io", "not a regular file: skipped")
		return
	}
	w.add(rel)
}

// add adds a file once.
func (w *walker) add(rel string) {
	if !w.seen[rel] {
		w.seen[rel] = true
		w.files = append(w.files, rel)
	}
}

// included reports whether a file's name matches an include pattern.
func (w *walker) included(p string) bool {
	return matchAny(w.cfg.Include, filepath.Base(p), w.relToDir(p))
}

// excluded reports whether a file or folder matches an exclude pattern.
func (w *walker) excluded(p string) bool {
	return matchAny(w.cfg.Exclude, filepath.Base(p), w.relToDir(p))
}

// relToDir returns p relative to the postmortems folder, with slashes.
func (w *walker) relToDir(p string) string {
	r, err := filepath.Rel(w.cfg.Dir(), p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(r)
}

// Selected reports whether the configuration's include and exclude
// patterns select a file, given by its path relative to the postmortems
// folder, with slashes. Hidden and excluded folders on the way are not
// looked at; Files does that as it walks.
func Selected(cfg *config.Config, rel string) bool {
	name := path.Base(rel)
	return matchAny(cfg.Include, name, rel) && !matchAny(cfg.Exclude, name, rel)
}

// matchAny reports whether a pattern matches a file's name or its path.
func matchAny(patterns []string, name, rel string) bool {
	for _, pat := range patterns {
		if ok, _ := path.Match(pat, name); ok {
			return true
		}
		if ok, _ := path.Match(pat, rel); ok {
			return true
		}
	}
	return false
}

// Documents reads and parses files (relative to the root of cfg) on all
// cores. It returns the documents of the files that could be read, in the
// order of files, and every problem found: files that could not be read and
// each document's parse errors.
func Documents(cfg *config.Config, files []string) ([]*render.Document, render.ErrorList) {
	docs := make([]*render.Document, len(files))
	errs := make([]render.ErrorList, len(files))
	Each(cfg, files, cfg.ParseOptions(), func(i int, d *render.Document, e render.ErrorList) {
		docs[i], errs[i] = d, e
	})
	var out []*render.Document
	var all render.ErrorList
	for i, d := range docs {
		if d != nil {
			out = append(out, d)
		}
		all = append(all, errs[i]...)
	}
	all.Sort()
	return out, all
}

// Each reads and parses files (relative to the root of cfg) with opts, on
// all cores,
// and calls f with each file's index, its document (nil when it could not
// be read) and its problems. f is called from several goroutines at once.
// Only the documents in flight are held in memory, so that a caller that
// keeps what it needs of each can go through any number of files.
func Each(cfg *config.Config, files []string, opts render.Options, f func(i int, d *render.Document, errs render.ErrorList)) {
	each(cfg, files, opts, render.Parse, f)
}

// EachFacts reads the id and authors of each file (relative to the root of
// cfg), on all cores, and calls f with the file's index and its facts, or
// ok false when it cannot be read. It reads only the first kilobytes of a
// file when they hold the front matter (see render.ScanFacts): it is for a
// quick pass over all files before a slower one over some. f is called
// from several goroutines at once.
func EachFacts(cfg *config.Config, files []string, f func(i int, facts render.Facts, ok bool)) {
	opts := cfg.ParseOptions()
	parallel.For(len(files), func(i int) {
		facts, ok := readFacts(cfg.Root, files[i], opts)
		f(i, facts, ok)
	})
}

// factsHead is how much of a file EachFacts reads first: front matter is
// rarely longer than a kilobyte.
const factsHead = 8 << 10

func readFacts(root, rel string, opts render.Options) (render.Facts, bool) {
	var buf [factsHead]byte
	n, whole, err := readHead(Path(root, rel), buf[:])
	if err != nil {
		return render.Facts{}, false
	}
	head := buf[:n]
	if !whole {
		// Whole lines only: a cut line could read as a delimiter.
		head = head[:bytes.LastIndexByte(head, '\n')+1]
	}
	if facts, complete := render.ScanFacts(rel, head, opts); whole || complete && len(head) > 0 {
		return facts, true
	}
	data, errs := readFile(root, rel)
	if errs != nil {
		return render.Facts{}, false
	}
	facts, _ := render.ScanFacts(rel, data, opts)
	return facts, true
}

type parseFunc func(path string, src []byte, opts render.Options) (*render.Document, error)

func each(cfg *config.Config, files []string, opts render.Options, parse parseFunc, f func(i int, d *render.Document, errs render.ErrorList)) {
	parallel.For(len(files), func(i int) {
		d, errs := read(cfg.Root, files[i], opts, parse)
		f(i, d, errs)
	})
}

// read reads and parses one file.
func read(root, rel string, opts render.Options, parse parseFunc) (*render.Document, render.ErrorList) {
	data, errs := readFile(root, rel)
	if errs != nil {
		return nil, errs
	}
	doc, err := parse(rel, data, opts)
	var list render.ErrorList
	errors.As(err, &list)
	return doc, list
}

// ReadFile reads a file (relative to the root of cfg) as Each does: at
// most MaxSize bytes, with the problem of a file that cannot be read.
// With Parse, it lets a caller that needs the bytes too (to hash them)
// read a file once.
func ReadFile(cfg *config.Config, rel string) ([]byte, render.ErrorList) {
	return readFile(cfg.Root, rel)
}

// Parse parses the bytes of a file as Documents does.
func Parse(cfg *config.Config, rel string, data []byte) (*render.Document, render.ErrorList) {
	doc, err := render.Parse(rel, data, cfg.ParseOptions())
	var list render.ErrorList
	errors.As(err, &list)
	return doc, list
}

func readFile(root, rel string) ([]byte, render.ErrorList) {
	data, err := readAll(Path(root, rel), MaxSize)
	if err != nil {
		return nil, render.ErrorList{{Path: rel, Code: "io", Msg: unwrapPathError(err).Error()}}
	}
	if len(data) > MaxSize {
		return nil, render.ErrorList{{Path: rel, Code: "io", Msg: fmt.Sprintf("file is too large (more than %d MB)", MaxSize>>20)}}
	}
	return data, nil
}
