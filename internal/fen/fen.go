package fen

import (
	"math"
	"math/bits"
	"strconv"
)

// A Mode says how a quotient between two integers is rounded. The zero
// Mode is HalfUp. HalfUp to Down have the values of benefit.Mode's
// constants of the same names, so Mode(m) converts a benefit.Mode.
type Mode int8

const (
	// HalfUp (四舍五入) rounds to the nearest integer, a tie away from zero.
	HalfUp Mode = iota
	// HalfEven (银行家舍入) rounds to the nearest integer, a tie to the even one.
	HalfEven
	// Up (进位) rounds away from zero whenever anything is left.
	Up
	// Down (舍去) rounds toward zero.
	Down
	// Floor rounds toward minus infinity.
	Floor
)

var modeNames = [...]string{HalfUp: "half_up", HalfEven: "half_even", Up: "up", Down: "down", Floor: "floor"}

// String returns "half_up", "half_even", "up", "down" or "floor".
func (m Mode) String() string {
	if !m.known() {
		return "Mode(" + strconv.Itoa(int(m)) + ")"
	}
	return modeNames[m]
}

// Add returns a + b and true, or 0 and false when the sum overflows an
// int64.
func Add(a, b int64) (int64, bool) {
	if s := a + b; (s > a) == (b > 0) {
		return s, true
	}
	return 0, false
}

// Sub returns a − b and true, or 0 and false when the difference
// overflows an int64.
func Sub(a, b int64) (int64, bool) {
	if d := a - b; (d < a) == (b > 0) {
		return d, true
	}
	return 0, false
}

// Mul returns a × b and true, or 0 and false when the product overflows
// an int64.
func Mul(a, b int64) (int64, bool) {
	// the two's-complement product: the unsigned one, its high word
	// corrected for the signs; it fits when that word only extends the
	// sign of the low one
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	hi -= uint64(a>>63)&uint64(b) + uint64(b>>63)&uint64(a)
	if p := int64(lo); hi == uint64(p>>63) {
		return p, true
	}
	return 0, false
}

// MulQuoExact returns a × b ÷ d and true when that quotient is a whole
// number within an int64 (d > 0), and 0 and false otherwise: when d ≤ 0,
// when the division leaves a remainder, or when the quotient passes an
// int64. The product is formed in 128 bits. It rescales a fixed-point
// product exactly: micro-yuan × a rate in 10^-12 ÷ 10^12 is micro-yuan
// when the product has at most six decimals.
func MulQuoExact(a, b, d int64) (int64, bool) {
	if d <= 0 {
		return 0, false
	}
	hi, lo := bits.Mul64(abs(a), abs(b))
	ud := uint64(d)
	if hi >= ud { // the quotient has 64 bits or more
		return 0, false
	}
	q, r := bits.Div64(hi, lo, ud)
	if r != 0 {
		return 0, false
	}
	return signed(q, (a < 0) != (b < 0))
}

// Quo returns a ÷ b rounded by m, and false when b is 0 or the result
// does not fit an int64.
func Quo(a, b int64, m Mode) (int64, bool) {
	if b == 0 {
		return 0, false
	}
	ua, ub := abs(a), abs(b)
	neg := (a < 0) != (b < 0)
	q, ok := roundQ(ua/ub, ua%ub, ub, neg, m)
	if !ok {
		return 0, false
	}
	return signed(q, neg)
}

// Round returns v rounded by m to a multiple of unit (unit > 0): 23,153
// fen to the yuan (unit 100) half-up is 23,200. It reports false when
// unit ≤ 0 or the result does not fit an int64.
func Round(v, unit int64, m Mode) (int64, bool) {
	if unit > 0 && v%unit == 0 && m.known() { // already on the grid
		return v, true
	}
	return round(v, unit, m)
}

func round(v, unit int64, m Mode) (int64, bool) {
	if unit <= 0 {
		return 0, false
	}
	q, ok := Quo(v, unit, m)
	if !ok {
		return 0, false
	}
	return Mul(q, unit)
}

// A Sum is an exact running total of int64 values. The zero Sum is 0.
// Once an addition overflows, the sum is lost: Total reports false and
// later additions are ignored.
type Sum struct {
	v    int64
	lost bool
}

// Add adds v to the sum.
func (s *Sum) Add(v int64) {
	if s.lost {
		return
	}
	t, ok := Add(s.v, v)
	s.v, s.lost = t, !ok
}

// Total returns the sum and true, or false when an addition overflowed.
func (s Sum) Total() (int64, bool) {
	if s.lost {
		return 0, false
	}
	return s.v, true
}

// abs returns |a| as a uint64 (|MinInt64| = 2^63 included).
func abs(a int64) uint64 {
	if a < 0 {
		return -uint64(a)
	}
	return uint64(a)
}

// signed returns ±u as an int64, and false when it does not fit.
func signed(u uint64, neg bool) (int64, bool) {
	if neg {
		if u > 1<<63 {
			return 0, false
		}
		return -int64(u), true // −2^63 wraps to itself, which is right
	}
	if u > math.MaxInt64 {
		return 0, false
	}
	return int64(u), true
}

func (m Mode) known() bool { return uint8(m) <= uint8(Floor) }

// roundQ rounds the quotient q, remainder r (r < d), of a division whose
// exact result is negative when neg, and returns its magnitude; it
// reports false for an unknown mode or when the magnitude overflows.
func roundQ(q, r, d uint64, neg bool, m Mode) (uint64, bool) {
	if r == 0 {
		return q, m.known()
	}
	var away bool
	switch m {
	case HalfUp:
		away = r >= d-r
	case HalfEven:
		away = r > d-r || (r == d-r && q&1 == 1)
	case Up:
		away = true
	case Down:
	case Floor:
		away = neg
	default:
		return 0, false
	}
	if away {
		q++
		if q == 0 {
			return 0, false
		}
	}
	return q, true
}

// AppendYuan appends n fen as yuan with two decimals: 12345 → "123.45",
// -5 → "-0.05", math.MinInt64 → "-92233720368547758.08".
func AppendYuan(b []byte, n int64) []byte {
	u := uint64(n)
	if n < 0 {
		b = append(b, '-')
		u = -u // two's complement: the magnitude, math.MinInt64's too
	}
	b = strconv.AppendUint(b, u/100, 10)
	c := u % 100
	return append(b, '.', byte('0'+c/10), byte('0'+c%10))
}
