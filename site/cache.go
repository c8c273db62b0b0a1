package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/postmortem-dev/postmortem/render"
	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/site/history"
	"github.com/postmortem-dev/postmortem/site/search"
)

// CacheDir returns the folder where builds of the repository that holds
// root keep their cache: postmortem-cache in the repository's git folder
// (.git, or the folder a .git file points to in a worktree), else, outside
// a repository, a folder named after root in the user's cache folder, else
// "" (no cache). The cache is never in the site's output.
func CacheDir(root string) string {
	if repo := config.RepoRoot(root); repo != "" {
		dotgit := filepath.Join(repo, ".git")
		if info, err := os.Stat(dotgit); err == nil && info.IsDir() {
			return filepath.Join(dotgit, "postmortem-cache")
		}
		if data, err := os.ReadFile(dotgit); err == nil {
			if dir, ok := strings.CutPrefix(strings.TrimSpace(string(data)), "gitdir:"); ok {
				dir = strings.TrimSpace(dir)
				if !filepath.IsAbs(dir) {
					dir = filepath.Join(repo, dir)
				}
				return filepath.Join(dir, "postmortem-cache")
			}
		}
	}
	user, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(user, "postmortem", hex.EncodeToString(sum[:8]))
}

// The build cache lets a rebuild skip what has not changed: documents
// whose bytes are the same are not parsed again (their model is kept), and
// pages whose inputs are the same are not rendered again but hard-linked
// from the previous site. A page's inputs are hashed into a key: its view
// (everything the template shows, but the body) and, for a postmortem, the
// hash of its file and where its links lead. Every key also holds the
// build key: the program itself, the configuration and the options, so
// that a new version or a changed setting rebuilds everything. A linked
// file must still have the size and modification time recorded when it
// was written, so a file changed by hand in the output is made again.

// The cache files in the cache folder; their names carry the format
// version. A cache that cannot be read, or that another build key made, is
// ignored; one that cannot be written is only slower.
const (
	docCacheName   = "site-docs-v3.bin"
	fileCacheName  = "site-files-v3.bin"
	indexYearsName = "site-index-v1.bin"
)

// staleCache matches the names of cache files of every format version,
// this one's and older ones: "site-docs-v1.gob", "history-v1.bin",
// "site-search-v3.dat".
var staleCache = regexp.MustCompile(`^(site-[a-z]+|history)-v[0-9]+\.(gob|bin|dat)$`)

// pruneCache removes from the cache folder the files of other format
// versions than this program's, which no build reads again (an upgrade
// would leave them behind for good). It removes nothing else.
func pruneCache(dir string) {
	if dir == "" {
		return
	}
	current := map[string]bool{docCacheName: true, fileCacheName: true, indexYearsName: true, searchCacheName: true, search.DataFile: true, history.CacheFile: true}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if name := e.Name(); e.Type().IsRegular() && staleCache.MatchString(name) && !current[name] {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// docCache holds the models of documents, by path.
type docCache struct {
	Key  [32]byte
	Docs map[string]*cachedDoc
}

// fileCache holds the keys of the files of the site in Out.
type fileCache struct {
	Key   [32]byte
	Out   string
	Files map[string]cachedFile // by name in the site
}

type cachedDoc struct {
	Sum     [32]byte
	Size    int64
	ModTime int64
	PM      Postmortem
	Errs    []render.Error
	Targets []string
}

type cachedFile struct {
	Key     [32]byte
	Size    int64
	ModTime int64
	Ino     uint64 // the inode number, or 0 where there is none
}

// cached returns what the cache keeps of a document: not the plain text
// of its body, which is most of its size and which the search index
// caches in its own way (by the file's hash).
func (d *doc) cached() *cachedDoc {
	c := &cachedDoc{Sum: d.sum, Size: d.size, ModTime: d.mtime, PM: *d.pm, Targets: d.targets}
	c.PM.Text = ""
	for _, e := range d.errs {
		c.Errs = append(c.Errs, *e)
	}
	return c
}

// buildKey returns the key every cached thing depends on.
func buildKey(cfg *config.Config, drafts bool, base, prefix string) [32]byte {
	h := sha256.New()
	if exe, err := os.Executable(); err == nil {
		if info, err := os.Stat(exe); err == nil {
			fmt.Fprintf(h, "%s\x00%d\x00%d\x00", exe, info.Size(), info.ModTime().UnixNano())
		}
	}
	data, _ := json.Marshal(struct {
		Config       *config.Config
		Drafts       bool
		Base, Prefix string
		Version      int
		Root         string
	}{cfg, drafts, base, prefix, JSONVersion, cfg.Root})
	h.Write(data)
	var k [32]byte
	h.Sum(k[:0])
	return k
}
