package adjust

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// The references the library is checked against, in tests only:
//
//   - runDecimal runs every region on the decimal path (runRegionDecimal),
//     never on the integer kernel, which must give the same bytes;
//   - refSolve solves a region-year in decimal Amounts, the fiscal cap
//     by binary search over grid steps on region.Table.Split's costs — on
//     which the local share never decreases — with no closed form and no
//     fen arithmetic; capSolve, the library's one solver, must give the
//     same level and the same binding constraint.

// runDecimal is Run with every region on the decimal path, on one
// goroutine.
func runDecimal(ctx context.Context, s scenario.Scenario, opts Options) (*Result, error) {
	p, err := prepare(&s, &opts)
	if err != nil {
		return nil, err
	}
	p.kp.ok = false
	if err := p.runPlans(ctx); err != nil {
		return nil, err
	}
	return p.run(ctx, &opts, 1)
}

// cost returns the cost of a year that pays x in every month to n
// persons, against the national floor f in every month (costIn).
func (p *prepared) cost(c region.Code, x, f benefit.Amount, n int64) (region.Split, error) {
	return p.costIn(&stepIn{code: c, level: x, floor: f, n: n}, x)
}

// refSolve is the decimal reference for solve.
func refSolve(p *prepared, in *stepIn) (stepOut, error) {
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
	cost := func(x benefit.Amount) (region.Split, error) { return p.cost(in.code, x, in.floor, in.n) }
	c, err := cost(target)
	if err != nil {
		return stepOut{}, err
	}
	if in.cap == nil || c.Local.Cmp(*in.cap) <= 0 {
		return stepOut{level: target, binding: bind, cost: c}, nil
	}
	hc, err := cost(hard)
	if err != nil {
		return stepOut{}, err
	}
	if hc.Local.Cmp(*in.cap) > 0 {
		return stepOut{level: hard, binding: hardBy, cost: hc, infeasible: true, transfer: hc.Local.Sub(*in.cap)}, nil
	}
	// local(lo) ≤ cap < local(hi), lo and hi in grid steps
	step := p.round.Unit.Step()
	grid := func(k int64) benefit.Amount { return step.Mul(k) }
	lo, hi := steps(hard, step), steps(target, step)
	loCost := hc
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		mc, err := cost(grid(mid))
		if err != nil {
			return stepOut{}, err
		}
		if mc.Local.Cmp(*in.cap) <= 0 {
			lo, loCost = mid, mc
		} else {
			hi = mid
		}
	}
	return stepOut{level: grid(lo), binding: BindFiscalCap, cost: loCost}, nil
}

// steps returns a (on the grid) as a count of grid steps.
func steps(a, step benefit.Amount) int64 {
	f, _ := a.Fen()
	s, _ := step.Fen()
	return f / s
}

// checkAgainstRef solves the region-year of row ry again with refSolve,
// from the row's own inputs (last level, proposal, floor, persons, cap),
// and reports where the result differs.
func checkAgainstRef(p *prepared, ry *RegionYear) error {
	in := stepIn{code: ry.Region, year: ry.Year, level: ry.Previous, proposed: ry.Proposed, floor: ry.Floor, n: ry.Beneficiaries, cap: ry.Cap}
	ref, err := refSolve(p, &in)
	if err != nil {
		return err
	}
	if !ref.level.Equal(ry.Level) || ref.binding != ry.Binding || ref.infeasible != ry.Infeasible || !ref.transfer.Equal(ry.Transfer) ||
		!ref.cost.Total.Equal(ry.Cost.Total) || !ref.cost.Central.Equal(ry.Cost.Central) || !ref.cost.Local.Equal(ry.Cost.Local) {
		return fmt.Errorf("%s %d: level %s (%s) infeasible %v transfer %s cost %+v; the decimal search gives %s (%s) %v %s %+v",
			ry.Region, ry.Year, ry.Level, ry.Binding, ry.Infeasible, ry.Transfer, ry.Cost, ref.level, ref.binding, ref.infeasible, ref.transfer, ref.cost)
	}
	return nil
}

