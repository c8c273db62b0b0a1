package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/site"
	"github.com/postmortem-dev/postmortem/site/internal/browsertest"
)

// subPath is where the test server puts the site, as a project site of
// GitHub Pages would be.
const subPath = "/pm/"

var shared struct {
	once   sync.Once
	ctx    context.Context
	cancel []context.CancelFunc
	err    error
	dir    string
}

// browser returns the headless Chromium the tests share, started on first
// use, or skips the test when there is none (and fails when CI is set, so
// that CI cannot pass by skipping).
func browser(t *testing.T) context.Context {
	t.Helper()
	browsertest.Require(t)
	shared.once.Do(func() {
		shared.dir, shared.err = os.MkdirTemp("", "pm-e2e-chromium-")
		if shared.err != nil {
			return
		}
		var cancel func()
		shared.ctx, cancel, shared.err = browsertest.Start(shared.dir, 1200)
		if shared.err == nil {
			shared.cancel = []context.CancelFunc{cancel}
		}
	})
	if shared.err != nil {
		t.Fatalf("start %s: %v", browsertest.Chromium, shared.err)
	}
	return shared.ctx
}

// tab opens a new tab of the browser, with a watch on what it does.
func tab(t *testing.T, browser context.Context) (context.Context, *browsertest.Watch) {
	t.Helper()
	ctx, w := browsertest.Open(t, browser)
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancel)
	return ctx, w
}

