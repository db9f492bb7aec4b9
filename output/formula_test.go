package output_test

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/compare"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/region"
)

// Every CSV written for people neutralises a formula, the comparison of
// two runs and a sweep's parameter as well as a run's rows: a region name
// "=1+2" from a user's divisions file is written "'=1+2", "@SUM(A1)"
// "'@SUM(A1)"; a negative difference stays a number.
func TestCSVNeutralisesFormulasEverywhere(t *testing.T) {
	cmp := &compare.Comparison{Rows: []compare.Diff{
		{Region: region.MustParseCode("110000"), Name: "=1+2", Year: 2025, Level: benefit.MustParseAmount("-10")},
		{Region: region.MustParseCode("120000"), Name: "@SUM(A1)", Year: 2025, Level: benefit.MustParseAmount("5")},
	}}
	recs, err := csv.NewReader(strings.NewReader(render(t, output.FormatCSV, cmp, output.Options{}))).ReadAll()
	if err != nil || len(recs) != 3 {
		t.Fatalf("%v: %d records", err, len(recs))
	}
	if recs[1][1] != "'=1+2" || recs[2][1] != "'@SUM(A1)" || recs[1][6] != "-10.00" {
		t.Errorf("comparison rows %q, %q; want names '=1+2 and '@SUM(A1), level_diff -10.00", recs[1], recs[2])
	}
	sw := &compare.SweepResult{Parameter: "=cmd|' /C calc'!A0", Points: []compare.SweepPoint{{Value: "1%"}}}
	recs, err = csv.NewReader(strings.NewReader(render(t, output.FormatCSV, sw, output.Options{}))).ReadAll()
	if err != nil || len(recs) != 2 || recs[1][0] != "'=cmd|' /C calc'!A0" {
		t.Errorf("sweep parameter %q, %v; want it behind a quote", recs, err)
	}
}
