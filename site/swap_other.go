//go:build !linux

package site

// exchange swaps the folders a and b.
func exchange(a, b string) error { return exchangeFallback(a, b) }
