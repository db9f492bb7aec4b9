package benefit

import (
	"bytes"
	"cmp"
	"math"
	"math/big"
	"strconv"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/benefitstd/benefitstd/internal/fen"
)

// MaxAmountIntDigits is the most digits an amount may have before the
// point (up to 999,999,999,999,999 yuan); after it, at most six (a
// millionth of a yuan). The bounds limit the work any input can cause:
// "1e999999999" or a 10,000-digit string is rejected before it reaches
// the decimal package.
const MaxAmountIntDigits = 15

const maxAmountScale = 6 // decimals of an amount: up to a millionth of a yuan

// An Amount is an exact sum of money in yuan (元).
//
// Amounts enter as strings ("123", "123.45", "-5.00") or as integer yuan
// or fen, never as float64, and every arithmetic result is exact: Add,
// Sub and Mul by a count never round; MulRate returns the unrounded
// product, which the caller rounds with a named Rounding. Division exists
// only as QuoInt and Ratio, which take the rounding as an argument.
//
// The zero value is 0.00 yuan, ready to use as the start of a sum;
// Amount{}.Sub(a) is -a.
//
// Amount is an immutable value; pass it by value and share it freely
// between goroutines. Its representation is private: a whole number of
// micro-yuan (百万分之一元, 10^-6 yuan) in an int64, or, for a value
// that is not one (more than six decimals, or beyond ±9,223,372,036,854
// yuan), an exact decimal. Every value has one representation, so two
// amounts of the fixed-point form are == exactly when they are Equal;
// beyond that form == compares pointers. Compare with a.Equal(b) or
// a.Cmp(b) == 0, which are right for every value (go-cmp uses Equal by
// itself); key maps by a.String().
type Amount struct {
	v int64            // the value in micro-yuan when d is nil
	d *decimal.Decimal // otherwise the value, which v cannot hold; never changed
}

// The fixed-point form of an Amount: micro-yuan.
const (
	amountScale  = 6 // decimals of v: maxAmountScale
	microPerFen  = 10_000
	microPerYuan = 1_000_000
)

// Yuan returns the amount of n whole yuan.
func Yuan(n int64) Amount {
	if v, ok := fen.Mul(n, microPerYuan); ok {
		return Amount{v: v}
	}
	return amountOf(decimal.New(n, 0))
}

// FromFen returns the amount of n fen (分), a hundredth of a yuan.
func FromFen(n int64) Amount {
	if v, ok := fen.Mul(n, microPerFen); ok {
		return Amount{v: v}
	}
	return amountOf(decimal.New(n, -2))
}

// amountOf returns the Amount of d, in the fixed-point form when d is a
// whole number of micro-yuan within an int64. Every Amount that is not
// made in that form directly is made here, so that a value has one
// representation.
func amountOf(d decimal.Decimal) Amount {
	if v, ok := scaledInt(d, amountScale); ok {
		return Amount{v: v}
	}
	return Amount{d: &d}
}

// dec returns a as a decimal.
func (a Amount) dec() decimal.Decimal {
	if a.d != nil {
		return *a.d
	}
	return decimal.New(a.v, -amountScale)
}

// scaledInt returns d × 10^scale and true when that is a whole number
// within an int64, and false otherwise.
func scaledInt(d decimal.Decimal, scale int32) (int64, bool) {
	if d.Sign() == 0 {
		return 0, true
	}
	e := int64(d.Exponent()) + int64(scale)
	if e > 18 { // |d × 10^scale| ≥ 10^19
		return 0, false
	}
	c := d.Coefficient() // a copy
	if e >= 0 {
		if !c.IsInt64() {
			return 0, false
		}
		return fen.Mul(c.Int64(), pow10[e])
	}
	// c × 10^e is whole only when 10^-e divides c, which needs
	// 10^-e ≤ |c| < 2^BitLen, so -e < BitLen
	if -e >= int64(c.BitLen()) {
		return 0, false
	}
	var r big.Int
	c.QuoRem(c, new(big.Int).Exp(big.NewInt(10), big.NewInt(-e), nil), &r)
	if r.Sign() != 0 || !c.IsInt64() {
		return 0, false
	}
	return c.Int64(), true
}

