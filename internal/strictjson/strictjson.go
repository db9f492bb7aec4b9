package strictjson

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/benefitstd/benefitstd/internal/jsonpath"
)

// Unmarshal decodes data into v, rejecting unknown fields, keys that
// match a field only when case is ignored, keys given twice in one
// object, and trailing data. Errors carry the 1-based line where the
// position is known (*LineError).
func Unmarshal(data []byte, v any) error {
	return decode(data, v, true)
}

// Value is Unmarshal for a value nested in a larger document, as an
// UnmarshalJSON method sees it: the same checks, but no line numbers,
// which would count from the start of the nested value and mislead.
func Value(data []byte, v any) error {
	return decode(data, v, false)
}

// Decode reads r to its end and decodes it as Unmarshal does.
func Decode(r io.Reader, v any) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return Unmarshal(data, v)
}

func decode(data []byte, v any, lines bool) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if !lines {
			return err
		}
		return withLine(err, data)
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("unexpected data after the JSON value")
	}
	if err := checkKeys(data, reflect.TypeOf(v)); err != nil {
		var ke *keyError
		if lines && errors.As(err, &ke) {
			return lineAt(data, ke.off, err)
		}
		return err
	}
	return nil
}

// LineError is a decoding error with the line it was found on.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

func lineAt(b []byte, off int64, err error) error {
	if off < 0 || off > int64(len(b)) {
		return err
	}
	return &LineError{Line: 1 + bytes.Count(b[:off], []byte("\n")), Err: err}
}

func withLine(err error, b []byte) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return lineAt(b, se.Offset, err)
	case errors.As(err, &te):
		return lineAt(b, te.Offset, err)
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		// The input ended early: the fault is at its end.
		return lineAt(b, int64(len(bytes.TrimRight(b, " \t\r\n"))), err)
	}
	// encoding/json gives no offset for an unknown field (nor for an
	// error from a field's own UnmarshalJSON), and the decoder's offset
	// is then the end of the whole value. Name the line of the unknown
	// key when the key occurs exactly once; otherwise give no line
	// rather than a wrong one.
	var key string
	if _, e := fmt.Sscanf(err.Error(), "json: unknown field %q", &key); e == nil {
		if off := uniqueKey(b, key); off >= 0 {
			return lineAt(b, off, err)
		}
	}
	return err
}

// uniqueKey returns the offset of the object key "key" (quoted, followed
// by optional white space and a colon) when it occurs exactly once in b,
// and -1 otherwise.
func uniqueKey(b []byte, key string) int64 {
	q := []byte(`"` + key + `"`)
	found := int64(-1)
	for i := 0; ; {
		j := bytes.Index(b[i:], q)
		if j < 0 {
			return found
		}
		i += j + len(q)
		if rest := bytes.TrimLeft(b[i:], " \t\r\n"); len(rest) > 0 && rest[0] == ':' {
			if found >= 0 {
				return -1
			}
			found = int64(i - len(q))
		}
	}
}

// keyError is a key that encoding/json accepts but a strict reader must
// not: one that matches a field only when case is ignored, or one given
// twice in the same object.
type keyError struct {
	off int64
	msg string
}

func (e *keyError) Error() string { return e.msg }

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// checkKeys walks the tokens of data beside the type they were decoded
// into. encoding/json matches object keys to struct fields ignoring case
// and lets a repeated key overwrite the first; both hide mistakes in a
// hand-edited file ("Amount" for "amount", a level given twice), so both
// are errors here. Values decoded by their own UnmarshalJSON are checked
// by it (with Value) and only scanned for repeated keys here.
func checkKeys(data []byte, t reflect.Type) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	w := walker{dec: dec, fields: map[reflect.Type]map[string]reflect.Type{}}
	return w.walk(t, "")
}

type walker struct {
	dec    *json.Decoder
	fields map[reflect.Type]map[string]reflect.Type // per call, so nothing is shared between calls
}

func (w *walker) walk(t reflect.Type, path string) error {
	dec := w.dec
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t != nil && (reflect.PointerTo(t).Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler)) {
		t = nil // its own decoder owns its keys
	}
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return nil
	}
	switch d {
	case '[':
		var elem reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			elem = t.Elem()
		}
		for i := 0; dec.More(); i++ {
			if err := w.walk(elem, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case '{':
		var fields map[string]reflect.Type
		var elem reflect.Type
		switch {
		case t != nil && t.Kind() == reflect.Struct:
			fields = w.fieldsOf(t)
		case t != nil && t.Kind() == reflect.Map:
			elem = t.Elem()
		}
		seen := map[string]bool{}
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return err
			}
			off := dec.InputOffset() // just after the key: the key's own line
			key, _ := tok.(string)
			where := strings.TrimPrefix(path+"."+key, ".")
			at := ""
			if path != "" {
				at = " at " + where
			}
			if seen[key] {
				return &keyError{off, fmt.Sprintf("key %q given twice in the same object%s", key, at)}
			}
			seen[key] = true
			vt := elem
			if fields != nil {
				ft, exact := fields[key]
				if !exact {
					for name := range fields {
						if strings.EqualFold(name, key) {
							return &keyError{off, fmt.Sprintf("unknown key %q%s: keys are case-sensitive; did you mean %q?", key, at, name)}
						}
					}
				}
				vt = ft
			}
			if err := w.walk(vt, where); err != nil {
				return err
			}
		}
	}
	_, err = dec.Token() // the closing delimiter
	return err
}

// fieldsOf returns the JSON names of t's fields with their types
// (jsonpath.Fields), once per type and call.
func (w *walker) fieldsOf(t reflect.Type) map[string]reflect.Type {
	m, ok := w.fields[t]
	if !ok {
		m = jsonpath.Fields(t)
		w.fields[t] = m
	}
	return m
}
