package site

import (
	"bytes"
	"html/template"
	"io"
	"strconv"

	"github.com/postmortem-dev/postmortem/render/parallel"
	"github.com/postmortem-dev/postmortem/site/search"
	"github.com/postmortem-dev/postmortem/templates/pages"
)

// moreJobs lists the pages drawn from the whole site: the action items,
// the insights and the search.
func (b *builder) moreJobs() []job {
	s := b.site
	jobs := []job{
		b.viewJob("insights.html", func() any { return insightsView(s) },
			func(buf *bytes.Buffer, v any) error { return pages.Insights(buf, v.(*pages.InsightsPage)) }),
	}
	jobs = append(jobs, b.actionJobs()...) // actions.go
	if s.search {
		jobs = append(jobs, b.searchJobs()...)
	}
	return jobs
}

// searchIndex is the search index being built and written: once done is
// closed, its meta.js and how many other files it wrote, or why it could
// not be built or written.
type searchIndex struct {
	done    chan struct{}
	meta    []byte
	written int
	err     error
}

// startIndex builds the search index of docs, in the order of the index
// page, in the background, and writes its files but meta.js: the pages do
// not wait for it. The files are named by a hash of their contents, so
// they are known only once it is built.
func (b *builder) startIndex(docs []*doc) *searchIndex {
	ix := &searchIndex{done: make(chan struct{})}
	go func() {
		defer close(ix.done)
		c := loadSearchCache(b.dir, b.key) // each document's words and data file, by content
		sd := searchDocs(docs)
		for i, d := range docs {
			// The document cache does not keep the body's text; read it
			// again only when the search's cache lacks the document.
			if sd[i].Body == "" && !c.Search.Has(&sd[i]) {
				sd[i].Body = b.conv.text(d)
			}
		}
		files, err := search.Build(sd, search.Options{Cache: c.Search})
		if err != nil {
			ix.err = err
			return
		}
		if b.dir != "" && c.Search.Changed() {
			saveSearchCache(b.dir, c)
		}
		names := make([]string, 0, len(files))
		for name := range files {
			if name != "meta.js" {
				names = append(names, name)
			}
		}
		ix.err = parallel.ForErr(len(names), func(i int) error {
			return b.writeData(search.Dir+"/"+names[i], files[names[i]])
		})
		ix.meta, ix.written = files["meta.js"], len(names)
	}()
	return ix
}

// searchJobs lists the search page, the search's assets and its index.
// The index is built and written while the pages are rendered; the job of
// meta.js waits for it.
func (b *builder) searchJobs() []job {
	s := b.site
	b.index = b.startIndex(b.docs)
	ix := b.index
	jobs := []job{
		b.viewJob(search.PagePath, func() any {
			return &pages.SearchPage{Page: s.page("", "Search", "search"), Results: search.ResultsHTML()}
		}, func(buf *bytes.Buffer, v any) error { return pages.Search(buf, v.(*pages.SearchPage)) }),
		{name: search.Dir + "/meta.js", make: func(buf *bytes.Buffer) error {
			<-ix.done
			if ix.err != nil {
				return ix.err
			}
			b.mu.Lock()
			b.files += ix.written // counted here: the names were not known when the jobs were listed
			b.mu.Unlock()
			buf.Write(ix.meta)
			return nil
		}},
	}
	for name, data := range search.Assets() {
		jobs = append(jobs, job{name: search.Dir + "/" + name, make: func(buf *bytes.Buffer) error {
			buf.Write(data)
			return nil
		}})
	}
	return jobs
}

// searchCacheName is the search index's cache file in the cache folder:
// the build key, then the search.Cache (written by its WriteTo, many times
// faster than gob).
const searchCacheName = "site-search-v3.bin"

type searchCache struct {
	Key    [32]byte
	Search *search.Cache
}

// loadSearchCache returns the search's cache of the build with the key,
// or an empty one.
func loadSearchCache(dir string, key [32]byte) *searchCache {
	c := &searchCache{Search: &search.Cache{}}
	ok := readCache(dir, searchCacheName, func(r io.Reader) error {
		if _, err := io.ReadFull(r, c.Key[:]); err != nil {
			return err
		}
		_, err := c.Search.ReadFrom(r)
		return err
	})
	if !ok || c.Key != key {
		return &searchCache{Key: key, Search: &search.Cache{}}
	}
	return c
}

func saveSearchCache(dir string, c *searchCache) {
	writeCache(dir, searchCacheName, func(w io.Writer) error {
		if _, err := w.Write(c.Key[:]); err != nil {
			return err
		}
		_, err := c.Search.WriteTo(w)
		return err
	})
}

// searchDocs returns the postmortems as the search index sees them. IDs
// are made unique, as the index needs: a postmortem whose front matter
// repeats another's id gets its page's name after it.
func searchDocs(all []*doc) []search.Doc {
	docs := make([]search.Doc, 0, len(all))
	seen := make(map[string]bool, len(all))
	for _, d := range all {
		pm := d.pm
		id := pm.ID
		for i := 2; id == "" || seen[id]; i++ {
			id = pm.ID + "~" + pm.Page
			if i > 2 {
				id += "~" + strconv.Itoa(i)
			}
		}
		seen[id] = true
		docs = append(docs, search.Doc{
			ID:       id,
			URL:      pm.URL,
			Title:    pm.Title,
			Summary:  pm.Summary,
			Body:     pm.Text,
			Date:     pm.Date,
			Severity: pm.Severity,
			Status:   pm.Status,
			Services: pm.Services,
			Tags:     pm.Tags,
			Authors:  pm.Authors,
			BodySum:  d.sum, // the file's: it stands for the body
		})
	}
	return docs
}

// searchHead and searchForm are what every page has of the search: its
// stylesheet and script, and the search box.
func searchHead(root string) template.HTML { return search.HeadHTML(root) }
func searchForm(root string) template.HTML { return search.FormHTML(root) }
