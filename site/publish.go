package site

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// A Writer receives the files of a site by their slash-separated paths
// relative to the site's root ("index.html", "postmortems/x.html"). Build
// calls WriteFile from several goroutines at once.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// MemWriter is a Writer that keeps the files in memory. Its zero value is
// ready to use.
type MemWriter struct {
	mu    sync.Mutex
	files map[string][]byte
}

// WriteFile records a file; writing a path twice is an error, as it is a
// bug in the build.
func (m *MemWriter) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	if _, ok := m.files[name]; ok {
		return fmt.Errorf("write %s: written twice", name)
	}
	m.files[name] = append([]byte(nil), data...)
	return nil
}

// Files returns the files written, by path.
func (m *MemWriter) Files() map[string][]byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.files
}

// Names returns the paths written, sorted.
func (m *MemWriter) Names() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	names := make([]string, 0, len(m.files))
	for n := range m.files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// checkName rejects a path that is not a clean relative slash path inside
// the site.
func checkName(name string) error {
	if name == "" || !fs.ValidPath(name) || name == "." || strings.Contains(name, "\\") {
		return fmt.Errorf("write %q: not a path inside the site", name)
	}
	return nil
}

// Marker is the file that marks a folder as a site made by Build. Publish
// replaces only folders that are empty or hold it.
const Marker = ".postmortem-site"

// markerText is the content of Marker.
const markerText = "This folder is made by `postmortem build` and replaced by each build.\n"

// dirWriter writes files below a folder.
type dirWriter struct {
	dir  string // where the files go
	old  string // the previous site, or ""
	out  string // where the site goes when done
	keep string // where to keep the previous site when done, or ""
	mu   sync.Mutex
	made map[string]bool // folders created or found

	// When the new site starts from a recycled one (see recycle.go):
	found   map[string]foundFile // its files not taken yet, by name
	byIno   map[uint64][]string  // the names of those files, by inode
	dirs    map[string]bool      // its folders
	claimed map[string]bool      // the new site's files so far
}

// reuser is a Writer that can take files unchanged from the previous site.
type reuser interface {
	// previous returns the folder of the previous site, or "".
	previous() string
	// final returns the folder the site is published to.
	final() string
	// reuse takes the previous site's file named from as the new site's
	// file named name, when it is still as recorded in f, and reports
	// whether it did.
	reuse(from, name string, f cachedFile) bool
	// stat returns the size, time and inode of a file written.
	stat(name string) (cachedFile, bool)
	// keepPrevious has the previous site kept in a folder rather than
	// removed, and the new site start from the one kept there.
	keepPrevious(dir string, start bool)
	// moveFolder gives a folder of the site the new site starts from,
	// below parent, the name to, with what is in it, unless one is there
	// already, and reports whether it did.
	moveFolder(parent, to string) bool
}

func (d *dirWriter) previous() string { return d.old }
func (d *dirWriter) final() string    { return d.out }

func (d *dirWriter) reuse(from, name string, f cachedFile) bool {
	if d.old == "" || checkName(from) != nil || checkName(name) != nil {
		return false
	}
	if d.claimed != nil && d.take(name, f) {
		return true
	}
	old := filepath.Join(d.old, filepath.FromSlash(from))
	info, err := os.Lstat(old)
	if err != nil || !info.Mode().IsRegular() || info.Size() != f.Size || info.ModTime().UnixNano() != f.ModTime {
		return false
	}
	if ino, ok := fileIno(info); ok && f.Ino != 0 && ino != f.Ino {
		return false
	}
	if d.claimed != nil && d.claim(name) != nil {
		return false
	}
	if d.mkdir(path.Dir(name)) != nil || os.Link(old, d.path(name)) != nil {
		if d.claimed != nil {
			d.unclaim(name)
		}
		return false
	}
	return true
}

func (d *dirWriter) stat(name string) (cachedFile, bool) {
	info, err := os.Lstat(d.path(name))
	if err != nil {
		return cachedFile{}, false
	}
	ino, _ := fileIno(info)
	return cachedFile{Size: info.Size(), ModTime: info.ModTime().UnixNano(), Ino: ino}, true
}

