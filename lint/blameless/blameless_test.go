package blameless

import (
	"strings"
	"sync"
	"testing"
)

func newDetector(t testing.TB, opts Options) *Detector {
	t.Helper()
	d, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// Fresh sentences, written apart from the labelled set, with other names,
// incidents and phrasings. want is the category of the first match, or ""
// when the sentence must stay silent.
var sentenceCases = []struct {
	text string
	want Category
}{
	// human-error
	{"The outage was caused by human error during the failover drill.", HumanError},
	{"Ultimately this comes down to operator error.", HumanError},
	{"It was a simple mistake by Henrik in the load balancer config.", Hindsight},
	{"Keiko fat-fingered the replica count and scaled the pool to zero.", HumanError},
	{"The root cause was a mistake on Tariq's part.", HumanError},
	{"Olusegun made a mistake when he copied the firewall rule.", HumanError},
	{"We do not consider this human error, since the tool allowed the command.", ""},
	{"The user error rate on the login form doubled after the release.", ""},
	{"Kubernetes operator error logs showed a reconcile loop.", ""},

	// judgement
	{"Marisol was careless with the retention settings.", Judgement},
	{"Wojciech's review of the change was sloppy.", Judgement},
	{"The platform team has been negligent about patching the bastion hosts.", Judgement},
	{"Siobhan should have known better than to deploy on a Friday night.", Judgement},
	{"Bao didn't bother to read the rollout checklist.", Judgement},
	{"Kwame was clearly out of his depth on the database side.", Judgement},
	{"Anyone who had read the release notes would have seen the breaking change.", Judgement},
	{"A competent SRE would have checked the replication lag first.", Judgement},
	{"Dmitri needs to be much more careful with production credentials.", Punitive},
	{"Astrid was more concerned with her own sprint than with the page.", ""},
	{"The page is lazy loaded, so the first request is slow.", ""},
	{"Anyone in her position would have made the same call with the dashboards we had.", ""},

	// person-cause
	{"Rohan broke the billing export when he renamed the bucket.", PersonCause},
	{"Camille forgot to renew the signing key.", PersonCause},
	{"The on-call engineer ignored the disk alert for an hour.", PersonCause},
	{"@pedro skipped the canary and promoted straight to 100%.", PersonCause},
	{"The DBA failed to notice that the slot was inactive.", PersonCause},
	{"Yusuf did not follow the failover runbook.", PersonCause},
	{"The payments team neglected to tell anyone about the schema change.", PersonCause},
	{"Leilani took down the cluster by draining every node at once.", PersonCause},
	{"Henrik merged the change without running the integration tests.", PersonCause},
	{"She never even opened the error dashboard.", PersonCause},
	{"The intern is to blame for the leaked credentials.", PersonCause},
	{"The health check failed to detect the hung worker.", ""},
	{"The deploy broke checkout for users on older browsers.", ""},
	{"The retry loop ignored the backoff header and hammered the API.", ""},
	{"The scheduler forgot the lease after the leader election.", ""},
	{"Keiko rolled back the release at 10:42 UTC.", ""},
	{"Henrik restarted the consumer, and it failed to start because the config was missing.", ""},
	{"The migration job missed its maintenance window because the queue was full.", ""},
	{"Nobody knew that the cron job depended on the old hostname.", ""},

	// counterfactual
	{"Camille should have waited for the canary to finish.", Counterfactual},
	{"If only Rohan had checked the disk usage, we would have had hours to react.", Counterfactual},
	{"This would never have happened if Siobhan had followed the checklist.", Counterfactual},
	{"The alert should page the on-call when the queue passes 10,000 messages.", ""},
	{"The canary should have caught the regression, but it only saw internal traffic.", ""},
	{"The rollback could have been faster with a one-click script.", ""},
	{"If the load balancer had drained connections, clients would have retried cleanly.", ""},

	// hindsight
	{"It was obvious that the certificate would expire over the weekend.", Hindsight},
	{"Bao obviously did not look at the graphs before scaling down.", Hindsight},
	{"All Marisol had to do was run the dry run first.", Counterfactual},
	{"The fix was deployed just before 14:00 UTC.", ""},
	{"The dashboard clearly showed the error spike, but no alert fired.", ""},

	// punitive
	{"The culprit is Dmitri, who pushed the config by hand.", Punitive},
	{"Astrid will receive a written warning.", Punitive},
	{"The engineers involved will be held accountable.", Punitive},
	{"Revoke Wojciech's production access until further notice.", Punitive},
	{"The blame lies with the infrastructure team.", Punitive},
	{"A runaway cron job was the primary culprit.", ""},
	{"This review is blameless, and nobody is to blame for the outage.", ""},
	{"The default timeout was too short for the batch job.", ""},
	{"The fault-tolerant design kept the read path up.", ""},

	// A second round, written after the rules above.
	{"Tomasz was asleep at the wheel during the rollout.", Judgement},
	{"Lars pushed an untested change on a Friday afternoon, as he always does.", Judgement},
	{"It was Arjun's carelessness that caused this.", PersonCause},
	{"Arjun sat on the decision for two days.", PersonCause},
	{"Mira dropped the ball on the certificate renewal.", PersonCause},
	{"The reviewer waved it through without reading it.", Judgement},
	{"Jun should never have been given production access.", Judgement},
	{"Keiko's decision to skip staging caused the outage.", PersonCause},
	{"The outage happened because Ravi was not paying attention.", Judgement},
	{"Kofi assumed the script was idempotent without checking.", PersonCause},
	{"Tanya chose to ignore the warning banner.", Judgement},
	{"Bilal bypassed the review process to ship faster.", Judgement},
	{"Ewa was too slow to escalate.", Judgement},
	{"Hana was the one who deleted the volume.", PersonCause},
	{"It was Ivan who pushed the bad config.", PersonCause},
	{"Oskar's team dropped the ball again.", PersonCause},
	{"The QA team missed the regression.", PersonCause},
	{"Carmen and Luis failed to coordinate the cutover.", PersonCause},
	{"Ops ignored the capacity warnings for weeks.", PersonCause},
	{"Anyone could have seen this coming.", Hindsight},
	{"There is no excuse for Ali missing that alert.", Judgement},
	{"Sven clearly didn't understand how the cache worked.", Hindsight},
	{"Ayesha should be reprimanded.", Punitive},
	{"The fault lies with the release manager.", Punitive},
	{"A five-minute check by Elif would have prevented this.", Counterfactual},
	{"Nadia paged the database team and opened an incident.", ""},
	{"The engineer on call acknowledged the alert within two minutes.", ""},
	{"The pipeline failed to publish the artifact.", ""},
	{"Users failed to log in for twenty minutes.", ""},
	{"Customers missed their flights because of the outage.", ""},
	{"The team missed the SLO by 0.2% this quarter.", ""},
	{"Dana failed to reproduce the bug on staging.", ""},
	{"IPv6 support broke in the new load balancer.", ""},
	{"Priya restored the table without losing any writes.", ""},
	{"We should have a runbook for certificate rotation.", ""},
	{"The runbook should have mentioned the replication slot.", ""},
	{"Everyone on the incident call agreed to roll back.", ""},
	{"Lena, the on-call SRE, was paged at 02:14 and joined the bridge.", ""},
	{"Mateo acknowledged the page; the dashboards clearly showed a disk spike.", ""},
}

func TestSentences(t *testing.T) {
	d := newDetector(t, Options{})
	for _, c := range sentenceCases {
		ms := d.Check(c.text)
		var got Category
		if len(ms) > 0 {
			got = ms[0].Category
		}
		if got != c.want {
			var spans []string
			for _, m := range ms {
				spans = append(spans, string(m.Category)+":"+c.text[m.Start:m.End])
			}
			t.Errorf("Check(%q) = %q %v, want %q", c.text, got, spans, c.want)
		}
	}
}

func TestMatchSpan(t *testing.T) {
	d := newDetector(t, Options{})
	text := "Rohan forgot to renew the key, and this was human error."
	ms := d.Check(text)
	if len(ms) != 2 {
		t.Fatalf("got %d matches, want 2: %+v", len(ms), ms)
	}
	if got := text[ms[0].Start:ms[0].End]; got != "forgot" {
		t.Errorf("first span %q, want %q", got, "forgot")
	}
	if got := text[ms[1].Start:ms[1].End]; got != "human error" {
		t.Errorf("second span %q, want %q", got, "human error")
	}
	for _, m := range ms {
		if m.Message == "" || m.Suggestion == "" {
			t.Errorf("match %+v lacks a message or suggestion", m)
		}
	}
}

func TestPeopleOption(t *testing.T) {
	// "Will" and "Grace" are ordinary words; configured names are people.
	text := "After the page, grace ignored the alert."
	if ms := newDetector(t, Options{}).Check(text); len(ms) != 0 {
		t.Errorf("without people: %+v", ms)
	}
	if ms := newDetector(t, Options{People: []string{"Grace O'Donnell"}}).Check(text); len(ms) != 1 {
		t.Errorf("with people: got %d matches, want 1", len(ms))
	}
}

func TestAddRemove(t *testing.T) {
	text := "Henrik went rogue on the cluster."
	if ms := newDetector(t, Options{}).Check(text); len(ms) != 0 {
		t.Fatalf("default detector flags %q: %+v", text, ms)
	}
	d := newDetector(t, Options{Add: []Phrase{{Category: PersonCause, Pattern: "went rogue", When: Subject}}})
	ms := d.Check(text)
	if len(ms) != 1 || text[ms[0].Start:ms[0].End] != "went rogue" || ms[0].Message == "" {
		t.Errorf("added phrase: %+v", ms)
	}
	if ms := d.Check("The autoscaler went rogue overnight."); len(ms) != 0 {
		t.Errorf("added subject phrase flags a system: %+v", ms)
	}
	d = newDetector(t, Options{Remove: []string{"careless"}})
	if ms := d.Check("Marisol was careless."); len(ms) != 0 {
		t.Errorf("removed phrase still matches: %+v", ms)
	}
}

func TestNewErrors(t *testing.T) {
	for _, p := range []Phrase{
		{Category: "nonsense", Pattern: "x"},
		{Category: Judgement, Pattern: "<person>"},
		{Category: Judgement, Pattern: "bad <slot>"},
		{Category: Judgement, Pattern: "bad {noclass}"},
		{Category: Judgement, Pattern: "bad", When: "sometimes"},
		{Category: Judgement, Pattern: "... bad"},
	} {
		if _, err := New(Options{Add: []Phrase{p}}); err == nil {
			t.Errorf("New with %+v: no error", p)
		}
	}
}

func TestConcurrentCheck(t *testing.T) {
	d := newDetector(t, Options{})
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				for _, c := range sentenceCases {
					d.Check(c.text)
				}
			}
		}()
	}
	wg.Wait()
}

