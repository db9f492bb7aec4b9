package adjust

import (
	"sync"
	"sync/atomic"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/dispersion"
	"github.com/benefitstd/benefitstd/internal/fen"
	"github.com/benefitstd/benefitstd/region"
)

// The yearly summaries are summed by the workers (yearAcc: one per
// worker and year, over the region-years the worker ran) and merged in
// worker order when every region has run (finishYears). Every sum is of
// integers — money in fen, persons, levels and their squares in fen —
// so it is exact and the same in any order: the summaries do not depend
// on which worker ran which region. Money totals are int64 fen with an
// overflow check (a year that overflows, or has a figure that is not
// whole fen, is added in decimal instead); the equalisation statistics
// are float64 values of exact integer sums (package internal/dispersion).

// yearAcc is one worker's sums over its region-years of one year.
type yearAcc struct {
	regions, infeasible, findings int
	persons                       int64
	minL, maxL                    benefit.Amount
	sums                          fenSums
	stats                         dispersion.Sums // of the levels in fen (statFen)
}

// add adds region-year r, whose level is x fen for the statistics.
func (a *yearAcc) add(r *RegionYear, x int64) {
	if a.regions == 0 || r.Level.Cmp(a.minL) < 0 {
		a.minL = r.Level
	}
	if a.regions == 0 || r.Level.Cmp(a.maxL) > 0 {
		a.maxL = r.Level
	}
	a.regions++
	a.persons += r.Beneficiaries
	if r.Infeasible {
		a.infeasible++
	}
	a.findings += len(r.Findings)
	a.sums.add(r)
	a.stats.Add(x)
}

// merge adds o's sums to a's.
func (a *yearAcc) merge(o *yearAcc) {
	if o.regions == 0 {
		return
	}
	if a.regions == 0 || o.minL.Cmp(a.minL) < 0 {
		a.minL = o.minL
	}
	if a.regions == 0 || o.maxL.Cmp(a.maxL) > 0 {
		a.maxL = o.maxL
	}
	a.regions += o.regions
	a.persons += o.persons
	a.infeasible += o.infeasible
	a.findings += o.findings
	a.sums.merge(&o.sums)
	a.stats.Merge(&o.stats)
}

// points holds, for each year, every region's level in fen (statFen)
// and its beneficiaries at its rank in code order, for the Gini
// coefficient: the workers write their regions' points in place.
type points [][]dispersion.Point

func newPoints(years, regions int) points {
	all := make([]dispersion.Point, years*regions)
	pts := make(points, years)
	for i := range pts {
		pts[i] = all[i*regions : (i+1)*regions : (i+1)*regions]
	}
	return pts
}

// finishYears merges the workers' sums year by year (accs[w][i]: worker
// w's of year i), in worker order, and returns the yearly summaries, with
// their statistics computed on at most workers goroutines.
func (p *prepared) finishYears(accs [][]yearAcc, pts points, rows []RegionYear, workers int) []YearSummary {
	s := p.s
	out := make([]YearSummary, s.Horizon)
	all := make([]yearAcc, s.Horizon)
	for i := range out {
		a := &all[i]
		for w := range accs {
			a.merge(&accs[w][i])
		}
		ys := &out[i]
		*ys = YearSummary{Year: s.StartYear + i, Floor: p.floors[i+1], Regions: a.regions, Beneficiaries: a.persons,
			Infeasible: a.infeasible, Findings: a.findings, MinLevel: a.minL, MaxLevel: a.maxL}
		weighted, ok := a.sums.amounts(ys)
		if !ok {
			weighted = p.decimalSums(rows, ys)
		}
		if ys.Beneficiaries > 0 {
			// Σ level × persons ÷ persons, exact, then rounded to the fen
			ys.MeanLevel, _ = weighted.QuoInt(ys.Beneficiaries, benefit.FenHalfUp())
		}
	}
	stats := func(i int, buf []dispersion.Point) {
		ys, a := &out[i], &all[i]
		ys.MaxMinRatio, ys.CV, ys.Gini = dispersion.Measure(&a.stats, statFen(a.minL), statFen(a.maxL), pts[i], buf)
	}
	workers = min(workers, s.Horizon)
	if workers <= 1 {
		buf := make([]dispersion.Point, len(s.Regions))
		for i := range out {
			stats(i, buf)
		}
		return out
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			buf := make([]dispersion.Point, len(s.Regions))
			for i := int(next.Add(1) - 1); i < len(out); i = int(next.Add(1) - 1) {
				stats(i, buf)
			}
		})
	}
	wg.Wait()
	return out
}

