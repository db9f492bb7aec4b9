//go:build !unix

package bench

import "time"

// processCPU reports false: the CPU time is read with getrusage, on Unix
// only; the CPU metrics are then left out.
func processCPU() (time.Duration, bool) { return 0, false }
