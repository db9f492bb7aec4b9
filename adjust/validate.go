package adjust

import (
	"fmt"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
	"github.com/benefitstd/benefitstd/scenario"
)

// Limits of a run.
const (
	maxBeneficiaries = input.MaxPersons // persons in a region, in any year (the floor check's limit)
	maxLevelFen      = 1e17 - 1         // the largest amount ParseAmount accepts, in fen
)

// Validate checks s as Run with opts would (opts.Catalogue, Regions and
// Floors; nil: the embedded ones), without running it: its shape
// (scenario.Scenario.Check), then everything that needs the catalogue,
// the floor path and the engine. Every error is a *benefit.RecordError
// whose Field is the JSON path of the offending value
// ("regions[3].beneficiaries", "rule.parts[1].wage_weight").
func Validate(s *scenario.Scenario, opts Options) error {
	_, err := prepare(s, &opts)
	return err
}

func fieldErr(field string, err error, format string, args ...any) error {
	return &benefit.RecordError{Field: field, Err: fmt.Errorf("%w: "+format, append([]any{err}, args...)...)}
}

// floorGrowth gives an index projection of the floor the scenario-wide
// wage growth and CPI of year y (floor.PathOptions.Growth); a figure the
// projection reads and no source gives is an error naming the weight
// that reads it ("projection.wage_weight", within the floor path).
func floorGrowth(s *scenario.Scenario, y int) (wage, cpi benefit.Rate, err error) {
	readsWage, readsCPI := s.Floor.Projection.Reads()
	for _, n := range []struct {
		reads bool
		d     scenario.Driver
		v     *benefit.Rate
		field string
	}{{readsWage, scenario.WageGrowth, &wage, "projection.wage_weight"}, {readsCPI, scenario.CPI, &cpi, "projection.cpi_weight"}} {
		if !n.reads {
			continue
		}
		v, ok := s.Assumption(n.d, -1, y)
		if !ok {
			return wage, cpi, fieldErr(n.field, scenario.ErrMissingAssumption, "needs the scenario-wide %s for %d, but neither years nor assumptions give it", n.d, y)
		}
		*n.v = v
	}
	return wage, cpi, nil
}
