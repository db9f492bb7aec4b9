package output_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/columns"
	"github.com/benefitstd/benefitstd/compare"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/plan"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// The workbooks are read back with excelize: every cell (its value as
// stored, its type and its number format), the hidden exact columns,
// the frozen panes and the filters are written out one per line and
// compared with a golden file (go test ./output -run XLSX -update
// rewrites them; read the diff), the figures worked by hand are checked
// in their cells, every amount against its exact string and the JSON
// rendering, and the charts in the archive's chart parts.

// A cell as read back.
type xcell struct {
	ref, typ, format, value string
}

// A sheet as read back.
type xsheet struct {
	name   string
	cells  []xcell
	byRef  map[string]xcell
	hidden []string // hidden columns
	panes  string
	filter string
	widths map[string]float64
}

// readBook reads the sheets of a workbook.
func readBook(t *testing.T, b []byte) []xsheet {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	filters := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" {
			filters[d.Scope] = d.RefersTo
		}
	}
	formats := map[int]string{} // by style
	var out []xsheet
	for _, name := range f.GetSheetList() {
		s := xsheet{name: name, byRef: map[string]xcell{}, filter: filters[name], widths: map[string]float64{}}
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		last := 0
		for r, row := range rows {
			last = max(last, len(row))
			for c, v := range row {
				if v == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				typ, err := f.GetCellType(name, ref)
				if err != nil {
					t.Fatal(err)
				}
				st, err := f.GetCellStyle(name, ref)
				if err != nil {
					t.Fatal(err)
				}
				format, ok := formats[st]
				if !ok {
					style, err := f.GetStyle(st)
					if err != nil {
						t.Fatal(err)
					}
					format = fmt.Sprint(style.NumFmt)
					if style.CustomNumFmt != nil {
						format = *style.CustomNumFmt
					}
					formats[st] = format
				}
				x := xcell{ref, cellType(typ), format, v}
				s.cells = append(s.cells, x)
				s.byRef[ref] = x
			}
		}
		for c := 1; c <= last; c++ {
			col, _ := excelize.ColumnNumberToName(c)
			if vis, _ := f.GetColVisible(name, col); !vis {
				s.hidden = append(s.hidden, col)
			}
			s.widths[col], _ = f.GetColWidth(name, col)
		}
		p, err := f.GetPanes(name)
		if err != nil {
			t.Fatal(err)
		}
		if p.Freeze {
			s.panes = fmt.Sprintf("frozen %d rows, top-left %s", p.YSplit, p.TopLeftCell)
		}
		out = append(out, s)
	}
	return out
}

func cellType(t excelize.CellType) string {
	switch t {
	case excelize.CellTypeNumber, excelize.CellTypeUnset:
		return "n"
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString:
		return "s"
	}
	return fmt.Sprint(t)
}

// dump writes the sheets one cell a line.
func dump(sheets []xsheet) string {
	var b strings.Builder
	for _, s := range sheets {
		fmt.Fprintf(&b, "== %s | %s | filter %s | hidden %s\n", s.name, s.panes, s.filter, strings.Join(s.hidden, ","))
		for _, c := range s.cells {
			fmt.Fprintf(&b, "%s\t%s\t%s\t%q\n", c.ref, c.typ, c.format, c.value)
		}
	}
	return b.String()
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("%s: line %d:\ngot  %s\nwant %s", name, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s: %d lines, want %d", name, len(gl), len(wl))
	}
}

