package site

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/postmortem-dev/postmortem/templates/pages"
)

// syntheticSite returns a site of n postmortems made up in a fixed
// pattern: dates over ten years, every severity, durations from minutes to
// days, thirty services, action items open, done and overdue.
func syntheticSite(n int) *Site {
	s := &Site{
		Title:      "Synthetic",
		Severities: []string{"SEV1", "SEV2", "SEV3", "SEV4", "SEV5"},
		Now:        time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC),
	}
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		date := start.AddDate(0, 0, i*3650/max(n, 1))
		pm := &Postmortem{
			ID:    fmt.Sprintf("pm-%05d", i),
			Title: fmt.Sprintf("Postmortem %d", i),
			URL:   fmt.Sprintf("postmortems/pm-%05d.html", i),
			Date:  date.Format("2006-01-02"),
			Rank:  i%6 - 1, // -1 is no severity
		}
		if pm.Rank >= 0 {
			pm.Severity = s.Severities[pm.Rank]
		}
		if i%7 != 0 {
			ttd := int64(60 + (i*97)%7200)
			ttr := ttd + int64((i*7919)%(3*86400))
			pm.TimeToDetect, pm.TimeToResolve = &ttd, &ttr
		}
		pm.Services = []string{fmt.Sprintf("service-%02d", (i*i)%30)}
		for k := range i % 4 {
			due := date.AddDate(0, 1+k, 0).Format("2006-01-02")
			pm.ActionItems = append(pm.ActionItems, ActionItem{
				Text: fmt.Sprintf("Action %d of %d", k, i), Owner: fmt.Sprintf("Owner %d", (i+k)%9),
				DueDate: due, Due: due, Done: (i+k)%3 == 0, Form: "table",
			})
		}
		s.Postmortems = append(s.Postmortems, pm)
	}
	// Newest first, as assemble leaves them.
	for i, j := 0, len(s.Postmortems)-1; i < j; i, j = i+1, j-1 {
		s.Postmortems[i], s.Postmortems[j] = s.Postmortems[j], s.Postmortems[i]
	}
	s.Services = groups(s.Postmortems, func(p *Postmortem) []string { return p.Services })
	return s
}

// TestInsightsGolden renders the insights page of an empty site, of three
// postmortems and of ten thousand, and compares each with
// testdata/insights (go test -update rewrites them).
func TestInsightsGolden(t *testing.T) {
	three := syntheticSite(3)
	three.Postmortems[1].Date = "" // an undated one
	for name, s := range map[string]*Site{
		"empty": {Title: "Empty", Severities: []string{"SEV1", "SEV2"}, Now: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)},
		"three": three,
		"10000": syntheticSite(10000),
	} {
		var b bytes.Buffer
		if err := pages.Insights(&b, insightsView(s)); err != nil {
			t.Fatal(err)
		}
		checkHTML(t, name, b.Bytes())
		p := filepath.Join("testdata", "insights", name+".html")
		if *update {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("%v (go test -update writes it)", err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%s differs from %s (go test -update rewrites it):\n%s", name, p, firstDiff(string(want), string(b.Bytes())))
		}
	}
}

// TestInsightsEmpty says why a chart is missing rather than drawing an
// empty one.
func TestInsightsEmpty(t *testing.T) {
	p := insightsView(&Site{Title: "Empty"})
	for _, c := range p.Charts {
		if c.Empty == "" || c.SVG != "" {
			t.Errorf("chart %s of an empty site: empty %q, svg %q", c.ID, c.Empty, c.SVG)
		}
	}
	if len(p.Oldest) != 0 {
		t.Errorf("oldest open items of an empty site: %v", p.Oldest)
	}
}

