package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	ucli "github.com/urfave/cli/v2"

	"github.com/postmortem-dev/postmortem/lint"
	"github.com/postmortem-dev/postmortem/lint/format"
	"github.com/postmortem-dev/postmortem/lint/repo"
	"github.com/postmortem-dev/postmortem/render"
	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/render/load"
	"github.com/postmortem-dev/postmortem/templates"
)

// lintOptions are the options of `postmortem lint`.
type lintOptions struct {
	Paths       []string
	Format      string
	MaxWarnings int
	Changed     bool
	Base        string
	Explain     string
}

func lintCommand() *ucli.Command {
	return &ucli.Command{
		Name:      "lint",
		Usage:     "check postmortems: front matter, sections, timelines, action items, blameless language",
		ArgsUsage: "[FILE|FOLDER...]",
		Description: `Checks the postmortems named, or with none the repository's postmortems
folder, and prints what it finds with a suggestion for each. It exits 1
when there is a finding at error level (or more warnings than
--max-warnings), 2 on a usage, configuration or I/O error, 0 otherwise.
Severities are set per rule or group in .postmortem.yaml (lint: rules:),
and in a file with <!-- postmortem-lint disable RULE --> ... enable, or
disable-next-line. 'postmortem rules' lists the rules.

` + examples(
			"postmortem lint",
			"postmortem lint postmortems/2025-03-12-order-history.md",
			"postmortem lint --changed --format github      # in a pull request's CI",
			"postmortem lint --format sarif > postmortem.sarif",
			"postmortem lint --explain blameless/person-cause",
		),
		Flags: []ucli.Flag{
			&ucli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output `FORMAT`: " + strings.Join(format.Names(), ", ")},
			&ucli.IntFlag{Name: "max-warnings", Value: -1, Usage: "exit 1 when there are more than `N` warnings (-1: no limit)"},
			&ucli.BoolFlag{Name: "changed", Usage: "check only the postmortems changed relative to --base, committed or not"},
			&ucli.StringFlag{Name: "base", Usage: "the `REF` --changed compares with (default: origin/main, else main)"},
			&ucli.StringFlag{Name: "explain", Usage: "print the explanation of `RULE`, with an example, and exit"},
		},
		Action: func(c *ucli.Context) error {
			opts := lintOptions{
				Paths:       c.Args().Slice(),
				Format:      c.String("format"),
				MaxWarnings: c.Int("max-warnings"),
				Changed:     c.Bool("changed"),
				Base:        c.String("base"),
				Explain:     c.String("explain"),
			}
			if _, ok := format.Formats[opts.Format]; !ok {
				return usageError(c, "lint: unknown format %q; the formats are %s", opts.Format, strings.Join(format.Names(), ", "))
			}
			if opts.Base != "" && !opts.Changed {
				return usageError(c, "lint: --base goes with --changed")
			}
			if opts.Explain != "" {
				return explain(c.App.Writer, opts.Explain)
			}
			return runLint(c, opts)
		},
	}
}

func runLint(c *ucli.Context, opts lintOptions) error {
	cfg, err := config.Load(".")
	if err != nil {
		return err
	}
	files, fileErrs, err := load.Files(cfg, opts.Paths...)
	if err != nil {
		return err
	}
	all, check := files, files
	if opts.Changed {
		if check, err = repo.Changed(cfg.Root, opts.Base, files); err != nil {
			return err
		}
		// Only the changed files are checked: problems listing the
		// others (a broken symlink on the base branch) are not this
		// change's.
		fileErrs = nil
		if len(check) == 0 && opts.Format == "text" {
			fmt.Fprintln(c.App.Writer, "no changed postmortems to check")
			return nil
		}
	}
	if len(opts.Paths) > 0 && !isFolder(opts.Paths, cfg.Dir()) {
		// Facts such as duplicate ids come from the whole repository.
		if all, _, err = load.Files(cfg); err != nil {
			all = files
		}
	}
	list, err := templates.List(cfg.Root)
	if err != nil {
		return err
	}
	var texts []string
	for _, t := range list {
		texts = append(texts, t.Text)
	}
	l, err := lint.New(cfg, lint.Options{
		People:  repo.Authors(cfg.Root, 1000),
		Prompts: lint.Prompts(texts...),
		Exists: func(p string) bool {
			_, err := os.Stat(load.Path(cfg.Root, p))
			return err == nil
		},
	})
	if err != nil {
		return err
	}
	diags, err := l.Files(all, check, fileErrs)
	if err != nil {
		return err
	}
	// Paths in output are relative to the working directory, as editors
	// and terminals expect, unless the format wants them from the root.
	if opts.Format == "text" || opts.Format == "json" {
		paths := map[string]string{} // a file has many findings
		for i := range diags {
			p, ok := paths[diags[i].File]
			if !ok {
				p = fromRoot(cfg.Root, diags[i].File)
				paths[diags[i].File] = p
			}
			diags[i].File = p
		}
	}
	r := format.Report{Diagnostics: diags, Files: len(check), Rules: l.Rules(), Version: version()}
	w := c.App.Writer
	if opts.Format == "text" {
		err = format.Text(w, r, format.TextOptions{Color: color(w)})
	} else {
		err = format.Formats[opts.Format](w, r)
	}
	if err != nil {
		return err
	}
	errs, warns := lint.Count(diags)
	if errs > 0 || opts.MaxWarnings >= 0 && warns > opts.MaxWarnings {
		if errs == 0 {
			fmt.Fprintf(c.App.ErrWriter, "postmortem: %d warnings, more than --max-warnings %d\n", warns, opts.MaxWarnings)
		}
		return &exitError{code: ExitFindings}
	}
	return nil
}

