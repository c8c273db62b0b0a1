package lint

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/postmortem-dev/postmortem/lint/blameless"
	"github.com/postmortem-dev/postmortem/render"
	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/render/load"
	"github.com/postmortem-dev/postmortem/render/parallel"
)

// Repo holds what rules know about the repository as a whole.
type Repo struct {
	// IDs maps each postmortem id to the files that use it.
	IDs map[string][]string
	// People are the names that count as people in blameless rules.
	People []string
	// Exists reports whether a repository-relative path exists, for links.
	Exists func(path string) bool
	// Prompts are the prompt lines of the templates, which a postmortem
	// that is not a draft must not still hold.
	Prompts map[string]bool

	detector *blameless.Detector
	running  map[string]bool // the rules that run
}

// Options configure a Linter beyond the repository's configuration.
type Options struct {
	// People are more names that count as people (git authors, say).
	People []string
	// Exists reports whether a repository-relative path exists; nil means
	// every link target exists.
	Exists func(path string) bool
	// Prompts are the template prompt lines (see Repo.Prompts).
	Prompts []string
	// Now is the time of the run; zero means time.Now().
	Now time.Time
}

// Linter runs the rules with the severities a configuration sets.
type Linter struct {
	cfg      *config.Config
	opts     Options
	rules    []*Rule
	severity map[string]Severity
	phrases  []blameless.Phrase // the repository's own
}

// New returns a Linter for a repository's configuration. It is an error
// for the configuration to name a rule or group that does not exist.
func New(cfg *config.Config, opts Options) (*Linter, error) {
	l := &Linter{cfg: cfg, opts: opts, severity: map[string]Severity{}}
	groups := map[string]bool{}
	var names []string
	for _, r := range Rules {
		groups[r.Group()] = true
		names = append(names, r.Name)
	}
	for g := range groups {
		names = append(names, g)
	}
	sort.Strings(names)
	// Groups first, then rules, so that a rule's setting wins over its group's.
	keys := make([]string, 0, len(cfg.Lint.Rules))
	for k := range cfg.Lint.Rules {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		gi, gj := !strings.Contains(keys[i], "/"), !strings.Contains(keys[j], "/")
		if gi != gj {
			return gi
		}
		return keys[i] < keys[j]
	})
	for _, r := range Rules {
		l.severity[r.Name] = r.Severity
	}
	for _, k := range keys {
		sev, err := ParseSeverity(cfg.Lint.Rules[k])
		if err != nil {
			return nil, fmt.Errorf("%s: lint.rules: %s: %w", configPos(cfg), k, err)
		}
		if !groups[k] && Lookup(k) == nil {
			msg := fmt.Sprintf("%s: lint.rules: unknown rule %q", configPos(cfg), k)
			if s := render.Suggest(k, names); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return nil, fmt.Errorf("%s; 'postmortem rules' lists them", msg)
		}
		for _, r := range Rules {
			if r.Name == k || r.Group() == k {
				l.severity[r.Name] = sev
			}
		}
	}
	for _, r := range Rules {
		if l.severity[r.Name] != Off {
			l.rules = append(l.rules, r)
		}
	}
	for _, p := range cfg.Lint.Blameless.Add {
		l.phrases = append(l.phrases, blameless.Phrase{Category: blameless.Category(p.Category), Pattern: p.Pattern,
			When: blameless.Condition(p.When), Message: p.Message, Suggestion: p.Suggestion})
	}
	// Compile the phrase lists now, so that a bad phrase is a
	// configuration error before any file is read.
	if l.enabled("blameless") {
		if _, err := blameless.New(blameless.Options{Add: l.phrases, Remove: cfg.Lint.Blameless.Remove}); err != nil {
			return nil, fmt.Errorf("%s: lint.blameless: %w", configPos(cfg), err)
		}
	}
	return l, nil
}

// configPos names the configuration's lint settings: "path:line:col".
func configPos(cfg *config.Config) string {
	if cfg.Path == "" {
		return config.FileName
	}
	return fmt.Sprintf("%s:%s", cfg.Path, cfg.KeyPos("lint"))
}

// enabled reports whether any rule of a group runs.
func (l *Linter) enabled(group string) bool {
	for _, r := range l.rules {
		if r.Group() == group {
			return true
		}
	}
	return false
}

// Rules returns the rules that run, in order.
func (l *Linter) Rules() []*Rule { return l.rules }

// Facts are what rules need to know across a repository's postmortems,
// gathered before any is checked.
type Facts struct {
	IDs     map[string][]string // files by postmortem id
	Authors []string            // front matter authors
}

// Add records the facts of the postmortem in a file.
func (f *Facts) Add(path string, r render.Facts) {
	if f.IDs == nil {
		f.IDs = map[string][]string{}
	}
	f.IDs[r.ID] = append(f.IDs[r.ID], path)
	f.Authors = append(f.Authors, r.Authors...)
}

