package workers_test

import (
	"fmt"
	"runtime"

	"github.com/benefitstd/benefitstd/internal/workers"
)

// A run asked for 0 workers uses GOMAXPROCS; one asked for more than 16
// per CPU is refused.
func ExampleCount() {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	fmt.Println(workers.Count(0))
	_, err := workers.Count(33)
	fmt.Println(err)
	// Output:
	// 2 <nil>
	// benefit: value out of range: want 0 (GOMAXPROCS, 2 here) to 32 (16 × GOMAXPROCS)
}
