// Package pages holds the HTML templates, the stylesheet and the view data
// of the static site that `postmortem build` writes.
//
// The templates are html/template files embedded in the binary and parsed
// once. Each page kind has a view type holding what the page shows, already
// formatted (dates as text, links relative to the page), and a function that
// writes the page: Index, Postmortem, Group, Groups and NotFound. Package
// site draws the views from its data model; this package knows nothing of
// documents or git. Every value is escaped by html/template; only the
// fields of type template.HTML (a postmortem's rendered body and its phase
// strip, both made by package site, and the front page's years as
// IndexYears drew them) are inserted as they are.
//
// Every page shares the layout in layout.html: a skip link, a header with
// the site's title, the navigation and an empty "search" block (a hook for
// a search box), the main landmark and a footer.
package pages

import (
	"embed"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync"
)

// FS holds the templates (*.html) and the assets copied to the site's root
// (assets/).
//
//go:embed *.html assets
var FS embed.FS

// Assets are the files of assets/ that every site gets at its root, by name.
var Assets = []string{"style.css", "actions.js"}

// tmpl holds every template, each parsed on first use, so that a command
// that draws no page, or a rebuild that draws few kinds, does not pay for
// all (parsing them all took 3 ms of every command's start). Each page
// template defines "title" and "main" and is executed through the layout;
// views are cloned per page kind so that their "main" blocks do not
// collide.
var tmpl = func() map[string]func() *template.Template {
	layout := sync.OnceValue(func() *template.Template {
		return template.Must(template.New("layout.html").Funcs(funcs).ParseFS(FS, "layout.html", "partials.html"))
	})
	out := map[string]func() *template.Template{}
	for _, name := range []string{"index.html", "postmortem.html", "group.html", "groups.html", "404.html", "actions.html", "insights.html", "search.html"} {
		out[name] = sync.OnceValue(func() *template.Template {
			return template.Must(template.Must(layout().Clone()).ParseFS(FS, name))
		})
	}
	return out
}()

var funcs = template.FuncMap{
	// plural returns "1 postmortem" or "3 postmortems".
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + many
	},
	// lines joins values with newlines, for a data attribute that a
	// script splits.
	"lines": func(v []string) string { return strings.Join(v, "\n") },
}

func execute(w io.Writer, name string, data any) error {
	return tmpl[name]().ExecuteTemplate(w, "layout.html", data)
}

// Page is what every page has. Root is the relative path from the page to
// the site's root ("" at the root, "../" one folder down), which every link
// starts with, so that the site works at a domain root, under a sub-path
// and from the file system.
type Page struct {
	// Site is the site's title.
	Site string
	// Title is the page's own title; the document title is "Title · Site",
	// or Site alone when Title is empty.
	Title string
	// Description is the page's meta description, or "".
	Description string
	// Root is the path from the page to the site's root: "" or "../".
	Root string
	// Base is an absolute URL for a <base> element, or "": 404.html uses
	// it, as servers show that page at any depth.
	Base string
	// Section is the navigation entry of the page: "postmortems",
	// "services", "tags", "actions", "insights", "search" or "".
	Section string
	// Commit is the short hash of the commit the site was built from, or
	// "".
	Commit string
	// CommitURL links Commit, or is "".
	CommitURL string
	// Search is what the page's <head> needs for the search box (its
	// stylesheet and script), and SearchForm the box; "" leaves the
	// search out.
	Search, SearchForm template.HTML
	// Scripts are the site's own scripts the page loads, by path from
	// the site's root (for example "actions.js"); they are deferred.
	Scripts []string
	// Extra is HTML added at the end of the <head>, or "": postmortem
	// serve adds its reloading script there.
	Extra template.HTML
}

// Link is a link with a count, as in the list of services.
type Link struct {
	Text  string
	Href  string
	Count int
}

// Row is one postmortem in a list.
type Row struct {
	Href     string
	Title    string
	Summary  string
	Date     string // YYYY-MM-DD, or ""
	DateNote string // why the date is not the document's own, or ""
	Severity Badge
	Status   Badge
	Services []Link
	Duration string // started to resolved, or ""
	Warning  bool   // the document has problems
}

// Badge is a short value with a CSS class, such as a severity.
type Badge struct {
	Text  string
	Class string
}

