package site

import (
	"bytes"
	"cmp"
	"encoding/json"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/postmortem-dev/postmortem/render"
	"github.com/postmortem-dev/postmortem/render/actions"
	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/templates/pages"
)

// readActions returns a document's action items, from the section the
// configuration names "Action items" (or one of its aliases, or of the
// usual names).
func readActions(cfg *config.Config, d *render.Document) []ActionItem {
	items := actions.Read(d, append(cfg.SectionNames("Action items"), actions.SectionNames...)...)
	if len(items.Items) == 0 {
		return nil
	}
	out := make([]ActionItem, 0, len(items.Items))
	for _, it := range items.Items {
		text := it.Text
		if it.Form != actions.Table {
			text = trimInline(text)
		}
		a := ActionItem{
			Text:      text,
			Owner:     it.Owner,
			Ticket:    it.Ticket,
			TicketURL: it.TicketURL,
			Due:       it.Due,
			Status:    it.Status,
			Done:      it.Done,
			Form:      string(it.Form),
			Line:      it.Pos.Line,
		}
		if !it.DueDate.IsZero() {
			a.DueDate = it.DueDate.Format(render.DateLayout)
		}
		out = append(out, a)
	}
	return out
}

// inlineFields finds where a list item's inline fields start: "— owner:
// Name, ticket: X, due: 2026-01-10" after the action.
var inlineFields = regexp.MustCompile(`(?i)[\s,;(\[—–-]*\b(owner|owners|assignee|ticket|issue|due|due date|deadline)\s*:`)

// trimInline returns a list item's action without the inline fields that
// render/actions read from it (owner, ticket, due), which the page shows
// in their own columns.
func trimInline(text string) string {
	loc := inlineFields.FindStringIndex(text)
	if loc == nil || loc[0] == 0 {
		return text
	}
	return strings.TrimRight(text[:loc[0]], " ,;:—–-")
}

// bodyText returns the plain text of a document's body, for the search
// index.
func bodyText(d *render.Document) string {
	if d.AST == nil {
		return ""
	}
	return render.PlainText(d.Source, d.AST)
}

// today returns the day of the build's reference time, YYYY-MM-DD, in UTC.
func (s *Site) today() string {
	if s.Now.IsZero() {
		return ""
	}
	return s.Now.UTC().Format(render.DateLayout)
}

// overdue reports whether an action item is open and past due on day
// (YYYY-MM-DD): due the day before or earlier.
func overdue(a *ActionItem, day string) bool {
	return !a.Done && a.DueDate != "" && day != "" && a.DueDate < day
}

// actionState is an item's state on the page: "overdue", "open" or "done".
func actionState(a *ActionItem, day string) string {
	switch {
	case a.Done:
		return "done"
	case overdue(a, day):
		return "overdue"
	}
	return "open"
}

// siteAction is an action item with its postmortem.
type siteAction struct {
	*ActionItem
	pm *Postmortem
}

// allActions returns every action item of the site, overdue ones first
// (longest overdue first), then open ones by due date (undated last),
// then done ones, newest postmortem first; ties keep the order of the
// postmortems and of the documents.
func allActions(s *Site) []siteAction {
	var out []siteAction
	for _, pm := range s.Postmortems {
		for i := range pm.ActionItems {
			out = append(out, siteAction{&pm.ActionItems[i], pm})
		}
	}
	day := s.today()
	rank := map[string]int{"overdue": 0, "open": 1, "done": 2}
	slices.SortStableFunc(out, func(a, b siteAction) int {
		ra, rb := rank[actionState(a.ActionItem, day)], rank[actionState(b.ActionItem, day)]
		if ra != rb || ra == 2 {
			return cmp.Compare(ra, rb)
		}
		// Open items: by due date, undated last.
		switch {
		case a.DueDate == b.DueDate:
			return 0
		case a.DueDate == "":
			return 1
		case b.DueDate == "":
			return -1
		}
		return strings.Compare(a.DueDate, b.DueDate)
	})
	return out
}

// actionsPerPage is how many rows a page of action items shows: a few
// hundred keep a page near 150 KB.
const actionsPerPage = 250

// actionsInlineOwners is how many owners the table of owners can have on
// actions.html; with more, it has a page of its own, actionsOwners.
const actionsInlineOwners = 30

const actionsOwners = "actions/owners.html"

// actionsData is the path of the script of every action item, from the
// site's root.
const actionsData = "actions/items.js"

// actionsFilters is the path of the script of the filters' choices, from
// the site's root.
const actionsFilters = "actions/filters.js"

