package adjust

import (
	"math"
	"math/big"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// The integer kernel runs a region's years in int64 fen (and persons),
// with big.Int only for the exact products by rates, in reused
// temporaries. It computes exactly what the decimal path (runRegionDecimal)
// does — same roundings, same order — and gives way to it whenever a
// figure is not whole fen or does not fit an int64, so the result never
// depends on which path ran (TestProperties compares both byte for byte).

// kernelPlan is what the kernel precomputes once per scenario.
type kernelPlan struct {
	ok bool // the scenario's constants are whole fen
	// the rule, split into what is linear in the level: increase =
	// fixedFen + passes·(floor − last floor) + Σ catch-ups + level·G
	fixedFen int64
	passes   int64
	margins  []int64 // one per catch_up part (fen; 0 without a margin)
	hasG     bool    // the rule has a percent or index part
	maxStep  int64   // constraints.max_step in fen, -1 without
	maxPct   *exactRate
	capPct   *exactRate
	floors   []int64 // p.floors in fen
	// scenario-wide rates per simulated year, for regions that give
	// none of their own
	years []kernelYear
	share [6]*exactRate // central share of the floor part by fiscal tier
	one   exactRate     // 1
	// burden = local ÷ revenue to 6 decimals: q = local·10^6 ÷ revenue
	// rounded half-up, then q × 10^-6
	million exactRate
	micro   benefit.Rate
}

// kernelYear holds the rates of one year: beneficiary and revenue
// growth, and G, the part of the rule's increase proportional to the
// level (percent parts plus index parts for the year's wage and CPI).
type kernelYear struct {
	gN, gR, g exactRate
}

// planKernel fills p.kp.
func (p *prepared) planKernel() {
	s := p.s
	kp := &kernelPlan{maxStep: -1, one: exactOf(benefit.One),
		million: newExact(big.NewInt(1_000_000), big.NewInt(1)), micro: benefit.MustParseRate("0.000001")}
	p.kp = kp
	if p.unitFen <= 0 {
		return
	}
	ok := true
	fen := func(a benefit.Amount) int64 {
		f, good := a.Fen()
		ok = ok && good
		return f
	}
	var walk func(r *Rule)
	walk = func(r *Rule) {
		switch r.Kind {
		case KindFixed:
			ok = addInt(&kp.fixedFen, fen(*r.Amount)) && ok
		case KindPassThrough:
			kp.passes++
		case KindCatchUp:
			var m int64
			if r.Margin != nil {
				m = fen(*r.Margin)
			}
			kp.margins = append(kp.margins, m)
		case KindPercent, KindIndex:
			kp.hasG = true
		case KindSum:
			for i := range r.Parts {
				walk(&r.Parts[i])
			}
		}
	}
	walk(&s.Rule)
	c := &s.Constraints
	if c.MaxStep != nil {
		kp.maxStep = fen(*c.MaxStep)
	}
	if c.MaxStepPercent != nil {
		e := exactOf(*c.MaxStepPercent)
		kp.maxPct = &e
	}
	if c.FiscalCap != nil {
		e := exactOf(c.FiscalCap.Percent)
		kp.capPct = &e
	}
	kp.floors = make([]int64, len(p.floors))
	for i, f := range p.floors {
		kp.floors[i] = fen(f.Amount)
	}
	for tr := region.Tier(1); tr <= 5; tr++ {
		if r, found := p.costRule.FloorPart[tr.String()]; found {
			e := exactOf(r)
			kp.share[tr] = &e
		}
	}
	kp.years = make([]kernelYear, s.Horizon)
	for i := range kp.years {
		kp.years[i] = p.kernelYear(-1, s.StartYear+i)
	}
	// keep every increase well inside int64: each figure is at most
	// maxLevelFen (10^17 fen), so fixed + 8 pass-throughs + 8 catch-ups
	// stay below 2.6·10^18
	small := func(f int64) bool { return -maxLevelFen <= f && f <= maxLevelFen }
	ok = ok && small(kp.fixedFen) && kp.passes <= 8 && len(kp.margins) <= 8 && kp.maxStep <= maxLevelFen
	for _, m := range kp.margins {
		ok = ok && small(m)
	}
	for _, f := range kp.floors {
		ok = ok && small(f)
	}
	kp.ok = ok
}

// kernelYear returns the rates of year y for region ri (-1: the
// scenario-wide ones).
func (p *prepared) kernelYear(ri, y int) kernelYear {
	s := p.s
	ky := kernelYear{gN: exactOf(s.rate(BeneficiaryGrowth, ri, y)), gR: exactOf(s.rate(RevenueGrowth, ri, y))}
	if p.kp.hasG {
		ky.g = exactOf(s.Rule.levelRate(s.rate(WageGrowth, ri, y), s.rate(CPI, ri, y)))
	}
	return ky
}

// ownRates reports whether region ri gives any rate the kernel reads.
func (s *Scenario) ownRates(ri int) bool {
	r := &s.Regions[ri]
	for _, k := range []Assumption{BeneficiaryGrowth, RevenueGrowth, WageGrowth, CPI} {
		if r.Assumptions.get(k) != nil {
			return true
		}
		for i := range r.Years {
			if r.Years[i].get(k) != nil {
				return true
			}
		}
	}
	return false
}

// runRegionKernel runs region ri on the integer kernel into out. It
// reports false, having written nothing that counts, when the kernel
// does not apply; the caller then runs the decimal path.
func (p *prepared) runRegionKernel(ri int, out []RegionYear, sc *scratch) bool {
	s, kp := p.s, p.kp
	r := &s.Regions[ri]
	tr, err := p.tab.Tier(r.Code)
	if err != nil || !p.costRule.TopUp[tr.String()].IsZero() || kp.share[tr] == nil {
		return false // the centre shares the top-up: not linear above the floor
	}
	share := kp.share[tr]
	level, ok1 := r.Level.Fen()
	rev, ok2 := p.baseRevenue(ri).Fen()
	if !ok1 || !ok2 || level > maxLevelFen {
		return false
	}
	years := kp.years
	if s.ownRates(ri) {
		years = make([]kernelYear, s.Horizon)
		for i := range years {
			years[i] = p.kernelYear(ri, s.StartYear+i)
		}
	}
	af, u := p.annualFactor, p.unitFen
	// central share of the floor part of paying x to persons-periods per
	central := func(per, x, floor int64) (int64, bool) {
		fp, ok := mulFen(per, min(x, floor))
		if !ok {
			return 0, false
		}
		return sc.mulDiv(fp, share, false, 0, 1, qHalfUp)
	}
	n := r.Beneficiaries
	var prevLocal int64
	fc := s.Constraints.FiscalCap
	if fc != nil && fc.Basis == OfRevenueGrowth {
		per, ok := mulFen(af, n)
		total, ok2 := mulFen(per, level)
		c, ok3 := central(per, level, kp.floors[0])
		if !ok || !ok2 || !ok3 {
			return false
		}
		prevLocal = total - c
	}
	mode := qmodeOf(p.round.Mode)
	ruleText := s.Rule.String()
	prevAmt := r.Level
	for i := range s.Horizon {
		y, ky := s.StartYear+i, &years[i]
		var ok bool
		if n, ok = sc.mulDiv(n, &ky.gN, true, 0, 1, qHalfUp); !ok || n > MaxBeneficiaries {
			return false
		}
		n = max(n, 0)
		prevRev := rev
		if rev, ok = sc.mulDiv(rev, &ky.gR, true, 0, 1, qHalfUp); !ok {
			return false
		}
		floor, prevFloor := kp.floors[i+1], kp.floors[i]
		// the rule's proposal, rounded once by the programme's rounding
		inc := kp.fixedFen + kp.passes*(floor-prevFloor)
		for _, m := range kp.margins {
			inc += max(floor+m-level, 0)
		}
		var k int64
		if kp.hasG {
			k, ok = sc.mulDiv(level, &ky.g, true, inc, u, mode)
		} else {
			k, ok = sc.mulDiv(level+inc, &kp.one, false, 0, u, mode)
		}
		if !ok {
			return false
		}
		if k > maxLevelFen/u {
			return false // the decimal path reports it
		}
		prop := max(k, 0) * u // a negative proposal is 0
		// the bounds: hard ones rounded up to the grid, caps down
		hard, hardBy := ceilDiv(floor, u)*u, BindFloor
		if !s.Constraints.AllowCuts {
			if nc := ceilDiv(level, u) * u; nc > hard {
				hard, hardBy = nc, BindNoCut
			}
		}
		target, bind := prop, BindNone
		if kp.maxStep >= 0 {
			if m := (level + kp.maxStep) / u * u; m < target {
				target, bind = m, BindMaxStep
			}
		}
		if kp.maxPct != nil {
			m, ok := sc.mulDiv(level, kp.maxPct, true, 0, u, qDown)
			if !ok {
				return false
			}
			if m *= u; m < target {
				target, bind = m, BindMaxStepPercent
			}
		}
		if target < hard {
			target, bind = hard, hardBy
		}
		per, ok := mulFen(af, n)
		if !ok {
			return false
		}
		cf, ok := central(per, floor, floor)
		if !ok {
			return false
		}
		var capF int64
		hasCap := fc != nil
		if hasCap {
			if fc.Basis == OfRevenue {
				capF, ok = sc.mulDiv(rev, kp.capPct, false, 0, 1, qFloor)
			} else {
				capF, ok = sc.mulDiv(rev-prevRev, kp.capPct, false, prevLocal, 1, qFloor)
			}
			if !ok {
				return false
			}
		}
		st, ok := capSolve(per, cf, u, target, hard, capF, hasCap)
		if !ok {
			return false
		}
		if st.infeasible {
			bind = hardBy
		} else if st.capped {
			bind = BindFiscalCap
		}
		lv := sc.amount(st.level)
		fl := p.floors[i+1]
		cost := region.Split{Total: benefit.FromFen(st.total), Central: benefit.FromFen(cf), Local: benefit.FromFen(st.total - cf)}
		revAmt := benefit.FromFen(rev)
		row := RegionYear{
			Region: r.Code, Name: p.names[ri], Year: y,
			Level: lv, Previous: prevAmt, Increase: sc.amount(st.level - level), Proposed: lv,
			Rule: ruleText, Binding: bind,
			Floor: fl.Amount, FloorStatus: fl.Status, Headroom: sc.amount(st.level - floor),
			Beneficiaries: n, Cost: cost, Revenue: revAmt,
			Infeasible: st.infeasible,
		}
		if prop != st.level {
			row.Proposed = sc.amount(prop)
		}
		if st.infeasible {
			local := st.total - cf
			if capF < 0 && local > math.MaxInt64+capF {
				return false // local − cap overflows
			}
			row.Transfer = benefit.FromFen(local - capF)
		}
		if hasCap {
			c := benefit.FromFen(capF)
			row.Cap = &c
		}
		if rev != 0 {
			// as cost.Local.Ratio(revAmt, 6, benefit.HalfUp) in the decimal path
			q, ok := sc.mulDiv(st.total-cf, &kp.million, false, 0, rev, qHalfUp)
			if !ok {
				return false
			}
			b := kp.micro.MulInt(q)
			row.Burden = &b
		}
		out[i] = row
		level, prevLocal, prevAmt = st.level, st.total-cf, lv
	}
	return true
}

func ceilDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a > 0) == (b > 0) {
		q++
	}
	return q
}

