package config

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/postmortem-dev/postmortem/render"
)

// KeyPos returns the position of a top-level key in the file, or line 1
// when it is not there, for messages about its value.
func (c *Config) KeyPos(key string) render.Pos { return c.pos(key) }

// pos returns the position of a top-level key, or line 1.
func (c *Config) pos(key string) render.Pos {
	if p, ok := c.keyPos[key]; ok {
		return p
	}
	return render.Pos{Line: 1, Col: 1}
}

// decode checks a YAML document against the shape of v (a pointer to a
// struct whose fields have yaml tags) and then decodes it into v. Unknown
// keys and values of the wrong kind are errors with their position.
func decode(path string, data []byte, c *Config) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 1
		if rest, ok := strings.CutPrefix(msg, "line "); ok {
			if n, after, ok := strings.Cut(rest, ": "); ok {
				if l, err := strconv.Atoi(n); err == nil {
					line, msg = l, after
					if strings.HasPrefix(msg, "did not find expected") {
						line++ // yaml.v3 gives these parser errors the line before the problem
					}
				}
			}
		}
		return render.ErrorList{{Path: path, Pos: render.Pos{Line: line, Col: 1}, Code: "config", Msg: "invalid YAML: " + msg}}
	}
	if len(doc.Content) == 0 {
		return nil // an empty file: all defaults
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil
	}
	c.keyPos = map[string]render.Pos{}
	if root.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(root.Content); i += 2 {
			k := root.Content[i]
			c.keyPos[k.Value] = render.Pos{Line: k.Line, Col: k.Column}
		}
	}
	d := &decoder{path: path, keyPos: c.keyPos}
	d.check(root, reflect.TypeOf(c).Elem(), "")
	if len(d.errs) > 0 {
		d.errs.Sort()
		return d.errs
	}
	if err := root.Decode(c); err != nil {
		return render.ErrorList{{Path: path, Pos: render.Pos{Line: root.Line, Col: root.Column}, Code: "config", Msg: err.Error()}}
	}
	return nil
}

type decoder struct {
	path string
	errs render.ErrorList
	// keyPos gets the position of each setting below the top level,
	// by its dotted name ("lint.blameless.implied_threshold").
	keyPos map[string]render.Pos
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.errs.Add(d.path, render.Pos{Line: n.Line, Col: n.Column}, "config", format, args...)
}

// check walks node along type t; where names the value in messages.
func (d *decoder) check(n *yaml.Node, t reflect.Type, where string) {
	if n.Kind == yaml.AliasNode {
		d.errorf(n, "%s: aliases are not supported in the configuration", label(where))
		return
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an empty value keeps the default
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			d.errorf(n, "%s must be a mapping of settings, not a %s", label(where), kind(n))
			return
		}
		fields := map[string]reflect.StructField{}
		var names []string
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "" || name == "-" {
				continue
			}
			fields[name] = f
			names = append(names, name)
		}
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			key := join(where, k.Value)
			f, ok := fields[k.Value]
			if !ok {
				msg := fmt.Sprintf("unknown setting %q", key)
				if s := render.Suggest(k.Value, names); s != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", join(where, s))
				}
				d.errorf(k, "%s", msg)
				continue
			}
			if seen[k.Value] {
				d.errorf(k, "%s is set twice", key)
				continue
			}
			seen[k.Value] = true
			if where != "" {
				d.keyPos[key] = render.Pos{Line: k.Line, Col: k.Column}
			}
			d.check(v, f.Type, key)
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			d.errorf(n, "%s must be a mapping, not a %s", label(where), kind(n))
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				d.errorf(k, "%s: keys must be strings", label(where))
				continue
			}
			d.check(v, t.Elem(), join(where, k.Value))
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.errorf(n, "%s must be a list, not a %s", label(where), kind(n))
			return
		}
		for _, item := range n.Content {
			d.check(item, t.Elem(), where+"[]")
		}
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.errorf(n, "%s must be a string, not a %s", label(where), kind(n))
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.errorf(n, "%s must be true or false, not %s", label(where), describe(n))
		}
	case reflect.Float64:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!float" && n.Tag != "!!int" {
			d.errorf(n, "%s must be a number, not %s", label(where), describe(n))
		}
	}
}

func join(where, key string) string {
	if where == "" {
		return key
	}
	return where + "." + key
}

func label(where string) string {
	if where == "" {
		return "the configuration"
	}
	return where
}

func kind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "single value"
}

func describe(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return strconv.Quote(n.Value)
	}
	return "a " + kind(n)
}
