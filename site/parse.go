package site

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/yuin/goldmark/ast"

	"github.com/postmortem-dev/postmortem/render"
	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/render/load"
	"github.com/postmortem-dev/postmortem/render/parallel"
	"github.com/postmortem-dev/postmortem/render/timeline"
)

// doc is what the site keeps of a document: its model and its body as
// HTML. The syntax tree is dropped once rendered, so that memory holds one
// tree per core, not one per document. A document taken from the cache has
// no body until its page needs one.
type doc struct {
	pm      *Postmortem
	body    []byte
	parsed  bool             // body is rendered
	sum     [32]byte         // SHA-256 of the file, or zero when unknown
	size    int64            // the file's size and modification time,
	mtime   int64            // when sum was computed
	targets []string         // paths of the relative links in the body
	errs    render.ErrorList // the document's problems
}

// parseAll reads files on all cores and returns the documents that could
// be read, in the order of files, and the problems found. A file whose
// bytes are those of an entry of cache is not parsed: its model comes from
// the cache.
func (c *converter) parseAll(files []string, cache map[string]*cachedDoc, prog *progress) ([]*doc, render.ErrorList) {
	docs := make([]*doc, len(files))
	infos := make([]fs.FileInfo, len(files))
	parallel.For(len(files), func(i int) {
		name := filepath.Join(c.cfg.Root, filepath.FromSlash(files[i]))
		info, err := os.Lstat(name)
		if err == nil {
			infos[i] = info
		}
		docs[i] = c.read(files[i], name, info, cache[files[i]])
		prog.update(func(p *Progress) { p.Parsed++ })
	})
	if c.seen != nil {
		c.seen.set(files, infos, c.cfg.Root)
	}
	var out []*doc
	var all render.ErrorList
	for _, d := range docs {
		if d.pm != nil {
			out = append(out, d)
		}
		all = append(all, d.errs...)
	}
	all.Sort()
	return out, all
}

// read reads one document, at name, from the cache when its bytes are the
// same; info is what os.Lstat said of it, or nil.
func (c *converter) read(file, name string, info fs.FileInfo, cached *cachedDoc) *doc {
	var sum [32]byte
	var size, mtime int64
	if info != nil && info.Mode()&fs.ModeSymlink != 0 {
		info, _ = os.Stat(name) // the file it leads to
	}
	if info != nil && info.Mode().IsRegular() {
		size, mtime = info.Size(), info.ModTime().UnixNano()
	}
	var data []byte
	var rerrs render.ErrorList
	if cached != nil && size == cached.Size && mtime == cached.ModTime && mtime != 0 {
		// As git does: a file of the same size and time is the same file.
		sum = cached.Sum
	} else if data, rerrs = load.ReadFile(c.cfg, file); rerrs == nil {
		sum = sha256.Sum256(data)
	}
	if cached != nil && cached.Sum == sum && sum != ([32]byte{}) {
		pm := cached.PM
		c.place(&pm)
		errs := make(render.ErrorList, len(cached.Errs))
		for i := range cached.Errs {
			errs[i] = &cached.Errs[i]
		}
		return &doc{pm: &pm, sum: sum, size: size, mtime: mtime, targets: cached.Targets, errs: errs}
	}
	if data == nil && rerrs == nil {
		data, rerrs = load.ReadFile(c.cfg, file)
	}
	if rerrs != nil {
		return &doc{errs: rerrs}
	}
	parsed, errs := load.Parse(c.cfg, file, data)
	d := &doc{sum: sum, size: size, mtime: mtime, errs: errs}
	if parsed != nil {
		c.convert(d, parsed)
	}
	return d
}

// parse renders the body of a document taken from the cache.
func (c *converter) parse(d *doc) {
	if d.parsed {
		return
	}
	ds, _ := load.Documents(c.cfg, []string{d.pm.Path})
	if len(ds) != 1 {
		d.parsed = true // the file went away; the page shows no body
		return
	}
	var fresh doc
	c.convert(&fresh, ds[0])
	d.body, d.targets, d.parsed = fresh.body, fresh.targets, true
}

