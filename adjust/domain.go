package adjust

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/plan"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// domain is what a scenario of a programme other than the residents'
// pension reads besides the national floor: the regions' reference
// figures and the relative bounds they set (the unemployment benefit),
// the paying fund, the national overall level and the plans applied
// person by person (the retirees' pensions). Such a scenario runs on the
// decimal path, region by region, in runRegionDomain.
type domain struct {
	refs     []map[string]*refPath // by region: its references, resolved
	bounds   []relBound            // the floor set's relative bounds on the programme
	payer    region.Payer
	national []nationalYear // by simulated year; nil without Constraints.NationalRate
	plans    []*planRun     // by region; nil when no region has a plan
	sums     []*plan.Report
}

// needsDomain reports whether s uses anything runRegionDomain handles.
func needsDomain(s *scenario.Scenario, noFloor bool, bounds []relBound) bool {
	if noFloor || len(bounds) > 0 || s.Constraints.Fund != nil || s.Constraints.NationalRate != nil {
		return true
	}
	share := false
	shares(&s.Rule, func(string, string) { share = true }, "rule")
	if share {
		return true
	}
	for i := range s.Regions {
		r := &s.Regions[i]
		if len(r.References) > 0 || r.Fund != nil || r.CentralSubsidy != nil || r.Plan != nil {
			return true
		}
	}
	return false
}

// prepareDomain fills p.dom when the scenario needs it, after the floor
// path is resolved.
func (p *prepared) prepareDomain(o *Options, set *floor.Set, noFloor bool) error {
	s := p.s
	cat := o.catalogue()
	bounds := boundsOf(s, set, cat)
	if !needsDomain(s, noFloor, bounds) {
		return nil
	}
	for _, c := range []struct {
		field string
		set   bool
	}{{"constraints.min_raise", s.Constraints.MinRaise != nil}, {"constraints.ceiling", s.Constraints.Ceiling != nil}} {
		if c.set {
			return fieldErr(c.field, errors.ErrUnsupported, "not solved beside reference figures, relative bounds, a fund, a national rate, a plan or without a national floor")
		}
	}
	d := &domain{bounds: bounds}
	d.payer, _ = p.tab.Payer(s.Program)
	var err error
	if d.refs, err = p.resolveRefs(cat, set); err != nil {
		return err
	}
	// every figure a bound or a share rule reads, in every region
	need := func(key, why string) error {
		for ri := range s.Regions {
			if d.refs[ri][key] == nil {
				return fieldErr(fmt.Sprintf("regions[%d].references", ri), scenario.ErrMissingAssumption,
					"%s reads %s, which region %s does not give", why, key, s.Regions[ri].Code)
			}
		}
		return nil
	}
	for _, b := range bounds {
		if err := need(b.rule.Against, "the relative bound "+b.rule.ID+" ("+b.rule.Citation.Title+")"); err != nil {
			return err
		}
	}
	var shareErr error
	shares(&s.Rule, func(of, path string) {
		if shareErr == nil {
			shareErr = need(of, "the share rule at "+path)
		}
	}, "rule")
	if shareErr != nil {
		return shareErr
	}
	if err := checkFunds(s, d.payer, p.prog.Frequency); err != nil {
		return err
	}
	if d.national, err = nationalRates(s); err != nil {
		return err
	}
	if d.plans, err = p.checkPlans(o); err != nil {
		return err
	}
	p.dom = d
	p.kp.ok = false
	return nil
}

