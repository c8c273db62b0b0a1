package cli

import (
	"slices"
	"strings"

	ucli "github.com/urfave/cli/v2"
)

// flagsFirst returns args with the flags of the command they run moved
// ahead of its other arguments, so that `postmortem new "Title" --severity
// SEV2` and `postmortem lint x.md --format json` mean what they say: the
// command-line library stops reading flags at the first argument that is
// not one, and would take "--severity" as part of the title. A "--" ends
// the flags, as before; a word that starts with "-" but names none of the
// command's flags stays where it is. args[0] is the program's name.
func flagsFirst(app *ucli.App, args []string) []string {
	i := 1
	// The program's own flags ("-C DIR") come before the command.
	for i < len(args) && strings.HasPrefix(args[i], "-") && args[i] != "--" {
		f, inline := lookupFlag(app.Flags, args[i])
		i++
		if f != nil && takesValue(f) && !inline {
			i++
		}
	}
	if i >= len(args) {
		return args
	}
	cmd := app.Command(args[i])
	if cmd == nil || len(cmd.Subcommands) > 0 {
		return args
	}
	known := append(slices.Clip(cmd.Flags), ucli.HelpFlag)
	var flags, rest []string
	moved := false // a flag after an argument
	j := i + 1
	for ; j < len(args); j++ {
		a := args[j]
		if a == "--" {
			break
		}
		f, inline := lookupFlag(known, a)
		if f == nil {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		moved = moved || len(rest) > 0
		if takesValue(f) && !inline && j+1 < len(args) {
			j++
			flags = append(flags, args[j])
		}
	}
	if !moved {
		return args
	}
	out := append([]string{}, args[:i+1]...)
	out = append(out, flags...)
	out = append(out, "--")
	out = append(out, rest...)
	if j < len(args) {
		out = append(out, args[j+1:]...) // what followed "--"
	}
	return out
}

// lookupFlag returns the flag a word names ("-f", "--format",
// "--format=json"), and whether it carries its value after "=".
func lookupFlag(flags []ucli.Flag, word string) (ucli.Flag, bool) {
	if !strings.HasPrefix(word, "-") || word == "-" {
		return nil, false
	}
	name, _, inline := strings.Cut(strings.TrimLeft(word, "-"), "=")
	for _, f := range flags {
		for _, n := range f.Names() {
			if n == name {
				return f, inline
			}
		}
	}
	return nil, false
}

// takesValue reports whether a flag is followed by a value: all but
// booleans.
func takesValue(f ucli.Flag) bool {
	_, isBool := f.(*ucli.BoolFlag)
	return !isBool
}
