package workers_test

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/internal/input"
	"github.com/benefitstd/benefitstd/internal/workers"
)

// With GOMAXPROCS 3 a run takes 0 (meaning 3) to 16 × 3 = 48 workers;
// 49, one past the bound, and -1 are errors that give the bound.
func TestCount(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	if got := workers.Max(); got != 48 {
		t.Errorf("Max() = %d, want 48", got)
	}
	for n, want := range map[int]int{0: 3, 1: 1, 3: 3, 48: 48} {
		if got, err := workers.Count(n); got != want || err != nil {
			t.Errorf("Count(%d) = %d, %v; want %d", n, got, err, want)
		}
	}
	for _, n := range []int{49, -1, 2_000_000_000} {
		got, err := workers.Count(n)
		if got != 0 || !errors.Is(err, input.ErrRange) || !strings.Contains(err.Error(), "want 0 (GOMAXPROCS, 3 here) to 48 (16 × GOMAXPROCS)") {
			t.Errorf("Count(%d) = %d, %v; want an ErrRange giving 0 to 48", n, got, err)
		}
	}
}
