package adjust

import (
	"cmp"
	"math"
	"slices"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/fen"
	"github.com/benefitstd/benefitstd/region"
)

// summarise builds the yearly summaries from rows sorted by region then
// year. Totals are exact sums of the regional Amounts, added in int64 fen
// (with an overflow check; a year that overflows, or has a figure that
// is not whole fen, is added in decimal instead); the equalisation
// statistics are float64.
func (p *prepared) summarise(rows []RegionYear) []YearSummary {
	s := p.s
	out := make([]YearSummary, s.Horizon)
	lv := make([][]stat, s.Horizon)
	sums := make([]fenSums, s.Horizon)
	for i := range out {
		out[i] = YearSummary{Year: s.StartYear + i, Floor: p.floors[i+1]}
		lv[i] = make([]stat, 0, len(s.Regions))
	}
	for k := range rows {
		r := &rows[k]
		i := r.Year - s.StartYear
		ys := &out[i]
		if ys.Regions == 0 || r.Level.Cmp(ys.MinLevel) < 0 {
			ys.MinLevel = r.Level
		}
		if ys.Regions == 0 || r.Level.Cmp(ys.MaxLevel) > 0 {
			ys.MaxLevel = r.Level
		}
		ys.Regions++
		ys.Beneficiaries += r.Beneficiaries
		if r.Infeasible {
			ys.Infeasible++
		}
		ys.Findings += len(r.Findings)
		sums[i].add(r)
		lv[i] = append(lv[i], stat{x: fenFloat(r.Level), w: float64(r.Beneficiaries)})
	}
	for i := range out {
		ys := &out[i]
		weighted, ok := sums[i].amounts(ys)
		if !ok {
			weighted = p.decimalSums(rows, ys)
		}
		if ys.Beneficiaries > 0 {
			// Σ level × persons ÷ persons, exact, then rounded to the fen
			ys.MeanLevel, _ = weighted.QuoInt(ys.Beneficiaries, benefit.FenHalfUp())
		}
		ys.MaxMinRatio, ys.CV, ys.Gini = dispersion(lv[i])
	}
	return out
}

// fenSums adds a year's regional figures in int64 fen; ok turns false
// when one is not whole fen or a sum overflows.
type fenSums struct {
	total, central, local, transfer, weighted fen.Sum
	notFen                                    bool // a figure is not whole fen
}

func (f *fenSums) add(r *RegionYear) {
	for _, a := range [...]struct {
		sum *fen.Sum
		v   benefit.Amount
	}{{&f.total, r.Cost.Total}, {&f.central, r.Cost.Central}, {&f.local, r.Cost.Local}, {&f.transfer, r.Transfer}} {
		v, ok := a.v.Fen()
		f.notFen = f.notFen || !ok
		a.sum.Add(v)
	}
	lf, ok := r.Level.Fen()
	w, ok2 := fen.Mul(lf, r.Beneficiaries)
	f.notFen = f.notFen || !ok || !ok2
	f.weighted.Add(w)
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

type stat struct {
	x, w float64
	i    int // position before sorting
}

// fenFloat returns a as float64 fen, for statistics only.
func fenFloat(a benefit.Amount) float64 {
	f, ok := a.Fen()
	if !ok {
		f, _ = a.Round(benefit.FenHalfUp()).Fen()
	}
	return float64(f)
}

// dispersion returns, in float64 and for description only, the ratio of
// the highest to the lowest level, the unweighted coefficient of
// variation across regions (population standard deviation ÷ mean), and
// the Gini coefficient of levels weighted by beneficiaries:
//
//	G = Σᵢ Σⱼ wᵢ wⱼ |xᵢ − xⱼ| ÷ (2 W² μ)
//
// computed in O(n log n) on the levels sorted ascending as
// Σᵢ wᵢ xᵢ (W<ᵢ − W>ᵢ) ÷ (W · Σ wᵢ xᵢ). Values are rounded to 6 decimals
// so that their JSON text is short and stable.
func dispersion(v []stat) (ratio, cv, gini float64) {
	if len(v) == 0 {
		return 0, 0, 0
	}
	v = slices.Clone(v)
	for i := range v {
		v[i].i = i
	}
	// ascending levels, ties in region order: the order a stable sort
	// gives, so the float sums below are always added in the same order
	slices.SortFunc(v, func(a, b stat) int { return cmp.Or(cmp.Compare(a.x, b.x), cmp.Compare(a.i, b.i)) })
	lo, hi := v[0].x, v[len(v)-1].x
	if lo > 0 {
		ratio = hi / lo
	}
	var sum, sumSq float64
	for _, s := range v {
		sum += s.x
	}
	mean := sum / float64(len(v))
	for _, s := range v {
		d := s.x - mean
		sumSq += d * d
	}
	if mean > 0 {
		cv = math.Sqrt(sumSq/float64(len(v))) / mean
	}
	var W, WX float64
	for _, s := range v {
		W += s.w
		WX += s.w * s.x
	}
	if W > 0 && WX > 0 {
		var below, num float64
		for _, s := range v {
			above := W - below - s.w
			num += s.w * s.x * (below - above)
			below += s.w
		}
		gini = num / (W * WX)
	}
	return round6(ratio), round6(cv), round6(gini)
}

func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }
