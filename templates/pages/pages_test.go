package pages

import (
	"bytes"
	"strings"
	"testing"
)

// TestPages renders each page kind with empty and with hostile values:
// nothing fails, and values are escaped.
func TestPages(t *testing.T) {
	evil := `<script>alert(1)</script>`
	page := Page{Site: evil, Title: evil, Root: "../", Commit: "abc1234", CommitURL: "javascript:alert(1)"}
	row := Row{Href: "javascript:alert(1)", Title: evil, Summary: evil, Severity: Badge{Text: evil, Class: `x" onclick="alert(1)`}, Services: []Link{{Text: evil, Href: evil}}}
	for name, render := range map[string]func(*bytes.Buffer) error{
		"empty index":      func(b *bytes.Buffer) error { return Index(b, &IndexPage{}) },
		"empty postmortem": func(b *bytes.Buffer) error { return Postmortem(b, &PostmortemPage{}) },
		"empty group":      func(b *bytes.Buffer) error { return Group(b, &GroupPage{}) },
		"empty groups":     func(b *bytes.Buffer) error { return Groups(b, &GroupsPage{}) },
		"404":              func(b *bytes.Buffer) error { return NotFound(b, &Page{}) },
		"index": func(b *bytes.Buffer) error {
			return Index(b, &IndexPage{Page: page, Count: 1, Notes: []string{evil}, Years: []Year{{Name: evil, ID: evil, List: List{Rows: []Row{row}, Severity: true, Services: true}}}})
		},
		"postmortem": func(b *bytes.Buffer) error {
			return Postmortem(b, &PostmortemPage{Page: page, Summary: evil, Banners: []Banner{{Kind: "warning", Text: evil, Items: []string{evil}}},
				Authors: []string{evil}, Tags: []Link{{Text: evil, Href: "javascript:alert(1)"}}, Path: evil, EditURL: "javascript:alert(1)",
				History: &History{Created: Revision{Author: evil, URL: "javascript:alert(1)"}, Contributors: []string{evil}, Revisions: []Revision{{Subject: evil}}}})
		},
		"empty actions":  func(b *bytes.Buffer) error { return Actions(b, &ActionsPage{}) },
		"empty insights": func(b *bytes.Buffer) error { return Insights(b, &InsightsPage{}) },
		"empty search":   func(b *bytes.Buffer) error { return Search(b, &SearchPage{}) },
		"actions": func(b *bytes.Buffer) error {
			r := ActionRow{Text: evil, Owner: evil, Ticket: evil, TicketURL: "javascript:alert(1)", Due: evil, DueDate: evil, State: `x" onclick="alert(1)`,
				Written: evil, Late: evil, Title: evil, Href: "javascript:alert(1)", Date: evil, Services: []string{evil}}
			return Actions(b, &ActionsPage{Page: page, AsOf: evil, Total: 1, List: evil, Heading: evil, Note: evil,
				Rows: []ActionRow{r}, First: 1, Last: 1, Count: 1, Pages: []PageLink{{Num: 1, Href: "javascript:alert(1)"}}, Prev: "javascript:alert(1)", Next: evil,
				Owners: []Count{{Name: evil, Href: "javascript:alert(1)"}}, Data: evil})
		},
		"insights": func(b *bytes.Buffer) error {
			return Insights(b, &InsightsPage{Page: page, Summary: evil, OldestNote: evil,
				Charts: []Chart{{ID: evil, Title: evil, Intro: evil, Summary: evil, Legend: []LegendItem{{Name: evil, Class: evil}}, Table: DataTable{Caption: evil, Head: []string{evil}, Rows: [][]string{{evil, evil}}}}, {ID: "e", Empty: evil}},
				Oldest: []ActionRow{{Text: evil, Href: "javascript:alert(1)", State: "overdue"}}})
		},
		"group": func(b *bytes.Buffer) error {
			return Group(b, &GroupPage{Page: page, Kind: evil, Name: evil, List: List{Rows: []Row{row}}})
		},
	} {
		var b bytes.Buffer
		if err := render(&b); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		out := b.String()
		if strings.Contains(out, "<script>") || strings.Contains(out, "javascript:") || strings.Contains(out, `" onclick=`) {
			t.Errorf("%s: a value is not escaped:\n%s", name, out)
		}
		if !strings.HasPrefix(out, "<!doctype html>") || !strings.HasSuffix(out, "</html>\n") {
			t.Errorf("%s: not a whole page", name)
		}
	}
}

func TestAssets(t *testing.T) {
	for _, a := range Assets {
		data, err := Asset(a)
		if err != nil || len(data) == 0 {
			t.Errorf("asset %s: %v", a, err)
		}
		if bytes.Contains(data, []byte("http://")) || bytes.Contains(data, []byte("https://")) || bytes.Contains(data, []byte("@import")) {
			t.Errorf("asset %s refers to another host", a)
		}
	}
}
