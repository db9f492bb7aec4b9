package jsonpath

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

// pick is a value whose own decoder accepts only "a" or "b", as
// benefit.Amount accepts only plain digits.
type pick string

func (p *pick) UnmarshalJSON(b []byte) error {
	if s := string(b); s != `"a"` && s != `"b"` {
		return errors.New("not a or b")
	}
	*p = pick(b[1 : len(b)-1])
	return nil
}

type inner struct {
	Value pick  `json:"value"`
	N     int8  `json:"n,omitempty"`
	Tags  []int `json:"tags,omitempty"`
}

type base struct {
	Kind pick `json:"kind"`
}

type doc struct {
	base              // embedded: "kind" is a key of doc
	Name  string      `json:"name"`
	One   *inner      `json:"one,omitempty"`
	Parts []inner     `json:"parts"`
	Skip  pick        `json:"-"`
	Extra interface{} `json:"extra,omitempty"`
}

// Each document is laid out on lines so that the line can be counted by
// eye: line 1 is "{", and so on.
func TestBad(t *testing.T) {
	for _, tc := range []struct {
		name, doc, path string
		line            int
	}{
		{"all good", "{\n\"kind\": \"a\",\n\"parts\": [{\"value\": \"b\"}]\n}", "", 0},
		// line 4 holds parts[1]; its value is "c".
		{"second part", "{\n\"name\": \"x\",\n\"parts\": [{\"value\": \"a\"},\n{\"value\": \"c\"}]\n}", "parts[1].value", 4},
		// 300 does not fit an int8: encoding/json would name "parts.n", no index.
		{"number too big", "{\"parts\": [\n{\"value\": \"a\"},\n{\"value\": \"a\"},\n{\"value\": \"a\", \"n\": 300}]}", "parts[2].n", 4},
		{"embedded field", "{\n\n\"kind\": \"z\"}", "kind", 3},
		{"pointer field", "{\"one\":\n {\"value\": \"a\", \"tags\": [1, 2,\n \"three\"]}}", "one.tags[2]", 3},
		{"a string for a list", "{\"parts\":\n\"none\"}", "parts", 2},
		{"null is no value", "{\"one\": null, \"parts\": null}", "", 0},
		// The first bad value in document order, not declaration order.
		{"document order", "{\"parts\": [{\"value\": \"c\"}],\n\"kind\": \"c\"}", "parts[0].value", 1},
		// Unknown keys and "-" fields are another check's business.
		{"unknown keys skipped", "{\"nope\": {\"value\": 1}, \"Skip\": 5, \"extra\": [1]}", "", 0},
		{"not JSON", "{\"parts\": [", "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path, line := Bad([]byte(tc.doc), reflect.TypeFor[doc]())
			if path != tc.path || line != tc.line {
				t.Errorf("Bad = %q, line %d; want %q, line %d", path, line, tc.path, tc.line)
			}
		})
	}
}

func TestLine(t *testing.T) {
	const d = "{\n" + // 1
		"  \"id\": \"p\",\n" + // 2
		"  \"parts\": [\n" + // 3
		"    {\"id\": \"a\", \"years\": {\"bands\": [{\"through\": 10},\n" + // 4
		"        {\"through\": 20}]}},\n" + // 5
		"    {\"id\": \"b\",\n" + // 6
		"     \"status\": \"x\"}\n" + // 7
		"  ]\n" + // 8
		"}\n" // 9
	for _, tc := range []struct {
		path string
		line int
	}{
		{"", 1},
		{"id", 2},
		{"parts", 3},
		{"parts[0]", 4},
		{"parts[0].years.bands[0].through", 4},
		{"parts[0].years.bands[1]", 5},
		{"parts[0].years.bands[1].through", 5},
		{"parts[1]", 6},
		{"parts[1].status", 7},
		{"parts[2]", 0}, // no third part
		{"name", 0},     // missing key
		{"parts.id", 0}, // a list is not an object
		{"parts[x]", 0}, // not a path
	} {
		if got := Line([]byte(d), tc.path); got != tc.line {
			t.Errorf("Line(%q) = %d, want %d", tc.path, got, tc.line)
		}
	}
	if got := Line([]byte("{\"a\": "), "a"); got != 0 {
		// The value is missing: the offset is the end of the document.
		t.Errorf("truncated: %d, want 0", got)
	}
}

// match picks the value a decoder's error is about: here the second bad
// value (line 3), not the first (line 2), which fails with a type error.
func TestBadMatch(t *testing.T) {
	d := []byte("{\"parts\": [\n{\"value\": \"a\", \"n\": \"seven\"},\n{\"value\": \"z\"}]}")
	notType := func(err error) bool {
		var te *json.UnmarshalTypeError
		return !errors.As(err, &te)
	}
	if path, line := BadMatch(d, reflect.TypeFor[doc](), notType); path != "parts[1].value" || line != 3 {
		t.Errorf("own decoder's error: %q line %d; want parts[1].value line 3", path, line)
	}
	if path, line := Bad(d, reflect.TypeFor[doc]()); path != "parts[0].n" || line != 2 {
		t.Errorf("any error: %q line %d; want parts[0].n line 2", path, line)
	}
	// A key differing in case names its field, as in encoding/json.
	if path, line := Bad([]byte("{\n\"PARTS\": [{\"Value\": \"q\"}]}"), reflect.TypeFor[doc]()); path != "PARTS[0].Value" || line != 2 {
		t.Errorf("case: %q line %d; want PARTS[0].Value line 2", path, line)
	}
}

func TestUnknown(t *testing.T) {
	d := []byte("{\"name\": \"x\",\n\"parts\": [{\"value\": \"a\"},\n  {\"value\": \"b\", \"valu\": \"c\"}],\n\"one\": {\"tags\": [], \"extra2\": 1}}")
	for _, tc := range []struct {
		key, path string
		line      int
	}{
		{"", "parts[1].valu", 3},
		{"valu", "parts[1].valu", 3},
		{"extra2", "one.extra2", 4},
		{"name", "", 0}, // a field
		{"Skip", "", 0}, // no such key in d
	} {
		if path, line := Unknown(d, reflect.TypeFor[doc](), tc.key); path != tc.path || line != tc.line {
			t.Errorf("Unknown(%q) = %q line %d; want %q line %d", tc.key, path, line, tc.path, tc.line)
		}
	}
	// A "-" field is unknown to the decoder too; a key differing in case is not.
	if path, _ := Unknown([]byte(`{"NAME": "x", "Skip": "a"}`), reflect.TypeFor[doc](), ""); path != "Skip" {
		t.Errorf("Skip: %q", path)
	}
}
