package fen

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// U192's sums and products are big.Int's while they fit 192 bits, and
// report false, not a wrapped value, when they do not: on random words,
// the largest 64-bit square (2^128 − 2^65 + 1) and a sum of squares that
// carries out of the top word.
func TestU192AgreesWithBig(t *testing.T) {
	lim := new(big.Int).Lsh(big.NewInt(1), 192)
	rng := rand.New(rand.NewPCG(7, 5))
	for range 100000 {
		a, b, m := rng.Uint64()>>rng.UintN(64), rng.Uint64()>>rng.UintN(64), rng.Uint64()>>rng.UintN(64)
		p := Mul64(a, b)
		want := new(big.Int).Mul(new(big.Int).SetUint64(a), new(big.Int).SetUint64(b))
		if p.Big().Cmp(want) != 0 {
			t.Fatalf("%d × %d = %s, want %s", a, b, p.Big(), want)
		}
		q, ok := p.Mul(m)
		want.Mul(want, new(big.Int).SetUint64(m))
		if wok := want.Cmp(lim) < 0; ok != wok || (ok && q.Big().Cmp(want) != 0) {
			t.Fatalf("%d × %d × %d = %s %v, want %s %v", a, b, m, q.Big(), ok, want, wok)
		}
		s := q
		add := s.Add(p)
		want.Add(want, p.Big())
		if ok && (add != (want.Cmp(lim) < 0) || (add && s.Big().Cmp(want) != 0)) {
			t.Fatalf("%s + %s = %s %v, want %s", q.Big(), p.Big(), s.Big(), add, want)
		}
	}
	sq := Mul64(math.MaxUint64, math.MaxUint64)
	if got, want := sq.Big().String(), "340282366920938463426481119284349108225"; got != want {
		t.Errorf("(2^64 − 1)² = %s, want %s", got, want)
	}
	top := U192{hi: math.MaxUint64}
	if top.Add(U192{hi: 1}) {
		t.Error("2^192 − 2^128 + 2^128 did not report the carry out of 192 bits")
	}
	if _, ok := (U192{hi: 1}).Mul(math.MaxUint64); !ok {
		t.Error("2^128 × (2^64 − 1) fits 192 bits; reported as not")
	}
	if _, ok := (U192{hi: 1 << 63}).Mul(2); ok {
		t.Error("2^191 × 2 = 2^192 did not report the overflow")
	}
}
