package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Example A's rules (Shanghai 2024) on testdata/plan_retirees.csv: A and B
// are 66 on 2023-12-31 (no tilt): A 61 + 35 + 50 = 146.00, B 61 + 15 + 30 =
// 106.00; C retired 2024-02-29, after the cut-off. 252.00 / 8,000.00 = 3.15%,
// above the national 3% of 2024.
func TestPlanText(t *testing.T) {
	code, out, stderr := invokeCLI("plan", "--builtin", "shanghai-2024", "--retirees", "testdata/plan_retirees.csv")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"eligible 2", "not eligible 1", "3.15% of the prior total", "FINDING: aggregate increase 3.15% of the prior total exceeds the national overall level 3% for 2024"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// Totals a month and a year, with thousands separators in text:
	// 8,000.00 × 12 = 96,000.00; 252.00 × 12 = 3,024.00; 8,252.00 × 12 = 99,024.00.
	// Average 252.00 / 2 = 126.00. Arrears Jan-Jun 2024: 6 × 252.00 = 1,512.00.
	// By part: fixed 2 × 61 = 122.00, 122 / 252 = 48.41%; years 35 + 15 = 50.00,
	// 19.84%; level 50 + 30 = 80.00, 31.75%; age 0.00.
	for _, want := range []string{"prior pensions 8,000.00 96,000.00", "increase 252.00 3,024.00", "new pensions 8,252.00 99,024.00",
		"average increase 126.00 a month", "arrears owed 1,512.00 (补发 2024-01 to 2024-06",
		"fixed 定额调整 2 122.00 48.41% provisional", "years 挂钩调整（缴费年限） 2 50.00 19.84%", "level 挂钩调整（本人基本养老金） 2 80.00 31.75%"} {
		if !planHasLine(out, want) {
			t.Errorf("output lacks a line starting %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "SYNTHETIC") {
		t.Error("a real population must not be marked synthetic")
	}
	// --fail-on-national turns the finding into exit 1.
	if code, _, _ := invokeCLI("plan", "--builtin", "shanghai-2024", "--retirees", "testdata/plan_retirees.csv", "--fail-on-national"); code != exitFail {
		t.Errorf("--fail-on-national: exit %d, want %d", code, exitFail)
	}
}

// Without --retirees the population is generated and marked SYNTHETIC, and
// the output is the same on every run.
func TestPlanSynthetic(t *testing.T) {
	code, out, stderr := invokeCLI("plan", "--builtin", "beijing-2024", "--synthetic", "2000")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(out, "*** SYNTHETIC POPULATION") || !strings.Contains(out, "2000 generated retirees") || !strings.Contains(out, "\nSYNTHETIC population: the figures above") {
		t.Errorf("synthetic population not marked:\n%s", out)
	}
	_, again, _ := invokeCLI("plan", "--builtin", "beijing-2024", "--synthetic", "2000", "--workers", "1")
	if again != out {
		t.Error("output differs between runs / worker counts")
	}
}

// Calibration of the fixed part to 3% on the two eligible retirees: the other
// parts give 50 + 80 = 130 (A 35 + 50, B 15 + 30); 3% of 8,000 = 240 →
// 130 + 2F ≤ 240 → F = 55.00, exactly 3%. The per-person file holds the
// calibrated amounts: A 55 + 35 + 50 = 140.00, arrears 6 × 140 = 840.00.
func TestPlanCalibrateJSON(t *testing.T) {
	pp := filepath.Join(t.TempDir(), "pay.csv")
	code, out, stderr := invokeCLI("plan", "--builtin", "shanghai-2024", "--retirees", "testdata/plan_retirees.csv",
		"--calibrate", "fixed", "--target", "3%", "--per-person", pp, "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Synthetic   bool
		Calibration struct {
			Value   string
			Percent string
			Reached bool
		}
		Summary struct {
			Increase string
			National struct{ Exceeds bool }
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	// JSON amounts are plain ("8000.00"): thousands separators are for text only.
	if !strings.Contains(out, `"prior_total": "8000.00"`) {
		t.Errorf("JSON prior_total is not the plain 8000.00:\n%s", out)
	}
	if got.Synthetic || got.Calibration.Value != "55.00" || got.Calibration.Percent != "3%" || !got.Calibration.Reached ||
		got.Summary.Increase != "240.00" || got.Summary.National.Exceeds {
		t.Errorf("got %+v; want fixed 55.00 at 3%%, increase 240.00, within the national level", got)
	}
	b, err := os.ReadFile(pp)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 4 || lines[0] != "id,eligible,reason,age,pension,part_fixed,part_years,part_level,part_age,increase,new_pension,arrears_months,arrears" ||
		lines[1] != "A,true,,66,5000.00,55.00,35.00,50.00,0.00,140.00,5140.00,6,840.00" ||
		!strings.HasPrefix(lines[3], "C,false,retired_after_cutoff,") {
		t.Errorf("per-person file:\n%s", b)
	}
}

// A user's plan file: 40 + 1% (ILLUSTRATIVE). On the same retirees with a
// 2024-12-31 cut-off all three are eligible: 3 × 40 + 1% × 12,000 = 240.00,
// 2% of 12,000 — equal to the national 2% of 2025, so no finding.
func TestPlanFile(t *testing.T) {
	code, out, stderr := invokeCLI("plan", "--plan", "testdata/plan_custom.json", "--retirees", "testdata/plan_retirees.csv")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !planHasLine(out, "increase 240.00 2,880.00") || !strings.Contains(out, "2% of the prior total") || strings.Contains(out, "FINDING") {
		t.Errorf("output:\n%s", out)
	}
}

func TestPlanErrors(t *testing.T) {
	dir := t.TempDir()
	pp := filepath.Join(dir, "pay.csv")
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"plan"}, "exactly one of --plan"},
		{[]string{"plan", "--builtin", "shanghai-2024", "--plan", "x.json"}, "exactly one of --plan"},
		{[]string{"plan", "--builtin", "nope"}, "unknown built-in plan"},
		{[]string{"plan", "--builtin", "shanghai-2024", "--calibrate", "fixed"}, "go together"},
		{[]string{"plan", "--builtin", "shanghai-2024", "--calibrate", "age", "--target", "3%"}, "age part"},
		{[]string{"plan", "--builtin", "shanghai-2024", "--calibrate", "fixed", "--target", "3x"}, "--target"},
		{[]string{"plan", "--plan", "testdata/plan_bad.json"}, "testdata/plan_bad.json:15"},
		// The fixed amount of parts[0] is on line 15 of the file.
		{[]string{"plan", "--plan", "testdata/plan_bad_amount.json"}, `testdata/plan_bad_amount.json:15: parts[0].fixed.amount: benefit: invalid amount "1e9"`},
		{[]string{"plan", "--builtin", "shanghai-2024", "--retirees", "testdata/plan_bad_retirees.csv", "--per-person", pp}, "testdata/plan_bad_retirees.csv:3: years"},
		// A repeated id would be paid twice: line 4 repeats line 2's A.
		{[]string{"plan", "--builtin", "shanghai-2024", "--retirees", "testdata/plan_dup_retirees.csv", "--per-person", pp}, `testdata/plan_dup_retirees.csv:4: id: plan: repeated retiree id: "A" was already given on line 2`},
		{[]string{"plan", "--builtin", "shanghai-2024", "--retirees", "testdata/plan_dup_retirees.csv", "--calibrate", "fixed", "--target", "3%", "--per-person", pp}, "plan_dup_retirees.csv:4: id"},
		{[]string{"plan", "--builtin", "shanghai-2024", "--format", "xml"}, "--format"},
		{[]string{"plan", "--builtin", "shanghai-2024", "--per-person", pp}, "--per-person needs --retirees"},
		{[]string{"plan", "--builtin", "shanghai-2024", "--step", "0.5"}, "--step is the grid of --calibrate"},
	} {
		code, _, stderr := invokeCLI(tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.msg) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and one line with %q", tc.args, code, stderr, tc.msg)
		}
	}
	// Nothing half-applied: the failed run left no per-person file behind.
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("files left after a failed run: %v", ents)
	}
}

