package site

import (
	"bytes"
	"html/template"

	"github.com/postmortem-dev/postmortem/templates/pages"
)

// moreJobs lists the pages drawn from the whole site: the action items,
// the insights and the search.
func (b *builder) moreJobs() []job {
	s := b.site
	jobs := []job{
		b.viewJob("actions.html", func() any {
			p := actionsView(s)
			p.Scripts = append(p.Scripts, "actions.js")
			return p
		}, func(buf *bytes.Buffer, v any) error { return pages.Actions(buf, v.(*pages.ActionsPage)) }),
		b.viewJob("insights.html", func() any { return insightsView(s) },
			func(buf *bytes.Buffer, v any) error { return pages.Insights(buf, v.(*pages.InsightsPage)) }),
	}
	return jobs
}

// searchHead and searchForm are what pages need for the search.
func searchHead(root string) template.HTML { return "" }
func searchForm(root string) template.HTML { return "" }
