package fen

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
)

// dec returns the ratio written as a plain decimal ("1.05", "-0.015").
func dec(t testing.TB, s string) Ratio {
	t.Helper()
	i, f, _ := strings.Cut(s, ".")
	n, ok := new(big.Int).SetString(i+f, 10)
	if !ok {
		t.Fatalf("bad decimal %q", s)
	}
	return Decimal(n, int32(len(f)))
}

// Hand-worked quotients, in fen:
//
//	22,050 fen × 1.05 = 23,152.5 → half-up 23,153, half-even 23,152,
//	  down 23,152, up 23,153; ÷ 100 (to the yuan): 231.525 → 232 half-up, 231 down
//	−1,000 fen × 0.015 = −15 (exact); −1,001 × 0.015 = −15.015 → floor −16,
//	  down −15, half-up −15, up −16
//	500 fen × 2 % + 10 = 20 exactly
//	−2,500 × 0.001 = −2.5 → half-up −3, half-even −2, floor −3, up −3, down −2
func TestMulDivWorked(t *testing.T) {
	for _, c := range []struct {
		x    int64
		rate string
		add  int64
		div  int64
		m    Mode
		want int64
	}{
		{22050, "1.05", 0, 1, HalfUp, 23153},
		{22050, "1.05", 0, 1, HalfEven, 23152},
		{22050, "1.05", 0, 1, Down, 23152},
		{22050, "1.05", 0, 1, Up, 23153},
		{22050, "1.05", 0, 100, HalfUp, 232},
		{22050, "1.05", 0, 100, Down, 231},
		{-1000, "0.015", 0, 1, Floor, -15},
		{-1001, "0.015", 0, 1, Floor, -16},
		{-1001, "0.015", 0, 1, Down, -15},
		{-1001, "0.015", 0, 1, HalfUp, -15},
		{-1001, "0.015", 0, 1, Up, -16},
		{500, "0.02", 10, 1, HalfUp, 20},
		{-2500, "0.001", 0, 1, HalfUp, -3},
		{-2500, "0.001", 0, 1, HalfEven, -2},
		{-2500, "0.001", 0, 1, Floor, -3},
		{-2500, "0.001", 0, 1, Up, -3},
		{-2500, "0.001", 0, 1, Down, -2},
	} {
		if got, ok := MulDiv(c.x, dec(t, c.rate), c.add, c.div, c.m); !ok || got != c.want {
			t.Errorf("(%d × %s + %d) ÷ %d %s = %d %v, want %d", c.x, c.rate, c.add, c.div, c.m, got, ok, c.want)
		}
	}
}

