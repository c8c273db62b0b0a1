package config

import (
	"encoding/json"

	"github.com/postmortem-dev/postmortem/render"
)

// SchemaID is the $id of the front matter schema, version 1.
const SchemaID = "https://postmortem.dev/schema/frontmatter/v1.json"

// Schema returns the JSON Schema (draft 2020-12) of version 1 of the front
// matter, with this configuration's severities, statuses and field names,
// for editors to validate and complete front matter.
func (c *Config) Schema() ([]byte, error) {
	key := func(field string) string {
		if k := c.Fields[field]; k != "" {
			return k
		}
		return field
	}
	str := func(desc string) map[string]any { return map[string]any{"type": "string", "description": desc} }
	list := func(desc string, min int) map[string]any {
		s := map[string]any{"type": "array", "items": map[string]any{"type": "string", "minLength": 1}, "description": desc}
		if min > 0 {
			s["minItems"] = min
		}
		return s
	}
	timestamp := func(desc string) map[string]any {
		return map[string]any{"type": "string", "format": "date-time", "description": desc + " (RFC 3339, e.g. 2025-03-12T14:02:00Z)"}
	}
	props := map[string]any{
		key("title"):     map[string]any{"type": "string", "minLength": 1, "description": "What happened, in a few words."},
		key("date"):      map[string]any{"type": "string", "format": "date", "pattern": `^\d{4}-\d{2}-\d{2}$`, "description": "The incident's date, YYYY-MM-DD."},
		key("status"):    map[string]any{"enum": c.Statuses, "description": "Where the postmortem is in review; the first is a draft, the last is published."},
		key("severity"):  map[string]any{"enum": c.Severities, "description": "The incident's severity; " + c.Severities[0] + " is the worst."},
		key("authors"):   list("Who wrote the postmortem.", 1),
		key("services"):  list("The services involved.", 0),
		key("tags"):      list("Free-form labels.", 0),
		key("started"):   timestamp("When the incident began"),
		key("detected"):  timestamp("When it was detected"),
		key("mitigated"): timestamp("When the impact was stopped or reduced"),
		key("resolved"):  timestamp("When it was resolved"),
		key("summary"):   str("One line for listings and search; otherwise the first paragraph of the Summary section."),
		key("id"):        str("A stable identifier; by default the file name without extension."),
	}
	required := make([]string, len(render.RequiredFields))
	for i, f := range render.RequiredFields {
		required[i] = key(f)
	}
	schema := map[string]any{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  SchemaID,
		"title":                "Postmortem front matter, version 1",
		"type":                 "object",
		"properties":           props,
		"required":             required,
		"additionalProperties": true,
	}
	out, err := json.MarshalIndent(schema, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}
