package plan_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/benefitstd/benefitstd/adjust/plan"
	"github.com/benefitstd/benefitstd/benefit"
)

// A province costs its plan on its retirees, checks it against the national
// level, calibrates the fixed amount to a target and pays each person.
func Example_provincialPlan() {
	p, err := plan.Builtin("shanghai-2024")
	if err != nil {
		log.Fatal(err)
	}
	c, err := plan.NewCalculator(p)
	if err != nil {
		log.Fatal(err)
	}

	// One retiree: Example A of the domain reference.
	res, err := c.Apply(plan.Retiree{ID: "A", Birth: plan.MustParseDate("1951-05-10"), Retired: plan.MustParseDate("2011-05-31"),
		Years: 35, Pension: benefit.MustParseAmount("5000.00")})
	if err != nil {
		log.Fatal(err)
	}
	for _, pt := range res.Parts {
		fmt.Printf("%-6s %7s  [%s]\n", pt.ID, pt.Amount, pt.Citation.Confidence)
	}
	fmt.Printf("increase %s, new pension %s, arrears %s for %d months\n", res.Increase, res.NewPension, res.Arrears, res.ArrearsMonths)

	// A population, streamed from CSV.
	const retirees = `id,birth_date,retired_date,years,pension
A,1951-05-10,2011-05-31,35,5000.00
B,1957-06-01,2015-06-30,10,3000.00
C,1940-01-01,2000-01-31,28,3800.00
`
	s, err := c.Run(context.Background(), plan.ReadCSV(strings.NewReader(retirees), "retirees.csv"), plan.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("eligible %d, increase %s of %s = %s; national level %s, exceeds: %v\n",
		s.Eligible, s.Increase, s.PriorTotal, s.Percent, s.National.Level, s.National.Exceeds)

	// By hand: A 171; B (66) 61 + 15 + 30 = 106; C (83) 61 + 28 + 38 + 45 = 172;
	// 449 / 11,800 = 3.8051 %, above the national 3 % of 2024.

	// Calibrate the fixed amount so that the aggregate stays within 3 %:
	// 3 % of 11,800 = 354; the other parts give 449 − 3 × 61 = 266;
	// 266 + 3F ≤ 354 → F = 29 (353 = 2.9915 %); 30 would give 356 = 3.0169 %.
	pop, err := plan.NewPopulation(plan.ReadCSV(strings.NewReader(retirees), "retirees.csv"))
	if err != nil {
		log.Fatal(err)
	}
	cal, err := plan.Calibrate(context.Background(), p, pop, "fixed", benefit.MustParseRate("3%"), plan.CalibrateOptions{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("fixed %s gives %s (one yuan more: %s)\n", cal.Value, cal.Percent, cal.NextPercent)
	// Output:
	// fixed    61.00  [V3]
	// years    35.00  [V3]
	// level    50.00  [V3]
	// age      25.00  [V3]
	// increase 171.00, new pension 5171.00, arrears 1026.00 for 6 months
	// eligible 3, increase 449.00 of 11800.00 = 3.8051%; national level 3%, exceeds: true
	// fixed 29.00 gives 2.9915% (one yuan more: 3.0169%)
}

// Applying a plan to one retiree who retired after the cut-off.
func ExampleCalculator_Apply() {
	p, _ := plan.Builtin("beijing-2024")
	c, _ := plan.NewCalculator(p)
	res, _ := c.Apply(plan.Retiree{ID: "late", Birth: plan.MustParseDate("1964-03-01"), Retired: plan.MustParseDate("2024-03-31"),
		Years: 36, Pension: benefit.MustParseAmount("6000.00")})
	fmt.Println(res.Eligible, res.Reason)
	// Output:
	// false retired after the plan's cut-off (退休时间晚于调整范围截止日)
}

// The national overall levels shipped with the library.
func ExampleNational() {
	l, _ := plan.National(2025)
	fmt.Println(l.Year, l.Rate, l.RetiredBy, l.Status)
	// Output:
	// 2025 2% 2024-12-31 legislated
}
