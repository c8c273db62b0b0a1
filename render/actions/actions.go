// Package actions reads the action items of a postmortem's Action items
// section: table rows (Action | Owner | Ticket | Due | Status, in any order
// and under common synonyms), task-list items with their checkbox, and
// plain list items, with "owner:", "ticket:" and "due:" written inline.
package actions

import (
	"regexp"
	"strings"
	"time"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/postmortem-dev/postmortem/render"
)

// SectionNames are the section titles under which action items are looked
// for.
var SectionNames = []string{"Action items", "Actions", "Follow-up actions", "Corrective actions", "Follow-ups", "Remediation", "Next steps"}

// Form is how an action item was written.
type Form string

// The forms of action items.
const (
	Table    Form = "table"
	TaskList Form = "task"
	List     Form = "list"
)

// Item is one action item.
type Item struct {
	Form Form
	Pos  render.Pos // where the item (its row or list item) starts
	Text string     // the action, plain text

	Owner    string
	OwnerPos render.Pos // zero when there is no owner

	Ticket    string // the ticket as written ("OPS-123"), or the link's text
	TicketURL string // the link's destination, when the ticket is a link

	Due    string     // the due date as written; "" when none
	DuePos render.Pos // zero when there is no due date
	// DueDate is the due date; zero when there is none or it does not
	// parse, in which case DueErr says why.
	DueDate time.Time
	DueErr  string

	Status string // the status as written, or "[x]"/"[ ]" for a task list
	Done   bool   // the status says done, closed, fixed ..., or the box is ticked
}

// Items is a document's action items.
type Items struct {
	Section *render.Section // nil when the document has none
	Items   []Item
}

// Read returns the action items of d, from its first section titled one of
// names (SectionNames when none are given).
func Read(d *render.Document, names ...string) *Items {
	if len(names) == 0 {
		names = SectionNames
	}
	out := &Items{Section: d.Section(names...)}
	if out.Section == nil {
		return out
	}
	for _, b := range out.Section.Blocks {
		switch b := b.(type) {
		case *east.Table:
			out.Items = append(out.Items, table(d, b)...)
		case *ast.List:
			for li := b.FirstChild(); li != nil; li = li.NextSibling() {
				if it, ok := listItem(d, li); ok {
					out.Items = append(out.Items, it)
				}
			}
		}
	}
	return out
}

// columns maps header words to the fields of an item.
var columns = map[string]string{
	"action": "text", "actions": "text", "action item": "text", "item": "text", "task": "text",
	"description": "text", "what": "text", "follow-up": "text", "remediation": "text",
	"owner": "owner", "owners": "owner", "assignee": "owner", "who": "owner", "responsible": "owner", "team": "owner",
	"ticket": "ticket", "tickets": "ticket", "issue": "ticket", "link": "ticket", "jira": "ticket", "bug": "ticket",
	"tracking": "ticket", "reference": "ticket", "ref": "ticket", "pr": "ticket",
	"due": "due", "due date": "due", "deadline": "due", "by": "due", "target date": "due", "eta": "due", "when": "due",
	"status": "status", "state": "status", "done": "status",
}

// table reads the rows of an action item table.
func table(d *render.Document, tbl *east.Table) []Item {
	var fields []string
	var items []Item
	for r := tbl.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []ast.Node
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, c)
		}
		if _, header := r.(*east.TableHeader); header {
			for i, c := range cells {
				f := columns[strings.ToLower(strings.Trim(render.PlainText(d.Source, c), " *_:"))]
				if f == "" && i == 0 {
					f = "text"
				}
				fields = append(fields, f)
			}
			continue
		}
		it := Item{Form: Table}
		pos, ok := d.NodePos(r)
		for i, c := range cells {
			if i >= len(fields) {
				break
			}
			text := render.PlainText(d.Source, c)
			cpos, hasPos := d.NodePos(c)
			switch fields[i] {
			case "text":
				it.Text = text
			case "owner":
				if text != "" {
					it.Owner, it.OwnerPos = text, cpos
				}
			case "ticket":
				it.Ticket, it.TicketURL = ticket(d, c, text)
			case "due":
				if hasPos {
					it.setDue(text, cpos)
				}
			case "status":
				it.Status = text
				it.Done = doneWord(text)
			}
			if !ok && hasPos {
				pos, ok = cpos, true
			}
		}
		if strings.TrimSpace(it.Text) == "" && it.Owner == "" && it.Ticket == "" {
			continue // an empty row, as templates leave one
		}
		it.Pos = pos
		items = append(items, it)
	}
	return items
}

// inlineRE finds "owner: Name", "ticket: X" and "due: 2026-01-10" written
// inline in a list item, separated by commas, semicolons, dashes or
// brackets.
var inlineRE = regexp.MustCompile(`(?i)\b(owner|owners|assignee|ticket|issue|due|due date|deadline)\s*:\s*([^,;()\[\]—–]+?)\s*(?:[,;()\]—–]|$)`)