// actionsSite is what the pages of action items are drawn from.
type actionsSite struct {
	s      *Site
	day    string
	all    []siteAction
	counts pages.ActionsPage // Total, Open, Overdue, Done, AsOf
	owners []pages.Count     // most overdue first; Href from the root
	names  []string          // owners, alphabetical
	slugs  map[string]string // owner -> page name
	svcs   []string
}

func foldCompare(a, b string) int {
	return cmp.Or(strings.Compare(strings.ToLower(render.Fold(a)), strings.ToLower(render.Fold(b))), strings.Compare(a, b))
}

func ownerName(a *ActionItem) string {
	if a.Owner == "" {
		return pages.NoOwner
	}
	return a.Owner
}

func newActionsSite(s *Site) *actionsSite {
	as := &actionsSite{s: s, day: s.today(), all: allActions(s), slugs: map[string]string{}}
	as.counts.AsOf = as.day
	owners := map[string]*pages.Count{}
	services := map[string]bool{}
	for _, a := range as.all {
		name := ownerName(a.ActionItem)
		c := owners[name]
		if c == nil {
			c = &pages.Count{Name: name}
			owners[name] = c
		}
		as.counts.Total++
		switch actionState(a.ActionItem, as.day) {
		case "overdue":
			as.counts.Overdue++
			as.counts.Open++
			c.Overdue++
			c.Open++
		case "open":
			as.counts.Open++
			c.Open++
		default:
			as.counts.Done++
			c.Done++
		}
		for _, sv := range a.pm.Services {
			services[sv] = true
		}
	}
	for name := range owners {
		as.names = append(as.names, name)
	}
	slices.SortFunc(as.names, foldCompare)
	used := map[string]bool{}
	for _, name := range as.names {
		slug := "owner-" + groupSlug(name)
		for i := 2; used[slug]; i++ {
			slug = "owner-" + groupSlug(name) + "-" + strconv.Itoa(i)
		}
		used[slug] = true
		as.slugs[name] = slug
		c := owners[name]
		c.Href = "actions/" + slug + ".html"
		as.owners = append(as.owners, *c)
	}
	slices.SortStableFunc(as.owners, func(a, b pages.Count) int {
		return cmp.Or(cmp.Compare(b.Overdue, a.Overdue), cmp.Compare(b.Open, a.Open))
	})
	for sv := range services {
		as.svcs = append(as.svcs, sv)
	}
	slices.SortFunc(as.svcs, foldCompare)
	return as
}

// row returns an item's row on a page at root.
func (as *actionsSite) row(a siteAction, root string) pages.ActionRow {
	state := actionState(a.ActionItem, as.day)
	r := pages.ActionRow{
		Text:      a.Text,
		Owner:     a.Owner,
		Ticket:    a.Ticket,
		TicketURL: a.TicketURL,
		Due:       a.Due,
		DueDate:   a.DueDate,
		State:     state,
		Written:   a.Status,
		Title:     a.pm.Title,
		Href:      root + a.pm.URL,
		Date:      a.pm.Date,
		Services:  a.pm.Services,
		Line:      a.Line,
	}
	if w := strings.ToLower(r.Written); w == state || w == "open" && state != "done" || a.Form == string(actions.TaskList) {
		r.Written = "" // the state says it already
	}
	if d := as.lateDays(a.ActionItem); d >= 0 {
		r.Late = strconv.Itoa(d) + " d"
	}
	return r
}

// lateDays returns how many days an overdue item is past due, or -1.
func (as *actionsSite) lateDays(a *ActionItem) int {
	if as.s.Now.IsZero() || !overdue(a, as.day) {
		return -1
	}
	due, err := time.Parse(render.DateLayout, a.DueDate)
	if err != nil {
		return -1
	}
	return int(as.s.Now.UTC().Sub(due).Hours() / 24)
}

// actionList is one list of items cut into pages: name(n) is the path of
// page n (from 1) from the site's root.
type actionList struct {
	id, heading, note string
	items             []siteAction
	name              func(n int) string
	owner             string // of an owner's list
}

