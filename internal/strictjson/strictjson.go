// Package strictjson decodes JSON the way every loader of the library
// must: unknown fields are errors, and so is anything after the value.
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
		return withLine(err, &buf, dec)
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

func withLine(err error, buf *bytes.Buffer, dec *json.Decoder) error {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	default:
		off = dec.InputOffset()
	}
	b := buf.Bytes()
	if off < 0 || off > int64(len(b)) {
		return err
	}
	return &LineError{Line: 1 + bytes.Count(b[:off], []byte("\n")), Err: err}
}
