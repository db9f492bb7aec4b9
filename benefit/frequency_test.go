package benefit_test

import (
	"testing"
	"time"

	"github.com/benefitstd/benefitstd/benefit"
)

// 88,150 a year (因战一级 2019, policy-reference §5.2) paid monthly.
// 88,150 / 12 = 7,345.8333…; rounded down to the fen 7,345.83.
// Eleven of those are 11 × 7,345.83 = 80,804.13, and December gets
// 88,150.00 − 80,804.13 = 7,345.87, so the year sums back to 88,150.00.
func TestSplitYearVeterans(t *testing.T) {
	months, err := benefit.SplitYear(benefit.Yuan(88150), benefit.Fen, time.December)
	noError(t, err)
	var sum benefit.Amount
	for i, m := range months {
		want := "7345.83"
		if time.Month(i+1) == time.December {
			want = "7345.87"
		}
		equal(t, want, m.String(), "month %d", i+1)
		sum = sum.Add(m)
	}
	equal(t, "88150.00", sum.String())
}

func TestSplitYearOthers(t *testing.T) {
	tests := []struct {
		yearly    string
		unit      benefit.Unit
		in        time.Month
		base, rem string // worked by hand
	}{
		// 27,980 / 12 = 2,331.666… → 2,331.66; 27,980 − 11 × 2,331.66 (25,648.26) = 2,331.74
		{"27980", benefit.Fen, time.December, "2331.66", "2331.74"},
		// 85,370 / 12 = 7,114.1666… → 7,114.16; 85,370 − 78,255.76 = 7,114.24, paid in January
		{"85370", benefit.Fen, time.January, "7114.16", "7114.24"},
		// whole yuan: 88,150 / 12 → 7,345; 88,150 − 80,795 = 7,355
		{"88150", benefit.YuanUnit, time.December, "7345.00", "7355.00"},
		// an exact division leaves nothing over: 1,200 / 12 = 100
		{"1200", benefit.Fen, time.December, "100.00", "100.00"},
		// zero splits into zeros
		{"0", benefit.Fen, time.June, "0.00", "0.00"},
	}
	for _, tt := range tests {
		months, err := benefit.SplitYear(benefit.MustParseAmount(tt.yearly), tt.unit, tt.in)
		noError(t, err, tt.yearly)
		var sum benefit.Amount
		for i, m := range months {
			want := tt.base
			if time.Month(i+1) == tt.in {
				want = tt.rem
			}
			equal(t, want, m.String(), "%s month %d", tt.yearly, i+1)
			sum = sum.Add(m)
		}
		isTrue(t, sum.Equal(benefit.MustParseAmount(tt.yearly)), "%s sums to %s", tt.yearly, sum)
	}
}

func TestSplitYearErrors(t *testing.T) {
	_, err := benefit.SplitYear(benefit.Yuan(-1), benefit.Fen, time.December)
	errorIs(t, err, benefit.ErrNegative)
	_, err = benefit.SplitYear(benefit.Yuan(1), benefit.Fen, 13)
	errorIs(t, err, benefit.ErrRange)
	_, err = benefit.SplitYear(benefit.Yuan(1), benefit.Fen, 0)
	errorIs(t, err, benefit.ErrRange)
}

// A yearly standard and a monthly level compare by multiplying the
// monthly one by 12, never by dividing: 7,345.83 a month is 88,149.96 a
// year, below 88,150; 7,345.84 a month is 88,150.08, above it. Dividing
// 88,150 by 12 and rounding to the fen would call 7,345.83 equal.
func TestCompareAcross(t *testing.T) {
	yearly := benefit.Yuan(88150)
	p := benefit.MustParseAmount
	// a (an amount per fa) against b (an amount per fb), each brought to
	// a year by Annual.
	compareAcross := func(a benefit.Amount, fa benefit.Frequency, b benefit.Amount, fb benefit.Frequency) int {
		return fa.Annual(a).Cmp(fb.Annual(b))
	}
	equal(t, -1, compareAcross(p("7345.83"), benefit.PerMonth, yearly, benefit.PerYear))
	equal(t, 1, compareAcross(p("7345.84"), benefit.PerMonth, yearly, benefit.PerYear))
	equal(t, 1, compareAcross(yearly, benefit.PerYear, p("7345.83"), benefit.PerMonth))
	equal(t, 0, compareAcross(p("100"), benefit.PerMonth, p("1200"), benefit.PerYear))
	equal(t, 0, compareAcross(p("100"), benefit.PerMonth, p("100.00"), benefit.PerMonth))
	equal(t, "88149.96", benefit.PerMonth.Annual(p("7345.83")).String())
	equal(t, "88150.00", benefit.PerYear.Annual(yearly).String())
}

func TestFrequencyText(t *testing.T) {
	for s, want := range map[string]benefit.Frequency{
		"month": benefit.PerMonth, "monthly": benefit.PerMonth, "月": benefit.PerMonth,
		"year": benefit.PerYear, "annual": benefit.PerYear, "年": benefit.PerYear, "Yearly": benefit.PerYear,
	} {
		f, err := benefit.ParseFrequency(s)
		noError(t, err, s)
		equal(t, want, f, s)
	}
	_, err := benefit.ParseFrequency("weekly")
	errorIs(t, err, benefit.ErrSyntax)
	var f benefit.Frequency
	equal(t, "month", f.String(), "zero Frequency is PerMonth")
	noError(t, f.UnmarshalText([]byte("year")))
	b, _ := f.MarshalText()
	equal(t, "year", string(b))
}
