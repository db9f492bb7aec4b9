package benefit_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/benefitstd/benefitstd/benefit"
)

// The differential test of Amount's and Rate's fixed-point form: every
// operation is run on the library's values and, beside it, as the plain
// shopspring/decimal formula it stands for (the package's arithmetic
// before it had a fixed-point form), on random values, exact ties,
// negative values, values at and just beyond the int64 range of
// micro-yuan, and products with long decimals. The printed results must
// be identical, byte for byte: the value and how many decimals String
// gives.
//
// The reference is written with the decimal package directly, parses
// with its own decoder (NewFromString under the default settings of
// this test binary) and shares no code with the library.

// refFixed is the library's documented print form: at least min
// decimals, no trailing zeros beyond them.
func refFixed(d decimal.Decimal, min int32) string {
	if -d.Exponent() <= min {
		return d.StringFixed(min)
	}
	n := d.Normalize()
	if -n.Exponent() <= min {
		return d.StringFixed(min)
	}
	return n.StringFixed(-n.Exponent())
}

func refAmountString(d decimal.Decimal) string { return refFixed(d, 2) }
func refRateString(d decimal.Decimal) string   { return refFixed(d.Shift(2), 0) + "%" }

// refRound rounds d to places by mode, an unknown mode half-up.
func refRound(d decimal.Decimal, places int32, m benefit.Mode) decimal.Decimal {
	switch m {
	case benefit.HalfEven:
		return d.RoundBank(places)
	case benefit.Up:
		return d.RoundUp(places)
	case benefit.Down:
		return d.RoundDown(places)
	}
	return d.Round(places)
}

// refPlaces is a unit's decimal places, an unknown unit the fen's.
func refPlaces(u benefit.Unit) int32 {
	switch u {
	case benefit.Jiao:
		return 1
	case benefit.YuanUnit:
		return 0
	case benefit.TenYuan:
		return -1
	}
	return 2
}

// refQuo is a ÷ b rounded to places by m: the quotient to places+3
// decimals, made odd when inexact (round to odd), then rounded once.
func refQuo(a, b decimal.Decimal, places int32, m benefit.Mode) decimal.Decimal {
	p := places + 3
	q, r := a.QuoRem(b, p)
	if r.Sign() != 0 && q.Shift(p).BigInt().Bit(0) == 0 {
		ulp := decimal.New(1, -p)
		if a.Sign()*b.Sign() < 0 {
			q = q.Sub(ulp)
		} else {
			q = q.Add(ulp)
		}
	}
	return refRound(q, places, m)
}

// refFen is d in whole fen within an int64, as text, or "-" if it is not.
func refFen(d decimal.Decimal) string {
	f := d.Shift(2)
	if !f.IsInteger() || !f.BigInt().IsInt64() {
		return "-"
	}
	return f.BigInt().String()
}

// A pair is an Amount and the decimal it should hold.
type pair struct {
	a   benefit.Amount
	ref decimal.Decimal
	how string
}

// A ratePair is a Rate and the decimal ratio it should hold.
type ratePair struct {
	r   benefit.Rate
	ref decimal.Decimal
	how string
}

// microText writes v micro-yuan as a plain decimal with 6 decimals.
func microText(v int64) string {
	neg := v < 0
	u := uint64(v)
	if neg {
		u = -u
	}
	s := fmt.Sprintf("%07d", u)
	s = s[:len(s)-6] + "." + s[len(s)-6:]
	if neg {
		s = "-" + s
	}
	return s
}

type diffGen struct{ rng *rand.Rand }

// edge values of micro-yuan: the int64 limits and next to them
var edgeMicro = []string{
	"9223372036854.775807", "9223372036854.775808", "9223372036854.775806",
	"-9223372036854.775808", "-9223372036854.775809", "-9223372036854.775807",
	"999999999999999.999999", "-999999999999999.999999", "922337203685.4775807",
	"0.000001", "-0.000001", "0.000005", "-0.000005", "0.005", "-0.005", "0.5", "-0.5",
	"0", "-0", "1.000000", "92233720368547.75807",
}

func (g diffGen) int64() int64 {
	switch g.rng.IntN(6) {
	case 0:
		return g.rng.Int64N(2_000_001) - 1_000_000
	case 1:
		if g.rng.IntN(2) == 0 {
			return math.MaxInt64 - g.rng.Int64N(3)
		}
		return math.MinInt64 + g.rng.Int64N(3)
	case 2:
		return int64(g.rng.Uint64() >> g.rng.UintN(64))
	case 3:
		return -int64(g.rng.Uint64() >> (1 + g.rng.UintN(63)))
	case 4: // a tie at a half of every unit
		return (2*g.rng.Int64N(2001) - 2001) * 5 * [...]int64{1, 10, 100, 1000, 10000, 100000, 1000000}[g.rng.IntN(7)]
	}
	return g.rng.Int64N(10_000_000_000) - 5_000_000_000
}

