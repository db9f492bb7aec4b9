package floor_test

import (
	"errors"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// Hand-worked cases at the boundaries of the rule engine: the first and
// last month of a window, a waiver's expiry month, head-count steps,
// interest months. Most start from worked example B (floor/data/
// sample_levels.json, county 371723 of Shandong, tier 3): the national
// floor of the residents' basic pension rose 103 → 123 in 2024-01; the
// county paid 103 until 2024-07, so it was 20 short for the six months
// 2024-01 … 2024-06.

// exampleB returns example B's level with n beneficiaries and the head
// counts hs.
func exampleB(t *testing.T, n int64, hs ...floor.Headcount) []floor.Level {
	return []floor.Level{{Region: region.MustParseCode("371723"), Program: "pension.resident.basic",
		Schedule: sched(t, "2023-01", "103", "2024-07", "123"), Beneficiaries: n, Headcounts: hs}}
}

// A waiver holds until the month before its expiry: checked as of
// 2024-06 a waiver expiring 2024-07 still waives the 20 × 10,000 × 6 =
// 1,200,000.00; checked as of 2024-07, its expiry month, it has expired:
// the violation stands with 1,200,000.00 owed and the expired waiver is a
// warning of its own.
func TestWaiverExpiryMonth(t *testing.T) {
	w := floor.Waiver{Region: region.MustParseCode("371723"), Program: "pension.resident.basic",
		Interval: benefit.Interval{From: ym("2024-01"), To: ym("2024-07")}, Reason: "HYPOTHETICAL", Expiry: ym("2024-07")}
	o := floor.Options{From: ym("2024-01"), To: ym("2025-01"), AsOf: ym("2024-06"), Waivers: []floor.Waiver{w}}
	rep := check(t, exampleB(t, 10000), o)
	if s := rep.Summary; s.Violations != 0 || s.Waived != 1 || s.Warnings != 0 {
		t.Errorf("as of the month before expiry: summary %+v; want 1 waived, nothing else", s)
	}
	eq(t, "owed before expiry", rep.Summary.ArrearsTotal, "0")
	eq(t, "waived before expiry", rep.Summary.WaivedArrears, "1200000")

	o.AsOf = ym("2024-07")
	rep = check(t, exampleB(t, 10000), o)
	if s := rep.Summary; s.Violations != 1 || s.Waived != 0 || s.Warnings != 1 {
		t.Errorf("as of the expiry month: summary %+v; want 1 violation and the expired waiver's warning", s)
	}
	one(t, rep, floor.RuleWaiverExpired)
	eq(t, "owed at expiry", rep.Summary.ArrearsTotal, "1200000")
	eq(t, "waived at expiry", rep.Summary.WaivedArrears, "0")
}

// A waiver that ends the month the shortfall starts, or starts the month
// after it ends, covers none of it: one violation of 1,200,000.00 and
// nothing waived. One of the middle months 2024-03 … 2024-04 splits it:
// 2 months waived (20 × 10,000 × 2 = 400,000.00), 2 before and 2 after
// still owed (800,000.00), three findings.
func TestWaiverEdges(t *testing.T) {
	for _, iv := range []benefit.Interval{{From: ym("2023-01"), To: ym("2024-01")}, {From: ym("2024-07"), To: ym("2025-01")}, {From: ym("2024-07")}} {
		w := floor.Waiver{Region: region.MustParseCode("371723"), Program: "pension.resident.basic", Interval: iv, Reason: "HYPOTHETICAL"}
		rep := check(t, exampleB(t, 10000), floor.Options{From: ym("2024-01"), To: ym("2025-01"), Waivers: []floor.Waiver{w}})
		if s := rep.Summary; s.Violations != 1 || s.Waived != 0 || len(rep.Findings) != 1 {
			t.Errorf("waiver %s: summary %+v, %d findings; want the one violation", iv, s, len(rep.Findings))
		}
		eq(t, "owed", rep.Summary.ArrearsTotal, "1200000")
	}
	w := floor.Waiver{Region: region.MustParseCode("371723"), Program: "pension.resident.basic",
		Interval: benefit.Interval{From: ym("2024-03"), To: ym("2024-05")}, Reason: "HYPOTHETICAL"}
	rep := check(t, exampleB(t, 10000), floor.Options{From: ym("2024-01"), To: ym("2025-01"), Waivers: []floor.Waiver{w}})
	if s := rep.Summary; s.Violations != 2 || s.Waived != 1 || len(rep.Findings) != 3 {
		t.Fatalf("middle waiver: summary %+v, findings %v", s, rep.Findings)
	}
	want := []string{"[2024-01, 2024-03) violation 400000", "[2024-03, 2024-05) waived 400000", "[2024-05, 2024-07) violation 400000"}
	for k, f := range rep.Findings {
		if got := f.Interval.String() + " " + f.Severity.String() + " " + f.Arrears.String(); got != want[k]+".00" {
			t.Errorf("finding %d: %s; want %s.00", k, got, want[k])
		}
	}
	eq(t, "owed", rep.Summary.ArrearsTotal, "800000")
	eq(t, "waived", rep.Summary.WaivedArrears, "400000")
}

// Head counts are a step function from each From month. 1,000 persons
// until 2023-06, 5,000 from then, 8,000 from the window's first month
// 2024-01, 9,000 from 2024-06 (the last month short) and 20,000 from
// 2024-07 (the first month not short): 8,000 × 5 + 9,000 × 1 = 49,000
// person-months, 20 × 49,000 = 980,000.00 owed; persons in the first
// month 8,000.
func TestHeadcountSteps(t *testing.T) {
	lv := exampleB(t, 1000, floor.Headcount{From: ym("2023-06"), Persons: 5000}, floor.Headcount{From: ym("2024-01"), Persons: 8000},
		floor.Headcount{From: ym("2024-06"), Persons: 9000}, floor.Headcount{From: ym("2024-07"), Persons: 20000})
	f := one(t, check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01")}), floor.RuleFloor)
	if f.Persons != 8000 || f.PersonMonths != 49000 {
		t.Errorf("persons %d, person-months %d; want 8,000 and 49,000", f.Persons, f.PersonMonths)
	}
	eq(t, "arrears", f.Arrears, "980000")
	// A step in the second month: 1,000 in 2024-01, 3,000 from 2024-02:
	// 1,000 + 3,000 × 5 = 16,000 person-months, 320,000.00.
	f = one(t, check(t, exampleB(t, 1000, floor.Headcount{From: ym("2024-02"), Persons: 3000}), floor.Options{From: ym("2024-01"), To: ym("2025-01")}), floor.RuleFloor)
	if f.Persons != 1000 || f.PersonMonths != 16000 {
		t.Errorf("persons %d, person-months %d; want 1,000 and 16,000", f.Persons, f.PersonMonths)
	}
	eq(t, "arrears", f.Arrears, "320000")
}

// Interest counts each month owed from that month to the month paid:
// 1 % a month on example B with 10,000 persons in 2024-01 … 03 and
// 12,000 in 04 … 06.
//   - paid in 2024-09: delays 8, 7, 6 months at 10,000 and 5, 4, 3 at
//     12,000: 210,000 + 144,000 = 354,000 person-months; 20 × 354,000 ×
//     1 % = 70,800.00;
//   - paid in 2024-04, inside the months owed: delays 3, 2, 1 at 10,000
//     (60,000); the months from 2024-04 on wait nothing: 12,000.00.
//
// The arrears stay 20 × 66,000 = 1,320,000.00.
func TestInterestMonths(t *testing.T) {
	lv := exampleB(t, 10000, floor.Headcount{From: ym("2024-04"), Persons: 12000})
	for paid, want := range map[string]string{"2024-09": "70800", "2024-04": "12000"} {
		o := floor.Options{From: ym("2024-01"), To: ym("2025-01"), InterestPerMonth: benefit.Percent(1), PaidIn: ym(paid)}
		rep := check(t, lv, o)
		f := one(t, rep, floor.RuleFloor)
		eq(t, "interest paid in "+paid, f.Interest, want)
		eq(t, "summary interest paid in "+paid, rep.Summary.Interest, want)
		eq(t, "arrears", f.Arrears, "1320000")
	}
}

// Options are checked at their edges: a window of one month (To = From
// + 1) is a window, an empty one (To = From) an error naming "to"; each
// severity option takes advisory to violation (and zero, the default),
// and neither waived nor a value below advisory.
func TestOptionEdges(t *testing.T) {
	lv := exampleB(t, 10000)
	rep := check(t, lv, floor.Options{From: ym("2024-06"), To: ym("2024-07")})
	eq(t, "one month", rep.Summary.ArrearsTotal, "200000") // 20 × 10,000 × 1
	_, err := floor.Check(lv, floor.Options{From: ym("2024-06"), To: ym("2024-06")})
	var re *benefit.RecordError
	if !errorsAs(err, &re) || re.Field != "to" || !errors.Is(err, benefit.ErrOrder) {
		t.Errorf("an empty window: %v; want an ErrOrder naming to", err)
	}
	opts := func(f string, s floor.Severity) floor.Options {
		o := floor.Options{From: ym("2024-01"), To: ym("2025-01")}
		switch f {
		case "provisional_severity":
			o.ProvisionalSeverity = s
		case "unchecked_severity":
			o.UncheckedSeverity = s
		case "missing_severity":
			o.MissingSeverity = s
		}
		return o
	}
	for _, f := range []string{"provisional_severity", "unchecked_severity", "missing_severity"} {
		for _, s := range []floor.Severity{floor.Advisory, floor.Warning, floor.Violation} {
			if _, err := floor.Check(lv, opts(f, s)); err != nil {
				t.Errorf("%s %s: %v", f, s, err)
			}
		}
		for _, s := range []floor.Severity{floor.Waived, -1} {
			_, err := floor.Check(lv, opts(f, s))
			if !errorsAs(err, &re) || re.Field != f || !errors.Is(err, benefit.ErrSyntax) {
				t.Errorf("%s %s: %v; want an ErrSyntax naming %s", f, s, err, f)
			}
		}
	}
}

// A waiver limited to one rule waives that rule's violations only. A
// new county level of 150 from 2024-01 first paid in 2024-03 to 1,000
// persons (HYPOTHETICAL, Shandong tier 3) breaks late_payment (150 ×
// 1,000 × 2 = 300,000.00) and the floor of 123 (246,000.00) in
// January and February.
//   - waiving late_payment: the floor violation stands, 246,000.00 owed,
//     its national-floor part split 50 % to the centre (123,000.00);
//     300,000.00 waived;
//   - waiving floor: late_payment stands, 300,000.00 owed, all local
//     (a late payment is not below the floor as such); 246,000.00 waived.
func TestRuleLimitedWaiver(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("371723"), Program: "pension.resident.basic",
		Schedule: sched(t, "2024-01", "150"), Beneficiaries: 1000,
		FirstPaid: []floor.FirstPaid{{From: ym("2024-01"), Month: ym("2024-03")}}}}
	for _, tc := range []struct {
		rule, stands                 string
		owed, central, local, waived string
	}{
		{floor.RuleLatePayment, floor.RuleFloor, "246000", "123000", "123000", "300000"},
		{floor.RuleFloor, floor.RuleLatePayment, "300000", "0", "300000", "246000"},
	} {
		w := floor.Waiver{Region: region.MustParseCode("371723"), Program: "pension.resident.basic", Rule: tc.rule,
			Interval: benefit.Interval{From: ym("2024-01")}, Reason: "HYPOTHETICAL"}
		rep := check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01"), Waivers: []floor.Waiver{w}})
		if f := one(t, rep, tc.rule); f.Severity != floor.Waived {
			t.Errorf("waiving %s: its finding is %s", tc.rule, f.Severity)
		}
		if f := one(t, rep, tc.stands); f.Severity != floor.Violation {
			t.Errorf("waiving %s: the %s finding is %s, want a violation", tc.rule, tc.stands, f.Severity)
		}
		s := rep.Summary
		eq(t, "owed waiving "+tc.rule, s.ArrearsTotal, tc.owed)
		eq(t, "central waiving "+tc.rule, s.ArrearsCentral, tc.central)
		eq(t, "local waiving "+tc.rule, s.ArrearsLocal, tc.local)
		eq(t, "waived waiving "+tc.rule, s.WaivedArrears, tc.waived)
	}
}

