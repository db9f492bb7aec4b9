package adjust

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

var provinces = func() []region.Code {
	var out []region.Code
	for d := range region.Default().All() {
		if d.Rank == region.Province {
			out = append(out, d.Code)
		}
	}
	return out
}()

// genScenario builds a random small scenario from rng: 1-6 provinces,
// 1-6 years, a random rule and random constraints.
func genScenario(rng *rand.Rand) scenario.Scenario {
	yuan := func(lo, hi int) benefit.Amount { return benefit.Yuan(int64(lo + rng.IntN(hi-lo+1))) }
	pct := func(lo, hi int) benefit.Rate { // hundredths of a percent
		return benefit.MustParseRate(fmt.Sprintf("%.2f%%", float64(lo+rng.IntN(hi-lo+1))/100))
	}
	var rule func(depth int) scenario.Rule
	rule = func(depth int) scenario.Rule {
		switch k := rng.IntN(6); {
		case k == 0:
			return scenario.Fixed(yuan(0, 60).Add(benefit.FromFen(int64(rng.IntN(3) * 50))))
		case k == 1:
			return scenario.PercentOfLevel(pct(-1000, 1500))
		case k == 2:
			return scenario.Indexation(pct(0, 10000), pct(0, 10000), pct(-200, 200))
		case k == 3:
			return scenario.CatchUp(yuan(0, 30))
		case k == 4 || depth > 0:
			return scenario.PassThrough()
		default:
			return scenario.Sum(rule(1), rule(1))
		}
	}
	s := testScenario(rule(0))
	s.Name = "generated"
	s.Horizon = 1 + rng.IntN(6)
	s.Assumptions = scenario.Assumptions{CPI: new(pct(-100, 500)), WageGrowth: new(pct(0, 1000)),
		RevenueGrowth: new(pct(-500, 1000)), BeneficiaryGrowth: new(pct(-300, 500))}
	if rng.IntN(2) == 0 {
		s.Floor.Projection = floor.Trend{Kind: floor.TrendIndex, WageWeight: new(pct(0, 10000)), CPIWeight: new(pct(0, 10000))}
	}
	switch rng.IntN(4) {
	case 0:
		s.Rounding = &benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.HalfUp}
	case 1:
		s.Rounding = &benefit.Rounding{Unit: benefit.Fen, Mode: benefit.HalfEven}
	}
	s.Constraints.AllowCuts = rng.IntN(4) == 0
	if rng.IntN(3) == 0 {
		s.Constraints.MaxStep = amtp(fmt.Sprint(rng.IntN(40)))
	}
	if rng.IntN(3) == 0 {
		s.Constraints.MaxStepPercent = new(pct(0, 2000))
	}
	switch rng.IntN(3) {
	case 0:
		s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: pct(1, 500)}
	case 1:
		s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenueGrowth, Percent: pct(0, 5000)}
	}
	perm := rng.Perm(len(provinces))
	for _, i := range perm[:1+rng.IntN(6)] {
		r := scenario.Region{Code: provinces[i], Beneficiaries: int64(rng.IntN(2_000_000)),
			Level: yuan(80, 1500), Revenue: benefit.Yuan(int64(rng.IntN(1_000_000_000)))}
		if rng.IntN(3) == 0 { // levels and revenue in fen
			r.Level = r.Level.Add(benefit.FromFen(int64(rng.IntN(100))))
			r.Revenue = r.Revenue.Add(benefit.FromFen(int64(rng.IntN(100))))
		}
		if rng.IntN(3) == 0 { // the region's own assumptions
			r.Assumptions.RevenueGrowth = new(pct(-500, 1000))
			r.Years = []scenario.YearAssumptions{{Year: s.StartYear + rng.IntN(s.Horizon), Assumptions: scenario.Assumptions{
				CPI: new(pct(-100, 500)), WageGrowth: new(pct(0, 1000)), BeneficiaryGrowth: new(pct(-300, 500))}}}
		}
		s.Regions = append(s.Regions, r)
	}
	// a 计划单列市 (fiscal tier 4 whatever its province) and a county
	for _, c := range []string{"330200", "140822"} {
		if rng.IntN(4) == 0 && !slices.ContainsFunc(s.Regions, func(r scenario.Region) bool { return r.Code.Province() == region.MustParseCode(c).Province() }) {
			s.Regions = append(s.Regions, scenario.Region{Code: region.MustParseCode(c), Beneficiaries: int64(rng.IntN(200_000)),
				Level: yuan(100, 400), Revenue: benefit.Yuan(int64(rng.IntN(100_000_000)))})
		}
	}
	return s
}

