package cli

import (
	"fmt"
	"os"
	"path/filepath"

	ucli "github.com/urfave/cli/v2"

	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/templates/scaffold"
)

func initCommand() *ucli.Command {
	return &ucli.Command{
		Name:      "init",
		Usage:     "set up a repository for postmortems",
		ArgsUsage: "[DIR]",
		Description: `Writes a commented .postmortem.yaml and a postmortems folder into DIR (the
current folder by default). With --ci github or --ci gitlab it also writes
a CI configuration that lints the postmortems a pull request changes and
publishes the site from the main branch. It never overwrites a file: what
exists is skipped, and said so.

` + examples(
			"postmortem init",
			"postmortem init --ci github",
			"postmortem init --folder docs/postmortems ~/src/ops",
		),
		Flags: []ucli.Flag{
			&ucli.StringFlag{Name: "ci", Usage: "also write a CI configuration for `PROVIDER`: github or gitlab"},
			&ucli.StringFlag{Name: "folder", Value: "postmortems", Usage: "the postmortems `FOLDER`, relative to DIR"},
		},
		Action: func(c *ucli.Context) error {
			if c.NArg() > 1 {
				return usageError(c, "init: takes at most one folder, not %d arguments", c.NArg())
			}
			ci := c.String("ci")
			if ci != "" && ci != "github" && ci != "gitlab" {
				return usageError(c, "init: --ci must be github or gitlab, not %q", ci)
			}
			dir := c.Args().First()
			if dir == "" {
				dir = "."
			}
			if info, err := os.Stat(dir); err == nil && !info.IsDir() {
				return fmt.Errorf("init: %s is not a folder", dir)
			}
			results, err := scaffold.Init(dir, scaffold.InitOptions{Folder: c.String("folder"), CI: ci})
			for _, r := range results {
				if r.Skipped {
					fmt.Fprintf(c.App.ErrWriter, "skipped %s: it exists and was left as it is\n", r.Path)
					if r.Advice != "" {
						fmt.Fprintf(c.App.ErrWriter, "  %s\n", r.Advice)
					}
				} else {
					fmt.Fprintf(c.App.ErrWriter, "wrote %s\n", r.Path)
				}
			}
			if err != nil {
				return err
			}
			switch repo := config.RepoRoot(dir); {
			case repo == "":
				fmt.Fprintf(c.App.ErrWriter, "note: %s is not in a git repository; postmortems are kept and reviewed in one, and the site reads their history from it (git init)\n", dir)
			case ci != "":
				if abs, err := filepath.Abs(dir); err == nil && abs != repo {
					fmt.Fprintf(c.App.ErrWriter, "note: %s reads CI configuration only at the repository's root (%s): move the file there and run postmortem in %s (-C %s)\n",
						map[string]string{"github": "GitHub", "gitlab": "GitLab"}[ci], repo, dir, dir)
				}
			}
			fmt.Fprintf(c.App.ErrWriter, "next: postmortem new \"What happened, in a few words\"\n")
			return nil
		},
	}
}
