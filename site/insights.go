package site

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/postmortem-dev/postmortem/templates/pages"
)

// topServices is the number of services the insights page charts.
const topServices = 12

// oldestOpen is the number of open action items the insights page lists.
const oldestOpen = 10

// insightsView is the insights page: charts of the site's postmortems.
func insightsView(s *Site) *pages.InsightsPage {
	p := &pages.InsightsPage{Page: s.page("", "Insights", "insights")}
	p.Description = "What the postmortems say together: how many, how severe, how fast, and what is still open."
	first, last, dated := dateRange(s.Postmortems)
	switch {
	case len(s.Postmortems) == 0:
		p.Summary = "There are no postmortems yet."
	case dated == 0:
		p.Summary = fmt.Sprintf("%s, none of them dated.", pluralize(len(s.Postmortems), "postmortem", "postmortems"))
	default:
		p.Summary = fmt.Sprintf("%s, from %s to %s.", pluralize(len(s.Postmortems), "postmortem", "postmortems"), monthName(first), monthName(last))
	}
	p.Charts = []pages.Chart{monthsChart(s), durationChart(s, "detect"), durationChart(s, "resolve"), servicesChart(s), actionsChart(s)}
	p.Oldest, p.OldestNote = oldest(s)
	return p
}

func pluralize(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// dateRange returns the first and last month of the dated postmortems,
// and how many are dated.
func dateRange(pms []*Postmortem) (first, last month, n int) {
	for _, pm := range pms {
		m, ok := monthOf(pm.Date)
		if !ok {
			continue
		}
		if n == 0 || m < first {
			first = m
		}
		if n == 0 || m > last {
			last = m
		}
		n++
	}
	return first, last, n
}

func monthName(m month) string { return monthNames[m.num()-1] + " " + strconv.Itoa(m.year()) }

// severitySeries returns the series of the severity scale, worst first,
// and one for other or no severity.
func severitySeries(s *Site) []series {
	var ss []series
	for i, sev := range s.Severities {
		ss = append(ss, series{name: sev, class: "s" + strconv.Itoa(min(i, 4)+1)})
	}
	return append(ss, series{name: "Other or none", class: "s0"})
}

// monthsChart counts postmortems per month, by severity.
func monthsChart(s *Site) pages.Chart {
	c := pages.Chart{ID: "per-month", Title: "Postmortems per month", Intro: "By the incident's date, stacked by severity."}
	first, last, dated := dateRange(s.Postmortems)
	if dated == 0 {
		c.Empty = "No postmortem has a date yet."
		return c
	}
	ss := severitySeries(s)
	n := int(last-first) + 1
	values := make([][]int, n)
	for i := range values {
		values[i] = make([]int, len(ss))
	}
	for _, pm := range s.Postmortems {
		m, ok := monthOf(pm.Date)
		if !ok {
			continue
		}
		k := len(ss) - 1
		if pm.Rank >= 0 {
			k = pm.Rank
		}
		values[m-first][k]++
	}
	used := make([]bool, len(ss))
	busiest, most := 0, -1
	for i, v := range values {
		sum := 0
		for k, x := range v {
			sum += x
			used[k] = used[k] || x > 0
		}
		if sum > most {
			busiest, most = i, sum
		}
	}
	desc := fmt.Sprintf("%s from %s to %s; the most in one month: %d, in %s.", pluralize(dated, "postmortem", "postmortems"),
		monthName(first), monthName(last), most, monthName(first+month(busiest)))
	if most == 1 {
		desc = fmt.Sprintf("%s from %s to %s, never more than one in a month.", pluralize(dated, "postmortem", "postmortems"), monthName(first), monthName(last))
	}
	svg := stackedBars("per-month", "Postmortems per month by severity", desc, ss, values, monthSteps, monthLabel(first))
	c.SVG = template.HTML(svg.done())
	c.Summary = desc
	c.Table = pages.DataTable{Caption: "Postmortems per month by severity (months without any are left out)", Head: []string{"Month"}}
	for k, sr := range ss {
		if used[k] {
			c.Legend = append(c.Legend, pages.LegendItem{Name: sr.name, Class: sr.class})
			c.Table.Head = append(c.Table.Head, sr.name)
		}
	}
	c.Table.Head = append(c.Table.Head, "Total")
	for i, v := range values {
		row := []string{(first + month(i)).String()}
		sum := 0
		for k, x := range v {
			sum += x
			if used[k] {
				row = append(row, strconv.Itoa(x))
			}
		}
		if sum == 0 {
			continue
		}
		c.Table.Rows = append(c.Table.Rows, append(row, strconv.Itoa(sum)))
	}
	return c
}

// durationChart draws time to detect or to resolve per quarter: the median
// and the 90th percentile.
func durationChart(s *Site, which string) pages.Chart {
	c := pages.Chart{ID: "time-to-" + which, Title: "Time to " + which + " per quarter"}
	c.Intro = "From when the incident started to when it was " + map[string]string{"detect": "detected", "resolve": "resolved"}[which] + ", by the quarter of the incident's date: the bar is the median, the line the 90th percentile."
	byQuarter := map[int][]float64{}
	firstQ, lastQ := 0, 0
	n := 0
	var all []float64
	for _, pm := range s.Postmortems {
		d := pm.TimeToDetect
		if which == "resolve" {
			d = pm.TimeToResolve
		}
		m, ok := monthOf(pm.Date)
		if d == nil || !ok {
			continue
		}
		q := m.year()*4 + (m.num()-1)/3
		if n == 0 || q < firstQ {
			firstQ = q
		}
		if n == 0 || q > lastQ {
			lastQ = q
		}
		n++
		byQuarter[q] = append(byQuarter[q], float64(*d))
		all = append(all, float64(*d))
	}
	if n == 0 {
		c.Empty = "No dated postmortem gives both when the incident started and when it was " + map[string]string{"detect": "detected", "resolve": "resolved"}[which] + "."
		return c
	}
	slots := lastQ - firstQ + 1
	med, p90, has := make([]float64, slots), make([]float64, slots), make([]bool, slots)
	c.Table = pages.DataTable{Caption: "Time to " + which + " per quarter", Head: []string{"Quarter", "Postmortems", "Median", "90th percentile"}}
	for i := range slots {
		v := byQuarter[firstQ+i]
		if len(v) == 0 {
			continue
		}
		med[i], _ = quantile(v, 0.5)
		p90[i], _ = quantile(v, 0.9)
		has[i] = true
		q := firstQ + i
		c.Table.Rows = append(c.Table.Rows, []string{
			strconv.Itoa(q/4) + " Q" + strconv.Itoa(q%4+1), strconv.Itoa(len(v)), seconds2(med[i]), seconds2(p90[i]),
		})
	}
	m, _ := quantile(all, 0.5)
	p, _ := quantile(all, 0.9)
	c.Summary = fmt.Sprintf("Over %s: median %s, 90th percentile %s.", pluralize(n, "postmortem", "postmortems"), seconds2(m), seconds2(p))
	svg := durationBars(c.ID, c.Title, c.Summary, med, p90, has, quarterSteps, quarterLabel(firstQ))
	c.SVG = template.HTML(svg.done())
	c.Legend = []pages.LegendItem{{Name: "Median", Class: "median"}, {Name: "90th percentile", Class: "p90"}}
	return c
}

// seconds2 formats a number of seconds as a duration.
func seconds2(v float64) string { return formatDuration(time.Duration(v) * time.Second) }

// servicesChart draws the services with the most postmortems.
func servicesChart(s *Site) pages.Chart {
	c := pages.Chart{ID: "services", Title: "Services with the most postmortems"}
	if len(s.Services) == 0 {
		c.Empty = "No postmortem names a service."
		return c
	}
	gs := slices.Clone(s.Services)
	slices.SortStableFunc(gs, func(a, b *Group) int { return cmp.Compare(len(b.Postmortems), len(a.Postmortems)) })
	top := gs[:min(len(gs), topServices)]
	var labels []string
	var values []int
	c.Table = pages.DataTable{Caption: "Postmortems per service", Head: []string{"Service", "Postmortems"}}
	for _, g := range top {
		labels = append(labels, g.Name)
		values = append(values, len(g.Postmortems))
		c.Table.Rows = append(c.Table.Rows, []string{g.Name, strconv.Itoa(len(g.Postmortems))})
	}
	var parts []string
	for i := range min(3, len(top)) {
		parts = append(parts, fmt.Sprintf("%s (%d)", labels[i], values[i]))
	}
	c.Intro = fmt.Sprintf("The %d services named most often, of %d.", len(top), len(gs))
	if len(top) == len(gs) {
		c.Intro = fmt.Sprintf("All %s, by how many postmortems name them.", pluralize(len(gs), "service", "services"))
	}
	c.Summary = "Most postmortems: " + strings.Join(parts, ", ") + "."
	c.SVG = template.HTML(hbars(c.ID, c.Title, c.Summary, labels, values, "bar"))
	return c
}

// actionsChart shows the share of action items done.
func actionsChart(s *Site) pages.Chart {
	c := pages.Chart{ID: "action-items", Title: "Action items done", Intro: "Every action item of every postmortem, by state."}
	day := s.today()
	var done, open, late int
	for _, pm := range s.Postmortems {
		for i := range pm.ActionItems {
			switch actionState(&pm.ActionItems[i], day) {
			case "done":
				done++
			case "overdue":
				late++
			default:
				open++
			}
		}
	}
	total := done + open + late
	if total == 0 {
		c.Empty = "No postmortem has action items yet."
		return c
	}
	pct := func(n int) string { return strconv.Itoa(int(float64(n)*100/float64(total)+0.5)) + "%" }
	c.Summary = fmt.Sprintf("%s done (%d of %d); %d open and not yet due, %d overdue.", pct(done), done, total, open, late)
	ss := []series{{"Done", "done"}, {"Open", "open"}, {"Overdue", "overdue"}}
	c.SVG = template.HTML(shareBar(c.ID, c.Title, c.Summary, ss, []int{done, open, late}))
	c.Legend = []pages.LegendItem{{Name: "Done " + pct(done), Class: "done"}, {Name: "Open " + pct(open), Class: "open"}, {Name: "Overdue " + pct(late), Class: "overdue"}}
	c.Table = pages.DataTable{Caption: "Action items by state", Head: []string{"State", "Items", "Share"},
		Rows: [][]string{{"Done", strconv.Itoa(done), pct(done)}, {"Open", strconv.Itoa(open), pct(open)}, {"Overdue", strconv.Itoa(late), pct(late)}}}
	return c
}

// oldest returns the oldest open action items: those of the oldest
// postmortems, the earliest due first among them.
func oldest(s *Site) ([]pages.ActionRow, string) {
	day := s.today()
	var open []siteAction
	for _, pm := range s.Postmortems {
		for i := range pm.ActionItems {
			if !pm.ActionItems[i].Done {
				open = append(open, siteAction{&pm.ActionItems[i], pm})
			}
		}
	}
	slices.SortStableFunc(open, func(a, b siteAction) int {
		if a.pm.Date != b.pm.Date {
			switch {
			case a.pm.Date == "":
				return 1
			case b.pm.Date == "":
				return -1
			}
			return strings.Compare(a.pm.Date, b.pm.Date)
		}
		return strings.Compare(cmp.Or(a.DueDate, "9999"), cmp.Or(b.DueDate, "9999"))
	})
	var out []pages.ActionRow
	for _, a := range open[:min(len(open), oldestOpen)] {
		out = append(out, pages.ActionRow{
			Text: a.Text, Owner: a.Owner, Ticket: a.Ticket, Due: a.Due, DueDate: a.DueDate,
			State: actionState(a.ActionItem, day), Title: a.pm.Title, Href: a.pm.URL, Date: a.pm.Date,
		})
	}
	note := fmt.Sprintf("The %s open longest: from the oldest postmortems, %d open in all.", pluralize(len(out), "item", "items"), len(open))
	if len(out) == len(open) {
		note = fmt.Sprintf("Every open item (%d), from the oldest postmortem.", len(open))
	}
	return out, note
}
