// Command postmortem scaffolds, lints and publishes blameless postmortems
// kept as Markdown files in a git repository.
package main

import (
	"os"

	"github.com/postmortem-dev/postmortem/cmd/postmortem/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args, os.Stdout, os.Stderr))
}
