package adjust

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
)

// badPath finds the JSON path ("regions[3].level") of the first value in
// doc, a syntactically valid JSON document, that does not decode into a
// value of type t, walking t's fields in declaration order. It returns ""
// when every value decodes on its own.
//
// encoding/json names no field when a value's own UnmarshalJSON fails (a
// malformed amount or rate), and no list index when a number does not
// fit its field; LoadScenario uses badPath to name both.
func badPath(doc []byte, t reflect.Type) string {
	p, _ := walkBad(doc, t, "")
	return p
}

func walkBad(raw json.RawMessage, t reflect.Type, path string) (string, bool) {
	if string(raw) == "null" {
		return "", false
	}
	if t.Kind() == reflect.Pointer {
		return walkBad(raw, t.Elem(), path)
	}
	pt := reflect.PointerTo(t)
	if pt.Implements(reflect.TypeFor[json.Unmarshaler]()) || pt.Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) || (t.Kind() != reflect.Struct && t.Kind() != reflect.Slice) {
		if json.Unmarshal(raw, reflect.New(t).Interface()) != nil {
			return path, true
		}
		return "", false
	}
	if t.Kind() == reflect.Slice {
		var items []json.RawMessage
		if json.Unmarshal(raw, &items) != nil {
			return path, true
		}
		for i, it := range items {
			if p, bad := walkBad(it, t.Elem(), path+"["+strconv.Itoa(i)+"]"); bad {
				return p, true
			}
		}
		return "", false
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(raw, &fields) != nil {
		return path, true
	}
	return walkFields(fields, t, path)
}

// walkFields checks the fields of struct type t, including those of
// embedded structs (YearAssumptions embeds Assumptions).
func walkFields(fields map[string]json.RawMessage, t reflect.Type, path string) (string, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Anonymous && name == "" {
			if p, bad := walkFields(fields, f.Type, path); bad {
				return p, true
			}
			continue
		}
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		raw, ok := fields[name]
		if !ok {
			continue
		}
		sub := name
		if path != "" {
			sub = path + "." + name
		}
		if p, bad := walkBad(raw, f.Type, sub); bad {
			return p, true
		}
	}
	return "", false
}
