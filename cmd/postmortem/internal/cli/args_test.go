package cli

import (
	"io"
	"reflect"
	"strings"
	"testing"
)

func TestFlagsFirst(t *testing.T) {
	app := newApp(io.Discard, io.Discard)
	for _, tc := range []struct{ in, want string }{
		{`pm new Title --severity SEV2 --service api`, `pm new --severity SEV2 --service api -- Title`},
		{`pm lint a.md --format=json b.md --changed`, `pm lint --format=json --changed -- a.md b.md`},
		{`pm -C dir lint a.md -f json`, `pm -C dir lint -f json -- a.md`},
		{`pm lint --format json a.md`, `pm lint --format json a.md`},
		{`pm lint a.md -- --format`, `pm lint a.md -- --format`},
		{`pm lint a.md --format json -- -x.md`, `pm lint --format json -- a.md -x.md`},
		{`pm lint a.md --nosuch`, `pm lint a.md --nosuch`},
		{`pm templates list --json`, `pm templates list --json`},
		{`pm nosuch a --format json`, `pm nosuch a --format json`},
		{`pm lint a.md --help`, `pm lint --help -- a.md`},
		{`pm`, `pm`},
	} {
		got := flagsFirst(app, strings.Fields(tc.in))
		if want := strings.Fields(tc.want); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %q, want %q", tc.in, got, want)
		}
	}
}
