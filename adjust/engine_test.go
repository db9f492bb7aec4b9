package adjust

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// The worked examples below use a floor path given in the scenario, not
// the shipped one, so that every figure is set here:
//
//	2024: 123 (base year), 2025: 143, then +20 a year: 2026: 163, 2027: 183
//
// and three provinces of different fiscal tiers (国办发〔2018〕6号):
//
//	110000 北京 tier 5: the centre pays 50 % of the national-floor part
//	510000 四川 tier 1: the centre pays 100 % of the national-floor part
//	370000 山东 tier 3: the centre pays 50 % of the national-floor part
//
// and none of any local top-up (the cost rule of region/data/fiscal.json).
// The residents' pension is monthly and rounded half-up to the yuan, so the
// yearly cost of level x for n persons is 12·n·x and its floor part
// 12·n·min(x, F).

var (
	bj = region.MustParseCode("110000")
	sc = region.MustParseCode("510000")
	sd = region.MustParseCode("370000")
)

func amtp(s string) *benefit.Amount { a := benefit.MustParseAmount(s); return &a }
func ratep(s string) *benefit.Rate  { r := benefit.MustParseRate(s); return &r }

func testScenario(rule scenario.Rule, regions ...scenario.Region) scenario.Scenario {
	return scenario.Scenario{
		Name:      "worked example",
		Program:   "pension.resident.basic",
		StartYear: 2025,
		Horizon:   3,
		Floor: floor.Path{
			History: []benefit.Version{
				{From: benefit.MustParseMonth("2024-01"), Amount: benefit.Yuan(123), Status: benefit.Announced},
				{From: benefit.MustParseMonth("2025-01"), Amount: benefit.Yuan(143), Status: benefit.Legislated},
			},
			Projection: floor.StepTrend(benefit.Yuan(20)),
		},
		Rule:    rule,
		Regions: regions,
	}
}

func reg(c region.Code, n int64, level, revenue string) scenario.Region {
	return scenario.Region{Code: c, Beneficiaries: n, Level: benefit.MustParseAmount(level), Revenue: benefit.MustParseAmount(revenue)}
}

func mustRun(t *testing.T, s scenario.Scenario) *Result {
	t.Helper()
	r, err := Run(t.Context(), s, Options{})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return r
}

// want is one expected region-year: level and binding constraint, and
// optionally total/central/local cost ("" skips).
type want struct {
	code                  region.Code
	year                  int
	level                 string
	binding               Binding
	total, central, local string
}

func check(t *testing.T, r *Result, ws []want) {
	t.Helper()
	for _, w := range ws {
		got, ok := r.Get(w.code, w.year)
		if !ok {
			t.Errorf("%s %d: missing", w.code, w.year)
			continue
		}
		if got.Level.String() != w.level || got.Binding != w.binding {
			t.Errorf("%s %d: level %s (%s), want %s (%s)", w.code, w.year, got.Level, got.Binding, w.level, w.binding)
		}
		for _, c := range []struct{ name, got, want string }{
			{"total", got.Cost.Total.String(), w.total},
			{"central", got.Cost.Central.String(), w.central},
			{"local", got.Cost.Local.String(), w.local},
		} {
			if c.want != "" && c.got != c.want {
				t.Errorf("%s %d: %s cost %s, want %s", w.code, w.year, c.name, c.got, c.want)
			}
		}
	}
}

func TestFloorPath(t *testing.T) {
	r := mustRun(t, testScenario(scenario.Fixed(benefit.Yuan(0)), reg(bj, 1, "200", "1")))
	// base year 2024 from history, 2025 from history, 2026-27 projected +20
	want := []struct {
		y      int
		amount string
		status benefit.Status
	}{{2024, "123.00", benefit.Announced}, {2025, "143.00", benefit.Legislated}, {2026, "163.00", benefit.Projected}, {2027, "183.00", benefit.Projected}}
	if len(r.Floors) != len(want) {
		t.Fatalf("floors: %v", r.Floors)
	}
	for i, w := range want {
		f := r.Floors[i]
		if f.Year != w.y || f.Amount.String() != w.amount || f.Status != w.status {
			t.Errorf("floor %d: %d %s %s, want %d %s %s", i, f.Year, f.Amount, f.Status, w.y, w.amount, w.status)
		}
	}
}

