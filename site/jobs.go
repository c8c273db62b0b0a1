package site

import (
	"bytes"
	"html/template"
	"io"
	"maps"
	"strconv"

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

// searchIndex is the search index's files, or why it could not be built.
type searchIndex struct {
	files map[string][]byte
	err   error
}

// startIndex builds the search index of docs, in the order of the index
// page, in the background: the pages do not wait for it, and when the
// documents' dates do not depend on git it starts before the history is
// read (see Build).
func startIndex(docs []*doc, conv *converter, dir string, key [32]byte) <-chan searchIndex {
	built := make(chan searchIndex, 1)
	go func() {
		c := loadSearchCache(dir, key) // each document's words and data file, by content
		old := c.Search.Docs
		sd := searchDocs(docs)
		for i, d := range docs {
			// The document cache does not keep the body's text; read it
			// again only when the search's cache lacks the document.
			if sd[i].Body == "" && !c.Search.Has(&sd[i]) {
				sd[i].Body = conv.text(d)
			}
		}
		files, err := search.Build(sd, search.Options{Cache: c.Search})
		if err == nil && dir != "" && !maps.EqualFunc(old, c.Search.Docs, func(_, _ *search.CachedDoc) bool { return true }) {
			saveSearchCache(dir, c)
		}
		built <- searchIndex{files, err}
	}()
	return built
}

// searchJobs lists the search page, the search's assets and its index.
// The index is built while the pages are rendered, or earlier, and written
// by one job (its files are named by a hash of their contents, so they are
// known only once it is built).
func (b *builder) searchJobs() []job {
	s := b.site
	built := b.index
	if built == nil {
		built = startIndex(b.docs, b.conv, b.dir, b.key)
	}
	jobs := []job{
		b.viewJob(search.PagePath, func() any {
			return &pages.SearchPage{Page: s.page("", "Search", "search"), Results: search.ResultsHTML()}
		}, func(buf *bytes.Buffer, v any) error { return pages.Search(buf, v.(*pages.SearchPage)) }),
		{name: search.Dir + "/meta.js", make: func(buf *bytes.Buffer) error {
			ix := <-built
			if ix.err != nil {
				return ix.err
			}
			names := make([]string, 0, len(ix.files))
			for name := range ix.files {
				if name != "meta.js" {
					names = append(names, name)
				}
			}
			err := eachParallel(len(names), func(i int) error {
				return b.writeData(search.Dir+"/"+names[i], ix.files[names[i]])
			})
			if err != nil {
				return err
			}
			b.mu.Lock()
			b.files += len(names) // counted here: the names were not known when the jobs were listed
			b.mu.Unlock()
			buf.Write(ix.files["meta.js"])
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
const searchCacheName = "site-search-v2.bin"

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
