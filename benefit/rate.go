package benefit

import (
	"cmp"
	"math/big"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/benefitstd/benefitstd/internal/fen"
)

// Limits of the rate grammar: at most maxRateIntDigits digits before the
// point of a plain ratio and maxRateScale after it, as written. A
// percentage may have two more digits before the point (the same bound
// on the value), so that every rate String prints parses back.
const (
	maxRateIntDigits = 6
	maxRateScale     = 10
)

// A Rate is an exact ratio: an adjustment percentage, a central share, a
// growth assumption, a multiplier such as 90 % of the minimum wage.
//
// Rates parse from "3%", "3.8%", "-0.5%" or the plain ratio "0.038", and
// print as a percentage ("3.8%"). The zero value is 0 %. Like Amount, a
// Rate is an immutable value held as a whole number of 10^-12 in an int64
// (every rate the grammar accepts is one) or, beyond that, as an exact
// decimal; compare with Equal or Cmp, not ==.
type Rate struct {
	v int64            // the ratio in units of 10^-12 when d is nil
	d *decimal.Decimal // otherwise the ratio, which v cannot hold; never changed
}

// The fixed-point form of a Rate: maxRateScale decimals of a percentage
// are maxRateScale+2 of the ratio.
const (
	rateScale  = maxRateScale + 2
	ratePerOne = 1_000_000_000_000 // 10^rateScale
)

// Percent returns the rate of n percent.
func Percent(n int64) Rate {
	if v, ok := fen.Mul(n, ratePerOne/100); ok {
		return Rate{v: v}
	}
	return rateOf(decimal.New(n, -2))
}

// rateOf returns the Rate of d, in the fixed-point form when d fits it:
// every Rate not made in that form directly is made here.
func rateOf(d decimal.Decimal) Rate {
	if v, ok := scaledInt(d, rateScale); ok {
		return Rate{v: v}
	}
	return Rate{d: &d}
}

// dec returns r as a decimal.
func (r Rate) dec() decimal.Decimal {
	if r.d != nil {
		return *r.d
	}
	return decimal.New(r.v, -rateScale)
}

// ParseRate parses a percentage ("3%", "3.8 %") or a plain ratio
// ("0.038"). The number follows ParseAmount's grammar with the rate
// limits; exponents and separators are rejected.
func ParseRate(s string) (Rate, error) {
	t := strings.TrimSpace(s)
	pct := strings.HasSuffix(t, "%")
	if pct {
		t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	}
	maxInt := maxRateIntDigits
	if pct {
		maxInt += 2 // "999999" is "99999900%"
	}
	n, err := parseNumber("rate", t, maxInt, maxRateScale)
	if err != nil {
		if pe, ok := err.(*ParseError); ok {
			pe.Input = s
		}
		return Rate{}, err
	}
	if pct {
		n.exp -= 2
	}
	if v, ok := n.scaled(rateScale); ok {
		return Rate{v: v}, nil
	}
	return rateOf(n.decimal()), nil
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
func (r Rate) IsZero() bool { return r.d == nil && r.v == 0 }

// Sign returns -1, 0 or +1.
func (r Rate) Sign() int {
	if r.d != nil {
		return r.d.Sign()
	}
	return cmp.Compare(r.v, 0)
}

// Cmp compares r and s by value.
func (r Rate) Cmp(s Rate) int {
	if r.d == nil && s.d == nil {
		return cmp.Compare(r.v, s.v)
	}
	return r.dec().Cmp(s.dec())
}

// Equal reports whether r and s have the same value.
func (r Rate) Equal(s Rate) bool {
	if r.d == nil || s.d == nil {
		return r == s // a value has one form
	}
	return r.d.Cmp(*s.d) == 0
}

// Add returns r + s exactly.
func (r Rate) Add(s Rate) Rate {
	if r.d == nil && s.d == nil {
		if v, ok := fen.Add(r.v, s.v); ok {
			return Rate{v: v}
		}
	}
	return rateOf(r.dec().Add(s.dec()))
}

// Sub returns r - s exactly.
func (r Rate) Sub(s Rate) Rate {
	if r.d == nil && s.d == nil {
		if v, ok := fen.Sub(r.v, s.v); ok {
			return Rate{v: v}
		}
	}
	return rateOf(r.dec().Sub(s.dec()))
}

// Mul returns r × s exactly.
func (r Rate) Mul(s Rate) Rate {
	if r.d == nil && s.d == nil {
		if v, ok := fen.MulQuoExact(r.v, s.v, ratePerOne); ok {
			return Rate{v: v}
		}
	}
	return rateOf(r.dec().Mul(s.dec()))
}

// MulInt returns r × n exactly.
func (r Rate) MulInt(n int64) Rate {
	if r.d == nil {
		if v, ok := fen.Mul(r.v, n); ok {
			return Rate{v: v}
		}
	}
	return rateOf(r.dec().Mul(decimal.New(n, 0)))
}

// Round returns r rounded to places decimals of the plain ratio (places 4
// is a hundredth of a percent) by mode.
func (r Rate) Round(places int32, mode Mode) Rate {
	if !mode.valid() {
		mode = HalfUp
	}
	if r.d == nil {
		if places >= rateScale { // r has no more decimals than that
			return r
		}
		if k := rateScale - places; int(k) < len(pow10) {
			if v, ok := fen.Round(r.v, pow10[k], fen.Mode(mode)); ok {
				return Rate{v: v}
			}
		}
	}
	return rateOf(roundPlaces(r.dec(), places, mode))
}

// Fraction returns r as the exact fraction num ÷ 10^scale, scale ≥ 0:
// 3.75 % is 375 ÷ 10^4, 100 % may be 1 ÷ 10^0 or 100 ÷ 10^2. It is the
// value itself, not a rounding, for integer arithmetic that must give
// what Rate arithmetic gives; num is the caller's to keep.
func (r Rate) Fraction() (num *big.Int, scale int32) {
	if r.d == nil {
		n, k := r.v, int32(rateScale)
		for k > 0 && n%10 == 0 {
			n /= 10
			k--
		}
		return big.NewInt(n), k
	}
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

// PlainString returns the rate as a plain decimal string ("0.038").
func (r Rate) PlainString() string {
	if r.d == nil {
		var buf [24]byte
		return string(appendFixed(buf[:0], r.v, rateScale, 0))
	}
	return fixed(*r.d, 0)
}

// String returns the rate as a percentage with no trailing zeros ("3.8%",
// "100%", "-0.5%").
func (r Rate) String() string { return string(r.appendText(nil)) }

// appendText appends r.String() to b.
func (r Rate) appendText(b []byte) []byte {
	if r.d == nil {
		b = appendFixed(b, r.v, rateScale-2, 0) // the ratio in percent
	} else {
		b = append(b, fixed(r.d.Shift(2), 0)...)
	}
	return append(b, '%')
}

// MarshalText implements encoding.TextMarshaler.
func (r Rate) MarshalText() ([]byte, error) { return r.appendText(nil), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseRate.
func (r *Rate) UnmarshalText(b []byte) error {
	v, err := ParseRate(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// UnmarshalJSON accepts a JSON string ("3.8%", "0.038") or a plain JSON
// number (0.038), parsed exactly. null is an error.
func (r *Rate) UnmarshalJSON(b []byte) error {
	s, err := jsonScalar("rate", b)
	if err != nil {
		return err
	}
	return r.UnmarshalText([]byte(s))
}
