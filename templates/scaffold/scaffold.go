// Package scaffold creates new postmortems from templates.
package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/go-git/go-git/v5"
	gitconfig "github.com/go-git/go-git/v5/config"

	"github.com/postmortem-dev/postmortem/render"
	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/templates"
)

// Options describe a new postmortem.
type Options struct {
	Title    string
	Date     time.Time // the incident's date
	Severity string    // "" to leave it for the author to fill in
	Authors  []string  // nil: the git user's name, when there is one
	Services []string
	Tags     []string
	Template string // "" for the configuration's default
	// Dir is where to look for the git configuration; "" for the root of
	// the configuration.
	Dir string
}

// New writes a new postmortem into the configuration's postmortems folder
// and returns its path. The file name comes from the configuration's
// pattern; when the name is taken, a numeric suffix is added. The file is
// created exclusively, so two runs at once never overwrite each other, and
// never left half-written.
func New(cfg *config.Config, opts Options) (string, error) {
	title := strings.Join(strings.Fields(opts.Title), " ")
	if title == "" {
		return "", errors.New("the title is empty: say in a few words what happened, e.g. \"Checkout errors after the payments deploy\"")
	}
	if opts.Severity != "" && !contains(cfg.Severities, opts.Severity) {
		msg := fmt.Sprintf("unknown severity %q", opts.Severity)
		if s := render.Suggest(opts.Severity, cfg.Severities); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return "", fmt.Errorf("%s; the scale is %s", msg, strings.Join(cfg.Severities, ", "))
	}
	list, err := templates.List(cfg.Root)
	if err != nil {
		return "", err
	}
	name := opts.Template
	if name == "" {
		name = cfg.Template
	}
	tpl, err := templates.Find(list, name)
	if err != nil {
		return "", err
	}
	authors := opts.Authors
	if authors == nil {
		dir := opts.Dir
		if dir == "" {
			dir = cfg.Root
		}
		if name := GitUser(dir); name != "" {
			authors = []string{name}
		}
	}
	data := templates.Data{
		Title:      title,
		Date:       opts.Date.Format(render.DateLayout),
		Status:     cfg.Draft(),
		Severity:   opts.Severity,
		Authors:    authors,
		Services:   opts.Services,
		Tags:       opts.Tags,
		Severities: cfg.Severities,
		FieldNames: cfg.Fields,
	}
	var buf bytes.Buffer
	if err := tpl.Execute(&buf, data); err != nil {
		return "", err
	}
	// A repository's template must still make a postmortem that parses.
	if _, err := render.Parse(tpl.Source, buf.Bytes(), cfg.ParseOptions()); err != nil {
		return "", fmt.Errorf("template %s makes a postmortem with errors: %w", tpl.Name, err)
	}
	return create(cfg.Dir(), FileName(cfg.Filename, opts.Date, title), buf.Bytes())
}

// FileName returns the file name of a new postmortem from the pattern.
func FileName(pattern string, date time.Time, title string) string {
	slug := render.Slug(title)
	if slug == "" {
		slug = "postmortem"
	}
	return strings.NewReplacer(
		"{date}", date.Format(render.DateLayout),
		"{year}", date.Format("2006"),
		"{month}", date.Format("01"),
		"{slug}", slug,
	).Replace(pattern)
}

// create writes data to a new file in dir, adding a suffix to name until
// the name is free.
func create(dir, name string, data []byte) (string, error) {
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return "", fmt.Errorf("create folder: %w", err)
	}
	ext := filepath.Ext(p)
	base := strings.TrimSuffix(p, ext)
	for i := 1; i < 1000; i++ {
		if i > 1 {
			p = base + "-" + strconv.Itoa(i) + ext
		}
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("create postmortem: %w", err)
		}
		_, werr := f.Write(data)
		cerr := f.Close()
		if err := errors.Join(werr, cerr); err != nil {
			os.Remove(p)
			return "", fmt.Errorf("write %s: %w", p, err)
		}
		return p, nil
	}
	return "", fmt.Errorf("create postmortem: %s and 998 more names like it are taken", p)
}

// GitUser returns the user.name of the git configuration that applies to
// dir (the repository's, the user's and the system's), or "".
func GitUser(dir string) string {
	if repo, err := git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{DetectDotGit: true}); err == nil {
		if c, err := repo.ConfigScoped(gitconfig.SystemScope); err == nil && c.User.Name != "" {
			return c.User.Name
		}
	}
	for _, scope := range []gitconfig.Scope{gitconfig.GlobalScope, gitconfig.SystemScope} {
		if c, err := gitconfig.LoadConfig(scope); err == nil && c.User.Name != "" {
			return c.User.Name
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
