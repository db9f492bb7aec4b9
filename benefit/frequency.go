package benefit

import (
	"strings"
	"time"
)

// A Frequency says what period an amount is per: a month or a year.
// The zero Frequency is PerMonth.
type Frequency int8

const (
	PerMonth Frequency = iota // 元/月
	PerYear                   // 元/年
)

// String returns "month" or "year".
func (f Frequency) String() string {
	if f == PerYear {
		return "year"
	}
	return "month"
}

// ParseFrequency parses "month" or "year" (also "monthly", "yearly",
// "annual", "per_month", "per_year", "月", "年"). The error is a
// *ParseError wrapping ErrSyntax.
func ParseFrequency(s string) (Frequency, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "month", "monthly", "per_month", "月":
		return PerMonth, nil
	case "year", "yearly", "annual", "per_year", "年":
		return PerYear, nil
	}
	return 0, parseErr("frequency", s, `want "month" or "year"`, ErrSyntax)
}

// MarshalText implements encoding.TextMarshaler.
func (f Frequency) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseFrequency.
func (f *Frequency) UnmarshalText(b []byte) error {
	v, err := ParseFrequency(string(b))
	if err != nil {
		return err
	}
	*f = v
	return nil
}

// Annual returns a, an amount per f, as an amount per year. A monthly
// amount is multiplied by 12; a yearly amount is returned as it is. This
// is how a monthly level is compared with a yearly standard: by
// multiplying, never by dividing the yearly one.
func (f Frequency) Annual(a Amount) Amount {
	if f == PerYear {
		return a
	}
	return a.Mul(12)
}

// SplitYear splits a yearly amount (元/年) into 12 monthly payments
// (元/月), each rounded down (Down, 舍去) to unit, and puts what the
// rounding left over into the month remainderIn, so the 12 payments sum
// back to yearly exactly. 88,150 a year split to the fen with the
// remainder in December gives eleven payments of 7,345.83 and one of
// 7,345.87.
//
// It returns ErrNegative for a negative yearly amount, and a *ParseError
// wrapping ErrRange when remainderIn is not a month of the year.
func SplitYear(yearly Amount, unit Unit, remainderIn time.Month) ([12]Amount, error) {
	var out [12]Amount
	if yearly.Sign() < 0 {
		return out, ErrNegative
	}
	if remainderIn < time.January || remainderIn > time.December {
		return out, parseErr("month", remainderIn.String(), "remainder month must be 1-12", ErrRange)
	}
	base, err := yearly.QuoInt(12, Rounding{unit, Down})
	if err != nil {
		return out, err
	}
	for i := range out {
		out[i] = base
	}
	out[remainderIn-1] = yearly.Sub(base.Mul(11))
	return out, nil
}