func TestNoCandidateNoAlloc(t *testing.T) {
	d := newDetector(t, Options{})
	text := "The connection pool on checkout-api saturated after the schema change."
	if n := testing.AllocsPerRun(100, func() { d.Check(text) }); n != 0 {
		t.Errorf("Check on a sentence without trigger words allocates %v times", n)
	}
}

func TestSentenceSplit(t *testing.T) {
	text := "We rolled back v3.18.4 at 17:20. The error rate fell, e.g. on login.  Dana paged Dr. Okafor!\n\nNew paragraph without a stop"
	var got []string
	for _, s := range Sentences(text) {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{"We rolled back v3.18.4 at 17:20.", "The error rate fell, e.g. on login.", "Dana paged Dr. Okafor!", "New paragraph without a stop"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Sentences:\n got %q\nwant %q", got, want)
	}
}

func TestDefaultPhrasesCompile(t *testing.T) {
	ps := DefaultPhrases()
	if len(ps) < 100 {
		t.Fatalf("only %d default phrases", len(ps))
	}
	seen := map[Category]bool{}
	for _, p := range ps {
		seen[p.Category] = true
		if p.Message == "" || p.Suggestion == "" {
			t.Errorf("phrase %q lacks a message or suggestion", p.Pattern)
		}
	}
	for _, c := range Categories() {
		if !seen[c] {
			t.Errorf("no phrases for %s", c)
		}
	}
}
