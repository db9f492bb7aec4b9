package scenario_test

import (
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/scenario"
)

// A driver is read from the first source that gives it: the region's
// value for the year, the region's default, the scenario's value for the
// year, the scenario's default. Each case takes the sources above the
// one it expects away; an entry for the year that gives another driver
// is not a source of this one; region index −1 and an index past the
// regions read the scenario's sources only.
func TestAssumptionOrder(t *testing.T) {
	full := func() scenario.Scenario {
		s := checkBase()
		s.Assumptions.CPI = rate("1%")
		s.Years = []scenario.YearAssumptions{
			{Year: 2025, Assumptions: scenario.Assumptions{WageGrowth: rate("9%")}},
			{Year: 2026, Assumptions: scenario.Assumptions{CPI: rate("2%")}},
		}
		s.Regions[1].Assumptions.CPI = rate("3%")
		s.Regions[1].Years = []scenario.YearAssumptions{
			{Year: 2025, Assumptions: scenario.Assumptions{WageGrowth: rate("8%")}},
			{Year: 2026, Assumptions: scenario.Assumptions{CPI: rate("4%")}},
		}
		return s
	}
	for _, c := range []struct {
		name     string
		edit     func(*scenario.Scenario)
		ri, year int
		want     string
		path     string
	}{
		{"region's year", func(*scenario.Scenario) {}, 1, 2026, "4%", "regions[1].years[1].cpi"},
		{"region's default", func(s *scenario.Scenario) { s.Regions[1].Years = nil }, 1, 2026, "3%", "regions[1].assumptions.cpi"},
		{"region's year not given", func(*scenario.Scenario) {}, 1, 2027, "3%", "regions[1].assumptions.cpi"},
		{"region's year gives another driver", func(*scenario.Scenario) {}, 1, 2025, "3%", "regions[1].assumptions.cpi"},
		{"scenario's year", func(s *scenario.Scenario) { s.Regions[1] = s.Regions[0] }, 1, 2026, "2%", "years[1].cpi"},
		{"scenario's year, region gives none", func(*scenario.Scenario) {}, 0, 2026, "2%", "years[1].cpi"},
		{"scenario's default", func(*scenario.Scenario) {}, 0, 2027, "1%", "assumptions.cpi"},
		{"scenario's year gives another driver", func(*scenario.Scenario) {}, 0, 2025, "1%", "assumptions.cpi"},
		{"the scenario as a whole", func(*scenario.Scenario) {}, -1, 2026, "2%", "years[1].cpi"},
		{"the scenario as a whole, default", func(*scenario.Scenario) {}, -1, 2028, "1%", "assumptions.cpi"},
		{"index past the regions", func(*scenario.Scenario) {}, 2, 2026, "2%", "years[1].cpi"},
		{"index far past the regions", func(*scenario.Scenario) {}, 7, 2024, "1%", "assumptions.cpi"},
	} {
		s := full()
		c.edit(&s)
		v, ok := s.Assumption(scenario.CPI, c.ri, c.year)
		if !ok || v.String() != c.want {
			t.Errorf("%s: %v %v, want %s", c.name, v, ok, c.want)
		}
		if p := s.AssumptionPath(scenario.CPI, c.ri, c.year); p != c.path {
			t.Errorf("%s: path %q, want %q", c.name, p, c.path)
		}
	}
	// no source: not given, and no path
	s := full()
	s.Assumptions.CPI = nil
	for _, q := range []struct{ ri, year int }{{0, 2027}, {-1, 2025}, {2, 2027}} {
		if v, ok := s.Assumption(scenario.CPI, q.ri, q.year); ok || !v.IsZero() {
			t.Errorf("region %d, %d: %v %v, want not given", q.ri, q.year, v, ok)
		}
		if p := s.AssumptionPath(scenario.CPI, q.ri, q.year); p != "" {
			t.Errorf("region %d, %d: path %q, want none", q.ri, q.year, p)
		}
	}
}

// Each driver is its own JSON member: a scenario that gives the five
// with five values reads each back under its name; a name that is no
// driver is never given.
func TestAssumptionDrivers(t *testing.T) {
	s := checkBase()
	s.Assumptions = scenario.Assumptions{GDPGrowth: rate("1%"), CPI: rate("2%"), WageGrowth: rate("3%"), RevenueGrowth: rate("4%"), BeneficiaryGrowth: rate("5%")}
	for _, c := range []struct {
		d    scenario.Driver
		want string
	}{{scenario.GDPGrowth, "1%"}, {scenario.CPI, "2%"}, {scenario.WageGrowth, "3%"}, {scenario.RevenueGrowth, "4%"}, {scenario.BeneficiaryGrowth, "5%"}} {
		if v, ok := s.Assumption(c.d, 0, 2025); !ok || v.String() != c.want {
			t.Errorf("%s: %v %v, want %s", c.d, v, ok, c.want)
		}
		if p := s.AssumptionPath(c.d, 0, 2025); p != "assumptions."+string(c.d) {
			t.Errorf("%s: path %q", c.d, p)
		}
	}
	if _, ok := s.Assumption("gdp", 0, 2025); ok {
		t.Error(`"gdp" is given`)
	}
}

