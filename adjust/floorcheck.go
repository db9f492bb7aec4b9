package adjust

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// checkLevel returns region ri's simulated levels (rows, its years in
// order) as the floor.Level the floor check reads: the base year's level
// from its January, each year's from its effective month, and each
// year's beneficiaries from its January. Run builds it in the region's
// worker.
func (p *prepared) checkLevel(ri int, rows []RegionYear) (floor.Level, error) {
	s := p.s
	r := &s.Regions[ri]
	vs := make([]benefit.Version, 0, s.Horizon+1)
	vs = append(vs, benefit.Version{From: benefit.NewMonth(s.BaseYear(), 1), Amount: r.Level, Status: benefit.Illustrative,
		Citation: benefit.Citation{Note: "current level given in the scenario"}})
	hc := make([]floor.Headcount, 0, s.Horizon)
	for _, ry := range rows {
		vs = append(vs, benefit.Version{From: benefit.NewMonth(ry.Year, time.Month(p.month)), Amount: ry.Level, Status: benefit.Projected})
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

// floorCheck runs the floor check of the scenario's floor path
// (floor.Projected.Check) over the simulated levels, from January of the
// first simulated year to the end of the last (byRegion[ri] is region
// ri's, from checkLevel), and attaches each finding to the region-years
// its interval covers.
func (p *prepared) floorCheck(res *Result, byRegion []floor.Level, o *Options) error {
	s := p.s
	levels := make([]floor.Level, 0, len(s.Regions))
	for _, ri := range p.order {
		levels = append(levels, byRegion[ri])
	}
	levels = append(levels, p.referenceLevels()...)
	fo := floor.Options{
		From: benefit.NewMonth(s.StartYear, 1), To: benefit.NewMonth(s.EndYear()+1, 1),
		Regions: p.tab, Catalogue: o.catalogue(),
	}
	var rep *floor.Report
	var err error
	if p.path != nil {
		rep, err = p.path.Check(levels, fo)
	} else {
		fo.Floors = o.Floors
		rep, err = floor.Check(levels, fo)
	}
	if err != nil {
		return fmt.Errorf("adjust: floor check: %w", err)
	}
	idx := make(map[region.Code]int, len(p.order))
	for k, ri := range p.order {
		idx[s.Regions[ri].Code] = k
	}
	for _, f := range rep.Findings {
		k, ok := idx[f.Region]
		if !ok {
			continue
		}
		for i := range s.Horizon {
			y := s.StartYear + i
			iv := benefit.Interval{From: benefit.NewMonth(y, 1), To: benefit.NewMonth(y+1, 1)}
			if f.Interval.From < iv.To && (f.Interval.To.IsZero() || f.Interval.To > iv.From) {
				row := &res.Rows[k*s.Horizon+i]
				row.Findings = append(row.Findings, f)
			}
		}
	}
	return nil
}

// referenceLevels returns the regions' reference figures (the minimum
// wage, 低保: history and projection) as levels of their programmes, so
// that the floor check evaluates the relative rules against the same
// figures the run was bounded by, and checks their cadence.
func (p *prepared) referenceLevels() []floor.Level {
	if p.dom == nil {
		return nil
	}
	var out []floor.Level
	for _, ri := range p.order {
		for _, key := range slices.Sorted(maps.Keys(p.dom.refs[ri])) {
			rp := p.dom.refs[ri][key]
			out = append(out, floor.Level{Region: p.s.Regions[ri].Code, Program: key, Dims: rp.dims, Per: rp.prog.Frequency,
				Schedule: rp.sch, Source: benefit.Citation{Note: "reference figure given in the scenario"}})
		}
	}
	return out
}

// floorSource names the floor data the run's national floor path
// starts from (RunRecord.Floors).
func (p *prepared) floorSource() string {
	if p.path == nil {
		return "none: " + p.s.Program + " has no national floor"
	}
	return p.path.Source
}
