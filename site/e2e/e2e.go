// Package e2e holds the end-to-end tests of the site in a real browser:
// headless Chromium, driven from Go through the DevTools protocol with
// chromedp. The tests build sites (the examples, a generated repository of
// a thousand postmortems, and a hostile one), serve them on 127.0.0.1
// under a sub-path, and check the search, the filters of the action items
// page, that no page logs an error or sends a request off the machine, and
// that no injected script runs. They skip when /usr/bin/chromium is
// missing, unless the environment variable CI is set.
package e2e