// Overflow is reported, never wrapped: MaxInt64 = 9,223,372,036,854,775,807.
func TestOverflowReported(t *testing.T) {
	const maxI, minI = math.MaxInt64, math.MinInt64
	for _, c := range []struct {
		name string
		got  int64
		ok   bool
		want int64 // when ok
		wok  bool
	}{
		{"max + 1", fst(Add(maxI, 1)), snd(Add(maxI, 1)), 0, false},
		{"min + −1", fst(Add(minI, -1)), snd(Add(minI, -1)), 0, false},
		{"max + min", fst(Add(maxI, minI)), snd(Add(maxI, minI)), -1, true},
		{"min − 1", fst(Sub(minI, 1)), snd(Sub(minI, 1)), 0, false},
		{"0 − min", fst(Sub(0, minI)), snd(Sub(0, minI)), 0, false},
		{"−1 − min", fst(Sub(-1, minI)), snd(Sub(-1, minI)), maxI, true},
		{"2^32 × 2^31", fst(Mul(1<<32, 1<<31)), snd(Mul(1<<32, 1<<31)), 0, false},
		{"−2^32 × 2^31 = min", fst(Mul(-1<<32, 1<<31)), snd(Mul(-1<<32, 1<<31)), minI, true},
		{"min × −1", fst(Mul(minI, -1)), snd(Mul(minI, -1)), 0, false},
		{"min ÷ −1", fst(Quo(minI, -1, Down)), snd(Quo(minI, -1, Down)), 0, false},
		{"x ÷ 0", fst(Quo(5, 0, Down)), snd(Quo(5, 0, Down)), 0, false},
		{"max rounded up to 10", fst(Round(maxI, 10, Up)), snd(Round(maxI, 10, Up)), 0, false},
		{"max rounded down to 10", fst(Round(maxI, 10, Down)), snd(Round(maxI, 10, Down)), 9223372036854775800, true},
		{"unit 0", fst(Round(5, 0, Down)), snd(Round(5, 0, Down)), 0, false},
		{"max × 2 ÷ 2", fst(MulDiv(maxI, Int(2), 0, 2, Down)), snd(MulDiv(maxI, Int(2), 0, 2, Down)), maxI, true},
		{"max × 2 ÷ 1", fst(MulDiv(maxI, Int(2), 0, 1, Down)), snd(MulDiv(maxI, Int(2), 0, 1, Down)), 0, false},
		{"div 0", fst(MulDiv(1, Int(1), 0, 0, Down)), snd(MulDiv(1, Int(1), 0, 0, Down)), 0, false},
		{"min·min + min·min ÷ (min·min)", fst(MulAddQuo(minI, minI, minI, minI, minI, minI, Down)), snd(MulAddQuo(minI, minI, minI, minI, minI, minI, Down)), 2, true},
		{"unknown mode", fst(Quo(7, 2, Mode(9))), snd(Quo(7, 2, Mode(9))), 0, false},
		{"unknown mode, exact", fst(MulDiv(8, Int(1), 0, 2, Mode(-1))), snd(MulDiv(8, Int(1), 0, 2, Mode(-1))), 0, false},
	} {
		if c.ok != c.wok || (c.ok && c.got != c.want) {
			t.Errorf("%s: %d %v, want %d %v", c.name, c.got, c.ok, c.want, c.wok)
		}
	}
	var s Sum
	s.Add(maxI)
	s.Add(1)
	s.Add(-5)
	if v, ok := s.Total(); ok {
		t.Errorf("max + 1 − 5: Sum %d, want lost", v)
	}
	var z Sum
	z.Add(-3)
	z.Add(10)
	if v, ok := z.Total(); !ok || v != 7 {
		t.Errorf("−3 + 10 = %d %v, want 7", v, ok)
	}
}

func fst(v int64, _ bool) int64 { return v }
func snd(_ int64, ok bool) bool { return ok }

// refQuo is the reference: (a·b + c·d) ÷ (e·f) rounded by m in big.Int.
func refQuo(a, b, c, d, e, f int64, m Mode) (int64, bool) {
	num := new(big.Int).Mul(big.NewInt(a), big.NewInt(b))
	num.Add(num, new(big.Int).Mul(big.NewInt(c), big.NewInt(d)))
	den := new(big.Int).Mul(big.NewInt(e), big.NewInt(f))
	if den.Sign() == 0 {
		return 0, false
	}
	if den.Sign() < 0 {
		num.Neg(num)
		den.Neg(den)
	}
	return quoBig(num, den, m)
}

// MulAddQuo's 128-bit arithmetic (one 128-by-64 division, or the
// normalised 128-by-128 one) agrees with big.Int on random figures of
// every size and sign, on figures next to the int64 limits, and on
// divisors above 2^64.
func TestMulAddQuoAgreesWithBig(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 1))
	edges := []int64{0, 1, -1, 2, -2, 3, 10, 100, 1000, math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1, 1 << 32, -1 << 32, 1<<63 - 1<<31}
	pick := func() int64 {
		switch rng.IntN(4) {
		case 0:
			return edges[rng.IntN(len(edges))]
		case 1:
			return rng.Int64N(2001) - 1000
		case 2:
			return int64(rng.Uint64() >> rng.UintN(64))
		}
		return int64(rng.Uint64())
	}
	big128 := 0
	for range 300000 {
		a, b, c, d, e, f := pick(), pick(), pick(), pick(), pick(), pick()
		m := Mode(rng.IntN(5))
		got, ok := MulAddQuo(a, b, c, d, e, f, m)
		want, wok := refQuo(a, b, c, d, e, f, m)
		if ok != wok || (ok && got != want) {
			t.Fatalf("(%d·%d + %d·%d) ÷ (%d·%d) %s = %d %v, big.Int gives %d %v", a, b, c, d, e, f, m, got, ok, want, wok)
		}
		if hi, _ := mulHi(e, f); hi != 0 && wok {
			big128++
		}
	}
	// the normalised 128-by-128 division must have been exercised
	if big128 < 1000 {
		t.Errorf("only %d cases with a divisor above 2^64 and a result", big128)
	}
}

