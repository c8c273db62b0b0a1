package site

import (
	"bytes"
	"html/template"
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

// searchJobs lists the search page, the search's assets and its index.
// The index is built while the pages are rendered, and written by one job
// (its files are named by a hash of their contents, so they are known
// only once it is built).
func (b *builder) searchJobs() []job {
	s := b.site
	type index struct {
		files map[string][]byte
		err   error
	}
	built := make(chan index, 1)
	go func() {
		var c searchCache // each document's words and data file, by content
		if !loadCache(b.dir, searchCacheName, &c) || c.Key != b.key || c.Search == nil {
			c = searchCache{Key: b.key, Search: &search.Cache{}}
		}
		old := c.Search.Docs
		files, err := search.Build(searchDocs(s), search.Options{Cache: c.Search})
		if err == nil && b.dir != "" && !maps.EqualFunc(old, c.Search.Docs, func(_, _ *search.CachedDoc) bool { return true }) {
			saveCache(b.dir, searchCacheName, &c)
		}
		built <- index{files, err}
	}()
	jobs := []job{
		b.viewJob(search.PagePath, func() any {
			return &pages.SearchPage{Page: s.page("", "Search", "search"), Results: search.ResultsHTML()}
		}, func(buf *bytes.Buffer, v any) error { return pages.Search(buf, v.(*pages.SearchPage)) }),
		{name: search.Dir + "/meta.js", make: func(buf *bytes.Buffer) error {
			ix := <-built
			if ix.err != nil {
				return ix.err
			}
			for name, data := range ix.files {
				if name == "meta.js" {
					continue
				}
				if err := b.w.WriteFile(search.Dir+"/"+name, data); err != nil {
					return err
				}
				b.mu.Lock()
				b.files++ // counted here: the names were not known when the jobs were listed
				b.mu.Unlock()
			}
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

// searchCacheName is the search index's cache file in the cache folder.
const searchCacheName = "site-search-v1.gob"

type searchCache struct {
	Key    [32]byte
	Search *search.Cache
}

// searchDocs returns the postmortems as the search index sees them. IDs
// are made unique, as the index needs: a postmortem whose front matter
// repeats another's id gets its page's name after it.
func searchDocs(s *Site) []search.Doc {
	docs := make([]search.Doc, 0, len(s.Postmortems))
	seen := make(map[string]bool, len(s.Postmortems))
	for _, pm := range s.Postmortems {
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
		})
	}
	return docs
}

// searchHead and searchForm are what every page has of the search: its
// stylesheet and script, and the search box.
func searchHead(root string) template.HTML { return search.HeadHTML(root) }
func searchForm(root string) template.HTML { return search.FormHTML(root) }
