// Package config reads a repository's .postmortem.yaml.
//
// Every setting has a default, so no file is needed. A file is found by
// walking up from the working directory as git does; its errors say the
// file, line and column, with a did-you-mean for misspelt keys.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/postmortem-dev/postmortem/render"
)

// FileName is the name of the configuration file at a repository's root.
const FileName = ".postmortem.yaml"

// TemplatesDir is the folder, relative to the root, of a repository's own
// postmortem templates.
const TemplatesDir = ".postmortem/templates"

// Config is a repository's configuration. Field comments give the YAML key
// and the default.
type Config struct {
	// Path is the file the configuration was read from; "" when none.
	Path string `yaml:"-"`
	// Root is the repository's root: the folder of the file, else the
	// closest folder above the working directory with a .git, else the
	// working directory.
	Root string `yaml:"-"`

	// Postmortems is the folder of postmortems, relative to Root
	// (postmortems: postmortems). "." is the root itself.
	Postmortems string `yaml:"postmortems"`
	// Filename is the pattern of new postmortems' file names
	// (filename: "{date}-{slug}.md"); {date}, {slug}, {year} and {month}
	// are replaced.
	Filename string `yaml:"filename"`
	// Include lists the glob patterns of file names, in the postmortems
	// folder and its subfolders, that are postmortems (include: ["*.md"]).
	Include []string `yaml:"include"`
	// Exclude lists glob patterns of file names or folders that are not,
	// matched against the name and the path relative to the postmortems
	// folder (exclude: [README.md, index.md, "_*"]).
	Exclude []string `yaml:"exclude"`
	// Severities is the severity scale, worst first
	// (severities: [SEV1, SEV2, SEV3, SEV4, SEV5]).
	Severities []string `yaml:"severities"`
	// Statuses are the statuses a postmortem moves through; the first is
	// the one new postmortems get and the last means published
	// (statuses: [draft, in-review, published]).
	Statuses []string `yaml:"statuses"`
	// Template is the template `postmortem new` uses (template: default).
	Template string `yaml:"template"`
	// Fields maps front matter fields to the keys this repository uses for
	// them, for example {started: start_time, tags: categories}.
	Fields map[string]string `yaml:"fields"`
	// Sections says which sections a postmortem must have.
	Sections Sections `yaml:"sections"`
	// People lists names that count as people in blameless-language checks,
	// beside front matter authors and git authors.
	People []string `yaml:"people"`
	// Site holds the settings of `postmortem build`.
	Site Site `yaml:"site"`
	// Lint holds the settings of `postmortem lint`.
	Lint Lint `yaml:"lint"`

	keyPos map[string]render.Pos // where each top-level key is in the file
}

// Sections are the settings of required sections.
type Sections struct {
	// Required lists the sections every postmortem must have, compared
	// without regard to case and punctuation.
	Required []string `yaml:"required"`
	// Aliases lists other titles accepted for a section, by section.
	Aliases map[string][]string `yaml:"aliases"`
}

// Site holds the settings of the static site.
type Site struct {
	// Title is the site's title (title: Postmortems).
	Title string `yaml:"title"`
	// BaseURL is the URL the site is served from, for feeds and the
	// sitemap; links in pages are relative and work from any base.
	BaseURL string `yaml:"base_url"`
	// RepoURL is the repository's web URL (https://github.com/org/repo),
	// for links to commits and "edit this page".
	RepoURL string `yaml:"repo_url"`
	// Branch is the branch "edit this page" links to (branch: main).
	Branch string `yaml:"branch"`
	// AllowHTML passes raw HTML in postmortems through to pages
	// (allow_html: false). Only for repositories whose writers are all
	// trusted.
	AllowHTML bool `yaml:"allow_html"`
}

// Lint holds the settings of the lint.
type Lint struct {
	// Rules sets rules' severities by rule name or group ("blameless" or
	// "blameless/hindsight"): error, warning or off.
	Rules map[string]string `yaml:"rules"`
	// Blameless extends or trims the phrase lists of the blameless rules.
	Blameless Phrases `yaml:"blameless"`
}

