// Package search builds the index of the site's full-text search: a
// dictionary of words split into shards that a page fetches on demand, so
// that a search of a large site reads little of it.
//
// Build takes the postmortems as Docs and returns the index's files:
//
//	meta.js             shard boundaries, filter values, the data folder
//	<hash>/t/<n>.js     shard n of the dictionary, about 32 KB
//	<hash>/d/<n>.js     document n: its fields and text, deflated
//
// Each file is a script that calls __pmsearch(name, data), so that it loads
// with a <script> tag from file:// as well as over http. The data folder is
// named by a hash of its contents, so that a browser never mixes the files
// of two builds. Ranking is BM25F over the title, the summary, the body and
// the metadata (services, tags, authors and id), with the title and summary
// weighted above the body; its scores are computed at build time and stored
// per word and document in 5 bits. Words are folded (render.Fold), lower
// case and stemmed (Stem). Pairs of neighbouring words answer phrases;
// prefixes of words answer the word being typed; "!field:value" keys answer
// filters. ParseQuery documents the query syntax.
package search
