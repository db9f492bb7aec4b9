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
