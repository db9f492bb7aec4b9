package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Unmarshal decodes data into v, rejecting unknown fields and trailing
// data.
func Unmarshal(data []byte, v any) error {
	return Decode(bytes.NewReader(data), v)
}

// Decode decodes one JSON value from r into v, rejecting unknown fields
// and trailing data. Syntax errors carry the 1-based line of the offset.
func Decode(r io.Reader, v any) error {
	var buf bytes.Buffer
	dec := json.NewDecoder(io.TeeReader(r, &buf))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return withLine(err, &buf)
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("unexpected data after the JSON value")
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

func withLine(err error, buf *bytes.Buffer) error {
	b := buf.Bytes()
	at := func(off int64) error {
		if off < 0 || off > int64(len(b)) {
			return err
		}
		return &LineError{Line: 1 + bytes.Count(b[:off], []byte("\n")), Err: err}
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return at(se.Offset)
	case errors.As(err, &te):
		return at(te.Offset)
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		// The input ended early: the fault is at its end.
		return at(int64(len(bytes.TrimRight(b, " \t\r\n"))))
	}
	// encoding/json gives no offset for an unknown field (nor for an
	// error from a field's own UnmarshalJSON), and the decoder's offset
	// is then the end of the whole value. Name the line of the unknown
	// key when the key occurs exactly once; otherwise give no line
	// rather than a wrong one.
	var key string
	if _, e := fmt.Sscanf(err.Error(), "json: unknown field %q", &key); e == nil {
		if off := uniqueKey(b, key); off >= 0 {
			return at(off)
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