// text writes a random plain decimal with up to maxInt integer and
// maxScale decimal digits.
func (g diffGen) text(maxInt, maxScale int) string {
	var b strings.Builder
	if g.rng.IntN(3) == 0 {
		b.WriteByte('-')
	}
	ni := 1 + g.rng.IntN(maxInt)
	for i := range ni {
		d := g.rng.IntN(10)
		if i == 0 && ni > 1 && g.rng.IntN(4) != 0 {
			d = 1 + g.rng.IntN(9)
		}
		b.WriteByte(byte('0' + d))
	}
	if ns := g.rng.IntN(maxScale + 1); ns > 0 {
		b.WriteByte('.')
		for range ns {
			b.WriteByte(byte('0' + g.rng.IntN(10)))
		}
	}
	return b.String()
}

func (g diffGen) amount(t testing.TB, depth int) pair {
	switch k := g.rng.IntN(9); {
	case k == 0:
		s := g.text(benefit.MaxAmountIntDigits, benefit.MaxAmountScale)
		return pair{benefit.MustParseAmount(s), decimal.RequireFromString(s), "parse " + s}
	case k == 1:
		s := edgeMicro[g.rng.IntN(len(edgeMicro))]
		if a, err := benefit.ParseAmount(s); err == nil {
			return pair{a, decimal.RequireFromString(s), "parse " + s}
		}
		return pair{made(s), decimal.RequireFromString(s), "made " + s}
	case k == 2:
		n := g.int64()
		return pair{benefit.FromFen(n), decimal.New(n, -2), "fen " + strconv.FormatInt(n, 10)}
	case k == 3:
		n := g.int64()
		return pair{benefit.Yuan(n), decimal.New(n, 0), "yuan " + strconv.FormatInt(n, 10)}
	case k == 4:
		s := microText(g.int64() / [...]int64{1, 1, 10, 1000, 1_000_000}[g.rng.IntN(5)])
		if a, err := benefit.ParseAmount(s); err == nil {
			return pair{a, decimal.RequireFromString(s), "parse " + s}
		}
	case depth > 0 && k == 5:
		x, r := g.amount(t, depth-1), g.rate(depth-1)
		return pair{x.a.MulRate(r.r), x.ref.Mul(r.ref), "(" + x.how + ")×(" + r.how + ")"}
	case depth > 0 && k == 6:
		x, y := g.amount(t, depth-1), g.amount(t, depth-1)
		return pair{x.a.Add(y.a), x.ref.Add(y.ref), "(" + x.how + ")+(" + y.how + ")"}
	case depth > 0 && k == 7:
		x, n := g.amount(t, depth-1), g.int64()
		return pair{x.a.Mul(n), x.ref.Mul(decimal.New(n, 0)), "(" + x.how + ")×" + strconv.FormatInt(n, 10)}
	}
	v := g.rng.Int64N(1_000_000_000_000) - 500_000_000_000
	return pair{benefit.FromFen(v / 10_000).Add(benefit.MustParseAmount(microText(v % 10_000))), decimal.New(v, -6), "micro " + strconv.FormatInt(v, 10)}
}

func (g diffGen) rate(depth int) ratePair {
	switch k := g.rng.IntN(7); {
	case k == 0:
		s := g.text(benefit.MaxRateIntDigits, benefit.MaxRateScale)
		return ratePair{benefit.MustParseRate(s), decimal.RequireFromString(s), "rate " + s}
	case k == 1:
		s := g.text(benefit.MaxRateIntDigits+2, benefit.MaxRateScale)
		return ratePair{benefit.MustParseRate(s + "%"), decimal.RequireFromString(s).Shift(-2), "rate " + s + "%"}
	case k == 2:
		s := []string{"0.5", "0.05", "0.005", "0.25", "0.125", "1", "0", "-0.5", "0.1", "1.0325", "1.1", "0.0000000001", "999999.9999999999"}[g.rng.IntN(13)]
		return ratePair{benefit.MustParseRate(s), decimal.RequireFromString(s), "rate " + s}
	case k == 3:
		n := g.int64()
		return ratePair{benefit.Percent(n), decimal.New(n, -2), "percent " + strconv.FormatInt(n, 10)}
	case depth > 0 && k == 4:
		x, y := g.rate(depth-1), g.rate(depth-1)
		return ratePair{x.r.Mul(y.r), x.ref.Mul(y.ref), "(" + x.how + ")×(" + y.how + ")"}
	case depth > 0 && k == 5:
		x, y := g.rate(depth-1), g.rate(depth-1)
		return ratePair{x.r.Add(y.r), x.ref.Add(y.ref), "(" + x.how + ")+(" + y.how + ")"}
	}
	return ratePair{benefit.Percent(100), decimal.New(1, 0), "one"}
}

