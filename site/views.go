package site

import (
	"html/template"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/postmortem-dev/postmortem/render"
	"github.com/postmortem-dev/postmortem/templates/pages"
)

// The functions in this file draw the templates' views from the model. A
// view's links are relative to its page: root is "" for pages at the
// site's root and "../" for pages one folder down.

// gitDateNote explains a date taken from git.
const gitDateNote = "the date of the file's first commit: the document gives none"

// list returns the rows of postmortems, with the columns that have a value
// in at least one row.
func list(pms []*Postmortem, root string) pages.List {
	l := pages.List{Rows: rows(pms, root)}
	for _, r := range l.Rows {
		l.Severity = l.Severity || r.Severity.Text != ""
		l.Status = l.Status || r.Status.Text != ""
		l.Services = l.Services || len(r.Services) > 0
		l.Duration = l.Duration || r.Duration != ""
	}
	return l
}

// page returns what every page has. Only the front page names the commit
// the site was built from: other pages change only when what they show
// does, which lets a rebuild keep them.
func (s *Site) page(root, title, section string) pages.Page {
	p := pages.Page{Site: s.Title, Title: title, Root: root, Section: section}
	if s.search {
		p.Search, p.SearchForm = searchHead(root), searchForm(root)
	}
	if s.inject != nil {
		p.Extra = s.inject(root)
	}
	return p
}

func severityBadge(pm *Postmortem) pages.Badge {
	b := pages.Badge{Text: pm.Severity, Class: "sev-other"}
	if pm.Rank >= 0 {
		b.Class = "sev-" + strconv.Itoa(min(pm.Rank, 4)+1)
	}
	return b
}

func statusBadge(pm *Postmortem) pages.Badge {
	b := pages.Badge{Text: pm.Status, Class: "status"}
	switch {
	case pm.Draft:
		b.Class += " status-draft"
	case pm.Review:
		b.Class += " status-review"
	case pm.Status != "":
		b.Class += " status-published"
	}
	return b
}

func serviceLinks(names []string, root string) []pages.Link {
	return groupLinks(names, root+"services/")
}

func tagLinks(names []string, root string) []pages.Link {
	return groupLinks(names, root+"tags/")
}

func groupLinks(names []string, prefix string) []pages.Link {
	var out []pages.Link
	seen := map[string]bool{}
	for _, n := range names {
		slug := groupSlug(n)
		if seen[slug] {
			continue
		}
		seen[slug] = true
		out = append(out, pages.Link{Text: n, Href: prefix + slug + ".html"})
	}
	return out
}

func rows(pms []*Postmortem, root string) []pages.Row {
	out := make([]pages.Row, len(pms))
	for i, pm := range pms {
		r := pages.Row{
			Href:     root + pm.URL,
			Title:    pm.Title,
			Summary:  clip(pm.Summary, 200),
			Date:     pm.Date,
			Severity: severityBadge(pm),
			Status:   statusBadge(pm),
			Services: serviceLinks(pm.Services, root),
			Warning:  len(pm.Problems) > 0,
		}
		switch pm.DateFrom {
		case "git":
			r.DateNote = "The date of the file's first commit: the document gives none."
		case "timeline":
			r.DateNote = "The date of most entries in the timeline: the document gives none."
		}
		if pm.TimeToResolve != nil {
			r.Duration = formatDuration(time.Duration(*pm.TimeToResolve) * time.Second)
		}
		out[i] = r
	}
	return out
}

// indexView is the front page.
func indexView(s *Site) *pages.IndexPage {
	p := &pages.IndexPage{Page: s.page("", "", "postmortems"), Count: len(s.Postmortems)}
	p.Commit, p.CommitURL = short(s.Commit), commitURL(s.RepoURL, s.Commit)
	p.Description = s.Title + ": every postmortem, newest first."
	all := list(s.Postmortems, "")
	git, tl := false, false
	for i := 0; i < len(s.Postmortems); {
		year := s.Postmortems[i].Year
		j := i
		for j < len(s.Postmortems) && s.Postmortems[j].Year == year {
			git = git || s.Postmortems[j].DateFrom == "git"
			tl = tl || s.Postmortems[j].DateFrom == "timeline"
			j++
		}
		l := all
		l.Rows = all.Rows[i:j]
		y := pages.Year{Name: year, ID: "y" + year, List: l}
		if year == "" {
			y.Name, y.ID = "Undated", "undated"
		}
		p.Years = append(p.Years, y)
		i = j
	}
	switch {
	case git && tl:
		p.Notes = append(p.Notes, "Dates marked * are the date of most entries in the timeline, or else of the file's first commit: the documents give none.")
	case git:
		p.Notes = append(p.Notes, "Dates marked * are those of the file's first commit: the documents give none.")
	case tl:
		p.Notes = append(p.Notes, "Dates marked * are the date of most entries in the timeline: the documents give none.")
	}
	if s.Drafts {
		p.Notes = append(p.Notes, "Drafts are included.")
	}
	return p
}

