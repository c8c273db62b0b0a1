package site

import (
	"bytes"
	"encoding/xml"
	"net/url"
	"time"
)

// feedSize is the number of postmortems in the Atom feed.
const feedSize = 50

type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title     string      `xml:"title"`
	ID        string      `xml:"id"`
	Links     []atomLink  `xml:"link"`
	Updated   string      `xml:"updated"`
	Generator string      `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	Title      string         `xml:"title"`
	ID         string         `xml:"id"`
	Link       atomLink       `xml:"link"`
	Published  string         `xml:"published,omitempty"`
	Updated    string         `xml:"updated"`
	Authors    []atomAuthor   `xml:"author"`
	Categories []atomCategory `xml:"category"`
	Summary    string         `xml:"summary,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// published reports whether a postmortem goes into the feed: its status is
// the last of the scale, or it has none (documents without front matter).
func (s *Site) published(pm *Postmortem) bool {
	return pm.Status == "" || len(s.Statuses) > 0 && pm.Status == s.Statuses[len(s.Statuses)-1]
}

// updated returns when a postmortem last changed: its last commit, or its
// date when that is later (a feed entry is not updated before it is
// published).
func updated(pm *Postmortem) time.Time {
	t, _ := time.Parse("2006-01-02", pm.Date)
	if pm.History != nil && pm.History.Updated.Date.After(t) {
		return pm.History.Updated.Date
	}
	return t
}

// feed returns the Atom feed of the newest published postmortems. With a
// base URL its links are absolute; without one they are relative to the
// feed, which is at the site's root, and identifiers are URNs.
func feed(s *Site) ([]byte, error) {
	f := atomFeed{Title: s.Title, Generator: "postmortem", ID: "urn:postmortem:" + url.PathEscape(s.Title)}
	if s.BaseURL != "" {
		f.ID = s.BaseURL
		f.Links = append(f.Links, atomLink{Rel: "self", Type: "application/atom+xml", Href: s.BaseURL + "feed.xml"})
	}
	f.Links = append(f.Links, atomLink{Rel: "alternate", Type: "text/html", Href: s.BaseURL + "index.html"})
	var latest time.Time
	for _, pm := range s.Postmortems {
		if u := updated(pm); u.After(latest) {
			latest = u
		}
		if !s.published(pm) || len(f.Entries) == feedSize {
			continue
		}
		e := atomEntry{
			Title:   pm.Title,
			ID:      "urn:postmortem:" + url.PathEscape(pm.Page),
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: s.BaseURL + pm.URL},
			Updated: atomTime(updated(pm)),
			Summary: pm.Summary,
		}
		if s.BaseURL != "" {
			e.ID = s.BaseURL + pm.URL
		}
		if pm.Date != "" {
			e.Published = pm.Date + "T00:00:00Z"
		}
		for _, a := range pm.Authors {
			e.Authors = append(e.Authors, atomAuthor{a})
		}
		if len(e.Authors) == 0 && pm.History != nil && pm.History.Created.Author != "" {
			e.Authors = append(e.Authors, atomAuthor{pm.History.Created.Author})
		}
		if pm.Severity != "" {
			e.Categories = append(e.Categories, atomCategory{pm.Severity})
		}
		for _, t := range pm.Tags {
			e.Categories = append(e.Categories, atomCategory{t})
		}
		f.Entries = append(f.Entries, e)
	}
	f.Updated = atomTime(latest)
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// atomTime formats a time for Atom; the zero time is the Unix epoch.
func atomTime(t time.Time) string {
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	return t.UTC().Format(time.RFC3339)
}

type sitemapURLSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemap returns sitemap.xml; it needs the base URL.
func sitemap(s *Site) ([]byte, error) {
	var set sitemapURLSet
	add := func(p string, t time.Time) {
		u := sitemapURL{Loc: s.BaseURL + p}
		if !t.IsZero() {
			u.LastMod = t.UTC().Format("2006-01-02")
		}
		set.URLs = append(set.URLs, u)
	}
	add("", time.Time{})
	add("services/index.html", time.Time{})
	add("tags/index.html", time.Time{})
	for _, pm := range s.Postmortems {
		add(pm.URL, updated(pm))
	}
	for _, g := range s.Services {
		add("services/"+g.Page+".html", time.Time{})
	}
	for _, g := range s.Tags {
		add("tags/"+g.Page+".html", time.Time{})
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(set); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
