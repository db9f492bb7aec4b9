package scenario_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// checkBase is a scenario Check accepts: the residents' pension in 北京
// and 四川 from 2025 for 3 years, the national floor +20 a year, the
// national increase passed through.
func checkBase() scenario.Scenario {
	return scenario.Scenario{
		Program:   "pension.resident.basic",
		StartYear: 2025,
		Horizon:   3,
		Floor:     floor.Path{ShippedThrough: 2025, Projection: floor.StepTrend(benefit.Yuan(20))},
		Rule:      scenario.PassThrough(),
		Regions: []scenario.Region{
			{Code: region.MustParseCode("110000"), Beneficiaries: 1000, Level: benefit.Yuan(900), Revenue: benefit.Yuan(500_000_000)},
			{Code: region.MustParseCode("510000"), Beneficiaries: 5000, Level: benefit.Yuan(150), Revenue: benefit.Yuan(100_000_000)},
		},
	}
}

func rate(s string) *benefit.Rate { return new(benefit.MustParseRate(s)) }

func amount(s string) *benefit.Amount { return new(benefit.MustParseAmount(s)) }

// years gives driver values for the years listed, one entry a year.
func years(set func(*scenario.Assumptions), ys ...int) []scenario.YearAssumptions {
	out := make([]scenario.YearAssumptions, len(ys))
	for i, y := range ys {
		out[i].Year = y
		set(&out[i].Assumptions)
	}
	return out
}

type refusal struct {
	name  string
	edit  func(*scenario.Scenario)
	field string
	is    error
	msg   string // a part of the message, "" for any
}

// wantRefused runs Check on checkBase edited by each case and wants a
// *benefit.RecordError at the case's field wrapping its sentinel.
func wantRefused(t *testing.T, cases []refusal) {
	t.Helper()
	for _, c := range cases {
		s := checkBase()
		c.edit(&s)
		err := s.Check(nil)
		re, ok := errors.AsType[*benefit.RecordError](err)
		switch {
		case !ok:
			t.Errorf("%s: error %v (%T), want a *benefit.RecordError at %s", c.name, err, err, c.field)
		case re.Field != c.field || !errors.Is(err, c.is):
			t.Errorf("%s: error %q: field %q, want %q wrapping %v", c.name, err, re.Field, c.field, c.is)
		case !strings.Contains(err.Error(), c.msg):
			t.Errorf("%s: error %q, want it to say %q", c.name, err, c.msg)
		}
	}
}

