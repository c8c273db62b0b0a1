package config

import (
	"bytes"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"
)

// compile compiles a configuration's schema with a real validator.
func compile(t *testing.T, c *Config) *jsonschema.Schema {
	t.Helper()
	data, err := c.Schema()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	comp := jsonschema.NewCompiler()
	comp.AssertFormat()
	if err := comp.AddResource(SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	s, err := comp.Compile(SchemaID)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// frontMatter turns YAML front matter into the JSON value a validator sees,
// with dates as strings, as editors' YAML language servers do.
func frontMatter(t *testing.T, y string) any {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(y), &n); err != nil {
		t.Fatal(err)
	}
	var walk func(*yaml.Node) any
	walk = func(n *yaml.Node) any {
		switch n.Kind {
		case yaml.DocumentNode:
			return walk(n.Content[0])
		case yaml.MappingNode:
			m := map[string]any{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				m[n.Content[i].Value] = walk(n.Content[i+1])
			}
			return m
		case yaml.SequenceNode:
			var l []any
			for _, c := range n.Content {
				l = append(l, walk(c))
			}
			return l
		}
		if n.Tag == "!!timestamp" {
			return n.Value
		}
		var v any
		if err := n.Decode(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	return walk(&n)
}

func TestSchema(t *testing.T) {
	s := compile(t, Default())
	valid := "title: Checkout errors\ndate: 2025-03-12\nstatus: published\nseverity: SEV2\nauthors: [Dana]\nstarted: 2025-03-12T14:02:00Z\nrunbook: x\n"
	if err := s.Validate(frontMatter(t, valid)); err != nil {
		t.Errorf("valid front matter rejected: %v", err)
	}
	for _, bad := range []string{
		"title: x\ndate: 2025-03-12\nstatus: published\nseverity: SEV9\nauthors: [Dana]\n",
		"title: x\ndate: 2025-03-12\nstatus: done\nseverity: SEV1\nauthors: [Dana]\n",
		"title: x\ndate: 2025-03-12\nstatus: draft\nseverity: SEV1\nauthors: []\n",
		"title: x\ndate: 12/03/2025\nstatus: draft\nseverity: SEV1\nauthors: [a]\n",
		"title: x\ndate: 2025-03-12\nstatus: draft\nseverity: SEV1\nauthors: [a]\nstarted: yesterday\n",
		"date: 2025-03-12\nstatus: draft\nseverity: SEV1\nauthors: [a]\n",
	} {
		if err := s.Validate(frontMatter(t, bad)); err == nil {
			t.Errorf("invalid front matter accepted:\n%s", bad)
		}
	}
}

func TestSchemaFieldNames(t *testing.T) {
	c, err := Parse("c.yaml", []byte("severities: [P1, P2]\nfields:\n  started: start_time\n  title: name\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := compile(t, c)
	fm := "name: x\ndate: 2025-03-12\nstatus: draft\nseverity: P1\nauthors: [a]\nstart_time: 2025-03-12T14:02:00Z\n"
	if err := s.Validate(frontMatter(t, fm)); err != nil {
		t.Errorf("mapped front matter rejected: %v", err)
	}
	if err := s.Validate(frontMatter(t, strings.Replace(fm, "start_time: 2025", "start_time: x2025", 1))); err == nil {
		t.Error("a bad mapped timestamp was accepted")
	}
}
