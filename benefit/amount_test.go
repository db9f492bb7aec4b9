package benefit_test

import (
	"encoding/json"
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

func TestParseAmountAccepts(t *testing.T) {
	tests := []struct{ in, want string }{
		{"123", "123.00"},
		{"123.45", "123.45"},
		{"-5.00", "-5.00"},
		{"0", "0.00"},
		{"-0", "0.00"},
		{"007", "7.00"},
		{"1.5", "1.50"},
		{"0.125", "0.125"},                        // more than two decimals are kept, not rounded
		{"2.500000", "2.50"},                      // trailing zeros beyond the fen are not shown
		{"0.000001", "0.000001"},                  // MaxAmountScale decimals
		{"999999999999999", "999999999999999.00"}, // MaxAmountIntDigits digits
	}
	for _, tt := range tests {
		a, err := benefit.ParseAmount(tt.in)
		noError(t, err, tt.in)
		equal(t, tt.want, a.String(), tt.in)
	}
}

func TestParseAmountRejects(t *testing.T) {
	tests := []struct {
		in   string
		want error
	}{
		{"", benefit.ErrSyntax},
		{"1e999999999", benefit.ErrSyntax},
		{"1E3", benefit.ErrSyntax},
		{"1,000", benefit.ErrSyntax},
		{"+1", benefit.ErrSyntax},
		{" 1", benefit.ErrSyntax},
		{"1 ", benefit.ErrSyntax},
		{"NaN", benefit.ErrSyntax},
		{"Inf", benefit.ErrSyntax},
		{"-", benefit.ErrSyntax},
		{"1.", benefit.ErrSyntax},
		{".5", benefit.ErrSyntax},
		{"-.5", benefit.ErrSyntax},
		{"1.2.3", benefit.ErrSyntax},
		{"--1", benefit.ErrSyntax},
		{"0x10", benefit.ErrSyntax},
		{"１２", benefit.ErrSyntax}, // full-width digits
		{"1_000", benefit.ErrSyntax},
		{"1.0000001", benefit.ErrRange},        // 7 decimals > MaxAmountScale
		{"1000000000000000", benefit.ErrRange}, // 16 digits > MaxAmountIntDigits
		{strings.Repeat("9", 10_000), benefit.ErrRange},
	}
	for _, tt := range tests {
		_, err := benefit.ParseAmount(tt.in)
		errorIs(t, err, tt.want, "%.20q", tt.in)
		var pe *benefit.ParseError
		if isTrue(t, errors.As(err, &pe), "%.20q: want *ParseError, got %T", tt.in, err); pe != nil {
			equal(t, "amount", pe.Type)
			isTrue(t, len(pe.Input) <= 40+len("…"), "ParseError.Input is cut: %d bytes", len(pe.Input))
		}
	}
}

// Hostile inputs must be rejected at once, before any decimal arithmetic
// can run in proportion to an exponent or a length. This is checked by
// the work done, not by a clock (speed belongs in benchmarks): rejecting
// a 10,000-digit string or 1e999999999 costs a handful of small
// allocations, where parsing it would build a 10,000-digit big.Int.
func TestParseAmountHostileIsRejectedAtOnce(t *testing.T) {
	hostile := []string{
		"1e999999999",
		"1e-999999999",
		strings.Repeat("1", 10_000),
		"0." + strings.Repeat("1", 10_000),
		strings.Repeat("1", 10_000) + "e5",
	}
	for _, s := range hostile {
		var err error
		allocs := testing.AllocsPerRun(100, func() { _, err = benefit.ParseAmount(s) })
		if err == nil {
			t.Fatalf("%.20q accepted", s)
		}
		if allocs > 8 {
			t.Errorf("%.20q: %.0f allocations to reject it", s, allocs)
		}
		var ms0, ms1 runtime.MemStats
		runtime.ReadMemStats(&ms0)
		for range 100 {
			_, _ = benefit.ParseAmount(s)
		}
		runtime.ReadMemStats(&ms1)
		if per := (ms1.TotalAlloc - ms0.TotalAlloc) / 100; per > 1024 {
			t.Errorf("%.20q: %d bytes allocated to reject it", s, per)
		}
	}
}

func TestMustParseAmountPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustParseAmount(\"1e3\") did not panic")
		}
	}()
	benefit.MustParseAmount("1e3")
}

func TestAmountConstructors(t *testing.T) {
	equal(t, "88150.00", benefit.Yuan(88150).String())
	equal(t, "7345.83", benefit.FromFen(734583).String())
	equal(t, "-0.01", benefit.FromFen(-1).String())
	var zero benefit.Amount
	equal(t, "0.00", zero.String())
	isTrue(t, zero.IsZero())
	equal(t, 0, zero.Sign())
	isTrue(t, zero.Equal(benefit.Yuan(0)))
	// The zero value is the start of a sum.
	equal(t, "12.34", zero.Add(benefit.MustParseAmount("12.34")).String())
}

