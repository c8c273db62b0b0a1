// Package site builds the static website of a repository's postmortems.
//
// Build runs in three steps. Load: find the postmortems (render/load), parse
// them on all cores and, at the same time, read their history from git in
// one pass (site/history). Render: draw the data model (Site, whose JSON
// encoding is postmortems.json) and render every page from it with the
// templates of templates/pages, on all cores; rendering is pure, data in and
// bytes out. Publish: hand each file to a Writer by its path relative to the
// site's root; Publish gives Build a Writer into a new folder and swaps it
// in for the old site only when the build succeeded.
//
// Besides a page per postmortem, service and tag, the site has pages drawn
// from all of them: the index, actions.html (every action item, overdue
// ones against Options.Now), insights.html (charts drawn as inline SVG at
// build time) and search.html with the index of site/search.
//
// The site has no server side and makes no external request. Every link
// is relative ("../services/kafka.html"), and folders' pages are linked as
// ".../index.html", so that the same files work at a domain root, under a
// sub-path and opened from the file system. Output is deterministic: the
// same commit gives the same bytes; nothing depends on the time of the
// build.
package site

import (
	"errors"
	"fmt"
	"html/template"
	"net/url"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/postmortem-dev/postmortem/render"
	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/render/load"
	"github.com/postmortem-dev/postmortem/site/history"
	"github.com/postmortem-dev/postmortem/site/search"
)

// Options control a build. The zero value builds the published and
// in-review postmortems of a repository, without a cache.
type Options struct {
	// Drafts puts draft postmortems on the site.
	Drafts bool
	// BaseURL overrides the configuration's site.base_url: the absolute
	// http(s) URL the site is served from. Without one, sitemap.xml is
	// left out (a sitemap needs absolute URLs) and the feed's links are
	// relative to it.
	BaseURL string
	// CacheDir is a folder in which to keep what a build learnt, so that
	// the next one reads only new commits, parses only changed files and,
	// when the Writer is Publish's, takes unchanged pages from the
	// previous site; "" keeps nothing. See CacheDir.
	CacheDir string
	// Progress, when not nil, is called as the build advances. It is
	// called from one goroutine at a time.
	Progress func(Progress)
	// Now is the reference time of the build: action items due before its
	// day (in UTC) and still open are overdue. The zero value takes the
	// date of the commit the site is built from, so that two builds of a
	// commit are the same, and the time of the build outside a
	// repository.
	Now time.Time
	// NoSearch leaves the search out: no index, no search page and no
	// search box.
	NoSearch bool
	// Inject, when not nil, returns extra HTML for the end of the <head>
	// of every page at root (the path to the site's root, "" or "../"):
	// postmortem serve uses it to reload pages. Built sites have none.
	Inject func(root string) template.HTML
}

// Progress tells how far a build is.
type Progress struct {
	Parsed, Documents int // documents parsed, of how many
	Written, Pages    int // pages written, of how many (0 until known)
}

// Result is what a build made.
type Result struct {
	// Site is the data the pages were drawn from.
	Site *Site
	// Pages is the number of HTML pages written, Files the number of all
	// files.
	Pages, Files int
	// Problems are the problems found in documents, sorted by file and
	// position: documents that could not be read (left out) and parse
	// errors (shown in a banner on their pages).
	Problems render.ErrorList
	// Notices are remarks for the person building, such as how to get
	// the full history.
	Notices []string
}

