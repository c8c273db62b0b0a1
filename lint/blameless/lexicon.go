package blameless

import (
	"strings"
	"sync"
)

// The lexicon is a small hand-written grammar of English function words,
// verb forms and nouns that name people. It is enough to find the subject of
// a clause in the kind of prose postmortems are written in; it is not a
// general part-of-speech tagger.

func wordSet(lists ...string) map[string]bool {
	m := make(map[string]bool)
	for _, l := range lists {
		for _, w := range strings.Fields(l) {
			m[w] = true
		}
	}
	return m
}

var (
	determiners = wordSet(`the a an this that these those every each some any no our their his her its my your
		another all both either neither such much many few several`)

	// personPronouns name a person when they are the subject or object.
	personPronouns = wordSet(`he she i him me himself herself myself`)

	// otherPronouns are pronouns that do not point at an individual.
	otherPronouns = wordSet(`it they them we us you itself themselves ourselves this these those there here
		what which who whom whose something nothing everything anything one ones`)

	// genericPeople are quantified people ("anyone paying attention").
	genericPeople = wordSet(`anyone anybody someone somebody nobody everyone everybody whoever no-one`)

	prepositions = wordSet(`in on at by for with from to of into onto over under about during without within
		through throughout across against between among toward towards via per than like upon off out up down
		despite except behind beyond around along inside outside past`)

	coordinators = wordSet(`and or but nor yet so`)

	subordinators = wordSet(`because while although though since whereas unless until if when whenever once
		after before as where wherever whether`)

	relatives = wordSet(`who which that whom whose`)

	auxiliaries = wordSet(`am is are was were be been being has have had having do does did will would shall
		should can could may might must ought need needs needed
		didn't doesn't don't wasn't weren't isn't aren't hasn't haven't hadn't won't wouldn't shouldn't
		couldn't can't cannot mustn't could've should've would've`)

	negations = wordSet(`not never no nobody nothing none neither nor without no-one
		didn't doesn't don't wasn't weren't isn't aren't hasn't haven't hadn't won't wouldn't shouldn't
		couldn't can't cannot mustn't`)

	adverbs = wordSet(`then still even just also again already ever only really actually simply clearly
		obviously later soon now first finally immediately quickly apparently probably certainly entirely
		completely anyway instead too very quite rather almost nearly merely frankly honestly basically
		unfortunately fortunately luckily eventually initially originally previously subsequently
		additionally meanwhile similarly evidently plainly squarely seriously mostly partly largely
		barely hardly scarcely definitely surely perhaps maybe else otherwise afterwards together alone
		straight`)

	// sentenceAdverbs may start a sentence capitalised; they are never names.
	sentenceAdverbs = wordSet(`frankly honestly clearly obviously unfortunately fortunately luckily eventually
		finally initially originally previously subsequently additionally meanwhile similarly apparently
		basically ultimately meanwhile evidently plainly importantly interestingly notably overall however
		therefore thus hence also later then still naturally predictably unsurprisingly conveniently
		surprisingly understandably presumably hopefully sadly thankfully ironically admittedly seemingly
		too very quite rather almost nearly merely just only even already again instead anyway perhaps
		maybe soon now first`)

	// notAdverbs end in -ly but are not adverbs.
	notAdverbs = wordSet(`reply supply apply rely family assembly anomaly july italy ally fly holly lily
		emily bully belly jelly poly daily weekly monthly yearly hourly early only friendly costly
		likely unlikely timely lonely ugly silly unfriendly user-friendly lovely deadly orderly elderly
		quarterly nightly biweekly fortnightly`)

	// irregularPast lists past tenses and participles that do not end in -ed.
	irregularPast = wordSet(`ran run went gone took taken made saw seen found broke broken forgot forgotten
		left put set cut sat told knew known thought got gotten gave given kept began begun brought
		caught chose chosen drew drawn drove driven fell fallen felt fought flew flown froze frozen
		grew grown hid hidden held hit hurt led lost meant met paid read rode rang rose said sold sent
		shook shaken shot shut sang sank slept slid spoke spoken spent spun stood stole stuck struck
		swore swept swung taught tore torn threw thrown understood woke wore won wrote written did done
		had was were been became become came come let bought built dealt dug fed forbade forgave
		forgiven hung laid lay lent lit mistook mistaken overlooked overran overrode overridden
		overwrote overwritten quit rebuilt rewrote rewritten shrank sought split spread sprang stank
		stung strove swam upset withdrew withdrawn wound blew blown bent bit bitten bled woken awoken typo'd withheld`)

	// notParticiples end in -ed but are not verbs.
	notParticiples = wordSet(`red bed need speed feed seed shed bled fled sled embed hundred naked wicked
		sacred kindred indeed greed creed deed weed breed steed shred`)

	// verbBases are common verbs; their -s forms mark a verb in the present tense.
	verbBases = wordSet(`break cause forget neglect ignore miss skip fail follow read check test look open
		tell notify announce escalate ask review verify bother answer respond consider think wait update
		document warn inform try run page call reply acknowledge confirm treat need want make take give
		keep go come see know find leave put set cut sit get push pull merge deploy roll restart reboot
		approve reject change flip toggle turn drop delete remove revoke add create write own decide
		choose pick schedule start stop use rely assume expect believe seem appear become remain stay
		hold lead lose mean meet pay send spend stand understand bring buy build catch draw drive fall
		feel fight fly grow hide hit hurt ride rise say sell shake shoot shut sing sink sleep slide
		speak spin steal stick strike swear sweep swing teach tear throw wake wear win rush dismiss
		disregard overlook mess screw botch wreck knock blow treat handle manage own allow let block
		prevent avoid catch spot notice fix repair restore revert snooze silence mute`)

	// roleNouns name people by role, job or group.
	roleNouns = wordSet(`engineer engineers developer developers dev devs intern interns dba dbas sre sres
		admin admins administrator administrators sysadmin sysadmins on-call oncall on-caller on-callers
		responder reviewer reviewers approver approvers author authors manager managers lead leads owner
		owners team teams squad squads crew staff person people employee employees contractor contractors
		colleague colleagues member members architect architects analyst analysts tester testers qa pm pms
		cto ceo vp director directors commander coordinator specialist consultant consultants human humans
		newcomer newcomers junior juniors hire hires trainee trainees maintainer maintainers programmer
		programmers coder coders technician technicians department departments individual individuals
		guy guys folks worker workers teammate teammates coworker coworkers co-worker co-workers
		council councils committee committees
		supervisor supervisors executive executives boss helpdesk servicedesk desk vendor vendors captain captains
		partner partners officer officers scientist scientists clerk clerks
		nurse nurses doctor doctors physician physicians pharmacist pharmacists accountant accountants auditor
		auditors designer designers researcher researchers receptionist receptionists cashier cashiers lawyer
		lawyers attorney attorneys solicitor solicitors paralegal paralegals statistician statisticians
		technologist technologists agency agencies supplier suppliers recruiter recruiters inspector inspectors
		apprentice apprentices volunteer volunteers librarian librarians teacher teachers lecturer lecturers
		firm firms operator operators forecaster forecasters dispatcher dispatchers moderator moderators
		journalist journalists trader traders witness witnesses editors trustee trustees`)

	// departments name a group of people when they stand alone as a
	// subject ("Support failed to notify customers"), but not inside a
	// compound ("IPv6 support").
	departments = wordSet(`ops devops support finance legal management leadership security marketing sales
		qa engineering operations procurement compliance`)

	// machineRoles are role nouns that also name programs, and
	// componentNouns what such a program manages: "the fleet manager",
	// "the queue workers" (not "the release manager", "the build team").
	machineRoles   = wordSet(`manager managers operator operators worker workers coordinator supervisor`)
	componentNouns = wordSet(`fleet package cluster connection task resource window secrets secret certificate
		cert config configuration dependency node process memory device session state queue workload job jobs
		pool lease lock partition replica cache volume disk key password credential thread service cron
		firmware version traffic ingest background k8s kubernetes ban bans quota policy license licence
		download`)

	// bareSubjects are common nouns that may start a sentence without an
	// article, so a capitalised one there is not a name.
	bareSubjects = wordSet(`step stage phase task job batch run support finance engineering security legal marketing sales management leadership
		ops operations product design infrastructure platform networking traffic load memory storage disk
		cpu latency throughput capacity everything nothing something anything production staging
		monitoring alerting logging tracing automation replication persistence configuration recovery
		detection diagnosis mitigation resolution validation testing review analysis escalation
		communication documentation caching scaling autoscaling investigation nobody everyone someone
		anyone customer customers user users traffic data access time part half most some none all both
		each neither either many few several much more less none rollback rollout deployment maintenance
		backup restore failover cleanup health billing pricing search checkout payments payment auth
		login signup email mail dns tls ssl api cdn http system systems action actions failure failures
		symptom symptoms impact outcome together refactor refactoring discuss summary background
		context note notes question questions telegram problem problems issue issues candidate candidates
		cause causes`)

	// techNames are product and project names that look like given names.
	techNames = wordSet(`redis kafka postgres postgresql mysql mongodb cassandra elasticsearch kibana logstash
		fluentd fluentbit loki tempo jaeger argo argocd spinnaker puppet chef ansible salt debezium celery
		sidekiq rails django spring node java python go rust ruby apple android chrome safari firefox
		stripe twilio sendgrid okta vercel netlify heroku lambda fargate cloudfront cloudwatch calico
		cilium coredns kiam adfs traefik prometheus grafana terraform helm istio envoy nginx consul vault
		jenkins docker linux debian ubuntu windows azure google amazon aws gcp cloudflare fastly akamai
		datadog sentry pagerduty opsgenie slack jira confluence github gitlab bitbucket flux kubernetes
		rabbitmq nats zookeeper etcd haproxy varnish memcached sqs sns kinesis dynamodb aurora rds eks
		gke aks openshift nomad vagrant packer airflow spark hadoop hive presto trino snowflake bigquery
		redshift looker tableau zendesk intercom salesforce hubspot shopify magento wordpress drupal
		cassandra scylla clickhouse influxdb graphite statsd nagios zabbix splunk newrelic honeycomb
		lightstep opentelemetry keycloak auth0 duo vpn bastion cron systemd bash zsh git ios macos
		iphone ipad xcode gradle maven npm yarn webpack babel react angular vue svelte next nuxt
		monday tuesday wednesday thursday friday saturday sunday january february march april may
		june july august september october november december feb apr jul aug sep sept oct nov dec
		christmas easter utc gmt cet cest est pst
		sev sev1 sev2 sev3 sev4 p1 p2 p3 pr mr ci cd`)

	// adverbSuffixes end the adverbs that start sentences ("Especially"),
	// and few names.
	adverbSuffixes = []string{"ally", "ously", "ently", "antly", "ively", "ingly", "fully", "ately"}

	// nominalSuffixes mark capitalised words that are common nouns, not names.
	nominalSuffixes = []string{"tion", "sion", "ment", "ness", "ity", "ing", "ance", "ence", "ism",
		"ogy", "ship", "ware", "ics", "ure", "age", "ery", "ists", "ers", "ors"}
)