// listItem reads a task-list or plain list item.
func listItem(d *render.Document, li ast.Node) (Item, bool) {
	first := li.FirstChild()
	if first == nil {
		return Item{}, false
	}
	pos, ok := d.NodePos(first)
	if !ok {
		return Item{}, false
	}
	it := Item{Form: List, Pos: pos}
	if box, ok := first.FirstChild().(*east.TaskCheckBox); ok {
		it.Form, it.Done = TaskList, box.IsChecked
		it.Status = "[ ]"
		if box.IsChecked {
			it.Status = "[x]"
		}
	}
	text := render.PlainText(d.Source, first)
	it.Text = text
	line := d.LineOffset(pos.Line)
	src := ""
	if end := d.LineOffset(pos.Line + 1); line >= 0 {
		if end < 0 {
			end = len(d.Source)
		}
		src = string(d.Source[line:end])
	}
	for _, m := range inlineRE.FindAllStringSubmatch(text, -1) {
		value := strings.TrimSpace(m[2])
		vpos := pos
		if i := strings.Index(src, value); i >= 0 {
			vpos = render.Pos{Line: pos.Line, Col: i + 1}
		}
		switch strings.ToLower(m[1]) {
		case "owner", "owners", "assignee":
			it.Owner, it.OwnerPos = value, vpos
		case "ticket", "issue":
			it.Ticket = value
		case "due", "due date", "deadline":
			it.setDue(value, vpos)
		}
	}
	if it.Owner == "" {
		if m := handleRE.FindStringSubmatchIndex(text); m != nil {
			it.Owner = text[m[2]:m[3]]
			it.OwnerPos = pos
		}
	}
	// A link in the item is its ticket: the one whose text is the ticket,
	// else the first.
	ast.Walk(first, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest, label string
		switch l := n.(type) {
		case *ast.Link:
			dest, label = string(l.Destination), render.PlainText(d.Source, l)
		case *ast.AutoLink:
			dest = string(l.URL(d.Source))
			label = dest
		default:
			return ast.WalkContinue, nil
		}
		if it.TicketURL == "" || label == it.Ticket {
			if it.Ticket == "" || label == it.Ticket {
				it.Ticket = label
			}
			it.TicketURL = dest
		}
		return ast.WalkSkipChildren, nil
	})
	if it.TicketURL == "" {
		// A bare URL, in a document parsed without autolinks.
		if m := urlRE.FindString(text); m != "" {
			it.TicketURL = m
			if it.Ticket == "" {
				it.Ticket = m
			}
		}
	}
	if it.Ticket == "" {
		if m := ticketRE.FindString(text); m != "" {
			it.Ticket = m
		}
	}
	return it, strings.TrimSpace(text) != ""
}

var (
	// handleRE finds an @handle, taken as the owner when none is named.
	handleRE = regexp.MustCompile(`(?:^|\s|\()@([A-Za-z0-9][A-Za-z0-9._-]*)`)
	// urlRE finds a bare URL.
	urlRE = regexp.MustCompile(`\bhttps?://[^\s<>()]+|\bwww\.[^\s<>()]+`)
	// ticketRE finds a ticket key such as OPS-1234 or #123.
	ticketRE = regexp.MustCompile(`\b[A-Z][A-Z0-9]+-\d+\b|(?:^|\s)#\d+\b`)
)

// ticket returns a table cell's ticket and the link's destination.
func ticket(d *render.Document, cell ast.Node, text string) (string, string) {
	var url string
	ast.Walk(cell, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || url != "" {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			url = string(l.Destination)
		case *ast.AutoLink:
			url = string(l.URL(d.Source))
		}
		return ast.WalkContinue, nil
	})
	if url == "" {
		url = urlRE.FindString(text)
	}
	return strings.TrimSpace(text), url
}

// noDue are values that mean "no due date".
var noDue = map[string]bool{"": true, "-": true, "—": true, "n/a": true, "none": true, "tbd": true, "tba": true, "?": true}

var dueLayouts = []string{"2006-01-02", "2006/01/02", "2 January 2006", "2 Jan 2006", "January 2, 2006", "Jan 2, 2006", "02.01.2006"}

// setDue records a due date as written and parses it.
func (it *Item) setDue(text string, pos render.Pos) {
	text = strings.TrimSpace(text)
	if noDue[strings.ToLower(text)] {
		return
	}
	it.Due, it.DuePos = text, pos
	for _, layout := range dueLayouts {
		if t, err := time.Parse(layout, text); err == nil {
			it.DueDate = t
			return
		}
	}
	it.DueErr = "the due date " + `"` + text + `"` + " does not parse; write YYYY-MM-DD"
}

// doneWord reports whether a status says the item is done.
func doneWord(s string) bool {
	switch strings.ToLower(strings.Trim(s, " .!*_")) {
	case "done", "closed", "complete", "completed", "fixed", "resolved", "shipped", "merged", "finished",
		"yes", "✅", "✔", "✔️", "[x]", "won't do", "wontfix", "cancelled", "canceled":
		return true
	}
	return false
}