// repo prepares what rules share for a run: the facts, and the blameless
// detector with every name known to count as a person.
func (l *Linter) repo(facts Facts) (*Repo, error) {
	for _, paths := range facts.IDs {
		sort.Strings(paths) // the first pass adds them in any order
	}
	repo := &Repo{IDs: facts.IDs, Exists: l.opts.Exists, Prompts: map[string]bool{}, running: map[string]bool{}}
	for _, r := range l.rules {
		repo.running[r.Name] = true
	}
	for _, p := range l.opts.Prompts {
		repo.Prompts[p] = true
	}
	repo.People = append(append(append([]string{}, l.cfg.People...), l.opts.People...), facts.Authors...)
	if l.enabled("blameless") {
		d, err := blameless.New(blameless.Options{People: repo.People, Add: l.phrases, Remove: l.cfg.Lint.Blameless.Remove,
			NoModel: l.severity[BlamelessImplied.Name] == Off, ImpliedThreshold: l.cfg.Lint.Blameless.ImpliedThreshold})
		if err != nil {
			return nil, fmt.Errorf("%s: lint.blameless: %w", configPos(l.cfg), err)
		}
		repo.detector = d
	}
	return repo, nil
}

// Run checks documents already parsed, on all cores. errs are the problems
// found while loading and parsing them (render.Error values with the file's
// path); those of files that could not be read at all are returned as they
// are. The diagnostics are sorted by file and position.
func (l *Linter) Run(docs []*render.Document, errs render.ErrorList) ([]Diagnostic, error) {
	var facts Facts
	for _, d := range docs {
		facts.Add(d.Path, render.Facts{ID: d.Meta.ID, Authors: d.Meta.Authors})
	}
	repo, err := l.repo(facts)
	if err != nil {
		return nil, err
	}
	byFile := map[string]render.ErrorList{}
	for _, e := range errs {
		byFile[e.Path] = append(byFile[e.Path], e)
	}
	results := make([][]Diagnostic, len(docs))
	parallel.For(len(docs), func(i int) {
		results[i] = l.check(docs[i], byFile[docs[i].Path], repo)
	})
	read := map[string]bool{}
	for _, d := range docs {
		read[d.Path] = true
	}
	var out []Diagnostic
	for _, r := range results {
		out = append(out, r...)
	}
	out = append(out, unread(errs, read)...)
	Sort(out)
	return out, nil
}

// Files checks files of the repository (relative to its root), on all
// cores, in two passes: the first reads only the front matter of all, for
// the facts (ids, authors; see load.EachFacts); the second parses and
// checks each of check (all when nil), keeping no more documents in memory
// than are being checked. loadErrs are problems found while listing the
// files.
func (l *Linter) Files(all, check []string, loadErrs render.ErrorList) ([]Diagnostic, error) {
	if check == nil {
		check = all
	}
	// The first pass reads the front matter of every file, for the facts;
	// the second reads and parses each file to check, and lets it go once
	// checked. Reading twice costs less than holding every document.
	var mu sync.Mutex
	var facts Facts
	load.EachFacts(l.cfg, all, func(i int, f render.Facts, ok bool) {
		if ok {
			mu.Lock()
			facts.Add(all[i], f)
			mu.Unlock()
		}
	})
	repo, err := l.repo(facts)
	if err != nil {
		return nil, err
	}
	out := unread(loadErrs, nil)
	// Bare URLs need not be links for the checks (prose blanks them), and
	// parsing without autolinks is faster.
	opts := l.cfg.ParseOptions()
	opts.NoAutolinks = true
	load.Each(l.cfg, check, opts, func(_ int, d *render.Document, errs render.ErrorList) {
		var ds []Diagnostic
		if d == nil {
			ds = unread(errs, nil)
		} else {
			ds = l.check(d, errs, repo)
		}
		mu.Lock()
		out = append(out, ds...)
		mu.Unlock()
	})
	Sort(out)
	return out, nil
}

// unread turns the errors of files that were not read (not in read) into
// diagnostics of the rule "file".
func unread(errs render.ErrorList, read map[string]bool) []Diagnostic {
	var out []Diagnostic
	for _, e := range errs {
		if read[e.Path] {
			continue
		}
		line, col := max(e.Pos.Line, 1), max(e.Pos.Col, 1)
		out = append(out, Diagnostic{File: e.Path, Line: line, Column: col, EndLine: line, EndColumn: col,
			Rule: "file", Severity: Error, Message: e.Msg})
	}
	return out
}

// check runs the rules on one document.
func (l *Linter) check(d *render.Document, errs render.ErrorList, repo *Repo) []Diagnostic {
	now := l.opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	st := &docState{}
	for _, r := range l.rules {
		p := &Pass{Doc: d, Config: l.cfg, Errors: errs, Repo: repo, Now: now, rule: r, state: st}
		r.Run(p)
	}
	ctl := directives(d)
	var out []Diagnostic
	for _, diag := range st.diags {
		if ctl.disabled(diag.Rule, diag.Line) {
			continue
		}
		diag.Severity = l.severity[diag.Rule]
		out = append(out, diag)
	}
	return out
}

// Sort sorts diagnostics by file, position and rule.
func Sort(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
}

// Count returns the number of errors and warnings.
func Count(ds []Diagnostic) (errors, warnings int) {
	for _, d := range ds {
		switch d.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		}
	}
	return errors, warnings
}

// Severity returns the severity a rule runs at.
func (l *Linter) Severity(rule string) Severity { return l.severity[rule] }
