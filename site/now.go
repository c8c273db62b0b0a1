package site

import (
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
)

// commitTime returns the committer date of the commit hash in the
// repository that holds dir, or the zero time when it cannot be read.
func commitTime(dir, hash string) time.Time {
	if hash == "" {
		return time.Time{}
	}
	repo, err := git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if err != nil {
		return time.Time{}
	}
	c, err := repo.CommitObject(plumbing.NewHash(hash))
	if err != nil {
		return time.Time{}
	}
	return c.Committer.When
}
