package site

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"

	"github.com/postmortem-dev/postmortem/render/config"
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