// == compares representations, Equal compares values (go-notes P8).
// An amount of at most six decimals has one representation, so there ==
// agrees with Equal; beyond it (seven decimals: 1.5 × 0.001 × 0.001 =
// 0.0000015) it does not.
func TestAmountEqualNotDoubleEquals(t *testing.T) {
	a := benefit.MustParseAmount("1.5")
	b := benefit.MustParseAmount("1.50")
	isTrue(t, a.Equal(b), "1.5 Equal 1.50")
	isTrue(t, a == b, "1.5 == 1.50")
	isTrue(t, benefit.Yuan(0) == benefit.Amount{}, "0 == the zero Amount")
	milli := benefit.MustParseRate("0.001")
	p, q := a.MulRate(milli).MulRate(milli), b.MulRate(milli).MulRate(milli)
	equal(t, "0.0000015", p.String())
	isTrue(t, p.Equal(q), "equal products")
	isFalse(t, p == q, "products with seven decimals are held as decimals, == compares pointers")
	equal(t, 0, a.Cmp(b))
	equal(t, a.String(), b.String())
	equal(t, a, b) // go-cmp uses Equal
	isTrue(t, benefit.Yuan(123).Equal(benefit.FromFen(12300)))
	isFalse(t, a.Equal(benefit.MustParseAmount("1.51")))
}

func TestAmountArithmetic(t *testing.T) {
	p := benefit.MustParseAmount
	// Example B (policy-reference §11): 20 yuan × 10,000 persons × 6 months.
	equal(t, "1200000.00", benefit.Yuan(123).Sub(benefit.Yuan(103)).Mul(10_000).Mul(6).String())
	equal(t, "0.30", p("0.1").Add(p("0.2")).String()) // exact, unlike float64
	equal(t, "-0.10", p("0.1").Sub(p("0.2")).String())
	equal(t, "-2.50", benefit.Amount{}.Sub(p("2.5")).String()) // negation: from the zero value
	// 1 % × 5,000.00 = 50.00 (policy-reference §11 Example A).
	equal(t, "50.00", p("5000.00").MulRate(benefit.Percent(1)).String())
	// MulRate does not round: 7,345.83 × 3.8 % = 279.14154.
	equal(t, "279.14154", p("7345.83").MulRate(benefit.MustParseRate("3.8%")).String())
	equal(t, 1, p("2").Cmp(p("1.99")))
	equal(t, -1, p("-2").Cmp(p("1.99")))
	equal(t, "2.00", benefit.MaxAmount(p("1"), p("2")).String())
	equal(t, "1.00", benefit.MinAmount(p("1"), p("2")).String())
	equal(t, -1, p("1").Cmp(p("2")))
}

