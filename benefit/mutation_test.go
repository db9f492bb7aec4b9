package benefit_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// Boundaries found by mutation testing (gremlins; README "Testing",
// .ci/mutants.md). Each expected value is worked by hand in the comment.

// The largest whole number of units of 10^-12 an int64 holds is about
// 9.22 × 10^18, so a rate of 3,000,000 (3 × 10^18 units) is of the
// fixed-point form however it is made, and a value has one form: it is
// Equal to 300,000,000 % made directly. Rounding 2,999,997.0000000000001
// (which has 13 decimals, so is held as a decimal) to places −6, the
// nearest million, half up: the part below a million is 999,997.000…1 ≥
// 500,000, so it rounds up to 3,000,000, written 3 × 10^6: 3 × 10^(6+12)
// = 3 × 10^18 units, the edge of the fixed-point form's 18 digits.
func TestRateRoundedToAMillionIsFixedPoint(t *testing.T) {
	// 999,999 × 3 = 2,999,997; 10^-10 × 10^-3 = 10^-13
	tiny := benefit.MustParseRate("0.0000000001").Mul(benefit.MustParseRate("0.001"))
	r := benefit.MustParseRate("999999").MulInt(3).Add(tiny)
	got := r.Round(-6, benefit.HalfUp)
	want := benefit.Percent(300_000_000)
	if !got.Equal(want) || !want.Equal(got) || got.Cmp(want) != 0 {
		t.Errorf("%s rounded to a million = %s; want Equal to %s", r, got, want)
	}
	// one unit below the half rounds down: 2,499,999.99… → 2,000,000
	r = benefit.MustParseRate("999999").MulInt(2).Add(benefit.MustParseRate("500000")).Sub(tiny)
	if got, want := r.Round(-6, benefit.HalfUp), benefit.Percent(200_000_000); !got.Equal(want) {
		t.Errorf("%s rounded to a million = %s; want Equal to %s", r, got, want)
	}
}

// 2^63 = 9,223,372,036,854,775,808 is one more than the largest int64.
// Its digits as an amount of micro-yuan, 9,223,372,036,854.775808 yuan
// (13 digits before the point, 6 after: within the grammar), are read
// exactly, positive; one micro-yuan less is the largest int64, and the
// negative −2^63 micro-yuan is the smallest.
func TestParseAmountAtTwoToThe63(t *testing.T) {
	for _, s := range []string{
		"9223372036854.775808",  // 2^63 micro-yuan
		"9223372036854.775809",  // 2^63 + 1
		"9223372036854.775807",  // 2^63 − 1
		"-9223372036854.775808", // −2^63
		"-9223372036854.775809", // −2^63 − 1
	} {
		a, err := benefit.ParseAmount(s)
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		if got := a.String(); got != s {
			t.Errorf("ParseAmount(%s) = %s", s, got)
		}
		if want := 1 - 2*strings.Count(s, "-"); a.Sign() != want {
			t.Errorf("ParseAmount(%s).Sign() = %d; want %d", s, a.Sign(), want)
		}
	}
}

// The longest text an amount can be is 23 bytes: a minus, 15 digits, a
// point and 6 digits. The grammar's first cut rejects texts of more than
// 15 + 6 + 3 = 24 bytes as too long without reading them; a text of
// exactly 24 bytes is still read, so its fault is reported as it is: an
// unexpected character (ErrSyntax), not a range error.
func TestParseAmountLengthCut(t *testing.T) {
	if _, err := benefit.ParseAmount("-999999999999999.999999"); err != nil {
		t.Errorf("23 bytes: %v", err)
	}
	_, err := benefit.ParseAmount("-999999999999999.999999x") // 24 bytes
	if !errors.Is(err, benefit.ErrSyntax) || !strings.Contains(err.Error(), "unexpected character 'x'") {
		t.Errorf("24 bytes: %v; want ErrSyntax, unexpected character 'x'", err)
	}
	_, err = benefit.ParseAmount("-999999999999999.9999999x") // 25 bytes
	if !errors.Is(err, benefit.ErrRange) {
		t.Errorf("25 bytes: %v; want ErrRange", err)
	}
}

