package adjust

import (
	"fmt"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
)

// floorSchedule returns the scenario's national floor as a schedule: the
// history versions, then one projected version each January of a
// projected year.
func (p *prepared) floorSchedule() (benefit.Schedule, error) {
	vs := make([]benefit.Version, 0, p.hist.Len()+len(p.floors))
	last := benefit.Month(0)
	for _, v := range p.hist.All() {
		vs = append(vs, v)
		last = v.From
	}
	for _, f := range p.floors {
		if f.Status != benefit.Projected {
			continue
		}
		m := benefit.NewMonth(f.Year, 1)
		if m <= last {
			continue
		}
		vs = append(vs, benefit.Version{From: m, Amount: f.Amount, Status: benefit.Projected, Citation: f.Citation})
	}
	return benefit.NewSchedule(vs...)
}

// checkSet returns the floors the simulated levels are checked against:
// those of the base set, with the programme's national floor replaced by
// the scenario's floor path (history and projection), so that projected
// years are checked against the projected floor.
func (p *prepared) checkSet(base *floor.Set) (*floor.Set, error) {
	sch, err := p.floorSchedule()
	if err != nil {
		return nil, err
	}
	var fs []floor.Floor
	for _, f := range base.Floors(p.s.Program) {
		if f.National() && p.s.Dims.Matches(f.Dims) {
			continue
		}
		fs = append(fs, f)
	}
	fs = append(fs, floor.Floor{
		Program: p.s.Program, Dims: p.s.Dims, Per: p.prog.Frequency, Schedule: sch,
		Citation: benefit.Citation{Title: "national floor of the scenario (history, then projection)", Note: "projected versions are marked projected"},
	})
	return floor.NewSet(base.Version()+"+scenario", fs, base.Relatives(p.s.Program), nil)
}

// checkLevel returns region ri's simulated levels (rows, its years in
// order) as the floor.Level the floor check reads. Run builds it in the
// region's worker.
func (p *prepared) checkLevel(ri int, rows []RegionYear) (floor.Level, error) {
	s := p.s
	r := &s.Regions[ri]
	vs := make([]benefit.Version, 0, s.Horizon+1)
	vs = append(vs, benefit.Version{From: benefit.NewMonth(s.BaseYear(), 1), Amount: r.Level, Status: benefit.Default,
		Citation: benefit.Citation{Note: "current level given in the scenario"}})
	hc := make([]floor.Headcount, 0, s.Horizon)
	for _, ry := range rows {
		vs = append(vs, benefit.Version{From: benefit.NewMonth(ry.Year, 1), Amount: ry.Level, Status: benefit.Projected})
		hc = append(hc, floor.Headcount{From: benefit.NewMonth(ry.Year, 1), Persons: ry.Beneficiaries})
	}
	sch, err := benefit.NewSchedule(vs...)
	if err != nil {
		return floor.Level{}, err
	}
	return floor.Level{Region: r.Code, Program: s.Program, Dims: s.Dims, Per: p.prog.Frequency,
		Schedule: sch, Beneficiaries: r.Beneficiaries, Headcounts: hc,
		Source: benefit.Citation{Note: "simulated by benefitstd adjust " + Version}}, nil
}

// floorCheck runs floor.Check over the simulated levels (from January of
// the first simulated year to the end of the last; byRegion[ri] is
// region ri's, from checkLevel) and attaches each finding to the
// region-years its interval covers.
func (p *prepared) floorCheck(res *Result, byRegion []floor.Level, o *Options) error {
	base, _ := o.Floors.(*floor.Set)
	if base == nil {
		base = floor.Default()
	}
	set, err := p.checkSet(base)
	if err != nil {
		return fmt.Errorf("adjust: floor check: %w", err)
	}
	s := p.s
	levels := make([]floor.Level, 0, len(s.Regions))
	for _, ri := range p.order {
		levels = append(levels, byRegion[ri])
	}
	rep, err := floor.Check(levels, floor.Options{
		From: benefit.NewMonth(s.StartYear, 1), To: benefit.NewMonth(s.EndYear()+1, 1),
		Floors: set, Regions: p.tab, Catalogue: o.catalogue(),
	})
	if err != nil {
		return fmt.Errorf("adjust: floor check: %w", err)
	}
	idx := make(map[string]int, len(p.order))
	for k, ri := range p.order {
		idx[s.Regions[ri].Code.String()] = k
	}
	for _, f := range rep.Findings {
		k, ok := idx[f.Region.String()]
		if !ok {
			continue
		}
		af := Finding{Rule: f.Rule, Severity: f.Severity.String(), Interval: f.Interval, Required: f.Required,
			Actual: f.Actual, Shortfall: f.Shortfall, Message: f.Message, Citation: f.Citation}
		for i := range s.Horizon {
			y := s.StartYear + i
			iv := benefit.Interval{From: benefit.NewMonth(y, 1), To: benefit.NewMonth(y+1, 1)}
			if f.Interval.From < iv.To && (f.Interval.To.IsZero() || f.Interval.To > iv.From) {
				row := &res.Rows[k*s.Horizon+i]
				row.Findings = append(row.Findings, af)
			}
		}
	}
	return nil
}
