package lint

import (
	"sync"
	"time"
	"unicode/utf8"

	"github.com/postmortem-dev/postmortem/lint/blameless"
	"github.com/postmortem-dev/postmortem/render"
	"github.com/postmortem-dev/postmortem/render/actions"
	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/render/timeline"
)

// Pass is what a rule sees of one document, and how it reports.
type Pass struct {
	Doc    *render.Document
	Config *config.Config
	// Errors are the problems found when parsing the document.
	Errors render.ErrorList
	// Repo holds what is known across the repository's postmortems.
	Repo *Repo
	// Now is the time of the run, for rules about the future.
	Now time.Time

	rule  *Rule
	state *docState
}

// docState holds what rules share about one document, computed once.
type docState struct {
	diags []Diagnostic

	timelineOnce sync.Once
	timeline     *timeline.Timeline
	actionsOnce  sync.Once
	actions      *actions.Items
	blameOnce    sync.Once
	blame        []blameMatch
}

// Report reports a finding of the pass's rule on the span from pos to end
// (end may be zero for a point).
func (p *Pass) Report(pos, end render.Pos, message, suggestion string) {
	if !pos.IsValid() {
		pos = render.Pos{Line: 1, Col: 1}
	}
	if !end.IsValid() || end.Before(pos) {
		end = pos
	}
	line, col := p.column(pos)
	endLine, endCol := p.column(end)
	p.state.diags = append(p.state.diags, Diagnostic{
		File: p.Doc.Path, Line: line, Column: col, EndLine: endLine, EndColumn: endCol,
		Rule: p.rule.Name, Message: message, Suggestion: suggestion,
	})
}

// column converts a byte position to a line and a column counted in
// characters.
func (p *Pass) column(pos render.Pos) (int, int) {
	off := p.Doc.LineOffset(pos.Line)
	if off < 0 {
		return pos.Line, pos.Col
	}
	end := off + pos.Col - 1
	if end > len(p.Doc.Source) {
		end = len(p.Doc.Source)
	}
	if end < off {
		return pos.Line, pos.Col
	}
	return pos.Line, utf8.RuneCount(p.Doc.Source[off:end]) + 1
}

// Timeline returns the document's timeline, read once for all rules.
func (p *Pass) Timeline() *timeline.Timeline {
	p.state.timelineOnce.Do(func() {
		p.state.timeline = timeline.Read(p.Doc, p.Config.SectionNames("Timeline")...)
	})
	return p.state.timeline
}

// Actions returns the document's action items, read once for all rules.
func (p *Pass) Actions() *actions.Items {
	p.state.actionsOnce.Do(func() {
		p.state.actions = actions.Read(p.Doc, append(p.Config.SectionNames("Action items"), actions.SectionNames...)...)
	})
	return p.state.actions
}

// blameMatch is a finding of the blameless detector, with its span in the
// file.
type blameMatch struct {
	blameless.Match
	pos, end render.Pos
}

// Blame returns the blameless detector's findings in the document's prose,
// computed once for the six blameless rules.
func (p *Pass) blameMatches() []blameMatch {
	p.state.blameOnce.Do(func() {
		if p.Repo.detector == nil {
			return
		}
		programs := codeWords(p.Doc)
		blocks := prose(p.Doc, p.Repo.detector.Candidate)
		for _, b := range blocks {
			programs = blameless.ProgramWords(b.text, programs)
		}
		for _, b := range blocks {
			for _, s := range blameless.Sentences(b.text) {
				for _, m := range p.Repo.detector.CheckIn(b.text[s.Start:s.End], programs) {
					start, end := b.source(s.Start+m.Start), b.source(s.Start+m.End)
					p.state.blame = append(p.state.blame, blameMatch{Match: m, pos: p.Doc.Pos(start), end: p.Doc.Pos(end)})
				}
			}
		}
	})
	return p.state.blame
}

// Draft reports whether the document is a draft: its status is the
// configuration's first. Drafts may be incomplete.
func (p *Pass) Draft() bool {
	return p.Doc.Meta.Status == p.Config.Draft()
}
