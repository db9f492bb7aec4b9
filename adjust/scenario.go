package adjust

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
	"github.com/benefitstd/benefitstd/scenario"
)

// An assumption names one of the five drivers.
type assumption string

// The drivers an scenario.Assumptions value holds.
const (
	gdpGrowth         assumption = "gdp_growth"
	cpiGrowth         assumption = "cpi"
	wageGrowth        assumption = "wage_growth"
	revenueGrowth     assumption = "revenue_growth"
	beneficiaryGrowth assumption = "beneficiary_growth"
)

func assumptionIn(a *scenario.Assumptions, k assumption) *benefit.Rate {
	switch k {
	case gdpGrowth:
		return a.GDPGrowth
	case cpiGrowth:
		return a.CPI
	case wageGrowth:
		return a.WageGrowth
	case revenueGrowth:
		return a.RevenueGrowth
	case beneficiaryGrowth:
		return a.BeneficiaryGrowth
	}
	return nil
}

// assumptionOf returns driver k for region index ri (-1 for the scenario
// as a whole, as the national floor projection uses) in year y, and
// where it came from. The lookup order is: the region's value for y, the
// region's default, the scenario's value for y, the scenario's default.
// It reports false when none of them gives the driver.
func assumptionOf(s *scenario.Scenario, k assumption, ri, y int) (benefit.Rate, string, bool) {
	v, src, i, ok := lookup(s, k, ri, y)
	if !ok {
		return benefit.Rate{}, "", false
	}
	var path string
	switch src {
	case srcRegionYear:
		path = fmt.Sprintf("regions[%d].years[%d].%s", ri, i, k)
	case srcRegion:
		path = fmt.Sprintf("regions[%d].assumptions.%s", ri, k)
	case srcYear:
		path = fmt.Sprintf("years[%d].%s", i, k)
	default:
		path = "assumptions." + string(k)
	}
	return v, path, true
}

const (
	srcRegionYear = iota
	srcRegion
	srcYear
	srcScenario
)

func lookup(s *scenario.Scenario, k assumption, ri, y int) (benefit.Rate, int, int, bool) {
	if ri >= 0 && ri < len(s.Regions) {
		r := &s.Regions[ri]
		for i := range r.Years {
			if r.Years[i].Year == y {
				if v := assumptionIn(&r.Years[i].Assumptions, k); v != nil {
					return *v, srcRegionYear, i, true
				}
			}
		}
		if v := assumptionIn(&r.Assumptions, k); v != nil {
			return *v, srcRegion, 0, true
		}
	}
	for i := range s.Years {
		if s.Years[i].Year == y {
			if v := assumptionIn(&s.Years[i].Assumptions, k); v != nil {
				return *v, srcYear, i, true
			}
		}
	}
	if v := assumptionIn(&s.Assumptions, k); v != nil {
		return *v, srcScenario, 0, true
	}
	return benefit.Rate{}, 0, 0, false
}

// rate returns driver k or 0 % when no source gives it.
func rateOf(s *scenario.Scenario, k assumption, ri, y int) benefit.Rate {
	v, _, _, _ := lookup(s, k, ri, y)
	return v
}

// baseYear returns StartYear-1, the year of the current levels.
func baseYear(s *scenario.Scenario) int { return s.StartYear - 1 }

// endYear returns StartYear+Horizon-1, the last simulated year.
func endYear(s *scenario.Scenario) int { return s.StartYear + s.Horizon - 1 }

func revenueYear(s *scenario.Scenario) int {
	if s.RevenueYear != 0 {
		return s.RevenueYear
	}
	return baseYear(s)
}

// LoadScenario reads a scenario from JSON, strictly: unknown fields,
// trailing data, malformed amounts and rates are errors. It then
// validates the scenario as Run with the same Options would (Validate),
// against opts.Catalogue, opts.Regions and opts.Floors (nil: the
// defaults): a region code the table does not hold is an error wrapping
// region.ErrUnknownRegion (give the table from region.Table.WithDivisions
// when the scenario names added divisions). name is the file name used
// in errors; every error is a *benefit.RecordError naming the file, the
// line when known, and the field path ("regions[1].code").
func LoadScenario(r io.Reader, name string, opts Options) (scenario.Scenario, error) {
	var s scenario.Scenario
	doc, err := input.ReadJSON(r, name, &s, opts.Limits)
	if err != nil {
		return scenario.Scenario{}, err
	}
	if err := Validate(&s, opts); err != nil {
		var re *benefit.RecordError
		if errors.As(err, &re) {
			re.File = name
		}
		return scenario.Scenario{}, doc.Locate(err)
	}
	return s, nil
}

// hash returns the hex SHA-256 of the canonical form
// (RunRecord.ScenarioSHA256).
func hash(s *scenario.Scenario) (string, error) {
	b, err := s.Canonical()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}
