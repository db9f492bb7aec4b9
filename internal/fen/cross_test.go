package fen_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/fen"
)

// The cross-check: every fen operation the library relies on gives
// exactly what the decimal arithmetic of benefit's Amount stands for
// (Mul, MulRate, QuoInt and Round by a benefit.Rounding), for every unit
// and mode, and both agree on what does not fit an int64 of fen. The
// reference is written here in plain shopspring/decimal: benefit's own
// Amount is built on this package, so it cannot be the reference.

var (
	units = []benefit.Unit{benefit.Fen, benefit.Jiao, benefit.YuanUnit, benefit.TenYuan}
	modes = []benefit.Mode{benefit.HalfUp, benefit.HalfEven, benefit.Up, benefit.Down}
)

// unitFen is a unit's step in fen: 1, 10, 100, 1000.
func unitFen(t testing.TB, u benefit.Unit) int64 {
	f, ok := u.Step().Fen()
	if !ok {
		t.Fatalf("unit %s", u)
	}
	return f
}

func ratio(r benefit.Rate) fen.Ratio { return fen.Decimal(r.Fraction()) }

// fenOf returns a as fen and whether it is whole fen within an int64.
func fenOf(a dm) (int64, bool) { return a.Fen() }

// dm is the reference: an amount of yuan in plain decimal arithmetic,
// with the methods of benefit.Amount that the tests compare with.
type dm struct{ d decimal.Decimal }

func fromFen(x int64) dm { return dm{decimal.New(x, -2)} }

// rateDec is r's exact value, num × 10^-scale.
func rateDec(r benefit.Rate) decimal.Decimal {
	num, scale := r.Fraction()
	return decimal.NewFromBigInt(num, -scale)
}

func (a dm) Add(b dm) dm               { return dm{a.d.Add(b.d)} }
func (a dm) Mul(k int64) dm            { return dm{a.d.Mul(decimal.New(k, 0))} }
func (a dm) MulRate(r benefit.Rate) dm { return dm{a.d.Mul(rateDec(r))} }
func (a dm) Sign() int                 { return a.d.Sign() }
func (a dm) String() string            { return a.d.StringFixed(max(2, -a.d.Exponent())) }

// places is a unit's decimal places: 2, 1, 0, −1.
func places(u benefit.Unit) int32 {
	return [...]int32{benefit.Fen: 2, benefit.Jiao: 1, benefit.YuanUnit: 0, benefit.TenYuan: -1}[u]
}

func roundDec(d decimal.Decimal, p int32, m benefit.Mode) decimal.Decimal {
	switch m {
	case benefit.HalfEven:
		return d.RoundBank(p)
	case benefit.Up:
		return d.RoundUp(p) // away from zero
	case benefit.Down:
		return d.RoundDown(p) // toward zero
	}
	return d.Round(p) // half away from zero
}

func (a dm) Round(rd benefit.Rounding) dm { return dm{roundDec(a.d, places(rd.Unit), rd.Mode)} }

// QuoInt is a ÷ k rounded once: the quotient to p+3 decimals, made odd
// when inexact (round to odd, so that no inexact quotient looks like a
// tie or a step), then rounded to p.
func (a dm) QuoInt(k int64, rd benefit.Rounding) (dm, error) {
	p := places(rd.Unit)
	b := decimal.New(k, 0)
	q, r := a.d.QuoRem(b, p+3)
	if r.Sign() != 0 && q.Shift(p+3).BigInt().Bit(0) == 0 {
		ulp := decimal.New(1, -(p + 3))
		if a.d.Sign()*b.Sign() < 0 {
			q = q.Sub(ulp)
		} else {
			q = q.Add(ulp)
		}
	}
	return dm{roundDec(q, p, rd.Mode)}, nil
}

// Fen is a in whole fen, and false when it has fractions of a fen or
// passes an int64.
func (a dm) Fen() (int64, bool) {
	f := a.d.Shift(2)
	if !f.IsInteger() || !f.BigInt().IsInt64() {
		return 0, false
	}
	return f.BigInt().Int64(), true
}

// The modes map by value: fen.Mode(m) is m for each benefit mode.
func TestModesMapByValue(t *testing.T) {
	for _, c := range []struct {
		b benefit.Mode
		f fen.Mode
	}{{benefit.HalfUp, fen.HalfUp}, {benefit.HalfEven, fen.HalfEven}, {benefit.Up, fen.Up}, {benefit.Down, fen.Down}} {
		if fen.Mode(c.b) != c.f || c.b.String() != c.f.String() {
			t.Errorf("benefit %s is fen %s", c.b, fen.Mode(c.b))
		}
	}
}

// gen draws amounts (fen) and rates of every kind the library meets:
// small and large, negative, with up to 10 decimals, products of two
// rates (20 decimals, beyond an int64 fraction), and ties.
type gen struct{ rng *rand.Rand }

