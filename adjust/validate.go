package adjust

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/internal/input"
	"github.com/benefitstd/benefitstd/region"
)

// Limits of a scenario.
const (
	maxHorizon       = 100              // years
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

// Validate checks s against the embedded catalogue, region table and
// floors, as Run would, without running it. Every error is a
// *benefit.RecordError whose Field is the JSON path of the offending
// value ("regions[3].beneficiaries", "rule.parts[1].wage_weight").
func (s *Scenario) Validate() error { return s.validate(nil) }

func (s *Scenario) validate(o *Options) error {
	if o == nil {
		o = &Options{}
	}
	_, err := prepare(s, o)
	return err
}

func fieldErr(field string, err error, format string, args ...any) error {
	return &benefit.RecordError{Field: field, Err: fmt.Errorf("%w: "+format, append([]any{err}, args...)...)}
}

// checkShape validates everything that does not need the floor path.
func (s *Scenario) checkShape(tab *region.Table) error {
	if s.Horizon < 1 || s.Horizon > maxHorizon {
		return fieldErr("horizon", benefit.ErrRange, "%d years (want 1-%d)", s.Horizon, maxHorizon)
	}
	if s.StartYear <= benefit.MinYear || s.StartYear+s.Horizon > benefit.MaxYear {
		return fieldErr("start_year", benefit.ErrRange, "%d (want %d-%d)", s.StartYear, benefit.MinYear+1, benefit.MaxYear-s.Horizon)
	}
	if s.EffectiveMonth < 0 || s.EffectiveMonth > 12 {
		return fieldErr("effective_month", benefit.ErrRange, "%d (want 1-12, or 0 for January)", s.EffectiveMonth)
	}
	if s.RevenueYear != 0 && (s.RevenueYear < benefit.MinYear || s.RevenueYear > s.baseYear()) {
		return fieldErr("revenue_year", benefit.ErrRange, "%d (want %d-%d, at most the base year)", s.RevenueYear, benefit.MinYear, s.baseYear())
	}
	if err := checkRates("assumptions", &s.Assumptions); err != nil {
		return err
	}
	if err := checkYears("years", s.Years); err != nil {
		return err
	}
	if len(s.Regions) == 0 {
		return fieldErr("regions", benefit.ErrSyntax, "no regions")
	}
	seen := map[region.Code]int{}
	for i := range s.Regions {
		r := &s.Regions[i]
		p := func(field string) string { return "regions[" + strconv.Itoa(i) + "]." + field } // on error only
		if !r.Code.IsValid() {
			return fieldErr(p("code"), region.ErrInvalidCode, "missing code")
		}
		if _, err := tab.Resolve(r.Code); err != nil {
			return &benefit.RecordError{Field: p("code"), Err: err}
		}
		if j, dup := seen[r.Code]; dup {
			return fieldErr(p("code"), benefit.ErrSyntax, "region %s already given as regions[%d]", r.Code, j)
		}
		seen[r.Code] = i
		if r.Beneficiaries < 0 {
			return fieldErr(p("beneficiaries"), benefit.ErrNegative, "%d", r.Beneficiaries)
		}
		if r.Beneficiaries > maxBeneficiaries {
			return fieldErr(p("beneficiaries"), benefit.ErrRange, "%d (more than %d persons)", r.Beneficiaries, int64(maxBeneficiaries))
		}
		if r.Level.Sign() < 0 {
			return fieldErr(p("level"), benefit.ErrNegative, "%s", r.Level)
		}
		if r.Revenue.Sign() < 0 {
			return fieldErr(p("revenue"), benefit.ErrNegative, "%s", r.Revenue)
		}
		if r.Assumptions != (Assumptions{}) {
			if err := checkRates(p("assumptions"), &r.Assumptions); err != nil {
				return err
			}
		}
		if len(r.Years) > 0 {
			if err := checkYears(p("years"), r.Years); err != nil {
				return err
			}
		}
	}
	if err := s.Rule.validate("rule", 0); err != nil {
		return err
	}
	if err := s.Constraints.validate(); err != nil {
		return err
	}
	if f := &s.Floor; len(f.History) == 0 && f.ShippedThrough == 0 && f.Projection == (floor.Trend{}) {
		return nil // no path: a programme without a national floor (noFloor), or an error of Project
	}
	if err := s.Floor.Projection.Validate(); err != nil {
		if re, ok := errors.AsType[*benefit.RecordError](err); ok {
			re.Field = "floor." + re.Field
		}
		return err
	}
	return nil
}

func checkYears(path string, ys []YearAssumptions) error {
	seen := map[int]int{}
	for i, y := range ys {
		if y.Year < benefit.MinYear || y.Year > benefit.MaxYear {
			return fieldErr(fmt.Sprintf("%s[%d].year", path, i), benefit.ErrRange, "%d", y.Year)
		}
		if j, dup := seen[y.Year]; dup {
			return fieldErr(fmt.Sprintf("%s[%d].year", path, i), benefit.ErrSyntax, "year %d already given in %s[%d]", y.Year, path, j)
		}
		seen[y.Year] = i
		if err := checkRates(fmt.Sprintf("%s[%d]", path, i), &ys[i].Assumptions); err != nil {
			return err
		}
	}
	return nil
}

// checkRates rejects a growth rate below −100 %: no figure can shrink
// by more than all of itself, and a negative revenue or count would make
// every later figure meaningless.
func checkRates(path string, a *Assumptions) error {
	for _, k := range []assumption{gdpGrowth, cpiGrowth, wageGrowth, revenueGrowth, beneficiaryGrowth} {
		if v := a.get(k); v != nil && v.Add(benefit.Percent(100)).Sign() < 0 {
			return fieldErr(path+"."+string(k), benefit.ErrRange, "%s (a growth rate is at least -100%%)", v)
		}
	}
	return nil
}

// ruleNeeds lists the assumptions a rule reads, with the JSON path of
// the field that reads each.
func ruleNeeds(r *Rule, path string, add func(field string, k assumption)) {
	switch r.Kind {
	case KindIndex:
		if r.WageWeight != nil && !r.WageWeight.IsZero() {
			add(path+".wage_weight", wageGrowth)
		}
		if r.CPIWeight != nil && !r.CPIWeight.IsZero() {
			add(path+".cpi_weight", cpiGrowth)
		}
	case KindSum:
		for i := range r.Parts {
			ruleNeeds(&r.Parts[i], fmt.Sprintf("%s.parts[%d]", path, i), add)
		}
	}
}

// checkAssumptions makes sure every assumption the rule and the fiscal
// cap read is given for every region and year that reads it (the floor
// projection's are asked for by floorGrowth as the path is projected).
func (s *Scenario) checkAssumptions() error {
	type need struct {
		field string
		k     assumption
	}
	var needs []need
	ruleNeeds(&s.Rule, "rule", func(f string, k assumption) { needs = append(needs, need{f, k}) })
	if c := s.Constraints.FiscalCap; c != nil && c.Basis == OfRevenueGrowth {
		needs = append(needs, need{"constraints.fiscal_cap.basis", revenueGrowth})
	}
	if len(needs) == 0 {
		return nil
	}
	// a region that gives none of its own reads the scenario's: looked up
	// once a year
	wide := true
	for y := s.StartYear; y <= s.endYear(); y++ {
		for _, n := range needs {
			_, _, _, ok := s.lookup(n.k, -1, y)
			wide = wide && ok
		}
	}
	for ri := range s.Regions {
		if wide && !s.givesOwn(ri) {
			continue
		}
		for y := s.StartYear; y <= s.endYear(); y++ {
			for _, n := range needs {
				if _, _, _, ok := s.lookup(n.k, ri, y); !ok {
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
func (s *Scenario) givesOwn(ri int) bool {
	r := &s.Regions[ri]
	return r.Assumptions != (Assumptions{}) || len(r.Years) > 0
}

// floorGrowth gives an index projection of the floor the scenario-wide
// wage growth and CPI of year y (floor.PathOptions.Growth); a figure the
// projection reads and no source gives is an error naming the weight
// that reads it ("projection.wage_weight", within the floor path).
func (s *Scenario) floorGrowth(y int) (wage, cpi benefit.Rate, err error) {
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
		v, _, _, ok := s.lookup(n.k, -1, y)
		if !ok {
			return wage, cpi, fieldErr(n.field, ErrMissingAssumption, "needs the scenario-wide %s for %d, but neither years nor assumptions give it", n.k, y)
		}
		*n.v = v
	}
	return wage, cpi, nil
}