// postmortemView is a postmortem's page.
func postmortemView(s *Site, pm *Postmortem, body []byte, branch string) *pages.PostmortemPage {
	const root = "../"
	p := &pages.PostmortemPage{
		Page:     s.page(root, pm.Title, ""),
		Severity: severityBadge(pm),
		Status:   statusBadge(pm),
		Services: serviceLinks(pm.Services, root),
		Tags:     tagLinks(pm.Tags, root),
		Authors:  pm.Authors,
		Path:     pm.Path,
		Body:     template.HTML(body),
	}
	if stem := strings.TrimSuffix(path.Base(pm.Path), path.Ext(pm.Path)); pm.ID != stem {
		p.ID = pm.ID // an identifier of its own
	}
	p.Phases, p.PhaseLegend = phaseStrip(pm)
	p.Description = pm.Summary
	if pm.OwnSummary {
		p.Summary = pm.Summary // else it opens the body already
	}
	switch {
	case pm.Draft:
		p.Banners = append(p.Banners, pages.Banner{Kind: "info", Text: "This postmortem is a draft (status: " + pm.Status + "): it may be incomplete or wrong."})
	case pm.Review:
		p.Banners = append(p.Banners, pages.Banner{Kind: "info", Text: "This postmortem is in review (status: " + pm.Status + "): it may still change."})
	}
	if len(pm.Problems) > 0 {
		b := pages.Banner{Kind: "warning", Text: "This document has problems; the page shows what could be read of it."}
		for _, m := range pm.Problems {
			b.Items = append(b.Items, pm.Path+":"+m)
		}
		p.Banners = append(p.Banners, b)
	}
	p.Date = pages.Field{Label: "Date", Value: pm.Date, Datetime: pm.Date}
	switch pm.DateFrom {
	case "git":
		p.Date.Note = "(" + gitDateNote + ")"
	case "timeline":
		p.Date.Note = "(the date of most entries in the timeline: the document gives none)"
	case "file name":
		p.Date.Note = "(from the file name)"
	}
	for _, t := range []struct {
		label string
		t     *time.Time
	}{{"Started", pm.Started}, {"Detected", pm.Detected}, {"Mitigated", pm.Mitigated}, {"Resolved", pm.Resolved}} {
		if t.t != nil {
			p.Times = append(p.Times, pages.Field{Label: t.label, Value: formatTime(*t.t), Datetime: t.t.Format(time.RFC3339)})
		}
	}
	for _, d := range []struct {
		label string
		s     *int64
	}{{"Time to detect", pm.TimeToDetect}, {"Time to mitigate", pm.TimeToMitigate}, {"Time to resolve", pm.TimeToResolve}} {
		if d.s != nil {
			p.Durations = append(p.Durations, pages.Field{Label: d.label, Value: formatDuration(time.Duration(*d.s) * time.Second)})
		}
	}
	if s.RepoURL != "" {
		p.SourceURL = fileURL(s.RepoURL, "blob", branch, pm.RepoPath)
		p.EditURL = fileURL(s.RepoURL, "edit", branch, pm.RepoPath)
	}
	switch {
	case pm.History == nil && s.HistoryNote != "":
		p.HistoryNote = s.HistoryNote
	case pm.History == nil:
		p.HistoryNote = "This file is not committed yet, so it has no history."
	case s.History == "shallow":
		p.HistoryNote = s.HistoryNote
	}
	if h := pm.History; h != nil && h.Revisions == 0 {
		p.HistoryNote = "This file is not committed yet, so it has no history."
	} else if h != nil {
		v := &pages.History{
			Created:      revisionView(s, h.Created),
			Updated:      revisionView(s, h.Updated),
			Count:        h.Revisions,
			Contributors: h.Contributors,
			Dirty:        h.Dirty,
		}
		for _, r := range pm.Revisions {
			v.Revisions = append(v.Revisions, revisionView(s, r))
		}
		p.History = v
	}
	return p
}

// clip shortens s to at most n bytes, at a word boundary, with an ellipsis.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:.") + "…"
}

func revisionView(s *Site, r Revision) pages.Revision {
	return pages.Revision{
		Short:    short(r.Commit),
		URL:      commitURL(s.RepoURL, r.Commit),
		Date:     r.Date.Format(render.DateLayout),
		Datetime: r.Date.Format(time.RFC3339),
		Author:   r.Author,
		Subject:  r.Subject,
	}
}

// groupView is the page of a service or tag.
func groupView(s *Site, g *Group, kind, section string) *pages.GroupPage {
	const root = "../"
	p := &pages.GroupPage{
		Page:  s.page(root, kind+" "+g.Name, section),
		Kind:  kind,
		Name:  g.Name,
		Index: "index.html",
		List:  list(g.Postmortems, root),
	}
	p.Description = "Postmortems about " + g.Name + "."
	return p
}

// groupsView is the list of all services or tags.
func groupsView(s *Site, gs []*Group, kind, section, intro string) *pages.GroupsPage {
	p := &pages.GroupsPage{Page: s.page("../", kind, section), Kind: kind, Intro: intro}
	for _, g := range gs {
		p.Items = append(p.Items, pages.Link{Text: g.Name, Href: g.Page + ".html", Count: len(g.Postmortems)})
	}
	return p
}
