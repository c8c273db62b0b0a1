package lint

// Rules are all the rules, in the order in which they are listed.
var Rules = []*Rule{
	DocumentEncoding,
	FrontmatterMissing,
	FrontmatterUnterminated,
	FrontmatterYAML,
	FrontmatterDuplicateKey,
	FrontmatterRequired,
	FrontmatterType,
	FrontmatterValue,
	FrontmatterDate,
	FrontmatterOrder,
	FrontmatterFuture,
	FrontmatterUnknownKey,
	FrontmatterDuplicateID,
	SectionsRequired,
	SectionsEmpty,
	SectionsPlaceholder,
	TimelineTime,
	TimelineOrder,
	TimelineRange,
	ActionsMissing,
	ActionsOwner,
	ActionsTicket,
	ActionsDue,
	LinksRelative,
	BlamelessHumanError,
	BlamelessJudgement,
	BlamelessPersonCause,
	BlamelessCounterfactual,
	BlamelessHindsight,
	BlamelessPunitive,
	BlamelessImplied,
}

// Lookup returns the rule called name, or nil.
func Lookup(name string) *Rule {
	for _, r := range Rules {
		if r.Name == name {
			return r
		}
	}
	return nil
}
