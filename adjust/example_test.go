package adjust_test

import (
	"context"
	"fmt"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/plan"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// twoProvinces is a small scenario: 北京 (fiscal tier 5) and 四川 (tier 1)
// pay the residents' basic pension; the floor is 123 in 2024, 143 in 2025
// and then rises 20 a year; each province passes the national increase
// through and adds 2 % of its level.
func twoProvinces() scenario.Scenario {
	return scenario.Scenario{
		Name:      "two provinces",
		Program:   "pension.resident.basic",
		StartYear: 2025,
		Horizon:   3,
		Floor: floor.Path{
			History: []benefit.Version{
				{From: benefit.MustParseMonth("2024-01"), Amount: benefit.Yuan(123), Status: benefit.Legislated},
				{From: benefit.MustParseMonth("2025-01"), Amount: benefit.Yuan(143), Status: benefit.Legislated},
			},
			Projection: floor.StepTrend(benefit.Yuan(20)),
		},
		Rule: scenario.Sum(scenario.PassThrough(), scenario.PercentOfLevel(benefit.Percent(2))),
		Regions: []scenario.Region{
			{Code: region.MustParseCode("110000"), Beneficiaries: 1000, Level: benefit.Yuan(900), Revenue: benefit.Yuan(500_000_000)},
			{Code: region.MustParseCode("510000"), Beneficiaries: 5000, Level: benefit.Yuan(150), Revenue: benefit.Yuan(100_000_000)},
		},
	}
}

// Run a scenario and read each region-year: 北京 900 + 20 + 18 = 938,
// then 938 + 20 + 18.76 = 976.76 → 977, 977 + 20 + 19.54 → 1017.
// 四川 150 + 20 + 3 = 173, 173 + 20 + 3.46 → 196, 196 + 20 + 3.92 → 220.
func ExampleRun() {
	r, err := adjust.Run(context.Background(), twoProvinces(), adjust.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ry := range r.Rows {
		fmt.Println(ry.Name, ry.Year, ry.Level, ry.Binding, "central", ry.Cost.Central, "local", ry.Cost.Local)
	}
	// Output:
	// 北京市 2025 938.00 none central 858000.00 local 10398000.00
	// 北京市 2026 977.00 none central 978000.00 local 10746000.00
	// 北京市 2027 1017.00 none central 1098000.00 local 11106000.00
	// 四川省 2025 173.00 none central 8580000.00 local 1800000.00
	// 四川省 2026 196.00 none central 9780000.00 local 1980000.00
	// 四川省 2027 220.00 none central 10980000.00 local 2220000.00
}

// A fiscal cap binds: 北京's local share may be at most 2 % of revenue,
// 10,000,000. With 1,000 persons the local share at level x is
// 12,000·x − 858,000 in 2025 (the centre pays half of 12,000·143), so
// x ≤ 10,858,000 / 12,000 = 904.8 → 904. When even the floor costs more
// than the cap, the year is infeasible and the transfer closes the gap.
func ExampleRun_fiscalCap() {
	s := twoProvinces()
	s.Horizon = 1
	s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: benefit.Percent(2)}
	// 四川: cap 2 % × 1,000,000 = 20,000, but keeping its level of 150
	// (no cut) leaves a local top-up of 5,000 × 12 × (150 − 143) = 420,000.
	s.Regions[1].Revenue = benefit.Yuan(1_000_000)
	r, err := adjust.Run(context.Background(), s, adjust.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ry := range r.Rows {
		fmt.Println(ry.Name, ry.Level, ry.Binding, "local", ry.Cost.Local, "cap", *ry.Cap, "infeasible", ry.Infeasible, "transfer", ry.Transfer)
	}
	// Output:
	// 北京市 904.00 fiscal_cap local 9990000.00 cap 10000000.00 infeasible false transfer 0.00
	// 四川省 150.00 no_cut local 420000.00 cap 20000.00 infeasible true transfer 400000.00
}

// Validation names the field path of the bad value.
func ExampleValidate() {
	s := twoProvinces()
	s.Regions[1].Beneficiaries = -5
	fmt.Println(adjust.Validate(&s, adjust.Options{}))
	s = twoProvinces()
	s.Horizon = 0
	fmt.Println(adjust.Validate(&s, adjust.Options{}))
	// Output:
	// input: regions[1].beneficiaries: benefit: negative amount: -5
	// input: horizon: benefit: value out of range: 0 years (want 1-100)
}

// The shipped default scenario (the residents' pension) is illustrative
// and says so.
func ExampleRun_shipped() {
	b, err := scenario.Builtin("residents-pension")
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := b.Scenario()
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := adjust.Run(context.Background(), s, adjust.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(s.Regions), "regions,", s.StartYear, "to", s.StartYear+s.Horizon-1, "illustrative:", r.Run.Illustrative)
	// Output:
	// 31 regions, 2025 to 2029 illustrative: true
}

// The shipped unemployment scenario from Go: the benefit moves toward 90 %
// of each province's minimum wage, strictly inside 失业保险条例 第十八条,
// and Qinghai's fund, which must keep 12 months of benefits, holds it
// back (binding "fund"; "no_cut" where even last year's level leaves the
// fund short, with the transfer that closes the gap). Qinghai's minimum
// wage, 2,080 from 2025-05 [V3], is revised +5 % every 24 months
// (illustrative): 2,184 from 2027-05, 2,293 from 2029-05, so the least
// of each year's figures, less a yuan, bounds the benefit. Its fund
// closes 2026 at 565,600,000 − 12 × 15,000 × 1,571 = 282,820,000; in
// 2027 it has 282,820,000 + 285,600,000 × 1.02 − 20,000,000 =
// 554,132,000 for 24 × 15,000 × 1,571 = 565,560,000 of benefits and
// reserve: 11,428,000 short.
func ExampleRun_unemployment() {
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
	r, err := adjust.Run(context.Background(), s, adjust.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	beijing, qinghai := region.MustParseCode("110000"), region.MustParseCode("630000")
	for _, ry := range r.Rows { // by region code, then year
		if ry.Region != beijing && ry.Region != qinghai {
			continue
		}
		var ceiling benefit.Amount
		for _, bd := range ry.Bounds {
			if bd.Rule == "ui.art18.below_min_wage" {
				ceiling = bd.Limit
			}
		}
		fmt.Println(ry.Name, ry.Year, ry.Level, "≤", ceiling, ry.Binding, "fund months", ry.Fund.Months, "transfer", ry.Transfer)
	}
	// Output:
	// 北京市 2026 2083.00 ≤ 2539.00 none fund months 46 transfer 0.00
	// 北京市 2027 2134.00 ≤ 2539.00 none fund months 44 transfer 0.00
	// 北京市 2028 2294.00 ≤ 2666.00 none fund months 40 transfer 0.00
	// 北京市 2029 2347.00 ≤ 2666.00 none fund months 37 transfer 0.00
	// 北京市 2030 2520.00 ≤ 2799.00 none fund months 33 transfer 0.00
	// 青海省 2026 1571.00 ≤ 2079.00 fund fund months 12 transfer 0.00
	// 青海省 2027 1571.00 ≤ 2079.00 no_cut fund months 12 transfer 11428000.00
	// 青海省 2028 1571.00 ≤ 2183.00 no_cut fund months 12 transfer 5641760.00
	// 青海省 2029 1571.00 ≤ 2183.00 fund fund months 12 transfer 0.00
	// 青海省 2030 1589.00 ≤ 2292.00 fund fund months 12 transfer 0.00
}

// A province's plan applied person by person (package plan) makes the
// region's cost of its year the exact sum of the per-person increases.
// Two retirees under Shanghai's 2024 plan (Example A of the domain
// reference): 171.00 and 106.00 a month, 12 × 277.00 = 3,324.00 a year;
// the average goes from 8,000.00 ÷ 2 to 8,277.00 ÷ 2 = 4,138.50. Then +3 %
// is capped by the national level, 2 % in 2025: 4,138.50 × 1.02 =
// 4,221.27, and 2 × 12 × 82.77 = 1,986.48.
func ExampleRun_regionPlan() {
	pop, err := plan.NewPopulation(plan.FromSlice([]plan.Retiree{
		{ID: "A", Birth: plan.MustParseDate("1951-05-10"), Retired: plan.MustParseDate("2011-06-01"), Years: 35, Pension: benefit.MustParseAmount("5000.00")},
		{ID: "B", Birth: plan.MustParseDate("1957-03-01"), Retired: plan.MustParseDate("2017-04-01"), Years: 10, Pension: benefit.MustParseAmount("3000.00")},
	}))
	if err != nil {
		fmt.Println(err)
		return
	}
	sh := region.MustParseCode("310000")
	s := scenario.Scenario{
		Name: "two Shanghai retirees", Program: "pension.retiree.basic", StartYear: 2024, Horizon: 2,
		Regions:     []scenario.Region{{Code: sh, Plan: &scenario.RegionPlan{ID: "shanghai-2024"}}},
		Rule:        scenario.PercentOfLevel(benefit.Percent(3)),
		Constraints: scenario.Constraints{NationalRate: &scenario.NationalCap{}},
	}
	r, err := adjust.Run(context.Background(), s, adjust.Options{Populations: map[region.Code]*plan.Population{sh: pop}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ry := range r.Rows {
		fmt.Println(ry.Year, ry.Rule, ry.Previous, "→", ry.Level, ry.Binding, "national", ry.Retirees.National, "increase cost", ry.Retirees.IncreaseCost)
	}
	// Output:
	// 2024 plan shanghai-2024 4000.00 → 4138.50 none national 3% increase cost 3324.00
	// 2025 percent 3% 4138.50 → 4221.27 national_rate national 2% increase cost 1986.48
}
