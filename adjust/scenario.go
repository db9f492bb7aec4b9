package adjust

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
	"github.com/benefitstd/benefitstd/scenario"
)

// rateOf returns driver d of region index ri in year y, or 0 % when no
// source gives it.
func rateOf(s *scenario.Scenario, d scenario.Driver, ri, y int) benefit.Rate {
	v, _ := s.Assumption(d, ri, y)
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
