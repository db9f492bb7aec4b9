package workers

import (
	"fmt"
	"runtime"

	"github.com/benefitstd/benefitstd/internal/input"
)

// PerCPU is the most workers a run accepts for each of GOMAXPROCS.
const PerCPU = 16

// Max returns the most workers a run accepts: PerCPU × GOMAXPROCS.
func Max() int { return PerCPU * runtime.GOMAXPROCS(0) }

// Count returns the goroutines a run asked for n workers uses:
// GOMAXPROCS for 0, n for 1 to Max. A negative n or one above Max is an
// error wrapping input.ErrRange (benefit.ErrRange) that gives the
// bound; the caller names the option and n.
func Count(n int) (int, error) {
	procs := runtime.GOMAXPROCS(0)
	switch {
	case n == 0:
		return procs, nil
	case n < 0 || n > PerCPU*procs:
		return 0, fmt.Errorf("%w: want 0 (GOMAXPROCS, %d here) to %d (%d × GOMAXPROCS)", input.ErrRange, procs, PerCPU*procs, PerCPU)
	}
	return n, nil
}
