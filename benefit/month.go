package benefit

import (
	"fmt"
	"strconv"
	"time"
)

// Years a Month may carry.
const (
	MinYear = 1900
	MaxYear = 9999
)

// A Month is a calendar month (year and month), the grain at which
// benefit levels take effect and are paid. Months are comparable with
// ==, < and >, usable as map keys, and step with AddMonths and Sub.
//
// The zero Month is not a valid month: it means "unset" (an open end,
// say), and IsZero reports it. Build months with NewMonth, ParseMonth
// or MustParseMonth.
type Month int32 // months since January of year 0, plus one; 0 = unset

// NewMonth returns the month of the given year and month. Out-of-range
// months are normalized as time.Date does (month 13 of 2024 is 2025-01).
func NewMonth(year int, month time.Month) Month {
	return Month(int32(year)*12 + int32(month) - 1 + 1)
}

// ParseMonth parses "2024-07". The year must be 1900-9999 and the month
// two digits, 01-12. The error is a *ParseError wrapping ErrSyntax
// (not YYYY-MM) or ErrRange (a year or month out of range).
func ParseMonth(s string) (Month, error) {
	if len(s) != 7 || s[4] != '-' {
		return 0, parseErr("month", s, `want YYYY-MM, e.g. "2024-07"`, ErrSyntax)
	}
	for i, c := range []byte(s) {
		if i != 4 && (c < '0' || c > '9') {
			return 0, parseErr("month", s, `want YYYY-MM, e.g. "2024-07"`, ErrSyntax)
		}
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:])
	if y < MinYear || m < 1 || m > 12 {
		return 0, parseErr("month", s, fmt.Sprintf("year must be %d-%d and month 01-12", MinYear, MaxYear), ErrRange)
	}
	return NewMonth(y, time.Month(m)), nil
}

// MustParseMonth is like ParseMonth but panics on error.
func MustParseMonth(s string) Month {
	m, err := ParseMonth(s)
	if err != nil {
		panic(err)
	}
	return m
}

// MonthOf returns the month that contains t.
func MonthOf(t time.Time) Month { return NewMonth(t.Year(), t.Month()) }

// IsZero reports whether m is the zero (unset) Month.
func (m Month) IsZero() bool { return m == 0 }

// Year returns m's year.
func (m Month) Year() int { return int((int32(m) - 1) / 12) }

// Month returns m's month of the year.
func (m Month) Month() time.Month { return time.Month((int32(m)-1)%12 + 1) }

// AddMonths returns m plus n months (n may be negative).
func (m Month) AddMonths(n int) Month { return m + Month(n) }

// Sub returns the number of months from n to m (m - n); it is the count
// of months in the half-open interval [n, m).
func (m Month) Sub(n Month) int { return int(m - n) }

// Compare returns -1 if m is before n, 0 if they are the same month and
// +1 if m is after n; for slices.SortFunc. Months also order with < and >.
func (m Month) Compare(n Month) int {
	switch {
	case m < n:
		return -1
	case m > n:
		return 1
	}
	return 0
}

// String returns "2024-07", or "" for the zero Month.
func (m Month) String() string {
	if m == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", m.Year(), int(m.Month()))
}

// MarshalText implements encoding.TextMarshaler; the zero Month is "".
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText parses "2024-07"; the empty text gives the zero Month.
func (m *Month) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*m = 0
		return nil
	}
	v, err := ParseMonth(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Interval is the half-open run of months [From, To). A zero To means the
// interval has no end.
type Interval struct {
	From Month `json:"from"`
	To   Month `json:"to,omitzero"`
}

// Months returns the number of months in iv, or -1 when it has no end.
func (iv Interval) Months() int {
	if iv.To.IsZero() {
		return -1
	}
	return iv.To.Sub(iv.From)
}

// Contains reports whether m lies in iv.
func (iv Interval) Contains(m Month) bool {
	return m >= iv.From && (iv.To.IsZero() || m < iv.To)
}

// String returns "[2024-01, 2024-07)" or "[2024-01, …)".
func (iv Interval) String() string {
	to := "…"
	if !iv.To.IsZero() {
		to = iv.To.String()
	}
	return "[" + iv.From.String() + ", " + to + ")"
}