func mulHi(a, b int64) (uint64, uint64) { v := mul128(a, b); return v.hi, v.lo }

// MulDiv of a ratio that does not fit an int64 (math/big) gives what
// the same ratio reduced to int64 parts gives: 1.05 written with 30
// decimals, rates of 20 decimals, and the int64 parts themselves.
func TestMulDivBigRatio(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		num := rng.Int64N(2_000_000_000) - 500_000_000
		scale := int32(rng.IntN(10))
		small := Decimal(big.NewInt(num), scale)
		// the same value with 20 more zeros: not an int64
		bn := new(big.Int).Mul(big.NewInt(num), new(big.Int).Exp(big.NewInt(10), big.NewInt(20), nil))
		wide := Ratio{bn: bn, bd: new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)+20), nil)}
		x, add, div := rng.Int64N(1<<50)-1<<49, rng.Int64N(1<<40)-1<<39, 1+rng.Int64N(100000)
		m := Mode(rng.IntN(5))
		g1, ok1 := MulDiv(x, small, add, div, m)
		g2, ok2 := MulDiv(x, wide, add, div, m)
		if ok1 != ok2 || g1 != g2 {
			t.Fatalf("(%d × %s + %d) ÷ %d %s: int64 ratio %d %v, big ratio %d %v", x, small, add, div, m, g1, ok1, g2, ok2)
		}
	}
	if r := Decimal(new(big.Int).Exp(big.NewInt(10), big.NewInt(30), nil), 30); r.bn != nil || r.n != 1 || r.d != 1 {
		t.Errorf("10^30 ÷ 10^30 = %s, want 1/1 in int64", r)
	}
}

// The zero Ratio is 0; Decimal strips trailing zeros and keeps a copy.
func TestRatioValues(t *testing.T) {
	var z Ratio
	if got, ok := MulDiv(12345, z, 7, 1, HalfUp); !ok || got != 7 || z.Sign() != 0 {
		t.Errorf("12345 × 0 + 7 = %d %v", got, ok)
	}
	n := big.NewInt(3800)
	r := Decimal(n, 5) // 3.80 %
	n.SetInt64(1)
	if r.String() != "38/1000" || r.Sign() != 1 {
		t.Errorf("3800 ÷ 10^5 = %s, want 38/1000", r)
	}
	if r := Decimal(big.NewInt(-7), -2); r.String() != "-700/1" {
		t.Errorf("−7 ÷ 10^−2 = %s, want −700/1", r)
	}
}

// Inv: 1 ÷ 0.0001 = 10,000; 1 ÷ −0.25 = −4; MinInt64 ÷ MinInt64 (through
// big.Int) = 1; 3 ÷ (3·10^-23) ÷ 10^5 = 10^18 (a ratio of 23 decimals);
// 1 ÷ 0 is refused.
func TestInv(t *testing.T) {
	for _, c := range []struct {
		r      Ratio
		x, div int64
		want   int64
	}{
		{dec(t, "0.0001"), 1, 1, 10000},
		{dec(t, "-0.25"), 1, 1, -4},
		{Int(math.MinInt64), math.MinInt64, 1, 1},
		{dec(t, "0.00000000000000000000003"), 3, 100000, 1e18},
	} {
		inv, ok := c.r.Inv()
		if got, gok := MulDiv(c.x, inv, 0, c.div, Down); !ok || !gok || got != c.want {
			t.Errorf("%d ÷ %s ÷ %d = %d %v %v, want %d", c.x, c.r, c.div, got, ok, gok, c.want)
		}
	}
	if _, ok := (Ratio{}).Inv(); ok {
		t.Error("1 ÷ 0 accepted")
	}
}

