package blameless

import (
	"reflect"
	"sort"
	"testing"
)

func TestProgramWords(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"The Prow bot stopped answering, and Prow did not respond.", []string{"prow"}},
		{"Those Vals failed to start; our Hermes relayer kept running.", []string{"hermes", "vals"}},
		{"We ran a Mezo testnet node.", []string{"mezo"}},
		{"Mezo testnet halted.", nil}, // the start of a sentence proves nothing
		{"We saw that Kofi restarted the Kafka cluster.", []string{"kafka"}},
		{"Dana's job failed, and Dana restarted it.", nil},
		{"Then Dana’s job failed.", nil},
		{"Dana did not respond to the page.", nil},
	} {
		var got []string
		for w := range ProgramWords(tc.text, nil) {
			got = append(got, w)
		}
		sort.Strings(got)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ProgramWords(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
	d, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	programs := ProgramWords("The Prow bot answers slash commands.", nil)
	if ms := d.CheckIn("Prow did not respond to any events.", programs); len(ms) != 0 {
		t.Errorf("with Prow a program, CheckIn found %v", ms)
	}
	if ms := d.CheckIn("Dana did not respond to any events.", programs); len(ms) == 0 {
		t.Errorf("CheckIn found nothing in a person's omission")
	}
}
