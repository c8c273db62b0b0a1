// Package browsertest is what the site's browser tests share: it starts
// Debian's Chromium headless, with the flags that keep it off the network,
// and watches what a tab does (requests, bytes, console errors, exceptions,
// dialogs) so that a test can fail on any of them. It is for tests only.
package browsertest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Chromium is where Debian's chromium package puts the browser.
const Chromium = "/usr/bin/chromium"

// Require skips the test when there is no Chromium, or fails it when the
// environment variable CI is set, so that CI cannot pass by skipping.
func Require(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(Chromium); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set and there is no %s: %v", Chromium, err)
		}
		t.Skipf("no browser: %v", err)
	}
}

// Start starts a headless Chromium with its profile in dir and a window
// width pixels wide; cancel stops it. The flags keep it from reaching
// hosts this network does not have.
func Start(dir string, width int) (ctx context.Context, cancel func(), err error) {
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(Chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(dir),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.WindowSize(width, 900),
	)
	ctx, cancelCtx := chromedp.NewContext(actx)
	cancel = func() { cancelCtx(); cancelAlloc() }
	if err := chromedp.Do(ctx); err != nil { // start the browser
		cancel()
		return nil, nil, err
	}
	return ctx, cancel, nil
}

// A Watch is what a tab did: its requests, the bytes received, the
// problems it logged and the dialogs its scripts opened.
type Watch struct {
	mu       sync.Mutex
	urls     map[network.RequestID]string  // since the last Take
	bytes    map[network.RequestID]float64 // since the last Take, Reset or Check
	requests []string                      // since the last Check
	problems []string
	dialogs  []string
}

// Open opens a new tab of browser, closed when the test ends, and watches
// it.
func Open(t testing.TB, browser context.Context) (context.Context, *Watch) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	return ctx, Listen(t, ctx)
}

// Listen watches the tab of ctx, with the browser's cache off, from now on.
// Dialogs are answered, so that a script that opens one does not hang.
func Listen(t testing.TB, ctx context.Context) *Watch {
	t.Helper()
	w := &Watch{urls: map[network.RequestID]string{}, bytes: map[network.RequestID]float64{}}
	err := chromedp.Listen(ctx, func(ev any) {
		w.mu.Lock()
		defer w.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			w.urls[ev.RequestID] = ev.Request.URL
			w.requests = append(w.requests, ev.Request.URL)
		case *network.EventLoadingFinished:
			w.bytes[ev.RequestID] = ev.EncodedDataLength
		case *network.EventLoadingFailed:
			w.problems = append(w.problems, fmt.Sprintf("request failed: %s: %s", w.urls[ev.RequestID], ev.ErrorText))
		case *runtime.EventConsoleAPICalled:
			if ev.Type == "error" || ev.Type == "warning" || ev.Type == "assert" {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				w.problems = append(w.problems, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			w.problems = append(w.problems, fmt.Sprintf("exception: %s at %s:%d", msg, d.URL, d.LineNumber))
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError || ev.Entry.Level == cdplog.EntryLevelWarning {
				w.problems = append(w.problems, fmt.Sprintf("log %s: %s %s", ev.Entry.Level, ev.Entry.Text, ev.Entry.URL))
			}
		case *page.EventJavascriptDialogOpening:
			w.dialogs = append(w.dialogs, ev.Message)
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, cdplog.Enable, struct{}{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, runtime.Enable, struct{}{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
	return w
}

// Check fails the test on problems, dialogs and requests that leave
// 127.0.0.1 (or the file system) since the last Check, and forgets them;
// what names the page or the step in the messages.
func (w *Watch) Check(t testing.TB, what string) {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, p := range w.problems {
		t.Errorf("%s: %s", what, p)
	}
	for _, d := range w.dialogs {
		t.Errorf("%s: a script opened a dialog: %q", what, d)
	}
	for _, r := range w.requests {
		u, err := url.Parse(r)
		if err != nil || !(u.Scheme == "file" || u.Scheme == "data" || u.Scheme == "about" || (u.Scheme == "http" && u.Hostname() == "127.0.0.1")) {
			t.Errorf("%s: a request leaves 127.0.0.1: %s", what, r)
		}
	}
	w.problems, w.dialogs, w.requests = nil, nil, nil
	clear(w.bytes)
}

// Received returns the bytes received, and in how many responses, since
// the last Check, Reset or Take.
func (w *Watch) Received() (total float64, n int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, b := range w.bytes {
		total += b
		n++
	}
	return total, n
}

// Reset forgets the bytes received.
func (w *Watch) Reset() {
	w.mu.Lock()
	defer w.mu.Unlock()
	clear(w.bytes)
}

// Take returns the requests made and the bytes received since the last
// Take, but for pages (.html), and forgets them.
func (w *Watch) Take() (urls []string, bytes int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for id, u := range w.urls {
		if strings.HasSuffix(strings.SplitN(u, "?", 2)[0], ".html") {
			continue
		}
		urls = append(urls, u)
		bytes += int(w.bytes[id])
	}
	clear(w.urls)
	clear(w.bytes)
	return urls, bytes
}
