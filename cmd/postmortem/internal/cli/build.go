package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	ucli "github.com/urfave/cli/v2"

	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/site"
)

// buildOptions are the options of `postmortem build`.
type buildOptions struct {
	Out     string // "" means public in the repository's root
	Drafts  bool
	BaseURL string
	Strict  bool
	Quiet   bool
	NoCache bool
}

func buildCommand() *ucli.Command {
	return &ucli.Command{
		Name:  "build",
		Usage: "build the postmortems' static website",
		Description: `Builds a static website of the postmortems: an index, one page per
postmortem with its history from git, pages per service and tag, an Atom
feed, sitemap.xml (with a base URL), 404.html and postmortems.json. The site
makes no external request and its links are relative: it works at a domain
root, under a sub-path and opened from the file system.

The output folder (public in the repository's root unless --out) is
replaced as a whole, atomically, when the build succeeds; a failed build
leaves the previous site as it was. A folder that is not empty and was not
made by postmortem build is never replaced.

Problems in documents are reported as path:line:col: message and shown on
their pages; a document that cannot be read is left out. The build still
succeeds, unless --strict. Drafts are left out unless --drafts. What was
read from git is cached in .git/postmortem-cache, so that a rebuild reads
only new commits.

` + examples(
			"postmortem build",
			"postmortem build --out public --base-url https://example.github.io/postmortems/",
			"postmortem build --drafts --out /tmp/preview",
		),
		Flags: []ucli.Flag{
			&ucli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write the site to `FOLDER` (default: public in the repository's root)"},
			&ucli.BoolFlag{Name: "drafts", Usage: "include draft postmortems"},
			&ucli.StringFlag{Name: "base-url", Usage: "the absolute `URL` the site is served from, for the feed and sitemap (default: site.base_url)"},
			&ucli.BoolFlag{Name: "strict", Usage: "exit with 1 when a document has problems"},
			&ucli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only problems and errors"},
			&ucli.BoolFlag{Name: "no-cache", Usage: "read the whole history from git, without the cache"},
		},
		Action: func(c *ucli.Context) error {
			if c.NArg() > 0 {
				return usageError(c, "build: takes no arguments; the postmortems are those of .postmortem.yaml (did you mean --out %s?)", c.Args().First())
			}
			return runBuild(c, buildOptions{
				Out:     c.String("out"),
				Drafts:  c.Bool("drafts"),
				BaseURL: c.String("base-url"),
				Strict:  c.Bool("strict"),
				Quiet:   c.Bool("quiet"),
				NoCache: c.Bool("no-cache"),
			})
		},
	}
}

func runBuild(c *ucli.Context, opts buildOptions) error {
	start := time.Now()
	stderr := c.App.ErrWriter
	cfg, err := config.Load(".")
	if err != nil {
		return err
	}
	out := opts.Out
	if out == "" {
		out = filepath.Join(cfg.Root, "public")
	}
	so := site.Options{Drafts: opts.Drafts, BaseURL: opts.BaseURL}
	if !opts.NoCache {
		so.CacheDir = site.CacheDir(cfg.Root)
	}
	var bar *progressLine
	if !opts.Quiet && isTerminal(stderr) {
		bar = &progressLine{w: stderr}
		so.Progress = bar.show
	}
	var res *site.Result
	err = site.Publish(out, func(w site.Writer) error {
		var err error
		res, err = site.Build(cfg, w, so)
		return err
	})
	bar.clear()
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	for _, p := range res.Problems {
		fmt.Fprintln(stderr, p)
	}
	for _, n := range res.Notices {
		fmt.Fprintf(stderr, "postmortem: %s\n", n)
	}
	if !opts.Quiet {
		fmt.Fprintf(stderr, "built %s (%s) in %s in %.2fs\n",
			count(res.Pages, "page", "pages"), count(len(res.Site.Postmortems), "postmortem", "postmortems"),
			relative(out), time.Since(start).Seconds())
	}
	if opts.Strict && len(res.Problems) > 0 {
		return &exitError{code: ExitFindings, msg: fmt.Sprintf("build: %d problems in documents (--strict)", len(res.Problems))}
	}
	return nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// progressLine keeps one line of progress on a terminal, redrawn at most
// ten times a second.
type progressLine struct {
	w     io.Writer
	last  time.Time
	shown bool
}

func (p *progressLine) show(pr site.Progress) {
	done := pr.Pages > 0 && pr.Written == pr.Pages
	if now := time.Now(); now.Sub(p.last) < 100*time.Millisecond && !done {
		return
	} else {
		p.last = now
	}
	line := fmt.Sprintf("parsed %d/%d documents", pr.Parsed, pr.Documents)
	if pr.Pages > 0 {
		line += fmt.Sprintf(", wrote %d/%d pages", pr.Written, pr.Pages)
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.shown = true
}

func (p *progressLine) clear() {
	if p != nil && p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// count says how many of a noun: "1 page", "2 pages".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