// TestAxisLabels draws month and quarter axes of every length from 1 slot
// to 50 years and checks that the labels never overlap, stay inside the
// chart, and are not too few.
func TestAxisLabels(t *testing.T) {
	first := month(2015*12 + 4) // May 2015: not aligned to a year
	for n := 1; n <= 600; n++ {
		values := make([][]int, n)
		for i := range values {
			values[i] = []int{i % 3}
		}
		for _, c := range []*svgChart{
			stackedBars("m", "t", "d", []series{{"x", "s1"}}, values, monthSteps, monthLabel(first)),
			durationBars("q", "t", "d", make([]float64, n), make([]float64, n), make([]bool, n), quarterSteps, quarterLabel(2015*4+1)),
		} {
			ls := c.xlabels
			for i, l := range ls {
				if l.x-l.w/2 < 0 || l.x+l.w/2 > chartW {
					t.Fatalf("%d slots: label %q at %.1f leaves the chart", n, l.text, l.x)
				}
				if i > 0 && l.x-l.w/2 < ls[i-1].x+ls[i-1].w/2 {
					t.Fatalf("%d slots: labels %q and %q overlap", n, ls[i-1].text, l.text)
				}
			}
			if n >= 12 && len(ls) < 2 {
				t.Errorf("%d slots: only %d labels", n, len(ls))
			}
			if len(ls) == 0 {
				t.Errorf("%d slots: no label", n)
			}
		}
	}
}

// TestInsightsNumbers checks the statistics the page states.
func TestInsightsNumbers(t *testing.T) {
	s := &Site{Severities: []string{"SEV1"}, Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	for i, ttd := range []int64{60, 120, 600} {
		d := ttd
		s.Postmortems = append(s.Postmortems, &Postmortem{Title: fmt.Sprint(i), Date: "2024-02-0" + fmt.Sprint(i+1), Rank: 0, TimeToDetect: &d,
			ActionItems: []ActionItem{{Text: "a", Done: i == 0}, {Text: "b", DueDate: "2024-12-01"}}})
	}
	p := insightsView(s)
	var detect, acts pages.Chart
	for _, c := range p.Charts {
		switch c.ID {
		case "time-to-detect":
			detect = c
		case "action-items":
			acts = c
		}
	}
	if want := "Over 3 postmortems: median 2 min, 90th percentile 8 min."; detect.Summary != want {
		t.Errorf("time to detect: %q, want %q", detect.Summary, want)
	}
	if got := detect.Table.Rows; len(got) != 1 || strings.Join(got[0], "|") != "2024 Q1|3|2 min|8 min" {
		t.Errorf("time to detect table: %v", got)
	}
	if want := "17% done (1 of 6); 2 open and not yet due, 3 overdue."; acts.Summary != want {
		t.Errorf("action items: %q, want %q", acts.Summary, want)
	}
	if len(p.Oldest) != 5 || p.Oldest[0].Title != "0" {
		t.Errorf("oldest open items: %+v", p.Oldest)
	}
}

// TestAxisTop: one value far above the rest does not set the scale; the
// bars above it are marked off the scale, with their values.
func TestAxisTop(t *testing.T) {
	for _, tc := range []struct {
		values []float64
		want   float64
	}{
		{[]float64{1, 2, 3}, 3},         // too few to call one an outlier
		{[]float64{1, 2, 3, 4, 5}, 5},   // none far above the rest
		{[]float64{1, 2, 2, 3, 100}, 9}, // 3 × the third quartile
		{[]float64{0, 0, 0, 0, 50}, 50}, // no quartile to go by
	} {
		if got := axisTop(tc.values); got != tc.want {
			t.Errorf("axisTop(%v) = %v, want %v", tc.values, got, tc.want)
		}
	}
	hour := 3600.0
	svg := durationBars("d", "T", "D", []float64{hour, 2 * hour, hour, 2 * hour, 400 * hour}, []float64{2 * hour, 3 * hour, 2 * hour, 3 * hour, 450 * hour},
		[]bool{true, true, true, true, true}, []int{1}, quarterLabel(2024*4)).done()
	if strings.Count(svg, `class="off-scale"`) != 1 || !strings.Contains(svg, "beyond the scale: median 16 d 16 h, 90th percentile 18 d 18 h") {
		t.Errorf("the off-scale bar is not marked with its values:\n%s", svg)
	}
}
