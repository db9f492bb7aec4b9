package api

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"

	"go.yaml.in/yaml/v3"
)

//go:embed openapi.yaml
var openapiYAML string

// JSON returns a copy of the OpenAPI document as JSON: the members of
// each object in the order the YAML gives them, indented by two spaces.
// It is computed once; the document is embedded and checked by the
// package's tests, so an error here is a defect of the build.
func JSON() ([]byte, error) {
	b, err := jsonDoc()
	return bytes.Clone(b), err
}

var jsonDoc = sync.OnceValues(func() ([]byte, error) {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(openapiYAML), &n); err != nil {
		return nil, fmt.Errorf("api: openapi.yaml: %w", err)
	}
	var b bytes.Buffer
	if err := writeJSON(&b, &n); err != nil {
		return nil, fmt.Errorf("api: openapi.yaml: %w", err)
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b.Bytes(), "", "  "); err != nil {
		return nil, fmt.Errorf("api: openapi.yaml: %w", err)
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
})

// writeJSON writes the YAML node n as JSON, keeping the order of
// mapping keys. Anchors and aliases are resolved; a mapping key must be
// a scalar.
func writeJSON(b *bytes.Buffer, n *yaml.Node) error {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) != 1 {
			return fmt.Errorf("line %d: want one document", n.Line)
		}
		return writeJSON(b, n.Content[0])
	case yaml.AliasNode:
		return writeJSON(b, n.Alias)
	case yaml.MappingNode:
		b.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return fmt.Errorf("line %d: a mapping key must be a scalar", k.Line)
			}
			if i > 0 {
				b.WriteByte(',')
			}
			key, _ := json.Marshal(k.Value)
			b.Write(key)
			b.WriteByte(':')
			if err := writeJSON(b, v); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeJSON(b, c); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			b.WriteString("null")
		case "!!bool":
			var v bool
			if err := n.Decode(&v); err != nil {
				return err
			}
			b.WriteString(strconv.FormatBool(v))
		case "!!int", "!!float":
			// JSON numbers as written; YAML-only forms (0x1F, .inf) are refused.
			if !json.Valid([]byte(n.Value)) {
				return fmt.Errorf("line %d: number %q is not a JSON number", n.Line, n.Value)
			}
			b.WriteString(n.Value)
		default:
			s, _ := json.Marshal(n.Value)
			b.Write(s)
		}
	default:
		return fmt.Errorf("line %d: unexpected YAML node", n.Line)
	}
	return nil
}