// lists returns the lists of action items: the open items, the done ones
// and each owner's.
func (as *actionsSite) lists() []actionList {
	var open, done []siteAction
	byOwner := map[string][]siteAction{}
	for _, a := range as.all {
		if a.Done {
			done = append(done, a)
		} else {
			open = append(open, a)
		}
		name := ownerName(a.ActionItem)
		byOwner[name] = append(byOwner[name], a)
	}
	out := []actionList{
		{id: "open", heading: "Open items", note: "Overdue items first, the longest overdue first, then by due date.", items: open, name: func(n int) string {
			if n == 1 {
				return "actions.html"
			}
			return "actions/" + strconv.Itoa(n) + ".html"
		}},
		{id: "done", heading: "Done items", note: "Newest postmortem first.", items: done, name: func(n int) string {
			if n == 1 {
				return "actions/done.html"
			}
			return "actions/done-" + strconv.Itoa(n) + ".html"
		}},
	}
	if len(as.owners) > actionsInlineOwners {
		out = append(out, actionList{id: "owners", heading: "By owner", name: func(int) string { return actionsOwners }})
	}
	for _, name := range as.names {
		slug := as.slugs[name]
		out = append(out, actionList{id: "owner", owner: name, heading: "Items of " + name, note: "Overdue items first, then open ones by due date, then done ones.", items: byOwner[name], name: func(n int) string {
			if n == 1 {
				return "actions/" + slug + ".html"
			}
			return "actions/" + slug + "." + strconv.Itoa(n) + ".html"
		}})
	}
	return out
}

// rel returns the path of target (from the site's root) from a page at
// root.
func rel(root, target string) string { return root + target }

// page returns page n (from 1) of a list.
func (as *actionsSite) page(l actionList, n int) *pages.ActionsPage {
	name := l.name(n)
	root := ""
	if strings.Contains(name, "/") {
		root = "../"
	}
	title := "Action items"
	switch {
	case l.id == "done":
		title = "Done action items"
	case l.id == "owner":
		title = l.heading
	case l.id == "owners":
		title = "Action items by owner"
	}
	if n > 1 {
		title += ", page " + strconv.Itoa(n)
	}
	p := &pages.ActionsPage{Page: as.s.page(root, title, "actions")}
	p.Description = "Every action item of every postmortem, open ones first."
	p.AsOf, p.Total, p.Open, p.Overdue, p.Done = as.counts.AsOf, as.counts.Total, as.counts.Open, as.counts.Overdue, as.counts.Done
	p.List, p.Heading, p.Note, p.Owner = l.id, l.heading, l.note, l.owner
	p.Data = actionsData
	p.Scripts = append(p.Scripts, actionsFilters, "actions.js")
	p.OwnersPage = rel(root, "actions.html") + "#owners"
	if len(as.owners) > actionsInlineOwners {
		p.OwnersPage = rel(root, actionsOwners) + "#owners"
	}
	p.Count = len(l.items)
	pagesN := max(1, (len(l.items)+actionsPerPage-1)/actionsPerPage)
	lo, hi := (n-1)*actionsPerPage, min(n*actionsPerPage, len(l.items))
	if lo < hi {
		p.First, p.Last = lo+1, hi
	}
	p.Rows = make([]pages.ActionRow, 0, max(0, hi-lo))
	for _, a := range l.items[lo:hi] {
		p.Rows = append(p.Rows, as.row(a, root))
	}
	if pagesN > 1 {
		last := 0
		for _, i := range pageNumbers(n, pagesN) {
			p.Pages = append(p.Pages, pages.PageLink{Num: i, Href: rel(root, l.name(i)) + "#" + l.id, Current: i == n, Gap: i > last+1})
			last = i
		}
		if n > 1 {
			p.Prev = rel(root, l.name(n-1)) + "#" + l.id
		}
		if n < pagesN {
			p.Next = rel(root, l.name(n+1)) + "#" + l.id
		}
	}
	if l.id == "owners" || l.id == "open" && n == 1 && len(as.owners) <= actionsInlineOwners {
		for _, c := range as.owners {
			c.Href = rel(root, c.Href)
			p.Owners = append(p.Owners, c)
		}
	}
	return p
}

// pageNumbers returns the pages of a list that page n (of count) links
// by number: the first and the last, the three either side of n, and
// every tenth (or twentieth, fortieth, ... so that they stay about ten),
// in order. Every page is a few clicks away, without a wall of numbers.
func pageNumbers(n, count int) []int {
	step := 10
	for count/step > 10 {
		step *= 2
	}
	var out []int
	for i := 1; i <= count; i++ {
		if i == 1 || i == count || i >= n-3 && i <= n+3 || i%step == 0 {
			out = append(out, i)
		}
	}
	return out
}

