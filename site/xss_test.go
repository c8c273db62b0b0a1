package site

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// hostile is a postmortem whose every field tries to run a script.
const hostile = `---
title: "<script>alert('title')</script>\"><svg onload=alert(1)>"
date: 2024-05-01
status: published
severity: "<img src=x onerror=alert('sev')>"
authors: ["<script>alert('author')</script>"]
services: ["\"><svg onload=alert('service')>", "javascript:alert(1)"]
tags: ["<script>alert('tag')</script>", "\" onmouseover=\"alert(1)"]
summary: "<b onclick=alert('summary')>bold</b>"
started: 2024-05-01T10:00:00Z
resolved: 2024-05-01T11:00:00Z
---

# <script>alert('heading')</script>

## Summary

<script>alert('body')</script>

<img src=x onerror="alert('img')">

Inline <span onmouseover="alert('span')">html</span> and <iframe src="javascript:alert(1)"></iframe>.

[a link](javascript:alert('link')) and [another](JaVaScRiPt:alert(1)) and <javascript:alert('auto')>
and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and [vb](vbscript:msgbox(1)).

![image](javascript:alert('image'))

[ref link][r]

[r]: javascript:alert('ref')

## Action items

| Action | Owner | Ticket | Due | Status |
| --- | --- | --- | --- | --- |
| <script>alert('action')</script> | <img src=x onerror=alert('owner')> | [T-1](javascript:alert('ticket')) | 2024-01-01 | "><svg onload=alert(1)> |
| [click](javascript:alert('cell')) | "><svg onload=alert('o')> | javascript:alert('bare') | 2024-01-01 | open |

- [ ] "><svg onload=alert('task')> — owner: <b onclick=alert(1)>x</b>, ticket: [T-2](javascript:alert(2)), due: 2024-01-02
`

// TestHostileDocument builds a site of a hostile postmortem and checks
// every page, feed and the JSON: no script element, no event-handler
// attribute, no javascript: URL, anywhere.
func TestHostileDocument(t *testing.T) {
	dir := t.TempDir()
	r := newRepo(t, dir)
	r.commit("<script>alert('git')</script> \"><svg onload=alert(1)>", "<script>alert('subject')</script>\n", map[string]string{
		"postmortems/2024-05-01-hostile.md": hostile,
	})
	cfg := loadConfig(t, dir)
	cfg.Site.Title = "<script>alert('site')</script>"
	cfg.Site.RepoURL = "https://example.com/\"><script>alert(1)</script>"
	_, files := build(t, cfg, Options{BaseURL: "https://example.com/"})
	for name, data := range files {
		switch {
		case strings.HasSuffix(name, ".html"):
			checkHTML(t, name, data)
		case strings.HasSuffix(name, ".xml"), strings.HasSuffix(name, ".json"):
			// Text formats: the markup must be escaped, never raw.
			for _, bad := range []string{"<script", "<svg", "<img", "<b "} {
				if bytes.Contains(bytes.ToLower(data), []byte(bad)) {
					t.Errorf("%s holds %s unescaped", name, bad)
				}
			}
		}
	}
	if acts := string(files["actions.html"]); strings.Count(acts, `<tr class="overdue"`) != 3 || !strings.Contains(acts, `<td class="owner">&lt;img src=x onerror=alert(&#39;owner&#39;)&gt;</td>`) {
		t.Errorf("actions.html does not list the three hostile action items, escaped")
	}
	page := string(files["postmortems/2024-05-01-hostile.html"])
	if !strings.Contains(page, "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;") && !strings.Contains(page, "<!-- raw HTML omitted -->") {
		t.Errorf("the body's raw HTML is neither escaped nor omitted")
	}
}

// checkHTML fails on any script element, event-handler attribute or
// javascript:, vbscript: or data:text URL in a page.
func checkHTML(t *testing.T, name string, data []byte) {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script":
			if !ownScript(tok) {
				t.Errorf("%s: a <script> element that is not one of the site's own: %s", name, tok)
			} else if z.Next() != html.EndTagToken {
				t.Errorf("%s: a <script> element with content", name)
			}
		case "iframe", "object", "embed":
			t.Errorf("%s: a <%s> element", name, tok.Data)
		}
		for _, a := range tok.Attr {
			key := strings.ToLower(a.Key)
			if strings.HasPrefix(key, "on") {
				t.Errorf("%s: <%s %s=%q>: an event handler", name, tok.Data, a.Key, a.Val)
			}
			v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if key == "href" || key == "src" || key == "action" || key == "formaction" || key == "xlink:href" {
				for _, scheme := range []string{"javascript:", "vbscript:", "data:text"} {
					if strings.HasPrefix(v, scheme) {
						t.Errorf("%s: <%s %s=%q>: a %s URL", name, tok.Data, a.Key, a.Val, scheme)
					}
				}
			}
		}
	}
}

// TestAllowHTML passes raw HTML through when the repository trusts its
// writers, and only then.
func TestAllowHTML(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"postmortems/2024-05-01-x.md": "---\ntitle: X\n---\n\n<kbd>Ctrl</kbd> and <details><summary>More</summary>hidden</details>\n",
	})
	cfg := loadConfig(t, dir)
	_, files := build(t, cfg, Options{})
	if page := string(files["postmortems/2024-05-01-x.html"]); strings.Contains(page, "<kbd>") {
		t.Errorf("raw HTML passed through without allow_html")
	}
	cfg.Site.AllowHTML = true
	_, files = build(t, cfg, Options{})
	if page := string(files["postmortems/2024-05-01-x.html"]); !strings.Contains(page, "<kbd>Ctrl</kbd>") || !strings.Contains(page, "<details>") {
		t.Errorf("raw HTML left out with allow_html")
	}
}

// ownScripts are the scripts of the site, by name.
var ownScripts = map[string]bool{"actions.js": true, "filters.js": true, "search.js": true}

// ownScript reports whether a <script> element loads one of the site's own
// scripts, by a relative src, and nothing else.
func ownScript(tok html.Token) bool {
	src := ""
	for _, a := range tok.Attr {
		switch a.Key {
		case "src":
			src = a.Val
		case "defer", "async":
		default:
			return false
		}
	}
	if src == "" || strings.Contains(src, ":") || strings.HasPrefix(src, "/") {
		return false
	}
	return ownScripts[src[strings.LastIndexByte(src, '/')+1:]]
}
