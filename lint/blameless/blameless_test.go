package blameless

import (
	"slices"
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
	// Idioms of heldout13: collateral damage, a wrecked launch, a habit of
	// blaming the vendor, sarcastic asides; and their blameless neighbours.
	{"Chioma ran the apply from that branch and took video visits down with it.", PersonCause},
	{"The failover took the primary down with it.", ""},
	{"Priya took the old dashboards down on Friday.", ""},
	{"In other words, the launch was sunk by Valentina before a single player logged in.", PersonCause},
	{"The staging database was wiped by Ana before the load test, as planned.", ""},
	{"This one is on Mehmet.", PersonCause},
	{"This was a plain operator blunder: the wrong branch, applied to production.", HumanError},
	{"Strip away the details and this was one engineer's slip, not a systems problem.", PersonCause},
	{"Scheduling money movement in local time is a rookie move.", Hindsight},
	{"Rohan's idea of a compatibility check was deploying the new registry and seeing what happened.", Judgement},
	{"Reading the upgrade guide was the least Hiroshi could do before bumping a major version.", Judgement},
	{"The least we could do was refund every customer.", ""},
	{"Hannah at least noticed the drop in orders, which is more than Lars managed.", Judgement},
	{"What exactly did Matthias think he was approving?", Judgement},
	{"What did Matthias think the alert meant at the time?", ""},
	{"Lars was busy convincing everyone on the bridge that the vendor was the problem.", Judgement},
	{"Lars was busy restoring the replica.", ""},
	{"@vgreco pushed the query straight to the live fleet, because why wait?", Judgement},
	{"Rebooting every gateway at 02:10 takes a special kind of confidence, and Mehmet has it.", Judgement},
	{"The tooling behaved correctly; the person at the keyboard did not.", HumanError},
	{"The person at the keyboard should not have to remember which cluster is live.", ""},
	{"Paulo left the alert unacknowledged for twenty-five minutes.", PersonCause},

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
	{"Astrid was more concerned with her own sprint than with the page.", Judgement},
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
	{"Lars pushed an untested change on a Friday afternoon, as he always does.", PersonCause},
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

	// A third round, written for the structural rules (inverted
	// conditionals, clause-level negation, purpose clauses, idioms of
	// indifference, sanctions), each with neutral sentences that share
	// its words.
	{"Had Ingrid read the release notes, the outage would never have started.", Counterfactual},
	{"Had the storage team kept the runbook current, recovery would have taken minutes.", Counterfactual},
	{"Had the disk not filled, the replica would have caught up.", ""},
	{"Had we known about the limit, we would have sharded earlier.", ""},
	{"The vendor had already shipped a fix, had we known where to look.", ""},
	{"If Platform had rotated the key in March, nothing would have expired.", Counterfactual},
	{"If networking had failed over, the edge would have stayed up.", ""},
	{"Kwabena could have rolled back within five minutes.", Counterfactual},
	{"We could have rolled back within five minutes if the button had worked.", ""},
	{"The alert could have fired sooner with a lower threshold.", ""},
	{"Anyone could have made that call with what the dashboard showed.", ""},
	{"This regression should have been obvious to anyone reading the diff.", Hindsight},
	{"The spike should have been a page, not a chat message.", ""},
	{"Lucia approved the migration without a single test run.", PersonCause},
	{"Lucia approved the migration without any data loss.", ""},
	{"Marek restored the snapshot without any downtime.", ""},
	{"The pipeline promoted the build without any review.", ""},
	{"Gustavo pushed the hotfix without so much as a smoke test.", PersonCause},
	{"The release went out without so much as a smoke test.", ""},
	{"Svetlana muted the alarm instead of checking the replica lag.", Judgement},
	{"Svetlana rolled back instead of debugging forward, which ended the impact quickly.", ""},
	{"The scheduler retried instead of checking the lease.", ""},
	{"Ren went home and left the queue for someone else to sort out.", PersonCause},
	{"Ren handed the incident to the next shift at 18:00 and went home.", ""},
	{"Our DBA team let the vacuum backlog slide for months.", PersonCause},
	{"The cron job let the backlog grow for months.", ""},
	{"The evening shift ignored the replication alert.", PersonCause},
	{"A shift in traffic caused the cache to thrash.", ""},
	{"The traffic shift caused a brief spike in latency.", ""},
	{"The on-call rotation sat on the ticket for three days.", PersonCause},
	{"The team sat on the couch during the offsite.", ""},
	{"The retry did nothing to reduce the backlog.", ""},
	{"Nadia did nothing wrong; the tool accepted the command.", ""},
	{"Emre went rogue and deployed from his laptop.", Judgement},
	{"The database went read-only at 03:00.", ""},
	{"Farah shrugged the warning off and merged anyway.", Judgement},
	{"Farah waved the concern away.", Judgement},
	{"Piotr wasted the first hour chasing a DNS theory.", Judgement},
	{"The retry storm wasted half the worker capacity.", ""},
	{"Joss approved the change on autopilot.", Judgement},
	{"The autopilot mode on the scheduler was disabled.", ""},
	{"The frontend team has been flying blind on error rates since the migration.", Judgement},
	{"Without tracing, we were flying blind for the first hour.", ""},
	{"Mehmet treats every alert as someone else's problem.", Judgement},
	{"Whoever owned the bucket was asleep at the switch.", Judgement},
	{"Dana was asleep when the page arrived at 03:12.", ""},
	{"The reviewers could not be bothered to run the tests.", Judgement},
	{"Nobody could be bothered to update the wiki.", Judgement},
	{"That tells you everything about how carefully Ines reviewed it.", Judgement},
	{"The latency graph says a lot about how the cache behaves under load.", ""},
	{"The contractors play fast and loose with credentials.", Judgement},
	{"Akira approved the plan, which says a lot about how closely he looked at it.", Judgement},
	{"The on-call engineers would rather not be paged at night.", Judgement},
	{"We would rather not page people for non-actionable alerts.", ""},
	{"Kenji and Bo will present the incident at the town hall as a warning to others.", Punitive},
	{"The banner was shown as a warning to users.", ""},
	{"The team that broke prod will be held to account.", PersonCause},
	{"We hold ourselves to account through the action item review.", ""},
	{"Query performance review is scheduled for next sprint.", ""},
	{"The database team's performance review of the slow queries found three missing indexes.", ""},
	{"The downtime is on the platform team.", Punitive},
	{"The follow-up ticket is on Tobias.", ""},
	{"The culprit developer has been identified.", Punitive},
	{"The culprit commit was reverted.", ""},
	{"Someone has to own the consequences of this.", Punitive},
	{"Revoke Ahmed's deploy rights for a month.", Punitive},
	{"Restrict Ahmed to read-only access until he completes training.", Punitive},
	{"Restrict the bucket to the VPC endpoint.", ""},
	{"Remove the contractor role from the production account.", ""},
	{"This should cost the engineer who shipped it.", Punitive},
	{"The outage cost the company about 40,000 euros.", ""},
	{"Bilal fixed the mess Carla made in the DNS zone.", PersonCause},
	{"We cleaned up the mess the retry storm left in the queue.", ""},
	{"The migration left the table in a mess.", ""},
	{"Tamsin left the platform team to clean up after the failed upgrade.", PersonCause},
	{"Oleg broke the task into three tickets.", ""},
	{"Oleg broke the build when he bumped the compiler.", PersonCause},
	{"Oleg broke the news to the customer.", ""},
	{"Hui skipped the second replica so that the primary kept its quorum.", ""},
	{"Hui skipped the integration tests to save time.", PersonCause},
	{"Lin took the node down to stop the corruption from spreading.", ""},
	{"Staff could not reach the HR system for an hour.", ""},
	{"HR has been asked to open a case.", ""},
	{"The outage traces back to a slip by Valentina during the cutover.", HumanError},
	{"This incident is entirely down to Sione.", PersonCause},
	{"Sione is responsible for this mess.", PersonCause},
	{"Blame for the outage rests with the data team.", Punitive},
	{"The root cause was Greta.", PersonCause},
	{"Greta pushed a broken config and went to lunch.", PersonCause},
	{"The SRE on call was nowhere to be found.", Judgement},
	{"Nobody on the payments team lifted a finger.", Judgement},
	{"The reviewers rubber-stamped the pull request.", Judgement},
	{"Hassan never tested the restore, as usual.", PersonCause},
	{"Once again, Hassan skipped the checklist.", PersonCause},
	{"This is the third time Hassan has broken staging.", Judgement},
	{"The mobile team clearly doesn't understand caching.", Hindsight},
	{"Ricardo had no business touching the production database.", Judgement},
	{"Ricardo should not have been anywhere near production.", Judgement},
	{"The on-call ignored three pages in a row.", PersonCause},
	{"Mwangi dismissed the alert as noise.", PersonCause},
	{"Mwangi didn't think to check the replica.", PersonCause},
	{"It never occurred to Mwangi to check the replica.", Judgement},
	{"Priyanka ignored repeated warnings from the security team.", PersonCause},
	{"Despite being warned, Priyanka went ahead with the change.", Judgement},
	{"Paulo overrode the reviewer's objection.", PersonCause},
	{"The whole thing was avoidable if Zainab had spent two minutes on the dashboard.", Counterfactual},
	{"Zainab of all people should have spotted this.", Judgement},
	{"Any SRE worth their salt would have checked the graph.", Judgement},
	{"In hindsight, Zainab's decision was obviously wrong.", Hindsight},
	{"Zainab's judgement was poor.", Judgement},
	{"Zainab made a bad call.", Judgement},
	{"The fix was trivial and Tomás still got it wrong.", Judgement},
	{"Tomás got it wrong.", Judgement},
	{"Tomás messed up the rollout order.", PersonCause},
	{"Tomás fumbled the failover.", PersonCause},
	{"Tomás bungled the migration.", PersonCause},
	{"Tomás mishandled the incident.", PersonCause},
	{"Tomás didn't do his job.", Judgement},
	{"Tomás will be removed from the on-call rotation.", Punitive},
	{"Tomás's manager has been informed about his conduct.", Punitive},
	{"Tomás needs to be retrained.", Punitive},
	{"Anyone who deploys on Friday again will lose production access.", ""}, // missed: "will lose access" is also a plain migration note
	{"Had Dana not paged the DBA, recovery would have taken longer.", ""},
	{"Dana completed the failover without a single dropped request.", ""},
	{"Dana rolled back instead of testing a fix forward.", ""},
	{"Dana muted the alert instead of looking at the graph.", Judgement},
	{"The impact was on the support team.", ""},
	{"For the second time Dana ran the script, and it worked.", ""},
	{"The on-call engineers will lose access to the old bastion next week.", ""},
	{"The security team has ignored this risk for two years.", PersonCause},
	{"Jakub took a shortcut and it backfired.", Judgement},
	{"Jakub cut a corner on the rollback plan.", Judgement},
	{"The release captain didn't even glance at the canary graphs.", PersonCause},
	{"The data team just assumed the backfill would be fine.", Judgement},
	{"Frankly, Olamide should have escalated an hour earlier.", Counterfactual},
	{"Noboru could easily have avoided this by reading the runbook.", Counterfactual},
	{"The migration was rushed through by Kasia to hit the sprint deadline.", PersonCause},
	{"Ravi's carelessness cost us six hours.", PersonCause},
	{"It is hard to understand how Ravi missed such an obvious warning.", Judgement},
	{"Beatrix approved it without understanding what it did.", PersonCause},
	{"Dariusz pushed to production with zero tests.", PersonCause},
	{"Thanks to Dariusz's haste, checkout was down for an hour.", PersonCause},
	{"The vendor's engineer had clearly never configured BGP before.", Hindsight},
	{"The DBA was warned and went ahead anyway.", Judgement},
	{"The rollout continued because nobody on the release team bothered to look at the error rate.", Judgement},
	{"Dariusz knew the risks and deployed anyway.", Judgement},
	{"Kasia will answer to the VP for this.", Punitive},
	{"A formal complaint has been filed against Kasia.", Punitive},
	{"The new script takes a shortcut when the cache is warm.", ""},
	{"The service shipped with no tests for the retry path.", ""},
	{"Mehdi restored the table with no data loss.", ""},
	{"Mehdi finished the failover with zero downtime.", ""},
	{"It is hard to see how the cache got into this state.", ""},
	{"The DBA was warned by the capacity alert and added a volume.", ""},
	{"Ana was warned and paged the storage team.", ""},
	{"The change was pushed through by the pipeline at 10:00.", ""},
	{"The release captain paged the payments team.", ""},
	{"Nobody bothered the on-call with the noisy alert after it was silenced.", ""},
	{"Dana merged it without reading it.", PersonCause},
	{"The person responsible has been spoken to.", Punitive},
	{"Mistakes like this will not be tolerated.", Punitive},
	{"This kind of carelessness cannot continue.", ""},
	{"Had the failover worked, nobody would have noticed.", ""},
	{"Had it not been for Zofia's quick rollback, the outage would have lasted hours.", ""},
	{"Zofia had the dashboards open when the alert fired.", ""},
	{"Zofia could have been paged sooner if the alert had routed to the right team.", ""},
	{"Marek let the migration run overnight, as planned.", ""},
	{"Marek let the team know at 09:14 that the rollback was done.", ""},
	{"Marek let the queue drain before restarting the consumer.", ""},
	{"The on-call engineer let the incident channel know that the primary was back.", ""},
	{"Kaito did nothing further until the snapshot completed, as the runbook says.", ""},
	{"Kaito walked the team through the recovery plan.", ""},
	{"Kaito walked away from the bridge once the replacement on-call joined.", ""},
	{"Ama wasted no time paging the database team.", ""},
	{"Nobody wasted time on the wrong hypothesis.", ""},
	{"This is the second time the certificate has expired.", ""},
	{"This is the third time Kafka has dropped messages this quarter.", ""},
	{"The team has a habit of writing runbooks for every new service.", ""},
	{"Catalina has a habit of writing one-off scripts and trusting them on their first run.", Judgement},
	{"Anyone competent in TLS would check which clients still need CBC before removing it.", Judgement},
	{"Anyone on the rota can page the DBA when the replica falls behind.", ""},
	{"It is embarrassing that a security engineer did not know her own standard's exceptions.", Judgement},
	{"It is unacceptable that the export has no retry.", ""},
	{"Liam approves anything Arjun sends him within minutes.", Judgement},
	{"The admission controller approves anything under the namespace quota.", ""},
	{"Tariq gave the plan about as much attention as a lunch order.", Judgement},
	{"Aroha's team has spent two years promising an idempotency key and delivering nothing.", Judgement},
	{"The pipeline delivered nothing for six hours while the broker was down.", ""},
	{"Nobody on the reporting team stopped to think about what live means for a database.", Judgement},
	{"Saoirse finally wandered into the incident channel an hour after the change.", Judgement},
	{"He marked the migration as done without suspending the old job.", PersonCause},
	{"The cutover script moved the queue without suspending the old consumers.", ""},
	{"The fleet manager should have stopped wave 2 on its own when confirmations dropped.", ""},
	{"The release manager should have stopped wave 2 when confirmations dropped.", Counterfactual},
	{"The package manager failed to resolve the pinned dependency.", ""},
	{"The Kubernetes operator ignored the annotation on the new cluster.", ""},
	{"The queue workers ignored the poison message and kept retrying.", ""},
	{"Retries made the problem worse, because each retry landed on a mismatched runner.", ""},
	{"Backfills could be launched from any laptop with warehouse credentials, with no review.", ""},
	{"Nils ran the backfill without any review.", PersonCause},
	{"Mail was down for seven hours because of a slip-up by Santiago during the rotation.", HumanError},
	{"Any firmware engineer worth the title checks partition sizes before shipping.", Judgement},
	{"Thanh only needed to glance at the rejected count in the job summary.", Counterfactual},
	{"Note the write-off in Henrik's bonus conversation this quarter.", Punitive},
	{"Santiago treats the rotation runbook as something to skim, not something to follow.", Judgement},
	{"Engineering ignored three messages from finance over ninety minutes.", PersonCause},
	{"Isabella decided it was a CDN problem and would hear nothing else for an hour.", Judgement},
	{"Isabella wouldn't listen to the on-call.", Judgement},
	{"The council meets every two weeks and calls that governance.", Judgement},
	{"The load balancer wouldn't listen on port 443 after the change.", ""},
	{"Lucía signed off on the QA pass from one phone and called it coverage.", Judgement},
	{"We ran the full suite on every device and called it done.", ""},
	{"Paula reviewed the change the way she reviews most things: on her phone, between meetings.", Judgement},
	{"Karan was one simulate call away from a quiet month-end.", Counterfactual},
	{"The canary was one percent away from its threshold.", ""},
	{"Dmitri let the new image loose on all 600 runners at once.", PersonCause},
	{"The autoscaler let the new pods loose on the queue.", ""},
	{"The team knows the billing system better than anyone, so it owns the fix.", ""},
	{"Lars has been taken off the primary on-call schedule for the next two cycles.", Punitive},
	{"The director asked that the checkout team's deploy rights be suspended until the fix ships.", Punitive},
	{"Gabriel wants Arjun's name on the incident report that goes to the regulator.", Punitive},
	{"The API council approves whatever is on the agenda and calls that governance.", Judgement},
	{"Rebecca let the escape hatch live for a year after promising to remove it.", Judgement},
	{"Aiko's team has found something more important to do every quarter.", Judgement},
	{"Arjun wanted the launch done, and the shadow period was the only thing in his way.", Judgement},
	{"Mikkel approved it four minutes after it was opened, which tells you how closely he read it.", Judgement},
	{"Arjun's relationship with the checklist could charitably be described as selective.", Judgement},
	{"One might reasonably expect the DBA at a bank to know when settlement runs.", Judgement},
	{"Does anyone on the dispatch team still read changelogs?", Judgement},
	{"Does anyone still use the v1 export?", ""},
	{"A single query from Hannah was all that stood between us and 48,000 double debits.", Counterfactual},
	{"The operations desk decided it was a reporting glitch and left it for the day shift.", Judgement},
	{"The nightly job left the partitions for the morning run to compact.", ""},
	{"Ines spent the next hour cleaning up the stale locks.", ""},
	{"Ines cleaned up the mess left by the failed migration.", ""},
	{"Olu went around the building to find a working badge reader.", ""},
	{"Olu went around the table asking for status updates.", ""},
	{"The reviewer approved the change without any concerns.", ""},
	{"Ji-woo approved the change without a second reviewer, which the process allowed.", ""},
	{"Ji-woo merged the fix without waiting for CI, because checkout was down.", ""},
	{"Ji-woo deployed the fix without a canary, as the hotfix process allows.", ""},
	{"The team shipped the change without a feature flag.", ""},
	{"Agnieszka shrugged and said the graph looked normal to her.", ""},
	{"Agnieszka told us a lot about how the billing pipeline works.", ""},
	{"This says a lot about how the alert was tuned.", ""},
	{"The incident commander made a call to fail over at 10:02.", ""},
	{"Sebastián decided not to roll back because the error rate was already falling.", ""},
	{"The SRE on call had the right instinct and escalated.", ""},
	{"Only the night shift was on call during the window.", ""},
	{"The night shift handed over to the day shift at 07:00.", ""},
	{"The weekend on-call acknowledged the page within two minutes.", ""},
	{"The Networking team published new ROAs within a day.", ""},
	{"Networking was degraded for twenty minutes.", ""},
	{"The networking stack dropped packets under load.", ""},
	{"Yaw would rather not page the whole team at night, so the alert goes to the primary only.", ""},
	{"We treat every page during maintenance as real until proven otherwise.", ""},
	{"Efua kept the bridge open until the backlog cleared.", ""},
	{"Efua's performance during the incident was outstanding.", ""},
	{"The performance review of the cache showed no regressions.", ""},
	{"Hold the release until the canary passes.", ""},
	{"The canary held the release for an hour.", ""},
	{"Performance reviews of the query planner happen every quarter.", ""},
	{"Blame-free reviews like this one help us learn.", ""},
	{"We did not blame anyone, and no one is at fault.", ""},
	{"The script did nothing when run without flags.", ""},
	{"Dmitri and Aiko split the work into two streams.", ""},
	{"Lars took the cluster down for the planned upgrade.", ""},
	{"Lars took the primary out of rotation to rebuild its index.", ""},
	{"Lars removed the node from the rotation to drain it.", ""},
	{"The scheduler removed the pod from the rotation.", ""},
	{"Rotation of the signing key is now automated.", ""},
	{"Lars revoked the leaked token within five minutes.", ""},
	{"Revoke the old token once the new one is live.", ""},
	{"Restrict the deploy role to the release pipeline.", ""},
	{"Noor went offline at 18:00 after handing over to Pedro.", ""},
	{"Noor was on holiday, so Pedro covered the rotation.", ""},
	{"The pager was on Noor's phone, which was on silent.", ""},
	{"The follow-up is on the storage team's roadmap.", ""},
	{"The fix is on main and will ship on Monday.", ""},
	{"The downtime was on the order of minutes.", ""},
	{"The loss was on the replica side only.", ""},
	{"The delay is on the vendor's side.", ""},
	{"Culprit analysis pointed at a bad kernel patch.", ""},
	{"The culprit was a missing index.", ""},
	{"The root cause was Kafka's retention setting.", ""},
	{"The root cause was a race in the lock manager.", ""},
	{"It was Lucía who first spotted the spike and paged the team.", ""},
	{"Lucía was the one who found the root cause.", ""},

	// A fourth round, written for classes rather than phrases: a person
	// treating a duty as noise, walking away from a risky change, leading
	// phrases before the subject, gerund and coordinated clauses that share
	// the main subject, team names as subjects of "at fault", personnel
	// moves aimed at a named person, negation that ends with its phrase,
	// labels used and merely defined, and capitalised system names at the
	// start of a sentence. Each blameful sentence has neutral ones that
	// share its words.
	{"Ilse treats the staging cluster like a playground.", Judgement},
	{"The data platform team treated the capacity warnings as noise for a month.", Judgement},
	{"Rafael treats code review as a formality.", Judgement},
	{"The proxy treats an empty header as a formality and passes the request through.", ""},
	{"We treat warnings from the capacity model as signals, not noise.", ""},
	{"The client treats a 429 like a transient error and retries.", ""},
	{"Henrike merged the schema change and then went on holiday.", Judgement},
	{"Tobiah kicked off the backfill and walked into a meeting.", Judgement},
	{"Henrike went on holiday on 2 May, and Lasse covered her rotation.", ""},
	{"The backfill finished while Tobiah was in a meeting.", ""},
	{"For most of the hour Ngozi was half asleep at the console.", Judgement},
	{"During the cutover the DBA skipped the pre-flight checks.", PersonCause},
	{"During the cutover the DBA ran the pre-flight checks twice.", ""},
	{"At 02:10 Ngozi was asleep; the page went to the secondary.", ""},
	{"Marit let the failing health checks sit for two days.", PersonCause},
	{"Marit let the replica catch up before promoting it.", ""},
	{"Osei turned the alert off during the migration and never turned it back on.", PersonCause},
	{"Osei turned the alert off during the migration and turned it back on at 16:00.", ""},
	{"The operator switched the flag off because it was noisy and switched it back on after the fix.", ""},
	{"Storage and networking are both to blame for the split brain.", PersonCause},
	{"The storage layer was at fault: a firmware bug corrupted the journal.", ""},
	{"Networking recovered at 11:04 after the route was withdrawn.", ""},
	{"We blame Tuva for not reading the change notice.", Punitive},
	{"We blame the deploy tooling and the engineers who bypassed it.", Punitive},
	{"We blame the deploy tooling, not the engineers who used it.", ""},
	{"Nobody blamed Tuva for the page storm.", ""},
	{"Note the outage in Gideon's performance review.", Punitive},
	{"Gideon's performance work cut p99 latency in half.", ""},
	{"Take Halvard off the on-call rota until further notice.", Punitive},
	{"Remove Priscila from the deploy approvers group.", Punitive},
	{"Require Mattias to pair with a senior engineer on every database change.", Punitive},
	{"Retrain Mattias on the failover runbook.", Punitive},
	{"Require a second approver on every database change.", ""},
	{"Take the node off the rotation before patching it.", ""},
	{"Move the release captain rota to the new scheduling tool.", ""},
	{"Ask Mattias to update the failover runbook.", ""},
	{"Engineers who skip the canary without a waiver will be held accountable.", PersonCause},
	{"Whoever touches production without a ticket again will face consequences.", PersonCause},
	{"Changes without a ticket will be rejected by the merge gate.", ""},
	{"Had someone from the payments team checked the logs, the refunds would have stopped at noon.", Counterfactual},
	{"If anyone in the platform squad had looked at the graphs, we would have caught it.", Counterfactual},
	{"Had someone from the payments team been online, they would have paged the vendor.", ""},
	{"If anyone on the team has questions, the runbook is linked below.", ""},
	{"Calling it anything else would be dishonest: this was operator error.", HumanError},
	{"It is only operator error if the tool gives the operator no way to check.", ""},
	{"We are not treating this as anyone's mistake.", ""},
	{"It was nobody's fault that the disk filled.", ""},
	{"Autoscaler failed to add nodes because the quota was exhausted.", ""},
	{"Scheduler skipped the nightly run after the leader election.", ""},
	{"Pgbouncer dropped idle connections after ten minutes.", ""},
	{"Memcache evicted the hot keys under pressure.", ""},
	{"Anneliese approves every pull request without opening the diff.", PersonCause},
	{"Cormac showed a lack of urgency throughout the incident.", Judgement},
	{"The ticket showed a lack of detail about the rollback.", ""},
	{"Eun-ji's change is what caused the cascading timeouts.", PersonCause},
	{"The config change is what caused the cascading timeouts.", ""},
	{"Ludmila left the migration half-finished and logged off.", PersonCause},
	{"The migration left the table half-finished after the crash.", ""},
	{"Zygmunt took the capacity alerts lightly.", Judgement},
	{"Zygmunt didn't take the disk warning seriously.", Judgement},
	{"The team took the capacity review seriously and added headroom.", ""},
	{"Femi just had to restart the worker.", Counterfactual},
	{"The reviewer showed poor judgement in approving the change.", Judgement},
	{"The fix was deployed just before 14:00.", ""},
	{"It was simply a matter of restarting the pod.", ""},
	{"For Ayo, it was simply a matter of restarting the pod, and he still didn't.", Hindsight},
	{"Kalani played around with the production firewall rules.", Judgement},
	{"The team played back the traffic capture against staging.", ""},
	{"The outage grew straight out of Solveig's decision to disable the retries.", PersonCause},
	{"The outage grew out of a decision to share one cluster between search and ingest.", ""},
	{"Radu glossed over the warning in the plan output.", Judgement},
	{"Tereza just skimmed the diff.", Judgement},
	{"Tereza skimmed the logs and found the failing request within a minute.", ""},
	{"Ingvar could see the error rate climbing and did nothing.", PersonCause},
	{"Ingvar could see the error rate climbing, so he rolled back.", ""},
	{"At 14:02 Dana ignored nothing; she paged the DBA at once.", ""},
	{"At 14:02 the scheduler skipped the nightly run.", ""},
	{"During the incident the on-call engineer paged the storage team.", ""},
	{"In the first hour Tomasz restarted the consumer twice.", ""},
	{"After the restart the replica failed to catch up.", ""},
	{"At 14:02 Priya ignored the second page.", PersonCause},
	{"Over the weekend the storage team neglected the replication alerts.", PersonCause},
	{"The job crashed after failing to connect to the database.", ""},
	{"Lena kept restarting pods for an hour after failing to find the cause.", PersonCause},
	{"Kasia approved that change after two reviewers signed off.", ""},
	{"Kasia said that checks passed on staging.", ""},
	{"The runbook says that operators should drain the node first.", ""},
	{"Kasia approved that change without reading it.", PersonCause},
	{"Yusuf approaches each incident with a written hypothesis.", ""},
	{"Hellman logs are stored in a different account.", ""},
	{"Jordan manages the release calendar.", ""},
	{"Jordan overrides the canary results whenever they slow him down.", PersonCause},
	{"Pipelines without a cache will take longer, which we accept.", ""},
	{"The deploy without a canary will fail the merge gate.", ""},
	{"Without a replica, nobody could have restored the data faster.", ""},
	{"Calling this a process gap is generous, it was human error.", HumanError},
	{"Calling it human error, as the first draft did, would stop the analysis.", ""},
	{"It is user error only when the user could have known better, and here they could not.", ""},
	{"The HTTP 4xx panel groups user errors by endpoint.", ""},
	{"Pilot error rates in the cohort stayed flat.", ""},
	{"Release notes should never promise a date.", ""},
	{"Backup jobs should never run during the peak.", ""},
	{"Weekly reports treat every incident as a learning opportunity.", ""},
	{"The linter treats warnings as errors in CI.", ""},
	{"Giulia went to a meeting at 15:00 and handed the bridge to Ravi.", ""},
	{"Giulia let the batch wait until the replica caught up, as the runbook says.", ""},
	{"Sepp left the node idle for the drain, as planned.", ""},
	{"The controller left the pod idle in a crash loop.", ""},
	{"Sepp blamed the stale DNS cache at first, then found the real cause.", ""},
	{"The dashboard blamed the wrong service for the errors.", ""},
	{"Customers blamed us on social media.", ""},
	{"Remove Tomasz's old SSH key from the bastion.", ""},
	{"Move Tomasz's alerts to the new channel.", ""},
	{"Require signed commits on the release branch.", ""},
	{"Limit the deploy role to the pipeline.", ""},
	{"Take Giulia's suggestion and add a dry-run flag.", ""},
	{"Ask Jun to review the runbook.", ""},
	{"Reassign the ticket to the storage team.", ""},
	{"Retrain the anomaly model on the new traffic.", ""},
	{"Audit the IAM roles quarterly.", ""},
	{"Shadow traffic to the new cluster for a week.", ""},
	{"Priya's performance dashboard shows the p99.", ""},
	{"This was not anyone's fault, and the review says so.", ""},
	{"Anyone could see the dashboard, since it is public.", ""},
	{"Anyone could sign up for the beta.", ""},
	{"Data and infra are equally responsible for the migration plan.", ""},
	{"The payments and billing services were both at fault.", ""},
	{"Identity is rolling out the new token format next week.", ""},
	{"Mobile shipped the fix in 4.12.", ""},
	{"Mobile and backend are both to blame.", PersonCause},
	{"Ops was at fault for the missed renewal.", PersonCause},
	{"The outage grew out of a decision to share the cluster.", ""},
	{"The alert grew from a single threshold into twelve.", ""},
	{"The outage came from the vendor's side.", ""},
	{"The incident stems directly from Bartek's decision to skip the canary.", PersonCause},
	{"Ilse played back the logs to reproduce the bug.", ""},
	{"The new hire took the training seriously.", ""},
	{"The team took the capacity alerts seriously.", ""},
	{"Engineers should take the warning banner seriously.", ""},
	{"It was simply a matter of time before the disk filled.", ""},
	{"The fix was a matter of adding one index.", ""},
	{"The migration tool only checks the schema, not the data.", ""},
	{"The vendor's engineers treat our tickets as spam.", Judgement},
	{"The platform team sees security reviews as a chore.", Judgement},
	{"Farid went home without checking that the rollback finished.", PersonCause},
	{"Farid deployed at 17:55 and went home after the canary passed.", ""},
	{"Clearly anyone reading the dashboard could tell the disk was filling.", Hindsight},
	{"Autoscaler ignored the CPU alert because its metrics source was down.", ""},
	{"It was Dana's mistake, plain and simple.", PersonCause},
	// Classes generalised from the third held-out set's misses, each with
	// fresh blameful sentences and the neutral readings that share words:
	// uncritical acceptance, cursory looks, competence doubts, sarcastic
	// arrival, making it worse, condescending rules of thumb, futility,
	// stubbornness, going ahead despite warnings, sitting on or parking a
	// warning, silencing and returning to other work, acting before checks
	// came back, omissions after a relative clause, a competent X does Y,
	// approving what one knew was unverified, performance cycles, one
	// person's changes restricted, on someone's watch, labels named as
	// terms, and things called the culprit.
	{"Halvard took the vendor's status page at its word and never checked our own graphs.", Judgement},
	{"Halvard took the status page at face value instead of checking the error logs.", Judgement},
	{"The resolver took the cached record at face value until the TTL expired.", ""},
	{"Ilona restarted the pods instead of thinking for herself about why they crashed.", Judgement},
	{"Ilona escalated to the database team instead of restarting the pods a third time.", ""},
	{"Benedek rebooted the router instead of escalating to the network lead.", Judgement},
	{"The proxy retried the request instead of escalating the error to the client.", ""},
	{"Rasmus merged the schema change without a second look at the migration plan.", PersonCause},
	{"The change reached production without a second look from the pipeline.", ""},
	{"Mirela pushed the patch without so much as a glance at the diff.", PersonCause},
	{"One look at the queue graph was all it would have taken, and Teodor never opened it.", Counterfactual},
	{"All it took was one malformed packet to crash the parser.", ""},
	{"All it would have taken was a retry budget on the client.", ""},
	{"The storage team does not seem to understand how replication lag works.", Judgement},
	{"Ottilie doesn't seem to grasp what a connection pool is for.", Judgement},
	{"The dashboard does not seem to show the replica lag at all.", ""},
	{"Kalinda did not know that the cron job depended on the old hostname.", ""},
	{"Bartholomew finally showed up on the bridge forty minutes after the page.", Judgement},
	{"Bartholomew finally found the leaking connection at 16:10.", ""},
	{"The replica finally caught up at 03:20 UTC.", ""},
	{"The on-call DBA made the outage worse by restarting the primary twice.", PersonCause},
	{"Restarting the primary twice made the outage worse.", ""},
	{"The retry storm made things worse for every tenant.", ""},
	{"Gwendolyn compounded the outage by deleting the lock table.", PersonCause},
	{"The missing index compounded the outage.", ""},
	{"Ansel drained every node at once, which is exactly what you never do during a resize.", Judgement},
	{"The runbook explains what not to do during a resize.", ""},
	{"Ansel restarted the consumers one at a time, as the runbook describes.", ""},
	{"Leopold spent an hour rebuilding the index by hand, which was never going to work.", Judgement},
	{"The retry was never going to work because the token had expired.", ""},
	{"Cosima refused to believe the cache was stale until the third report.", Judgement},
	{"Cosima confirmed that the firewall was not the cause and moved on to the load balancer.", ""},
	{"The payments squad had every chance to roll back and still let it ship.", Judgement},
	{"The squad had every dashboard they needed and used them well.", ""},
	{"Evander let it ship on Friday with three failing checks.", PersonCause},
	{"The pipeline let the build through because the check was marked optional.", ""},
	{"Perpetua sat on the certificate warning for three weeks.", PersonCause},
	{"Perpetua sat on the incident call for two hours and took notes.", ""},
	{"The replica sat on the same disk as the primary.", ""},
	{"Marguerite parked the expiry ticket until after the holidays.", PersonCause},
	{"Marguerite parked the car and joined the bridge from the lobby.", ""},
	{"Ciaran silenced the disk alert for a day and went back to his feature work.", PersonCause},
	{"Ciaran silenced the duplicate alert and went back to the investigation.", ""},
	{"Ciaran snoozed the page and returned to his meeting.", PersonCause},
	{"Philippa promoted the build to every region without waiting for the canary results.", PersonCause},
	{"Philippa rolled back without waiting for approval, as the runbook allows.", ""},
	{"The pipeline promoted the build without waiting for the canary results.", ""},
	{"Arjen wrote the cleanup job that deleted the old snapshots and then forgot about it.", PersonCause},
	{"The cleanup job that Arjen wrote deleted the old snapshots and then failed.", ""},
	{"Arjen configured the cleanup job that deleted the old snapshots and then exited cleanly.", ""},
	{"A decent DBA checks the replication slots before every failover.", Judgement},
	{"A careful reviewer reads the migration, not just the diff summary.", Judgement},
	{"A senior engineer reviews every change to the firewall.", ""},
	{"A careful review of the firewall rules is scheduled for May.", ""},
	{"Solveig approved a rollback plan she knew had never been rehearsed.", Judgement},
	{"Solveig approved the plan she knew the team had rehearsed twice.", ""},
	{"Solveig knew the job was not idempotent, so she drained the queue first.", ""},
	{"Add Emeric's name to the watch list for the next performance cycle.", Punitive},
	{"Run the performance evaluation of the new cluster before the launch.", ""},
	{"Every change Wilhelmina makes to the router config needs a second approver for a quarter.", Punitive},
	{"Every change to the router config needs a second approver.", ""},
	{"The third outage this year happened on Radomir's watch.", PersonCause},
	{"The pager was on Radomir's watch list.", ""},
	{"Another broken release has come out of Radomir's hands.", PersonCause},
	{"The decision was out of Radomir's hands once the vendor failed over.", ""},
	{"The word \"human error\" appears in the first draft and has been removed.", ""},
	{"The term operator error hides the missing confirmation prompt.", ""},
	{"This was operator error, plain and simple.", HumanError},
	{"The culprit here was a stale DNS entry in the resolver cache.", ""},
	{"The culprit here is Gideon, who pushed the change.", Punitive},
	{"Sunniva skimmed the rollout plan the way people skim terms and conditions.", Judgement},
	{"Sunniva skimmed the logs and found the failing request.", ""},
	{"Oswin argued for an hour that the cache could not be stale, and that cost us the evening.", Judgement},
	{"The cold cache cost us an hour of degraded latency.", ""},
	{"Fenella knowingly shipped a migration without a rollback.", Judgement},
	{"She noticed the retries made it worse and disabled them.", ""},
	{"Lea said the canary should have caught the regression.", ""},
	{"Lea said Dana ignored the second page.", PersonCause},
	{"Torvald sat on the review panel for the new runbook.", ""},
	{"Amadou sat on the escalation call with the vendor.", ""},
	{"Amadou parked the escalation with the vendor at their request.", ""},
	{"Jolene muted the channel and went back to her work on the mitigation.", ""},
	{"Nadim argued that the rollback was not safe, and he was right.", ""},
	{"Gustavo had every reason to trust the runbook.", ""},
	{"Wren refused to accept the risk and rolled back.", ""},
	{"Ines thought for herself about the trade-off and chose to fail over.", ""},
	{"The vendor finally surfaced a status update at 15:00.", ""},
	{"Jolene muted the disk alert for a week and went back to her project work.", PersonCause},
	{"Quillon never thinks for himself when a runbook exists.", Judgement},

	// Team and role subjects named by their function.
	{"Release engineering failed to rehearse the rollback on the new base image.", PersonCause},
	{"Payments operations neglected to update the settlement calendar.", PersonCause},
	{"Release engineering rehearsed the rollback on the new base image.", ""},
	{"The data engineering pipeline failed to load the late partitions.", ""},
	// Appositives: the person the description is attached to.
	{"Ottilie Brandt, the director of infrastructure, waved the migration plan through in a corridor chat.", Judgement},
	{"Ottilie Brandt, the director of infrastructure, approved the migration plan after the dry run.", ""},
	{"The scheduler, a cron job on the bastion, failed to start the backup.", ""},
	// "that" before a time is a determiner, not a relative.
	{"Bertil was on call that night and is at fault for missing the disk alert.", PersonCause},
	{"The replica lagged that night because the backup job held a lock.", ""},
	// Dismissal.
	{"Marit brushed aside the linter warning and merged the schema change.", Judgement},
	{"Everyone on the bridge scrolled past the capacity warning for an hour.", PersonCause},
	{"The log viewer scrolled past the first error before anyone could read it.", ""},
	{"Sigrun shrugged at the second page and kept working on the report.", Judgement},
	// Fixation, slowness, distraction.
	{"Eamon fixated on the load balancer even though Liesel had pointed out the expired certificate.", Judgement},
	{"The secondary on-call was slow and unfocused during the first hour.", Judgement},
	{"The secondary on-call was distracted for most of the incident.", Judgement},
	{"The metrics pipeline was slow and the dashboards lagged by ten minutes.", ""},
	{"The failover was slow because the DNS TTL was an hour.", ""},
	{"Two years into the job, Kasimir still does not know how the ledger replicas are fed.", Judgement},
	{"The deploy went out even though the canary had flagged a latency regression.", ""},
	// Evaluative predicates on people.
	{"Checking the certificate inventory was apparently beneath the platform team.", Judgement},
	{"The queue had a backlog of its own making after the retry storm.", ""},
	{"The billing squad shipped a migration with no rollback, a crisis of their own making.", PersonCause},
	{"Rosalind's team was more worried about its velocity chart than about the data loss.", Judgement},
	{"The capacity team worried more about the cost than the latency, as the budget required.", ""},
	{"The payments squad deploys to production the way other teams deploy to a scratch cluster.", Judgement},
	{"Agnieszka spent two hours tuning queries before it occurred to her to check the disk.", Judgement},
	{"Leopold deferred the patch to Thursday so that he would not have to cancel his weekend plans.", Judgement},
	{"Leopold deferred the patch to Thursday so that the change window would cover it.", ""},
	{"Nobody on the storage team seems to look at the capacity forecast anymore.", Judgement},
	{"The old exporter does not seem to run anymore.", ""},
	{"Not one reviewer on the platform team looked at the Terraform plan.", Judgement},
	{"Teodor sat in the incident channel for forty minutes before mentioning the config change he had made.", Judgement},
	{"Teodor joined the bridge at 14:10 and shared the config diff.", ""},
	// Advice aimed at a named person.
	{"Ambrose needs to start testing his migrations against a copy of production.", Judgement},
	{"Ambrose should learn how the connection pool works before touching it again.", Judgement},
	{"The on-call engineer needs to acknowledge the page within five minutes.", ""},
	{"The runbook needs to start with the rollback command.", ""},
	// Sanctions in any voice.
	{"Ulrike's production access has been suspended until further notice.", Punitive},
	{"Her deploy permissions were revoked after the second outage.", Punitive},
	{"The expired service account's permissions were revoked automatically.", ""},
	{"Casimir's manager has been notified about the outage.", Punitive},
	{"Notify the service owner's manager when an error budget is exhausted.", ""},
	{"The overtime will be charged to Reinhold's team as a penalty.", Punitive},
	{"The overage was charged to the shared infrastructure budget.", ""},
	{"We will hold the release managers accountable for the missed freeze.", Punitive},
	{"Hold payments operations accountable in the quarterly review.", Punitive},
	// Generic-person counterfactuals.
	{"Anybody could have predicted that a full reindex would saturate the cluster, and Evander still ran it.", Judgement},
	{"Nobody could have predicted that the vendor would rotate the key early.", ""},
	// Haste and shortcuts.
	{"Hilde deployed the config at the end of her shift and went home.", PersonCause},
	{"Ilse deployed the fix and then went home once the graphs were flat.", ""},
	{"Hilde handed over to Joost at the end of her shift.", ""},
	{"Rasmus still executed the drain after the warning appeared.", ""},
	{"Gwendolyn wiped out the staging tenants with a single terraform destroy.", PersonCause},
	{"The retention job wiped out three days of traces.", ""},
	// Outsiders and system labels are not responders' blame.
	{"Orders dropped because shoppers who had forgotten their saved cards could not check out.", ""},
	{"Engineers who had forgotten the override flag redeployed the old image.", PersonCause},
	{"The gateway logged each malformed request as a user error and returned a 400.", ""},
	{"We logged the outage as human error in the tracker.", HumanError},
	// Actions the plan allows.
	{"Ignatius skipped the soak period, which the release checklist lists as optional for config-only changes.", ""},
	{"Ignatius skipped the soak period, which was the one step that would have caught it.", PersonCause},
	// Acting over a warning, slowness, shame.
	{"Leofric restarted the primary anyway, despite two warnings in the channel.", Judgement},
	{"The job restarted the primary despite the warning in its log.", ""},
	{"Wilma took forever to hand over the incident.", Judgement},
	{"The index rebuild took forever on the old disks.", ""},
	{"Osric dragged his feet on the rollback.", Judgement},
	{"Frankly, the release team should feel embarrassed about this one.", Judgement},
	{"Ysolde cared more about closing the ticket than about the customers.", Judgement},
	{"Benedikt merged the change at the end of his day and logged off.", PersonCause},
	{"Teresa pushed the fix and logged off after confirming recovery.", ""},
	{"Adaeze waited for the canary before sharing the results with the bridge.", ""},
	{"Imani rolled back despite the alert clearing, to be safe.", ""},
	{"Benedikt logged off at 18:00 after handing over to Mirela.", ""},
	{"The mobile team will be held responsible for the crash rate in the review.", Punitive},
	{"Each action item is held by one responsible owner.", ""},
	// Priorities, pretence and lapses.
	{"Leocadia chose convenience over safety when she disabled the lock.", Judgement},
	{"The team chose availability over consistency for the session store.", ""},
	{"Benedek prioritised his own launch over the incident.", Judgement},
	{"The support team prioritised their enterprise customers over the free tier.", ""},
	{"Zygmunt behaved as if the freeze did not exist.", Judgement},
	{"The proxy behaved as if the header did not exist.", ""},
	{"Oriane let the signing certificate expire.", Judgement},
	{"The renewal job let the signing certificate expire.", ""},
	{"Seraphine was supposed to rotate the key and did not.", Judgement},
	{"The sync job was supposed to run nightly but did not.", ""},
	{"Nobody on the rotation thought to check the queue depth.", Judgement},
	{"Nobody could tell from the dashboard that the queue was growing.", ""},
	{"Perpetua's bonus will be docked this quarter.", Punitive},
	// Omission of any routine duty, unless a system stood in the way.
	{"Gideon did not renew the signing certificate.", PersonCause},
	{"The platform squad never patched the bastion kernel.", PersonCause},
	{"Esther did not share the workaround with the secondary.", PersonCause},
	{"Esther did not share the workaround, because the wiki was down.", ""},
	{"The certificate did not renew because the ACME job was disabled.", ""},
	{"Konstantin was nowhere near his laptop when the page fired.", Judgement},
	{"The fix was nowhere near ready at 15:00.", ""},
	{"Rhiannon approved the pull request without a look.", PersonCause},
	{"Ulf deployed at 17:55 on a Friday, of all times.", PersonCause},
	// Subjects of unfamiliar shape, team nouns, split patterns, negated
	// labels, and personnel consequences in any wording.
	{"Thandiwe failed to mention that the staging cluster also held the old key.", PersonCause},
	{"The exporter failed to report that the same disk was also full.", ""},
	{"Anyone in his position would have made the same call that night.", ""},
	{"Someone on the billing team should have checked the invoice totals the same morning.", Counterfactual},
	{"The site reliability group dropped the ball on the certificate renewal.", PersonCause},
	{"The database crew sat on the vacuum warning for a month.", PersonCause},
	{"The replication group dropped two members during the partition.", ""},
	{"Nobody on the search or ranking teams is to blame for an undocumented default.", ""},
	{"Nobody in mobile or web engineering was at fault for the expired token.", ""},
	{"Engineers on the search or ranking teams were at fault for the bad index.", PersonCause},
	{"We are not calling this anyone's negligence, since the flag had no owner.", ""},
	{"Nobody is treating the delay as carelessness on the vendor side.", ""},
	{"Ignacio's handling of the pager was careless.", Judgement},
	{"Lazy connection setup in the worker pool hid the DNS failure.", ""},
	{"Lazy image loading on the product page cut the first paint time.", ""},
	{"Bartholomew was lazy about the rollback plan.", Judgement},
	{"The blame for this lies with the storage team, who never tested restores.", Punitive},
	{"The fault for the outage lies with Priyanka, who skipped the canary.", Punitive},
	{"The fault for the outage lies in the retry policy, which doubled the load.", ""},
	{"Mireille saw the error budget drain all afternoon and let it go.", Judgement},
	{"Mireille let it go to the secondary queue once the primary filled.", ""},
	{"Anselm will meet with his manager to go over his part in the outage.", Punitive},
	{"We will meet with the vendor's manager to go over the contract terms.", ""},
	{"Oskar will be reminded in the retro what his shortcut cost the team.", Punitive},
	{"The new dashboard reminds us what each query costs.", ""},
	{"Philippa will not be given deploy rights again until she completes training.", Punitive},
	{"The cache will not be given more memory until the leak is fixed.", ""},
	{"Radek will have to account for the missed page at the next on-call review.", Punitive},
	{"The estimate must account for the holiday traffic at the next planning review.", ""},
	{"Any engineer worth their salary would have read the changelog first.", Judgement},
	{"Salary data for the team is stored in the HR system, which was not affected.", ""},
	{"Teodor is the kind of engineer who deploys first and asks questions later.", Judgement},
	{"The router is the kind of component that retries forever.", ""},
	{"Valentina has a habit of muting alerts she finds noisy.", Judgement},
	{"The scheduler has a habit of retrying failed jobs twice.", ""},
	{"Casimir was out of his league on the BGP side and never said so.", Judgement},
	{"Dorottya panicked and restarted the database without a plan.", Judgement},
	{"The kernel panicked twice during the load test.", ""},
	{"Lennart got round to answering the page after his coffee.", Judgement},
	{"Imelda has been told more than once to check the replica lag first.", Judgement},
	{"The client was told more than once to retry by the rate limiter.", ""},
	{"It was Horatio's retention setting that left the disk full.", PersonCause},
	{"It was Horatio's dashboard that spotted the lag first.", ""},
	{"Svetlana's handling of the rollout will be written up and sent to her manager.", Punitive},
	{"The summary will be sent to the incident channel and the status page.", ""},
	{"Jurgen kept deleting pods without once asking what they ran.", PersonCause},
	{"Jurgen restarted the pods without once losing a request.", ""},
	{"Aurelio threw away a day of metrics by wiping the volume.", PersonCause},
	{"The collector threw away malformed events by design.", ""},
	{"The infrastructure team has been asleep on kernel patching for months.", Judgement},
	{"A quick look at the diff was all Ottilie needed to spot the typo.", Counterfactual},
	{"Leopold approved the migration without a single question about rollback.", PersonCause},
	{"The payments team needs to understand that there will be consequences next time.", Judgement},
	{"Wilhelmina ought to have asked about the disk alert that evening.", Counterfactual},
	{"Ferdinand's commit message said 'small fix', which tells you how much thought went into it.", Judgement},
	{"The capacity team needed nothing more than a glance at the graph.", Counterfactual},
	{"Clementine's dashboard rights have been withdrawn pending a conduct review.", Punitive},
	{"A slip on Bronisław's part left the second bucket public.", HumanError},
	{"The platform team treats alert hygiene as somebody else's business.", Judgement},
	{"Leocadio has a habit of merging late and leaving others to clean up after him.", Judgement},
	// Evaluative asides and framing: sarcasm, motives, trivial effort.
	{"Honestly, Marit never reads the release notes.", Judgement},
	{"Honestly, we were lucky the replica was healthy.", ""},
	{"Naturally, the first step was to roll back.", ""},
	{"Anselm, true to form, was unreachable for most of the shift.", Judgement},
	{"A glance at the runbook was, apparently, too much to ask of the on-call engineer.", Judgement},
	{"The batch size of 500 seems to have been pulled out of thin air by Ingrid.", Judgement},
	{"Ottokar restarted the pods, as though that would clear the cache.", Judgement},
	{"The client retried as though the server would recover.", ""},
	{"It took Brunhilde an hour to read a five-line config.", Judgement},
	{"Priya spent twenty minutes restoring the snapshot.", ""},
	{"It took Priya ten minutes to find the one-line change that caused it.", ""},
	{"A one-minute edit by Torvald left nine thousand riders without tickets.", Judgement},
	{"A one-line fix by Priya stopped the bleeding.", ""},
	{"Apparently nobody on the data team thought a billion rows might need an index.", Judgement},
	{"Nobody on the team seems to know why the value is 30.", ""},
	{"Leontyne wanted the rollout done before her lunch, so the canary was skipped.", Judgement},
	{"Walburga switched off the schema check to \"save time\".", Judgement},
	{"Casimir's review consisted of clicking Approve.", Judgement},
	{"Casimir's review consisted of three passes over the diff.", ""},
	{"Our on-call engineers should not be allowed anywhere near the primary.", Judgement},
	{"The batch job should not be allowed anywhere near the primary.", ""},
	{"Who merges a schema change on a Friday without a dry run?", Judgement},
	{"The team, who ship without a freeze window, paged the vendor.", ""},
	{"Root cause: a mistake by the operator on duty.", HumanError},
	{"The Redis operator promoted a replica without asking for confirmation.", ""},
	{"Isidore did not run any tests on the new image.", PersonCause},
	{"Isidore did run the tests on the new image.", ""},
	{"Leontyne wanted the rollout done before her 09:30 meeting, so the canary stayed unread.", Judgement},
	{"It was a plain old slip-up on Leopold's part.", HumanError},
	{"Zdenek loses production access for the quarter.", Punitive},
	{"The service account loses access after 24 hours.", ""},
	{"She blew straight past the confirmation dialog.", PersonCause},
	{"Goran went straight for the snapshot.", ""},
	{"Some of us apparently think a page can wait until after breakfast.", Judgement},
	{"Some of us were on a flight when the page fired.", ""},
	{"A quick look at the queue would have told Ines that the batch had gone.", Counterfactual},
	{"Apparently Joss considers the deploy checklist optional.", Judgement},
	{"Apparently the vendor assumed the header was optional.", ""},
	{"A thirty-second command from Piotr took down checkout for two hours.", Judgement},
	{"A one-line fix from Priya brought the error rate down.", ""},
	{"No one on the platform team ever reads the deprecation notices.", Judgement},
	{"The data team never reads the capacity reports.", Judgement},
	{"The cron job never reads the new config.", ""},
	{"Lukas spent the morning tweaking dashboards while the queue burned.", Judgement},
	{"Checking the replica lag first is apparently too much effort for some people.", Judgement},
	{"Rebuilding the index by hand was too much effort for the on-call engineer, so she failed over.", ""},
	{"Evidently the release team does not read its own runbook.", Judgement},
	{"It took a customer tweet for the web team to notice the checkout was down.", Judgement},
	{"The identity team has been promising to fix the token refresh for two years.", Judgement},
	{"Bruno deleted the only copy of the config.", PersonCause},
	{"The retention job deleted the only copy of the snapshot.", ""},
	{"Once more the frontend team shipped without telling anyone.", PersonCause},
	{"Once the frontend team shipped, the errors started.", ""},
	{"- 10:36 UTC — Naturally, restarting the gateway was Aino's first instinct.", Judgement},
	{"Priya, naturally, took the lead on comms.", ""},
	{"The retry limit of 7 appears to have been chosen at random by Oskar.", Judgement},
	{"Priya picked a shard at random to test the restore.", ""},
	{"Farid's idea of testing is running it once on his laptop.", Judgement},
	{"Priya's idea of using a canary was adopted by the team.", ""},
	{"Who thought it was a good idea to run a migration at peak?", Judgement},
	{"Thanks to Rhea's shortcut, we lost three hours of orders.", Judgement},
	{"Thanks to Priya's runbook, we spent only ten minutes restoring the replica.", ""},
	{"Agnes thought she knew better than the runbook.", Judgement},
	{"Priya knew better than to restart the primary.", ""},
	{"Pavel's \"quick fix\" took down the API for an hour.", Judgement},
	{"Bianca prioritised her conference talk over the incident.", Judgement},
	{"Priya let the alert go unacknowledged for an hour.", PersonCause},
	{"The payments team has known about this bug since 2021 and done nothing.", PersonCause},
	{"We have done nothing to the cluster since.", ""},
	{"Any engineer worth the name would have checked the replica first.", Judgement},
	{"Kerttu should be the one to explain this to the customers.", Punitive},
	{"Henna will present this postmortem and account for her decisions.", Punitive},
	{"We expect Valter to do better next quarter.", Judgement},
	{"We expect the vendor to ship a fix next quarter.", ""},
	{"Ruben has been asked to stay off production until further notice.", Punitive},
	{"Deploys are frozen until further notice.", ""},
	{"Ruben is no longer on the deploy allowlist.", Punitive},
	{"The incident goes on Ruben's record.", Punitive},
	{"Emil went ahead with the migration even though the replica was behind.", Judgement},
	{"Jasper pointed the load test at production.", PersonCause},
	{"Priya pointed the dashboard at the new cluster.", ""},
	{"Pia signed off on a change she had not read.", Judgement},
	{"Vilja decided to \"simplify\" the routing table.", Judgement},
	{"Mehmet copied the config from an obsolete page and never stopped to question it.", PersonCause},

	// Performance talks about a named person.
	{"Add the config rollback to Ingrid's year-end review.", Punitive},
	{"Bartosz will hear about this in his quarterly appraisal.", Punitive},
	{"The missed page goes into Oren's performance file.", Punitive},
	{"We will raise it with both of them at their next one-to-one.", Punitive},
	{"The quarterly review of alert thresholds moved to March.", ""},
	{"Ingrid's review of the runbook caught two stale commands.", ""},
	{"The performance file system was remounted read-only.", ""},
	{"Their next release adds a health check for the queue.", ""},

	// Sanctions and paying for it in person.
	{"Somebody has to answer for the lost invoices.", Punitive},
	{"Someone will pay for this outage.", Punitive},
	{"He can explain the double charges to finance himself.", Punitive},
	{"Everyone should learn from her mistake.", Punitive},
	{"The refunds should come out of the billing team's budget.", Punitive},
	{"The director will decide whether Noor keeps her deploy rights.", Punitive},
	{"Take away Arvid's admin access until the audit is done.", Punitive},
	{"Frankly, it was his mess.", Punitive},
	{"Someone has to pay for the extra replicas, so we asked finance.", ""},
	{"Hana explained the rollback plan herself during the call.", ""},
	{"We learned from the vendor's example and added a canary.", ""},
	{"The credits came out of the support budget as usual.", ""},
	{"We asked whether the replica keeps its slot after failover.", ""},
	{"The job takes away the stale locks every minute.", ""},

	// Sarcastic asides and mock politeness.
	{"Sofia's grasp of the retry logic is, to put it mildly, limited.", Judgement},
	{"Lukas approved a schema change on a Friday afternoon; let that sink in.", Judgement},
	{"Paulo restarted the primary at noon, because apparently the change freeze is optional.", Judgement},
	{"Marta merged the 900-line patch, apparently without scrolling past the first file.", Judgement},
	{"Igor signed off on the plan, apparently without opening it.", PersonCause},
	{"The on-call rota is a purely decorative document for the data team.", Judgement},
	{"A reply from Ana to the escalation would be nice, for a change.", Judgement},
	{"Another sprint, another hotfix from the payments team.", Judgement},
	{"Nobody on the search team reads the capacity reports, and it shows.", Judgement},
	{"Deploying on a Friday was, shall we say, ambitious of Karim.", Judgement},
	{"Tariq ran the backfill at peak, because what could possibly go wrong?", Judgement},
	{"The cache ran out of memory, and it shows up in the latency graph.", ""},
	{"To put it simply, the cache expired before the refresh finished.", ""},
	{"The queue drained in ten minutes flat after the fix.", ""},
	{"Apparently the vendor changed the default without notice.", ""},
	{"The settings page is purely decorative until the flag is on.", ""},
	{"We switched to a new provider for a change in pricing.", ""},
	{"Another region, another set of certificates had to be renewed.", ""},

	// Faint praise, asides to the reader and sarcastic credit; the same
	// words about a system, or not as an aside, are not findings.
	{"Ines did, in fairness, acknowledge the page within the hour.", Judgement},
	{"Tomas's migration did, to its credit, keep the old column.", Judgement},
	{"Mirela, for her part, did reply eventually.", Judgement},
	{"Ravi got there in the end.", Judgement},
	{"Olu's rollback was, at least, quick.", Judgement},
	{"That is three approvals in two minutes, for anyone keeping count.", Judgement},
	{"One wonders what the review step was for, with Femi as the approver.", Judgement},
	{"The flag went to every tenant at once, courtesy of Anneli.", PersonCause},
	{"Keanu and Bastian will both answer for this at the review.", Punitive},
	{"In fairness, the dashboard showed no errors at the time.", ""},
	{"To be fair, the runbook did not mention the second cluster.", ""},
	{"The cache got there in the end once the warm-up finished.", ""},
	{"We kept at least three replicas of every partition.", ""},
	{"The logo is shown courtesy of the vendor's press kit.", ""},
	{"Both brokers answered for the partition within a second.", ""},
	{"Had anyone on the data team been watching the lag, we would have known in minutes.", Counterfactual},
	{"Had the alert been routed to the database channel, it would have been seen sooner.", ""},
	{"Had the DBA been paged at 02:00, the failover would have started sooner.", ""},
	{"Kwame, as the reviewer, overlooked the timezone field.", PersonCause},
	{"The linter, as configured, overlooked the timezone field.", ""},
	{"Kwame, as the reviewer, approved the change at 14:02.", ""},

	// Published postmortems about systems: a title-case term, a common
	// noun before "of", a passive, a kind of fault, a number with commas
	// and an -ed or -ing verb after a thing are not people's doing.
	{"Transaction ID Wraparound in Postgres caused Sentry to go down for most of a working day.", ""},
	{"Lack of exponential backoff in a microservice caused a cascading failure.", ""},
	{"Influx of requests overloaded the database and caused replication to lag.", ""},
	{"Flowdock was taken down manually at 21:30 UTC to investigate the leak.", ""},
	{"The cluster was taken down by Arvid at 21:30 UTC.", PersonCause},
	{"Arvid took down the cluster at 21:30 UTC.", PersonCause},
	{`This created a "Byzantine fault" scenario for the etcd cluster.`, ""},
	{"The outage affected people in some areas, and caused rolling blackouts.", ""},
	{"The grid failure affected ~50,000,000 people for ~4 days, and caused rolling blackouts.", ""},
	{"The grid failure, affecting 50 people, caused rolling blackouts.", ""},
	{"Engineers manually forced builds through and wrote tools to drain the backlog.", ""},
	{"Arvid forced the change through review.", Judgement},
	{"A more seasoned on-call would have checked the thread pools first.", Judgement},
	{"New US pods began failing to connect to Postgres within the 20 s timeout.", ""},
	{"An outage in AWS services, including DynamoDB, Route 53, and API Gateway, caused a ripple effect.", ""},
	{"SRE Arvid took down the cluster at 21:30 UTC.", PersonCause},
	{"No one in the team knows how to renew the certificate.", ""},
	{"Anyone who has run a backfill knows it needs a dry run.", Judgement},
	{"The second engineer read the logs but saw nothing obviously wrong.", ""},
	{"The first engineer identified the remedial action to take.", ""},
	{"Arvid will be sent on remedial training.", Punitive},
	{"Root causes: the pool was too small and the retries had no jitter.", ""},
	{"We asked GitHub support to ban the malicious user, who is now banned from GitHub.", ""},
	{"The bot was temporarily banned from the chat service's API.", ""},
	{"Arvid is banned from deploying on Fridays.", Punitive},
	{"Anmol set up a test cluster to try scenarios of what could have gone wrong.", ""},
	{"Too many containers brought down at once overloaded the remaining hosts.", ""},
	{"Even Arvid ignored the alert.", PersonCause},
	{"The issue was caused by human errors following the upgrade instructions.", HumanError},
	{"The outage was due to operator mistakes during the failover.", HumanError},
	{"The dashboard shows the human errors counter from the form validator.", ""},
	{"Replication lagged, tired admin deleted the wrong directory, six hours of data lost.", PersonCause},
	{"Paged engineers restored the replica within the hour.", ""},
	{"I suspect this was due to the hub being too busy, not to a node failure.", ""},
	{"I suspect this was due to Arvid being too busy to look.", Judgement},
	{"Nnamdi to send the team a written account of his reasoning.", Punitive},
	{"Femi and Ada to walk the all-hands through exactly what they did that night.", Punitive},
	{"Leadership asked that the engineers behind the launch be named in the risk report.", Punitive},
	{"Nnamdi to write an account of the timeline for the review.", ""},
	{"Ada to walk the team through the new failover runbook.", ""},
	{"The affected services will be named in the SLA report.", ""},

	// Insinuation and time spent, judged.
	{"Farid reverted the database the way you would restart a laptop.", Judgement},
	{"Camille, who designed the schema, was presumably aware of the limit.", Judgement},
	{"Emeka has been warned about unbounded queries before.", Judgement},
	{"Lin's review amounted to skimming the title.", Judgement},
	{"Zanele burned an hour on the CDN graphs before looking at DNS.", Judgement},
	{"Yara spent fifteen minutes insisting the alert was a false positive.", Judgement},
	{"Ravi went off to the gym with the reindex still running.", Judgement},
	{"Mateo pushed the change and then went to grab lunch.", Judgement},
	{"Kemal kept pressing to skip the verification step.", Judgement},
	{"It took forty minutes for anyone on the team to check the deploy log.", Judgement},
	{"This is the second outage from Dorota this month.", Judgement},
	{"This is what happens when interns are allowed to touch production.", Judgement},
	{"The load balancer spreads traffic the way you would expect.", ""},
	{"The replicas were presumably aware of the new leader after the election.", ""},
	{"Dana was asked about the timeline before the review.", ""},
	{"The fix amounted to changing one flag.", ""},
	{"The batch job burned two hours of CPU on retries.", ""},
	{"Leila spent twenty minutes checking the replication lag.", ""},
	{"Dana went off call at 18:00 as scheduled.", ""},
	{"The scheduler kept pushing jobs to the drained node.", ""},
	{"It took forty minutes for the index to rebuild.", ""},
	{"This is what happens when retries are allowed to stack up.", ""},

	// Keeping quiet, letting things rot, leaving hazards.
	{"Mirela saw the lag alert and kept quiet.", Judgement},
	{"The engineer who approved the change chose to say nothing in the incident channel.", Judgement},
	{"Jonas let the certificate ticket gather dust for a month.", PersonCause},
	{"Whoever hand-edited the DNS zone left a landmine for the next deploy.", PersonCause},
	{"Teodor left the retry handler as a stub when he went on leave.", PersonCause},
	{"Sven leaked the signing key by pasting it into a public gist.", PersonCause},
	{"Roisin walked away from it halfway through the migration.", PersonCause},
	{"Aziz, the reviewer, read the warning and clicked approve anyway.", Judgement},
	{"The dashboard stayed quiet while the queue grew.", ""},
	{"The health check said nothing about the disk.", ""},
	{"The ticket gathered dust in the old tracker.", ""},
	{"The migration left a trap door table that we dropped later.", ""},
	{"The service leaked memory until the pod restarted.", ""},
	{"Kaito walked away from the terminal once the handover was done.", ""},
	{"Priya approved the change after the canary passed.", ""},

	// An action as the subject of an evaluation of conduct.
	{"Promoting the replica without a snapshot was reckless.", Judgement},
	{"Choosing a single region for the primary is amateurish.", Judgement},
	{"Rolling out to every tenant at once was careless.", Judgement},
	{"Loading the images lazily was a reasonable trade-off.", ""},
	{"Restarting the pods was useless because the config was still wrong.", ""},
	{"Sharding by tenant was a sound call.", ""},

	// Parsing: short quotations, names in -ys, plurals, "one" and "that" as determiners, "a.m.", "without", exceptions.
	{"Malik clicked \"Force push\" and ignored the branch protection warning.", PersonCause},
	{"Grete wrote \"LGTM\" and skipped the test plan.", PersonCause},
	{"Keys were rotated, but Rhys was careless about the old ones.", Judgement},
	{"Nodes were drained by hand; Gladys forgot the last one.", PersonCause},
	{"Upgrades in the staging cluster should have been using surge settings.", ""},
	{"Pages from the old alerts should have been routed to the new rota.", ""},
	{"Keys should have been rotated by the cron job.", ""},
	{"Dana typed \"ignore\" into the filter box.", ""},
	{"The cleanup fell on one junior engineer's weekend, cleaning up after one junior engineer's script.", Judgement},
	{"One region failed over, and one engineer confirmed it.", ""},
	{"The platform engineers seem to treat the runbook as optional.", Judgement},
	{"The platform engineers review tickets every morning.", ""},
	{"Running the migration at 2 a.m. without a second reviewer was reckless.", Judgement},
	{"The job ran at 2 a.m. without errors.", ""},
	{"Calling it anything but carelessness by one person would be dishonest.", Judgement},
	{"Calling this a blunder by one person would ignore the missing guard.", ""},
	{"Lazy materialisation of the views hid the problem.", ""},
	{"The scheduler depended entirely on the vendor's clock.", ""},
	{"Detection relied solely on the vendor's anomaly detection.", ""},
	{"Terraform ignored the manual rules until the next apply.", ""},
	{"- 02:16 UTC — Dana posted \"failover done\" in the channel and went to make coffee.", Judgement},

	// An evaluation of what an action achieved, and a cost, stay silent.
	{"Scaling the pool up was inadequate for the backlog.", ""},
	{"Hashing the keys again was hopeless without the salt.", ""},
	{"Someone has to pay for the extra replicas, so we asked finance.", ""},

	// Phrasings from the misses of a blind set, each with a blameless
	// neighbour.
	{"People who approve payment code without reading it will be held accountable from now on.", Punitive},
	{"We are not reading this as carelessness.", ""},
	{"Running destroys by hand on a weekend, with no second pair of eyes, was irresponsible.", Judgement},
	{"Retrying without backoff, in a tight loop, was what amplified the load.", ""},
	{"| Kofi's PR approval rights revoked until further notice | @isabela | ENG-221 |", Punitive},
	{"Kofi's PR added the new index.", ""},
	{"The deletion came down to a blunder in Arjun's Terraform change.", HumanError},
	{"A lapse in monitoring let it through.", ""},
	{"Record the clock-change incident in the performance review of both Tomás and Ruth.", Punitive},
	{"Add the latency numbers to the performance review of the API.", ""},
	{"Ruth closed the one ticket that could have stopped it.", Counterfactual},
	{"A heads-up from Haruto at 19:05 would have been worth more than the apology at 19:41.", Counterfactual},
	{"A page from the monitor would have helped.", ""},
	{"The people responsible for this will run the next clock-change review themselves.", Punitive},
	{"The people responsible for this service met on Monday.", ""},
	{"The review process, such as it was, consisted of one emoji.", Judgement},
	{"The cache, such as it is today, holds only the last hour.", ""},
	{"Twenty minutes of silence from the one person who knew exactly what had happened.", Judgement},
	{"Twenty minutes of silence from the exporter preceded the crash.", ""},
	{"Storing local time in a primary key is the kind of thing juniors learn to avoid, and Tomás is not a junior.", Judgement},
	{"This is the kind of thing new joiners learn in onboarding, so we added it to the guide.", ""},
	{"A two-minute review of a change to payment idempotency tells you everything about how seriously it was taken.", Judgement},
	{"The canary tells you everything about how the release behaves.", ""},
	{"Some of us have been asking for a database panel on the API dashboard since March.", Judgement},
	{"Some of us have been on call for years.", ""},
	{"Twenty minutes is a long time to stare at a load balancer that is working perfectly.", Judgement},
	{"Zofia chose sleep over the first page, and that choice cost us most of the morning.", Judgement},
	{"The delay cost us most of the morning.", ""},
	{"Haruto to read the workspace docs and confirm in writing that he has read them.", Punitive},
	{"Tomás wrote the timestamp handling, and it is his loader that threw the readings away.", PersonCause},
	{"It was his runbook that saved the morning.", ""},
	{"The security team rotated a production credential without a moment's thought for who was using it.", Judgement},
	{"| 12:10 | Thandiwe | Forty minutes on the hold line, while the failover log sat unread. |", Judgement},
	{"The report sat unread in the queue because the mailbox was unmonitored.", ""},

	// Paraphrases of the shared set's subtle lines, each with a blameless
	// neighbour.
	{"Lena had to tidy up after Piotr once more.", Judgement},
	{"The job tidied up after the migration.", ""},
	{"We were fortunate that Amara was online to reverse Kenji's change.", Judgement},
	{"Luckily, the replica was there to undo the damage.", ""},
	{"Dana reverted Kenji's change at 14:02.", ""},
	{"Fifteen minutes to acknowledge a SEV1 is not okay from anyone, least of all Rui.", Judgement},
	{"Latency of two seconds is fine from the user's point of view.", ""},
	{"Jun was still looking at the wrong region's dashboard at 16:40.", Judgement},
	{"The cache was still looking at the wrong shard.", ""},
	{"Noah was hesitant and slow for the first half hour.", Judgement},
	{"The API was unresponsive for ten minutes.", ""},
	{"Elif carried on with her sprint work as though the alert was irrelevant.", Judgement},
	{"The flag was treated as though it was optional.", ""},
	{"A note has been added to Marek's HR record.", Punitive},
	{"The data team informed no one, so support learned about it from customers.", PersonCause},
	{"The script notified nobody because the webhook was broken.", ""},
	{"Dana asked nobody to stay late.", ""},

	// From the misses and false positives of heldout16.
	{"- 11:48 UTC — Dmitri from QA reported that his test phone in the pilot cohort crashed on launch.", ""},
	{"Ji-ho phoned it in on the review.", Judgement},
	{"Two retail partners missed their delivery-promise reports, which are built from the same events.", ""},
	{"Our partner team missed the handover.", PersonCause},
	{"The platform team left origin shielding off for months and let the rest of us assume it was on.", Judgement},
	{"The status page let everyone assume the API was healthy.", ""},
	{"Tooling can only do so much when the weak point sits between the keyboard and the chair.", Judgement},
	{"The backfill runbook opens with the flag, and Siddharth launched the DAG without it anyway.", PersonCause},
	{"The deploy ran without it anyway, since the flag is optional.", ""},
	{"Ji-ho bumped the plugin version, read as far as the first heading of the guide, and called it done.", Judgement},
	{"- [ ] Hamid moves to support shadowing, so that he hears from the customers he left waiting.", PersonCause},
	{"The outage left customers waiting for an hour.", ""},
	{"Hamid shipped a blocking call into the hottest consumer we have and never measured its latency.", PersonCause},
	{"The canary never measured the latency of the new path.", ""},
	{"Ahmet offered a batch endpoint in the design review, and Hamid needed only to say yes.", Counterfactual},
	{"Gustavo moved the rotation so that it would not clash with his leave, and that choice set up the whole morning.", Judgement},
	{"The network team read the rotation announcement and kept that detail to themselves.", Judgement},
	{"The cache kept the stale entries to itself.", ""},
	{"Whoever configured the SAML settings pasted the certificate in, left no note, and moved on.", PersonCause},
	{"Matthias left the size mapping as a TODO and handed over the adapter as finished.", PersonCause},
	{"The job left the record as a placeholder until the import finished.", ""},
	{"| Reconsider the Q3 bonus for Florin's team in light of the lost revenue | @keiko | MER-121 |", Punitive},
	{"The bonus for the on-call rotation is paid monthly.", ""},
	{"The script had sat in Mateo's home directory since June, one command away from this answer.", Judgement},
	{"The alert was one click away from the dashboard.", ""},
	{"Keiko, who reviews conversion every morning, spent a week explaining the dip away.", Judgement},
	{"Our release manager did a fine job of submitting the build and an equally fine job of not looking at it.", Judgement},
	{"Dana did a great job of not letting the backlog grow.", ""},

	// From the plain misses and false positives of heldout19 and heldout21.
	{"No competent operator restarts a settlement batch from the top without checking what was posted.", Judgement},
	{"Beatriz's team signed off on 3.4.0 after a half-baked bench test that lasted forty minutes.", Judgement},
	{"A firmware engineer with any networking experience would have tested a lease renewal.", Judgement},
	{"A build with any cache would have finished sooner.", ""},
	{"We have identified Julien as the culprit.", Punitive},
	{"The root cause analysis names Thandiwe as the culprit, and this review agrees.", Punitive},
	{"Changing garbage collectors on the bid path at peak traffic was an incompetent call.", Judgement},
	{"Switching regions was a reasonable call.", ""},
	{"Shipping cache changes on on-sale morning is the kind of cowboy move we cannot afford again.", Judgement},
	{"The cowboy hat emoji is our deploy reaction.", ""},
	{"The build team is responsible for breaking the fleet-wide cleanup setting.", PersonCause},
	{"The team is responsible for leaving the on-call handbook up to date.", ""},
	{"- 02:41 UTC — Step failed to parse the rates file, and the scheduler marked the run as aborted.", ""},
	{"Filing this under operator error would not explain how an old console could accept edits.", ""},

	// From the false positives of heldout29.
	{"Fans who missed the pre-match programme were offered a discount code.", ""},
	{"The engineers who missed the alert were paged twice.", PersonCause},
	{"- 6,240 applicants were declined who should have gone to manual review.", ""},
	{"Treating this as pilot error by one engineer would miss how easy the pipeline made it.", ""},
	{"We are treating this as human error.", HumanError},
	{"The ban manager treats every signature as equally trustworthy.", ""},
	{"Ban Dana from the deploy rota.", Punitive},
	// Job titles and groups beyond engineering, from the misses of heldout31
	// to heldout37; and their blameless neighbours.
	{"The night biomedical scientist dropped the ball on the morning checks.", PersonCause},
	{"The biomedical scientist reran the morning checks at 07:10.", ""},
	{"The compliance officer rubber-stamped the redesign.", Judgement},
	{"The compliance officer approved the redesign after the second review.", ""},
	{"The recording agency screwed up the prompt order.", PersonCause},
	{"The recording agency delivered the files a day late, as the contract allows.", ""},
	{"Procurement ignored the renewal notice for three weeks.", PersonCause},
	{"The procurement service ignored the renewal notice because its filter dropped the sender.", ""},
	{"The flow editor should have rejected a menu whose keys did not match the prompts.", ""},
	// Sanctions, verdicts and a shift gone careless, from the same misses.
	{"Withdraw Burak's production deploy access for 90 days.", Punitive},
	{"Withdraw the deploy token from the retired runner.", ""},
	{"Matthias has revoked Wouter's write access to the ledger.", Punitive},
	{"Matthias revoked the leaked deploy token at 14:10.", ""},
	{"End Thiago's contract at the close of the month.", Punitive},
	{"The contract with the CDN vendor ends at the close of the month.", ""},
	{"Daan's name is going on the incident report as the person responsible.", Punitive},
	{"Daan's notes are in the incident report.", ""},
	{"Nobody competent would approve a pricing change in ninety seconds.", Judgement},
	{"Nobody approved the pricing change: the pipeline applied it on merge.", ""},
	{"Running a bulk update with no second pair of eyes is amateur hour.", Judgement},
	{"The bulk update ran with a second reviewer, as the runbook asks.", ""},
	{"The day shift has become careless about temperature notices.", Judgement},
	{"The day shift has become the first responder for temperature notices.", ""},
	// Idioms that recur in blame by implication, from the misses of the
	// labelled sets and sentences; and their blameless neighbours.
	{"Bilal's entire review was a thumbs-up emoji on a 900-line diff.", Judgement},
	{"Kofi reacted with a thumbs-up to confirm the rollback had finished.", ""},
	{"Makoto's reviews have become a formality.", Judgement},
	{"The change advisory board is a formality for standard changes.", ""},
	{"That approval took Youssef under a minute, which is roughly how long it takes to read a PR title.", Judgement},
	{"Bram is very good at creating keys and rather less interested in what happens to them afterwards.", Judgement},
	{"Reading an upgrade guide to the end is apparently optional in platform engineering.", Judgement},
	{"Matteo decided the drift was noise and went back to his dinner.", PersonCause},
	{"Ama handed over to the night shift at 22:00 and went home.", ""},
	{"The thermostat went back to sleep after the update.", ""},
	{"One look at the drift map was all it took, and Matteo never took it.", Counterfactual},
	{"The canary was all it took to catch the second regression.", ""},
	{"Chebet has been moved off nights while she completes the training again.", Punitive},
	{"Dana moved the job off the shared runners at 14:00.", ""},
	{"Arjun applied it at the end of his day, without a word to the mobile teams.", PersonCause},
	{"The job restarted without a word in the logs.", ""},
	{"Gokhan applied a 7-day expiry to the whole bucket, then logged off for the weekend.", PersonCause},
	{"Abena logged off at 18:10 after handing the fare queue to Elin.", ""},
	{"Sahra left the office with the failover half finished and her phone on silent.", PersonCause},
	// A month's abbreviation is not a name (a heading of published
	// timeline); a name after it still is.
	{"Dec 17th **21:43** 3rd Report of media cache misses", ""},
	{"On 17 Dec Dana missed the page twice.", PersonCause},
	{"We appreciate our community holding us accountable.", ""},
	{"We will hold Dana accountable for the outage.", Punitive},
	// Capitalised common words and adverbs that start a sentence of
	// published postmortems are not names; names are.
	{"Especially given this caused code freeze to slip.", ""},
	{"Failures caused mainly by the termination of nine nodes.", ""},
	{"System updates to packages known to have caused issues in the past.", ""},
	{"Q232 - Discuss what causes Loki to use version 2.4.1.", ""},
	{"Emily forgot to renew the certificate.", PersonCause},
	{"Beverly ignored the disk alert.", PersonCause},
	{"It is frankly careless to edit a query that feeds a mailing house without a preview.", Judgement},
	{"It would be careless to remove the check without a replacement.", ""},
	{"It's careless to deploy on a Friday without a canary.", Judgement},
	{"The code review that added the flag was a rubber-stamp job.", Judgement},
	{"The review step is now a required approval by a second engineer.", ""},
	// Records, hazards and the team's own apology, from postmortems of
	// other teams.
	{"The attachments are in the Linode Audit Log.", ""},
	{"While I was aware of the risk of leaking the token, I kept it in the file.", ""},
	{"Dana leaked the token in the logs.", PersonCause},
	{"We owe an apology to the members whose time we wasted.", ""},
	// An adjective in -ly is not an adverb to step over: "user unfriendly
	// error" is not "user error".
	{"We discussed mitigating the user unfriendly error message.", ""},
	// A team's outlook judged; and the same verbs about a call or a system.
	{"The DBA team seems to regard CDC as somebody else's hobby.", Judgement},
	{"The cache seems to treat empty responses as hits.", ""},
	{"Nobody on the call seemed to know that the replica was lagging, because the lag metric was not on the dashboard.", ""},
	{"A dashboard would have told us sooner.", ""},
	// Traits named as what cost the time, and a team's naivety.
	{"Mariana's stubbornness on the call cost us eight minutes.", PersonCause},
	{"The fleet team's faith in the installer is the kind of naivety we cannot afford.", Judgement},
	{"Both reviewers showed a lack of judgment on the rollout.", Judgement},
	{"The lack of a staging environment slowed the rollout.", ""},
	// Idioms no system is the subject of; and the system doing the same.
	{"Draw operations dropped the ball on verification.", PersonCause},
	{"The load balancer dropped the connections on the floor.", ""},
	{"The caching team should have had a failover alert in place.", Counterfactual},
	{"The cache should have had a timeout.", ""},
	{"A basic sanity check from the analyst would have kept riders from paying truck prices.", Counterfactual},
	{"A more careful editor would have spotted the swap.", Counterfactual},
	{"A sanity check in the pipeline would have caught the swap.", ""},
	{"A short message from Indah to the database channel was all it required.", Counterfactual},
	{"Ninety seconds on the test line was all that separated Sanna from a clean release.", Counterfactual},
	// Omissions without a negated verb.
	{"Thanawat joined the channel and said nothing about the status for an hour.", PersonCause},
	{"The logs said nothing about the failed status.", ""},
	{"The contractor unplugged the antenna and left the time server to fend for itself.", PersonCause},
	{"Whoever set a ten-minute timer as a stand-in for a second pair of eyes created this incident.", PersonCause},
	{"The support agent ignored the phrase in the ticket.", PersonCause},
	{"The monitoring agent ignored the mount.", ""},
	{"The instrumentation firm messed up the shelving procedure.", PersonCause},
	{"The rollout plan was careless from start to finish.", Judgement},
	{"The rollout plan was short.", ""},
	// Sarcastic asides and comparisons with a novice.
	{"Álvaro, bless him, considered one green unit test proof enough.", Judgement},
	{"Hendrik's on-call shift was, charitably, a nap with a pager.", Judgement},
	{"Kristjan took the alert about as seriously as a fire drill email.", Judgement},
	{"Geneviève spent a leisurely twenty minutes on the carrier's status page.", Judgement},
	{"Mart keyed 41, and the preview screen evidently did not merit a second glance.", Judgement},
	{"Wessel acknowledged the page and then finished his lunch.", Judgement},
	{"That is what we would expect from a new starter, not from someone with Beatriz's experience.", Judgement},
	{"Subtracting naive timestamps is the kind of thing we cover on day one.", Judgement},
	{"The change went out with the confidence of someone who has never been paged for it.", Judgement},
	// Sanctions in the wording of process.
	{"HR has been copied on this report.", Punitive},
	{"The HR portal has been copied to the new region.", ""},
	{"Draw operations will be explaining themselves to the commission.", Punitive},
	{"Radek will renew the certificates by hand every quarter so that the lesson sticks.", Punitive},
	{"Sipho sits out the next two upgrades to give him time to reflect.", Punitive},
	{"Pieter's merges need two approvals until he has earned back some trust.", Punitive},
	{"Paloma moves to day shifts under supervision until further notice.", Punitive},
	{"Elif reran the job under supervision.", ""},
	{"The on-call engineer is named as answerable for the loss.", Punitive},
	{"That rule applies to him alone.", Punitive},
	{"Indah's changes go through Tomás personally.", Punitive},
	{"Record the incident against Adebayo in the review.", Punitive},
	{"Record the incident in the risk register.", ""},
	{"Put Elif's name in the notice so merchants know whom to thank.", Punitive},
	{"Move Beatriz to read-only access on the console.", Punitive},
	// A label quoted or discussed, not used; and used.
	{"A dropped session is logged as an operator error in the audit trail.", ""},
	{"The incident was logged as human error and closed.", HumanError},
	{"We treat a 403 as a user error by default.", ""},
	{"The appeal form asks whether it was caused by a \"compromised key or user error\".", ""},
	{"The root cause was \"human error\" by the on-call engineer.", HumanError},
	{"We considered describing this as user error, and decided it explains nothing.", ""},
	{"Recording this as operator error would not explain the delay.", ""},
	{"Labelling this a human slip would hide the real problem.", ""},
	// Sarcasm about how a person worked; and the same words plainly.
	{"Next time a reviewer looks at allergen logic, perhaps they could open the file.", Judgement},
	{"Perhaps the build could cache the modules.", ""},
	{"Pekka approved the change from his phone at a bus stop.", Judgement},
	{"Babajide seemed more irritated by the page than worried about the homes behind it.", Judgement},
	{"Linnea's sign-off speaks for itself.", Judgement},
	{"Ari then spent the next hour assuring the channel that the dashboards were slow.", Judgement},
	{"Ari spent the next hour restoring the dashboards.", ""},
	{"Hila found the flag in five minutes, which is more than the platform team managed in half an hour.", Judgement},
	{"Chloé copied a lifecycle rule from a blog post and pointed it at the masters bucket.", Judgement},
	{"Radek switched the health check off because it cluttered his log view.", Judgement},
	{"Oskar tends to treat HR systems as less important than customer-facing ones.", Judgement},
	{"Mandla runs flight operations like a courier depot, and it showed.", Judgement},
	{"It took someone from finance to notice the missing millions.", Judgement},
	{"Kwame's Friday-evening confidence cost three depots their linehaul.", PersonCause},
	{"Khulan has patched this cluster often, so the order should not have been news to her.", Hindsight},
	// A team's silence and work left undone.
	{"Nobody on the DRM team mentioned the change in the channel.", PersonCause},
	{"Nobody on the DRM team knew about the freeze.", ""},
	{"The job has not run since Tuesday.", ""},
	{"The caching team left the store in a half-finished state.", PersonCause},
	{"@gustavo marked the test run as passed while it was still in the queue.", PersonCause},
	{"Whoever approved this change can explain it to the dean.", Punitive},
	{"The studios can hear the apology from that person directly.", Punitive},
	{"Whoever wrote that parser should be kept well away from safety-critical code.", Punitive},
	{"The trigger was hardware, but what turned it into lost seats was human error back in 2022.", HumanError},
	{"The operator error logs are kept for a year.", ""},
	// "The same" and "position" test a substitution only as one: "in her
	// position", "the same call"; not "in the same hour", "the slot
	// position".
	{"Neema failed to add a test with two readings in the same hour.", PersonCause},
	{"Aiko should have noted the slot position before promoting.", Counterfactual},
	{"Anyone in her position would have made the same call.", ""},
	// What the runbook allowed and the person did not do.
	{"Mafalda failed to suspend the alerts, even though the runbook allows it.", PersonCause},
	// People by what they do: the operator, customer care, partner support,
	// forecasters; programs by their product.
	{"If the operator had opened the dashboard, he would have seen the counter.", Counterfactual},
	{"The Strimzi operator failed to reconcile the topic.", ""},
	{"Customer care failed to escalate a security problem.", PersonCause},
	{"Partner support ignored the first email from the shelter.", PersonCause},
	{"IPv6 support failed to load on the old kernels.", ""},
	{"The forecasters on the night desk ought to have spotted the gap.", Counterfactual},
	// A verdict on conduct as the predicate or on the work.
	{"Forcing slot ownership by hand at peak was plain recklessness.", Judgement},
	{"It was a careless migration, done late at night.", Judgement},
	{"The lazy migration copies rows on first read.", ""},
	{"It was inexcusable for the switchboard operator to treat the pager as routine.", Judgement},
	// More verdicts in plain words, and their neighbours about systems.
	{"Håkon has been told about the lookup at least twice and still loads tariffs like a rookie.", Judgement},
	{"Tadhg took his time answering the escalation.", Judgement},
	{"The security team dragged its feet for half an hour.", Judgement},
	{"Nobody on the night shift was paying any real attention to the banner.", Judgement},
	{"The platform team is out of its depth with Consul.", Judgement},
	{"The storage team has never taken data retention seriously.", Judgement},
	{"The early shift is simply not competent to run a release alone.", Judgement},
	{"Signing up for on-call and then riding the train shows real indifference.", Judgement},
	{"Picking it as a default shows a lazy attitude to the one field that matters.", Judgement},
	{"Calling this a careless review would miss the point.", ""},
	{"Any engineer using this module would have walked into the same trap.", ""},
	{"Zhou Qian brushed the report aside and went home.", PersonCause},
	{"Tomáš deployed the rule and knocked out the Android app for an hour.", PersonCause},
	{"The failed switch knocked out the rack.", ""},
	{"Lukáš dumped the whole mess on Parisa and Eoin.", PersonCause},
	{"Zdeněk left the night shift holding a broken scheduler.", PersonCause},
	{"The culprit is not the console; it is the person who ran it.", PersonCause},
	{"Field operations explained the missed restocks to customers.", ""},
	{"Selam is as much to blame as Dafydd.", Punitive},
	{"Everyone in the channel knew who the culprit was.", Punitive},
	{"Bohdan's use of the tool is a sackable offence.", Punitive},
	{"Rizky should expect a conversation about his merge rights.", Punitive},
	{"Leadership wants the engineers responsible named in the board report.", Punitive},
	{"Elin's access to the relay repository has been reduced to read-only.", Punitive},
	{"At its root, this was a DBA error during the failover.", HumanError},
	{"The DBA error log rotated at midnight.", ""},
	{"Tomás should have dry-run the cleanup first.", Counterfactual},
	{"If only somebody on call had looked at the CDN log first.", Counterfactual},
	// Going back to the work in hand is not going back to bed.
	{"Nour muted the alert and went back to the rollback.", ""},
	{"After the call, Dmitri went back to the migration and finished the cutover.", ""},
	{"Priya silenced the duplicate page and went back to her work on the fix.", ""},
	// Plain verdicts of a later batch, and their neighbours.
	{"Gorka's contract will not be renewed.", Punitive},
	{"The weekend on-call switched off the symptom and left the cause for whoever came next.", Judgement},
	{"The person who made it knows who he is.", Punitive},
	{"The contractor plainly had no idea how ACH works.", Judgement},
	{"We had no idea the cache was stale.", ""},
	{"A quick sanity check by Gulnora on the totals would have caught it.", Counterfactual},
	{"Brais typo'd the one number in the file that caps the edge.", PersonCause},
	{"The offline evaluation was a box-ticking exercise.", Judgement},
	{"He merged on a Tuesday evening and left the pricing team to discover it the hard way.", PersonCause},
	{"It takes a special kind of carelessness to test a date script on 200 rows.", Judgement},
	{"Ronan was responsible for the worst two hours this product has had.", PersonCause},
	{"Shipping a global cache change on a storm-warning day is foolhardy.", Judgement},
	{"Kaloyan is too disengaged from edge reviews to approve them.", Judgement},
	{"The backend leads have a gung-ho streak when it comes to sale-day changes.", Judgement},
	{"It is embarrassing that nobody on the bid team noticed the clocks.", Judgement},
	{"The trader on duty should have suspended the markets.", Counterfactual},
	{"Testing on v4.2 was shoddy.", Judgement},
	{"The ski school office failed to check the roster.", PersonCause},
	{"The office network failed to come back after the outage.", ""},
	{"An analyst who understood ratios would never have written that.", Judgement},
	{"The identity team sat on the emergency change for ninety minutes.", PersonCause},
	{"Nobody in library systems had the basic curiosity to read the error.", Judgement},
	{"The fault lies squarely with library systems.", Judgement},
	{"Anush closed the ticket without bothering to watch a webhook go through.", Judgement},
	{"Anush is known for racing through routine tasks.", Judgement},
	{"Djenabou argued against a rollback and lost the team another fifteen minutes.", PersonCause},
	{"Djenabou goofed by bundling the index and the code into one release.", PersonCause},
	{"Kosal should have woken someone up when the warning came in.", Counterfactual},
	{"Kosal is too green for a solo night shift.", Judgement},
	{"This is, regrettably, a human error story.", HumanError},
	{"The Kafka brokers would have gone offline with a second one down.", ""},
	// A person's work judged, whatever stands between it and the verdict.
	{"Kato's handover after the load test was slipshod.", Judgement},
	{"Zhou Qian's first response to a regulator's audit finding was dismissive.", Judgement},
	{"Kato's handover after the load test was complete.", ""},
	// Labels of systems and labels discussed.
	{"To the scanner API a rejected card is a user error (HTTP 403).", ""},
	{"The API answered each rejection as a user error.", ""},
	{"User error by the on-call engineer deleted 412 rows.", HumanError},
	{"Writing \"operator error\" in the summary tells the next operator nothing.", ""},
	{"Whether this counts as someone's mistake matters less than the missing check.", ""},
	// Labels and idioms of a later batch: what is discussed or an impact,
	// and what judges a person.
	{"Contractors have the least room to explain themselves.", ""},
	{"Two coach operators missed connections and asked for compensation.", ""},
	{"Arul changed the parser to ignore trailing fields.", ""},
	{"Calling Kyverno too strict misses the point.", ""},
	{"Wires were held for manual sanctions review.", ""},
	{"Pilot error played no part here.", ""},
	{"We are keeping operator error out of this review's conclusions.", ""},
	{"Blaming the runbook or the on-call would miss the point.", ""},
	{"The team reported the incident to the regulator as a near miss.", ""},
	{"The ticket title says \"operator error\", but we found five gaps.", ""},
	{"\"Pilot error\" is how the first ticket described it.", ""},
	{"Nobody on the catalogue team seemed remotely bothered that the field was public.", Judgement},
	{"Anousone jumped the gun on the next drive.", Judgement},
	{"The ward's indifference to a GP warning was inexcusable.", Judgement},
	{"Karthik never compared a single summary against v3.", PersonCause},
	{"Both witnesses were inattentive and countersigned the log.", Judgement},
	{"The culprit, in the regulator's eyes, is the security team.", Punitive},
	{"The payments team left production Redis wide open for two years.", PersonCause},
	{"Ffion's edit was slipshod.", Judgement},
	{"The loss was down to technician error.", HumanError},
	{"Shoddy migration planning on the platform team is how a service got left behind.", Judgement},
	{"Procurement signed off a supplier and then washed its hands of the change.", Judgement},
	{"Eoin's casual attitude to the composition is the problem.", Judgement},
	{"Zofia abandoned the incident for lunch.", PersonCause},
	{"Nirav withheld the one fact that would have ended the incident.", PersonCause},
	{"Nirav deleted a stream behind its owners' backs.", Judgement},
	{"Katerina left the RADIUS side for someone else to discover.", PersonCause},
	{"Kai will lose cluster-admin until he has completed the Flux training.", Punitive},
	{"Réka was still idly refreshing the status page.", Judgement},
	{"Tavita bypassed payments engineering and re-ran the batch herself.", PersonCause},
	{"Support sat on a dozen duplicate-seat contacts.", PersonCause},
	{"Fetu needed to escalate by the third complaint, and everyone on that shift knew it.", Judgement},
	{"Csilla's team let a rule spread unchecked to all twelve districts.", PersonCause},
	{"The change advisory board rubber-stamped the migration.", Judgement},
	{"The contractor's office ignored three calls from the council.", PersonCause},
	// A fourth batch: attributive participles, places with numbers, and
	// more verdicts, sanctions and hindsight.
	{"Branches recorded 133 missed viewings where applicants left early.", ""},
	{"Kenan restored the lazy reader flag in a follow-up commit.", ""},
	{"The harbour master suspended Berth 3 operations for 40 minutes.", ""},
	{"Withdraw the contractor's site access until the vendor sends someone competent.", Judgement},
	{"Nobody on the firmware team had the sense to ask city operations.", Judgement},
	{"We will be reviewing whether Chaime's firm keeps the contract.", Punitive},
	{"The blame here sits with the AV contractor.", Punitive},
	{"Tatenda was half-asleep at the wheel for the first half hour.", Judgement},
	{"Selma sat on two escalations from the helpdesk before she paged anyone.", PersonCause},
	{"The firm has been told that a repeat will trigger penalty clauses aimed at Curdin personally.", Punitive},
	{"We have withheld payment on Edin's final invoice as a consequence.", Punitive},
	{"Kenan's refactor was a rush job.", Judgement},
	{"Support treated two clear warnings as noise, which is careless at the start of an intake.", Judgement},
	{"If only the editors had told anyone about the new column.", Counterfactual},
	{"The trustees neglected the technology side of the charity for years.", PersonCause},
	{"The report names the ticketing team as the party at fault.", Judgement},
	{"Take the weekend dispatcher off the weekend rota until a review is complete.", Punitive},
	{"Remove template publishing rights from the design team permanently.", Punitive},
	{"Calling this anything other than human error in the pricing team would be dishonest.", HumanError},
	{"Calling this human error would explain nothing.", ""},
	{"It should have been plain to Jānis that a flipped orientation breaks everything downstream.", Hindsight},
	{"Our director described it as a mistake by one of our map engineers.", HumanError},
	{"The messaging team is responsible for the delay.", PersonCause},
	{"Kristjan treated a compliance-critical change like a weekend side project.", Judgement},
	// Deleting and removing with agreement, as planned, is a neutral step.
	{"With the DBA's approval, Lena deleted the stale replication slot.", ""},
	{"After the team agreed, Omar deleted the failed release record and re-ran the deploy.", ""},
	{"Priya deleted the orphaned volumes, as planned in the change ticket.", ""},
	{"Tomasz removed the stuck lock with the on-call lead's agreement.", ""},
	{"Once the backfill finished, Mateo dropped the temporary table.", ""},
	{"On Ana's instruction, Kofi deleted the duplicate queue and restarted the consumers.", ""},
	// A fifth batch: a person's work as the cause, people on duty by their
	// post, and more verdicts and sanctions.
	{"Kitto's Friday-night merge caused two fridges to be padlocked.", PersonCause},
	{"The nightly merge caused two fridges to be padlocked.", ""},
	{"The night controller failed to escalate while trains piled up.", PersonCause},
	{"The Kubernetes controller failed to reconcile the deployment.", ""},
	{"The control room brushed off the first call as the usual rush.", PersonCause},
	{"Fleet ops ignored the supervisor's call on Saturday.", PersonCause},
	{"A more experienced planner would have spotted the shifted row.", Counterfactual},
	{"Leaving a six-hour refresh on a live cache is the kind of reckless tuning we keep seeing.", Judgement},
	{"A contractor with a little more experience would have watched the first run.", Judgement},
	{"The fault lies with fulfilment engineering, and with Ghjuvanni in particular.", Punitive},
	{"Responsibility for the data incident has been assigned to Orry in the formal report.", Punitive},
	{"The press office wants a named person to take the blame.", Punitive},
	{"Record this incident in Mpho's probation review.", Punitive},
	{"The root cause is a typo by Visal in the rollout form.", HumanError},
	{"The service desk left the ticket to rot for a full day.", PersonCause},
	{"Themba let the alarm contacts go stale for four months.", PersonCause},
	{"IT-Security posted on Slack about it at 16:10.", ""},
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
	text := "Henrik went off-piste on the cluster."
	if ms := newDetector(t, Options{}).Check(text); len(ms) != 0 {
		t.Fatalf("default detector flags %q: %+v", text, ms)
	}
	d := newDetector(t, Options{Add: []Phrase{{Category: PersonCause, Pattern: "went off-piste", When: Subject}}})
	ms := d.Check(text)
	if len(ms) != 1 || text[ms[0].Start:ms[0].End] != "went off-piste" || ms[0].Message == "" {
		t.Errorf("added phrase: %+v", ms)
	}
	if ms := d.Check("The autoscaler went off-piste overnight."); len(ms) != 0 {
		t.Errorf("added subject phrase flags a system: %+v", ms)
	}
	d = newDetector(t, Options{Remove: []string{"careless"}, NoModel: true})
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
		if !seen[c] && c != Implied { // the model's category
			t.Errorf("no phrases for %s", c)
		}
	}
}