// checkFunds checks the funds, subsidies and caps against who pays.
func checkFunds(s *scenario.Scenario, payer region.Payer, per benefit.Frequency) error {
	c := &s.Constraints
	if c.FiscalCap != nil && payer == region.PayerFund {
		return fieldErr("constraints.fiscal_cap", benefit.ErrSyntax, "%s is paid from a fund, not a budget: its capacity is the fund's balance and inflow (constraints.fund)", s.Program)
	}
	if c.Fund != nil {
		if payer != region.PayerFund {
			return fieldErr("constraints.fund", benefit.ErrSyntax, "%s is paid by the budgets, not from a fund (region cost rule)", s.Program)
		}
		if per != benefit.PerMonth {
			return fieldErr("constraints.fund", errors.ErrUnsupported, "the fund constraint counts months of a monthly programme; %s is yearly", s.Program)
		}
	}
	for i := range s.Regions {
		r := &s.Regions[i]
		p := fmt.Sprintf("regions[%d]", i)
		if f := r.Fund; f != nil {
			if payer != region.PayerFund {
				return fieldErr(p+".fund", benefit.ErrSyntax, "%s is paid by the budgets, not from a fund", s.Program)
			}
			for _, a := range []struct {
				name string
				v    benefit.Amount
			}{{"balance", f.Balance}, {"inflow", f.Inflow}, {"other", f.Other}} {
				if a.v.Sign() < 0 {
					return fieldErr(p+".fund."+a.name, benefit.ErrNegative, "%s", a.v)
				}
				if _, ok := a.v.Fen(); !ok {
					return fieldErr(p+".fund."+a.name, benefit.ErrRange, "%s is not a whole number of fen within an int64", a.v)
				}
			}
			if g := f.InflowGrowth; g != nil && g.Add(benefit.Percent(100)).Sign() < 0 {
				return fieldErr(p+".fund.inflow_growth", benefit.ErrRange, "%s (a growth rate is at least -100%%)", g)
			}
		} else if c.Fund != nil {
			return fieldErr(p+".fund", scenario.ErrMissingAssumption, "constraints.fund needs the fund of region %s", r.Code)
		}
		if sub := r.CentralSubsidy; sub != nil {
			switch {
			case payer != region.PayerFund:
				return fieldErr(p+".central_subsidy", benefit.ErrSyntax, "%s is paid by the budgets, whose central share the region cost rule gives", s.Program)
			case sub.Sign() < 0 || sub.Cmp(benefit.Percent(100)) > 0:
				return fieldErr(p+".central_subsidy", benefit.ErrRange, "%s (want 0-100%%)", sub)
			case c.Fund != nil:
				return fieldErr(p+".central_subsidy", errors.ErrUnsupported, "the fund constraint is solved for a fund without a central subsidy")
			}
		}
	}
	return nil
}

// runRegionDomain simulates region ri over every year into out, in
// decimal Amounts, with the references, bounds, fund, national level and
// plan of the scenario's domain.
func (p *prepared) runRegionDomain(ri int, out []RegionYear) error {
	s, d := p.s, p.dom
	r := &s.Regions[ri]
	level, n := r.Level, r.Beneficiaries
	rev := p.baseRevenue(ri)
	var sum *plan.Report
	if d.sums != nil {
		sum = d.sums[ri]
	}
	halfUp := benefit.Rounding{Unit: p.round.Unit, Mode: benefit.HalfUp}
	if sum != nil {
		n = sum.Eligible
		level, _ = sum.PriorTotal.QuoInt(n, halfUp) // Eligible > 0 (runPlans)
	}
	var fund *fundState
	if r.Fund != nil {
		fund = &fundState{balance: r.Fund.Balance, inflow: r.Fund.Inflow}
	}
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
		planYear := i == 0 && sum != nil
		if !planYear {
			var ok bool
			if n, ok = growCount(n, rateOf(s, scenario.BeneficiaryGrowth, ri, y)); !ok {
				path := s.AssumptionPath(scenario.BeneficiaryGrowth, ri, y)
				return fieldErr(path, benefit.ErrRange, "the beneficiaries of region %s grow past %d persons in %d", r.Code, int64(maxBeneficiaries), y)
			}
		}
		prevRev := rev
		rev = grow(rev, rateOf(s, scenario.RevenueGrowth, ri, y))
		if fund != nil && r.Fund.InflowGrowth != nil {
			fund.inflow = grow(fund.inflow, *r.Fund.InflowGrowth)
		}
		fy := p.floors[i+1]
		row := RegionYear{
			Region: r.Code, Name: p.names[ri], Year: y, Previous: level, Rule: p.ruleText,
			Floor: fy.Amount, FloorStatus: fy.Status, Beneficiaries: n, Revenue: rev,
		}
		var st stepOut
		var err error
		if planYear {
			st, err = p.planYear(ri, sum, &row, halfUp)
		} else {
			st, err = p.solveDomain(ri, i, level, n, rev, prevRev, prevLocal, fund, &row)
		}
		if err != nil {
			return err
		}
		row.Level, row.Increase, row.Binding, row.Cost = st.level, st.level.Sub(row.Previous), st.binding, st.cost
		row.Headroom = st.level.Sub(fy.Amount)
		row.Infeasible, row.Transfer = st.infeasible, st.transfer
		if fund != nil {
			if row.Fund, err = fund.year(r.Fund.Other, st.cost.Local, row.Transfer, s.Constraints.Fund, n, st.level); err != nil {
				return fieldErr(fmt.Sprintf("regions[%d].fund", ri), benefit.ErrRange, "region %s in %d: %v", r.Code, y, err)
			}
		}
		if !rev.IsZero() {
			if b, err := st.cost.Local.Ratio(rev, 6, benefit.HalfUp); err == nil {
				row.Burden = &b
			}
		}
		out[i] = row
		level, prevLocal = st.level, st.cost.Local
	}
	return nil
}

