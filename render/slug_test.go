package render

import "testing"

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Order history errors after JSON column migration", "order-history-errors-after-json-column-migration"},
		{"Café Zürich: DNS outage!", "cafe-zurich-dns-outage"},
		{"Straße & Øresund — Łódź", "strasse-oresund-lodz"},
		{"  --Hello,   World--  ", "hello-world"},
		{"Don't panic", "dont-panic"},
		{"SEV1: 503s on checkout-api (v2.3.1)", "sev1-503s-on-checkout-api-v2-3-1"},
		{"障害", ""},
		{"", ""},
		{"A very long title that keeps going and going far past the sixty byte limit of slugs", "a-very-long-title-that-keeps-going-and-going-far-past-the"},
	} {
		if got := Slug(tc.in); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := Slug(tc.in); len(got) > maxSlug {
			t.Errorf("Slug(%q) is %d bytes, more than %d", tc.in, len(got), maxSlug)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Ñandú Ærø":    "Nandu aero",
		"plain ASCII":  "plain ASCII",
		"naïve façade": "naive facade",
		"日本":           "日本",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSuggest(t *testing.T) {
	fields := []string{"title", "date", "status", "severity", "authors", "services", "tags"}
	for _, tc := range []struct{ word, want string }{
		{"severty", "severity"},
		{"Titel", "title"},
		{"author", "authors"},
		{"staus", "status"},
		{"tgas", "tags"},
		{"runbook", ""},
		{"x", ""},
	} {
		if got := Suggest(tc.word, fields); got != tc.want {
			t.Errorf("Suggest(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}