func (g gen) amount() int64 {
	switch g.rng.IntN(6) {
	case 0:
		return g.rng.Int64N(20001) - 10000
	case 1:
		return g.rng.Int64N(10_000_000_000) - 1_000_000_000
	case 2: // next to the int64 limits
		if g.rng.IntN(2) == 0 {
			return math.MaxInt64 - g.rng.Int64N(1000)
		}
		return math.MinInt64 + g.rng.Int64N(1000)
	case 3:
		return int64(g.rng.Uint64() >> g.rng.UintN(64))
	case 4:
		return -int64(g.rng.Uint64() >> (1 + g.rng.UintN(63)))
	}
	return g.rng.Int64N(100_000_000)
}

func (g gen) rate() benefit.Rate {
	digits := func() string {
		scale := g.rng.IntN(11)
		n := g.rng.Int64N(1_000_000)
		s := fmt.Sprintf("%d", n)
		for len(s) <= scale {
			s = "0" + s
		}
		if scale > 0 {
			s = s[:len(s)-scale] + "." + s[len(s)-scale:]
		}
		if g.rng.IntN(4) == 0 {
			s = "-" + s
		}
		return s
	}
	r := benefit.MustParseRate(digits())
	switch g.rng.IntN(5) {
	case 0:
		return r.Mul(benefit.MustParseRate(digits())) // up to 20 decimals
	case 1:
		return benefit.MustParseRate([]string{"0.5", "0.05", "0.005", "0.25", "0.125", "1", "0", "-0.5", "0.1"}[g.rng.IntN(9)])
	}
	return r
}

// TestMulRateRoundMatchesDecimal: x fen × r rounded to each unit by each
// mode — MulDiv(x, r, 0, unit, m) × unit — equals
// fromFen(x).MulRate(r).Round(rounding).
func TestMulRateRoundMatchesDecimal(t *testing.T) {
	g := gen{rand.New(rand.NewPCG(2026, 9))}
	n := 40000
	if testing.Short() {
		n = 8000
	}
	for range n {
		x, r := g.amount(), g.rate()
		for _, u := range units {
			uf := unitFen(t, u)
			for _, m := range modes {
				rd := benefit.Rounding{Unit: u, Mode: m}
				want, wok := fenOf(fromFen(x).MulRate(r).Round(rd))
				q, ok := fen.MulDiv(x, ratio(r), 0, uf, fen.Mode(m))
				var got int64
				if ok {
					got, ok = fen.Mul(q, uf)
				}
				if ok != wok || (ok && got != want) {
					t.Fatalf("%d fen × %s (%s): fen %d %v, decimal %d %v", x, r, rd, got, ok, want, wok)
				}
			}
		}
	}
}

// Exact ties: (2q+1)·unit·5 fen × 0.1 = (q + ½)·unit, for every unit, on
// both sides of zero. Half-up goes away from zero, half-even to the even
// step, up away, down toward zero — as the decimal arithmetic does.
func TestTiesMatchDecimal(t *testing.T) {
	tenth := benefit.MustParseRate("0.1")
	for _, u := range units {
		uf := unitFen(t, u)
		for q := int64(-40); q <= 40; q++ {
			x := (2*q + 1) * uf * 5
			for _, m := range modes {
				rd := benefit.Rounding{Unit: u, Mode: m}
				want, _ := fenOf(fromFen(x).MulRate(tenth).Round(rd))
				got, ok := fen.MulDiv(x, ratio(tenth), 0, uf, fen.Mode(m))
				if !ok || got*uf != want {
					t.Fatalf("tie %d fen × 0.1 (%s): fen %d, decimal %d", x, rd, got*uf, want)
				}
			}
		}
	}
	// one hand-worked: 2,000.50 yuan × 1 % = 20.005 → 20.01 half-up, 20.00 half-even
	pct := ratio(benefit.Percent(1))
	if hu, _ := fen.MulDiv(200050, pct, 0, 1, fen.HalfUp); hu != 2001 {
		t.Errorf("1 %% of 2,000.50 half-up = %d fen, want 2001", hu)
	}
	if he, _ := fen.MulDiv(200050, pct, 0, 1, fen.HalfEven); he != 2000 {
		t.Errorf("1 %% of 2,000.50 half-even = %d fen, want 2000", he)
	}
}

