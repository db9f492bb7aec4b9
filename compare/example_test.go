package compare_test

import (
	"context"
	"fmt"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/compare"
	"github.com/benefitstd/benefitstd/scenario"
)

// Compare two scenarios: a 3 % indexation instead of 2 %. 北京 in 2025:
// 900 + 20 + 27 = 947 instead of 938, so 9 yuan a month more for 1,000
// persons, 12 · 1,000 · 9 = 108,000 a year; in 2026 947 + 20 + 28.41 =
// 995.41 → 995 instead of 977: 12 · 1,000 · 18 = 216,000.
func ExampleResults() {
	two := []scenario.Region{reg(bj, 1000, "900", "500000000"), reg(sc, 5000, "150", "100000000")}
	a := testScenario(scenario.Sum(scenario.PassThrough(), scenario.PercentOfLevel(benefit.Percent(2))), two...)
	b := testScenario(scenario.Sum(scenario.PassThrough(), scenario.PercentOfLevel(benefit.Percent(3))), two...)
	ra, _ := adjust.Run(context.Background(), a, adjust.Options{})
	rb, _ := adjust.Run(context.Background(), b, adjust.Options{})
	for _, d := range compare.Results(ra, rb).Rows[:2] {
		fmt.Println(d.Name, d.Year, d.LevelA, "→", d.LevelB, "Δ cost", d.Total)
	}
	// Output:
	// 北京市 2025 938.00 → 947.00 Δ cost 108000.00
	// 北京市 2026 977.00 → 995.00 Δ cost 216000.00
}

// Sweep the fixed amount 0, 10 and 20 for 山东 (1,000 persons at 143,
// the local share capped at 1 % of revenue 100,000,000 = 1,000,000).
// The local share at a level x at or above the floor F is
// 12,000·x − 6,000·F. At +0 the levels are 143, 163 (the floor) and 183
// (the floor, infeasible): 12,000 · (143 + 163 + 183) = 5,868,000. At +10:
// 153, 163, 183 → 5,988,000. At +20 the cap binds in 2025 (12,000·x ≤
// 1,858,000 → 154) and 2026 (x ≤ 1,978,000 / 12,000 → 164): 154, 164,
// 183 → 6,012,000. Every value leaves 山东 infeasible in 2027, with a
// transfer of 98,000.
func ExampleSweep() {
	s := testScenario(scenario.Fixed(benefit.Yuan(10)), reg(sd, 1000, "143", "100000000"))
	s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: benefit.Percent(1)}
	amounts, err := compare.AmountRange(benefit.Yuan(0), benefit.Yuan(20), benefit.Yuan(10))
	if err != nil {
		fmt.Println(err)
		return
	}
	sw, err := compare.Sweep(context.Background(), s, compare.RuleAmount(amounts...), adjust.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range sw.Points {
		fmt.Println(sw.Parameter, p.Value, "cost", p.Cost.Total, "transfer", p.Transfer, "infeasible", p.Infeasible, p.FirstInfeasible)
	}
	// Output:
	// rule.amount 0.00 cost 5868000.00 transfer 98000.00 infeasible [370000] [2027]
	// rule.amount 10.00 cost 5988000.00 transfer 98000.00 infeasible [370000] [2027]
	// rule.amount 20.00 cost 6012000.00 transfer 98000.00 infeasible [370000] [2027]
}
