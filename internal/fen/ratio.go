package fen

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
)

// A Ratio is an exact fraction: a rate, a share, a growth factor 1 + g.
// It is an immutable value; the zero Ratio is 0.
type Ratio struct {
	// n ÷ d when both fit an int64 (d > 0, or d == 0 in the zero Ratio);
	// otherwise bn ÷ bd (bd > 0), shared and never changed
	n, d   int64
	bn, bd *big.Int
}

// Int returns the ratio n ÷ 1.
func Int(n int64) Ratio { return Ratio{n: n, d: 1} }

// pow10 holds 10^0 … 10^18, the powers of ten an int64 holds.
var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// Decimal returns the ratio num ÷ 10^scale: the fraction that
// benefit.Rate.Fraction gives (a negative scale multiplies num by
// 10^−scale). num is copied, not kept.
func Decimal(num *big.Int, scale int32) Ratio {
	if scale < 0 {
		n := new(big.Int).Exp(big.NewInt(10), big.NewInt(-int64(scale)), nil)
		return Decimal(n.Mul(n, num), 0)
	}
	if !num.IsInt64() { // strip trailing zeros: 10^30 ÷ 10^30 is 1 ÷ 1
		n, ten := new(big.Int).Set(num), big.NewInt(10)
		var q, r big.Int
		for scale > 0 {
			if q.QuoRem(n, ten, &r); r.Sign() != 0 {
				break
			}
			n.Set(&q)
			scale--
		}
		if !n.IsInt64() || int(scale) >= len(pow10) {
			return Ratio{bn: n, bd: new(big.Int).Exp(ten, big.NewInt(int64(scale)), nil)}
		}
		num = n
	}
	n := num.Int64()
	for scale > 0 && n%10 == 0 { // 3.80 % is 38 ÷ 10^3
		n /= 10
		scale--
	}
	if int(scale) < len(pow10) {
		return Ratio{n: n, d: pow10[scale]}
	}
	return Ratio{bn: big.NewInt(n), bd: new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)), nil)}
}

// Sign returns −1, 0 or +1.
func (r Ratio) Sign() int {
	if r.bn != nil {
		return r.bn.Sign()
	}
	switch {
	case r.n < 0:
		return -1
	case r.n > 0:
		return 1
	}
	return 0
}

// Inv returns 1 ÷ r, and false when r is 0.
func (r Ratio) Inv() (Ratio, bool) {
	if r.Sign() == 0 {
		return Ratio{}, false
	}
	if r.bn == nil && r.n != math.MinInt64 {
		if r.n < 0 {
			return Ratio{n: -r.d, d: -r.n}, true
		}
		return Ratio{n: r.d, d: r.n}, true
	}
	n, d := r.bn, r.bd
	if n == nil {
		n, d = big.NewInt(r.n), big.NewInt(r.d)
	}
	if n.Sign() < 0 {
		return Ratio{bn: new(big.Int).Neg(d), bd: new(big.Int).Neg(n)}, true
	}
	return Ratio{bn: d, bd: n}, true
}

// String returns the ratio as "num/den".
func (r Ratio) String() string {
	if r.bn != nil {
		return r.bn.String() + "/" + r.bd.String()
	}
	return strconv.FormatInt(r.n, 10) + "/" + strconv.FormatInt(max(r.d, 1), 10)
}

// MulDiv returns (x × r + add) ÷ div rounded by m: x fen (or persons)
// times the exact ratio r, plus add, divided by div. It reports false
// when div ≤ 0 or the rounded result does not fit an int64; the
// intermediates never overflow.
func MulDiv(x int64, r Ratio, add, div int64, m Mode) (int64, bool) {
	if r.bn != nil || r.d == 0 || x|r.n|add|div < 0 {
		return mulDiv(x, r, add, div, m)
	}
	// the usual case, unsigned: (x·n + add·d) ÷ (d·div)
	hi, lo := bits.Mul64(uint64(x), uint64(r.n))
	if add != 0 {
		h, l := bits.Mul64(uint64(add), uint64(r.d))
		var c uint64
		lo, c = bits.Add64(lo, l, 0)
		hi += h + c // each product is below 2^126: no carry out
	}
	dh, dl := bits.Mul64(uint64(r.d), uint64(div))
	if dh != 0 || hi >= dl { // a divisor of 64 bits or more, a quotient too large, or div 0
		return mulDiv(x, r, add, div, m)
	}
	q, rem := bits.Div64(hi, lo, dl)
	q, ok := roundQ(q, rem, dl, false, m)
	if !ok || q > math.MaxInt64 {
		return 0, false
	}
	return int64(q), true
}

// mulDiv is MulDiv for signed figures, a divisor of 64 bits or more, or
// a ratio whose parts pass an int64.
func mulDiv(x int64, r Ratio, add, div int64, m Mode) (int64, bool) {
	if div <= 0 {
		return 0, false
	}
	if r.bn == nil {
		d := max(r.d, 1)
		return MulAddQuo(x, r.n, add, d, d, div, m)
	}
	var num, den, t big.Int
	num.Mul(t.SetInt64(x), r.bn)
	num.Add(&num, t.Mul(t.SetInt64(add), r.bd))
	den.Mul(t.SetInt64(div), r.bd)
	return quoBig(&num, &den, m)
}