var (
	diffUnits = []benefit.Unit{benefit.Fen, benefit.Jiao, benefit.YuanUnit, benefit.TenYuan, benefit.Unit(9)}
	diffModes = []benefit.Mode{benefit.HalfUp, benefit.HalfEven, benefit.Up, benefit.Down, benefit.Mode(4)}
)

// fitsMicro reports whether d is a whole number of micro-yuan within an
// int64: the fixed-point form, where == must agree with Equal.
func fitsMicro(d decimal.Decimal) bool {
	m := d.Shift(6)
	return m.IsInteger() && m.BigInt().IsInt64()
}

// checkAmount compares everything observable of one amount with its
// reference.
func checkAmount(t testing.TB, p pair) {
	t.Helper()
	want := refAmountString(p.ref)
	if got := p.a.String(); got != want {
		t.Fatalf("%s: String %q, decimal %q", p.how, got, want)
	}
	if j, _ := json.Marshal(p.a); string(j) != strconv.Quote(want) {
		t.Fatalf("%s: JSON %s, decimal %q", p.how, j, want)
	}
	if b, _ := p.a.MarshalText(); string(b) != want {
		t.Fatalf("%s: text %s, decimal %q", p.how, b, want)
	}
	f, ok := p.a.Fen()
	got := "-"
	if ok {
		got = strconv.FormatInt(f, 10)
	}
	if w := refFen(p.ref); got != w {
		t.Fatalf("%s: Fen %s, decimal %s", p.how, got, w)
	}
	if p.a.Sign() != p.ref.Sign() || p.a.IsZero() != p.ref.IsZero() {
		t.Fatalf("%s: Sign %d IsZero %v, decimal %s", p.how, p.a.Sign(), p.a.IsZero(), want)
	}
}

func checkRate(t testing.TB, p ratePair) {
	t.Helper()
	if got, want := p.r.String(), refRateString(p.ref); got != want {
		t.Fatalf("%s: String %q, decimal %q", p.how, got, want)
	}
	if got, want := p.r.PlainString(), refFixed(p.ref, 0); got != want {
		t.Fatalf("%s: Ratio %q, decimal %q", p.how, got, want)
	}
	if j, _ := json.Marshal(p.r); string(j) != strconv.Quote(refRateString(p.ref)) {
		t.Fatalf("%s: JSON %s", p.how, j)
	}
	num, scale := p.r.Fraction()
	if scale < 0 || new(big.Rat).SetFrac(num, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)), nil)).Cmp(p.ref.Rat()) != 0 {
		t.Fatalf("%s: Fraction %s ÷ 10^%d, decimal %s", p.how, num, scale, refFixed(p.ref, 0))
	}
	if p.r.Sign() != p.ref.Sign() || p.r.IsZero() != p.ref.IsZero() {
		t.Fatalf("%s: Sign %d", p.how, p.r.Sign())
	}
}

