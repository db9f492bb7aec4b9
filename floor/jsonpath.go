package floor

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"strconv"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/jsonpath"
	"github.com/benefitstd/benefitstd/internal/strictjson"
)

// readDoc reads a whole JSON document from r and decodes it strictly
// into v (unknown fields and trailing data are errors). It returns the
// document, so that a later error found in a decoded value can be given
// the line of its JSON path (locate). Every error is a
// *benefit.RecordError naming the file, the line where it is known and
// the JSON path of the bad value ("levels[2].versions[0].amount").
func readDoc(r io.Reader, name string, v any) ([]byte, error) {
	doc, err := io.ReadAll(r)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) { // "read x: is a directory": the file is named once
			err = fmt.Errorf("cannot read: %w", pe.Err)
		}
		return nil, &benefit.RecordError{File: name, Err: err}
	}
	if len(bytes.TrimLeft(bytes.TrimPrefix(doc, []byte("\uFEFF")), " \t\r\n")) == 0 {
		return nil, &benefit.RecordError{File: name, Line: 1, Err: fmt.Errorf("%w: empty file: no JSON document", benefit.ErrSyntax)}
	}
	err = strictjson.Unmarshal(doc, v)
	if err == nil {
		return doc, nil
	}
	return nil, decodeErr(doc, name, reflect.TypeOf(v).Elem(), err)
}

// decodeErr turns an error of strictjson.Unmarshal(doc, *t) into a
// *benefit.RecordError with the line and JSON path of the fault.
func decodeErr(doc []byte, name string, t reflect.Type, err error) error {
	re := &benefit.RecordError{File: name}
	var le *strictjson.LineError
	if errors.As(err, &le) {
		re.Line, err = le.Line, le.Err
	}
	if off, ok := trailing(doc); ok {
		re.Line = lineAt(doc, off)
		re.Err = fmt.Errorf("%w: unexpected data after the JSON value", benefit.ErrSyntax)
		return re
	}
	var se *json.SyntaxError
	var key string
	if _, e := fmt.Sscanf(err.Error(), "json: unknown field %q", &key); e == nil {
		// strictjson gives the line only when the key occurs once
		if p := unknownPath(doc, t, key, ""); p != "" {
			re.Field = p
			if l := locate(doc, p); l > 0 {
				re.Line = l
			}
		}
	} else if !errors.As(err, &se) {
		// a value that does not decode (a malformed month or amount, a
		// string for a number): name it by its full path and line
		var inner *benefit.RecordError
		if errors.As(err, &inner) && inner.File == "" && inner.Field != "" {
			// a value's own decoder that names a field inside it (a
			// version without "status"): the path is the value's and the
			// field's, on the line of the field or of the object that
			// lacks it
			if p := innerPath(doc, t, inner.Field); p != "" {
				re.Field = p
				re.Line = locate(doc, p)
			}
			err = inner.Err
		} else if p, l := badPath(doc, t); p != "" {
			re.Field, re.Line = p, l
		}
	}
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te):
		err = fmt.Errorf("%w: a JSON %s where %s is expected", benefit.ErrSyntax, te.Value, kindOf(te.Type))
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		err = fmt.Errorf("%w: the JSON document ends early", benefit.ErrSyntax)
	case errors.Is(err, benefit.ErrSyntax) || errors.Is(err, benefit.ErrRange) || errors.Is(err, benefit.ErrNegative) || errors.Is(err, benefit.ErrNoStatus):
		// already says what is wrong ("benefit: invalid month …")
	default:
		err = fmt.Errorf("%w: %w", benefit.ErrSyntax, err)
	}
	re.Err = err
	return re
}

// kindOf names what a Go type expects in JSON words.
func kindOf(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a string"
	case reflect.Slice, reflect.Array:
		return "a list"
	}
	return "an object"
}

// trailing returns the offset of anything but white space after the
// first JSON value of doc, when that value is well formed.
func trailing(doc []byte) (int64, bool) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	var raw json.RawMessage
	if dec.Decode(&raw) != nil {
		return 0, false
	}
	off := dec.InputOffset()
	rest := doc[off:]
	trimmed := bytes.TrimLeft(rest, " \t\r\n")
	if len(trimmed) == 0 {
		return 0, false
	}
	return off + int64(len(rest)-len(trimmed)), true
}

