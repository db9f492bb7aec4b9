package dispersion_test

import (
	"fmt"

	"github.com/benefitstd/benefitstd/internal/dispersion"
)

// Three regions at 100, 200 and 300 yuan (in fen), the last with twice
// the beneficiaries.
func ExampleMeasure() {
	pts := []dispersion.Point{{X: 10000, W: 1000}, {X: 30000, W: 2000}, {X: 20000, W: 1000}}
	var s dispersion.Sums
	for _, p := range pts {
		s.Add(p.X)
	}
	ratio, cv, gini := dispersion.Measure(&s, 10000, 30000, pts, make([]dispersion.Point, len(pts)))
	fmt.Println(ratio, cv, gini)
	// Output: 3 0.408248 0.194444
}