// The invariants of every sheet: two header rows frozen above the data
// with a filter on the second over every column and row; each hidden
// column is an exact column ("（精确值）", "(exact)") whose left
// neighbour holds numbers formatted to the fen (or as a percentage),
// each equal to its exact string; each column at least as wide as its
// Chinese header (two columns a character, plus two).
func checkSheets(t *testing.T, sheets []xsheet) {
	t.Helper()
	for _, s := range sheets {
		if s.name == "图表 Charts" {
			continue
		}
		if s.panes != "frozen 2 rows, top-left A3" {
			t.Errorf("%s: panes %q", s.name, s.panes)
		}
		lastCol, lastRow := "A", 2
		for _, c := range s.cells {
			col, row, _ := excelize.SplitCellName(c.ref)
			if n, _ := excelize.ColumnNameToNumber(col); n > mustCol(lastCol) {
				lastCol = col
			}
			lastRow = max(lastRow, row)
			if row <= 2 && c.typ != "s" {
				t.Errorf("%s!%s: header %q is not text", s.name, c.ref, c.value)
			}
		}
		if want := fmt.Sprintf("'%s'!$A$2:$%s$%d", s.name, lastCol, lastRow); s.filter != want {
			t.Errorf("%s: filter %q, want %q", s.name, s.filter, want)
		}
		for _, h := range s.hidden {
			if zh, en := s.byRef[h+"1"].value, s.byRef[h+"2"].value; !strings.HasSuffix(zh, "（精确值）") || !strings.HasSuffix(en, " (exact)") {
				t.Errorf("%s!%s: hidden column headed %q / %q", s.name, h, zh, en)
			}
			left, _ := excelize.ColumnNumberToName(mustCol(h) - 1)
			for row := 3; row <= lastRow; row++ {
				num, ok := s.byRef[fmt.Sprintf("%s%d", left, row)]
				exact := s.byRef[fmt.Sprintf("%s%d", h, row)]
				if exact.value == "" { // a text or a count of a summary's value column
					if ok && (num.format == "#,##0.00" || num.format == "0.00%") {
						t.Errorf("%s!%s%d: %+v without its exact string", s.name, left, row, num)
					}
					continue
				}
				switch num.format {
				case "#,##0.00":
					if num.typ != "n" || num.value != exact.value || exact.typ != "s" {
						t.Errorf("%s!%s%d: amount %+v, exact %+v", s.name, left, row, num, exact)
					}
				case "0.00%":
					r, err := benefit.ParseRate(exact.value)
					if num.typ != "n" || err != nil || r.PlainString() != num.value || !strings.HasSuffix(exact.value, "%") {
						t.Errorf("%s!%s%d: rate %+v, exact %+v", s.name, left, row, num, exact)
					}
				default:
					if num.value != "" {
						t.Errorf("%s!%s%d: %+v beside an exact column", s.name, left, row, num)
					}
				}
			}
		}
		for _, c := range s.cells {
			col, row, _ := excelize.SplitCellName(c.ref)
			if row == 1 && !slices.Contains(s.hidden, col) && s.widths[col] < float64(wide(c.value)+2) {
				t.Errorf("%s!%s: width %.0f for the header %q", s.name, c.ref, s.widths[col], c.value)
			}
		}
	}
}

// wide counts the columns s takes on a screen: two for a character of
// the CJK blocks and the fullwidth forms (U+2E80 on: 年, （), one for
// any other.
func wide(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x2E80 {
			n++
		}
	}
	return n
}

func mustCol(name string) int {
	n, _ := excelize.ColumnNameToNumber(name)
	return n
}

// A chart as its part in the archive describes it.
type chartPart struct {
	Title     string `xml:"chart>title>tx>rich>p>r>t"`
	LineChart *struct {
		Ser []chartSer `xml:"ser"`
	} `xml:"chart>plotArea>lineChart"`
	BarChart *struct {
		BarDir struct {
			Val string `xml:"val,attr"`
		} `xml:"barDir"`
		Ser []chartSer `xml:"ser"`
	} `xml:"chart>plotArea>barChart"`
}

type chartSer struct {
	Name string `xml:"tx>strRef>f"`
	Cat  string `xml:"cat>strRef>f"`
	Val  string `xml:"val>numRef>f"`
}

// charts returns the charts of a workbook, in order, each as "kind:
// title" and its series as "name | categories | values".
func charts(t *testing.T, b []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i := 1; ; i++ {
		f, err := zr.Open(fmt.Sprintf("xl/charts/chart%d.xml", i))
		if err != nil {
			return out
		}
		data, _ := io.ReadAll(f)
		f.Close()
		var c chartPart
		if err := xml.Unmarshal(data, &c); err != nil {
			t.Fatal(err)
		}
		var kind string
		var ser []chartSer
		switch {
		case c.LineChart != nil:
			kind, ser = "line", c.LineChart.Ser
		case c.BarChart != nil:
			kind, ser = c.BarChart.BarDir.Val, c.BarChart.Ser
		}
		out = append(out, kind+": "+c.Title)
		for _, s := range ser {
			out = append(out, "  "+s.Name+" | "+s.Cat+" | "+s.Val)
		}
	}
}

// part returns a part of the workbook archive.
func part(t *testing.T, b []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, _ := io.ReadAll(f)
	return string(data)
}

