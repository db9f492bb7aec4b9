package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testdata/two-provinces.json, worked by hand. Floors 143 (2025) and 163
// (2026); rule +50; 北京 (tier 5: the centre pays 50 % of the floor part)
// 1,000 persons at 200, revenue 200,000,000; 四川 (tier 1: 100 %) 2,000
// persons at 130, revenue 100,000,000. The local top-up is all local.
//
//	2025 北京 250: total 12·1,000·250 = 3,000,000, central 6,000·143 =
//	     858,000, local 2,142,000 ≤ cap 2 % = 4,000,000
//	     四川 180: total 24,000·180 = 4,320,000, central 24,000·143 =
//	     3,432,000, local 888,000 ≤ cap 2,000,000
//	     national: total 7,320,000, central 4,290,000, local 3,030,000
//	2026 北京 300: 3,600,000, central 978,000; 四川 230: 5,520,000,
//	     central 3,912,000; national 9,120,000, 4,890,000, 4,230,000
//
// With the cap at 1 % (北京 2,000,000, 四川 1,000,000):
//
//	2025 北京: 12,000·x − 858,000 ≤ 2,000,000 → x ≤ 238.17 → 238
//	     四川 180 still fits (888,000)
//	2026 北京: 288 proposed; 12,000·x ≤ 2,978,000 → x ≤ 248.17 → 248
//	     四川: 230 proposed; 24,000·x ≤ 4,912,000 → x ≤ 204.67 → 204
func TestRun(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	if err := run(&b, []string{"testdata/two-provinces.json"}, dir); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"ILLUSTRATIVE",
		"2025 floor 143.00: total 7320000.00 yuan, central 4290000.00, local 3030000.00, 0 infeasible",
		"2026 floor 163.00: total 9120000.00 yuan, central 4890000.00, local 4230000.00, 0 infeasible",
		"110000 北京市: 300.00 → 248.00 (fiscal_cap)",
		"510000 四川省: 230.00 → 204.00 (fiscal_cap)",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, b.String())
		}
	}
	csv, err := os.ReadFile(filepath.Join(dir, "simulate-result.csv"))
	if err != nil || !strings.Contains(string(csv), "110000,北京市,2025,250.00") {
		t.Errorf("csv: %v\n%s", err, csv)
	}
}

// Without an argument the example runs the embedded default scenario,
// which says it is illustrative.
func TestRunDefault(t *testing.T) {
	var b strings.Builder
	if err := run(&b, nil, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "ILLUSTRATIVE") || !strings.Contains(b.String(), "2029 floor 223.00") {
		t.Errorf("default:\n%s", b.String())
	}
}
