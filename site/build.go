package site

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"html/template"
	"sync"

	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/render/parallel"
	"github.com/postmortem-dev/postmortem/site/search"
	"github.com/postmortem-dev/postmortem/templates/pages"
)

// builder renders the pages of a site and writes them.
type builder struct {
	cfg   *config.Config
	site  *Site
	docs  []*doc
	w     Writer
	prog  *progress
	conv  *converter
	key   [32]byte              // the build key
	dir   string                // the cache folder, or ""
	ru    reuser                // w, when it can reuse files of the previous site
	index *searchIndex          // the search index, once started
	old   map[string]cachedFile // the previous site's files, when ru can reuse them

	searchCache <-chan *search.Cache // the search index's cache, being read, or nil

	mu   sync.Mutex
	made map[string]cachedFile // the files made, with their keys

	oldOnce sync.Once
	oldData map[[32]byte]string // names of old files by key, for writeIndexFile

	pages, files int
}

// job makes one file. A job with a key may be taken from the previous
// site when its key is the same.
type job struct {
	name string
	page bool // an HTML page, counted in Result.Pages
	key  func() ([32]byte, bool)
	make func(*bytes.Buffer) error
}

// viewJob is the job of a page drawn from a view that key hashes.
func (b *builder) viewJob(name string, view func() any, render func(*bytes.Buffer, any) error) job {
	var v any
	get := func() any {
		if v == nil {
			v = view()
		}
		return v
	}
	return job{
		name: name,
		page: true,
		key:  func() ([32]byte, bool) { return pageKey(b.key, get()) },
		make: func(buf *bytes.Buffer) error { return render(buf, get()) },
	}
}

// postmortemJob is the job of a postmortem's page.
func (b *builder) postmortemJob(d *doc) job {
	var view *pages.PostmortemPage
	get := func() *pages.PostmortemPage {
		if view == nil {
			view = postmortemView(b.site, d.pm, nil, branch(b.cfg))
		}
		return view
	}
	return job{
		name: d.pm.URL,
		page: true,
		key:  func() ([32]byte, bool) { return b.postmortemKey(d), true },
		make: func(buf *bytes.Buffer) error {
			b.conv.parse(d)
			view := get()
			view.Body = template.HTML(d.body)
			err := pages.Postmortem(buf, view)
			d.body, view.Body = nil, "" // rendered: let it go
			return err
		},
	}
}

// postmortemKey returns the key of a postmortem's page: what the page
// shows is the file (its hash stands for everything read from it, body
// included), where its links lead, its history and the site's settings
// (in the build key). Hashing these is much cheaper than hashing the view.
func (b *builder) postmortemKey(d *doc) [32]byte {
	h := sha256.New()
	s, pm := b.site, d.pm
	h.Write(b.key[:])
	h.Write(d.sum[:])
	field := func(v string) { fmt.Fprintf(h, "%d:%s", len(v), v) }
	for _, v := range []string{pm.Path, pm.RepoPath, pm.Page, pm.Date, pm.DateFrom, s.Title, s.RepoURL, s.History, s.HistoryNote} {
		field(v)
	}
	for _, t := range d.targets {
		field(t)
		field(b.conv.pages[t])
	}
	if hs := pm.History; hs == nil {
		field("no history")
	} else {
		fmt.Fprintf(h, "history %d %t", hs.Revisions, hs.Dirty)
		for _, c := range hs.Contributors {
			field(c)
		}
	}
	for _, r := range pm.Revisions {
		field(r.Commit)
		field(r.Author) // .mailmap may change it
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// jobs lists every file of the site.
func (b *builder) jobs() []job {
	s := b.site
	var jobs []job
	for _, d := range b.docs {
		jobs = append(jobs, b.postmortemJob(d))
	}
	jobs = append(jobs,
		job{name: "index.html", page: true, make: func(buf *bytes.Buffer) error { return pages.Index(buf, indexView(s)) }},
		b.viewJob("services/index.html",
			func() any {
				return groupsView(s, s.Services, "Services", "services", "The services involved in postmortems, with how many each.")
			},
			func(buf *bytes.Buffer, v any) error { return pages.Groups(buf, v.(*pages.GroupsPage)) }),
		b.viewJob("tags/index.html",
			func() any {
				return groupsView(s, s.Tags, "Tags", "tags", "The tags of postmortems, with how many each.")
			},
			func(buf *bytes.Buffer, v any) error { return pages.Groups(buf, v.(*pages.GroupsPage)) }),
		job{name: "404.html", page: true, make: func(buf *bytes.Buffer) error {
			p := s.page("", "Page not found", "")
			p.Base = s.BaseURL
			return pages.NotFound(buf, &p)
		}},
		job{name: "feed.xml", make: bytesOf(func() ([]byte, error) { return feed(s) })},
		job{name: "postmortems.json", make: func(buf *bytes.Buffer) error {
			buf.Grow(jsonSize(s))
			b, err := appendJSONFile(buf.AvailableBuffer(), s)
			buf.Write(b) // into itself, when b did not grow
			return err
		}},
	)
	if s.BaseURL != "" {
		jobs = append(jobs, job{name: "sitemap.xml", make: bytesOf(func() ([]byte, error) { return sitemap(s) })})
	}
	group := func(buf *bytes.Buffer, v any) error { return pages.Group(buf, v.(*pages.GroupPage)) }
	for _, g := range s.Services {
		jobs = append(jobs, b.viewJob("services/"+g.Page+".html", func() any { return groupView(s, g, "Service", "services") }, group))
	}
	for _, g := range s.Tags {
		jobs = append(jobs, b.viewJob("tags/"+g.Page+".html", func() any { return groupView(s, g, "Tag", "tags") }, group))
	}
	for _, a := range pages.Assets {
		jobs = append(jobs, job{name: a, make: bytesOf(func() ([]byte, error) { return pages.Asset(a) })})
	}
	jobs = append(jobs, b.moreJobs()...) // jobs.go
	return jobs
}

func bytesOf(f func() ([]byte, error)) func(*bytes.Buffer) error {
	return func(buf *bytes.Buffer) error {
		data, err := f()
		buf.Write(data)
		return err
	}
}

// do makes one file, or takes it from the previous site.
func (b *builder) do(j job, buf *bytes.Buffer) error {
	var key [32]byte
	keyed := false
	if j.key != nil && b.ru != nil {
		key, keyed = j.key()
	}
	if keyed {
		if old, ok := b.old[j.name]; ok && old.Key == key && b.reuse(j.name, j.name, old) {
			return nil
		}
	}
	buf.Reset()
	if err := j.make(buf); err != nil {
		return fmt.Errorf("render %s: %w", j.name, err)
	}
	if !keyed {
		return b.w.WriteFile(j.name, buf.Bytes())
	}
	return b.writeKeyed(j.name, buf.Bytes(), key)
}

// reuse takes the previous site's file from, recorded as old, as the new
// site's file name, and records it, when it is still as recorded.
func (b *builder) reuse(from, name string, old cachedFile) bool {
	if !b.ru.reuse(from, name, old) {
		return false
	}
	b.record(name, old)
	return true
}

// writeKeyed writes a file and records it with its key, so that the next
// build can take it.
func (b *builder) writeKeyed(name string, data []byte, key [32]byte) error {
	if err := b.w.WriteFile(name, data); err != nil {
		return err
	}
	if b.ru != nil {
		if f, ok := b.ru.stat(name); ok {
			f.Key = key
			b.record(name, f)
		}
	}
	return nil
}

func (b *builder) record(name string, f cachedFile) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.made == nil {
		b.made = map[string]cachedFile{}
	}
	b.made[name] = f
}

// run makes and writes every file on all cores; it stops at the first
// error.
func (b *builder) run() error {
	jobs := b.jobs()
	for _, j := range jobs {
		b.files++
		if j.page {
			b.pages++
		}
	}
	b.prog.update(func(p *Progress) { p.Pages = b.pages })
	bufs := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	return parallel.ForErr(len(jobs), func(i int) error {
		buf := bufs.Get().(*bytes.Buffer)
		defer bufs.Put(buf)
		j := jobs[i]
		if err := b.do(j, buf); err != nil {
			return err
		}
		if j.page {
			b.prog.update(func(p *Progress) { p.Written++ })
		}
		return nil
	})
}
