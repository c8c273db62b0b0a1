package lint

import (
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/postmortem-dev/postmortem/render"
)

// LinksRelative reports relative links and images to files that do not
// exist.
var LinksRelative = &Rule{
	Name:     "links/relative",
	Doc:      "a relative link or image points to a file that does not exist",
	Severity: Error,
	Explain: `Links to other postmortems, runbooks and images in the repository are
relative to the postmortem's file; when the target is renamed or never
committed, readers and the site get a broken link.

    See the [earlier incident](2024-06-03-cdn-purge.md).
    ![Error rate](images/error-rate.png)`,
	Run: func(p *Pass) {
		if p.Repo.Exists == nil {
			return
		}
		d := p.Doc
		dir := path.Dir(d.Path)
		ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			var dest string
			switch n := n.(type) {
			case *ast.Link:
				dest = string(n.Destination)
			case *ast.Image:
				dest = string(n.Destination)
			default:
				return ast.WalkContinue, nil
			}
			target, ok := localTarget(dir, dest)
			if !ok || p.Repo.Exists(target) {
				return ast.WalkContinue, nil
			}
			pos, _ := d.NodePos(n)
			if !pos.IsValid() {
				pos = nodeLinePos(d, n)
			}
			p.Report(pos, endOf(pos, dest), fmt.Sprintf("%s does not exist", target), "fix the path, or commit the file it points to")
			return ast.WalkContinue, nil
		})
	},
}

// localTarget returns the repository path a link points to, relative to the
// folder dir, and false for links that leave the repository: URLs with a
// scheme or host, mail links, anchors within the page, absolute paths.
func localTarget(dir, dest string) (string, bool) {
	if dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "//") {
		return "", false
	}
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" {
		return "", false
	}
	p := u.Path
	if p == "" {
		return "", false
	}
	target := path.Clean(path.Join(dir, p))
	if target == ".." || strings.HasPrefix(target, "../") {
		return "", false // outside the repository: not ours to check
	}
	return target, true
}

// nodeLinePos returns the position of the closest block around n.
func nodeLinePos(d *render.Document, n ast.Node) render.Pos {
	for ; n != nil; n = n.Parent() {
		if pos, ok := d.NodePos(n); ok {
			return pos
		}
	}
	return render.Pos{Line: 1, Col: 1}
}
