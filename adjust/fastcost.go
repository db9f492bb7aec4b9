package adjust

import (
	"math"
	"math/bits"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// fenCost is the cost of levels at or above the year's floor in a region
// whose top-up the centre does not share (the residents' pension): the
// central share is then the same for every such level — the rounded
// central share of the floor part, computed once a year by
// region.Table.Split — and the total and local share are whole fen,
// computed exactly in int64. It is an exact shortcut of prepared.cost,
// not an approximation; ok is false when it does not apply (an int64
// overflow), and the caller then uses prepared.cost.
type fenCost struct {
	ok         bool
	periods    int64          // A·n: person-months a year (A = 12) or person-years
	central    benefit.Amount // central share of every level ≥ floor
	centralFen int64
}

// newFenCost prepares the shortcut for one region-year.
func (p *prepared) newFenCost(c region.Code, floor benefit.Amount, n int64) (fenCost, error) {
	periods, ok := mulFen(p.annualFactor, n)
	if !ok {
		return fenCost{}, nil
	}
	fs, err := p.cost(c, floor, floor, n) // the floor part alone
	if err != nil {
		return fenCost{}, err
	}
	cf, ok := fs.Central.Fen()
	if !ok {
		return fenCost{}, nil
	}
	return fenCost{ok: true, periods: periods, central: fs.Central, centralFen: cf}, nil
}

// split returns the cost split of a total in fen.
func (f *fenCost) split(totalFen int64) region.Split {
	return region.Split{Total: benefit.FromFen(totalFen), Central: f.central, Local: benefit.FromFen(totalFen - f.centralFen)}
}

// mulFen returns a × b for a, b ≥ 0, and false when it overflows int64.
func mulFen(a, b int64) (int64, bool) {
	if a < 0 || b < 0 {
		return 0, false
	}
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	return int64(lo), true
}

// solveFen is the fiscal-cap part of solve on the fen shortcut (see
// capSolve): target and hard are on the grid with hard ≤ target, both ≥
// the floor. It reports false when a figure does not fit in int64.
func (p *prepared) solveFen(in *stepIn, target, hard benefit.Amount, bind, hardBy Binding) (stepOut, bool) {
	f := &in.fen
	tF, ok1 := target.Fen()
	hF, ok2 := hard.Fen()
	var capF int64
	ok3 := true
	if in.cap != nil {
		capF, ok3 = in.cap.Fen()
	}
	if !ok1 || !ok2 || !ok3 {
		return stepOut{}, false
	}
	c, ok := capSolve(f.periods, f.centralFen, p.unitFen, tF, hF, capF, in.cap != nil)
	if !ok {
		return stepOut{}, false
	}
	out := stepOut{level: benefit.FromFen(c.level), binding: bind, cost: f.split(c.total)}
	switch {
	case c.infeasible:
		local := c.total - f.centralFen
		if capF < 0 && local > math.MaxInt64+capF {
			return stepOut{}, false // local − cap overflows
		}
		out.level, out.binding, out.infeasible = hard, hardBy, true
		out.transfer = benefit.FromFen(local - capF)
	case c.capped:
		out.binding = BindFiscalCap
	}
	return out, true
}
