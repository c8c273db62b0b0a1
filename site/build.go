package site

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"html/template"
	"io"
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
	make func(io.Writer) error
}

// viewJob is the job of a page drawn from a view that key hashes.
func (b *builder) viewJob(name string, view func() any, render func(io.Writer, any) error) job {
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
		make: func(w io.Writer) error { return render(w, get()) },
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
		make: func(w io.Writer) error {
			b.conv.parse(d)
			view := get()
			view.Body = template.HTML(d.body)
			err := pages.Postmortem(w, view)
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
		job{name: "index.html", page: true, make: b.frontPage},
		b.viewJob("services/index.html",
			func() any {
				return groupsView(s, s.Services, "Services", "services", "The services involved in postmortems, with how many each.")
			},
			func(w io.Writer, v any) error { return pages.Groups(w, v.(*pages.GroupsPage)) }),
		b.viewJob("tags/index.html",
			func() any {
				return groupsView(s, s.Tags, "Tags", "tags", "The tags of postmortems, with how many each.")
			},
			func(w io.Writer, v any) error { return pages.Groups(w, v.(*pages.GroupsPage)) }),
		b.dataJob("404.html", true, func() ([]byte, error) {
			p := s.page("", "Page not found", "")
			p.Base = s.BaseURL
			var buf bytes.Buffer
			err := pages.NotFound(&buf, &p)
			return buf.Bytes(), err
		}),
		b.dataJob("feed.xml", false, func() ([]byte, error) { return feed(s) }),
		job{name: "postmortems.json", make: func(w io.Writer) error { return writeJSONFile(w, s) }},
	)
	if s.BaseURL != "" {
		jobs = append(jobs, b.dataJob("sitemap.xml", false, func() ([]byte, error) { return sitemap(s) }))
	}
	group := func(w io.Writer, v any) error { return pages.Group(w, v.(*pages.GroupPage)) }
	for _, g := range s.Services {
		jobs = append(jobs, b.viewJob("services/"+g.Page+".html", func() any { return groupView(s, g, "Service", "services") }, group))
	}
	for _, g := range s.Tags {
		jobs = append(jobs, b.viewJob("tags/"+g.Page+".html", func() any { return groupView(s, g, "Tag", "tags") }, group))
	}
	for _, a := range pages.Assets {
		jobs = append(jobs, b.dataJob(a, false, func() ([]byte, error) { return pages.Asset(a) }))
	}
	jobs = append(jobs, b.moreJobs()...) // jobs.go
	return jobs
}

// frontPage writes the front page. It names the commit, so it is made on
// every build, but its years are taken from the cache when they are the
// ones the last build drew.
func (b *builder) frontPage(w io.Writer) error {
	v := indexView(b.site)
	key, ok := pageKey(b.key, struct {
		Root  string
		Years []pages.Year
	}{v.Root, v.Years})
	ok = ok && b.dir != ""
	if ok {
		if html, found := loadIndexYears(b.dir, key); found {
			v.YearsHTML = template.HTML(html)
		}
	}
	if v.YearsHTML == "" {
		var buf bytes.Buffer
		if err := pages.IndexYears(&buf, v); err != nil {
			return err
		}
		v.YearsHTML = template.HTML(buf.String())
		if ok {
			saveIndexYears(b.dir, key, buf.Bytes())
		}
	}
	return pages.Index(w, v)
}

// dataJob is the job of a file whose bytes are cheaper to make than to
// write: it is keyed by them, so that an unchanged file is taken from the
// previous site rather than written again.
func (b *builder) dataJob(name string, page bool, data func() ([]byte, error)) job {
	get := sync.OnceValues(data)
	return job{
		name: name,
		page: page,
		key: func() ([32]byte, bool) {
			d, err := get()
			if err != nil {
				return [32]byte{}, false // make says why
			}
			h := sha256.New()
			h.Write(b.key[:])
			fmt.Fprintf(h, "%d:%s", len(name), name)
			h.Write(d)
			var k [32]byte
			h.Sum(k[:0])
			return k, true
		},
		make: bytesOf(get),
	}
}

func bytesOf(f func() ([]byte, error)) func(io.Writer) error {
	return func(w io.Writer) error {
		data, err := f()
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
}

// do makes one file, or takes it from the previous site.
func (b *builder) do(j job, out *bufio.Writer, buf *bytes.Buffer) error {
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
	if err := b.make(j, out, buf); err != nil {
		return err
	}
	if keyed {
		b.keep(j.name, key)
	}
	return nil
}

// creator is a Writer that can also make a file to be written as it is
// made.
type creator interface {
	Create(name string) (io.WriteCloser, error)
}

// make makes a file with j.make: into the file as it is made, through
// out, when the Writer can, so that a large file is never all in memory
// (made whole in growing buffers, postmortems.json and the index of 1,000
// postmortems took 15 ms of a rebuild's CPU in clearing fresh memory);
// else into buf.
func (b *builder) make(j job, out *bufio.Writer, buf *bytes.Buffer) error {
	c, ok := b.w.(creator)
	if !ok {
		buf.Reset()
		if err := j.make(buf); err != nil {
			return fmt.Errorf("render %s: %w", j.name, err)
		}
		return b.w.WriteFile(j.name, buf.Bytes())
	}
	f, err := c.Create(j.name)
	if err != nil {
		return err
	}
	out.Reset(f)
	err = j.make(out)
	if err == nil {
		err = out.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("render %s: %w", j.name, err)
	}
	return nil
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
	b.keep(name, key)
	return nil
}

// keep records the file written at name with its key, so that the next
// build can take it.
func (b *builder) keep(name string, key [32]byte) {
	if b.ru == nil {
		return
	}
	if f, ok := b.ru.stat(name); ok {
		f.Key = key
		b.record(name, f)
	}
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
	type buffers struct {
		out *bufio.Writer
		buf bytes.Buffer
	}
	pool := sync.Pool{New: func() any { return &buffers{out: bufio.NewWriterSize(nil, 64<<10)} }}
	return parallel.ForErr(len(jobs), func(i int) error {
		bs := pool.Get().(*buffers)
		defer pool.Put(bs)
		j := jobs[i]
		if err := b.do(j, bs.out, &bs.buf); err != nil {
			return err
		}
		if j.page {
			b.prog.update(func(p *Progress) { p.Written++ })
		}
		return nil
	})
}
