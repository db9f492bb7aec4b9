package adjust

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// prepared is a validated scenario with everything a region-year step
// reads precomputed. It is read-only while regions run.
type prepared struct {
	s        *scenario.Scenario
	prog     benefit.Program
	round    benefit.Rounding
	unitFen  int64            // grid step in fen
	down, up benefit.Rounding // the grid rounded toward zero / away from zero
	path     *floor.Projected // the national floor path
	month    int              // the effective month of each year's level, 1-12
	// floors[i] is the floor of year baseYear()+i (i = 0…Horizon) from
	// the effective month on, mf[i] its floor month by month
	floors   []floor.YearFloor
	mf       [][12]benefit.Amount
	tab      *region.Table
	names    []string // display name per region index
	order    []int    // region indices sorted by code
	ruleText string   // s.Rule.String(), each row's Rule
	costRule region.CostRule
	// annualFactor is 12 for a monthly programme, 1 for a yearly one.
	annualFactor int64
	catVer       string
	kp           *kernelPlan
	dom          *domain // nil for a scenario that needs none (domain.go)
	// ceil[i] is the highest level on the grid that year StartYear+i's
	// ceiling allows (scenario.Constraints.Ceiling); nil without a ceiling.
	ceil []benefit.Amount
}

func prepare(s *scenario.Scenario, o *Options) (*prepared, error) {
	cat := o.catalogue()
	tab := o.regions()
	if len(s.CostRules) > 0 {
		var err error
		if tab, err = tab.WithCostRules(s.CostRules...); err != nil {
			return nil, err // a *benefit.RecordError at cost_rules[i]
		}
	}
	prog, err := cat.Program(s.Program)
	if err != nil {
		return nil, fieldErr("program", benefit.ErrUnknownProgram, "%q (known: %v)", s.Program, cat.IDs())
	}
	if err := prog.CheckDims(s.Dims); err != nil {
		return nil, &benefit.RecordError{Field: "dims", Err: err}
	}
	costRule, err := tab.CostRule(s.Program)
	if err != nil {
		return nil, &benefit.RecordError{Field: "program", Err: err}
	}
	if err := s.Check(tab); err != nil {
		return nil, err
	}
	if err := checkCapRule(s.Constraints.FiscalCap, costRule); err != nil {
		return nil, err
	}
	p := &prepared{s: s, prog: prog, round: prog.Rounding, tab: tab, catVer: cat.Version(), costRule: costRule, annualFactor: 12, month: effMonth(s)}
	if prog.Frequency == benefit.PerYear {
		p.annualFactor = 1
	}
	if s.Rounding != nil {
		if !s.Rounding.IsValid() {
			return nil, fieldErr("rounding", benefit.ErrSyntax, "invalid rounding")
		}
		p.round = *s.Rounding
	}
	p.down = benefit.Rounding{Unit: p.round.Unit, Mode: benefit.Down}
	p.up = benefit.Rounding{Unit: p.round.Unit, Mode: benefit.Up}
	p.unitFen, _ = p.round.Unit.Step().Fen()

	set := o.Floors
	if set == nil {
		set = floor.Default()
	}
	for i := range s.Tables {
		if set, err = set.Project(s.Tables[i]); err != nil {
			if re, ok := errors.AsType[*benefit.RecordError](err); ok {
				re.Field = fmt.Sprintf("tables[%d].%s", i, re.Field)
			}
			return nil, err
		}
	}
	noFloor := noFloor(s, set)
	if !noFloor {
		if p.path, err = s.Floor.Project(floor.PathOptions{
			Program: s.Program, Dims: s.Dims, From: baseYear(s), To: endYear(s), Rounding: &p.round,
			Growth: func(y int) (benefit.Rate, benefit.Rate, error) { return floorGrowth(s, y) }, Floors: set, Catalogue: cat,
		}); err != nil {
			if re, ok := errors.AsType[*benefit.RecordError](err); ok {
				re.Field = "floor." + re.Field
			}
			return nil, err
		}
	}
	p.monthFloors()
	if err := p.ceilings(set, cat); err != nil {
		return nil, err
	}
	p.planKernel()
	if err := p.prepareDomain(o, set, noFloor); err != nil {
		return nil, err
	}
	p.names = make([]string, len(s.Regions))
	p.order = make([]int, len(s.Regions))
	for i := range s.Regions {
		p.names[i] = tab.Name(s.Regions[i].Code)
		p.order[i] = i
	}
	slices.SortFunc(p.order, func(a, b int) int { return s.Regions[a].Code.Compare(s.Regions[b].Code) })
	p.ruleText = s.Rule.String()
	return p, nil
}