// TestProperties runs a few hundred generated scenarios and checks the
// invariants that must hold whatever the inputs:
//   - the level is never below the year's national floor, and is on the
//     rounding grid (whole yuan, or 10 yuan or a fen when overridden);
//   - without AllowCuts the level never falls;
//   - central + local == total, exactly, in every region-year;
//   - a feasible year keeps the fiscal cap; an infeasible one sits at its
//     hard bound and its transfer is exactly local − cap;
//   - a level set by the fiscal cap is the largest the cap allows: one
//     grid step more would break it;
//   - with no binding constraint the level is the rule's proposal;
//   - national totals are the exact sums of the regions';
//   - the floor check finds no floor violation;
//   - every cost equals region.Table.Split's; the whole result is the
//     same on the decimal path as on the integer kernel, and every
//     region-year is what the decimal binary search (refSolve) finds.
func TestProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(2025, 143))
	n := 300
	if testing.Short() {
		n = 60
	}
	// How often each conditional invariant below was exercised: a
	// generator that never produced an infeasible year or a binding cap
	// would leave those checks unable to fail.
	seen := map[string]int{}
	for i := range n {
		s := genScenario(rng)
		r, err := Run(t.Context(), s, Options{})
		if err != nil {
			t.Fatalf("scenario %d: %v", i, err)
		}
		p, err := prepare(&s, &Options{})
		if err != nil {
			t.Fatal(err)
		}
		// the integer kernel and the decimal path give the same bytes
		rd, err := runDecimal(t.Context(), s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(resultJSON(t, r), resultJSON(t, rd)) {
			t.Errorf("scenario %d: the decimal path differs from the integer kernel", i)
		}
		sums := map[int][3]benefit.Amount{}
		for _, ry := range r.Rows {
			where := fmt.Sprintf("scenario %d %s %d", i, ry.Region, ry.Year)
			if ry.Level.Cmp(ry.Floor) < 0 {
				t.Errorf("%s: level %s below floor %s", where, ry.Level, ry.Floor)
			}
			grid := benefit.Rounding{Unit: benefit.YuanUnit, Mode: benefit.HalfUp}
			if s.Rounding != nil {
				grid = *s.Rounding
			}
			if !ry.Level.Equal(ry.Level.Round(grid)) {
				t.Errorf("%s: level %s off the grid", where, ry.Level)
			}
			if !s.Constraints.AllowCuts && ry.Level.Cmp(ry.Previous) < 0 {
				t.Errorf("%s: cut from %s to %s", where, ry.Previous, ry.Level)
			}
			if dc, err := p.cost(ry.Region, ry.Level, ry.Floor, ry.Beneficiaries); err != nil ||
				!dc.Total.Equal(ry.Cost.Total) || !dc.Central.Equal(ry.Cost.Central) || !dc.Local.Equal(ry.Cost.Local) {
				t.Errorf("%s: cost %+v, region.Split gives %+v (%v)", where, ry.Cost, dc, err)
			}
			if !ry.Cost.Central.Add(ry.Cost.Local).Equal(ry.Cost.Total) {
				t.Errorf("%s: central %s + local %s != total %s", where, ry.Cost.Central, ry.Cost.Local, ry.Cost.Total)
			}
			seen[string(ry.Binding)]++
			if ry.Cap != nil {
				if ry.Infeasible {
					seen["infeasible"]++
					if !ry.Cost.Local.Sub(*ry.Cap).Equal(ry.Transfer) || ry.Transfer.Sign() <= 0 {
						t.Errorf("%s: transfer %s, local %s, cap %s", where, ry.Transfer, ry.Cost.Local, ry.Cap)
					}
					if ry.Binding != BindFloor && ry.Binding != BindNoCut {
						t.Errorf("%s: infeasible with binding %s", where, ry.Binding)
					}
				} else if ry.Cost.Local.Cmp(*ry.Cap) > 0 {
					t.Errorf("%s: local %s over cap %s", where, ry.Cost.Local, ry.Cap)
				}
				if ry.Binding == BindFiscalCap {
					next, _ := p.cost(ry.Region, ry.Level.Add(grid.Unit.Step()), ry.Floor, ry.Beneficiaries)
					if next.Local.Cmp(*ry.Cap) <= 0 {
						t.Errorf("%s: fiscal cap bound at %s but %s+1 fits (%s ≤ %s)", where, ry.Level, ry.Level, next.Local, ry.Cap)
					}
				}
			}
			// the decimal binary search finds the same level and binding
			if err := checkAgainstRef(p, &ry); err != nil {
				t.Errorf("scenario %d: %v", i, err)
			}
			if ry.Binding == BindNone && !ry.Level.Equal(ry.Proposed) {
				t.Errorf("%s: no binding but level %s != proposal %s", where, ry.Level, ry.Proposed)
			}
			for _, f := range ry.Findings {
				if f.Rule == "floor" {
					t.Errorf("%s: floor finding %+v", where, f)
				}
			}
			s3 := sums[ry.Year]
			sums[ry.Year] = [3]benefit.Amount{s3[0].Add(ry.Cost.Total), s3[1].Add(ry.Cost.Central), s3[2].Add(ry.Cost.Local)}
		}
		for _, y := range r.Years {
			s3 := sums[y.Year]
			if !s3[0].Equal(y.Cost.Total) || !s3[1].Equal(y.Cost.Central) || !s3[2].Equal(y.Cost.Local) {
				t.Errorf("scenario %d %d: totals %+v, sums %v", i, y.Year, y.Cost, s3)
			}
			if !y.Cost.Central.Add(y.Cost.Local).Equal(y.Cost.Total) {
				t.Errorf("scenario %d %d: national central + local != total", i, y.Year)
			}
		}
	}
	for _, k := range []string{"infeasible", string(BindFiscalCap), string(BindNone), string(BindFloor), string(BindNoCut), string(BindMaxStep), string(BindMaxStepPercent)} {
		if seen[k] == 0 {
			t.Errorf("no generated region-year was %s: its invariant was never checked (%v)", k, seen)
		}
	}
}

// TestDeterminism: the JSON of a run is byte-identical whatever the
// number of workers and GOMAXPROCS.
func TestDeterminism(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 31))
	scenarios := []scenario.Scenario{}
	if d, err := defaultScenario(); err == nil {
		scenarios = append(scenarios, d)
	} else {
		t.Fatal(err)
	}
	for range 20 {
		scenarios = append(scenarios, genScenario(rng))
	}
	prev := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(prev)
	for i, s := range scenarios {
		var want []byte
		for _, procs := range []int{1, 2, 8} {
			runtime.GOMAXPROCS(procs)
			for _, workers := range []int{0, 1, 3} {
				r, err := Run(t.Context(), s, Options{Workers: workers})
				if err != nil {
					t.Fatal(err)
				}
				b := resultJSON(t, r)
				if want == nil {
					want = b
				} else if !bytes.Equal(want, b) {
					t.Fatalf("scenario %d: output differs at GOMAXPROCS=%d workers=%d", i, procs, workers)
				}
			}
		}
	}
}