// TestCheckIn: a capitalised word that the document writes in code names a
// program, unless it is a person the detector knows.
func TestCheckIn(t *testing.T) {
	text := "Binder was building user pods, but was failing to direct users to them."
	programs := map[string]bool{"binder": true, "hub": true}
	if ms := newDetector(t, Options{}).Check(text); len(ms) == 0 {
		t.Fatalf("Check(%q) found nothing; the test needs a sentence that reads Binder as a person", text)
	}
	if ms := newDetector(t, Options{}).CheckIn(text, programs); len(ms) != 0 {
		t.Errorf("CheckIn(%q, binder) = %v, want nothing", text, ms)
	}
	if ms := newDetector(t, Options{People: []string{"Binder"}}).CheckIn(text, programs); len(ms) == 0 {
		t.Errorf("CheckIn with Binder a known person found nothing")
	}
	if ms := newDetector(t, Options{}).CheckIn("Dmitri forgot to renew the certificate.", programs); len(ms) == 0 {
		t.Errorf("CheckIn dropped a finding about a person who is not a program")
	}
}

// TestImplied: the model reports a sentence of implied blame about a
// person that no phrase matches, as one finding over the sentence, and
// nothing with NoModel, without a person, or in a neutral account.
func TestImplied(t *testing.T) {
	d := newDetector(t, Options{})
	text := "It took a customer on Twitter to notice what Lars's dashboards had missed for an hour."
	ms := d.Check(text)
	if len(ms) != 1 || ms[0].Category != Implied || ms[0].Start != 0 || ms[0].End != len(text) || ms[0].Message == "" || ms[0].Suggestion == "" {
		t.Errorf("Check(%q) = %+v, want one implied finding over the sentence", text, ms)
	}
	if ms := newDetector(t, Options{NoModel: true}).Check(text); len(ms) != 0 {
		t.Errorf("NoModel: Check(%q) = %+v, want none", text, ms)
	}
	for _, s := range []string{
		"It took a customer report to show that the dashboards had missed the errors for an hour.",
		"Lars approved the change at 09:14 and the rotation started at 09:30.",
	} {
		if ms := d.Check(s); len(ms) != 0 {
			t.Errorf("Check(%q) = %+v, want none", s, ms)
		}
	}
}