// text returns the plain text of the body of a document taken from the
// cache, which does not keep it; d is left as it is.
func (c *converter) text(d *doc) string {
	ds, _ := load.Documents(c.cfg, []string{d.pm.Path})
	if len(ds) != 1 {
		return "" // the file went away
	}
	var fresh doc
	c.convert(&fresh, ds[0])
	return fresh.pm.Text
}

// place sets what depends on the other files and on the repository: the
// page's name and the path in the repository.
func (c *converter) place(pm *Postmortem) {
	pm.Page = c.pages[pm.Path]
	pm.URL = "postmortems/" + pm.Page + ".html"
	pm.RepoPath = c.prefix + pm.Path
}

// converter draws the model of documents.
type converter struct {
	cfg     *config.Config
	pages   map[string]string // page names by path
	prefix  string            // the path of the root in the repository
	repoURL string
	branch  string
	html    render.HTMLOptions
	seen    *lstats // what parseAll saw of the files, or nil
}

// lstats is what parseAll saw of the files with os.Lstat, for the history
// to compare the working tree with HEAD without looking at each file
// again: a stat took 10 µs here, 10 ms of a rebuild of 1,000 postmortems.
type lstats struct {
	done chan struct{} // closed once m is set
	m    map[string]fs.FileInfo
}

func newLstats() *lstats { return &lstats{done: make(chan struct{})} }

// set records infos of files (relative to root), nil where none, and lets
// lstat answer.
func (s *lstats) set(files []string, infos []fs.FileInfo, root string) {
	s.m = make(map[string]fs.FileInfo, len(files))
	for i, f := range files {
		if infos[i] != nil {
			s.m[filepath.Join(root, filepath.FromSlash(f))] = infos[i]
		}
	}
	close(s.done)
}

// lstat is os.Lstat, answered from what parseAll saw once it has seen it
// all.
func (s *lstats) lstat(name string) (fs.FileInfo, error) {
	<-s.done
	if info, ok := s.m[name]; ok {
		return info, nil
	}
	return os.Lstat(name)
}

// convert draws the model of a parsed document and renders its body into
// out.
func (c *converter) convert(out *doc, d *render.Document) {
	cfg := c.cfg
	errs := out.errs
	m := &d.Meta
	pm := &Postmortem{
		ID:       m.ID,
		Title:    m.Title,
		Path:     d.Path,
		Status:   m.Status,
		Severity: m.Severity,
		Authors:  m.Authors,
		Services: m.Services,
		Tags:     m.Tags,
		Summary:  m.Summary,
		Rank:     -1,
	}
	c.place(pm)
	if !m.Date.IsZero() {
		pm.Date, pm.DateFrom = m.Date.Format(render.DateLayout), m.DateFrom
	} else if t := timelineDate(d); !t.IsZero() {
		pm.Date, pm.DateFrom = t.Format(render.DateLayout), "timeline"
	}
	if d.FrontMatter != nil {
		for _, f := range d.FrontMatter.Fields {
			if f.Name == "summary" {
				pm.OwnSummary = true
			}
		}
	}
	for i, s := range cfg.Severities {
		if s == m.Severity {
			pm.Rank = i
		}
	}
	pm.Draft = m.Status != "" && m.Status == cfg.Draft()
	pm.Review = m.Status != "" && !pm.Draft && m.Status != cfg.Published()
	stamp := func(t time.Time) *time.Time {
		if t.IsZero() {
			return nil
		}
		return &t
	}
	pm.Started, pm.Detected, pm.Mitigated, pm.Resolved = stamp(m.Started), stamp(m.Detected), stamp(m.Mitigated), stamp(m.Resolved)
	pm.TimeToDetect = seconds(pm.Started, pm.Detected)
	pm.TimeToMitigate = seconds(pm.Started, pm.Mitigated)
	pm.TimeToResolve = seconds(pm.Started, pm.Resolved)
	for _, e := range errs {
		msg := e.Msg
		if e.Pos.IsValid() {
			msg = strconv.Itoa(e.Pos.Line) + ":" + strconv.Itoa(e.Pos.Col) + ": " + msg
		}
		pm.Problems = append(pm.Problems, msg)
	}

	dropTitle(d, pm.Title)
	demoteTitles(d)
	pm.ActionItems, pm.Text = readActions(cfg, d), bodyText(d) // actions.go
	out.targets = c.rewriteLinks(d)
	var b bytes.Buffer
	b.Grow(len(d.Source) + len(d.Source)/4)
	if err := d.HTML(&b, c.html); err != nil {
		// Rendering into a buffer fails only on a bug; say so on the page.
		pm.Problems = append(pm.Problems, "the body could not be rendered: "+err.Error())
	}
	out.pm, out.body, out.parsed = pm, b.Bytes(), true
}

