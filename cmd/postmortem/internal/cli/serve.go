package cli

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strconv"
	"syscall"

	ucli "github.com/urfave/cli/v2"

	"github.com/postmortem-dev/postmortem/site"
	"github.com/postmortem-dev/postmortem/site/serve"
)

// serveOptions are the options of `postmortem serve`.
type serveOptions struct {
	Port   int
	Open   bool
	Drafts bool
}

// defaultPort is the port postmortem serve listens on without --port.
const defaultPort = 8080

func serveCommand() *ucli.Command {
	return &ucli.Command{
		Name:  "serve",
		Usage: "preview the site, rebuilt as the postmortems change",
		Description: `Builds the site into a temporary folder and serves it on 127.0.0.1, for
this computer only. The repository is checked for changes twice a second
(the postmortems, the configuration, the templates and new commits): the
site is rebuilt and open pages reload themselves. Drafts are included
unless --drafts=false. Ctrl-C stops the server and removes the temporary
folder; nothing is written into the repository but the build cache.

The pages are those of postmortem build, with one script more that
reloads them.

` + examples(
			"postmortem serve",
			"postmortem serve --port 0 --open",
		),
		Flags: []ucli.Flag{
			&ucli.IntFlag{Name: "port", Aliases: []string{"p"}, Value: defaultPort, Usage: "listen on `PORT` of 127.0.0.1; 0 takes any free port"},
			&ucli.BoolFlag{Name: "open", Usage: "open the site in a browser (xdg-open or open)"},
			&ucli.BoolFlag{Name: "drafts", Value: true, Usage: "include draft postmortems"},
		},
		Action: func(c *ucli.Context) error {
			if c.NArg() > 0 {
				return usageError(c, "serve: takes no arguments; the postmortems are those of .postmortem.yaml")
			}
			if p := c.Int("port"); p < 0 || p > 65535 {
				return usageError(c, "serve: --port %d is not a port (0 to 65535)", p)
			}
			return runServe(c, serveOptions{Port: c.Int("port"), Open: c.Bool("open"), Drafts: c.Bool("drafts")})
		},
	}
}

func runServe(c *ucli.Context, opts serveOptions) error {
	stderr := c.App.ErrWriter
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := serve.Run(ctx, ".", serve.Options{
		Addr:  net.JoinHostPort("127.0.0.1", strconv.Itoa(opts.Port)),
		Build: site.Options{Drafts: opts.Drafts},
		Log:   stderr,
		Ready: func(url string) {
			fmt.Fprintf(stderr, "serving %s (Ctrl-C stops)\n", url)
			if opts.Open {
				if err := openBrowser(url); err != nil {
					fmt.Fprintf(stderr, "postmortem: --open: %v; open %s yourself\n", err, url)
				}
			}
		},
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(stderr, "stopped")
	return nil
}

// openBrowser opens url with the system's opener, without waiting for it.
func openBrowser(url string) error {
	name := "xdg-open"
	if runtime.GOOS == "darwin" {
		name = "open"
	}
	path, err := exec.LookPath(name)
	if err != nil {
		return fmt.Errorf("no %s to open a browser with", name)
	}
	cmd := exec.Command(path, url)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}
