package main

import (
	"os"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/scenario"
)

// --list names every shipped scenario with its domain and marks which
// figures are illustrative; --scenario builtin:residents-pension is the
// default run byte for byte; an unknown name is a usage error naming
// the shipped ones.
func TestSimulateBuiltins(t *testing.T) {
	code, out, stderr := invokeCLI("simulate", "--list")
	if code != exitOK {
		t.Fatalf("--list: exit %d: %s", code, stderr)
	}
	for _, b := range scenario.Builtins() {
		if !strings.Contains(out, b.Name+"  ["+b.Domain) {
			t.Errorf("--list lacks %s [%s]:\n%s", b.Name, b.Domain, out)
		}
	}
	if !strings.Contains(out, "ILLUSTRATIVE  local levels") || !strings.Contains(out, "real          national floor history") {
		t.Errorf("--list does not mark real and illustrative figures:\n%s", out)
	}
	_, def, _ := invokeCLI("simulate")
	code, got, stderr := invokeCLI("simulate", "--scenario", "builtin:residents-pension")
	if code != exitOK || got != def {
		t.Errorf("builtin:residents-pension: exit %d (%s), same as the default: %v", code, stderr, got == def)
	}
	code, got, _ = invokeCLI("simulate", "--scenario", "builtin:residents-pension", "--print-default")
	file, err := os.ReadFile("../../scenario/data/default-scenario.json")
	if err != nil {
		t.Fatal(err)
	}
	if code != exitOK || got != string(file) {
		t.Errorf("--print-default of the builtin: exit %d", code)
	}
	if code, got, _ = invokeCLI("simulate", "--print-default"); code != exitOK || got != string(file) {
		t.Errorf("--print-default: exit %d, not scenario/data/default-scenario.json", code)
	}
	code, _, stderr = invokeCLI("simulate", "--scenario", "builtin:nope")
	if code != exitUsage || !strings.Contains(stderr, `no shipped scenario "nope"`) || !strings.Contains(stderr, "residents-pension") {
		t.Errorf("builtin:nope: exit %d, %q", code, stderr)
	}
}

// A veterans' scenario needs a cost rule: without one it is refused
// naming the programme, with --cost-rules it runs and says whose rule it
// is; a bad rules file is refused naming file, line and field. 2023 in
// 山东: 100 × (7 × 116,270 + 5 × 122,080) ÷ 12 = 11,869,083.33
// (adjust's TestVeteransCostRuleInScenario works it by hand).
func TestSimulateCostRules(t *testing.T) {
	code, _, stderr := invokeCLI("simulate", "--scenario", "testdata/simulate_veterans.json")
	if code != exitUsage || !strings.Contains(stderr, "no cost-sharing rule") {
		t.Errorf("without rules: exit %d, %q", code, stderr)
	}
	code, out, stderr := invokeCLI("simulate", "--scenario", "testdata/simulate_veterans.json", "--cost-rules", "testdata/cost_rules_veterans.json", "--format", "csv")
	if code != exitOK || !strings.Contains(out, "370000,山东省,2023,122080.00,") || !strings.Contains(out, ",11869083.33,5934541.67,5934541.66,") {
		t.Errorf("with rules: exit %d, %q\n%s", code, stderr, out)
	}
	code, out, _ = invokeCLI("simulate", "--scenario", "testdata/simulate_veterans.json", "--cost-rules", "testdata/cost_rules_veterans.json")
	if code != exitOK || !strings.Contains(out, "cost sharing: ILLUSTRATIVE: the tier shares") || !strings.Contains(out, "takes effect in month 8") {
		t.Errorf("text: %s", out)
	}
	code, _, stderr = invokeCLI("simulate", "--scenario", "testdata/simulate_veterans.json", "--cost-rules", "testdata/cost_rules_bad.json")
	if code != exitUsage || !strings.Contains(stderr, "testdata/cost_rules_bad.json:5") || !strings.Contains(stderr, "payer ") {
		t.Errorf("bad rules: exit %d, %q", code, stderr)
	}
}

// The veterans' scenario runs over every column of the disability table
// from the CLI, with its own counts or the user's. With the counts of
// 山东 grade 1 因战 10 and grade 10 因公 100 (worked by hand in
// columns TestRunSmall): 1,191,783.33 and 1,107,500.00 in 2023.
func TestSimulateColumns(t *testing.T) {
	code, out, stderr := invokeCLI("simulate", "--scenario", "builtin:veterans")
	if code != exitOK || !strings.Contains(out, "over 26 columns") || !strings.Contains(out, "cause=因公;grade=10") ||
		!strings.Contains(out, "599,993") || !strings.HasPrefix(strings.TrimSpace(out), "====") {
		t.Errorf("builtin:veterans: exit %d %q\n%s", code, stderr, out)
	}
	for _, args := range [][]string{
		{"simulate", "--scenario", "builtin:veterans", "--counts", "testdata/counts_small.csv", "--format", "csv"},
		{"simulate", "--scenario", "testdata/simulate_columns.json", "--format", "csv"},
	} {
		code, out, stderr = invokeCLI(args...)
		if code != exitOK || !strings.HasPrefix(out, "dimensions,region,name,year,level,") ||
			!strings.Contains(out, "cause=因战;grade=1,370000,山东省,2023,123250.00,116270.00,6980.00,") || !strings.Contains(out, ",1191783.33,") ||
			!strings.Contains(out, "cause=因公;grade=10,370000,山东省,2023,11390.00,") || !strings.Contains(out, ",1107500.00,") {
			t.Errorf("%v: exit %d %q\n%s", args, code, stderr, out)
		}
	}
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--scenario", "builtin:veterans", "--counts", "testdata/counts_bad.csv"}, "testdata/counts_bad.csv:3"},
		{[]string{"--scenario", "builtin:veterans", "--compare", "builtin:veterans"}, "runs alone"},
		{[]string{"--scenario", "builtin:residents-pension", "--counts", "testdata/counts_small.csv"}, "not a scenario over a table's columns"},
		{[]string{"--counts", "testdata/counts_small.csv"}, "--counts needs --scenario"},
	} {
		code, _, stderr := invokeCLI(append([]string{"simulate"}, c.args...)...)
		if code != exitUsage || !strings.Contains(stderr, c.msg) {
			t.Errorf("%v: exit %d, %q (want %q)", c.args, code, stderr, c.msg)
		}
	}
}

// check --cost-rules splits the arrears of a programme the embedded data
// has no rule for: 山东 paid grade 1 因战 116,000 a year against the
// 2022-08 standard 116,270, 12 persons, 12 months: 270 × 144 ÷ 12 =
// 3,240.00 owed, half central in tier 3 under the ILLUSTRATIVE rule.
func TestCheckCostRules(t *testing.T) {
	args := []string{"check", "--levels", "testdata/check_veterans.csv", "--from", "2022-08", "--to", "2023-08", "--as-of", "2023-07"}
	_, out, _ := invokeCLI(args...)
	if !strings.Contains(out, "= 3,240.00 (yearly shortfall ÷ 12)\n") {
		t.Errorf("without rules:\n%s", out)
	}
	_, out, _ = invokeCLI(append(args, "--cost-rules", "testdata/cost_rules_veterans.json")...)
	if !strings.Contains(out, "= 3,240.00 (yearly shortfall ÷ 12); central 1,620.00, local 1,620.00") {
		t.Errorf("with rules:\n%s", out)
	}
}