// publish builds the site of the repository at dir into a new folder.
func publish(t testing.TB, dir string, opts site.Options) string {
	t.Helper()
	cfg, err := config.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "site")
	err = site.Publish(out, func(w site.Writer) error {
		_, err := site.Build(cfg, w, opts)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// serve serves a folder on 127.0.0.1 under subPath and returns the site's
// URL.
func serve(t testing.TB, dir string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle(subPath, http.StripPrefix(strings.TrimSuffix(subPath, "/"), http.FileServer(http.Dir(dir))))
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String() + subPath
}

type step = chromedp.Action[chromedp.Void]

// do runs steps in a tab and fails the test on an error.
func do(t *testing.T, ctx context.Context, steps ...step) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in a tab.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// typeQuery types a query into the search box of the page, after
// clearing it, and waits for its results.
func typeQuery(q string) step {
	return chromedp.Steps(
		chromedp.WaitVisible(chromedp.ID("pm-search-q")),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#pm-search-q').value = ''`),
		chromedp.SendKeys(chromedp.ID("pm-search-q"), q),
		waitResults(q),
	)
}

// waitResults waits until the search has drawn the results of q.
func waitResults(q string) step {
	return chromedp.Poll[chromedp.Void](fmt.Sprintf(`window.__pmSearchTiming && window.__pmSearchTiming.query === %q && document.querySelector('.pm-search-status') && document.querySelector('.pm-search-status').textContent !== ''`, q),
		chromedp.WithPollingTimeout(20*time.Second))
}

// results returns the hrefs of the results shown.
func results(t *testing.T, ctx context.Context) []string {
	t.Helper()
	return eval[[]string](t, ctx, `Array.from(document.querySelectorAll('.pm-search-result a.pm-search-title')).map(a => a.getAttribute('href'))`)
}

// choose selects a value of a select element, as a person would.
func choose(sel, value string) step {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const s = document.querySelector(%q); s.value = %q; s.dispatchEvent(new Event('change', {bubbles: true})); })()`, sel, value))
}

// count returns the number of elements a selector finds.
func count(t *testing.T, ctx context.Context, sel string) int {
	t.Helper()
	return eval[int](t, ctx, fmt.Sprintf(`document.querySelectorAll(%q).length`, sel))
}

var examples struct {
	once sync.Once
	out  string
}

// examplesSite builds the examples once for the tests.
func examplesSite(t *testing.T) string {
	t.Helper()
	examples.once.Do(func() {
		dir, err := os.MkdirTemp("", "pm-e2e-")
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := config.Load("../../examples")
		if err != nil {
			t.Fatal(err)
		}
		examples.out = filepath.Join(dir, "site")
		err = site.Publish(examples.out, func(w site.Writer) error {
			_, err := site.Build(cfg, w, site.Options{Drafts: true, Now: time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC)})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	if examples.out == "" {
		t.Fatal("the examples did not build")
	}
	return examples.out
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, cancel := range shared.cancel {
		cancel()
	}
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	if examples.out != "" {
		os.RemoveAll(filepath.Dir(examples.out))
	}
	os.Exit(code)
}

const kafka = "postmortems/2024-01-22-checkout-errors-during-kafka-broker-restart.html"

// TestSearch searches the examples as a reader would.
func TestSearch(t *testing.T) {
	b := browser(t)
	base := serve(t, examplesSite(t))
	ctx, w := tab(t, b)

	// Typing shows the expected postmortem first.
	do(t, ctx, chromedp.Navigate(base+"search.html"), typeQuery("kafka broker restart"))
	if hrefs := results(t, ctx); len(hrefs) == 0 || !strings.HasSuffix(hrefs[0], kafka) {
		t.Errorf("kafka broker restart: results %v, want %s first", hrefs, kafka)
	}

	// A filter narrows the results.
	do(t, ctx, typeQuery("checkout"))
	all := results(t, ctx)
	do(t, ctx, choose(`select[name="severity"]`, "SEV1"), waitResults("severity:SEV1 checkout "))
	narrowed := results(t, ctx)
	if len(narrowed) == 0 || len(narrowed) >= len(all) {
		t.Errorf("severity SEV1 did not narrow checkout's %d results: %d", len(all), len(narrowed))
	}
	for _, s := range eval[[]string](t, ctx, `Array.from(document.querySelectorAll('.pm-search-result .pm-search-severity')).map(e => e.textContent)`) {
		if s != "SEV1" {
			t.Errorf("a result of severity %q under the SEV1 filter", s)
		}
	}

	// Escape clears the box and the results.
	do(t, ctx, typeQuery("payments"), chromedp.Focus(chromedp.ID("pm-search-q")), chromedp.KeyEvent(kb.Escape),
		chromedp.Poll[chromedp.Void](`document.querySelector('#pm-search-q').value === '' && document.querySelectorAll('.pm-search-result').length === 0`, chromedp.WithPollingTimeout(5*time.Second)))
	w.Check(t, "search.html")

	// A search opened from its URL renders its results, over http and
	// from the file system.
	for _, u := range []string{base + "search.html?q=pgbouncer", "file://" + filepath.ToSlash(examplesSite(t)) + "/search.html?q=pgbouncer"} {
		do(t, ctx, chromedp.Navigate(u), waitResults("pgbouncer"))
		if hrefs := results(t, ctx); len(hrefs) == 0 || !strings.Contains(hrefs[0], "pgbouncer") {
			t.Errorf("%s: results %v", u, hrefs)
		}
		w.Check(t, u)
	}

	// The box in a postmortem's header sends the query to the search page.
	do(t, ctx, chromedp.Navigate(base+kafka), chromedp.SendKeys(chromedp.ID("pm-search-q"), "redis"+kb.Enter))
	// The page goes away under the evaluation while it navigates: retry.
	for i := 0; ; i++ {
		err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](`location.pathname.endsWith('/search.html') && document.readyState === 'complete'`, chromedp.WithPollingTimeout(time.Second)))
		if err == nil {
			break
		}
		if i == 20 {
			t.Fatalf("the header's search box did not lead to the search page: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	do(t, ctx, waitResults("redis"))
	if hrefs := results(t, ctx); len(hrefs) == 0 || !strings.Contains(hrefs[0], "redis") {
		t.Errorf("redis from a postmortem's header: results %v", hrefs)
	}
	w.Check(t, "header search")
}

// TestActionItems filters the action items page: the filters load every
// item from actions/items.js and draw the matching ones in place of the
// page's list.
func TestActionItems(t *testing.T) {
	b := browser(t)
	base := serve(t, examplesSite(t))
	ctx, w := tab(t, b)
	do(t, ctx, chromedp.Navigate(base+"actions.html"), chromedp.WaitVisible(chromedp.CSS(`form[data-actions-filter]`)))
	total := count(t, ctx, `[data-actions-static] tr[data-state]`)
	do(t, ctx, choose(`select[name="owner"]`, "Kaito Mori"), chromedp.WaitVisible(chromedp.CSS(`[data-actions-results] tr[data-state]`)))
	visible := count(t, ctx, matching)
	if total == 0 || visible == 0 || visible >= total {
		t.Errorf("owner filter: %d of %d rows shown", visible, total)
	}
	for _, o := range eval[[]string](t, ctx, `Array.from(document.querySelectorAll('`+matching+`')).map(r => r.dataset.owner)`) {
		if o != "Kaito Mori" {
			t.Errorf("a row of %q under the filter owner=Kaito Mori", o)
		}
	}
	if n := count(t, ctx, `[data-actions-static]:not([hidden])`); n != 0 {
		t.Errorf("the page's own list is still shown under a filter")
	}
	if msg := eval[string](t, ctx, `document.querySelector('[data-actions-count]').textContent`); !strings.HasPrefix(msg, fmt.Sprintf("%d of ", visible)) {
		t.Errorf("the live region says %q, %d rows shown", msg, visible)
	}
	if loc := eval[string](t, ctx, `location.search`); loc != "?owner=Kaito+Mori" {
		t.Errorf("the filter is not in the address: %q", loc)
	}
	// Links of the drawn rows lead to the postmortems, relative to the page.
	if href := eval[string](t, ctx, `document.querySelector('`+matching+` td.from a').getAttribute('href')`); !strings.HasPrefix(href, "postmortems/") || !strings.HasSuffix(href, ".html") {
		t.Errorf("a drawn row links its postmortem as %q", href)
	}

	// Filters from the address; status overdue shows the overdue rows of
	// the whole site, as many as the counts on top say.
	do(t, ctx, chromedp.Navigate(base+"actions.html?status=overdue"), chromedp.WaitVisible(chromedp.CSS(`[data-actions-results] tr[data-state]`)))
	visible = count(t, ctx, matching)
	overdue := eval[string](t, ctx, `document.querySelector('.tally .overdue strong').textContent`)
	if n := count(t, ctx, matching+`[data-state="overdue"]`); n == 0 || n != visible || fmt.Sprint(n) != overdue {
		t.Errorf("status=overdue: %d shown, %d overdue, %s counted", visible, n, overdue)
	}
	// Show all brings the page's list back.
	do(t, ctx, chromedp.Click(chromedp.CSS(`form[data-actions-filter] button[type="reset"]`)), chromedp.WaitVisible(chromedp.CSS(`[data-actions-static] table`)))
	if n := count(t, ctx, `[data-actions-results]:not([hidden])`); n != 0 {
		t.Errorf("Show all leaves the matching items shown")
	}

	// A page one folder down filters too, with links from there.
	do(t, ctx, chromedp.Navigate(base+"actions/done.html?status=done"), chromedp.WaitVisible(chromedp.CSS(`[data-actions-results] tr[data-state]`)))
	if n, done := count(t, ctx, matching), count(t, ctx, matching+`[data-state="done"]`); n == 0 || n != done {
		t.Errorf("status=done on actions/done.html: %d shown, %d done", n, done)
	}
	if href := eval[string](t, ctx, `document.querySelector('`+matching+` td.from a').getAttribute('href')`); !strings.HasPrefix(href, "../postmortems/") {
		t.Errorf("a drawn row of actions/done.html links its postmortem as %q", href)
	}
	// An owner's page starts with its owner chosen, and its own list.
	do(t, ctx, chromedp.Navigate(base+"actions/owner-kaito-mori.html"), chromedp.WaitVisible(chromedp.CSS(`form[data-actions-filter]`)))
	if v := eval[string](t, ctx, `document.querySelector('select[name="owner"]').value`); v != "Kaito Mori" {
		t.Errorf("the owner filter of Kaito Mori's page is %q", v)
	}
	if n := count(t, ctx, `[data-actions-results]:not([hidden])`); n != 0 {
		t.Errorf("an owner's page opened on the matching items, not its list")
	}
	// An owner the site does not have is said so, not silently dropped.
	do(t, ctx, chromedp.Navigate(base+"actions.html?owner=Nobody"), chromedp.WaitVisible(chromedp.CSS(`form[data-actions-filter]`)))
	if msg := eval[string](t, ctx, `document.querySelector('[data-actions-count]').textContent`); !strings.Contains(msg, "No owner “Nobody” here") {
		t.Errorf("owner=Nobody: %q", msg)
	}
	w.Check(t, "actions.html")
}

// matching selects the rows the filters drew.
const matching = `[data-actions-results] tr[data-state]`

// TestPages opens every kind of page and checks that none logs an error
// or requests anything from another host.
func TestPages(t *testing.T) {
	b := browser(t)
	base := serve(t, examplesSite(t))
	ctx, w := tab(t, b)
	for _, p := range []string{"index.html", kafka, "insights.html", "actions.html", "services/kafka.html", "tags/index.html", "search.html"} {
		do(t, ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("footer")), chromedp.Sleep(100*time.Millisecond))
		w.Check(t, p)
	}
}

// hostile is a postmortem whose front matter and body try to run scripts.
const hostile = `---
title: "Hostile <script>alert('title')</script>\"><svg onload=alert('svg')>"
date: 2024-05-01
status: published
severity: "<img src=x onerror=alert('sev')>"
authors: ["<script>alert('author')</script>"]
services: ["\"><svg onload=alert('service')>"]
tags: ["<script>alert('tag')</script>", "\"><svg onload=alert('tag2')>"]
summary: "hostile <img src=x onerror=alert('summary')>"
started: 2024-05-01T10:00:00Z
resolved: 2024-05-01T11:00:00Z
---

## Summary

hostile <script>alert('body')</script>

<img src=x onerror="alert('img')">

"><svg onload=alert('svgbody')>

[a link](javascript:alert('link')) and <a href="javascript:alert('raw')">raw</a>

## Action items

| Action | Owner | Ticket | Due | Status |
| --- | --- | --- | --- | --- |
| <script>alert('action')</script> hostile | <img src=x onerror=alert('owner')> | [T-1](javascript:alert('ticket')) | 2024-01-01 | open |
`

// TestHostile builds a site of a hostile postmortem and opens every page
// it is on: no script of its own runs.
func TestHostile(t *testing.T) {
	b := browser(t)
	dir := t.TempDir()
	for name, content := range map[string]string{
		".postmortem.yaml":                  "site:\n  title: \"<script>alert('site')</script>\"\n",
		"postmortems/2024-05-01-hostile.md": hostile,
		"postmortems/2024-04-01-plain.md":   "---\ntitle: Plain\ndate: 2024-04-01\n---\n\n## Summary\n\nNothing.\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base := serve(t, publish(t, dir, site.Options{}))
	ctx, w := tab(t, b)
	for _, p := range []string{"index.html", "postmortems/2024-05-01-hostile.html", "actions.html", "insights.html", "tags/index.html", "services/index.html", "search.html?q=hostile"} {
		do(t, ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("footer")))
		if strings.HasPrefix(p, "search.html") {
			do(t, ctx, waitResults("hostile"))
			if n := count(t, ctx, ".pm-search-result"); n == 0 {
				t.Errorf("the search does not find the hostile postmortem")
			}
		}
		do(t, ctx, chromedp.Sleep(200*time.Millisecond))
		for _, l := range eval[[]string](t, ctx, `Array.from(document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i], script:not([src])')).map(e => e.outerHTML)`) {
			t.Errorf("%s: %s", p, l)
		}
		w.Check(t, p)
	}
}

