package site

import (
	"math"
	"slices"
	"testing"
)

func TestQuantile(t *testing.T) {
	for _, tc := range []struct {
		name   string
		values []float64
		q      float64
		want   float64
		ok     bool
	}{
		{"none", nil, 0.5, 0, false},
		{"one, median", []float64{7}, 0.5, 7, true},
		{"one, p90", []float64{7}, 0.9, 7, true},
		{"two, median", []float64{1, 2}, 0.5, 1.5, true},
		{"two, p90", []float64{1, 2}, 0.9, 1.9, true},
		{"three unsorted, median", []float64{30, 10, 20}, 0.5, 20, true},
		{"three, p90", []float64{10, 20, 30}, 0.9, 28, true},
		{"four, median", []float64{4, 1, 3, 2}, 0.5, 2.5, true},
		{"ten, p90", []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9, 9.1, true},
		{"eleven, p90", []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9, 9, true},
		{"equal values", []float64{5, 5, 5}, 0.9, 5, true},
		{"min", []float64{3, 1, 2}, 0, 1, true},
		{"max", []float64{3, 1, 2}, 1, 3, true},
		{"q above 1 is the max", []float64{3, 1, 2}, 1.5, 3, true},
		{"outlier", []float64{60, 60, 60, 60, 86400}, 0.5, 60, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := slices.Clone(tc.values)
			got, ok := quantile(tc.values, tc.q)
			if ok != tc.ok || math.Abs(got-tc.want) > 1e-9 {
				t.Errorf("quantile(%v, %v) = %v, %v; want %v, %v", tc.values, tc.q, got, ok, tc.want, tc.ok)
			}
			if !slices.Equal(in, tc.values) {
				t.Errorf("quantile changed its input: %v", tc.values)
			}
		})
	}
}

func TestTicks(t *testing.T) {
	for _, tc := range []struct {
		top      float64
		n        int
		integers bool
		want     []float64
	}{
		{0, 4, true, []float64{0, 1}},
		{1, 4, true, []float64{0, 1}},
		{3, 4, true, []float64{0, 1, 2, 3}},
		{7, 4, true, []float64{0, 2, 4, 6, 8}},
		{10, 4, true, []float64{0, 5, 10}},
		{97, 4, true, []float64{0, 50, 100}},
		{1234, 4, true, []float64{0, 500, 1000, 1500}},
		{0.3, 4, false, []float64{0, 0.1, 0.2, 0.30000000000000004}},
	} {
		got := ticks(tc.top, tc.n, tc.integers)
		if !slices.Equal(got, tc.want) {
			t.Errorf("ticks(%v, %d) = %v, want %v", tc.top, tc.n, got, tc.want)
		}
		if got[len(got)-1] < tc.top {
			t.Errorf("ticks(%v) ends below the top", tc.top)
		}
	}
}
