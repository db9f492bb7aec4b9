package main

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The default scenario is the README's main job: it must run on a fresh
// clone with no flags and say that its figures are illustrative.
func TestSimulateDefault(t *testing.T) {
	code, out, stderr := invokeCLI("simulate")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"城乡居民基础养老金", "110000  北京市", "650000  新疆维吾尔自治区", "2029", "national floor: 2024 123 (announced), 2025 143 (announced)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// ILLUSTRATIVE is the first thing a newcomer reads, and the last
	lines := strings.Split(strings.TrimSpace(out), "\n")
	// Figures worked by hand in adjust's TestDefaultScenarioWorked: 2025
	// floor 143, 31 regions, 178,749,000 × 1.01 = 180,536,490 persons,
	// transfer 308,038,680 = 3.08 亿元 to 辽宁 (the one infeasible region),
	// levels 163 (辽宁) to 752 (北京: 723 + 20 + 1.2 % × 723 = 751.676 → 752).
	byCode := map[string][]string{}
	for _, l := range lines {
		if f := strings.Fields(l); len(f) > 0 {
			byCode[f[0]] = f
		}
	}
	if f := byCode["2025"]; len(f) < 13 || f[1] != "143" || f[2] != "31" || f[3] != "180,536,490" ||
		f[7] != "3.08" || f[8] != "1" || f[10] != "163" || f[12] != "752" {
		t.Errorf("2025 national row %q", f)
	}
	if f := byCode["110000"]; len(f) < 4 || f[2] != "723" || f[3] != "752" {
		t.Errorf("北京 row %q, want 723 then 752", f)
	}
	if f := byCode["210000"]; len(f) < 4 || f[2] != "163" || f[3] != "163" || !strings.Contains(strings.Join(f, " "), "INFEASIBLE no_cut 2025 (transfer 3.08 亿元)") {
		t.Errorf("辽宁 row %q, want 163 kept and infeasible in 2025", f)
	}
	if !strings.HasPrefix(lines[1], "ILLUSTRATIVE") || !strings.HasPrefix(lines[len(lines)-1], "ILLUSTRATIVE") {
		t.Errorf("ILLUSTRATIVE not first and last:\n%s", out)
	}
	// the national totals come before the regions, and the region table
	// has one row per province, not one per province and year
	if strings.Index(out, "National totals") > strings.Index(out, "110000") || strings.Count(out, "110000  北京市") != 1 {
		t.Errorf("layout:\n%s", out)
	}
	// the way to CSV, the detail and the chart is said on stderr
	if !strings.Contains(stderr, "--format csv") || !strings.Contains(stderr, ".svg") {
		t.Errorf("no hint on stderr: %q", stderr)
	}
	code, out, _ = invokeCLI("simulate", "--detail")
	if code != exitOK || strings.Count(out, "110000  北京市") != 5 {
		t.Errorf("--detail: exit %d\n%s", code, out)
	}
	code, out, _ = invokeCLI("simulate", "--format", "json")
	var r struct {
		Run struct {
			Illustrative bool   `json:"illustrative"`
			SHA          string `json:"scenario_sha256"`
		} `json:"run"`
		Rows []json.RawMessage `json:"regions"`
	}
	if code != exitOK || json.Unmarshal([]byte(out), &r) != nil || !r.Run.Illustrative || len(r.Rows) != 31*5 || len(r.Run.SHA) != 64 {
		t.Errorf("json: exit %d, %d rows, run %+v", code, len(r.Rows), r.Run)
	}
}

// testdata/simulate_a.json: 北京 200 and 四川 130 with fixed +10 and the
// floors 143, 163, 183 (see adjust's TestRuleFixed): 北京 210 in 2025 at a
// yearly cost of 12 · 1000 · 210 = 2,520,000; 四川 raised to the floor 143.
func TestSimulateScenarioCSV(t *testing.T) {
	code, out, stderr := invokeCLI("simulate", "--scenario", "testdata/simulate_a.json", "--format", "csv")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) != 7 {
		t.Fatalf("%v %d", err, len(recs))
	}
	if recs[1][0] != "110000" || recs[1][3] != "210.00" || recs[1][13] != "2520000.00" {
		t.Errorf("北京 2025: %v", recs[1])
	}
	if recs[4][0] != "510000" || recs[4][3] != "143.00" || recs[4][8] != "floor" {
		t.Errorf("四川 2025: %v", recs[4])
	}
}