// checkOps runs every operation on x, y, r, n and the roundings, and
// compares each result with the decimal formula.
func checkOps(t testing.TB, x, y pair, r, s ratePair, n int64, ratioScale int32) {
	t.Helper()
	checkAmount(t, x)
	checkRate(t, r)
	if g, w := x.a.Cmp(y.a), x.ref.Cmp(y.ref); g != w {
		t.Fatalf("Cmp(%s, %s) = %d, decimal %d", x.how, y.how, g, w)
	}
	if g, w := x.a.Equal(y.a), x.ref.Equal(y.ref); g != w {
		t.Fatalf("Equal(%s, %s) = %v, decimal %v", x.how, y.how, g, w)
	}
	if x.ref.Equal(y.ref) && fitsMicro(x.ref) && x.a != y.a {
		t.Fatalf("%s and %s are equal micro-yuan but not ==", x.how, y.how)
	}
	if g, w := r.r.Cmp(s.r), r.ref.Cmp(s.ref); g != w || r.r.Equal(s.r) != (w == 0) {
		t.Fatalf("Cmp(%s, %s) = %d, decimal %d", r.how, s.how, g, w)
	}
	if r.ref.Equal(s.ref) && r.r != s.r && r.ref.Shift(12).IsInteger() && r.ref.Shift(12).BigInt().IsInt64() {
		t.Fatalf("%s and %s are equal but not ==", r.how, s.how)
	}
	amounts := []pair{
		{x.a.Add(y.a), x.ref.Add(y.ref), "+"},
		{x.a.Sub(y.a), x.ref.Sub(y.ref), "-"},
		{benefit.Amount{}.Sub(x.a), x.ref.Neg(), "neg"},
		{x.a.Mul(n), x.ref.Mul(decimal.New(n, 0)), "× n"},
		{x.a.MulRate(r.r), x.ref.Mul(r.ref), "× r"},
		{benefit.MaxAmount(x.a, y.a), decimal.Max(x.ref, y.ref), "max"},
		{benefit.MinAmount(x.a, y.a), decimal.Min(x.ref, y.ref), "min"},
	}
	prod := pair{x.a.MulRate(r.r), x.ref.Mul(r.ref), "× r"}
	for _, u := range diffUnits {
		for _, m := range diffModes {
			rd := benefit.Rounding{Unit: u, Mode: m}
			amounts = append(amounts,
				pair{x.a.Round(rd), refRound(x.ref, refPlaces(u), m), "round " + rd.String()},
				pair{prod.a.Round(rd), refRound(prod.ref, refPlaces(u), m), "× r round " + rd.String()},
			)
			if n != 0 {
				q, err := x.a.QuoInt(n, rd)
				if err != nil {
					t.Fatal(err)
				}
				amounts = append(amounts, pair{q, refQuo(x.ref, decimal.New(n, 0), refPlaces(u), m), "÷ n " + rd.String()})
			}
		}
	}
	for _, p := range amounts {
		p.how += " [" + x.how + "; " + y.how + "; " + r.how + "; n=" + strconv.FormatInt(n, 10) + "]"
		checkAmount(t, p)
	}
	if y.ref.Sign() != 0 {
		for _, m := range diffModes {
			q, err := x.a.Ratio(y.a, ratioScale, m)
			if err != nil {
				t.Fatal(err)
			}
			checkRate(t, ratePair{q, refQuo(x.ref, y.ref, ratioScale, m), fmt.Sprintf("ratio %d %s [%s; %s]", ratioScale, m, x.how, y.how)})
		}
	} else if _, err := x.a.Ratio(y.a, ratioScale, benefit.HalfUp); err == nil {
		t.Fatalf("%s ÷ 0 gave no error", x.how)
	}
	rates := []ratePair{
		{r.r.Add(s.r), r.ref.Add(s.ref), "+"},
		{r.r.Sub(s.r), r.ref.Sub(s.ref), "-"},
		{r.r.Mul(s.r), r.ref.Mul(s.ref), "×"},
		{r.r.MulInt(n), r.ref.Mul(decimal.New(n, 0)), "× n"},
		{benefit.Rate{}.Sub(r.r), r.ref.Neg(), "neg"},
	}
	for _, places := range []int32{ratioScale, 0, 2, 4, 12, 13, -1, -7} {
		for _, m := range diffModes {
			rates = append(rates, ratePair{r.r.Round(places, m), refRound(r.ref, places, m), fmt.Sprintf("round %d %s", places, m)})
		}
	}
	for _, p := range rates {
		p.how += " [" + r.how + "; " + s.how + "; n=" + strconv.FormatInt(n, 10) + "]"
		checkRate(t, p)
	}
}

func TestFixedPointMatchesDecimal(t *testing.T) {
	g := diffGen{rand.New(rand.NewPCG(11, 2026))}
	n := 1000
	if testing.Short() {
		n = 300
	}
	for range n {
		x, y := g.amount(t, 2), g.amount(t, 2)
		if g.rng.IntN(8) == 0 {
			y = x // equal values, often built the same way
		}
		r, s := g.rate(2), g.rate(2)
		k := g.int64()
		if g.rng.IntN(2) == 0 {
			k = g.rng.Int64N(2001) - 1000
		}
		checkOps(t, x, y, r, s, k, int32(g.rng.IntN(17)-2))
	}
}

