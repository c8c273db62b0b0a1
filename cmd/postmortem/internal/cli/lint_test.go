package cli

import "testing"

func TestSuggestRule(t *testing.T) {
	names := []string{"blameless/person-cause", "blameless/hindsight", "frontmatter/required", "sections/empty"}
	for in, want := range map[string]string{
		"person-cause":          "blameless/person-cause",
		"blameless/person-caus": "blameless/person-cause",
		"blameless/nosuch":      "",
		"blameles/hindsight":    "blameless/hindsight",
		"required":              "frontmatter/required",
	} {
		if got := suggestRule(in, names); got != want {
			t.Errorf("suggestRule(%q) = %q, want %q", in, got, want)
		}
	}
}
