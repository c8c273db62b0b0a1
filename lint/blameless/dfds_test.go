package blameless

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// TestRealPostmortems runs the detector over a real team's postmortems (the
// dfds repository in ../shared/corpora) and compares every finding with
// testdata/dfds.golden, which lists the findings a reviewer has read and
// agreed with. Run with -update to rewrite it after reviewing the change.
func TestRealPostmortems(t *testing.T) {
	dir := sharedDir(t, "corpora")
	if dir == "" {
		t.Skip("../shared/corpora not present")
	}
	gitDir := filepath.Join(dir, "dfds-postmortems.git")
	if _, err := os.Stat(gitDir); err != nil {
		t.Skip("dfds-postmortems.git not present")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	git := func(args ...string) string {
		out, err := exec.Command("git", append([]string{"--git-dir", gitDir}, args...)...).Output()
		if err != nil {
			t.Fatalf("git %v: %v", args, err)
		}
		return string(out)
	}
	d := newDetector(t, Options{})
	var got []string
	for _, name := range strings.Split(strings.TrimSpace(git("ls-tree", "--name-only", "master")), "\n") {
		if !strings.HasPrefix(name, "PM") {
			continue
		}
		lines, _ := proseLines(git("show", "master:"+name))
		for n, text := range lines {
			for _, s := range Sentences(text) {
				sentence := text[s.Start:s.End]
				for _, m := range d.Check(sentence) {
					got = append(got, fmt.Sprintf("%s:%d: %s: %q in %q", name, n, m.Category,
						sentence[m.Start:m.End], sentence))
				}
			}
		}
	}
	sort.Strings(got)
	golden := filepath.Join("testdata", "dfds.golden")
	text := strings.Join(got, "\n") + "\n"
	if *update {
		if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != text {
		t.Errorf("findings on the dfds postmortems differ from %s (review them, then run with -update):\n%s", golden, text)
	}
}