// TestRoundMulQuoMatchDecimal: Round(x, unit, m) is Amount.Round; Mul(x,
// n) is Amount.Mul; MulAddQuo(x, 1, 0, 0, n, unit, m) × unit is
// Amount.QuoInt(n, rounding); and MulDiv with an addend and a divisor is
// (x × r + add).QuoInt(div, rounding).
func TestRoundMulQuoMatchDecimal(t *testing.T) {
	g := gen{rand.New(rand.NewPCG(7, 7))}
	n := 30000
	if testing.Short() {
		n = 6000
	}
	for range n {
		x := g.amount()
		k := g.amount() >> g.rng.UintN(64) // a count, any size and sign
		if g.rng.IntN(3) == 0 {
			k = g.rng.Int64N(2001) - 1000
		}
		p, ok := fen.Mul(x, k)
		if w, wok := fenOf(fromFen(x).Mul(k)); ok != wok || (ok && p != w) {
			t.Fatalf("%d × %d: fen %d %v, decimal %d %v", x, k, p, ok, w, wok)
		}
		for _, u := range units {
			uf := unitFen(t, u)
			for _, m := range modes {
				rd := benefit.Rounding{Unit: u, Mode: m}
				w, wok := fenOf(fromFen(x).Round(rd))
				if got, ok := fen.Round(x, uf, fen.Mode(m)); ok != wok || (ok && got != w) {
					t.Fatalf("round %d fen (%s): fen %d %v, decimal %d %v", x, rd, got, ok, w, wok)
				}
				if k != 0 {
					qa, err := fromFen(x).QuoInt(k, rd)
					w, wok := fenOf(qa)
					q, ok := fen.MulAddQuo(x, 1, 0, 0, k, uf, fen.Mode(m))
					if ok {
						q, ok = fen.Mul(q, uf)
					}
					if err != nil || ok != wok || (ok && q != w) {
						t.Fatalf("%d fen ÷ %d (%s): fen %d %v, decimal %d %v %v", x, k, rd, q, ok, w, wok, err)
					}
				}
				if k > 0 {
					r, add := g.rate(), g.amount()>>g.rng.UintN(64)
					a := fromFen(x).MulRate(r).Add(fromFen(add))
					qa, _ := a.QuoInt(k, rd)
					w, wok := fenOf(qa)
					div, dok := fen.Mul(k, uf)
					if !dok {
						continue // the divisor itself passes an int64
					}
					q, ok := fen.MulDiv(x, ratio(r), add, div, fen.Mode(m))
					if ok {
						q, ok = fen.Mul(q, uf)
					}
					if ok != wok || (ok && q != w) {
						t.Fatalf("(%d × %s + %d) ÷ %d (%s): fen %d %v, decimal %s", x, r, add, k, rd, q, ok, qa)
					}
				}
			}
		}
	}
}

// Floor has no benefit mode: it is Down for a quotient ≥ 0 and Up for a
// negative one.
func TestFloorIsDownOrUpBySign(t *testing.T) {
	g := gen{rand.New(rand.NewPCG(5, 5))}
	for range 20000 {
		x, r := g.amount(), g.rate()
		exact := fromFen(x).MulRate(r)
		m := benefit.Down
		if exact.Sign() < 0 {
			m = benefit.Up
		}
		w, wok := fenOf(exact.Round(benefit.Rounding{Unit: benefit.Fen, Mode: m}))
		got, ok := fen.MulDiv(x, ratio(r), 0, 1, fen.Floor)
		if ok != wok || (ok && got != w) {
			t.Fatalf("floor(%d × %s): fen %d %v, decimal %d %v", x, r, got, ok, w, wok)
		}
	}
}

// FuzzMulDiv compares (x × r + add) ÷ div rounded by a mode, in fen,
// with the same in benefit's decimal arithmetic, for a rate num ÷ 10^scale
// (scale 0-10) or its square.
//
//	go test ./internal/fen -run '^$' -fuzz FuzzMulDiv -fuzztime 60s
func FuzzMulDiv(f *testing.F) {
	f.Add(int64(22050), int64(105), uint8(2), int64(0), int64(1), uint8(0), false)
	f.Add(int64(-1001), int64(15), uint8(3), int64(7), int64(3), uint8(3), true)
	f.Add(int64(math.MaxInt64), int64(1), uint8(0), int64(math.MinInt64), int64(2), uint8(1), false)
	f.Add(int64(200050), int64(1), uint8(2), int64(0), int64(1), uint8(1), false)
	f.Fuzz(func(t *testing.T, x, num int64, scale uint8, add, div int64, mode uint8, square bool) {
		num %= 100_000_000_000
		r, err := benefit.ParseRate(decimalText(num, int(scale%11)))
		if err != nil {
			t.Skip()
		}
		if square {
			r = r.Mul(r)
		}
		if div <= 0 {
			div = 1 + (div & math.MaxInt32)
		}
		m := modes[int(mode)%len(modes)]
		a := fromFen(x).MulRate(r).Add(fromFen(add))
		qa, err := a.QuoInt(div, benefit.Rounding{Unit: benefit.Fen, Mode: m})
		if err != nil {
			t.Fatal(err)
		}
		want, wok := qa.Fen()
		got, ok := fen.MulDiv(x, ratio(r), add, div, fen.Mode(m))
		if ok != wok || (ok && got != want) {
			t.Fatalf("(%d × %s + %d) ÷ %d %s: fen %d %v, decimal %s", x, r, add, div, m, got, ok, qa)
		}
	})
}

// decimalText writes num ÷ 10^scale as a plain decimal.
func decimalText(num int64, scale int) string {
	neg := num < 0
	if neg {
		num = -num
	}
	s := fmt.Sprintf("%0*d", scale+1, num)
	if scale > 0 {
		s = s[:len(s)-scale] + "." + s[len(s)-scale:]
	}
	if neg {
		s = "-" + s
	}
	return s
}
