package main

import (
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/adjust"
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
	for _, b := range adjust.Builtins() {
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
	if code != exitOK || got != string(adjust.DefaultScenarioJSON()) {
		t.Errorf("--print-default of the builtin: exit %d", code)
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
