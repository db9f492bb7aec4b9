package floor_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// grade1Set is a set with the 因战一级 disability standard only: 80,140 a
// year from 2018-08 and 88,150 from 2019-08 (published [V], as
// floor/data/veterans_tables.json cites them), and, when cadence is set,
// the veterans' 12-month cadence (the standards are adjusted every 1
// August).
func grade1Set(t *testing.T, cadence bool) *floor.Set {
	t.Helper()
	var cads []floor.Cadence
	if cadence {
		cads = []floor.Cadence{{Program: "veterans.disability", Scope: floor.National, Months: 12,
			Citation: benefit.Citation{Title: "抚恤标准每年 8月1日 调整"}}}
	}
	set, err := floor.NewSet("test", []floor.Floor{{Program: "veterans.disability", Dims: benefit.MustParseDims("cause=因战;grade=1"),
		Per: benefit.PerYear, Schedule: mustSchedule(
			benefit.Version{From: ym("2018-08"), Amount: amt("80140"), Status: benefit.Legislated},
			benefit.Version{From: ym("2019-08"), Amount: amt("88150"), Status: benefit.Legislated})}}, nil, cads, floor.SetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func coverageOf(t *testing.T, rep *floor.Report, rule string) floor.RuleCoverage {
	t.Helper()
	for _, c := range rep.Coverage {
		if c.Rule == rule {
			return c
		}
	}
	t.Fatalf("no coverage of %s in %+v", rule, rep.Coverage)
	return floor.RuleCoverage{}
}

// A grade-5 disabled veteran paid 1 yuan a year, with only grade-1
// floors known: the floor rule is not evaluated, and the report says so
// (unchecked, no_floor, a warning) for the 12 months of the window; it
// is never "no findings". The coverage says 0 level-months checked and
// 12 not.
func TestUncheckedNoFloorForTheDimensions(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("140822"), Program: "veterans.disability",
		Dims: benefit.MustParseDims("cause=因战;grade=5"), Per: benefit.PerYear, Schedule: sched(t, "2019-08", "1"), Beneficiaries: 3}}
	rep := check(t, lv, floor.Options{From: ym("2019-08"), To: ym("2020-08"), Floors: grade1Set(t, false)})
	f := one(t, rep, floor.RuleFloor)
	if f.Unchecked != floor.ReasonNoFloor || f.Severity != floor.Warning || f.Interval.String() != "[2019-08, 2020-08)" ||
		!f.Arrears.IsZero() || !strings.Contains(f.Message(), "cause=因战;grade=5") {
		t.Errorf("finding %s (%s)", f, f.Unchecked)
	}
	if c := coverageOf(t, rep, floor.RuleFloor); c.Checked != 0 || c.Unchecked != 12 {
		t.Errorf("coverage %+v, want 0 checked and 12 unchecked", c)
	}
	if rep.Summary.Unchecked != 1 || rep.Summary.Warnings != 1 || !rep.Failed(floor.Warning) || rep.Failed(floor.Violation) {
		t.Errorf("summary %+v", rep.Summary)
	}
	// a pipeline that wants nothing unchecked makes it a violation; a
	// waiver of every rule does not cover what was never evaluated
	w := floor.Waiver{Region: region.MustParseCode("140000"), Program: "veterans.disability", Interval: benefit.Interval{From: ym("2019-01")}, Reason: "hypothetical"}
	rep = check(t, lv, floor.Options{From: ym("2019-08"), To: ym("2020-08"), Floors: grade1Set(t, false),
		UncheckedSeverity: floor.Violation, Waivers: []floor.Waiver{w}})
	if f := one(t, rep, floor.RuleFloor); f.Severity != floor.Violation || f.Unchecked != floor.ReasonNoFloor || !rep.Failed(floor.Violation) {
		t.Errorf("with UncheckedSeverity violation: %s", f)
	}
	// months before the first known floor are unchecked too: from
	// 2018-01 the floor is known only from 2018-08, 7 months later
	lv[0].Dims, lv[0].Schedule = benefit.MustParseDims("cause=因战;grade=1"), sched(t, "2018-01", "90000")
	rep = check(t, lv, floor.Options{From: ym("2018-01"), To: ym("2019-01"), Floors: grade1Set(t, false)})
	f = one(t, rep, floor.RuleFloor)
	if f.Unchecked != floor.ReasonNoFloor || f.Interval.String() != "[2018-01, 2018-08)" {
		t.Errorf("before the first floor: %s", f)
	}
	if c := coverageOf(t, rep, floor.RuleFloor); c.Checked != 5 || c.Unchecked != 7 {
		t.Errorf("coverage %+v, want 5 checked, 7 unchecked", c)
	}
}

