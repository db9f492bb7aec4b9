package main

import (
	"fmt"
	"os"
	"strings"
)

// The program on testdata/two-provinces.json (worked by hand in the
// comment of TestRun): yearly totals, then the regions a 1 % fiscal cap
// changes in the last year.
func Example() {
	dir, err := os.MkdirTemp("", "simulate-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	var b strings.Builder
	if err := run(&b, []string{"testdata/two-provinces.json"}, dir); err != nil {
		panic(err)
	}
	out, _, _ := strings.Cut(b.String(), "\nfull result")
	fmt.Println(out)
	// Output:
	// ILLUSTRATIVE scenario: the figures are not real data.
	// scenario sha256 53eb58786ece1f9473f2bfcbd11918f279da39532b505bb0905a86f8492286da (engine 0.1.0)
	//
	// 2025 floor 143.00: total 7320000.00 yuan, central 4290000.00, local 3030000.00, 0 infeasible, Gini 0.077
	// 2026 floor 163.00: total 9120000.00 yuan, central 4890000.00, local 4230000.00, 0 infeasible, Gini 0.061
	//
	// with the local share capped at 1 % of revenue, in the last year:
	//   110000 北京市: 300.00 → 248.00 (fiscal_cap)
	//   510000 四川省: 230.00 → 204.00 (fiscal_cap)
}
