package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"strings"
	"testing"
)

func TestCheckSampleIsIllustrativeAndFails(t *testing.T) {
	code, out, stderr := invokeCLI("check")
	if code != exitFail {
		t.Fatalf("exit %d, want 1 (the sample has violations): %s", code, stderr)
	}
	if !strings.HasPrefix(out, "*** ILLUSTRATIVE") {
		t.Errorf("sample report is not marked illustrative:\n%s", out[:min(len(out), 300)])
	}
	// Wanrong County (policy-reference §11): 2 months × 5 × 75,000 =
	// 750,000.00, written with thousands separators for reading.
	if !strings.Contains(out, "750,000.00") {
		t.Errorf("Wanrong arrears missing")
	}
}

// Example B as CSV: 20 × 10,000 × 6 = 1,200,000.00 owed, 600,000.00
// central in tier-3 Shandong (policy-reference §11).
func TestCheckExampleBJSON(t *testing.T) {
	code, out, stderr := invokeCLI("check", "--levels", "testdata/check_exampleB.csv", "--from", "2024-01", "--to", "2025-01", "--format", "json")
	if code != exitFail {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		SchemaVersion string `json:"schema_version"`
		Illustrative  bool   `json:"illustrative"`
		Summary       struct {
			Violations   int    `json:"violations"`
			Warnings     int    `json:"warnings"`
			ArrearsTotal string `json:"arrears_total"`
			Central      string `json:"arrears_central"`
		} `json:"summary"`
		Findings []map[string]any `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.SchemaVersion != "2" || doc.Illustrative || doc.Summary.Violations != 1 || doc.Summary.ArrearsTotal != "1200000.00" || doc.Summary.Central != "600000.00" {
		t.Errorf("doc = %+v", doc)
	}
	f := doc.Findings[0]
	for k, v := range map[string]any{"rule": "floor", "severity": "violation", "region": "371723", "program": "pension.resident.basic",
		"from": "2024-01", "to": "2024-07", "required": "123.00", "actual": "103.00", "shortfall": "20.00", "arrears": "1200000.00"} {
		if f[k] != v {
			t.Errorf("finding[%s] = %v, want %v", k, f[k], v)
		}
	}
	if _, ok := f["citation"].(map[string]any); !ok {
		t.Errorf("finding has no citation object")
	}
}

func TestCheckCompliantExitsZero(t *testing.T) {
	code, out, stderr := invokeCLI("check", "--levels", "testdata/check_compliant.csv", "--from", "2024-01", "--to", "2025-01")
	if code != exitOK {
		t.Fatalf("exit %d: %s\n%s", code, stderr, out)
	}
	if !strings.Contains(out, "No findings") {
		t.Errorf("out = %s", out)
	}
	if code, _, _ := invokeCLI("check", "--levels", "testdata/check_compliant.csv", "--at", "2024-03"); code != exitOK {
		t.Errorf("--at: exit %d", code)
	}
}

// Shanghai's minimum wage was unchanged 2019-04 → 2021-07 (27 months >
// 24): a warning, which fails only with --fail-on warning.
func TestCheckFailOnWarning(t *testing.T) {
	args := []string{"check", "--levels", "testdata/check_stale.csv", "--from", "2019-04", "--to", "2022-01"}
	if code, _, stderr := invokeCLI(args...); code != exitOK {
		t.Errorf("--fail-on violation: exit %d (%s)", code, stderr)
	}
	if code, out, _ := invokeCLI(append(args, "--fail-on", "warning")...); code != exitFail || !strings.Contains(out, "stale") {
		t.Errorf("--fail-on warning: exit %d\n%s", code, out)
	}
}

func TestCheckWaiverJSONInput(t *testing.T) {
	// as of 2024-12 the waiver (expiry 2026-01) still holds
	code, out, stderr := invokeCLI("check", "--levels", "testdata/check_waiver.json", "--from", "2024-01", "--to", "2025-01", "--as-of", "2024-12")
	if code != exitFail {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// 3 months waived (600,000.00) and 3 months owed (600,000.00).
	for _, want := range []string{"1 violations", "1 waived", "Arrears owed 应补发: 600,000.00", "Waived arrears 豁免: 600,000.00"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestCheckJUnit(t *testing.T) {
	code, out, _ := invokeCLI("check", "--levels", "testdata/check_exampleB.csv", "--from", "2024-01", "--to", "2025-01", "--format", "junit")
	if code != exitFail {
		t.Fatalf("exit %d", code)
	}
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Cases []struct {
				Class   string `xml:"classname,attr"`
				Name    string `xml:"name,attr"`
				Failure *struct {
					Text string `xml:",chardata"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Tests != 1 || doc.Failures != 1 || doc.Suites[0].Cases[0].Failure == nil ||
		!strings.Contains(doc.Suites[0].Cases[0].Failure.Text, "arrears 1200000.00") ||
		!strings.Contains(doc.Suites[0].Cases[0].Failure.Text, "rule: 2024年政府工作报告") {
		t.Errorf("junit = %+v\n%s", doc, out)
	}
}

func TestCheckBadInputExitsTwo(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--levels", "testdata/check_gbk.csv"}, "testdata/check_gbk.csv:2: source: not UTF-8"},
		{[]string{"--levels", "testdata/nosuchfile.csv"}, "no such file"},
		{[]string{"--levels", "testdata/check_waiver.txt"}, "unknown file type"},
		{[]string{"--at", "2024-01", "--from", "2024-01"}, "either --at or --from/--to"},
		{[]string{"--at", "2024-13"}, "--at"},
		{[]string{"--from", "2025-01", "--to", "2024-01"}, "not after"},
		{[]string{"--format", "xml"}, "--format"},
		{[]string{"--fail-on", "advisory"}, "--fail-on"},
		// a bad value inside versions is named by file, line and JSON path, once
		{[]string{"--levels", "testdata/check_bad_month.json"}, `testdata/check_bad_month.json:8: levels[0].versions[1].from: benefit: invalid month "2024-13"`},
		{[]string{"--floors", "testdata/check_floors_bad_amount.json"}, `testdata/check_floors_bad_amount.json:6: floors[0].versions[0].amount: benefit: invalid amount "1,50"`},
		{[]string{"--floors", "testdata/bad_empty.json"}, "testdata/bad_empty.json:1: benefit: invalid syntax: empty file: no JSON document"},
		// a confidence mark outside the legend (V, V3, D, M, C) in floors or levels
		{[]string{"--floors", "testdata/check_floors_bad_mark.json"}, `testdata/check_floors_bad_mark.json:6: floors[0].citation.confidence: benefit: invalid confidence mark "Z"`},
		{[]string{"--levels", "testdata/check_bad_mark.json"}, `testdata/check_bad_mark.json:4: levels[0].source.confidence: benefit: invalid confidence mark "[V9]"`},
	}
	for _, tc := range cases {
		code, _, stderr := invokeCLI(append([]string{"check"}, tc.args...)...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("%v: exit %d, stderr %q (want one line with %q)", tc.args, code, stderr, tc.want)
		}
	}
}

