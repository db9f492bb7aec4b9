package floor

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"strconv"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
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
		if p := badPath(doc, t); p != "" {
			re.Field = p
			if l := locate(doc, p); l > 0 {
				re.Line = l
			}
		}
	}
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te):
		err = fmt.Errorf("%w: a JSON %s where %s is expected", benefit.ErrSyntax, te.Value, kindOf(te.Type))
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		err = fmt.Errorf("%w: the JSON document ends early", benefit.ErrSyntax)
	case errors.Is(err, benefit.ErrSyntax) || errors.Is(err, benefit.ErrRange) || errors.Is(err, benefit.ErrNegative):
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

// locate returns the 1-based line of the value at path
// ("levels[2].versions[0].amount") in doc: the line of its key for an
// object member, of the value itself for a list element. When the path
// is not all there (a missing field), it returns the line of the
// deepest part that is; 0 when doc does not parse that far.
func locate(doc []byte, path string) int {
	segs, ok := splitPath(path)
	if !ok {
		return 0
	}
	l := locator{dec: json.NewDecoder(bytes.NewReader(doc)), doc: doc, off: -1}
	l.off = l.start()
	l.value(segs)
	if l.off < 0 {
		return 0
	}
	return lineAt(doc, l.off)
}

// A segment of a JSON path: an object key, or a list index when key is
// "" and index ≥ 0.
type segment struct {
	key   string
	index int
}

func splitPath(path string) ([]segment, bool) {
	var segs []segment
	for part := range strings.SplitSeq(path, ".") {
		key, rest, _ := strings.Cut(part, "[")
		if key != "" {
			segs = append(segs, segment{key: key, index: -1})
		}
		for rest != "" {
			n, after, ok := strings.Cut(rest, "]")
			i, err := strconv.Atoi(n)
			if !ok || err != nil || i < 0 {
				return nil, false
			}
			segs = append(segs, segment{index: i})
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return segs, len(segs) > 0
}

type locator struct {
	dec *json.Decoder
	doc []byte
	off int64 // start of the deepest part of the path found so far
}

// errFound stops the walk once the path is found.
var errFound = errors.New("found")

// start returns the offset of the next token: the decoder's offset past
// white space and the separators it has not yet consumed.
func (l *locator) start() int64 {
	i := l.dec.InputOffset()
	for i < int64(len(l.doc)) && strings.IndexByte(" \t\r\n,:", l.doc[i]) >= 0 {
		i++
	}
	return i
}

// value reads one value, descending into the part segs[0] names.
func (l *locator) value(segs []segment) error {
	tok, err := l.dec.Token()
	if err != nil {
		return err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return nil
	}
	for i := 0; l.dec.More(); i++ {
		at := l.start()
		match := false
		if d == '{' {
			k, err := l.dec.Token()
			if err != nil {
				return err
			}
			key, _ := k.(string)
			match = segs[0].index < 0 && segs[0].key == key
		} else {
			match = segs[0].index == i
		}
		if match {
			l.off = at
			if len(segs) > 1 {
				if err := l.value(segs[1:]); err != nil {
					return err
				}
			}
			return errFound
		}
		var skip json.RawMessage
		if err := l.dec.Decode(&skip); err != nil {
			return err
		}
	}
	return nil
}

// badPath finds the JSON path ("levels[3].versions[0].from") of the
// first value in doc, a syntactically valid JSON document, that does not
// decode into a value of type t, walking t's fields in declaration
// order. It returns "" when every value decodes on its own.
// encoding/json names no field when a value's own UnmarshalJSON fails (a
// malformed month or amount), and no list index when a value has the
// wrong JSON type. (The same walk as adjust's LoadScenario.)
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
			if t.Kind() == reflect.Struct { // a benefit.Version: name its bad field when one is
				var fields map[string]json.RawMessage
				if json.Unmarshal(raw, &fields) == nil {
					if p, bad := walkFields(fields, t, path); bad {
						return p, true
					}
				}
			}
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

// walkFields checks the fields of struct type t, in declaration order.
func walkFields(fields map[string]json.RawMessage, t reflect.Type, path string) (string, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
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