// actionJobs lists the pages of action items and their data script.
func (b *builder) actionJobs() []job {
	as := newActionsSite(b.site)
	render := func(w io.Writer, v any) error { return pages.Actions(w, v.(*pages.ActionsPage)) }
	var jobs []job
	for _, l := range as.lists() {
		for n := 1; n == 1 || (n-1)*actionsPerPage < len(l.items); n++ {
			jobs = append(jobs, b.viewJob(l.name(n), func() any { return as.page(l, n) }, render))
		}
	}
	jobs = append(jobs, b.dataJob(actionsData, false, as.data), b.dataJob(actionsFilters, false, as.filters))
	return jobs
}

// filters returns actions/filters.js: the choices of the filters, every
// owner and service in alphabetical order, which every page of action
// items loads (one small file the browser keeps, rather than the same
// lists in each page). It sets
//
//	window.__pmactionfilters = {"owners": [name...], "services": [name...]}
//
// before actions.js runs. JSON escapes <, > and &.
func (as *actionsSite) filters() ([]byte, error) {
	body, err := json.Marshal(map[string][]string{"owners": append([]string{}, as.names...), "services": append([]string{}, as.svcs...)})
	if err != nil {
		return nil, err
	}
	return []byte("// The choices of the action items' filters, for actions.js; written by postmortem build.\nwindow.__pmactionfilters = " + string(body) + ";\n"), nil
}

// data returns actions/items.js: every item, for the filters of
// actions.js. It calls window.__pmactions with
//
//	{"asOf": day, "owners": [name...], "services": [name...],
//	 "texts": [action...], "pre": prefix, "suf": suffix,
//	 "pms": [[title, href from the root without pre and suf, date,
//	          [service index...]]...],
//	 "items": [[text index, owner index or -1, postmortem index,
//	            state (0 overdue, 1 open, 2 done), due date, ticket,
//	            ticket URL, due as written when not the due date,
//	            status as written]...]}
//
// in the order of the open list, then the done items. Trailing empty
// fields of an item are left out; how late an overdue item is follows
// from asOf and its due date. The string tables keep the file small: at
// 10,000 generated postmortems (40,000 items) it is about 3 MB, fetched
// only when a filter is used. JSON escapes <, > and &.
func (as *actionsSite) data() ([]byte, error) {
	index := func(m map[string]int, list *[]string, v string) int {
		i, ok := m[v]
		if !ok {
			i = len(*list)
			m[v] = i
			*list = append(*list, v)
		}
		return i
	}
	ownerIx := map[string]int{}
	for i, n := range as.names {
		ownerIx[n] = i
	}
	svcIx := map[string]int{}
	for i, n := range as.svcs {
		svcIx[n] = i
	}
	pre, suf := "postmortems/", ".html"
	for _, a := range as.all {
		if !strings.HasPrefix(a.pm.URL, pre) {
			pre = ""
		}
		if !strings.HasSuffix(a.pm.URL, suf) {
			suf = ""
		}
	}
	textIx := map[string]int{}
	texts := []string{}
	pmIx := map[*Postmortem]int{}
	pms := [][]any{}
	items := [][]any{}
	states := map[string]int{"overdue": 0, "open": 1, "done": 2}
	for _, a := range as.all {
		pi, ok := pmIx[a.pm]
		if !ok {
			pi = len(pms)
			pmIx[a.pm] = pi
			sv := make([]int, 0, len(a.pm.Services))
			for _, name := range a.pm.Services {
				sv = append(sv, svcIx[name])
			}
			href := strings.TrimSuffix(strings.TrimPrefix(a.pm.URL, pre), suf)
			pms = append(pms, []any{a.pm.Title, href, a.pm.Date, sv})
		}
		r := as.row(a, "")
		owner := -1
		if a.Owner != "" {
			owner = ownerIx[a.Owner]
		}
		due := r.Due
		if due == r.DueDate {
			due = ""
		}
		it := []any{index(textIx, &texts, r.Text), owner, pi, states[r.State], r.DueDate, r.Ticket, r.TicketURL, due, r.Written}
		for len(it) > 4 && it[len(it)-1] == "" {
			it = it[:len(it)-1]
		}
		items = append(items, it)
	}
	body, err := json.Marshal(map[string]any{
		"asOf": as.day, "owners": as.names, "services": as.svcs, "texts": texts,
		"pre": pre, "suf": suf, "pms": pms, "items": items,
	})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.WriteString("// The action items of the site, for actions.js; written by postmortem build.\nwindow.__pmactions && window.__pmactions(")
	buf.Write(body)
	buf.WriteString(");\n")
	return buf.Bytes(), nil
}
