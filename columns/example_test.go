package columns_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/columns"
)

// The veterans' disability table over one province's counts: two
// columns, the table raised from August 2023 (ILLUSTRATIVE +6/5/4 %),
// seven months of the old standard and five of the new one.
func ExampleRun() {
	scenario := `{
  "name": "two columns in 山东", "program": "veterans.disability",
  "start_year": 2023, "horizon": 1, "effective_month": 8,
  "tables": [{"program": "veterans.disability", "steps": [{"from": "2023-08", "increases": [
    {"dims": "cause=因战", "rate": "6%"}, {"dims": "cause=因公", "rate": "5%"}, {"dims": "cause=因病", "rate": "4%"}]}]}],
  "floor": {"projection": {"kind": "hold"}},
  "rule": {"kind": "pass_through"},
  "cost_rules": [{"program": "veterans.disability", "floor_part": {"1": "80%", "2": "60%", "3": "50%", "4": "30%", "5": "10%"},
    "top_up": {"1": "0%", "2": "0%", "3": "0%", "4": "0%", "5": "0%"}, "citation": {"title": "ILLUSTRATIVE"}}]
}`
	counts := "region,grade,cause,beneficiaries\n370000,1,因战,10\n370000,10,因公,100\n"
	s, err := columns.LoadScenario(strings.NewReader(scenario), "scenario.json", adjust.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	prog, _ := benefit.DefaultCatalogue().Program(s.Program)
	if s.Counts, err = columns.ReadCounts(strings.NewReader(counts), "counts.csv", prog, benefit.Limits{}); err != nil {
		fmt.Println(err)
		return
	}
	r, err := columns.Run(context.Background(), s, adjust.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range r.Columns {
		fmt.Println(c.Dims, c.Result.Floors[0].Amount, "→", c.Result.Floors[1].Amount, c.Result.Rows[0].Cost.Total)
	}
	y := r.Years[0]
	fmt.Println(y.Year, y.Beneficiaries, y.Cost.Total, y.Cost.Central, y.Cost.Local)
	// Output:
	// cause=因战;grade=1 116270.00 → 123250.00 1191783.33
	// cause=因公;grade=10 10850.00 → 11390.00 1107500.00
	// 2023 110 2299283.33 1149641.67 1149641.66
}
