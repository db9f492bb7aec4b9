package adjust

import (
	"bytes"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/scenario"
)

// The integer kernel is what runs a scenario whose figures are whole fen:
// it applies to every region of the hand-worked scenarios of
// engine_test.go (each rule kind, each constraint, both fiscal-cap bases,
// an infeasible year, a cap met exactly, beneficiary and revenue
// growth, a year-specific rate), of a grid of 10 yuan and of the
// default scenario, and gives
// the rows the decimal path gives. The hand-worked tests pin the values;
// this pins that they come from the kernel, so a guard that sent a
// whole-fen region to the decimal path in error is a failure, not only
// slower. A level or a revenue with a fraction of a fen leaves the
// kernel.
func TestKernelApplies(t *testing.T) {
	withCap := func(s scenario.Scenario, basis scenario.CapBasis, pct string) scenario.Scenario {
		s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: basis, Percent: benefit.MustParseRate(pct)}
		return s
	}
	index := testScenario(scenario.Indexation(benefit.Percent(50), benefit.Percent(50), benefit.Percent(1)), reg(bj, 1000, "200", "1"))
	index.Assumptions = scenario.Assumptions{WageGrowth: ratep("6%"), CPI: ratep("2%")}
	index.Regions[0].Years = []scenario.YearAssumptions{{Year: 2026, Assumptions: scenario.Assumptions{CPI: ratep("4%")}}}
	maxStep := testScenario(scenario.PassThrough(), reg(bj, 1, "200", "1"), reg(sc, 1, "130", "1"))
	maxStep.Constraints.MaxStep = amtp("15")
	maxPct := testScenario(scenario.Fixed(benefit.Yuan(20)), reg(bj, 1, "200", "1"))
	maxPct.Constraints.MaxStepPercent = ratep("5%")
	cuts := testScenario(scenario.PercentOfLevel(benefit.MustParseRate("-10%")), reg(bj, 1, "200", "1"))
	cutsAllowed := cuts
	cutsAllowed.Constraints.AllowCuts = true
	growth := withCap(testScenario(scenario.Fixed(benefit.Yuan(20)), reg(bj, 1000, "200", "100000000")), scenario.OfRevenueGrowth, "1%")
	growth.Assumptions.RevenueGrowth = ratep("2%")
	people := testScenario(scenario.Fixed(benefit.Yuan(0)), reg(bj, 1005, "200", "1"))
	people.Assumptions.BeneficiaryGrowth = ratep("10%")
	tenYuan := testScenario(scenario.PercentOfLevel(benefit.Percent(5)), reg(bj, 1000, "200", "1"), reg(sc, 2000, "135", "1"))
	tenYuan.Rounding = &benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.HalfUp}
	// the kernel's bounds are inclusive: a fixed cut or a step cap of the
	// largest amount, 999,999,999,999,999.99 yuan (maxLevelFen), a level
	// of the largest whole yuan kept as it is, maxBeneficiaries persons
	hugeCut := testScenario(scenario.Fixed(benefit.MustParseAmount("-999999999999999.99")), reg(bj, 1000, "200", "1"))
	hugeCut.Constraints.AllowCuts = true
	hugeStep := testScenario(scenario.Fixed(benefit.Yuan(10)), reg(bj, 1000, "200", "1"))
	hugeStep.Constraints.MaxStep = amtp("999999999999999.99")
	// a region that gives all four rates the kernel reads itself (the
	// scenario's are zero): see TestKernelHandWorked
	own := ownRatesScenario()
	ownYear := ownYearRatesScenario()
	// eight pass-through and eight catch-up parts: the most the kernel
	// takes (see TestKernelHandWorked)
	passes := make([]scenario.Rule, 8)
	catchUps := make([]scenario.Rule, 8)
	for i := range passes {
		passes[i], catchUps[i] = scenario.PassThrough(), scenario.CatchUp(benefit.Yuan(5))
	}
	topCut := testScenario(scenario.Fixed(benefit.Yuan(-100)), reg(bj, 1, "999999999999999.99", "0"))
	topCut.Constraints.AllowCuts = true
	def, err := defaultScenario()
	if err != nil {
		t.Fatal(err)
	}
	whole := map[string]scenario.Scenario{
		"fixed":              testScenario(scenario.Fixed(benefit.Yuan(10)), reg(bj, 1000, "200", "1"), reg(sc, 2000, "130", "1")),
		"percent":            testScenario(scenario.PercentOfLevel(benefit.Percent(5)), reg(bj, 1000, "200", "1")),
		"index":              index,
		"catch-up":           testScenario(scenario.CatchUp(benefit.Yuan(5)), reg(bj, 1, "200", "1"), reg(sc, 1, "130", "1"), reg(sd, 1, "150", "1")),
		"pass-through":       testScenario(scenario.Sum(scenario.PassThrough(), scenario.Fixed(benefit.Yuan(5))), reg(bj, 1, "200", "1")),
		"max step":           maxStep,
		"max step percent":   maxPct,
		"no cut":             cuts,
		"cuts allowed":       cutsAllowed,
		"fiscal cap":         withCap(testScenario(scenario.Fixed(benefit.Yuan(50)), reg(bj, 1000, "200", "200000000")), scenario.OfRevenue, "1%"),
		"cap growth":         growth,
		"infeasible":         withCap(testScenario(scenario.Fixed(benefit.Yuan(10)), reg(sd, 1000, "143", "100000000")), scenario.OfRevenue, "1%"),
		"cap met exactly":    withCap(testScenario(scenario.Fixed(benefit.Yuan(10)), reg(sd, 1000, "143", "97800000")), scenario.OfRevenue, "1%"),
		"cap one fen short":  withCap(testScenario(scenario.Fixed(benefit.Yuan(10)), reg(sd, 1000, "143", "97799999")), scenario.OfRevenue, "1%"),
		"beneficiaries":      people,
		"default":            def,
		"grid of 10 yuan":    tenYuan,
		"largest cut":        hugeCut,
		"largest max step":   hugeStep,
		"own rates":          own,
		"cut from the top":   topCut,
		"largest level":      testScenario(scenario.Fixed(benefit.Yuan(0)), reg(bj, 1, "999999999999999", "0")),
		"most beneficiaries": testScenario(scenario.Fixed(benefit.Yuan(10)), reg(bj, maxBeneficiaries, "200", "1")),
		"own year rates":     ownYear,
		"8 pass-throughs":    testScenario(scenario.Sum(passes...), reg(bj, 1, "200", "1")),
		"8 catch-ups":        testScenario(scenario.Sum(catchUps...), reg(sc, 1, "130", "1")),
	}
	for name, s := range whole {
		p, err := prepare(&s, &Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !p.kp.ok {
			t.Errorf("%s: the kernel's plan is not ok", name)
			continue
		}
		for ri := range s.Regions {
			k := make([]RegionYear, s.Horizon)
			if !p.runRegionKernel(ri, k, &scratch{}) {
				t.Errorf("%s: region %s left the kernel", name, s.Regions[ri].Code)
				continue
			}
			d := make([]RegionYear, s.Horizon)
			if err := p.runRegionDecimal(ri, d); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if kj, dj := resultJSON(t, k), resultJSON(t, d); !bytes.Equal(kj, dj) {
				t.Errorf("%s: region %s: the kernel gives\n%s\nthe decimal path\n%s", name, s.Regions[ri].Code, kj, dj)
			}
		}
	}

	// Not whole fen: the kernel declines (the decimal path runs).
	for name, s := range map[string]scenario.Scenario{
		"level 200.005": testScenario(scenario.Fixed(benefit.Yuan(10)), reg(bj, 1000, "200.005", "1")),
		"revenue 1.001": testScenario(scenario.Fixed(benefit.Yuan(10)), reg(bj, 1000, "200", "1.001")),
	} {
		p, err := prepare(&s, &Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if p.kp.ok && p.runRegionKernel(0, make([]RegionYear, s.Horizon), &scratch{}) {
			t.Errorf("%s: the kernel ran a figure that is not whole fen", name)
		}
	}
}

// ownRatesScenario is 北京 at 200 under indexation 50 % × wage growth +
// 50 % × CPI, giving its own wage growth 10 %, CPI 2 % and beneficiary
// and revenue growth 0 %, where the scenario gives 0 % wage growth and
// CPI.
func ownRatesScenario() scenario.Scenario {
	s := testScenario(scenario.Indexation(benefit.Percent(50), benefit.Percent(50), benefit.Rate{}), reg(bj, 1000, "200", "1"))
	s.Assumptions = scenario.Assumptions{WageGrowth: ratep("0%"), CPI: ratep("0%")}
	s.Regions[0].Assumptions = scenario.Assumptions{WageGrowth: ratep("10%"), CPI: ratep("2%"), BeneficiaryGrowth: ratep("0%"), RevenueGrowth: ratep("0%")}
	return s
}

// ownYearRatesScenario is ownRatesScenario with 北京's four rates given
// for 2026 only.
func ownYearRatesScenario() scenario.Scenario {
	s := ownRatesScenario()
	s.Regions[0].Years = []scenario.YearAssumptions{{Year: 2026, Assumptions: s.Regions[0].Assumptions}}
	s.Regions[0].Assumptions = scenario.Assumptions{}
	return s
}

// Worked by hand, on the kernel (TestKernelApplies shows it runs them):
//
//   - own rates: g = 50 % × 10 % + 50 % × 2 % = 6 %: 200 × 1.06 = 212;
//     212 × 1.06 = 224.72 → 225; 225 × 1.06 = 238.5 → 239 (half-up);
//   - the same rates for 2026 only: 200 (g = 0 %: the proposal is the
//     level, so nothing binds), 212, 212;
//   - eight pass-throughs of the national +20 a year: +160 a year, 200 →
//     360, 520, 680;
//   - eight catch-ups to the floor + 5 from 130: 8 × (148 − 130) = 144 →
//     274; then the targets 168 and 188 are below 274: 274, 274.
func TestKernelHandWorked(t *testing.T) {
	passes := make([]scenario.Rule, 8)
	catchUps := make([]scenario.Rule, 8)
	for i := range passes {
		passes[i], catchUps[i] = scenario.PassThrough(), scenario.CatchUp(benefit.Yuan(5))
	}
	check(t, mustRun(t, ownRatesScenario()), []want{{bj, 2025, "212.00", BindNone, "", "", ""}, {bj, 2026, "225.00", BindNone, "", "", ""}, {bj, 2027, "239.00", BindNone, "", "", ""}})
	check(t, mustRun(t, ownYearRatesScenario()), []want{{bj, 2025, "200.00", BindNone, "", "", ""}, {bj, 2026, "212.00", BindNone, "", "", ""}, {bj, 2027, "212.00", BindNone, "", "", ""}})
	check(t, mustRun(t, testScenario(scenario.Sum(passes...), reg(bj, 1, "200", "1"))), []want{{bj, 2025, "360.00", BindNone, "", "", ""}, {bj, 2026, "520.00", BindNone, "", "", ""}, {bj, 2027, "680.00", BindNone, "", "", ""}})
	check(t, mustRun(t, testScenario(scenario.Sum(catchUps...), reg(sc, 1, "130", "1"))), []want{{sc, 2025, "274.00", BindNone, "", "", ""}, {sc, 2026, "274.00", BindNone, "", "", ""}, {sc, 2027, "274.00", BindNone, "", "", ""}})
}
