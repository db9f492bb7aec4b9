package adjust

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

func TestHashCanonical(t *testing.T) {
	s := testScenario(scenario.Fixed(benefit.Yuan(10)), reg(bj, 1000, "200", "1"), reg(sc, 2000, "130", "1"))
	h1, _ := hash(&s)
	// region order does not change the canonical form
	s2 := testScenario(scenario.Fixed(benefit.Yuan(10)), reg(sc, 2000, "130", "1"), reg(bj, 1000, "200", "1"))
	h2, _ := hash(&s2)
	// neither does the spelling of an amount ("10" and "10.00")
	s3 := testScenario(scenario.Fixed(benefit.MustParseAmount("10.000")), reg(bj, 1000, "200.0", "1"), reg(sc, 2000, "130", "1.00"))
	h3, _ := hash(&s3)
	if h1 != h2 || h1 != h3 || len(h1) != 64 {
		t.Errorf("hashes %s %s %s", h1, h2, h3)
	}
	// nor does the order of the years, nor a revenue year that is the
	// base year anyway (2024)
	y := func(s *scenario.Scenario, order ...int) {
		for _, yr := range order {
			s.Years = append(s.Years, scenario.YearAssumptions{Year: yr, Assumptions: scenario.Assumptions{CPI: ratep("2%")}})
			s.Regions[0].Years = append(s.Regions[0].Years, scenario.YearAssumptions{Year: yr, Assumptions: scenario.Assumptions{WageGrowth: ratep("3%")}})
		}
	}
	s4, s5 := s3, s3
	s4.Regions, s5.Regions = slices.Clone(s3.Regions), slices.Clone(s3.Regions)
	y(&s4, 2025, 2026)
	y(&s5, 2026, 2025)
	s5.RevenueYear = 2024
	h4, _ := hash(&s4)
	h5, _ := hash(&s5)
	if h4 != h5 || h4 == h1 {
		t.Errorf("years in another order: %s %s", h4, h5)
	}
	// a JSON round trip gives the equal scenario
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	back, err := LoadScenario(bytes.NewReader(b), "roundtrip.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if h, _ := hash(&back); h != h1 {
		t.Errorf("round trip hash %s, want %s", h, h1)
	}
	// a different value gives a different hash, and the run carries it
	s.Regions[0].Beneficiaries++
	if h, _ := hash(&s); h == h1 {
		t.Error("hash did not change")
	}
	if r := mustRun(t, s2); r.Run.ScenarioSHA256 != h1 || r.Run.Version != Version || r.Run.Regions != "" {
		t.Errorf("run record %+v", r.Run)
	}
	// a caller's own region table is not covered by the hash: the record says so
	// (371200 莱芜市, a prefecture of 山东 until 2019: MCA list 2016-12)
	tab, err := region.Default().WithDivisions(strings.NewReader("code,name,level,parent,name_en\n371200,莱芜市,prefecture,370000,Laiwu\n"), "mine.csv")
	if err != nil {
		t.Fatal(err)
	}
	if r, err := Run(t.Context(), s2, Options{Regions: tab}); err != nil || r.Run.Regions != "custom" {
		t.Errorf("custom table: %v %+v", err, r)
	}
}

func TestContextAndProgress(t *testing.T) {
	s := testScenario(scenario.Fixed(benefit.Yuan(10)), reg(bj, 1, "200", "1"), reg(sc, 1, "130", "1"), reg(sd, 1, "150", "1"))
	var seen []Progress
	if _, err := Run(t.Context(), s, Options{Workers: 2, Progress: func(p Progress) { seen = append(seen, p) }}); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 3 || seen[2].Done != 3 || seen[2].Total != 3 {
		t.Errorf("progress %+v", seen)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := Run(ctx, s, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: %v", err)
	}
	// cancelled in the middle of a run of the 31 provinces: Run returns
	// the cause and leaves no goroutine behind
	all := testScenario(scenario.Fixed(benefit.Yuan(10)))
	for _, c := range provinces {
		all.Regions = append(all.Regions, reg(c, 1000, "200", "1"))
	}
	before := runtime.NumGoroutine()
	for range 20 {
		ctx, cancel := context.WithCancel(t.Context())
		_, err := Run(ctx, all, Options{Workers: 3, Progress: func(p Progress) {
			if p.Done == 2 {
				cancel()
			}
		}})
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled mid-run: %v", err)
		}
	}
	for i := 0; runtime.NumGoroutine() > before && i < 100; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after cancelled runs, %d before", n, before)
	}
}

