package main

import (
	"strings"
	"testing"
)

// The unemployment and retirees' scenarios run from the shell: the
// bounds of 失业保险条例 第十八条 and the fund that binds in Qinghai; the
// national rate and each province's plan applied person by person.
func TestSimulateDomainBuiltins(t *testing.T) {
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"unemployment", []string{"constraints: ui.art18.above_dibao, ui.art18.below_min_wage", "national floor: none",
			"630000  青海省", "fund 2026", "INFEASIBLE no_cut 2027-2028", "Funds (基金)", "ILLUSTRATIVE"}},
		{"retirees", []string{"constraints: no cut, increase ≤ national rate", "national_rate 2025-2028",
			"2024 3% (legislated), 2025 2% (legislated), 2026 2% (projected)", "plan shanghai-2024 applied to", "SYNTHETIC"}},
	} {
		code, out, stderr := invokeCLI("simulate", "--scenario", "builtin:"+tc.name)
		if code != exitOK {
			t.Fatalf("builtin:%s: exit %d: %s", tc.name, code, stderr)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("builtin:%s lacks %q:\n%s", tc.name, w, out)
			}
		}
		if code, _, stderr := invokeCLI("simulate", "--scenario", "builtin:"+tc.name, "--format", "json"); code != exitOK {
			t.Errorf("builtin:%s --format json: exit %d: %s", tc.name, code, stderr)
		}
	}
}