// isPastForm reports whether the lowercase word w looks like a past tense or
// past participle.
func isPastForm(w string) bool { return lexicon()[w].past(w) }

// wordInfo is what the word lists above say of a lowercase word, gathered
// in one table (lexicon) so that the tokenizer looks each token up once
// rather than once per list.
type wordInfo struct {
	flags tokFlag // fDet, fPersonPron, fOtherPron, fGeneric (the first that
	// applies, in that order; "i" only capitalised), fPrep, fCoord, fSub,
	// fRel, fAux, fNeg, fRole
	pronounI                             bool // "i", a person only as "I"
	adverbs, notAdverbs, sentenceAdverbs bool
	irregularPast, notParticiples        bool
}

// adverb reports whether w, with its info, is an adverb.
func (in wordInfo) adverb(w string) bool {
	return in.adverbs || len(w) >= 5 && strings.HasSuffix(w, "ly") && !in.notAdverbs
}

// past reports whether w, with its info, looks like a past form.
func (in wordInfo) past(w string) bool {
	return in.irregularPast || len(w) > 3 && strings.HasSuffix(w, "ed") && !in.notParticiples
}

// lexicon returns the table, made on first use: only lint needs it, and
// making it took a millisecond of every command's start.
var lexicon = sync.OnceValue(func() map[string]wordInfo {
	m := map[string]wordInfo{}
	set := func(words map[string]bool, f func(w string, in *wordInfo)) {
		for w := range words {
			in := m[w]
			f(w, &in)
			m[w] = in
		}
	}
	// The first class that applies, as a switch would take it.
	set(genericPeople, func(_ string, in *wordInfo) { in.flags = in.flags&^(fDet|fPersonPron|fOtherPron) | fGeneric })
	set(otherPronouns, func(_ string, in *wordInfo) { in.flags = in.flags&^(fDet|fPersonPron|fGeneric) | fOtherPron })
	set(personPronouns, func(w string, in *wordInfo) {
		in.flags &^= fDet | fOtherPron | fGeneric
		if w == "i" {
			in.pronounI = true
		} else {
			in.flags |= fPersonPron
		}
	})
	set(determiners, func(_ string, in *wordInfo) {
		in.flags = in.flags&^(fPersonPron|fOtherPron|fGeneric) | fDet
		in.pronounI = false
	})
	for _, c := range []struct {
		words map[string]bool
		flag  tokFlag
	}{{prepositions, fPrep}, {coordinators, fCoord}, {subordinators, fSub}, {relatives, fRel},
		{auxiliaries, fAux}, {negations, fNeg}, {roleNouns, fRole}} {
		set(c.words, func(_ string, in *wordInfo) { in.flags |= c.flag })
	}
	set(adverbs, func(_ string, in *wordInfo) { in.adverbs = true })
	set(notAdverbs, func(_ string, in *wordInfo) { in.notAdverbs = true })
	set(sentenceAdverbs, func(_ string, in *wordInfo) { in.sentenceAdverbs = true })
	set(irregularPast, func(_ string, in *wordInfo) { in.irregularPast = true })
	set(notParticiples, func(_ string, in *wordInfo) { in.notParticiples = true })
	return m
})

// isPresentVerb reports whether w is the -s form of a known verb.
func isPresentVerb(w string) bool {
	if len(w) < 3 || w[len(w)-1] != 's' {
		return false
	}
	if verbBases[w[:len(w)-1]] {
		return true
	}
	if strings.HasSuffix(w, "es") && verbBases[w[:len(w)-2]] {
		return true
	}
	return false
}