// A regional agreement loaded with --floors (hypothetical 长三角 150)
// binds a Jiangsu county paying 140: 10 × 1,000 × 6 = 60,000.00; without
// it the county is above the national 123.
func TestCheckWithRegionalFloors(t *testing.T) {
	args := []string{"check", "--levels", "testdata/check_jiangsu.csv", "--from", "2024-01", "--to", "2024-07"}
	if code, _, stderr := invokeCLI(args...); code != exitOK {
		t.Errorf("without --floors: exit %d %s", code, stderr)
	}
	code, out, stderr := invokeCLI(append(args, "--floors", "testdata/check_floors_yrd.json")...)
	if code != exitFail || !strings.Contains(out, "Arrears owed 应补发: 60,000.00") || !strings.Contains(out, "长三角") {
		t.Errorf("with --floors: exit %d %s\n%s", code, stderr, out)
	}
	if code, _, _ := invokeCLI(append(args, "--floors", "testdata/check_jiangsu.csv")...); code != exitUsage {
		t.Errorf("bad floors file: exit %d", code)
	}
}

// --at checks one month: Example B in March 2024 owes 20 × 10,000 × 1 =
// 200,000.00; in August 2024 the county pays the floor (123) and the
// check passes. --from without --to leaves the window open, and --as-of
// says up to when arrears are counted: as of 2024-12 the shortfall of
// 2024-01 .. 2024-06 is owed, 1,200,000.00; as of 2025-03 the county,
// still at 123, is 20 below the 2025 floor of 143 for January to March
// too: 1,200,000.00 + 20 × 10,000 × 3 = 1,800,000.00.
func TestCheckWindowFlags(t *testing.T) {
	args := []string{"check", "--levels", "testdata/check_exampleB.csv", "--format", "json"}
	code, out, stderr := invokeCLI(append(args, "--at", "2024-03")...)
	if code != exitFail || !strings.Contains(out, `"arrears_total": "200000.00"`) || !strings.Contains(out, `"from": "2024-03"`) || !strings.Contains(out, `"to": "2024-04"`) {
		t.Errorf("--at 2024-03: exit %d %s\n%s", code, stderr, out)
	}
	if code, out, _ := invokeCLI(append(args, "--at", "2024-08")...); code != exitOK || !strings.Contains(out, `"violations": 0`) {
		t.Errorf("--at 2024-08: exit %d\n%s", code, out)
	}
	code, out, _ = invokeCLI(append(args, "--from", "2024-01", "--as-of", "2024-12")...)
	if code != exitFail || !strings.Contains(out, `"arrears_total": "1200000.00"`) || !strings.Contains(out, `"as_of": "2024-12"`) {
		t.Errorf("--from only: exit %d\n%s", code, out)
	}
	code, out, _ = invokeCLI(append(args, "--from", "2024-01", "--as-of", "2025-03")...)
	if code != exitFail || !strings.Contains(out, `"arrears_total": "1800000.00"`) {
		t.Errorf("--from, as of 2025-03: exit %d\n%s", code, out)
	}
}

