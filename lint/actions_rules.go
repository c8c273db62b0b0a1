package lint

import "github.com/postmortem-dev/postmortem/render"

// ActionsMissing reports a published postmortem without action items.
var ActionsMissing = &Rule{
	Name:     "actions/missing",
	Doc:      "a published postmortem has no action items",
	Severity: Error,
	Explain: `A published postmortem says what will change: at least one action item, in a
table (Action | Owner | Ticket | Due | Status) or a list, under Action
items. If nothing will change, say so in a sentence and why.`,
	Run: func(p *Pass) {
		if p.Doc.Meta.Status != p.Config.Published() {
			return
		}
		items := p.Actions()
		if len(items.Items) > 0 {
			return
		}
		pos := render.Pos{Line: p.Doc.BodyLine, Col: 1}
		if items.Section != nil {
			pos = render.Pos{Line: items.Section.Line, Col: 1}
		}
		p.Report(pos, render.Pos{}, "a published postmortem has no action items",
			"add what will change, each with an owner, a ticket and a due date")
	},
}