// renderXLSX renders v as a workbook; with twice, twice, on one and on
// eight processors, checking that the bytes are the same.
func renderXLSX(t *testing.T, v any, twice bool) []byte {
	t.Helper()
	if !twice {
		return []byte(render(t, output.FormatXLSX, v, output.Options{}))
	}
	var a []byte
	for _, procs := range []int{1, 8} {
		prev := runtime.GOMAXPROCS(procs)
		b := []byte(render(t, output.FormatXLSX, v, output.Options{}))
		runtime.GOMAXPROCS(prev)
		if a != nil && !bytes.Equal(a, b) {
			t.Fatal("the same result gave two different workbooks")
		}
		a = b
	}
	return a
}

// cellsOf returns the cells of the named sheet.
func cellsOf(t *testing.T, sheets []xsheet, name string) map[string]xcell {
	t.Helper()
	for _, s := range sheets {
		if s.name == name {
			return s.byRef
		}
	}
	t.Fatalf("no sheet %q", name)
	return nil
}

// wantCells checks cells given as "ref=value" (the value stored) and
// "ref:format" (the number format).
func wantCells(t *testing.T, sheet string, cells map[string]xcell, want ...string) {
	t.Helper()
	for _, w := range want {
		if ref, v, ok := strings.Cut(w, "="); ok {
			if got := cells[ref].value; got != v {
				t.Errorf("%s!%s = %q, want %q", sheet, ref, got, v)
			}
		} else if ref, f, ok := strings.Cut(w, ":"); ok {
			if got := cells[ref].format; got != f {
				t.Errorf("%s!%s format %q, want %q", sheet, ref, got, f)
			}
		}
	}
}

// The embedded sample's compliance report as a workbook (the figures of
// the text report, worked in floor's tests): 成武县's floor violation,
// 103 against 123 for 10,000 persons over 2024-01 to 2024-06, owes
// 20 × 10,000 × 6 = 1,200,000.00; the total owed is 1,200,000 +
// 750,000 (万荣县, 5 × 75,000 × 2) + 0.04 (运城市, 88,150.00 −
// 88,149.96 a year for one person) = 1,950,000.04.
func TestXLSXReport(t *testing.T) {
	in := floor.Sample()
	rep := check(t, in.Levels, floor.Options{AsOf: ym("2024-12"), Waivers: in.Waivers})
	rep.Illustrative, rep.Note = in.Illustrative, in.Note
	b := renderXLSX(t, rep, true)
	sheets := readBook(t, b)
	var names []string
	for _, s := range sheets {
		names = append(names, s.name)
	}
	if want := []string{"汇总 Summary", "发现 Findings", "覆盖 Coverage", "效果 Effects", "按地区欠发 Arrears by region", "图表 Charts"}; !slices.Equal(names, want) {
		t.Fatalf("sheets %q, want %q", names, want)
	}
	checkSheets(t, sheets)
	golden(t, "sample_report.xlsx.golden", dump(sheets))
	sum := cellsOf(t, sheets, "汇总 Summary")
	wantCells(t, "汇总 Summary", sum, "A1=项目", "A2=item", "C1=值", "C2=value", "D1=值（精确值）", "D2=value (exact)",
		"A3=示例数据", "C3=是 yes", "B17=arrears total", "C17=1950000.04", "C17:#,##0.00", "D17=1950000.04")
	fs := cellsOf(t, sheets, "发现 Findings")
	// finding 10 is on row 12; its columns: E region, G region name,
	// M required, O actual, Q shortfall, U persons, W arrears
	wantCells(t, "发现 Findings", fs, "A12=10", "E12=371723", "F12=成武县", "I12=2024-01", "J12=2024-07", "K12=6",
		"M12=123.00", "M12:#,##0.00", "O12=103.00", "Q12=20.00", "U12=10000", "U12:#,##0", "W12=1200000.00", "X12=1200000.00")
	// finding 9, the stale minimum wage, compares no required level:
	// the cell is empty, as in the text
	wantCells(t, "发现 Findings", fs, "C11=stale", "M11=", "N11=", "O11=2480.00")
	// every amount of every finding is the JSON's string for it
	var js struct {
		Findings []map[string]any `json:"findings"`
	}
	if err := json.Unmarshal([]byte(render(t, output.FormatJSON, rep, output.Options{})), &js); err != nil {
		t.Fatal(err)
	}
	for i, f := range js.Findings {
		for col, key := range map[string]string{"N": "required", "P": "actual", "R": "shortfall", "X": "arrears"} {
			if got := fs[fmt.Sprintf("%s%d", col, i+3)].value; got != f[key] && !(i == 8 && key == "required") {
				t.Errorf("finding %d %s: %q, JSON %q", i+1, key, got, f[key])
			}
		}
	}
	if got := strings.Join(charts(t, b), "\n"); got != `bar: 各地区欠发金额（元） Arrears by region (yuan)
  '按地区欠发 Arrears by region'!$C$1 | '按地区欠发 Arrears by region'!$B$3:$B$5 | '按地区欠发 Arrears by region'!$C$3:$C$5` {
		t.Errorf("charts:\n%s", got)
	}
	// the workbook's dates are the report's as-of month, not the clock
	if core := part(t, b, "docProps/core.xml"); !strings.Contains(core, `<dcterms:created xsi:type="dcterms:W3CDTF">2024-12-01T00:00:00Z</dcterms:created>`) ||
		!strings.Contains(core, "ILLUSTRATIVE") {
		t.Errorf("core properties: %s", core)
	}
}

