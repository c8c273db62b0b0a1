package lint

import "github.com/postmortem-dev/postmortem/lint/blameless"

// blamelessRule makes the rule of one category of the blameless detector.
func blamelessRule(c blameless.Category, sev Severity, doc, explain string) *Rule {
	return &Rule{
		Name:     "blameless/" + string(c),
		Doc:      doc,
		Explain:  explain + blamelessNote,
		Severity: sev,
		Run: func(p *Pass) {
			for _, m := range p.blameMatches() {
				if m.Category == c {
					p.Report(m.pos, m.end, m.Message, m.Suggestion)
				}
			}
		},
	}
}

const blamelessNote = `

Code spans, code blocks, block quotes (verbatim chat logs), headings, URLs
and front matter are not checked. To keep a sentence as it is, put
<!-- postmortem-lint disable-next-line RULE --> on the line before it.`

// BlamelessHumanError reports "human error" and its kin named as a cause.
var BlamelessHumanError = blamelessRule(blameless.HumanError, Error,
	`"human error", "operator error" or a person's mistake named as a cause`,
	`"Human error" ends an investigation where it should start: people act
sensibly on what their tools and situation show them. Describe what made
the action possible and likely instead.

    The outage was caused by human error.
    Rewrite: The deploy tool ran the migration against production because
    the shared host's default connection pointed there.`)

// BlamelessJudgement reports judgements of people: careless, negligent,
// sloppy, lazy, and their kin.
var BlamelessJudgement = blamelessRule(blameless.Judgement, Error,
	"a judgement of a person: careless, negligent, sloppy, poor judgement ...",
	`Calling someone careless or negligent says nothing about why the system
let a reasonable action do harm, and teaches people to hide what happened.

    Marco was careless with the production credentials.
    Rewrite: Production credentials were loaded in every shell on the
    migration host, so a command meant for staging ran against production.`)

// BlamelessPersonCause reports a person as the subject of a causal or
// omission verb.
var BlamelessPersonCause = blamelessRule(blameless.PersonCause, Error,
	"a person as the cause: someone broke, caused, forgot, ignored, failed to ...",
	`When a person is the subject of "broke", "caused", "forgot", "ignored" or
"failed to", the sentence assigns blame. The same verbs with a system as the
subject are fine ("the health check failed to detect the stall").

    Dana ignored the migration notice in the deploy channel.
    Rewrite: The migration notice was posted in a busy deploy channel that
    responders were not watching during the incident.`)

// BlamelessCounterfactual reports counterfactuals about what people
// should have done.
var BlamelessCounterfactual = blamelessRule(blameless.Counterfactual, Warning,
	`"should have", "could have prevented", "if only" about what people did`,
	`Counterfactuals describe a world that did not happen and judge people by
what they could not know at the time. Say what people knew and saw, and
what the system should do from now on; a requirement on a system ("the
alert should page the on-call") is fine.

    If Priya had checked the dashboard, this would never have happened.
    Rewrite: The dashboard showing the replica lag was not linked from the
    alert, so the on-call engineer did not see it.`)

// BlamelessHindsight reports hindsight: obviously, clearly, simply, "just".
var BlamelessHindsight = blamelessRule(blameless.Hindsight, Warning,
	`hindsight: "obviously", "clearly", "simply", "just had to", "a simple typo"`,
	`What is obvious now was not obvious then; words like "obviously", "simply"
and "just" make the response look easy and the responders look slow.

    It was obvious that the certificate had expired.
    Rewrite: The error said "handshake failure", which did not mention the
    certificate's expiry.`)

// BlamelessPunitive reports punitive language: culprit, blame, reprimand.
var BlamelessPunitive = blamelessRule(blameless.Punitive, Error,
	`punitive language: culprit, to blame, at fault, reprimand, "be more careful"`,
	`A postmortem looks for what to change, not whom to punish; punishment makes
people hide what they know next time. "Be more careful" is not an action
item: it changes nothing in the system.

    Action: Engineers must be more careful when running migrations.
    Rewrite: Action: the migration tool asks for the environment's name
    before it runs against production.`)

// BlamelessImplied reports sentences that a model trained on labelled
// postmortems reads as blame by implication: sarcasm, insinuation, a
// pointed comparison about a person, with none of the phrases above.
var BlamelessImplied = blamelessRule(blameless.Implied, Warning,
	"blame by implication: sarcasm, an insinuation or a pointed comparison about a person",
	`Blame need not name a fault: sarcasm, faint praise and pointed comparisons
put a person in the dock as surely as "careless" does, and readers hear
them the same way. This rule is a model, not a phrase list: it scores
sentences that name a person and none of the phrases of the other
blameless rules match, and reports one only when it is sure (a
probability of 0.9 or more). It is a warning by default; set it to error,
or to off, in the configuration.

    It took a customer on Twitter to notice what Lars's dashboards had
    missed for an hour.
    Rewrite: A customer reported the errors on Twitter at 10:40; the
    dashboards showed them, but no alert watched the error rate.`)
