package adjust

import (
	"errors"
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

// Sentinel errors for errors.Is, beside the benefit ones (ErrSyntax,
// ErrRange, ErrNegative, ErrUnknownProgram) and region.ErrUnknownRegion.
var (
	// ErrMissingAssumption reports a rule, projection or cap that reads an
	// assumption no source gives for some region and year.
	ErrMissingAssumption = errors.New("adjust: missing assumption")
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

// ruleNeeds lists the assumptions a rule reads, with the JSON path of
// the field that reads each.
func ruleNeeds(r *scenario.Rule, path string, add func(field string, k assumption)) {
	switch r.Kind {
	case scenario.KindIndex:
		if r.WageWeight != nil && !r.WageWeight.IsZero() {
			add(path+".wage_weight", wageGrowth)
		}
		if r.CPIWeight != nil && !r.CPIWeight.IsZero() {
			add(path+".cpi_weight", cpiGrowth)
		}
	case scenario.KindSum:
		for i := range r.Parts {
			ruleNeeds(&r.Parts[i], fmt.Sprintf("%s.parts[%d]", path, i), add)
		}
	}
}

// checkAssumptions makes sure every assumption the rule and the fiscal
// cap read is given for every region and year that reads it (the floor
// projection's are asked for by floorGrowth as the path is projected).
func checkAssumptions(s *scenario.Scenario) error {
	type need struct {
		field string
		k     assumption
	}
	var needs []need
	ruleNeeds(&s.Rule, "rule", func(f string, k assumption) { needs = append(needs, need{f, k}) })
	if c := s.Constraints.FiscalCap; c != nil && c.Basis == scenario.OfRevenueGrowth {
		needs = append(needs, need{"constraints.fiscal_cap.basis", revenueGrowth})
	}
	if len(needs) == 0 {
		return nil
	}
	// a region that gives none of its own reads the scenario's: looked up
	// once a year
	wide := true
	for y := s.StartYear; y <= endYear(s); y++ {
		for _, n := range needs {
			_, _, _, ok := lookup(s, n.k, -1, y)
			wide = wide && ok
		}
	}
	for ri := range s.Regions {
		if wide && !givesOwn(s, ri) {
			continue
		}
		for y := s.StartYear; y <= endYear(s); y++ {
			for _, n := range needs {
				if _, _, _, ok := lookup(s, n.k, ri, y); !ok {
					return fieldErr(n.field, ErrMissingAssumption, "needs %s for region %s in %d, but neither regions[%d].years, regions[%d].assumptions, years nor assumptions give it",
						n.k, s.Regions[ri].Code, y, ri, ri)
				}
			}
		}
	}
	return nil
}

// givesOwn reports whether region ri gives any assumption of its own
// (for all years or for one): if not, each of its lookups is the
// scenario's.
func givesOwn(s *scenario.Scenario, ri int) bool {
	r := &s.Regions[ri]
	return r.Assumptions != (scenario.Assumptions{}) || len(r.Years) > 0
}

// floorGrowth gives an index projection of the floor the scenario-wide
// wage growth and CPI of year y (floor.PathOptions.Growth); a figure the
// projection reads and no source gives is an error naming the weight
// that reads it ("projection.wage_weight", within the floor path).
func floorGrowth(s *scenario.Scenario, y int) (wage, cpi benefit.Rate, err error) {
	readsWage, readsCPI := s.Floor.Projection.Reads()
	for _, n := range []struct {
		reads bool
		k     assumption
		v     *benefit.Rate
		field string
	}{{readsWage, wageGrowth, &wage, "projection.wage_weight"}, {readsCPI, cpiGrowth, &cpi, "projection.cpi_weight"}} {
		if !n.reads {
			continue
		}
		v, _, _, ok := lookup(s, n.k, -1, y)
		if !ok {
			return wage, cpi, fieldErr(n.field, ErrMissingAssumption, "needs the scenario-wide %s for %d, but neither years nor assumptions give it", n.k, y)
		}
		*n.v = v
	}
	return wage, cpi, nil
}
