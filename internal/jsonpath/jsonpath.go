package jsonpath

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
)

var errStop = errors.New("jsonpath: stop")

// Bad returns the path ("regions[3].level", "parts[1].fixed.amount") of
// the first value of doc, in document order, that does not decode on its
// own into its Go type in t, and the 1-based line where that value
// begins. Object keys name struct fields by their json tag (fields of
// embedded structs included), as encoding/json matches them (exactly,
// else ignoring case); keys of no field are skipped. It returns "", 0
// when every value decodes, or when doc is not valid JSON (the decoder's
// syntax error, with its offset, says more then).
func Bad(doc []byte, t reflect.Type) (path string, line int) {
	return BadMatch(doc, t, nil)
}

// BadMatch is Bad for the first value that fails with an error match
// accepts (nil: any error). It lets a caller find the value its
// decoder's error is about: encoding/json reports the first error of a
// value's own decoder even when a mismatched type (which it notes and
// passes over) comes earlier in the document.
func BadMatch(doc []byte, t reflect.Type, match func(error) bool) (path string, line int) {
	w := walker{doc: doc, dec: json.NewDecoder(bytes.NewReader(doc)), match: match}
	off, err := w.bad(t, "")
	if err != errStop {
		return "", 0
	}
	return w.path, lineOf(doc, off)
}

// Unknown returns the path ("parts[0].fixed.extra") of the first key of
// doc, in document order, that names no field of its struct in t (as
// encoding/json's DisallowUnknownFields rejects it) and has the name key
// ("" for any), and the 1-based line of that key; "", 0 when there is
// none.
func Unknown(doc []byte, t reflect.Type, key string) (path string, line int) {
	w := walker{doc: doc, dec: json.NewDecoder(bytes.NewReader(doc)), unknown: true, key: key, match: func(error) bool { return false }}
	off, err := w.bad(t, "")
	if err != errStop {
		return "", 0
	}
	return w.path, lineOf(doc, off)
}

// Line returns the 1-based line where the value at path begins in doc,
// or 0 when doc holds no value there (the field is missing, the index out
// of range, doc not valid JSON). The path is the form Bad returns and
// validators name fields by: keys separated by dots, list indexes in
// brackets; "" is the whole document.
func Line(doc []byte, path string) int {
	segs, ok := split(path)
	if !ok {
		return 0
	}
	w := walker{doc: doc, dec: json.NewDecoder(bytes.NewReader(doc))}
	off, ok := w.find(segs)
	if !ok {
		return 0
	}
	return lineOf(doc, off)
}

type walker struct {
	doc     []byte
	dec     *json.Decoder
	match   func(error) bool // nil: any error
	unknown bool             // stop at an unknown key named key ("" any) instead
	key     string
	path    string // the bad value's path, once found
}

func (w *walker) fails(err error) bool {
	return err != nil && (w.match == nil || w.match(err))
}

// start returns the offset where the next value begins: after the
// decoder's position, past white space and the ':' or ',' before it.
func (w *walker) start() int64 {
	off := w.dec.InputOffset()
	for off < int64(len(w.doc)) {
		switch w.doc[off] {
		case ' ', '\t', '\r', '\n', ':', ',':
			off++
			continue
		}
		break
	}
	return off
}

func isLeaf(t reflect.Type) bool {
	pt := reflect.PointerTo(t)
	if pt.Implements(reflect.TypeFor[json.Unmarshaler]()) || pt.Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
		return true
	}
	switch t.Kind() {
	case reflect.Struct:
		return false
	case reflect.Slice:
		return t.Elem().Kind() == reflect.Uint8 // []byte is a base64 string
	}
	return true
}

