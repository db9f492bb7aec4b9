package adjust

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// julyScenario is a residents' pension scenario whose national floor
// rises from 100 to 110 in July 2025 (history given here), then holds;
// base year 2024, two simulated years.
func julyScenario(rule scenario.Rule, month int, regions ...scenario.Region) scenario.Scenario {
	s := testScenario(rule, regions...)
	s.Horizon = 2
	s.EffectiveMonth = month
	s.Floor = floor.Path{History: []benefit.Version{
		{From: benefit.MustParseMonth("2024-01"), Amount: benefit.Yuan(100), Status: benefit.Announced},
		{From: benefit.MustParseMonth("2025-07"), Amount: benefit.Yuan(110), Status: benefit.Announced},
	}, Projection: floor.Trend{Kind: floor.TrendHold}}
	return s
}

// A July floor rise is charged for six months. 1,000 beneficiaries, the
// floor 100 → 110 from 2025-07, the level following the floor
// (pass-through) from July (effective month 7):
//
//	2025 cost = 1,000 × (6 × 100 + 6 × 110) = 600,000 + 660,000 = 1,260,000.00
//
// not 1,000 × 12 × 110 = 1,320,000.00 (60,000.00 more: 6 months × 10
// yuan × 1,000). Every yuan is floor part; 山东 (tier 3) has the centre
// pay 50 %: 630,000.00 / 630,000.00. 2026 pays 110 all year: 1,320,000.00.
//
// A level with a top-up of 30 (130 → 140 from July) in 四川 (tier 1, the
// centre pays 100 % of the floor part):
//
//	total 1,000 × (6 × 130 + 6 × 140) = 1,620,000.00
//	floor part 1,000 × (6 × 100 + 6 × 110) = 1,260,000.00 = central
//	local 360,000.00 (the top-up, 30 a month × 12 × 1,000)
//
// With the level effective from January instead (the default), the
// region pays 110 from January: 1,320,000.00, as the old whole-year
// charge did; its floor part is still 1,260,000.00 (central 630,000.00),
// the 10 a month above the floor in January-June being local top-up:
// local 1,320,000 − 630,000 = 690,000.00.
func TestJulyFloorRise(t *testing.T) {
	s := julyScenario(scenario.PassThrough(), 7, reg(sd, 1000, "100", "1"), reg(sc, 1000, "130", "1"))
	for _, run := range []struct {
		name string
		f    func(scenario.Scenario) (*Result, error)
	}{
		{"kernel", func(s scenario.Scenario) (*Result, error) { return Run(t.Context(), s, Options{}) }},
		{"decimal", func(s scenario.Scenario) (*Result, error) { return runDecimal(t.Context(), s, Options{}) }},
	} {
		r, err := run.f(s)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(run.name, func(t *testing.T) {
			check(t, r, []want{
				{sd, 2025, "110.00", BindNone, "1260000.00", "630000.00", "630000.00"},
				{sd, 2026, "110.00", BindNone, "1320000.00", "660000.00", "660000.00"},
				{sc, 2025, "140.00", BindNone, "1620000.00", "1260000.00", "360000.00"},
			})
			if r.EffectiveMonth != 7 || r.Floors[1].Amount.String() != "110.00" {
				t.Errorf("effective month %d, 2025 floor %s; want 7 and 110.00", r.EffectiveMonth, r.Floors[1].Amount)
			}
			for _, ry := range r.Rows {
				if len(ry.Findings) > 0 {
					t.Errorf("%s %d: findings %v (the level follows the floor from its month)", ry.Region, ry.Year, ry.Findings)
				}
			}
		})
	}
	r := mustRun(t, julyScenario(scenario.PassThrough(), 0, reg(sd, 1000, "100", "1")))
	check(t, r, []want{{sd, 2025, "110.00", BindNone, "1320000.00", "630000.00", "690000.00"}})
	if r.EffectiveMonth != 0 {
		t.Errorf("effective month %d, want 0 (January)", r.EffectiveMonth)
	}
}

// A level raised in July while the floor rose in January leaves six
// months below the floor: the floor check finds them and counts what is
// owed. Floor 100 (2024) → 143 from 2025-01, level 100 → 143 from July,
// 1,000 persons: 6 months × 43 × 1,000 = 258,000.00 owed; the cost of
// 2025 is 1,000 × (6 × 100 + 6 × 143) = 1,458,000.00.
func TestLateLevelFindings(t *testing.T) {
	s := julyScenario(scenario.CatchUp(benefit.Yuan(0)), 7, reg(sd, 1000, "100", "1"))
	s.Floor.History[1].From = benefit.MustParseMonth("2025-01")
	s.Floor.History[1].Amount = benefit.Yuan(143)
	r := mustRun(t, s)
	check(t, r, []want{{sd, 2025, "143.00", BindNone, "1458000.00", "", ""}})
	ry, _ := r.Get(sd, 2025)
	if len(ry.Findings) != 1 || ry.Findings[0].Rule != "floor" || ry.Findings[0].Arrears.String() != "258000.00" {
		t.Fatalf("findings %+v, want one floor finding owing 258000.00", ry.Findings)
	}
}

