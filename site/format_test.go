package site

import (
	"testing"
	"time"
)

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		45 * time.Second:                              "45 s",
		3*time.Minute + 59*time.Second:                "3 min",
		time.Hour:                                     "1 h",
		time.Hour + 16*time.Minute:                    "1 h 16 min",
		23*time.Hour + 59*time.Minute:                 "23 h 59 min",
		24 * time.Hour:                                "1 d",
		39*time.Hour + 46*time.Minute:                 "1 d 16 h", // to the nearest hour from a day on
		2*24*time.Hour + 3*time.Hour + 29*time.Minute: "2 d 3 h",
		47*time.Hour + 40*time.Minute:                 "2 d",
	} {
		if got := formatDuration(d); got != want {
			t.Errorf("formatDuration(%v) = %q, want %q", d, got, want)
		}
	}
}
