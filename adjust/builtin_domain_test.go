package adjust

import (
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/plan"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

func runBuiltin(t *testing.T, name string) *Result {
	t.Helper()
	b, err := scenario.Builtin(name)
	if err != nil {
		t.Fatal(err)
	}
	s, err := b.Scenario()
	if err != nil {
		t.Fatal(err)
	}
	return mustRun(t, s)
}

// The shipped unemployment scenario on the real minimum wages it carries
// (local-data §3): Beijing's benefit follows 80 % + 2 points a year of
// the minimum wage in force in January, 2,540 from 2025-09 [V3], then
// 2,667 from 2027-09 and 2,800 from 2029-09 (+5 % every 24 months,
// illustrative):
//
//	2026: 82 % × 2,540 = 2,082.80 → 2,083    2027: 84 % × 2,540 = 2,133.60 → 2,134
//	2028: 86 % × 2,667 = 2,293.62 → 2,294    2029: 88 % × 2,667 = 2,346.96 → 2,347
//	2030: 90 % × 2,800 = 2,520
//
// and is bounded below the real figure: 2,539 in 2026 (the bound's
// figure announced, read in a secondary source). Jiangsu's 2,490 of
// 2024-01 [V] is due for revision 24 months on, in 2026-01: 2,490 ×
// 1.05 = 2,614.50 → 2,615 (projected), and the benefit stays below it:
// 2,614. Qinghai's fund (balance 300,000,000, inflow
// 280,000,000 × 1.02 = 285,600,000, other 20,000,000) pays 15,000
// persons and keeps 12 months: 24 × 15,000 × x ≤ 565,600,000 ⇒ x ≤
// 1,571.11… → 1,571, below the rule's 82 % × 2,080 = 1,705.60 → 1,706.
// Nothing breaks 第十八条.
func TestBuiltinUnemployment(t *testing.T) {
	res := runBuiltin(t, "unemployment")
	js, qh := region.MustParseCode("320000"), region.MustParseCode("630000")
	check(t, res, []want{
		{bj, 2026, "2083.00", BindNone, "", "", ""},
		{bj, 2027, "2134.00", BindNone, "", "", ""},
		{bj, 2028, "2294.00", BindNone, "", "", ""},
		{bj, 2029, "2347.00", BindNone, "", "", ""},
		{bj, 2030, "2520.00", BindNone, "", "", ""},
		{qh, 2026, "1571.00", BindFund, "", "0.00", ""},
	})
	for _, c := range []struct {
		code   region.Code
		limit  string
		status benefit.Status
	}{{bj, "2539.00", benefit.Announced}, {js, "2614.00", benefit.Projected}} {
		ry, _ := res.Get(c.code, 2026)
		found := false
		for _, b := range ry.Bounds {
			if b.Rule == "ui.art18.below_min_wage" {
				found = b.Limit.String() == c.limit && b.Status == c.status
			}
		}
		if !found {
			t.Errorf("%s 2026: bounds %+v, want ui.art18.below_min_wage at %s (%s)", c.code, ry.Bounds, c.limit, c.status)
		}
	}
	for _, ry := range res.Rows {
		for _, f := range ry.Findings {
			if f.Severity == floor.Violation {
				t.Errorf("%s %d: %s", ry.Region, ry.Year, f)
			}
		}
		if ry.Fund == nil || ry.Fund.Months < 12 && !ry.Infeasible {
			t.Errorf("%s %d: fund %+v keeps less than 12 months", ry.Region, ry.Year, ry.Fund)
		}
	}
}

// The shipped retirees' scenario: the region's cost of 2024 is the sum
// of the per-person increases of the province's plan over the same
// (synthetic) retirees, to the fen, computed here with package plan
// alone; from 2025 the +2.5 % rule is capped by the national 2 %: the
// level is the largest fen at most last year's × 1.02.
func TestBuiltinRetirees(t *testing.T) {
	res := runBuiltin(t, "retirees")
	pl, err := plan.Builtin("shanghai-2024")
	if err != nil {
		t.Fatal(err)
	}
	calc, err := plan.NewCalculator(pl)
	if err != nil {
		t.Fatal(err)
	}
	pop, err := plan.NewPopulation(plan.Synthetic(2025, 20000, pl.RetiredBy))
	if err != nil {
		t.Fatal(err)
	}
	var sum, newTotal benefit.Amount
	var n int64
	for x := range pop.All() { // regions[1] of the file: seed 2024 + 1
		a, err := calc.Apply(x)
		if err != nil {
			t.Fatal(err)
		}
		if a.Eligible {
			sum, newTotal, n = sum.Add(a.Increase), newTotal.Add(a.NewPension), n+1
		}
	}
	ry, _ := res.Get(sh, 2024)
	if !ry.Retirees.IncreaseCost.Equal(sum.Mul(12)) || !ry.Cost.Total.Equal(newTotal.Mul(12)) || ry.Beneficiaries != n {
		t.Errorf("2024: increase cost %s, cost %s, %d retirees; per person: 12 × %s, 12 × %s, %d",
			ry.Retirees.IncreaseCost, ry.Cost.Total, ry.Beneficiaries, sum, newTotal, n)
	}
	for y := 2025; y <= 2028; y++ {
		ry, _ := res.Get(sh, y)
		cap := ry.Previous.Add(ry.Previous.MulRate(benefit.Percent(2)))
		if ry.Binding != BindNationalRate || ry.Level.Cmp(cap) > 0 || ry.Level.Add(benefit.MustParseAmount("0.01")).Cmp(cap) <= 0 {
			t.Errorf("%d: %s → %s (%s), want the largest fen at most %s", y, ry.Previous, ry.Level, ry.Binding, cap)
		}
	}
}
