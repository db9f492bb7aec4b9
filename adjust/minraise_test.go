package adjust

import (
	"cmp"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// The least raise (MinRaise, 每次提高不少于 50) at its edges, on the 带病回乡
// allowance (floor 650 a month since 2020-08, held), 山东, 1,000 persons,
// one year (2023), whole yuan:
//
//   - no raise proposed (pass-through of a floor that does not move: +0):
//     held at 700, nothing binds — a level that does not rise is not
//     lifted;
//   - a proposed raise of exactly 50 (fixed +50): 750, nothing binds — the
//     rule's own raise meets the least raise;
//   - +5 % proposes 735 (+35), lifted to 700 + 50 = 750; the yearly cap
//     MaxStep 50 allows exactly 750: 750, min_raise;
//   - a level of 600 below the floor 650: the floor forces +50, exactly
//     the least raise: 650, floor (the floor binds; the least raise adds
//     nothing);
//   - +60 proposed (760), under a fiscal cap of 1 % of revenue
//     510,000,000 = 5,100,000.00 on the local share. The cost of level x
//     is 12 × 1,000 × x, the centre pays 50 % (山东, tier 3, of the
//     ILLUSTRATIVE cost rule) of the floor part 12 × 1,000 × 650 =
//     7,800,000: 3,900,000. At 760 the local share is 9,120,000 −
//     3,900,000 = 5,220,000 > the cap; at 750, 9,000,000 − 3,900,000 =
//     5,100,000, the cap exactly: 750, fiscal_cap — a capped raise of
//     exactly the least raise stands;
//   - the same under revenue 474,000,000 (cap 4,740,000.00): the cap
//     allows 720 (8,640,000 − 3,900,000 = 4,740,000), a raise of 20 below
//     the least raise, so the level is held at 700, fiscal_cap.
func TestMinRaiseEdges(t *testing.T) {
	rule := illustrativeVeteransRule()
	rule.Program = "veterans.ill_returned"
	for _, tc := range []struct {
		name    string
		rule    scenario.Rule
		level   string
		maxStep *benefit.Amount
		revenue string // "": no fiscal cap
		want    string
		binding Binding
	}{
		{"no raise proposed", scenario.PassThrough(), "700", nil, "", "700.00", BindNone},
		{"a raise of exactly the least", scenario.Fixed(benefit.Yuan(50)), "700", nil, "", "750.00", BindNone},
		{"lifted to a cap met exactly", scenario.PercentOfLevel(benefit.MustParseRate("5%")), "700", amtp("50"), "", "750.00", BindMinRaise},
		{"the floor forces exactly the least", scenario.PercentOfLevel(benefit.MustParseRate("5%")), "600", nil, "", "650.00", BindFloor},
		{"capped at exactly the least", scenario.Fixed(benefit.Yuan(60)), "700", nil, "510000000", "750.00", BindFiscalCap},
		{"capped below the least: held", scenario.Fixed(benefit.Yuan(60)), "700", nil, "474000000", "700.00", BindFiscalCap},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := scenario.Scenario{
				Name: "带病回乡", Program: "veterans.ill_returned", StartYear: 2023, Horizon: 1,
				Regions:     []scenario.Region{reg(sd, 1000, tc.level, cmp.Or(tc.revenue, "1"))},
				Floor:       floor.Path{Projection: floor.Trend{Kind: floor.TrendHold}},
				Rule:        tc.rule,
				Constraints: scenario.Constraints{MinRaise: amtp("50"), MaxStep: tc.maxStep},
				CostRules:   []region.CostRule{rule},
			}
			if tc.revenue != "" {
				s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: benefit.Percent(1)}
			}
			check(t, mustRun(t, s), []want{{sd, 2023, tc.want, tc.binding, "", "", ""}})
		})
	}
}