// Without a From the window starts at the first month of any level, in
// whatever order the levels come: 成武县 (371723) at 120 from 2024-03
// and 万荣县 (140822) at 120 from 2024-01, 100 persons each, against the
// floor of 123 to 2025-01: 3 × 100 × 10 = 3,000.00 and 3 × 100 × 12 =
// 3,600.00, 6,600.00 in all; the report is as of 2024-12 (To − 1).
func TestWindowStartsAtTheFirstLevel(t *testing.T) {
	lv := []floor.Level{
		{Region: region.MustParseCode("371723"), Program: "pension.resident.basic", Schedule: sched(t, "2024-03", "120"), Beneficiaries: 100},
		{Region: region.MustParseCode("140822"), Program: "pension.resident.basic", Schedule: sched(t, "2024-01", "120"), Beneficiaries: 100},
	}
	rep := check(t, lv, floor.Options{To: ym("2025-01")})
	if rep.From != ym("2024-01") || rep.AsOf != ym("2024-12") {
		t.Errorf("window from %s as of %s; want from 2024-01 as of 2024-12", rep.From, rep.AsOf)
	}
	eq(t, "owed", rep.Summary.ArrearsTotal, "6600")
	for _, f := range rep.Findings {
		if f.Region.String() == "140822" && f.Interval.String() != "[2024-01, 2025-01)" {
			t.Errorf("万荣县: %s; want [2024-01, 2025-01)", f)
		}
	}
}

