package adjust

import (
	"errors"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// The unemployment benefit (失业保险金) has no national floor: 失业保险条例
// 第十八条 keeps it strictly above the urban 低保 and strictly below the
// minimum wage, both the region's own figures, and the shipped floor set
// carries that as the relative rules ui.art18.above_dibao and
// ui.art18.below_min_wage (with ui.art47.not_below_dibao, 社会保险法 第四十七条,
// and the advisory ui.target90). The worked examples use Beijing's
// minimum wage as local-data §3 gives it, 2,420 from 2023-09 and 2,540
// from 2025-09 [V3], revised +5 % every 24 months after (illustrative):
//
//	2027-09: 2,540 × 1.05 = 2,667.00 → 2,667; 2029-09: 2,667 × 1.05 = 2,800.35 → 2,800
//
// (half-up to the yuan, the catalogue's rounding of reference.min_wage),
// so the figure in force in January is 2,540 in 2026 and 2027, 2,667 in
// 2028 and 2029, 2,800 in 2030. 低保 is Beijing's 1,245 from 2021-07 [V3],
// held unless a test revises it.

func minWageBJ() floor.Reference {
	return floor.Reference{
		History: []benefit.Version{
			{From: benefit.MustParseMonth("2023-09"), Amount: benefit.Yuan(2420), Status: benefit.Announced},
			{From: benefit.MustParseMonth("2025-09"), Amount: benefit.Yuan(2540), Status: benefit.Announced},
		},
		Revision: floor.Revision{Rate: ratep("5%")},
	}
}

func dibaoBJ(rev floor.Revision) floor.Reference {
	return floor.Reference{
		History:  []benefit.Version{{From: benefit.MustParseMonth("2021-07"), Amount: benefit.Yuan(1245), Status: benefit.Announced}},
		Revision: rev,
	}
}

func uiRegion(n int64, level string) scenario.Region {
	r := reg(bj, n, level, "0")
	r.References = map[string]floor.Reference{"reference.min_wage": minWageBJ(), "reference.dibao_urban": dibaoBJ(floor.Revision{})}
	return r
}

func uiScenario(rule scenario.Rule, regions ...scenario.Region) scenario.Scenario {
	return scenario.Scenario{
		Name: "worked example: unemployment benefit", Program: "employment.unemployment_insurance",
		Dims:      benefit.MustParseDims("period=1-12"),
		StartYear: 2026, Horizon: 5, Rule: rule, Regions: regions,
	}
}

// The share rule moves the benefit toward 90 % of the minimum wage in
// January of each year (人社部发〔2017〕71号), from 80 % in 2025, +2 points a
// year, rounded half-up to the yuan (the catalogue's rounding of the
// benefit):
//
//	2026: 82 % × 2,540 = 2,082.80 → 2,083 < 2,100, the current level: no cut keeps 2,100
//	2027: 84 % × 2,540 = 2,133.60 → 2,134
//	2028: 86 % × 2,667 = 2,293.62 → 2,294
//	2029: 88 % × 2,667 = 2,346.96 → 2,347
//	2030: 90 % × 2,800 = 2,520.00 → 2,520 (the target; 91 % is not reached)
//
// 低保 1,245 revised +4 % every 12 months from 2022-07 (illustrative):
// 1,294.80 → 1,295; 1,346.80 → 1,347; 1,400.88 → 1,401; 1,457.04 →
// 1,457 (2025-07); 1,515.28 → 1,515 (2026-07): the highest of 2026 is
// 1,515, and the least benefit above it on the yuan grid 1,516.
func TestUnemploymentSharePath(t *testing.T) {
	r := uiRegion(60000, "2100")
	r.References["reference.dibao_urban"] = dibaoBJ(floor.Revision{EveryMonths: 12, Rate: ratep("4%")})
	s := uiScenario(scenario.Share("reference.min_wage", benefit.MustParseRate("80%"), benefit.MustParseRate("2%"), benefit.MustParseRate("90%")), r)
	res := mustRun(t, s)
	check(t, res, []want{
		{bj, 2026, "2100.00", BindNoCut, "", "", ""},
		{bj, 2027, "2134.00", BindNone, "", "", ""},
		{bj, 2028, "2294.00", BindNone, "", "", ""},
		{bj, 2029, "2347.00", BindNone, "", "", ""},
		{bj, 2030, "2520.00", BindNone, "", "", ""},
	})
	ry, _ := res.Get(bj, 2026)
	got := map[string]string{}
	for _, b := range ry.Bounds {
		got[b.Rule] = b.Kind.String() + " " + b.Figure.String() + " → " + b.Limit.String() + " " + b.Status.String()
	}
	for rule, w := range map[string]string{
		"ui.art18.above_dibao":     "lower 1515.00 → 1516.00 projected",
		"ui.art47.not_below_dibao": "lower 1515.00 → 1515.00 projected",
		"ui.art18.below_min_wage":  "upper 2540.00 → 2539.00 announced",
	} {
		if got[rule] != w {
			t.Errorf("2026 bound %s = %q, want %q", rule, got[rule], w)
		}
	}
	// the cost: 12 × 60,000 × 2,100 = 1,512,000,000.00, all from the fund
	if ry.Cost.Total.String() != "1512000000.00" || !ry.Cost.Central.IsZero() || res.CostSharing.Title == "" {
		t.Errorf("2026 cost %+v (citation %q), want 1512000000.00 paid by the fund", ry.Cost, res.CostSharing.Title)
	}
	if len(res.Floors) != 6 || !res.Floors[1].Amount.IsZero() || res.Floors[1].Status != benefit.Unknown || !strings.HasPrefix(res.Run.Floors, "none") {
		t.Errorf("floors %+v, run record %q: want no national floor", res.Floors, res.Run.Floors)
	}
	// the floor check: below 90 % of the minimum wage until 2030 is
	// advisory (ui.target90), and nothing breaks 第十八条
	var target90 []int
	for _, ry := range res.Rows {
		for _, f := range ry.Findings {
			switch {
			case f.Rule == "ui.target90" && f.Severity == floor.Advisory:
				if len(target90) == 0 || target90[len(target90)-1] != ry.Year {
					target90 = append(target90, ry.Year)
				}
			default:
				t.Errorf("%d: finding %s %s: %s", ry.Year, f.Rule, f.Severity, f.Message())
			}
		}
	}
	if len(target90) != 4 || target90[0] != 2026 || target90[3] != 2029 {
		t.Errorf("ui.target90 advisories in %v, want 2026-2029", target90)
	}
}

// An unemployment path that stops one fen below the minimum wage: on a
// grid of fen (a scenario rounding half-up to 0.01, where a province sets
// its standard to the fen), 2,300 + 400 = 2,700.00 passes the minimum
// wage of 2,540 in force all of 2026; 第十八条 wants the benefit strictly
// below it, so the largest level allowed is 2,540.00 − 0.01 = 2,539.99,
// and the binding constraint names the article's rule. In 2027 the
// proposal 2,939.99 meets the same minimum wage (2,540 until 2027-09):
// 2,539.99 again. On the catalogue's grid of yuan the same path stops at
// 2,539.
func TestUnemploymentStopsOneFenBelowMinWage(t *testing.T) {
	for _, tc := range []struct {
		rounding *benefit.Rounding
		want     string
	}{
		{&benefit.Rounding{Unit: benefit.Fen, Mode: benefit.HalfUp}, "2539.99"},
		{nil, "2539.00"},
	} {
		s := uiScenario(scenario.Fixed(benefit.Yuan(400)), uiRegion(1000, "2300"))
		s.Horizon, s.Rounding = 2, tc.rounding
		res := mustRun(t, s)
		for _, y := range []int{2026, 2027} {
			ry, _ := res.Get(bj, y)
			if ry.Level.String() != tc.want || ry.Binding != "ui.art18.below_min_wage" {
				t.Errorf("%s %d: level %s bound by %s, want %s bound by ui.art18.below_min_wage", s.Rounding, y, ry.Level, ry.Binding, tc.want)
			}
			for _, f := range ry.Findings {
				if f.Severity == floor.Violation {
					t.Errorf("%d: %s", y, f)
				}
			}
		}
	}
}

// A level equal to the minimum wage breaks 第十八条: a benefit of 2,540 in
// 2025 is cut to 2,539 in 2026, the law winning over no cut (只增不减),
// and the binding constraint names the article.
func TestUnemploymentLawWinsOverNoCut(t *testing.T) {
	s := uiScenario(scenario.Fixed(benefit.Yuan(0)), uiRegion(1000, "2540"))
	s.Horizon = 1
	res := mustRun(t, s)
	check(t, res, []want{{bj, 2026, "2539.00", "ui.art18.below_min_wage", "", "", ""}})
}

// The fund (失业保险基金) pays the benefit; it must end each year with 12
// months of benefits. 100 persons, a balance of 3,000,000 at the end of
// 2025 and an inflow of 500,000 a year:
//
//	2026: (12 + 12) × 100 × x ≤ 3,000,000 + 500,000 ⇒ x ≤ 1,458.33… → 1,458 (the rule's 2,083 is cut: "fund")
//	      benefits 12 × 100 × 1,458 = 1,749,600; closing 3,500,000 − 1,749,600 = 1,750,400,
//	      ⌊12 × 1,750,400 ÷ 1,749,600⌋ = 12 months
//	2027: x ≤ (1,750,400 + 500,000) ÷ 2,400 = 937.66… → 937, below the level
//	      of 2026 (no cut: 1,458): infeasible; the fund lacks
//	      24 × 100 × 1,458 − 2,250,400 = 1,248,800, the transfer, and
//	      closes at its reserve 12 × 100 × 1,458 = 1,749,600
func TestUnemploymentFund(t *testing.T) {
	r := uiRegion(100, "1400")
	r.Fund = &scenario.Fund{Balance: benefit.Yuan(3000000), Inflow: benefit.Yuan(500000)}
	s := uiScenario(scenario.Share("reference.min_wage", benefit.MustParseRate("80%"), benefit.MustParseRate("2%"), benefit.MustParseRate("90%")), r)
	s.Horizon = 2
	s.Constraints.Fund = &scenario.FundReserve{Months: 12}
	res := mustRun(t, s)
	check(t, res, []want{
		{bj, 2026, "1458.00", BindFund, "", "", ""},
		{bj, 2027, "1458.00", BindNoCut, "", "", ""},
	})
	y1, _ := res.Get(bj, 2026)
	y2, _ := res.Get(bj, 2027)
	for _, c := range []struct{ name, got, want string }{
		{"2026 benefits", y1.Fund.Benefits.String(), "1749600.00"},
		{"2026 closing", y1.Fund.Closing.String(), "1750400.00"},
		{"2026 reserve", y1.Fund.Reserve.String(), "1749600.00"},
		{"2027 opening", y2.Fund.Opening.String(), "1750400.00"},
		{"2027 transfer", y2.Transfer.String(), "1248800.00"},
		{"2027 closing", y2.Fund.Closing.String(), "1749600.00"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %s, want %s", c.name, c.got, c.want)
		}
	}
	if y1.Fund.Months != 12 || y1.Infeasible || !y2.Infeasible || y2.Fund.Months != 12 {
		t.Errorf("months %d/%d infeasible %v/%v; want 12/12, false/true", y1.Fund.Months, y2.Fund.Months, y1.Infeasible, y2.Infeasible)
	}
	if res.Years[1].Transfer.String() != "1248800.00" || res.Years[1].Infeasible != 1 {
		t.Errorf("2027 summary: transfer %s, infeasible %d", res.Years[1].Transfer, res.Years[1].Infeasible)
	}
}

// The minimum wage is projected on its cadence: at least every 24 months
// (最低工资规定 第十条, the floor set's cadence). A revision every 36 months
// is refused; one every 12 is kept; no revision leaves it stale for the
// floor check.
func TestReferenceCadence(t *testing.T) {
	r := uiRegion(1000, "2100")
	mw := minWageBJ()
	mw.Revision.EveryMonths = 36
	r.References["reference.min_wage"] = mw
	sc := uiScenario(scenario.Fixed(benefit.Yuan(10)), r)
	err := Validate(&sc, Options{})
	var re *benefit.RecordError
	if !errors.Is(err, benefit.ErrRange) || !errors.As(err, &re) || re.Field != `regions[0].references["reference.min_wage"].revision.every_months` {
		t.Fatalf("every 36 months: %v", err)
	}
	mw.Revision = floor.Revision{}
	r.References["reference.min_wage"] = mw
	res := mustRun(t, uiScenario(scenario.Fixed(benefit.Yuan(10)), r))
	stale := false
	for _, ry := range res.Rows {
		for _, f := range ry.Findings {
			stale = stale || (f.Program == "reference.min_wage" && f.Rule == floor.RuleStale)
		}
	}
	if !stale {
		t.Error("a minimum wage held from 2025-09 to 2030 is not reported stale")
	}
}

func TestUnemploymentValidation(t *testing.T) {
	share := scenario.Share("reference.min_wage", benefit.MustParseRate("80%"), benefit.MustParseRate("2%"), benefit.MustParseRate("90%"))
	cases := []struct {
		name  string
		edit  func(s *scenario.Scenario)
		field string
		err   error
	}{
		{"no minimum wage", func(s *scenario.Scenario) { delete(s.Regions[0].References, "reference.min_wage") }, "regions[0].references", scenario.ErrMissingAssumption},
		{"no dibao", func(s *scenario.Scenario) { delete(s.Regions[0].References, "reference.dibao_urban") }, "regions[0].references", scenario.ErrMissingAssumption},
		{"unknown reference", func(s *scenario.Scenario) { s.Regions[0].References["reference.nope"] = dibaoBJ(floor.Revision{}) }, `regions[0].references["reference.nope"]`, benefit.ErrUnknownProgram},
		{"history after the base year", func(s *scenario.Scenario) {
			mw := minWageBJ()
			mw.History = mw.History[1:]
			mw.History[0].From = benefit.MustParseMonth("2026-03")
			s.Regions[0].References["reference.min_wage"] = mw
		}, `regions[0].references["reference.min_wage"].history`, scenario.ErrMissingAssumption},
		{"no status", func(s *scenario.Scenario) {
			d := dibaoBJ(floor.Revision{})
			d.History[0].Status = benefit.Unknown
			s.Regions[0].References["reference.dibao_urban"] = d
		}, `regions[0].references["reference.dibao_urban"].history[0].status`, benefit.ErrNoStatus},
		{"dibao revised without a cadence", func(s *scenario.Scenario) {
			s.Regions[0].References["reference.dibao_urban"] = dibaoBJ(floor.Revision{Rate: ratep("3%")})
		}, `regions[0].references["reference.dibao_urban"].revision.every_months`, benefit.ErrSyntax},
		{"rate and amount", func(s *scenario.Scenario) {
			s.Regions[0].References["reference.dibao_urban"] = dibaoBJ(floor.Revision{EveryMonths: 12, Rate: ratep("3%"), Amount: amtp("10")})
		}, `regions[0].references["reference.dibao_urban"].revision.rate`, benefit.ErrSyntax},
		{"share without from", func(s *scenario.Scenario) { s.Rule.From = nil }, "rule.from", benefit.ErrSyntax},
		{"negative step", func(s *scenario.Scenario) { s.Rule.Step = ratep("-1%") }, "rule.step", benefit.ErrNegative},
		{"fiscal cap on a fund", func(s *scenario.Scenario) {
			s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: benefit.MustParseRate("1%")}
		}, "constraints.fiscal_cap", benefit.ErrSyntax},
		{"fund constraint without a fund", func(s *scenario.Scenario) { s.Constraints.Fund = &scenario.FundReserve{Months: 6} }, "regions[0].fund", scenario.ErrMissingAssumption},
		{"negative balance", func(s *scenario.Scenario) { s.Regions[0].Fund = &scenario.Fund{Balance: benefit.Yuan(-1)} }, "regions[0].fund.balance", benefit.ErrNegative},
		{"reserve months", func(s *scenario.Scenario) { s.Constraints.Fund = &scenario.FundReserve{Months: -1} }, "constraints.fund.months", benefit.ErrRange},
		{"national rate on the benefit", func(s *scenario.Scenario) { s.Constraints.NationalRate = &scenario.NationalCap{} }, "constraints.national_rate", benefit.ErrSyntax},
		// without a national floor the rule's drivers are wanted as with one,
		// not read as 0 %
		{"index rule without wage growth", func(s *scenario.Scenario) {
			s.Rule = scenario.Indexation(benefit.Percent(50), benefit.Rate{}, benefit.Rate{})
		}, "rule.wage_weight", scenario.ErrMissingAssumption},
		{"低保 above the minimum wage", func(s *scenario.Scenario) {
			s.Regions[0].References["reference.dibao_urban"] = floor.Reference{History: []benefit.Version{{From: benefit.MustParseMonth("2024-01"), Amount: benefit.Yuan(2600), Status: benefit.Illustrative}}}
		}, "regions[0].references", benefit.ErrRange},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := uiScenario(share, uiRegion(1000, "2100"))
			tc.edit(&s)
			_, err := Run(t.Context(), s, Options{})
			var re *benefit.RecordError
			if !errors.Is(err, tc.err) || !errors.As(err, &re) || re.Field != tc.field {
				t.Fatalf("error %v, want %v at %s", err, tc.err, tc.field)
			}
		})
	}
	// the fund constraint is the fund's: the residents' pension is paid by the budgets
	s := testScenario(scenario.Fixed(benefit.Yuan(5)), reg(bj, 10, "143", "1000"))
	s.Constraints.Fund = &scenario.FundReserve{Months: 6}
	var re *benefit.RecordError
	if err := Validate(&s, Options{}); !errors.Is(err, benefit.ErrSyntax) || !errors.As(err, &re) || re.Field != "constraints.fund" {
		t.Errorf("fund constraint on a budget programme: %v", err)
	}
}

