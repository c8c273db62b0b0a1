// Package render parses postmortems and renders them.
//
// A postmortem is a Markdown file with optional YAML front matter. Parse reads
// it once into a Document that every other part of the tool shares: the front
// matter with the position of each value, typed metadata with documented
// fallbacks, the goldmark syntax tree, the sections, and HTML rendering.
//
// The package is pure: bytes in, documents and HTML out. It never touches the
// file system or git. Positions always refer to the original file, front
// matter included: lines are 1-based, columns are 1-based byte offsets within
// the line (a UTF-8 byte-order mark is not counted).
package render
