package adjust

import (
	"errors"
	"slices"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// prepared is a validated scenario with everything a region-year step
// reads precomputed. It is read-only while regions run.
type prepared struct {
	s        *Scenario
	prog     benefit.Program
	round    benefit.Rounding
	unitFen  int64             // grid step in fen
	down, up benefit.Rounding  // the grid rounded toward zero / away from zero
	path     *floor.Projected  // the national floor path
	floors   []floor.YearFloor // path.Years: floors[i] is year BaseYear()+i, i = 0…Horizon
	tab      *region.Table
	names    []string // display name per region index
	order    []int    // region indices sorted by code
	hash     string
	costRule region.CostRule
	// annualFactor is 12 for a monthly programme, 1 for a yearly one.
	annualFactor int64
	catVer       string
	kp           *kernelPlan
}

func prepare(s *Scenario, o *Options) (*prepared, error) {
	cat := o.catalogue()
	tab := o.regions()
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
	if err := s.checkShape(tab); err != nil {
		return nil, err
	}
	if err := checkCapRule(s.Constraints.FiscalCap, costRule); err != nil {
		return nil, err
	}
	p := &prepared{s: s, prog: prog, round: prog.Rounding, tab: tab, catVer: cat.Version(), costRule: costRule, annualFactor: 12}
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

	if err := s.checkAssumptions(); err != nil {
		return nil, err
	}
	if p.path, err = s.Floor.Project(floor.PathOptions{
		Program: s.Program, Dims: s.Dims, From: s.BaseYear(), To: s.EndYear(), Rounding: &p.round,
		Growth: s.floorGrowth, Floors: o.Floors, Catalogue: cat,
	}); err != nil {
		if re, ok := errors.AsType[*benefit.RecordError](err); ok {
			re.Field = "floor." + re.Field
		}
		return nil, err
	}
	p.floors = p.path.Years
	p.planKernel()
	p.names = make([]string, len(s.Regions))
	p.order = make([]int, len(s.Regions))
	for i := range s.Regions {
		p.names[i] = tab.Name(s.Regions[i].Code)
		p.order[i] = i
	}
	slices.SortFunc(p.order, func(a, b int) int { return s.Regions[a].Code.Compare(s.Regions[b].Code) })
	if p.hash, err = s.Hash(); err != nil {
		return nil, err
	}
	return p, nil
}

// checkCapRule refuses a fiscal cap under a cost rule in which the centre
// pays part of the top-up above the floor: capSolve needs the central
// share to be the same for every level at or above the floor. Every cost
// rule the library ships leaves the top-up wholly local.
func checkCapRule(fc *FiscalCap, r region.CostRule) error {
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