// From a later effective month (scenario.Scenario.EffectiveMonth, 按月计算) a
// year's level is in force twelve months from it, and its bounds and
// costs follow. From October: the level of 2026 runs 2026-10 to 2027-09,
// when the minimum wage is 2,540 until 2027-08 and 2,667 from 2027-09,
// so the lowest, 2,540, bounds it: 2,539; that of 2027 runs 2027-10 to
// 2028-09, all at 2,667: 2,666 (the fixed +400 proposes 2,939).
//
// The fund from July, 100 persons, 1,400 paid in 2025, 3,500,000 to pay
// from, 12 months kept: January-June pay 6 × 100 × 1,400 = 840,000, July-
// December 6 × 100 × x, and 12 × 100 × x stays:
//
//	840,000 + 600·x + 1,200·x ≤ 3,500,000 ⇒ x ≤ 1,477.77… → 1,477
//	benefits 840,000 + 600 × 1,477 = 1,726,200; closing 1,773,800
//	(reserve 1,772,400); ⌊12 × 1,773,800 ÷ 1,726,200⌋ = 12 months
func TestUnemploymentEffectiveMonth(t *testing.T) {
	s := uiScenario(scenario.Fixed(benefit.Yuan(400)), uiRegion(1000, "2300"))
	s.Horizon, s.EffectiveMonth = 2, 10
	check(t, mustRun(t, s), []want{
		{bj, 2026, "2539.00", "ui.art18.below_min_wage", "", "", ""},
		{bj, 2027, "2666.00", "ui.art18.below_min_wage", "", "", ""},
	})

	r := uiRegion(100, "1400")
	r.Fund = &scenario.Fund{Balance: benefit.Yuan(3000000), Inflow: benefit.Yuan(500000)}
	s = uiScenario(scenario.Share("reference.min_wage", benefit.MustParseRate("80%"), benefit.MustParseRate("2%"), benefit.MustParseRate("90%")), r)
	s.Horizon, s.EffectiveMonth = 1, 7
	s.Constraints.Fund = &scenario.FundReserve{Months: 12}
	res := mustRun(t, s)
	check(t, res, []want{{bj, 2026, "1477.00", BindFund, "1726200.00", "0.00", "1726200.00"}})
	ry, _ := res.Get(bj, 2026)
	if f := ry.Fund; f.Closing.String() != "1773800.00" || f.Reserve.String() != "1772400.00" || f.Months != 12 {
		t.Errorf("fund %+v, want closing 1773800.00, reserve 1772400.00, 12 months", f)
	}
}

