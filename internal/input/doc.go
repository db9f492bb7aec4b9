// Package input is the library's one way in: every JSON and CSV file a
// loader reads (catalogues, floors, levels and waivers, expectations,
// scenarios, plans, retirees, divisions, the embedded data) is decoded
// here, strictly, within bounds, and every error names the record.
//
// # JSON
//
// ReadJSON and DecodeJSON decode a document with the semantics of
// encoding/json/v2 (github.com/go-json-experiment/json): a member that
// names no field, a name given in another case than the field's ("Amount"
// for "amount"), a name given twice in one object, invalid UTF-8 or a
// lone UTF-16 surrogate (\ud800) in a string, and anything after the
// value are errors. Types that read their own members (an UnmarshalJSON
// method) do it with Value, whose errors name the value inside them, so
// that a bad amount deep in a file is still named by its path and line:
//
//	levels.json:8: levels[2].versions[0].amount: benefit: invalid amount "12x": …
//
// A Doc that decoded names the line of a value found wrong after
// decoding (Locate, Line): the line where the value begins, or for a
// missing member, where the object that lacks it begins.
//
// # CSV
//
// NewCSV reads the header of a CSV file and maps its columns, in any
// order, to the columns a caller declares, once; Record.Get returns a
// field by its declared index, trimmed, without a lookup per field.
// Lines without a quote are split where they lie in the read buffer,
// eight bytes at a time, and a batch of records (Read) shares one
// string; a record with a quoted field is read by encoding/csv, so the
// reading is encoding/csv's (RFC 4180, empty lines skipped, CRLF), with
// a byte-order mark skipped and a GBK file rejected with an error that
// says so.
//
// # Bounds
//
// Limits bound the document, each JSON string, each CSV line and field
// (and for the loaders above, the levels of a file and the versions of a
// level). Each bound is enforced while reading: a reader holds at most
// the bound before it stops with an error wrapping ErrTooLarge, so that
// no input (a 2 GB line, /dev/zero) makes memory grow without bound.
//
// # Errors
//
// Every error is an *Error naming the file, the line (0 when not known),
// the field (a CSV column or a JSON path in the library's spelling,
// "levels[2].versions[0].amount") and for JSON the RFC 6901 pointer
// ("/levels/2/versions/0/amount"), wrapping the cause; a value read
// from a workbook's worksheet (internal/xlsxin) names its sheet and cell
// too ("levels.xlsx: Sheet1!E17: amount: …"). package benefit
// gives the type to importers as benefit.RecordError and the sentinels
// ErrSyntax, ErrEncoding and ErrTooLarge as benefit's, so errors.As and
// errors.Is work from outside. The package imports nothing of the
// library's.
package input
