package plan

import (
	"cmp"
	"fmt"
	"time"

	"github.com/benefitstd/benefitstd/benefit"
)

// A Date is a calendar day (日期): a birth date, a retirement date, the
// cut-off of a plan's eligibility or the day ages are measured at.
// Dates are small comparable values (usable with == and as map keys,
// ordered by Compare); build them with NewDate, ParseDate or
// MustParseDate.
//
// The zero Date is not a valid day: it means "unset", and IsZero
// reports it.
type Date struct {
	v int32 // yyyymmdd; 0 = unset
}

// NewDate returns the date y-m-d. It returns an error wrapping
// benefit.ErrRange when the year is outside 1900-9999 or the day does
// not exist (2023-02-29).
func NewDate(y int, m time.Month, d int) (Date, error) {
	if y < benefit.MinYear || y > benefit.MaxYear || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return Date{}, fmt.Errorf("%w: %04d-%02d-%02d is not a day of %d-%d", benefit.ErrRange, y, int(m), d, benefit.MinYear, benefit.MaxYear)
	}
	return Date{int32(y*10000 + int(m)*100 + d)}, nil
}

// daysIn returns the days of month m (1-12) of year y in the Gregorian
// calendar: a year divisible by 4 is a leap year, unless it is divisible
// by 100 and not by 400 (1900 is not, 2000 is).
func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// ParseDate parses "2023-12-31". The error wraps benefit.ErrSyntax or
// benefit.ErrRange.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("%w: date %q: want YYYY-MM-DD, e.g. 2023-12-31", benefit.ErrSyntax, s)
	}
	// the digits' values: a byte below '0' wraps past 9
	y0, y1, y2, y3, m0, m1, d0, d1 := s[0]-'0', s[1]-'0', s[2]-'0', s[3]-'0', s[5]-'0', s[6]-'0', s[8]-'0', s[9]-'0'
	if y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9 {
		return Date{}, fmt.Errorf("%w: date %q: want YYYY-MM-DD, e.g. 2023-12-31", benefit.ErrSyntax, s)
	}
	return NewDate(int(y0)*1000+int(y1)*100+int(y2)*10+int(y3), time.Month(m0)*10+time.Month(m1), int(d0)*10+int(d1))
}

// MustParseDate is like ParseDate but panics on error; for constants in
// tests and examples.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is the zero (unset) Date.
func (d Date) IsZero() bool { return d.v == 0 }

// Year returns d's year.
func (d Date) Year() int { return int(d.v / 10000) }

// Month returns d's month.
func (d Date) Month() time.Month { return time.Month(d.v / 100 % 100) }

// Day returns d's day of the month.
func (d Date) Day() int { return int(d.v % 100) }

// Compare returns -1 if d is before e, 0 if they are the same day and +1
// if d is after e (the zero Date before every day), as time.Time.Compare
// does; for slices.SortFunc and for ordering dates an importer reads.
func (d Date) Compare(e Date) int { return cmp.Compare(d.v, e.v) }

// ageAt returns the age in full years (周岁) on day ref of a person born
// on birth: the birthday counts on the day itself, so a person born on
// 1953-12-31 is 70 on 2023-12-31 ("年满70周岁" by the end of 2023). A
// person born on 29 February has their birthday on 28 February in a
// common year: 民法典 第二百零二条 ends a period counted in years on the
// corresponding day of the last month, "没有对应日的，月末日为期间的最后一日"
// (and 第二百零四条 applies it where no other law says otherwise).
func ageAt(birth, ref int32) int {
	a := int(ref/10000 - birth/10000)
	md := birth % 10000
	if md == 229 && !leapYear(ref/10000) {
		md = 228
	}
	if ref%10000 < md {
		a--
	}
	return a
}

func leapYear(y int32) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// String returns "2023-12-31", or "" for the zero Date.
func (d Date) String() string {
	if d.v == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year(), int(d.Month()), d.Day())
}

// MarshalText implements encoding.TextMarshaler; the zero Date is "".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses "2023-12-31"; the empty text gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
