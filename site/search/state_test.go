package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestUpdate holds a build that updates the cached index to a full build
// of the same documents, byte for byte, through edits of every kind, and
// checks that the edits a rebuild usually sees are updates.
func TestUpdate(t *testing.T) {
	for seed := int64(1); seed <= 12; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewSource(seed))
			docs := generate(150+r.Intn(150), seed)
			size := []int{512, 2 << 10, DefaultShardSize}[seed%3]
			dir := t.TempDir()
			cache := OpenCache(dir, testTag)
			if _, err := Build(docs, Options{Cache: cache, ShardSize: size}); err != nil {
				t.Fatal(err)
			}
			updates := 0
			for step := 0; step < 12; step++ {
				what := edit(r, &docs)
				// The cache goes through its files between builds.
				cache = saveAndOpen(t, cache, dir)
				got, err := Build(docs, Options{Cache: cache, ShardSize: size})
				if err != nil {
					t.Fatal(err)
				}
				want, err := Build(docs, Options{ShardSize: size})
				if err != nil {
					t.Fatal(err)
				}
				if cache.updated {
					updates++
				}
				if !equalFiles(t, got, want) {
					t.Fatalf("step %d (%s, updated %t): the updated index differs from a full build", step, what, cache.updated)
				}
			}
			if updates < 6 {
				t.Errorf("%d of 12 rebuilds updated the index, want most", updates)
			}
		})
	}
}

// edit changes docs as commits do, and says how.
func edit(r *rand.Rand, docs *[]Doc) string {
	ds := *docs
	d := &ds[r.Intn(len(ds))]
	newest := slices.MaxFunc(ds, func(a, b Doc) int { return cmpString(a.Date, b.Date) }).Date
	switch k := r.Intn(10); k {
	case 0, 1, 2:
		d.Body += fmt.Sprintf(" A follow-up note %d on the zq%dx rollout and the %s.", r.Intn(100), r.Intn(5), d.Services[0])
		return "appended to a body"
	case 3:
		d.Body = d.Body[:len(d.Body)/2]
		return "cut a body"
	case 4:
		d.Title = "Renamed: " + d.Title
		return "changed a title"
	case 5:
		d.Services = append(d.Services, "brand-new-service")
		d.Tags = d.Tags[:1]
		return "changed services and tags"
	case 6:
		n := generate(1, r.Int63())[0]
		n.ID, n.Date = fmt.Sprintf("new-%d", r.Int63()), newest // the newest: numbered last
		*docs = append(ds, n)
		return "added a postmortem"
	case 7:
		n := generate(1, r.Int63())[0]
		n.ID = fmt.Sprintf("old-%d", r.Int63())
		*docs = append(ds, n)
		return "added a postmortem of any date"
	case 8:
		i := slices.IndexFunc(ds, func(d Doc) bool { return d.Date == newest })
		*docs = slices.Delete(ds, i, i+1)
		return "removed the newest postmortem"
	default:
		return "nothing"
	}
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func equalFiles(t *testing.T, got, want map[string][]byte) bool {
	t.Helper()
	ok := len(got) == len(want)
	for name, w := range want {
		if g, found := got[name]; !found || !bytes.Equal(g, w) {
			ok = false
			t.Errorf("%s: %q, want %q", name, clip(g), clip(w))
		}
	}
	return ok
}

func clip(b []byte) string {
	if len(b) > 300 {
		return string(b[:300]) + "..."
	}
	return string(b)
}

// FuzzParseEntries: shard entries as entry.text writes them parse back to
// the same keys and lists, and any text parseEntries accepts is JSON that
// encoding/json reads the same way.
func FuzzParseEntries(f *testing.F) {
	f.Add("stem", "kBkC", "~other", "é \"quoted\" <b>\\", "", `{"a":["x"]}`)
	f.Add("02 10", "nLogDk0C", "", "!svc checkout", "kq", `{"a":["x","y"],"b":["\u00e9"]}`)
	f.Fuzz(func(t *testing.T, k1, e1, p1, k2, e2, raw string) {
		// Each byte of invalid UTF-8 is written as U+FFFD; keys are
		// distinct words.
		valid := func(s string) string { return string([]rune(s)) }
		k1, k2 = valid(k1), valid(k2)
		want := map[string][2]string{k1: {e1, p1}}
		if k2 != k1 {
			want[k2] = [2]string{e2, ""}
		}
		keys := []string{k1}
		if k2 != k1 {
			keys = append(keys, k2)
		}
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = entry{key: k, exact: want[k][0], prefix: want[k][1]}.text()
		}
		text := "{" + strings.Join(parts, ",") + "}"
		got, ok := parseEntries(text)
		if !ok {
			t.Fatalf("parseEntries(%q) failed", text)
		}
		for k, w := range want {
			w = [2]string{valid(w[0]), valid(w[1])}
			if g := got[k]; g != w {
				t.Errorf("entry %q = %q, want %q (text %q)", k, g, w, text)
			}
		}

		m, ok := parseEntries(raw)
		if !ok {
			return
		}
		var js map[string][]string
		if err := json.Unmarshal([]byte(raw), &js); err != nil {
			t.Fatalf("parseEntries accepted %q, which is not JSON: %v", raw, err)
		}
		if len(js) != len(m) {
			t.Fatalf("%q: %d entries, encoding/json reads %d", raw, len(m), len(js))
		}
		for k, v := range js {
			var e [2]string
			copy(e[:], v)
			if m[k] != e || len(v) < 1 || len(v) > 2 {
				t.Errorf("%q: entry %q = %q, encoding/json reads %q", raw, k, m[k], v)
			}
		}
	})
}
