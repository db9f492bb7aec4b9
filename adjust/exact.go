package adjust

import (
	"math"
	"math/big"
	"math/bits"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
)

// exactRate is a rate as the exact fraction num ÷ den, den a power of
// ten, for the integer kernel (kernel.go). It holds the same value as the
// benefit.Rate it comes from; nothing is rounded.
type exactRate struct {
	num, den *big.Int
	zero     bool
	// n64, d64 are num and den when both fit an int64 (small), for
	// mulDiv's 128-bit path
	n64, d64 int64
	small    bool
}

func newExact(num, den *big.Int) exactRate {
	e := exactRate{num: num, den: den, zero: num.Sign() == 0}
	if num.IsInt64() && den.IsInt64() {
		e.n64, e.d64, e.small = num.Int64(), den.Int64(), true
	}
	return e
}

// exactOf returns r as an exact fraction. It reads r's plain decimal
// text (benefit.Rate keeps its representation private), once per rate
// and year, never per region-year.
func exactOf(r benefit.Rate) exactRate {
	s := r.Ratio() // "-0.0375", plain digits, no exponent
	intPart, frac, _ := strings.Cut(s, ".")
	num, _ := new(big.Int).SetString(intPart+frac, 10)
	den := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(len(frac))), nil)
	return newExact(num, den)
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
	// amounts caches the Amounts of small figures that recur from row to
	// row (levels, increases, headroom): an Amount is immutable, so rows
	// may share one, and each one made costs allocations.
	amounts map[int64]benefit.Amount
}

// amount returns f fen as an Amount, shared with earlier rows of the
// same worker when f recurs.
func (sc *scratch) amount(f int64) benefit.Amount {
	if a, ok := sc.amounts[f]; ok {
		return a
	}
	a := benefit.FromFen(f)
	if sc.amounts == nil {
		sc.amounts = make(map[int64]benefit.Amount)
	}
	if len(sc.amounts) < 1<<14 {
		sc.amounts[f] = a
	}
	return a
}

// mulDiv returns (x × f + add) ÷ div rounded by m, where f is the rate r,
// or 1 + r when onePlus, and whether the result fits an int64. div > 0.
// Every figure is exact: this is integer arithmetic on fen (or persons),
// the same value the decimal path computes, without its temporaries.
func (sc *scratch) mulDiv(x int64, r *exactRate, onePlus bool, add, div int64, m qmode) (int64, bool) {
	if q, ok := mulDiv128(x, r, onePlus, add, div, m); ok {
		return q, true
	}
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

// mulDiv128 is mulDiv in unsigned 128-bit arithmetic, for the usual case
// of non-negative figures and small fractions; it reports false when it
// does not apply, and mulDiv then uses big.Int.
func mulDiv128(x int64, r *exactRate, onePlus bool, add, div int64, m qmode) (int64, bool) {
	if !r.small || x < 0 || add < 0 || div <= 0 {
		return 0, false
	}
	f := r.n64
	if onePlus {
		f += r.d64
		if f < r.d64 {
			return 0, false // overflow
		}
	}
	if f < 0 {
		return 0, false
	}
	hi1, lo1 := bits.Mul64(uint64(x), uint64(f))
	hi2, lo2 := bits.Mul64(uint64(add), uint64(r.d64))
	lo, c := bits.Add64(lo1, lo2, 0)
	hi, c2 := bits.Add64(hi1, hi2, c)
	dh, den := bits.Mul64(uint64(r.d64), uint64(div))
	if c2 != 0 || dh != 0 || hi >= den {
		return 0, false
	}
	q, rem := bits.Div64(hi, lo, den)
	if rem != 0 {
		switch m {
		case qUp:
			q++
		case qHalfUp:
			if rem >= den-rem {
				q++
			}
		case qHalfEven:
			if rem > den-rem || (rem == den-rem && q&1 == 1) {
				q++
			}
		}
	}
	if q > math.MaxInt64 {
		return 0, false
	}
	return int64(q), true
}
