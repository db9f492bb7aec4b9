package plan

import (
	"context"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// Boundaries found by mutation testing (gremlins; README "Testing").

// A band whose up_to is exclusive ("below 6,813") does not hold a pension
// of exactly 6,813: Beijing 2024's item (三) with its first band made
// exclusive and no top-up (HYPOTHETICAL: the notice's band is inclusive)
// pays 30 below 6,813 and 15 from 6,813 on. Pension 6,812.99 → 30.00;
// 6,813.00 → 15.00; with the notice's inclusive band, 6,813.00 → 30.00.
func TestExclusiveBandEdge(t *testing.T) {
	p, err := Builtin("beijing-2024")
	if err != nil {
		t.Fatal(err)
	}
	k := -1
	for i, pt := range p.Parts {
		if pt.Bands != nil {
			k = i
		}
	}
	if k < 0 {
		t.Fatal("beijing-2024 has no bands part")
	}
	bandsPart := func(inclusive bool) *Calculator {
		q := p.Clone()
		q.Parts[k].Bands = &Bands{Bands: []PensionBand{
			{UpTo: benefit.MustParseAmount("6813"), Inclusive: inclusive, Amount: benefit.MustParseAmount("30")},
			{Amount: benefit.MustParseAmount("15")}}}
		c, err := NewCalculator(q)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	for _, tc := range []struct {
		inclusive bool
		pension   string
		want      string
	}{
		{false, "6812.99", "30.00"},
		{false, "6813.00", "15.00"},
		{false, "6813.01", "15.00"},
		{true, "6813.00", "30.00"},
		{true, "6813.01", "15.00"},
	} {
		res := apply(t, bandsPart(tc.inclusive), ret("1950-01-01", 30, 0, tc.pension))
		if got := res.Parts[k].Amount.String(); got != tc.want {
			t.Errorf("inclusive %v, pension %s: band part %s; want %s", tc.inclusive, tc.pension, got, tc.want)
		}
	}
}

// Calibration at the ends of its target (Shanghai 2024, the two retirees
// of TestCalibrateFixed: prior 8,000.00, the other parts 130.00):
//
//   - 1.625 % is 130.00 exactly, what the other parts give with a fixed
//     part of 0: reached, at 0.00 (130 + 2F ≤ 130 → F = 0);
//   - 100 % is a target (at most 100 %): 130 + 2F ≤ 8,000 → F = 3,935.00,
//     8,000.00 = 100 %.
func TestCalibrateTargetEnds(t *testing.T) {
	cal := calibrate(t, "shanghai-2024", twoRetirees(t, 10), "fixed", "1.625%", CalibrateOptions{})
	if !cal.Reached || cal.Value != "0.00" || cal.Percent.String() != "1.625%" {
		t.Errorf("1.625%%: reached %v value %s percent %s; want reached at 0.00, 1.625%%", cal.Reached, cal.Value, cal.Percent)
	}
	p, err := Builtin("shanghai-2024")
	if err != nil {
		t.Fatal(err)
	}
	cal, err = Calibrate(context.Background(), p, twoRetirees(t, 10), "fixed", benefit.Percent(100), CalibrateOptions{})
	if err != nil {
		t.Fatalf("100%%: %v", err)
	}
	if !cal.Reached || cal.Value != "3935.00" || cal.Percent.String() != "100%" || cal.Cost.String() != "8000.00" {
		t.Errorf("100%%: reached %v value %s percent %s cost %s; want reached at 3935.00, 100%%, 8000.00", cal.Reached, cal.Value, cal.Percent, cal.Cost)
	}
}
