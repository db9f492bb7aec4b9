package adjust

import (
	"maps"
	"slices"
	"time"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
)

// checkOptions returns the floor check's options: from January of the
// first simulated year to the end of the last, the run's region table,
// catalogue and floors (the floor path's, floor.Projected.Floors, when
// the scenario has a national floor), and the findings only (the run
// reads nothing else of the report).
func (p *prepared) checkOptions(o *Options) floor.Options {
	s := p.s
	fo := floor.Options{
		From: benefit.NewMonth(s.StartYear, 1), To: benefit.NewMonth(endYear(s)+1, 1),
		Regions: p.tab, Catalogue: o.catalogue(), FindingsOnly: true,
	}
	fo.Floors = o.Floors
	if p.path != nil {
		fo.Floors = p.path.Floors
	}
	return fo
}

// checkLevel returns region ri's simulated levels (rows, its years in
// order) as the floor.Level the floor check reads: the base year's level
// from its January, each year's from its effective month, and each
// year's beneficiaries from its January. Its versions are written to vs
// (len(rows)+1 of them), which its schedule takes as its own
// (benefit.NewScheduleOwned); its head counts are taken from sc.hc,
// which must have room for them.
func (p *prepared) checkLevel(ri int, rows []RegionYear, vs []benefit.Version, sc *scratch) (floor.Level, error) {
	s := p.s
	r := &s.Regions[ri]
	vs[0] = benefit.Version{From: benefit.NewMonth(baseYear(s), 1), Amount: r.Level, Status: benefit.Illustrative,
		Citation: benefit.Citation{Note: "current level given in the scenario"}}
	hc := sc.hc[len(sc.hc) : len(sc.hc) : len(sc.hc)+len(rows)]
	for i := range rows {
		ry := &rows[i]
		vs[i+1] = benefit.Version{From: benefit.NewMonth(ry.Year, time.Month(p.month)), Amount: ry.Level, Status: benefit.Projected}
		hc = append(hc, floor.Headcount{From: benefit.NewMonth(ry.Year, 1), Persons: ry.Beneficiaries})
	}
	sc.hc = sc.hc[:len(sc.hc)+len(hc)]
	sch, err := benefit.NewScheduleOwned(vs)
	if err != nil {
		return floor.Level{}, err
	}
	return floor.Level{Region: r.Code, Program: s.Program, Dims: s.Dims, Per: p.prog.Frequency,
		Schedule: sch, Beneficiaries: r.Beneficiaries, Headcounts: hc,
		Source: benefit.Citation{Note: "simulated by benefitstd adjust " + Version}}, nil
}

// checkBatch runs the floor check of the scenario's floor path
// (floor.Check of the path's floors, floor.Projected.Floors, or of
// Options.Floors without a national floor: see checkOptions) over the
// simulated levels of the regions of batch (ranks; their rows in rows)
// and their reference figures, from January of the first simulated year
// to the end of the last, and attaches each finding to the region-years
// its interval covers. A batch holds every region of the scenario a
// level's rules compare it with (its ancestors: see batches), so the
// findings of its regions are those of one check of every region.
func (p *prepared) checkBatch(batch []int, rows []RegionYear, fo *floor.Options, sc *scratch) error {
	s := p.s
	hz := s.Horizon
	if need := len(batch) * hz; cap(sc.hc) < need {
		sc.hc = make([]floor.Headcount, 0, need)
	}
	sc.hc = sc.hc[:0]
	levels := sc.levels[:0]
	// the batch's versions, in the worker's slab: their schedules own
	// them until the check returns and levels is cleared (a Report holds
	// no schedule), and the next batch writes them again
	if need := len(batch) * (hz + 1); len(sc.vs) < need {
		sc.vs = make([]benefit.Version, need)
	}
	vs := sc.vs
	for j, k := range batch {
		l, err := p.checkLevel(p.order[k], rows[k*hz:(k+1)*hz], vs[j*(hz+1):(j+1)*(hz+1)], sc)
		if err != nil {
			return err
		}
		levels = append(levels, l)
	}
	for _, k := range batch {
		levels = p.referenceLevels(levels, p.order[k])
	}
	sc.levels = levels
	rep, err := floor.Check(levels, *fo)
	clear(levels) // no schedule of sc.vs outlives the check
	if err != nil {
		return err
	}
	for _, f := range rep.Findings {
		k := -1
		for _, j := range batch {
			if s.Regions[p.order[j]].Code == f.Region {
				k = j
				break
			}
		}
		if k < 0 {
			continue
		}
		for i := range hz {
			y := s.StartYear + i
			iv := benefit.Interval{From: benefit.NewMonth(y, 1), To: benefit.NewMonth(y+1, 1)}
			if f.Interval.From < iv.To && (f.Interval.To.IsZero() || f.Interval.To > iv.From) {
				row := &rows[k*hz+i]
				row.Findings = append(row.Findings, f)
			}
		}
	}
	return nil
}

// referenceLevels appends region ri's reference figures (the minimum
// wage, 低保: history and projection), by key, to levels as levels of
// their programmes, so that the floor check evaluates the relative rules
// against the same figures the run was bounded by, and checks their
// cadence.
func (p *prepared) referenceLevels(levels []floor.Level, ri int) []floor.Level {
	if p.dom == nil {
		return levels
	}
	for _, key := range slices.Sorted(maps.Keys(p.dom.refs[ri])) {
		rp := p.dom.refs[ri][key]
		levels = append(levels, floor.Level{Region: p.s.Regions[ri].Code, Program: key, Dims: rp.dims, Per: rp.prog.Frequency,
			Schedule: rp.sch, Source: benefit.Citation{Note: "reference figure given in the scenario"}})
	}
	return levels
}

// floorSource names the floor data the run's national floor path
// starts from (RunRecord.Floors).
func (p *prepared) floorSource() string {
	if p.path == nil {
		return "none: " + p.s.Program + " has no national floor"
	}
	return p.path.Source
}
