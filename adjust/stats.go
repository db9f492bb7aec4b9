package adjust

import (
	"cmp"
	"math"
	"math/big"
	"math/bits"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/benefitstd/benefitstd/benefit"
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
// are float64 values of exact integer sums (dispersion).

// yearAcc is one worker's sums over its region-years of one year.
type yearAcc struct {
	regions, infeasible, findings int
	persons                       int64
	minL, maxL                    benefit.Amount
	sums                          fenSums
	sx, sxx                       u192 // Σ x and Σ x² of the levels x in fen (statFen)
	odd                           bool // a level below zero or a sum past 192 bits: statistics in math/big
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
	if x < 0 {
		a.odd = true
		return
	}
	ok1 := a.sx.add(u192{lo: uint64(x)})
	ok2 := a.sxx.add(mul64(uint64(x), uint64(x)))
	a.odd = a.odd || !ok1 || !ok2
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
	ok1 := a.sx.add(o.sx)
	ok2 := a.sxx.add(o.sxx)
	a.odd = a.odd || o.odd || !ok1 || !ok2
}

// A point is a region's level in fen (statFen) and its beneficiaries in
// one year, for the Gini coefficient.
type point struct{ x, w int64 }

// points holds, for each year, every region's point at its rank in code
// order: the workers write their regions' points in place.
type points [][]point

func newPoints(years, regions int) points {
	all := make([]point, years*regions)
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
	stats := func(i int, buf []point) {
		ys := &out[i]
		ys.MaxMinRatio, ys.CV, ys.Gini = dispersion(&all[i], pts[i], buf)
	}
	workers = min(workers, s.Horizon)
	if workers <= 1 {
		buf := make([]point, len(s.Regions))
		for i := range out {
			stats(i, buf)
		}
		return out
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			buf := make([]point, len(s.Regions))
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

// dispersion returns, in float64 and for description only, the ratio of
// the highest to the lowest level, the unweighted coefficient of
// variation across regions (population standard deviation ÷ mean), and
// the Gini coefficient of levels weighted by beneficiaries, of the
// year's sums a and points v (levels x in fen, weights w; buf is
// scratch of their length), each computed from exact integer sums and
// made a float64 once:
//
//	CV = √(n Σx² − (Σx)²) ÷ Σx
//	G  = Σᵢ Σⱼ wᵢ wⱼ |xᵢ − xⱼ| ÷ (2 W Σ wᵢxᵢ) = (Σᵢ wᵢxᵢ (2 W<ᵢ + wᵢ) − W Σ wᵢxᵢ) ÷ (W Σ wᵢxᵢ)
//
// with the points sorted by level (v is sorted in place) and W<ᵢ the
// weight of the points before i: ties may be in any order, since the
// sums are exact. Values are rounded to 6 decimals so that their JSON
// text is short and stable.
func dispersion(a *yearAcc, v, buf []point) (ratio, cv, gini float64) {
	if a.regions == 0 {
		return 0, 0, 0
	}
	if lo := statFen(a.minL); lo > 0 {
		ratio = float64(statFen(a.maxL)) / float64(lo)
	}
	sortPoints(v, buf)
	var sx, sxx, wx, pw *big.Int
	var W int64
	if a.odd {
		sx, sxx, W, wx, pw = bigSums(v)
	} else {
		var WX, P u192
		var below uint64
		ok := true
		for _, p := range v {
			t := mul64(uint64(p.w), uint64(p.x))
			ok1 := WX.add(t)
			t, ok2 := t.mul(2*below + uint64(p.w))
			ok3 := P.add(t)
			ok = ok && ok1 && ok2 && ok3
			below += uint64(p.w)
		}
		if ok && below <= math.MaxInt64/2 {
			sx, sxx, W, wx, pw = a.sx.big(), a.sxx.big(), int64(below), WX.big(), P.big()
		} else {
			sx, sxx, W, wx, pw = bigSums(v)
		}
	}
	if sx.Sign() > 0 {
		d := new(big.Int).Mul(big.NewInt(int64(a.regions)), sxx)
		d.Sub(d, new(big.Int).Mul(sx, sx))
		cv = math.Sqrt(bigFloat(d)) / bigFloat(sx)
	}
	if W > 0 && wx.Sign() > 0 {
		den := new(big.Int).Mul(big.NewInt(W), wx)
		gini = bigFloat(new(big.Int).Sub(pw, den)) / bigFloat(den)
	}
	return round6(ratio), round6(cv), round6(gini)
}

// sortPoints sorts v by level, using buf (of v's length) as scratch: by
// radix, a byte of the level above the lowest at a time, for levels of
// at least zero; else by comparison. The order of equal levels is left
// as it comes: no sum dispersion makes depends on it.
func sortPoints(v, buf []point) {
	if len(v) < 64 {
		slices.SortFunc(v, func(p, q point) int { return cmp.Compare(p.x, q.x) })
		return
	}
	lo, hi := v[0].x, v[0].x
	for _, p := range v {
		lo, hi = min(lo, p.x), max(hi, p.x)
	}
	if lo < 0 {
		slices.SortFunc(v, func(p, q point) int { return cmp.Compare(p.x, q.x) })
		return
	}
	src, dst := v, buf[:len(v)]
	for shift := uint(0); shift < 64 && uint64(hi-lo)>>shift != 0; shift += 8 {
		var count [257]int
		for _, p := range src {
			count[(uint64(p.x-lo)>>shift)&0xff+1]++
		}
		for d := 1; d < len(count); d++ {
			count[d] += count[d-1]
		}
		for _, p := range src {
			d := (uint64(p.x-lo) >> shift) & 0xff
			dst[count[d]] = p
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &v[0] {
		copy(v, src)
	}
}

// bigSums returns Σx, Σx², W = Σw, Σ wx and Σ wx (2 W< + w) of the
// points v, sorted by level, in math/big: for a level below zero or sums
// past 192 bits.
func bigSums(v []point) (sx, sxx *big.Int, W int64, wx, pw *big.Int) {
	sx, sxx, wx, pw = new(big.Int), new(big.Int), new(big.Int), new(big.Int)
	var x, t, below big.Int
	for _, p := range v {
		x.SetInt64(p.x)
		sx.Add(sx, &x)
		sxx.Add(sxx, t.Mul(&x, &x))
		t.Mul(&x, big.NewInt(p.w))
		wx.Add(wx, &t)
		m := new(big.Int).Lsh(&below, 1)
		m.Add(m, big.NewInt(p.w))
		pw.Add(pw, m.Mul(m, &t))
		below.Add(&below, big.NewInt(p.w))
	}
	if !below.IsInt64() {
		return sx, sxx, 0, wx, pw
	}
	return sx, sxx, below.Int64(), wx, pw
}

// bigFloat returns x as the nearest float64.
func bigFloat(x *big.Int) float64 {
	f, _ := new(big.Float).SetInt(x).Float64()
	return f
}

// A u192 is an unsigned 192-bit integer, lo the least significant word:
// the statistics' sums, exact for any level and count the library takes.
type u192 struct{ lo, mid, hi uint64 }

// mul64 returns a × b.
func mul64(a, b uint64) u192 {
	hi, lo := bits.Mul64(a, b)
	return u192{lo: lo, mid: hi}
}

// add adds b to a, and reports false when the sum passes 192 bits.
func (a *u192) add(b u192) bool {
	var c uint64
	a.lo, c = bits.Add64(a.lo, b.lo, 0)
	a.mid, c = bits.Add64(a.mid, b.mid, c)
	a.hi, c = bits.Add64(a.hi, b.hi, c)
	return c == 0
}

// mul returns a × m, and false when the product passes 192 bits.
func (a u192) mul(m uint64) (u192, bool) {
	h0, l0 := bits.Mul64(a.lo, m)
	h1, l1 := bits.Mul64(a.mid, m)
	h2, l2 := bits.Mul64(a.hi, m)
	mid, c := bits.Add64(h0, l1, 0)
	hi, c2 := bits.Add64(h1, l2, c)
	return u192{lo: l0, mid: mid, hi: hi}, h2 == 0 && c2 == 0
}

// big returns a as a big.Int.
func (a u192) big() *big.Int {
	x := new(big.Int).SetUint64(a.hi)
	for _, w := range [...]uint64{a.mid, a.lo} {
		x.Lsh(x, 64).Or(x, new(big.Int).SetUint64(w))
	}
	return x
}

func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }
