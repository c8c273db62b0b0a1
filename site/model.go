package site

import (
	"html/template"
	"time"
)

// JSONVersion is the version of the format of postmortems.json. It changes
// only when a field changes meaning or goes away; new fields may appear in
// any version.
const JSONVersion = 1

// Site is the data a site is drawn from, and what postmortems.json holds:
// its JSON encoding, by the field tags below, is the documented format of
// that file for other tools.
//
// An example, shortened:
//
//	{
//	  "version": 1,
//	  "title": "Northwind Larder postmortems",
//	  "base_url": "https://postmortems.example.com/",
//	  "repo_url": "https://github.com/northwind/postmortems",
//	  "commit": "3f9c2e1d…",
//	  "history": "complete",
//	  "severities": ["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"],
//	  "statuses": ["draft", "in-review", "published"],
//	  "postmortems": [
//	    {
//	      "id": "2024-01-22-checkout-errors-during-kafka-broker-restart",
//	      "title": "Checkout errors during a Kafka broker rolling restart",
//	      "url": "postmortems/2024-01-22-checkout-errors-during-kafka-broker-restart.html",
//	      "path": "postmortems/2024-01-22-checkout-errors-during-kafka-broker-restart.md",
//	      "date": "2024-01-22",
//	      "date_from": "front matter",
//	      "status": "published",
//	      "severity": "SEV2",
//	      "authors": ["Esther Mensah", "Nomvula Dlamini"],
//	      "services": ["checkout-api", "kafka", "payments"],
//	      "tags": ["queue", "config", "deploy"],
//	      "summary": "A third of checkouts returned HTTP 500 for 38 minutes…",
//	      "started": "2024-01-22T10:14:00Z",
//	      "detected": "2024-01-22T10:17:00Z",
//	      "mitigated": "2024-01-22T10:52:00Z",
//	      "resolved": "2024-01-22T11:30:00Z",
//	      "time_to_detect": 180,
//	      "time_to_mitigate": 2280,
//	      "time_to_resolve": 4560,
//	      "action_items": [
//	        {
//	          "text": "Reassign all 11 topics with two replicas to three replicas",
//	          "owner": "Mateo Lindqvist",
//	          "ticket": "PLAT-1184",
//	          "ticket_url": "https://tracker.northwind.example/PLAT-1184",
//	          "due": "2024-02-09",
//	          "due_date": "2024-02-09",
//	          "status": "done",
//	          "done": true,
//	          "form": "table",
//	          "line": 101
//	        }
//	      ],
//	      "history": {
//	        "created": {"commit": "089c353…", "date": "2024-01-25T09:12:44+01:00", "author": "Esther Mensah"},
//	        "updated": {"commit": "5be01a2…", "date": "2024-02-02T16:40:10+01:00", "author": "Nomvula Dlamini"},
//	        "revisions": 4,
//	        "contributors": ["Esther Mensah", "Nomvula Dlamini"]
//	      }
//	    }
//	  ]
//	}
//
// Postmortems are sorted newest first (by date, then title, then path).
// A postmortem's action items are those of its Action items section (see
// ActionItem), in the order written; "done" is false for an open item.
// Whether an open item is overdue depends on the day it is read, so the
// file does not say: compare "due_date" with the date.
// Empty values are left out: a postmortem without a severity has no
// "severity" key. The file is built from one commit and carries no build
// time, so two builds of the same commit write the same bytes.
type Site struct {
	// Version is JSONVersion.
	Version int `json:"version"`
	// Title is the site's title (site.title in .postmortem.yaml).
	Title string `json:"title"`
	// BaseURL is the absolute URL the site is served from, ending in "/",
	// when configured. A postmortem's page is at BaseURL + URL.
	BaseURL string `json:"base_url,omitempty"`
	// RepoURL is the repository's web address, when configured.
	RepoURL string `json:"repo_url,omitempty"`
	// Commit is the full hash of the commit the site was built from, when
	// the postmortems are in a git repository with commits.
	Commit string `json:"commit,omitempty"`
	// History says how complete the history is: "complete", "shallow" (a
	// shallow clone: first dates and authors are those of the oldest
	// commit fetched) or "none" (not a repository, or no commits).
	History string `json:"history"`
	// Severities and Statuses are the configured scales, in order:
	// severities worst first, statuses from draft to published.
	Severities []string `json:"severities"`
	Statuses   []string `json:"statuses"`
	// Postmortems are the postmortems on the site (drafts only when built
	// with --drafts).
	Postmortems []*Postmortem `json:"postmortems"`

	// Services and Tags group the postmortems, sorted by name.
	Services []*Group `json:"-"`
	Tags     []*Group `json:"-"`
	// Drafts is true when drafts are on the site.
	Drafts bool `json:"-"`
	// HistoryNote explains an incomplete history, or is "".
	HistoryNote string `json:"-"`
	// Now is the build's reference time, against which action items are
	// overdue (see Options.Now).
	Now time.Time `json:"-"`

	search bool                            // the site has the search
	inject func(root string) template.HTML // see Options.Inject
}