func TestPlanList(t *testing.T) {
	code, out, _ := invokeCLI("plan", "--list")
	if code != exitOK || !strings.Contains(out, "shanxi-2025") || !strings.Contains(out, "2025     2%") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// --dump prints a shipped plan's JSON, which --plan reads back.
func TestPlanDump(t *testing.T) {
	code, out, stderr := invokeCLI("plan", "--builtin", "shanxi-2025", "--dump")
	if code != exitOK || !strings.Contains(out, `"id": "shanxi-2025"`) {
		t.Fatalf("exit %d %s", code, stderr)
	}
	f := filepath.Join(t.TempDir(), "mine.json")
	if err := os.WriteFile(f, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	code, a, _ := invokeCLI("plan", "--plan", f, "--synthetic", "500")
	_, b, _ := invokeCLI("plan", "--builtin", "shanxi-2025", "--synthetic", "500")
	if code != exitOK || a != b {
		t.Errorf("the dumped plan does not give the same result (exit %d)", code)
	}
}

// planHasLine reports whether out has a line whose words, with runs of
// spaces collapsed, start with want.
func planHasLine(out, want string) bool {
	for l := range strings.Lines(out) {
		if strings.HasPrefix(strings.Join(strings.Fields(l), " "), want) {
			return true
		}
	}
	return false
}

// A population where nobody is eligible: the national level is known
// (3% for 2024) but there is nothing to compare; the output must not say
// the level is unknown. Only C of testdata/plan_retirees.csv retired after
// the 2023-12-31 cut-off; a file of C alone has no eligible retiree.
func TestPlanNoneEligible(t *testing.T) {
	f := filepath.Join(t.TempDir(), "late.csv")
	if err := os.WriteFile(f, []byte("id,birth_date,retired_date,years,pension\nC,1963-03-01,2024-02-29,30,4000.00\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := invokeCLI("plan", "--builtin", "shanghai-2024", "--retirees", f)
	if code != exitOK || !strings.Contains(out, "eligible 0") || !strings.Contains(out, "3% — not compared: no eligible retiree") || strings.Contains(out, "not known") {
		t.Errorf("exit %d %s:\n%s", code, stderr, out)
	}
}

// Beijing 2024's source gives no first month at the new rate: the text says
// the arrears are not computed instead of printing 0.00 as if none were owed.
func TestPlanNoArrearsMonth(t *testing.T) {
	code, out, stderr := invokeCLI("plan", "--builtin", "beijing-2024", "--retirees", "testdata/plan_retirees.csv")
	if code != exitOK || !strings.Contains(out, "arrears owed      not computed") {
		t.Errorf("exit %d %s:\n%s", code, stderr, out)
	}
}