// Check wants every driver the rule and the fiscal cap read for every
// region and every simulated year (StartYear … StartYear+Horizon-1,
// 2025-2027 here) from some source, and names the field that reads it:
// an index rule's non-zero wage or CPI weight (a zero weight reads
// nothing), a fiscal cap of revenue growth (one of revenue reads none).
func TestCheckAssumptions(t *testing.T) {
	idx := func(wage, cpi int64) scenario.Rule {
		return scenario.Indexation(benefit.Percent(wage), benefit.Percent(cpi), benefit.Rate{})
	}
	cpiOnly := func(a *scenario.Assumptions) { a.CPI = rate("2%") }
	wantAccepted(t, map[string]func(*scenario.Scenario){
		"zero weights": func(s *scenario.Scenario) { s.Rule = idx(0, 0) },
		"zero wage weight, CPI given": func(s *scenario.Scenario) {
			s.Rule = idx(0, 50)
			s.Assumptions.CPI = rate("2%")
		},
		"CPI for each year": func(s *scenario.Scenario) { s.Rule, s.Years = idx(0, 50), years(cpiOnly, 2025, 2026, 2027) },
		"CPI for each year, and an earlier one": func(s *scenario.Scenario) {
			s.Rule, s.Years = idx(0, 50), years(cpiOnly, 2024, 2027, 2026, 2025)
		},
		"each region its own": func(s *scenario.Scenario) {
			s.Rule = idx(0, 50)
			s.Regions[0].Assumptions.CPI = rate("1%")
			s.Regions[1].Years = years(cpiOnly, 2025, 2026, 2027)
		},
		"one region its own, the other the scenario's": func(s *scenario.Scenario) {
			s.Rule = idx(0, 50)
			s.Regions[0].Years = years(cpiOnly, 2026)
			s.Assumptions.CPI = rate("1%")
		},
		"cap of revenue": func(s *scenario.Scenario) {
			s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: benefit.Percent(1)}
		},
		"100 years given": func(s *scenario.Scenario) {
			s.Horizon = 100
			s.Rule = idx(0, 50)
			ys := make([]int, 100)
			for i := range ys {
				ys[i] = 2025 + i
			}
			s.Years = years(cpiOnly, ys...)
		},
	})
	wantRefused(t, []refusal{
		{"wage weight", func(s *scenario.Scenario) { s.Rule = idx(50, 0) }, "rule.wage_weight", scenario.ErrMissingAssumption, "needs wage_growth for region 110000 in 2025"},
		{"CPI weight", func(s *scenario.Scenario) {
			s.Rule = idx(50, 50)
			s.Assumptions.WageGrowth = rate("5%")
		}, "rule.cpi_weight", scenario.ErrMissingAssumption, "needs cpi for region 110000 in 2025"},
		{"part of a sum", func(s *scenario.Scenario) {
			s.Rule = scenario.Sum(scenario.PassThrough(), idx(0, 50))
		}, "rule.parts[1].cpi_weight", scenario.ErrMissingAssumption, ""},
		{"cap of revenue growth", func(s *scenario.Scenario) {
			s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenueGrowth, Percent: benefit.Percent(1)}
		}, "constraints.fiscal_cap.basis", scenario.ErrMissingAssumption, "needs revenue_growth"},
		{"last year not given", func(s *scenario.Scenario) { s.Rule, s.Years = idx(0, 50), years(cpiOnly, 2025, 2026) }, "rule.cpi_weight", scenario.ErrMissingAssumption, "110000 in 2027"},
		{"first year not given", func(s *scenario.Scenario) { s.Rule, s.Years = idx(0, 50), years(cpiOnly, 2026, 2027, 2028) }, "rule.cpi_weight", scenario.ErrMissingAssumption, "110000 in 2025"},
		{"last of 100 years not given", func(s *scenario.Scenario) {
			s.Horizon = 100
			s.Rule = idx(0, 50)
			ys := make([]int, 99)
			for i := range ys {
				ys[i] = 2025 + i
			}
			s.Years = years(cpiOnly, ys...)
		}, "rule.cpi_weight", scenario.ErrMissingAssumption, "in 2124"},
		// 四川 giving its own does not give 北京's
		{"one region gives its own", func(s *scenario.Scenario) {
			s.Rule = idx(0, 50)
			s.Regions[1].Assumptions.CPI = rate("1%")
		}, "rule.cpi_weight", scenario.ErrMissingAssumption, "region 110000 in 2025, but neither regions[0].years, regions[0].assumptions"},
		{"a region's last year not given", func(s *scenario.Scenario) {
			s.Rule = idx(0, 50)
			s.Regions[0].Assumptions.CPI = rate("1%")
			s.Regions[1].Years = years(cpiOnly, 2025, 2026)
		}, "rule.cpi_weight", scenario.ErrMissingAssumption, "region 510000 in 2027"},
		{"regions' last years not given", func(s *scenario.Scenario) {
			s.Rule = idx(0, 50)
			s.Regions[0].Years = years(cpiOnly, 2025, 2026)
			s.Regions[1].Years = years(cpiOnly, 2025, 2026)
		}, "rule.cpi_weight", scenario.ErrMissingAssumption, "region 110000 in 2027"},
		// a programme without a national floor reads its rule's drivers
		// as any other
		{"no floor path", func(s *scenario.Scenario) {
			s.Floor = floor.Path{}
			s.Rule = idx(50, 0)
		}, "rule.wage_weight", scenario.ErrMissingAssumption, ""},
	})
}