// An open window with no as-of month is as of the last version month of
// any level (2024-01 here): Shanghai's minimum wage of 2,480 from
// 2019-04, never updated, is stale from 2021-04 (最低工资规定 Art 10: at
// least every two years).
func TestOpenWindowAsOfLastVersion(t *testing.T) {
	lv := []floor.Level{
		{Region: region.MustParseCode("310000"), Program: "reference.min_wage", Schedule: sched(t, "2019-04", "2480")},
		{Region: region.MustParseCode("371723"), Program: "pension.resident.basic", Schedule: sched(t, "2023-01", "200", "2024-01", "210")},
	}
	rep := check(t, lv, floor.Options{})
	if rep.AsOf != ym("2024-01") {
		t.Errorf("as of %s; want 2024-01", rep.AsOf)
	}
	if f := one(t, rep, floor.RuleStale); f.Interval.From != ym("2021-04") {
		t.Errorf("stale %s; want from 2021-04", f)
	}
}

// Months are 1900-01 to 9999-12: an option at either end is taken, one
// month past either is an error naming the option.
func TestMonthRangeEdges(t *testing.T) {
	lv := exampleB(t, 10000)
	first, last := benefit.NewMonth(benefit.MinYear, 1), benefit.NewMonth(benefit.MaxYear, 12)
	if _, err := floor.Check(lv, floor.Options{From: first, To: ym("2025-01"), PaidIn: last, InterestPerMonth: benefit.Percent(1)}); err != nil {
		t.Errorf("from 1900-01, paid in 9999-12: %v", err)
	}
	var re *benefit.RecordError
	for field, o := range map[string]floor.Options{
		"from":    {From: first - 1, To: ym("2025-01")},
		"paid_in": {From: ym("2024-01"), To: ym("2025-01"), PaidIn: last + 1},
	} {
		if _, err := floor.Check(lv, o); !errorsAs(err, &re) || re.Field != field || !errors.Is(err, benefit.ErrRange) {
			t.Errorf("%s one month out of range: %v", field, err)
		}
	}
}

