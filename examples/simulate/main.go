// Command simulate is a starting point for running an adjustment
// scenario from Go: it loads a scenario (the embedded ILLUSTRATIVE
// default, or the JSON file named as the first argument), runs it,
// prints the national totals, then asks "what if the fiscal cap were
// tighter?" and prints the regions that change.
//
//	go run ./examples/simulate
//	go run ./examples/simulate my-scenario.json
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
)

func main() {
	// 1. A scenario is plain data: load it from JSON (strict: unknown
	//    fields and bad numbers are errors naming the file, line and field).
	s, err := load()
	if err != nil {
		log.Fatal(err)
	}

	// 2. Run it. Long runs take a context and report progress.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	r, err := adjust.Run(ctx, s, adjust.Options{
		Progress: func(p adjust.Progress) {
			if p.Done == p.Total {
				fmt.Fprintf(os.Stderr, "%d regions done\n", p.Total)
			}
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	if r.Run.Illustrative {
		fmt.Println("ILLUSTRATIVE scenario: the figures are not real data.")
	}
	fmt.Printf("scenario sha256 %s (engine %s)\n\n", r.Run.ScenarioSHA256, r.Run.Version)

	// 3. Read the results: yearly totals are exact sums of the regions.
	for y := range r.Years() {
		fmt.Printf("%d floor %s: total %s yuan, central %s, local %s, %d infeasible, Gini %.3f\n",
			y.Year, y.Floor.Amount, y.Cost.Total, y.Cost.Central, y.Cost.Local, y.Infeasible, y.Gini)
	}

	// 4. What if the fiscal cap were 1 % of revenue? Change the value,
	//    run again and compare.
	tight := s
	tight.Constraints.FiscalCap = &adjust.FiscalCap{Basis: adjust.OfRevenue, Percent: benefit.Percent(1)}
	rt, err := adjust.Run(ctx, tight, adjust.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("\nwith the local share capped at 1 % of revenue, in the last year:")
	for _, d := range adjust.Compare(r, rt).Rows {
		if d.Year == s.EndYear() && !d.Level.IsZero() {
			fmt.Printf("  %s %s: %s → %s (%s)\n", d.Region, d.Name, d.LevelA, d.LevelB, d.BindingB)
		}
	}

	// 5. Write the full result as CSV (exact yuan) for a spreadsheet.
	f, err := os.CreateTemp("", "simulate-*.csv")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	if err := r.WriteCSV(f); err != nil {
		log.Fatal(err)
	}
	fmt.Println("\nfull result (one row per region and year):", f.Name())
}

func load() (adjust.Scenario, error) {
	if len(os.Args) < 2 {
		return adjust.DefaultScenario()
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		return adjust.Scenario{}, err
	}
	defer f.Close()
	return adjust.LoadScenario(f, os.Args[1])
}