// made builds the amount s by arithmetic, whatever the grammar allows:
// its whole part, its first six decimals, and further decimals as a
// product with 10^-6.
func made(s string) benefit.Amount {
	whole, frac, _ := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	a := benefit.MustParseAmount(whole)
	if frac != "" {
		head, tail := frac, ""
		if len(frac) > 6 {
			head, tail = frac[:6], frac[6:]
		}
		a = a.Add(benefit.MustParseAmount("0." + head))
		if tail != "" {
			a = a.Add(benefit.MustParseAmount("0." + tail).MulRate(benefit.MustParseRate("0.000001")))
		}
	}
	if strings.HasPrefix(s, "-") {
		a = benefit.Amount{}.Sub(a)
	}
	return a
}

// Every value at the edge of the fixed-point form, parsed and made by
// arithmetic, against every other.
func TestFixedPointEdges(t *testing.T) {
	var ps []pair
	for _, s := range edgeMicro {
		d := decimal.RequireFromString(s)
		if a, err := benefit.ParseAmount(s); err == nil {
			ps = append(ps, pair{a, d, s})
		}
		ps = append(ps, pair{made(s), d, "made " + s})
	}
	rates := []ratePair{
		{benefit.MustParseRate("1.1"), decimal.RequireFromString("1.1"), "1.1"},
		{benefit.MustParseRate("0.0000001"), decimal.RequireFromString("0.0000001"), "1e-7"},
		{benefit.Percent(math.MaxInt64), decimal.New(math.MaxInt64, -2), "max %"},
		{benefit.MustParseRate("99999999.9999999999%").Mul(benefit.MustParseRate("999999.9999999999")), decimal.RequireFromString("999999.999999999999").Mul(decimal.RequireFromString("999999.9999999999")), "max²"},
	}
	counts := []int64{0, 1, -1, 2, 10, math.MaxInt64, math.MinInt64}
	k := 0
	for _, x := range ps {
		for _, y := range ps {
			k++
			checkOps(t, x, y, rates[k%len(rates)], rates[(k/len(rates))%len(rates)], counts[k%len(counts)], int32(k%15))
		}
	}
}

// FuzzFixedPointMatchesDecimal: two amounts (micro-yuan, each possibly
// multiplied by a rate to get long decimals or by a count to leave the
// int64 range), a rate num ÷ 10^scale, a count and a ratio scale.
//
//	go test ./benefit -run '^$' -fuzz FuzzFixedPointMatchesDecimal -fuzztime 60s
func FuzzFixedPointMatchesDecimal(f *testing.F) {
	f.Add(int64(123456), uint8(0), int64(-5), uint8(1), int64(10325), uint8(4), int64(12), int8(4))
	f.Add(int64(math.MaxInt64), uint8(2), int64(math.MinInt64), uint8(3), int64(1), uint8(10), int64(-1), int8(0))
	f.Add(int64(250_000), uint8(0), int64(2_000_000), uint8(0), int64(5), uint8(1), int64(2), int8(2))
	f.Add(int64(-2_345_000), uint8(1), int64(7), uint8(0), int64(123456789), uint8(10), int64(3), int8(12))
	f.Fuzz(func(t *testing.T, am int64, ak uint8, bm int64, bk uint8, rn int64, rs uint8, n int64, scale int8) {
		sc := int(rs % 11)
		rn %= [...]int64{1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16}[sc] // at most 6 digits before the point
		rtext := decimalText(rn, sc)
		r := ratePair{benefit.MustParseRate(rtext), decimal.RequireFromString(rtext), "rate " + rtext}
		build := func(m int64, k uint8) pair {
			x := pair{benefit.FromFen(m / 10_000).Add(benefit.MustParseAmount(microText(m % 10_000))), decimal.New(m, -6), "micro " + strconv.FormatInt(m, 10)}
			switch k % 4 {
			case 1: // long decimals
				return pair{x.a.MulRate(r.r), x.ref.Mul(r.ref), x.how + " × " + rtext}
			case 2: // beyond the int64 range
				return pair{x.a.Mul(1000), x.ref.Mul(decimal.New(1000, 0)), x.how + " × 1000"}
			case 3:
				return pair{x.a.Mul(n), x.ref.Mul(decimal.New(n, 0)), x.how + " × n"}
			}
			return x
		}
		checkOps(t, build(am, ak), build(bm, bk), r, ratePair{r.r.Mul(r.r), r.ref.Mul(r.ref), "r²"}, n, int32(scale%16))
	})
}

// decimalText writes num ÷ 10^scale as a plain decimal.
func decimalText(num int64, scale int) string {
	neg := num < 0
	u := uint64(num)
	if neg {
		u = -u
	}
	s := fmt.Sprintf("%0*d", scale+1, u)
	if scale > 0 {
		s = s[:len(s)-scale] + "." + s[len(s)-scale:]
	}
	if neg {
		s = "-" + s
	}
	return s
}