// Fixed +10 (定额调整).
//
//	北京 200 → 210, 220, 230: above the floor every year.
//	  2025 cost: 12·1000·210 = 2,520,000; floor part 12·1000·143 = 1,716,000,
//	  central 50 % = 858,000, local 2,520,000 − 858,000 = 1,662,000.
//	  2026: 12·1000·220 = 2,640,000; central 50 %·12·1000·163 = 978,000;
//	  local 1,662,000.
//	四川 130 → 140 < 143 → floor 143; 153 < 163 → 163; 173 < 183 → 183.
//	  2025 cost: 12·2000·143 = 3,432,000, all floor part, central 100 %.
func TestRuleFixed(t *testing.T) {
	r := mustRun(t, testScenario(scenario.Fixed(benefit.Yuan(10)), reg(bj, 1000, "200", "1"), reg(sc, 2000, "130", "1")))
	check(t, r, []want{
		{bj, 2025, "210.00", BindNone, "2520000.00", "858000.00", "1662000.00"},
		{bj, 2026, "220.00", BindNone, "2640000.00", "978000.00", "1662000.00"},
		{bj, 2027, "230.00", BindNone, "", "", ""},
		{sc, 2025, "143.00", BindFloor, "3432000.00", "3432000.00", "0.00"},
		{sc, 2026, "163.00", BindFloor, "", "", ""},
		{sc, 2027, "183.00", BindFloor, "", "", ""},
	})
	ry, _ := r.Get(sc, 2025)
	if ry.Proposed.String() != "140.00" || ry.Increase.String() != "13.00" || ry.Headroom.String() != "0.00" {
		t.Errorf("四川 2025: proposed %s increase %s headroom %s, want 140.00 13.00 0.00", ry.Proposed, ry.Increase, ry.Headroom)
	}
	var got []string
	for _, ry := range r.Rows {
		if ry.Region == sc {
			got = append(got, fmt.Sprint(ry.Year, " ", ry.Level))
		}
	}
	if strings.Join(got, ", ") != "2025 143.00, 2026 163.00, 2027 183.00" {
		t.Errorf("rows of 四川: %v", got)
	}
	if _, ok := r.Get(sd, 2025); ok {
		t.Error("Get found 山东, which is not in the scenario")
	}
}

// Percent of the current level, rounded half-up to the yuan:
//
//	200 × 1.05 = 210; 210 × 1.05 = 220.5 → 221 (a tie, half-up);
//	221 × 1.05 = 232.05 → 232.
func TestRulePercent(t *testing.T) {
	r := mustRun(t, testScenario(scenario.PercentOfLevel(benefit.Percent(5)), reg(bj, 1000, "200", "1")))
	check(t, r, []want{{bj, 2025, "210.00", BindNone, "", "", ""}, {bj, 2026, "221.00", BindNone, "", "", ""}, {bj, 2027, "232.00", BindNone, "", "", ""}})
}

// Indexation 50 % × wage growth + 50 % × CPI + 1 %, with wage growth 6 %
// and CPI 2 % for the scenario, but CPI 4 % for 北京 in 2026:
//
//	2025: g = 3 % + 1 % + 1 % = 5 %: 200 × 1.05 = 210
//	2026: g = 3 % + 2 % + 1 % = 6 %: 210 × 1.06 = 222.6 → 223
//	2027: g = 5 %: 223 × 1.05 = 234.15 → 234
func TestRuleIndex(t *testing.T) {
	s := testScenario(scenario.Indexation(benefit.Percent(50), benefit.Percent(50), benefit.Percent(1)), reg(bj, 1000, "200", "1"))
	s.Assumptions = scenario.Assumptions{WageGrowth: ratep("6%"), CPI: ratep("2%")}
	s.Regions[0].Years = []scenario.YearAssumptions{{Year: 2026, Assumptions: scenario.Assumptions{CPI: ratep("4%")}}}
	r := mustRun(t, s)
	check(t, r, []want{{bj, 2025, "210.00", BindNone, "", "", ""}, {bj, 2026, "223.00", BindNone, "", "", ""}, {bj, 2027, "234.00", BindNone, "", "", ""}})
}

// Catch-up to the floor plus 5:
//
//	北京 200 ≥ 148, 168 and 188: stays at 200
//	四川 130 → 148, 168, 188
//	山东 150 ≥ 148 → 150; then 168, 188
func TestRuleCatchUp(t *testing.T) {
	r := mustRun(t, testScenario(scenario.CatchUp(benefit.Yuan(5)), reg(bj, 1, "200", "1"), reg(sc, 1, "130", "1"), reg(sd, 1, "150", "1")))
	check(t, r, []want{
		{bj, 2025, "200.00", BindNone, "", "", ""}, {bj, 2026, "200.00", BindNone, "", "", ""}, {bj, 2027, "200.00", BindNone, "", "", ""},
		{sc, 2025, "148.00", BindNone, "", "", ""}, {sc, 2026, "168.00", BindNone, "", "", ""}, {sc, 2027, "188.00", BindNone, "", "", ""},
		{sd, 2025, "150.00", BindNone, "", "", ""}, {sd, 2026, "168.00", BindNone, "", "", ""}, {sd, 2027, "188.00", BindNone, "", "", ""},
	})
}

