package main

import (
	"runtime"
	"strings"
	"testing"
)

// --workers is at most 16 × GOMAXPROCS (32 with GOMAXPROCS 2): 33, one
// past it, 2,000,000,000 (which once exhausted memory) and -1 are bad
// usage (exit 2) on one line giving the bound; 32 runs.
func TestWorkersFlagBound(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	for _, cmd := range [][]string{
		{"plan", "--builtin", "shanxi-2025", "--synthetic", "100"},
		{"simulate", "--scenario", "testdata/simulate_a.json", "--format", "csv"},
	} {
		if code, _, stderr := invokeCLI(append(cmd, "--workers", "32")...); code != exitOK {
			t.Errorf("%s --workers 32: exit %d, %s", cmd[0], code, stderr)
		}
		for _, n := range []string{"33", "2000000000", "-1"} {
			code, out, stderr := invokeCLI(append(cmd, "--workers", n)...)
			want := "benefitstd " + cmd[0] + ": --workers " + n + ": benefit: value out of range: want 0 (GOMAXPROCS, 2 here) to 32 (16 × GOMAXPROCS)\n"
			if code != exitUsage || out != "" || stderr != want {
				t.Errorf("%s --workers %s: exit %d, stdout %q, stderr %q; want exit 2 and %q", cmd[0], n, code, out, stderr, want)
			}
		}
	}
}

// A sweep cannot run past its bounds (10,000 values, 1,000,000
// region-years). The embedded default scenario is 31 regions × 5 years
// = 155 region-years a run: a list of 6,452 values is 6,452 × 155 =
// 1,000,060 region-years, one run past the bound. A range 0:10000:1
// (10,001 values) is past the count at the range, a list of 10,001
// values past it at the sweep. Each is refused before a run (exit 2,
// one line).
func TestSweepFlagBounds(t *testing.T) {
	list := func(n int) string { return strings.TrimSuffix(strings.Repeat("1%,", n), ",") }
	for _, tc := range []struct{ scenario, sweep, values, want string }{
		{"", "constraints.fiscal_cap.percent", list(6452), "sweep of 6452 values × 31 regions × 5 years: benefit: value out of range: 1000060 region-years, at most 1,000,000"},
		{"testdata/simulate_a.json", "floor.projection.step", "0:10000:1", "more than 10,000 values from 0.00 to 10000.00 by 1.00"},
		{"testdata/simulate_a.json", "constraints.max_step_percent", list(10_001), "sweep of 10001 values: benefit: value out of range: at most 10,000"},
	} {
		args := []string{"simulate", "--sweep", tc.sweep, "--values", tc.values}
		if tc.scenario != "" {
			args = append(args, "--scenario", tc.scenario)
		}
		code, out, stderr := invokeCLI(args...)
		if code != exitUsage || out != "" || !strings.Contains(stderr, tc.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("--values %.20s…: exit %d, stderr %q; want exit 2 and one line with %q", tc.values, code, stderr, tc.want)
		}
	}
}