// A ParseError quotes its input whole up to 40 bytes, and cuts a longer one
// to its first 40 bytes followed by "…".
func TestParseErrorInputCut(t *testing.T) {
	s40 := strings.Repeat("1234567890", 4)
	for _, tc := range []struct{ in, want string }{
		{s40, s40},
		{s40 + "1", s40 + "…"},
		{s40[:39], s40[:39]},
	} {
		_, err := benefit.ParseAmount(tc.in)
		var pe *benefit.ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("%d bytes: %v; want a *ParseError", len(tc.in), err)
		}
		if pe.Input != tc.want {
			t.Errorf("%d bytes: Input %q; want %q", len(tc.in), pe.Input, tc.want)
		}
	}
}

// An empty JSON token (nothing, or only white space) is a syntax error,
// not a panic: json.Unmarshal never passes one, a caller of UnmarshalJSON
// may.
func TestUnmarshalJSONEmptyToken(t *testing.T) {
	for _, in := range []string{"", " ", "\n\t"} {
		var a benefit.Amount
		if err := a.UnmarshalJSON([]byte(in)); !errors.Is(err, benefit.ErrSyntax) {
			t.Errorf("Amount.UnmarshalJSON(%q) = %v; want ErrSyntax", in, err)
		}
		var r benefit.Rate
		if err := r.UnmarshalJSON([]byte(in)); !errors.Is(err, benefit.ErrSyntax) {
			t.Errorf("Rate.UnmarshalJSON(%q) = %v; want ErrSyntax", in, err)
		}
	}
}

// MaxAmount and MinAmount return a when a and b are equal. 10^13 yuan is
// 10^19 micro-yuan, beyond an int64, so each parse of it is its own
// decimal and == tells the two apart (the Amount doc: beyond the
// fixed-point form == compares pointers).
func TestMaxMinAmountTie(t *testing.T) {
	a := benefit.MustParseAmount("10000000000000")
	b := benefit.MustParseAmount("10000000000000")
	if a == b || !a.Equal(b) {
		t.Fatalf("two parses of 10^13 yuan: == %v, Equal %v; want false, true", a == b, a.Equal(b))
	}
	if MaxAmount := benefit.MaxAmount(a, b); MaxAmount != a {
		t.Errorf("MaxAmount(a, b) of equal a, b is not a")
	}
	if MinAmount := benefit.MinAmount(a, b); MinAmount != a {
		t.Errorf("MinAmount(a, b) of equal a, b is not a")
	}
}

// A month is not before itself; December 2023 is before January 2024, one
// month later, and not after it.
func TestMonthBeforeItself(t *testing.T) {
	dec, jan := benefit.MustParseMonth("2023-12"), benefit.MustParseMonth("2024-01")
	for _, tc := range []struct {
		m, n benefit.Month
		want bool
	}{
		{jan, jan, false},
		{dec, dec, false},
		{dec, jan, true},
		{jan, dec, false},
	} {
		if got := tc.m.Compare(tc.n) < 0; got != tc.want {
			t.Errorf("%s.Compare(%s) < 0 = %v; want %v", tc.m, tc.n, got, tc.want)
		}
	}
}

// The four categories are 0-3; 4, one past the last, and −1 are not
// categories and print as Go values, not a name.
func TestCategoryStringEdges(t *testing.T) {
	for c, want := range map[benefit.Category]string{
		benefit.Pension: "pension", benefit.Reference: "reference",
		4: "Category(4)", -1: "Category(-1)",
	} {
		if got := c.String(); got != want {
			t.Errorf("Category(%d).String() = %q; want %q", int(c), got, want)
		}
	}
}