// planYear fills the first year of a region whose plan is applied person
// by person: the population's eligible retirees, their average pensions
// before and after (rounded half-up to the grid, for display and for
// the years after), the yearly cost 12 × the new total and the cost of
// the increase 12 × Σ Δ_i, both exact.
func (p *prepared) planYear(ri int, sum *plan.Report, row *RegionYear, halfUp benefit.Rounding) (stepOut, error) {
	r := &p.s.Regions[ri]
	lv, _ := sum.NewTotal.QuoInt(sum.Eligible, halfUp)
	row.Rule = "plan " + sum.Plan
	row.Proposed = lv
	total := sum.NewTotal.Mul(p.annualFactor)
	incCost := sum.Increase.Mul(p.annualFactor)
	fp := benefit.MinAmount(total, p.prog.Frequency.Annual(row.Floor).Mul(sum.Eligible))
	c, err := p.tab.Split(p.s.Program, r.Code, total, fp)
	if err != nil {
		return stepOut{}, err
	}
	c = subsidise(c, r.CentralSubsidy, incCost)
	ry := &RetireeYear{IncreaseCost: incCost, Plan: sum}
	if nat := p.dom.national; nat != nil {
		rt := nat[0].rate
		ry.National, ry.NationalStatus = &rt, nat[0].status
		ry.Exceeds = sum.PercentCmp(rt) > 0
	}
	row.Retirees = ry
	return stepOut{level: lv, binding: BindNone, cost: c}, nil
}

// subsidise moves the central subsidy's share of incCost (half-up to the
// fen, at most the total) from the local to the central share of c.
func subsidise(c region.Split, share *benefit.Rate, incCost benefit.Amount) region.Split {
	if share == nil || incCost.Sign() <= 0 {
		return c
	}
	sub := benefit.MinAmount(incCost.MulRate(*share).Round(benefit.FenHalfUp()), c.Local)
	return region.Split{Total: c.Total, Central: c.Central.Add(sub), Local: c.Local.Sub(sub)}
}