// A level with no amount of its own inherits its nearest ancestor's:
// 成武县 (371723) gives none, 菏泽市 (371700, its prefecture) pays 130
// and 山东 (370000) 120 (below the floor of 123, whatever order the
// levels come in): the county inherits 130 from the prefecture and has
// no finding; the province is 3 short.
func TestInheritsFromTheNearestAncestor(t *testing.T) {
	lv := []floor.Level{
		{Region: region.MustParseCode("371700"), Program: "pension.resident.basic", Schedule: sched(t, "2024-01", "130"), Beneficiaries: 100},
		{Region: region.MustParseCode("371723"), Program: "pension.resident.basic", Beneficiaries: 100},
		{Region: region.MustParseCode("370000"), Program: "pension.resident.basic", Schedule: sched(t, "2024-01", "120"), Beneficiaries: 100},
	}
	rep := check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01")})
	for _, f := range rep.Findings {
		if f.Region.String() != "370000" {
			t.Errorf("finding of %s: %s", f.Region, f)
		}
	}
	eq(t, "owed", rep.Summary.ArrearsTotal, "3600") // 3 × 100 × 12, the province's
	// no_cut checks the months of a level's own versions: the province's
	// and the prefecture's 12 each, none of the county's
	if c := coverageOf(t, rep, floor.RuleNoCut); c.Checked != 24 {
		t.Errorf("no_cut coverage %+v; want 24 checked", c)
	}
}

