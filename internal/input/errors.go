package input

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
)

// Sentinel errors. package benefit re-exports them (benefit.ErrSyntax is
// ErrSyntax), so their text is the library's.
var (
	// ErrSyntax reports input that does not follow the grammar of its
	// format or of the value it was meant to be.
	ErrSyntax = Kind("benefit: invalid syntax")
	// ErrEncoding reports text that is not UTF-8: a CSV saved in GBK, an
	// invalid byte or a lone UTF-16 surrogate in a JSON string.
	ErrEncoding = Kind("benefit: not UTF-8 text")
	// ErrTooLarge reports input beyond one of the Limits: a document, a
	// string, a line or a field longer than its bound, or more levels or
	// versions than a file may hold.
	ErrTooLarge = Kind("benefit: input too large")
	// ErrRange reports a value that parses but lies outside the bounds
	// the library accepts.
	ErrRange = Kind("benefit: value out of range")
)

// Kind returns a new sentinel error with the text msg. An error that
// wraps a Kind already says what is wrong with a value; a decoder marks
// any other error of a value's own decoder (an UnmarshalText method's)
// as ErrSyntax too, keeping its text.
func Kind(msg string) error { return &kind{msg} }

type kind struct{ msg string }

func (k *kind) Error() string { return k.msg }

// classified reports whether err wraps a Kind.
func classified(err error) bool {
	var k *kind
	return errors.As(err, &k)
}

// encodingError says what is wrong with text that is not UTF-8, and
// matches ErrEncoding.
type encodingError struct{ msg string }

func (e *encodingError) Error() string { return "not UTF-8 text: " + e.msg }
func (e *encodingError) Unwrap() error { return ErrEncoding }

// asSyntax reads as its cause and matches ErrSyntax too.
type asSyntax struct{ err error }

func (e *asSyntax) Error() string   { return e.err.Error() }
func (e *asSyntax) Unwrap() []error { return []error{ErrSyntax, e.err} }

// markSyntax returns err, made to match ErrSyntax unless it wraps a Kind.
func markSyntax(err error) error {
	if err == nil || classified(err) {
		return err
	}
	return &asSyntax{err}
}

// An Error names the record of an input file that caused an error: the
// file, the line, the field and the cause; for a worksheet of a workbook
// also the sheet and the cell. Every reader of this package returns its
// errors as *Error, and package benefit gives it to importers as
// benefit.RecordError.
type Error struct {
	File string // the file name as the caller gave it; may be empty
	// Line is 1-based, 0 when not known; for a worksheet, its row.
	Line int
	// Field is the CSV column, or the JSON value's path in the
	// library's spelling: "levels[2].versions[0].amount".
	Field string
	// Pointer is the JSON value's RFC 6901 pointer,
	// "/levels/2/versions/0/amount"; empty for CSV and when not known.
	Pointer string
	// Sheet and Cell name the worksheet and the cell ("B17") of a value
	// read from a workbook; empty otherwise (Cell also when the error is
	// about a whole row).
	Sheet, Cell string
	Err         error // the cause
}

// Error gives "file:line: field: cause", or for a workbook
// "file: sheet!cell: field: cause" ("file: sheet row N: cause" for a
// whole row), leaving out what is not known ("input" stands for a file
// without a name).
func (e *Error) Error() string {
	loc := e.File
	if loc == "" {
		loc = "input"
	}
	switch {
	case e.Sheet != "" && e.Cell != "":
		loc += ": " + SheetRef(e.Sheet) + "!" + e.Cell
	case e.Sheet != "" && e.Line > 0:
		loc += ": " + SheetRef(e.Sheet) + " row " + strconv.Itoa(e.Line)
	case e.Sheet != "":
		loc += ": " + SheetRef(e.Sheet)
	case e.Line > 0:
		loc += ":" + strconv.Itoa(e.Line)
	}
	if e.Field != "" {
		loc += ": " + e.Field
	}
	return loc + ": " + e.Err.Error()
}

// SheetRef writes a sheet's name as a spreadsheet's reference does: as
// it is when it is letters, digits and "_" ("Sheet1", "水平"), else in
// single quotes, a quote doubled ('My levels').
func SheetRef(name string) string {
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
			return "'" + strings.ReplaceAll(name, "'", "''") + "'"
		}
	}
	return name
}

func (e *Error) Unwrap() error { return e.Err }
