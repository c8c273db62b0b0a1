package render

import (
	"path"
	"regexp"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Fields are the canonical names of the front matter fields of version 1, in
// the order in which they are documented.
var Fields = []string{
	"title", "date", "status", "severity", "authors", "services", "tags",
	"started", "detected", "mitigated", "resolved", "summary", "id",
}

// RequiredFields are the fields a postmortem must have.
var RequiredFields = []string{"title", "date", "status", "severity", "authors"}

// Timestamps are the fields that hold RFC 3339 timestamps, in the order in
// which they must happen.
var Timestamps = []string{"started", "detected", "mitigated", "resolved"}

// IsField reports whether name is a canonical front matter field.
func IsField(name string) bool {
	for _, f := range Fields {
		if f == name {
			return true
		}
	}
	return false
}

// DateLayout is the layout of the date field.
const DateLayout = "2006-01-02"

// Meta is a postmortem's metadata: the front matter's values, typed, with the
// documented fallbacks applied. A value that is missing or has the wrong type
// is left zero (and Parse reports the wrong type).
type Meta struct {
	ID       string // front matter id, else the file name without extension
	Title    string // front matter title, else the first H1, else the file name
	Date     time.Time
	Status   string
	Severity string
	Authors  []string
	Services []string
	Tags     []string

	Started, Detected, Mitigated, Resolved time.Time

	// Summary is the front matter summary, else the plain text of the first
	// paragraph of the Summary section.
	Summary string

	// Extra holds the values of keys that are not fields of version 1, by the
	// key as written.
	Extra map[string]any

	// TitleFrom and DateFrom say where Title and Date came from:
	// "front matter", "heading", "file name" or "" (not found).
	TitleFrom, DateFrom string
}

// Timestamp returns the value of one of the Timestamps fields by name.
func (m *Meta) Timestamp(name string) time.Time {
	switch name {
	case "started":
		return m.Started
	case "detected":
		return m.Detected
	case "mitigated":
		return m.Mitigated
	case "resolved":
		return m.Resolved
	}
	return time.Time{}
}

// fileDateRE finds a YYYY-MM-DD date in a file name.
var fileDateRE = regexp.MustCompile(`(^|[^0-9])((?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9])($|[^0-9])`)

// fileStem returns the file name without folder and extension.
func fileStem(p string) string {
	base := path.Base(strings.ReplaceAll(p, "\\", "/"))
	if ext := path.Ext(base); ext != "" && len(ext) < len(base) {
		base = strings.TrimSuffix(base, ext)
	}
	return strings.TrimSpace(base)
}

// fillMeta sets the typed metadata from the front matter fields.
func (p *docParser) fillMeta() {
	m := &p.doc.Meta
	for _, f := range p.doc.FrontMatter.Fields {
		v := f.Value
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		if !f.Known {
			var x any
			if err := v.Decode(&x); err != nil {
				p.errorf(f.ValuePos, CodeYAML, "invalid value for %s: %s", f.Key, strings.TrimPrefix(err.Error(), "yaml: "))
				continue
			}
			if m.Extra == nil {
				m.Extra = map[string]any{}
			}
			m.Extra[f.Key] = x
			continue
		}
		switch f.Name {
		case "title":
			m.Title, m.TitleFrom = p.str(f, v), "front matter"
		case "status":
			m.Status = p.str(f, v)
		case "severity":
			m.Severity = p.str(f, v)
		case "summary":
			m.Summary = p.str(f, v)
		case "id":
			m.ID = p.str(f, v)
		case "authors":
			m.Authors = p.list(f, v)
		case "services":
			m.Services = p.list(f, v)
		case "tags":
			m.Tags = p.list(f, v)
		case "date":
			s := p.str(f, v)
			if s == "" {
				continue
			}
			t, err := time.Parse(DateLayout, s)
			if err != nil {
				p.errorf(f.ValuePos, CodeDate, "%s: %q is not a date of the form YYYY-MM-DD", f.Key, s)
				continue
			}
			m.Date, m.DateFrom = t, "front matter"
		case "started", "detected", "mitigated", "resolved":
			s := p.str(f, v)
			if s == "" {
				continue
			}
			t, err := time.Parse(time.RFC3339, s)
			if err != nil {
				p.errorf(f.ValuePos, CodeDate, "%s: %q is not an RFC 3339 timestamp such as 2024-05-01T14:02:00Z", f.Key, s)
				continue
			}
			switch f.Name {
			case "started":
				m.Started = t
			case "detected":
				m.Detected = t
			case "mitigated":
				m.Mitigated = t
			case "resolved":
				m.Resolved = t
			}
		}
	}
}

// str returns a scalar field's text, or reports a type error. A null value
// ("title:" with nothing after it) is the empty string.
func (p *docParser) str(f *Field, v *yaml.Node) string {
	if v.Kind == yaml.ScalarNode {
		if v.Tag == "!!null" {
			return ""
		}
		return strings.TrimSpace(v.Value)
	}
	p.errorf(f.ValuePos, CodeType, "%s must be a string, not a %s", f.Key, kindName(v))
	return ""
}

// list returns a list field's strings. A single string is taken as a list of
// one, as people write "authors: Dana Okafor"; anything else is a type error.
func (p *docParser) list(f *Field, v *yaml.Node) []string {
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" {
			return nil
		}
		return []string{strings.TrimSpace(v.Value)}
	case yaml.SequenceNode:
		var out []string
		for _, item := range v.Content {
			if item.Kind == yaml.AliasNode && item.Alias != nil {
				item = item.Alias
			}
			if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
				p.errorf(nodePos(item), CodeType, "%s: each item must be a string, not a %s", f.Key, kindName(item))
				continue
			}
			if s := strings.TrimSpace(item.Value); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	p.errorf(f.ValuePos, CodeType, "%s must be a list of strings, not a %s", f.Key, kindName(v))
	return nil
}
