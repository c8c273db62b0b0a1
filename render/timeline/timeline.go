// Package timeline reads the entries of a postmortem's Timeline section, in
// the forms real postmortems write them: list items and table rows, times
// with or without dates and zones.
//
//   - 14:02 UTC — The deploy reached 100%.
//   - 2025-03-12 23:50 UTC — The backlog peaked.
//   - **14:09** The alert fired.
//     | 2019-11-30 08:24 | Automated warning from AWS ... |
//     | Date | Time | Event |  (a date column and a time column)
package timeline

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/postmortem-dev/postmortem/render"
)

// SectionNames are the section titles under which a timeline is looked for.
var SectionNames = []string{"Timeline", "Chronology", "Incident timeline", "Timeline of events"}

// Entry is one event of a timeline.
type Entry struct {
	Pos render.Pos // where the entry's text starts
	// TimePos and TimeEnd span the time as written; zero when there is none.
	TimePos, TimeEnd render.Pos
	Raw              string // the time as written, "" when the entry has none
	Text             string // the event, plain text, without the time

	// HasDate, HasClock and HasZone say which parts the entry gave. An
	// entry with a time that does not parse has Err set.
	HasDate, HasClock, HasZone bool
	// Approximate is true when the time is marked approximate ("~19:30")
	// or partly unknown ("2022-05-?? HH:mm", "--:--").
	Approximate          bool
	Date                 time.Time // the date, when HasDate (midnight UTC)
	Hour, Minute, Second int       // when HasClock
	Zone                 *time.Location
	Err                  string
}

// Timeline is a document's timeline.
type Timeline struct {
	Section *render.Section // nil when the document has none
	Zone    *time.Location  // a zone named for the whole timeline ("All times in UTC")
	Entries []Entry
}

// Read returns the timeline of d, from its first section titled one of
// names (SectionNames when none are given).
func Read(d *render.Document, names ...string) *Timeline {
	if len(names) == 0 {
		names = SectionNames
	}
	t := &Timeline{Section: d.Section(names...)}
	if t.Section == nil {
		return t
	}
	for _, b := range t.Section.Blocks {
		switch b := b.(type) {
		case *ast.Paragraph:
			if t.Zone == nil {
				t.Zone = zoneIn(render.PlainText(d.Source, b))
			}
		case *ast.List:
			for item := b.FirstChild(); item != nil; item = item.NextSibling() {
				if first := item.FirstChild(); first != nil {
					t.add(d, first, nil)
				}
			}
		case *east.Table:
			t.table(d, b)
		}
	}
	return t
}

// add reads one entry from a block (a list item's first paragraph, or a
// table cell) whose text starts with the time. zone applies when the entry
// names none.
func (t *Timeline) add(d *render.Document, n ast.Node, zone *time.Location) {
	text, start, ok := textOf(d, n)
	if !ok {
		return
	}
	e := Entry{Pos: d.Pos(start)}
	raw, rest, approx := leadingTime(text)
	if raw == "" {
		e.Text = strings.TrimSpace(text)
		t.Entries = append(t.Entries, e)
		return
	}
	idx := strings.Index(text, raw)
	e.TimePos, e.TimeEnd = d.Pos(start+idx), d.Pos(start+idx+len(raw))
	e.Raw = raw
	e.Text = strings.TrimSpace(strings.TrimLeft(rest, " \t—–-:|*"))
	e.read(raw, approx)
	if e.Zone == nil {
		e.Zone = firstZone(zone, t.Zone)
	}
	t.Entries = append(t.Entries, e)
}