// The projected versions of all the references of a scenario are
// bounded: 200 regions revising the minimum wage by a yuan every month
// over 100 years would ask for about 200 × 1,212 = 242,400, more than
// 200,000.
func TestReferenceProjectionBound(t *testing.T) {
	var regions []scenario.Region
	for d := range region.Default().All() {
		if len(regions) == 200 {
			break
		}
		r := uiRegion(10, "2100")
		r.Code = d.Code
		mw := minWageBJ()
		mw.Revision = floor.Revision{EveryMonths: 1, Amount: amtp("1")}
		r.References["reference.min_wage"] = mw
		regions = append(regions, r)
	}
	s := uiScenario(scenario.Fixed(benefit.Yuan(1)), regions...)
	s.Horizon = 100
	var re *benefit.RecordError
	if err := Validate(&s, Options{}); !errors.Is(err, benefit.ErrRange) || !errors.As(err, &re) || !strings.HasSuffix(re.Field, "revision.every_months") {
		t.Fatalf("242,400 projected versions: %v", err)
	}
}

// The least raise and the ceiling of the veterans' allowance are not
// solved beside the unemployment benefit's bounds: refused, not ignored.
func TestDomainRefusesMinRaiseAndCeiling(t *testing.T) {
	s := uiScenario(scenario.Fixed(benefit.Yuan(10)), uiRegion(10, "2100"))
	s.Constraints.MinRaise = amtp("50")
	var re *benefit.RecordError
	if err := Validate(&s, Options{}); !errors.Is(err, errors.ErrUnsupported) || !errors.As(err, &re) || re.Field != "constraints.min_raise" {
		t.Errorf("min_raise: %v", err)
	}
}
