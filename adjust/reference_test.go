package adjust

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
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
func runDecimal(ctx context.Context, s Scenario, opts Options) (*Result, error) {
	p, err := prepare(&s, &opts)
	if err != nil {
		return nil, err
	}
	rows := make([]RegionYear, len(s.Regions)*s.Horizon)
	var levels []floor.Level
	if !opts.SkipFloorCheck {
		levels = make([]floor.Level, len(s.Regions))
	}
	for ri := range s.Regions {
		out := rows[ri*s.Horizon : (ri+1)*s.Horizon]
		if err := p.runRegionDecimal(ri, out); err != nil {
			return nil, fmt.Errorf("adjust: region %s: %w", s.Regions[ri].Code, err)
		}
		if levels != nil {
			if levels[ri], err = p.checkLevel(ri, out); err != nil {
				return nil, fmt.Errorf("adjust: region %s: %w", s.Regions[ri].Code, err)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return p.assemble(rows, levels, &opts)
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
	s := testScenario(Fixed(benefit.Yuan(0)), reg(bj, 1, "1", "1"))
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