// The fiscal cap with a level from July. 北京 (tier 5), 1,000 persons,
// level 100, rule +50 (proposal 150), floor 100 → 110 from July 2025, cap
// 0.8 % of revenue 100,000,000 = 800,000. At a level x from July:
//
//	total    = 1,000 × (6 × 100 + 6 × x) = 600,000 + 6,000·x
//	central  = 50 % × 1,000 × (6 × 100 + 6 × 110) = 630,000
//	local    = 6,000·x − 30,000 ≤ 800,000 → x ≤ 138.33 → 138
//
// local 798,000 (139 would be 804,000), total 1,428,000.00.
func TestFiscalCapFromJuly(t *testing.T) {
	s := julyScenario(scenario.Fixed(benefit.Yuan(50)), 7, reg(bj, 1000, "100", "100000000"))
	s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: benefit.MustParseRate("0.8%")}
	for _, dec := range []bool{false, true} {
		var r *Result
		var err error
		if dec {
			r, err = runDecimal(t.Context(), s, Options{})
		} else {
			r, err = Run(t.Context(), s, Options{})
		}
		if err != nil {
			t.Fatal(err)
		}
		check(t, r, []want{{bj, 2025, "138.00", BindFiscalCap, "1428000.00", "630000.00", "798000.00"}})
	}
}

// On generated scenarios whose levels take effect in months 2-12, the
// integer kernel and the decimal path give the same bytes, and every
// region-year costs what its months cost: with the floor F constant in
// the year (the generator's floors change in January), prev last year's
// level and x this year's, from month m,
//
//	total = n × ((m − 1) × prev + (13 − m) × x)
//	floor part = n × ((m − 1) × min(prev, F) + (13 − m) × F)
//
// split by region.Table.Split; for a yearly programme (every other
// scenario is the disability pension, under an ILLUSTRATIVE rule) a
// twelfth of each a month, Σ ÷ 12 rounded half-up to the fen. A level set
// by the fiscal cap is the largest whose local share keeps it.
func TestMonthProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 2025))
	n := 120
	if testing.Short() {
		n = 30
	}
	tab, err := region.Default().WithCostRules(illustrativeVeteransRule())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[Binding]int{}
	for i := range n {
		s := genScenario(rng)
		s.EffectiveMonth = 2 + rng.IntN(11)
		yearly := i%2 == 1
		if yearly {
			s.Program, s.CostRules = "veterans.disability", []region.CostRule{illustrativeVeteransRule()}
		}
		r, err := Run(t.Context(), s, Options{})
		if err != nil {
			t.Fatalf("scenario %d: %v", i, err)
		}
		rd, err := runDecimal(t.Context(), s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(resultJSON(t, r), resultJSON(t, rd)) {
			t.Errorf("scenario %d: the decimal path differs from the integer kernel", i)
		}
		m := int64(s.EffectiveMonth)
		cost := func(ry *RegionYear, x benefit.Amount) region.Split {
			total := ry.Previous.Mul(m - 1).Add(x.Mul(13 - m)).Mul(ry.Beneficiaries)
			fp := benefit.MinAmount(ry.Previous, ry.Floor).Mul(m - 1).Add(ry.Floor.Mul(13 - m)).Mul(ry.Beneficiaries)
			if yearly {
				total, _ = total.QuoInt(12, benefit.FenHalfUp())
				fp, _ = fp.QuoInt(12, benefit.FenHalfUp())
			}
			sp, err := tab.Split(s.Program, ry.Region, total, fp)
			if err != nil {
				t.Fatal(err)
			}
			return sp
		}
		for _, ry := range r.Rows {
			where := fmt.Sprintf("scenario %d %s %d", i, ry.Region, ry.Year)
			if want := cost(&ry, ry.Level); want != ry.Cost {
				t.Errorf("%s: cost %+v, want %+v", where, ry.Cost, want)
			}
			seen[ry.Binding]++
			if ry.Binding == BindFiscalCap {
				next := cost(&ry, ry.Level.Add(benefit.FromFen(gridFen(&s))))
				if ry.Cost.Local.Cmp(*ry.Cap) > 0 || next.Local.Cmp(*ry.Cap) <= 0 {
					t.Errorf("%s: fiscal cap %s: local %s, one step more %s", where, ry.Cap, ry.Cost.Local, next.Local)
				}
			}
		}
	}
	if seen[BindFiscalCap] == 0 || seen[BindNone] == 0 {
		t.Errorf("bindings seen %v: the cap's check never ran", seen)
	}
}

// gridFen returns the scenario's grid step in fen (the generator's
// scenarios: a yuan for the residents' pension, 10 for the disability
// pension, unless overridden).
func gridFen(s *scenario.Scenario) int64 {
	switch {
	case s.Rounding != nil:
		f, _ := s.Rounding.Unit.Step().Fen()
		return f
	case s.Program == "veterans.disability":
		return 1000
	}
	return 100
}