// A run as a workbook: 北京 (1,000 persons at 200) and 四川 (2,000 at
// 130), fixed +10, as in TestResultRenderings: 北京's levels 210, 220,
// 230 and its 2027 cost 12 × 1,000 × 230 = 2,760,000.00; 四川 held at
// the floor 143, 163, 183. Two regions: the level chart draws each.
func TestXLSXResult(t *testing.T) {
	r := runScenario(t, scenarioJSON(fixed10, []string{reg("110000", 1000, "200", "100000000"), reg("510000", 2000, "130", "100000000")},
		`"illustrative": true`, `"note": "made up"`))
	b := renderXLSX(t, r, true)
	sheets := readBook(t, b)
	checkSheets(t, sheets)
	golden(t, "result.xlsx.golden", dump(sheets))
	ry := cellsOf(t, sheets, "地区年度 Region-years")
	// columns: A region, B name, C year, D level (E exact), T total cost (U exact)
	wantCells(t, "地区年度 Region-years", ry, "A3=110000", "B3=北京市", "C3=2025", "C3:1", "D3=210.00", "D5=230.00", "T5=2760000.00", "U5=2760000.00",
		"D6=143.00", "D7=163.00", "D8=183.00")
	if got := strings.Join(charts(t, b), "\n"); got != `line: 各地区标准与国家基础标准（元/月） Levels against the national floor
  '年度汇总 Years'!$B$1 | '年度汇总 Years'!$A$3:$A$5 | '年度汇总 Years'!$B$3:$B$5
  '年度汇总 Years'!$S$1 | '年度汇总 Years'!$A$3:$A$5 | '年度汇总 Years'!$S$3:$S$5
  '地区年度 Region-years'!$B$3 | '年度汇总 Years'!$A$3:$A$5 | '地区年度 Region-years'!$D$3:$D$5
  '地区年度 Region-years'!$B$6 | '年度汇总 Years'!$A$3:$A$5 | '地区年度 Region-years'!$D$6:$D$8
col: 各年度中央与地方支出（元） Central and local cost per year (yuan)
  '年度汇总 Years'!$K$1 | '年度汇总 Years'!$A$3:$A$5 | '年度汇总 Years'!$K$3:$K$5
  '年度汇总 Years'!$I$1 | '年度汇总 Years'!$A$3:$A$5 | '年度汇总 Years'!$I$3:$I$5` {
		t.Errorf("charts:\n%s", got)
	}
	ys := cellsOf(t, sheets, "年度汇总 Years")
	wantCells(t, "年度汇总 Years", ys, "A1=年度", "B1=国家基础标准", "S1=平均标准（加权）", "K1=地方", "I1=中央", "B3=143.00", "B5=183.00")
}