// capOut is the outcome of capSolve, in fen.
type capOut struct {
	level, total       int64
	infeasible, capped bool
}

// capSolve applies the fiscal cap in fen to a region-year whose central
// share is the same, central, for every level at or above the floor (the
// top-up is wholly local): per is persons × periods a year, u the grid
// step, hard ≤ target both on the grid and at least the floor, capF the
// cap (when hasCap). It returns target when its local share fits, hard
// and infeasible when even hard does not, and otherwise the largest grid
// level whose local share fits, capped:
//
//	local(k·u) = per·u·k − central ≤ cap  ⇔  k ≤ (cap + central) ÷ (per·u)
//
// It reports false when a figure does not fit an int64.
func capSolve(per, central, u, target, hard, capF int64, hasCap bool) (capOut, bool) {
	totalT, ok := mulFen(per, target)
	if !ok {
		return capOut{}, false
	}
	if !hasCap || totalT-central <= capF {
		return capOut{level: target, total: totalT}, true
	}
	totalH, _ := mulFen(per, hard) // hard ≤ target: no overflow
	if totalH-central > capF {
		return capOut{level: hard, total: totalH, infeasible: true}, true
	}
	perU, ok := mulFen(per, u)
	if !ok || perU == 0 {
		return capOut{}, false
	}
	lo, hi := hard/u, target/u
	k := min(max((capF+central)/perU, lo), hi-1)
	total, _ := mulFen(per, k*u)
	return capOut{level: k * u, total: total, capped: true}, true
}
