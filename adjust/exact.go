package adjust

import (
	"math/big"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
)

// exactRate is a rate as the exact fraction num ÷ den, den a power of
// ten, for the integer kernel (kernel.go). It holds the same value as the
// benefit.Rate it comes from; nothing is rounded.
type exactRate struct {
	num, den *big.Int
	zero     bool
}

// exactOf returns r as an exact fraction. It reads r's plain decimal
// text (benefit.Rate keeps its representation private), once per rate
// and year, never per region-year.
func exactOf(r benefit.Rate) exactRate {
	s := r.Ratio() // "-0.0375", plain digits, no exponent
	intPart, frac, _ := strings.Cut(s, ".")
	num, _ := new(big.Int).SetString(intPart+frac, 10)
	den := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(len(frac))), nil)
	return exactRate{num: num, den: den, zero: r.IsZero()}
}

// rounding of an integer quotient
type qmode int8

const (
	qHalfUp   qmode = iota // nearest, ties away from zero (四舍五入)
	qHalfEven              // nearest, ties to even
	qUp                    // away from zero
	qDown                  // toward zero
	qFloor                 // toward minus infinity
)

func qmodeOf(m benefit.Mode) qmode {
	switch m {
	case benefit.HalfEven:
		return qHalfEven
	case benefit.Up:
		return qUp
	case benefit.Down:
		return qDown
	}
	return qHalfUp
}

// scratch holds the big.Int temporaries of one worker; reusing them
// keeps the kernel free of allocations once they have grown.
type scratch struct {
	num, den, t, q, r, one big.Int
}

// mulDiv returns (x × f + add) ÷ div rounded by m, where f is the rate r,
// or 1 + r when onePlus, and whether the result fits an int64. div > 0.
// Every figure is exact: this is integer arithmetic on fen (or persons),
// the same value the decimal path computes, without its temporaries.
func (sc *scratch) mulDiv(x int64, r *exactRate, onePlus bool, add, div int64, m qmode) (int64, bool) {
	// num = x·(num_r [+ den_r]) + add·den_r ; den = den_r·div
	if onePlus {
		sc.t.Add(r.num, r.den)
	} else {
		sc.t.Set(r.num)
	}
	sc.num.SetInt64(x)
	sc.num.Mul(&sc.num, &sc.t)
	if add != 0 {
		sc.t.SetInt64(add)
		sc.t.Mul(&sc.t, r.den)
		sc.num.Add(&sc.num, &sc.t)
	}
	sc.den.SetInt64(div)
	sc.den.Mul(&sc.den, r.den)
	sc.q.QuoRem(&sc.num, &sc.den, &sc.r) // truncated toward zero
	if sc.r.Sign() != 0 {
		away := false
		switch m {
		case qUp:
			away = true
		case qFloor:
			away = sc.num.Sign() < 0
		case qHalfUp, qHalfEven:
			sc.t.Abs(&sc.r)
			sc.t.Lsh(&sc.t, 1)
			c := sc.t.Cmp(&sc.den)
			away = c > 0 || (c == 0 && (m == qHalfUp || sc.q.Bit(0) == 1))
		}
		if away {
			sc.one.SetInt64(int64(sc.num.Sign()))
			sc.q.Add(&sc.q, &sc.one)
		}
	}
	if !sc.q.IsInt64() {
		return 0, false
	}
	return sc.q.Int64(), true
}