// fenSums adds a year's regional figures in int64 fen; ok turns false
// when one is not whole fen or a sum overflows.
type fenSums struct {
	total, central, local, transfer, weighted fen.Sum
	notFen                                    bool // a figure is not whole fen
}

func (f *fenSums) add(r *RegionYear) {
	f.addFen(&f.total, r.Cost.Total)
	f.addFen(&f.central, r.Cost.Central)
	f.addFen(&f.local, r.Cost.Local)
	f.addFen(&f.transfer, r.Transfer)
	lf, ok := r.Level.Fen()
	w, ok2 := fen.Mul(lf, r.Beneficiaries)
	f.notFen = f.notFen || !ok || !ok2
	f.weighted.Add(w)
}

// addFen adds a to sum, in fen.
func (f *fenSums) addFen(sum *fen.Sum, a benefit.Amount) {
	v, ok := a.Fen()
	f.notFen = f.notFen || !ok
	sum.Add(v)
}

// merge adds o's sums to f's.
func (f *fenSums) merge(o *fenSums) {
	for _, a := range [...]struct{ dst, src *fen.Sum }{{&f.total, &o.total}, {&f.central, &o.central}, {&f.local, &o.local}, {&f.transfer, &o.transfer}, {&f.weighted, &o.weighted}} {
		v, ok := a.src.Total()
		f.notFen = f.notFen || !ok
		a.dst.Add(v)
	}
	f.notFen = f.notFen || o.notFen
}

// amounts sets ys's totals from the fen sums and returns Σ level ×
// persons, or reports false, leaving ys as it was, when the fen sums do
// not apply.
func (f *fenSums) amounts(ys *YearSummary) (benefit.Amount, bool) {
	total, ok1 := f.total.Total()
	central, ok2 := f.central.Total()
	local, ok3 := f.local.Total()
	transfer, ok4 := f.transfer.Total()
	weighted, ok5 := f.weighted.Total()
	if f.notFen || !ok1 || !ok2 || !ok3 || !ok4 || !ok5 {
		return benefit.Amount{}, false
	}
	ys.Cost.Total, ys.Cost.Central, ys.Cost.Local = benefit.FromFen(total), benefit.FromFen(central), benefit.FromFen(local)
	ys.Transfer = benefit.FromFen(transfer)
	return benefit.FromFen(weighted), true
}

// decimalSums adds the figures of ys's year in decimal, when fen sums
// do not apply, and returns Σ level × persons.
func (p *prepared) decimalSums(rows []RegionYear, ys *YearSummary) benefit.Amount {
	var weighted benefit.Amount
	ys.Cost, ys.Transfer = region.Split{}, benefit.Amount{}
	for _, r := range rows {
		if r.Year != ys.Year {
			continue
		}
		ys.Cost.Total = ys.Cost.Total.Add(r.Cost.Total)
		ys.Cost.Central = ys.Cost.Central.Add(r.Cost.Central)
		ys.Cost.Local = ys.Cost.Local.Add(r.Cost.Local)
		ys.Transfer = ys.Transfer.Add(r.Transfer)
		weighted = weighted.Add(r.Level.Mul(r.Beneficiaries))
	}
	return weighted
}

// statFen returns a in fen for the statistics: a itself when it is whole
// fen, else rounded half-up to the fen (0 past an int64 of fen).
func statFen(a benefit.Amount) int64 {
	f, ok := a.Fen()
	if !ok {
		f, _ = a.Round(benefit.FenHalfUp()).Fen()
	}
	return f
}