// Build builds the site of the repository that cfg configures and writes its
// files to w. It returns an error only when the build cannot be done (no
// postmortems folder, a failure to write, a bad option); problems in single
// documents are in Result.Problems and do not stop the build.
func Build(cfg *config.Config, w Writer, opts Options) (*Result, error) {
	base, err := baseURL(cfg.Site.BaseURL, opts.BaseURL)
	if err != nil {
		return nil, err
	}
	prefix := repoPrefix(cfg.Root)
	key := buildKey(cfg, opts.Drafts, base, prefix)
	docs1, files1 := make(chan *docCache, 1), make(chan *fileCache, 1)
	go func() { docs1 <- loadDocCache(opts.CacheDir, key) }()
	go func() { files1 <- loadFileCache(opts.CacheDir, key) }()
	files, ferrs, err := load.Files(cfg)
	if err != nil {
		return nil, err
	}
	names := pageNames(files)
	var searchCache chan *search.Cache
	if !opts.NoSearch {
		// Read while the documents and the history are: the index waits
		// for both, and then for its cache.
		searchCache = make(chan *search.Cache, 1)
		go func() { searchCache <- search.OpenCache(opts.CacheDir, key) }()
	}

	type histResult struct {
		h   *history.History
		err error
	}
	hc := make(chan histResult, 1)
	seen := newLstats()
	go func() {
		h, err := history.Read(cfg.Root, history.Options{Track: tracker(cfg, files, prefix), CacheDir: opts.CacheDir, Lstat: seen.lstat})
		hc <- histResult{h, err}
	}()

	ru, _ := w.(reuser)
	cached := <-docs1
	conv := &converter{
		cfg:     cfg,
		pages:   names,
		prefix:  prefix,
		repoURL: strings.TrimRight(cfg.Site.RepoURL, "/"),
		branch:  branch(cfg),
		html:    render.HTMLOptions{AllowHTML: cfg.Site.AllowHTML},
		seen:    seen,
	}
	prog := &progress{fn: opts.Progress}
	prog.p.Documents = len(files)
	all, perrs := conv.parseAll(files, cached.Docs, prog)
	// Keep the documents' models as they are before the history is added,
	// and write them while the history is read.
	saved := make(chan struct{})
	next := &docCache{Key: key, Docs: make(map[string]*cachedDoc, len(all))}
	changed := len(cached.Docs) != len(all)
	for _, d := range all {
		if opts.CacheDir == "" || d.sum == ([32]byte{}) {
			continue
		}
		if c := cached.Docs[d.pm.Path]; c != nil && c.Sum == d.sum && c.ModTime == d.mtime && c.Size == d.size {
			next.Docs[d.pm.Path] = c // d is made from it, and it is not changed
			continue
		}
		next.Docs[d.pm.Path] = d.cached()
		changed = true
	}
	go func() {
		defer close(saved)
		if opts.CacheDir != "" && changed {
			saveDocCache(opts.CacheDir, next)
		}
	}()
	b := &builder{cfg: cfg, w: w, prog: prog, conv: conv, key: key, dir: opts.CacheDir, ru: ru, searchCache: searchCache}
	if fc := <-files1; ru != nil && fc.Out != "" && fc.Out == ru.previous() {
		b.old = fc.Files
	}
	if ru != nil && opts.CacheDir != "" {
		ru.keepPrevious(filepath.Join(opts.CacheDir, previousSite), len(b.old) > 0)
	}
	// The search index is built once the history is read, beside the pages
	// (see searchJobs): built while the history was read, it held both
	// in memory at once, 330 MB more at 10,000 postmortems, for no time
	// saved, as both keep the two cores busy.
	hr := <-hc

	res := &Result{}
	res.Problems = append(append(res.Problems, ferrs...), perrs...)
	res.Problems.Sort()
	s := &Site{
		Version:    JSONVersion,
		Title:      cfg.Site.Title,
		BaseURL:    base,
		RepoURL:    strings.TrimRight(cfg.Site.RepoURL, "/"),
		History:    "complete",
		Severities: cfg.Severities,
		Statuses:   cfg.Statuses,
		Drafts:     opts.Drafts,
	}
	if s.Title == "" {
		s.Title = "Postmortems"
	}
	switch {
	case errors.Is(hr.err, history.ErrNoRepository):
		s.History = "none"
		s.HistoryNote = "The postmortems are not in a git repository, so pages have no history."
		res.Notices = append(res.Notices, "history: not a git repository, so pages have no history; build from a clone of the repository (in CI, check it out with fetch-depth: 0)")
	case errors.Is(hr.err, history.ErrNoCommits):
		s.History = "none"
		s.HistoryNote = "The repository had no commits when the site was built, so pages have no history."
		res.Notices = append(res.Notices, "history: the repository has no commits yet, so pages have no history; commit the postmortems")
	case hr.err != nil:
		s.History = "none"
		s.HistoryNote = "The history could not be read from git."
		res.Notices = append(res.Notices, fmt.Sprintf("history: %v; pages are built without history", hr.err))
	case hr.h.Shallow:
		s.History = "shallow"
		s.HistoryNote = "The site was built from a shallow clone: first dates, authors and revision counts stop at the oldest commit fetched."
		res.Notices = append(res.Notices, "history: shallow clone, so first dates, authors and revision counts are incomplete; fetch the whole history (git fetch --unshallow; in CI, actions/checkout with fetch-depth: 0)")
	}
	var h *history.History
	if hr.err == nil {
		h = hr.h
		s.Commit = h.Head
	}
	s.Now = opts.Now
	if s.Now.IsZero() {
		s.Now = commitTime(cfg.Root, s.Commit)
	}
	if s.Now.IsZero() {
		s.Now = time.Now()
	}
	s.search, s.inject = !opts.NoSearch, opts.Inject
	docs := assemble(s, append([]*doc(nil), all...), h)
	res.Site = s

	b.site, b.docs = s, docs
	if err := b.run(); err != nil {
		if b.index != nil {
			<-b.index.done // it writes into the site that Publish removes
		}
		return nil, err
	}
	res.Pages, res.Files = b.pages, b.files
	if opts.CacheDir != "" && ru != nil {
		saveFileCache(opts.CacheDir, &fileCache{Key: key, Out: ru.final(), Files: b.made})
	}
	<-saved
	pruneCache(opts.CacheDir)
	return res, nil
}