// Postmortem is one postmortem: its metadata, the durations computed from
// it, and its history in git.
type Postmortem struct {
	// ID is the front matter's id, else the file name without extension.
	ID string `json:"id"`
	// Title is the front matter's title, else the first level-1 heading,
	// else the file name.
	Title string `json:"title"`
	// URL is the postmortem's page, relative to the site's root.
	URL string `json:"url"`
	// Path is the file, relative to the repository's root.
	Path string `json:"path"`
	// Date is the incident's date, YYYY-MM-DD, or "" when unknown.
	Date string `json:"date,omitempty"`
	// DateFrom says where Date comes from: "front matter", "file name",
	// "timeline" (the date most entries of the Timeline section have), or "git" (the
	// date of the file's first commit), in that order of preference.
	DateFrom string `json:"date_from,omitempty"`
	// Status and Severity are as written in the front matter.
	Status   string `json:"status,omitempty"`
	Severity string `json:"severity,omitempty"`
	// Authors, Services and Tags are as written in the front matter.
	Authors  []string `json:"authors,omitempty"`
	Services []string `json:"services,omitempty"`
	Tags     []string `json:"tags,omitempty"`
	// Summary is the front matter's summary, else the first paragraph of
	// the Summary section, as plain text.
	Summary string `json:"summary,omitempty"`
	// Started, Detected, Mitigated and Resolved are the incident's
	// timestamps (RFC 3339, in the time zone written).
	Started   *time.Time `json:"started,omitempty"`
	Detected  *time.Time `json:"detected,omitempty"`
	Mitigated *time.Time `json:"mitigated,omitempty"`
	Resolved  *time.Time `json:"resolved,omitempty"`
	// TimeToDetect, TimeToMitigate and TimeToResolve are the seconds from
	// Started to Detected, Mitigated and Resolved; each is left out when a
	// timestamp is missing or the order is wrong.
	TimeToDetect   *int64 `json:"time_to_detect,omitempty"`
	TimeToMitigate *int64 `json:"time_to_mitigate,omitempty"`
	TimeToResolve  *int64 `json:"time_to_resolve,omitempty"`
	// ActionItems are the action items of the postmortem's Action items
	// section, as written: table rows and list items.
	ActionItems []ActionItem `json:"action_items,omitempty"`
	// History is the file's history in git; it is left out when there is
	// none (no repository, or the file is not committed).
	History *History `json:"history,omitempty"`
	// Problems are the document's errors, as "line:col: message".
	Problems []string `json:"problems,omitempty"`

	// RepoPath is the file's path relative to the git repository's root,
	// which differs from Path when the configuration is in a subfolder.
	RepoPath string `json:"-"`
	// Page is the file name of the page, without folder and extension.
	Page string `json:"-"`
	// Year groups the postmortem on the index: "2024", or "" when undated.
	Year string `json:"-"`
	// Draft and Review report the first status, and any status between it
	// and published.
	Draft  bool `json:"-"`
	Review bool `json:"-"`
	// Rank is the severity's index in the scale, or -1.
	Rank int `json:"-"`
	// Revisions is the full history, newest first (JSON has a summary).
	Revisions []Revision `json:"-"`

	// OwnSummary reports that the summary is the front matter's, not the
	// body's first paragraph (which the page shows already).
	OwnSummary bool `json:"-"`
	// Text is the body as plain text (render.PlainText), for the search
	// index.
	Text string `json:"-"`
}

// ActionItem is one action item of a postmortem (see render/actions).
type ActionItem struct {
	// Text is the action, as plain text (for a list item, without the
	// "owner:", "ticket:" and "due:" written after it).
	Text string `json:"text"`
	// Owner and Ticket are as written, or "".
	Owner  string `json:"owner,omitempty"`
	Ticket string `json:"ticket,omitempty"`
	// TicketURL is the ticket's link destination, when it is a link.
	TicketURL string `json:"ticket_url,omitempty"`
	// Due is the due date as written, and DueDate the same as YYYY-MM-DD
	// when it could be read.
	Due     string `json:"due,omitempty"`
	DueDate string `json:"due_date,omitempty"`
	// Status is the status as written: a table's Status column, or "[ ]"
	// and "[x]" for a task list's checkbox.
	Status string `json:"status,omitempty"`
	// Done reports that the status says done (done, closed, fixed, ...) or
	// the box is ticked; every other item is open.
	Done bool `json:"done"`
	// Form is how the item is written: "table", "task" or "list".
	Form string `json:"form"`
	// Line is the item's line in the file.
	Line int `json:"line,omitempty"`
}

// History summarises a file's history.
type History struct {
	// Created is the commit that first added the file (following
	// renames), Updated the last commit that changed it.
	Created Revision `json:"created"`
	Updated Revision `json:"updated"`
	// Revisions is the number of commits that changed the file.
	Revisions int `json:"revisions"`
	// Contributors are the names of the authors and co-authors of those
	// commits, in order of first contribution.
	Contributors []string `json:"contributors"`
	// Dirty is true when the file has uncommitted changes: the page shows
	// them, the history does not.
	Dirty bool `json:"dirty,omitempty"`
}

// Revision is a commit.
type Revision struct {
	// Commit is the full hash.
	Commit string `json:"commit"`
	// Date is the author date, in the author's time zone.
	Date time.Time `json:"date"`
	// Author is the author's name, after .mailmap.
	Author string `json:"author"`
	// Subject is the first line of the message (only on pages).
	Subject string `json:"-"`
}

// Group is a service or a tag and its postmortems.
type Group struct {
	// Name is the name as written (the most common spelling when several
	// differ only in case or punctuation).
	Name string
	// Page is the file name of the group's page, without folder and
	// extension.
	Page string
	// Postmortems are the group's postmortems, newest first.
	Postmortems []*Postmortem
}