// On the shipped data: a grade-5 因战 disabled veteran paid 1 yuan a year
// is checked against the national table, not reported unchecked. In 2021-08
// .. 2022-07 因战五级 is 54,220 a year (legislated,
// floor/data/src/veterans_disability.csv), so the level is 54,219 a
// person-year short: 54,219 × 3 persons × 12 months ÷ 12 = 162,657.00.
// After the last known table (2022-08, 59,100, provisional) goes stale in
// 2023-08, a level at or above it is unchecked (stale), never passed:
// 60,000 a year in 2023-08 .. 2024-07 is 12 unchecked level-months.
func TestGrade5CheckedAgainstShippedTable(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("140822"), Program: "veterans.disability",
		Dims: benefit.MustParseDims("cause=因战;grade=5"), Per: benefit.PerYear, Schedule: sched(t, "2021-08", "1"), Beneficiaries: 3}}
	rep := check(t, lv, floor.Options{From: ym("2021-08"), To: ym("2022-08")})
	f := one(t, rep, floor.RuleFloor)
	if f.Unchecked != "" || f.Severity != floor.Violation || f.FloorStatus != benefit.Legislated {
		t.Errorf("finding %s (%s, %s)", f, f.Unchecked, f.FloorStatus)
	}
	eq(t, "required", f.Required, "54220")
	eq(t, "arrears", f.Arrears, "162657")
	if c := coverageOf(t, rep, floor.RuleFloor); c.Checked != 12 || c.Unchecked != 0 {
		t.Errorf("coverage %+v, want 12 checked", c)
	}
	lv[0].Schedule = sched(t, "2023-08", "60000")
	rep = check(t, lv, floor.Options{From: ym("2023-08"), To: ym("2024-08")})
	f = one(t, rep, floor.RuleFloor)
	if f.Unchecked != floor.ReasonStale || f.Severity != floor.Warning || f.Interval.String() != "[2023-08, 2024-08)" {
		t.Errorf("stale: finding %s (%s)", f, f.Unchecked)
	}
	if c := coverageOf(t, rep, floor.RuleFloor); c.Checked != 0 || c.Unchecked != 12 {
		t.Errorf("stale: coverage %+v, want 12 unchecked", c)
	}
}

// A relative rule made at a date covers the months from then on only: the
// ill-returned veterans' ceiling (the grade-10 因战 standard) is in force
// from 2020-08, so of a level paid 2019-08 .. 2021-07 it checks the 12
// months from 2020-08 and neither checks nor reports the 12 before. 660 a
// month × 12 = 7,920 a year is under the grade-10 因战 standard of either
// year (9,800 from 2019-08, 9,800 × 1.10 = 10,780 from 2020-08,
// floor/data/src/veterans_disability.csv), and above the floor (550, then
// 650 from 2020-08): no finding.
func TestRelativeFromBoundsCoverage(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("140822"), Program: "veterans.ill_returned", Schedule: sched(t, "2019-08", "660")}}
	rep := check(t, lv, floor.Options{From: ym("2019-08"), To: ym("2021-08")})
	if len(rep.Findings) != 0 {
		t.Errorf("findings %v", rep.Findings)
	}
	if c := coverageOf(t, rep, "ill_returned.max_grade10"); c.Checked != 12 || c.Unchecked != 0 {
		t.Errorf("coverage %+v, want 12 checked (2020-08 .. 2021-07)", c)
	}
	if c := coverageOf(t, rep, floor.RuleFloor); c.Checked != 24 {
		t.Errorf("floor coverage %+v, want 24 checked", c)
	}
}

// A programme with no national floor at all (在乡复员军人定期定量补助:
// the national notices set central increments, not a standard, and the
// shipped floors have none) is unchecked too, with a message that says
// no floor is known.
func TestUncheckedProgrammeWithoutFloor(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("140822"), Program: "veterans.demobilized", Per: benefit.PerYear,
		Dims: benefit.MustParseDims("enlisted=抗日战争时期"), Schedule: sched(t, "2024-01", "24000")}}
	f := one(t, check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01")}), floor.RuleFloor)
	if f.Unchecked != floor.ReasonNoFloor || !strings.Contains(f.Message(), "no floor of veterans.demobilized is known") {
		t.Errorf("finding %s", f)
	}
}

