package plan

import (
	"fmt"

	"github.com/benefitstd/benefitstd/benefit"
)

// A Sex is a retiree's sex, for the few plans that tilt by it (Shanghai
// 2021: women 60+ and men 65+). The zero Sex is unknown.
type Sex int8

const (
	SexUnknown Sex = iota // not given; an age bracket with a Sex does not match it
	Female                // 女
	Male                  // 男
)

// String returns "F", "M" or "".
func (s Sex) String() string {
	switch s {
	case Female:
		return "F"
	case Male:
		return "M"
	}
	return ""
}

// parseSex parses "F"/"女"/"female" or "M"/"男"/"male"; "" is unknown.
func parseSex(s string) (Sex, error) {
	switch s {
	case "":
		return SexUnknown, nil
	case "F", "f", "女", "female":
		return Female, nil
	case "M", "m", "男", "male":
		return Male, nil
	}
	return 0, fmt.Errorf("%w: sex %q: want F, M (女, 男) or empty", benefit.ErrSyntax, s)
}

// MarshalText implements encoding.TextMarshaler.
func (s Sex) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler: "F"/"女"/"female",
// "M"/"男"/"male", or "" for unknown.
func (s *Sex) UnmarshalText(b []byte) error {
	v, err := parseSex(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// A Retiree (退休人员) is one person a plan is applied to.
type Retiree struct {
	ID      string // the payment system's key; copied to the output
	Birth   Date   // 出生日期
	Retired Date   // 退休日期
	// Years and Months are the contribution time including deemed years
	// (缴费年限, 含视同缴费年限): full years and the remaining months (0-11).
	Years, Months int
	// Pension is the basic pension (基本养老金) per month before the
	// adjustment (usually that of December of the previous year), in
	// whole fen.
	Pension benefit.Amount
	// Area is the hardship-area class (艰苦边远地区类别), 0 when none.
	Area int
	// Category is the retiree's category where a plan tilts by one
	// ("农转工", "军转干部"); empty otherwise.
	Category string
	Sex      Sex
}

// Limits a retiree's fields must keep.
const (
	maxYears   = 80             // Retiree.Years, full contribution years (缴费年限), 0-80
	maxArea    = 9              // Retiree.Area, hardship-area class (艰苦边远地区类别), 0-9
	maxPension = 100_000_000_00 // 100 million yuan a month, in fen: anything above is a data error
)

// row is the compact form of a retiree the calculator works on: money in
// fen, dates packed, nothing that allocates.
type row struct {
	id       string
	category string
	pension  int64 // fen
	birth    int32 // yyyymmdd
	retired  int32
	years    int32
	months   int32
	area     int8
	sex      Sex
}

// fieldError is a bad field of a retiree; the source turns it into a
// *benefit.RecordError with its file and line.
type fieldError struct {
	field string
	err   error
}

func (e *fieldError) Error() string { return e.field + ": " + e.err.Error() }
func (e *fieldError) Unwrap() error { return e.err }

// toRow checks r and returns its compact form.
func toRow(r Retiree) (row, *fieldError) {
	switch {
	case r.Birth.IsZero():
		return row{}, &fieldError{"birth_date", fmt.Errorf("%w: missing", benefit.ErrSyntax)}
	case r.Retired.IsZero():
		return row{}, &fieldError{"retired_date", fmt.Errorf("%w: missing", benefit.ErrSyntax)}
	case r.Sex < SexUnknown || r.Sex > Male:
		return row{}, &fieldError{"sex", fmt.Errorf("%w: %d is not SexUnknown, Female or Male", benefit.ErrRange, r.Sex)}
	}
	fen, ok := r.Pension.Fen()
	if !ok {
		return row{}, &fieldError{"pension", fmt.Errorf("%w: %s has fractions of a fen", benefit.ErrSyntax, r.Pension)}
	}
	x := row{id: r.ID, category: r.Category, pension: fen, birth: r.Birth.v, retired: r.Retired.v,
		years: int32(r.Years), months: int32(r.Months), area: int8(r.Area), sex: r.Sex}
	if r.Years < 0 || r.Years > maxYears || r.Area < 0 || r.Area > maxArea || r.Months < 0 || r.Months > 11 {
		switch {
		case r.Years < 0 || r.Years > maxYears:
			return row{}, &fieldError{"years", fmt.Errorf("%w: %d is not 0-%d", benefit.ErrRange, r.Years, maxYears)}
		case r.Months < 0 || r.Months > 11:
			return row{}, &fieldError{"months", fmt.Errorf("%w: %d is not 0-11", benefit.ErrRange, r.Months)}
		default:
			return row{}, &fieldError{"area_class", fmt.Errorf("%w: %d is not 0-%d", benefit.ErrRange, r.Area, maxArea)}
		}
	}
	if fe := x.check(); fe != nil {
		return row{}, fe
	}
	return x, nil
}

// check validates the relations between a row's fields.
func (x *row) check() *fieldError {
	switch {
	case x.pension < 0:
		return &fieldError{"pension", fmt.Errorf("%w: %s", benefit.ErrNegative, fenString(x.pension))}
	case x.pension > maxPension:
		return &fieldError{"pension", fmt.Errorf("%w: %s yuan a month is not a pension", benefit.ErrRange, fenString(x.pension))}
	case x.retired < x.birth:
		return &fieldError{"retired_date", fmt.Errorf("%w: retired %s before birth %s", benefit.ErrOrder, Date{x.retired}, Date{x.birth})}
	}
	return nil
}

// Retiree returns the row as a Retiree.
func (x *row) retiree() Retiree {
	return Retiree{ID: x.id, Birth: Date{x.birth}, Retired: Date{x.retired}, Years: int(x.years), Months: int(x.months),
		Pension: benefit.FromFen(x.pension), Area: int(x.area), Category: x.category, Sex: x.sex}
}