// B (fixed +20) − A (fixed +10): 北京 +10, +20, +30 a month. 四川 in
// 2025: A proposes 130 + 10 = 140 < 143, raised to the floor 143; B
// proposes 150 ≥ 143; so Δ = 150 − 143 = +7.
func TestSimulateCompare(t *testing.T) {
	code, out, stderr := invokeCLI("simulate", "--scenario", "testdata/simulate_a.json", "--compare", "testdata/simulate_b.json", "--format", "csv")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	recs, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	if len(recs) != 7 || recs[1][6] != "10.00" || recs[3][6] != "30.00" || recs[4][6] != "7.00" {
		t.Errorf("compare: %v", recs)
	}
}

func TestSimulateOutputs(t *testing.T) {
	dir := t.TempDir()
	svg := filepath.Join(dir, "levels.svg")
	if code, _, stderr := invokeCLI("simulate", "--out", svg); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	chart := filepath.Join(dir, "chart.svg")
	out := filepath.Join(dir, "out.txt")
	if code, _, stderr := invokeCLI("simulate", "--scenario", "testdata/simulate_a.json", "--out", out, "--chart", chart); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, f := range []string{svg, chart} {
		b, err := os.ReadFile(f)
		if err != nil || !strings.HasPrefix(string(b), "<svg") || xml.Unmarshal(b, new(struct{})) != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	// the default is illustrative and its chart says so; simulate_a's
	// chart has a line per region (2), the mean and the national floor
	if b, _ := os.ReadFile(svg); !strings.Contains(string(b), "ILLUSTRATIVE") {
		t.Errorf("%s does not say ILLUSTRATIVE", svg)
	}
	if b, _ := os.ReadFile(chart); strings.Count(string(b), "<polyline") != 4 {
		t.Errorf("%s: %d lines, want 4", chart, strings.Count(string(b), "<polyline"))
	}
	if b, _ := os.ReadFile(out); !strings.Contains(string(b), "北京市") {
		t.Errorf("out.txt: %s", b)
	}
}

// Sweep of fixed +0, +10, +20 over simulate_a.json (北京 1,000 persons at
// 200, 四川 2,000 at 130; floors 143, 163, 183). With +0 四川 is raised to
// the floor each year; with +20 it stays above it (150 > 143, ...), so:
//
//	+0:  北京 200 × 3 years: 12,000 · 600 = 7,200,000;
//	     四川 143, 163, 183: 24,000 · 489 = 11,736,000; total 18,936,000
//	+20: 北京 220, 240, 260: 12,000 · 720 = 8,640,000;
//	     四川 150, 170, 190: 24,000 · 510 = 12,240,000; total 20,880,000
func TestSimulateSweep(t *testing.T) {
	code, out, stderr := invokeCLI("simulate", "--scenario", "testdata/simulate_a.json", "--sweep", "rule.amount", "--values", "0:20:10", "--format", "csv", "--progress")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	recs, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	if len(recs) != 4 || recs[1][1] != "0.00" || recs[1][2] != "18936000.00" || recs[3][1] != "20.00" || recs[3][2] != "20880000.00" {
		t.Errorf("sweep: %v", recs)
	}
	// --progress: each of the three runs reports its 2 regions
	if strings.Count(stderr, "2 of 2 regions") != 3 {
		t.Errorf("progress: %q", stderr)
	}
}

func TestSimulateBadInput(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--scenario", "testdata/simulate_bad.json"}, "testdata/simulate_bad.json:7: regions[0].beneficiaries"},
		{[]string{"--scenario", "testdata/nope.json"}, "nope.json"},
		{[]string{"--format", "xml"}, "--format"},
		{[]string{"--sweep", "rule.amount"}, "--values"},
		{[]string{"--compare", "testdata/simulate_b.json", "--out", "x.svg"}, "--chart"},
	} {
		code, _, stderr := invokeCLI(append([]string{"simulate"}, c.args...)...)
		if code != exitUsage || !strings.Contains(stderr, c.want) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("%v: exit %d, stderr %q (want %q)", c.args, code, stderr, c.want)
		}
	}
}

// A scenario naming a historical code (371202 莱城区, 莱芜市 until 2019,
// MCA list 2016-12) runs once --regions adds it; the run record says the
// region table was the caller's own.
func TestSimulateRegionsFile(t *testing.T) {
	code, out, stderr := invokeCLI("simulate", "--regions", "testdata/regions_laiwu.csv", "--scenario", "testdata/simulate_laiwu.json", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, `"371202"`) || !strings.Contains(out, `"regions": "custom"`) {
		t.Errorf("output lacks the region or the custom-table record:\n%.600s", out)
	}
}
