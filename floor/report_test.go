package floor_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// Options.FindingsOnly leaves Checked, Coverage and Effects out and
// changes neither the findings nor the summary. The case is
// TestEffectSummary's county (371723 at 103 until 2024-07, then 123;
// 10,000 persons) under its province (370000 at 120 throughout; 1,000
// persons), window 2024, floor 123 from 2024-01:
//
//   - county, floor: 123 − 103 = 20 × 10,000 × 6 months = 1,200,000.00;
//   - county, hierarchy: 120 − 103 = 17 below the province, 2024-01 ..
//     2024-07, owed once with the floor's larger shortfall in the same
//     months;
//   - province, floor: 123 − 120 = 3 × 1,000 × 12 months = 36,000.00.
//
// Arrears owed: 1,200,000 + 36,000 = 1,236,000.00.
func TestFindingsOnly(t *testing.T) {
	lv := []floor.Level{
		{Region: region.MustParseCode("371723"), Program: "pension.resident.basic", Schedule: sched(t, "2023-01", "103", "2024-07", "123"), Beneficiaries: 10000},
		{Region: region.MustParseCode("370000"), Program: "pension.resident.basic", Schedule: sched(t, "2023-01", "120"), Beneficiaries: 1000},
	}
	opts := floor.Options{From: ym("2024-01"), To: ym("2025-01")}
	whole := check(t, lv, opts)
	opts.FindingsOnly = true
	only := check(t, lv, opts)
	if only.Checked != nil || only.Coverage != nil || only.Effects != nil {
		t.Errorf("FindingsOnly: checked %v, coverage %v, effects %v; want none", only.Checked, only.Coverage, only.Effects)
	}
	if len(whole.Checked) != 2 || len(whole.Coverage) == 0 || len(whole.Effects) != 2 {
		t.Errorf("whole report: checked %v, coverage %v, effects %v", whole.Checked, whole.Coverage, whole.Effects)
	}
	var got []string
	for _, f := range only.Findings {
		got = append(got, fmt.Sprintf("%s %s %s %s %s", f.Region, f.Rule, f.Severity, f.Interval, f.Shortfall))
	}
	want := []string{
		"370000 floor violation [2024-01, 2025-01) 3.00",
		"371723 floor violation [2024-01, 2024-07) 20.00",
		"371723 hierarchy violation [2024-01, 2024-07) 17.00",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	eq(t, "arrears", only.Summary.ArrearsTotal, "1236000")
	if !reflect.DeepEqual(only.Findings, whole.Findings) {
		t.Errorf("findings differ:\n%+v\n%+v", only.Findings, whole.Findings)
	}
	for k := range only.Findings {
		if a, b := only.Findings[k].Message(), whole.Findings[k].Message(); a != b {
			t.Errorf("finding %d: message %q, whole report %q", k, a, b)
		}
	}
	if !reflect.DeepEqual(only.Summary, whole.Summary) {
		t.Errorf("summary %+v, whole report %+v", only.Summary, whole.Summary)
	}
}

// Share is AtFloor ÷ Checked in thousandths, rounded down (2 of 3 is
// 666, not 667; one short of all is 999, never 1000), exact for counts
// whose product by 1000 passes an int64, and not ok with nothing checked.
func TestEffectShare(t *testing.T) {
	for _, c := range []struct {
		at, checked int64
		want        int64
		ok          bool
	}{
		{2, 3, 666, true},
		{1, 3, 333, true},
		{3, 3, 1000, true},
		{0, 7, 0, true},
		{999_999_999_999_999_999, 1_000_000_000_000_000_000, 999, true},
		{1 << 62, 1 << 62, 1000, true},
		{0, 0, 0, false},
		{4, 3, 0, false},
		{-1, 3, 0, false},
	} {
		got, ok := floor.Effect{AtFloor: c.at, Checked: c.checked}.Share()
		if got != c.want || ok != c.ok {
			t.Errorf("Share of %d in %d = %d, %v; want %d, %v", c.at, c.checked, got, ok, c.want, c.ok)
		}
	}
}
