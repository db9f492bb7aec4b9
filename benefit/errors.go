package benefit

import (
	"errors"
	"fmt"
	"strconv"
)

// Sentinel errors, for callers that test a condition with errors.Is.
var (
	// ErrSyntax reports input that does not follow the grammar of the
	// value it was meant to be (an amount, a rate, a month).
	ErrSyntax = errors.New("benefit: invalid syntax")
	// ErrRange reports a value that parses but lies outside the bounds
	// the library accepts (too many digits, too many decimals, a year
	// outside 1900-9999).
	ErrRange = errors.New("benefit: value out of range")
	// ErrNegative reports a negative amount where only amounts >= 0 are
	// meaningful (a schedule version, a floor).
	ErrNegative = errors.New("benefit: negative amount")
	// ErrOrder reports schedule versions that are duplicated or out of
	// order.
	ErrOrder = errors.New("benefit: versions out of order")
	// ErrUnknownProgram reports a programme id the catalogue does not hold.
	ErrUnknownProgram = errors.New("benefit: unknown programme")
	// ErrDimension reports a dimension key or value that the programme
	// does not allow.
	ErrDimension = errors.New("benefit: invalid dimension")
	// ErrDivideByZero reports a division whose divisor is zero.
	ErrDivideByZero = errors.New("benefit: division by zero")
	// ErrEncoding reports an input file that is not UTF-8 text, such as a
	// CSV saved by Excel in GBK. A caller may re-encode and retry.
	ErrEncoding = errors.New("benefit: not UTF-8 text")
	// ErrNoStatus reports a value whose Status is Unknown where its
	// firmness must be stated: a version of a floor or a level, read from
	// a file (the "status" field or column left out or empty) or built in
	// Go with the zero Status.
	ErrNoStatus = errors.New("benefit: no status")
)

// ParseError describes a value that could not be parsed. Its Err is one
// of ErrSyntax or ErrRange (ErrNoStatus for an empty status), so
// errors.Is(err, ErrSyntax) works through it.
type ParseError struct {
	Type  string // "amount", "rate", "month", "rounding", ...
	Input string // the offending input, cut to 40 bytes
	Msg   string // what is wrong with it
	Err   error  // ErrSyntax or ErrRange
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("benefit: invalid %s %s: %s", e.Type, strconv.Quote(e.Input), e.Msg)
}

func (e *ParseError) Unwrap() error { return e.Err }

func parseErr(typ, in, msg string, err error) *ParseError {
	if len(in) > 40 {
		in = in[:40] + "…"
	}
	return &ParseError{Type: typ, Input: in, Msg: msg, Err: err}
}

// RecordError names the record of an input file that caused an error:
// the file, the line (1-based; 0 when unknown), the field and the cause.
// Every loader of the library (catalogues, floors, levels, scenarios,
// plans, retirees) reports bad input with it, so a caller can use
// errors.As to point a user at the exact cell to fix.
type RecordError struct {
	File  string // file name as given by the caller; may be empty
	Line  int    // 1-based line, 0 if not known
	Field string // field or JSON path, e.g. "amount" or "versions[2].from"
	Err   error  // the cause
}

func (e *RecordError) Error() string {
	loc := e.File
	if loc == "" {
		loc = "input"
	}
	if e.Line > 0 {
		loc += ":" + strconv.Itoa(e.Line)
	}
	if e.Field != "" {
		loc += ": " + e.Field
	}
	return loc + ": " + e.Err.Error()
}

func (e *RecordError) Unwrap() error { return e.Err }
