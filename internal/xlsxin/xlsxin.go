package xlsxin

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/benefitstd/benefitstd/internal/input"
)

// Limits bound what Open reads of a workbook, which is a zip archive of
// XML parts: each bound is checked against the sizes the archive
// declares before a part is unpacked, and the unpacking stops at the
// declared size (archive/zip), so that a zip bomb is refused without
// being inflated. A zero field takes its default.
type Limits struct {
	// Unzipped is the most bytes of all the parts unpacked. Default
	// 512 MiB: a sheet of the 1,048,576 rows a worksheet can hold, of a
	// retirees file's nine columns, is about 250 MB of XML.
	Unzipped int64
	// Part is the most bytes of one part other than a worksheet and the
	// shared strings (styles, the workbook, its relationships), which
	// are held in memory. Worksheets and shared strings larger than it
	// are unpacked to a temporary file and read from there as a stream.
	// Default 16 MiB.
	Part int64
	// Parts is the most parts the archive may hold. Default 10,000.
	Parts int
}

// The defaults of Limits.
const (
	DefaultUnzipped = 512 << 20
	DefaultPart     = 16 << 20
	DefaultParts    = 10_000
)

func (l Limits) withDefaults() Limits {
	if l.Unzipped <= 0 {
		l.Unzipped = DefaultUnzipped
	}
	if l.Part <= 0 {
		l.Part = DefaultPart
	}
	l.Part = min(l.Part, l.Unzipped)
	if l.Parts <= 0 {
		l.Parts = DefaultParts
	}
	return l
}

// Options say which sheet to read and how.
type Options struct {
	// Sheet names the worksheet to read; "" reads the first.
	Sheet string
	// Dates are the columns (by their header) whose numbers are dates:
	// a number there is read as an Excel date serial and written
	// YYYY-MM-DD, as a CSV file writes dates.
	Dates []string
	Limits
}

// A Sheet is one worksheet of a workbook read as the CSV text of its
// rows (an io.Reader), for the library's one CSV reader: its first row
// that is not empty is the header, one CSV line per row, so that the
// line of a record is its row. A value is read as the cell stores it
// (a number's digits as written in the file, a formula's cached
// result); a number in a date column (Options.Dates) as the date it
// stands for. A cell the CSV text could not carry faithfully is an
// error naming its sheet and cell: a number in scientific notation (an
// 18-digit id typed as a number keeps only 15 digits), a date with a
// time of day, a line break, a value right of the header's last column.
//
// Close removes what the reading left in temporary files.
type Sheet struct {
	file, name string
	f          *excelize.File
	rows       *excelize.Rows
	date1904   bool
	dates      []string

	header  []string // trimmed, by column; nil until read
	isDate  []bool   // by column
	row     int      // the sheet row read last
	buf     []byte
	off     int
	err     error // the first error of the sheet itself
	readErr error // what Read returns once buf is drained
}

// Open opens the workbook at path within opts.Limits and readies
// the sheet opts.Sheet (or the first) for reading. A file that is not a
// workbook, one past a bound (wrapping input.ErrTooLarge) and a sheet
// not found are *input.Error naming the file.
func Open(path string, opts Options) (*Sheet, error) {
	lim := opts.Limits.withDefaults()
	fail := func(err error) error { return &input.Error{File: path, Sheet: opts.Sheet, Err: err} }
	if err := checkArchive(path, lim); err != nil {
		var ie *input.Error
		if errors.As(err, &ie) {
			return nil, err
		}
		return nil, fail(err)
	}
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true, UnzipSizeLimit: lim.Unzipped, UnzipXMLSizeLimit: lim.Part})
	if err != nil {
		if f != nil {
			f.Close()
		}
		return nil, fail(fmt.Errorf("%w: not a readable workbook (.xlsx): %v", input.ErrSyntax, err))
	}
	name := opts.Sheet
	list := f.GetSheetList()
	switch {
	case name == "" && len(list) == 0:
		f.Close()
		return nil, fail(fmt.Errorf("%w: the workbook has no worksheet", input.ErrSyntax))
	case name == "":
		name = list[0]
	case !slices.Contains(list, name):
		f.Close()
		return nil, fail(fmt.Errorf("%w: no sheet %q (the workbook has %s)", input.ErrSyntax, name, quoted(list)))
	}
	s := &Sheet{file: path, name: name, f: f, dates: opts.Dates}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		s.date1904 = *props.Date1904
	}
	if s.rows, err = f.Rows(name); err != nil {
		f.Close()
		return nil, fail(fmt.Errorf("%w: %v", input.ErrSyntax, err))
	}
	return s, nil
}