// checkCapRule refuses a fiscal cap under a cost rule in which the centre
// pays part of the top-up above the floor: capSolve needs the central
// share to be the same for every level at or above the floor. Every cost
// rule the library ships leaves the top-up wholly local.
func checkCapRule(fc *scenario.FiscalCap, r region.CostRule) error {
	if fc == nil {
		return nil
	}
	for tr := region.Tier(1); tr <= 5; tr++ {
		if s := r.TopUp[tr.String()]; !s.IsZero() {
			return fieldErr("constraints.fiscal_cap", errors.ErrUnsupported,
				"the centre pays %s of the top-up above the floor in fiscal tier %s of %s; a fiscal cap is solved only where the top-up is wholly local", s, tr, r.Program)
		}
	}
	return nil
}

// noFloor reports whether s runs without a national floor: its
// programme has none in set (the unemployment benefit, bounded by other
// figures instead; the retirees' pensions) and its floor path is left
// empty. A path given for such a programme is projected as any other
// (a history given in it is a floor of the scenario's own).
func noFloor(s *scenario.Scenario, set *floor.Set) bool {
	f := &s.Floor
	if len(f.History) > 0 || f.ShippedThrough != 0 || f.Projection != (floor.Trend{}) {
		return false
	}
	_, ok := set.NationalSchedule(s.Program, s.Dims)
	return !ok
}

// noFloors returns the floor of every year of a run without a national
// floor: zero, with the status unknown.
func noFloors(s *scenario.Scenario) []floor.YearFloor {
	fs := make([]floor.YearFloor, s.Horizon+1)
	for i := range fs {
		fs[i] = floor.YearFloor{Year: baseYear(s) + i, Citation: benefit.Citation{Note: "no national floor: " + s.Program + " has none"}}
	}
	return fs
}

// ceilings fills p.ceil from the national standard of the ceiling's
// column in set, in force in each year's effective month: the highest
// grid level whose yearly amount (12 × a monthly level) is at most the
// standard's yearly amount. That level is the exact quotient rounded
// down to the grid, so 12 × it ≤ the standard < 12 × (it + a step): the
// comparison is the multiplication, and no standard is divided into a
// rounded monthly figure.
func (p *prepared) ceilings(set *floor.Set, cat *benefit.Catalogue) error {
	c := p.s.Constraints.Ceiling
	if c == nil {
		return nil
	}
	prog, err := cat.Program(c.Program)
	if err != nil {
		return fieldErr("constraints.ceiling.program", benefit.ErrUnknownProgram, "%q", c.Program)
	}
	if err := prog.CheckDims(c.Dims); err != nil {
		return &benefit.RecordError{Field: "constraints.ceiling.dims", Err: err}
	}
	sch, ok := set.NationalSchedule(c.Program, c.Dims)
	if !ok {
		return fieldErr("constraints.ceiling", floor.ErrNoFloor, "no national standard of %s %s", c.Program, c.Dims)
	}
	s := p.s
	p.ceil = make([]benefit.Amount, s.Horizon)
	for i := range p.ceil {
		m := benefit.NewMonth(s.StartYear+i, time.Month(p.month))
		v, ok := sch.At(m)
		if !ok {
			return fieldErr("constraints.ceiling", floor.ErrNoFloor, "no national standard of %s %s in force in %s", c.Program, c.Dims, m)
		}
		limit := prog.Frequency.Annual(v.Amount)
		if p.annualFactor == 1 {
			p.ceil[i] = limit.Round(p.down)
		} else {
			p.ceil[i], _ = limit.QuoInt(12, p.down) // 12 ≠ 0
		}
	}
	return nil
}
