package adjust

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/texttable"
)

// String describes the constraints in one line, e.g.
// "floor, no cut, max step 15.00, local cost ≤ 1% of revenue".
func (c *Constraints) String() string {
	parts := []string{"floor"}
	if !c.AllowCuts {
		parts = append(parts, "no cut")
	}
	if c.MaxStep != nil {
		parts = append(parts, "max step "+c.MaxStep.String())
	}
	if c.MaxStepPercent != nil {
		parts = append(parts, "max step "+c.MaxStepPercent.String())
	}
	if f := c.FiscalCap; f != nil {
		if f.Basis == OfRevenueGrowth {
			parts = append(parts, "local cost increase ≤ "+f.Percent.String()+" of revenue increase")
		} else {
			parts = append(parts, "local cost ≤ "+f.Percent.String()+" of revenue")
		}
	}
	return strings.Join(parts, ", ")
}

// banner is the ILLUSTRATIVE warning an illustrative scenario's text
// starts and ends with.
const banner = "ILLUSTRATIVE SCENARIO: the figures are made up for illustration, not real data."

// writeBanner writes the banner between two rules.
func writeBanner(w io.Writer) {
	line := strings.Repeat("=", len(banner))
	fmt.Fprintf(w, "%s\n%s\n%s\n", line, banner, line)
}

// header writes the lines every text rendering starts with: for an
// illustrative scenario the ILLUSTRATIVE banner, then the programme, the
// scenario and its note, the rule, the constraints, the national floor
// path, the cost sharing and the run record.
func (r *Result) header(w io.Writer) {
	if r.Run.Illustrative {
		writeBanner(w)
	}
	fmt.Fprintf(w, "%s (%s), levels in %s, rounding %s\n", r.Name, r.Program, r.Unit, r.Rounding)
	fmt.Fprintf(w, "scenario: %s\n", r.Run.Scenario)
	if r.Run.IllustrativeNote != "" {
		fmt.Fprintf(w, "note: %s\n", wrap(r.Run.IllustrativeNote, 100, "      "))
	}
	fmt.Fprintf(w, "rule: %s\nconstraints: %s\n", r.Rule, r.Constraints)
	var fl []string
	for _, f := range r.Floors {
		fl = append(fl, fmt.Sprintf("%d %s (%s)", f.Year, level(f.Amount), f.Status))
	}
	fmt.Fprintf(w, "national floor: %s\n", wrap(strings.Join(fl, ", "), 100, "                "))
	if c := r.CostSharing; !c.IsZero() {
		fmt.Fprintf(w, "cost sharing: %s\n", c)
	}
	fmt.Fprintf(w, "run record: scenario sha256 %s, %s adjust %s, catalogue %s, floors: %s\n",
		r.Run.ScenarioSHA256, Module, r.Run.Version, r.Run.Catalogue, r.Run.Floors)
}

// footer repeats the ILLUSTRATIVE warning at the end of the text.
func (r *Result) footer(b *strings.Builder) {
	if r.Run.Illustrative {
		b.WriteString("\n" + banner + "\n")
	}
}

// yearTable writes the national totals, one row per year.
func (r *Result) yearTable(b *strings.Builder, un string, uv int64) error {
	cu := func(a benefit.Amount) string { return scaled(a, uv) }
	b.WriteString("\nNational totals per year (costs in " + un + " a year; max/min, CV and Gini are descriptive float64 statistics):\n")
	yt := texttable.Table{
		Header: []string{"year", "floor", "regions", "beneficiaries", "total", "central", "local", "transfer", "infeasible", "findings", "min", "mean", "max", "max/min", "CV", "Gini"},
		Right:  []bool{false, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true},
	}
	for _, y := range r.Summary {
		yt.Rows = append(yt.Rows, []string{
			strconv.Itoa(y.Year), level(y.Floor.Amount), strconv.Itoa(y.Regions), group(strconv.FormatInt(y.Beneficiaries, 10)),
			cu(y.Cost.Total), cu(y.Cost.Central), cu(y.Cost.Local), cu(y.Transfer),
			strconv.Itoa(y.Infeasible), strconv.Itoa(y.Findings),
			level(y.MinLevel), group(y.MeanLevel.String()), level(y.MaxLevel),
			strconv.FormatFloat(y.MaxMinRatio, 'f', 3, 64), strconv.FormatFloat(y.CV, 'f', 3, 64), strconv.FormatFloat(y.Gini, 'f', 3, 64),
		})
	}
	return yt.Write(b)
}

