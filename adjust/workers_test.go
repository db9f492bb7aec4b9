package adjust

import (
	"context"
	"errors"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// Workers are at most 16 × GOMAXPROCS: with GOMAXPROCS 2, 32 run the
// default scenario and 33 (one past) is an error wrapping
// benefit.ErrRange that gives the bound, before any region runs.
func TestRunWorkersBound(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	s, err := DefaultScenario()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Run(context.Background(), s, Options{Workers: 32, SkipFloorCheck: true}); err != nil {
		t.Fatalf("32 workers: %v", err)
	}
	for _, n := range []int{33, 2_000_000_000, -1} {
		ran := false
		r, err := Run(context.Background(), s, Options{Workers: n, Progress: func(Progress) { ran = true }})
		if r != nil || ran || !errors.Is(err, benefit.ErrRange) || !strings.Contains(err.Error(), "Options.Workers "+strconv.Itoa(n)+": ") || !strings.Contains(err.Error(), "to 32 (16 × GOMAXPROCS)") {
			t.Errorf("%d workers: ran %v, err %v; want an ErrRange naming Options.Workers and the bound 32, nothing run", n, ran, err)
		}
	}
	_, err = Sweep(context.Background(), s, SweepFiscalCapPercent(benefit.Percent(1)), Options{Workers: 33})
	if !errors.Is(err, benefit.ErrRange) {
		t.Errorf("sweep with 33 workers: %v; want ErrRange", err)
	}
}

// A sweep runs at most 10,000 values and at most 1,000,000
// region-years in all. The default
// scenario is 31 regions × 5 years = 155 region-years a run: 6,452
// values are 6,452 × 155 = 1,000,060 region-years, one run past the
// bound (6,451 × 155 = 999,905 is within it); 10,001 values are one past
// the count. Each is an error wrapping benefit.ErrRange before any run.
func TestSweepBounds(t *testing.T) {
	s, err := DefaultScenario()
	if err != nil {
		t.Fatal(err)
	}
	values := func(n int) []benefit.Rate {
		v := make([]benefit.Rate, n)
		for i := range v {
			v[i] = benefit.Percent(int64(i % 100))
		}
		return v
	}
	for _, tc := range []struct {
		n    int
		want string
	}{
		{6452, "sweep of 6452 values × 31 regions × 5 years: benefit: value out of range: 1000060 region-years, at most 1,000,000"},
		{10_001, "sweep of 10001 values: benefit: value out of range: at most 10,000"},
	} {
		ran := false
		r, err := Sweep(context.Background(), s, SweepFiscalCapPercent(values(tc.n)...), Options{Progress: func(Progress) { ran = true }})
		if r != nil || ran || !errors.Is(err, benefit.ErrRange) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%d values: ran %v, err %v; want %q, nothing run", tc.n, ran, err, tc.want)
		}
	}
	// AmountRange stops at the same count: 0 to 10,000 by 1 is 10,001 values.
	if _, err := AmountRange(benefit.Yuan(0), benefit.Yuan(10_000), benefit.Yuan(1)); !errors.Is(err, benefit.ErrRange) {
		t.Errorf("AmountRange of 10,001: %v; want ErrRange", err)
	}
	if v, err := AmountRange(benefit.Yuan(1), benefit.Yuan(10_000), benefit.Yuan(1)); err != nil || len(v) != 10_000 || v[9999].String() != "10000.00" {
		t.Errorf("AmountRange of 10,000: %d values, %v", len(v), err)
	}
}