// 失业保险条例 Art 18's lower bound and 社会保险法 Art 47 need the city's
// 低保: given only the minimum wage (Example C's city, 2,020 from
// 2018-08), both are unchecked (no_reference) for the 12 months while
// the minimum-wage bound and the 90 % target are evaluated. With a 低保
// from 2018-10 only, August and September stay unchecked (2 months) and
// the other 10 are checked.
func TestUncheckedNoReference(t *testing.T) {
	city := region.MustParseCode("320500")
	ui := floor.Level{Region: city, Program: "employment.unemployment_insurance", Schedule: sched(t, "2018-08", "1818"), Beneficiaries: 100}
	wage := floor.Level{Region: city, Program: "reference.min_wage", Schedule: sched(t, "2018-08", "2020")}
	o := floor.Options{From: ym("2018-08"), To: ym("2019-08")}
	rep := check(t, []floor.Level{ui, wage}, o)
	for _, rule := range []string{"ui.art18.above_dibao", "ui.art47.not_below_dibao"} {
		f := one(t, rep, rule)
		if f.Unchecked != floor.ReasonNoReference || f.Interval.String() != "[2018-08, 2019-08)" || !strings.Contains(f.Message(), "reference.dibao_urban") {
			t.Errorf("%s: %s", rule, f)
		}
		if c := coverageOf(t, rep, rule); c.Checked != 0 || c.Unchecked != 12 {
			t.Errorf("%s coverage %+v", rule, c)
		}
	}
	for _, rule := range []string{"ui.art18.below_min_wage", "ui.target90"} {
		if c := coverageOf(t, rep, rule); c.Checked != 12 || c.Unchecked != 0 {
			t.Errorf("%s coverage %+v", rule, c)
		}
	}
	dibao := floor.Level{Region: city, Program: "reference.dibao_urban", Schedule: sched(t, "2018-10", "660")}
	rep = check(t, []floor.Level{ui, wage, dibao}, o)
	f := one(t, rep, "ui.art47.not_below_dibao")
	if f.Unchecked != floor.ReasonNoReference || f.Interval.String() != "[2018-08, 2018-10)" {
		t.Errorf("partial 低保: %s", f)
	}
	if c := coverageOf(t, rep, "ui.art47.not_below_dibao"); c.Checked != 10 || c.Unchecked != 2 {
		t.Errorf("partial coverage %+v", c)
	}
	// the unemployment benefit's floor is its relative bounds: rule 1
	// does not apply and is not reported as unchecked
	if fs := byRule(rep, floor.RuleFloor); len(fs) != 0 {
		t.Errorf("floor findings for UI: %v", fs)
	}
}

// After the last known table (2019-08) and its 12-month cadence, from
// 2020-08 no floor is known. A level at the last table (88,150 a year)
// is unchecked-stale from 2020-08, not compared and passed; a level
// below it (88,140) is still a violation, since floors do not fall:
// 10 a person-year × 2 persons × 12 months / 12 = 20.00 in each year,
// 40.00 in all, the 2020-08 year's message saying the table is stale.
// 2020-07 is the last month checked, 2020-08 the first stale one.
func TestStaleFloorIsUncheckedNotPassed(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("140822"), Program: "veterans.disability", Dims: benefit.MustParseDims("cause=因战;grade=1"),
		Per: benefit.PerYear, Schedule: sched(t, "2019-08", "88150"), Beneficiaries: 2}}
	o := floor.Options{From: ym("2019-08"), To: ym("2021-08"), Floors: grade1Set(t, true)}
	rep := check(t, lv, o)
	f := one(t, rep, floor.RuleFloor)
	if f.Unchecked != floor.ReasonStale || f.Interval.String() != "[2020-08, 2021-08)" || f.Severity != floor.Warning ||
		!strings.Contains(f.Message(), "2019-08") {
		t.Errorf("finding %s", f)
	}
	if c := coverageOf(t, rep, floor.RuleFloor); c.Checked != 12 || c.Unchecked != 12 {
		t.Errorf("coverage %+v", c)
	}
	lv[0].Schedule = sched(t, "2019-08", "88140")
	rep = check(t, lv, o)
	fs := byRule(rep, floor.RuleFloor)
	if len(fs) != 2 || fs[0].Interval.String() != "[2019-08, 2020-08)" || fs[1].Interval.String() != "[2020-08, 2021-08)" ||
		fs[1].Severity != floor.Violation || fs[1].Unchecked != "" || !strings.Contains(fs[1].Message(), "no newer floor is known from 2020-08") {
		t.Fatalf("findings %v", rep.Findings)
	}
	eq(t, "arrears 2019", fs[0].Arrears, "20")
	eq(t, "arrears 2020", fs[1].Arrears, "20")
	eq(t, "total", rep.Summary.ArrearsTotal, "40")
	if c := coverageOf(t, rep, floor.RuleFloor); c.Checked != 24 || c.Unchecked != 0 {
		t.Errorf("coverage %+v", c)
	}
}

