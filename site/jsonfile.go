package site

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"time"
)

// jsonFile returns postmortems.json, as writeJSONFile writes it, whole:
// for the tests and the benchmark.
func jsonFile(s *Site) ([]byte, error) {
	var b bytes.Buffer
	if err := writeJSONFile(&b, s); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// writeJSONFile writes postmortems.json to out: the Site as
// json.MarshalIndent(s, "", "  ") encodes it, and a newline. It is made
// on every build, as it names the commit, so it is written by hand:
// encoding/json took 0.45 s of CPU for the 17 MB of 10,000 postmortems,
// this about a fifth of that (BenchmarkJSONFile). TestJSONFile holds the
// two to the same bytes. It is written a piece at a time, so that the
// whole file is never in memory: the 1.6 MB of 1,000 postmortems, made in
// a buffer, faulted in 400 fresh pages of memory, 10 ms of a rebuild.
func writeJSONFile(out io.Writer, s *Site) error {
	w := &jsonWriter{b: make([]byte, 0, jsonChunk+4<<10)}
	w.file(s, out)
	if w.err != nil {
		return w.err
	}
	_, err := out.Write(w.b)
	return err
}

// jsonChunk is how much writeJSONFile gathers before it writes it.
const jsonChunk = 32 << 10

// file appends postmortems.json to w.b, writes to out what it has made
// whenever it has jsonChunk of it, and leaves the rest in w.b.
func (w *jsonWriter) file(s *Site, out io.Writer) {
	w.open('{')
	w.key("version")
	w.int(int64(s.Version))
	w.strField("title", s.Title)
	w.optStr("base_url", s.BaseURL)
	w.optStr("repo_url", s.RepoURL)
	w.optStr("commit", s.Commit)
	w.strField("history", s.History)
	w.key("severities")
	w.strs(s.Severities)
	w.key("statuses")
	w.strs(s.Statuses)
	w.key("postmortems")
	if s.Postmortems == nil {
		w.null()
	} else {
		w.open('[')
		for _, pm := range s.Postmortems {
			w.elem()
			w.postmortem(pm)
			if len(w.b) >= jsonChunk && w.err == nil {
				_, w.err = out.Write(w.b)
				w.b = w.b[:0]
			}
		}
		w.close(']')
	}
	w.close('}')
	w.b = append(w.b, '\n')
}

func (w *jsonWriter) postmortem(pm *Postmortem) {
	if pm == nil {
		w.null()
		return
	}
	w.open('{')
	w.strField("id", pm.ID)
	w.strField("title", pm.Title)
	w.strField("url", pm.URL)
	w.strField("path", pm.Path)
	w.optStr("date", pm.Date)
	w.optStr("date_from", pm.DateFrom)
	w.optStr("status", pm.Status)
	w.optStr("severity", pm.Severity)
	w.optStrs("authors", pm.Authors)
	w.optStrs("services", pm.Services)
	w.optStrs("tags", pm.Tags)
	w.optStr("summary", pm.Summary)
	w.optTime("started", pm.Started)
	w.optTime("detected", pm.Detected)
	w.optTime("mitigated", pm.Mitigated)
	w.optTime("resolved", pm.Resolved)
	w.optInt("time_to_detect", pm.TimeToDetect)
	w.optInt("time_to_mitigate", pm.TimeToMitigate)
	w.optInt("time_to_resolve", pm.TimeToResolve)
	if len(pm.ActionItems) > 0 {
		w.key("action_items")
		w.open('[')
		for i := range pm.ActionItems {
			w.elem()
			w.actionItem(&pm.ActionItems[i])
		}
		w.close(']')
	}
	if h := pm.History; h != nil {
		w.key("history")
		w.open('{')
		w.key("created")
		w.revision(&h.Created)
		w.key("updated")
		w.revision(&h.Updated)
		w.key("revisions")
		w.int(int64(h.Revisions))
		w.key("contributors")
		w.strs(h.Contributors)
		if h.Dirty {
			w.key("dirty")
			w.bool(true)
		}
		w.close('}')
	}
	w.optStrs("problems", pm.Problems)
	w.close('}')
}

func (w *jsonWriter) actionItem(a *ActionItem) {
	w.open('{')
	w.strField("text", a.Text)
	w.optStr("owner", a.Owner)
	w.optStr("ticket", a.Ticket)
	w.optStr("ticket_url", a.TicketURL)
	w.optStr("due", a.Due)
	w.optStr("due_date", a.DueDate)
	w.optStr("status", a.Status)
	w.key("done")
	w.bool(a.Done)
	w.strField("form", a.Form)
	if a.Line != 0 {
		w.key("line")
		w.int(int64(a.Line))
	}
	w.close('}')
}

func (w *jsonWriter) revision(r *Revision) {
	w.open('{')
	w.strField("commit", r.Commit)
	w.key("date")
	w.time(r.Date)
	w.strField("author", r.Author)
	w.close('}')
}

// jsonWriter appends indented JSON, two spaces a level, as
// json.MarshalIndent does: an empty object or array stays on one line.
type jsonWriter struct {
	b       []byte
	members []int // how many members each open object or array has so far
	err     error
}

func (w *jsonWriter) open(c byte) {
	w.b = append(w.b, c)
	w.members = append(w.members, 0)
}

func (w *jsonWriter) close(c byte) {
	n := w.members[len(w.members)-1]
	w.members = w.members[:len(w.members)-1]
	if n > 0 {
		w.newline()
	}
	w.b = append(w.b, c)
}

// elem starts a member of the innermost object or array.
func (w *jsonWriter) elem() {
	if w.members[len(w.members)-1] > 0 {
		w.b = append(w.b, ',')
	}
	w.members[len(w.members)-1]++
	w.newline()
}

func (w *jsonWriter) newline() {
	w.b = append(w.b, '\n')
	for range len(w.members) {
		w.b = append(w.b, "  "...)
	}
}

func (w *jsonWriter) key(k string) {
	w.elem()
	w.str(k)
	w.b = append(w.b, ": "...)
}

func (w *jsonWriter) null() { w.b = append(w.b, "null"...) }

func (w *jsonWriter) int(v int64) { w.b = strconv.AppendInt(w.b, v, 10) }

func (w *jsonWriter) bool(v bool) { w.b = strconv.AppendBool(w.b, v) }

// str appends a string as encoding/json does: it escapes <, > and & for
// HTML, control characters, and more outside ASCII (U+2028, U+2029,
// invalid UTF-8), which is rare enough to leave to encoding/json.
func (w *jsonWriter) str(s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			b, _ := json.Marshal(s) // a string always encodes
			w.b = append(w.b, b...)
			return
		}
	}
	w.b = append(w.b, '"')
	w.b = append(w.b, s...)
	w.b = append(w.b, '"')
}

func (w *jsonWriter) strs(ss []string) {
	if ss == nil {
		w.null()
		return
	}
	w.open('[')
	for _, s := range ss {
		w.elem()
		w.str(s)
	}
	w.close(']')
}

// time appends a time as its MarshalJSON does, without allocating.
func (w *jsonWriter) time(t time.Time) {
	w.b = append(w.b, '"')
	b, err := t.AppendText(w.b)
	if err != nil && w.err == nil { // a year outside 0 to 9999
		w.err = err
	}
	w.b = append(b, '"')
}

func (w *jsonWriter) strField(k, v string) {
	w.key(k)
	w.str(v)
}

func (w *jsonWriter) optStr(k, v string) {
	if v != "" {
		w.strField(k, v)
	}
}

func (w *jsonWriter) optStrs(k string, v []string) {
	if len(v) > 0 {
		w.key(k)
		w.strs(v)
	}
}

func (w *jsonWriter) optTime(k string, t *time.Time) {
	if t != nil {
		w.key(k)
		w.time(*t)
	}
}

func (w *jsonWriter) optInt(k string, v *int64) {
	if v != nil {
		w.key(k)
		w.int(*v)
	}
}
