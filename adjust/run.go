package adjust

import (
	"context"
	"fmt"
	"sync"

	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/internal/dispersion"
	"github.com/benefitstd/benefitstd/internal/workers"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
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
func Run(ctx context.Context, s scenario.Scenario, opts Options) (*Result, error) {
	workers, err := workerCount(opts.Workers)
	if err != nil {
		return nil, err
	}
	p, err := prepare(&s, &opts)
	if err != nil {
		return nil, err
	}
	if err := p.runPlans(ctx); err != nil {
		return nil, err
	}
	return p.run(ctx, &opts, workers)
}

// Floors returns the national floor of each year of s, the base year
// first, as Run with opts reads it (from the effective month; projected
// tables applied): the level a region that follows the national
// standard starts from is Floors()[0]. Its errors are Validate's.
func Floors(s *scenario.Scenario, opts Options) ([]floor.YearFloor, error) {
	p, err := prepare(s, &opts)
	if err != nil {
		return nil, err
	}
	return p.floors, nil
}

// run runs every region on at most workers goroutines. The regions are
// cut into batches (batches); a worker takes a batch, simulates each of
// its regions into the region's own rows of the result (rank k in code
// order: rows k·Horizon to (k+1)·Horizon, so nothing is copied or sorted
// afterwards), checks the batch's levels against the floors, and adds
// its rows to the worker's yearly sums (yearAcc). The sums are merged
// in worker order once every batch is done, exactly (integers), and the
// statistics of each year are computed from them on the workers
// (finishYears): the result does not depend on which worker ran which
// batch.
func (p *prepared) run(ctx context.Context, opts *Options, workers int) (*Result, error) {
	s := p.s
	n, hz := len(s.Regions), s.Horizon
	check := !opts.SkipFloorCheck
	// the scenario's hash (RunRecord.ScenarioSHA256), the run's one serial
	// step that the regions do not need: beside the workers when there
	// are several, first on a single one
	type hashed struct {
		sum string
		err error
	}
	hashc := make(chan hashed, 1)
	hash := func() {
		sum, err := hash(s)
		hashc <- hashed{sum, err}
	}
	if workers > 1 {
		go hash()
	} else {
		hash()
	}
	res := p.header(opts)
	res.Rows = make([]RegionYear, n*hz)
	batches := p.batches(check, workers)
	workers = min(workers, len(batches))
	errs := make([]error, n)                 // by region index
	checkErrs := make([]error, len(batches)) // by batch
	accs := make([][]yearAcc, workers)
	pts := newPoints(hz, n)
	var fo floor.Options
	if check {
		fo = p.checkOptions(opts)
	}
	jobs := make(chan int)
	done := make(chan int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		accs[w] = make([]yearAcc, hz)
		wg.Go(func() {
			var sc scratch
			for b := range jobs {
				if ctx.Err() == nil {
					checkErrs[b] = p.runBatch(batches[b], res.Rows, errs, check, &fo, &sc, accs[w], pts)
				}
				done <- b
			}
		})
	}
	go func() {
		defer close(jobs)
		for b := range batches {
			select {
			case jobs <- b:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(done) }()
	finished := 0
	for b := range done {
		for _, k := range batches[b] {
			finished++
			if opts.Progress != nil {
				opts.Progress(Progress{Done: finished, Total: n, Region: s.Regions[p.order[k]].Code})
			}
		}
	}
	h := <-hashc
	if ctx.Err() != nil {
		return nil, fmt.Errorf("adjust: run stopped after %d of %d regions: %w", finished, n, context.Cause(ctx))
	}
	if h.err != nil {
		return nil, h.err
	}
	res.Run.ScenarioSHA256 = h.sum
	for ri, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("adjust: region %s: %w", s.Regions[ri].Code, err)
		}
	}
	for _, err := range checkErrs {
		if err != nil {
			return nil, fmt.Errorf("adjust: floor check: %w", err)
		}
	}
	res.Years = p.finishYears(accs, pts, res.Rows, workers)
	return res, nil
}

// runBatch runs the regions of batch (ranks in code order) into rows,
// recording a region's error in errs; when every region ran and check
// is set, it checks their levels with fo and attaches the findings; it
// then adds the rows to acc and the levels to pts. It returns the floor
// check's error.
func (p *prepared) runBatch(batch []int, rows []RegionYear, errs []error, check bool, fo *floor.Options, sc *scratch, acc []yearAcc, pts points) error {
	hz := p.s.Horizon
	failed := false
	for _, k := range batch {
		ri := p.order[k]
		if errs[ri] = p.runRegion(ri, rows[k*hz:(k+1)*hz], sc); errs[ri] != nil {
			failed = true
		}
	}
	if failed {
		return nil // the run reports the region's error
	}
	if check {
		if err := p.checkBatch(batch, rows, fo, sc); err != nil {
			return err
		}
	}
	for _, k := range batch {
		for i := range hz {
			r := &rows[k*hz+i]
			x := statFen(r.Level)
			acc[i].add(r, x)
			pts[i][k] = dispersion.Point{X: x, W: r.Beneficiaries}
		}
	}
	return nil
}

// batches cuts the regions, by rank in code order, into the batches the
// workers take. Without the floor check a batch is a run of consecutive
// ranks. With it, a region and the regions of the scenario it lies
// under (as the region table records them) share a batch, since the
// floor check compares a level with its ancestors' and reads their
// reference figures; regions with no ancestor in the scenario, the usual
// case, are batched as runs of consecutive ranks. A batch holds about
// size regions: enough that each check is worth its call, few enough
// that the workers share the work evenly (8 batches a worker or more).
func (p *prepared) batches(check bool, workers int) [][]int {
	n := len(p.s.Regions)
	size := min(max(n/(8*workers), 1), 64)
	ranks := make([]int, n)
	for k := range ranks {
		ranks[k] = k
	}
	var out [][]int
	if !check || !p.nested() {
		for lo := 0; lo < n; lo += size {
			out = append(out, ranks[lo:min(lo+size, n)])
		}
		return out
	}
	// union the regions with their ancestors in the scenario; the
	// groups, by their least rank, then fill batches of about size
	rank := make(map[region.Code]int, n)
	for k, ri := range p.order {
		rank[p.s.Regions[ri].Code] = k
	}
	root := make([]int, n)
	for k := range root {
		root[k] = k
	}
	find := func(k int) int {
		for root[k] != k {
			root[k] = root[root[k]]
			k = root[k]
		}
		return k
	}
	for k, ri := range p.order {
		for _, a := range p.ancestors(p.s.Regions[ri].Code) {
			if j, ok := rank[a]; ok && a.IsValid() {
				if x, y := find(k), find(j); x != y {
					root[max(x, y)] = min(x, y) // the least rank is the root
				}
			}
		}
	}
	members := make([][]int, n)
	for k := range n {
		r := find(k)
		members[r] = append(members[r], k)
	}
	ranks = ranks[:0]
	start := 0
	for k := range n {
		if len(members[k]) == 0 {
			continue // not a root
		}
		ranks = append(ranks, members[k]...)
		if len(ranks)-start >= size {
			out = append(out, ranks[start:len(ranks):len(ranks)])
			start = len(ranks)
		}
	}
	if start < len(ranks) {
		out = append(out, ranks[start:])
	}
	return out
}

// nested reports whether some region of the scenario lies under another
// one of it.
func (p *prepared) nested() bool {
	in := make(map[region.Code]bool, len(p.s.Regions))
	for i := range p.s.Regions {
		in[p.s.Regions[i].Code] = true
	}
	for i := range p.s.Regions {
		for _, a := range p.ancestors(p.s.Regions[i].Code) {
			if a.IsValid() && in[a] {
				return true
			}
		}
	}
	return false
}

// ancestors returns the divisions c lies under as the region table
// records them, nearest first: at most a county's prefecture and
// province (the zero Codes after the last).
func (p *prepared) ancestors(c region.Code) [3]region.Code {
	var up [3]region.Code
	for k := range up {
		d, ok := p.tab.Lookup(c)
		if !ok || !d.Parent.IsValid() {
			break
		}
		c = d.Parent
		up[k] = c
	}
	return up
}

// header returns the Result without its rows and years.
func (p *prepared) header(opts *Options) *Result {
	s := p.s
	unit := "元/月"
	if p.prog.Frequency.String() == "year" {
		unit = "元/年"
	}
	res := &Result{
		Run: RunRecord{Module: module, Version: Version, Catalogue: p.catVer, Floors: p.floorSource(),
			Scenario: s.Name, Illustrative: s.Illustrative, IllustrativeNote: s.Note},
		Program: s.Program, Name: p.prog.Name, Unit: unit, Rounding: p.round.String(),
		Rule: p.ruleText, Constraints: p.constraintsText(),
		Floors:      append([]floor.YearFloor(nil), p.floors...),
		CostSharing: p.costRule.Citation,
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
	return res
}

// workerCount returns the goroutines for Options.Workers n (see
// internal/workers).
func workerCount(n int) (int, error) {
	w, err := workers.Count(n)
	if err != nil {
		return 0, fmt.Errorf("adjust: Options.Workers %d: %w", n, err)
	}
	return w, nil
}
