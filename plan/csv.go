package plan

import (
	"fmt"
	"io"
	"slices"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
)

// CSVHeader returns the full header line of a retiree CSV file:
//
//	id,birth_date,retired_date,years,months,pension,area_class,category,sex
//
// A file's header names its columns in any order; unknown columns are
// errors. Required:
//
//	id            the payment system's key (copied to the per-person output)
//	birth_date    出生日期, YYYY-MM-DD
//	retired_date  退休日期, YYYY-MM-DD
//	years         full contribution years incl. deemed years (缴费年限，含视同), 0-80
//	pension       basic pension per month before the adjustment, yuan with at most two decimals
//
// Optional:
//
//	months        remaining contribution months, 0-11 (default 0)
//	area_class    hardship-area class (艰苦边远地区类别), 0-9 (default 0 = none)
//	category      a category a plan may tilt by, e.g. 农转工, 军转干部 (default none)
//	sex           F/M (女/男) or empty
//
// The file is UTF-8 (with or without a byte-order mark, LF or CRLF);
// a GBK file is rejected with an error that says so. Lines and fields
// are bounded (benefit.Limits; ReadCSV).
func CSVHeader() string {
	return "id,birth_date,retired_date,years,months,pension,area_class,category,sex"
}

func csvColumns() (required, optional []string) {
	return []string{"id", "birth_date", "retired_date", "years", "pension"}, []string{"months", "area_class", "category", "sex"}
}

// The columns of a retirees file, in the order of csvColumns.
const (
	colID = iota
	colBirth
	colRetired
	colYears
	colPension
	colMonths
	colArea
	colCategory
	colSex
)

// colOf returns the column of a field a fieldError names.
func colOf(field string) int {
	req, opt := csvColumns()
	return slices.Index(slices.Concat(req, opt), field)
}

type csvSource struct {
	r    io.Reader
	file string
	lim  benefit.Limits
}

// ReadCSV returns a Source streaming retirees from r, a CSV file with
// the columns of CSVHeader; file names it in errors. A
// bad record stops the run with a *benefit.RecordError naming the file,
// line and field. The Source reads r once, within lim (the zero Limits
// are the defaults: a line of at most 1 MiB, a field of at most 64 KiB);
// a line or field past its bound stops the run with an error wrapping
// benefit.ErrTooLarge.
//
// Each id (人员编号) may appear once: a repeated id is a bad record (field
// "id", on the line of the second occurrence, wrapping ErrDuplicateID,
// the message naming the first line), whatever the output, since a
// payment file would pay that retiree twice and a Report would count
// them twice. The check runs on a goroutine of its own, one chunk behind
// the reading, in memory bounded whatever the size of the file (about 25
// MB): past 262,144 ids it spills the ids' hashes and bytes to temporary
// files (about 16 bytes an id plus its length, in os.TempDir, removed
// when the run ends), and a repeat across such segments is found when the
// reading is over, after the lines before it were processed.
func ReadCSV(r io.Reader, file string, lim benefit.Limits) Source {
	return &csvSource{r: r, file: file, lim: lim}
}

// feed parses the records of feedRecords into rows (NewPopulation).
func (s *csvSource) feed(size int, get func() []row, emit func([]row, bool) bool) error {
	var perr error
	err := s.feedRecords(size, func(recs []input.Record) bool {
		rows, err := parseRecords(recs, get())
		if err != nil {
			perr = err // before any later line's error feedRecords returns
			return false
		}
		return emit(rows, true)
	})
	if perr != nil && err != nil {
		return earliest([]error{perr, err}) // a repeat found after the reading may come first
	}
	if perr != nil {
		return perr
	}
	return err
}

