package compare

import (
	"slices"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// A Comparison sets two results side by side (方案比较): per region and
// year the difference B − A in level, cost and burden, and per year the
// difference in national totals.
type Comparison struct {
	A     adjust.RunRecord `json:"a"`
	B     adjust.RunRecord `json:"b"`
	Rows  []Diff           `json:"regions"`
	Years []YearDiff       `json:"years"`
}

// A Diff is one region-year of a Comparison. A region-year found in only
// one result has Only set to "a" or "b" and zeros for the other side.
type Diff struct {
	Region region.Code `json:"region"`
	Name   string      `json:"name"`
	Year   int         `json:"year"`
	Only   string      `json:"only,omitempty"`

	LevelA benefit.Amount `json:"level_a"`
	LevelB benefit.Amount `json:"level_b"`
	Level  benefit.Amount `json:"level_diff"` // LevelB − LevelA
	TotalA benefit.Amount `json:"total_a"`    // yearly total cost
	TotalB benefit.Amount `json:"total_b"`
	Total  benefit.Amount `json:"total_diff"`
	LocalA benefit.Amount `json:"local_a"` // local share
	LocalB benefit.Amount `json:"local_b"`
	Local  benefit.Amount `json:"local_diff"`
	// BurdenA and BurdenB are the local burdens (nil without revenue);
	// Burden is BurdenB − BurdenA, exact, nil unless both are known.
	BurdenA  *benefit.Rate  `json:"burden_a,omitempty"`
	BurdenB  *benefit.Rate  `json:"burden_b,omitempty"`
	Burden   *benefit.Rate  `json:"burden_diff,omitempty"`
	BindingA adjust.Binding `json:"binding_a,omitempty"`
	BindingB adjust.Binding `json:"binding_b,omitempty"`
}

// A YearDiff is the difference of the national totals of one year.
type YearDiff struct {
	Year        int            `json:"year"`
	TotalA      benefit.Amount `json:"total_a"`
	TotalB      benefit.Amount `json:"total_b"`
	Total       benefit.Amount `json:"total_diff"`
	CentralA    benefit.Amount `json:"central_a"`
	CentralB    benefit.Amount `json:"central_b"`
	Central     benefit.Amount `json:"central_diff"`
	LocalA      benefit.Amount `json:"local_a"`
	LocalB      benefit.Amount `json:"local_b"`
	Local       benefit.Amount `json:"local_diff"`
	InfeasibleA int            `json:"infeasible_a"`
	InfeasibleB int            `json:"infeasible_b"`
}

// Results compares result b with result a, region-year by region-year.
// Rows are in region-code then year order.
func Results(a, b *adjust.Result) *Comparison {
	type key struct {
		c region.Code
		y int
	}
	bi := make(map[key]int, len(b.Rows))
	for i, r := range b.Rows {
		bi[key{r.Region, r.Year}] = i
	}
	c := &Comparison{A: a.Run, B: b.Run}
	seen := make(map[key]bool, len(a.Rows))
	for _, ra := range a.Rows {
		k := key{ra.Region, ra.Year}
		seen[k] = true
		d := Diff{Region: ra.Region, Name: ra.Name, Year: ra.Year,
			LevelA: ra.Level, TotalA: ra.Cost.Total, LocalA: ra.Cost.Local, BurdenA: ra.Burden, BindingA: ra.Binding}
		if i, ok := bi[k]; ok {
			rb := b.Rows[i]
			d.LevelB, d.TotalB, d.LocalB, d.BurdenB, d.BindingB = rb.Level, rb.Cost.Total, rb.Cost.Local, rb.Burden, rb.Binding
		} else {
			d.Only = "a"
		}
		c.Rows = append(c.Rows, d)
	}
	for _, rb := range b.Rows {
		if seen[key{rb.Region, rb.Year}] {
			continue
		}
		c.Rows = append(c.Rows, Diff{Region: rb.Region, Name: rb.Name, Year: rb.Year, Only: "b",
			LevelB: rb.Level, TotalB: rb.Cost.Total, LocalB: rb.Cost.Local, BurdenB: rb.Burden, BindingB: rb.Binding})
	}
	for i := range c.Rows {
		d := &c.Rows[i]
		d.Level, d.Total, d.Local = d.LevelB.Sub(d.LevelA), d.TotalB.Sub(d.TotalA), d.LocalB.Sub(d.LocalA)
		if d.BurdenA != nil && d.BurdenB != nil {
			x := d.BurdenB.Sub(*d.BurdenA)
			d.Burden = &x
		}
	}
	slices.SortStableFunc(c.Rows, func(x, y Diff) int {
		if n := x.Region.Compare(y.Region); n != 0 {
			return n
		}
		return x.Year - y.Year
	})
	years := map[int]*YearDiff{}
	var order []int
	get := func(y int) *YearDiff {
		if d, ok := years[y]; ok {
			return d
		}
		d := &YearDiff{Year: y}
		years[y] = d
		order = append(order, y)
		return d
	}
	for _, s := range a.Years {
		d := get(s.Year)
		d.TotalA, d.CentralA, d.LocalA, d.InfeasibleA = s.Cost.Total, s.Cost.Central, s.Cost.Local, s.Infeasible
	}
	for _, s := range b.Years {
		d := get(s.Year)
		d.TotalB, d.CentralB, d.LocalB, d.InfeasibleB = s.Cost.Total, s.Cost.Central, s.Cost.Local, s.Infeasible
	}
	slices.Sort(order)
	for _, y := range order {
		d := years[y]
		d.Total, d.Central, d.Local = d.TotalB.Sub(d.TotalA), d.CentralB.Sub(d.CentralA), d.LocalB.Sub(d.LocalA)
		c.Years = append(c.Years, *d)
	}
	return c
}
