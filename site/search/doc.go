// Package search is the site's full-text search: an index built in Go and
// a small script of our own that queries it in the browser, with no
// library, no server and no request outside the site. The index is split
// into shards that a page fetches on demand, so that a search of a large
// site reads a small part of it.
//
// # Files
//
// Build takes the postmortems as Docs and returns the index's files, and
// Assets the script and its styles, all by paths relative to Dir, the
// folder "search" under the site's root:
//
//	search/search.js            the script (Assets)
//	search/search.css           the styles of the results (Assets)
//	search/meta.js              the number of shards, filter values, the data folder
//	search/<hash>/t/<n>.js      shard n of the dictionary, about 16 KB: the keys
//	                            whose FNV-1a hash is n modulo the number of shards
//	search/<hash>/d/<p>.js      documents 4p to 4p+3: each one's fields and
//	                            text, deflated
//	search/<hash>/words.js      the 4,000 most frequent words, for "Did you
//	                            mean ...?" when a query finds nothing
//
// Each data file is a script that calls __pmsearch(name, data), so that it
// loads with a <script> tag from file:// as well as over http (Chromium
// refuses fetch on file://). The name is "meta", "t/<n>", or "d" for every
// file of documents, whose bytes depend on its documents only; the script
// knows each file by the element that loads it. The data folder is named by a hash of its
// contents, so that a browser never mixes the files of two builds; only
// meta.js keeps its name, and should be served with revalidation. The
// script finds the index next to itself (document.currentScript) and the
// site's root in the folder above, so the site works at a domain's root,
// under a sub-path and from the file system. A Doc's URL is relative to
// that root.
//
// # The page
//
// A page gets the search with three pieces of HTML, which HeadHTML,
// FormHTML and ResultsHTML write (root is the path from the page to the
// site's root, "" or "../"):
//
//	<link rel="stylesheet" href="{root}search/search.css">
//	<script src="{root}search/search.js" defer></script>
//
//	<form role="search" class="pm-search" action="{root}search.html" data-pm-search>
//	<label for="pm-search-q">Search postmortems</label>
//	<input type="search" id="pm-search-q" name="q" placeholder="Search · press /" autocomplete="off" spellcheck="false">
//	</form>
//
//	<div class="pm-search-filters" data-pm-search-filters></div>
//	<div class="pm-search-out" data-pm-search-results></div>
//
// The form may be on every page; "/" focuses its box. On a page with an
// element data-pm-search-results (the search page, PagePath, or any page
// that wants results as one types), the script shows results as one types:
// title, date, severity, services and a snippet with the matched words in
// <mark>, and a live region with their count. The arrow keys move through
// the results, Enter opens one, Escape clears. The query is kept in the
// page's URL (search.html?q=kafka+timeout), and a page opened with ?q=
// shows its results. In an element data-pm-search-filters, the script
// draws a select per filter field, kept in step with the box: choosing
// "SEV1" writes severity:SEV1 into the query. On a page without a results
// element, the form is a plain GET form to the search page, which works
// without JavaScript too. The script builds its DOM from text nodes, never
// from markup, and needs no 'unsafe-inline' or 'unsafe-eval' in the
// Content-Security-Policy: script-src 'self' is enough.
//
// # Ranking and matching
//
// Ranking is BM25F over the title, the summary, the body and the metadata
// (services, tags, authors and id): a key's score in a field saturates
// quickly, and one occurrence in the title counts about three times the
// most the body can give. A key's score in a document is computed at build
// time and stored as a 5-bit impact (at least 3 in the title, 2 in the
// summary or metadata); the browser weighs it by the key's rarity, BM25's
// inverse document frequency computed from the length of its list, as a
// small integer. A document's impacts depend on nothing but its own words
// (and the fields' average lengths, rounded), and documents are numbered
// oldest first, so that a rebuild after a few postmortems changed
// rewrites the lists of their words only (see Cache).
// Words are folded (render.Fold), lower case and stemmed (Stem). The
// documents found have every word of the query; when none has them all,
// those with some are shown, more of the words first, and the page says
// so. They rank by the sum of their impacts; pairs of neighbouring query
// words add the impact of the pair
// where the document has them side by side, so that a title typed whole
// finds its document. Pairs answer phrases too, which the script checks
// against the text when they are longer than two words. Prefixes of words
// answer the word being typed, their longer words counting a quarter, and
// only the 200 documents where they score best. "!field:value" keys answer
// filters. ParseQuery documents the query syntax; search.js implements the
// same, and the tests hold the two to the same answers.
package search