// Phrases are a repository's changes to the blameless phrase lists.
type Phrases struct {
	// Add lists phrases to report.
	Add []Phrase `yaml:"add"`
	// Remove lists built-in patterns not to report, as written in the
	// built-in list (see 'postmortem lint --explain' for the rules).
	Remove []string `yaml:"remove"`
	// ImpliedThreshold is how sure the model of blameless/implied must be
	// to report a sentence, from 0.5 to below 1 (higher is quieter); 0
	// means the default.
	ImpliedThreshold float64 `yaml:"implied_threshold"`
}

// Phrase is a phrase a repository adds to a blameless rule.
type Phrase struct {
	// Category is the rule's category: human-error, judgement,
	// person-cause, counterfactual, hindsight or punitive.
	Category string `yaml:"category"`
	// Pattern is the phrase: words, "a|b" alternatives, and <person> for
	// a person ("<person> went cowboy").
	Pattern string `yaml:"pattern"`
	// When is always (the default), subject (when a person is the
	// subject of the clause) or person (when the sentence names a person).
	When string `yaml:"when"`
	// Message and Suggestion replace the category's own.
	Message    string `yaml:"message"`
	Suggestion string `yaml:"suggestion"`
}

// Default returns the configuration used when there is no file.
func Default() *Config {
	return &Config{
		Postmortems: "postmortems",
		Filename:    "{date}-{slug}.md",
		Include:     []string{"*.md"},
		Exclude:     []string{"README.md", "index.md", "_*"},
		Severities:  []string{"SEV1", "SEV2", "SEV3", "SEV4", "SEV5"},
		Statuses:    []string{"draft", "in-review", "published"},
		Template:    "default",
		Sections: Sections{
			Required: []string{"Summary", "Impact", "Timeline", "Contributing factors", "Action items"},
			Aliases: map[string][]string{
				"Summary":              {"Overview", "Executive summary", "Incident summary"},
				"Impact":               {"Customer impact", "Business impact"},
				"Timeline":             {"Chronology", "Incident timeline"},
				"Contributing factors": {"Root causes", "Root cause", "Causes", "Root cause analysis"},
				"Action items":         {"Actions", "Follow-up actions", "Corrective actions", "Follow-ups", "Remediation"},
			},
		},
		Site: Site{Title: "Postmortems", Branch: "main"},
	}
}

// Dir returns the absolute path of the postmortems folder.
func (c *Config) Dir() string { return filepath.Join(c.Root, filepath.FromSlash(c.Postmortems)) }

// Draft returns the status new postmortems get.
func (c *Config) Draft() string { return c.Statuses[0] }

// Published returns the status of a published postmortem.
func (c *Config) Published() string { return c.Statuses[len(c.Statuses)-1] }

// SectionNames returns the title of a required section and its aliases.
func (c *Config) SectionNames(section string) []string {
	return append([]string{section}, c.Sections.Aliases[section]...)
}

// ParseOptions returns the options with which to parse this repository's
// postmortems.
func (c *Config) ParseOptions() render.Options {
	return render.Options{FieldNames: c.Fields}
}

