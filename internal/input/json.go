package input

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// strict are the options of every decode: the semantics of
// encoding/json/v2 (names match exactly, a name given twice and invalid
// UTF-8 are errors), and unknown members are errors too. They are
// spelled out, not left to the defaults.
var strict = json.JoinOptions(
	json.RejectUnknownMembers(true),
	json.MatchCaseInsensitiveNames(false),
	jsontext.AllowDuplicateNames(false),
	jsontext.AllowInvalidUTF8(false),
)

var bom = []byte("\uFEFF")

// A Doc is a JSON document that decoded: it finds the line of a value
// named in an error found after decoding (a level whose region is
// unknown).
type Doc struct {
	File string
	data []byte
}

// ReadJSON reads one JSON document from r, at most lim.Document bytes
// with no string longer than lim.String bytes (Limits), and decodes it
// into v as DecodeJSON does. file names the input in errors; an error
// reading r is an *Error too.
func ReadJSON(r io.Reader, file string, v any, lim Limits) (*Doc, error) {
	data, err := readDocument(r, file, lim)
	if err != nil {
		return nil, err
	}
	return DecodeJSON(data, file, v)
}

// DecodeJSON decodes the JSON document data into v strictly: a member
// that names no field, a name given in another case than the field's, a
// name given twice in one object, invalid UTF-8 or a lone UTF-16
// surrogate in a string, and anything after the value are errors. A
// leading byte-order mark is skipped. Every error is an *Error naming
// the file, the line, the value's path and pointer, and matching
// ErrSyntax (or ErrEncoding, or the Kind of a value's own decoder).
// data is held by the Doc; bounds are not checked (ReadJSON checks
// them).
func DecodeJSON(data []byte, file string, v any) (*Doc, error) {
	data = bytes.TrimPrefix(data, bom)
	if len(bytes.TrimLeft(data, " \t\r\n")) == 0 {
		return nil, &Error{File: file, Line: 1, Err: fmt.Errorf("%w: empty file: no JSON document", ErrSyntax)}
	}
	d := &Doc{File: file, data: data}
	if err := json.Unmarshal(data, v, strict); err != nil {
		return nil, d.decodeError(err, true)
	}
	return d, nil
}

// Value decodes the JSON value b into v as DecodeJSON does, for the
// UnmarshalJSON method of a type that reads its own members. Its errors
// are *Error values whose Pointer and Field are relative to b, with no
// file and no line: the document's decoder puts the value's own path in
// front and finds the line.
func Value(b []byte, v any) error {
	if err := json.Unmarshal(b, v, strict); err != nil {
		return (&Doc{data: b}).decodeError(err, false)
	}
	return nil
}

// Locate completes the *Error in err (when there is one) that was found
// in the decoded document: the file, and when the error names a field
// but no line, the line of that field's value or, when it is missing,
// of the object that lacks it. It returns err.
func (d *Doc) Locate(err error) error {
	var e *Error
	if d == nil || !errors.As(err, &e) {
		return err
	}
	if e.File == "" {
		e.File = d.File
	}
	if e.Field != "" && e.Pointer == "" {
		e.Pointer = PointerOf(e.Field)
	}
	if e.Line == 0 && e.Pointer != "" {
		off, _, _ := locate(d.data, e.Pointer)
		e.Line = d.lineAt(off)
	}
	return err
}

// Line returns the 1-based line where the value at path ("levels[2]",
// "parts[1].fixed.amount") begins, or when it is missing, where the
// deepest part of path that is there begins.
func (d *Doc) Line(path string) int {
	off, _, _ := locate(d.data, PointerOf(path))
	return d.lineAt(off)
}

func (d *Doc) lineAt(off int64) int {
	if off < 0 || off > int64(len(d.data)) {
		return 0
	}
	return 1 + bytes.Count(d.data[:off], []byte("\n"))
}

