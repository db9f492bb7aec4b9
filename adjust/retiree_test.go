package adjust

import (
	"errors"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/plan"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

var (
	sh = region.MustParseCode("310000")
	sx = region.MustParseCode("610000")
)

func retireeScenario(rule scenario.Rule, regions ...scenario.Region) scenario.Scenario {
	return scenario.Scenario{
		Name: "worked example: retirees' pensions", Program: "pension.retiree.basic",
		StartYear: 2024, Horizon: 2, Rule: rule, Regions: regions,
		Constraints: scenario.Constraints{NationalRate: &scenario.NationalCap{}},
	}
}

// A province's average adjustment is capped by the national overall
// level (以全国调整比例为高限): 3 % in 2024 and 2 % in 2025 (plan's
// national levels, legislated). 1,000 retirees of 陕西 with an average
// pension of 4,000.00 a month in 2023, a rule of +3.5 %, rounded to the
// fen (the catalogue's rounding of the retirees' pension), a central
// subsidy of half the cost of each year's increase:
//
//	2024: 4,000.00 × 1.035 = 4,140.00 > 4,000.00 × 1.03 = 4,120.00: national_rate
//	      cost 12 × 1,000 × 4,120.00 = 49,440,000.00;
//	      the increase's 12 × 1,000 × 120.00 = 1,440,000.00, half from the centre:
//	      central 720,000.00, the fund 48,720,000.00
//	2025: 4,120.00 × 1.035 = 4,264.20 > 4,120.00 × 1.02 = 4,202.40: national_rate
//	      the increase's 12 × 1,000 × 82.40 = 988,800.00; central 494,400.00
func TestRetireesNationalCap(t *testing.T) {
	r := reg(sx, 1000, "4000.00", "0")
	r.CentralSubsidy = ratep("50%")
	res := mustRun(t, retireeScenario(scenario.PercentOfLevel(benefit.MustParseRate("3.5%")), r))
	check(t, res, []want{
		{sx, 2024, "4120.00", BindNationalRate, "49440000.00", "720000.00", "48720000.00"},
		{sx, 2025, "4202.40", BindNationalRate, "", "494400.00", ""},
	})
	for y, w := range map[int]struct{ rate, cost string }{2024: {"3%", "1440000.00"}, 2025: {"2%", "988800.00"}} {
		ry, _ := res.Get(sx, y)
		a := ry.Retirees
		if a == nil || a.National == nil || a.National.String() != w.rate || a.NationalStatus != benefit.Legislated || a.IncreaseCost.String() != w.cost {
			t.Errorf("%d: retirees %+v, want national %s legislated, increase cost %s", y, a, w.rate, w.cost)
		}
	}
	// a rule within the national level is taken as it is: 1.5 % of
	// 4,000.00 = 60.00
	res = mustRun(t, retireeScenario(scenario.PercentOfLevel(benefit.MustParseRate("1.5%")), reg(sx, 1000, "4000.00", "0")))
	check(t, res, []want{{sx, 2024, "4060.00", BindNone, "48720000.00", "0.00", "48720000.00"}})
}

// The years after the shipped national levels (2016-2025) need a rate
// of the scenario's, marked projected; a shipped year may not be given.
func TestRetireesProjectedNationalRate(t *testing.T) {
	s := retireeScenario(scenario.PercentOfLevel(benefit.MustParseRate("3%")), reg(sx, 10, "3000.00", "0"))
	s.StartYear, s.Horizon = 2025, 2
	var re *benefit.RecordError
	if _, err := Run(t.Context(), s, Options{}); !errors.Is(err, scenario.ErrMissingAssumption) || !errors.As(err, &re) || re.Field != "constraints.national_rate.rates" {
		t.Fatalf("no 2026 rate: %v", err)
	}
	s.Constraints.NationalRate.Rates = []scenario.YearRate{{Year: 2025, Rate: benefit.MustParseRate("5%")}}
	if _, err := Run(t.Context(), s, Options{}); !errors.Is(err, benefit.ErrSyntax) || !errors.As(err, &re) || re.Field != "constraints.national_rate.rates[0].year" {
		t.Fatalf("2025 given again: %v", err)
	}
	// 2025: 3,000.00 × 1.02 = 3,060.00; 2026 at 1.5 % (projected):
	// 3,060.00 × 1.015 = 3,105.90
	s.Constraints.NationalRate.Rates = []scenario.YearRate{{Year: 2026, Rate: benefit.MustParseRate("1.5%")}}
	res := mustRun(t, s)
	check(t, res, []want{{sx, 2025, "3060.00", BindNationalRate, "", "", ""}, {sx, 2026, "3105.90", BindNationalRate, "", "", ""}})
	if ry, _ := res.Get(sx, 2026); ry.Retirees.NationalStatus != benefit.Projected {
		t.Errorf("2026 national rate status %s, want projected", ry.Retirees.NationalStatus)
	}
}

// A plan applied person by person: the region's cost of the plan's year
// equals the sum of the plan's per-person increases, to the fen, on the
// same population. Two retirees of Example A (policy-reference §11,
// Shanghai 2024 [V3]):
//
//	35 years, 5,000.00, aged 72: 61 + 35 + 50.00 + 25 = 171.00 → 5,171.00
//	10 years, 3,000.00, aged 66: 61 + 15 + 30.00 + 0  = 106.00 → 3,106.00
//
// Σ increases 277.00 a month, 12 × 277.00 = 3,324.00 a year; the year's
// cost 12 × (5,171.00 + 3,106.00) = 99,324.00. The average pension goes
// from 8,000.00 ÷ 2 = 4,000.00 to 8,277.00 ÷ 2 = 4,138.50. The aggregate
// increase 277 ÷ 8,000 = 3.4625 % exceeds the national 3 %. In 2025 the
// rule's +3.5 % is capped at 2 %: 4,138.50 × 1.02 = 4,221.27.
func TestRetireesPlanAgreesToTheFen(t *testing.T) {
	rs := []plan.Retiree{
		{ID: "A", Birth: plan.MustParseDate("1951-05-10"), Retired: plan.MustParseDate("2011-06-01"), Years: 35, Pension: benefit.MustParseAmount("5000.00")},
		{ID: "B", Birth: plan.MustParseDate("1957-03-01"), Retired: plan.MustParseDate("2017-04-01"), Years: 10, Pension: benefit.MustParseAmount("3000.00")},
	}
	pop, err := plan.NewPopulation(plan.FromSlice(rs))
	if err != nil {
		t.Fatal(err)
	}
	r := scenario.Region{Code: sh, Plan: &scenario.RegionPlan{ID: "shanghai-2024"}}
	s := retireeScenario(scenario.PercentOfLevel(benefit.MustParseRate("3.5%")), r)
	res, err := Run(t.Context(), s, Options{Populations: map[region.Code]*plan.Population{sh: pop}})
	if err != nil {
		t.Fatal(err)
	}
	ry, _ := res.Get(sh, 2024)

	// the person-level side, by package plan alone
	pl, err := plan.Builtin("shanghai-2024")
	if err != nil {
		t.Fatal(err)
	}
	calc, err := plan.NewCalculator(pl)
	if err != nil {
		t.Fatal(err)
	}
	var sum, newTotal benefit.Amount
	for _, x := range rs {
		a, err := calc.Apply(x)
		if err != nil {
			t.Fatal(err)
		}
		sum, newTotal = sum.Add(a.Increase), newTotal.Add(a.NewPension)
	}
	if sum.String() != "277.00" || newTotal.String() != "8277.00" {
		t.Fatalf("per person: Σ increases %s, new total %s; want 277.00 and 8277.00 by hand", sum, newTotal)
	}
	if got := ry.Retirees.IncreaseCost; !got.Equal(sum.Mul(12)) || got.String() != "3324.00" {
		t.Errorf("region increase cost %s, want 12 × Σ per-person increases = %s = 3324.00", got, sum.Mul(12))
	}
	if got := ry.Cost.Total; !got.Equal(newTotal.Mul(12)) || got.String() != "99324.00" {
		t.Errorf("region cost %s, want 12 × Σ new pensions = 99324.00", got)
	}
	if ry.Beneficiaries != 2 || ry.Previous.String() != "4000.00" || ry.Level.String() != "4138.50" || ry.Rule != "plan shanghai-2024" {
		t.Errorf("2024: %d retirees, %s → %s by %q; want 2, 4000.00 → 4138.50 by plan shanghai-2024", ry.Beneficiaries, ry.Previous, ry.Level, ry.Rule)
	}
	if !ry.Retirees.Exceeds || ry.Retirees.Plan == nil || ry.Retirees.Plan.Percent.String() != "3.4625%" {
		t.Errorf("plan summary %+v exceeds %v; want 3.4625%%, above the national 3%%", ry.Retirees.Plan, ry.Retirees.Exceeds)
	}
	if res.Run.Populations != "custom" {
		t.Errorf("run record populations %q, want custom", res.Run.Populations)
	}
	check(t, res, []want{{sh, 2025, "4221.27", BindNationalRate, "", "", ""}})
}

// A synthetic population in the scenario gives the same result on every
// run and marks the plan's summary synthetic.
func TestRetireesSyntheticPlan(t *testing.T) {
	s := retireeScenario(scenario.PercentOfLevel(benefit.MustParseRate("2%")), scenario.Region{Code: sh, Plan: &scenario.RegionPlan{ID: "shanghai-2024", Population: &scenario.SyntheticPopulation{Seed: 7, Retirees: 500}}})
	a, b := mustRun(t, s), mustRun(t, s)
	ra, _ := a.Get(sh, 2024)
	rb, _ := b.Get(sh, 2024)
	if !ra.Retirees.Plan.Synthetic || !ra.Cost.Total.Equal(rb.Cost.Total) || !ra.Retirees.IncreaseCost.Equal(ra.Retirees.Plan.Increase.Mul(12)) {
		t.Errorf("synthetic plan: %+v / %+v", ra.Retirees, rb.Retirees)
	}
}

func TestRetireesValidation(t *testing.T) {
	synth := &scenario.SyntheticPopulation{Seed: 1, Retirees: 10}
	cases := []struct {
		name  string
		edit  func(s *scenario.Scenario)
		field string
		err   error
	}{
		{"plan of another year", func(s *scenario.Scenario) { s.StartYear, s.Horizon = 2025, 1 }, "regions[0].plan.id", benefit.ErrRange},
		{"plan of another region", func(s *scenario.Scenario) { s.Regions[0].Code = sx }, "regions[0].plan.id", benefit.ErrSyntax},
		{"unknown plan", func(s *scenario.Scenario) { s.Regions[0].Plan.ID = "nowhere-2024" }, "regions[0].plan.id", plan.ErrUnknownPlan},
		{"beneficiaries beside a plan", func(s *scenario.Scenario) { s.Regions[0].Beneficiaries = 5 }, "regions[0].beneficiaries", benefit.ErrSyntax},
		{"no population", func(s *scenario.Scenario) { s.Regions[0].Plan.Population = nil }, "regions[0].plan.population", scenario.ErrMissingAssumption},
		{"population too large", func(s *scenario.Scenario) {
			s.Regions[0].Plan.Population = &scenario.SyntheticPopulation{Retirees: 1e8}
		}, "regions[0].plan.population.retirees", benefit.ErrRange},
		{"subsidy above 100 %", func(s *scenario.Scenario) { s.Regions[0].CentralSubsidy = ratep("101%") }, "regions[0].central_subsidy", benefit.ErrRange},
		{"negative national rate", func(s *scenario.Scenario) {
			s.Constraints.NationalRate.Rates = []scenario.YearRate{{Year: 2030, Rate: benefit.MustParseRate("-1%")}}
		}, "constraints.national_rate.rates[0].rate", benefit.ErrNegative},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := retireeScenario(scenario.PercentOfLevel(benefit.MustParseRate("2%")), scenario.Region{Code: sh, Plan: &scenario.RegionPlan{ID: "shanghai-2024", Population: synth}})
			tc.edit(&s)
			err := Validate(&s, Options{})
			var re *benefit.RecordError
			if !errors.Is(err, tc.err) || !errors.As(err, &re) || re.Field != tc.field {
				t.Fatalf("error %v, want %v at %s", err, tc.err, tc.field)
			}
		})
	}
	// a plan is for the retirees' pensions; the national rate too
	s := testScenario(scenario.Fixed(benefit.Yuan(5)), reg(bj, 10, "143", "1000"))
	s.Constraints.NationalRate = &scenario.NationalCap{}
	var re *benefit.RecordError
	if err := Validate(&s, Options{}); !errors.Is(err, benefit.ErrSyntax) || !errors.As(err, &re) || re.Field != "constraints.national_rate" {
		t.Errorf("national rate on the residents' pension: %v", err)
	}
}
