// Package parallel runs the iterations of a loop on all cores: the
// documents of a repository, the pages of a site, the files of an index.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers is how many goroutines a loop uses: one per core Go may use.
func Workers() int { return max(1, runtime.GOMAXPROCS(0)) }

// For calls f(0) to f(n-1), from Workers goroutines (no more than n), in
// about that order, and returns when every call has.
func For(n int, f func(i int)) {
	ForErr(n, func(i int) error {
		f(i)
		return nil
	})
}

// ForErr is For for a step that can fail: it returns the first error, and
// once a call has failed makes no more calls (those under way finish).
func ForErr(n int, f func(i int) error) error {
	workers := min(Workers(), n)
	if workers <= 1 {
		for i := range n {
			if err := f(i); err != nil {
				return err
			}
		}
		return nil
	}
	var (
		next   atomic.Int64
		failed atomic.Bool
		once   sync.Once
		first  error
		wg     sync.WaitGroup
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !failed.Load() {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				if err := f(i); err != nil {
					once.Do(func() { first = err })
					failed.Store(true)
					return
				}
			}
		}()
	}
	wg.Wait()
	return first
}
