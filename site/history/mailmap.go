package history

import (
	"strings"
)

// mailmap maps commit identities to canonical ones, as git's .mailmap does.
type mailmap struct {
	byEmail     map[string]mailmapEntry // key: lowercased commit e-mail
	byNameEmail map[[2]string]mailmapEntry
}

type mailmapEntry struct{ name, email string } // empty: keep the commit's

// parseMailmap reads a .mailmap file. It understands git's four forms:
//
//	Proper Name <commit@email>
//	<proper@email> <commit@email>
//	Proper Name <proper@email> <commit@email>
//	Proper Name <proper@email> Commit Name <commit@email>
//
// and "#" comments. Lines it cannot read are skipped, as git skips them.
func parseMailmap(b []byte) *mailmap {
	m := &mailmap{byEmail: map[string]mailmapEntry{}, byNameEmail: map[[2]string]mailmapEntry{}}
	for line := range strings.SplitSeq(string(b), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		name1, email1, rest, ok := nameEmail(line)
		if !ok {
			continue
		}
		name2, email2, _, ok := nameEmail(rest)
		if !ok { // Proper Name <commit@email>
			if name1 != "" {
				m.add("", email1, mailmapEntry{name: name1})
			}
			continue
		}
		m.add(name2, email2, mailmapEntry{name: name1, email: email1})
	}
	return m
}

// nameEmail parses "Name <email>" at the start of s.
func nameEmail(s string) (name, email, rest string, ok bool) {
	i := strings.IndexByte(s, '<')
	if i < 0 {
		return "", "", "", false
	}
	j := strings.IndexByte(s[i:], '>')
	if j < 0 {
		return "", "", "", false
	}
	return strings.TrimSpace(s[:i]), s[i+1 : i+j], s[i+j+1:], true
}

func (m *mailmap) add(name, email string, e mailmapEntry) {
	email = strings.ToLower(email)
	if name == "" {
		old := m.byEmail[email]
		m.byEmail[email] = merged(old, e)
		return
	}
	k := [2]string{strings.ToLower(name), email}
	m.byNameEmail[k] = merged(m.byNameEmail[k], e)
}

// merged lets a later line complete an earlier one, as git does.
func merged(old, e mailmapEntry) mailmapEntry {
	if e.name == "" {
		e.name = old.name
	}
	if e.email == "" {
		e.email = old.email
	}
	return e
}

// apply returns the canonical identity of p.
func (m *mailmap) apply(p Person) Person {
	if m == nil {
		return p
	}
	email := strings.ToLower(p.Email)
	e, ok := m.byNameEmail[[2]string{strings.ToLower(p.Name), email}]
	if !ok {
		e, ok = m.byEmail[email]
	}
	if !ok {
		return p
	}
	if e.name != "" {
		p.Name = e.name
	}
	if e.email != "" {
		p.Email = e.email
	}
	return p
}