func (r *Result) units() (string, int64) {
	totals := make([]benefit.Amount, len(r.Summary))
	for i, y := range r.Summary {
		totals[i] = y.Cost.Total
	}
	return costUnit(totals...)
}

// WriteText writes r for a person to read: the header (ILLUSTRATIVE
// first when it is), the national totals per year with the
// equalisation statistics, then one row per region: its level in the
// base year and each simulated year (at most seven columns; a longer run
// shows evenly spaced years), the cost of the last year and which
// constraints bound in which years, with infeasible years and their
// transfers. Costs are shown in 亿元 when a yearly national total
// reaches 10 亿, else in 万元, with thousands separators (CSV and JSON
// carry exact yuan without them); WriteTextDetail gives every
// region-year.
func (r *Result) WriteText(w io.Writer) error {
	var b strings.Builder
	r.header(&b)
	un, uv := r.units()
	if err := r.yearTable(&b, un, uv); err != nil {
		return err
	}
	cols := yearColumns(len(r.Floors))
	last := r.Floors[len(r.Floors)-1].Year
	fmt.Fprintf(&b, "\nLevels by region (%s; %d is the base year), the cost of %d (%s) and the constraints that bound:\n", r.Unit, r.Floors[0].Year, last, un)
	t := texttable.Table{Header: []string{"code", "region"}, Right: []bool{false, false}}
	for _, c := range cols {
		t.Header = append(t.Header, strconv.Itoa(r.Floors[c].Year))
		t.Right = append(t.Right, true)
	}
	t.Header = append(t.Header, "beneficiaries", "total", "central", "local", "burden", "bound (years)")
	t.Right = append(t.Right, true, true, true, true, true, false)
	h := len(r.Floors) - 1
	for k := 0; k+h <= len(r.Rows); k += h {
		rows := r.Rows[k : k+h]
		if len(rows) == 0 {
			break
		}
		end := rows[len(rows)-1]
		row := []string{end.Region.String(), end.Name}
		for _, c := range cols {
			if c == 0 {
				row = append(row, level(rows[0].Previous))
			} else {
				row = append(row, level(rows[c-1].Level))
			}
		}
		row = append(row, group(strconv.FormatInt(end.Beneficiaries, 10)),
			scaled(end.Cost.Total, uv), scaled(end.Cost.Central, uv), scaled(end.Cost.Local, uv), burden(end.Burden),
			boundYears(rows, un, uv))
		t.Rows = append(t.Rows, row)
	}
	if err := t.Write(&b); err != nil {
		return err
	}
	r.footer(&b)
	_, err := io.WriteString(w, b.String())
	return err
}

// yearColumns picks the indexes of r.Floors shown as level columns: all
// of them up to seven, else seven evenly spaced from the base year to
// the last.
func yearColumns(n int) []int {
	const most = 7
	out := make([]int, 0, most)
	if n <= most {
		for i := range n {
			out = append(out, i)
		}
		return out
	}
	for i := range most {
		out = append(out, i*(n-1)/(most-1))
	}
	return out
}

// boundYears summarises one region's years: each binding constraint with
// the years it bound ("fiscal_cap 2027-2029"), infeasible years with
// their transfer, and floor-check findings; "-" when the rule's proposal
// was always taken.
func boundYears(rows []RegionYear, un string, uv int64) string {
	var parts []string
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1].Binding == rows[i].Binding && rows[j+1].Infeasible == rows[i].Infeasible {
			j++
		}
		if rows[i].Binding != BindNone {
			span := strconv.Itoa(rows[i].Year)
			if j > i {
				span += "-" + strconv.Itoa(rows[j].Year)
			}
			p := string(rows[i].Binding) + " " + span
			if rows[i].Infeasible {
				var t benefit.Amount
				for _, ry := range rows[i : j+1] {
					t = t.Add(ry.Transfer)
				}
				p = "INFEASIBLE " + p + " (transfer " + scaled(t, uv) + " " + un + ")"
			}
			parts = append(parts, p)
		}
		i = j + 1
	}
	for _, ry := range rows {
		for _, f := range ry.Findings {
			parts = append(parts, fmt.Sprintf("%s %s %d", f.Rule, f.Severity, ry.Year))
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, "; ")
}