// TestLargeSite searches a generated repository of 1,000 postmortems
// (PM_E2E_DOCS sets another number) and reports what the first query
// downloads and how long a query takes.
func TestLargeSite(t *testing.T) {
	gen := filepath.Join("..", "..", "..", "shared", "bench", "gen-corpus")
	if _, err := os.Stat(gen); err != nil {
		t.Skip("no corpus generator:", err)
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3 to run the generator")
	}
	docs := 1000
	if n, err := strconv.Atoi(os.Getenv("PM_E2E_DOCS")); err == nil && n > 0 {
		docs = n
	}
	b := browser(t)
	repo := filepath.Join(t.TempDir(), "repo")
	if out, err := exec.Command(python, gen, "--docs", strconv.Itoa(docs), "--commits", "5", "--out", repo).CombinedOutput(); err != nil {
		t.Fatalf("gen-corpus: %v\n%s", err, out)
	}
	// The postmortem to find: one whose title ends in a made-up word, in
	// brackets, that no other postmortem has.
	files, _ := filepath.Glob(filepath.Join(repo, "postmortems", "*.md"))
	texts := make([]string, len(files))
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[i] = strings.ToLower(string(data))
	}
	var want, query string
	for i, text := range texts {
		open, end := strings.Index(text, "(")+1, strings.Index(text, ")\"\n")
		if open <= 0 || end < open || !strings.HasPrefix(text, "---\ntitle:") {
			continue
		}
		word, n := text[open:end], 0
		for _, other := range texts {
			if strings.Contains(other, word) {
				n++
			}
		}
		if n == 1 {
			want, query = files[i], word
			break
		}
	}
	if want == "" {
		t.Fatal("no postmortem with a word of its own in its title")
	}

	start := time.Now()
	out := publish(t, repo, site.Options{Drafts: true}) // few commits leave most drafts
	t.Logf("built %d postmortems in %.2fs", docs, time.Since(start).Seconds())
	var size int64
	filepath.WalkDir(filepath.Join(out, "search"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				size += info.Size()
			}
		}
		return nil
	})
	t.Logf("search folder (index, script, styles): %d KB", size/1024)

	base := serve(t, out)
	ctx, w := tab(t, b)
	do(t, ctx, chromedp.Navigate(base+"search.html"), chromedp.WaitVisible(chromedp.ID("pm-search-q")), chromedp.Sleep(100*time.Millisecond))
	pageBytes, _ := w.Received()
	w.Check(t, "search.html")
	do(t, ctx, typeQuery(query))
	got, n := w.Received()
	hrefs := results(t, ctx)
	stem := strings.TrimSuffix(filepath.Base(want), ".md")
	if len(hrefs) == 0 || !strings.Contains(hrefs[0], stem) {
		t.Errorf("%q: results %v, want %s first", query, hrefs, stem)
	}
	type timing struct {
		SearchMs float64 `json:"searchMs"`
		TotalMs  float64 `json:"totalMs"`
	}
	tm := eval[timing](t, ctx, `window.__pmSearchTiming`)
	t.Logf("search page and its files %.0f KB; first query %q: %.0f KB more in %d requests, search %.1f ms, with drawing %.1f ms",
		pageBytes/1024, query, got/1024, n, tm.SearchMs, tm.TotalMs)
	if got+pageBytes > 200*1024 {
		t.Errorf("the search page and first query downloaded %.0f KB", (got+pageBytes)/1024)
	}
	w.Check(t, "first query")

	// The action items page of a large site: a page of rows, not all of
	// them, and filters over every item, drawing a page of the matches.
	do(t, ctx, chromedp.Navigate(base+"actions.html"), chromedp.WaitVisible(chromedp.CSS(`form[data-actions-filter]`)))
	pageBytes, _ = w.Received()
	rows := count(t, ctx, `[data-actions-static] tr[data-state]`)
	t.Logf("actions.html: %.0f KB with its files, %d rows", pageBytes/1024, rows)
	if rows == 0 || rows > 500 {
		t.Errorf("actions.html of a large site shows %d rows", rows)
	}
	owner := eval[string](t, ctx, `document.querySelector('select[name="owner"]').options[1].value`)
	w.Reset()
	start = time.Now()
	do(t, ctx, choose(`select[name="owner"]`, owner), chromedp.WaitVisible(chromedp.CSS(matching)))
	got, _ = w.Received()
	t.Logf("filtering by owner: %.0f ms, the items' data %.0f KB, %d rows drawn", float64(time.Since(start).Microseconds())/1000, got/1024, count(t, ctx, matching))
	if others := count(t, ctx, fmt.Sprintf(`%s:not([data-owner=%q])`, matching, owner)); others != 0 {
		t.Errorf("owner=%s: %d rows of others shown", owner, others)
	}
	start = time.Now()
	do(t, ctx, choose(`select[name="owner"]`, ""), choose(`select[name="status"]`, "open"), chromedp.WaitVisible(chromedp.CSS(`[data-actions-results] nav.pager`)))
	t.Logf("filtering by status: %.0f ms, %d rows drawn", float64(time.Since(start).Microseconds())/1000, count(t, ctx, matching))
	if n := count(t, ctx, matching); n == 0 || n > 250 {
		t.Errorf("status=open on a large site: %d rows drawn, want a page of them", n)
	}
	w.Check(t, "actions.html")
}

