package benefit_test

import (
	"math/big"
	"strconv"
	"testing"
	"time"

	"github.com/benefitstd/benefitstd/benefit"
)

// roundRat rounds x to a multiple of step by mode, with math/big.Rat: an
// oracle written independently of the package (which uses shopspring's
// QuoRem and a sticky digit).
func roundRat(x, step *big.Rat, mode benefit.Mode) *big.Rat {
	q := new(big.Rat).Quo(x, step)
	t := new(big.Int).Quo(q.Num(), q.Denom()) // truncated toward zero
	frac := new(big.Rat).Sub(q, new(big.Rat).SetInt(t))
	sign := int64(q.Sign())
	half := big.NewRat(1, 2)
	cmpHalf := new(big.Rat).Abs(frac).Cmp(half)
	away := false
	switch mode {
	case benefit.Down:
	case benefit.Up:
		away = frac.Sign() != 0
	case benefit.HalfUp:
		away = cmpHalf >= 0
	case benefit.HalfEven:
		away = cmpHalf > 0 || (cmpHalf == 0 && t.Bit(0) == 1)
	}
	if away {
		t.Add(t, big.NewInt(sign))
	}
	return new(big.Rat).Mul(new(big.Rat).SetInt(t), step)
}

var steps = map[benefit.Unit]*big.Rat{
	benefit.Fen: big.NewRat(1, 100), benefit.Jiao: big.NewRat(1, 10),
	benefit.YuanUnit: big.NewRat(1, 1), benefit.TenYuan: big.NewRat(10, 1),
}

func ratOf(t *testing.T, a benefit.Amount) *big.Rat {
	t.Helper()
	r, ok := new(big.Rat).SetString(a.String())
	if !ok {
		t.Fatalf("big.Rat cannot read %q", a)
	}
	return r
}

// FuzzQuoInt checks Amount.QuoInt, and Amount.Round on the exact
// quotient where that is a terminating decimal, against the Rat oracle
// for every unit and mode. The amount is micro (a millionth of a yuan,
// the finest scale ParseAmount accepts) over 10^6.
func FuzzQuoInt(f *testing.F) {
	f.Add(int64(88_150_000_000), int64(12), uint8(0), uint8(0)) // 88,150 / 12
	f.Add(int64(250_000), int64(2), uint8(0), uint8(1))         // 0.25 / 2 = 0.125: a tie
	f.Add(int64(-250_000), int64(2), uint8(0), uint8(0))
	f.Add(int64(1_000_000), int64(-3), uint8(0), uint8(2))
	f.Add(int64(75_000_000), int64(1), uint8(3), uint8(1)) // 75 to 10 yuan, half-even
	f.Add(int64(100_000_003), int64(3), uint8(0), uint8(2))
	f.Add(int64(0), int64(7), uint8(2), uint8(3))
	f.Fuzz(func(t *testing.T, micro, n int64, unit, mode uint8) {
		if n == 0 {
			return
		}
		u := benefit.Unit(unit % 4)
		m := benefit.Mode(mode % 4)
		r := benefit.Rounding{Unit: u, Mode: m}
		a, ok := microAmount(micro)
		if !ok {
			return // beyond 15 integer digits
		}
		got, err := a.QuoInt(n, r)
		if err != nil {
			t.Fatal(err)
		}
		exact := new(big.Rat).Quo(big.NewRat(micro, 1_000_000), big.NewRat(n, 1))
		want := roundRat(exact, steps[u], m)
		if ratOf(t, got).Cmp(want) != 0 {
			t.Fatalf("%s / %d %s = %s, want %s", a, n, r, got, want.FloatString(2))
		}
		// Round of the amount itself agrees with the oracle too.
		if ratOf(t, a.Round(r)).Cmp(roundRat(big.NewRat(micro, 1_000_000), steps[u], m)) != 0 {
			t.Fatalf("%s rounded %s = %s", a, r, a.Round(r))
		}
	})
}

func microAmount(micro int64) (benefit.Amount, bool) {
	s := strconv.FormatInt(micro, 10)
	neg := micro < 0
	if neg {
		s = s[1:]
	}
	for len(s) < 7 {
		s = "0" + s
	}
	s = s[:len(s)-6] + "." + s[len(s)-6:]
	if neg {
		s = "-" + s
	}
	a, err := benefit.ParseAmount(s)
	return a, err == nil
}