// TestImpliedThreshold: the model reports a sentence from the threshold
// Options.ImpliedThreshold sets, and New refuses a threshold that is not
// a probability from 0.5 to below 1.
func TestImpliedThreshold(t *testing.T) {
	text := "It took a customer on Twitter to notice what Lars's dashboards had missed for an hour."
	p := newDetector(t, Options{}).model.probability(text)
	if p < DefaultImpliedThreshold || p > 0.9999 {
		t.Fatalf("the model scores %q %.3f; the test wants a sentence it reports at the default but not at certainty", text, p)
	}
	if ms := newDetector(t, Options{ImpliedThreshold: p}).Check(text); len(ms) != 1 {
		t.Errorf("threshold %.3f (the sentence's probability): %d findings, want 1", p, len(ms))
	}
	if ms := newDetector(t, Options{ImpliedThreshold: (p + 1) / 2}).Check(text); len(ms) != 0 {
		t.Errorf("threshold %.3f, above the sentence's %.3f: %+v, want none", (p+1)/2, p, ms)
	}
	for _, bad := range []float64{0.3, 1, 1.5, -0.7} {
		if _, err := New(Options{ImpliedThreshold: bad}); err == nil {
			t.Errorf("New with ImpliedThreshold %v: no error", bad)
		}
	}
}

