package parallel

import (
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

// Every index is visited once, whatever the number of goroutines.
func TestFor(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 1000} {
		seen := make([]atomic.Int32, n)
		For(n, func(i int) { seen[i].Add(1) })
		for i := range seen {
			if c := seen[i].Load(); c != 1 {
				t.Errorf("n=%d: index %d visited %d times", n, i, c)
			}
		}
	}
}

// The first error is returned, and no call starts after it.
func TestForErr(t *testing.T) {
	boom := errors.New("boom")
	var calls atomic.Int32
	err := ForErr(10000, func(i int) error {
		calls.Add(1)
		if i == 10 {
			return boom
		}
		time.Sleep(100 * time.Microsecond)
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("ForErr = %v, want %v", err, boom)
	}
	// The goroutines check for a failure before each call: they stop
	// long before the end.
	if c := calls.Load(); c >= 1000 {
		t.Errorf("%d calls of 10000 after an error at index 10", c)
	}
	if err := ForErr(5, func(int) error { return nil }); err != nil {
		t.Errorf("ForErr without failures = %v", err)
	}
}
