package scenario_test

import (
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/scenario"
)

// Constraints name themselves in one line, the floor first and each
// constraint given after it in a fixed order: the 带病回乡 allowance's
// (raises of at least 50, at most the grade-10 因战 disability pension),
// a cap of 10 % a year and of 30 % of the revenue increase, the
// national rate; cuts allowed leave "no cut" out.
func TestConstraintsString(t *testing.T) {
	for _, c := range []struct {
		c    scenario.Constraints
		want string
	}{
		{scenario.Constraints{}, "floor, no cut"},
		{scenario.Constraints{AllowCuts: true}, "floor"},
		{scenario.Constraints{
			MinRaise: amount("50"),
			Ceiling:  &scenario.Ceiling{Program: "veterans.disability", Dims: benefit.MustParseDims("cause=因战;grade=10")},
		}, "floor, no cut, raises of at least 50.00, at most veterans.disability cause=因战;grade=10"},
		{scenario.Constraints{Ceiling: &scenario.Ceiling{Program: "pension.resident.basic"}}, "floor, no cut, at most pension.resident.basic"},
		{scenario.Constraints{
			AllowCuts:      true,
			MaxStepPercent: rate("10%"),
			FiscalCap:      &scenario.FiscalCap{Basis: scenario.OfRevenueGrowth, Percent: benefit.Percent(30)},
			NationalRate:   &scenario.NationalCap{},
		}, "floor, max step 10%, local cost increase ≤ 30% of revenue increase, increase ≤ national rate"},
		{scenario.Constraints{
			MaxStep:   amount("15"),
			FiscalCap: &scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: benefit.MustParseRate("0.5%")},
			Fund:      &scenario.FundReserve{Months: 6},
		}, "floor, no cut, max step 15.00, local cost ≤ 0.5% of revenue, fund keeps 6 months of benefits"},
	} {
		if got := c.c.String(); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
}