// FuzzRatio checks Amount.Ratio against the Rat oracle.
func FuzzRatio(f *testing.F) {
	f.Add(int64(1_616_000_000), int64(2_020_000_000), uint8(4), uint8(0)) // 1,616 / 2,020 = 80 %
	f.Add(int64(1_000_000), int64(8_000_000), uint8(2), uint8(1))         // 1/8 = 0.125 half-even
	f.Add(int64(2_000_000), int64(-3_000_000), uint8(4), uint8(3))
	f.Add(int64(88_149_999_984), int64(-80_000_000), uint8(2), uint8(1))
	f.Fuzz(func(t *testing.T, am, bm int64, scale, mode uint8) {
		a, ok1 := microAmount(am)
		b, ok2 := microAmount(bm)
		if !ok1 || !ok2 || bm == 0 {
			return
		}
		sc := int32(scale % 10)
		m := benefit.Mode(mode % 4)
		got, err := a.Ratio(b, sc, m)
		if err != nil {
			t.Fatal(err)
		}
		step := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(sc)), nil))
		want := roundRat(big.NewRat(am, bm), step, m)
		r, ok := new(big.Rat).SetString(got.PlainString())
		if !ok || r.Cmp(want) != 0 {
			t.Fatalf("%s / %s to %d places %s = %s, want %s", a, b, sc, m, got.PlainString(), want.FloatString(int(sc)))
		}
	})
}

// FuzzMulRateRound checks that an unrounded MulRate product is exact and
// that Round of it (up to 16 decimals) agrees with the Rat oracle.
func FuzzMulRateRound(f *testing.F) {
	f.Add(int64(80_140_000_000), int64(11_000_000_000), uint8(3), uint8(0)) // 80,140 × 1.1 → 88,150
	f.Add(int64(72_850_000_000), int64(11_000_000_000), uint8(3), uint8(1)) // 80,135: a tie
	f.Add(int64(-2_345_000), int64(10_000_000_000), uint8(0), uint8(1))
	f.Add(int64(7_345_830_000), int64(380_000_000), uint8(0), uint8(2))
	f.Fuzz(func(t *testing.T, micro, rate10 int64, unit, mode uint8) {
		a, ok := microAmount(micro)
		if !ok {
			return
		}
		// the rate as a ratio with 10 decimals
		rs := strconv.FormatInt(rate10, 10)
		neg := rate10 < 0
		if neg {
			rs = rs[1:]
		}
		for len(rs) < 11 {
			rs = "0" + rs
		}
		rs = rs[:len(rs)-10] + "." + rs[len(rs)-10:]
		if neg {
			rs = "-" + rs
		}
		r, err := benefit.ParseRate(rs)
		if err != nil {
			return
		}
		exact := new(big.Rat).Mul(big.NewRat(micro, 1_000_000), big.NewRat(rate10, 10_000_000_000))
		p := a.MulRate(r)
		if ratOf(t, p).Cmp(exact) != 0 {
			t.Fatalf("%s × %s = %s, want %s", a, r, p, exact.FloatString(16))
		}
		u, m := benefit.Unit(unit%4), benefit.Mode(mode%4)
		rd := benefit.Rounding{Unit: u, Mode: m}
		if got, want := ratOf(t, p.Round(rd)), roundRat(exact, steps[u], m); got.Cmp(want) != 0 {
			t.Fatalf("%s rounded %s = %s, want %s", p, rd, p.Round(rd), want.FloatString(2))
		}
	})
}

// FuzzSplitYear: the twelve payments sum back to the year, eleven are
// the yearly amount / 12 rounded down to the unit, and the remainder
// month gets at least as much as the others but less than one unit × 12
// more.
func FuzzSplitYear(f *testing.F) {
	f.Add(int64(88_150_000_000), uint8(0), uint8(12))
	f.Add(int64(27_980_000_000), uint8(2), uint8(1))
	f.Add(int64(119_999), uint8(0), uint8(6))
	f.Fuzz(func(t *testing.T, micro int64, unit, month uint8) {
		if micro < 0 {
			micro = -(micro + 1)
		}
		y, ok := microAmount(micro)
		if !ok {
			return
		}
		u := benefit.Unit(unit % 4)
		in := time.Month(month%12 + 1)
		ps, err := benefit.SplitYear(y, u, in)
		if err != nil {
			t.Fatal(err)
		}
		base := roundRat(new(big.Rat).Quo(big.NewRat(micro, 1_000_000), big.NewRat(12, 1)), steps[u], benefit.Down)
		sum := new(big.Rat)
		for i, p := range ps {
			pr := ratOf(t, p)
			sum.Add(sum, pr)
			if time.Month(i+1) == in {
				extra := new(big.Rat).Sub(pr, base)
				limit := new(big.Rat).Mul(steps[u], big.NewRat(12, 1))
				if extra.Sign() < 0 || extra.Cmp(limit) >= 0 {
					t.Fatalf("%s: remainder month %s, base %s", y, p, base.FloatString(2))
				}
			} else if pr.Cmp(base) != 0 {
				t.Fatalf("%s: month %d = %s, want %s", y, i+1, p, base.FloatString(2))
			}
		}
		if sum.Cmp(big.NewRat(micro, 1_000_000)) != 0 {
			t.Fatalf("%s: payments sum to %s", y, sum.FloatString(6))
		}
	})
}