// checkArchive checks the sizes the archive at path declares against
// lim before anything is unpacked.
func checkArchive(path string, lim Limits) error {
	z, err := zip.OpenReader(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return pe.Err
		}
		return fmt.Errorf("%w: not a workbook (.xlsx is a zip archive): %v", input.ErrSyntax, err)
	}
	defer z.Close()
	if len(z.File) > lim.Parts {
		return fmt.Errorf("%w: %d parts in the archive, more than %d (Limits.Parts)", input.ErrTooLarge, len(z.File), lim.Parts)
	}
	var total uint64
	for _, zf := range z.File {
		n := zf.UncompressedSize64
		total += n
		if total > uint64(lim.Unzipped) || n > uint64(lim.Unzipped) {
			return fmt.Errorf("%w: the parts unpack to more than %s (Limits.Unzipped)", input.ErrTooLarge, input.Size(lim.Unzipped))
		}
		name := strings.ToLower(strings.ReplaceAll(zf.Name, "\\", "/"))
		streamed := strings.HasPrefix(name, "xl/worksheets/sheet") || name == "xl/sharedstrings.xml"
		if !streamed && n > uint64(lim.Part) {
			return fmt.Errorf("%w: part %s unpacks to more than %s (Limits.Part)", input.ErrTooLarge, zf.Name, input.Size(lim.Part))
		}
	}
	return nil
}

// Name returns the name of the sheet read.
func (s *Sheet) Name() string { return s.name }

// Close closes the workbook and removes its temporary files.
func (s *Sheet) Close() error {
	if s.f == nil {
		return nil
	}
	s.rows.Close()
	err := s.f.Close()
	s.f = nil
	return err
}

// Read reads the CSV text of the sheet's rows.
func (s *Sheet) Read(p []byte) (int, error) {
	for s.off == len(s.buf) {
		if s.readErr != nil {
			return 0, s.readErr
		}
		s.buf, s.off = s.buf[:0], 0
		s.readErr = s.next()
	}
	n := copy(p, s.buf[s.off:])
	s.off += n
	return n, nil
}

// next appends the CSV line of the next row to buf; io.EOF after the
// last.
func (s *Sheet) next() error {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return s.fail(0, -1, fmt.Errorf("%w: %v", input.ErrSyntax, err))
		}
		return io.EOF
	}
	s.row++
	cells, err := s.rows.Columns()
	if err != nil {
		return s.fail(0, -1, fmt.Errorf("%w: %v", input.ErrSyntax, err))
	}
	for len(cells) > 0 && strings.TrimSpace(cells[len(cells)-1]) == "" {
		cells = cells[:len(cells)-1]
	}
	if len(cells) == 0 {
		s.buf = append(s.buf, '\n') // an empty line, skipped as CSV skips it
		return nil
	}
	if s.header == nil {
		s.header = make([]string, len(cells))
		s.isDate = make([]bool, len(cells))
		for i, c := range cells {
			s.header[i] = strings.TrimSpace(c)
			s.isDate[i] = slices.Contains(s.dates, s.header[i])
		}
	} else if len(cells) > len(s.header) {
		c := len(s.header)
		for strings.TrimSpace(cells[c]) == "" {
			c++
		}
		return s.fail(c, -1, fmt.Errorf("%w: a value right of the header's last column (%s)", input.ErrSyntax, cellName(len(s.header)-1, 1)))
	}
	for i := range len(s.header) {
		v := ""
		if i < len(cells) {
			v = cells[i]
		}
		if v, err = s.value(i, v); err != nil {
			return s.fail(i, i, err)
		}
		if i > 0 {
			s.buf = append(s.buf, ',')
		}
		s.buf = appendField(s.buf, v)
	}
	s.buf = append(s.buf, '\n')
	return nil
}