// wantAccepted runs Check on checkBase edited by each case and wants no
// error.
func wantAccepted(t *testing.T, cases map[string]func(*scenario.Scenario)) {
	t.Helper()
	for name, edit := range cases {
		s := checkBase()
		edit(&s)
		if err := s.Check(nil); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// The years are checked at both sides of each bound: Horizon 1-100; a
// first year after benefit.MinYear (1900, so the base year StartYear-1
// is at least 1900) and a last year StartYear+Horizon-1 before
// benefit.MaxYear (9999); an effective month 1-12, or 0 for January; a
// revenue year 0 (the base year) or 1900 … the base year.
func TestCheckYears(t *testing.T) {
	wantAccepted(t, map[string]func(*scenario.Scenario){
		"horizon 1":             func(s *scenario.Scenario) { s.Horizon = 1 },
		"horizon 100":           func(s *scenario.Scenario) { s.Horizon = 100 },
		"start 1901":            func(s *scenario.Scenario) { s.StartYear = 1901 },
		"start 9996, 3 years":   func(s *scenario.Scenario) { s.StartYear = 9996 },
		"start 9899, 100 years": func(s *scenario.Scenario) { s.StartYear, s.Horizon = 9899, 100 },
		"effective month 0":     func(s *scenario.Scenario) { s.EffectiveMonth = 0 },
		"effective month 1":     func(s *scenario.Scenario) { s.EffectiveMonth = 1 },
		"effective month 12":    func(s *scenario.Scenario) { s.EffectiveMonth = 12 },
		"revenue year 1900":     func(s *scenario.Scenario) { s.RevenueYear = 1900 },
		"revenue year 2024":     func(s *scenario.Scenario) { s.RevenueYear = 2024 },
	})
	wantRefused(t, []refusal{
		{"horizon 0", func(s *scenario.Scenario) { s.Horizon = 0 }, "horizon", benefit.ErrRange, "(want 1-100)"},
		{"horizon 101", func(s *scenario.Scenario) { s.Horizon = 101 }, "horizon", benefit.ErrRange, "(want 1-100)"},
		{"horizon −1", func(s *scenario.Scenario) { s.Horizon = -1 }, "horizon", benefit.ErrRange, ""},
		{"start 1900", func(s *scenario.Scenario) { s.StartYear = 1900 }, "start_year", benefit.ErrRange, "1900 (want 1901-9996)"},
		{"start 9997, 3 years", func(s *scenario.Scenario) { s.StartYear = 9997 }, "start_year", benefit.ErrRange, "9997 (want 1901-9996)"},
		{"start 9900, 100 years", func(s *scenario.Scenario) { s.StartYear, s.Horizon = 9900, 100 }, "start_year", benefit.ErrRange, "(want 1901-9899)"},
		{"no start", func(s *scenario.Scenario) { s.StartYear = 0 }, "start_year", benefit.ErrRange, ""},
		{"effective month −1", func(s *scenario.Scenario) { s.EffectiveMonth = -1 }, "effective_month", benefit.ErrRange, ""},
		{"effective month 13", func(s *scenario.Scenario) { s.EffectiveMonth = 13 }, "effective_month", benefit.ErrRange, ""},
		{"revenue year 1899", func(s *scenario.Scenario) { s.RevenueYear = 1899 }, "revenue_year", benefit.ErrRange, "1899 (want 1900-2024"},
		// the first simulated year is after the base year
		{"revenue year 2025", func(s *scenario.Scenario) { s.RevenueYear = 2025 }, "revenue_year", benefit.ErrRange, "2025 (want 1900-2024"},
	})
}

// A growth rate is at least −100 %, wherever it is given: the scenario's
// default, a year of the scenario, a region's default, a year of a
// region; the error names the driver's JSON path.
func TestCheckGrowthRates(t *testing.T) {
	all := func(v string) scenario.Assumptions {
		return scenario.Assumptions{GDPGrowth: rate(v), CPI: rate(v), WageGrowth: rate(v), RevenueGrowth: rate(v), BeneficiaryGrowth: rate(v)}
	}
	wantAccepted(t, map[string]func(*scenario.Scenario){
		"−100 % everywhere": func(s *scenario.Scenario) {
			s.Assumptions = all("-100%")
			s.Years = []scenario.YearAssumptions{{Year: 2026, Assumptions: all("-100%")}}
			s.Regions[0].Assumptions = all("-100%")
			s.Regions[1].Years = []scenario.YearAssumptions{{Year: 2027, Assumptions: all("-100%")}}
		},
	})
	var cases []refusal
	for _, d := range []struct {
		name string
		set  func(*scenario.Assumptions, *benefit.Rate)
	}{
		{"gdp_growth", func(a *scenario.Assumptions, r *benefit.Rate) { a.GDPGrowth = r }},
		{"cpi", func(a *scenario.Assumptions, r *benefit.Rate) { a.CPI = r }},
		{"wage_growth", func(a *scenario.Assumptions, r *benefit.Rate) { a.WageGrowth = r }},
		{"revenue_growth", func(a *scenario.Assumptions, r *benefit.Rate) { a.RevenueGrowth = r }},
		{"beneficiary_growth", func(a *scenario.Assumptions, r *benefit.Rate) { a.BeneficiaryGrowth = r }},
	} {
		low := rate("-100.01%")
		cases = append(cases,
			refusal{"scenario " + d.name, func(s *scenario.Scenario) { d.set(&s.Assumptions, low) }, "assumptions." + d.name, benefit.ErrRange, "-100.01%"},
			refusal{"year " + d.name, func(s *scenario.Scenario) {
				s.Years = make([]scenario.YearAssumptions, 2)
				s.Years[0].Year, s.Years[1].Year = 2025, 2026
				d.set(&s.Years[1].Assumptions, low)
			}, "years[1]." + d.name, benefit.ErrRange, ""},
			refusal{"region " + d.name, func(s *scenario.Scenario) { d.set(&s.Regions[1].Assumptions, low) }, "regions[1].assumptions." + d.name, benefit.ErrRange, ""},
			refusal{"region year " + d.name, func(s *scenario.Scenario) {
				s.Regions[0].Years = []scenario.YearAssumptions{{Year: 2026}}
				d.set(&s.Regions[0].Years[0].Assumptions, low)
			}, "regions[0].years[0]." + d.name, benefit.ErrRange, ""},
		)
	}
	wantRefused(t, cases)
}

// A list of years gives each year once, between benefit.MinYear (1900)
// and benefit.MaxYear (9999); a year outside the run is allowed (it is
// never read).
func TestCheckYearLists(t *testing.T) {
	only := func(ys ...int) []scenario.YearAssumptions { return years(func(*scenario.Assumptions) {}, ys...) }
	wantAccepted(t, map[string]func(*scenario.Scenario){
		"years 1900 and 9999":        func(s *scenario.Scenario) { s.Years = only(1900, 9999) },
		"region years 1900 and 9999": func(s *scenario.Scenario) { s.Regions[1].Years = only(9999, 1900) },
	})
	wantRefused(t, []refusal{
		{"year 1899", func(s *scenario.Scenario) { s.Years = only(2025, 1899) }, "years[1].year", benefit.ErrRange, ""},
		{"year 10000", func(s *scenario.Scenario) { s.Years = only(10000) }, "years[0].year", benefit.ErrRange, ""},
		{"year twice", func(s *scenario.Scenario) { s.Years = only(2025, 2026, 2025) }, "years[2].year", benefit.ErrSyntax, "already given in years[0]"},
		{"region year 1899", func(s *scenario.Scenario) { s.Regions[1].Years = only(1899) }, "regions[1].years[0].year", benefit.ErrRange, ""},
		{"region year 10000", func(s *scenario.Scenario) { s.Regions[0].Years = only(2026, 10000) }, "regions[0].years[1].year", benefit.ErrRange, ""},
		{"region year twice", func(s *scenario.Scenario) { s.Regions[1].Years = only(2026, 2026) }, "regions[1].years[1].year", benefit.ErrSyntax, "already given in regions[1].years[0]"},
	})
}

// Each region has a code the table resolves, given once; its count is
// 0 … 10^9 persons (internal/input.MaxPersons); its level and revenue
// are not negative.
func TestCheckRegions(t *testing.T) {
	wantAccepted(t, map[string]func(*scenario.Scenario){
		"nobody":          func(s *scenario.Scenario) { s.Regions[0].Beneficiaries = 0 },
		"10^9 persons":    func(s *scenario.Scenario) { s.Regions[1].Beneficiaries = 1_000_000_000 },
		"level 0":         func(s *scenario.Scenario) { s.Regions[0].Level = benefit.Amount{} },
		"revenue 0":       func(s *scenario.Scenario) { s.Regions[1].Revenue = benefit.Amount{} },
		"a prefecture":    func(s *scenario.Scenario) { s.Regions[1].Code = region.MustParseCode("510100") }, // 成都市
		"one region only": func(s *scenario.Scenario) { s.Regions = s.Regions[1:] },
	})
	wantRefused(t, []refusal{
		{"no regions", func(s *scenario.Scenario) { s.Regions = nil }, "regions", benefit.ErrSyntax, ""},
		{"no code", func(s *scenario.Scenario) { s.Regions[1].Code = region.Code{} }, "regions[1].code", region.ErrInvalidCode, ""},
		// 419999 is well formed but no division of the 2023 table
		{"unknown code", func(s *scenario.Scenario) { s.Regions[0].Code = region.MustParseCode("419999") }, "regions[0].code", region.ErrUnknownRegion, ""},
		{"code twice", func(s *scenario.Scenario) { s.Regions[1].Code = s.Regions[0].Code }, "regions[1].code", benefit.ErrSyntax, "already given as regions[0]"},
		{"−1 person", func(s *scenario.Scenario) { s.Regions[1].Beneficiaries = -1 }, "regions[1].beneficiaries", benefit.ErrNegative, ""},
		{"10^9+1 persons", func(s *scenario.Scenario) { s.Regions[0].Beneficiaries = 1_000_000_001 }, "regions[0].beneficiaries", benefit.ErrRange, ""},
		{"level −0.01", func(s *scenario.Scenario) { s.Regions[1].Level = benefit.MustParseAmount("-0.01") }, "regions[1].level", benefit.ErrNegative, ""},
		{"revenue −0.01", func(s *scenario.Scenario) { s.Regions[0].Revenue = benefit.MustParseAmount("-0.01") }, "regions[0].revenue", benefit.ErrNegative, ""},
	})
}

// A rule's own fields are checked under "rule" (the cases of each kind
// are in rule_test.go); the floor projection's under "floor"; a scenario
// with no floor path (no history, no shipped year, no projection) has
// none to check.
func TestCheckRuleAndFloor(t *testing.T) {
	wantAccepted(t, map[string]func(*scenario.Scenario){
		"no floor path": func(s *scenario.Scenario) { s.Floor = floor.Path{} },
		"hold":          func(s *scenario.Scenario) { s.Floor.Projection = floor.Trend{Kind: floor.TrendHold} },
	})
	wantRefused(t, []refusal{
		{"unknown rule", func(s *scenario.Scenario) { s.Rule = scenario.Rule{Kind: "double"} }, "rule.kind", benefit.ErrSyntax, ""},
		{"part of a sum", func(s *scenario.Scenario) {
			s.Rule = scenario.Sum(scenario.PassThrough(), scenario.Rule{Kind: scenario.KindPercent})
		}, "rule.parts[1].percent", benefit.ErrSyntax, ""},
		{"negative floor step", func(s *scenario.Scenario) { s.Floor.Projection = floor.StepTrend(benefit.MustParseAmount("-1")) }, "floor.projection.step", benefit.ErrNegative, ""},
		{"shipped floors, no projection", func(s *scenario.Scenario) { s.Floor.Projection = floor.Trend{} }, "floor.projection.kind", benefit.ErrSyntax, ""},
		{"projection only, unknown kind", func(s *scenario.Scenario) { s.Floor = floor.Path{Projection: floor.Trend{Kind: "jump"}} }, "floor.projection.kind", benefit.ErrSyntax, ""},
	})
}

// The constraints' documented rules, each at both sides: caps, a
// minimum raise and a fiscal cap's percent not negative (0 is allowed);
// a ceiling names its programme; a fiscal cap is of revenue or of
// revenue growth; a fund keeps 0-1200 months; a national rate is given
// once a year and not negative.
func TestCheckConstraints(t *testing.T) {
	zero, cent := amount("0"), amount("-0.01")
	wantAccepted(t, map[string]func(*scenario.Scenario){
		"caps 0": func(s *scenario.Scenario) {
			s.Constraints = scenario.Constraints{MaxStep: zero, MaxStepPercent: rate("0%"), MinRaise: zero}
		},
		"ceiling":             func(s *scenario.Scenario) { s.Constraints.Ceiling = &scenario.Ceiling{Program: "veterans.disability"} },
		"0 % of revenue":      func(s *scenario.Scenario) { s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenue} },
		"fund keeps 0 months": func(s *scenario.Scenario) { s.Constraints.Fund = &scenario.FundReserve{} },
		"fund keeps 1200":     func(s *scenario.Scenario) { s.Constraints.Fund = &scenario.FundReserve{Months: 1200} },
		"national rates": func(s *scenario.Scenario) {
			s.Constraints.NationalRate = &scenario.NationalCap{Rates: []scenario.YearRate{{Year: 2026, Rate: benefit.Percent(2)}, {Year: 2027}}}
		},
		"of revenue growth, given": func(s *scenario.Scenario) {
			s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenueGrowth, Percent: benefit.Percent(10)}
			s.Assumptions.RevenueGrowth = rate("5%")
		},
	})
	wantRefused(t, []refusal{
		{"max step −0.01", func(s *scenario.Scenario) { s.Constraints.MaxStep = cent }, "constraints.max_step", benefit.ErrNegative, "-0.01"},
		{"max step −0.01 %", func(s *scenario.Scenario) { s.Constraints.MaxStepPercent = rate("-0.01%") }, "constraints.max_step_percent", benefit.ErrNegative, ""},
		{"min raise −0.01", func(s *scenario.Scenario) { s.Constraints.MinRaise = cent }, "constraints.min_raise", benefit.ErrNegative, ""},
		{"ceiling of nothing", func(s *scenario.Scenario) {
			s.Constraints.Ceiling = &scenario.Ceiling{Dims: benefit.MustParseDims("grade=10")}
		}, "constraints.ceiling.program", benefit.ErrSyntax, ""},
		{"cap without basis", func(s *scenario.Scenario) { s.Constraints.FiscalCap = &scenario.FiscalCap{Percent: benefit.Percent(1)} }, "constraints.fiscal_cap.basis", benefit.ErrSyntax, ""},
		{"cap of GDP", func(s *scenario.Scenario) { s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: "gdp"} }, "constraints.fiscal_cap.basis", benefit.ErrSyntax, `"gdp"`},
		{"cap −0.01 %", func(s *scenario.Scenario) {
			s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: benefit.MustParseRate("-0.01%")}
		}, "constraints.fiscal_cap.percent", benefit.ErrNegative, ""},
		{"growth cap −1 %", func(s *scenario.Scenario) {
			s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenueGrowth, Percent: benefit.Percent(-1)}
			s.Assumptions.RevenueGrowth = rate("5%")
		}, "constraints.fiscal_cap.percent", benefit.ErrNegative, ""},
		{"fund −1 month", func(s *scenario.Scenario) { s.Constraints.Fund = &scenario.FundReserve{Months: -1} }, "constraints.fund.months", benefit.ErrRange, "(want 0-1200)"},
		{"fund 1201 months", func(s *scenario.Scenario) { s.Constraints.Fund = &scenario.FundReserve{Months: 1201} }, "constraints.fund.months", benefit.ErrRange, ""},
		{"national year twice", func(s *scenario.Scenario) {
			s.Constraints.NationalRate = &scenario.NationalCap{Rates: []scenario.YearRate{{Year: 2026}, {Year: 2027}, {Year: 2026}}}
		}, "constraints.national_rate.rates[2].year", benefit.ErrSyntax, "already given in rates[0]"},
		{"national rate −0.01 %", func(s *scenario.Scenario) {
			s.Constraints.NationalRate = &scenario.NationalCap{Rates: []scenario.YearRate{{Year: 2026}, {Year: 2027, Rate: benefit.MustParseRate("-0.01%")}}}
		}, "constraints.national_rate.rates[1].rate", benefit.ErrNegative, ""},
	})
}
