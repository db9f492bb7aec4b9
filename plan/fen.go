package plan

import (
	"fmt"
	"math/bits"
	"strconv"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
)

// The calculator works in whole fen (分) held in int64: every amount a
// plan or a retiree gives is a whole number of fen, and the only
// operation that can leave a fraction, a percentage of a pension, is
// rounded at once by the part's benefit.Rounding with exact integer
// arithmetic (a 128-bit product and its remainder), so the result is the
// same as benefit.Amount.MulRate followed by Round.

// unitFen returns a rounding unit in fen.
func unitFen(u benefit.Unit) int64 {
	switch u {
	case benefit.Jiao:
		return 10
	case benefit.YuanUnit:
		return 100
	case benefit.TenYuan:
		return 1000
	}
	return 1
}

// roundQuo returns n/d rounded by mode, for n >= 0 and d > 0, given as
// the 128-bit numerator hi:lo (hi < d).
func roundQuo(hi, lo, d uint64, mode benefit.Mode) uint64 {
	q, r := bits.Div64(hi, lo, d)
	if r == 0 {
		return q
	}
	switch mode {
	case benefit.Down:
		return q
	case benefit.Up:
		return q + 1
	case benefit.HalfEven:
		if r > d-r || (r == d-r && q&1 == 1) {
			return q + 1
		}
		return q
	default: // HalfUp
		if r >= d-r {
			return q + 1
		}
		return q
	}
}

// roundFen rounds v fen (v >= 0) to a multiple of unit fen.
func roundFen(v, unit int64, mode benefit.Mode) int64 {
	if unit == 1 {
		return v
	}
	return int64(roundQuo(0, uint64(v), uint64(unit), mode)) * unit
}

// mulRate returns pension × num / den rounded to unit fen by mode; num/den
// is a rate in [0, 1] and pension >= 0, so the quotient fits.
func mulRate(pension int64, num, den uint64, unit int64, mode benefit.Mode) int64 {
	hi, lo := bits.Mul64(uint64(pension), num)
	d := den * uint64(unit)
	return int64(roundQuo(hi, lo, d, mode)) * unit
}

// rateFraction returns r as num/10^scale. The scale is at most 16, so
// that mulRate's divisor 10^scale × unit (at most 1,000 fen) fits a
// uint64.
func rateFraction(r benefit.Rate) (num, den uint64, err error) {
	s := r.Ratio() // plain decimal, e.g. "0.0181"
	intPart, frac, _ := strings.Cut(s, ".")
	if len(frac) > 16 {
		return 0, 0, fmt.Errorf("%w: rate %s has more than 16 decimals", benefit.ErrRange, r)
	}
	n, err := strconv.ParseUint(intPart+frac, 10, 64)
	if err != nil {
		return 0, 0, fmt.Errorf("%w: rate %s", benefit.ErrRange, r)
	}
	den = 1
	for range len(frac) {
		den *= 10
	}
	return n, den, nil
}

// amountFen returns a as whole fen, or an error when a is negative or
// has fractions of a fen.
func amountFen(a benefit.Amount) (int64, error) {
	if a.Sign() < 0 {
		return 0, fmt.Errorf("%w: %s", benefit.ErrNegative, a)
	}
	f, ok := a.Fen()
	if !ok || f > maxPension {
		return 0, fmt.Errorf("%w: %s is not a whole number of fen up to 100,000,000 yuan", benefit.ErrRange, a)
	}
	return f, nil
}

// fenString formats n fen as yuan with two decimals ("123.45").
func fenString(n int64) string { return string(appendFen(nil, n)) }

// appendFen appends n fen as yuan with two decimals.
func appendFen(b []byte, n int64) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/100, 10)
	c := n % 100
	return append(b, '.', byte('0'+c/10), byte('0'+c%10))
}

// parseFen parses a plain amount of yuan with at most two decimals into
// fen, quickly and without allocating. Anything it does not accept is
// passed to benefit.ParseAmount for the full grammar and its error.
func parseFen(s string) (int64, error) {
	var n int64
	i, frac, seenPoint := 0, 0, false
	if len(s) == 0 || len(s) > maxFastLen {
		return parseFenSlow(s)
	}
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if seenPoint {
				frac++
				if frac > 2 {
					return parseFenSlow(s)
				}
			}
			n = n*10 + int64(c-'0')
		case c == '.' && !seenPoint && i > 0 && i < len(s)-1:
			seenPoint = true
		default:
			return parseFenSlow(s)
		}
	}
	for ; frac < 2; frac++ {
		n *= 10
	}
	return n, nil
}

func parseFenSlow(s string) (int64, error) {
	a, err := benefit.ParseAmount(s)
	if err != nil {
		return 0, err
	}
	if a.Sign() < 0 {
		return 0, fmt.Errorf("%w: %s", benefit.ErrNegative, s)
	}
	f, ok := a.Fen()
	if !ok {
		return 0, fmt.Errorf("%w: %s has fractions of a fen", benefit.ErrSyntax, s)
	}
	return f, nil
}

// maxFastLen bounds the inputs parseFen reads itself; longer ones
// go through benefit.ParseAmount, whose limit (15 integer digits) they
// must keep too.
const maxFastLen = benefit.MaxAmountIntDigits