// An open window needs an as-of month to count a shortfall that is
// still running (the library never reads the clock): Example B's county
// never raised from 103 (floor 123 from 2024-01, 143 from 2025-01),
// 10,000 persons; the 2024 finding's arrears:
//   - no AsOf: an error wrapping ErrNoAsOf naming the level;
//   - AsOf 2024-12 (inclusive): 20 × 10,000 × 12 = 2,400,000.00;
//   - AsOf 2024-01, the first month: 20 × 10,000 × 1 = 200,000.00;
//   - AsOf 2023-12, before the window: the finding stands, 0.00 owed yet;
//   - a bounded window [2024-01, 2025-01) as of 2024-03: 3 months,
//     600,000.00; without AsOf the window's last month is the as-of
//     month: 12 months, 2,400,000.00.
func TestAsOfCountsArrearsInclusive(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("371723"), Program: "pension.resident.basic",
		Schedule: sched(t, "2023-01", "103"), Beneficiaries: 10000}}
	_, err := floor.Check(lv, floor.Options{From: ym("2024-01")})
	var re *benefit.RecordError
	if !errors.Is(err, floor.ErrNoAsOf) || !errors.As(err, &re) || re.Field != "as_of" || !strings.Contains(err.Error(), "levels[0]") {
		t.Errorf("open shortfall without AsOf: %v", err)
	}
	for _, tc := range []struct {
		from, to, asOf, owed string
		months               int64
	}{
		{"2024-01", "", "2024-12", "2400000", 12},
		{"2024-01", "", "2024-01", "200000", 1},
		{"2024-01", "", "2023-12", "0", 0},
		{"2024-01", "2025-01", "2024-03", "600000", 3},
		{"2024-01", "2025-01", "", "2400000", 12},
	} {
		o := floor.Options{From: ym(tc.from)}
		if tc.to != "" {
			o.To = ym(tc.to)
		}
		if tc.asOf != "" {
			o.AsOf = ym(tc.asOf)
		}
		rep := check(t, lv, o)
		f := byRule(rep, floor.RuleFloor)[0]
		if f.Interval.From != ym("2024-01") || f.PersonMonths != tc.months*10000 {
			t.Errorf("%+v: person-months %d", tc, f.PersonMonths)
		}
		eq(t, "arrears "+tc.asOf, f.Arrears, tc.owed)
		eq(t, "total "+tc.asOf, rep.Summary.ArrearsTotal, tc.owed)
	}
}

// Boundaries of rule 1 (floor 123 from 2024-01): equal to the floor
// keeps it; one fen below is 0.01 short, 0.01 × 7 persons × 1 month =
// 0.07; a one-month window is its first and last month at once; a level
// that reaches the floor in the window's last month is short in all the
// others.
func TestFloorBoundaries(t *testing.T) {
	code := region.MustParseCode("371723")
	lv := func(pairs ...string) []floor.Level {
		return []floor.Level{{Region: code, Program: "pension.resident.basic", Schedule: sched(t, pairs...), Beneficiaries: 7}}
	}
	if fs := byRule(check(t, lv("2024-01", "123"), floor.Options{From: ym("2024-01"), To: ym("2025-01")}), floor.RuleFloor); len(fs) != 0 {
		t.Errorf("equal to the floor: %v", fs)
	}
	f := one(t, check(t, lv("2024-01", "122.99"), floor.Options{From: ym("2024-03"), To: ym("2024-04")}), floor.RuleFloor)
	if f.Interval.String() != "[2024-03, 2024-04)" {
		t.Errorf("one-month window: %s", f)
	}
	eq(t, "shortfall", f.Shortfall, "0.01")
	eq(t, "arrears", f.Arrears, "0.07")
	// 103 until 2024-12, 123 from 2024-12: short 2024-01 .. 2024-11
	f = one(t, check(t, lv("2023-01", "103", "2024-12", "123"), floor.Options{From: ym("2024-01"), To: ym("2025-01")}), floor.RuleFloor)
	if f.Interval.String() != "[2024-01, 2024-12)" {
		t.Errorf("last month: %s", f)
	}
	eq(t, "arrears last month", f.Arrears, "1540") // 20 × 7 × 11
}

// Options with a severity that is not advisory, warning or violation are
// an error naming the option.
func TestOptionsSeverities(t *testing.T) {
	for field, o := range map[string]floor.Options{
		"unchecked_severity":   {UncheckedSeverity: floor.Waived},
		"missing_severity":     {MissingSeverity: floor.Severity(9)},
		"provisional_severity": {ProvisionalSeverity: floor.Waived},
	} {
		_, err := floor.Check(nil, o)
		var re *benefit.RecordError
		if !errors.As(err, &re) || re.Field != field || !errors.Is(err, benefit.ErrSyntax) {
			t.Errorf("%s: %v", field, err)
		}
	}
}