// TestSolveMatchesReference: on random region-years — any tier, 0 to 10^9
// persons, levels and floors in fen or on the grid, caps from far below
// the hard bound's local share to far above the proposal's, and caps
// placed exactly at a grid level's local share and one fen below it —
// the library's solve (capSolve in fen) gives the level, binding, cost,
// infeasibility and transfer of the decimal binary search.
func TestSolveMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(153, 152))
	n := 20000
	if testing.Short() {
		n = 4000
	}
	seen := map[string]int{}
	for range n {
		in, p := randomStep(t, rng)
		got, err := p.solve(in)
		if err != nil {
			if errors.Is(err, benefit.ErrRange) {
				seen["range"]++
				continue // beyond an int64 of fen: refused, not guessed
			}
			t.Fatal(err)
		}
		ref, err := refSolve(p, in)
		if err != nil {
			t.Fatal(err)
		}
		if !got.level.Equal(ref.level) || got.binding != ref.binding || got.infeasible != ref.infeasible || !got.transfer.Equal(ref.transfer) ||
			!got.cost.Total.Equal(ref.cost.Total) || !got.cost.Central.Equal(ref.cost.Central) || !got.cost.Local.Equal(ref.cost.Local) {
			t.Fatalf("%+v (cap %v): solve %s %s %v %s %+v; reference %s %s %v %s %+v", *in, in.cap,
				got.level, got.binding, got.infeasible, got.transfer, got.cost, ref.level, ref.binding, ref.infeasible, ref.transfer, ref.cost)
		}
		seen[string(got.binding)]++
		if got.infeasible {
			seen["infeasible"]++
		}
	}
	for _, k := range []string{string(BindFiscalCap), "infeasible", string(BindNone), string(BindFloor), string(BindNoCut), string(BindMaxStep)} {
		if seen[k] < 50 {
			t.Errorf("only %d region-years bound by %s (%v)", seen[k], k, seen)
		}
	}
}

// randomStep draws a region-year and the prepared scenario it belongs to.
func randomStep(t testing.TB, rng *rand.Rand) (*stepIn, *prepared) {
	rules := []benefit.Rounding{benefit.Rounding{Unit: benefit.YuanUnit, Mode: benefit.HalfUp}, {Unit: benefit.TenYuan, Mode: benefit.HalfUp}, {Unit: benefit.Fen, Mode: benefit.HalfEven}, {Unit: benefit.Jiao, Mode: benefit.Down}}
	s := testScenario(scenario.Fixed(benefit.Yuan(0)), reg(bj, 1, "1", "1"))
	rd := rules[rng.IntN(len(rules))]
	s.Rounding = &rd
	s.Constraints.AllowCuts = rng.IntN(3) == 0
	if rng.IntN(3) == 0 {
		s.Constraints.MaxStep = amtp(fmt.Sprint(rng.IntN(60)))
	}
	if rng.IntN(3) == 0 {
		s.Constraints.MaxStepPercent = new(benefit.Percent(int64(rng.IntN(30))))
	}
	p, err := prepare(&s, &Options{})
	if err != nil {
		t.Fatal(err)
	}
	codes := []region.Code{bj, sc, sd, region.MustParseCode("330200"), region.MustParseCode("140822")}
	fenAmt := func(max int64) benefit.Amount { return benefit.FromFen(rng.Int64N(max)) }
	in := &stepIn{code: codes[rng.IntN(len(codes))], year: 2025}
	switch rng.IntN(4) {
	case 0:
		in.n = rng.Int64N(100)
	case 1:
		in.n = rng.Int64N(1_000_000_000)
	default:
		in.n = rng.Int64N(300_000)
	}
	in.floor = benefit.Yuan(rng.Int64N(500))
	if rng.IntN(4) == 0 {
		in.floor = fenAmt(50_000)
	}
	in.level = fenAmt(80_000)
	in.proposed = in.level.Add(benefit.Yuan(rng.Int64N(200) - 50)).Round(rd)
	if in.proposed.Sign() < 0 {
		in.proposed = benefit.Amount{}
	}
	if rng.IntN(8) != 0 {
		// a cap around the local share of a level between the bounds
		x := in.floor.Add(fenAmt(50_000)).Round(rd)
		c, err := p.cost(in.code, x, in.floor, in.n)
		if err != nil {
			t.Fatal(err)
		}
		var cp benefit.Amount
		switch rng.IntN(5) {
		case 0: // exactly a grid level's local share
			cp = c.Local
		case 1: // one fen short of it
			cp = c.Local.Sub(benefit.FromFen(1))
		case 2:
			cp = c.Local.Add(fenAmt(100_000_000))
		case 3:
			cp = c.Local.Sub(fenAmt(100_000_000))
		default:
			cp = fenAmt(1_000_000_000_000).Sub(benefit.Yuan(1_000_000))
		}
		in.cap = &cp
	}
	return in, p
}

