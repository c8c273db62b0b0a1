package search

import (
	_ "embed"
	"html/template"
)

// Dir is the folder, under the site's root, that holds the index and the
// assets. search.js finds the site's root as the folder above its own.
const Dir = "search"

// PagePath is the path, from the site's root, of the search page that
// FormHTML's form is sent to when the page it is on shows no results.
const PagePath = "search.html"

var (
	//go:embed search.js
	searchJS []byte
	//go:embed search.css
	searchCSS []byte
)

// Assets returns the files of the search that do not depend on the
// documents, by their paths relative to Dir: search.js, the script, and
// search.css, the styles of the results. The site writes them next to
// Build's files.
func Assets() map[string][]byte {
	return map[string][]byte{
		"search.js":  append([]byte(nil), searchJS...),
		"search.css": append([]byte(nil), searchCSS...),
	}
}

// HeadHTML returns the elements a page's <head> needs for the search: the
// stylesheet and the script, deferred. root is the relative path from the
// page to the site's root: "" for a page at the root, "../" one folder down.
func HeadHTML(root string) template.HTML {
	r := template.HTMLEscapeString(root)
	return template.HTML(`<link rel="stylesheet" href="` + r + Dir + `/search.css">` + "\n" +
		`<script src="` + r + Dir + `/search.js" defer></script>`)
}

// FormHTML returns the search box: a labelled search input in a GET form to
// the search page, so that it works without JavaScript too. root is as for
// HeadHTML. One form per page: its id is fixed.
func FormHTML(root string) template.HTML {
	r := template.HTMLEscapeString(root)
	return template.HTML(`<form role="search" class="pm-search" action="` + r + PagePath + `" data-pm-search>` + "\n" +
		`<label for="pm-search-q">Search postmortems</label>` + "\n" +
		`<input type="search" id="pm-search-q" name="q" placeholder="Search · press /" autocomplete="off" spellcheck="false">` + "\n" +
		`</form>`)
}

// ResultsHTML returns what the search page holds below the box: the filter
// controls, which search.js fills from the index, and the results.
func ResultsHTML() template.HTML {
	return template.HTML(`<div class="pm-search-filters" data-pm-search-filters></div>` + "\n" +
		`<div class="pm-search-out" data-pm-search-results></div>`)
}