// A raise is paid from its first-paid month on: 100 from 2023-01, 150
// from 2024-01 first paid in 2024-03, 1,000 persons. January and
// February paid 100: late_payment owes 50 × 1,000 × 2 = 100,000.00 and
// the floor of 123 is broken by 23 × 1,000 × 2 = 46,000.00 — not in
// March, paid at 150. Owed once at the larger: 100,000.00, of which the
// 46,000.00 below the national floor is split 50 % to the centre (tier
// 3): central 23,000.00, local 77,000.00.
func TestFirstPaidMonthIsPaid(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("371723"), Program: "pension.resident.basic",
		Schedule: sched(t, "2023-01", "100", "2024-01", "150"), Beneficiaries: 1000,
		FirstPaid: []floor.FirstPaid{{From: ym("2024-01"), Month: ym("2024-03")}}}}
	rep := check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01")})
	f := one(t, rep, floor.RuleFloor)
	if f.Interval.String() != "[2024-01, 2024-03)" {
		t.Errorf("floor finding %s; want [2024-01, 2024-03)", f)
	}
	eq(t, "floor arrears", f.Arrears, "46000")
	eq(t, "late arrears", one(t, rep, floor.RuleLatePayment).Arrears, "100000")
	eq(t, "owed", rep.Summary.ArrearsTotal, "100000")
	eq(t, "central", rep.Summary.ArrearsCentral, "23000")
	eq(t, "local", rep.Summary.ArrearsLocal, "77000")
}

