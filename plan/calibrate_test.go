package plan

import (
	"context"
	"errors"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// twoRetirees: A 35 years, 5,000.00; B as given; both aged 66 on 2023-12-31
// (no age tilt in the 2024 plans), retired 2015.
func twoRetirees(t *testing.T, bYears int) *Population {
	t.Helper()
	pop, err := NewPopulation(FromSlice([]Retiree{
		{ID: "A", Birth: MustParseDate("1957-06-01"), Retired: MustParseDate("2015-06-30"), Years: 35, Pension: benefit.MustParseAmount("5000.00")},
		{ID: "B", Birth: MustParseDate("1957-06-01"), Retired: MustParseDate("2015-06-30"), Years: bYears, Pension: benefit.MustParseAmount("3000.00")},
	}))
	if err != nil {
		t.Fatal(err)
	}
	return pop
}

func calibrate(t *testing.T, id string, pop *Population, part, target string, opt CalibrateOptions) *Calibration {
	t.Helper()
	p, err := Builtin(id)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := Calibrate(context.Background(), p, pop, part, benefit.MustParseRate(target), opt)
	if err != nil {
		t.Fatal(err)
	}
	if cal.Passes > 8 {
		t.Errorf("%d passes; want at most 8", cal.Passes)
	}
	return cal
}

// Fixed amount, Shanghai 2024 rules (years 1/yr min 15, level 1%), target 3%:
// prior total 5,000 + 3,000 = 8,000; 3% of it = 240.00.
// Other parts: A 35 + 50 = 85, B 15 + 30 = 45 → 130. Fixed F for two people:
// 130 + 2F ≤ 240 → F ≤ 55 → 55.00 (exactly 240.00 = 3%); 56 gives 242.00 = 3.025%.
func TestCalibrateFixed(t *testing.T) {
	cal := calibrate(t, "shanghai-2024", twoRetirees(t, 10), "fixed", "3%", CalibrateOptions{})
	if !cal.Reached || cal.Value != "55.00" || cal.Percent.String() != "3%" || cal.NextPercent.String() != "3.025%" ||
		cal.Cost.String() != "240.00" || cal.AnnualCost.String() != "2880.00" || cal.Param != "fixed.amount" {
		t.Errorf("got %+v; want 55.00 at 3%%, next 3.025%%, cost 240.00/month", cal)
	}
	t.Logf("passes: %d", cal.Passes)
}

// Percent, Shanghai 2024, target 3%: fixed 2 × 61 = 122, years 35 + 15 = 50 →
// 172; level r × 8,000 (exact on the 0.01 % grid: 0.01 % of 5,000 = 0.50, of
// 3,000 = 0.30). 172 + 8,000 r ≤ 240 → r ≤ 68 / 8,000 = 0.85 %.
// Next step 0.86 %: 172 + 68.80 = 240.80 → 3.01 %.
func TestCalibratePercent(t *testing.T) {
	cal := calibrate(t, "shanghai-2024", twoRetirees(t, 10), "level", "3%", CalibrateOptions{})
	if cal.Value != "0.85%" || cal.Percent.String() != "3%" || cal.NextPercent.String() != "3.01%" || cal.Param != "percent.rate" {
		t.Errorf("got value %s percent %s next %s; want 0.85%%, 3%%, 3.01%%", cal.Value, cal.Percent, cal.NextPercent)
	}
}

// Per-year rate beyond 15 years, Shaanxi 2024 rules (fixed 32; 8 flat for the
// first 15 years + r per year beyond; 1% level), B has 20 years, target 2.5%:
// fixed 64 + level 50 + 30 = 80 → 144; years A 8 + 20r, B 8 + 5r → 160 + 25r;
// 2.5% of 8,000 = 200 → 25r ≤ 40 → r = 1.60 (exactly 2.5%);
// r = 1.61 gives 200.25 → 2.503125% → shown 2.5031%.
func TestCalibratePerYear(t *testing.T) {
	cal := calibrate(t, "shaanxi-2024", twoRetirees(t, 20), "years", "2.5%", CalibrateOptions{})
	if cal.Value != "1.60" || cal.Percent.String() != "2.5%" || cal.NextPercent.String() != "2.5031%" || cal.Param != "years.bands[1].per_year" {
		t.Errorf("got %s %s at %s next %s; want years.bands[1].per_year 1.60 at 2.5%%, next 2.5031%%", cal.Param, cal.Value, cal.Percent, cal.NextPercent)
	}
}

// Not reachable: with the Shanghai 2024 parts other than the fixed one the
// two retirees already get 130.00 = 1.625% of 8,000, above a 1% target.
func TestCalibrateUnreachable(t *testing.T) {
	cal := calibrate(t, "shanghai-2024", twoRetirees(t, 10), "fixed", "1%", CalibrateOptions{})
	if cal.Reached || cal.Value != "0.00" || cal.Percent.String() != "1.625%" {
		t.Errorf("got reached %v value %s percent %s; want not reached, 0.00, 1.625%%", cal.Reached, cal.Value, cal.Percent)
	}
}

func TestCalibrateErrors(t *testing.T) {
	p, _ := Builtin("shanghai-2024")
	pop := twoRetirees(t, 10)
	for _, tc := range []struct{ part, target string }{{"age", "3%"}, {"nope", "3%"}, {"fixed", "0%"}, {"fixed", "101%"}} {
		_, err := Calibrate(context.Background(), p, pop, tc.part, benefit.MustParseRate(tc.target), CalibrateOptions{})
		if !errors.Is(err, ErrCalibrate) {
			t.Errorf("%s %s: err %v, want ErrCalibrate", tc.part, tc.target, err)
		}
	}
	// A nil population or source is an error, not a panic.
	if _, err := Calibrate(context.Background(), p, nil, "fixed", benefit.MustParseRate("3%"), CalibrateOptions{}); !errors.Is(err, ErrCalibrate) {
		t.Errorf("nil population: %v", err)
	}
	c, _ := NewCalculator(p)
	var nilPop *Population
	for _, src := range []Source{nil, nilPop} {
		if s, err := c.Run(context.Background(), src, Options{}); s != nil || err == nil {
			t.Errorf("Run(%#v) = %v, %v; want an error", src, s, err)
		}
		if q, err := NewPopulation(src); q != nil || err == nil {
			t.Errorf("NewPopulation(%#v) = %v, %v; want an error", src, q, err)
		}
	}
}

// On a generated population the answer is exact on the grid: the solved
// value keeps the aggregate at or below the target and one step more
// exceeds it (checked by separate runs), in few passes.
func TestCalibrateGrid(t *testing.T) {
	pop, err := NewPopulation(Synthetic(3, 20_000, MustParseDate("2023-12-31")))
	if err != nil {
		t.Fatal(err)
	}
	for part, pct := range map[string]string{"fixed": "2%", "level": "3%"} {
		target := benefit.MustParseRate(pct)
		cal := calibrate(t, "shanghai-2024", pop, part, pct, CalibrateOptions{})
		if !cal.Reached || cal.Report.PercentCmp(target) > 0 {
			t.Fatalf("%s: %+v", part, cal)
		}
		next := cal.Plan.Clone()
		pt := &next.Parts[0]
		if part == "fixed" {
			pt.Fixed.Amount = pt.Fixed.Amount.Add(benefit.Yuan(1))
		} else {
			pt = &next.Parts[2]
			pt.Percent.Rate = pt.Percent.Rate.Add(benefit.MustParseRate("0.01%"))
		}
		c, err := NewCalculator(next)
		if err != nil {
			t.Fatal(err)
		}
		s, err := c.Run(context.Background(), pop, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if s.PercentCmp(target) <= 0 {
			t.Errorf("%s: one step above %s still gives %s ≤ %s", part, cal.Value, s.Percent, pct)
		}
		t.Logf("%s = %s → %s (next %s), %d passes", part, cal.Value, cal.Percent, cal.NextPercent, cal.Passes)
	}
}