// Find returns the path of the configuration file that applies to dir: the
// first FileName in dir or a folder above it. It returns "" when there is
// none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		info, err := os.Stat(p)
		switch {
		case err == nil && info.Mode().IsRegular():
			return p, nil
		case err == nil:
			return "", fmt.Errorf("%s is not a regular file", p)
		case !errors.Is(err, fs.ErrNotExist):
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// RepoRoot returns the closest folder at or above dir that holds a .git, or
// "" when there is none.
func RepoRoot(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Load returns the configuration that applies to dir: the file Find
// finds, or the defaults with Root set to the repository containing dir
// (or dir itself outside a repository).
func Load(dir string) (*Config, error) {
	p, err := Find(dir)
	if err != nil {
		return nil, fmt.Errorf("find %s: %w", FileName, err)
	}
	if p == "" {
		c := Default()
		c.Root = RepoRoot(dir)
		if c.Root == "" {
			if c.Root, err = filepath.Abs(dir); err != nil {
				return nil, err
			}
		}
		return c, nil
	}
	return ReadFile(p)
}

// ReadFile reads a configuration file; its Root is the file's folder.
func ReadFile(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	c.Root = filepath.Dir(path)
	if abs, err := filepath.Abs(c.Root); err == nil {
		c.Root = abs
	}
	return c, nil
}

// Parse parses a configuration file's contents over the defaults. The path
// is used in errors, which are a render.ErrorList of "path:line:col:
// message" errors.
func Parse(path string, data []byte) (*Config, error) {
	c := Default()
	c.Path = path
	if err := decode(path, data, c); err != nil {
		return nil, err
	}
	if err := c.check(); err != nil {
		return nil, err
	}
	return c, nil
}

// check validates values that decode cannot: empty lists, duplicates,
// patterns and field names.
func (c *Config) check() error {
	var errs render.ErrorList
	bad := func(key, format string, args ...any) {
		errs.Add(c.Path, c.pos(key), "config", format, args...)
	}
	if len(c.Severities) == 0 {
		bad("severities", "severities must list at least one severity")
	}
	if len(c.Statuses) < 2 {
		bad("statuses", "statuses must list at least two statuses: the first for drafts, the last for published postmortems")
	}
	for _, list := range []struct {
		key    string
		values []string
	}{{"severities", c.Severities}, {"statuses", c.Statuses}, {"include", c.Include}, {"people", c.People}} {
		seen := map[string]bool{}
		for _, v := range list.values {
			if strings.TrimSpace(v) == "" {
				bad(list.key, "%s: empty value", list.key)
			} else if seen[v] {
				bad(list.key, "%s: %q is listed twice", list.key, v)
			}
			seen[v] = true
		}
	}
	for _, pat := range append(append([]string{}, c.Include...), c.Exclude...) {
		if _, err := filepath.Match(pat, ""); err != nil {
			bad("include", "invalid pattern %q: %v", pat, err)
		}
	}
	if !strings.Contains(c.Filename, "{slug}") {
		bad("filename", "filename must contain {slug}, so that two postmortems on one day get different names")
	}
	if strings.ContainsAny(strings.NewReplacer("{date}", "", "{slug}", "", "{year}", "", "{month}", "").Replace(c.Filename), "{}") {
		bad("filename", "filename %q: only {date}, {slug}, {year} and {month} are replaced", c.Filename)
	}
	if p := filepath.ToSlash(filepath.Clean(c.Postmortems)); filepath.IsAbs(c.Postmortems) || p == ".." || strings.HasPrefix(p, "../") {
		bad("postmortems", "postmortems must be a folder inside the repository, not %q", c.Postmortems)
	}
	keys := map[string]string{}
	for field, key := range c.Fields {
		if !render.IsField(field) {
			msg := fmt.Sprintf("fields: %q is not a front matter field", field)
			if s := render.Suggest(field, render.Fields); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			bad("fields", "%s", msg)
		}
		if key == "" {
			bad("fields", "fields: %s is mapped to an empty key", field)
		}
		if other, ok := keys[key]; ok {
			bad("fields", "fields: %s and %s are both mapped to %q", min(field, other), max(field, other), key)
		}
		keys[key] = field
	}
	for rule, sev := range c.Lint.Rules {
		switch sev {
		case "error", "warning", "off":
		default:
			bad("lint", "lint.rules: %s: severity must be error, warning or off, not %q", rule, sev)
		}
	}
	if t := c.Lint.Blameless.ImpliedThreshold; t != 0 && !(t >= 0.5 && t < 1) {
		bad("lint.blameless.implied_threshold", "lint.blameless.implied_threshold must be from 0.5 to below 1, not %v", t)
	}
	errs.Sort()
	return errs.Err()
}