func lineAt(doc []byte, off int64) int {
	return 1 + bytes.Count(doc[:min(off, int64(len(doc)))], []byte("\n"))
}

// located sets, on a *benefit.RecordError in err, the file name and,
// when the line is not known, the line of its field path in doc.
func located(err error, doc []byte, name string) error {
	var re *benefit.RecordError
	if errors.As(err, &re) {
		re.File = name
		if re.Line == 0 && re.Field != "" {
			re.Line = locate(doc, re.Field)
		}
	}
	return err
}

// locate returns the 1-based line where the value at path
// ("levels[2].versions[0].amount") begins in doc. When the path is not
// all there (a missing field), it is the line of the deepest part that
// is, the object that lacks the field; 0 when doc holds none of it.
func locate(doc []byte, path string) int {
	for path != "" {
		if l := jsonpath.Line(doc, path); l > 0 {
			return l
		}
		path = parentPath(path)
	}
	return 0
}

// parentPath drops the last key or index of a path: "a[2].b" → "a[2]" →
// "a" → "".
func parentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// badPath returns the JSON path and line of the first value of doc that
// does not decode into its Go type in t (jsonpath.Bad). jsonpath.Bad
// stops at a value with its own UnmarshalJSON; for a struct such as
// benefit.Version it then names the field inside that is bad
// ("versions[1].amount", not "versions[1]") when it can, by walking a
// copy of t whose such structs are plain.
func badPath(doc []byte, t reflect.Type) (string, int) {
	p, line := jsonpath.Bad(doc, t)
	if p == "" {
		return "", 0
	}
	if q, ql := jsonpath.Bad(doc, plain(t, 0)); q != "" && strings.HasPrefix(q, p) && (len(q) == len(p) || q[len(p)] == '.' || q[len(p)] == '[') {
		return q, ql
	}
	return p, line
}

// innerPath returns the JSON path of the field of the first value of doc
// whose own decoder fails with a *benefit.RecordError naming field
// ("levels[0].versions[1]" + "." + "status"), or "".
func innerPath(doc []byte, t reflect.Type, field string) string {
	p, _ := jsonpath.BadMatch(doc, t, func(err error) bool {
		var re *benefit.RecordError
		return errors.As(err, &re) && re.Field == field
	})
	if p == "" {
		return ""
	}
	return p + "." + field
}

// plain returns t with every struct type rebuilt without methods (so
// that its own UnmarshalJSON no longer hides its fields); a struct with
// an unexported field stays as it is.
func plain(t reflect.Type, depth int) reflect.Type {
	if depth > 10 { // the input types are shallow; a recursive type stops here
		return t
	}
	switch t.Kind() {
	case reflect.Pointer:
		return reflect.PointerTo(plain(t.Elem(), depth+1))
	case reflect.Slice:
		return reflect.SliceOf(plain(t.Elem(), depth+1))
	case reflect.Struct:
		fs := make([]reflect.StructField, 0, t.NumField())
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || f.Anonymous {
				return t
			}
			f.Type = plain(f.Type, depth+1)
			f.Index, f.Offset = nil, 0
			fs = append(fs, f)
		}
		return reflect.StructOf(fs)
	}
	return t
}

// unknownPath returns the JSON path of the first key named key, in the
// order of t's fields and list elements, that t has no field for; "" if
// there is none.
func unknownPath(raw json.RawMessage, t reflect.Type, key, path string) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice:
		var items []json.RawMessage
		if json.Unmarshal(raw, &items) != nil {
			return ""
		}
		for i, it := range items {
			if p := unknownPath(it, t.Elem(), key, path+"["+strconv.Itoa(i)+"]"); p != "" {
				return p
			}
		}
	case reflect.Struct:
		var fields map[string]json.RawMessage
		if json.Unmarshal(raw, &fields) != nil {
			return ""
		}
		join := func(name string) string {
			if path == "" {
				return name
			}
			return path + "." + name
		}
		known := map[string]bool{}
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			known[name] = true
			if sub, ok := fields[name]; ok {
				if p := unknownPath(sub, f.Type, key, join(name)); p != "" {
					return p
				}
			}
		}
		if _, ok := fields[key]; ok && !known[key] {
			return join(key)
		}
	}
	return ""
}