// baseURL returns the base URL to use, checked and ending in "/".
func baseURL(configured, flag string) (string, error) {
	raw, what := configured, "site.base_url"
	if flag != "" {
		raw, what = flag, "--base-url"
	}
	if raw == "" {
		return "", nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("%s %q is not an absolute http or https URL such as https://example.com/postmortems/", what, raw)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), nil
}

// pageNames returns the page name of each file: the slug of its file name,
// made unique with a numeric suffix in the order of the sorted paths.
func pageNames(files []string) map[string]string {
	sorted := append([]string(nil), files...)
	sort.Strings(sorted)
	taken := map[string]bool{}
	names := make(map[string]string, len(files))
	for _, f := range sorted {
		stem := path.Base(f)
		if ext := path.Ext(stem); ext != "" && ext != stem {
			stem = strings.TrimSuffix(stem, ext)
		}
		base := render.Slug(stem)
		if base == "" {
			base = "postmortem"
		}
		name := base
		for i := 2; taken[name]; i++ {
			name = fmt.Sprintf("%s-%d", base, i)
		}
		taken[name] = true
		names[f] = name
	}
	return names
}

// tracker returns which paths the history follows: the postmortems, and
// any path the configuration would take for one (the old names of renamed
// postmortems).
func tracker(cfg *config.Config, files []string, prefix string) func(string) bool {
	set := make(map[string]bool, len(files))
	for _, f := range files {
		set[prefix+f] = true
	}
	dir := path.Clean(filepath.ToSlash(cfg.Postmortems))
	return func(p string) bool {
		if set[p] {
			return true
		}
		p, ok := strings.CutPrefix(p, prefix)
		if !ok {
			return false
		}
		rel := p
		if dir != "." {
			var ok bool
			if rel, ok = strings.CutPrefix(p, dir+"/"); !ok {
				return false
			}
		}
		return load.Selected(cfg, rel)
	}
}

// repoPrefix returns the path of root in its git repository, as a prefix
// ("examples/", or "" at the repository's root): paths from the history and
// on the repository's web site are relative to the repository, those of
// documents to root.
func repoPrefix(root string) string {
	repo := config.RepoRoot(root)
	if repo == "" {
		return ""
	}
	rel, err := filepath.Rel(repo, root)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return ""
	}
	return filepath.ToSlash(rel) + "/"
}

// progress reports progress, one call at a time.
type progress struct {
	fn func(Progress)
	mu sync.Mutex
	p  Progress
}

func (p *progress) update(f func(*Progress)) {
	if p.fn == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	f(&p.p)
	p.fn(p.p)
}
