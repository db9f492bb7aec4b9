package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/compare"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/scenario"
)

func main() {
	if err := run(os.Stdout, os.Args[1:], os.TempDir()); err != nil {
		log.Fatal(err) // a *benefit.RecordError naming the file, line and field, say
	}
}

// run loads the scenario named in args (the default without one), runs
// it, prints what an analyst looks at first and writes the full result
// as CSV into dir.
func run(w io.Writer, args []string, dir string) error {
	// 1. A scenario is plain data: load it from JSON (strict: unknown
	//    fields and bad numbers are errors naming the file, line and field).
	s, err := load(args)
	if err != nil {
		return err
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
		return err
	}
	if r.Run.Illustrative {
		fmt.Fprintln(w, "ILLUSTRATIVE scenario: the figures are not real data.")
	}
	fmt.Fprintf(w, "scenario sha256 %s (engine %s)\n\n", r.Run.ScenarioSHA256, r.Run.Version)

	// 3. Read the results: yearly totals are exact sums of the regions.
	for _, y := range r.Years {
		fmt.Fprintf(w, "%d floor %s: total %s yuan, central %s, local %s, %d infeasible, Gini %.3f\n",
			y.Year, y.Floor.Amount, y.Cost.Total, y.Cost.Central, y.Cost.Local, y.Infeasible, y.Gini)
	}

	// 4. What if the fiscal cap were 1 % of revenue? Change the value,
	//    run again and compare.
	tight := s
	tight.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: benefit.Percent(1)}
	rt, err := adjust.Run(ctx, tight, adjust.Options{})
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nwith the local share capped at 1 % of revenue, in the last year:")
	for _, d := range compare.Results(r, rt).Rows {
		if d.Year == s.StartYear+s.Horizon-1 && !d.Level.IsZero() { // the last simulated year
			fmt.Fprintf(w, "  %s %s: %s → %s (%s)\n", d.Region, d.Name, d.LevelA, d.LevelB, d.BindingB)
		}
	}

	// 5. Write the full result as CSV (exact yuan) for a spreadsheet,
	// with a byte-order mark so that Excel in a Chinese locale reads the
	// region names. It is rendered whole before the file is written.
	name := filepath.Join(dir, "simulate-result.csv")
	var buf bytes.Buffer
	csv, err := output.New(output.FormatCSV, &buf, output.Options{BOM: true})
	if err != nil {
		return err
	}
	if err := csv.Render(r); err != nil {
		return err
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nfull result (one row per region and year):", name)
	return nil
}

func load(args []string) (scenario.Scenario, error) {
	if len(args) == 0 { // the shipped residents' pension
		b, err := scenario.Builtin("residents-pension")
		if err != nil {
			return scenario.Scenario{}, err
		}
		return adjust.LoadScenario(bytes.NewReader(b.JSON()), b.Path(), adjust.Options{})
	}
	f, err := os.Open(args[0])
	if err != nil {
		return scenario.Scenario{}, err
	}
	defer f.Close()
	return adjust.LoadScenario(f, args[0], adjust.Options{})
}
