package benefit

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Limits of the rate grammar: at most MaxRateIntDigits digits before the
// point of a plain ratio and MaxRateScale after it, as written. A
// percentage may have two more digits before the point (the same bound
// on the value), so that every rate String prints parses back.
const (
	MaxRateIntDigits = 6
	MaxRateScale     = 10
)

// A Rate is an exact ratio: an adjustment percentage, a central share, a
// growth assumption, a multiplier such as 90 % of the minimum wage.
//
// Rates parse from "3%", "3.8%", "-0.5%" or the plain ratio "0.038", and
// print as a percentage ("3.8%"). The zero value is 0 %. Like Amount, a
// Rate is an immutable value; compare with Equal or Cmp, not ==.
type Rate struct {
	d decimal.Decimal
}

// Percent returns the rate of n percent.
func Percent(n int64) Rate { return Rate{decimal.New(n, -2)} }

// One is the rate 100 %.
var One = Rate{decimal.New(1, 0)}

// ParseRate parses a percentage ("3%", "3.8 %") or a plain ratio
// ("0.038"). The number follows ParseAmount's grammar with the rate
// limits; exponents and separators are rejected.
func ParseRate(s string) (Rate, error) {
	t := strings.TrimSpace(s)
	pct := strings.HasSuffix(t, "%")
	if pct {
		t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	}
	maxInt := MaxRateIntDigits
	if pct {
		maxInt += 2 // "999999" is "99999900%"
	}
	d, err := parseDecimal("rate", t, maxInt, MaxRateScale)
	if err != nil {
		if pe, ok := err.(*ParseError); ok {
			pe.Input = s
		}
		return Rate{}, err
	}
	if pct {
		d = d.Shift(-2)
	}
	return Rate{d}, nil
}

// MustParseRate is like ParseRate but panics on error; for constants in
// tests and examples.
func MustParseRate(s string) Rate {
	r, err := ParseRate(s)
	if err != nil {
		panic(err)
	}
	return r
}

// IsZero reports whether r is 0.
func (r Rate) IsZero() bool { return r.d.Sign() == 0 }

// Sign returns -1, 0 or +1.
func (r Rate) Sign() int { return r.d.Sign() }

// Cmp compares r and s by value.
func (r Rate) Cmp(s Rate) int { return r.d.Cmp(s.d) }

// Equal reports whether r and s have the same value.
func (r Rate) Equal(s Rate) bool { return r.d.Cmp(s.d) == 0 }

// Add returns r + s exactly.
func (r Rate) Add(s Rate) Rate { return Rate{r.d.Add(s.d)} }

// Sub returns r - s exactly.
func (r Rate) Sub(s Rate) Rate { return Rate{r.d.Sub(s.d)} }

// Mul returns r × s exactly.
func (r Rate) Mul(s Rate) Rate { return Rate{r.d.Mul(s.d)} }

// MulInt returns r × n exactly.
func (r Rate) MulInt(n int64) Rate { return Rate{r.d.Mul(decimal.New(n, 0))} }

// Neg returns -r.
func (r Rate) Neg() Rate { return Rate{r.d.Neg()} }

// Round returns r rounded to places decimals of the plain ratio (places 4
// is a hundredth of a percent) by mode.
func (r Rate) Round(places int32, mode Mode) Rate { return Rate{roundPlaces(r.d, places, mode)} }

// Of returns a × r unrounded; the same as a.MulRate(r).
func (r Rate) Of(a Amount) Amount { return a.MulRate(r) }

// Fraction returns r as the exact fraction num ÷ 10^scale, scale ≥ 0:
// 3.75 % is 375 ÷ 10^4, 100 % may be 1 ÷ 10^0 or 100 ÷ 10^2. It is the
// value itself, not a rounding, for integer arithmetic that must give
// what Rate arithmetic gives; num is the caller's to keep.
func (r Rate) Fraction() (num *big.Int, scale int32) {
	num = r.d.Coefficient() // a copy
	e := r.d.Exponent()
	if e < 0 {
		return num, -e
	}
	if e > 0 {
		num.Mul(num, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(e)), nil))
	}
	return num, 0
}

// Ratio returns the rate as a plain decimal string ("0.038").
func (r Rate) Ratio() string { return fixed(r.d, 0) }

// String returns the rate as a percentage with no trailing zeros ("3.8%",
// "100%", "-0.5%").
func (r Rate) String() string { return fixed(r.d.Shift(2), 0) + "%" }

// AppendText implements encoding.TextAppender.
func (r Rate) AppendText(b []byte) ([]byte, error) { return append(b, r.String()...), nil }

// MarshalText implements encoding.TextMarshaler.
func (r Rate) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseRate.
func (r *Rate) UnmarshalText(b []byte) error {
	v, err := ParseRate(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// MarshalJSON writes the rate as a JSON string ("3.8%").
func (r Rate) MarshalJSON() ([]byte, error) { return strconv.AppendQuote(nil, r.String()), nil }

// UnmarshalJSON accepts a JSON string ("3.8%", "0.038") or a plain JSON
// number (0.038), parsed exactly. null is an error.
func (r *Rate) UnmarshalJSON(b []byte) error {
	s, err := jsonScalar("rate", b)
	if err != nil {
		return err
	}
	return r.UnmarshalText([]byte(s))
}