// timelineDate returns the date of a document's timeline, for documents
// that give none of their own: the date most of its dated entries have
// (the earliest of those that tie), or the zero time. Not simply the
// earliest, as timelines often open with the change, weeks or months
// before, that set the incident up.
func timelineDate(d *render.Document) time.Time {
	count := map[time.Time]int{}
	var best time.Time
	for _, e := range timeline.Read(d).Entries {
		if e.Err != "" || !e.HasDate || e.Date.Year() == 0 {
			continue
		}
		count[e.Date]++
		if n, b := count[e.Date], count[best]; best.IsZero() || n > b || n == b && e.Date.Before(best) {
			best = e.Date
		}
	}
	return best
}

// seconds returns the seconds from a to b, or nil when either is missing or
// b is before a.
func seconds(a, b *time.Time) *int64 {
	if a == nil || b == nil || b.Before(*a) {
		return nil
	}
	s := int64(b.Sub(*a).Seconds())
	return &s
}

// dropTitle removes a level-1 heading that opens the body and repeats the
// title: the page shows the title already.
func dropTitle(d *render.Document, title string) {
	first := d.AST.FirstChild()
	h, ok := first.(*ast.Heading)
	if !ok || h.Level != 1 {
		return
	}
	if render.Slug(render.PlainText(d.Source, h)) == render.Slug(title) {
		d.AST.RemoveChild(d.AST, h)
	}
}

// demoteTitles makes the level-1 headings left in a body level 2: the
// page's title is its one h1 ("# Stats" under "## Action items" is one
// more section).
func demoteTitles(d *render.Document) {
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering && h.Level == 1 {
			h.Level = 2
		}
		return ast.WalkContinue, nil
	})
}

// rewriteLinks points relative links to other postmortems' files at their
// pages, and other relative links into the repository at the repository's
// web site when it is configured.
//
// It returns the paths the links lead to, so that a page can be reused
// only while they lead to the same pages.
func (c *converter) rewriteLinks(d *render.Document) []string {
	var targets []string
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		link, ok := n.(*ast.Link)
		if !ok {
			return ast.WalkContinue, nil
		}
		dest := string(link.Destination)
		target, frag, ok := repoPath(d.Path, dest)
		if !ok {
			return ast.WalkContinue, nil
		}
		targets = append(targets, target)
		if page, ok := c.pages[target]; ok {
			link.Destination = []byte(url.PathEscape(page) + ".html" + frag)
		} else if c.repoURL != "" {
			link.Destination = []byte(fileURL(c.repoURL, "blob", c.branch, c.prefix+target) + frag)
		}
		return ast.WalkContinue, nil
	})
	return targets
}

// repoPath resolves a relative link in the file at from to a path relative
// to the repository's root, and returns the fragment ("#x" or "") apart.
// It reports false for absolute URLs, links within the page, and paths
// that leave the repository.
func repoPath(from, dest string) (target, frag string, ok bool) {
	if dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "//") {
		return "", "", false
	}
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
		return "", "", false
	}
	if u.Fragment != "" {
		frag = "#" + u.EscapedFragment()
	}
	p := path.Join(path.Dir(from), u.Path)
	if p == ".." || strings.HasPrefix(p, "../") {
		return "", "", false
	}
	return p, frag, true
}

// branch returns the configured branch for links into the repository.
func branch(cfg *config.Config) string {
	if cfg.Site.Branch != "" {
		return cfg.Site.Branch
	}
	return "main"
}