// --catalogue: a user's own catalogue (testdata/check_catalogue.json)
// knows one HYPOTHETICAL programme, local.elderly_allowance (高龄津贴, per
// month, age bands 80+ and 90+), which the built-in catalogue does not.
// Its floors (testdata/check_catalogue_floors.json, status announced, so
// a shortfall is a violation) are 100 a month for 80+ and 200 for 90+
// from 2024-01. Worked by hand over [2024-01, 2025-01):
//
//   - check_catalogue_levels.csv: 80+ pays 90 from 2024-01 and 100 from
//     2024-07, to 5 persons: short 100 − 90 = 10 for the 6 months
//     2024-01..2024-06, so 10 × 5 × 6 = 300.00 owed, 1 violation.
//   - check_catalogue_levels.json: 90+ pays 150 from 2024-01 to 2
//     persons: short 200 − 150 = 50 for all 12 months, so
//     50 × 2 × 12 = 1,200.00 owed, 1 violation.
//
// No cost-sharing rule covers the user's programme, so the whole sum is
// unsplit (central 0.00, local 0.00).
func TestCheckUserCatalogue(t *testing.T) {
	base := []string{"check", "--catalogue", "testdata/check_catalogue.json", "--floors", "testdata/check_catalogue_floors.json",
		"--from", "2024-01", "--to", "2025-01"}
	code, out, stderr := invokeCLI(append(base, "--levels", "testdata/check_catalogue_levels.csv")...)
	if code != exitFail || !strings.Contains(out, "1 violations, 0 warnings") || !strings.Contains(out, "Arrears owed 应补发: 300.00") ||
		!strings.Contains(out, "10.00 × 30 person-months = 300.00") {
		t.Errorf("CSV levels: exit %d %s\n%s", code, stderr, out)
	}

	code, out, stderr = invokeCLI(append(base, "--levels", "testdata/check_catalogue_levels.json", "--format", "json")...)
	if code != exitFail {
		t.Fatalf("JSON levels: exit %d %s", code, stderr)
	}
	var doc struct {
		Illustrative bool `json:"illustrative"`
		Summary      struct {
			Violations   int    `json:"violations"`
			ArrearsTotal string `json:"arrears_total"`
			Unsplit      string `json:"arrears_unsplit"`
		} `json:"summary"`
		Findings []map[string]any `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if !doc.Illustrative || doc.Summary.Violations != 1 || doc.Summary.ArrearsTotal != "1200.00" || doc.Summary.Unsplit != "1200.00" || len(doc.Findings) != 1 {
		t.Fatalf("JSON levels: doc = %+v", doc)
	}
	f := doc.Findings[0]
	for k, v := range map[string]any{"rule": "floor", "severity": "violation", "program": "local.elderly_allowance", "dimensions": "age=90+",
		"from": "2024-01", "to": "2025-01", "required": "200.00", "actual": "150.00", "shortfall": "50.00", "arrears": "1200.00"} {
		if f[k] != v {
			t.Errorf("finding[%s] = %v, want %v", k, f[k], v)
		}
	}

	// without the catalogue, the floors and the levels name an unknown
	// programme; with it, the built-in programmes are unknown (it replaces
	// the built-in catalogue)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "--floors", "testdata/check_catalogue_floors.json"},
			`testdata/check_catalogue_floors.json:5: floors[0].program: benefit: unknown programme "local.elderly_allowance"`},
		{[]string{"check", "--levels", "testdata/check_catalogue_levels.csv"},
			`testdata/check_catalogue_levels.csv:2: program: benefit: unknown programme "local.elderly_allowance"`},
		{[]string{"check", "--levels", "testdata/check_catalogue_levels.json"},
			`testdata/check_catalogue_levels.json:4: levels[0].program: benefit: unknown programme "local.elderly_allowance"`},
		{[]string{"check", "--catalogue", "testdata/check_catalogue.json", "--levels", "testdata/check_jiangsu.csv"},
			`testdata/check_jiangsu.csv:2: program: benefit: unknown programme "pension.resident.basic" (known: [local.elderly_allowance])`},
		// a bad catalogue: file, line and field
		{[]string{"check", "--catalogue", "testdata/check_catalogue_bad.json", "--levels", "testdata/check_catalogue_levels.csv"},
			`testdata/check_catalogue_bad.json:5: programs[0].frequency: benefit: invalid frequency "week"`},
		{[]string{"check", "--catalogue", "testdata/check_catalogue_bad_dims.json", "--levels", "testdata/check_catalogue_levels.csv"},
			`testdata/check_catalogue_bad_dims.json:7: programs[0].dimensions[0].values[1]: benefit: invalid syntax: value "80+" is empty, repeated`},
		{[]string{"check", "--catalogue", "testdata/check_catalogue_bad_field.json", "--levels", "testdata/check_catalogue_levels.csv"},
			`testdata/check_catalogue_bad_field.json:4: programs[0].frequncy: benefit: invalid syntax: json: unknown field "frequncy"`},
		{[]string{"check", "--catalogue", "testdata/nosuchcatalogue.json"}, "no such file"},
		{[]string{"check", "--catalogue", ""}, "--catalogue"},
	} {
		code, _, stderr := invokeCLI(tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("%v: exit %d, stderr %q (want one line with %q)", tc.args, code, stderr, tc.want)
		}
	}
}

// What could not be checked is listed, never read as compliant
// (testdata/check_unchecked.csv, window 2022):
//   - Shanghai's unemployment benefit is given with the minimum wage but
//     without the city's 低保: 失业保险条例 Art 18's lower bound and
//     社会保险法 Art 47 are unchecked (no_reference), 12 months each;
//   - a county's 在乡复员军人 allowance has no national floor: unchecked
//     (no_floor);
//   - a HYPOTHETICAL county raise 140 → 150 effective 2022-01, first
//     paid 2022-03, 1,000 persons: (150 − 140) × 1,000 × 2 = 20,000.00
//     owed (late_payment), all local (a top-up above the floor).
//
// The late payment is a violation: exit 1. The coverage table and the
// JUnit skipped cases say what was not checked.
func TestCheckUncheckedAndCoverage(t *testing.T) {
	args := []string{"check", "--levels", "testdata/check_unchecked.csv", "--from", "2022-01", "--to", "2023-01", "--as-of", "2022-12"}
	code, out, stderr := invokeCLI(args...)
	if code != exitFail {
		t.Fatalf("exit %d: %s\n%s", code, stderr, out)
	}
	for _, want := range []string{"ui.art18.above_dibao [unchecked: no_reference]", "ui.art47.not_below_dibao [unchecked: no_reference]",
		"floor [unchecked: no_floor]", "late_payment", "Arrears owed 应补发: 20,000.00 (central 中央 0.00, local 地方 20,000.00), counted through 2022-12",
		"3 unchecked 未核验", "Coverage 覆盖", "as of 截至 2022-12"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = invokeCLI(append(args, "--format", "junit")...)
	if code != exitFail || strings.Count(out, `<skipped message="no_reference: `) != 2 || !strings.Contains(out, `<skipped message="no_floor: `) ||
		!strings.Contains(out, `<property name="coverage ui.art47.not_below_dibao" value="checked 0, unchecked 12 level-months">`) {
		t.Errorf("junit: exit %d\n%s", code, out)
	}
}

// An allowance no floor can check is a warning: exit 0 by default, 1
// with --fail-on warning.
func TestCheckUncheckedFailsOnWarning(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/demobilized.csv"
	if err := os.WriteFile(path, []byte("region,program,dimensions,effective_from,amount,per,beneficiaries,source,status\n"+
		"140822,veterans.demobilized,enlisted=抗日战争时期,2022-01,24000,year,3,HYPOTHETICAL,default\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"check", "--levels", path, "--from", "2022-01", "--to", "2023-01"}
	if code, out, stderr := invokeCLI(args...); code != exitOK || !strings.Contains(out, "unchecked: no_floor") {
		t.Errorf("default: exit %d %s\n%s", code, stderr, out)
	}
	if code, _, _ := invokeCLI(append(args, "--fail-on", "warning")...); code != exitFail {
		t.Errorf("--fail-on warning: exit %d", code)
	}
}

// --expect names the levels that should have been given: 371723 and
// 140822 are expected, 371723 only is given (testdata/check_exampleB.csv):
// 140822 is missing, 1 of 2. A bad expectations file exits 2 naming
// file, line and field.
func TestCheckExpect(t *testing.T) {
	code, out, stderr := invokeCLI("check", "--levels", "testdata/check_exampleB.csv", "--from", "2024-01", "--to", "2025-01",
		"--expect", "testdata/check_expect.csv", "--format", "json")
	if code != exitFail {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{`"rule": "missing"`, `"region": "140822"`, `"expected": 2`, `"missing": 1`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s", want)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--expect", "testdata/check_expect_bad.csv"}, `testdata/check_expect_bad.csv:3: scope: benefit: invalid syntax: scope "cities"`},
		{[]string{"--expect", "testdata/nosuchexpect.csv"}, "no such file"},
		{[]string{"--expect", ""}, "--expect"},
		{[]string{"--as-of", "2024-13"}, "--as-of"},
		{[]string{"--as-of", ""}, "--as-of"},
	} {
		code, _, stderr := invokeCLI(append([]string{"check"}, tc.args...)...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("%v: exit %d, stderr %q (want one line with %q)", tc.args, code, stderr, tc.want)
		}
	}
}

// A level for a historical code: 371202 莱城区, a district of 莱芜市 until
// 2019 (MCA list 2016-12), is not in the 2023 table, so the levels are
// bad input (exit 2) until --regions adds it. Then June 2018 is checked:
// the national floor was 88 from 2018-01 (人社部 财政部), the district
// paid 80, so 8.00 × 20,000 persons × 1 month = 160,000.00 is owed, and
// Shandong (tier 3, 国办发〔2018〕6号) has the centre pay 50 %: 80,000.00.
func TestCheckRegionsFile(t *testing.T) {
	args := []string{"check", "--at", "2018-06", "--levels", "testdata/check_laiwu.csv"}
	code, _, stderr := invokeCLI(args...)
	if code != exitUsage || !strings.Contains(stderr, "check_laiwu.csv:2: region:") || !strings.Contains(stderr, "unknown region 371202") {
		t.Errorf("without --regions: exit %d, %q", code, stderr)
	}
	code, out, stderr := invokeCLI(append(args, "--regions", "testdata/regions_laiwu.csv")...)
	if code != exitFail {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"371202  莱城区", "160,000.00", "central 中央 80,000.00, local 地方 80,000.00"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

// A shortfall against a provisional floor (暂定标准) is a warning whose
// arrears are not in the total owed, and the text says so beside the
// total rather than leave "Arrears owed 0.00" alone.
// testdata/check_provisional.csv: a HYPOTHETICAL county pays its 1,000
// residents 95 a month from 2021-01 and 100 from 2023-01. The shipped
// national floor is 98 from 2022-01 and 103 from 2023-01, both
// provisional (their months are not sourced, floor/data/national.json).
// Worked by hand: 2022, (98 − 95) × 1,000 × 12 = 36,000.00; 2023,
// (103 − 100) × 1,000 × 12 = 36,000.00; both warnings, owed 0.00.
func TestCheckProvisionalArrearsShown(t *testing.T) {
	for _, c := range []struct{ to, asOf, want string }{
		{"2023-01", "2022-12", "Not in the total 未计入: 1 finding below a provisional floor 暂定标准 shows 36,000.00, owed once the floor is confirmed"},
		{"2024-01", "2023-12", "Not in the total 未计入: 2 findings below provisional floors 暂定标准 show 72,000.00 summed finding by finding"},
	} {
		code, out, stderr := invokeCLI("check", "--levels", "testdata/check_provisional.csv", "--from", "2022-01", "--to", c.to, "--as-of", c.asOf)
		if code != exitOK || !strings.Contains(out, "Arrears owed 应补发: 0.00 (") || !strings.Contains(out, c.want) {
			t.Errorf("to %s: exit %d %s\n%s\nwant %q", c.to, code, stderr, out, c.want)
		}
	}
	// --fail-on warning makes the same run fail.
	if code, _, _ := invokeCLI("check", "--levels", "testdata/check_provisional.csv", "--from", "2022-01", "--to", "2023-01", "--fail-on", "warning"); code != exitFail {
		t.Errorf("--fail-on warning: exit %d, want %d", code, exitFail)
	}
}