// Pass-through of the national increase (+20 each year, 123 → 143 in
// 2025): 北京 200 → 220, 240, 260; 四川 130 → 150, 170, 190.
// Sum of pass-through and fixed +5: 北京 225, 250, 275.
func TestRulePassThroughAndSum(t *testing.T) {
	r := mustRun(t, testScenario(scenario.PassThrough(), reg(bj, 1, "200", "1"), reg(sc, 1, "130", "1")))
	check(t, r, []want{
		{bj, 2025, "220.00", BindNone, "", "", ""}, {bj, 2026, "240.00", BindNone, "", "", ""}, {bj, 2027, "260.00", BindNone, "", "", ""},
		{sc, 2025, "150.00", BindNone, "", "", ""}, {sc, 2026, "170.00", BindNone, "", "", ""}, {sc, 2027, "190.00", BindNone, "", "", ""},
	})
	r = mustRun(t, testScenario(scenario.Sum(scenario.PassThrough(), scenario.Fixed(benefit.Yuan(5))), reg(bj, 1, "200", "1")))
	check(t, r, []want{{bj, 2025, "225.00", BindNone, "", "", ""}, {bj, 2026, "250.00", BindNone, "", "", ""}, {bj, 2027, "275.00", BindNone, "", "", ""}})
	if r.Rule != "pass_through + fixed +5.00" {
		t.Errorf("rule text %q", r.Rule)
	}
}

// Maximum step of 15 yuan against pass-through (+20):
//
//	北京 200: proposal 220, cap 215 → 215; 235 vs 230 → 230; 250 vs 245 → 245.
//	四川 130: proposal 150, cap 145 ≥ floor 143 → 145 (max_step);
//	  2026: proposal 165, cap 160 < floor 163 → 163 (floor);
//	  2027: proposal 183, cap 178 < floor 183 → 183 (floor).
func TestConstraintMaxStep(t *testing.T) {
	s := testScenario(scenario.PassThrough(), reg(bj, 1, "200", "1"), reg(sc, 1, "130", "1"))
	s.Constraints.MaxStep = amtp("15")
	r := mustRun(t, s)
	check(t, r, []want{
		{bj, 2025, "215.00", BindMaxStep, "", "", ""}, {bj, 2026, "230.00", BindMaxStep, "", "", ""}, {bj, 2027, "245.00", BindMaxStep, "", "", ""},
		{sc, 2025, "145.00", BindMaxStep, "", "", ""}, {sc, 2026, "163.00", BindFloor, "", "", ""}, {sc, 2027, "183.00", BindFloor, "", "", ""},
	})
}

// Maximum step of 5 % against fixed +20, rounded down to the grid:
//
//	200: cap 210 → 210; 210: cap 220.5 → 220; 220: cap 231 → 231.
func TestConstraintMaxStepPercent(t *testing.T) {
	s := testScenario(scenario.Fixed(benefit.Yuan(20)), reg(bj, 1, "200", "1"))
	s.Constraints.MaxStepPercent = ratep("5%")
	r := mustRun(t, s)
	check(t, r, []want{{bj, 2025, "210.00", BindMaxStepPercent, "", "", ""}, {bj, 2026, "220.00", BindMaxStepPercent, "", "", ""}, {bj, 2027, "231.00", BindMaxStepPercent, "", "", ""}})
}

// A 10 % cut: with no-cut (the default) 北京 stays at 200. With cuts
// allowed: 200 × 0.9 = 180; 180 × 0.9 = 162 < floor 163 → 163;
// 163 × 0.9 = 146.7 → 147 < 183 → 183.
func TestConstraintNoCut(t *testing.T) {
	s := testScenario(scenario.PercentOfLevel(benefit.MustParseRate("-10%")), reg(bj, 1, "200", "1"))
	r := mustRun(t, s)
	check(t, r, []want{{bj, 2025, "200.00", BindNoCut, "", "", ""}, {bj, 2026, "200.00", BindNoCut, "", "", ""}, {bj, 2027, "200.00", BindNoCut, "", "", ""}})
	s.Constraints.AllowCuts = true
	r = mustRun(t, s)
	check(t, r, []want{{bj, 2025, "180.00", BindNone, "", "", ""}, {bj, 2026, "163.00", BindFloor, "", "", ""}, {bj, 2027, "183.00", BindFloor, "", "", ""}})
	if ry, _ := r.Get(bj, 2025); ry.Increase.String() != "-20.00" {
		t.Errorf("increase %s, want -20.00", ry.Increase)
	}
}

