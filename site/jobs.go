package site

import (
	"crypto/sha256"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync"

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
			func(w io.Writer, v any) error { return pages.Insights(w, v.(*pages.InsightsPage)) }),
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
		// The cache holds each document's words and fragment, by
		// content, and the index of the last build.
		c := &search.Cache{}
		if b.searchCache != nil {
			c = <-b.searchCache
		}
		defer func() { c.Close() }()
		var done sync.Map // names of the files written
		files, err := b.writeIndex(docs, c, &done)
		if err != nil && len(c.Docs) > 0 {
			// The cache could not be read as it was written: build
			// without it, and write the files not written yet (the same
			// documents make the same files).
			c.Close()
			c = &search.Cache{}
			files, err = b.writeIndex(docs, c, &done)
		}
		if err != nil {
			ix.err = err
			return
		}
		if b.dir != "" && c.Changed() {
			c.Save(b.dir, b.key) // a cache that cannot be saved only makes the next build slower
		}
		ix.meta, ix.err = files[len(files)-1].Bytes() // BuildFiles lists meta.js last
		ix.written = len(files) - 1
	}()
	return ix
}

// writeIndex builds the search index of docs with the cache c and writes
// its files but meta.js, those not in done, and returns them.
func (b *builder) writeIndex(docs []*doc, c *search.Cache, done *sync.Map) ([]search.File, error) {
	files, err := b.buildIndex(docs, c)
	if err != nil {
		return nil, err
	}
	if b.ru != nil && len(files) > 1 {
		// The files are in a folder named after all of them: start it
		// from the previous build's.
		data, _, _ := strings.Cut(files[0].Name, "/")
		b.ru.moveFolder(search.Dir, search.Dir+"/"+data)
	}
	err = parallel.ForErr(len(files)-1, func(i int) error {
		if _, ok := done.Load(files[i].Name); ok {
			return nil
		}
		if err := b.writeIndexFile(files[i]); err != nil {
			return err
		}
		done.Store(files[i].Name, true)
		return nil
	})
	return files, err
}

// buildIndex builds the search index of docs with the cache c, reading
// the text of the documents that c lacks.
func (b *builder) buildIndex(docs []*doc, c *search.Cache) ([]search.File, error) {
	sd := searchDocs(docs)
	for i, d := range docs {
		// The document cache does not keep the body's text; read it
		// again only when the search's cache lacks the document.
		if sd[i].Body == "" && !c.Has(&sd[i]) {
			sd[i].Body = b.conv.text(d)
		}
	}
	return search.BuildFiles(sd, search.Options{Cache: c})
}

// writeIndexFile writes a file of the search index, or takes it from the
// previous site when one of its files has the same contents, under
// whatever name: the index's files are in a folder named after all of
// them, so a change to one document renames them all, but changes the
// bytes of a few. Files taken are not read at all.
func (b *builder) writeIndexFile(f search.File) error {
	name := search.Dir + "/" + f.Name
	h := sha256.New()
	h.Write([]byte("search file\x00"))
	h.Write(f.Sum[:])
	var key [32]byte
	h.Sum(key[:0])
	if b.ru != nil {
		b.oldOnce.Do(func() {
			b.oldData = make(map[[32]byte]string, len(b.old))
			for name, f := range b.old {
				b.oldData[f.Key] = name
			}
		})
		if from, ok := b.oldData[key]; ok && b.reuse(from, name, b.old[from]) {
			return nil
		}
	}
	data, err := f.Bytes()
	if err != nil {
		return fmt.Errorf("search index %s: %w", f.Name, err)
	}
	return b.writeKeyed(name, data, key)
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
		}, func(w io.Writer, v any) error { return pages.Search(w, v.(*pages.SearchPage)) }),
		{name: search.Dir + "/meta.js", make: func(w io.Writer) error {
			<-ix.done
			if ix.err != nil {
				return ix.err
			}
			b.mu.Lock()
			b.files += ix.written // counted here: the names were not known when the jobs were listed
			b.mu.Unlock()
			_, err := w.Write(ix.meta)
			return err
		}},
	}
	for name, data := range search.Assets() {
		jobs = append(jobs, b.dataJob(search.Dir+"/"+name, false, func() ([]byte, error) { return data, nil }))
	}
	return jobs
}

// searchCacheName is the search index's cache in the cache folder (with
// its data file, search.DataFile).
const searchCacheName = search.IndexFile

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
