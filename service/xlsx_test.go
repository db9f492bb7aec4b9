package service_test

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/columns"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/plan"
	"github.com/benefitstd/benefitstd/scenario"
	"github.com/benefitstd/benefitstd/service"
)

const mediaXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// twoProvinces is the document's example scenario: Beijing at 723 and
// Hebei at 143 in 2024, +20 a year for 2025 and 2026.
const twoProvinces = `{"name": "two provinces (ILLUSTRATIVE)", "illustrative": true, "note": "ILLUSTRATIVE figures, not real data.",
 "program": "pension.resident.basic", "start_year": 2025, "horizon": 2,
 "regions": [{"code": "110000", "beneficiaries": 767000, "level": "723", "revenue": "618110000000"},
             {"code": "130000", "beneficiaries": 10360000, "level": "143", "revenue": "428610000000"}],
 "floor": {"shipped_through": 2025, "projection": {"kind": "step", "step": "20"}},
 "rule": {"kind": "fixed", "amount": "20"}}`

// threeRetirees are TestPlan's, worked by hand there.
const threeRetirees = `{"plan_id": "shanghai-2024", "retirees": [
 {"id": "A001", "birth_date": "1950-03-15", "retired_date": "2010-04-01", "years": 38, "pension": "4500.00", "sex": "M"},
 {"id": "A002", "birth_date": "1958-07-01", "retired_date": "2013-08-01", "years": 12, "months": 6, "pension": "2100.50", "sex": "F"},
 {"id": "A003", "birth_date": "1964-01-20", "retired_date": "2024-02-01", "years": 30, "pension": "5200.00"}]}`

