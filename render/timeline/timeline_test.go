package timeline

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/postmortem-dev/postmortem/render"
)

func read(t *testing.T, src string) *Timeline {
	t.Helper()
	d, err := render.Parse("t.md", []byte(src), render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return Read(d)
}

// describe prints an entry compactly: position, time parts, zone, text.
func describe(e Entry) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s ", e.Pos)
	if e.Err != "" {
		fmt.Fprintf(&b, "error(%s) ", e.Err)
	}
	if e.Approximate {
		b.WriteString("approximate ")
	}
	if e.HasDate {
		fmt.Fprintf(&b, "%s ", e.Date.Format("2006-01-02"))
	}
	if e.HasClock {
		fmt.Fprintf(&b, "%02d:%02d:%02d ", e.Hour, e.Minute, e.Second)
	}
	if e.Zone != nil {
		fmt.Fprintf(&b, "%s ", e.Zone)
	}
	if e.Raw != "" {
		fmt.Fprintf(&b, "raw=%q@%s-%s ", e.Raw, e.TimePos, e.TimeEnd)
	}
	fmt.Fprintf(&b, "%q", e.Text)
	return b.String()
}

func TestRead(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"list", "## Timeline\n\n- 14:02 UTC — The deploy reached 100%.\n- 2025-03-12 23:50 UTC — The backlog peaked.\n- **14:09** The alert fired.\n- 2:05 PM — Rolled back.\n- 14:02:30Z x\n- The team met.\n", []string{
			`3:3 14:02:00 UTC raw="14:02 UTC"@3:3-3:12 "The deploy reached 100%."`,
			`4:3 2025-03-12 23:50:00 UTC raw="2025-03-12 23:50 UTC"@4:3-4:23 "The backlog peaked."`,
			`5:5 14:09:00 raw="14:09"@5:5-5:10 "The alert fired."`,
			`6:3 14:05:00 raw="2:05 PM"@6:3-6:10 "Rolled back."`,
			`7:3 14:02:30 UTC raw="14:02:30Z"@7:3-7:12 "x"`,
			`8:3 "The team met."`,
		}},
		{"bad times", "## Timeline\n\n- 25:61 — x\n- 2025-13-45 10:00 — y\n- 13:00 PM — z\n", []string{
			`3:3 error(the time "25:61" is not a time of day) raw="25:61"@3:3-3:8 "x"`,
			`4:3 error(the date "2025-13-45" does not parse; write YYYY-MM-DD) raw="2025-13-45 10:00"@4:3-4:19 "y"`,
			`5:3 error(the time "13:00 PM" is not a 12-hour time) raw="13:00 PM"@5:3-5:11 "z"`,
		}},
		{"table with a zone in the header", "## Timeline\n\n| Date and Time in CET | Event |\n|:--|--|\n| 2019-11-29 12:00 | Scaled up |\n| 2019-12-03 --:-- | Surge |\n", []string{
			`5:3 2019-11-29 12:00:00 CET raw="2019-11-29 12:00"@5:3-5:19 "Scaled up"`,
			`6:3 approximate 2019-12-03 CET raw="2019-12-03 --:--"@6:3-6:19 "Surge"`,
		}},
		{"date and time columns", "## Timeline\n\nAll times in UTC.\n\n| Date | Time | Event |\n| --- | --- | --- |\n| 2024-05-01 | 10:15 | Started |\n", []string{
			`7:3 2024-05-01 10:15:00 UTC raw="2024-05-01 10:15"@7:3-7:21 "Started"`,
		}},
		{"aliases and prose dates", "## Chronology\n\n- 12 March 14:02 — a\n- March 12, 2025 09:00 AM — b\n", []string{
			`3:3 0000-03-12 14:02:00 raw="12 March 14:02"@3:3-3:17 "a"`,
			`4:3 2025-03-12 09:00:00 raw="March 12, 2025 09:00 AM"@4:3-4:26 "b"`,
		}},
		{"unknown and approximate times", "## Timeline\n\n| When | Event |\n|--|--|\n| 2022-02-?? ??:?? | a |\n| 2021/22-??-?? HH:mm | b |\n| 2020-12-21 HH:mm | c |\n| ~2025-03-03 19:30 | d |\n| 20202-01-16 12:00 | e |\n", []string{
			`5:3 approximate raw="2022-02-?? ??:??"@5:3-5:19 "a"`,
			`6:3 approximate raw="2021/22-??-?? HH:mm"@6:3-6:22 "b"`,
			`7:3 approximate 2020-12-21 raw="2020-12-21 HH:mm"@7:3-7:19 "c"`,
			`8:3 approximate 2025-03-03 raw="~2025-03-03 19:30"@8:3-8:20 "d"`,
			`9:3 error(the date "20202-01-16" does not parse; write YYYY-MM-DD) raw="20202-01-16 12:00"@9:3-9:20 "e"`,
		}},
		{"none", "## Summary\n\nNo timeline.\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl := read(t, tc.src)
			var got []string
			for _, e := range tl.Entries {
				got = append(got, describe(e))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestEntryTime(t *testing.T) {
	tl := read(t, "## Timeline\n\n- 12 March 14:02 CET — a\n- 09:30 — b\n- 2024-01-02 — c\n")
	day := time.Date(2025, 3, 12, 0, 0, 0, 0, time.UTC)
	got, ok := tl.Entries[0].Time(day)
	if !ok || !got.Equal(time.Date(2025, 3, 12, 13, 2, 0, 0, time.UTC)) {
		t.Errorf("entry 0: %v %v", got, ok)
	}
	if got, ok := tl.Entries[1].Time(day); !ok || got.Format(time.RFC3339) != "2025-03-12T09:30:00Z" {
		t.Errorf("entry 1: %v %v", got, ok)
	}
	if _, ok := tl.Entries[2].Time(day); ok {
		t.Error("a date without a clock has no instant")
	}
	if _, ok := tl.Entries[1].Time(time.Time{}); ok {
		t.Error("a clock without any date has no instant")
	}
}

// FuzzRead checks that reading a timeline never panics and that every
// position lies in the file.
func FuzzRead(f *testing.F) {
	f.Add("## Timeline\n\n- 14:02 UTC — x\n| Date | Time |\n|--|--|\n| 2024-01-01 | 10:00 |\n")
	f.Add("## Timeline\n- **2:05 PM** y\n- 2025-13-45 z\n- 1.2.3 w\n")
	f.Fuzz(func(t *testing.T, src string) {
		d, _ := render.Parse("f.md", []byte(src), render.Options{})
		lines := strings.Count(string(d.Source), "\n") + 1
		for _, e := range Read(d).Entries {
			if e.Pos.Line < 1 || e.Pos.Line > lines || e.TimePos.Line > lines || e.TimeEnd.Line > lines {
				t.Errorf("entry %s outside %d lines", describe(e), lines)
			}
			e.Time(time.Now())
		}
	})
}
