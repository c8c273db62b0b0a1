package site

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"

	"github.com/postmortem-dev/postmortem/render"
	"github.com/postmortem-dev/postmortem/site/history"
)

// assemble completes the model: each postmortem's history and the date it
// falls back to, drafts left out unless asked for, the order, and the
// services and tags. docs is filtered in place to the postmortems kept.
func assemble(s *Site, docs []*doc, h *history.History) []*doc {
	kept := docs[:0]
	for _, d := range docs {
		pm := d.pm
		if pm.Draft && !s.Drafts {
			continue
		}
		if h != nil {
			if f := h.Files[pm.RepoPath]; f != nil {
				addHistory(pm, f)
			}
		}
		if pm.Date == "" && pm.History != nil && !pm.History.Created.Date.IsZero() {
			pm.Date, pm.DateFrom = pm.History.Created.Date.Format(render.DateLayout), "git"
		}
		if len(pm.Date) >= 4 {
			pm.Year = pm.Date[:4]
		}
		kept = append(kept, d)
	}
	sort.Slice(kept, func(i, j int) bool { return newer(kept[i].pm, kept[j].pm) })
	s.Postmortems = make([]*Postmortem, len(kept))
	for i, d := range kept {
		s.Postmortems[i] = d.pm
	}
	s.Services = groups(s.Postmortems, func(p *Postmortem) []string { return p.Services })
	s.Tags = groups(s.Postmortems, func(p *Postmortem) []string { return p.Tags })
	return kept
}

// newer orders postmortems newest first; undated ones go last; then by
// title and path.
func newer(a, b *Postmortem) bool {
	if a.Date != b.Date {
		if a.Date == "" || b.Date == "" {
			return b.Date == ""
		}
		return a.Date > b.Date
	}
	if a.Title != b.Title {
		return a.Title < b.Title
	}
	return a.Path < b.Path
}

// addHistory sets a postmortem's history from git.
func addHistory(pm *Postmortem, f *history.File) {
	rev := func(r history.Revision) Revision {
		return Revision{Commit: r.Hash, Date: r.Date, Author: name(r.Author), Subject: r.Subject}
	}
	if len(f.Revisions) == 0 {
		if f.Dirty {
			pm.History = &History{Dirty: true, Contributors: []string{}}
		}
		return
	}
	hs := &History{
		Created:      rev(f.Created),
		Updated:      rev(f.Updated),
		Revisions:    len(f.Revisions),
		Contributors: make([]string, 0, len(f.Contributors)),
		Dirty:        f.Dirty,
	}
	for _, c := range f.Contributors {
		hs.Contributors = append(hs.Contributors, name(c))
	}
	pm.History = hs
	pm.Revisions = make([]Revision, len(f.Revisions))
	for i, r := range f.Revisions {
		pm.Revisions[i] = rev(r)
	}
}

// name returns a person's name, or their address's local part when the
// name is empty: addresses are not published.
func name(p history.Person) string {
	if p.Name != "" {
		return p.Name
	}
	local, _, _ := strings.Cut(p.Email, "@")
	return local
}

// groups groups postmortems (already in order) by the values that key
// returns, values that have the same slug together.
func groups(pms []*Postmortem, key func(*Postmortem) []string) []*Group {
	type acc struct {
		g        *Group
		spelling map[string]int
	}
	bySlug := map[string]*acc{}
	for _, pm := range pms {
		seen := map[string]bool{}
		for _, v := range key(pm) {
			slug := groupSlug(v)
			a := bySlug[slug]
			if a == nil {
				a = &acc{g: &Group{Page: slug}, spelling: map[string]int{}}
				bySlug[slug] = a
			}
			a.spelling[v]++
			if !seen[slug] {
				seen[slug] = true
				a.g.Postmortems = append(a.g.Postmortems, pm)
			}
		}
	}
	out := make([]*Group, 0, len(bySlug))
	for _, a := range bySlug {
		best := ""
		for v, n := range a.spelling {
			if best == "" || n > a.spelling[best] || n == a.spelling[best] && v < best {
				best = v
			}
		}
		a.g.Name = best
		out = append(out, a.g)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := strings.ToLower(render.Fold(out[i].Name)), strings.ToLower(render.Fold(out[j].Name))
		if a != b {
			return a < b
		}
		return out[i].Page < out[j].Page
	})
	return out
}

// groupSlug returns the page name of a service or tag: its slug, or, for a
// name without letters or digits that fold to ASCII, a hash of it.
func groupSlug(v string) string {
	if s := render.Slug(v); s != "" && s != "index" {
		return s
	}
	sum := sha256.Sum256([]byte(v))
	return "x-" + hex.EncodeToString(sum[:5])
}
