// Command simulate is a starting point for running an adjustment
// scenario from Go: it loads a scenario (the embedded ILLUSTRATIVE
// default, or the JSON file named as the first argument), runs it,
// prints the national totals, then asks "what if the fiscal cap were
// tighter?" and prints the regions that change.
//
//	go run ./examples/simulate
//	go run ./examples/simulate my-scenario.json
package main
