package adjust

import (
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
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
	return a.Add(a.MulRate(g)).Round(benefit.FenHalfUp)
}

// growCount returns n × (1 + g) rounded half-up to a whole person, and
// never below 0. It reports false when the count would pass
// MaxBeneficiaries.
func growCount(n int64, g benefit.Rate) (int64, bool) {
	if g.IsZero() {
		return n, true
	}
	a := benefit.Yuan(n)
	f, ok := a.Add(a.MulRate(g)).Round(benefit.YuanHalfUp).Fen()
	if !ok || f/100 > MaxBeneficiaries {
		return 0, false
	}
	return max(f/100, 0), true
}

// cost returns the yearly cost of paying level x to n persons, split
// between the centre and region c. The part up to floor f is the
// national-floor part; the rest is the local top-up.
func (p *prepared) cost(c region.Code, x, f benefit.Amount, n int64) (region.Split, error) {
	total := p.prog.Frequency.Annual(x).Mul(n)
	fp := total
	if x.Cmp(f) > 0 {
		fp = p.prog.Frequency.Annual(f).Mul(n)
	}
	return p.tab.Split(p.s.Program, c, total, fp)
}

// gridIndex returns a (on the grid) as a count of grid steps.
func (p *prepared) gridIndex(a benefit.Amount) int64 {
	f, _ := a.Fen()
	return f / p.unitFen
}

func (p *prepared) gridAmount(k int64) benefit.Amount { return benefit.FromFen(k * p.unitFen) }

// stepIn is what one region-year's solve reads.
type stepIn struct {
	code     region.Code
	level    benefit.Amount // current level
	proposed benefit.Amount // the rule's proposal, on the grid
	floor    benefit.Amount // this year's national floor
	n        int64          // beneficiaries this year
	cap      *benefit.Amount
	// localTopUp is set when the centre pays none of the top-up above
	// the floor in this region (the residents' pension everywhere): the
	// local share is then linear in the level above the floor and the
	// fiscal cap is solved in closed form.
	localTopUp bool
	fen        fenCost // the exact fen shortcut when localTopUp (fen.ok)
}

type stepOut struct {
	level      benefit.Amount
	binding    Binding
	cost       region.Split
	infeasible bool
	transfer   benefit.Amount
}

// solve finds the largest level on the rounding grid that is at most the
// rule's proposal and keeps every constraint, exactly: the step caps are
// rounded down to the grid, the hard lower bounds (floor, no cut) up to
// it, and the fiscal cap is searched over whole grid steps, on which the
// local cost is non-decreasing (each step adds Annual(step) × n to the
// total and at most that to the central share, both whole fen).
func (p *prepared) solve(in *stepIn) (stepOut, error) {
	con := &p.s.Constraints
	hard, hardBy := in.floor.Round(p.up), BindFloor
	if !con.AllowCuts {
		if nc := in.level.Round(p.up); nc.Cmp(hard) > 0 {
			hard, hardBy = nc, BindNoCut
		}
	}
	target, bind := in.proposed, BindNone
	if con.MaxStep != nil {
		if m := in.level.Add(*con.MaxStep).Round(p.down); m.Cmp(target) < 0 {
			target, bind = m, BindMaxStep
		}
	}
	if con.MaxStepPercent != nil {
		if m := in.level.Add(in.level.MulRate(*con.MaxStepPercent)).Round(p.down); m.Cmp(target) < 0 {
			target, bind = m, BindMaxStepPercent
		}
	}
	if target.Cmp(hard) < 0 {
		target, bind = hard, hardBy
	}
	if in.fen.ok {
		if out, ok := p.solveFen(in, target, hard, bind, hardBy); ok {
			return out, nil
		}
	}
	out := stepOut{level: target, binding: bind}
	c, err := p.cost(in.code, target, in.floor, in.n)
	if err != nil {
		return out, err
	}
	out.cost = c
	if in.cap == nil || c.Local.Cmp(*in.cap) <= 0 {
		return out, nil
	}
	// over the cap: is even the hard bound too dear?
	hc, err := p.cost(in.code, hard, in.floor, in.n)
	if err != nil {
		return out, err
	}
	if hc.Local.Cmp(*in.cap) > 0 {
		return stepOut{level: hard, binding: hardBy, cost: hc, infeasible: true, transfer: hc.Local.Sub(*in.cap)}, nil
	}
	lo, hi := p.gridIndex(hard), p.gridIndex(target)
	if in.localTopUp && p.slow < 2 {
		// For x ≥ F the central share is the fixed round(A·n·F·share) and
		// local(x) = A·n·x − central, where A is 12 for a monthly level.
		// With x = k·u (u the grid step) local ≤ cap exactly when
		// k ≤ (cap + central) ÷ (A·n·u), an integer division in fen.
		num, ok := in.cap.Add(hc.Central).Fen()
		per := p.annualFactor * in.n * p.unitFen
		if ok && per > 0 && num >= 0 {
			k := min(max(num/per, lo), hi-1)
			kc, err := p.cost(in.code, p.gridAmount(k), in.floor, in.n)
			if err != nil {
				return out, err
			}
			if kc.Local.Cmp(*in.cap) <= 0 {
				return stepOut{level: p.gridAmount(k), binding: BindFiscalCap, cost: kc}, nil
			}
		}
	}
	// local(lo) <= cap < local(hi): binary search over grid steps
	loCost := hc
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		mc, err := p.cost(in.code, p.gridAmount(mid), in.floor, in.n)
		if err != nil {
			return out, err
		}
		if mc.Local.Cmp(*in.cap) <= 0 {
			lo, loCost = mid, mc
		} else {
			hi = mid
		}
	}
	return stepOut{level: p.gridAmount(lo), binding: BindFiscalCap, cost: loCost}, nil
}