func TestAmountQuoInt(t *testing.T) {
	p := benefit.MustParseAmount
	tests := []struct {
		a    string
		n    int64
		r    benefit.Rounding
		want string
	}{
		// 88,150 / 12 = 7,345.8333… (policy-reference §11 Example E)
		{"88150", 12, benefit.FenHalfUp(), "7345.83"},
		// 85,370 / 12 = 7,114.1666… → 7,114.17
		{"85370", 12, benefit.FenHalfUp(), "7114.17"},
		// 82,570 / 12 = 6,880.8333… → 6,880.83
		{"82570", 12, benefit.FenHalfUp(), "6880.83"},
		// 27,980 / 12 = 2,331.6666… → 2,331.67
		{"27980", 12, benefit.FenHalfUp(), "2331.67"},
		// 0.25 / 2 = 0.125, an exact tie: half-up 0.13, half-even 0.12
		{"0.25", 2, benefit.FenHalfUp(), "0.13"},
		{"0.25", 2, benefit.Rounding{Unit: benefit.Fen, Mode: benefit.HalfEven}, "0.12"},
		// 0.2501 / 2 = 0.12505, just above the tie: 0.13 in both
		{"0.2501", 2, benefit.Rounding{Unit: benefit.Fen, Mode: benefit.HalfEven}, "0.13"},
		// 1 / 3 = 0.333…: up 0.34, down 0.33
		{"1", 3, benefit.Rounding{Unit: benefit.Fen, Mode: benefit.Up}, "0.34"},
		{"1", 3, benefit.Rounding{Unit: benefit.Fen, Mode: benefit.Down}, "0.33"},
		// -1 / 3 = -0.333…: up (away from zero) -0.34, down -0.33
		{"-1", 3, benefit.Rounding{Unit: benefit.Fen, Mode: benefit.Up}, "-0.34"},
		{"1", -3, benefit.Rounding{Unit: benefit.Fen, Mode: benefit.Down}, "-0.33"},
		// 100.000003 / 3 = 33.3333343333…: Up gives 33.34
		{"100.000003", 3, benefit.Rounding{Unit: benefit.Fen, Mode: benefit.Up}, "33.34"},
		// 2.00001 / 2 = 1.000005 → half-even at the fen is 1.00 (not a tie)
		{"2.00001", 2, benefit.Rounding{Unit: benefit.Fen, Mode: benefit.HalfEven}, "1.00"},
		// 0.019999 / 2 = 0.0099995: down to the fen is 0.00, up is 0.01
		{"0.019999", 2, benefit.Rounding{Unit: benefit.Fen, Mode: benefit.Down}, "0.00"},
		{"0.019999", 2, benefit.Rounding{Unit: benefit.Fen, Mode: benefit.Up}, "0.01"},
		// 88,149.999984 / -80 = -1,101.8749998: just short of the tie
		// -1,101.875, so half-even (and half-up) give -1,101.87 (FuzzQuoInt)
		{"88149.999984", -80, benefit.Rounding{Unit: benefit.Fen, Mode: benefit.HalfEven}, "-1101.87"},
		{"88149.999984", -80, benefit.FenHalfUp(), "-1101.87"},
		// 0.010001 / 2 = 0.0050005, above the tie 0.005 → 0.01 even with half-even
		{"0.010001", 2, benefit.Rounding{Unit: benefit.Fen, Mode: benefit.HalfEven}, "0.01"},
	}
	for _, tt := range tests {
		got, err := p(tt.a).QuoInt(tt.n, tt.r)
		noError(t, err)
		equal(t, tt.want, got.String(), "%s / %d %s", tt.a, tt.n, tt.r)
	}
	_, err := p("1").QuoInt(0, benefit.FenHalfUp())
	errorIs(t, err, benefit.ErrDivideByZero)
}

func TestAmountRatio(t *testing.T) {
	p := benefit.MustParseAmount
	// 1,616 / 2,020 = 0.8 exactly (the Kaifeng-style 80 % rule, Example C)
	r, err := p("1616").Ratio(p("2020"), 4, benefit.HalfUp)
	noError(t, err)
	equal(t, "80%", r.String())
	// 2 / 3 = 0.6666… → 0.6667 at four places
	r, err = p("2").Ratio(p("3"), 4, benefit.HalfUp)
	noError(t, err)
	equal(t, "0.6667", r.PlainString())
	// 1 / 8 = 0.125 → 0.12 half-even, 0.13 half-up at two places
	r, _ = p("1").Ratio(p("8"), 2, benefit.HalfEven)
	equal(t, "0.12", r.PlainString())
	r, _ = p("1").Ratio(p("8"), 2, benefit.HalfUp)
	equal(t, "0.13", r.PlainString())
	_, err = p("1").Ratio(benefit.Amount{}, 4, benefit.HalfUp)
	errorIs(t, err, benefit.ErrDivideByZero)
}

func TestAmountFen(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"7345.83", 734583, true},
		{"88150", 8815000, true},
		{"-0.01", -1, true},
		{"0.125", 0, false},
		{"0", 0, true},
		{"1.500000", 150, true},  // scale 6, a whole number of fen
		{"1.500001", 0, false},   // a millionth of a yuan left over
		{"-12.340", -1234, true}, // scale 3
		{"92233720368547.58", 9223372036854758, true},
	}
	for _, tt := range tests {
		got, ok := benefit.MustParseAmount(tt.in).Fen()
		equal(t, tt.ok, ok, tt.in)
		equal(t, tt.want, got, tt.in)
	}
	// 10 yuan rounding leaves a positive exponent internally; Fen still works.
	f, ok := benefit.MustParseAmount("88154").Round(benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.HalfUp}).Fen()
	equal(t, true, ok)
	equal(t, int64(8815000), f)
	// Beyond int64: 999,999,999,999,999 × 100,000 yuan.
	_, ok = benefit.MustParseAmount("999999999999999").Mul(100_000).Fen()
	isFalse(t, ok)
	// The int64 limit in fen is 92,233,720,368,547,758.07 yuan
	// (MaxInt64 = 9,223,372,036,854,775,807 fen), built here as
	// 9,223,372,036,854.775807 × 10,000; one millionth more does not fit.
	f, ok = benefit.MustParseAmount("9223372036854.775807").Mul(10_000).Fen()
	equal(t, true, ok)
	equal(t, int64(9223372036854775807), f)
	_, ok = benefit.MustParseAmount("9223372036854.775808").Mul(10_000).Fen()
	isFalse(t, ok)
	// Whole yuan scaled up by 10^2 must overflow cleanly, not wrap.
	_, ok = benefit.MustParseAmount("999999999999999").Mul(1_000_000).Fen()
	isFalse(t, ok)
}