// table reads a table's rows: the time in the first column, or a date
// column and a time column.
func (t *Timeline) table(d *render.Document, tbl *east.Table) {
	var zone *time.Location
	dateCol, timeCol := 0, -1
	row := 0
	for r := tbl.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []ast.Node
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, c)
		}
		if _, header := r.(*east.TableHeader); header {
			for i, c := range cells {
				text := render.PlainText(d.Source, c)
				if z := zoneIn(text); z != nil {
					zone = z
				}
				h := strings.ToLower(text)
				switch {
				case strings.Contains(h, "date") && strings.Contains(h, "time"):
					dateCol, timeCol = i, -1
				case strings.Contains(h, "date"):
					dateCol = i
				case strings.Contains(h, "time") || h == "when":
					timeCol = i
				}
			}
			continue
		}
		row++
		if len(cells) == 0 || dateCol >= len(cells) {
			continue
		}
		if timeCol < 0 || timeCol >= len(cells) || timeCol == dateCol {
			n := len(t.Entries)
			t.add(d, cells[dateCol], zone)
			if len(t.Entries) > n {
				e := &t.Entries[n]
				e.Text = strings.TrimSpace(e.Text + " " + otherCells(d, cells, dateCol, -1))
			}
			continue
		}
		// A date column and a time column: read them as one.
		dt, dstart, _ := textOf(d, cells[dateCol])
		tm, tstart, ok := textOf(d, cells[timeCol])
		if !ok {
			continue
		}
		e := Entry{Pos: d.Pos(dstart)}
		e.Raw = strings.TrimSpace(strings.TrimSpace(dt) + " " + strings.TrimSpace(tm))
		e.TimePos, e.TimeEnd = d.Pos(dstart), d.Pos(tstart+len(strings.TrimRight(tm, " ")))
		_, _, approx := leadingTime(e.Raw)
		e.read(e.Raw, approx)
		if e.Zone == nil {
			e.Zone = firstZone(zone, t.Zone)
		}
		e.Text = otherCells(d, cells, dateCol, timeCol)
		t.Entries = append(t.Entries, e)
	}
}

// otherCells returns the text of a row's cells but two.
func otherCells(d *render.Document, cells []ast.Node, skip1, skip2 int) string {
	var rest []string
	for i, c := range cells {
		if i != skip1 && i != skip2 {
			if s := render.PlainText(d.Source, c); s != "" {
				rest = append(rest, s)
			}
		}
	}
	return strings.Join(rest, " ")
}

func firstZone(zs ...*time.Location) *time.Location {
	for _, z := range zs {
		if z != nil {
			return z
		}
	}
	return nil
}

// textOf returns the plain text of a node's inline content and the source
// offset of its first byte.
func textOf(d *render.Document, n ast.Node) (string, int, bool) {
	start, ok := firstOffset(n)
	if !ok {
		return "", 0, false
	}
	// Take the source from the first text to the end of the node's line
	// span, so that offsets in the text are offsets in the file.
	end := start
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering && t.Segment.Stop > end {
			end = t.Segment.Stop
		}
		return ast.WalkContinue, nil
	})
	if end > len(d.Source) || end < start {
		return "", 0, false
	}
	return string(d.Source[start:end]), start, true
}

// firstOffset returns the offset of the first text in a node, including
// text inside emphasis or a code span (a time written **14:02**).
func firstOffset(n ast.Node) (int, bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			return c.Segment.Start, true
		default:
			if off, ok := firstOffset(c); ok {
				return off, true
			}
		}
	}
	return 0, false
}

