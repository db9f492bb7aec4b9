package scenario_test

import (
	"fmt"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// A scenario written as a Go value: the residents' pension in two
// provinces, the national increase passed through plus 2 % of the level,
// the local cost at most 1 % of revenue.
func twoProvinces() scenario.Scenario {
	return scenario.Scenario{
		Name:      "two provinces",
		Program:   "pension.resident.basic",
		StartYear: 2025,
		Horizon:   3,
		Floor:     floor.Path{ShippedThrough: 2025, Projection: floor.StepTrend(benefit.Yuan(20))},
		Rule:      scenario.Sum(scenario.PassThrough(), scenario.PercentOfLevel(benefit.Percent(2))),
		Regions: []scenario.Region{
			{Code: region.MustParseCode("510000"), Beneficiaries: 5000, Level: benefit.Yuan(150), Revenue: benefit.Yuan(100_000_000)},
			{Code: region.MustParseCode("110000"), Beneficiaries: 1000, Level: benefit.Yuan(900), Revenue: benefit.Yuan(500_000_000)},
		},
		Constraints: scenario.Constraints{FiscalCap: &scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: benefit.Percent(1)}},
	}
}

// The canonical form sorts the regions by code and spells amounts and
// rates canonically, so a scenario and its reordered twin have the same
// bytes (and the same SHA-256 in a run record).
func ExampleScenario_Canonical() {
	a := twoProvinces()
	b := twoProvinces()
	b.Regions[0], b.Regions[1] = b.Regions[1], b.Regions[0]
	ca, _ := a.Canonical()
	cb, _ := b.Canonical()
	fmt.Println(string(ca))
	fmt.Println(string(ca) == string(cb))
	// Output:
	// {"name":"two provinces","program":"pension.resident.basic","start_year":2025,"horizon":3,"regions":[{"code":"110000","beneficiaries":1000,"level":"900.00","revenue":"500000000.00"},{"code":"510000","beneficiaries":5000,"level":"150.00","revenue":"100000000.00"}],"floor":{"shipped_through":2025,"projection":{"kind":"step","step":"20.00"}},"rule":{"kind":"sum","parts":[{"kind":"pass_through"},{"kind":"percent","percent":"2%"}]},"constraints":{"fiscal_cap":{"basis":"revenue","percent":"1%"}}}
	// true
}

// A rule describes itself in one line, as each row of a result names it.
func ExampleRule_String() {
	fmt.Println(scenario.Sum(scenario.PassThrough(), scenario.PercentOfLevel(benefit.Percent(1))))
	fmt.Println(scenario.Indexation(benefit.Percent(50), benefit.Percent(50), benefit.Rate{}))
	fmt.Println(scenario.Share("reference.min_wage", benefit.Percent(80), benefit.Percent(2), benefit.Percent(90)))
	// Output:
	// pass_through + percent 1%
	// index 50%×wage + 50%×cpi
	// share of reference.min_wage 80% +2%/year to 90%
}

// Check names the field path of a value out of shape, before anything
// needs the catalogue or the floors.
func ExampleScenario_Check() {
	s := twoProvinces()
	s.Regions[1].Beneficiaries = -5
	fmt.Println(s.Check(nil))
	s = twoProvinces()
	s.Rule = scenario.Rule{Kind: scenario.KindFixed}
	fmt.Println(s.Check(nil))
	// Output:
	// input: regions[1].beneficiaries: benefit: negative amount: -5
	// input: rule.amount: benefit: invalid syntax: a fixed rule needs an amount
}

// A shipped scenario decoded: its name, its first year and how many
// regions it covers.
func ExampleBuiltin() {
	b, err := scenario.Builtin("unemployment")
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := b.Scenario()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(b.Path(), s.Program, s.StartYear, len(s.Regions), "regions, illustrative:", b.Illustrative())
	// Output:
	// scenario/data/unemployment-scenario.json employment.unemployment_insurance 2026 5 regions, illustrative: true
}

// The shipped scenarios, one per domain at least, each saying which of
// its figures are real and which illustrative.
func ExampleBuiltins() {
	for _, b := range scenario.Builtins() {
		fmt.Printf("%s (%s, %s) illustrative: %v\n", b.Name, b.Domain, b.Kind, b.Illustrative())
	}
	// Output:
	// residents-pension (pension, scenario) illustrative: true
	// retirees (pension, scenario) illustrative: true
	// unemployment (employment, scenario) illustrative: true
	// veterans (veterans, columns) illustrative: true
	// veterans-ill-returned (veterans, scenario) illustrative: true
}

// Constraints describe themselves in one line, as a result names them.
func ExampleConstraints_String() {
	fmt.Println(twoProvinces().Constraints)
	step := benefit.Yuan(15)
	fmt.Println(scenario.Constraints{AllowCuts: true, MaxStep: &step, Fund: &scenario.FundReserve{Months: 12}})
	// Output:
	// floor, no cut, local cost ≤ 1% of revenue
	// floor, max step 15.00, fund keeps 12 months of benefits
}

// A driver is read from the first source that gives it: the region's
// value for the year, the region's default, the scenario's value for the
// year, the scenario's default (四川 gives its own CPI; 北京 reads the
// scenario's, which 2026 overrides, except in 2027, which it gives).
func ExampleScenario_Assumption() {
	s := twoProvinces()
	s.Assumptions.CPI = new(benefit.MustParseRate("2%"))
	s.Years = []scenario.YearAssumptions{{Year: 2026, Assumptions: scenario.Assumptions{CPI: new(benefit.MustParseRate("3%"))}}}
	s.Regions[0].Assumptions.CPI = new(benefit.MustParseRate("1.5%"))
	s.Regions[1].Years = []scenario.YearAssumptions{{Year: 2027, Assumptions: scenario.Assumptions{CPI: new(benefit.MustParseRate("4%"))}}}
	for _, q := range []struct{ ri, year int }{{0, 2026}, {1, 2025}, {1, 2026}, {1, 2027}, {-1, 2027}} {
		v, _ := s.Assumption(scenario.CPI, q.ri, q.year)
		fmt.Println(q.ri, q.year, v, s.AssumptionPath(scenario.CPI, q.ri, q.year))
	}
	_, ok := s.Assumption(scenario.WageGrowth, 1, 2025)
	fmt.Println("wage growth given:", ok, s.AssumptionPath(scenario.WageGrowth, 1, 2025) == "")
	// Output:
	// 0 2026 1.5% regions[0].assumptions.cpi
	// 1 2025 2% assumptions.cpi
	// 1 2026 3% years[0].cpi
	// 1 2027 4% regions[1].years[0].cpi
	// -1 2027 2% assumptions.cpi
	// wage growth given: false true
}
