package main

import (
	"fmt"
	"io"
	"log"
	"os"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/region"
)

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err) // a *benefit.RecordError naming the bad level, say
	}
}

func run(w io.Writer) error {
	// 1. The local level: a dated schedule with the persons paid and the
	//    source of the figures. Amounts enter as strings or whole yuan,
	//    never as float64. Every version says how firm it is: these
	//    figures are illustrative (Illustrative); a real notice is
	//    Legislated. NewSchedule refuses versions out of order.
	sched, err := benefit.NewSchedule(
		benefit.Version{From: benefit.MustParseMonth("2023-01"), Amount: benefit.MustParseAmount("103"), Status: benefit.Illustrative},
		benefit.Version{From: benefit.MustParseMonth("2024-07"), Amount: benefit.MustParseAmount("123"), Status: benefit.Illustrative},
	)
	if err != nil {
		return err
	}
	county := floor.Level{
		Region:        region.MustParseCode("371723"), // a county in Shandong (tier 3); illustrative
		Program:       "pension.resident.basic",
		Schedule:      sched,
		Beneficiaries: 10000,
		Source:        benefit.Citation{Title: "HYPOTHETICAL county notice (policy-reference §11 Example B)"},
	}

	// 2. The same county placed in a tier-2 province (Shanxi): the centre
	//    funds the whole national-floor part there.
	shanxi := county
	shanxi.Region = region.MustParseCode("140822")

	// 3. Check the year 2024 against the embedded national floors.
	rep, err := floor.Check([]floor.Level{county, shanxi}, floor.Options{
		From: benefit.MustParseMonth("2024-01"),
		To:   benefit.MustParseMonth("2025-01"),
	})
	if err != nil {
		return err
	}

	// 4. A report for people; output.FormatJSON and output.FormatJUnit
	// serve pipelines.
	rep.Illustrative = true
	text, err := output.New(output.FormatText, w, output.Options{})
	if err != nil {
		return err
	}
	if err := text.Render(rep); err != nil {
		return err
	}

	// 5. Or read the findings directly.
	fmt.Fprintln(w)
	for _, f := range rep.Findings {
		fmt.Fprintf(w, "%s %s: owed %s (central %s, local %s)\n", f.Region, f.RegionName, f.Arrears, f.Central, f.Local)
	}
	return nil
}
