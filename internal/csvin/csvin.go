package csvin

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/benefitstd/benefitstd/benefit"
)

// ErrNotUTF8 reports input that is not valid UTF-8.
var ErrNotUTF8 error = notUTF8{}

type notUTF8 struct{}

func (notUTF8) Error() string {
	return "not UTF-8 text: the file looks GBK/GB18030-encoded (as Excel saves CSV in China); save it as \"CSV UTF-8\" and try again"
}

// Unwrap lets importers, who cannot reach this package, test the
// condition with errors.Is(err, benefit.ErrEncoding).
func (notUTF8) Unwrap() error { return benefit.ErrEncoding }

// Reader reads records of a CSV file with a header.
type Reader struct {
	file string
	cr   *csv.Reader
	cols []string
	idx  map[string]int
}

// Record is one data row.
type Record struct {
	Line   int
	fields []string
	r      *Reader
}

// New reads the header from r. Every column in required must be present;
// every column must be in required or optional; none may repeat.
func New(r io.Reader, file string, required, optional []string) (*Reader, error) {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\xEF\xBB\xBF" {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.ReuseRecord = false
	cr.FieldsPerRecord = 0
	rd := &Reader{file: file, cr: cr, idx: map[string]int{}}
	header, err := cr.Read()
	if err == io.EOF {
		return nil, rd.errf(1, "", fmt.Errorf("%w: empty file; want a header line %s", benefit.ErrSyntax, strings.Join(required, ",")))
	}
	if err != nil {
		return nil, rd.csvErr(err)
	}
	for i, h := range header {
		if !utf8.ValidString(h) {
			return nil, rd.errf(1, "", ErrNotUTF8)
		}
		h = strings.TrimSpace(h)
		if !slices.Contains(required, h) && !slices.Contains(optional, h) {
			return nil, rd.errf(1, h, fmt.Errorf("%w: unknown column %q (known: %s)", benefit.ErrSyntax, h, strings.Join(append(slices.Clone(required), optional...), ",")))
		}
		if _, dup := rd.idx[h]; dup {
			return nil, rd.errf(1, h, fmt.Errorf("%w: column %q given twice", benefit.ErrSyntax, h))
		}
		rd.idx[h] = i
		rd.cols = append(rd.cols, h)
	}
	for _, c := range required {
		if _, ok := rd.idx[c]; !ok {
			return nil, rd.errf(1, c, fmt.Errorf("%w: missing column %q", benefit.ErrSyntax, c))
		}
	}
	return rd, nil
}

// Has reports whether the header has column c.
func (rd *Reader) Has(c string) bool { _, ok := rd.idx[c]; return ok }

// Next returns the next record, or io.EOF after the last.
func (rd *Reader) Next() (Record, error) {
	fields, err := rd.cr.Read()
	if err != nil {
		if err == io.EOF {
			return Record{}, io.EOF
		}
		return Record{}, rd.csvErr(err)
	}
	line, _ := rd.cr.FieldPos(0)
	for i, f := range fields {
		if !utf8.ValidString(f) {
			return Record{}, rd.errf(line, rd.cols[i], ErrNotUTF8)
		}
		if strings.IndexByte(f, 0) >= 0 {
			return Record{}, rd.errf(line, rd.cols[i], fmt.Errorf("%w: NUL byte in the field (is this a UTF-16 or binary file?)", benefit.ErrSyntax))
		}
	}
	return Record{Line: line, fields: fields, r: rd}, nil
}

// Get returns the trimmed value of column c ("" when the column is absent).
func (rec Record) Get(c string) string {
	i, ok := rec.r.idx[c]
	if !ok || i >= len(rec.fields) {
		return ""
	}
	return strings.TrimSpace(rec.fields[i])
}

// Err wraps err as a *benefit.RecordError for column c of this record.
func (rec Record) Err(c string, err error) error { return rec.r.errf(rec.Line, c, err) }

func (rd *Reader) errf(line int, field string, err error) error {
	return &benefit.RecordError{File: rd.file, Line: line, Field: field, Err: err}
}

func (rd *Reader) csvErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			return rd.errf(pe.Line, "", fmt.Errorf("%w: wrong number of fields (the header has %d)", benefit.ErrSyntax, len(rd.cols)))
		}
		return rd.errf(pe.Line, "", fmt.Errorf("%w: %v", benefit.ErrSyntax, pe.Err))
	}
	return rd.errf(0, "", err)
}
