package adjust

import (
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// floorFen rounds a toward minus infinity to the fen. A cost in whole fen
// is at most a iff it is at most floorFen(a), so a cap rounded this way
// decides exactly what the unrounded cap would.
func floorFen(a benefit.Amount) benefit.Amount {
	if a.Sign() >= 0 {
		return a.Round(benefit.Rounding{Unit: benefit.Fen, Mode: benefit.Down})
	}
	return a.Round(benefit.Rounding{Unit: benefit.Fen, Mode: benefit.Up})
}

// grow returns a × (1 + g) rounded half-up to the fen.
func grow(a benefit.Amount, g benefit.Rate) benefit.Amount {
	if g.IsZero() {
		return a
	}
	return a.Add(a.MulRate(g)).Round(benefit.FenHalfUp())
}

// growCount returns n × (1 + g) rounded half-up to a whole person, and
// never below 0. It reports false when the count would pass
// maxBeneficiaries.
func growCount(n int64, g benefit.Rate) (int64, bool) {
	if g.IsZero() {
		return n, true
	}
	a := benefit.Yuan(n)
	f, ok := a.Add(a.MulRate(g)).Round(benefit.Rounding{Unit: benefit.YuanUnit, Mode: benefit.HalfUp}).Fen()
	if !ok || f/100 > maxBeneficiaries {
		return 0, false
	}
	return max(f/100, 0), true
}

// stepIn is what one region-year's solve reads.
type stepIn struct {
	code     region.Code
	year     int
	level    benefit.Amount // current level, paid before the effective month
	proposed benefit.Amount // the rule's proposal, on the grid
	floor    benefit.Amount // this year's national floor (from the effective month)
	// mf is the national floor of each month of the year; nil: floor in
	// every month
	mf   *[12]benefit.Amount
	n    int64 // beneficiaries this year
	cap  *benefit.Amount
	ceil *benefit.Amount // the highest level the ceiling allows, on the grid
}

type stepOut struct {
	level      benefit.Amount
	binding    Binding
	cost       region.Split
	infeasible bool
	transfer   benefit.Amount
}

// solve finds the largest level on the rounding grid that is at most the
// rule's proposal and keeps every constraint, exactly: the step caps and
// the ceiling are rounded down to the grid, the hard lower bounds
// (floor, no cut, a forced raise's least raise) up to it, and the fiscal
// cap is solved over whole grid steps by capSolve, in fen, as the
// integer kernel does. A least raise (MinRaise) lifts a smaller proposed
// raise where the caps allow it, and holds the level where they do not.
func (p *prepared) solve(in *stepIn) (stepOut, error) {
	con := &p.s.Constraints
	hard, hardBy := in.floor.Round(p.up), BindFloor
	if !con.AllowCuts {
		if nc := in.level.Round(p.up); nc.Cmp(hard) > 0 {
			hard, hardBy = nc, BindNoCut
		}
	}
	// the caps above: the lowest, and which it is
	var capT *benefit.Amount
	var capBy Binding
	lower := func(m benefit.Amount, by Binding) {
		if capT == nil || m.Cmp(*capT) < 0 {
			capT, capBy = &m, by
		}
	}
	if con.MaxStep != nil {
		lower(in.level.Add(*con.MaxStep).Round(p.down), BindMaxStep)
	}
	if con.MaxStepPercent != nil {
		lower(in.level.Add(in.level.MulRate(*con.MaxStepPercent)).Round(p.down), BindMaxStepPercent)
	}
	if in.ceil != nil {
		lower(*in.ceil, BindCeiling)
	}
	target, bind := in.proposed, BindNone
	if capT != nil && capT.Cmp(target) < 0 {
		target, bind = *capT, capBy
	}
	// a raise is at least MinRaise (lb): forced by the floor, the hard
	// bound is lb; proposed, the proposal is lifted to lb where the caps
	// allow, else the level is held
	var lb benefit.Amount
	if con.MinRaise != nil {
		lb = in.level.Add(*con.MinRaise).Round(p.up)
		switch held := in.level.Round(p.down); {
		case hard.Cmp(in.level) > 0:
			if lb.Cmp(hard) > 0 {
				hard, hardBy = lb, BindMinRaise
			}
		case in.proposed.Cmp(in.level) <= 0 || target.Cmp(lb) >= 0:
		case capT == nil || capT.Cmp(lb) >= 0:
			target, bind = lb, BindMinRaise
		default:
			target, bind = benefit.MinAmount(held, *capT), capBy
		}
	}
	if target.Cmp(hard) < 0 {
		target, bind = hard, hardBy
	}
	level := target
	var st capOut
	if in.cap != nil {
		var err error
		if st, err = p.solveCap(in, target, hard); err != nil {
			return stepOut{}, err
		}
		level = benefit.FromFen(st.level)
		switch {
		case st.infeasible:
			bind = hardBy
		case st.capped:
			bind = BindFiscalCap
			if con.MinRaise != nil && level.Cmp(in.level) > 0 && level.Cmp(lb) < 0 {
				level = in.level.Round(p.down) // the cap leaves no room for the least raise: held
			}
		}
	}
	c, err := p.costIn(in, level)
	if err != nil {
		return stepOut{}, err
	}
	out := stepOut{level: level, binding: bind, cost: c, infeasible: st.infeasible}
	if st.infeasible {
		out.transfer = c.Local.Sub(*in.cap)
	}
	return out, nil
}

// solveCap applies the fiscal cap to a region-year of the decimal path
// with capSolve. Its figures are whole fen; it is an error (wrapping
// benefit.ErrRange) when one passes an int64 of fen, a yearly cost of
// about 92 thousand trillion yuan.
func (p *prepared) solveCap(in *stepIn, target, hard benefit.Amount) (capOut, error) {
	fs, err := p.costIn(in, hard) // its central share is every level's from hard up
	if err != nil {
		return capOut{}, err
	}
	prev, ok0 := in.level.Fen()
	line, ok1 := p.line(in.n, prev)
	central, ok2 := fs.Central.Fen()
	t, ok3 := target.Fen()
	h, ok4 := hard.Fen()
	c, ok5 := in.cap.Fen()
	if ok0 && ok1 && ok2 && ok3 && ok4 && ok5 {
		if st, ok := capSolve(line, central, p.unitFen, t, h, c, true); ok {
			return st, nil
		}
	}
	return capOut{}, fieldErr("constraints.fiscal_cap", benefit.ErrRange,
		"region %s in %d: a cost of %s yuan for %d persons at %s passes an int64 of fen, beyond which the cap is not solved", in.code, in.year, p.prog.Frequency.Annual(target).Mul(in.n), in.n, target)
}

// runRegion simulates region ri over every year into out: on the
// integer kernel when it applies, else on the decimal path. sc is the
// calling worker's scratch.
func (p *prepared) runRegion(ri int, out []RegionYear, sc *scratch) error {
	if p.dom != nil {
		return p.runRegionDomain(ri, out)
	}
	if p.kp.ok && p.runRegionKernel(ri, out, sc) {
		return nil
	}
	return p.runRegionDecimal(ri, out)
}

// baseRevenue returns region ri's revenue grown from RevenueYear to the
// base year.
func (p *prepared) baseRevenue(ri int) benefit.Amount {
	s := p.s
	rev := s.Regions[ri].Revenue
	for y := revenueYear(s) + 1; y <= baseYear(s); y++ {
		rev = grow(rev, rateOf(s, scenario.RevenueGrowth, ri, y))
	}
	return rev
}

// runRegionDecimal simulates region ri over every year into out, in
// decimal Amounts: the reference the integer kernel must equal.
func (p *prepared) runRegionDecimal(ri int, out []RegionYear) error {
	s := p.s
	r := &s.Regions[ri]
	level, n := r.Level, r.Beneficiaries
	rev := p.baseRevenue(ri)
	fc := s.Constraints.FiscalCap
	var prevLocal benefit.Amount
	if fc != nil && fc.Basis == scenario.OfRevenueGrowth {
		// the base year: its level all year
		c, err := p.costIn(&stepIn{code: r.Code, level: level, mf: &p.mf[0], n: n}, level)
		if err != nil {
			return err
		}
		prevLocal = c.Local
	}
	for i := range s.Horizon {
		y := s.StartYear + i
		var ok bool
		if n, ok = growCount(n, rateOf(s, scenario.BeneficiaryGrowth, ri, y)); !ok {
			path := s.AssumptionPath(scenario.BeneficiaryGrowth, ri, y)
			return fieldErr(path, benefit.ErrRange, "the beneficiaries of region %s grow past %d persons in %d", r.Code, int64(maxBeneficiaries), y)
		}
		prevRev := rev
		rev = grow(rev, rateOf(s, scenario.RevenueGrowth, ri, y))
		fy, prevF := p.floors[i+1], p.floors[i].Amount
		env := ruleEnv{level: level, floor: fy.Amount, prevFloor: prevF, wage: rateOf(s, scenario.WageGrowth, ri, y), cpi: rateOf(s, scenario.CPI, ri, y)}
		prop := level.Add(increase(&s.Rule, &env)).Round(p.round)
		if prop.Sign() < 0 {
			prop = benefit.Amount{}
		}
		if f, ok := prop.Fen(); !ok || f > maxLevelFen {
			return fieldErr("rule", benefit.ErrRange, "proposes %s for region %s in %d, more than %d integer digits", prop, r.Code, y, benefit.MaxAmountIntDigits)
		}
		in := stepIn{code: r.Code, year: y, level: level, proposed: prop, floor: fy.Amount, mf: &p.mf[i+1], n: n}
		if p.ceil != nil {
			in.ceil = &p.ceil[i]
		}
		var capAmt benefit.Amount
		if fc != nil {
			switch fc.Basis {
			case scenario.OfRevenue:
				capAmt = floorFen(rev.MulRate(fc.Percent))
			case scenario.OfRevenueGrowth:
				capAmt = floorFen(prevLocal.Add(rev.Sub(prevRev).MulRate(fc.Percent)))
			}
			in.cap = &capAmt
		}
		st, err := p.solve(&in)
		if err != nil {
			return err
		}
		row := RegionYear{
			Region: r.Code, Name: p.names[ri], Year: y,
			Level: st.level, Previous: level, Increase: st.level.Sub(level), Proposed: prop,
			Rule: p.ruleText, Binding: st.binding,
			Floor: fy.Amount, FloorStatus: fy.Status, Headroom: st.level.Sub(fy.Amount),
			Beneficiaries: n, Cost: st.cost, Revenue: rev,
			Infeasible: st.infeasible, Transfer: st.transfer,
		}
		if in.cap != nil {
			c := capAmt
			row.Cap = &c
		}
		if !rev.IsZero() {
			b, err := st.cost.Local.Ratio(rev, 6, benefit.HalfUp)
			if err == nil {
				row.Burden = &b
			}
		}
		out[i] = row
		level, prevLocal = st.level, st.cost.Local
	}
	return nil
}