// Fiscal cap: the local share at most 1 % of revenue. 北京 (tier 5), 1,000
// persons, revenue 200,000,000 a year (no growth), so the cap is
// 2,000,000. At level x ≥ floor F the local share is
// 12,000·x − 6,000·F (the centre pays half the floor part):
//
//	2025: F 143: 12,000·x ≤ 2,858,000 → x ≤ 238.17 → 238 (proposal 250);
//	      local 2,856,000 − 858,000 = 1,998,000, burden 0.999 %.
//	2026: F 163: x ≤ (2,000,000 + 978,000)/12,000 = 248.17 → 248.
//	2027: F 183: x ≤ 3,098,000/12,000 = 258.17 → 258.
func TestConstraintFiscalCap(t *testing.T) {
	s := testScenario(scenario.Fixed(benefit.Yuan(50)), reg(bj, 1000, "200", "200000000"))
	s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: benefit.Percent(1)}
	r := mustRun(t, s)
	check(t, r, []want{
		{bj, 2025, "238.00", BindFiscalCap, "2856000.00", "858000.00", "1998000.00"},
		{bj, 2026, "248.00", BindFiscalCap, "", "", ""},
		{bj, 2027, "258.00", BindFiscalCap, "", "", ""},
	})
	ry, _ := r.Get(bj, 2025)
	if ry.Burden == nil || ry.Burden.String() != "0.999%" || ry.Cap == nil || ry.Cap.String() != "2000000.00" {
		t.Errorf("burden %v cap %v, want 0.999%% and 2000000.00", ry.Burden, ry.Cap)
	}
}

// The growth cap: the local share may rise by at most 1 % of the rise in
// revenue. 北京, 1,000 persons, level 200, rule +20, revenue 100,000,000
// in 2024 growing 2 % a year: 102,000,000; 104,040,000; 106,120,800.
// Base-year local share (F 123): 12,000·200 − 6,000·123 = 1,662,000.
//
//	2025: cap 1,662,000 + 1 %·2,000,000 = 1,682,000;
//	      12,000·x − 858,000 ≤ 1,682,000 → x ≤ 211.67 → 211, local 1,674,000.
//	2026: cap 1,674,000 + 20,400 = 1,694,400;
//	      12,000·x − 978,000 ≤ 1,694,400 → x ≤ 222.7 → 222, local 1,686,000.
//	2027: cap 1,686,000 + 20,808 = 1,706,808;
//	      12,000·x − 1,098,000 ≤ 1,706,808 → x ≤ 233.73 → 233, local 1,698,000.
func TestConstraintFiscalCapGrowth(t *testing.T) {
	s := testScenario(scenario.Fixed(benefit.Yuan(20)), reg(bj, 1000, "200", "100000000"))
	s.Assumptions.RevenueGrowth = ratep("2%")
	s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenueGrowth, Percent: benefit.Percent(1)}
	r := mustRun(t, s)
	check(t, r, []want{
		{bj, 2025, "211.00", BindFiscalCap, "", "", "1674000.00"},
		{bj, 2026, "222.00", BindFiscalCap, "", "", "1686000.00"},
		{bj, 2027, "233.00", BindFiscalCap, "", "", "1698000.00"},
	})
	if ry, _ := r.Get(bj, 2027); ry.Revenue.String() != "106120800.00" || ry.Cap.String() != "1706808.00" {
		t.Errorf("2027 revenue %s cap %s", ry.Revenue, ry.Cap)
	}
}

// An infeasible year. 山东 (tier 3), 1,000 persons at 143, rule +10,
// revenue 100,000,000, cap 1 % = 1,000,000. Local share at x ≥ F:
// 12,000·x − 6,000·F.
//
//	2025: proposal 153: 1,836,000 − 858,000 = 978,000 ≤ cap → 153.
//	2026: proposal 163 = floor: 1,956,000 − 978,000 = 978,000 → 163.
//	2027: proposal 173 < floor 183 → 183; local 6,000·183 = 1,098,000
//	      > 1,000,000: infeasible, level 183, transfer 98,000.
func TestInfeasible(t *testing.T) {
	s := testScenario(scenario.Fixed(benefit.Yuan(10)), reg(sd, 1000, "143", "100000000"))
	s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: benefit.Percent(1)}
	r := mustRun(t, s)
	check(t, r, []want{
		{sd, 2025, "153.00", BindNone, "", "", "978000.00"},
		{sd, 2026, "163.00", BindNone, "", "", "978000.00"},
		{sd, 2027, "183.00", BindFloor, "2196000.00", "1098000.00", "1098000.00"},
	})
	ry, _ := r.Get(sd, 2027)
	if !ry.Infeasible || ry.Transfer.String() != "98000.00" {
		t.Errorf("2027: infeasible %v transfer %s, want true 98000.00", ry.Infeasible, ry.Transfer)
	}
	if y := r.Years[2]; y.Infeasible != 1 || y.Transfer.String() != "98000.00" {
		t.Errorf("2027 summary: %d infeasible, transfer %s", y.Infeasible, y.Transfer)
	}
	if ry, _ := r.Get(sd, 2026); ry.Infeasible || !ry.Transfer.IsZero() {
		t.Errorf("2026 must be feasible")
	}
}

