package site

import (
	"cmp"
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

// actionsView is the page of every action item.
func actionsView(s *Site) *pages.ActionsPage {
	p := &pages.ActionsPage{Page: s.page("", "Action items", "actions")}
	p.Description = "Every action item of every postmortem, open ones first."
	if !s.Now.IsZero() {
		p.AsOf = s.today()
	}
	day := s.today()
	owners := map[string]*pages.Count{}
	services := map[string]bool{}
	groups := map[string]*pages.ActionGroup{}
	for _, st := range []struct{ id, name string }{{"overdue", "Overdue"}, {"open", "Open"}, {"done", "Done"}} {
		g := &pages.ActionGroup{ID: st.id, Name: st.name}
		groups[st.id] = g
		p.Groups = append(p.Groups, g)
	}
	for _, a := range allActions(s) {
		state := actionState(a.ActionItem, day)
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
			Href:      a.pm.URL,
			Date:      a.pm.Date,
			Services:  a.pm.Services,
			Line:      a.Line,
		}
		if w := strings.ToLower(r.Written); w == state || w == "open" && state != "done" || a.Form == string(actions.TaskList) {
			r.Written = "" // the state says it already
		}
		if state == "overdue" {
			if due, err := time.Parse(render.DateLayout, a.DueDate); err == nil && !s.Now.IsZero() {
				r.Late = strconv.Itoa(int(s.Now.UTC().Sub(due).Hours()/24)) + " d"
			}
		}
		g := groups[state]
		g.Rows = append(g.Rows, r)
		p.Total++
		owner := a.Owner
		if owner == "" {
			owner = pages.NoOwner
		}
		c := owners[owner]
		if c == nil {
			c = &pages.Count{Name: owner}
			owners[owner] = c
		}
		switch state {
		case "overdue":
			p.Overdue++
			c.Overdue++
			c.Open++
		case "open":
			p.Open++
			c.Open++
		default:
			p.Done++
			c.Done++
		}
		for _, sv := range a.pm.Services {
			services[sv] = true
		}
	}
	for _, c := range owners {
		p.Owners = append(p.Owners, *c)
		p.OwnerNames = append(p.OwnerNames, c.Name)
	}
	slices.SortFunc(p.OwnerNames, func(a, b string) int {
		return cmp.Or(strings.Compare(strings.ToLower(render.Fold(a)), strings.ToLower(render.Fold(b))), strings.Compare(a, b))
	})
	slices.SortFunc(p.Owners, func(a, b pages.Count) int {
		if a.Overdue != b.Overdue {
			return cmp.Compare(b.Overdue, a.Overdue)
		}
		if a.Open != b.Open {
			return cmp.Compare(b.Open, a.Open)
		}
		return strings.Compare(strings.ToLower(render.Fold(a.Name)), strings.ToLower(render.Fold(b.Name)))
	})
	for sv := range services {
		p.Services = append(p.Services, sv)
	}
	slices.SortFunc(p.Services, func(a, b string) int {
		return cmp.Or(strings.Compare(strings.ToLower(render.Fold(a)), strings.ToLower(render.Fold(b))), strings.Compare(a, b))
	})
	return p
}
