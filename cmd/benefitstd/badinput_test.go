package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// badCase is one hostile or careless command line: it must exit with
// code (2, the usage/bad-input code, unless said otherwise), write one
// line to standard error holding every string of want (the file, line
// and field where there is one), write nothing to standard output and
// never panic.
type badCase struct {
	name string
	args []string
	want []string
}

// checkBad runs the cases and applies the contract above.
func checkBad(t *testing.T, cases []badCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := invokeCLI(tc.args...)
			if code != exitUsage {
				t.Errorf("%q: exit %d, want %d; stderr %q", tc.args, code, exitUsage, stderr)
			}
			msg := strings.TrimSpace(stderr)
			if msg == "" || strings.Contains(msg, "\n") {
				t.Errorf("%q: want a one-line message, got %q", tc.args, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("%q: stderr %q lacks %q", tc.args, msg, w)
				}
			}
			if strings.Contains(msg, "panic") || strings.Contains(msg, "goroutine") {
				t.Errorf("%q: panic: %s", tc.args, msg)
			}
			if stdout != "" {
				t.Errorf("%q: a failed run wrote a (half) report:\n%s", tc.args, stdout)
			}
		})
	}
}

// A directory given where a file is expected.
func dirNamed(t *testing.T, name string) string {
	t.Helper()
	d := filepath.Join(t.TempDir(), name)
	if err := os.Mkdir(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCheckBadInput(t *testing.T) {
	lv := func(f string) []string { return []string{"check", "--at", "2024-06", "--levels", "testdata/" + f} }
	checkBad(t, []badCase{
		{"empty csv", lv("bad_empty.csv"), []string{"bad_empty.csv:1", "empty file"}},
		{"empty json", lv("bad_empty.json"), []string{"bad_empty.json:1"}},
		{"header only", lv("bad_header_only.csv"), []string{"bad_header_only.csv", "no levels"}},
		{"json null", lv("bad_null.json"), []string{"bad_null.json", "no levels"}},
		{"missing file", lv("bad_missing.csv"), []string{"bad_missing.csv", "no such file"}},
		{"directory", []string{"check", "--levels", dirNamed(t, "levels.csv")}, []string{"levels.csv", "is a directory"}},
		{"no extension", []string{"check", "--levels", "testdata"}, []string{"testdata", "unknown file type"}},
		{"GBK", lv("bad_gbk.csv"), []string{"bad_gbk.csv:2", "source", "GBK"}},
		{"unknown column", lv("bad_unknown_column.csv"), []string{"bad_unknown_column.csv:1", "note", "unknown column"}},
		{"unknown JSON field", lv("bad_unknown_field.json"), []string{"bad_unknown_field.json", `unknown field "amout"`}},
		{"trailing JSON", lv("bad_trailing.json"), []string{"bad_trailing.json", "after the JSON value"}},
		{"amount 1e9", lv("bad_amount_exponent.csv"), []string{"bad_amount_exponent.csv:2", "amount", "exponent"}},
		{"amount 1,000", lv("bad_amount_comma.csv"), []string{"bad_amount_comma.csv:2", "amount", "thousands"}},
		{"amount NaN", lv("bad_amount_nan.csv"), []string{"bad_amount_nan.csv:2", "amount", `"NaN"`}},
		{"amount 10,000 digits", lv("bad_amount_long.csv"), []string{"bad_amount_long.csv:2", "amount", "too long"}},
		{"negative beneficiaries", lv("bad_negative_beneficiaries.csv"), []string{"bad_negative_beneficiaries.csv:2", "beneficiaries", "negative"}},
		{"month 2024-13", lv("bad_month_13.csv"), []string{"bad_month_13.csv:2", "effective_from", "2024-13"}},
		{"month 24-07", lv("bad_month_short.csv"), []string{"bad_month_short.csv:2", "effective_from", "24-07"}},
		// 419999 is well formed but no division of the 2023 table
		{"unknown region", lv("bad_region.csv"), []string{"bad_region.csv:3: region:", "unknown region 419999"}},
		{"unknown region JSON", lv("bad_region.json"), []string{"bad_region.json:5: levels[1].region:", "unknown region 419999"}},
		{"--regions bad parent", append(lv("check_laiwu.csv"), "--regions", "testdata/bad_regions_parent.csv"), []string{"bad_regions_parent.csv:3: parent:", "unknown region 371900"}},
		{"--regions missing", append(lv("check_laiwu.csv"), "--regions", "testdata/bad_missing.csv"), []string{"bad_missing.csv", "no such file"}},
		{"--regions GBK", append(lv("check_laiwu.csv"), "--regions", "testdata/bad_regions_gbk.csv"), []string{"bad_regions_gbk.csv:2: name:", "GBK"}},
		{"empty --regions", []string{"check", "--regions="}, []string{"--regions is empty"}},
		{"unknown programme", lv("bad_program.csv"), []string{"bad_program.csv:2", "program", "no.such.programme"}},
		// a level that does not say how firm it is is not read as law
		{"no status column", lv("bad_no_status.csv"), []string{"bad_no_status.csv:1", "status", "legislated, announced, provisional, projected or default"}},
		{"empty status", lv("bad_empty_status.csv"), []string{"bad_empty_status.csv:3", "status", "missing"}},
		{"floors missing", []string{"check", "--floors", "testdata/bad_missing.json"}, []string{"bad_missing.json"}},
		{"floors unknown field", []string{"check", "--floors", "testdata/bad_unknown_field.json"}, []string{"bad_unknown_field.json", "unknown field"}},

		{"--at 2024-13", []string{"check", "--at", "2024-13"}, []string{"--at", "2024-13"}},
		{"--at 24-07", []string{"check", "--at", "24-07"}, []string{"--at", "24-07"}},
		{"--at last month", []string{"check", "--at", "9999-12"}, []string{"--at 9999-12"}},
		{"--from after --to", []string{"check", "--from", "2025-01", "--to", "2024-01"}, []string{"--to 2024-01 is not after --from 2025-01"}},
		{"--from equals --to", []string{"check", "--from", "2024-01", "--to", "2024-01"}, []string{"not after"}},
		{"--at with --from", []string{"check", "--at", "2024-01", "--from", "2023-01"}, []string{"either --at or --from/--to"}},
		{"--format", []string{"check", "--format", "xml"}, []string{"--format", "text|json|junit"}},
		{"--format upper case", []string{"check", "--format", "JSON"}, []string{"--format"}},
		{"--fail-on", []string{"check", "--fail-on", "error"}, []string{"--fail-on", "violation|warning"}},
		{"unknown flag", []string{"check", "--nosuch"}, []string{"nosuch"}},
		{"bad bool", []string{"check", "--pass-through=maybe"}, []string{"pass-through"}},
		// An unset shell variable must not fall back to the embedded sample.
		{"empty --levels", []string{"check", "--levels="}, []string{"--levels is empty"}},
		{"empty --floors", []string{"check", "--floors="}, []string{"--floors is empty"}},
		{"empty --from", []string{"check", "--from=", "--to", "2025-01"}, []string{"--from is empty"}},
	})
}

// A UTF-8 CSV with a byte-order mark and CRLF line ends (as Excel's "CSV
// UTF-8" saves it) reads like any other: 371723 pays 123 from 2024-01,
// the national floor of 2024 is 123 (policy-reference: 2024 +20 to 123),
// so June 2024 is compliant and the exit is 0.
func TestCheckBOMCRLF(t *testing.T) {
	code, out, stderr := invokeCLI("check", "--at", "2024-06", "--levels", "testdata/bad_bom_crlf.csv")
	if code != exitOK || !strings.Contains(out, "1 levels; 0 violations") {
		t.Errorf("exit %d, stderr %q:\n%s", code, stderr, out)
	}
	// The same level in 2025 is below the floor 143: exit 1 is the one
	// non-zero exit the contract gives check besides 2.
	if code, _, _ := invokeCLI("check", "--at", "2025-06", "--levels", "testdata/bad_bom_crlf.csv"); code != exitFail {
		t.Errorf("2025-06: exit %d, want %d", code, exitFail)
	}
}

func TestFloorsRegionsBadInput(t *testing.T) {
	checkBad(t, []badCase{
		{"floors --at 2024-13", []string{"floors", "--at", "2024-13"}, []string{"--at", "2024-13"}},
		{"floors --at 24-07", []string{"floors", "--at", "24-07"}, []string{"--at", "24-07"}},
		{"floors --at empty", []string{"floors", "--at="}, []string{"--at is empty"}},
		{"floors --program unknown", []string{"floors", "--program", "no.such.programme"}, []string{"--program", "no.such.programme"}},
		{"floors --program empty", []string{"floors", "--program="}, []string{"--program is empty"}},
		{"floors --format", []string{"floors", "--format", "csv"}, []string{"--format", "text|json"}},
		{"regions --format", []string{"regions", "--format", "csv"}, []string{"--format", "text|json"}},
		{"regions --format empty", []string{"regions", "--format="}, []string{"--format"}},
		{"regions --under unknown", []string{"regions", "--under", "419999"}, []string{"--under", "unknown region 419999"}},
		{"regions --under malformed", []string{"regions", "--under", "4100"}, []string{"--under", `"4100"`}},
		{"regions --under empty", []string{"regions", "--under="}, []string{"--under is empty"}},
		{"regions --under and --all", []string{"regions", "--under", "410000", "--all"}, []string{"--under or --all"}},
		{"regions --regions bad", []string{"regions", "--regions", "testdata/bad_regions_parent.csv"}, []string{"bad_regions_parent.csv:3: parent:", "371900"}},
	})
}

func TestSimulateHostileInput(t *testing.T) {
	sc := func(f string) []string { return []string{"simulate", "--scenario", "testdata/" + f} }
	a := []string{"simulate", "--scenario", "testdata/simulate_a.json"}
	with := func(args ...string) []string { return append(append([]string{}, a...), args...) }
	tmp := t.TempDir()
	checkBad(t, []badCase{
		{"empty", sc("bad_empty.json"), []string{"bad_empty.json:1"}},
		{"missing", sc("bad_missing.json"), []string{"bad_missing.json", "no such file"}},
		{"directory", []string{"simulate", "--scenario", dirNamed(t, "s.json")}, []string{"s.json", "is a directory"}},
		{"horizon 0", sc("bad_scenario_horizon0.json"), []string{"bad_scenario_horizon0.json", "horizon", "1-100"}},
		{"horizon 101", sc("bad_scenario_horizon101.json"), []string{"bad_scenario_horizon101.json", "horizon", "1-100"}},
		{"unknown region", sc("bad_scenario_region.json"), []string{"bad_scenario_region.json:14: regions[1].code:", "unknown region 419999"}},
		{"historical region", sc("simulate_laiwu.json"), []string{"simulate_laiwu.json:7: regions[0].code:", "unknown region 371202"}},
		{"--regions bad parent", append(sc("simulate_laiwu.json"), "--regions", "testdata/bad_regions_parent.csv"), []string{"bad_regions_parent.csv:3: parent:", "371900"}},
		{"unknown programme", sc("bad_scenario_program.json"), []string{"bad_scenario_program.json", "program", "no.such.programme"}},
		{"unknown field", sc("bad_scenario_unknown_field.json"), []string{"bad_scenario_unknown_field.json:18", `unknown field "revenu"`}},
		{"trailing", sc("bad_scenario_trailing.json"), []string{"bad_scenario_trailing.json", "after the JSON value"}},
		{"amount 1e9", sc("bad_scenario_amount.json"), []string{"bad_scenario_amount.json", "regions[1].level", "exponent"}},
		{"negative beneficiaries", sc("bad_scenario_negative.json"), []string{"bad_scenario_negative.json", "regions[1].beneficiaries", "negative"}},
		{"month 2024-13", sc("bad_scenario_month.json"), []string{"bad_scenario_month.json", "floor.history[0]", "2024-13"}},
		{"compare bad", with("--compare", "testdata/bad_scenario_horizon0.json"), []string{"bad_scenario_horizon0.json", "horizon"}},

		{"--format", with("--format", "xml"), []string{"--format", "table|csv|json"}},
		{"--workers negative", with("--workers", "-1"), []string{"--workers -1"}},
		{"--workers 1e3", with("--workers", "1e3"), []string{"workers"}},
		{"--values descending", with("--sweep", "rule.amount", "--values", "100:0:5"), []string{`--values "100:0:5"`, "want from ≤ to"}},
		{"--values zero step", with("--sweep", "rule.amount", "--values", "0:100:0"), []string{`--values "0:100:0"`, "step"}},
		{"--values too many", with("--sweep", "rule.amount", "--values", "0:1000000000:1"), []string{"--values", "10,000"}},
		{"--values 1e9", with("--sweep", "rule.amount", "--values", "1e9"), []string{"rule.amount", "exponent"}},
		{"--sweep unknown path", with("--sweep", "rule.bogus", "--values", "1,2"), []string{"rule.bogus"}},
		{"--sweep alone", with("--sweep", "rule.amount"), []string{"go together"}},
		{"--format with .svg --out", with("--out", filepath.Join(tmp, "x.svg"), "--format", "json"), []string{"--format json", ".svg"}},
		{"--out and --chart the same", with("--out", filepath.Join(tmp, "same.txt"), "--chart", filepath.Join(tmp, "same.txt")), []string{"same file"}},
		{"empty --scenario", []string{"simulate", "--scenario="}, []string{"--scenario is empty"}},
		{"empty --out", with("--out="), []string{"--out is empty"}},
	})
}

// Output files: a bad --out or --chart is told before the run with exit
// 2, and a failed run leaves no file (nor a lone chart, nor a temporary)
// behind.
func TestSimulateOutputFiles(t *testing.T) {
	dir := t.TempDir()
	notDir := filepath.Join(dir, "plain")
	if err := os.WriteFile(notDir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	chart := filepath.Join(dir, "chart.svg")
	a := []string{"simulate", "--scenario", "testdata/simulate_a.json"}
	with := func(args ...string) []string { return append(append([]string{}, a...), args...) }
	checkBad(t, []badCase{
		{"--out no dir", with("--out", filepath.Join(dir, "nodir", "x.csv")), []string{"--out", "nodir", "does not exist"}},
		{"--out under a file", with("--out", filepath.Join(notDir, "x.csv")), []string{"--out", "not a directory"}},
		{"--out a directory", with("--out", dir), []string{"--out", "is a directory"}},
		{"--chart no dir", with("--chart", filepath.Join(dir, "nodir", "c.svg")), []string{"--chart", "does not exist"}},
		{"--chart ok, --out bad", with("--chart", chart, "--out", filepath.Join(dir, "nodir", "x.csv")), []string{"--out"}},
		{"bad scenario with --out", []string{"simulate", "--scenario", "testdata/bad_scenario_horizon0.json", "--out", filepath.Join(dir, "x.csv"), "--chart", chart}, []string{"horizon"}},
	})
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 || ents[0].Name() != "plain" {
		t.Errorf("files left after failed runs: %v", ents)
	}
	if os.Geteuid() != 0 {
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		code, out, stderr := invokeCLI(with("--out", filepath.Join(ro, "x.csv"))...)
		if code != exitUsage || out != "" || !strings.Contains(stderr, "permission denied") {
			t.Errorf("read-only --out: exit %d, stderr %q", code, stderr)
		}
	}
	// A good run writes both files whole.
	out := filepath.Join(dir, "levels.csv")
	if code, _, stderr := invokeCLI(with("--format", "csv", "--out", out, "--chart", chart)...); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, f := range []string{out, chart} {
		if st, err := os.Stat(f); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestPlanBadInput(t *testing.T) {
	dir := t.TempDir()
	pp := filepath.Join(dir, "pay.csv")
	rt := func(f string, more ...string) []string {
		return append([]string{"plan", "--builtin", "shanxi-2025", "--retirees", "testdata/" + f}, more...)
	}
	b := func(more ...string) []string {
		return append([]string{"plan", "--builtin", "shanxi-2025", "--synthetic", "100"}, more...)
	}
	checkBad(t, []badCase{
		{"empty retirees", rt("bad_empty.csv"), []string{"bad_empty.csv:1", "empty file"}},
		{"header only", rt("bad_retirees_header_only.csv", "--per-person", pp), []string{"bad_retirees_header_only.csv", "no retirees"}},
		{"missing retirees", rt("bad_missing.csv"), []string{"bad_missing.csv", "no such file"}},
		{"directory retirees", []string{"plan", "--builtin", "shanxi-2025", "--retirees", dirNamed(t, "r.csv")}, []string{"r.csv", "is a directory"}},
		{"GBK retirees", rt("bad_retirees_gbk.csv"), []string{"bad_retirees_gbk.csv:2", "category", "GBK"}},
		{"pension 5,000", rt("bad_retirees_pension.csv", "--per-person", pp), []string{"bad_retirees_pension.csv:3", "pension", "thousands"}},
		{"months 13", rt("bad_retirees_months.csv", "--per-person", pp), []string{"bad_retirees_months.csv:3", "months"}},
		{"unknown column", rt("bad_unknown_column.csv"), []string{"bad_unknown_column.csv:1", "unknown column"}},
		{"plan empty", []string{"plan", "--plan", "testdata/bad_empty.json"}, []string{"bad_empty.json:1"}},
		{"plan missing", []string{"plan", "--plan", "testdata/bad_missing.json"}, []string{"bad_missing.json"}},
		{"plan unknown field", []string{"plan", "--plan", "testdata/plan_bad.json"}, []string{"plan_bad.json:15", `unknown field "extra"`}},

		{"--format", b("--format", "xml"), []string{"--format", "text|json"}},
		{"--synthetic 0", b("--synthetic", "0"), []string{"--synthetic 0"}},
		{"--synthetic too big", b("--synthetic", "10000001"), []string{"--synthetic 10000001", "10,000,000"}},
		{"--synthetic overflow", b("--synthetic", "99999999999999999999"), []string{"synthetic"}},
		{"--workers negative", b("--workers", "-1"), []string{"--workers -1"}},
		{"--step 0", b("--calibrate", "fixed", "--target", "2%", "--step", "0"), []string{"--step 0", "above zero"}},
		{"--step 0%", b("--calibrate", "level", "--target", "2%", "--step", "0%"), []string{"--step 0%", "above zero"}},
		{"--target NaN", b("--calibrate", "fixed", "--target", "NaN"), []string{"--target", "NaN"}},
		{"--target 200%", b("--calibrate", "fixed", "--target", "200%"), []string{"200%"}},
		{"unknown part", b("--calibrate", "nosuch", "--target", "2%"), []string{"nosuch"}},
		// An unset shell variable must not turn into a synthetic population.
		{"empty --retirees", b("--retirees="), []string{"--retirees is empty"}},
		{"empty --per-person", rt("plan_retirees.csv", "--per-person="), []string{"--per-person is empty"}},
		{"--per-person no dir", rt("plan_retirees.csv", "--per-person", filepath.Join(dir, "nodir", "pay.csv")), []string{"--per-person", "does not exist"}},
		{"--per-person a directory", rt("plan_retirees.csv", "--per-person", dir), []string{"--per-person", "is a directory"}},
	})
	// Nothing half-applied: no payment file and no temporary left.
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("files left after failed runs: %v", ents)
	}
	if os.Geteuid() != 0 {
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		code, out, stderr := invokeCLI(rt("plan_retirees.csv", "--per-person", filepath.Join(ro, "pay.csv"))...)
		if code != exitUsage || out != "" || !strings.Contains(stderr, "--per-person") || !strings.Contains(stderr, "permission denied") {
			t.Errorf("read-only --per-person: exit %d, stderr %q", code, stderr)
		}
	}
}

// A retirees file with a byte-order mark and CRLF line ends reads like
// any other: one retiree, eligible.
func TestPlanBOMCRLF(t *testing.T) {
	code, out, stderr := invokeCLI("plan", "--builtin", "shanxi-2025", "--retirees", "testdata/bad_retirees_bom_crlf.csv")
	if code != exitOK || !strings.Contains(out, "Retirees 1, eligible 1") {
		t.Errorf("exit %d, stderr %q:\n%s", code, stderr, out)
	}
}

// failWriter is a standard output that cannot be written (a full disk, a
// closed pipe).
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// A report that cannot be written is an error (exit 2, one line), never a
// silent success.
func TestStdoutWriteError(t *testing.T) {
	for _, args := range [][]string{
		{"regions"}, {"regions", "--format", "json"},
		{"floors"}, {"floors", "--format", "json"},
		{"check", "--at", "2024-06", "--levels", "testdata/bad_bom_crlf.csv"},
		{"check", "--format", "junit"},
		{"simulate", "--scenario", "testdata/simulate_a.json", "--format", "csv"},
		{"simulate", "--print-default"},
		{"plan", "--list"}, {"plan", "--builtin", "shanxi-2025", "--dump"},
		{"plan", "--builtin", "shanxi-2025", "--synthetic", "100"},
	} {
		var errb strings.Builder
		code := run(args, failWriter{}, &errb)
		msg := strings.TrimSpace(errb.String())
		if code != exitUsage || !strings.Contains(msg, "no space left") || strings.Contains(msg, "\n") {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and one line", args, code, errb.String())
		}
	}
}