// The fiscal cap met exactly, and missed by one fen (the boundary of
// capSolve's "local ≤ cap"). 山东 (tier 3), 1,000 persons at 143, rule
// +10, floor 143 in 2025: the proposal 153 costs the locality
// 12,000·153 − 6,000·143 = 1,836,000 − 858,000 = 978,000.
//
//	revenue 97,800,000 × 1 % = cap 978,000.00: exactly met → 153, none.
//	revenue 97,799,999 × 1 % = cap 977,999.99: 12,000·x ≤ 977,999.99 +
//	  858,000 = 1,835,999.99 → x ≤ 152.99… → 152, fiscal cap; local
//	  12,000·152 − 858,000 = 966,000.
//
// Both the integer kernel (Run) and the decimal path give it.
func TestFiscalCapMetExactly(t *testing.T) {
	for _, c := range []struct {
		revenue, cap, level string
		binding             Binding
		local               string
	}{
		{"97800000", "978000.00", "153.00", BindNone, "978000.00"},
		{"97799999", "977999.99", "152.00", BindFiscalCap, "966000.00"},
	} {
		s := testScenario(scenario.Fixed(benefit.Yuan(10)), reg(sd, 1000, "143", c.revenue))
		s.Horizon = 1
		s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: benefit.Percent(1)}
		rd, err := runDecimal(t.Context(), s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, run := range []struct {
			name string
			r    *Result
		}{{"kernel", mustRun(t, s)}, {"decimal", rd}} {
			ry, _ := run.r.Get(sd, 2025)
			if ry.Cap == nil || ry.Cap.String() != c.cap || ry.Level.String() != c.level || ry.Binding != c.binding || ry.Cost.Local.String() != c.local || ry.Infeasible {
				t.Errorf("%s, revenue %s: cap %v level %s (%s) local %s infeasible %v; want cap %s level %s (%s) local %s",
					run.name, c.revenue, ry.Cap, ry.Level, ry.Binding, ry.Cost.Local, ry.Infeasible, c.cap, c.level, c.binding, c.local)
			}
		}
	}
}

// A fiscal cap is solved only where the centre pays none of the top-up
// above the floor (capSolve's premise, true of every shipped cost rule); a
// rule in which it pays 20 % of the top-up in tier 3 is refused with a
// cap and accepted without one.
func TestCapRuleRefusesSharedTopUp(t *testing.T) {
	shared := region.CostRule{Program: "p", TopUp: map[string]benefit.Rate{"1": {}, "2": {}, "3": benefit.Percent(20), "4": {}, "5": {}}}
	err := checkCapRule(&scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: benefit.Percent(1)}, shared)
	var re *benefit.RecordError
	if !errors.Is(err, errors.ErrUnsupported) || !errors.As(err, &re) || re.Field != "constraints.fiscal_cap" {
		t.Errorf("shared top-up with a cap: %v", err)
	}
	if err := checkCapRule(nil, shared); err != nil {
		t.Errorf("shared top-up without a cap: %v", err)
	}
	rule, err := region.Default().CostRule("pension.resident.basic")
	if err != nil {
		t.Fatal(err)
	}
	if err := checkCapRule(&scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: benefit.Percent(1)}, rule); err != nil {
		t.Errorf("the shipped residents' pension rule: %v", err)
	}
}

// The cost split of the residents' pension: the centre pays its tier's
// share of the national-floor part only; the top-up above it is local.
// Both provinces pay 200 to 1,000 persons in 2025 (floor 143):
//
//	total 12·1000·200 = 2,400,000; floor part 12·1000·143 = 1,716,000
//	四川 tier 1: central 100 % · 1,716,000 = 1,716,000; local 684,000 (the top-up 57·12,000)
//	北京 tier 5: central  50 % · 1,716,000 =   858,000; local 1,542,000
func TestCostSplitTiers(t *testing.T) {
	r := mustRun(t, testScenario(scenario.Fixed(benefit.Yuan(0)), reg(sc, 1000, "200", "1"), reg(bj, 1000, "200", "1")))
	check(t, r, []want{
		{sc, 2025, "200.00", BindNone, "2400000.00", "1716000.00", "684000.00"},
		{bj, 2025, "200.00", BindNone, "2400000.00", "858000.00", "1542000.00"},
	})
	// national totals are the exact sums
	y := r.Years[0]
	if y.Cost.Total.String() != "4800000.00" || y.Cost.Central.String() != "2574000.00" || y.Cost.Local.String() != "2226000.00" {
		t.Errorf("2025 totals %+v", y.Cost)
	}
}