// Fraction's own examples: 3.75 % is 375 ÷ 10^4 (0.0375 = 375 ÷ 10,000),
// 100 % is 1 ÷ 10^0; 0 is 0 ÷ 10^0 and 0.0000000001 % (the grammar's last
// decimal of a percentage, 10^-12 of the ratio) is 1 ÷ 10^12.
func TestRateFractionExamples(t *testing.T) {
	for _, tc := range []struct {
		in    string
		num   int64
		scale int32
	}{
		{"3.75%", 375, 4},
		{"100%", 1, 0},
		{"0%", 0, 0},
		{"0.0000000001%", 1, 12},
		{"-3.75%", -375, 4},
	} {
		num, scale := benefit.MustParseRate(tc.in).Fraction()
		if !num.IsInt64() || num.Int64() != tc.num || scale != tc.scale {
			t.Errorf("%s.Fraction() = %s ÷ 10^%d; want %d ÷ 10^%d", tc.in, num, scale, tc.num, tc.scale)
		}
	}
}

// The statuses are 0-5 (unknown to default); 6, one past the last, and −1
// print as Go values.
func TestStatusStringEdges(t *testing.T) {
	for s, want := range map[benefit.Status]string{
		benefit.Unknown: "unknown", benefit.Illustrative: "default",
		6: "Status(6)", -1: "Status(-1)",
	} {
		if got := s.String(); got != want {
			t.Errorf("Status(%d).String() = %q; want %q", int(s), got, want)
		}
	}
}

// An end must come after the last version's From; a schedule with no
// version has none to come after, so any end is accepted.
func TestWithEndOfEmptySchedule(t *testing.T) {
	var s benefit.Schedule
	end := benefit.MustParseMonth("2024-07")
	got, err := s.WithEnd(end)
	if err != nil || got.End() != end || got.Len() != 0 {
		t.Errorf("empty schedule WithEnd(2024-07) = end %s, %d versions, %v; want end 2024-07, 0 versions, no error", got.End(), got.Len(), err)
	}
}

// Appending to the empty schedule gives a schedule of that one version.
func TestAppendToEmptySchedule(t *testing.T) {
	var s benefit.Schedule
	v := benefit.Version{From: benefit.MustParseMonth("2024-01"), Amount: benefit.Yuan(100), Status: benefit.Legislated}
	got, err := s.Append(v)
	if err != nil || got.Len() != 1 || got.Version(0) != v {
		t.Errorf("empty schedule Append(2024-01: 100.00) = %d versions, %v; want the one version", got.Len(), err)
	}
}

// A schedule's end cuts [from, to) only inside it: a schedule of one
// version from 2024-01 that ends at 2024-07.
//
//	[2024-01, 2025-01): cut at 2024-07 → [2024-01, 2024-07), [2024-07, 2025-01)
//	[2024-07, 2025-01): the end is its from, no cut → [2024-07, 2025-01)
//	[2024-01, 2024-07): the end is its to, no cut → [2024-01, 2024-07)
//	[2024-03, open):    cut at 2024-07 → [2024-03, 2024-07), [2024-07, open)
func TestIntervalsAtAScheduleEnd(t *testing.T) {
	m := benefit.MustParseMonth
	s, err := benefit.NewSchedule(benefit.Version{From: m("2024-01"), Amount: benefit.Yuan(100), Status: benefit.Legislated})
	if err != nil {
		t.Fatal(err)
	}
	if s, err = s.WithEnd(m("2024-07")); err != nil {
		t.Fatal(err)
	}
	iv := func(from, to benefit.Month) benefit.Interval { return benefit.Interval{From: from, To: to} }
	for _, tc := range []struct {
		from, to benefit.Month
		want     []benefit.Interval
	}{
		{m("2024-01"), m("2025-01"), []benefit.Interval{iv(m("2024-01"), m("2024-07")), iv(m("2024-07"), m("2025-01"))}},
		{m("2024-07"), m("2025-01"), []benefit.Interval{iv(m("2024-07"), m("2025-01"))}},
		{m("2024-01"), m("2024-07"), []benefit.Interval{iv(m("2024-01"), m("2024-07"))}},
		{m("2024-03"), 0, []benefit.Interval{iv(m("2024-03"), m("2024-07")), iv(m("2024-07"), 0)}},
	} {
		got := benefit.Intervals(tc.from, tc.to, s)
		if !slices.Equal(got, tc.want) {
			t.Errorf("Intervals(%s, %s) = %v; want %v", tc.from, tc.to, got, tc.want)
		}
	}
}
