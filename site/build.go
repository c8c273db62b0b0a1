package site

import (
	"bytes"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/templates/pages"
)

// builder renders the pages of a site and writes them.
type builder struct {
	cfg  *config.Config
	site *Site
	docs []*doc
	w    Writer
	prog *progress

	pages, files int
}

// job makes one file.
type job struct {
	name string
	page bool // an HTML page, counted in Result.Pages
	make func(*bytes.Buffer) error
}

// jobs lists every file of the site.
func (b *builder) jobs() []job {
	s := b.site
	var jobs []job
	for _, d := range b.docs {
		d := d
		jobs = append(jobs, job{name: d.pm.URL, page: true, make: func(buf *bytes.Buffer) error {
			err := pages.Postmortem(buf, postmortemView(s, d.pm, d.body, branch(b.cfg)))
			d.body = nil // rendered: let it go
			return err
		}})
	}
	jobs = append(jobs,
		job{name: "index.html", page: true, make: func(buf *bytes.Buffer) error { return pages.Index(buf, indexView(s)) }},
		job{name: "services/index.html", page: true, make: func(buf *bytes.Buffer) error {
			return pages.Groups(buf, groupsView(s, s.Services, "Services", "services", "The services involved in postmortems, with how many each."))
		}},
		job{name: "tags/index.html", page: true, make: func(buf *bytes.Buffer) error {
			return pages.Groups(buf, groupsView(s, s.Tags, "Tags", "tags", "The tags of postmortems, with how many each."))
		}},
		job{name: "404.html", page: true, make: func(buf *bytes.Buffer) error {
			p := s.page("", "Page not found", "")
			p.Base = s.BaseURL
			return pages.NotFound(buf, &p)
		}},
		job{name: "feed.xml", make: bytesOf(func() ([]byte, error) { return feed(s) })},
		job{name: "postmortems.json", make: bytesOf(func() ([]byte, error) { return jsonFile(s) })},
	)
	if s.BaseURL != "" {
		jobs = append(jobs, job{name: "sitemap.xml", make: bytesOf(func() ([]byte, error) { return sitemap(s) })})
	}
	for _, g := range s.Services {
		jobs = append(jobs, job{name: "services/" + g.Page + ".html", page: true, make: func(buf *bytes.Buffer) error {
			return pages.Group(buf, groupView(s, g, "Service", "services"))
		}})
	}
	for _, g := range s.Tags {
		jobs = append(jobs, job{name: "tags/" + g.Page + ".html", page: true, make: func(buf *bytes.Buffer) error {
			return pages.Group(buf, groupView(s, g, "Tag", "tags"))
		}})
	}
	for _, a := range pages.Assets {
		jobs = append(jobs, job{name: a, make: bytesOf(func() ([]byte, error) { return pages.Asset(a) })})
	}
	return jobs
}

func bytesOf(f func() ([]byte, error)) func(*bytes.Buffer) error {
	return func(buf *bytes.Buffer) error {
		data, err := f()
		buf.Write(data)
		return err
	}
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
	var (
		next   atomic.Int64
		failed atomic.Bool
		mu     sync.Mutex
		first  error
		wg     sync.WaitGroup
	)
	fail := func(err error) {
		mu.Lock()
		if first == nil {
			first = err
		}
		mu.Unlock()
		failed.Store(true)
	}
	for range workers() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for !failed.Load() {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				j := jobs[i]
				buf.Reset()
				if err := j.make(&buf); err != nil {
					fail(fmt.Errorf("render %s: %w", j.name, err))
					return
				}
				if err := b.w.WriteFile(j.name, buf.Bytes()); err != nil {
					fail(err)
					return
				}
				if j.page {
					b.prog.update(func(p *Progress) { p.Written++ })
				}
			}
		}()
	}
	wg.Wait()
	return first
}