// The unchecked months of two levels stay apart even when one ends where
// the next begins: 万荣县 (140822) pays a demobilized veterans' allowance
// (no national floor exists: unchecked, no_floor) for 2024-01 …
// 2024-06 only, and 闻喜县 (140823), checked right after it, from
// 2024-07 on. Each level has its own unchecked floor finding over its
// own months.
func TestUncheckedOfAdjacentLevels(t *testing.T) {
	dims := benefit.MustParseDims("enlisted=抗日战争时期")
	ended, err := sched(t, "2024-01", "24000").WithEnd(ym("2024-07"))
	if err != nil {
		t.Fatal(err)
	}
	lv := []floor.Level{
		{Region: region.MustParseCode("140822"), Program: "veterans.demobilized", Dims: dims, Per: benefit.PerYear, Schedule: ended, Beneficiaries: 3},
		{Region: region.MustParseCode("140823"), Program: "veterans.demobilized", Dims: dims, Per: benefit.PerYear, Schedule: sched(t, "2024-07", "24000"), Beneficiaries: 3},
	}
	rep := check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01")})
	want := map[string]string{"140822": "[2024-01, 2024-07)", "140823": "[2024-07, 2025-01)"}
	fs := byRule(rep, floor.RuleFloor)
	if len(fs) != 2 {
		t.Fatalf("floor findings %v; want one per level", fs)
	}
	for _, f := range fs {
		if f.Unchecked != floor.ReasonNoFloor || f.Interval.String() != want[f.Region.String()] {
			t.Errorf("%s: %s; want unchecked no_floor over %s", f.Region, f, want[f.Region.String()])
		}
	}
	if c := coverageOf(t, rep, floor.RuleFloor); c.Checked != 0 || c.Unchecked != 12 {
		t.Errorf("floor coverage %+v; want 0 checked, 6 + 6 = 12 unchecked", c)
	}
}

// More findings than one chunk of the engine's list holds (1,024): the
// first 1,100 counties of the region table each pay 120 from 2024-01 to
// one person, 3 below the floor of 123 for 12 months: 1,100 violations,
// 3 × 12 × 1,100 = 39,600.00 owed.
func TestManyFindings(t *testing.T) {
	var lv []floor.Level
	for d := range region.Default().All() {
		if d.Rank == region.County && len(lv) < 1100 {
			lv = append(lv, floor.Level{Region: d.Code, Program: "pension.resident.basic", Schedule: sched(t, "2024-01", "120"), Beneficiaries: 1})
		}
	}
	rep := check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01")})
	if rep.Summary.Violations != 1100 || len(rep.Findings) != 1100 {
		t.Errorf("%d violations, %d findings; want 1,100", rep.Summary.Violations, len(rep.Findings))
	}
	eq(t, "owed", rep.Summary.ArrearsTotal, "39600")
}

// Rule 4 (Options.PassThrough) at its edges. The national floor rose
// 103 → 123 in 2024-01 (Δ 20, announced). A county with 10,000
// beneficiaries, checked over 2024:
//   - at the old floor in 2023 (103.00) and at the new one after (123.00):
//     rule 1 asks for the new floor, and pass-through does not apply;
//     at 122.99 after, rule 1 finds it 0.01 short (1,200.00), pass-through
//     still nothing;
//   - one fen above it (103.01) and 123.00 after: 20 of the Δ was passed
//     on, 0.01 short of 123.01 for 12 months: 0.01 × 10,000 × 12 =
//     1,200.00 owed, below the national floor's raise, so split 50 % to
//     the centre in Shandong (tier 3);
//   - 103.01 and then exactly 123.01: nothing owed;
//   - 200.00 and 219.99: 0.01 short of 220.00, 1,200.00; 220.00: nothing.
func TestPassThroughEdges(t *testing.T) {
	for _, tc := range []struct {
		before, after string
		owed          string // "" for no pass_through finding
	}{
		{"103.00", "123.00", ""},
		{"103.00", "122.99", "floor"},
		{"103.01", "123.00", "1200"},
		{"103.01", "123.01", ""},
		{"200.00", "219.99", "1200"},
		{"200.00", "220.00", ""},
	} {
		lv := []floor.Level{{Region: region.MustParseCode("371723"), Program: "pension.resident.basic",
			Schedule: sched(t, "2023-01", tc.before, "2024-01", tc.after), Beneficiaries: 10000}}
		rep := check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01"), PassThrough: true})
		fs := byRule(rep, floor.RulePassThrough)
		if tc.owed == "floor" {
			if len(fs) != 0 || len(rep.Findings) != 1 {
				t.Errorf("%s → %s: findings %v; want the floor's only", tc.before, tc.after, rep.Findings)
			}
			eq(t, tc.before+" → "+tc.after+" owed", rep.Summary.ArrearsTotal, "1200")
			continue
		}
		if tc.owed == "" {
			if len(fs) != 0 || len(rep.Findings) != 0 {
				t.Errorf("%s → %s: findings %v; want none", tc.before, tc.after, rep.Findings)
			}
			continue
		}
		if len(fs) != 1 || len(rep.Findings) != 1 || fs[0].Severity != floor.Violation || fs[0].Interval.String() != "[2024-01, 2025-01)" {
			t.Errorf("%s → %s: findings %v; want one pass_through violation over 2024", tc.before, tc.after, rep.Findings)
			continue
		}
		eq(t, tc.before+" → "+tc.after+" shortfall", fs[0].Shortfall, "0.01")
		eq(t, tc.before+" → "+tc.after+" owed", rep.Summary.ArrearsTotal, tc.owed)
		eq(t, tc.before+" → "+tc.after+" central", rep.Summary.ArrearsCentral, "600")
	}
	if c := coverageOf(t, check(t, []floor.Level{{Region: region.MustParseCode("371723"), Program: "pension.resident.basic",
		Schedule: sched(t, "2023-01", "200", "2024-01", "220"), Beneficiaries: 1}}, floor.Options{From: ym("2024-01"), To: ym("2025-01"), PassThrough: true}), floor.RulePassThrough); c.Checked != 12 {
		t.Errorf("pass_through coverage %+v; want the 12 months of 2024 checked", c)
	}
}

