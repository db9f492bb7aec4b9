// Package bench holds the library's national-scale benchmarks. Each
// benchmark of exact arithmetic sits beside a float64 reference kernel
// doing the same work, so the price of exactness is measured, not
// guessed:
//
//	go test -run '^$' -bench . -benchmem ./bench/
//
// Benchmarks report ns and allocations per unit of work (per schedule,
// per region-year, per retiree) with b.ReportMetric. The float64 kernels
// exist only to be compared with; nothing in the library computes money
// in float64.
package bench
