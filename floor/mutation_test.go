package floor_test

import (
	"fmt"
	"github.com/benefitstd/benefitstd/benefit"
	"slices"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// Boundaries found by mutation testing (gremlins; README "Testing").

// A finding whose first month is the month after the as-of month owes
// nothing yet: example B is 20 short from 2024-01; checked as of
// 2023-12 its violation stands with 0 person-months, 0.00 owed and no
// payer (nothing to pay, so no split). As of 2024-01, its first month,
// one month is owed: 10,000 persons × 1 month = 10,000 person-months,
// 20 × 10,000 = 200,000.00, paid by the budgets (基本养老金 of
// residents: region.PayerBudget), central + local = the arrears.
func TestOwedFromTheMonthAfterAsOf(t *testing.T) {
	o := floor.Options{From: ym("2023-01"), To: ym("2025-01"), AsOf: ym("2023-12")}
	f := one(t, check(t, exampleB(t, 10000), o), floor.RuleFloor)
	if f.Interval.From != ym("2024-01") || f.PersonMonths != 0 || f.Payer != "" || f.SplitKnown {
		t.Errorf("as of 2023-12: from %s, %d person-months, payer %q, split known %v; want from 2024-01, 0, no payer, no split", f.Interval.From, f.PersonMonths, f.Payer, f.SplitKnown)
	}
	eq(t, "owed as of 2023-12", f.Arrears, "0")

	o.AsOf = ym("2024-01")
	rep := check(t, exampleB(t, 10000), o)
	f = one(t, rep, floor.RuleFloor)
	if f.PersonMonths != 10000 || f.Payer != region.PayerBudget || !f.SplitKnown {
		t.Errorf("as of 2024-01: %d person-months, payer %q, split known %v; want 10000, budget, split", f.PersonMonths, f.Payer, f.SplitKnown)
	}
	eq(t, "owed as of 2024-01", f.Arrears, "200000")
	eq(t, "central + local", f.Central.Add(f.Local), "200000")
	eq(t, "summary", rep.Summary.ArrearsTotal, "200000")
}

// Report.Findings are in the order the doc gives: by region, programme,
// dimensions, first month, rule and severity, whatever order the
// checker made them in. Three levels over 2024:
//
//   - 140822 (山西), residents' pension, 200 → 150 in 2024-03 → 100 in
//     2024-06: two cuts (no_cut warnings from 2024-03 and 2024-06) and
//     below the floor of 123 from 2024-06: 23 × 7 months × 1 person =
//     161.00;
//   - 140822, 带病回乡退伍军人生活补助, 1 a month against the floor of 650
//     a month (from 2020-08): 649 × 12 months × 1 person = 7,788.00;
//   - 371723 (山东), example B: 20 × 6 months × 10 persons = 1,200.00.
//
// So 140822's findings come first, its pension before its veterans'
// benefit (p < v), and within the pension the no_cut of 2024-03, then
// 2024-06's floor and no_cut (f < n). Who pays (中央对中西部地区全额补助,
// 东部 50 %): 山西 is central, so the centre pays all 161.00; 山东 is
// eastern, 600.00 each; the veterans' benefit has no cost rule:
// central 761.00, local 600.00, unsplit 7,788.00, total 9,149.00.
func TestFindingOrder(t *testing.T) {
	lv := []floor.Level{
		{Region: region.MustParseCode("371723"), Program: "pension.resident.basic", Schedule: sched(t, "2023-01", "103", "2024-07", "123"), Beneficiaries: 10},
		{Region: region.MustParseCode("140822"), Program: "veterans.ill_returned", Schedule: sched(t, "2024-01", "1"), Beneficiaries: 1},
		{Region: region.MustParseCode("140822"), Program: "pension.resident.basic", Schedule: sched(t, "2024-01", "200", "2024-03", "150", "2024-06", "100"), Beneficiaries: 1},
	}
	rep := check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01")})
	want := []string{
		"140822 pension.resident.basic 2024-03 no_cut warning 0.00",
		"140822 pension.resident.basic 2024-06 floor violation 161.00",
		"140822 pension.resident.basic 2024-06 no_cut warning 0.00",
		"140822 veterans.ill_returned 2024-01 floor violation 7788.00",
		"371723 pension.resident.basic 2024-01 floor violation 1200.00",
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprint(f.Region, " ", f.Program, " ", f.Interval.From, " ", f.Rule, " ", f.Severity, " ", f.Arrears))
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	s := rep.Summary
	eq(t, "total", s.ArrearsTotal, "9149")
	eq(t, "central", s.ArrearsCentral, "761")
	eq(t, "local", s.ArrearsLocal, "600")
	eq(t, "unsplit", s.ArrearsUnsplit, "7788")
	if s.Violations != 3 || s.Warnings != 2 || s.Advisories != 0 {
		t.Errorf("summary %+v; want 3 violations, 2 warnings", s)
	}
}

// The same order when the checker's groups of one region and programme
// are each in order but not with their neighbours: 140822's pension
// (100 a month from 2024-06: 23 × 7 = 161.00), 140822's veterans'
// benefit (1 a month from 2024-03: 649 × 10 = 6,490.00) and 371723's
// (1 a month from 2024-01: 649 × 12 = 7,788.00), one person each. Region
// comes before month (140822's 2024-03 before 371723's 2024-01), and
// programme before month (140822's pension of 2024-06 before its
// veterans' benefit of 2024-03).
func TestFindingOrderAcrossLevels(t *testing.T) {
	lv := []floor.Level{
		{Region: region.MustParseCode("371723"), Program: "veterans.ill_returned", Schedule: sched(t, "2024-01", "1"), Beneficiaries: 1},
		{Region: region.MustParseCode("140822"), Program: "veterans.ill_returned", Schedule: sched(t, "2024-03", "1"), Beneficiaries: 1},
		{Region: region.MustParseCode("140822"), Program: "pension.resident.basic", Schedule: sched(t, "2024-06", "100"), Beneficiaries: 1},
	}
	rep := check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01")})
	want := []string{
		"140822 pension.resident.basic 2024-06 floor violation 161.00",
		"140822 veterans.ill_returned 2024-03 floor violation 6490.00",
		"371723 veterans.ill_returned 2024-01 floor violation 7788.00",
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprint(f.Region, " ", f.Program, " ", f.Interval.From, " ", f.Rule, " ", f.Severity, " ", f.Arrears))
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Each severity is counted apart: a missing level reported as an
// advisory (Options.MissingSeverity) is one advisory and one missing,
// no warning; two expected regions without a level are two.
func TestAdvisoriesCounted(t *testing.T) {
	for _, n := range []int{1, 2} {
		var ex []floor.Expectation
		for _, code := range []string{"140822", "140821"}[:n] {
			ex = append(ex, floor.Expectation{Region: region.MustParseCode(code), Program: "pension.resident.basic"})
		}
		rep := check(t, exampleB(t, 10), floor.Options{From: ym("2024-01"), To: ym("2025-01"), Expect: ex, MissingSeverity: floor.Advisory})
		if s := rep.Summary; s.Advisories != n || s.Missing != n || s.Warnings != 0 || s.Violations != 1 {
			t.Errorf("%d missing as advisories: summary %+v; want %d advisories, %d missing, the one violation", n, s, n, n)
		}
	}
}

// Overlapping shortfalls of a yearly level owe once, the largest, and
// the centre pays its share of the national-floor part only. County
// 371723 pays 1,200 a year in 2024 to 10 persons; the floor is 123 a
// month, 1,476 a year (short 276 a year), and its province 370000 pays
// 1,500 a year (hierarchy: short 300 a year). Each month owes the larger,
// 300 ÷ 12 = 25 a person: 25 × 10 × 12 = 3,000.00 in all, of which the
// floor's part is 276 ÷ 12 × 120 = 2,760.00. 山东 is eastern: the centre
// pays 50 % of the floor part, 1,380.00; the locality the rest, 1,620.00.
func TestOverlapFloorPartYearly(t *testing.T) {
	lv := []floor.Level{
		{Region: region.MustParseCode("370000"), Program: "pension.resident.basic", Per: benefit.PerYear, Schedule: sched(t, "2024-01", "1500"), Beneficiaries: 10},
		{Region: region.MustParseCode("371723"), Program: "pension.resident.basic", Per: benefit.PerYear, Schedule: sched(t, "2024-01", "1200"), Beneficiaries: 10},
	}
	rep := check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01")})
	eq(t, "floor shortfall", one(t, rep, floor.RuleFloor).Shortfall, "276")
	eq(t, "hierarchy shortfall", one(t, rep, floor.RuleHierarchy).Shortfall, "300")
	s := rep.Summary
	eq(t, "total", s.ArrearsTotal, "3000")
	eq(t, "central", s.ArrearsCentral, "1380")
	eq(t, "local", s.ArrearsLocal, "1620")
}

// A level restated at the same amount (a new notice, 2024-03, still 103)
// does not split its shortfall: example B's months 2024-01 … 2024-06 are
// one floor finding, 20 × 6 months × 10 persons = 1,200.00.
func TestRestatedLevelOneFinding(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("371723"), Program: "pension.resident.basic",
		Schedule: sched(t, "2023-01", "103", "2024-03", "103", "2024-07", "123"), Beneficiaries: 10}}
	f := one(t, check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01")}), floor.RuleFloor)
	if f.Interval != (benefit.Interval{From: ym("2024-01"), To: ym("2024-07")}) {
		t.Errorf("interval %s; want [2024-01, 2024-07)", f.Interval)
	}
	eq(t, "owed", f.Arrears, "1200")
}

// A county without a level of its own inherits from the province's level
// whose dimensions match its own with the most keys, and on a tie the
// earliest given: county 371723's 伤残抚恤金 for cause=因战;grade=10 has no
// amount; its province gives one level for grade=10 (1 a year, first)
// and one for cause=因战 (2 a year, second), one key each. The county's
// floor finding is against 1 a year, from the grade=10 level.
func TestInheritTieEarliestWins(t *testing.T) {
	prov, county := region.MustParseCode("370000"), region.MustParseCode("371723")
	lv := []floor.Level{
		{Region: prov, Program: "veterans.disability", Dims: benefit.MustParseDims("grade=10"), Per: benefit.PerYear, Schedule: sched(t, "2024-01", "1"),
			Source: benefit.Citation{Title: "HYPOTHETICAL grade 10"}},
		{Region: prov, Program: "veterans.disability", Dims: benefit.MustParseDims("cause=因战"), Per: benefit.PerYear, Schedule: sched(t, "2024-01", "2"),
			Source: benefit.Citation{Title: "HYPOTHETICAL 因战"}},
		{Region: county, Program: "veterans.disability", Dims: benefit.MustParseDims("cause=因战;grade=10"), Per: benefit.PerYear, Beneficiaries: 1},
	}
	rep := check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01")})
	var got []floor.Finding
	for _, f := range byRule(rep, floor.RuleFloor) {
		if f.Region == county {
			got = append(got, f)
		}
	}
	if len(got) != 1 || got[0].InheritedFrom != prov || got[0].Source.Title != "HYPOTHETICAL grade 10" {
		t.Fatalf("county's floor findings %v; want one, inherited from 370000's grade=10 level", got)
	}
	eq(t, "actual", got[0].Actual, "1")
}

// A raise is reached the first month a level is at the new floor, not in
// the months at the old floor before the raise: example B checked over
// 2023-2024 is at the old floor 103 through 2023-12 and reaches 123 in
// 2024-07, 6 months after the 2024-01 raise (the window also holds the
// 2023-01 raise to 103, which it paid from that month: on time). With a
// second level of the
// same county (age=70+) at 130 from 2023-01, on time, the county's raise
// is the slowest level's: still 2024-07.
func TestRaiseReachedAfterOldFloor(t *testing.T) {
	code := region.MustParseCode("371723")
	lv := exampleB(t, 10)
	for _, withSecond := range []bool{false, true} {
		if withSecond {
			lv = append(lv, floor.Level{Region: code, Program: "pension.resident.basic", Dims: benefit.MustParseDims("age=70+"),
				Schedule: sched(t, "2023-01", "130"), Beneficiaries: 10})
		}
		rep := check(t, lv, floor.Options{From: ym("2023-01"), To: ym("2025-01")})
		if len(rep.Effects) != 1 {
			t.Fatalf("effects %+v", rep.Effects)
		}
		rs := rep.Effects[0].Raises
		want := []floor.Raise{{From: ym("2023-01"), Reached: ym("2023-01")}, {From: ym("2024-01"), Reached: ym("2024-07")}}
		if !slices.Equal(rs, want) || rs[1].Months() != 6 {
			t.Errorf("second level %v: raises %+v; want %+v (the second 6 months late)", withSecond, rs, want)
		}
	}
}

// A finding names the version it was found on: county 371723 pays 100
// from 2024-01 (notice C0) and 110 from 2024-07 (notice C1) to 10
// persons, below the floor of 123, under a province paying 120 from
// 2024-01 (notice P0), so that it is also below its province. Its floor
// findings are 23 × 6 × 10 = 1,380.00 on C0 and 13 × 6 × 10 = 780.00 on
// C1; the hierarchy findings (20 and 10 short) cite the province's
// notice P0 in their message (20 × 6 × 10 = 1,200.00, 10 × 6 × 10 =
// 600.00). The province itself is 3 short: 3 × 12 × 1 = 36.00 on P0.
func TestFindingSourceIsTheVersion(t *testing.T) {
	prov, county := region.MustParseCode("370000"), region.MustParseCode("371723")
	v := func(from, amount, cite string) benefit.Version {
		return benefit.Version{From: ym(from), Amount: amt(amount), Status: benefit.Illustrative, Citation: benefit.Citation{Title: cite}}
	}
	lv := []floor.Level{
		{Region: prov, Program: "pension.resident.basic", Schedule: mustSchedule(v("2024-01", "120", "HYPOTHETICAL P0")), Beneficiaries: 1,
			Source: benefit.Citation{Title: "HYPOTHETICAL province"}},
		{Region: county, Program: "pension.resident.basic", Schedule: mustSchedule(v("2024-01", "100", "HYPOTHETICAL C0"), v("2024-07", "110", "HYPOTHETICAL C1")),
			Beneficiaries: 10, Source: benefit.Citation{Title: "HYPOTHETICAL county"}},
	}
	rep := check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01")})
	want := []string{
		"370000 [2024-01, 2025-01) floor 36.00 HYPOTHETICAL P0 | level 120.00 is below the national floor 123.00 (announced)",
		"371723 [2024-01, 2024-07) floor 1380.00 HYPOTHETICAL C0 | level 100.00 is below the national floor 123.00 (announced)",
		"371723 [2024-01, 2024-07) hierarchy 1200.00 HYPOTHETICAL C0 | level 100.00 is below 370000 山东省's level 120.00 (HYPOTHETICAL P0)",
		"371723 [2024-07, 2025-01) floor 780.00 HYPOTHETICAL C1 | level 110.00 is below the national floor 123.00 (announced)",
		"371723 [2024-07, 2025-01) hierarchy 600.00 HYPOTHETICAL C1 | level 110.00 is below 370000 山东省's level 120.00 (HYPOTHETICAL P0)",
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprint(f.Region, " ", f.Interval, " ", f.Rule, " ", f.Arrears, " ", f.Source.Title, " | ", f.Message()))
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A walk that starts late in a long list finds the step in force: a level
// raised by 1 every month from 100 in 2023-01 to 119 in 2024-08 (20
// versions), checked over 2024 against the floor of 123. It pays 112 in
// 2024-01 … 118 in 2024-07 and 119 from 2024-08: short 11, 10, …, 5 in
// the first seven months (Σ = 56) and 4 in each of the last five (20),
// one person: 76.00 in all, over eight findings.
func TestLongScheduleLateWindow(t *testing.T) {
	var pairs []string
	for k := range 20 {
		pairs = append(pairs, benefit.Month(ym("2023-01")+benefit.Month(k)).String(), fmt.Sprint(100+k))
	}
	lv := []floor.Level{{Region: region.MustParseCode("371723"), Program: "pension.resident.basic", Schedule: sched(t, pairs...), Beneficiaries: 1}}
	rep := check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01")})
	fs := byRule(rep, floor.RuleFloor)
	if len(fs) != 8 || fs[0].Interval.From != ym("2024-01") || !fs[0].Actual.Equal(amt("112")) || !fs[7].Actual.Equal(amt("119")) {
		t.Errorf("findings %v; want 8, from 2024-01 at 112 to 2024-08 at 119", fs)
	}
	eq(t, "owed", rep.Summary.ArrearsTotal, "76")
}

// Two months of one shortfall are one finding when their floor versions
// have the same legal source, and two when the sources differ, however
// the figures agree. A hypothetical yearly floor for 140822's
// demobilized veterans (enlisted=抗日战争时期) of 20,000 a year from
// 2024-01, restated at 20,000 from 2024-07; the county pays 19,400 a
// year to 3 persons over 2024: 600 short a year, 600 ÷ 12 = 50 a
// person-month, 50 × 3 × 12 = 1,800.00 in all. Restated by the same
// notice (or with no citation of its own, each version then citing the
// floor's): one finding [2024-01, 2025-01), 1,800.00. Restated by a new
// notice: two, [2024-01, 2024-07) citing the first and [2024-07,
// 2025-01) the second, 50 × 3 × 6 = 900.00 each.
func TestFindingsDifferingOnlyInSource(t *testing.T) {
	dims := benefit.MustParseDims("enlisted=抗日战争时期")
	n1, n2 := benefit.Citation{Title: "HYPOTHETICAL notice 1"}, benefit.Citation{Title: "HYPOTHETICAL notice 2"}
	whole := benefit.Citation{Title: "HYPOTHETICAL floor"}
	for _, tc := range []struct {
		name   string
		c1, c2 benefit.Citation
		want   []string
	}{
		{"same notice", n1, n1, []string{"[2024-01, 2025-01) 1800.00 HYPOTHETICAL notice 1"}},
		{"no citation of their own", benefit.Citation{}, benefit.Citation{}, []string{"[2024-01, 2025-01) 1800.00 HYPOTHETICAL floor"}},
		{"a new notice", n1, n2, []string{"[2024-01, 2024-07) 900.00 HYPOTHETICAL notice 1", "[2024-07, 2025-01) 900.00 HYPOTHETICAL notice 2"}},
	} {
		set, err := floor.NewSet("test", []floor.Floor{{Program: "veterans.demobilized", Dims: dims, Per: benefit.PerYear, Citation: whole,
			Schedule: mustSchedule(benefit.Version{From: ym("2024-01"), Amount: amt("20000"), Status: benefit.Legislated, Citation: tc.c1},
				benefit.Version{From: ym("2024-07"), Amount: amt("20000"), Status: benefit.Legislated, Citation: tc.c2})}}, nil, nil, floor.SetOptions{})
		if err != nil {
			t.Fatal(err)
		}
		lv := []floor.Level{{Region: region.MustParseCode("140822"), Program: "veterans.demobilized", Dims: dims, Per: benefit.PerYear,
			Schedule: sched(t, "2024-01", "19400"), Beneficiaries: 3}}
		rep := check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01"), Floors: set})
		var got []string
		for _, f := range byRule(rep, floor.RuleFloor) {
			got = append(got, fmt.Sprint(f.Interval, " ", f.Arrears, " ", f.Citation.Title))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: floor findings\n%s\nwant\n%s", tc.name, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
		eq(t, tc.name+": owed", rep.Summary.ArrearsTotal, "1800")
	}
}

// A cut just outside the window is not reported: 140822 pays 200 from
// 2023-01, cuts it to 150 from 2023-07 (the months before the window's
// first, 2024-01), restores 200 from 2024-01 and cuts it to 150 again
// from 2025-01 (the month after the window's last, 2024-12). Checked over
// 2024 it pays 200 throughout, above the floor of 123 and never below its
// previous version: no finding at all.
func TestCutJustOutsideWindow(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("140822"), Program: "pension.resident.basic",
		Schedule: sched(t, "2023-01", "200", "2023-07", "150", "2024-01", "200", "2025-01", "150"), Beneficiaries: 1}}
	rep := check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01")})
	if len(rep.Findings) != 0 {
		t.Errorf("findings %v; want none", rep.Findings)
	}
}

// Months a level is not checked in are not counted as checked: county
// 371723 pays 150 from 2024-01 and stops in 2024-04 (its schedule ends);
// its province 370000 sets 150 from 2024-07, which the county inherits.
// Over 2024 the county is checked against the floor of 123 in 2024-01 …
// 2024-03 and 2024-07 … 2024-12, 3 + 6 = 9 months, not in the 3 months
// between when nothing is paid: 9 level-months, 10 persons × 9 = 90
// person-months, all at the floor.
func TestEffectSkipsUnpaidMonths(t *testing.T) {
	ended, err := sched(t, "2024-01", "150").WithEnd(ym("2024-04"))
	if err != nil {
		t.Fatal(err)
	}
	county := region.MustParseCode("371723")
	lv := []floor.Level{
		{Region: region.MustParseCode("370000"), Program: "pension.resident.basic", Schedule: sched(t, "2024-07", "150"), Beneficiaries: 5},
		{Region: county, Program: "pension.resident.basic", Schedule: ended, Beneficiaries: 10},
	}
	rep := check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01")})
	var got []floor.Effect
	for _, e := range rep.Effects {
		if e.Region == county {
			got = append(got, e)
		}
	}
	if len(got) != 1 {
		t.Fatalf("effects of 371723: %+v; want one", got)
	}
	if e := got[0]; e.MonthsChecked != 9 || e.MonthsAtFloor != 9 || e.Checked != 90 || e.AtFloor != 90 {
		t.Errorf("371723: %d level-months checked, %d at the floor, %d person-months checked, %d at the floor; want 9, 9, 90, 90",
			e.MonthsChecked, e.MonthsAtFloor, e.Checked, e.AtFloor)
	}
}

// A level paid late pays what was paid the month before, and its finding
// names the version whose amount was paid (Finding.Source): province
// 370000 pays 100 (notice P0) from
// 2023-01, 110 (P1) from 2023-07 and 120 (P2) from 2024-01, and stops in
// 2024-04 (its schedule ends). County 371723 sets 110 (notice C0) from
// 2024-04 but first pays it in 2024-07; before, it pays the 120 it
// inherited in 2024-03. Checked over 2024-04 … 2024-12 against the
// floor of 123, 10 persons: 2024-04 … 2024-06 at 120 inherited from
// 370000, 3 short, 3 × 3 × 10 = 90.00, its source P2, the notice of the
// 120 paid (not the province's general Source: no version of the
// province's is in force from 2024-04, yet P2's amount is what was
// paid); 2024-07 … 2024-12 at 110, 13 short, 13 × 6 × 10 = 780.00, on C0.
func TestSourceOfAnEndedAncestorPaidLate(t *testing.T) {
	prov, county := region.MustParseCode("370000"), region.MustParseCode("371723")
	v := func(from, amount, cite string) benefit.Version {
		return benefit.Version{From: ym(from), Amount: amt(amount), Status: benefit.Illustrative, Citation: benefit.Citation{Title: cite}}
	}
	ended, err := mustSchedule(v("2023-01", "100", "HYPOTHETICAL P0"), v("2023-07", "110", "HYPOTHETICAL P1"), v("2024-01", "120", "HYPOTHETICAL P2")).WithEnd(ym("2024-04"))
	if err != nil {
		t.Fatal(err)
	}
	lv := []floor.Level{
		{Region: prov, Program: "pension.resident.basic", Schedule: ended, Beneficiaries: 1, Source: benefit.Citation{Title: "HYPOTHETICAL province"}},
		{Region: county, Program: "pension.resident.basic", Schedule: mustSchedule(v("2024-04", "110", "HYPOTHETICAL C0")),
			FirstPaid: []floor.FirstPaid{{From: ym("2024-04"), Month: ym("2024-07")}}, Beneficiaries: 10, Source: benefit.Citation{Title: "HYPOTHETICAL county"}},
	}
	rep := check(t, lv, floor.Options{From: ym("2024-04"), To: ym("2025-01")})
	want := []string{
		"[2024-04, 2024-07) 120.00 90.00 from 370000 HYPOTHETICAL P2",
		"[2024-07, 2025-01) 110.00 780.00 from  HYPOTHETICAL C0",
	}
	var got []string
	for _, f := range byRule(rep, floor.RuleFloor) {
		if f.Region == county {
			var from string
			if f.InheritedFrom.IsValid() {
				from = f.InheritedFrom.String()
			}
			got = append(got, fmt.Sprint(f.Interval, " ", f.Actual, " ", f.Arrears, " from ", from, " ", f.Source.Title))
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("371723's floor findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A yearly floor paid in monthly instalments is compared floor year by
// floor year, even where neither the level nor the floor changes at the
// year's turn: the 因战一级 standard of 88,150 a year from 2019-08
// (floor years from each August); 140822 pays 7,000 a month from 2019-08
// and 7,700 from 2021-02, one person, checked 2019-08 … 2021-07. Floor
// year 2019-08 … 2020-07: 12 × 7,000 = 84,000, 4,150 short, 4,150 ÷ 12
// a month over 12 months: 4,150.00. Floor year 2020-08 … 2021-07: 6 ×
// 7,000 + 6 × 7,700 = 42,000 + 46,200 = 88,200, kept; its months at
// 7,000 are not short on their own year's sum, though they would be on
// the year before.
func TestYearlyFloorYearTurn(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("140822"), Program: "veterans.disability", Dims: benefit.MustParseDims("cause=因战;grade=1"),
		Per: benefit.PerMonth, Schedule: sched(t, "2019-08", "7000", "2021-02", "7700"), Beneficiaries: 1}}
	rep := check(t, lv, floor.Options{From: ym("2019-08"), To: ym("2021-08"), Floors: grade1Set(t, false)})
	f := one(t, rep, floor.RuleFloor)
	if f.Interval != (benefit.Interval{From: ym("2019-08"), To: ym("2020-08")}) {
		t.Errorf("interval %s; want [2019-08, 2020-08)", f.Interval)
	}
	eq(t, "shortfall a year", f.Shortfall, "4150")
	eq(t, "owed", rep.Summary.ArrearsTotal, "4150")
}