// decodeError makes an error of json.Unmarshal an *Error: the message
// says what is wrong in words of the file (not of Go types), once; the
// line is found when lines is set.
func (d *Doc) decodeError(err error, lines bool) *Error {
	e := &Error{File: d.File}
	ptr := jsontext.Pointer("")
	off := int64(-1) // exact offset of the fault, when known
	var syn *jsontext.SyntacticError
	var sem *json.SemanticError
	switch {
	case errors.As(err, &syn):
		ptr, off = syn.JSONPointer, syn.ByteOffset
		msg := syn.Err.Error()
		switch {
		case errors.Is(syn.Err, io.ErrUnexpectedEOF):
			e.Err, ptr = fmt.Errorf("%w: the JSON document ends early", ErrSyntax), ""
		case errors.Is(syn.Err, jsontext.ErrDuplicateName):
			e.Err = fmt.Errorf("%w: key %q given twice in the same object", ErrSyntax, ptr.LastToken())
		case strings.Contains(msg, "surrogate"):
			e.Err = &encodingError{`a lone UTF-16 surrogate escape (such as \ud800) is not a character`}
		case strings.Contains(msg, "UTF-8"):
			e.Err = &encodingError{"a string holds bytes that are not UTF-8 (was the file saved as GBK? save it as UTF-8)"}
		case strings.Contains(msg, "after top-level value"):
			e.Err, ptr = fmt.Errorf("%w: unexpected data after the JSON value", ErrSyntax), ""
		default:
			e.Err, ptr = fmt.Errorf("%w: %s", ErrSyntax, msg), ""
		}
	case errors.As(err, &sem):
		ptr, off = sem.JSONPointer, sem.ByteOffset
		var inner *Error
		switch {
		case errors.Is(sem.Err, json.ErrUnknownName):
			name := ptr.LastToken()
			e.Err = fmt.Errorf("%w: json: unknown field %q%s", ErrSyntax, name, caseHint(sem.GoType, name))
		case ownDecoder(sem):
			if errors.As(sem.Err, &inner) && inner.File == "" {
				// a value's own decoder (Value) names a value inside it
				ip := inner.Pointer
				if ip == "" {
					ip = PointerOf(inner.Field)
				}
				ptr, off = ptr+jsontext.Pointer(ip), -1
				e.Err = inner.Err
			} else {
				e.Err = markSyntax(sem.Err)
			}
		default:
			val := ""
			if len(sem.JSONValue) > 0 && len(sem.JSONValue) <= 40 {
				val = " " + string(sem.JSONValue)
			}
			e.Err = fmt.Errorf("%w: a JSON %s%s where %s is expected", ErrSyntax, kindName(sem.JSONKind), val, expects(sem.GoType))
		}
	default:
		e.Err = markSyntax(err)
	}
	if ptr != "" {
		e.Pointer = string(ptr)
		var found int64
		found, e.Field, _ = locate(d.data, e.Pointer)
		if off < 0 {
			off = found
		}
	}
	if lines {
		e.Line = d.lineAt(off)
	}
	return e
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	unmarshalerFromType = reflect.TypeFor[json.UnmarshalerFrom]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// ownDecoder reports whether sem carries the error of a value's own
// decoder (an UnmarshalJSON or UnmarshalText method), not one of the
// json package's.
func ownDecoder(sem *json.SemanticError) bool {
	if sem.Err == nil || sem.GoType == nil || sem.Err.Error() == "JSON value must be string type" {
		return false
	}
	pt := reflect.PointerTo(sem.GoType)
	return pt.Implements(unmarshalerType) || pt.Implements(unmarshalerFromType) || pt.Implements(textUnmarshalerType)
}

func kindName(k jsontext.Kind) string {
	switch k {
	case 'n':
		return "null"
	case 'f', 't':
		return "boolean"
	case '"':
		return "string"
	case '0':
		return "number"
	case '{':
		return "object"
	case '[':
		return "list"
	}
	return "value"
}

// expects names what a Go type takes in JSON words.
func expects(t reflect.Type) string {
	if t == nil {
		return "another value"
	}
	if reflect.PointerTo(t).Implements(textUnmarshalerType) && !reflect.PointerTo(t).Implements(unmarshalerType) {
		return "a string"
	}
	switch t.Kind() {
	case reflect.Pointer:
		return expects(t.Elem())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "a whole number"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number, 0 or more"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a string"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "another value"
}

// caseHint says which field an unknown name meant when it differs from
// one only in case.
func caseHint(t reflect.Type, name string) string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return ""
	}
	for i := range t.NumField() {
		f := t.Field(i)
		n, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if n == "" {
			n = f.Name
		}
		if f.IsExported() && n != "-" && strings.EqualFold(n, name) {
			return fmt.Sprintf(": keys are case-sensitive; did you mean %q?", n)
		}
	}
	return ""
}