// runRegion simulates region ri over every year into out: on the
// integer kernel when it applies, else on the decimal path. sc is the
// calling worker's scratch.
func (p *prepared) runRegion(ri int, out []RegionYear, sc *scratch) error {
	if p.slow == 0 && p.kp.ok && p.runRegionKernel(ri, out, sc) {
		return nil
	}
	return p.runRegionDecimal(ri, out)
}

// baseRevenue returns region ri's revenue grown from RevenueYear to the
// base year.
func (p *prepared) baseRevenue(ri int) benefit.Amount {
	s := p.s
	rev := s.Regions[ri].Revenue
	for y := s.revenueYear() + 1; y <= s.BaseYear(); y++ {
		rev = grow(rev, s.rate(RevenueGrowth, ri, y))
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
	if fc != nil && fc.Basis == OfRevenueGrowth {
		c, err := p.cost(r.Code, level, p.floors[0].Amount, n)
		if err != nil {
			return err
		}
		prevLocal = c.Local
	}
	wantWage, wantCPI := s.Rule.needs()
	localTopUp := false
	if tr, err := p.tab.Tier(r.Code); err == nil {
		localTopUp = p.costRule.TopUp[tr.String()].IsZero()
	}
	ruleText := s.Rule.String()
	for i := range s.Horizon {
		y := s.StartYear + i
		var ok bool
		if n, ok = growCount(n, s.rate(BeneficiaryGrowth, ri, y)); !ok {
			_, path, _ := s.Assumption(BeneficiaryGrowth, ri, y)
			return fieldErr(path, benefit.ErrRange, "the beneficiaries of region %s grow past %d persons in %d", r.Code, int64(MaxBeneficiaries), y)
		}
		prevRev := rev
		rev = grow(rev, s.rate(RevenueGrowth, ri, y))
		fy, prevF := p.floors[i+1], p.floors[i].Amount
		env := ruleEnv{level: level, floor: fy.Amount, prevFloor: prevF}
		if wantWage {
			env.wage = s.rate(WageGrowth, ri, y)
		}
		if wantCPI {
			env.cpi = s.rate(CPI, ri, y)
		}
		prop := level.Add(s.Rule.increase(&env)).Round(p.round)
		if prop.Sign() < 0 {
			prop = benefit.Amount{}
		}
		if f, ok := prop.Fen(); !ok || f > maxLevelFen {
			return fieldErr("rule", benefit.ErrRange, "proposes %s for region %s in %d, more than %d integer digits", prop, r.Code, y, benefit.MaxAmountIntDigits)
		}
		in := stepIn{code: r.Code, level: level, proposed: prop, floor: fy.Amount, n: n, localTopUp: localTopUp}
		if localTopUp && p.slow == 0 {
			fcost, err := p.newFenCost(r.Code, fy.Amount, n)
			if err != nil {
				return err
			}
			in.fen = fcost
		}
		var capAmt benefit.Amount
		if fc != nil {
			switch fc.Basis {
			case OfRevenue:
				capAmt = floorFen(rev.MulRate(fc.Percent))
			case OfRevenueGrowth:
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
			Rule: ruleText, Binding: st.binding,
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
