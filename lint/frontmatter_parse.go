package lint

import "github.com/postmortem-dev/postmortem/render"

// reportParseErrors reports the document's parse errors with one of codes.
func reportParseErrors(p *Pass, suggestion string, codes ...string) {
	for _, e := range p.Errors {
		for _, c := range codes {
			if e.Code == c {
				p.Report(e.Pos, render.Pos{}, e.Msg, suggestion)
			}
		}
	}
}

// FrontmatterUnterminated reports front matter without a closing ---.
var FrontmatterUnterminated = &Rule{
	Name:     "frontmatter/unterminated",
	Doc:      "front matter opened with --- is never closed",
	Severity: Error,
	Explain: `The front matter starts with a line --- and must end with another line ---
(or ...). Without it, the whole file would be read as YAML, so it is read as
Markdown instead and its metadata is lost.

    ---
    title: Checkout errors
    date: 2025-03-12
    ---            <- this line is missing`,
	Run: func(p *Pass) {
		reportParseErrors(p, "add a line --- after the last front matter field", render.CodeUnterminated)
	},
}

// FrontmatterYAML reports front matter that is not valid YAML.
var FrontmatterYAML = &Rule{
	Name:     "frontmatter/yaml",
	Doc:      "front matter is not valid YAML, or not key: value pairs",
	Severity: Error,
	Explain: `The front matter must be a YAML mapping of key: value pairs. A value with a
colon, a # or brackets in it needs quotes.

    title: Checkout: errors       # invalid
    title: "Checkout: errors"     # valid`,
	Run: func(p *Pass) {
		reportParseErrors(p, "", render.CodeYAML, render.CodeNotMapping)
	},
}

// FrontmatterDuplicateKey reports a front matter field given twice.
var FrontmatterDuplicateKey = &Rule{
	Name:     "frontmatter/duplicate-key",
	Doc:      "a front matter field is given twice",
	Severity: Error,
	Explain: `Each field may appear once; with a mapped field name (fields: in
.postmortem.yaml), the field's own name and the mapped one are the same
field. Only the first is used.`,
	Run: func(p *Pass) {
		reportParseErrors(p, "keep one of them", render.CodeDuplicateKey)
	},
}

// FrontmatterType reports a field whose value has the wrong type.
var FrontmatterType = &Rule{
	Name:     "frontmatter/type",
	Doc:      "a front matter field has a value of the wrong type",
	Severity: Error,
	Explain: `title, status, severity, summary and id are strings; authors, services and
tags are lists of strings.

    authors: [Dana Okafor, Priya Raman]
    services:
      - orders-api`,
	Run: func(p *Pass) {
		reportParseErrors(p, "", render.CodeType)
	},
}

// FrontmatterDate reports a date or timestamp that does not parse.
var FrontmatterDate = &Rule{
	Name:     "frontmatter/date",
	Doc:      "a date or timestamp in the front matter does not parse",
	Severity: Error,
	Explain: `date is the incident's date as YYYY-MM-DD; started, detected, mitigated and
resolved are RFC 3339 timestamps with a zone.

    date: 2025-03-12
    started: 2025-03-12T14:02:00Z
    detected: 2025-03-12T15:09:00+01:00`,
	Run: func(p *Pass) {
		reportParseErrors(p, "", render.CodeDate)
	},
}

// DocumentEncoding reports bytes that are not UTF-8.
var DocumentEncoding = &Rule{
	Name:     "document/encoding",
	Doc:      "the file is not valid UTF-8",
	Severity: Error,
	Explain: `Postmortems are UTF-8 text. A file saved in another encoding (Latin-1,
Windows-1252, UTF-16) shows accented names and quotes as garbage on the
site; save it as UTF-8.`,
	Run: func(p *Pass) {
		reportParseErrors(p, "", render.CodeEncoding) // the message says to save it as UTF-8
	},
}
