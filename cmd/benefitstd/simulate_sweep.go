package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/texttable"
)

func wan(a benefit.Amount) string {
	w, err := a.QuoInt(10000, benefit.FenHalfUp)
	if err != nil {
		return "?"
	}
	return w.String()
}

// writeSweep writes the points of a sweep.
func writeSweep(w io.Writer, format, path string, s adjust.Scenario, pts []adjust.SweepPoint) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Parameter string              `json:"parameter"`
			Points    []adjust.SweepPoint `json:"points"`
		}{path, pts})
	case "csv":
		cw := csv.NewWriter(w)
		_ = cw.Write([]string{"parameter", "value", "total", "central", "local", "transfer", "infeasible_regions", "scenario_sha256", "illustrative"})
		for _, p := range pts {
			var codes []string
			for _, c := range p.Infeasible {
				codes = append(codes, c.String())
			}
			_ = cw.Write([]string{path, p.Value, p.Cost.Total.String(), p.Cost.Central.String(), p.Cost.Local.String(), p.Transfer.String(),
				strings.Join(codes, ";"), p.Run.ScenarioSHA256, strconv.FormatBool(p.Run.Illustrative)})
		}
		cw.Flush()
		return cw.Error()
	}
	fmt.Fprintf(w, "sweep of %s over scenario %q, costs summed over %d years from %d, in 万元\n", path, s.Name, s.Horizon, s.StartYear)
	if s.Illustrative {
		fmt.Fprintln(w, "ILLUSTRATIVE: the figures of this scenario are illustrative, not real data.")
	}
	t := texttable.Table{Header: []string{"value", "total", "central", "local", "transfer", "infeasible", "regions (first year)"},
		Right: []bool{true, true, true, true, true, true, false}}
	for _, p := range pts {
		var rs []string
		for i, c := range p.Infeasible {
			rs = append(rs, fmt.Sprintf("%s (%d)", c, p.FirstInfeasible[i]))
		}
		t.Rows = append(t.Rows, []string{p.Value, wan(p.Cost.Total), wan(p.Cost.Central), wan(p.Cost.Local), wan(p.Transfer),
			strconv.Itoa(len(p.Infeasible)), strings.Join(rs, ", ")})
	}
	return t.Write(w)
}