// TestScreenshots saves screenshots of the pages in light and dark mode
// and at a phone's width into the folder PM_SCREENSHOTS names, for a
// person to look at; it skips without it.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("PM_SCREENSHOTS")
	if dir == "" {
		t.Skip("PM_SCREENSHOTS is not set")
	}
	b := browser(t)
	base := serve(t, examplesSite(t))
	ctx, _ := tab(t, b)
	pages := map[string]string{
		"index": "index.html", "postmortem": kafka, "search": "search.html?q=checkout",
		"actions": "actions.html", "insights": "insights.html",
	}
	for _, mode := range []struct {
		name   string
		dark   bool
		width  int64
		mobile bool
	}{{"light", false, 1200, false}, {"dark", true, 1200, false}, {"phone", false, 390, true}, {"phone-dark", true, 390, true}} {
		scheme := "light"
		if mode.dark {
			scheme = "dark"
		}
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: mode.width, Height: 900, DeviceScaleFactor: 1, Mobile: mode.mobile}); err != nil {
			t.Fatal(err)
		}
		for name, p := range pages {
			do(t, ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("footer")))
			if strings.HasPrefix(p, "search.html") {
				do(t, ctx, waitResults("checkout"))
			}
			do(t, ctx, chromedp.Sleep(200*time.Millisecond))
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name+"-"+mode.name+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
