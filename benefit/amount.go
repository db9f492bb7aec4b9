package benefit

import (
	"bytes"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Limits of the amount grammar. They bound the work any input can cause:
// an amount is at most MaxAmountIntDigits digits before the point and
// MaxAmountScale digits after it, so "1e999999999" or a 10,000-digit
// string is rejected before it reaches the decimal package.
const (
	MaxAmountIntDigits = 15 // up to 999,999,999,999,999 yuan
	MaxAmountScale     = 6  // up to a millionth of a yuan
)

// An Amount is an exact sum of money in yuan (元).
//
// Amounts enter as strings ("123", "123.45", "-5.00") or as integer yuan
// or fen, never as float64, and every arithmetic result is exact: Add,
// Sub and Mul by a count never round; MulRate returns the unrounded
// product, which the caller rounds with a named Rounding. Division exists
// only as QuoInt and Ratio, which take the rounding as an argument.
//
// The zero value is 0.00 yuan, ready to use as the start of a sum.
//
// Amount is an immutable value; pass it by value and share it freely
// between goroutines. Its representation is private and may change.
//
// Two amounts that are equal in value may differ in scale ("1.5" and
// "1.50"), and the Go == operator compares representations, so prefer
// a.Equal(b) or a.Cmp(b) == 0 to a == b. go-cmp uses Equal by itself.
// Amounts are therefore not suitable as map keys; key by a.String().
type Amount struct {
	d decimal.Decimal
}

// Yuan returns the amount of n whole yuan.
func Yuan(n int64) Amount { return Amount{decimal.New(n, 0)} }

// FromFen returns the amount of n fen (分), a hundredth of a yuan.
func FromFen(n int64) Amount { return Amount{decimal.New(n, -2)} }

// ParseAmount parses a plain decimal number of yuan: an optional minus
// sign, 1 to MaxAmountIntDigits digits, and optionally a point followed by
// 1 to MaxAmountScale digits. Exponents ("1e3"), thousands separators
// ("1,000"), a plus sign, spaces, "NaN" and "Inf" are rejected. The
// error is a *ParseError wrapping ErrSyntax or ErrRange.
func ParseAmount(s string) (Amount, error) {
	d, err := parseDecimal("amount", s, MaxAmountIntDigits, MaxAmountScale)
	if err != nil {
		return Amount{}, err
	}
	return Amount{d}, nil
}

// MustParseAmount is like ParseAmount but panics on error. It is meant
// for constants in tests and examples.
func MustParseAmount(s string) Amount {
	a, err := ParseAmount(s)
	if err != nil {
		panic(err)
	}
	return a
}

// parseDecimal checks s against the library's plain-decimal grammar
// before handing it to the decimal package, so that no input can make
// the decimal package allocate or compute in proportion to an exponent.
func parseDecimal(typ, s string, maxInt, maxScale int) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Decimal{}, parseErr(typ, s, "empty", ErrSyntax)
	}
	if len(s) > maxInt+maxScale+3 {
		return decimal.Decimal{}, parseErr(typ, s, "too long (at most "+strconv.Itoa(maxInt)+" integer and "+strconv.Itoa(maxScale)+" decimal digits)", ErrRange)
	}
	i := 0
	if s[0] == '-' {
		i = 1
	}
	intDigits, fracDigits, seenPoint := 0, 0, false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if seenPoint {
				fracDigits++
			} else {
				intDigits++
			}
		case c == '.' && !seenPoint:
			seenPoint = true
		case c == 'e' || c == 'E':
			return decimal.Decimal{}, parseErr(typ, s, "exponent notation is not accepted; write the plain digits", ErrSyntax)
		case c == ',':
			return decimal.Decimal{}, parseErr(typ, s, "thousands separators are not accepted", ErrSyntax)
		default:
			r, _ := utf8.DecodeRuneInString(s[i:])
			return decimal.Decimal{}, parseErr(typ, s, "unexpected character "+strconv.QuoteRune(r)+" at byte "+strconv.Itoa(i), ErrSyntax)
		}
	}
	if intDigits == 0 {
		return decimal.Decimal{}, parseErr(typ, s, "no digits before the point", ErrSyntax)
	}
	if seenPoint && fracDigits == 0 {
		return decimal.Decimal{}, parseErr(typ, s, "no digits after the point", ErrSyntax)
	}
	if intDigits > maxInt {
		return decimal.Decimal{}, parseErr(typ, s, "more than "+strconv.Itoa(maxInt)+" digits before the point", ErrRange)
	}
	if fracDigits > maxScale {
		return decimal.Decimal{}, parseErr(typ, s, "more than "+strconv.Itoa(maxScale)+" digits after the point", ErrRange)
	}
	d, err := decimal.NewFromString(s)
	if err != nil { // unreachable after the checks above; kept for safety
		return decimal.Decimal{}, parseErr(typ, s, err.Error(), ErrSyntax)
	}
	return d, nil
}

