package site

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// fileURL returns the web address of a file in the repository: kind is
// "blob" (view) or "edit". Addresses take GitHub's form, and GitLab's when
// the host's name says gitlab.
func fileURL(repo, kind, branch, file string) string {
	segs := strings.Split(file, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return repo + forge(repo) + "/" + kind + "/" + url.PathEscape(branch) + "/" + strings.Join(segs, "/")
}

// commitURL returns the web address of a commit.
func commitURL(repo, hash string) string {
	if repo == "" || hash == "" {
		return ""
	}
	return repo + forge(repo) + "/commit/" + hash
}

// forge returns the path element a forge puts before blob, edit and
// commit: "/-" for GitLab, "" for GitHub and the others that copy it.
func forge(repo string) string {
	if u, err := url.Parse(repo); err == nil && strings.Contains(strings.ToLower(u.Host), "gitlab") {
		return "/-"
	}
	return ""
}

// short abbreviates a commit hash.
func short(hash string) string {
	if len(hash) > 7 {
		return hash[:7]
	}
	return hash
}

// formatDuration writes a duration for people: "45 s", "3 min",
// "1 h 16 min", and from a day on to the nearest hour, "2 d 4 h" (for
// 2 d 3 h 51 min).
func formatDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%d s", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d.Minutes()))
	case d < 24*time.Hour:
		h, m := int(d.Hours()), int(d.Minutes())%60
		if m == 0 {
			return fmt.Sprintf("%d h", h)
		}
		return fmt.Sprintf("%d h %d min", h, m)
	}
	d = d.Round(time.Hour)
	days, h := int(d.Hours())/24, int(d.Hours())%24
	if h == 0 {
		return fmt.Sprintf("%d d", days)
	}
	return fmt.Sprintf("%d d %d h", days, h)
}

// formatTime writes a timestamp as written, to the minute: "2024-01-22
// 10:14 UTC", or with its offset, "2024-01-22 12:14 +02:00".
func formatTime(t time.Time) string {
	zone := t.Format("-07:00")
	if zone == "+00:00" {
		zone = "UTC"
	}
	s := t.Format("2006-01-02 15:04")
	if t.Second() != 0 {
		s = t.Format("2006-01-02 15:04:05")
	}
	return s + " " + zone
}
