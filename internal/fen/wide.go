package fen

import (
	"math/big"
	"math/bits"
)

// A U192 is an unsigned 192-bit integer, exact for sums of squares and
// of weighted products of int64 values (Σ x², Σ w·x·m) that an int64 or
// a 128-bit product cannot hold. Add and Mul report false when a result
// passes 192 bits, so that the caller can fall back to math/big. The zero
// U192 is 0.
type U192 struct{ lo, mid, hi uint64 }

// Mul64 returns a × b.
func Mul64(a, b uint64) U192 {
	hi, lo := bits.Mul64(a, b)
	return U192{lo: lo, mid: hi}
}

// Add adds b to a, and reports false when the sum passes 192 bits.
func (a *U192) Add(b U192) bool {
	var c uint64
	a.lo, c = bits.Add64(a.lo, b.lo, 0)
	a.mid, c = bits.Add64(a.mid, b.mid, c)
	a.hi, c = bits.Add64(a.hi, b.hi, c)
	return c == 0
}

// Mul returns a × m, and false when the product passes 192 bits.
func (a U192) Mul(m uint64) (U192, bool) {
	h0, l0 := bits.Mul64(a.lo, m)
	h1, l1 := bits.Mul64(a.mid, m)
	h2, l2 := bits.Mul64(a.hi, m)
	mid, c := bits.Add64(h0, l1, 0)
	hi, c2 := bits.Add64(h1, l2, c)
	return U192{lo: l0, mid: mid, hi: hi}, h2 == 0 && c2 == 0
}

// Big returns a as a big.Int.
func (a U192) Big() *big.Int {
	x := new(big.Int).SetUint64(a.hi)
	for _, w := range [...]uint64{a.mid, a.lo} {
		x.Lsh(x, 64).Or(x, new(big.Int).SetUint64(w))
	}
	return x
}