// IsZero reports whether a is zero.
func (a Amount) IsZero() bool { return a.d.Sign() == 0 }

// Sign returns -1, 0 or +1.
func (a Amount) Sign() int { return a.d.Sign() }

// Cmp compares a and b by value: -1 if a < b, 0 if equal, +1 if a > b.
func (a Amount) Cmp(b Amount) int { return a.d.Cmp(b.d) }

// Equal reports whether a and b have the same value, whatever their scale.
func (a Amount) Equal(b Amount) bool { return a.d.Cmp(b.d) == 0 }

// CompareAmounts is Cmp as a function, for slices.SortFunc.
func CompareAmounts(a, b Amount) int { return a.d.Cmp(b.d) }

// Add returns a + b, exactly.
func (a Amount) Add(b Amount) Amount { return Amount{a.d.Add(b.d)} }

// Sub returns a - b, exactly.
func (a Amount) Sub(b Amount) Amount { return Amount{a.d.Sub(b.d)} }

// Neg returns -a.
func (a Amount) Neg() Amount { return Amount{a.d.Neg()} }

// Abs returns |a|.
func (a Amount) Abs() Amount { return Amount{a.d.Abs()} }

// Mul returns a × n for an integer count n (persons, months), exactly.
func (a Amount) Mul(n int64) Amount { return Amount{a.d.Mul(decimal.New(n, 0))} }

// MulRate returns a × r without rounding. The result may carry more
// decimals than a payment can; round it with Round and a named Rounding
// before it is paid, compared with a published figure or summed.
func (a Amount) MulRate(r Rate) Amount { return Amount{a.d.Mul(r.d)} }

// Round returns a rounded to r's unit by r's mode.
func (a Amount) Round(r Rounding) Amount { return Amount{r.round(a.d)} }

// QuoInt returns a ÷ n rounded by r. It returns ErrDivideByZero when n is 0.
func (a Amount) QuoInt(n int64, r Rounding) (Amount, error) {
	if n == 0 {
		return Amount{}, ErrDivideByZero
	}
	return Amount{r.round(quoSticky(a.d, decimal.New(n, 0), r.Unit.places()))}, nil
}

// Ratio returns a ÷ b as a Rate rounded to scale decimal places of the
// plain ratio (scale 4 gives 0.0123 = 1.23 %) by mode. It returns
// ErrDivideByZero when b is zero.
func (a Amount) Ratio(b Amount, scale int32, mode Mode) (Rate, error) {
	if b.IsZero() {
		return Rate{}, ErrDivideByZero
	}
	return Rate{roundPlaces(quoSticky(a.d, b.d, scale), scale, mode)}, nil
}

// quoSticky returns a/b to places+3 decimals, rounded to odd: truncated
// toward zero and then, when the division left a remainder and the last
// digit is even, moved one unit away from zero so that it is odd.
// Rounding the result to places (any mode) then gives exactly the
// rounding of the true quotient: every boundary of that rounding (a step
// or a midpoint) ends in an even digit at places+3, so an inexact
// quotient can never look like a tie or like an exact step, and it stays
// on the same side of every boundary as the true quotient. (Adding a
// unit whatever the last digit was wrong: -1101.87499|98 became the tie
// -1101.87500.)
func quoSticky(a, b decimal.Decimal, places int32) decimal.Decimal {
	p := places + 3
	q, r := a.QuoRem(b, p)
	if r.Sign() != 0 && q.Shift(p).BigInt().Bit(0) == 0 {
		ulp := decimal.New(1, -p)
		if a.Sign()*b.Sign() < 0 {
			q = q.Sub(ulp)
		} else {
			q = q.Add(ulp)
		}
	}
	return q
}