// The shipped floor history (floor/data/national.json): 123 in 2024 and
// 143 from 2025-01 (143 [V], China Daily Dec 2025; announced, the month
// not sourced).
func TestShippedFloor(t *testing.T) {
	s := testScenario(scenario.Fixed(benefit.Yuan(0)), reg(bj, 1, "200", "1"))
	s.Floor.History = nil
	s.Floor.ShippedThrough = 2025
	r := mustRun(t, s)
	if r.Floors[0].Amount.String() != "123.00" || r.Floors[1].Amount.String() != "143.00" || r.Floors[1].Status != benefit.Announced ||
		r.Floors[2].Amount.String() != "163.00" || r.Floors[2].Status != benefit.Projected {
		t.Errorf("floors %+v", r.Floors)
	}
}

// Floor indexation: 50 % × wage 6 % + 50 % × CPI 2 % = 4 %:
// 143 × 1.04 = 148.72 → 149; 149 × 1.04 = 154.96 → 155.
func TestFloorIndexProjection(t *testing.T) {
	s := testScenario(scenario.Fixed(benefit.Yuan(0)), reg(bj, 1, "200", "1"))
	s.Floor.Projection = floor.Trend{Kind: floor.TrendIndex, WageWeight: ratep("50%"), CPIWeight: ratep("50%")}
	s.Assumptions = scenario.Assumptions{WageGrowth: ratep("6%"), CPI: ratep("2%")}
	r := mustRun(t, s)
	if r.Floors[2].Amount.String() != "149.00" || r.Floors[3].Amount.String() != "155.00" {
		t.Errorf("floors %s %s", r.Floors[2].Amount, r.Floors[3].Amount)
	}
	s.Assumptions = scenario.Assumptions{}
	if _, err := Run(t.Context(), s, Options{}); !errors.Is(err, scenario.ErrMissingAssumption) {
		t.Errorf("missing projection assumption: %v", err)
	}
}

// With cuts allowed, the floor check reports the cut as a no_cut
// warning on the year it happens (200 → 180 in 2025).
func TestFloorCheckFindings(t *testing.T) {
	s := testScenario(scenario.PercentOfLevel(benefit.MustParseRate("-10%")), reg(bj, 1, "200", "1"))
	s.Constraints.AllowCuts = true
	r := mustRun(t, s)
	ry, _ := r.Get(bj, 2025)
	if len(ry.Findings) != 1 || ry.Findings[0].Rule != "no_cut" || ry.Findings[0].Shortfall.String() != "20.00" {
		t.Errorf("findings %+v", ry.Findings)
	}
	if r.Years[0].Findings != 1 {
		t.Errorf("summary findings %d", r.Years[0].Findings)
	}
}

// The renderings of a Result are tested in package output
// (TestResultRenderings).

// testdata/worked-infeasible.json is the JSON form of TestInfeasible's
// Go scenario: both have the same canonical hash and the same result.
func TestJSONEqualsGoValue(t *testing.T) {
	f, err := os.Open("testdata/worked-infeasible.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fromJSON, err := LoadScenario(f, "testdata/worked-infeasible.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	goValue := testScenario(scenario.Fixed(benefit.Yuan(10)), reg(sd, 1000, "143", "100000000"))
	goValue.Name = fromJSON.Name
	goValue.Note = fromJSON.Note
	goValue.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: benefit.Percent(1)}
	hj, _ := hash(&fromJSON)
	hg, _ := hash(&goValue)
	if hj != hg {
		a, _ := fromJSON.Canonical()
		b, _ := goValue.Canonical()
		t.Fatalf("hashes differ:\n%s\n%s", a, b)
	}
	if !bytes.Equal(resultJSON(t, mustRun(t, fromJSON)), resultJSON(t, mustRun(t, goValue))) {
		t.Error("results differ")
	}
	if ry, _ := mustRun(t, fromJSON).Get(sd, 2027); !ry.Infeasible || ry.Transfer.String() != "98000.00" {
		t.Errorf("2027: %+v", ry)
	}
}
