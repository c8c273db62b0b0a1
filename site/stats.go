package site

import (
	"math"
	"slices"
)

// quantile returns the q-quantile (0 <= q <= 1) of values, interpolating
// linearly between the two nearest ranks (the method of R's type 7, numpy's
// and spreadsheets' default): the median of 1, 2 is 1.5; the 90th
// percentile of a single value is that value. It returns false for no
// values. values is not changed.
func quantile(values []float64, q float64) (float64, bool) {
	if len(values) == 0 || math.IsNaN(q) {
		return 0, false
	}
	s := slices.Clone(values)
	slices.Sort(s)
	q = min(max(q, 0), 1)
	h := q * float64(len(s)-1)
	lo := int(math.Floor(h))
	if lo >= len(s)-1 {
		return s[len(s)-1], true
	}
	return s[lo] + (h-float64(lo))*(s[lo+1]-s[lo]), true
}

// niceStep returns a step for axis ticks near raw: 1, 2 or 5 times a power
// of ten, and never below 1 when integers says the values are counts.
func niceStep(raw float64, integers bool) float64 {
	if raw <= 0 || math.IsNaN(raw) || math.IsInf(raw, 0) {
		return 1
	}
	exp := math.Pow(10, math.Floor(math.Log10(raw)))
	var step float64
	switch f := raw / exp; {
	case f <= 1:
		step = exp
	case f <= 2:
		step = 2 * exp
	case f <= 5:
		step = 5 * exp
	default:
		step = 10 * exp
	}
	if integers && step < 1 {
		step = 1
	}
	return step
}

// ticks returns the ticks of an axis from 0 to at least top, about n of
// them, evenly spaced by a nice step; the last is the axis's end.
func ticks(top float64, n int, integers bool) []float64 {
	if top <= 0 {
		top = 1
	}
	step := niceStep(top/float64(max(n, 1)), integers)
	var out []float64
	for v := 0.0; ; v += step {
		out = append(out, v)
		if v >= top-step*1e-9 {
			return out
		}
	}
}