// The whole-run reference: decRun simulates a scenario from adjust/doc.go
// in plain shopspring/decimal, written apart from the package's code
// (no benefit.Amount arithmetic, no internal/fen, no capSolve, no
// region.Table.Split): each year the beneficiaries and the revenue grow
// (half-up to a person and to the fen), the rule proposes an increase
// (fixed, percent, index, catch_up, pass_through and sums of them) that
// is rounded once by the programme's rounding, the floor and no cut are
// rounded up to the grid and the step caps down, the cost is summed
// month by month (last year's level before the effective month) with the
// part up to each month's national floor split by the cost rule's shares
// of the region's fiscal tier (central half-up to the fen), the fiscal cap
// (rounded down to the fen) is kept by a binary search over grid steps on
// those costs, and an infeasible year sits at its hard bound with the
// transfer local − cap. It reads from the package only inputs: the
// national floor in force in each month (the projected floor path), the
// region's fiscal tier, the cost rule's shares and the rounding.
//
// The reference covers monthly programmes without reference figures,
// funds, plans, least raises or ceilings (the integer kernel's ground
// and the decimal path's beside it).

// decRow is what decRun finds for a region-year.
type decRow struct {
	level, previous, proposed, floor decimal.Decimal
	binding                          Binding
	n                                int64
	total, central, local, revenue   decimal.Decimal
	cap, burden, transfer            *decimal.Decimal
	infeasible                       bool
}