// Fen returns a as a whole number of fen and true, or 0 and false when a
// has fractions of a fen or does not fit in an int64. It does not
// allocate for amounts of up to 18 significant digits.
func (a Amount) Fen() (int64, bool) {
	if a.d.NumDigits() <= 18 { // the coefficient fits an int64
		c, exp := a.d.CoefficientInt64(), a.d.Exponent()
		switch {
		case exp == -2:
			return c, true
		case exp > -2 && exp+2 <= 18:
			p := pow10[exp+2]
			if c > math.MaxInt64/p || c < math.MinInt64/p {
				return 0, false
			}
			return c * p, true
		case exp < -2 && -exp-2 <= 18:
			p := pow10[-exp-2]
			if c%p != 0 {
				return 0, false
			}
			return c / p, true
		}
	}
	f := a.d.Shift(2)
	if !f.IsInteger() {
		return 0, false
	}
	bi := f.BigInt()
	if !bi.IsInt64() {
		return 0, false
	}
	return bi.Int64(), true
}

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// String returns a in yuan with at least two decimals ("123.00",
// "-5.50"), and with every further decimal an unrounded result carries
// ("50.125"). It never uses exponent notation and does not depend on any
// setting of the decimal package.
func (a Amount) String() string { return fixed(a.d, 2) }

// fixed formats d with at least min decimals and no trailing zeros beyond
// them.
func fixed(d decimal.Decimal, min int32) string {
	if -d.Exponent() <= min {
		return d.StringFixed(min)
	}
	n := d.Normalize()
	if -n.Exponent() <= min {
		return d.StringFixed(min)
	}
	return n.StringFixed(-n.Exponent())
}

// AppendText implements encoding.TextAppender.
func (a Amount) AppendText(b []byte) ([]byte, error) { return append(b, a.String()...), nil }

// MarshalText implements encoding.TextMarshaler.
func (a Amount) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseAmount's
// grammar.
func (a *Amount) UnmarshalText(b []byte) error {
	v, err := ParseAmount(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// MarshalJSON writes a as a JSON string ("123.00"), so that no JSON
// reader turns it into a binary float.
func (a Amount) MarshalJSON() ([]byte, error) {
	return strconv.AppendQuote(nil, a.String()), nil
}

// UnmarshalJSON accepts a JSON string or a JSON number written as plain
// digits ("123.45" or 123.45); both are parsed exactly with
// ParseAmount's grammar. null is an error: an absent amount is said by
// leaving the field out, or with a pointer.
func (a *Amount) UnmarshalJSON(b []byte) error {
	s, err := jsonScalar("amount", b)
	if err != nil {
		return err
	}
	return a.UnmarshalText([]byte(s))
}

// jsonScalar returns the text of a JSON string or number token.
func jsonScalar(typ string, b []byte) (string, error) {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) {
		return "", parseErr(typ, "null", "null is not a value; leave the field out instead", ErrSyntax)
	}
	if len(b) > 0 && b[0] == '"' {
		s, err := strconv.Unquote(string(b))
		if err != nil {
			return "", parseErr(typ, string(b), "malformed JSON string", ErrSyntax)
		}
		return s, nil
	}
	return string(b), nil
}

// SumAmounts returns the exact sum of as.
func SumAmounts(as ...Amount) Amount {
	var s Amount
	for _, a := range as {
		s = s.Add(a)
	}
	return s
}

// MaxAmount returns the larger of a and b (a when equal).
func MaxAmount(a, b Amount) Amount {
	if b.Cmp(a) > 0 {
		return b
	}
	return a
}

// MinAmount returns the smaller of a and b (a when equal).
func MinAmount(a, b Amount) Amount {
	if b.Cmp(a) < 0 {
		return b
	}
	return a
}
