// Package bench holds the library's national-scale benchmarks. Each
// benchmark of exact arithmetic sits beside a float64 reference kernel
// doing the same work, so the price of exactness is measured, not
// guessed:
//
//	go test -run '^$' -bench . -benchmem ./bench/
//
// Benchmarks report ns and allocations per unit of work (per schedule,
// per region-year, per retiree) with b.ReportMetric. BenchmarkFloorCheck
// runs the exact check and its float64 kernel in interleaved pairs and
// reports the process's CPU time of each per schedule and their ratio
// (exact/f64); FloorDecimal checks the floor check against a reference
// in plain shopspring/decimal. The float64 kernels
// exist only to be compared with; nothing in the library computes money
// in float64.
package bench
