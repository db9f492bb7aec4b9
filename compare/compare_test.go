package compare_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/compare"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

var (
	bj = region.MustParseCode("110000")
	sc = region.MustParseCode("510000")
	sd = region.MustParseCode("370000")
)

// testScenario is the worked example of package adjust's tests: the
// floor 123 in 2024, 143 in 2025, then +20 a year, 2025-2027.
func testScenario(rule scenario.Rule, regions ...scenario.Region) scenario.Scenario {
	return scenario.Scenario{
		Name: "worked example", Program: "pension.resident.basic", StartYear: 2025, Horizon: 3,
		Floor: floor.Path{
			History: []benefit.Version{
				{From: benefit.MustParseMonth("2024-01"), Amount: benefit.Yuan(123), Status: benefit.Announced},
				{From: benefit.MustParseMonth("2025-01"), Amount: benefit.Yuan(143), Status: benefit.Legislated},
			},
			Projection: floor.StepTrend(benefit.Yuan(20)),
		},
		Rule: rule, Regions: regions,
	}
}

func reg(c region.Code, n int64, level, revenue string) scenario.Region {
	return scenario.Region{Code: c, Beneficiaries: n, Level: benefit.MustParseAmount(level), Revenue: benefit.MustParseAmount(revenue)}
}

func mustRun(t *testing.T, s scenario.Scenario) *adjust.Result {
	t.Helper()
	r, err := adjust.Run(t.Context(), s, adjust.Options{})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return r
}

// Comparison of fixed +10 (A) with fixed +20 (B) for 北京, 1,000 persons
// at 200, revenue 100,000,000:
//
//	levels A 210, 220, 230; B 220, 240, 260; Δ +10, +20, +30
//	Δ total = 12,000 · Δ level = 120,000; 240,000; 360,000 (the floor part,
//	hence the central share, is the same in A and B, so Δ local = Δ total)
//	2025 local A = 2,520,000 − 858,000 = 1,662,000 → burden 1.662 %
//	     local B = 2,640,000 − 858,000 = 1,782,000 → burden 1.782 %; Δ 0.12 %
func TestCompare(t *testing.T) {
	a := mustRun(t, testScenario(scenario.Fixed(benefit.Yuan(10)), reg(bj, 1000, "200", "100000000")))
	b := mustRun(t, testScenario(scenario.Fixed(benefit.Yuan(20)), reg(bj, 1000, "200", "100000000")))
	c := compare.Results(a, b)
	want := []struct{ level, total, local string }{{"10.00", "120000.00", "120000.00"}, {"20.00", "240000.00", "240000.00"}, {"30.00", "360000.00", "360000.00"}}
	if len(c.Rows) != 3 {
		t.Fatalf("rows %d", len(c.Rows))
	}
	for i, w := range want {
		d := c.Rows[i]
		if d.Level.String() != w.level || d.Total.String() != w.total || d.Local.String() != w.local || d.Only != "" {
			t.Errorf("%d: Δ level %s total %s local %s, want %+v", d.Year, d.Level, d.Total, d.Local, w)
		}
	}
	d := c.Rows[0]
	if d.BurdenA.String() != "1.662%" || d.BurdenB.String() != "1.782%" || d.Burden.String() != "0.12%" {
		t.Errorf("burden %s → %s (Δ %s)", d.BurdenA, d.BurdenB, d.Burden)
	}
	if c.Years[2].Total.String() != "360000.00" || c.A.ScenarioSHA256 == c.B.ScenarioSHA256 {
		t.Errorf("year diff %s; hashes %s %s", c.Years[2].Total, c.A.ScenarioSHA256, c.B.ScenarioSHA256)
	}
	// a region only in B
	b2 := mustRun(t, testScenario(scenario.Fixed(benefit.Yuan(20)), reg(bj, 1000, "200", "100000000"), reg(sc, 1, "130", "1")))
	c = compare.Results(a, b2)
	if len(c.Rows) != 6 || c.Rows[3].Only != "b" || c.Rows[3].Level.String() != "150.00" {
		t.Errorf("only-in-b rows: %+v", c.Rows[3])
	}
	// The comparison's text is tested in package output (TestComparisonText).
}