// Equalisation statistics for fixed +10 in 2025: 北京 210 (1,000 persons),
// 四川 143 (2,000 persons).
//
//	max/min = 210/143 = 1.468531
//	CV (unweighted): mean 176.5, deviations ±33.5, sd 33.5 → 0.189802
//	Gini (weighted): ΣΣ wᵢwⱼ|xᵢ−xⱼ| = 2·1000·2000·67 = 268,000,000;
//	  W = 3000, μ = (210,000 + 286,000)/3000 = 165.333…;
//	  G = 268e6 / (2 · 9e6 · 165.333…) = 268e6 / 2.976e9 = 0.090054
//	mean level 496,000/3,000 = 165.333… → 165.33
func TestStatistics(t *testing.T) {
	r := mustRun(t, testScenario(scenario.Fixed(benefit.Yuan(10)), reg(bj, 1000, "200", "1"), reg(sc, 2000, "130", "1")))
	y := r.Years[0]
	if y.MaxMinRatio != 1.468531 || y.CV != 0.189802 || y.Gini != 0.090054 {
		t.Errorf("stats %v %v %v", y.MaxMinRatio, y.CV, y.Gini)
	}
	if y.MeanLevel.String() != "165.33" || y.MinLevel.String() != "143.00" || y.MaxLevel.String() != "210.00" || y.Beneficiaries != 3000 {
		t.Errorf("levels %s %s %s %d", y.MeanLevel, y.MinLevel, y.MaxLevel, y.Beneficiaries)
	}
}

// Beneficiaries grow 10 % a year, rounded half-up to a person:
// 1,005 → 1,105.5 → 1,106 → 1,216.6 → 1,217 → 1,338.7 → 1,339.
func TestBeneficiaryGrowth(t *testing.T) {
	s := testScenario(scenario.Fixed(benefit.Yuan(0)), reg(bj, 1005, "200", "1"))
	s.Assumptions.BeneficiaryGrowth = ratep("10%")
	r := mustRun(t, s)
	var got []int64
	for _, ry := range r.Rows {
		got = append(got, ry.Beneficiaries)
	}
	if len(got) != 3 || got[0] != 1106 || got[1] != 1217 || got[2] != 1339 {
		t.Errorf("beneficiaries %v, want [1106 1217 1339]", got)
	}
}