// ?format=xlsx answers check, simulate and plan with the workbook
// package output writes for `--format xlsx`, byte for byte, as an
// attachment; the workbook opens in excelize with the figures worked by
// hand in its cells (every request and answer is validated against the
// contract by the test client).
func TestXLSX(t *testing.T) {
	ts := start(t, service.Config{})

	sc, err := adjust.LoadScenario(strings.NewReader(twoProvinces), "request", adjust.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sim, err := adjust.Run(context.Background(), sc, adjust.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Builtin("shanghai-2024")
	if err != nil {
		t.Fatal(err)
	}
	c, err := plan.NewCalculator(p)
	if err != nil {
		t.Fatal(err)
	}
	rs := []plan.Retiree{
		{ID: "A001", Birth: plan.MustParseDate("1950-03-15"), Retired: plan.MustParseDate("2010-04-01"), Years: 38, Pension: benefit.MustParseAmount("4500.00"), Sex: plan.Male},
		{ID: "A002", Birth: plan.MustParseDate("1958-07-01"), Retired: plan.MustParseDate("2013-08-01"), Years: 12, Months: 6, Pension: benefit.MustParseAmount("2100.50"), Sex: plan.Female},
		{ID: "A003", Birth: plan.MustParseDate("1964-01-20"), Retired: plan.MustParseDate("2024-02-01"), Years: 30, Pension: benefit.MustParseAmount("5200.00")},
	}
	rep, err := c.Run(context.Background(), plan.FromSlice(rs), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	vb, err := scenario.Builtin("veterans")
	if err != nil {
		t.Fatal(err)
	}
	vs, err := columns.Builtin(vb, adjust.Options{})
	if err != nil {
		t.Fatal(err)
	}
	vet, err := columns.Run(context.Background(), vs, adjust.Options{})
	if err != nil {
		t.Fatal(err)
	}

	for _, x := range []struct {
		path, body, file string
		want             []byte
		once             bool        // one request: a large workbook, slow under the race detector
		cells            [][4]string // sheet, the row's key column and value (or "" for the summary's item), column → want
	}{{
		// The sample's arrears, by hand in TestCheckSampleIsTheLibrarysReport
		// (policy-reference §11): 1,200,000 + 750,000 + 0.04 = 1,950,000.04,
		// of which central 600,000 (Example B's tier-3 province, 50 %).
		path: "/v1/check", body: `{"sample": true, "as_of": "2024-12"}`, file: "check.xlsx",
		want: rendered(t, output.FormatXLSX, sampleReport(t, "2024-12")),
		cells: [][4]string{
			{"汇总 Summary", "arrears total", "value (exact)", "1950000.04"},
			{"汇总 Summary", "of which central", "value (exact)", "600000.00"},
		},
	}, {
		// Beijing: 723 + 20 = 743 in 2025, + 20 = 763 in 2026; its cost in
		// 2025 is 743 × 767,000 × 12 = 6,838,572,000.00.
		path: "/v1/simulate", body: `{"scenario": ` + twoProvinces + `}`, file: "simulate.xlsx",
		want: rendered(t, output.FormatXLSX, sim),
		cells: [][4]string{
			{"地区年度 Region-years", "110000 2026", "level (exact)", "763.00"},
			{"地区年度 Region-years", "110000 2025", "level (exact)", "743.00"},
			{"地区年度 Region-years", "110000 2025", "total cost (exact)", "6838572000.00"},
		},
	}, {
		// The veterans' table over its columns: grades 1-10 因战 and 因公,
		// grades 1-6 因病 (floor/data/veterans_tables.json), 10 + 10 + 6 =
		// 26 columns from the base year 2022.
		path: "/v1/simulate", body: `{"builtin": "veterans"}`, file: "simulate.xlsx", once: true,
		want: rendered(t, output.FormatXLSX, vet),
		cells: [][4]string{
			{"汇总 Summary", "columns", "value", "26"},
			{"汇总 Summary", "base year", "value", "2022"},
		},
	}, {
		// TestPlan's three retirees: A001 61 + 38 + 45.00 + 25 = 169.00,
		// A002 61 + 15 + 21.01 = 97.01, A003 not eligible: 266.01 over
		// 4,500.00 + 2,100.50 = 6,600.50.
		path: "/v1/plan", body: threeRetirees, file: "plan.xlsx",
		want: rendered(t, output.FormatXLSX, &output.PlanRun{Plan: p, Population: "request", Report: rep}),
		cells: [][4]string{
			{"汇总 Summary", "increase a month", "value (exact)", "266.01"},
			{"汇总 Summary", "prior pensions a month", "value (exact)", "6600.50"},
			{"汇总 Summary", "eligible", "value", "2"},
		},
	}} {
		accepts := []string{"", "*/*", mediaXLSX}
		if x.once {
			accepts = accepts[:1]
		}
		var got []byte
		for _, accept := range accepts {
			var header []string
			if accept != "" {
				header = []string{"Accept", accept}
			}
			var code int
			var h http.Header
			code, h, got = ts.post(t, x.path+"?format=xlsx", x.body, header...)
			if code != 200 || h.Get("Content-Type") != mediaXLSX || h.Get("Content-Disposition") != `attachment; filename="`+x.file+`"` {
				t.Fatalf("%s?format=xlsx, Accept %q: %d %s %s: %.300s", x.path, accept, code, h.Get("Content-Type"), h.Get("Content-Disposition"), got)
			}
			if !bytes.Equal(got, x.want) {
				t.Errorf("%s?format=xlsx, Accept %q: not the library's workbook (%d bytes, want %d)", x.path, accept, len(got), len(x.want))
			}
		}
		// The workbook is also the answer to an Accept naming it.
		if !x.once {
			code, h, b := ts.post(t, x.path, x.body, "Accept", mediaXLSX)
			if code != 200 || h.Get("Content-Type") != mediaXLSX || !bytes.Equal(b, x.want) {
				t.Errorf("%s, Accept %s: %d %s: not the library's workbook", x.path, mediaXLSX, code, h.Get("Content-Type"))
			}
		}
		f, err := excelize.OpenReader(bytes.NewReader(got))
		if err != nil {
			t.Fatalf("%s: %v", x.path, err)
		}
		for _, cl := range x.cells {
			if v := cellOf(t, f, cl[0], cl[1], cl[2]); v != cl[3] {
				t.Errorf("%s: %s %q %s = %q, want %q", x.path, cl[0], cl[1], cl[2], v, cl[3])
			}
		}
		f.Close()
	}
}

// cellOf returns the raw value of a cell of a workbook's sheet: in the
// column whose English header (row 2) is col, on the row whose first
// cells are key's words (a summary's item is its second cell, the
// English name).
func cellOf(t *testing.T, f *excelize.File, sheet, key, col string) string {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) < 3 {
		t.Fatalf("%s: %d rows, %v", sheet, len(rows), err)
	}
	c := -1
	for i, h := range rows[1] {
		if h == col {
			c = i
		}
	}
	if c < 0 {
		t.Fatalf("%s: no column %q in %q", sheet, col, rows[1])
	}
	for _, r := range rows[2:] {
		match := len(r) > 1 && r[1] == key // a summary's item
		if k := strings.Fields(key); !match && len(r) >= 3 && len(k) == 2 {
			match = r[0] == k[0] && r[2] == k[1] // region code, year
		}
		if match && c < len(r) {
			return r[c]
		}
	}
	t.Fatalf("%s: no row %q", sheet, key)
	return ""
}

// A workbook is not a JSON answer: with format=xlsx an Accept that
// admits no workbook is 406, and an endpoint that gives none refuses
// the parameter (TestErrors); the problem says what the request is
// answered in.
func TestXLSXNotAcceptable(t *testing.T) {
	ts := start(t, service.Config{})
	r, _ := http.NewRequest(http.MethodPost, ts.URL+"/v1/plan?format=xlsx", strings.NewReader(threeRetirees))
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Accept", "application/json")
	code, h, b := ts.do(t, invalidRequest(r))
	if p := decodeProblem(t, h, b); code != 406 || !strings.Contains(p.Detail, mediaXLSX) {
		t.Errorf("%d %s", code, b)
	}
}