// isFolder reports whether paths name just the folder dir, whose files
// are then all the repository's postmortems.
func isFolder(paths []string, dir string) bool {
	if len(paths) != 1 {
		return false
	}
	abs, err := filepath.Abs(paths[0])
	return err == nil && abs == filepath.Clean(dir)
}

// fromRoot returns a repository-relative path relative to the working
// directory.
func fromRoot(root, p string) string {
	return relative(load.Path(root, p))
}

// explain prints a rule's explanation.
func explain(w io.Writer, name string) error {
	r := lint.Lookup(name)
	if r == nil {
		var names []string
		for _, r := range lint.Rules {
			names = append(names, r.Name)
		}
		msg := fmt.Sprintf("unknown rule %q", name)
		if s := suggestRule(name, names); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return &exitError{code: ExitError, msg: msg + "; 'postmortem rules' lists them"}
	}
	_, err := fmt.Fprintf(w, "%s (%s by default)\n\n%s\n\n%s\n", r.Name, r.Severity, r.Doc, r.Explain)
	return err
}

// suggestRule returns the rule a mistyped name most likely means: the one
// it names without its group ("person-cause"), else the nearest name in
// the same group ("blameless/person-caus", "blameless/person"), else the
// nearest of all.
func suggestRule(name string, names []string) string {
	group, rest, grouped := strings.Cut(name, "/")
	if !grouped {
		for _, n := range names {
			if strings.HasSuffix(n, "/"+name) {
				return n
			}
		}
		return render.Suggest(name, names)
	}
	var same []string
	for _, n := range names {
		if g, r, _ := strings.Cut(n, "/"); g == group {
			same = append(same, r)
		}
	}
	if len(same) == 0 {
		return render.Suggest(name, names)
	}
	for _, r := range same {
		if rest != "" && strings.HasPrefix(r, rest) {
			return group + "/" + r
		}
	}
	if r := render.Suggest(rest, same); r != "" {
		return group + "/" + r
	}
	return ""
}

func rulesCommand() *ucli.Command {
	return &ucli.Command{
		Name:  "rules",
		Usage: "list the lint rules",
		Description: `Lists every lint rule with its severity in this repository (the default, or
what .postmortem.yaml sets) and what it finds. 'postmortem lint --explain
RULE' explains one.

` + examples("postmortem rules", "postmortem lint --explain blameless/hindsight"),
		Action: func(c *ucli.Context) error {
			if c.Args().Present() {
				return usageError(c, "rules: takes no arguments")
			}
			cfg, err := config.Load(".")
			if err != nil {
				return err
			}
			l, err := lint.New(cfg, lint.Options{})
			if err != nil {
				return err
			}
			on := map[string]bool{}
			for _, r := range l.Rules() {
				on[r.Name] = true
			}
			w := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
			for _, r := range lint.Rules {
				sev := "off"
				if on[r.Name] {
					sev = l.Severity(r.Name).String()
				}
				fmt.Fprintf(w, "%s\t%s\t%s\n", r.Name, sev, r.Doc)
			}
			return w.Flush()
		},
	}
}

// color reports whether output to w may use colour: w is a terminal and
// NO_COLOR is not set (https://no-color.org).
func color(w io.Writer) bool {
	if _, ok := os.LookupEnv("NO_COLOR"); ok {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