// ParseAmount parses a plain decimal number of yuan: an optional minus
// sign, 1 to MaxAmountIntDigits digits, and optionally a point followed by
// 1 to maxAmountScale digits. Exponents ("1e3"), thousands separators
// ("1,000"), a plus sign, spaces, "NaN" and "Inf" are rejected. The
// error is a *ParseError wrapping ErrSyntax or ErrRange.
func ParseAmount(s string) (Amount, error) {
	n, err := parseNumber("amount", s, MaxAmountIntDigits, maxAmountScale)
	if err != nil {
		return Amount{}, err
	}
	if v, ok := n.scaled(amountScale); ok {
		return Amount{v: v}, nil
	}
	return amountOf(n.decimal()), nil
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

// A number is a plain decimal as parsed: ±coef × 10^exp.
type number struct {
	text string // the input, digits with an optional minus and point
	neg  bool
	coef uint64 // the digits without the point, when they fit an int64
	big  bool   // the digits do not fit an int64: coef is not set
	exp  int32  // minus the number of digits after the point
}

// parseNumber checks s against the library's plain-decimal grammar and
// reads its digits. Nothing else reads the text: no decimal decoder, and
// so no process-wide setting of one, sees it, and no input can make the
// library allocate or compute in proportion to an exponent.
func parseNumber(typ, s string, maxInt, maxScale int) (number, error) {
	if s == "" {
		return number{}, parseErr(typ, s, "empty", ErrSyntax)
	}
	if len(s) > maxInt+maxScale+3 {
		return number{}, parseErr(typ, s, "too long (at most "+strconv.Itoa(maxInt)+" integer and "+strconv.Itoa(maxScale)+" decimal digits)", ErrRange)
	}
	n := number{text: s}
	i := 0
	if s[0] == '-' {
		n.neg, i = true, 1
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
			const cut, last = math.MaxInt64 / 10, math.MaxInt64 % 10
			if d := uint64(c - '0'); n.coef > cut || (n.coef == cut && d > last) {
				n.big = true
			} else if !n.big {
				n.coef = n.coef*10 + d
			}
		case c == '.' && !seenPoint:
			seenPoint = true
		case c == 'e' || c == 'E':
			return number{}, parseErr(typ, s, "exponent notation is not accepted; write the plain digits", ErrSyntax)
		case c == ',':
			return number{}, parseErr(typ, s, "thousands separators are not accepted", ErrSyntax)
		default:
			r, _ := utf8.DecodeRuneInString(s[i:])
			return number{}, parseErr(typ, s, "unexpected character "+strconv.QuoteRune(r)+" at byte "+strconv.Itoa(i), ErrSyntax)
		}
	}
	if intDigits == 0 {
		return number{}, parseErr(typ, s, "no digits before the point", ErrSyntax)
	}
	if seenPoint && fracDigits == 0 {
		return number{}, parseErr(typ, s, "no digits after the point", ErrSyntax)
	}
	if intDigits > maxInt {
		return number{}, parseErr(typ, s, "more than "+strconv.Itoa(maxInt)+" digits before the point", ErrRange)
	}
	if fracDigits > maxScale {
		return number{}, parseErr(typ, s, "more than "+strconv.Itoa(maxScale)+" digits after the point", ErrRange)
	}
	n.exp = -int32(fracDigits)
	return n, nil
}

// scaled returns n × 10^scale and true when that is a whole number within
// an int64 (scale ≥ -exp).
func (n number) scaled(scale int32) (int64, bool) {
	k := scale + n.exp
	if n.big || k < 0 || int(k) >= len(pow10) {
		return 0, false
	}
	v, ok := fen.Mul(int64(n.coef), pow10[k])
	if n.neg {
		v = -v
	}
	return v, ok
}

// decimal returns n as a decimal, built from its digits.
func (n number) decimal() decimal.Decimal {
	var c big.Int
	if !n.big {
		c.SetUint64(n.coef)
	} else {
		digits := make([]byte, 0, len(n.text))
		for i := 0; i < len(n.text); i++ {
			if b := n.text[i]; b >= '0' && b <= '9' {
				digits = append(digits, b)
			}
		}
		c.SetString(string(digits), 10) // digits only: cannot fail
	}
	if n.neg {
		c.Neg(&c)
	}
	return decimal.NewFromBigInt(&c, n.exp)
}

// IsZero reports whether a is zero.
func (a Amount) IsZero() bool { return a.d == nil && a.v == 0 }

// Sign returns -1, 0 or +1.
func (a Amount) Sign() int {
	if a.d != nil {
		return a.d.Sign()
	}
	return cmp.Compare(a.v, 0)
}

// Cmp compares a and b by value: -1 if a < b, 0 if equal, +1 if a > b.
func (a Amount) Cmp(b Amount) int {
	if a.d == nil && b.d == nil {
		return cmp.Compare(a.v, b.v)
	}
	return a.dec().Cmp(b.dec())
}

// Equal reports whether a and b have the same value, whatever their scale.
func (a Amount) Equal(b Amount) bool {
	if a.d == nil || b.d == nil {
		// a value has one form: a fixed-point one never equals a decimal one
		return a == b
	}
	return a.d.Cmp(*b.d) == 0
}

// Add returns a + b, exactly.
func (a Amount) Add(b Amount) Amount {
	if a.d == nil && b.d == nil {
		if v, ok := fen.Add(a.v, b.v); ok {
			return Amount{v: v}
		}
	}
	return amountOf(a.dec().Add(b.dec()))
}

// Sub returns a - b, exactly.
func (a Amount) Sub(b Amount) Amount {
	if a.d == nil && b.d == nil {
		if v, ok := fen.Sub(a.v, b.v); ok {
			return Amount{v: v}
		}
	}
	return amountOf(a.dec().Sub(b.dec()))
}

