package bench

import (
	"fmt"
	"math"

	"github.com/benefitstd/benefitstd/benefit"
)

// Why the benchmarks hold exact arithmetic against a float64 kernel and
// not the other way round: 1.005 yuan rounded half-up to the fen is
// 1.01 (四舍五入), but the float64 kernel's math.Round(x*100)/100 gives
// 1.00, because 1.005 has no exact binary form (1.00499999999999989…).
func Example() {
	x := 1.005
	fmt.Println("float64:", math.Round(x*100)/100)
	fmt.Println("exact:  ", benefit.MustParseAmount("1.005").Round(benefit.FenHalfUp()))
	// Output:
	// float64: 1
	// exact:   1.01
}