func TestValidation(t *testing.T) {
	good := func() scenario.Scenario {
		return testScenario(scenario.Fixed(benefit.Yuan(10)), reg(bj, 1, "200", "1"), reg(sc, 1, "130", "1"))
	}
	cases := []struct {
		name  string
		edit  func(*scenario.Scenario)
		field string
		is    error
	}{
		// 419999 is well formed but no division of the 2023 table
		{"unknown region", func(s *scenario.Scenario) { s.Regions[1].Code = region.MustParseCode("419999") }, "regions[1].code", region.ErrUnknownRegion},
		{"negative beneficiaries", func(s *scenario.Scenario) { s.Regions[0].Beneficiaries = -1 }, "regions[0].beneficiaries", benefit.ErrNegative},
		{"horizon 0", func(s *scenario.Scenario) { s.Horizon = 0 }, "horizon", benefit.ErrRange},
		{"horizon 101", func(s *scenario.Scenario) { s.Horizon = 101 }, "horizon", benefit.ErrRange},
		{"missing assumption", func(s *scenario.Scenario) {
			s.Rule = scenario.Sum(scenario.Fixed(benefit.Yuan(1)), scenario.Indexation(benefit.Percent(50), benefit.Rate{}, benefit.Rate{}))
		}, "rule.parts[1].wage_weight", scenario.ErrMissingAssumption},
		{"unknown programme", func(s *scenario.Scenario) { s.Program = "pension.nope" }, "program", benefit.ErrUnknownProgram},
		{"duplicate region", func(s *scenario.Scenario) { s.Regions[1].Code = bj }, "regions[1].code", benefit.ErrSyntax},
		{"negative level", func(s *scenario.Scenario) { s.Regions[0].Level = benefit.MustParseAmount("-1") }, "regions[0].level", benefit.ErrNegative},
		{"rule field of another kind", func(s *scenario.Scenario) { s.Rule.Percent = ratep("1%") }, "rule.percent", benefit.ErrSyntax},
		{"floor history out of order", func(s *scenario.Scenario) { s.Floor.History[1].From = benefit.MustParseMonth("2023-01") }, "floor.history[1].from", benefit.ErrOrder},
		// a floor nobody said the firmness of is not law
		{"floor history without status", func(s *scenario.Scenario) { s.Floor.History[1].Status = benefit.Unknown }, "floor.history[1].status", benefit.ErrNoStatus},
		{"growth cap without revenue growth", func(s *scenario.Scenario) {
			s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenueGrowth, Percent: benefit.Percent(1)}
		}, "constraints.fiscal_cap.basis", scenario.ErrMissingAssumption},
		{"growth below -100 %", func(s *scenario.Scenario) {
			s.Regions[1].Years = []scenario.YearAssumptions{{Year: 2026, Assumptions: scenario.Assumptions{RevenueGrowth: ratep("-101%")}}}
		}, "regions[1].years[0].revenue_growth", benefit.ErrRange},
		// 10^8 persons growing 1000 % are 1.1·10^9 in 2025, past the
		// 10^9 limit: an error, not a count that wraps around int64.
		{"beneficiaries grow too far", func(s *scenario.Scenario) {
			s.Regions[0].Beneficiaries = 100_000_000
			s.Assumptions.BeneficiaryGrowth = ratep("1000%")
		}, "assumptions.beneficiary_growth", benefit.ErrRange},
		// 200 × 10^6 a year: 2·10^8, 2·10^14, then 2·10^20 in 2027, past
		// the 15 integer digits of an amount.
		{"level too large", func(s *scenario.Scenario) { s.Rule = scenario.PercentOfLevel(benefit.MustParseRate("99999999%")) }, "rule", benefit.ErrRange},
		// 143 + 999,999,999,999,999 in 2026 has 16 integer digits.
		{"floor too large", func(s *scenario.Scenario) {
			s.Floor.Projection = floor.StepTrend(benefit.MustParseAmount("999999999999999"))
		}, "floor.projection", benefit.ErrRange},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := good()
			c.edit(&s)
			_, err := Run(t.Context(), s, Options{})
			re, ok := errors.AsType[*benefit.RecordError](err)
			if !ok {
				t.Fatalf("error %v (%T), want a *benefit.RecordError", err, err)
			}
			if re.Field != c.field || !errors.Is(err, c.is) {
				t.Errorf("error %q: field %q, want %q wrapping %v", err, re.Field, c.field, c.is)
			}
		})
	}
}

func TestLoadScenarioStrict(t *testing.T) {
	src := "{\n\"program\": \"pension.resident.basic\",\n\"start_year\": 2025,\n\"horizon\": 3,\n\"colour\": \"red\"\n}"
	_, err := LoadScenario(strings.NewReader(src), "s.json", Options{})
	re, ok := errors.AsType[*benefit.RecordError](err)
	if !ok || re.File != "s.json" || re.Line != 5 || !strings.Contains(err.Error(), "colour") {
		t.Fatalf("got %v", err)
	}
	src = `{"program":"pension.resident.basic","start_year":2025,"horizon":3,"regions":[{"code":"110000","beneficiaries":1,"level":"1e9","revenue":"1"}]}`
	_, err = LoadScenario(strings.NewReader(src), "s.json", Options{})
	if !errors.Is(err, benefit.ErrSyntax) {
		t.Fatalf("exponent: got %v", err)
	}
	// encoding/json names no field when an amount's own decoder fails,
	// and no list index for a number too big for its field: LoadScenario
	// finds the full path.
	head := `{"program":"pension.resident.basic","start_year":2025,"horizon":3,"floor":{"projection":{"kind":"hold"}},`
	for _, c := range []struct{ body, field string }{
		{`"regions":[{"code":"110000","beneficiaries":1,"level":"1","revenue":"1"},{"code":"510000","beneficiaries":1,"level":"12x","revenue":"1"}],"rule":{"kind":"pass_through"}}`, "regions[1].level"},
		{`"regions":[{"code":"110000","beneficiaries":1,"level":"1","revenue":"1"},{"code":"510000","beneficiaries":1e30,"level":"1","revenue":"1"}],"rule":{"kind":"pass_through"}}`, "regions[1].beneficiaries"},
		{`"regions":[{"code":"110000","beneficiaries":1,"level":"1","revenue":"1"}],"rule":{"kind":"sum","parts":[{"kind":"pass_through"},{"kind":"fixed","amount":"ten"}]}}`, "rule.parts[1].amount"},
		{`"years":[{"year":2026,"cpi":"2%%"}],"regions":[{"code":"110000","beneficiaries":1,"level":"1","revenue":"1"}],"rule":{"kind":"pass_through"}}`, "years[0].cpi"},
	} {
		_, err := LoadScenario(strings.NewReader(head+c.body), "s.json", Options{})
		re, ok := errors.AsType[*benefit.RecordError](err)
		if !ok || re.Field != c.field || re.File != "s.json" || !errors.Is(err, benefit.ErrSyntax) {
			t.Errorf("want field %s: got %v", c.field, err)
		}
	}
	// A floor history version without "status" is named by its path and
	// the line of the version that lacks it.
	src = "{\"program\":\"pension.resident.basic\",\"start_year\":2025,\"horizon\":3,\n" +
		"\"floor\":{\"history\":[{\"from\":\"2024-01\",\"amount\":\"123\",\"status\":\"legislated\"},\n" +
		"{\"from\":\"2025-01\",\"amount\":\"143\"}],\"projection\":{\"kind\":\"hold\"}},\n" +
		"\"regions\":[{\"code\":\"110000\",\"beneficiaries\":1,\"level\":\"200\",\"revenue\":\"1\"}],\"rule\":{\"kind\":\"pass_through\"}}"
	_, err = LoadScenario(strings.NewReader(src), "s.json", Options{})
	re, ok = errors.AsType[*benefit.RecordError](err)
	if !ok || re.File != "s.json" || re.Line != 3 || re.Field != "floor.history[1].status" || !errors.Is(err, benefit.ErrNoStatus) {
		t.Errorf("history without status: got %v", err)
	}
}