// Sweep of the fixed amount 0, 10, 20 for 山东 (see TestInfeasible: 1,000
// persons at 143, cap 1,000,000 = 1 % of 100,000,000; local share at
// x ≥ F is 12,000·x − 6,000·F):
//
//	+0:  143 (2025, the proposal equals the floor), 163 (floor), 183 (floor, infeasible)
//	     total 12,000 · (143 + 163 + 183) = 5,868,000
//	+10: 153, 163, 183 → 12,000 · 499 = 5,988,000
//	+20: 2025 proposal 163: local 1,098,000 > cap; 12,000·x ≤ 1,858,000 → 154;
//	     2026 proposal 174: x ≤ (1,000,000 + 978,000)/12,000 → 164;
//	     2027: 183 infeasible → 12,000 · 501 = 6,012,000
//
// Every value leaves 山东 infeasible in 2027 with a transfer of 98,000.
func TestSweep(t *testing.T) {
	s := testScenario(scenario.Fixed(benefit.Yuan(10)), reg(sd, 1000, "143", "100000000"))
	s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: benefit.Percent(1)}
	vals, err := compare.AmountRange(benefit.Yuan(0), benefit.Yuan(20), benefit.Yuan(10))
	if err != nil || len(vals) != 3 || vals[0].String() != "0.00" || vals[1].String() != "10.00" || vals[2].String() != "20.00" {
		t.Fatalf("values %v %v", vals, err)
	}
	// 100 down to 0 by 5 is empty: an error, not a sweep of nothing.
	if v, err := compare.AmountRange(benefit.Yuan(100), benefit.Yuan(0), benefit.Yuan(5)); err == nil {
		t.Errorf("descending range: got %v and no error", v)
	}
	sw, err := compare.Sweep(t.Context(), s, compare.RuleAmount(vals...), adjust.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sw.Parameter != "rule.amount" {
		t.Errorf("parameter %q, want rule.amount", sw.Parameter)
	}
	pts := sw.Points
	totals := []string{"5868000.00", "5988000.00", "6012000.00"}
	for i, p := range pts {
		if p.Cost.Total.String() != totals[i] || p.Transfer.String() != "98000.00" ||
			len(p.Infeasible) != 1 || p.Infeasible[0] != sd || p.FirstInfeasible[0] != 2027 {
			t.Errorf("value %s: total %s transfer %s infeasible %v %v", p.Value, p.Cost.Total, p.Transfer, p.Infeasible, p.FirstInfeasible)
		}
	}
	// The sweep's text table is tested in package output (TestSweepText).
	// A part the rule does not have (a fixed rule has no parts) names the
	// parameter; a parameter the rule does not read fails validation.
	_, err = compare.Sweep(t.Context(), s, compare.RuleAmount(vals...).InPart(1), adjust.Options{})
	if re, ok := errors.AsType[*benefit.RecordError](err); !ok || re.Field != "rule.parts[1].amount" || !errors.Is(err, benefit.ErrSyntax) {
		t.Errorf("bad part: %v", err)
	}
	_, err = compare.Sweep(t.Context(), s, compare.RulePercent(benefit.Percent(1)), adjust.Options{})
	if !errors.Is(err, benefit.ErrSyntax) || !strings.Contains(err.Error(), "rule.percent = 1%") {
		t.Errorf("bad value: %v", err)
	}
	if s.Rule.Percent != nil || !s.Rule.Amount.Equal(benefit.Yuan(10)) {
		t.Errorf("Sweep changed the scenario it was given: %v", s.Rule)
	}
}

