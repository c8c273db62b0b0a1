// Package cli is the postmortem command: flags, options and output over
// the library packages. It never exits the process itself; Main returns
// the exit code.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	ucli "github.com/urfave/cli/v2"

	"github.com/postmortem-dev/postmortem/render"
)

// Exit codes.
const (
	ExitOK       = 0 // success; for checks: no finding at error level
	ExitFindings = 1 // a check found problems
	ExitError    = 2 // wrong usage, bad configuration, or a failure to read or write
)

// Version is the program's version; builds may set it with
// -ldflags "-X github.com/postmortem-dev/postmortem/cmd/postmortem/internal/cli.Version=v1.2.3".
var Version = ""

// version returns Version, else the module version the binary was built
// from (as with go install ...@v1.2.3), else "dev".
func version() string {
	if Version != "" {
		return Version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// exitError carries an exit code and, when msg is not empty, a message.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// usageError reports wrong usage of a command: exit code 2, with a hint.
func usageError(c *ucli.Context, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	return &exitError{code: ExitError, msg: fmt.Sprintf("%s\nRun '%s --help' for usage.", msg, c.Command.HelpName)}
}

// Main runs the command with args (args[0] is the program's name) and
// returns the exit code. Data goes to stdout, messages to stderr.
func Main(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	err := app.Run(flagsFirst(app, args))
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintf(stderr, "postmortem: %s\n", ee.msg)
		}
		return ee.code
	}
	// A list of errors in files (a configuration's) is printed whole, one
	// path:line:col: message a line, as compilers do.
	if list, ok := err.(render.ErrorList); ok {
		for _, e := range list {
			fmt.Fprintln(stderr, e)
		}
		return ExitError
	}
	fmt.Fprintf(stderr, "postmortem: %v\n", err)
	return ExitError
}

func newApp(stdout, stderr io.Writer) *ucli.App {
	var notFound error
	app := &ucli.App{
		Name:    "postmortem",
		Usage:   "write, check and publish blameless postmortems kept in git",
		Version: version(),
		Description: `Postmortems are Markdown files with YAML front matter in a git repository.
Start with 'postmortem init', write with 'postmortem new', and see
'postmortem COMMAND --help' for each command.`,
		Writer:                    stdout,
		ErrWriter:                 stderr,
		HideHelpCommand:           true,
		DisableSliceFlagSeparator: true,
		Suggest:                   true,
		Flags: []ucli.Flag{
			&ucli.StringFlag{Name: "chdir", Aliases: []string{"C"}, Usage: "run as if started in `DIR`"},
		},
		Before: func(c *ucli.Context) error {
			tuneGC(c.Args().First())
			if dir := c.String("chdir"); dir != "" {
				if err := os.Chdir(dir); err != nil {
					return &exitError{code: ExitError, msg: fmt.Sprintf("-C %s: %v", dir, errors.Unwrap(err))}
				}
			}
			return nil
		},
		Commands: []*ucli.Command{
			initCommand(),
			newCommand(),
			lintCommand(),
			rulesCommand(),
			templatesCommand(),
			schemaCommand(),
			buildCommand(),
			serveCommand(),
		},
		// Never let the library exit the process.
		ExitErrHandler: func(*ucli.Context, error) {},
		OnUsageError:   onUsageError,
		CommandNotFound: func(c *ucli.Context, name string) {
			var names []string
			for _, cmd := range c.App.Commands {
				names = append(names, cmd.Name)
			}
			msg := fmt.Sprintf("unknown command %q", name)
			if s := render.Suggest(name, names); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			notFound = &exitError{code: ExitError, msg: msg + "\nRun 'postmortem --help' for the commands."}
		},
	}
	app.After = func(*ucli.Context) error { return notFound }
	for _, cmd := range app.Commands {
		cmd.OnUsageError = onUsageError
		cmd.HideHelpCommand = true
	}
	return app
}

// tuneGC sets the garbage collector's target for the command, unless GOGC
// is set in the environment. Most commands allocate many short-lived
// syntax trees and keep little: collecting less often (GOGC=400) halves
// the collector's share of the time, at a few tens of megabytes. build and
// serve read the git history through big buffers and keep the site's
// data: there GOGC=400 let the heap grow to five times what was live
// (a cold build of 1,000 postmortems peaked at 190 MB, against 90 MB at
// the default, for the same CPU time), so they keep Go's default.
func tuneGC(command string) {
	if _, ok := os.LookupEnv("GOGC"); ok {
		return
	}
	switch command {
	case "build", "serve":
		debug.SetGCPercent(100)
	default:
		debug.SetGCPercent(400)
	}
}

// onUsageError reports a flag that does not parse in one line, without the
// whole help.
func onUsageError(c *ucli.Context, err error, _ bool) error {
	name := "postmortem"
	if c.Command != nil && c.Command.HelpName != "" {
		name = c.Command.HelpName
	}
	return &exitError{code: ExitError, msg: fmt.Sprintf("%v\nRun '%s --help' for usage.", err, name)}
}

// examples formats a command's examples for its help.
func examples(lines ...string) string {
	return "Examples:\n  " + strings.Join(lines, "\n  ")
}
