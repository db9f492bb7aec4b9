package adjust

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/texttable"
)

// wan returns a in 万元 (10,000 yuan) rounded half-up to the fen, for
// display in tables only; CSV and JSON carry exact yuan.
func wan(a benefit.Amount) string { return scaled(a, 10_000) }

// scaled returns a ÷ unit rounded half-up to two decimals, for display.
func scaled(a benefit.Amount, unit int64) string {
	w, err := a.QuoInt(unit, benefit.FenHalfUp)
	if err != nil {
		return "?"
	}
	return w.String()
}

// costUnit picks the display unit of a result's costs: 亿元 (10^8 yuan)
// when the largest national total reaches 10 亿, else 万元.
func (r *Result) costUnit() (string, int64) {
	for _, y := range r.Summary {
		if y.Cost.Total.Cmp(benefit.Yuan(1_000_000_000)) >= 0 {
			return "亿元", 100_000_000
		}
	}
	return "万元", 10_000
}

func burden(r *benefit.Rate) string {
	if r == nil {
		return ""
	}
	return r.String()
}

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

// header writes the lines every text rendering starts with: the
// programme, the run record and, for an illustrative scenario, the
// ILLUSTRATIVE warning.
func (r *Result) header(w io.Writer) {
	fmt.Fprintf(w, "%s (%s), %s, rounding %s\n", r.Name, r.Program, r.Unit, r.Rounding)
	fmt.Fprintf(w, "scenario %q sha256 %s, %s adjust %s, catalogue %s, floors: %s\n", r.Run.Scenario, r.Run.ScenarioSHA256, Module, r.Run.Version, r.Run.Catalogue, r.Run.Floors)
	if r.Run.Illustrative {
		fmt.Fprintln(w, "ILLUSTRATIVE: the figures of this scenario are illustrative, not real data.")
	}
	if r.Run.IllustrativeNote != "" {
		fmt.Fprintf(w, "note: %s\n", r.Run.IllustrativeNote)
	}
	fmt.Fprintf(w, "rule: %s; constraints: %s\n", r.Rule, r.Constraints)
	var fl []string
	for _, f := range r.Floors {
		fl = append(fl, fmt.Sprintf("%d %s (%s)", f.Year, f.Amount.Round(benefit.FenHalfUp), f.Status))
	}
	fmt.Fprintf(w, "national floor: %s\n", strings.Join(fl, ", "))
	if c := r.CostSharing; !c.IsZero() {
		fmt.Fprintf(w, "cost sharing: %s\n", c)
	}
}

// WriteText writes r as aligned text tables: the run record, the national
// floor path, one row per year with the national totals and the
// equalisation statistics, then one row per region and year. Costs are
// shown in 亿元 when the largest yearly national total reaches 10 亿 and
// in 万元 otherwise (rounded for display; CSV and JSON carry exact yuan);
// the statistics are float64 and descriptive only.
func (r *Result) WriteText(w io.Writer) error {
	var b strings.Builder
	r.header(&b)
	un, uv := r.costUnit()
	cu := func(a benefit.Amount) string { return scaled(a, uv) }
	b.WriteString("\nNational totals per year (costs in " + un + " per year):\n")
	yt := texttable.Table{
		Header: []string{"year", "floor", "regions", "beneficiaries", "total", "central", "local", "transfer", "infeasible", "findings", "min", "mean", "max", "max/min", "CV", "Gini"},
		Right:  []bool{false, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true},
	}
	for _, y := range r.Summary {
		yt.Rows = append(yt.Rows, []string{
			strconv.Itoa(y.Year), y.Floor.Amount.String(), strconv.Itoa(y.Regions), strconv.FormatInt(y.Beneficiaries, 10),
			cu(y.Cost.Total), cu(y.Cost.Central), cu(y.Cost.Local), cu(y.Transfer),
			strconv.Itoa(y.Infeasible), strconv.Itoa(y.Findings),
			y.MinLevel.String(), y.MeanLevel.String(), y.MaxLevel.String(),
			strconv.FormatFloat(y.MaxMinRatio, 'f', 3, 64), strconv.FormatFloat(y.CV, 'f', 3, 64), strconv.FormatFloat(y.Gini, 'f', 3, 64),
		})
	}
	if err := yt.Write(&b); err != nil {
		return err
	}
	b.WriteString("\nPer region and year (level in " + r.Unit + "; costs in " + un + " per year; burden = local cost ÷ local revenue):\n")
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
			note += f.Rule + " " + f.Severity
		}
		inc := ry.Increase.String()
		if ry.Increase.Sign() > 0 {
			inc = "+" + inc
		}
		rt.Rows = append(rt.Rows, []string{
			ry.Region.String(), ry.Name, strconv.Itoa(ry.Year), ry.Level.String(), inc, ry.Floor.String(), ry.Headroom.String(),
			string(ry.Binding), strconv.FormatInt(ry.Beneficiaries, 10),
			cu(ry.Cost.Total), cu(ry.Cost.Central), cu(ry.Cost.Local), burden(ry.Burden), note,
		})
	}
	if err := rt.Write(&b); err != nil {
		return err
	}
	if r.Run.Illustrative {
		b.WriteString("\nILLUSTRATIVE: not real data; see the note above.\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// csvHeader is the header row of WriteCSV.
var csvHeader = []string{"region", "name", "year", "level", "previous", "increase", "proposed", "rule", "binding",
	"floor", "floor_status", "headroom", "beneficiaries", "total", "central", "local", "revenue", "burden", "cap",
	"infeasible", "transfer", "findings", "illustrative", "scenario_sha256", "version"}

// WriteCSV writes one row per region and year with exact amounts in yuan
// (no 万元 or 亿元 scaling), the run record in the last three columns.
func (r *Result) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, ry := range r.Rows {
		cp := ""
		if ry.Cap != nil {
			cp = ry.Cap.String()
		}
		var fs []string
		for _, f := range ry.Findings {
			fs = append(fs, f.Rule+":"+f.Severity)
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
func (r *Result) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