// A region code the table does not hold is bad input naming the file,
// the line and the JSON path; the same scenario loads once the code is
// added as a division. 371202 莱城区 lay under 371200 莱芜市 until 2019
// (MCA list 2016-12); the 2023 table has neither.
func TestLoadScenarioUnknownRegion(t *testing.T) {
	src := `{"program": "pension.resident.basic", "start_year": 2025, "horizon": 3,
"floor": {"projection": {"kind": "hold"}},
"rule": {"kind": "pass_through"},
"regions": [
  {"code": "110000", "beneficiaries": 1, "level": "200", "revenue": "1"},
  {"code": "371202", "beneficiaries": 1, "level": "200", "revenue": "1"}
]}`
	_, err := LoadScenario(strings.NewReader(src), "s.json", Options{})
	re, ok := errors.AsType[*benefit.RecordError](err)
	if !ok || re.File != "s.json" || re.Line != 6 || re.Field != "regions[1].code" || !errors.Is(err, region.ErrUnknownRegion) || !strings.Contains(err.Error(), "371202") {
		t.Fatalf("got %v", err)
	}
	tab, err := region.Default().WithDivisions(strings.NewReader("code,name,level,parent\n371200,莱芜市,prefecture,370000\n371202,莱城区,county,371200\n"), "laiwu.csv")
	if err != nil {
		t.Fatal(err)
	}
	s, err := LoadScenario(strings.NewReader(src), "s.json", Options{Regions: tab})
	if err != nil || len(s.Regions) != 2 {
		t.Fatalf("with the division added: %v", err)
	}
	if _, err := Run(t.Context(), s, Options{Regions: tab}); err != nil {
		t.Errorf("run: %v", err)
	}
}

// Figures too big for int64 fen take the decimal path and stay exact.
// 北京 and 四川 pay 10^12 yuan a month to 10^9 persons each (fixed +0):
//
//	total per region 12 · 10^9 · 10^12 = 1.2·10^22; both 2.4·10^22
//	floor part 12 · 10^9 · 143 = 1.716·10^12: central 50 % in 北京
//	  (8.58·10^11) and 100 % in 四川 (1.716·10^12), 2.574·10^12 in all
//	mean level 10^12 (Σ level × persons = 2·10^21 yuan does not fit int64 fen)
func TestHugeFiguresStayExact(t *testing.T) {
	s := testScenario(scenario.Fixed(benefit.Yuan(0)),
		reg(bj, 1_000_000_000, "1000000000000", "1"), reg(sc, 1_000_000_000, "1000000000000", "1"))
	r := mustRun(t, s)
	y := r.Years[0]
	if y.Cost.Total.String() != "24000000000000000000000.00" || y.Cost.Central.String() != "2574000000000.00" ||
		y.MeanLevel.String() != "1000000000000.00" || y.Beneficiaries != 2_000_000_000 {
		t.Errorf("2025: cost %+v mean %s persons %d", y.Cost, y.MeanLevel, y.Beneficiaries)
	}
	if ry, _ := r.Get(bj, 2025); ry.Cost.Central.String() != "858000000000.00" || ry.Cost.Total.String() != "12000000000000000000000.00" {
		t.Errorf("北京 2025: %+v", ry.Cost)
	}
}