// MulAddQuo returns (a·b + c·d) ÷ (e·f) rounded by m, exactly: the
// products and their sum are formed in 128 bits. It reports false when
// e·f is 0 or the rounded result does not fit an int64.
func MulAddQuo(a, b, c, d, e, f int64, m Mode) (int64, bool) {
	n := mul128(a, b).add(mul128(c, d))
	v := mul128(e, f)
	if v.hi == 0 && v.lo == 0 {
		return 0, false
	}
	neg := n.neg != v.neg
	if v.hi == 0 {
		if n.hi >= v.lo {
			return 0, false // the quotient has 64 bits or more
		}
		q, r := bits.Div64(n.hi, n.lo, v.lo)
		q, ok := roundQ(q, r, v.lo, neg, m)
		if !ok {
			return 0, false
		}
		return signed(q, neg)
	}
	// the quotient is below 2^63: |n| ≤ 2^127 and |v| ≥ 2^64
	q, rem := div128(n, v)
	var away bool
	switch m {
	case HalfUp, HalfEven:
		c := rem.cmp(v.sub(rem)) // the remainder against the rest of the divisor
		away = c > 0 || (c == 0 && (m == HalfUp || q&1 == 1))
	case Up:
		away = !rem.isZero()
	case Down:
	case Floor:
		away = neg && !rem.isZero()
	default:
		return 0, false
	}
	if away {
		q++
	}
	return signed(q, neg)
}

// u128 is a sign and a 128-bit magnitude hi:lo.
type u128 struct {
	hi, lo uint64
	neg    bool
}

func mul128(a, b int64) u128 {
	hi, lo := bits.Mul64(abs(a), abs(b))
	return u128{hi: hi, lo: lo, neg: (a < 0) != (b < 0) && (hi|lo) != 0}
}

// add returns x + y; each magnitude is at most 2^126 (a product of two
// int64), so the sum's is at most 2^127 and fits.
func (x u128) add(y u128) u128 {
	if x.neg == y.neg {
		lo, c := bits.Add64(x.lo, y.lo, 0)
		hi, _ := bits.Add64(x.hi, y.hi, c)
		return u128{hi: hi, lo: lo, neg: x.neg}
	}
	if x.cmp(y) < 0 {
		x, y = y, x
	}
	z := x.sub(y)
	z.neg = x.neg && !z.isZero()
	return z
}

// sub returns |x| − |y| for |x| ≥ |y|, unsigned.
func (x u128) sub(y u128) u128 {
	lo, b := bits.Sub64(x.lo, y.lo, 0)
	hi, _ := bits.Sub64(x.hi, y.hi, b)
	return u128{hi: hi, lo: lo}
}

// cmp compares the magnitudes.
func (x u128) cmp(y u128) int {
	switch {
	case x.hi != y.hi:
		if x.hi < y.hi {
			return -1
		}
		return 1
	case x.lo < y.lo:
		return -1
	case x.lo > y.lo:
		return 1
	}
	return 0
}

func (x u128) isZero() bool { return x.hi|x.lo == 0 }

// div128 returns |n| ÷ |v| and its remainder for |v| ≥ 2^64, where the
// quotient is below 2^64 (|n| ≤ 2^127): Hacker's Delight's divlu2, the
// divisor normalised so that one 128-by-64 division gives the quotient
// or one less.
func div128(n, v u128) (uint64, u128) {
	s := uint(bits.LeadingZeros64(v.hi))
	v1 := v.hi<<s | v.lo>>(64-s) // the top 64 bits of v (v.lo>>64 is 0)
	// n ÷ 2, so that its top word is below v1
	q1, _ := bits.Div64(n.hi>>1, n.hi<<63|n.lo>>1, v1)
	q := q1 >> (63 - s)
	if q != 0 {
		q--
	}
	// r = n − q·v
	hi, lo := bits.Mul64(q, v.lo)
	hi += q * v.hi
	r := u128{hi: n.hi, lo: n.lo}.sub(u128{hi: hi, lo: lo})
	if r.cmp(v) >= 0 {
		q++
		r = r.sub(v)
	}
	return q, r
}

// quoBig returns num ÷ den (den > 0) rounded by m.
func quoBig(num, den *big.Int, m Mode) (int64, bool) {
	var q, r big.Int
	q.QuoRem(num, den, &r) // truncated toward zero
	if r.Sign() != 0 {
		var away bool
		switch m {
		case HalfUp, HalfEven:
			var r2 big.Int
			c := r2.Lsh(r2.Abs(&r), 1).Cmp(den)
			away = c > 0 || (c == 0 && (m == HalfUp || q.Bit(0) == 1))
		case Up:
			away = true
		case Down:
		case Floor:
			away = num.Sign() < 0
		default:
			return 0, false
		}
		if away {
			q.Add(&q, big.NewInt(int64(num.Sign())))
		}
	} else if !m.known() {
		return 0, false
	}
	if !q.IsInt64() {
		return 0, false
	}
	return q.Int64(), true
}
