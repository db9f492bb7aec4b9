package output_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/compare"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/plan"
	"github.com/benefitstd/benefitstd/region"
)

// A division added from a user's file can have any name. In CSV a text
// cell that a spreadsheet would run as a formula gets a single quote in
// front; amounts, negative ones too, stay numbers; JSON keeps the text
// exact.
func TestCSVNeutralisesFormulas(t *testing.T) {
	names := map[string]string{ // name → as CSV writes it
		`=HYPERLINK("http://x","y")`: `'=HYPERLINK("http://x","y")`,
		"+1+2":                       "'+1+2",
		"-1+2":                       "'-1+2",
		"@SUM(A1)":                   "'@SUM(A1)",
		"\tcmd":                      "'\tcmd",
		"\rcmd":                      "'\rcmd",
		"北京市":                        "北京市",
		"a=b":                        "a=b",
	}
	r := &adjust.Result{Run: adjust.RunRecord{ScenarioSHA256: "ab12", Version: adjust.Version}}
	for name := range names {
		r.Rows = append(r.Rows, adjust.RegionYear{Region: region.MustParseCode("110000"), Name: name, Year: 2025,
			Level: benefit.MustParseAmount("187.50"), Previous: benefit.MustParseAmount("200"), Increase: benefit.MustParseAmount("-12.50"),
			Binding: adjust.BindNone})
	}
	recs, err := csv.NewReader(strings.NewReader(render(t, output.FormatCSV, r, output.Options{}))).ReadAll()
	if err != nil || len(recs) != len(r.Rows)+1 {
		t.Fatalf("%v: %d records", err, len(recs))
	}
	for i, rec := range recs[1:] {
		name := r.Rows[i].Name
		if rec[1] != names[name] || rec[3] != "187.50" || rec[5] != "-12.50" {
			t.Errorf("%q: name %q, level %q, increase %q; want %q, 187.50, -12.50", name, rec[1], rec[3], rec[5], names[name])
		}
	}
	var back struct {
		Rows []struct{ Name string } `json:"regions"`
	}
	if err := json.Unmarshal([]byte(render(t, output.FormatJSON, r, output.Options{})), &back); err != nil {
		t.Fatal(err)
	}
	for i, row := range back.Rows {
		if row.Name != r.Rows[i].Name {
			t.Errorf("JSON name %q, want %q", row.Name, r.Rows[i].Name)
		}
	}
}

// A sweep's values are the user's text: a negative amount or rate stays
// a number, anything else starting like a formula does not.
func TestCSVSweepValues(t *testing.T) {
	sw := &compare.SweepResult{Parameter: "rule.amount", Points: []compare.SweepPoint{{Value: "-5.00"}, {Value: "-0.5%"}, {Value: "+3"}, {Value: "-1+1"}}}
	recs, err := csv.NewReader(strings.NewReader(render(t, output.FormatCSV, sw, output.Options{}))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, rec := range recs[1:] {
		got = append(got, rec[1])
	}
	if strings.Join(got, " ") != "-5.00 -0.5% +3 '-1+1" {
		t.Errorf("values %q", got)
	}
}

// --bom: the byte-order mark EF BB BF, then the CSV unchanged; off by
// default.
func TestCSVBOM(t *testing.T) {
	sw := &compare.SweepResult{Parameter: "rule.amount", Points: []compare.SweepPoint{{Value: "10"}}}
	plain := render(t, output.FormatCSV, sw, output.Options{})
	marked := render(t, output.FormatCSV, sw, output.Options{BOM: true})
	if strings.HasPrefix(plain, "\xEF\xBB\xBF") || marked != "\xEF\xBB\xBF"+plain {
		t.Errorf("plain %q\nmarked %q", plain, marked)
	}
}

// The payment file of Shanghai 2024 (plan/data/shanghai-2024.json) for
// retirees like A of cmd/benefitstd/testdata/plan_retirees.csv, by hand:
// born 1957-06-01, 66 at 2023-12-31 (no age tilt below 70); fixed 61.00,
// 35 years × 1.00 = 35.00, 1 % × 5,000.00 = 50.00: increase 146.00, new
// pension 5,146.00; effective 2024-01, first paid 2024-07: 6 months ×
// 146.00 = 876.00 owed. Ids a spreadsheet would run as formulas get a
// single quote ("+86" and "-7" are numbers to it, not formulas); an id
// with a comma is quoted; the byte-order mark comes first when asked for.
func TestPaymentCSV(t *testing.T) {
	p, err := plan.Builtin("shanghai-2024")
	if err != nil {
		t.Fatal(err)
	}
	c, err := plan.NewCalculator(p)
	if err != nil {
		t.Fatal(err)
	}
	people := "id,birth_date,retired_date,years,months,pension,area_class,category,sex\n"
	ids := []string{"A", "=1+2", "@SUM(A1)", "+86", "-7", `"x,y"`}
	for _, id := range ids {
		people += id + ",1957-06-01,2015-06-30,35,0,5000.00,0,,M\n"
	}
	var b strings.Builder
	if _, err := c.Run(context.Background(), plan.ReadCSV(strings.NewReader(people), "people.csv", benefit.Limits{}),
		plan.Options{PerPerson: output.NewPaymentCSV(&b, output.Options{BOM: true})}); err != nil {
		t.Fatal(err)
	}
	want := "\xEF\xBB\xBFid,eligible,reason,age,pension,part_fixed,part_years,part_level,part_age,increase,new_pension,arrears_months,arrears\n"
	for _, id := range []string{"A", "'=1+2", "'@SUM(A1)", "+86", "-7", `"x,y"`} {
		want += id + ",true,,66,5000.00,61.00,35.00,50.00,0.00,146.00,5146.00,6,876.00\n"
	}
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
