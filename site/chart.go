package site

import (
	"fmt"
	"html"
	"math"
	"slices"
	"strconv"
	"strings"
)

// The charts of the insights page, drawn as inline SVG at build time: no
// script, no library. Colours come from the stylesheet's classes, so that
// dark mode and print apply; sizes are in the units of a fixed viewBox,
// and the page keeps a chart from shrinking below a readable width (it
// scrolls sideways on a phone instead). Axis labels are thinned so that
// they never overlap, whatever the number of bars; every chart has a
// <title> and a <desc>, and the page a table of its data.

const (
	chartW      = 720.0
	chartH      = 240.0
	chartTop    = 12.0
	chartBottom = 28.0 // room for the x labels
	chartRight  = 8.0
	labelGap    = 10.0 // the least space between two x labels
)

// placed is a label drawn on the x axis: its centre and width.
type placed struct {
	x, w float64
	text string
}

// svgChart accumulates the SVG of one chart.
type svgChart struct {
	b       strings.Builder
	id      string
	left    float64 // the plot's left edge: room for the y labels
	xlabels []placed
}

func newChart(id, title, desc string, height float64) *svgChart {
	c := &svgChart{id: id}
	fmt.Fprintf(&c.b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 %g %g" role="img" aria-labelledby="%s-title %s-desc">`, chartW, height, id, id)
	fmt.Fprintf(&c.b, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, id, html.EscapeString(title), id, html.EscapeString(desc))
	return c
}

func (c *svgChart) done() string {
	c.b.WriteString(`</svg>`)
	return c.b.String()
}

// textWidth estimates the width of a label of the chart's font.
func textWidth(s string) float64 { return float64(len([]rune(s))) * charWidth }

// yAxis draws the grid and labels of a vertical axis from 0 to the last
// tick, and returns the function that maps a value to y.
func (c *svgChart) yAxis(tks []float64, label func(float64) string) func(float64) float64 {
	top := tks[len(tks)-1]
	bottom := chartH - chartBottom
	y := func(v float64) float64 { return bottom - v/top*(bottom-chartTop) }
	widest := 0.0
	for _, t := range tks {
		widest = max(widest, textWidth(label(t)))
	}
	c.left = math.Ceil(widest) + 8
	for _, t := range tks {
		fmt.Fprintf(&c.b, `<line class="grid" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, c.left, y(t), chartW-chartRight, y(t))
		fmt.Fprintf(&c.b, `<text class="axis" x="%.1f" y="%.1f" text-anchor="end">%s</text>`, c.left-4, y(t)+4, html.EscapeString(label(t)))
	}
	return y
}

// slots returns the x of the left edge of slot i of n, and their width.
func (c *svgChart) slots(n int) (func(int) float64, float64) {
	w := (chartW - chartRight - c.left) / float64(max(n, 1))
	return func(i int) float64 { return c.left + float64(i)*w }, w
}

// xLabels labels the slots: for each step of steps in turn, label(i, step)
// gives the text of slot i, or false to leave it bare; the first step whose
// labels fit is taken. Labels that would still touch a neighbour (at the
// chart's edges, where they are pushed inwards) are left out.
func (c *svgChart) xLabels(n int, steps []int, label func(i, step int) (string, bool)) {
	x, w := c.slots(n)
	var chosen []placed
	for k, step := range steps {
		chosen = chosen[:0]
		fits := true
		for i := range n {
			text, ok := label(i, step)
			if !ok {
				continue
			}
			p := placed{x: x(i) + w/2, w: textWidth(text), text: text}
			if len(chosen) > 0 && p.x-chosen[len(chosen)-1].x < (p.w+chosen[len(chosen)-1].w)/2+labelGap {
				fits = false
				if k < len(steps)-1 {
					break
				}
				continue // the last step: drop what does not fit
			}
			chosen = append(chosen, p)
		}
		if fits || k == len(steps)-1 {
			break
		}
	}
	// Keep labels inside the chart, then drop any that now touch the one
	// before.
	var out []placed
	for _, p := range chosen {
		p.x = min(max(p.x, p.w/2+1), chartW-p.w/2-1)
		if len(out) > 0 && p.x-out[len(out)-1].x < (p.w+out[len(out)-1].w)/2+labelGap/2 {
			continue
		}
		out = append(out, p)
	}
	base := chartH - chartBottom
	for _, p := range out {
		fmt.Fprintf(&c.b, `<text class="axis" x="%.1f" y="%.1f" text-anchor="middle">%s</text>`, p.x, base+18, html.EscapeString(p.text))
	}
	fmt.Fprintf(&c.b, `<line class="baseline" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, c.left, base, chartW-chartRight, base)
	c.xlabels = out
}

// barWidth is the width of a bar in a slot: most of it, with a gap that
// stays visible.
func barWidth(slot float64) float64 {
	if slot < 3 {
		return slot // too thin for a gap
	}
	return slot - max(1, slot*0.2)
}

// count formats an axis value that counts things.
func count(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// A month is an index of months since year 0: year*12 + month-1.
type month int

func monthOf(date string) (month, bool) {
	if len(date) < 7 {
		return 0, false
	}
	y, err1 := strconv.Atoi(date[:4])
	m, err2 := strconv.Atoi(date[5:7])
	if err1 != nil || err2 != nil || m < 1 || m > 12 {
		return 0, false
	}
	return month(y*12 + m - 1), true
}

func (m month) year() int { return int(m) / 12 }
func (m month) num() int  { return int(m)%12 + 1 }
func (m month) String() string {
	return fmt.Sprintf("%04d-%02d", m.year(), m.num())
}

var monthNames = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// monthLabel labels months every step months: "Mar 2024" when the step is
// under a year, else the year, at January, every step/12 years.
func monthLabel(first month) func(i, step int) (string, bool) {
	return func(i, step int) (string, bool) {
		m := first + month(i)
		if step < 12 {
			if (m.num()-1)%step != 0 {
				return "", false
			}
			return monthNames[m.num()-1] + " " + strconv.Itoa(m.year()), true
		}
		if m.num() != 1 || m.year()%(step/12) != 0 {
			return "", false
		}
		return strconv.Itoa(m.year()), true
	}
}

// monthSteps are the steps in which months are labelled.
var monthSteps = []int{1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200}

// quarterLabel labels quarters: "Q1 2024" every step quarters under a
// year, else the year at its first quarter.
func quarterLabel(first int) func(i, step int) (string, bool) {
	return func(i, step int) (string, bool) {
		q := first + i
		year, n := q/4, q%4+1
		if step < 4 {
			if (n-1)%step != 0 {
				return "", false
			}
			return "Q" + strconv.Itoa(n) + " " + strconv.Itoa(year), true
		}
		if n != 1 || year%(step/4) != 0 {
			return "", false
		}
		return strconv.Itoa(year), true
	}
}

var quarterSteps = []int{1, 2, 4, 8, 20, 40, 80, 200, 400}

// series is one kind of bar in a stacked bar chart.
type series struct {
	name  string
	class string
}

// stackedBars draws bars of stacked counts: values[i][s] is the count of
// series s in slot i.
func stackedBars(id, title, desc string, ss []series, values [][]int, steps []int, label func(i, step int) (string, bool)) *svgChart {
	c := newChart(id, title, desc, chartH)
	top := 0
	for _, v := range values {
		sum := 0
		for _, n := range v {
			sum += n
		}
		top = max(top, sum)
	}
	y := c.yAxis(ticks(float64(top), 4, true), count)
	x, w := c.slots(len(values))
	bw := barWidth(w)
	for i, v := range values {
		base := 0
		for s, n := range v {
			if n == 0 {
				continue
			}
			y0, y1 := y(float64(base)), y(float64(base+n))
			fmt.Fprintf(&c.b, `<rect class="%s" x="%.2f" y="%.2f" width="%.2f" height="%.2f"/>`, ss[s].class, x(i)+(w-bw)/2, y1, bw, y0-y1)
			base += n
		}
	}
	c.xLabels(len(values), steps, label)
	return c
}

// durationBars draws, for each slot, a bar to the median and a mark at the
// 90th percentile; a slot with no value stays empty. Values are seconds.
func durationBars(id, title, desc string, med, p90 []float64, has []bool, steps []int, label func(i, step int) (string, bool)) *svgChart {
	c := newChart(id, title, desc, chartH)
	var tops []float64
	for i, v := range p90 {
		if has[i] {
			tops = append(tops, max(v, med[i]))
		}
	}
	top := axisTop(tops)
	unit, name := durationUnit(top)
	tks := ticks(top/unit, 4, true)
	for i := range tks {
		tks[i] *= unit
	}
	y := c.yAxis(tks, func(v float64) string {
		if v == 0 {
			return "0"
		}
		return count(v/unit) + " " + name
	})
	x, w := c.slots(len(med))
	bw := barWidth(w)
	for i := range med {
		if !has[i] {
			continue
		}
		left := x(i) + (w-bw)/2
		clip := tks[len(tks)-1]
		m, p := min(med[i], clip), min(p90[i], clip)
		fmt.Fprintf(&c.b, `<rect class="median" x="%.2f" y="%.2f" width="%.2f" height="%.2f"/>`, left, y(m), bw, y(0)-y(m))
		fmt.Fprintf(&c.b, `<line class="p90" x1="%.2f" y1="%.2f" x2="%.2f" y2="%.2f"/>`, left, y(p), left+bw, y(p))
		if p90[i] > clip || med[i] > clip {
			// Off the scale: a mark above the bar; the table has the value.
			fmt.Fprintf(&c.b, `<path class="off-scale" d="M%.2f %.2fL%.2f %.2fL%.2f %.2fZ"><title>%s</title></path>`,
				left, chartTop-2, left+bw/2, chartTop-8, left+bw, chartTop-2,
				html.EscapeString("beyond the scale: median "+seconds2(med[i])+", 90th percentile "+seconds2(p90[i])))
		}
	}
	c.xLabels(len(med), steps, label)
	return c
}

// axisTop returns the top of an axis for values: the largest, unless it is
// far above the rest (one quarter of 19 days among quarters of hours),
// when the axis stops at three times the third quartile, so that the rest
// can be read; the values above it are marked off the scale.
func axisTop(values []float64) float64 {
	top := 0.0
	for _, v := range values {
		top = max(top, v)
	}
	if len(values) < 4 {
		return top
	}
	sorted := append([]float64(nil), values...)
	slices.Sort(sorted)
	if q3 := sorted[len(sorted)*3/4]; q3 > 0 && top > 3*q3 {
		return 3 * q3
	}
	return top
}

// durationUnit picks the unit of a duration axis whose top is top seconds.
func durationUnit(top float64) (float64, string) {
	switch {
	case top <= 2*3600:
		return 60, "min"
	case top <= 72*3600:
		return 3600, "h"
	}
	return 86400, "d"
}

// hbars draws horizontal bars, one per labelled value, with the value at
// the bar's end.
func hbars(id, title, desc string, labels []string, values []int, class string) string {
	const row, maxLabel = 24.0, 28
	height := float64(len(labels))*row + 8
	c := newChart(id, title, desc, height)
	widest := 0.0
	short := make([]string, len(labels))
	for i, l := range labels {
		if r := []rune(l); len(r) > maxLabel {
			l = string(r[:maxLabel-1]) + "…"
		}
		short[i] = l
		widest = max(widest, textWidth(l))
	}
	left := math.Ceil(widest) + 10
	top := 0
	for _, v := range values {
		top = max(top, v)
	}
	room := chartW - left - 8 - textWidth(strconv.Itoa(top)) - 6
	for i, v := range values {
		y := 4 + float64(i)*row
		w := 0.0
		if top > 0 {
			w = max(1, float64(v)/float64(top)*room)
		}
		fmt.Fprintf(&c.b, `<text class="label" x="%.1f" y="%.1f" text-anchor="end">%s</text>`, left-6, y+row/2+4, html.EscapeString(short[i]))
		fmt.Fprintf(&c.b, `<rect class="%s" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>`, class, left, y+4, w, row-8)
		fmt.Fprintf(&c.b, `<text class="value" x="%.1f" y="%.1f">%d</text>`, left+w+6, y+row/2+4, v)
	}
	return c.done()
}

// shareBar draws one bar split in parts, each as long as its share of the
// total.
func shareBar(id, title, desc string, ss []series, values []int) string {
	const height = 28.0
	c := newChart(id, title, desc, height)
	total := 0
	for _, v := range values {
		total += v
	}
	x := 1.0
	for i, v := range values {
		if v == 0 || total == 0 {
			continue
		}
		w := float64(v) / float64(total) * (chartW - 2)
		fmt.Fprintf(&c.b, `<rect class="%s" x="%.2f" y="4" width="%.2f" height="20"/>`, ss[i].class, x, w)
		x += w
	}
	return c.done()
}
