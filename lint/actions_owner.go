package lint

// ActionsOwner reports an action item without an owner.
var ActionsOwner = &Rule{
	Name:     "actions/owner",
	Doc:      "an action item has no owner",
	Severity: Warning,
	Explain: `An action item without an owner is rarely done. Name a person or a team: in
the Owner column of a table, or inline in a list ("owner: Priya Raman" or
an @handle).

    | Add a schema check to the migration linter | Priya Raman | ORD-1412 | 2025-04-15 | open |
    - [ ] Add a schema check — owner: Priya Raman, ticket: ORD-1412, due: 2025-04-15`,
	Run: func(p *Pass) {
		for _, it := range p.Actions().Items {
			if it.Owner == "" {
				p.Report(it.Pos, endOf(it.Pos, firstLine(it.Text)), "action item has no owner", "name a person or a team that will do it")
			}
		}
	},
}

// ActionsTicket reports an action item without a ticket or link.
var ActionsTicket = &Rule{
	Name:     "actions/ticket",
	Doc:      "an action item has no ticket or link",
	Severity: Warning,
	Explain: `An action item is tracked where the team tracks work: give its ticket, as a
link or a key (OPS-1234), in the Ticket column of a table or inline in a
list.`,
	Run: func(p *Pass) {
		for _, it := range p.Actions().Items {
			if it.Ticket == "" && it.TicketURL == "" {
				p.Report(it.Pos, endOf(it.Pos, firstLine(it.Text)), "action item has no ticket or link", "add the ticket that tracks it")
			}
		}
	},
}

// ActionsDue reports a due date that does not parse.
var ActionsDue = &Rule{
	Name:     "actions/due",
	Doc:      "an action item's due date does not parse",
	Severity: Error,
	Explain: `Due dates are written YYYY-MM-DD, so that the site can tell which action
items are overdue. "TBD" or an empty cell means no due date.`,
	Run: func(p *Pass) {
		for _, it := range p.Actions().Items {
			if it.DueErr != "" {
				p.Report(it.DuePos, endOf(it.DuePos, it.Due), it.DueErr, "")
			}
		}
	},
}

// firstLine returns the first line of s, for the end of a span.
func firstLine(s string) string {
	for i, c := range s {
		if c == '\n' {
			return s[:i]
		}
	}
	return s
}