// Pass-through on a national floor of two versions (a set of one's own:
// Set.With), the demobilized veterans' allowance per year, 3 persons,
// checked over 2024, the county at 21,000 in 2023:
//   - floor 20,000 → 24,000 in 2024-01 (Δ 4,000): 24,500 after is 500 a
//     year short of 25,000: 500 × 3 × 12 ÷ 12 = 1,500.00 owed;
//   - floor 20,000 → 20,000 (Δ 0, a version restated): nothing to pass
//     on; 20,500 after is a cut (no_cut, a warning) and nothing more.
func TestPassThroughTwoVersions(t *testing.T) {
	dims := benefit.MustParseDims("enlisted=抗日战争时期")
	for _, tc := range []struct {
		next, after string
		owed        string // "" for no pass_through finding
	}{
		{"24000", "24500", "1500"},
		{"20000", "20500", ""},
	} {
		set, err := withFloors(floor.Default(), floor.SetOptions{}, floor.Floor{Program: "veterans.demobilized", Dims: dims, Per: benefit.PerYear,
			Schedule: mustSchedule(benefit.Version{From: ym("2023-01"), Amount: amt("20000"), Status: benefit.Legislated},
				benefit.Version{From: ym("2024-01"), Amount: amt(tc.next), Status: benefit.Legislated}),
			Citation: benefit.Citation{Title: "HYPOTHETICAL national floor for a test"}})
		if err != nil {
			t.Fatal(err)
		}
		lv := []floor.Level{{Region: region.MustParseCode("140822"), Program: "veterans.demobilized", Dims: dims, Per: benefit.PerYear,
			Schedule: sched(t, "2023-01", "21000", "2024-01", tc.after), Beneficiaries: 3}}
		rep := check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01"), PassThrough: true, Floors: set})
		fs := byRule(rep, floor.RulePassThrough)
		if tc.owed == "" {
			if len(fs) != 0 {
				t.Errorf("floor 20,000 → %s: pass_through %v; want none", tc.next, fs)
			}
			if f := one(t, rep, floor.RuleNoCut); f.Severity != floor.Warning {
				t.Errorf("the cut: %s", f)
			}
			continue
		}
		if len(fs) != 1 {
			t.Fatalf("floor 20,000 → %s: pass_through %v; want one", tc.next, fs)
		}
		eq(t, "shortfall a year", fs[0].Shortfall, "500")
		eq(t, "owed", rep.Summary.ArrearsTotal, tc.owed)
	}
}
