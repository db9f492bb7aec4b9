package plan_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/plan"
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
	s, err := c.Run(context.Background(), plan.ReadCSV(strings.NewReader(retirees), "retirees.csv", benefit.Limits{}), plan.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("eligible %d, increase %s of %s = %s; national level %s, exceeds: %v\n",
		s.Eligible, s.Increase, s.PriorTotal, s.Percent, s.National.Rate, s.National.Exceeds)

	// By hand: A 171; B (66) 61 + 15 + 30 = 106; C (83) 61 + 28 + 38 + 45 = 172;
	// 449 / 11,800 = 3.8051 %, above the national 3 % of 2024.

	// Calibrate the fixed amount so that the aggregate stays within 3 %:
	// 3 % of 11,800 = 354; the other parts give 449 − 3 × 61 = 266;
	// 266 + 3F ≤ 354 → F = 29 (353 = 2.9915 %); 30 would give 356 = 3.0169 %.
	pop, err := plan.NewPopulation(plan.ReadCSV(strings.NewReader(retirees), "retirees.csv", benefit.Limits{}))
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
func ExampleNationalAdjustmentFor() {
	l, _ := plan.NationalAdjustmentFor(2025)
	fmt.Println(l.Year, l.Rate, l.RetiredBy, l.Status)
	// Output:
	// 2025 2% 2024-12-31 legislated
}

// A plan of one's own, in JSON: here a HYPOTHETICAL plan in the Beijing
// style with years-linked amounts, a flat amount under 10 years and pension
// bands with a top-up guarantee.
func ExampleLoad() {
	const src = `{
  "id": "example-2025", "name": "示例方案（假设）", "name_en": "HYPOTHETICAL example",
  "region": "110000", "retired_by": "2024-12-31", "age_at": "2024-12-31",
  "effective": "2025-01", "first_paid": "2025-07", "status": "default",
  "citation": {"title": "hypothetical", "confidence": "D"},
  "parts": [
    {"id": "years", "name": "挂钩调整（缴费年限）", "rounding": {"unit": "0.01", "mode": "half_up"}, "status": "default",
     "citation": {"title": "hypothetical", "confidence": "D"},
     "years": {"below": [{"years": 10, "amount": "20"}], "bands": [{"per_year": "2"}], "per_month": "0.1"}},
    {"id": "level", "name": "挂钩调整（养老金水平）", "rounding": {"unit": "0.01", "mode": "half_up"}, "status": "default",
     "citation": {"title": "hypothetical", "confidence": "D"},
     "bands": {"bands": [{"up_to": "6000", "inclusive": true, "amount": "25"}, {"amount": "10", "top_up_to": "6025"}]}}
  ]
}`
	p, err := plan.Load(strings.NewReader(src), "example.json")
	if err != nil {
		log.Fatal(err)
	}
	c, _ := plan.NewCalculator(p)
	// 20 years 3 months: 2 × 20 + 0.1 × 3 = 40.30; pension 6,010.00 is above
	// 6,000: +10 → 6,020 < 6,025 → topped up to 15.00. Total 55.30.
	res, _ := c.Apply(plan.Retiree{ID: "x", Birth: plan.MustParseDate("1955-01-01"), Retired: plan.MustParseDate("2015-01-31"),
		Years: 20, Months: 3, Pension: benefit.MustParseAmount("6010.00")})
	fmt.Println(res.Parts[0].Amount, res.Parts[1].Amount, res.Increase, res.Arrears)
	// Output:
	// 40.30 15.00 55.30 331.80
}

// A payment file pays each retiree once: an id given twice stops the run,
// on the line of the second occurrence, before anything is paid.
func ExampleReadCSV_repeatedID() {
	const people = `id,birth_date,retired_date,years,pension
A,1955-01-01,2015-01-31,20,4000.00
B,1956-03-01,2016-03-31,30,5000.00
A,1955-01-01,2015-01-31,20,4000.00
`
	c, _ := plan.NewCalculator(must(plan.Builtin("shanghai-2024")))
	var pay strings.Builder
	_, err := c.Run(context.Background(), plan.ReadCSV(strings.NewReader(people), "people.csv", benefit.Limits{}), plan.Options{PerPerson: output.NewPaymentCSV(&pay, output.Options{})})
	fmt.Println(err)
	fmt.Println(errors.Is(err, plan.ErrDuplicateID))
	// Output:
	// people.csv:4: id: plan: repeated retiree id: "A" was already given on line 2; a retiree appears once (a repeated id would be paid twice)
	// true
}

// A value that does not decode is named by its JSON path and line.
func ExampleLoad_badValue() {
	const src = `{
  "id": "example-2025", "name": "示例方案（假设）", "name_en": "HYPOTHETICAL example",
  "region": "110000", "retired_by": "2024-12-31", "age_at": "2024-12-31",
  "effective": "2025-01", "status": "default",
  "citation": {"title": "hypothetical", "confidence": "D"},
  "parts": [
    {"id": "fixed", "name": "定额调整", "rounding": {"unit": "0.01", "mode": "half_up"}, "status": "default",
     "citation": {"title": "hypothetical", "confidence": "D"},
     "fixed": {"amount": "1e9"}}
  ]
}`
	_, err := plan.Load(strings.NewReader(src), "p.json")
	fmt.Println(err)
	// Output:
	// p.json:9: parts[0].fixed.amount: benefit: invalid amount "1e9": exponent notation is not accepted; write the plain digits
}

func must(p plan.Plan, err error) plan.Plan {
	if err != nil {
		log.Fatal(err)
	}
	return p
}
