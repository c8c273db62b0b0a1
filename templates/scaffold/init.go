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
	"text/template"

	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/templates"
)

// InitOptions describe the files Init writes.
type InitOptions struct {
	// Folder is the postmortems folder, relative to the root ("" for
	// "postmortems").
	Folder string
	// CI is "", "github" or "gitlab": also write that CI configuration.
	CI string
}

// InitResult is what Init did with one file.
type InitResult struct {
	Path    string // relative to the root
	Skipped bool   // it existed and was left as it was
	// Advice, for a file that was skipped, is what the user may want to
	// change in it themselves.
	Advice string
}

// siteIgnore is the .gitignore Init writes when there is none: the site
// postmortem build makes by default is not to be committed.
const siteIgnore = `# The site that postmortem build writes by default.
/public/
`

// ciFiles are the CI configurations Init can write, by name.
var ciFiles = map[string]struct{ src, dst string }{
	"github": {"init/github.yml", ".github/workflows/postmortems.yml"},
	"gitlab": {"init/gitlab.yml", ".gitlab-ci.yml"},
}

// folderReadme is the README of a new postmortems folder; the default
// configuration does not take it for a postmortem.
const folderReadme = `# Postmortems

What we learned from incidents, written without blame. Start a new one with

    postmortem new "What happened, in a few words"

and check it with ` + "`postmortem lint`" + ` before you open a pull request.
`

// Init sets up a repository at root: a commented configuration, the
// postmortems folder with a README, and optionally a CI configuration. It
// never overwrites a file: one that exists is skipped and reported so.
func Init(root string, opts InitOptions) ([]InitResult, error) {
	folder := opts.Folder
	if folder == "" {
		folder = "postmortems"
	}
	var ci struct{ src, dst string }
	if opts.CI != "" {
		var ok bool
		if ci, ok = ciFiles[opts.CI]; !ok {
			return nil, fmt.Errorf("unknown CI %q: github or gitlab", opts.CI)
		}
	}
	cfgText, err := configText(folder)
	if err != nil {
		return nil, err
	}
	// Check the configuration is valid before writing anything.
	if _, err := config.Parse(config.FileName, cfgText); err != nil {
		return nil, err
	}
	files := []struct {
		path string
		data []byte
	}{
		{config.FileName, cfgText},
		{filepath.ToSlash(filepath.Join(folder, "README.md")), []byte(folderReadme)},
	}
	if ci.src != "" {
		data, err := templates.FS.ReadFile(ci.src)
		if err != nil {
			return nil, err
		}
		files = append(files, struct {
			path string
			data []byte
		}{ci.dst, data})
	}
	files = append(files, struct {
		path string
		data []byte
	}{".gitignore", []byte(siteIgnore)})
	var results []InitResult
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f.path))
		skipped, err := writeNew(p, f.data)
		if err != nil {
			return results, err
		}
		r := InitResult{Path: f.path, Skipped: skipped}
		if skipped && f.path == ".gitignore" && !ignoresSite(p) {
			r.Advice = "add /public/ to it, so that the built site is not committed"
		}
		results = append(results, r)
	}
	return results, nil
}

// ignoresSite reports whether a .gitignore has a line for the default
// site folder, public/.
func ignoresSite(p string) bool {
	data, err := os.ReadFile(p)
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(data), "\n") {
		switch strings.TrimSpace(line) {
		case "public", "public/", "/public", "/public/", "public/*", "/public/*", "public/**", "/public/**":
			return true
		}
	}
	return false
}

// configText returns the commented configuration for a postmortems folder.
func configText(folder string) ([]byte, error) {
	text, err := templates.FS.ReadFile("init/postmortem.yaml")
	if err != nil {
		return nil, err
	}
	tmpl, err := template.New("config").Parse(string(text))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = tmpl.Execute(&b, struct{ Folder string }{plainOrQuoted(folder)})
	return b.Bytes(), err
}

// plainOrQuoted returns a folder name as a YAML scalar: plain when it is
// made of letters, digits and ._/- only, double-quoted otherwise.
func plainOrQuoted(s string) string {
	for _, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune("._/-", r)) {
			return strconv.Quote(s)
		}
	}
	return s
}

// writeNew creates a file with data unless it exists; it reports whether
// it was skipped.
func writeNew(p string, data []byte) (bool, error) {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return false, fmt.Errorf("create folder: %w", err)
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("create %s: %w", p, errors.Unwrap(err))
	}
	_, werr := f.Write(data)
	if err := errors.Join(werr, f.Close()); err != nil {
		os.Remove(p)
		return false, fmt.Errorf("write %s: %w", p, err)
	}
	return false, nil
}