func (d *dirWriter) WriteFile(name string, data []byte) error {
	f, err := d.Create(name)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// Create makes a new file of the site, for a file written as it is made
// rather than all at once; it is the caller's to close.
func (d *dirWriter) Create(name string) (io.WriteCloser, error) {
	if err := checkName(name); err != nil {
		return nil, err
	}
	if d.claimed != nil {
		if err := d.claim(name); err != nil {
			return nil, err
		}
	}
	if err := d.mkdir(path.Dir(name)); err != nil {
		return nil, err
	}
	// O_EXCL: a path written twice is a bug in the build, never silently
	// the last one.
	f, err := createFile(d.path(name))
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", name, err)
	}
	return f, nil
}

func (d *dirWriter) mkdir(dir string) error {
	if dir == "." {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.made[dir] {
		return nil
	}
	if err := os.MkdirAll(filepath.Join(d.dir, filepath.FromSlash(dir)), 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	d.made[dir] = true
	return nil
}

// ErrForeign is returned (wrapped) by Publish when the output folder is not
// empty and was not made by Build.
var ErrForeign = errors.New("not a folder made by postmortem build")

// Publish builds a site into the folder out, atomically: build writes into
// a new folder beside out, and only when it returns nil is that folder
// swapped in for out, so that a failed or interrupted build leaves the
// previous site as it was. Publish refuses to replace out when it is not a
// folder, or is a folder that is neither empty nor marked with Marker: it
// never deletes files it did not make. A symbolic link named out is
// followed, and the folder it leads to is replaced.
//
// Folders left behind by an interrupted build (".OUT.tmp-*" beside out,
// with the marker in them) are removed. The previous site is removed once
// the new one is in place, unless Build, given a cache folder, keeps it
// there for the next build to start from (see recycle.go).
func Publish(out string, build func(Writer) error) error {
	out, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	if real, err := filepath.EvalSymlinks(out); err == nil {
		out = real
	}
	exists, err := checkOut(out)
	if err != nil {
		return err
	}
	parent, base := filepath.Split(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", parent, err)
	}
	removeStale(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-")
	if err != nil {
		return fmt.Errorf("create the new site beside %s: %w", out, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	w := &dirWriter{dir: tmp, out: out, made: map[string]bool{}}
	if exists {
		w.old = out
	}
	if err := w.WriteFile(Marker, []byte(markerText)); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	err = build(w)
	if err == nil {
		err = w.sweep()
	}
	tmp = w.dir // the build may have started from a recycled site
	if err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if !exists {
		if err := os.Rename(tmp, out); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("move the new site to %s: %w", out, err)
		}
		return nil
	}
	if err := exchange(tmp, out); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("swap the new site in for %s: %w", out, err)
	}
	// tmp now holds the previous site: kept for the next build, when it
	// asked, else removed.
	if w.keep != "" && os.RemoveAll(w.keep) == nil && os.Rename(tmp, w.keep) == nil {
		return nil
	}
	if err := os.RemoveAll(tmp); err != nil {
		return fmt.Errorf("remove the previous site: %w", err)
	}
	return nil
}

// checkOut reports whether out exists, and an error when Publish must not
// replace it.
func checkOut(out string) (bool, error) {
	info, err := os.Stat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if !info.IsDir() {
		return false, fmt.Errorf("%s is not a folder", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return false, err
	}
	if len(entries) == 0 {
		return true, nil
	}
	if m, err := os.Lstat(filepath.Join(out, Marker)); err == nil && m.Mode().IsRegular() {
		return true, nil
	}
	return false, fmt.Errorf("%s: %w: it is not empty and has no %s file; remove it or choose another output folder", out, ErrForeign, Marker)
}

// removeStale removes the folders of interrupted builds beside out.
func removeStale(parent, base string) {
	matches, _ := filepath.Glob(filepath.Join(parent, "."+base+".tmp-*"))
	for _, m := range matches {
		if info, err := os.Lstat(filepath.Join(m, Marker)); err == nil && info.Mode().IsRegular() {
			os.RemoveAll(m)
		}
	}
}

// exchangeFallback swaps two folders with two renames, for systems without
// an atomic exchange: out is missing for the moment between them.
func exchangeFallback(a, b string) error {
	old := a + ".old"
	if err := os.Rename(b, old); err != nil {
		return err
	}
	if err := os.Rename(a, b); err != nil {
		if rerr := os.Rename(old, b); rerr != nil {
			return fmt.Errorf("%w (and the previous site is left in %s: %v)", err, old, rerr)
		}
		return err
	}
	return os.Rename(old, a)
}