// feedRecords sends the raw records to emit in chunks of at most size,
// for workers to parse in parallel (see Calculator.run). A repeated id
// is found by checkIDs, one chunk behind the reading.
func (s *csvSource) feedRecords(size int, emit func([]input.Record) bool) error {
	if s.r == nil {
		return &benefit.RecordError{File: s.file, Err: fmt.Errorf("%w: the CSV source was already read", benefit.ErrSyntax)}
	}
	req, opt := csvColumns()
	rd, err := input.NewCSV(s.r, s.file, req, opt, s.lim)
	s.r = nil
	if err != nil {
		return err
	}
	read := func(send func([]input.Record) bool) error {
		for {
			recs, err := rd.Read(size)
			if err != nil && err != io.EOF {
				if len(recs) > 0 {
					send(recs) // an earlier record may be bad too; it must be the one reported
				}
				return err
			}
			if len(recs) > 0 && !send(recs) || err == io.EOF {
				return nil
			}
		}
	}
	return checkIDs(read,
		func(rec *input.Record, _ int) (string, int) { return rec.Get(colID), rec.Line() },
		func(id string, line, first int) error {
			return &benefit.RecordError{File: s.file, Line: line, Field: "id", Err: dupError(id, first, "line")}
		},
		emit)
}

// parseRecords parses recs into rows (appending to rows), stopping at
// the first bad record.
func parseRecords(recs []input.Record, rows []row) ([]row, error) {
	for _, rec := range recs {
		x, err := parseRecord(rec)
		if err != nil {
			return rows, err
		}
		rows = append(rows, x)
	}
	return rows, nil
}

func parseRecord(rec input.Record) (row, error) {
	var x row
	x.id = rec.Get(colID)
	if x.id == "" {
		return x, rec.Err(colID, fmt.Errorf("%w: missing", benefit.ErrSyntax))
	}
	d, err := ParseDate(rec.Get(colBirth))
	if err != nil {
		return x, rec.Err(colBirth, err)
	}
	x.birth = d.v
	if d, err = ParseDate(rec.Get(colRetired)); err != nil {
		return x, rec.Err(colRetired, err)
	}
	x.retired = d.v
	n, err := intField(rec.Get(colYears), 0, maxYears, false)
	if err != nil {
		return x, rec.Err(colYears, err)
	}
	x.years = int32(n)
	if n, err = intField(rec.Get(colMonths), 0, 11, true); err != nil {
		return x, rec.Err(colMonths, err)
	}
	x.months = int32(n)
	if x.pension, err = parseFen(rec.Get(colPension)); err != nil {
		return x, rec.Err(colPension, err)
	}
	if n, err = intField(rec.Get(colArea), 0, maxArea, true); err != nil {
		return x, rec.Err(colArea, err)
	}
	x.area = int8(n)
	x.category = rec.Get(colCategory)
	if x.sex, err = parseSex(rec.Get(colSex)); err != nil {
		return x, rec.Err(colSex, err)
	}
	if fe := x.check(); fe != nil {
		return x, rec.Err(colOf(fe.field), fe.err)
	}
	return x, nil
}

// intField parses a small non-negative integer in [lo, hi]; empty is 0
// when optional.
func intField(s string, lo, hi int, optional bool) (int, error) {
	if s == "" {
		if optional {
			return 0, nil
		}
		return 0, fmt.Errorf("%w: missing", benefit.ErrSyntax)
	}
	if len(s) > 4 || s[0] < '0' || s[0] > '9' {
		return 0, fmt.Errorf("%w: %q is not %d-%d", benefit.ErrRange, s, lo, hi)
	}
	n := 0
	for i := 0; i < len(s); i++ { // at most 4 digits: no overflow
		if d := s[i] - '0'; d <= 9 {
			n = n*10 + int(d)
		} else {
			return 0, fmt.Errorf("%w: %q is not a whole number", benefit.ErrSyntax, s)
		}
	}
	if n < lo || n > hi {
		return 0, fmt.Errorf("%w: %d is not %d-%d", benefit.ErrRange, n, lo, hi)
	}
	return n, nil
}