// solveDomain proposes and solves year i of region ri (decimal path):
// the largest level on the grid at most the rule's proposal that keeps
// the hard lower bounds (the national floor, the relative lower bounds,
// no cut), the hard upper bounds (the relative upper bounds, which win
// over no cut: a level at the minimum wage breaks the law), the step
// caps, the national overall level and the fiscal cap or the fund.
func (p *prepared) solveDomain(ri, i int, level benefit.Amount, n int64, rev, prevRev, prevLocal benefit.Amount, fund *fundState, row *RegionYear) (stepOut, error) {
	s, d := p.s, p.dom
	r := &s.Regions[ri]
	y := row.Year
	refs := d.refs[ri]
	eff := benefit.NewMonth(y, time.Month(p.month))
	env := ruleEnv{level: level, floor: row.Floor, prevFloor: p.floors[i].Amount,
		wage: rateOf(s, scenario.WageGrowth, ri, y), cpi: rateOf(s, scenario.CPI, ri, y), years: y - baseYear(s),
		refs: func(k string) benefit.Amount { return refs[k].at(eff).Amount }}
	prop := level.Add(increase(&s.Rule, &env)).Round(p.round)
	if prop.Sign() < 0 {
		prop = benefit.Amount{}
	}
	if f, ok := prop.Fen(); !ok || f > maxLevelFen {
		return stepOut{}, fieldErr("rule", benefit.ErrRange, "proposes %s for region %s in %d, more than %d integer digits", prop, r.Code, y, benefit.MaxAmountIntDigits)
	}
	row.Proposed = prop

	con := &s.Constraints
	hard, hardBy := row.Floor.Round(p.up), BindFloor
	var hi *benefit.Amount
	var hiBy Binding
	for k := range d.bounds {
		rb := &d.bounds[k]
		b, err := p.limit(rb, refs[rb.rule.Against], y)
		if err != nil {
			return stepOut{}, err
		}
		row.Bounds = append(row.Bounds, b)
		switch {
		case b.Kind == floor.Lower && b.Limit.Cmp(hard) > 0:
			hard, hardBy = b.Limit, Binding(b.Rule)
		case b.Kind == floor.Upper && (hi == nil || b.Limit.Cmp(*hi) < 0):
			l := b.Limit
			hi, hiBy = &l, Binding(b.Rule)
		}
	}
	if hi != nil && hi.Cmp(hard) < 0 {
		return stepOut{}, boundErr(ri, r.Code, y, hard, *hi, hardBy, hiBy)
	}
	if !con.AllowCuts {
		if nc := level.Round(p.up); nc.Cmp(hard) > 0 {
			hard, hardBy = nc, BindNoCut
		}
	}
	if hi != nil && hi.Cmp(hard) < 0 { // the law wins over no cut
		hard, hardBy = *hi, hiBy
	}
	target, bind := prop, BindNone
	if con.MaxStep != nil {
		if m := level.Add(*con.MaxStep).Round(p.down); m.Cmp(target) < 0 {
			target, bind = m, BindMaxStep
		}
	}
	if con.MaxStepPercent != nil {
		if m := level.Add(level.MulRate(*con.MaxStepPercent)).Round(p.down); m.Cmp(target) < 0 {
			target, bind = m, BindMaxStepPercent
		}
	}
	var ry *RetireeYear
	if d.national != nil {
		nat := d.national[i]
		rt := nat.rate
		ry = &RetireeYear{National: &rt, NationalStatus: nat.status}
		if m := level.Add(level.MulRate(nat.rate)).Round(p.down); m.Cmp(target) < 0 {
			target, bind = m, BindNationalRate
		}
	}
	if target.Cmp(hard) < 0 {
		target, bind = hard, hardBy
	}
	if hi != nil && target.Cmp(*hi) > 0 {
		target, bind = *hi, hiBy
	}
	out := stepOut{level: target, binding: bind}
	fc := con.FiscalCap
	switch {
	case fc != nil:
		var capAmt benefit.Amount
		if fc.Basis == scenario.OfRevenue {
			capAmt = floorFen(rev.MulRate(fc.Percent))
		} else {
			capAmt = floorFen(prevLocal.Add(rev.Sub(prevRev).MulRate(fc.Percent)))
		}
		row.Cap = &capAmt
		st, err := p.solveCap(&stepIn{code: r.Code, year: y, level: level, proposed: prop, floor: row.Floor, mf: &p.mf[i+1], n: n, cap: &capAmt}, target, hard)
		if err != nil {
			return stepOut{}, err
		}
		out.level = benefit.FromFen(st.level)
		switch {
		case st.infeasible:
			out.binding, out.infeasible = hardBy, true
		case st.capped:
			out.binding = BindFiscalCap
		}
	case con.Fund != nil && n > 0:
		means, ok := fund.means(r.Fund.Other)
		t, ok1 := target.Fen()
		h, ok2 := hard.Fen()
		prev, ok3 := level.Fen()
		xmax, ok4 := p.fundCap(means, int64(con.Fund.Months), n, prev)
		if !ok || !ok1 || !ok2 || !ok3 || !ok4 {
			return stepOut{}, fieldErr("constraints.fund", benefit.ErrRange, "region %s in %d: the fund's figures pass an int64 of fen", r.Code, y)
		}
		if t > xmax {
			if xmax >= h {
				out.level, out.binding = benefit.FromFen(xmax), BindFund
			} else {
				out.level, out.binding, out.infeasible = hard, hardBy, true
			}
		}
	}
	in := stepIn{code: r.Code, year: y, level: level, floor: row.Floor, mf: &p.mf[i+1], n: n}
	c, err := p.costIn(&in, out.level)
	if err != nil {
		return stepOut{}, err
	}
	if ry == nil && (s.Program == retireeProgram || r.CentralSubsidy != nil) {
		ry = &RetireeYear{}
	}
	if ry != nil {
		// the year's cost less what last year's level would have cost
		c0, err := p.costIn(&in, level)
		if err != nil {
			return stepOut{}, err
		}
		ry.IncreaseCost = c.Total.Sub(c0.Total)
		c = subsidise(c, r.CentralSubsidy, ry.IncreaseCost)
	}
	out.cost = c
	row.Retirees = ry
	if out.infeasible {
		if fc != nil {
			out.transfer = c.Local.Sub(*row.Cap)
		} else {
			// what the fund lacks to end the year with its reserve
			means, _ := fund.means(r.Fund.Other)
			need := c.Local.Add(out.level.Mul(n).Mul(int64(con.Fund.Months)))
			out.transfer = need.Sub(benefit.FromFen(means))
		}
	}
	return out, nil
}

// constraintsText describes the constraints of the run
// (Result.Constraints): scenario.Constraints.String, with the relative bounds of
// the floor set in place of the national floor a programme without one
// does not have.
func (p *prepared) constraintsText() string {
	c := p.s.Constraints.String()
	if p.path != nil {
		return c
	}
	var parts []string
	if p.dom != nil {
		for _, b := range p.dom.bounds {
			parts = append(parts, b.rule.ID)
		}
	}
	if rest := strings.TrimPrefix(strings.TrimPrefix(c, "floor"), ", "); rest != "" {
		parts = append(parts, rest)
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}