// Fen as yuan, by hand: the last two digits after the point, the sign in
// front, the most negative fen without overflow.
func TestAppendYuan(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0.00", 5: "0.05", -5: "-0.05", 100: "1.00", 12345: "123.45", -12345: "-123.45",
		500000: "5000.00", math.MaxInt64: "92233720368547758.07", math.MinInt64: "-92233720368547758.08",
	} {
		if got := string(AppendYuan([]byte("x"), n)); got != "x"+want {
			t.Errorf("AppendYuan(%d) = %q, want %q", n, got, "x"+want)
		}
	}
}

// MulQuoExact is a·b ÷ d when big.Int finds no remainder and a quotient
// within an int64, and false otherwise; on random figures of every size
// and sign, next to the int64 limits, and on products that a power of
// ten divides exactly (the rescaling the fixed-point Amount does).
func TestMulQuoExactAgreesWithBig(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 2))
	edges := []int64{0, 1, -1, 2, -2, 10, 1_000_000, 1e12, math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1}
	pick := func() int64 {
		switch rng.IntN(4) {
		case 0:
			return edges[rng.IntN(len(edges))]
		case 1:
			return rng.Int64N(2001) - 1000
		case 2:
			return int64(rng.Uint64() >> rng.UintN(64))
		}
		return int64(rng.Uint64())
	}
	exact := 0
	for range 300000 {
		a, b, d := pick(), pick(), pick()
		if rng.IntN(2) == 0 {
			d = pow10[rng.IntN(len(pow10))]
			b *= d / pow10[rng.IntN(len(pow10))%(1+rng.IntN(19))] // often divisible
		}
		got, ok := MulQuoExact(a, b, d)
		var want int64
		wok := false
		if d > 0 {
			var q, r big.Int
			q.QuoRem(new(big.Int).Mul(big.NewInt(a), big.NewInt(b)), big.NewInt(d), &r)
			if r.Sign() == 0 && q.IsInt64() {
				want, wok = q.Int64(), true
			}
		}
		if ok != wok || got != want {
			t.Fatalf("%d·%d ÷ %d = %d %v, big.Int gives %d %v", a, b, d, got, ok, want, wok)
		}
		if ok && a != 0 && b != 0 {
			exact++
		}
	}
	if exact < 10000 {
		t.Errorf("only %d exact non-zero quotients", exact)
	}
	// worked by hand: 1,234.56 yuan (1,234,560,000 micro-yuan) × 103.25 %
	// (1,032,500,000,000 in 10^-12) ÷ 10^12 = 1,274.6832 yuan exactly;
	// × 103.2555 % is 1,234.56 + 40.1911008 = 1,274.7511008 yuan, seven
	// decimals: 1,274,751,100.8 micro-yuan is not whole
	if v, ok := MulQuoExact(1_234_560_000, 1_032_500_000_000, 1e12); !ok || v != 1_274_683_200 {
		t.Errorf("1,234.56 × 103.25 %% = %d %v, want 1274683200", v, ok)
	}
	if _, ok := MulQuoExact(1_234_560_000, 1_032_555_000_000, 1e12); ok {
		t.Error("1,234.56 × 103.2555 % has seven decimals, yet is exact")
	}
	if v, ok := MulQuoExact(math.MinInt64, 1, 1); !ok || v != math.MinInt64 {
		t.Errorf("MinInt64 × 1 ÷ 1 = %d %v", v, ok)
	}
	if _, ok := MulQuoExact(math.MinInt64, -1, 1); ok {
		t.Error("−MinInt64 fits an int64")
	}
}