// WriteTextDetail writes r as WriteText does, but with one row per region
// and year instead of one per region: level, increase, floor, headroom,
// binding constraint, beneficiaries, cost and its split, burden and
// notes (infeasible years with their transfer, floor-check findings).
func (r *Result) WriteTextDetail(w io.Writer) error {
	var b strings.Builder
	r.header(&b)
	un, uv := r.units()
	if err := r.yearTable(&b, un, uv); err != nil {
		return err
	}
	cu := func(a benefit.Amount) string { return scaled(a, uv) }
	b.WriteString("\nPer region and year (level in " + r.Unit + "; costs in " + un + " a year; burden = local cost ÷ local revenue):\n")
	rt := texttable.Table{
		Header: []string{"code", "region", "year", "level", "increase", "floor", "headroom", "binding", "beneficiaries", "total", "central", "local", "burden", "note"},
		Right:  []bool{false, false, false, true, true, true, true, false, true, true, true, true, true, false},
	}
	for _, ry := range r.Rows {
		note := ""
		if ry.Infeasible {
			note = "INFEASIBLE: transfer " + cu(ry.Transfer) + " " + un
		}
		for _, f := range ry.Findings {
			if note != "" {
				note += "; "
			}
			note += f.Rule + " " + f.Severity.String()
		}
		rt.Rows = append(rt.Rows, []string{
			ry.Region.String(), ry.Name, strconv.Itoa(ry.Year), level(ry.Level), group(signed(ry.Increase)), level(ry.Floor), group(ry.Headroom.String()),
			string(ry.Binding), group(strconv.FormatInt(ry.Beneficiaries, 10)),
			cu(ry.Cost.Total), cu(ry.Cost.Central), cu(ry.Cost.Local), burden(ry.Burden), note,
		})
	}
	if err := rt.Write(&b); err != nil {
		return err
	}
	r.footer(&b)
	_, err := io.WriteString(w, b.String())
	return err
}

// csvHeader returns the header row of WriteCSV.
func csvHeader() []string {
	return []string{"region", "name", "year", "level", "previous", "increase", "proposed", "rule", "binding",
		"floor", "floor_status", "headroom", "beneficiaries", "total", "central", "local", "revenue", "burden", "cap",
		"infeasible", "transfer", "findings", "illustrative", "scenario_sha256", "version"}
}

// WriteCSV writes one row per region and year with exact amounts in yuan
// (no 万元 or 亿元 scaling), the run record in the last three columns.
func (r *Result) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader()); err != nil {
		return err
	}
	for _, ry := range r.Rows {
		cp := ""
		if ry.Cap != nil {
			cp = ry.Cap.String()
		}
		var fs []string
		for _, f := range ry.Findings {
			fs = append(fs, f.Rule+":"+f.Severity.String())
		}
		if err := cw.Write([]string{
			ry.Region.String(), ry.Name, strconv.Itoa(ry.Year), ry.Level.String(), ry.Previous.String(), ry.Increase.String(),
			ry.Proposed.String(), ry.Rule, string(ry.Binding), ry.Floor.String(), ry.FloorStatus.String(), ry.Headroom.String(),
			strconv.FormatInt(ry.Beneficiaries, 10), ry.Cost.Total.String(), ry.Cost.Central.String(), ry.Cost.Local.String(),
			ry.Revenue.String(), burden(ry.Burden), cp, strconv.FormatBool(ry.Infeasible), ry.Transfer.String(),
			strings.Join(fs, ";"), strconv.FormatBool(r.Run.Illustrative), r.Run.ScenarioSHA256, r.Run.Version,
		}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes r as indented JSON. The output is byte-identical for
// the same scenario and library version.
func (r *Result) WriteJSON(w io.Writer) error { return writeJSON(w, r) }
