package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(data)
}

const doc = "---\ntitle: %s\ndate: 2024-05-01\nstatus: published\n---\n\n## Summary\n\nCheckout failed.\n"

// TestServe starts the server on a free port, fetches pages, changes a
// postmortem and sees a new version, then stops it and finds nothing left
// behind.
func TestServe(t *testing.T) {
	repo := t.TempDir()
	writeFile(t, filepath.Join(repo, ".postmortem.yaml"), "site:\n  title: Served\n")
	pm := filepath.Join(repo, "postmortems", "2024-05-01-checkout.md")
	writeFile(t, pm, strings.Replace(doc, "%s", "Checkout errors", 1))
	tmp := t.TempDir()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, repo, Options{Interval: 50 * time.Millisecond, TempDir: tmp, Ready: func(u string) { ready <- u }})
	}()
	var base string
	select {
	case base = <-ready:
	case err := <-done:
		t.Fatalf("Run: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("the server did not start")
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("URL %s is not on 127.0.0.1", base)
	}

	code, page := get(t, base)
	if code != 200 || !strings.Contains(page, "Checkout errors") {
		t.Fatalf("index: %d\n%s", code, page)
	}
	if !strings.Contains(page, `<script src="_serve/reload.js" defer></script>`) {
		t.Errorf("the index has no reloading script")
	}
	if code, p := get(t, base+"postmortems/2024-05-01-checkout.html"); code != 200 || !strings.Contains(p, `<script src="../_serve/reload.js" defer></script>`) {
		t.Errorf("postmortem page: %d, reloading script relative to the root: %t", code, strings.Contains(p, "../_serve/reload.js"))
	}
	if code, js := get(t, base+"_serve/reload.js"); code != 200 || !strings.Contains(js, "EventSource") {
		t.Errorf("reload.js: %d", code)
	}
	if code, p := get(t, base+"no/such/page.html"); code != 404 || !strings.Contains(p, "Page not found") {
		t.Errorf("a missing page: %d", code)
	}
	if code, _ := get(t, base+".postmortem-site"); code != 404 {
		t.Errorf("the site's marker is served: %d", code)
	}
	if _, v := get(t, base+"_serve/version"); v != "1" {
		t.Errorf("version %q, want 1", v)
	}

	// An open page hears of the new version.
	resp, err := http.Get(base + "_serve/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := bufio.NewScanner(resp.Body)
	next := func() string {
		for events.Scan() {
			if d, ok := strings.CutPrefix(events.Text(), "data: "); ok {
				return d
			}
		}
		return "(closed)"
	}
	if v := next(); v != "1" {
		t.Errorf("first event %q, want 1", v)
	}

	time.Sleep(20 * time.Millisecond) // a new modification time on coarse clocks
	writeFile(t, pm, strings.Replace(doc, "%s", "Checkout errors, revised", 1))
	if v := next(); v != "2" {
		t.Errorf("event after a change %q, want 2", v)
	}
	if _, page := get(t, base); !strings.Contains(page, "Checkout errors, revised") {
		t.Errorf("the index was not rebuilt")
	}

	// A broken configuration keeps the last site.
	writeFile(t, filepath.Join(repo, ".postmortem.yaml"), "site: [\n")
	time.Sleep(300 * time.Millisecond)
	if code, _ := get(t, base); code != 200 {
		t.Errorf("after a bad configuration: %d", code)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not stop")
	}
	left, err := os.ReadDir(tmp)
	if err != nil || len(left) != 0 {
		t.Errorf("left behind in the temporary folder: %v %v", left, err)
	}
	if _, err := http.Get(base); err == nil {
		t.Errorf("the server still answers")
	}
}

// TestServeFailure returns the first build's error and leaves nothing.
func TestServeFailure(t *testing.T) {
	repo := t.TempDir()
	writeFile(t, filepath.Join(repo, ".postmortem.yaml"), "postmortems: nowhere\n")
	tmp := t.TempDir()
	err := Run(context.Background(), repo, Options{TempDir: tmp})
	if err == nil {
		t.Fatal("no error for a repository without its postmortems folder")
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}
