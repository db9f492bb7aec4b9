package adjust

import (
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/internal/fen"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// The integer kernel runs a region's years in int64 fen (and persons) on
// internal/fen, whose products by rates are exact (128 bits, math/big
// for a rate whose fraction passes an int64). It computes exactly what
// the decimal path (runRegionDecimal) does — same roundings, same order —
// and gives way to it whenever a figure is not whole fen or does not fit
// an int64, so the result never depends on which path ran (TestProperties
// and FuzzRun compare both byte for byte).

// scratch is what one worker reuses from region to region: the slabs
// the pointer fields of rows point into (RegionYear.Cap, .Burden: one
// allocation for many rows), and the floor check's buffers.
type scratch struct {
	caps    []benefit.Amount // what is left of the worker's slab of caps
	burdens []benefit.Rate
	vs      []benefit.Version // a batch's versions (checkBatch)
	hc      []floor.Headcount // a batch's head counts (checkBatch)
	levels  []floor.Level     // a batch's levels
}

// slab is how many caps or burdens a worker allocates at once.
const slab = 1024

// capOf returns a pointer to a, in the worker's slab.
func (sc *scratch) capOf(a benefit.Amount) *benefit.Amount {
	if len(sc.caps) == 0 {
		sc.caps = make([]benefit.Amount, slab)
	}
	c := &sc.caps[0]
	*c, sc.caps = a, sc.caps[1:]
	return c
}

// burdenOf returns a pointer to r, in the worker's slab.
func (sc *scratch) burdenOf(r benefit.Rate) *benefit.Rate {
	if len(sc.burdens) == 0 {
		sc.burdens = make([]benefit.Rate, slab)
	}
	b := &sc.burdens[0]
	*b, sc.burdens = r, sc.burdens[1:]
	return b
}

// ratio returns r as an exact fen.Ratio.
func ratio(r benefit.Rate) fen.Ratio { return fen.Decimal(r.Fraction()) }

// onePlus returns 1 + r as an exact fen.Ratio: a growth factor.
func onePlus(r benefit.Rate) fen.Ratio { return ratio(benefit.Percent(100).Add(r)) }

// kernelPlan is what the kernel precomputes once per scenario.
type kernelPlan struct {
	ok bool // the scenario's constants are whole fen
	// the rule, split into what is linear in the level: increase =
	// fixedFen + passes·(floor − last floor) + Σ catch-ups + level·G
	fixedFen int64
	passes   int64
	margins  []int64     // one per catch_up part (fen; 0 without a margin)
	hasG     bool        // the rule has a percent or index part
	maxStep  int64       // constraints.max_step in fen, -1 without
	maxPct   *fen.Ratio  // 1 + constraints.max_step_percent
	capPct   fen.Ratio   // constraints.fiscal_cap.percent
	floors   []int64     // p.floors in fen
	floorsUp []int64     // the floors rounded up to the grid: the floor bound
	mf       [][12]int64 // p.mf in fen
	flat     []bool      // flat[i]: the floor of year i is the same in every month
	// scenario-wide rates per simulated year, for regions that give
	// none of their own
	years []kernelYear
	share [6]*fen.Ratio // central share of the floor part by fiscal tier
	// burden = local ÷ revenue to 6 decimals: q = local·10^6 ÷ revenue
	// rounded half-up, then q × 10^-6
	micro benefit.Rate
}

// kernelYear holds the growth factors of one year: 1 + beneficiary
// growth, 1 + revenue growth, and 1 + G, G the part of the rule's
// increase proportional to the level (percent parts plus index parts for
// the year's wage and CPI).
type kernelYear struct {
	gN, gR, g fen.Ratio
}

// planKernel fills p.kp.
func (p *prepared) planKernel() {
	s := p.s
	kp := &kernelPlan{maxStep: -1, micro: benefit.MustParseRate("0.000001")}
	p.kp = kp
	if p.unitFen <= 0 {
		return
	}
	ok := true
	whole := func(a benefit.Amount) int64 {
		f, good := a.Fen()
		ok = ok && good
		return f
	}
	var walk func(r *scenario.Rule)
	walk = func(r *scenario.Rule) {
		switch r.Kind {
		case scenario.KindFixed:
			var good bool
			kp.fixedFen, good = fen.Add(kp.fixedFen, whole(*r.Amount))
			ok = ok && good
		case scenario.KindPassThrough:
			kp.passes++
		case scenario.KindCatchUp:
			var m int64
			if r.Margin != nil {
				m = whole(*r.Margin)
			}
			kp.margins = append(kp.margins, m)
		case scenario.KindPercent, scenario.KindIndex:
			kp.hasG = true
		case scenario.KindSum:
			for i := range r.Parts {
				walk(&r.Parts[i])
			}
		}
	}
	walk(&s.Rule)
	c := &s.Constraints
	if c.MaxStep != nil {
		kp.maxStep = whole(*c.MaxStep)
	}
	if c.MaxStepPercent != nil {
		e := onePlus(*c.MaxStepPercent)
		kp.maxPct = &e
	}
	if c.FiscalCap != nil {
		kp.capPct = ratio(c.FiscalCap.Percent)
	}
	kp.floors = make([]int64, len(p.floors))
	kp.floorsUp = make([]int64, len(p.floors))
	kp.mf = make([][12]int64, len(p.mf))
	kp.flat = make([]bool, len(p.mf))
	for i, f := range p.floors {
		kp.floors[i] = whole(f.Amount)
		var good bool
		kp.floorsUp[i], good = fen.Round(kp.floors[i], p.unitFen, fen.Up)
		ok = ok && good
		kp.flat[i] = true
		for mo, a := range p.mf[i] {
			kp.mf[i][mo] = whole(a)
			kp.flat[i] = kp.flat[i] && kp.mf[i][mo] == kp.mf[i][0]
		}
	}
	for tr := region.Tier(1); tr <= 5; tr++ {
		if r, found := p.costRule.FloorPart[tr.String()]; found {
			e := ratio(r)
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
	// a least raise or a ceiling runs on the decimal path
	ok = ok && c.MinRaise == nil && c.Ceiling == nil
	for _, m := range kp.margins {
		ok = ok && small(m)
	}
	for i, f := range kp.floors {
		ok = ok && small(f)
		for _, m := range kp.mf[i] {
			ok = ok && small(m)
		}
	}
	kp.ok = ok
}

// kernelYear returns the rates of year y for region ri (-1: the
// scenario-wide ones).
func (p *prepared) kernelYear(ri, y int) kernelYear {
	s := p.s
	ky := kernelYear{gN: onePlus(rateOf(s, scenario.BeneficiaryGrowth, ri, y)), gR: onePlus(rateOf(s, scenario.RevenueGrowth, ri, y))}
	if p.kp.hasG {
		ky.g = onePlus(levelRate(&s.Rule, rateOf(s, scenario.WageGrowth, ri, y), rateOf(s, scenario.CPI, ri, y)))
	}
	return ky
}

// ownRates reports whether region ri gives any rate the kernel reads.
func ownRates(s *scenario.Scenario, ri int) bool {
	own := func(a *scenario.Assumptions) bool {
		return a.BeneficiaryGrowth != nil || a.RevenueGrowth != nil || a.WageGrowth != nil || a.CPI != nil
	}
	r := &s.Regions[ri]
	for i := range r.Years {
		if own(&r.Years[i].Assumptions) {
			return true
		}
	}
	return own(&r.Assumptions)
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
	share := *kp.share[tr]
	level, ok1 := r.Level.Fen()
	rev, ok2 := p.baseRevenue(ri).Fen()
	if !ok1 || !ok2 || level > maxLevelFen {
		return false
	}
	years := kp.years
	if ownRates(s, ri) {
		years = make([]kernelYear, s.Horizon)
		for i := range years {
			years[i] = p.kernelYear(ri, s.StartYear+i)
		}
	}
	af, u := p.annualFactor, p.unitFen
	// central share of the floor part of year i when the level was prev
	// before the effective month and x from it, for n persons
	central := func(i int, n, prev, x int64) (int64, bool) {
		var fp int64
		var ok bool
		if p.month == 1 && kp.flat[i] {
			// the same floor part every month: annualFen's first case
			if fp, ok = fen.Mul(min(x, kp.mf[i][0]), af); ok {
				fp, ok = fen.Mul(fp, n)
			}
		} else {
			var ms [12]int64
			for mo := range ms {
				l := x
				if mo+1 < p.month {
					l = prev
				}
				ms[mo] = min(l, kp.mf[i][mo])
			}
			fp, ok = annualFen(&ms, n, af)
		}
		if !ok {
			return 0, false
		}
		return fen.MulDiv(fp, share, 0, 1, fen.HalfUp)
	}
	n := r.Beneficiaries
	var prevLocal int64
	fc := s.Constraints.FiscalCap
	if fc != nil && fc.Basis == scenario.OfRevenueGrowth {
		// the base year: its level all year
		line, ok := p.line(n, level)
		total, ok2 := line.total(level)
		c, ok3 := central(0, n, level, level)
		if !ok || !ok2 || !ok3 {
			return false
		}
		prevLocal = total - c
	}
	mode := fen.Mode(p.round.Mode)
	prevAmt := r.Level
	for i := range s.Horizon {
		y, ky := s.StartYear+i, &years[i]
		var ok bool
		if n, ok = fen.MulDiv(n, ky.gN, 0, 1, fen.HalfUp); !ok || n > maxBeneficiaries {
			return false
		}
		n = max(n, 0)
		prevRev := rev
		if rev, ok = fen.MulDiv(rev, ky.gR, 0, 1, fen.HalfUp); !ok {
			return false
		}
		floor, prevFloor := kp.floors[i+1], kp.floors[i]
		// the rule's proposal, rounded once by the programme's rounding
		inc := kp.fixedFen + kp.passes*(floor-prevFloor)
		for _, m := range kp.margins {
			inc += max(floor+m-level, 0)
		}
		g := fen.Int(1)
		if kp.hasG {
			g = ky.g
		}
		k, ok := fen.MulDiv(level, g, inc, u, mode)
		if !ok || k > maxLevelFen/u {
			return false // the decimal path reports it
		}
		prop := max(k, 0) * u // a negative proposal is 0
		// the bounds: hard ones rounded up to the grid (away from zero),
		// caps down (toward zero)
		hard, hardBy := kp.floorsUp[i+1], BindFloor
		if !s.Constraints.AllowCuts {
			nc, ok := fen.Round(level, u, fen.Up)
			if !ok {
				return false
			}
			if nc > hard {
				hard, hardBy = nc, BindNoCut
			}
		}
		target, bind := prop, BindNone
		if kp.maxStep >= 0 {
			m, ok := fen.Round(level+kp.maxStep, u, fen.Down)
			if !ok {
				return false
			}
			if m < target {
				target, bind = m, BindMaxStep
			}
		}
		if kp.maxPct != nil {
			m, ok := fen.MulDiv(level, *kp.maxPct, 0, u, fen.Down)
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
		line, ok := p.line(n, level)
		if !ok {
			return false
		}
		// every level from hard up pays each month's floor in full
		cf, ok := central(i+1, n, level, hard)
		if !ok {
			return false
		}
		var capF int64
		if fc != nil {
			if fc.Basis == scenario.OfRevenue {
				capF, ok = fen.MulDiv(rev, kp.capPct, 0, 1, fen.Floor)
			} else {
				capF, ok = fen.MulDiv(rev-prevRev, kp.capPct, prevLocal, 1, fen.Floor)
			}
			if !ok {
				return false
			}
		}
		st, ok := capSolve(line, cf, u, target, hard, capF, fc != nil)
		if !ok {
			return false
		}
		if st.infeasible {
			bind = hardBy
		} else if st.capped {
			bind = BindFiscalCap
		}
		lv := benefit.FromFen(st.level)
		fl := p.floors[i+1]
		row := &out[i]
		*row = RegionYear{
			Region: r.Code, Name: p.names[ri], Year: y,
			Level: lv, Previous: prevAmt, Increase: benefit.FromFen(st.level - level), Proposed: benefit.FromFen(prop),
			Rule: p.ruleText, Binding: bind,
			Floor: fl.Amount, FloorStatus: fl.Status, Headroom: benefit.FromFen(st.level - floor),
			Beneficiaries: n, Cost: region.Split{Total: benefit.FromFen(st.total), Central: benefit.FromFen(cf), Local: benefit.FromFen(st.local)},
			Revenue:    benefit.FromFen(rev),
			Infeasible: st.infeasible,
		}
		if st.infeasible {
			t, ok := fen.Sub(st.local, capF)
			if !ok {
				return false
			}
			row.Transfer = benefit.FromFen(t)
		}
		if fc != nil {
			row.Cap = sc.capOf(benefit.FromFen(capF))
		}
		if rev != 0 {
			// as cost.Local.Ratio(revAmt, 6, benefit.HalfUp) in the decimal path
			q, ok := fen.MulDiv(st.local, fen.Int(1_000_000), 0, rev, fen.HalfUp)
			if !ok {
				return false
			}
			row.Burden = sc.burdenOf(kp.micro.MulInt(q))
		}
		level, prevLocal, prevAmt = st.level, st.local, lv
	}
	return true
}

// capOut is the outcome of capSolve, in fen.
type capOut struct {
	level, total, local int64
	infeasible, capped  bool
}

// capSolve is the library's one fiscal-cap solver (财力约束), used by the
// integer kernel and the decimal path alike. In a region-year whose
// central share is the same, central, for every level at or above the
// floor (the centre pays none of the top-up: every cost rule the library
// ships), the local share of level x is total(x) − central, total the
// year's cost line (costLine: per·x for a level paid all year, per the
// person-periods, 12·n for a monthly level). With u the grid step, hard
// ≤ target both on the grid and at least the floor, and capF the cap
// (when hasCap), it returns target when target's local share fits, hard
// and infeasible when not even hard's does, and otherwise the largest
// grid level whose local share fits, capped:
//
//	per·u·k − central ≤ cap  ⇔  k ≤ ⌊(cap + central) ÷ (per·u)⌋
//
// an exact integer division (formed in 128 bits by internal/fen;
// costLine.maxSteps for a level from a later month). It reports false
// when a figure does not fit an int64.
func capSolve(line costLine, central, u, target, hard, capF int64, hasCap bool) (capOut, bool) {
	totalT, ok := line.total(target)
	if !ok {
		return capOut{}, false
	}
	localT := totalT - central // 0 ≤ central ≤ total
	if !hasCap || localT <= capF {
		return capOut{level: target, total: totalT, local: localT}, true
	}
	totalH, _ := line.total(hard) // hard ≤ target: no overflow
	if localH := totalH - central; localH > capF {
		return capOut{level: hard, total: totalH, local: localH, infeasible: true}, true
	}
	// local(hard) ≤ cap < local(target): hard < k·u < target
	k, ok := line.maxSteps(capF, central, u)
	if !ok {
		return capOut{}, false
	}
	k = min(max(k, hard/u), target/u-1)
	total, _ := line.total(k * u)
	return capOut{level: k * u, total: total, local: total - central, capped: true}, true
}