// A comparison and a sweep as workbooks: tables, no charts.
func TestXLSXComparisonAndSweep(t *testing.T) {
	a := runScenario(t, scenarioJSON(fixed10, []string{reg("110000", 1000, "200", "100000000")}))
	bb := runScenario(t, scenarioJSON(`{"kind": "fixed", "amount": "20"}`, []string{reg("110000", 1000, "200", "100000000")}))
	cmp := readBook(t, renderXLSX(t, compare.Results(a, bb), false))
	checkSheets(t, cmp)
	// 北京 2025: 210 in A, 220 in B: +10.00
	wantCells(t, "地区年度差异 Region-years", cellsOf(t, cmp, "地区年度差异 Region-years"), "E3=210.00", "G3=220.00", "I3=10.00")
	sw, err := compare.Sweep(t.Context(), load(t, scenarioJSON(fixed10, []string{reg("110000", 1000, "200", "100000000")})), compare.RuleAmount(benefit.MustParseAmount("10"), benefit.MustParseAmount("20")), adjust.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sweep := readBook(t, renderXLSX(t, sw, false))
	// +10 a year: 210, 220, 230 for 1,000 persons, 12 months: 7,920,000.00;
	// the swept amount 10 is labelled as an amount, to the fen
	// +10 a year: 210, 220, 230 for 1,000 persons, 12 months: 7,920,000.00
	wantCells(t, "扫描 Sweep", cellsOf(t, sweep, "扫描 Sweep"), "A3=10.00", "B3=7920000.00", "C3=7920000.00")
}

// A plan run as a workbook: the shipped Shanghai 2024 plan over a small
// synthetic population. Every figure is the JSON's; the charts draw the
// distribution and the parts.
func TestXLSXPlan(t *testing.T) {
	p, err := plan.Builtin("shanghai-2024")
	if err != nil {
		t.Fatal(err)
	}
	c, err := plan.NewCalculator(p)
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.Run(t.Context(), plan.Synthetic(1, 500, p.RetiredBy), plan.Options{Synthetic: true})
	if err != nil {
		t.Fatal(err)
	}
	run := &output.PlanRun{Plan: p, Population: "SYNTHETIC: 500", Synthetic: true, Report: s}
	b := renderXLSX(t, run, false)
	sheets := readBook(t, b)
	checkSheets(t, sheets)
	golden(t, "plan.xlsx.golden", dump(sheets))
	var js struct {
		Summary struct {
			Increase string `json:"increase"`
			Parts    []struct {
				Total string `json:"total"`
			} `json:"parts"`
			Histogram []struct {
				Retirees int64 `json:"retirees"`
			} `json:"histogram"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(render(t, output.FormatJSON, run, output.Options{})), &js); err != nil {
		t.Fatal(err)
	}
	parts := cellsOf(t, sheets, "按部分 Parts")
	for i, x := range js.Summary.Parts {
		wantCells(t, "按部分 Parts", parts, fmt.Sprintf("D%d=%s", i+3, x.Total))
	}
	dist := cellsOf(t, sheets, "分布 Distribution")
	for i, h := range js.Summary.Histogram {
		wantCells(t, "分布 Distribution", dist, fmt.Sprintf("F%d=%d", i+3, h.Retirees))
	}
	n, k := len(js.Summary.Histogram)+2, len(js.Summary.Parts)+2
	want := fmt.Sprintf(`col: 月增加额分布（人） Distribution of increases (retirees)
  '分布 Distribution'!$F$1 | '分布 Distribution'!$A$3:$A$%d | '分布 Distribution'!$F$3:$F$%d
bar: 各部分月增加额（元） Cost by part, a month (yuan)
  '按部分 Parts'!$D$1 | '按部分 Parts'!$B$3:$B$%d | '按部分 Parts'!$D$3:$D$%d`, n, n, k, k)
	if got := strings.Join(charts(t, b), "\n"); got != want {
		t.Errorf("charts:\n%s\nwant\n%s", got, want)
	}
	if core := part(t, b, "docProps/core.xml"); !strings.Contains(core, "2024-01-01T00:00:00Z") || !strings.Contains(core, "SYNTHETIC") {
		t.Errorf("core properties: %s", core)
	}
}

// A table run as a workbook: columns's worked example
// (TestRunSmall) of two provinces and two columns of the disability
// table, raised from August 2023 by +6 % (因战) and +5 % (因公):
//
//	grade 1 因战   116,270 (2022-08) × 1.06 = 123,246.2 → 123,250
//	grade 10 因公   10,850 (2022-08) × 1.05 =  11,392.5 →  11,390
//
// 2023 pays 7 months of the old standard and 5 of the new: 山东's 10 of
// grade 1 因战 10 × (7 × 116,270 + 5 × 123,250) ÷ 12 = 1,191,783.33;
// grade 10 因公 山东 100 × (7 × 10,850 + 5 × 11,390) ÷ 12 = 1,107,500.00
// and 四川 200 at 11,000 then 11,540: 2,245,000.00, together
// 3,352,500.00 for 300 persons. 山东 2,299,283.33 = 1,149,641.67 +
// 1,149,641.66; 四川 2,245,000.00 = 1,772,000.00 + 473,000.00; the
// nation 4,544,283.33 = 2,921,641.67 + 1,622,641.66 for 310 persons.
func TestXLSXColumns(t *testing.T) {
	inc := func(d, r string) floor.Increase {
		return floor.Increase{Dims: benefit.MustParseDims(d), Rate: benefit.MustParseRate(r)}
	}
	tiers := func(a, b, c, d, e string) map[string]benefit.Rate {
		out := map[string]benefit.Rate{}
		for i, s := range []string{a, b, c, d, e} {
			out[string(rune('1'+i))] = benefit.MustParseRate(s)
		}
		return out
	}
	level := benefit.MustParseAmount("11000")
	s := columns.Scenario{
		Scenario: scenario.Scenario{
			Name: "two provinces, two columns", Program: "veterans.disability", StartYear: 2023, Horizon: 1, EffectiveMonth: 8,
			Tables: []floor.Projection{{Program: "veterans.disability", Steps: []floor.Step{{From: ym("2023-08"),
				Increases: []floor.Increase{inc("cause=因战", "6%"), inc("cause=因公", "5%"), inc("cause=因病", "4%")}}}}},
			Floor: floor.Path{Projection: floor.Trend{Kind: floor.TrendHold}},
			Rule:  scenario.PassThrough(),
			CostRules: []region.CostRule{{Program: "veterans.disability", FloorPart: tiers("80%", "60%", "50%", "30%", "10%"),
				TopUp: tiers("0%", "0%", "0%", "0%", "0%"), Citation: benefit.Citation{Title: "ILLUSTRATIVE"}}},
		},
		Counts: []columns.Count{
			{Region: region.MustParseCode("370000"), Dims: benefit.MustParseDims("cause=因公;grade=10"), Beneficiaries: 100},
			{Region: region.MustParseCode("370000"), Dims: benefit.MustParseDims("cause=因战;grade=1"), Beneficiaries: 10},
			{Region: region.MustParseCode("510000"), Dims: benefit.MustParseDims("cause=因公;grade=10"), Beneficiaries: 200, Level: &level},
		},
	}
	r, err := columns.Run(t.Context(), s, adjust.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := renderXLSX(t, r, true)
	sheets := readBook(t, b)
	var names []string
	for _, s := range sheets {
		names = append(names, s.name)
	}
	if want := []string{"汇总 Summary", "年度汇总 Years", "各列年度 Column-years", "地区年度 Region-years",
		"各列地区年度 Column region-years", "图表 Charts"}; !slices.Equal(names, want) {
		t.Fatalf("sheets %q, want %q", names, want)
	}
	checkSheets(t, sheets)
	// Years: A year, B beneficiaries, C total (D exact), E central, G local
	wantCells(t, "年度汇总 Years", cellsOf(t, sheets, "年度汇总 Years"), "A3=2023", "B3=310", "C3=4544283.33", "D3=4544283.33",
		"E3=2921641.67", "G3=1622641.66")
	// Column-years: A column, B year, C standard, E status, F
	// beneficiaries, G total; the base year 2022 gives the standard only
	wantCells(t, "各列年度 Column-years", cellsOf(t, sheets, "各列年度 Column-years"),
		"A3=cause=因战;grade=1", "B3=2022", "C3=116270.00", "E3=provisional", "F3=", "G3=",
		"A4=cause=因战;grade=1", "B4=2023", "C4=123250.00", "E4=projected", "F4=10", "G4=1191783.33",
		"A5=cause=因公;grade=10", "B5=2022", "C5=10850.00",
		"A6=cause=因公;grade=10", "B6=2023", "C6=11390.00", "F6=300", "G6=3352500.00")
	// Region-years: A region, D beneficiaries, E total, G central, I local
	wantCells(t, "地区年度 Region-years", cellsOf(t, sheets, "地区年度 Region-years"),
		"A3=370000", "C3=2023", "D3=110", "E3=2299283.33", "G3=1149641.67", "I3=1149641.66",
		"A4=510000", "D4=200", "E4=2245000.00", "G4=1772000.00", "I4=473000.00")
	// Column region-years, the CSV's rows: A column, then a run's
	// region-years (B region, E level, T beneficiaries, U total), in the
	// table's order, each column over every region the counts name (四川
	// has none of grade 1 因战: 0 persons, 0.00)
	cry := cellsOf(t, sheets, "各列地区年度 Column region-years")
	wantCells(t, "各列地区年度 Column region-years", cry, "A1=列", "A2=column", "B2=region", "E2=level", "T2=beneficiaries", "U2=total cost",
		"A3=cause=因战;grade=1", "B3=370000", "D3=2023", "E3=123250.00", "T3=10", "U3=1191783.33",
		"A4=cause=因战;grade=1", "B4=510000", "D4=2023", "T4=0", "U4=0.00",
		"A5=cause=因公;grade=10", "B5=370000", "D5=2023", "E5=11390.00", "T5=100", "U5=1107500.00",
		"A6=cause=因公;grade=10", "B6=510000", "D6=2023", "E6=11540.00", "T6=200", "U6=2245000.00", "A7=")
	sum := cellsOf(t, sheets, "汇总 Summary")
	var items []string
	for row := 3; sum[fmt.Sprintf("B%d", row)].value != ""; row++ {
		items = append(items, sum[fmt.Sprintf("B%d", row)].value+"="+sum[fmt.Sprintf("C%d", row)].value)
	}
	for _, w := range []string{"columns=2", "effective month (costs summed month by month)=8", "base year=2022"} {
		if !slices.Contains(items, w) {
			t.Errorf("summary lacks %q: %q", w, items)
		}
	}
	if got := strings.Join(charts(t, b), "\n"); got != `col: 各年度中央与地方支出（元） Central and local cost per year (yuan)
  '年度汇总 Years'!$G$1 | '年度汇总 Years'!$A$3:$A$3 | '年度汇总 Years'!$G$3:$G$3
  '年度汇总 Years'!$E$1 | '年度汇总 Years'!$A$3:$A$3 | '年度汇总 Years'!$E$3:$E$3` {
		t.Errorf("charts:\n%s", got)
	}
}

// A run whose regions give their funds and whose level the floor set
// bounds (the unemployment benefit, adjust's worked example
// TestUnemploymentFund): the region-years sheet adds the fund's columns
// and a Bounds sheet lists each bound; with no national floor its cells
// and the headroom are empty. 100 persons, a balance of 3,000,000 and an
// inflow of 500,000 a year, 12 months' reserve:
//
//	2026: (12 + 12) × 100 × x ≤ 3,500,000 ⇒ x ≤ 1,458.33… → 1,458
//	      benefits 12 × 100 × 1,458 = 1,749,600; closing 3,500,000 − 1,749,600 = 1,750,400,
//	      ⌊12 × 1,750,400 ÷ 1,749,600⌋ = 12 months; reserve 1,749,600
//	2027: 1,458 held (no cut); the fund lacks 24 × 100 × 1,458 − 2,250,400
//	      = 1,248,800, transferred in, and closes at its reserve 1,749,600
//
// The bounds of 2026 (失业保险条例 第十八条): Beijing's minimum wage 2,540
// (from 2025-09, local-data §3), strictly below it on the yuan grid
// 2,539; its 低保 1,245 (2021-07, held), strictly above it 1,246.
func TestXLSXFundAndBounds(t *testing.T) {
	v := func(from, amount string) benefit.Version {
		return benefit.Version{From: ym(from), Amount: benefit.MustParseAmount(amount), Status: benefit.Announced}
	}
	five := benefit.MustParseRate("5%")
	s := scenario.Scenario{
		Name: "worked example: unemployment fund", Program: "employment.unemployment_insurance",
		Dims: benefit.MustParseDims("period=1-12"), StartYear: 2026, Horizon: 2,
		Rule: scenario.Share("reference.min_wage", benefit.MustParseRate("80%"), benefit.MustParseRate("2%"), benefit.MustParseRate("90%")),
		Regions: []scenario.Region{{Code: region.MustParseCode("110000"), Beneficiaries: 100, Level: benefit.MustParseAmount("1400"),
			References: map[string]floor.Reference{
				"reference.min_wage":    {History: []benefit.Version{v("2023-09", "2420"), v("2025-09", "2540")}, Revision: floor.Revision{Rate: &five}},
				"reference.dibao_urban": {History: []benefit.Version{v("2021-07", "1245")}},
			},
			Fund: &scenario.Fund{Balance: benefit.MustParseAmount("3000000"), Inflow: benefit.MustParseAmount("500000")}}},
		Constraints: scenario.Constraints{Fund: &scenario.FundReserve{Months: 12}},
	}
	r, err := adjust.Run(t.Context(), s, adjust.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := renderXLSX(t, r, true)
	sheets := readBook(t, b)
	checkSheets(t, sheets)
	ry := cellsOf(t, sheets, "地区年度 Region-years")
	// D level, N floor, Q headroom, AG transfer; the fund's: AJ opening,
	// AL inflow, AN benefits, AR transfer, AT closing, AV months, AW reserve
	wantCells(t, "地区年度 Region-years", ry, "AJ1=基金年初结余", "AJ2=fund opening", "AV2=months payable", "AW2=fund reserve",
		"D3=1458.00", "N3=", "P3=", "Q3=", "AJ3=3000000.00", "AL3=500000.00", "AN3=1749600.00", "AT3=1750400.00", "AV3=12", "AW3=1749600.00",
		"D4=1458.00", "AG4=1248800.00", "AJ4=1750400.00", "AR4=1248800.00", "AT4=1749600.00", "AW4=1749600.00")
	bounds := map[string]string{}
	bs := cellsOf(t, sheets, "相对界限 Bounds")
	for row := 3; bs[fmt.Sprintf("A%d", row)].value != ""; row++ {
		at := func(col string) string { return bs[fmt.Sprintf("%s%d", col, row)].value }
		if at("C") == "2026" {
			// D rule, F kind, G strict, H figure, K limit
			bounds[at("D")] = at("F") + " " + at("G") + " " + at("H") + " → " + at("K")
		}
	}
	for rule, want := range map[string]string{
		"ui.art18.below_min_wage": "upper 是 yes 2540.00 → 2539.00",
		"ui.art18.above_dibao":    "lower 是 yes 1245.00 → 1246.00",
	} {
		if bounds[rule] != want {
			t.Errorf("bound %s: %q, want %q (all: %q)", rule, bounds[rule], want, bounds)
		}
	}
	sum := cellsOf(t, sheets, "汇总 Summary")
	found := false
	for row := 3; sum[fmt.Sprintf("B%d", row)].value != ""; row++ {
		found = found || sum[fmt.Sprintf("B%d", row)].value == "national floor" && strings.Contains(sum[fmt.Sprintf("C%d", row)].value, "no national floor")
	}
	if !found {
		t.Error("the summary does not say the programme has no national floor")
	}
	// the level chart draws no national floor
	if got := strings.Join(charts(t, b), "\n"); !strings.HasPrefix(got, `line: 各地区标准（元/月） Levels
  '年度汇总 Years'!$S$1 | '年度汇总 Years'!$A$3:$A$4 | '年度汇总 Years'!$S$3:$S$4
  '地区年度 Region-years'!$B$3 |`) {
		t.Errorf("charts:\n%s", got)
	}
}

// A retirees' adjustment as a workbook: the region-years sheet adds the
// national overall level of each year (3 % in 2024, 人社部发〔2024〕48号;
// 2 % in 2025, Xinhua 2025-07-11: plan/data/national.json) and the plan
// applied in 2024, whose yearly increase cost is 12 × the sum of its
// per-person increases a month (adjust.RetireeYear).
func TestXLSXRetirees(t *testing.T) {
	bi, err := scenario.Builtin("retirees")
	if err != nil {
		t.Fatal(err)
	}
	s, err := bi.Scenario()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adjust.Run(t.Context(), s, adjust.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sheets := readBook(t, renderXLSX(t, r, false))
	checkSheets(t, sheets)
	ry := cellsOf(t, sheets, "地区年度 Region-years")
	// AJ national rate (AK exact), AL status, AM increase cost, AO plan,
	// AP plan retirees, AQ plan increase a month
	wantCells(t, "地区年度 Region-years", ry, "AJ2=national rate", "AO2=plan",
		"A3=110000", "C3=2024", "AK3=3%", "AL3=legislated", "C4=2025", "AK4=2%", "AL4=legislated", "AO4=")
	if p := ry["AO3"].value; !strings.HasPrefix(p, "beijing-2024") {
		t.Errorf("plan of 2024: %q", p)
	}
	cost, err1 := benefit.ParseAmount(ry["AM3"].value)
	month, err2 := benefit.ParseAmount(ry["AQ3"].value)
	if err1 != nil || err2 != nil || cost.Cmp(month.Mul(12)) != 0 {
		t.Errorf("increase cost %q, plan's increase a month %q: want 12 ×", ry["AM3"].value, ry["AQ3"].value)
	}
}
