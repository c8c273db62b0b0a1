package cli

import (
	"fmt"
	"text/tabwriter"

	ucli "github.com/urfave/cli/v2"

	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/templates"
)

func templatesCommand() *ucli.Command {
	return &ucli.Command{
		Name:  "templates",
		Usage: "list the postmortem templates",
		Description: `Lists the templates 'postmortem new --template NAME' can use: the built-in
ones and the repository's own, in .postmortem/templates/NAME.md, which add
to or replace them. The configured default is marked with *.

` + examples("postmortem templates"),
		Action: func(c *ucli.Context) error {
			if c.Args().Present() {
				return usageError(c, "templates: takes no arguments")
			}
			cfg, err := config.Load(".")
			if err != nil {
				return err
			}
			list, err := templates.List(cfg.Root)
			if err != nil {
				return err
			}
			w := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
			for _, t := range list {
				mark := " "
				if t.Name == cfg.Template {
					mark = "*"
				}
				source := t.Source
				if t.Overrides {
					source += " (replaces built-in)"
				}
				fmt.Fprintf(w, "%s %s\t%s\t%s\n", mark, t.Name, source, t.Description)
			}
			return w.Flush()
		},
	}
}

func schemaCommand() *ucli.Command {
	return &ucli.Command{
		Name:  "schema",
		Usage: "print the JSON Schema of the front matter",
		Description: `Prints the JSON Schema of the front matter, with the repository's
severities, statuses and field names, for editors to validate and complete
front matter (for example with the YAML language server).

` + examples("postmortem schema > .postmortem/schema.json"),
		Action: func(c *ucli.Context) error {
			if c.Args().Present() {
				return usageError(c, "schema: takes no arguments")
			}
			cfg, err := config.Load(".")
			if err != nil {
				return err
			}
			data, err := cfg.Schema()
			if err != nil {
				return err
			}
			_, err = c.App.Writer.Write(data)
			return err
		},
	}
}
