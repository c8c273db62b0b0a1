package actions

import (
	"fmt"
	"strings"
	"testing"

	"github.com/postmortem-dev/postmortem/render"
)

func describe(it Item) string {
	due := it.Due
	if !it.DueDate.IsZero() {
		due = it.DueDate.Format("2006-01-02")
	}
	if it.DueErr != "" {
		due = "error(" + it.DueErr + ")"
	}
	return fmt.Sprintf("%s %s %q owner=%q@%s ticket=%q url=%q due=%s@%s status=%q done=%v",
		it.Pos, it.Form, it.Text, it.Owner, it.OwnerPos, it.Ticket, it.TicketURL, due, it.DuePos, it.Status, it.Done)
}

func TestRead(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"table", "## Action items\n\n| Action | Owner | Ticket | Due | Status |\n| --- | --- | --- | --- | --- |\n| Add a schema check | Priya Raman | [ORD-1412](https://t.example/ORD-1412) | 2025-04-15 | done |\n| Page on lag | @sam | OPS-9 | soon | open |\n|  |  |  |  | open |\n", []string{
			`5:3 table "Add a schema check" owner="Priya Raman"@5:24 ticket="ORD-1412" url="https://t.example/ORD-1412" due=2025-04-15@5:79 status="done" done=true`,
			`6:3 table "Page on lag" owner="@sam"@6:17 ticket="OPS-9" url="" due=error(the due date "soon" does not parse; write YYYY-MM-DD)@6:32 status="open" done=false`,
		}},
		{"columns in another order, synonyms", "## Follow-ups\n\n| Assignee | Task | Jira | Deadline |\n|--|--|--|--|\n| Ana | Rotate keys | SEC-1 | 3 Jan 2026 |\n", []string{
			`5:3 table "Rotate keys" owner="Ana"@5:3 ticket="SEC-1" url="" due=2026-01-03@5:31 status="" done=false`,
		}},
		{"task list", "## Action items\n\n- [ ] Add alert on lag — owner: Mei Zhang, ticket: [OPS-12](https://t.example/OPS-12), due: 2026-01-10\n- [x] Raise the pool size (@kavya, OPS-13)\n", []string{
			`3:3 task "Add alert on lag — owner: Mei Zhang, ticket: OPS-12, due: 2026-01-10" owner="Mei Zhang"@3:35 ticket="OPS-12" url="https://t.example/OPS-12" due=2026-01-10@3:95 status="[ ]" done=false`,
			`4:3 task "Raise the pool size (@kavya, OPS-13)" owner="kavya"@4:3 ticket="OPS-13" url="" due=@- status="[x]" done=true`,
		}},
		{"plain list", "## Action Items\n\n- Reflect on how announcements can be more visible.\n- Setup alerting for KIAM\n  - See https://github.com/uswitch/kiam.\n", []string{
			`3:3 list "Reflect on how announcements can be more visible." owner=""@- ticket="" url="" due=@- status="" done=false`,
			`4:3 list "Setup alerting for KIAM" owner=""@- ticket="" url="" due=@- status="" done=false`,
		}},
		{"no section", "## Summary\n\nx\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := render.Parse("a.md", []byte(tc.src), render.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, it := range Read(d).Items {
				got = append(got, describe(it))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// FuzzRead checks that reading action items never panics and positions
// stay in the file.
func FuzzRead(f *testing.F) {
	f.Add("## Action items\n\n| Action | Owner | Due |\n|--|--|--|\n| x | y | 2025-01-01 |\n")
	f.Add("## Action items\n- [x] a — owner: b, due: c\n- [ ] @d [T-1](http://t)\n")
	f.Fuzz(func(t *testing.T, src string) {
		d, _ := render.Parse("f.md", []byte(src), render.Options{})
		lines := strings.Count(string(d.Source), "\n") + 1
		for _, it := range Read(d).Items {
			for _, p := range []render.Pos{it.Pos, it.OwnerPos, it.DuePos} {
				if p.Line > lines {
					t.Errorf("item %s outside %d lines", describe(it), lines)
				}
			}
		}
	})
}