// Mul returns a × n for an integer count n (persons, months), exactly.
func (a Amount) Mul(n int64) Amount {
	if a.d == nil {
		if v, ok := fen.Mul(a.v, n); ok {
			return Amount{v: v}
		}
	}
	return amountOf(a.dec().Mul(decimal.New(n, 0)))
}

// MulRate returns a × r without rounding. The result may carry more
// decimals than a payment can; round it with Round and a named Rounding
// before it is paid, compared with a published figure or summed.
func (a Amount) MulRate(r Rate) Amount {
	if a.d == nil && r.d == nil {
		// micro-yuan × 10^-12 is 10^-18 yuan: micro-yuan again when
		// 10^12 divides the product
		if v, ok := fen.MulQuoExact(a.v, r.v, ratePerOne); ok {
			return Amount{v: v}
		}
	}
	return amountOf(a.dec().Mul(r.dec()))
}

// Round returns a rounded to r's unit by r's mode.
func (a Amount) Round(r Rounding) Amount {
	u, m := r.known()
	if a.d == nil {
		if v, ok := fen.Round(a.v, u.micro(), fen.Mode(m)); ok {
			return Amount{v: v}
		}
	}
	return amountOf(roundPlaces(a.dec(), u.places(), m))
}

// QuoInt returns a ÷ n rounded by r. It returns ErrDivideByZero when n is 0.
func (a Amount) QuoInt(n int64, r Rounding) (Amount, error) {
	if n == 0 {
		return Amount{}, ErrDivideByZero
	}
	u, m := r.known()
	if a.d == nil {
		// a ÷ (n × unit) rounded once, in units, then back to micro-yuan
		if q, ok := fen.MulAddQuo(a.v, 1, 0, 0, n, u.micro(), fen.Mode(m)); ok {
			if v, ok := fen.Mul(q, u.micro()); ok {
				return Amount{v: v}, nil
			}
		}
	}
	return amountOf(roundPlaces(quoSticky(a.dec(), decimal.New(n, 0), u.places()), u.places(), m)), nil
}

// Ratio returns a ÷ b as a Rate rounded to scale decimal places of the
// plain ratio (scale 4 gives 0.0123 = 1.23 %) by mode. It returns
// ErrDivideByZero when b is zero.
func (a Amount) Ratio(b Amount, scale int32, mode Mode) (Rate, error) {
	if b.IsZero() {
		return Rate{}, ErrDivideByZero
	}
	if !mode.valid() {
		mode = HalfUp
	}
	if a.d == nil && b.d == nil && scale >= 0 && scale <= rateScale {
		// a ÷ b = a.v ÷ b.v, in units of 10^-scale, rounded once
		if q, ok := fen.MulAddQuo(a.v, pow10[scale], 0, 0, b.v, 1, fen.Mode(mode)); ok {
			if v, ok := fen.Mul(q, pow10[rateScale-scale]); ok {
				return Rate{v: v}, nil
			}
		}
	}
	return rateOf(roundPlaces(quoSticky(a.dec(), b.dec(), scale), scale, mode)), nil
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
// -1101.87500.) It serves the values beyond the fixed-point form.
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
// allocate for amounts of the fixed-point form.
func (a Amount) Fen() (int64, bool) {
	if a.d == nil {
		if a.v%microPerFen != 0 {
			return 0, false
		}
		return a.v / microPerFen, true
	}
	return scaledInt(*a.d, 2)
}

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// String returns a in yuan with at least two decimals ("123.00",
// "-5.50"), and with every further decimal an unrounded result carries
// ("50.125"). It never uses exponent notation and does not depend on any
// setting of the decimal package.
func (a Amount) String() string {
	if a.d == nil {
		var buf [24]byte
		return string(appendFixed(buf[:0], a.v, amountScale, 2))
	}
	return fixed(*a.d, 2)
}

// appendText appends a.String() to b.
func (a Amount) appendText(b []byte) []byte {
	if a.d == nil {
		return appendFixed(b, a.v, amountScale, 2)
	}
	return append(b, fixed(*a.d, 2)...)
}

// appendFixed appends v × 10^-scale in plain digits, with at least min
// decimals and no trailing zeros beyond them (min ≤ scale ≤ 18).
func appendFixed(b []byte, v int64, scale, min int) []byte {
	u := uint64(v)
	if v < 0 {
		b = append(b, '-')
		u = -u // |MinInt64| = 2^63 too
	}
	p := uint64(pow10[scale])
	b = strconv.AppendUint(b, u/p, 10)
	f, n := u%p, scale
	for n > min && f%10 == 0 {
		f /= 10
		n--
	}
	if n == 0 {
		return b
	}
	var digits [18]byte
	for i := n - 1; i >= 0; i-- {
		digits[i] = byte('0' + f%10)
		f /= 10
	}
	b = append(b, '.')
	return append(b, digits[:n]...)
}

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

// MarshalText implements encoding.TextMarshaler.
func (a Amount) MarshalText() ([]byte, error) { return a.appendText(nil), nil }

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
