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
