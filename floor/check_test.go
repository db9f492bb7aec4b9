package floor_test

import (
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

var (
	ym  = benefit.MustParseMonth
	amt = benefit.MustParseAmount
)

func sched(t testing.TB, pairs ...string) benefit.Schedule {
	t.Helper()
	var vs []benefit.Version
	for i := 0; i < len(pairs); i += 2 {
		vs = append(vs, benefit.Version{From: ym(pairs[i]), Amount: amt(pairs[i+1]), Status: benefit.Illustrative})
	}
	s, err := benefit.NewSchedule(vs...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func eq(t *testing.T, what string, got benefit.Amount, want string) {
	t.Helper()
	if !got.Equal(amt(want)) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}

// Worked example B (the hypothetical county 371723 of the shipped sample,
// floor/data/sample_levels.json): the national floor rose 103 → 123 on
// 2024-01-01; county X paid 103 until it started paying 123 in July 2024;
// 10,000 beneficiaries. By hand: 10,000 × 6 months × 20 = 1,200,000.00
// owed. The +20 is the national-floor part: the centre pays 50 % of it in
// an eastern (tier ≥ 3) province = 600,000.00, and 100 % in tiers 1-2 =
// 1,200,000.00.
func TestExampleB(t *testing.T) {
	cases := []struct {
		code, central, local string
	}{
		{"371723", "600000.00", "600000.00"}, // Shandong, tier 3
		{"140822", "1200000.00", "0.00"},     // Shanxi, tier 2
		{"510100", "1200000.00", "0.00"},     // Sichuan, tier 1
	}
	for _, tc := range cases {
		t.Run(tc.code, func(t *testing.T) {
			lv := floor.Level{
				Region:        region.MustParseCode(tc.code),
				Program:       "pension.resident.basic",
				Schedule:      sched(t, "2023-01", "103", "2024-07", "123"),
				Beneficiaries: 10000,
			}
			rep, err := floor.Check([]floor.Level{lv}, floor.Options{From: ym("2024-01"), To: ym("2025-01")})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Findings) != 1 {
				t.Fatalf("findings = %v", rep.Findings)
			}
			f := rep.Findings[0]
			if f.Rule != floor.RuleFloor || f.Severity != floor.Violation || f.Interval.String() != "[2024-01, 2024-07)" {
				t.Errorf("finding = %s", f)
			}
			eq(t, "required", f.Required, "123")
			eq(t, "actual", f.Actual, "103")
			eq(t, "shortfall", f.Shortfall, "20")
			eq(t, "arrears", f.Arrears, "1200000.00")
			eq(t, "central", f.Central, tc.central)
			eq(t, "local", f.Local, tc.local)
			eq(t, "summary arrears", rep.Summary.ArrearsTotal, "1200000.00")
			eq(t, "summary central", rep.Summary.ArrearsCentral, tc.central)
			if rep.Summary.Violations != 1 {
				t.Errorf("violations = %d", rep.Summary.Violations)
			}
		})
	}
}
