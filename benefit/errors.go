package benefit

import (
	"fmt"
	"strconv"

	"github.com/benefitstd/benefitstd/internal/input"
)

// Sentinel errors, for callers that test a condition with errors.Is.
var (
	// ErrSyntax reports input that does not follow the grammar of the
	// value it was meant to be (an amount, a rate, a month).
	ErrSyntax = input.ErrSyntax
	// ErrRange reports a value that parses but lies outside the bounds
	// the library accepts (too many digits, too many decimals, a year
	// outside 1900-9999).
	ErrRange = input.ErrRange
	// ErrNegative reports a negative amount where only amounts >= 0 are
	// meaningful (a schedule version, a floor).
	ErrNegative = input.Kind("benefit: negative amount")
	// ErrOrder reports schedule versions that are duplicated or out of
	// order.
	ErrOrder = input.Kind("benefit: versions out of order")
	// ErrUnknownProgram reports a programme id the catalogue does not hold.
	ErrUnknownProgram = input.Kind("benefit: unknown programme")
	// ErrDimension reports a dimension key or value that the programme
	// does not allow.
	ErrDimension = input.Kind("benefit: invalid dimension")
	// ErrDivideByZero reports a division whose divisor is zero.
	ErrDivideByZero = input.Kind("benefit: division by zero")
	// ErrEncoding reports an input file that is not UTF-8 text, such as a
	// CSV saved by Excel in GBK, or a JSON string holding invalid UTF-8
	// or a lone UTF-16 surrogate (\ud800). A caller may re-encode and
	// retry.
	ErrEncoding = input.ErrEncoding
	// ErrTooLarge reports input beyond one of its Limits: a JSON
	// document, a JSON string, a CSV line or field longer than its
	// bound, or more levels or versions than a file may hold. A service
	// answers it with 413 Content Too Large.
	ErrTooLarge = input.ErrTooLarge
	// ErrNoStatus reports a value whose Status is Unknown where its
	// firmness must be stated: a version of a floor or a level, read from
	// a file (the "status" field or column left out or empty) or built in
	// Go with the zero Status.
	ErrNoStatus = input.Kind("benefit: no status")
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
// the file (as the caller named it; may be empty), the line (1-based; 0
// when unknown), the field and the cause. Field is the CSV column
// ("amount") or the JSON value's path ("levels[2].versions[0].amount");
// for JSON, Pointer holds the same path as an RFC 6901 pointer
// ("/levels/2/versions/0/amount"), for a program to point at the value.
// For a value read from a worksheet of an Excel workbook (`benefitstd
// check --levels levels.xlsx`), Sheet and Cell name the sheet and the
// cell and Line is the row. Its Error method gives "file:line: field:
// cause", or "file: sheet!cell: field: cause", leaving out what is not
// known. Its fields:
//
//	File    string // the file name as the caller gave it; may be empty
//	Line    int    // 1-based; 0 when not known; a worksheet's row
//	Field   string // "amount", "levels[2].versions[0].amount"
//	Pointer string // "/levels/2/versions/0/amount"; empty for CSV
//	Sheet   string // the worksheet, "Sheet1"; empty but for a workbook
//	Cell    string // the cell, "B17"; empty but for a workbook's value
//	Err     error  // the cause, for errors.Is and errors.As
//
// Every loader of the library (catalogues, floors, levels, scenarios,
// plans, retirees, divisions) reports bad input with it, so a caller can
// use errors.As to point a user at the exact cell to fix. It is the
// error type of the library's one decoder (internal/input).
type RecordError = input.Error

// Limits bound what the library's readers accept, so that no input can
// make memory or time grow without bound (the JSON document, each JSON
// string, each CSV line and field, the levels of a file and the versions
// of a level); each bound is enforced while reading, and input past it
// is an error wrapping ErrTooLarge. The zero Limits takes the defaults,
// generous for real files:
//
//	Document  256 MiB  a JSON document (held in memory while it is decoded)
//	String      1 MiB  one JSON string, as written
//	Line        1 MiB  one CSV record (at most 1 GiB)
//	Field      64 KiB  one CSV field
//	Levels  1,000,000  levels of one levels file
//	Versions   10,000  versions of one level or floor
//
// Readers that take options (floor.SetOptions, adjust.Options,
// plan.ReadCSV) take Limits; the others use the defaults.
type Limits = input.Limits
