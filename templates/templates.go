// Package templates holds the postmortem templates and the files that
// `postmortem init` writes, embedded in the binary.
//
// A postmortem template is a text/template that produces a Markdown file
// with front matter. The built-in ones live in postmortem/; a repository
// adds or overrides templates with files in .postmortem/templates/NAME.md,
// which can use the same functions and the "frontmatter" template.
package templates

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"text/template"

	"gopkg.in/yaml.v3"

	"github.com/postmortem-dev/postmortem/render"
)

// FS holds the built-in postmortem templates (postmortem/NAME.md) and the
// files of `postmortem init` (init/).
//
//go:embed postmortem init
var FS embed.FS

// BuiltIn is the Source of a template embedded in the binary.
const BuiltIn = "built-in"

// Template is a postmortem template, parsed.
type Template struct {
	Name string
	// Source is BuiltIn, or the path of the repository's file.
	Source string
	// Description is the text of the comment that opens the template, as
	// in {{/* Short form for small incidents */}}.
	Description string
	// Overrides is true when a repository's file replaces a built-in
	// template of the same name.
	Overrides bool
	// Text is the template's source.
	Text string

	tmpl *template.Template
}

// Data is what a template is executed with.
type Data struct {
	Title    string
	Date     string // YYYY-MM-DD
	Status   string
	Severity string // "" when not chosen yet
	Authors  []string
	Services []string
	Tags     []string
	// Severities is the repository's severity scale, worst first.
	Severities []string
	// FieldNames maps canonical front matter fields to the repository's
	// keys; the template function key applies it.
	FieldNames map[string]string
}

// Execute writes the postmortem the template makes from d.
func (t *Template) Execute(w io.Writer, d Data) error {
	if len(d.Severities) == 0 {
		d.Severities = []string{""}
	}
	tmpl, err := t.tmpl.Clone()
	if err != nil {
		return err
	}
	tmpl.Funcs(template.FuncMap{"key": func(field string) string {
		if k := d.FieldNames[field]; k != "" {
			return k
		}
		return field
	}})
	if err := tmpl.Execute(w, d); err != nil {
		return fmt.Errorf("template %s (%s): %w", t.Name, t.Source, err)
	}
	return nil
}

// funcs are the functions templates can use.
func funcs() template.FuncMap {
	return template.FuncMap{
		// yaml quotes a string as a YAML scalar when it needs quoting.
		"yaml": yamlScalar,
		// list writes a flow-style YAML list: [a, "b: c"].
		"list": func(items []string) string {
			quoted := make([]string, len(items))
			for i, s := range items {
				quoted[i] = yamlScalar(s)
			}
			return "[" + strings.Join(quoted, ", ") + "]"
		},
		"join": strings.Join,
		// key returns the repository's key for a front matter field; it
		// is bound to Data.FieldNames in Execute.
		"key": func(field string) string { return field },
	}
}

// yamlScalar returns s as a YAML scalar, quoted when plain style would
// change its meaning.
func yamlScalar(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil {
		return fmt.Sprintf("%q", s)
	}
	v := strings.TrimSuffix(string(out), "\n")
	if strings.Contains(v, "\n") || strings.ContainsAny(s, "[]{},") && !strings.HasPrefix(v, "'") && !strings.HasPrefix(v, "\"") {
		return fmt.Sprintf("%q", s)
	}
	return v
}

// List returns the built-in templates and those of the repository at root
// (in root/.postmortem/templates), sorted by name. A repository's template
// replaces a built-in one of the same name. A template that does not parse
// is an error naming its file.
func List(root string) ([]*Template, error) {
	byName := map[string]*Template{}
	shared, err := fs.ReadFile(FS, "postmortem/frontmatter.tmpl")
	if err != nil {
		return nil, err
	}
	entries, err := fs.ReadDir(FS, "postmortem")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".md")
		if !ok {
			continue
		}
		text, err := fs.ReadFile(FS, path.Join("postmortem", e.Name()))
		if err != nil {
			return nil, err
		}
		t, err := parse(name, BuiltIn, string(shared), string(text))
		if err != nil {
			return nil, err
		}
		byName[name] = t
	}
	if root != "" {
		dir := filepath.Join(root, filepath.FromSlash(".postmortem/templates"))
		files, err := filepath.Glob(filepath.Join(dir, "*.md"))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			text, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("read template: %w", err)
			}
			name := strings.TrimSuffix(filepath.Base(f), ".md")
			rel, err := filepath.Rel(root, f)
			if err != nil {
				rel = f
			}
			t, err := parse(name, filepath.ToSlash(rel), string(shared), string(text))
			if err != nil {
				return nil, err
			}
			t.Overrides = byName[name] != nil
			byName[name] = t
		}
	}
	list := make([]*Template, 0, len(byName))
	for _, t := range byName {
		list = append(list, t)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Name < list[j].Name })
	return list, nil
}

// parse parses one template with the shared "frontmatter" definition.
func parse(name, source, shared, text string) (*Template, error) {
	tmpl := template.New(name).Funcs(funcs()).Option("missingkey=error")
	if _, err := tmpl.New("frontmatter.tmpl").Parse(shared); err != nil {
		return nil, fmt.Errorf("parse template frontmatter: %w", err)
	}
	if _, err := tmpl.Parse(text); err != nil {
		// text/template errors read "template: NAME:LINE: message".
		msg := strings.TrimPrefix(err.Error(), "template: ")
		msg = strings.TrimPrefix(msg, name+":")
		msg = strings.ReplaceAll(msg, " "+name+":", " line ")
		return nil, fmt.Errorf("%s:%s", source, msg)
	}
	return &Template{Name: name, Source: source, Description: description(text), Text: text, tmpl: tmpl}, nil
}

// description returns the text of a {{/* comment */}} that opens a template.
func description(text string) string {
	text = strings.TrimSpace(text)
	rest, ok := strings.CutPrefix(text, "{{/*")
	if !ok {
		rest, ok = strings.CutPrefix(text, "{{- /*")
	}
	if !ok {
		return ""
	}
	comment, _, ok := strings.Cut(rest, "*/")
	if !ok {
		return ""
	}
	return strings.Join(strings.Fields(comment), " ")
}

// ErrUnknown is returned by Find for a template that does not exist.
var ErrUnknown = errors.New("unknown template")

// Find returns the template called name.
func Find(list []*Template, name string) (*Template, error) {
	names := make([]string, len(list))
	for i, t := range list {
		if t.Name == name {
			return t, nil
		}
		names[i] = t.Name
	}
	msg := fmt.Sprintf("%q", name)
	if s := render.Suggest(name, names); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return nil, fmt.Errorf("%w %s; the templates are %s", ErrUnknown, msg, strings.Join(names, ", "))
}