// A parameter of a part of a sum rule is named by its JSON path, and
// the fiscal cap's percent needs a fiscal cap to sweep.
func TestSweepParams(t *testing.T) {
	s := testScenario(scenario.Sum(scenario.PassThrough(), scenario.PercentOfLevel(benefit.Percent(1))), reg(sd, 1000, "143", "100000000"))
	sw, err := compare.Sweep(t.Context(), s, compare.RulePercent(benefit.Percent(1), benefit.MustParseRate("2.5%")).InPart(1), adjust.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sw.Parameter != "rule.parts[1].percent" || len(sw.Points) != 2 || sw.Points[0].Value != "1%" || sw.Points[1].Value != "2.5%" ||
		sw.Points[0].Run.ScenarioSHA256 == sw.Points[1].Run.ScenarioSHA256 {
		t.Errorf("sweep of a part: %s %+v", sw.Parameter, sw.Points)
	}
	if !s.Rule.Parts[1].Percent.Equal(benefit.Percent(1)) {
		t.Errorf("Sweep changed the scenario's rule: %v", s.Rule)
	}
	_, err = compare.Sweep(t.Context(), s, compare.FiscalCapPercent(benefit.Percent(1)), adjust.Options{})
	if re, ok := errors.AsType[*benefit.RecordError](err); !ok || re.Field != "constraints.fiscal_cap" || !errors.Is(err, benefit.ErrSyntax) {
		t.Errorf("fiscal cap percent without a cap: %v", err)
	}
	_, err = compare.Sweep(t.Context(), s, compare.FloorStep(benefit.Yuan(5)).InPart(0), adjust.Options{})
	if re, ok := errors.AsType[*benefit.RecordError](err); !ok || re.Field != "floor.projection.step" {
		t.Errorf("parts of a parameter that is not a rule's: %v", err)
	}
}

// A sweep runs at most 10,000 values and at most 1,000,000
// region-years in all. The default
// scenario is 31 regions × 5 years = 155 region-years a run: 6,452
// values are 6,452 × 155 = 1,000,060 region-years, one run past the
// bound (6,451 × 155 = 999,905 is within it); 10,001 values are one past
// the count. Each is an error wrapping benefit.ErrRange before any run.
func TestSweepBounds(t *testing.T) {
	def, err := defaultScenario()
	if err != nil {
		t.Fatal(err)
	}
	if _, err = compare.Sweep(context.Background(), def, compare.FiscalCapPercent(benefit.Percent(1)), adjust.Options{Workers: 33}); !errors.Is(err, benefit.ErrRange) {
		t.Errorf("sweep with 33 workers: %v; want ErrRange", err)
	}
	s, err := defaultScenario()
	if err != nil {
		t.Fatal(err)
	}
	values := func(n int) []benefit.Rate {
		v := make([]benefit.Rate, n)
		for i := range v {
			v[i] = benefit.Percent(int64(i % 100))
		}
		return v
	}
	for _, tc := range []struct {
		n    int
		want string
	}{
		{6452, "sweep of 6452 values × 31 regions × 5 years: benefit: value out of range: 1000060 region-years, at most 1,000,000"},
		{10_001, "sweep of 10001 values: benefit: value out of range: at most 10,000"},
	} {
		ran := false
		r, err := compare.Sweep(context.Background(), s, compare.FiscalCapPercent(values(tc.n)...), adjust.Options{Progress: func(adjust.Progress) { ran = true }})
		if r != nil || ran || !errors.Is(err, benefit.ErrRange) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%d values: ran %v, err %v; want %q, nothing run", tc.n, ran, err, tc.want)
		}
	}
	// AmountRange stops at the same count: 0 to 10,000 by 1 is 10,001 values.
	if _, err := compare.AmountRange(benefit.Yuan(0), benefit.Yuan(10_000), benefit.Yuan(1)); !errors.Is(err, benefit.ErrRange) {
		t.Errorf("AmountRange of 10,001: %v; want ErrRange", err)
	}
	if v, err := compare.AmountRange(benefit.Yuan(1), benefit.Yuan(10_000), benefit.Yuan(1)); err != nil || len(v) != 10_000 || v[9999].String() != "10000.00" {
		t.Errorf("AmountRange of 10,000: %d values, %v", len(v), err)
	}
}

// defaultScenario decodes the shipped residents' pension, the default of
// `benefitstd simulate`.
func defaultScenario() (scenario.Scenario, error) {
	b, err := scenario.Builtin("residents-pension")
	if err != nil {
		return scenario.Scenario{}, err
	}
	return b.Scenario()
}