func TestAmountFenDoesNotAllocate(t *testing.T) {
	a := benefit.MustParseAmount("7345.83")
	b := benefit.MustParseAmount("88150")
	if n := testing.AllocsPerRun(100, func() { a.Fen(); b.Fen() }); n != 0 {
		t.Errorf("Fen allocates %.0f times per call pair, want 0", n)
	}
}

type withAmount struct {
	A benefit.Amount `json:"a"`
}

func TestAmountJSON(t *testing.T) {
	// Marshals as a string with the fen kept: "5.00", not "5" or 5.
	b, err := json.Marshal(withAmount{benefit.Yuan(5)})
	noError(t, err)
	equal(t, `{"a":"5.00"}`, string(b))
	b, _ = json.Marshal(benefit.MustParseAmount("2.50"))
	equal(t, `"2.50"`, string(b))
	b, _ = json.Marshal(benefit.MustParseAmount("-0.125"))
	equal(t, `"-0.125"`, string(b))

	accept := map[string]string{
		`{"a":"123.45"}`:    "123.45",
		`{"a":123.45}`:      "123.45",
		`{"a":5}`:           "5.00",
		`{"a":"-5.00"}`:     "-5.00",
		`{"a":1234.565000}`: "1234.565",
	}
	for in, want := range accept {
		var v withAmount
		noError(t, json.Unmarshal([]byte(in), &v), in)
		equal(t, want, v.A.String(), in)
	}
	reject := []string{
		`{"a":1e3}`,
		`{"a":1.5E2}`,
		`{"a":"1e3"}`,
		`{"a":null}`,
		`{"a":"1,000"}`,
		`{"a":""}`,
		`{"a":true}`,
		`{"a":"NaN"}`,
		`{"a":{}}`,
		`{"a":[1]}`,
		`{"a":1.0000001}`,
	}
	for _, in := range reject {
		v := withAmount{benefit.Yuan(7)}
		isError(t, json.Unmarshal([]byte(in), &v), in)
	}
	// null is an error, and does not silently keep the old value as
	// shopspring's decoder does (go-notes P5).
	v := withAmount{benefit.Yuan(7)}
	err = json.Unmarshal([]byte(`{"a":null}`), &v)
	errorIs(t, err, benefit.ErrSyntax)
	// A pointer field says "absent" with null.
	var pv struct {
		A *benefit.Amount `json:"a"`
	}
	noError(t, json.Unmarshal([]byte(`{"a":null}`), &pv))
	isTrue(t, pv.A == nil)
}

// The library's String, JSON and text never depend on shopspring's
// package variables (MarshalJSONWithoutQuotes, TrimTrailingZeros): they
// are built from StringFixed. The tests do not set those variables (that
// would be process-wide mutable state); they pin outputs that the
// defaults would get wrong: shopspring's own String of 5.00 is "5" and
// its JSON is "5" (go-notes P5).
func TestAmountEncodingIndependentOfDecimalGlobals(t *testing.T) {
	a := benefit.MustParseAmount("5.00")
	equal(t, "5.00", a.String())
	txt, err := a.MarshalText()
	noError(t, err)
	equal(t, "5.00", string(txt))
	j, _ := json.Marshal(a)
	equal(t, `"5.00"`, string(j))
	// Large values never switch to exponent notation.
	equal(t, "100000000000000000000.00", benefit.Yuan(100_000).Mul(1_000_000_000_000_000).String())
}

func TestAmountText(t *testing.T) {
	var a benefit.Amount
	noError(t, a.UnmarshalText([]byte("7345.87")))
	equal(t, "7345.87", a.String())
	err := a.UnmarshalText([]byte("7,345.87"))
	errorIs(t, err, benefit.ErrSyntax)
	equal(t, "7345.87", a.String(), "a failed UnmarshalText leaves the value unchanged")
}

func TestParseErrorMessage(t *testing.T) {
	_, err := benefit.ParseAmount("1,000")
	equal(t, `benefit: invalid amount "1,000": thousands separators are not accepted`, err.Error())
	_, err = benefit.ParseAmount("1e5")
	isTrue(t, strings.Contains(err.Error(), "exponent"), err.Error())
}

// A full-width digit (as typed with a Chinese input method) is named as
// the character it is, not as its first byte.
func TestParseAmountNamesWideCharacter(t *testing.T) {
	_, err := benefit.ParseAmount("１２３")
	if err == nil || !strings.Contains(err.Error(), `'１'`) {
		t.Errorf("got %v, want the character '１' named", err)
	}
}