func TestParseModel(t *testing.T) {
	if _, err := parseModel("# c\nbias -1.5\n0.5\thello\n-0.25\thello world\n"); err != nil {
		t.Errorf("valid model: %v", err)
	}
	for _, bad := range []string{"", "0.5\thello\n", "bias x\n", "bias 1\n0.5 hello\n", "bias 1\nNaN\thello\n", "bias 1\n1\t\n", "bias 1\n1e308\thello\n"} {
		if _, err := parseModel(bad); err == nil {
			t.Errorf("parseModel(%q): no error", bad)
		}
	}
}

// TestFeatureHashes: the features of a sentence are its words and pairs,
// with placeholders: names, wherever they stand, apart from other
// capitalised words. (That their hashes are those the model scores,
// FuzzFeatureHashes checks, on the sentences of TestSentences among
// others.)
func TestFeatureHashes(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"- 09:06 Farah’s change, per @ana: the Teams' rollout.", []string{"<num>", "<num>", "<num> <num>", "<num> <name's>",
			"change", "<name's> change", "per", "change per", "per <handle>", "the", "<handle> the", "the <cap>", "rollout", "<cap> rollout"}},
		// A name that starts the sentence; a product after "the" and
		// one a tech word; a capitalised common word that starts one.
		{"Khulan restarted the Redis node and Pgbouncer. Customers retried.", []string{"restarted", "<name> restarted",
			"the", "restarted the", "the <cap>", "node", "<cap> node", "and", "node and", "and <cap>",
			"customers", "<cap> customers", "retried", "customers retried"}},
	} {
		if got := featureWords(c.text); !slices.Equal(got, c.want) {
			t.Errorf("featureWords(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestNameWordCache: isNameWord answers as nameWord does, the first time
// and from its cache, at the start of a sentence and elsewhere, from
// several goroutines at once.
func TestNameWordCache(t *testing.T) {
	words := []string{"khulan", "customers", "upgrades", "pgbouncer", "scheduler", "emily", "especially", "nodes", "jonas", "rhys", "turner"}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				for _, w := range words {
					for _, start := range []bool{false, true} {
						if got, want := isNameWord(w, start), nameWord(w, start); got != want {
							t.Errorf("isNameWord(%q, %v) = %v, want %v", w, start, got, want)
						}
					}
				}
			}
		}()
	}
	wg.Wait()
}