// dec returns a as a decimal, from its text.
func dec(t testing.TB, a benefit.Amount) decimal.Decimal {
	d, err := decimal.NewFromString(a.String())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// decRate returns r as a decimal fraction.
func decRate(r benefit.Rate) decimal.Decimal {
	num, scale := r.Fraction()
	return decimal.NewFromBigInt(num, -scale)
}

// decRound rounds d to the grid of rd.
func decRound(d decimal.Decimal, rd benefit.Rounding) decimal.Decimal {
	places := map[benefit.Unit]int32{benefit.Fen: 2, benefit.Jiao: 1, benefit.YuanUnit: 0, benefit.TenYuan: -1}[rd.Unit]
	switch rd.Mode {
	case benefit.HalfEven:
		return d.RoundBank(places)
	case benefit.Up:
		return d.RoundUp(places) // away from zero
	case benefit.Down:
		return d.RoundDown(places) // toward zero
	}
	return d.Round(places) // half away from zero
}

// decLookup is an assumption as doc.go orders the sources: the region's
// value for the year, the region's default, the scenario's value for
// the year, the scenario's default; 0 where none gives it.
func decLookup(s *scenario.Scenario, r *scenario.Region, get func(*scenario.Assumptions) *benefit.Rate, y int) decimal.Decimal {
	for _, src := range []struct {
		years []scenario.YearAssumptions
		def   *scenario.Assumptions
	}{{r.Years, &r.Assumptions}, {s.Years, &s.Assumptions}} {
		for i := range src.years {
			if v := get(&src.years[i].Assumptions); src.years[i].Year == y && v != nil {
				return decRate(*v)
			}
		}
		if v := get(src.def); v != nil {
			return decRate(*v)
		}
	}
	return decimal.Zero
}

// decIncrease is the rule's increase over level.
func decIncrease(t testing.TB, r *scenario.Rule, level, fl, prevFl, wage, cpi decimal.Decimal) decimal.Decimal {
	rate := func(p *benefit.Rate) decimal.Decimal {
		if p == nil {
			return decimal.Zero
		}
		return decRate(*p)
	}
	switch r.Kind {
	case scenario.KindFixed:
		return dec(t, *r.Amount)
	case scenario.KindPercent:
		return level.Mul(rate(r.Percent))
	case scenario.KindIndex:
		return level.Mul(rate(r.WageWeight).Mul(wage).Add(rate(r.CPIWeight).Mul(cpi)).Add(rate(r.Offset)))
	case scenario.KindCatchUp:
		target := fl
		if r.Margin != nil {
			target = target.Add(dec(t, *r.Margin))
		}
		return decimal.Max(target.Sub(level), decimal.Zero)
	case scenario.KindPassThrough:
		return fl.Sub(prevFl)
	case scenario.KindSum:
		sum := decimal.Zero
		for i := range r.Parts {
			sum = sum.Add(decIncrease(t, &r.Parts[i], level, fl, prevFl, wage, cpi))
		}
		return sum
	}
	t.Fatalf("decRun: rule kind %s", r.Kind)
	return decimal.Zero
}

// decRun runs s (one the reference covers) and returns its region-years
// by region code, then year.
func decRun(t testing.TB, s scenario.Scenario) []decRow {
	t.Helper()
	p, err := prepare(&s, &Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.path == nil || p.dom != nil || p.prog.Frequency != benefit.PerMonth || s.Constraints.MinRaise != nil || s.Constraints.Ceiling != nil {
		t.Fatal("decRun: a scenario outside the reference")
	}
	month := max(s.EffectiveMonth, 1)
	// the national floor of each month, and of each year from the
	// effective month (for January: of any month)
	floors := map[int]*[13]decimal.Decimal{}
	mf := func(y, m int) decimal.Decimal {
		fs := floors[y]
		if fs == nil {
			fs = new([13]decimal.Decimal)
			for mo := 1; mo <= 12; mo++ {
				if v, ok := p.path.Schedule.At(benefit.NewMonth(y, time.Month(mo))); ok {
					fs[mo] = dec(t, v.Amount)
				}
			}
			floors[y] = fs
		}
		return fs[m]
	}
	yearFloor := func(y int) decimal.Decimal {
		best := decimal.Zero
		for m := month; m <= 12; m++ {
			best = decimal.Max(best, mf(y, m))
		}
		return best
	}
	rd := p.round
	up, down := benefit.Rounding{Unit: rd.Unit, Mode: benefit.Up}, benefit.Rounding{Unit: rd.Unit, Mode: benefit.Down}
	step := decRound(decimal.New(1, -2), up) // the grid step: 0.01, 0.1, 1 or 10
	var out []decRow
	order := slices.Clone(s.Regions)
	slices.SortFunc(order, func(a, b scenario.Region) int { return a.Code.Compare(b.Code) })
	for ri := range order {
		r := &order[ri]
		tier, err := p.tab.Tier(r.Code)
		if err != nil {
			t.Fatal(err)
		}
		shareFloor, shareTop := decRate(p.costRule.FloorPart[tier.String()]), decRate(p.costRule.TopUp[tier.String()])
		grow := func(get func(*scenario.Assumptions) *benefit.Rate, y int) decimal.Decimal {
			return decimal.New(1, 0).Add(decLookup(&s, r, get, y))
		}
		benG := func(a *scenario.Assumptions) *benefit.Rate { return a.BeneficiaryGrowth }
		revG := func(a *scenario.Assumptions) *benefit.Rate { return a.RevenueGrowth }
		// the year's cost when the level is prev before the effective
		// month and x from it, to n persons, against year y's floors
		cost := func(y int, n int64, prev, x decimal.Decimal) (total, central, local decimal.Decimal) {
			total, fp := decimal.Zero, decimal.Zero
			persons := decimal.New(n, 0)
			for m := 1; m <= 12; m++ {
				l := x
				if m < month {
					l = prev
				}
				total = total.Add(l.Mul(persons))
				fp = fp.Add(decimal.Min(l, mf(y, m)).Mul(persons))
			}
			central = fp.Mul(shareFloor).Add(total.Sub(fp).Mul(shareTop)).Round(2)
			return total, central, total.Sub(central)
		}
		level, n := dec(t, r.Level), r.Beneficiaries
		rev := dec(t, r.Revenue)
		revYear := s.RevenueYear
		if revYear == 0 {
			revYear = baseYear(&s)
		}
		for y := revYear + 1; y <= baseYear(&s); y++ {
			rev = rev.Mul(grow(revG, y)).Round(2)
		}
		var prevLocal decimal.Decimal
		fc := s.Constraints.FiscalCap
		if fc != nil && fc.Basis == scenario.OfRevenueGrowth {
			_, _, prevLocal = cost(baseYear(&s), n, level, level)
		}
		for y := s.StartYear; y <= endYear(&s); y++ {
			n = max(decimal.New(n, 0).Mul(grow(benG, y)).Round(0).IntPart(), 0)
			prevRev := rev
			rev = rev.Mul(grow(revG, y)).Round(2)
			fl, prevFl := yearFloor(y), yearFloor(y-1)
			wage := decLookup(&s, r, func(a *scenario.Assumptions) *benefit.Rate { return a.WageGrowth }, y)
			cpi := decLookup(&s, r, func(a *scenario.Assumptions) *benefit.Rate { return a.CPI }, y)
			prop := decimal.Max(decRound(level.Add(decIncrease(t, &s.Rule, level, fl, prevFl, wage, cpi)), rd), decimal.Zero)
			hard, hardBy := decRound(fl, up), BindFloor
			if c := decRound(level, up); !s.Constraints.AllowCuts && c.GreaterThan(hard) {
				hard, hardBy = c, BindNoCut
			}
			target, bind := prop, BindNone
			if ms := s.Constraints.MaxStep; ms != nil {
				if c := decRound(level.Add(dec(t, *ms)), down); c.LessThan(target) {
					target, bind = c, BindMaxStep
				}
			}
			if mp := s.Constraints.MaxStepPercent; mp != nil {
				if c := decRound(level.Add(level.Mul(decRate(*mp))), down); c.LessThan(target) {
					target, bind = c, BindMaxStepPercent
				}
			}
			if target.LessThan(hard) {
				target, bind = hard, hardBy
			}
			row := decRow{previous: level, proposed: prop, floor: fl, n: n, revenue: rev}
			x := target
			total, central, local := cost(y, n, level, x)
			if fc != nil {
				var cp decimal.Decimal
				if fc.Basis == scenario.OfRevenue {
					cp = rev.Mul(decRate(fc.Percent)).RoundFloor(2)
				} else {
					cp = prevLocal.Add(rev.Sub(prevRev).Mul(decRate(fc.Percent))).RoundFloor(2)
				}
				row.cap = &cp
				if local.GreaterThan(cp) {
					if _, _, lh := cost(y, n, level, hard); lh.GreaterThan(cp) {
						x, bind, row.infeasible = hard, hardBy, true
						tr := lh.Sub(cp)
						row.transfer = &tr
					} else {
						// the largest k with local(k·step) ≤ cap, hard ≤ k·step < target
						ql, _ := hard.QuoRem(step, 0)
						qh, _ := target.QuoRem(step, 0)
						lo, hi := ql.IntPart(), qh.IntPart()
						for hi-lo > 1 {
							mid := lo + (hi-lo)/2
							if _, _, lm := cost(y, n, level, step.Mul(decimal.New(mid, 0))); lm.GreaterThan(cp) {
								hi = mid
							} else {
								lo = mid
							}
						}
						x, bind = step.Mul(decimal.New(lo, 0)), BindFiscalCap
					}
					total, central, local = cost(y, n, level, x)
				}
			}
			row.level, row.binding = x, bind
			row.total, row.central, row.local = total, central, local
			if !rev.IsZero() {
				b := local.DivRound(rev, 6)
				row.burden = &b
			}
			out = append(out, row)
			level, prevLocal = x, local
		}
	}
	return out
}

// diffReference compares Run's result with decRun's, field by field to the
// fen, and its yearly totals with the reference's sums; it returns the
// bindings seen.
func diffReference(t testing.TB, r *Result, ref []decRow) map[Binding]int {
	t.Helper()
	if len(r.Rows) != len(ref) {
		t.Fatalf("%d rows; the reference has %d", len(r.Rows), len(ref))
	}
	seen := map[Binding]int{}
	type sums struct{ total, central, local, transfer decimal.Decimal }
	years := make([]sums, len(r.Years))
	for k := range r.Rows {
		got, want := &r.Rows[k], &ref[k]
		eq := func(what string, a benefit.Amount, d decimal.Decimal) {
			if !dec(t, a).Equal(d) {
				t.Fatalf("%s %d %s: %s; the reference gives %s", got.Region, got.Year, what, a, d.StringFixed(2))
			}
		}
		eq("level", got.Level, want.level)
		eq("previous", got.Previous, want.previous)
		eq("increase", got.Increase, want.level.Sub(want.previous))
		eq("proposed", got.Proposed, want.proposed)
		eq("floor", got.Floor, want.floor)
		eq("headroom", got.Headroom, want.level.Sub(want.floor))
		eq("cost.total", got.Cost.Total, want.total)
		eq("cost.central", got.Cost.Central, want.central)
		eq("cost.local", got.Cost.Local, want.local)
		eq("revenue", got.Revenue, want.revenue)
		tr := decimal.Zero
		if want.transfer != nil {
			tr = *want.transfer
		}
		eq("transfer", got.Transfer, tr)
		if got.Binding != want.binding || got.Infeasible != want.infeasible || got.Beneficiaries != want.n {
			t.Fatalf("%s %d: %s infeasible %v, %d persons; the reference: %s %v %d", got.Region, got.Year, got.Binding, got.Infeasible, got.Beneficiaries,
				want.binding, want.infeasible, want.n)
		}
		if (got.Cap == nil) != (want.cap == nil) || got.Cap != nil && !dec(t, *got.Cap).Equal(*want.cap) {
			t.Fatalf("%s %d: cap %v; the reference %v", got.Region, got.Year, got.Cap, want.cap)
		}
		if (got.Burden == nil) != (want.burden == nil) || got.Burden != nil && !decRate(*got.Burden).Equal(*want.burden) {
			t.Fatalf("%s %d: burden %v; the reference %v", got.Region, got.Year, got.Burden, want.burden)
		}
		seen[got.Binding]++
		if got.Infeasible {
			seen["infeasible"]++
		}
		y := &years[got.Year-r.Years[0].Year]
		y.total, y.central, y.local, y.transfer = y.total.Add(want.total), y.central.Add(want.central), y.local.Add(want.local), y.transfer.Add(tr)
	}
	for i, ys := range r.Years {
		for _, c := range []struct {
			what string
			a    benefit.Amount
			d    decimal.Decimal
		}{{"total", ys.Cost.Total, years[i].total}, {"central", ys.Cost.Central, years[i].central}, {"local", ys.Cost.Local, years[i].local}, {"transfer", ys.Transfer, years[i].transfer}} {
			if !dec(t, c.a).Equal(c.d) {
				t.Fatalf("%d %s: %s; the reference's sum %s", ys.Year, c.what, c.a, c.d.StringFixed(2))
			}
		}
	}
	return seen
}

// nationalScenario is the benchmark's national scenario
// (bench/adjust_bench_test.go, newAdjustSynth: the same draws from the
// same seed): 2,850 counties over 30 years, pass-through + 20 % × wage
// growth + 20 % × CPI, the floor, no cut, a 15 % step cap and a fiscal
// cap of 2 % of revenue. Both tests pin its hash, so that the copies
// cannot drift apart.
func nationalScenario(t testing.TB) scenario.Scenario {
	rng := rand.New(rand.NewPCG(2850, 30))
	var counties []region.Code
	for d := range region.Default().All() {
		if d.Rank == region.County && !d.StatisticalOnly {
			counties = append(counties, d.Code)
		}
	}
	s := scenario.Scenario{
		Name: "bench 2850 x 30", Illustrative: true, Program: "pension.resident.basic",
		StartYear: 2025, Horizon: 30,
		Assumptions: scenario.Assumptions{CPI: new(benefit.Percent(2)), WageGrowth: new(benefit.Percent(5)),
			RevenueGrowth: new(benefit.Percent(3)), BeneficiaryGrowth: new(benefit.Percent(1))},
		Floor: floor.Path{
			History: []benefit.Version{
				{From: benefit.NewMonth(2024, 1), Amount: benefit.Yuan(123), Status: benefit.Legislated},
				{From: benefit.NewMonth(2025, 1), Amount: benefit.Yuan(143), Status: benefit.Legislated},
			},
			Projection: floor.StepTrend(benefit.Yuan(20)),
		},
		Rule: scenario.Sum(scenario.PassThrough(), scenario.Indexation(benefit.Percent(20), benefit.Percent(20), benefit.Rate{})),
		Constraints: scenario.Constraints{MaxStepPercent: new(benefit.Percent(15)),
			FiscalCap: &scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: benefit.Percent(2)}},
	}
	for i := range 2850 {
		n := int64(20_000 + rng.IntN(180_000))
		level := int64(143 + rng.IntN(300))
		revenue := n / 10_000 * int64(200_000_000+rng.IntN(1_800_000_000))
		s.Regions = append(s.Regions, scenario.Region{Code: counties[i], Beneficiaries: n, Level: benefit.Yuan(level), Revenue: benefit.Yuan(revenue)})
	}
	if h, err := hash(&s); err != nil || h != nationalHash {
		t.Fatalf("the national scenario's hash is %s (%v), not %s: newAdjustSynth and nationalScenario must draw the same", h, err, nationalHash)
	}
	return s
}

// nationalHash is the SHA-256 of the national scenario's canonical JSON,
// pinned here and in bench.TestAdjustKernelsAgree.
const nationalHash = "d59eda9164d3835def31ae62b887640f186c98a09e94dba5060236d847798f3e"

// TestReferenceNational: on the national scenario every region-year of
// Run (the integer kernel, on GOMAXPROCS workers) is the reference's to
// the fen, and so are the yearly totals; every constraint binds
// somewhere.
func TestReferenceNational(t *testing.T) {
	s := nationalScenario(t)
	if testing.Short() {
		s.Regions = s.Regions[:200]
	}
	r, err := Run(t.Context(), s, Options{SkipFloorCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	seen := diffReference(t, r, decRun(t, s))
	for _, b := range []Binding{BindNone, BindFloor, BindNoCut, BindMaxStepPercent, BindFiscalCap, "infeasible"} {
		if seen[b] == 0 {
			t.Errorf("no region-year bound by %s: %v", b, seen)
		}
	}
}

// refScenario is genScenario (property_test.go) with an effective month
// (January half the time) and, a third of the time, a floor raised in
// July of the first year: months that pay last year's level and months
// whose floors differ.
func refScenario(rng *rand.Rand) scenario.Scenario {
	s := genScenario(rng)
	if rng.IntN(2) == 0 {
		s.EffectiveMonth = 1 + rng.IntN(12)
	}
	if rng.IntN(3) == 0 {
		s.Floor.History = append(slices.Clone(s.Floor.History),
			benefit.Version{From: benefit.NewMonth(s.StartYear, time.July), Amount: benefit.Yuan(150 + int64(rng.IntN(40))), Status: benefit.Legislated})
	}
	return s
}

// TestReferenceGenerated: on generated scenarios — every rule kind, the
// four roundings, cuts allowed or not, step caps, both fiscal caps,
// regions' own assumptions, effective months and floors that change in
// July — Run is the reference's to the fen, and so is the decimal path.
func TestReferenceGenerated(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 2026))
	n := 200
	if testing.Short() {
		n = 40
	}
	seen := map[Binding]int{}
	for range n {
		s := refScenario(rng)
		for _, run := range []func(context.Context, scenario.Scenario, Options) (*Result, error){Run, runDecimal} {
			r, err := run(t.Context(), s, Options{SkipFloorCheck: true})
			if err != nil {
				t.Fatal(err)
			}
			for b, k := range diffReference(t, r, decRun(t, s)) {
				seen[b] += k
			}
		}
	}
	for _, b := range []Binding{BindNone, BindFloor, BindNoCut, BindMaxStep, BindMaxStepPercent, BindFiscalCap, "infeasible"} {
		if seen[b] < 10 {
			t.Errorf("only %d region-years bound by %s: %v", seen[b], b, seen)
		}
	}
}

// FuzzReference runs the scenario refScenario draws from a fuzzed seed:
// Run must be the reference's to the fen, or refuse the scenario.
//
//	go test ./adjust -run '^$' -fuzz FuzzReference -fuzztime 60s
func FuzzReference(f *testing.F) {
	f.Add(uint64(1), uint64(2))
	f.Add(uint64(2026), uint64(7))
	f.Fuzz(func(t *testing.T, a, b uint64) {
		s := refScenario(rand.New(rand.NewPCG(a, b)))
		r, err := Run(t.Context(), s, Options{SkipFloorCheck: true})
		if err != nil {
			if !errors.Is(err, benefit.ErrRange) {
				t.Fatal(err)
			}
			return // a level or count past its bound: refused, not guessed
		}
		diffReference(t, r, decRun(t, s))
	})
}
