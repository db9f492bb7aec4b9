package output

import (
	"encoding/csv"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/columns"
)

// columnsText writes a table run (*columns.Result): the header of a run, the
// national totals per year, the national standard of each column by year
// with its beneficiaries and cost in the last year, then one row per
// region: its beneficiaries and cost in the last year, its burden and the
// constraints that bound its columns.
func columnsText(b *strings.Builder, r *columns.Result) {
	first := r.Columns[0].Result
	if r.Run.Illustrative {
		writeBanner(b)
	}
	fmt.Fprintf(b, "%s (%s) over %d columns of its national table, levels in %s, rounding %s\n", r.Name, r.Program, len(r.Columns), r.Unit, r.Rounding)
	fmt.Fprintf(b, "scenario: %s\n", r.Run.Scenario)
	if r.Run.IllustrativeNote != "" {
		fmt.Fprintf(b, "note: %s\n", wrap(r.Run.IllustrativeNote, 100, "      "))
	}
	fmt.Fprintf(b, "rule: %s\nconstraints: %s\n", r.Rule, r.Constraints)
	if r.EffectiveMonth > 1 {
		fmt.Fprintf(b, "each year's level takes effect in month %d (生效月份); costs are summed month by month\n", r.EffectiveMonth)
	}
	if c := r.CostSharing; !c.IsZero() {
		fmt.Fprintf(b, "cost sharing: %s\n", c)
	}
	fmt.Fprintf(b, "run record: scenario sha256 %s, %s adjust %s, catalogue %s, floors: %s\n",
		r.Run.ScenarioSHA256, r.Run.Module, r.Run.Version, r.Run.Catalogue, r.Run.Floors)

	totals := make([]benefit.Amount, len(r.Years))
	for i, y := range r.Years {
		totals[i] = y.Cost.Total
	}
	un, uv := costUnit(totals...)
	cu := func(a benefit.Amount) string { return scaled(a, uv) }
	b.WriteString("\nNational totals per year over every column (costs in " + un + " a year):\n")
	yt := table{header: []string{"year", "beneficiaries", "total", "central", "local", "findings"}, right: []bool{false, true, true, true, true, true}}
	for _, y := range r.Years {
		yt.rows = append(yt.rows, []string{strconv.Itoa(y.Year), groupedInt(y.Beneficiaries), cu(y.Cost.Total), cu(y.Cost.Central), cu(y.Cost.Local), strconv.Itoa(y.Findings)})
	}
	yt.writeTo(b)

	cols := yearColumns(len(first.Floors))
	last := len(first.Years) - 1
	fmt.Fprintf(b, "\nNational standard by column (%s; %d is the base year; P: projected), beneficiaries and cost of %d (%s):\n",
		r.Unit, first.Floors[0].Year, first.Years[last].Year, un)
	ct := table{header: []string{"column"}, right: []bool{false}}
	for _, c := range cols {
		ct.header = append(ct.header, strconv.Itoa(first.Floors[c].Year))
		ct.right = append(ct.right, true)
	}
	ct.header = append(ct.header, "beneficiaries", "total")
	ct.right = append(ct.right, true, true)
	for _, c := range r.Columns {
		row := []string{c.Dims.String()}
		for _, k := range cols {
			f := c.Result.Floors[k]
			s := level(f.Amount)
			if f.Status == benefit.Projected {
				s += " P"
			}
			row = append(row, s)
		}
		y := c.Result.Years[last]
		row = append(row, groupedInt(y.Beneficiaries), cu(y.Cost.Total))
		ct.rows = append(ct.rows, row)
	}
	ct.writeTo(b)

	fmt.Fprintf(b, "\nCost by region in %d over every column (%s), and the constraints that bound (columns × years):\n", first.Years[last].Year, un)
	rt := table{header: []string{"code", "region", "beneficiaries", "total", "central", "local", "burden", "findings", "bound"},
		right: []bool{false, false, true, true, true, true, true, true, false}}
	h := len(r.Years)
	for k := 0; k+h <= len(r.Regions); k += h {
		rows := r.Regions[k : k+h]
		end := rows[h-1]
		bound := map[adjust.Binding]int{}
		findings := 0
		for _, ry := range rows {
			for by, n := range ry.Bound {
				bound[by] += n
			}
			findings += ry.Findings
		}
		var bs []string
		for _, by := range slices.Sorted(maps.Keys(bound)) {
			bs = append(bs, fmt.Sprintf("%s %d", by, bound[by]))
		}
		if len(bs) == 0 {
			bs = []string{"-"}
		}
		rt.rows = append(rt.rows, []string{end.Region.String(), end.Name, groupedInt(end.Beneficiaries),
			cu(end.Cost.Total), cu(end.Cost.Central), cu(end.Cost.Local), burden(end.Burden), strconv.Itoa(findings), strings.Join(bs, ", ")})
	}
	rt.writeTo(b)
	resultFooter(b, r.Run.Illustrative)
}

// columnsCSV writes a table run one row per column, region and year: the
// column's dimensions, then the columns of a run's CSV.
func columnsCSV(cw *csv.Writer, r *columns.Result) {
	row(cw, append([]string{"dimensions"}, resultCSVHeader...)...)
	for _, c := range r.Columns {
		for _, ry := range c.Result.Rows {
			row(cw, append([]string{c.Dims.String()}, resultRow(&ry, r.Run)...)...)
		}
	}
}
