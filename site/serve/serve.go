// Package serve previews a repository's site while it is written: it
// builds the site into a temporary folder, serves it on the loopback
// interface, watches the repository and rebuilds when a file changes, and
// makes open pages reload themselves after each rebuild.
//
// The watcher polls: every Interval it compares the size and modification
// time of the files that make the site (the postmortems folder, the
// configuration, the repository's own templates, and git's HEAD and refs,
// so that a commit updates the history). Polling a few hundred files costs
// little, works on every system and file system, and needs no dependency.
//
// Pages get one script more than a built site's: _serve/reload.js, which
// listens to _serve/events (Server-Sent Events) and reloads the page when
// the site's version changes. It is served from memory; the built files
// are those of postmortem build. _serve/version returns the version as
// text.
package serve

import (
	"context"
	_ "embed"

	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"

	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/site"
)

// Prefix is the folder, under the site's root, of the server's own files.
const Prefix = "_serve/"

//go:embed reload.js
var reloadJS []byte

// Options control Run. The zero value serves on a free port.
type Options struct {
	// Addr is the address to listen on; "" is 127.0.0.1:0, any free port.
	Addr string
	// Build are the options of each build; Inject and CacheDir are set by
	// Run.
	Build site.Options
	// Interval is how often the repository is checked for changes; 0 is
	// 500 ms.
	Interval time.Duration
	// TempDir is the folder in which the site's temporary folder is made;
	// "" is the system's.
	TempDir string
	// Log receives a line for each build and each problem; nil discards
	// them.
	Log io.Writer
	// Ready is called once the first build is served, with the site's URL.
	Ready func(url string)
}

// Run builds the site of the repository at root and serves it until ctx is
// done, then stops the server and removes the temporary folder. It returns
// an error when the first build fails or the address cannot be listened
// on; later failed builds are logged, and the last good site stays served.
func Run(ctx context.Context, root string, opts Options) (err error) {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	if opts.Interval <= 0 {
		opts.Interval = 500 * time.Millisecond
	}
	logw := opts.Log
	if logw == nil {
		logw = io.Discard
	}
	tmp, err := os.MkdirTemp(opts.TempDir, "postmortem-serve-")
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer func() {
		if rerr := os.RemoveAll(tmp); rerr != nil && err == nil {
			err = fmt.Errorf("serve: remove %s: %w", tmp, rerr)
		}
	}()
	s := &server{
		root:    root,
		out:     filepath.Join(tmp, "site"),
		opts:    opts.Build,
		log:     logw,
		changed: make(chan struct{}),
	}
	s.opts.CacheDir = filepath.Join(tmp, "cache")
	s.opts.Inject = func(root string) template.HTML {
		return template.HTML(`<script src="` + template.HTMLEscapeString(root) + Prefix + `reload.js" defer></script>`)
	}
	if err := s.build(); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, BaseContext: func(net.Listener) context.Context { return ctx }}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	if opts.Ready != nil {
		opts.Ready("http://" + ln.Addr().String() + "/")
	}

	tick := time.NewTicker(opts.Interval)
	defer tick.Stop()
	last := s.fingerprint()
	for {
		select {
		case <-ctx.Done():
			sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if err := srv.Shutdown(sctx); err != nil {
				srv.Close()
			}
			<-done
			return nil
		case err := <-done:
			return fmt.Errorf("serve: %w", err)
		case <-tick.C:
			fp := s.fingerprint()
			if fp == last {
				continue
			}
			last = fp
			if err := s.build(); err != nil {
				fmt.Fprintf(logw, "postmortem: %v; still serving the previous site\n", err)
			}
		}
	}
}

// server serves the site and the reloading script, and tells open pages
// of new versions.
type server struct {
	root string
	out  string
	opts site.Options
	log  io.Writer

	mu      sync.Mutex
	version int
	changed chan struct{} // closed and replaced at each new version
}

// build builds the site into the output folder and, when it succeeds,
// makes a new version.
func (s *server) build() error {
	start := time.Now()
	cfg, err := config.Load(s.root)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	var res *site.Result
	err = site.Publish(s.out, func(w site.Writer) error {
		var err error
		res, err = site.Build(cfg, w, s.opts)
		return err
	})
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	for _, p := range res.Problems {
		fmt.Fprintln(s.log, p)
	}
	s.mu.Lock()
	s.version++
	v := s.version
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
	fmt.Fprintf(s.log, "built %d pages (%d postmortems) in %.2fs, version %d\n", res.Pages, len(res.Site.Postmortems), time.Since(start).Seconds(), v)
	return nil
}

// current returns the version and a channel closed when it changes.
func (s *server) current() (int, <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version, s.changed
}

// fingerprint sums up the sizes and times of the files the site is made
// of; it changes when one of them does.
func (s *server) fingerprint() string {
	var b strings.Builder
	cfg, err := config.Load(s.root)
	if err != nil {
		return "config: " + err.Error()
	}
	add := func(p string) {
		filepath.WalkDir(p, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() && p != cfg.Dir() && strings.HasPrefix(d.Name(), ".") && d.Name() != ".postmortem" {
				return filepath.SkipDir
			}
			if info, err := d.Info(); err == nil && !d.IsDir() {
				fmt.Fprintf(&b, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
			}
			return nil
		})
	}
	add(cfg.Dir())
	add(filepath.Join(cfg.Root, config.FileName))
	add(filepath.Join(cfg.Root, filepath.FromSlash(config.TemplatesDir)))
	if repo := config.RepoRoot(cfg.Root); repo != "" {
		for _, p := range []string{"HEAD", "packed-refs", "refs/heads", ".mailmap"} {
			add(filepath.Join(repo, ".git", filepath.FromSlash(p)))
		}
		add(filepath.Join(repo, ".mailmap"))
		add(filepath.Join(repo, ".git-blame-ignore-revs"))
	}
	return b.String()
}

// ServeHTTP serves the site's files, 404.html for what it does not have,
// and the server's own files under Prefix.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	switch r.URL.Path {
	case "/" + Prefix + "reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(reloadJS)
		return
	case "/" + Prefix + "version":
		v, _ := s.current()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, strconv.Itoa(v))
		return
	case "/" + Prefix + "events":
		s.events(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := path.Clean("/" + r.URL.Path)
	file := filepath.Join(s.out, filepath.FromSlash(name))
	if info, err := os.Stat(file); err == nil && info.IsDir() {
		file = filepath.Join(file, "index.html")
	}
	if _, err := os.Stat(file); err != nil || strings.HasPrefix(path.Base(name), ".") {
		s.notFound(w)
		return
	}
	http.ServeFile(w, r, file)
}

func (s *server) notFound(w http.ResponseWriter) {
	data, err := os.ReadFile(filepath.Join(s.out, "404.html"))
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write(data)
}

// events streams the version as Server-Sent Events: the current one at
// once, then each new one, until the page or the server goes.
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	keepAlive := time.NewTicker(20 * time.Second)
	defer keepAlive.Stop()
	for {
		v, changed := s.current()
		if _, err := fmt.Fprintf(w, "retry: 1000\ndata: %d\n\n", v); err != nil {
			return
		}
		flusher.Flush()
	wait:
		for {
			select {
			case <-r.Context().Done():
				return
			case <-keepAlive.C:
				if _, err := io.WriteString(w, ": keep-alive\n\n"); err != nil {
					return
				}
				flusher.Flush()
			case <-changed:
				break wait
			}
		}
	}
}