// List is a table of postmortems. The flags say which of the optional
// columns to show: those with a value in some row.
type List struct {
	Rows                                 []Row
	Severity, Status, Services, Duration bool
}

// Year is a group of rows.
type Year struct {
	Name string // "2024", or "Undated"
	ID   string // an anchor
	List
}

// IndexPage is the site's front page: every postmortem, newest first,
// grouped by year.
type IndexPage struct {
	Page
	Count int
	Years []Year
	// Notes are remarks shown above the list (for example that some dates
	// come from git).
	Notes []string
	// YearsHTML is what IndexYears wrote for this page, when set: the
	// years are then not drawn again. The front page names the commit it
	// was built from, so it is made anew on every build; its list of 1,000
	// postmortems took 25 to 50 ms to draw, and changes far less often.
	YearsHTML template.HTML
}

// Index writes the front page.
func Index(w io.Writer, p *IndexPage) error { return execute(w, "index.html", p) }

// IndexYears writes the years of the front page, as Index would, for
// IndexPage.YearsHTML.
func IndexYears(w io.Writer, p *IndexPage) error {
	return tmpl["index.html"]().ExecuteTemplate(w, "years", p)
}

// Banner is a notice at the top of a postmortem's page.
type Banner struct {
	Kind  string // "warning" or "info"
	Text  string
	Items []string
}

// Field is a label and a value in a postmortem's metadata.
type Field struct {
	Label    string
	Value    string
	Datetime string // a machine-readable value for <time>, or ""
	Note     string
}

// Phase is a part of an incident in the legend of the phase strip.
type Phase struct {
	Name     string // "Detecting"
	Duration string
	Class    string // the class of its colour: "detect", "mitigate" or "resolve"
}

// Revision is one commit in a postmortem's history.
type Revision struct {
	Short    string // abbreviated hash
	URL      string // the commit's web page, or ""
	Date     string
	Datetime string
	Author   string
	Subject  string
}

// History is a postmortem's history from git.
type History struct {
	Created      Revision
	Updated      Revision
	Count        int
	Contributors []string
	Revisions    []Revision
	Dirty        bool
}

// PostmortemPage is one postmortem.
type PostmortemPage struct {
	Page
	Summary   string
	Banners   []Banner
	Severity  Badge
	Status    Badge
	Date      Field
	Times     []Field // started, detected, mitigated, resolved
	Durations []Field // time to detect, mitigate, resolve
	// Phases is the phase strip, an SVG image, and PhaseLegend its
	// legend.
	Phases      template.HTML
	PhaseLegend []Phase
	Services    []Link
	Tags        []Link
	Authors     []string
	ID          string
	Path        string // the source file, relative to the repository
	SourceURL   string // the file on the repository's web site, or ""
	EditURL     string // its editor there, or ""
	Body        template.HTML
	History     *History // nil when there is no history
	// HistoryNote says why History is nil or incomplete, or is "".
	HistoryNote string
}

// Postmortem writes a postmortem's page.
func Postmortem(w io.Writer, p *PostmortemPage) error { return execute(w, "postmortem.html", p) }

// GroupPage lists the postmortems of one service or tag.
type GroupPage struct {
	Page
	Kind  string // "Service" or "Tag"
	Name  string
	Index string // the link to the list of all services or tags
	List
}

// Group writes the page of a service or a tag.
func Group(w io.Writer, p *GroupPage) error { return execute(w, "group.html", p) }

// GroupsPage lists all services or all tags.
type GroupsPage struct {
	Page
	Kind  string // "Services" or "Tags"
	Intro string
	Items []Link
}

// Groups writes the list of services or tags.
func Groups(w io.Writer, p *GroupsPage) error { return execute(w, "groups.html", p) }

// NotFound writes 404.html.
func NotFound(w io.Writer, p *Page) error { return execute(w, "404.html", p) }

// Asset returns the contents of an asset by name.
func Asset(name string) ([]byte, error) { return FS.ReadFile("assets/" + name) }

// NoOwner stands for the owner of action items that name none.
const NoOwner = "(no owner)"

