package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/plan"
)

func main() {
	planFile := flag.String("plan", "", "plan JSON file (default: the shipped shanghai-2024)")
	retirees := flag.String("retirees", "examples/provincialplan/retirees_illustrative.csv", "retirees CSV")
	target := flag.String("target", "3%", "aggregate increase to calibrate the fixed part to")
	flag.Parse()
	if err := run(os.Stdout, *planFile, *retirees, *target); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer, planFile, retireesFile, target string) error {
	// 1. The plan: a shipped one, or your own JSON (strict: unknown fields
	//    and bad values are errors naming the line and field).
	p, err := plan.Builtin("shanghai-2024")
	if planFile != "" {
		var f *os.File
		if f, err = os.Open(planFile); err == nil {
			p, err = plan.Load(f, planFile)
			f.Close()
		}
	}
	if err != nil {
		return err
	}
	c, err := plan.NewCalculator(p)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s (%s; source [%s] %s)\n", p.Name, p.Status, p.Citation.Confidence, p.Citation.URL)
	for _, pt := range p.Parts {
		fmt.Fprintf(w, "  part %s %s: [%s] %s\n", pt.ID, pt.Name, pt.Citation.Confidence, pt.Citation.Title)
	}

	// 2. The retirees, read once into memory because calibration passes
	//    over them several times. For a plain run, pass plan.ReadCSV to
	//    c.Run directly: it streams and never holds the population.
	illustrative := ""
	if strings.Contains(filepath.Base(retireesFile), "illustrative") {
		illustrative = " (ILLUSTRATIVE: hypothetical retirees, not real data)"
	}
	fmt.Fprintf(w, "retirees: %s%s\n", retireesFile, illustrative)
	f, err := os.Open(retireesFile)
	if err != nil {
		return err
	}
	pop, err := plan.NewPopulation(plan.ReadCSV(f, retireesFile, benefit.Limits{}))
	f.Close()
	if err != nil {
		return err // a *benefit.RecordError: file, line and column
	}

	// 3. Each person, with every part and its source.
	for r := range pop.All() {
		res, err := c.Apply(r)
		if err != nil {
			return err
		}
		if !res.Eligible {
			fmt.Fprintf(w, "  %s not eligible: %s\n", r.ID, res.Reason)
			continue
		}
		fmt.Fprintf(w, "  %s age %d:", r.ID, res.Age)
		for _, pt := range res.Parts {
			fmt.Fprintf(w, " %s %s", pt.ID, pt.Amount)
		}
		fmt.Fprintf(w, " = %s; new %s; arrears %s\n", res.Increase, res.NewPension, res.Arrears)
	}

	// 4. The whole population, checked against the national level.
	s, err := c.Run(context.Background(), pop, plan.Options{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "eligible %d: increase %s a month on %s = %s (average %s)\n", s.Eligible, s.Increase, s.PriorTotal, s.Percent, s.Average)
	if n := s.National; n != nil && n.Exceeds {
		fmt.Fprintf(w, "FINDING: %s\n", n.Message)
	}

	// 5. Calibrate the fixed amount to the target.
	t, err := benefit.ParseRate(target)
	if err != nil {
		return err
	}
	cal, err := plan.Calibrate(context.Background(), p, pop, "fixed", t, plan.CalibrateOptions{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "calibrated: fixed %s gives %s (next step %s), cost %s a month, %d passes\n", cal.Value, cal.Percent, cal.NextPercent, cal.Cost, cal.Passes)

	// 6. The per-person payments of the calibrated plan, as CSV.
	cc, err := plan.NewCalculator(cal.Plan)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "per-person CSV%s:\n", illustrative)
	_, err = cc.Run(context.Background(), pop, plan.Options{PerPerson: output.NewPaymentCSV(w, output.Options{})})
	return err
}
