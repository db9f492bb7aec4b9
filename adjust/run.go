package adjust

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// Run simulates scenario s and returns its result. It validates s first
// (see Validate); an invalid scenario gives a *benefit.RecordError naming
// the field path and nothing is run.
//
// Regions run in parallel on at most opts.Workers goroutines; each region
// is independent once the national floor path is fixed, and the results
// are merged in region-code order, so the result is the same whatever
// the number of workers or GOMAXPROCS. Run stops early when ctx is
// cancelled and returns context.Cause(ctx).
func Run(ctx context.Context, s Scenario, opts Options) (*Result, error) {
	p, err := prepare(&s, &opts)
	if err != nil {
		return nil, err
	}
	if err := p.runPlans(ctx); err != nil {
		return nil, err
	}
	n := len(s.Regions)
	rows := make([]RegionYear, n*s.Horizon)
	errs := make([]error, n)
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)

	var levels []floor.Level // for the floor check, built by the workers
	if !opts.SkipFloorCheck {
		levels = make([]floor.Level, n)
	}
	jobs := make(chan int)
	done := make(chan int, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var sc scratch
			for ri := range jobs {
				if ctx.Err() == nil {
					out := rows[ri*s.Horizon : (ri+1)*s.Horizon]
					errs[ri] = p.runRegion(ri, out, &sc)
					if errs[ri] == nil && levels != nil {
						levels[ri], errs[ri] = p.checkLevel(ri, out)
					}
				}
				done <- ri
			}
		})
	}
	go func() {
		defer close(jobs)
		for ri := range n {
			select {
			case jobs <- ri:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(done) }()
	finished := 0
	for ri := range done {
		finished++
		if opts.Progress != nil {
			opts.Progress(Progress{Done: finished, Total: n, Region: s.Regions[ri].Code})
		}
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("adjust: run stopped after %d of %d regions: %w", finished, n, context.Cause(ctx))
	}
	for ri, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("adjust: region %s: %w", s.Regions[ri].Code, err)
		}
	}
	return p.assemble(rows, levels, &opts)
}

// Floors returns the national floor of each year of s, the base year
// first, as Run with opts reads it (from the effective month; projected
// tables applied): the level a region that follows the national
// standard starts from is Floors()[0]. Its errors are Validate's.
func (s *Scenario) Floors(opts Options) ([]floor.YearFloor, error) {
	p, err := prepare(s, &opts)
	if err != nil {
		return nil, err
	}
	return p.floors, nil
}

// assemble orders the rows by region code and year and adds the yearly
// summaries and the floor check.
func (p *prepared) assemble(rows []RegionYear, levels []floor.Level, opts *Options) (*Result, error) {
	s := p.s
	sorted := make([]RegionYear, 0, len(rows))
	for _, ri := range p.order {
		sorted = append(sorted, rows[ri*s.Horizon:(ri+1)*s.Horizon]...)
	}
	unit := "元/月"
	if p.prog.Frequency.String() == "year" {
		unit = "元/年"
	}
	res := &Result{
		Run: RunRecord{Module: module, Version: Version, Catalogue: p.catVer, Floors: p.floorSource(), ScenarioSHA256: p.hash,
			Scenario: s.Name, Illustrative: s.Illustrative, IllustrativeNote: s.Note},
		Program: s.Program, Name: p.prog.Name, Unit: unit, Rounding: p.round.String(),
		Rule: s.Rule.String(), Constraints: p.constraintsText(),
		Floors:      append([]floor.YearFloor(nil), p.floors...),
		CostSharing: p.costRule.Citation,
		Rows:        sorted,
	}
	if p.month > 1 {
		res.EffectiveMonth = p.month
	}
	if opts.Regions != nil && opts.Regions != region.Default() {
		res.Run.Regions = "custom"
	}
	if len(opts.Populations) > 0 {
		res.Run.Populations = "custom"
	}
	if !opts.SkipFloorCheck {
		if err := p.floorCheck(res, levels, opts); err != nil {
			return nil, err
		}
	}
	res.Years = p.summarise(res.Rows)
	return res, nil
}
