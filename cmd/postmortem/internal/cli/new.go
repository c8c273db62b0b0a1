package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	ucli "github.com/urfave/cli/v2"

	"github.com/postmortem-dev/postmortem/render"
	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/templates/scaffold"
)

// newOptions are the options of `postmortem new`.
type newOptions struct {
	Title    string
	Date     string
	Severity string
	Services []string
	Tags     []string
	Authors  []string
	Template string
	Edit     bool
}

func newCommand() *ucli.Command {
	return &ucli.Command{
		Name:      "new",
		Usage:     "create a postmortem from a template",
		ArgsUsage: "TITLE",
		Description: `Creates a postmortem in the postmortems folder, with its front matter filled
in: the title, the date (today unless --date), status draft, and authors
from the git configuration unless --author. It prints the new file's path.
An existing file is never overwritten: a name that is taken gets a numeric
suffix.

` + examples(
			`postmortem new "Checkout errors after the payments deploy"`,
			`postmortem new --date 2025-03-12 --severity SEV2 --service orders-api --tag migration "Order history errors"`,
			`postmortem new --template minimal --edit "CDN purge served a stale banner"`,
		),
		Flags: []ucli.Flag{
			&ucli.StringFlag{Name: "date", Aliases: []string{"d"}, Usage: "the incident's `DATE`, YYYY-MM-DD (default: today)"},
			&ucli.StringFlag{Name: "severity", Aliases: []string{"s"}, Usage: "the incident's `SEVERITY`, one of the configured scale"},
			&ucli.StringSliceFlag{Name: "service", Usage: "a `SERVICE` involved (repeatable)"},
			&ucli.StringSliceFlag{Name: "tag", Usage: "a `TAG` (repeatable)"},
			&ucli.StringSliceFlag{Name: "author", Aliases: []string{"a"}, Usage: "an author's `NAME` (repeatable; default: git's user.name)"},
			&ucli.StringFlag{Name: "template", Aliases: []string{"t"}, Usage: "the `TEMPLATE` to use (see 'postmortem templates')"},
			&ucli.BoolFlag{Name: "edit", Aliases: []string{"e"}, Usage: "open the new file in $VISUAL or $EDITOR"},
		},
		Action: func(c *ucli.Context) error {
			opts := newOptions{
				Title:    strings.Join(c.Args().Slice(), " "),
				Date:     c.String("date"),
				Severity: c.String("severity"),
				Services: c.StringSlice("service"),
				Tags:     c.StringSlice("tag"),
				Authors:  c.StringSlice("author"),
				Template: c.String("template"),
				Edit:     c.Bool("edit"),
			}
			if strings.TrimSpace(opts.Title) == "" {
				return usageError(c, "new: a title is required, e.g. postmortem new \"Checkout errors after the payments deploy\"")
			}
			return runNew(c, opts)
		},
	}
}

func runNew(c *ucli.Context, opts newOptions) error {
	day := time.Now()
	if opts.Date != "" {
		t, err := time.Parse(render.DateLayout, opts.Date)
		if err != nil {
			return usageError(c, "new: --date %q is not a date of the form YYYY-MM-DD", opts.Date)
		}
		day = t
	}
	cfg, err := config.Load(".")
	if err != nil {
		return err
	}
	p, err := scaffold.New(cfg, scaffold.Options{
		Title:    opts.Title,
		Date:     day,
		Severity: opts.Severity,
		Authors:  opts.Authors,
		Services: opts.Services,
		Tags:     opts.Tags,
		Template: opts.Template,
		Dir:      ".",
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(c.App.Writer, relative(p))
	if opts.Edit {
		return edit(p)
	}
	return nil
}

// relative returns p relative to the working directory when it is below it.
func relative(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if r, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return p
}

// edit opens a file in the user's editor.
func edit(p string) error {
	editor := os.Getenv("VISUAL")
	if editor == "" {
		editor = os.Getenv("EDITOR")
	}
	if editor == "" {
		return fmt.Errorf("--edit: set $EDITOR (or $VISUAL) to your editor; the postmortem is at %s", relative(p))
	}
	args := strings.Fields(editor)
	cmd := exec.Command(args[0], append(args[1:], p)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("run %s: %w", editor, err)
	}
	return nil
}
