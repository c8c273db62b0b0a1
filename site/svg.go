package site

import (
	"fmt"
	"html"
	"html/template"
	"strings"
	"time"

	"github.com/postmortem-dev/postmortem/templates/pages"
)

// The phase strip: a bar from the start of an incident to its resolution,
// cut where it was detected and mitigated, each part as long as it lasted
// (but never too thin to see), drawn as inline SVG at build time. Colours
// come from the stylesheet's classes, so that dark mode and print apply.
// The SVG has no text, which would shrink to nothing on a phone: the
// legend under it is HTML.

const (
	stripWidth  = 640.0
	stripLeft   = 1.0
	stripRight  = stripWidth - 1
	stripMinPct = 0.08 // the least share of the bar a part gets
	charWidth   = 6.6  // the width of a character of a 12px label, about
)

type point struct {
	name string
	t    time.Time
}

// phaseStrip returns the SVG of a postmortem's phases and the legend that
// goes under it, or nothing when it has fewer than two timestamps or they
// are out of order.
func phaseStrip(pm *Postmortem) (template.HTML, []pages.Phase) {
	var pts []point
	for _, p := range []struct {
		name string
		t    *time.Time
	}{{"Started", pm.Started}, {"Detected", pm.Detected}, {"Mitigated", pm.Mitigated}, {"Resolved", pm.Resolved}} {
		if p.t != nil {
			pts = append(pts, point{p.name, *p.t})
		}
	}
	if len(pts) < 2 {
		return "", nil
	}
	for i := 1; i < len(pts); i++ {
		if pts[i].t.Before(pts[i-1].t) {
			return "", nil
		}
	}
	total := pts[len(pts)-1].t.Sub(pts[0].t)
	n := len(pts) - 1
	shares := make([]float64, n)
	sum := 0.0
	for i := range n {
		share := stripMinPct
		if total > 0 {
			share = max(stripMinPct, float64(pts[i+1].t.Sub(pts[i].t))/float64(total))
		}
		shares[i] = share
		sum += share
	}
	xs := make([]float64, len(pts))
	xs[0] = stripLeft
	for i, sh := range shares {
		xs[i+1] = xs[i] + sh/sum*(stripRight-stripLeft)
	}

	var desc []string
	var legend []pages.Phase
	for i, p := range pts[1:] {
		desc = append(desc, fmt.Sprintf("%s %s after the start", strings.ToLower(p.name), formatDuration(p.t.Sub(pts[0].t))))
		class := phaseClass(p.name)
		legend = append(legend, pages.Phase{Name: phaseName[class], Duration: formatDuration(p.t.Sub(pts[i].t)), Class: class})
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %g 28" preserveAspectRatio="none" role="img" aria-labelledby="phases-title">`, stripWidth)
	fmt.Fprintf(&b, `<title id="phases-title">Incident phases: %s.</title>`, html.EscapeString(strings.Join(desc, ", ")))
	for i := range n {
		fmt.Fprintf(&b, `<rect class="%s" x="%.1f" y="6" width="%.1f" height="16"/>`, phaseClass(pts[i+1].name), xs[i], xs[i+1]-xs[i])
	}
	for i := range pts {
		fmt.Fprintf(&b, `<line class="tick" x1="%.1f" y1="2" x2="%.1f" y2="26"/>`, xs[i], xs[i])
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()), legend
}

// phaseName names the phases by the class of their part of the bar.
var phaseName = map[string]string{"detect": "Detecting", "mitigate": "Mitigating", "resolve": "Resolving"}

// phaseClass returns the class of the part of the bar that ends at a
// point.
func phaseClass(end string) string {
	switch end {
	case "Detected":
		return "detect"
	case "Mitigated":
		return "mitigate"
	}
	return "resolve"
}
