package scenario_test

import (
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// canonicalBase is written out of order: 四川 before 北京, the years
// of the scenario and of 四川 backwards.
func canonicalBase() scenario.Scenario {
	return scenario.Scenario{
		Program:   "pension.resident.basic",
		StartYear: 2025,
		Horizon:   2,
		Years: []scenario.YearAssumptions{
			{Year: 2026, Assumptions: scenario.Assumptions{CPI: rate("3%")}},
			{Year: 2025, Assumptions: scenario.Assumptions{CPI: rate("2.0%")}},
		},
		Regions: []scenario.Region{
			{Code: region.MustParseCode("510000"), Beneficiaries: 2, Level: benefit.MustParseAmount("150"), Revenue: benefit.MustParseAmount("10"),
				Years: []scenario.YearAssumptions{
					{Year: 2026, Assumptions: scenario.Assumptions{WageGrowth: rate("5%")}},
					{Year: 2025, Assumptions: scenario.Assumptions{WageGrowth: rate("4%")}},
				}},
			{Code: region.MustParseCode("110000"), Beneficiaries: 1, Level: benefit.MustParseAmount("900.5"), Revenue: benefit.MustParseAmount("20")},
		},
		Floor: floor.Path{ShippedThrough: 2025, Projection: floor.StepTrend(benefit.Yuan(20))},
		Rule:  scenario.PassThrough(),
	}
}

// The canonical form: regions by code, years ascending, amounts with two
// decimals, rates as written without trailing zeros; a revenue year
// that is the base year (StartYear-1, 2024) and an effective month of
// January are left out, as if not given; any other is kept. The
// scenario itself is left as it was.
func TestCanonical(t *testing.T) {
	const (
		head = `{"program":"pension.resident.basic","start_year":2025,"horizon":2,`
		tail = `"years":[{"year":2025,"cpi":"2%"},{"year":2026,"cpi":"3%"}],` +
			`"regions":[{"code":"110000","beneficiaries":1,"level":"900.50","revenue":"20.00"},` +
			`{"code":"510000","beneficiaries":2,"level":"150.00","revenue":"10.00","years":[{"year":2025,"wage_growth":"4%"},{"year":2026,"wage_growth":"5%"}]}],` +
			`"floor":{"shipped_through":2025,"projection":{"kind":"step","step":"20.00"}},"rule":{"kind":"pass_through"}}`
	)
	for _, c := range []struct {
		name           string
		month, revenue int
		want           string
	}{
		{"defaults", 0, 0, head + tail},
		{"January, the base year", 1, 2024, head + tail},
		{"August, 2023", 8, 2023, head + `"effective_month":8,"revenue_year":2023,` + tail},
		{"February, 1900", 2, 1900, head + `"effective_month":2,"revenue_year":1900,` + tail},
		{"December, the base year", 12, 2024, head + `"effective_month":12,` + tail},
	} {
		s := canonicalBase()
		s.EffectiveMonth, s.RevenueYear = c.month, c.revenue
		got, err := s.Canonical()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if string(got) != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
		if s.EffectiveMonth != c.month || s.RevenueYear != c.revenue || s.Regions[0].Code.String() != "510000" ||
			s.Years[0].Year != 2026 || s.Regions[0].Years[0].Year != 2026 {
			t.Errorf("%s: Canonical changed the scenario: %+v", c.name, s)
		}
	}
}
