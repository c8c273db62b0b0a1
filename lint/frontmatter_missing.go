package lint

import "github.com/postmortem-dev/postmortem/render"

// FrontmatterMissing reports a postmortem without front matter.
var FrontmatterMissing = &Rule{
	Name:     "frontmatter/missing",
	Doc:      "the postmortem has no front matter",
	Severity: Error,
	Explain: `A postmortem starts with YAML front matter between two lines ---, which the
site and the checks read: title, date, status, severity and authors at
least.

    ---
    title: Checkout errors after the payments deploy
    date: 2025-03-12
    status: draft
    severity: SEV2
    authors: [Dana Okafor]
    ---

A repository whose postmortems have none can turn this rule off in
.postmortem.yaml (lint: {rules: {frontmatter/missing: off}}).`,
	Run: func(p *Pass) {
		if p.Doc.FrontMatter == nil {
			p.Report(render.Pos{Line: 1, Col: 1}, render.Pos{}, "no front matter: start the file with --- and the fields title, date, status, severity and authors",
				"run 'postmortem new' to see a postmortem with its front matter")
		}
	},
}
