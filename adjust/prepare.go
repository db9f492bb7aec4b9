package adjust

import (
	"fmt"
	"slices"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// prepared is a validated scenario with everything a region-year step
// reads precomputed. It is read-only while regions run.
type prepared struct {
	s        *Scenario
	prog     benefit.Program
	round    benefit.Rounding
	unitFen  int64            // grid step in fen
	down, up benefit.Rounding // the grid rounded toward zero / away from zero
	floors   []FloorYear      // floors[i] is year BaseYear()+i, i = 0…Horizon
	hist     benefit.Schedule // the floor history the path starts from
	tab      *region.Table
	names    []string // display name per region index
	order    []int    // region indices sorted by code
	hash     string
	costRule region.CostRule
	// annualFactor is 12 for a monthly programme, 1 for a yearly one.
	annualFactor int64
	catVer       string
	floorsVer    string // RunRecord.Floors
	slow         int    // Options.slow
	kp           *kernelPlan
}

func prepare(s *Scenario, o *Options) (*prepared, error) {
	cat := o.catalogue()
	tab := o.regions()
	prog, ok := cat.Lookup(s.Program)
	if !ok {
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
	p := &prepared{s: s, prog: prog, round: prog.Rounding, tab: tab, catVer: cat.Version(), costRule: costRule, annualFactor: 12}
	p.slow = o.slow
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

	hist, floorsVer, err := s.floorHistory(o)
	if err != nil {
		return nil, err
	}
	p.hist, p.floorsVer = hist, floorsVer
	last, _ := hist.Last()
	if err := s.checkAssumptions(last.From.Year() + 1); err != nil {
		return nil, err
	}
	if err := p.buildFloors(hist); err != nil {
		return nil, err
	}
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

// floorHistory returns the floor versions the path starts from and
// where they came from.
func (s *Scenario) floorHistory(o *Options) (benefit.Schedule, string, error) {
	if len(s.Floor.History) > 0 {
		sch, err := benefit.NewSchedule(s.Floor.History...)
		if err != nil {
			if re, ok := err.(*benefit.RecordError); ok {
				re.Field = "floor.history" + trimVersions(re.Field)
				return benefit.Schedule{}, "", re
			}
			return benefit.Schedule{}, "", &benefit.RecordError{Field: "floor.history", Err: err}
		}
		for i, v := range s.Floor.History {
			// a floor nobody said the firmness of is not law
			if v.Status == benefit.Unknown {
				return benefit.Schedule{}, "", fieldErr(fmt.Sprintf("floor.history[%d].status", i), benefit.ErrNoStatus, "%s from %s says no status (set Legislated, Announced, Provisional, Projected or Default)", v.Amount, v.From)
			}
		}
		if s.Floor.ShippedThrough != 0 {
			return benefit.Schedule{}, "", fieldErr("floor.shipped_through", benefit.ErrSyntax, "only applies to the shipped history (floor.history is given)")
		}
		return sch, "scenario", nil
	}
	src := o.Floors
	if src == nil {
		src = defaultFloors()
	}
	if src == nil {
		return benefit.Schedule{}, "", fieldErr("floor.history", ErrNoFloor, "no shipped floors are available; give floor.history")
	}
	sch, ok := src.National(s.Program, s.Dims)
	if !ok || sch.Len() == 0 {
		return benefit.Schedule{}, "", fieldErr("floor.history", ErrNoFloor, "no shipped national floor for %s %s; give floor.history", s.Program, s.Dims)
	}
	if t := s.Floor.ShippedThrough; t != 0 {
		var vs []benefit.Version
		for _, v := range sch.All() {
			if v.From.Year() <= t {
				vs = append(vs, v)
			}
		}
		if len(vs) == 0 {
			return benefit.Schedule{}, "", fieldErr("floor.shipped_through", ErrNoFloor, "no shipped floor version up to %d", t)
		}
		sch = benefit.MustSchedule(vs...)
	}
	ver := "shipped"
	if v, ok := src.(interface{ Version() string }); ok {
		ver = "floor set " + v.Version()
	}
	return sch, ver, nil
}

func trimVersions(f string) string {
	if len(f) >= len("versions") && f[:len("versions")] == "versions" {
		return f[len("versions"):]
	}
	return "." + f
}

// buildFloors computes the national floor of the base year and each
// simulated year.
func (p *prepared) buildFloors(hist benefit.Schedule) error {
	s := p.s
	last, _ := hist.Last()
	lastYear := last.From.Year()
	p.floors = make([]FloorYear, s.Horizon+1)
	for i := range p.floors {
		y := s.BaseYear() + i
		if y <= lastYear {
			fy, ok := floorInYear(hist, y)
			if !ok {
				return fieldErr("floor.history", ErrNoFloor, "the floor history starts in %s, after %d", hist.First(), y)
			}
			p.floors[i] = fy
			continue
		}
		if i == 0 {
			// the base year lies after the history: hold its last value
			p.floors[0] = FloorYear{Year: y, Amount: last.Amount, Status: last.Status, Citation: last.Citation}
			continue
		}
		prev := p.floors[i-1].Amount
		next := prev
		pr := &s.Floor.Projection
		switch pr.Kind {
		case ProjectStep:
			next = prev.Add(*pr.Step)
		case ProjectIndex:
			var g benefit.Rate
			if pr.WageWeight != nil && !pr.WageWeight.IsZero() {
				w, _, _ := s.Assumption(WageGrowth, -1, y)
				g = g.Add(pr.WageWeight.Mul(w))
			}
			if pr.CPIWeight != nil && !pr.CPIWeight.IsZero() {
				c, _, _ := s.Assumption(CPI, -1, y)
				g = g.Add(pr.CPIWeight.Mul(c))
			}
			if pr.Offset != nil {
				g = g.Add(*pr.Offset)
			}
			next = benefit.MaxAmount(prev, prev.Add(prev.MulRate(g)).Round(p.round))
		}
		if f, ok := next.Fen(); !ok || f > maxLevelFen {
			return fieldErr("floor.projection", benefit.ErrRange, "projects a floor of %s in %d, more than %d integer digits", next, y, benefit.MaxAmountIntDigits)
		}
		p.floors[i] = FloorYear{Year: y, Amount: next, Status: benefit.Projected,
			Citation: benefit.Citation{Note: "projected by the scenario: " + pr.String()}}
	}
	return nil
}

// floorInYear returns the highest floor in force in any month of year y.
func floorInYear(hist benefit.Schedule, y int) (FloorYear, bool) {
	jan := benefit.NewMonth(y, 1)
	best, ok := hist.At(jan)
	for _, v := range hist.All() {
		if v.From.Year() == y && (!ok || v.Amount.Cmp(best.Amount) > 0) {
			best, ok = v, true
		}
	}
	if !ok {
		return FloorYear{}, false
	}
	return FloorYear{Year: y, Amount: best.Amount, Status: best.Status, Citation: best.Citation}, true
}

func (p *prepared) floor(y int) FloorYear { return p.floors[y-p.s.BaseYear()] }
