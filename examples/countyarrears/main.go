// Command countyarrears checks a county's residents' basic pension
// (城乡居民基础养老金) against the national floor and prints what is owed
// (补发) and who pays it. Copy it and put in your own levels.
//
// The figures are policy-reference §11 Example B (HYPOTHETICAL county,
// real national floors): the floor rose 103 → 123 on 2024-01-01, the
// county paid 123 only from July, 10,000 people were paid 20 yuan short
// for six months. Expected: 1,200,000.00 owed; the centre funds half of
// the national-floor part in a tier-3 province such as Shandong (600,000.00)
// and all of it in tiers 1-2.
//
//	go run ./examples/countyarrears
package main

import (
	"fmt"
	"io"
	"log"
	"os"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
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
	//    never as float64.
	county := floor.Level{
		Region:  region.MustParseCode("371723"), // a county in Shandong (tier 3); illustrative
		Program: "pension.resident.basic",
		Schedule: benefit.MustSchedule(
			benefit.Version{From: benefit.MustParseMonth("2023-01"), Amount: benefit.MustParseAmount("103")},
			benefit.Version{From: benefit.MustParseMonth("2024-07"), Amount: benefit.MustParseAmount("123")},
		),
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

	// 4. A report for people; WriteJSON and WriteJUnit serve pipelines.
	rep.Illustrative = true
	if err := rep.WriteText(w); err != nil {
		return err
	}

	// 5. Or read the findings directly.
	fmt.Fprintln(w)
	for _, f := range rep.Findings {
		fmt.Fprintf(w, "%s %s: owed %s (central %s, local %s)\n", f.Region, f.RegionName, f.Arrears, f.Central, f.Local)
	}
	return nil
}
