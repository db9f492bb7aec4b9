package plan

import (
	"fmt"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/fen"
)

// The calculator works in whole fen (分) held in int64: every amount a
// plan or a retiree gives is a whole number of fen, and the only
// operation that can leave a fraction, a percentage of a pension, is
// rounded at once by the part's benefit.Rounding with internal/fen's
// exact integer arithmetic, so the result is the same as
// benefit.Amount.MulRate followed by Round. This file reads and writes
// such amounts.

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
func fenString(n int64) string { return string(fen.AppendYuan(nil, n)) }

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