var (
	// timeRE finds a time at the start of an entry: an optional date, an
	// optional clock with optional seconds and AM/PM, and an optional zone.
	timeRE = regexp.MustCompile(`^(?:\*\*|__|` + "`" + `)?\s*` +
		`((~\s*)?(?:\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]{2,8}(?: \d{4})?|[A-Z][a-z]{2,8} \d{1,2}(?:, \d{4})?)` + // a date
		`(?:[ T,]+(?:\d{1,2}[:.]\d{2}(?::\d{2})?|--:--)(?:\s*[AaPp][Mm])?)?` + // and a time
		`|\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?` + // or a time alone
		`)` +
		`(?:\s*(Z|UTC|GMT|[A-Z]{2,5}T|[A-Z]{3}|[+-]\d{2}:?\d{2}))?` + // a zone
		`(?:\*\*|__|` + "`" + `)?`)
	// unknownRE finds a time with unknown parts: "2022-05-?? HH:mm",
	// "2019-12-03 --:--", "~2025-03-03 19:30".
	unknownRE = regexp.MustCompile(`^(?:\*\*|__)?\s*((~\s*)?\d{4}[-/][-/0-9?]*(?:\s+(?:[Hh][Hh]:[Mm][Mm]|\?\?:\?\?|--:--|[Xx][Xx]:[Xx][Xx]|\d{1,2}:\d{2}))?)`)
	// placeholderRE finds a clock written as unknown.
	placeholderRE = regexp.MustCompile(`[Hh][Hh]:[Mm][Mm]|--:--|[Xx][Xx]:[Xx][Xx]`)
	// looksTimeRE finds what a writer meant as a time but wrote wrong.
	looksTimeRE = regexp.MustCompile(`^(?:\*\*|__)?\s*(\d{1,5}[-/:.]\d{1,2}(?:[-/:.]\d{1,4})?(?:[ T]\d{1,2}[:.]\d{1,2})?)`)
)

// leadingTime returns the time at the start of text, as written, and the
// rest of the text. approx is true for a time marked approximate or partly
// unknown, which is not parsed further but for a leading full date.
func leadingTime(text string) (raw, rest string, approx bool) {
	if m := unknownRE.FindStringSubmatchIndex(text); m != nil {
		if raw := strings.TrimSpace(text[m[2]:m[3]]); strings.ContainsAny(raw, "?~") || placeholderRE.MatchString(raw) {
			return raw, text[m[1]:], true
		}
	}
	if m := timeRE.FindStringSubmatchIndex(text); m != nil {
		end := m[1]
		raw = strings.Trim(text[m[2]:end], "*_` ")
		if m[4] >= 0 {
			return raw, text[end:], true
		}
		return raw, text[end:], false
	}
	if m := looksTimeRE.FindStringSubmatchIndex(text); m != nil {
		return text[m[2]:m[3]], text[m[1]:], false
	}
	return "", text, false
}

var (
	dateLayouts = []string{"2006-01-02", "2 January 2006", "2 Jan 2006", "January 2, 2006", "Jan 2, 2006", "2 January", "2 Jan", "January 2", "Jan 2"}
	clockRE     = regexp.MustCompile(`^(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$`)
	// clockEndRE finds the clock at the end of a time as written.
	clockEndRE = regexp.MustCompile(`(?:^|[ T,])(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?|--:--)$`)
)

// read fills e from the time as written: an approximate or partly unknown
// time gives only its date, when that is whole.
func (e *Entry) read(raw string, approx bool) {
	e.Approximate = approx
	if !approx {
		parse(e, raw)
		return
	}
	s := strings.TrimLeft(raw, "~ ")
	if d, err := time.Parse(render.DateLayout, s[:min(10, len(s))]); err == nil {
		e.Date, e.HasDate = d, true
	}
}

// parse fills e's date, clock and zone from the time as written.
func parse(e *Entry, raw string) {
	s := strings.TrimSpace(raw)
	if z, rest, ok := cutZone(s); ok {
		e.Zone, e.HasZone, s = z, true, rest
	}
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ","))
	datePart, clockPart := s, ""
	if m := clockEndRE.FindStringIndex(s); m != nil {
		datePart, clockPart = strings.TrimRight(s[:m[0]], " ,T"), strings.TrimSpace(s[m[0]:])
	}
	if datePart != "" {
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, datePart); err == nil {
				e.Date, e.HasDate = t, true
				break
			}
		}
		if !e.HasDate {
			e.Err = "the date " + strconv.Quote(datePart) + " does not parse; write YYYY-MM-DD"
			return
		}
	}
	switch {
	case clockPart == "" || clockPart == "--:--":
	default:
		m := clockRE.FindStringSubmatch(clockPart)
		if m == nil {
			e.Err = "the time " + strconv.Quote(clockPart) + " does not parse; write HH:MM"
			return
		}
		h, _ := strconv.Atoi(m[1])
		mi, _ := strconv.Atoi(m[2])
		sec := 0
		if m[3] != "" {
			sec, _ = strconv.Atoi(m[3])
		}
		if ampm := strings.ToLower(m[4]); ampm != "" {
			if h < 1 || h > 12 {
				e.Err = "the time " + strconv.Quote(clockPart) + " is not a 12-hour time"
				return
			}
			if h == 12 {
				h = 0
			}
			if ampm == "pm" {
				h += 12
			}
		}
		if h > 23 || mi > 59 || sec > 59 {
			e.Err = "the time " + strconv.Quote(clockPart) + " is not a time of day"
			return
		}
		e.Hour, e.Minute, e.Second, e.HasClock = h, mi, sec, true
	}
	if !e.HasDate && !e.HasClock {
		e.Err = "the time " + strconv.Quote(raw) + " does not parse; write HH:MM or YYYY-MM-DD HH:MM"
	}
}