// ActionsPage is one page of a list of action items: the open ones
// (overdue first, most overdue first, then by due date) on actions.html,
// actions/2.html, ...; the done ones on actions/done.html,
// actions/done-2.html, ...; and one owner's on actions/owner-NAME.html.
// Each list is cut into numbered pages of a few hundred rows, readable
// without JavaScript. Owners' lists are linked from a table of owners, on
// actions.html, or on actions/owners.html when there are many. actions.js
// adds filters by owner, service and state, over every item, from the
// data script actions/items.js.
type ActionsPage struct {
	Page
	// AsOf is the day against which items are overdue (YYYY-MM-DD), or "".
	AsOf string
	// Total, Open, Overdue and Done count the items of the site; Open
	// includes Overdue.
	Total, Open, Overdue, Done int
	// List is "open", "done" or "owner"; Heading is the list's heading and
	// Note a sentence under it, or "".
	List, Heading, Note string
	// Owner is the owner of an owner's page (List "owner"), whom the
	// filters start from.
	Owner string
	// Rows are this page's rows: rows First to Last (from 1) of Count.
	Rows               []ActionRow
	First, Last, Count int
	// Pages link some of the list's pages by number (the first, the last,
	// those near this one and a few between), or are nil for a list of
	// one page; Prev and Next link the neighbours, or are "".
	Pages      []PageLink
	Prev, Next string
	// Owners are the owners with their counts, most overdue first, on
	// the first page of the open list of a site with a few owners, or on
	// the page of owners (List "owners") of a site with many; nil
	// elsewhere. OwnersPage links that table.
	Owners     []Count
	OwnersPage string
	// Data is the script of every item, for the filters, by path from the
	// site's root. The filters' choices (owners, services) come from a
	// script of their own, one of Scripts, so that they are not repeated
	// in every page.
	Data string
}

// PageLink is a numbered link to a page of a list; Gap says that pages
// before it are left out of the links.
type PageLink struct {
	Num          int
	Href         string
	Current, Gap bool
}

// ActionRow is one action item on the page.
type ActionRow struct {
	Text      string
	Owner     string
	Ticket    string
	TicketURL string
	Due       string // as written
	DueDate   string // YYYY-MM-DD, or ""
	// State is "overdue", "open" or "done"; Written is the status as
	// written when it says more than State, else "".
	State, Written string
	// Late says how long an overdue item is past due ("12 d"), or is "".
	Late string
	// Title, Href and Date are those of the postmortem the item is from;
	// Services its services.
	Title, Href, Date string
	Services          []string
	Line              int
}

// Count is a name with counts of action items, and the link to the
// name's own list, or "".
type Count struct {
	Name                string
	Href                string
	Open, Overdue, Done int
}

// Actions writes the page of action items.
func Actions(w io.Writer, p *ActionsPage) error { return execute(w, "actions.html", p) }

// InsightsPage shows what the postmortems say together, in charts drawn
// at build time. Each chart has a text alternative and a table of its
// data.
type InsightsPage struct {
	Page
	// Summary is a sentence or two about the whole site.
	Summary string
	Charts  []Chart
	// Oldest are the oldest open action items; OldestNote says how they
	// are chosen.
	Oldest     []ActionRow
	OldestNote string
}

// Chart is one chart of the insights page.
type Chart struct {
	ID    string // the section's anchor
	Title string
	Intro string
	// Empty, when not "", is shown instead of the chart: why there is no
	// data.
	Empty string
	// SVG is the chart, made by package site; Legend names its colours,
	// and Summary says in words what it shows.
	SVG     template.HTML
	Legend  []LegendItem
	Summary string
	// Table is the chart's data.
	Table DataTable
}

// LegendItem is a colour of a chart and what it stands for.
type LegendItem struct {
	Name  string
	Class string
}

// DataTable is a table of a chart's data: the first column heads each
// row.
type DataTable struct {
	Caption string
	Head    []string
	Rows    [][]string
}

// Insights writes the insights page.
func Insights(w io.Writer, p *InsightsPage) error { return execute(w, "insights.html", p) }

// SearchPage is the search page: the results of the query in its URL
// (search.html?q=...), which the search script renders.
type SearchPage struct {
	Page
	// Box is a search box of the page's own, when the header has none,
	// and Results the elements the script fills; both come from the
	// search package.
	Box, Results template.HTML
}

// Search writes the search page.
func Search(w io.Writer, p *SearchPage) error { return execute(w, "search.html", p) }