// value returns the text of the cell in column i holding v, or what is
// wrong with it.
func (s *Sheet) value(i int, v string) (string, error) {
	if strings.ContainsAny(v, "\r\n") {
		return "", fmt.Errorf("%w: a line break in the cell; a field is one line", input.ErrSyntax)
	}
	if s.header == nil || i >= len(s.isDate) {
		return v, nil
	}
	num, isNum := number(v)
	switch {
	case isNum && strings.ContainsAny(v, "eE"):
		return "", fmt.Errorf("%w: %s is a number in scientific notation, which keeps only 15 digits; format the column as text (文本) and type the value again", input.ErrSyntax, v)
	case isNum && s.isDate[i] && num >= 1 && num < 2958466: // 1900-01-01 to 9999-12-31
		if num != math.Trunc(num) {
			return "", fmt.Errorf("%w: %s is a date with a time of day; want a date", input.ErrSyntax, v)
		}
		t, err := excelize.ExcelDateToTime(num, s.date1904)
		if err != nil {
			return "", fmt.Errorf("%w: %s is not a date: %v", input.ErrSyntax, v, err)
		}
		return t.Format("2006-01-02"), nil
	}
	return v, nil
}

// number reports whether v is a number as a cell stores it, and its
// value.
func number(v string) (float64, bool) {
	if v == "" || strings.ContainsAny(v, " _xXpP") { // ParseFloat's underscores, hex and infinities are not a cell's
		return 0, false
	}
	f, err := strconv.ParseFloat(v, 64)
	return f, err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
}

// fail records err as the sheet's own error on the current row: at the
// cell of column col (0-based; -1 for the whole row), and under the
// header of column field (-1: none).
func (s *Sheet) fail(col, field int, err error) error {
	e := &input.Error{File: s.file, Line: s.row, Sheet: s.name, Err: err}
	if col >= 0 && s.row > 0 {
		e.Cell = cellName(col, s.row)
	}
	if field >= 0 && field < len(s.header) {
		e.Field = s.header[field]
	}
	if s.err == nil {
		s.err = e
	}
	return e
}

// Locate returns err, an error of reading the sheet's CSV text, naming
// the sheet and the cell: an error of the sheet itself as it is, and an
// *input.Error of the CSV reader (whose line is the row) with the sheet
// and, when it names a column of the header, the cell added. Any other
// error is returned as it is.
func (s *Sheet) Locate(err error) error {
	if err == nil {
		return nil
	}
	if s.err != nil && errors.Is(err, s.err) {
		return s.err
	}
	var e *input.Error
	if errors.As(err, &e) && e.File == s.file && e.Sheet == "" {
		e.Sheet = s.name
		if c := slices.Index(s.header, e.Field); c >= 0 && e.Line > 0 && e.Field != "" {
			e.Cell = cellName(c, e.Line)
		}
	}
	return err
}

// cellName returns the reference of column col (0-based) in row.
func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col+1, row)
	return name
}

// appendField appends v as a CSV field, quoted when it holds a comma or
// a quote.
func appendField(b []byte, v string) []byte {
	if !strings.ContainsAny(v, ",\"") {
		return append(b, v...)
	}
	b = append(b, '"')
	b = append(b, strings.ReplaceAll(v, `"`, `""`)...)
	return append(b, '"')
}

func quoted(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}