// zones are the abbreviations a timeline's times are read in. Offsets are
// those of standard time, as an abbreviation says ("CEST" for summer).
var zones = map[string]int{
	"Z": 0, "UTC": 0, "GMT": 0, "WET": 0, "BST": 1, "WEST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
	"MSK": 3, "IST": 5*60 + 30, "SGT": 8, "HKT": 8, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
	"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "HST": -10,
}

// zone returns the location of an abbreviation or a numeric offset.
func zone(s string) (*time.Location, bool) {
	if off, ok := zones[s]; ok {
		secs := off * 3600
		if s == "IST" {
			secs = off * 60
		}
		return time.FixedZone(s, secs), true
	}
	if len(s) >= 5 && (s[0] == '+' || s[0] == '-') {
		d := strings.ReplaceAll(s[1:], ":", "")
		if len(d) == 4 {
			h, err1 := strconv.Atoi(d[:2])
			m, err2 := strconv.Atoi(d[2:])
			if err1 == nil && err2 == nil && h < 24 && m < 60 {
				secs := (h*60 + m) * 60
				if s[0] == '-' {
					secs = -secs
				}
				return time.FixedZone(s, secs), true
			}
		}
	}
	return nil, false
}

// cutZone removes a zone at the end of s.
func cutZone(s string) (*time.Location, string, bool) {
	if strings.HasSuffix(s, "Z") && len(s) > 1 && s[len(s)-2] >= '0' && s[len(s)-2] <= '9' {
		return time.UTC, s[:len(s)-1], true
	}
	i := strings.LastIndexByte(s, ' ')
	if i < 0 {
		return nil, s, false
	}
	if z, ok := zone(s[i+1:]); ok {
		return z, s[:i], true
	}
	return nil, s, false
}

// zoneIn returns the zone a sentence or a header names for times, as in
// "All times in UTC" or "Date and Time in CET" or "Time (UTC)", or nil.
func zoneIn(text string) *time.Location {
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '+' || r == '-' || r == ':')
	})
	for i, w := range words {
		if i == 0 || w != strings.ToUpper(w) {
			continue
		}
		switch strings.ToLower(words[i-1]) {
		case "in", "time", "times":
			if z, ok := zone(w); ok {
				return z
			}
		}
	}
	return nil
}

// Time returns the entry's time as an instant: its date, or day when it
// has none, at its clock, in its zone (or zone when it has none, else
// UTC). ok is false when the entry has no clock or no date to go by.
func (e *Entry) Time(day time.Time) (t time.Time, ok bool) {
	if e.Err != "" || !e.HasClock {
		return time.Time{}, false
	}
	d := day
	if e.HasDate {
		d = e.Date
		if d.Year() == 0 { // "12 March": the year of the day given
			d = time.Date(day.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
		}
	}
	if d.IsZero() {
		return time.Time{}, false
	}
	z := e.Zone
	if z == nil {
		z = time.UTC
	}
	return time.Date(d.Year(), d.Month(), d.Day(), e.Hour, e.Minute, e.Second, 0, z), true
}