// bad reads one value of Go type t at path; it returns errStop, with
// w.path set and the value's offset, when the value or one inside it
// does not decode, and another error when the document is not JSON.
func (w *walker) bad(t reflect.Type, path string) (int64, error) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	off := w.start()
	if isLeaf(t) {
		var raw json.RawMessage
		if err := w.dec.Decode(&raw); err != nil {
			return 0, err
		}
		if w.fails(json.Unmarshal(raw, reflect.New(t).Interface())) {
			w.path = path
			return off, errStop
		}
		return 0, nil
	}
	tok, err := w.dec.Token()
	if err != nil {
		return 0, err
	}
	switch {
	case tok == nil: // null leaves the value alone
		return 0, nil
	case t.Kind() == reflect.Slice && tok == json.Delim('['):
		for i := 0; w.dec.More(); i++ {
			if o, err := w.bad(t.Elem(), path+"["+strconv.Itoa(i)+"]"); err != nil {
				return o, err
			}
		}
	case t.Kind() == reflect.Struct && tok == json.Delim('{'):
		fields := Fields(t)
		for w.dec.More() {
			koff := w.start()
			k, err := w.dec.Token()
			if err != nil {
				return 0, err
			}
			key, _ := k.(string)
			sub := key
			if path != "" {
				sub = path + "." + key
			}
			ft, ok := field(fields, key)
			if !ok {
				if w.unknown && (w.key == "" || w.key == key) {
					w.path = sub
					return koff, errStop
				}
				if err := w.skip(); err != nil {
					return 0, err
				}
				continue
			}
			if o, err := w.bad(ft, sub); err != nil {
				return o, err
			}
		}
	default: // a string or number where an object or list belongs
		if w.fails(json.Unmarshal(w.doc[off:w.dec.InputOffset()], reflect.New(t).Interface())) {
			w.path = path
			return off, errStop
		}
		return 0, nil
	}
	_, err = w.dec.Token() // the closing ] or }
	return 0, err
}

func (w *walker) skip() error {
	var raw json.RawMessage
	return w.dec.Decode(&raw)
}

// Fields maps the JSON names of t's fields, those of embedded structs
// without a name of their own included, to their types; an outer field
// hides an embedded one of the same name, as in encoding/json.
func Fields(t reflect.Type) map[string]reflect.Type {
	m := map[string]reflect.Type{}
	var add func(t reflect.Type)
	add = func(t reflect.Type) {
		var embedded []reflect.Type
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if f.Anonymous && name == "" {
				ft := f.Type
				if ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if ft.Kind() == reflect.Struct {
					embedded = append(embedded, ft)
					continue
				}
			}
			if !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			if _, ok := m[name]; !ok {
				m[name] = f.Type
			}
		}
		for _, e := range embedded {
			add(e)
		}
	}
	add(t)
	return m
}

// field finds the field key names, as encoding/json does: exactly, else
// ignoring case.
func field(fields map[string]reflect.Type, key string) (reflect.Type, bool) {
	if t, ok := fields[key]; ok {
		return t, true
	}
	best, found := "", false
	for name := range fields {
		if strings.EqualFold(name, key) && (!found || name < best) {
			best, found = name, true // the same one every time
		}
	}
	return fields[best], found
}

// A segment of a path: a key, or an index when key is "".
type segment struct {
	key   string
	index int
}

func split(path string) ([]segment, bool) {
	var segs []segment
	for path != "" {
		switch {
		case path[0] == '[':
			end := strings.IndexByte(path, ']')
			if end < 0 {
				return nil, false
			}
			n, err := strconv.Atoi(path[1:end])
			if err != nil || n < 0 {
				return nil, false
			}
			segs = append(segs, segment{index: n})
			path = path[end+1:]
			if strings.HasPrefix(path, ".") {
				path = path[1:]
			}
		default:
			end := strings.IndexAny(path, ".[")
			if end < 0 {
				end = len(path)
			}
			if end == 0 {
				return nil, false
			}
			segs = append(segs, segment{key: path[:end]})
			path = path[end:]
			if strings.HasPrefix(path, ".") {
				path = path[1:]
			}
		}
	}
	return segs, true
}

// find returns the offset of the value at segs below the decoder's
// position.
func (w *walker) find(segs []segment) (int64, bool) {
	if len(segs) == 0 {
		off := w.start()
		return off, off < int64(len(w.doc))
	}
	tok, err := w.dec.Token()
	if err != nil {
		return 0, false
	}
	s := segs[0]
	switch {
	case s.key == "" && tok == json.Delim('['):
		for i := 0; w.dec.More(); i++ {
			if i == s.index {
				return w.find(segs[1:])
			}
			if w.skip() != nil {
				return 0, false
			}
		}
	case s.key != "" && tok == json.Delim('{'):
		for w.dec.More() {
			k, err := w.dec.Token()
			if err != nil {
				return 0, false
			}
			if k == s.key {
				return w.find(segs[1:])
			}
			if w.skip() != nil {
				return 0, false
			}
		}
	}
	return 0, false
}

func lineOf(doc []byte, off int64) int {
	if off < 0 || off > int64(len(doc)) {
		return 0
	}
	return 1 + bytes.Count(doc[:off], []byte("\n"))
}
