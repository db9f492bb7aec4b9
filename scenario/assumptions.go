package scenario

import (
	"errors"
	"fmt"

	"github.com/benefitstd/benefitstd/benefit"
)

// ErrMissingAssumption reports a figure the run reads and the scenario
// does not give: a driver a rule, a projection or a cap reads for some
// region and year, a reference figure, a fund, a national rate or a
// population.
var ErrMissingAssumption = errors.New("scenario: missing assumption")

// A Driver names one of the five economic drivers (经济参数) an
// Assumptions value holds; its value is the JSON member's name.
type Driver string

// The drivers.
const (
	GDPGrowth         Driver = "gdp_growth"         // 地区生产总值增长
	CPI               Driver = "cpi"                // 居民消费价格涨幅
	WageGrowth        Driver = "wage_growth"        // 职工平均工资增长
	RevenueGrowth     Driver = "revenue_growth"     // 一般公共预算收入增长
	BeneficiaryGrowth Driver = "beneficiary_growth" // 领取人数增长
)

// of returns the field of a that holds d; nil when a does not give it.
func (a *Assumptions) of(d Driver) *benefit.Rate {
	switch d {
	case GDPGrowth:
		return a.GDPGrowth
	case CPI:
		return a.CPI
	case WageGrowth:
		return a.WageGrowth
	case RevenueGrowth:
		return a.RevenueGrowth
	case BeneficiaryGrowth:
		return a.BeneficiaryGrowth
	}
	return nil
}

// Assumption returns driver d of the region at index ri of Regions (−1:
// the scenario as a whole, as a projection of the national floor reads
// it) in year y, from the first source that gives it: the region's value
// for y, the region's default, the scenario's value for y, the
// scenario's default. It reports false when none of them does.
func (s *Scenario) Assumption(d Driver, ri, y int) (benefit.Rate, bool) {
	v, _, _, ok := s.lookup(d, ri, y)
	return v, ok
}

// AssumptionPath returns the JSON path of the value Assumption(d, ri, y)
// reads ("regions[0].years[2].beneficiary_growth", "assumptions.cpi"),
// or "" when no source gives it: for an error that names the figure.
func (s *Scenario) AssumptionPath(d Driver, ri, y int) string {
	_, src, i, ok := s.lookup(d, ri, y)
	switch {
	case !ok:
		return ""
	case src == srcRegionYear:
		return fmt.Sprintf("regions[%d].years[%d].%s", ri, i, d)
	case src == srcRegion:
		return fmt.Sprintf("regions[%d].assumptions.%s", ri, d)
	case src == srcYear:
		return fmt.Sprintf("years[%d].%s", i, d)
	}
	return "assumptions." + string(d)
}

// The sources of a driver, in the order they are read.
const (
	srcRegionYear = iota
	srcRegion
	srcYear
	srcScenario
)

func (s *Scenario) lookup(d Driver, ri, y int) (benefit.Rate, int, int, bool) {
	if ri >= 0 && ri < len(s.Regions) {
		r := &s.Regions[ri]
		for i := range r.Years {
			if r.Years[i].Year == y {
				if v := r.Years[i].of(d); v != nil {
					return *v, srcRegionYear, i, true
				}
			}
		}
		if v := r.Assumptions.of(d); v != nil {
			return *v, srcRegion, 0, true
		}
	}
	for i := range s.Years {
		if s.Years[i].Year == y {
			if v := s.Years[i].of(d); v != nil {
				return *v, srcYear, i, true
			}
		}
	}
	if v := s.Assumptions.of(d); v != nil {
		return *v, srcScenario, 0, true
	}
	return benefit.Rate{}, 0, 0, false
}

// ruleNeeds lists the drivers a rule reads, with the JSON path of the
// field that reads each.
func ruleNeeds(r *Rule, path string, add func(field string, d Driver)) {
	switch r.Kind {
	case KindIndex:
		if r.WageWeight != nil && !r.WageWeight.IsZero() {
			add(path+".wage_weight", WageGrowth)
		}
		if r.CPIWeight != nil && !r.CPIWeight.IsZero() {
			add(path+".cpi_weight", CPI)
		}
	case KindSum:
		for i := range r.Parts {
			ruleNeeds(&r.Parts[i], fmt.Sprintf("%s.parts[%d]", path, i), add)
		}
	}
}

// checkAssumptions makes sure every driver the rule and the fiscal cap
// read is given for every region and year that reads it (a projection
// of the national floor asks for its own as the path is projected).
func (s *Scenario) checkAssumptions() error {
	type need struct {
		field string
		d     Driver
	}
	var needs []need
	ruleNeeds(&s.Rule, "rule", func(f string, d Driver) { needs = append(needs, need{f, d}) })
	if c := s.Constraints.FiscalCap; c != nil && c.Basis == OfRevenueGrowth {
		needs = append(needs, need{"constraints.fiscal_cap.basis", RevenueGrowth})
	}
	if len(needs) == 0 {
		return nil
	}
	end := s.StartYear + s.Horizon - 1
	// a region that gives none of its own reads the scenario's: looked up
	// once a year
	wide := true
	for y := s.StartYear; y <= end; y++ {
		for _, n := range needs {
			_, ok := s.Assumption(n.d, -1, y)
			wide = wide && ok
		}
	}
	for ri := range s.Regions {
		if r := &s.Regions[ri]; wide && r.Assumptions == (Assumptions{}) && len(r.Years) == 0 {
			continue
		}
		for y := s.StartYear; y <= end; y++ {
			for _, n := range needs {
				if _, ok := s.Assumption(n.d, ri, y); !ok {
					return fieldErr(n.field, ErrMissingAssumption, "needs %s for region %s in %d, but neither regions[%d].years, regions[%d].assumptions, years nor assumptions give it",
						n.d, s.Regions[ri].Code, y, ri, ri)
				}
			}
		}
	}
	return nil
}
