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
	s, err := defaultScenario()
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
}
