package output

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/columns"
	"github.com/benefitstd/benefitstd/compare"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/plan"
)

// xlsxRenderer renders a result as an Excel workbook: see the package
// documentation (Excel workbooks) for its sheets, charts and exact
// columns.
type xlsxRenderer struct {
	w io.Writer
}

// newXLSX returns the workbook renderer writing to w.
func newXLSX(w io.Writer) *xlsxRenderer { return &xlsxRenderer{w: w} }

// maxChartRegions is the most regions a chart of a workbook draws one
// by one.
const maxChartRegions = 12

// Render writes v as an Excel workbook, in one write.
func (x *xlsxRenderer) Render(v any) error {
	var bk *book
	switch r := v.(type) {
	case *floor.Report:
		bk = reportBook(r)
	case *adjust.Result:
		if len(r.Floors) == 0 {
			return errNoYears
		}
		bk = resultBook(r)
	case *compare.SweepResult:
		bk = sweepBook(r)
	case *compare.Comparison:
		bk = comparisonBook(r)
	case *columns.Result:
		if len(r.Columns) == 0 || len(r.Columns[0].Result.Floors) == 0 {
			return errNoColumns
		}
		bk = columnsBook(r)
	case *PlanRun:
		if r.Report == nil {
			return errNoSummary
		}
		bk = planBook(r)
	default:
		return unsupported(FormatXLSX, v)
	}
	var b bytes.Buffer
	if err := bk.write(&b); err != nil {
		return err
	}
	_, err := x.w.Write(b.Bytes())
	return err
}

// ---- the workbook as data

// A book is a workbook before it is written: its sheets of tables, in
// order, and its charts, drawn on a sheet of their own after them.
type book struct {
	title  string
	date   string // W3C date-time of the data, for the document properties
	sheets []*sheet
	charts []chart
}

// A sheet is one table: its columns and rows.
type sheet struct {
	name string // ≤ 31 characters, none of []:*?/\
	cols []xcol
	rows [][]xv
}

// An xcol is a column: its Chinese and English header, and whether a
// hidden column with the exact decimal strings follows it.
type xcol struct {
	zh, en string
	exact  bool
}

// The kinds of cell, and the number format each is shown with.
type xkind uint8

const (
	xText   xkind = iota // text
	xInt                 // a count: #,##0
	xYear                // a year: 0
	xAmount              // yuan: #,##0.00, exact string kept
	xRate                // a ratio: 0.00%, exact percentage kept
	xShare               // a share in per mille, shown 0.0%
	xFloat               // a descriptive statistic: 0.000
)

// An xv is one cell: its kind, its value (for numbers the plain decimal
// written as the cell's number) and for amounts and rates the exact
// string of the hidden column. The zero xv is an empty cell.
type xv struct {
	kind  xkind
	v     string
	exact string
}

func xstr(s string) xv { return xv{kind: xText, v: s} }
func xint[T int | int64](n T) xv {
	return xv{kind: xInt, v: strconv.FormatInt(int64(n), 10)}
}
func xyear(y int) xv              { return xv{kind: xYear, v: strconv.Itoa(y)} }
func xamount(a benefit.Amount) xv { s := a.String(); return xv{kind: xAmount, v: s, exact: s} }
func xrate(r benefit.Rate) xv     { return xv{kind: xRate, v: r.PlainString(), exact: r.String()} }

// xamountp and xratep leave a nil value empty.
func xamountp(a *benefit.Amount) xv {
	if a == nil {
		return xv{}
	}
	return xamount(*a)
}

func xratep(r *benefit.Rate) xv {
	if r == nil {
		return xv{}
	}
	return xrate(*r)
}

// xfloat writes a float64 statistic; NaN and infinities are left empty.
func xfloat(f float64) xv {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return xv{}
	}
	return xv{kind: xFloat, v: strconv.FormatFloat(f, 'f', -1, 64)}
}

// xbool writes yes or no in both languages.
func xbool(b bool) xv {
	if b {
		return xstr("是 yes")
	}
	return xstr("否 no")
}

// shown is the text a spreadsheet shows for v, for the column widths.
func (v xv) shown() string {
	switch v.kind {
	case xInt, xAmount:
		return grouped(v.v)
	case xRate:
		return v.exact
	case xShare:
		return "100.0%"
	case xFloat:
		if i := strings.IndexByte(v.v, '.'); i >= 0 {
			return v.v[:min(len(v.v), i+4)]
		}
	}
	return v.v
}

// A chart is a native chart of the workbook: its type, title and series.
type chart struct {
	typ    excelize.ChartType
	title  string
	series []series
	numFmt string // of the value axis
}

// A series is a column of one sheet over a run of its data rows (from,
// to: 0-based, inclusive), named by a cell of the sheet, with the
// categories of another column of the same rows.
type series struct {
	color          string // "#D62728"; "" the reader's palette
	dash           bool   // a dashed line
	sheet          *sheet
	name           cellAt // the cell that names the series
	cat, val       int    // columns
	from, to       int    // data rows
	catSheet       *sheet // the sheet of the categories when not sheet
	catFrom, catTo int
}

// A cellAt is a cell of a sheet: a column, and a data row (0-based) or a
// header row (-2 the Chinese, -1 the English).
type cellAt struct {
	col, row int
}

// A summary sheet: one row per item, in both languages, with its value.
func summarySheet(items []summaryItem) *sheet {
	s := &sheet{name: "汇总 Summary", cols: []xcol{{"项目", "item", false}, {"英文", "item (English)", false}, {"值", "value", true}}}
	for _, it := range items {
		s.rows = append(s.rows, []xv{xstr(it.zh), xstr(it.en), it.v})
	}
	return s
}

type summaryItem struct {
	zh, en string
	v      xv
}

// ---- writing

// The styles of a workbook: the headers and one per kind of number.
type styles struct {
	zh, en int
	kind   [xFloat + 1]int // xText: text, top-aligned as every data cell
	exact  int
	wrap   int // a long text, wrapped in its column
}

func newStyles(f *excelize.File) (*styles, error) {
	var st styles
	var err error
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#DDEBF7"}}
	add := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	custom := func(code string) *string { return &code }
	st.zh = add(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill})
	st.en = add(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "#404040"}, Fill: fill,
		Border: []excelize.Border{{Type: "bottom", Color: "#808080", Style: 1}}})
	top := &excelize.Alignment{Vertical: "top"} // beside a wrapped text, which starts at the top
	st.kind[xText] = add(&excelize.Style{Alignment: top})
	st.kind[xInt] = add(&excelize.Style{CustomNumFmt: custom("#,##0"), Alignment: top})
	st.kind[xYear] = add(&excelize.Style{NumFmt: 1, Alignment: top}) // 0
	st.kind[xAmount] = add(&excelize.Style{CustomNumFmt: custom("#,##0.00"), Alignment: top})
	st.kind[xRate] = add(&excelize.Style{CustomNumFmt: custom("0.00%"), Alignment: top})
	st.kind[xShare] = add(&excelize.Style{CustomNumFmt: custom("0.0%"), Alignment: top})
	st.kind[xFloat] = add(&excelize.Style{CustomNumFmt: custom("0.000"), Alignment: top})
	st.exact = add(&excelize.Style{NumFmt: 49, Alignment: top}) // @: text
	st.wrap = add(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	return &st, err
}

// chartsSheet is the name of the sheet the charts are drawn on.
const chartsSheet = "图表 Charts"

// maxWidth is the widest a column is made, in characters; a longer text
// is wrapped in it.
const maxWidth = 50

// chartRows are the rows of the charts sheet a chart takes, with the
// space below it.
const chartRows = 26

// layout gives the physical (1-based) column of each column of s; the
// hidden exact column of an amount column follows it.
func (s *sheet) layout() []int {
	phys := make([]int, len(s.cols))
	c := 1
	for i, col := range s.cols {
		phys[i] = c
		c++
		if col.exact {
			c++
		}
	}
	return phys
}

// ref returns the absolute reference of a range of s: 'name'!$A$3:$A$9.
func (s *sheet) ref(col, fromRow, toRow int) string {
	c := s.layout()[col]
	return fmt.Sprintf("%s!%s:%s", quoteSheet(s.name), absCell(c, fromRow), absCell(c, toRow))
}

// cellRef returns the absolute reference of one cell of s.
func (s *sheet) cellRef(at cellAt) string {
	return quoteSheet(s.name) + "!" + absCell(s.layout()[at.col], rowOf(at.row))
}

// rowOf is the sheet row of a data row (0-based), or of a header row
// (-2, -1).
func rowOf(data int) int { return data + 3 }

func absCell(col, row int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return "$" + name + "$" + strconv.Itoa(row)
}

func cellName(col, row int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name + strconv.Itoa(row)
}

// quoteSheet quotes a sheet name for a reference, as Excel does: 'a b'.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// write writes the workbook to w.
func (bk *book) write(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	for i, s := range bk.sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", s.name)
		} else {
			_, err = f.NewSheet(s.name)
		}
		if err == nil {
			err = writeSheet(f, s, st)
		}
		if err != nil {
			return fmt.Errorf("output: sheet %s: %w", s.name, err)
		}
	}
	if len(bk.charts) > 0 {
		if _, err := f.NewSheet(chartsSheet); err != nil {
			return err
		}
		err := f.SetCellStr(chartsSheet, "A1", "图表的数据在各工作表中 The data of the charts are in the other sheets")
		if err == nil {
			err = printLayout(f, chartsSheet)
		}
		// one chart a printed page
		for i, c := range bk.charts {
			at := cellName(1, 3+i*chartRows)
			if err == nil && i > 0 {
				err = f.InsertPageBreak(chartsSheet, at)
			}
			if err == nil {
				err = f.AddChart(chartsSheet, at, c.excelize())
			}
		}
		if err != nil {
			return fmt.Errorf("output: charts: %w", err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: bk.title, Creator: "benefitstd", LastModifiedBy: "benefitstd",
		Created: bk.date, Modified: bk.date, Language: "zh-CN",
	}); err != nil {
		return err
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return err
	}
	return sortContentTypes(w, b.Bytes())
}

// sortContentTypes writes the workbook zw (a zip archive) to w with the
// <Default> entries of its [Content_Types].xml sorted: excelize adds the
// image types to them in the order of a Go map, which varies from run
// to run. Every other part is copied as it is, compressed bytes and
// headers (whose times are zero), in the same order.
func sortContentTypes(w io.Writer, zw []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(zw), int64(len(zw)))
	if err != nil {
		return err
	}
	out := zip.NewWriter(w)
	for _, zf := range zr.File {
		if zf.Name != "[Content_Types].xml" {
			if err := out.Copy(zf); err != nil {
				return err
			}
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return err
		}
		ct, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		defs := defaultType.FindAll(ct, -1)
		sorted := slices.Clone(defs)
		slices.SortFunc(sorted, bytes.Compare)
		i := 0
		ct = defaultType.ReplaceAllFunc(ct, func([]byte) []byte { i++; return sorted[i-1] })
		fw, err := out.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate})
		if err == nil {
			_, err = fw.Write(ct)
		}
		if err != nil {
			return err
		}
	}
	return out.Close()
}

// defaultType is a <Default> entry of [Content_Types].xml.
var defaultType = regexp.MustCompile(`<Default [^>]*>(</Default>)?`)

// writeSheet writes the header rows, the cells, their styles, the
// hidden exact columns, the column widths, the frozen panes and the
// autofilter of s.
func writeSheet(f *excelize.File, s *sheet, st *styles) error {
	phys := s.layout()
	last := phys[len(phys)-1]
	if s.cols[len(s.cols)-1].exact {
		last++
	}
	widths := make([]int, last+1)
	var err error
	keep := func(e error) {
		if err == nil {
			err = e
		}
	}
	var long []string      // cells of a text wider than maxWidth
	lines := map[int]int{} // rows of such cells: the lines of the longest
	text := func(col, row int, v string) {
		if v == "" {
			return
		}
		keep(f.SetCellStr(s.name, cellName(col, row), v))
		w := displayWidth(v)
		if w > maxWidth {
			long = append(long, cellName(col, row))
			lines[row] = max(lines[row], (w+maxWidth-1)/maxWidth)
		}
		widths[col] = max(widths[col], w)
	}
	for i, c := range s.cols {
		text(phys[i], 1, c.zh)
		text(phys[i], 2, c.en)
		if c.exact {
			text(phys[i]+1, 1, c.zh+"（精确值）")
			text(phys[i]+1, 2, c.en+" (exact)")
		}
	}
	keep(f.SetCellStyle(s.name, "A1", cellName(last, 1), st.zh))
	keep(f.SetCellStyle(s.name, "A2", cellName(last, 2), st.en))
	// The cells, and per column the runs of rows of one style.
	for i, c := range s.cols {
		col := phys[i]
		runStart, runStyle := 0, 0
		flush := func(end int) {
			if runStyle != 0 && end > runStart {
				keep(f.SetCellStyle(s.name, cellName(col, rowOf(runStart)), cellName(col, rowOf(end-1)), runStyle))
			}
		}
		for r, row := range s.rows {
			var v xv
			if i < len(row) {
				v = row[i]
			}
			style := 0
			switch {
			case v.v == "":
			case v.kind == xText:
				text(col, rowOf(r), v.v)
				style = st.kind[xText]
			default:
				keep(f.SetCellDefault(s.name, cellName(col, rowOf(r)), v.v))
				widths[col] = max(widths[col], displayWidth(v.shown()))
				style = st.kind[v.kind]
			}
			if style != runStyle {
				flush(r)
				runStart, runStyle = r, style
			}
			if c.exact && v.exact != "" {
				text(col+1, rowOf(r), v.exact)
			}
		}
		flush(len(s.rows))
		if c.exact && len(s.rows) > 0 {
			keep(f.SetCellStyle(s.name, cellName(col+1, 3), cellName(col+1, rowOf(len(s.rows)-1)), st.exact))
		}
	}
	for _, ref := range long {
		keep(f.SetCellStyle(s.name, ref, ref, st.wrap))
	}
	for _, row := range slices.Sorted(maps.Keys(lines)) {
		keep(f.SetRowHeight(s.name, row, min(15*float64(lines[row]), 409)))
	}
	for col := 1; col <= last; col++ {
		name, _ := excelize.ColumnNumberToName(col)
		keep(f.SetColWidth(s.name, name, name, float64(min(max(widths[col]+2, 6), maxWidth))))
	}
	for i, c := range s.cols {
		if c.exact {
			name, _ := excelize.ColumnNumberToName(phys[i] + 1)
			keep(f.SetColVisible(s.name, name, false))
		}
	}
	keep(f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A3", ActiveCell: "A3", Pane: "bottomLeft"}}}))
	keep(f.AutoFilter(s.name, "A2:"+cellName(last, max(2, rowOf(len(s.rows)-1))), nil))
	keep(printLayout(f, s.name))
	return err
}

// printLayout prints a sheet in landscape, one page wide, with its
// header rows on every page.
func printLayout(f *excelize.File, sheet string) error {
	landscape, one, any := "landscape", 1, 0
	fit := true
	err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &any})
	if err == nil {
		err = f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit})
	}
	if err == nil && sheet != chartsSheet {
		err = f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: quoteSheet(sheet) + "!$1:$2", Scope: sheet})
	}
	return err
}

// excelize returns the chart as excelize draws it.
func (c chart) excelize() *excelize.Chart {
	axisFont := excelize.Font{Color: "#404040", Size: 9}
	no := false
	xc := &excelize.Chart{
		Type:       c.typ,
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.title}}},
		Legend:     excelize.ChartLegend{Position: "bottom"},
		Dimension:  excelize.ChartDimension{Width: 760, Height: 440},
		VaryColors: &no,
		XAxis:      excelize.ChartAxis{Font: axisFont},
		YAxis:      excelize.ChartAxis{MajorGridLines: true, Font: axisFont, NumFmt: excelize.ChartNumFmt{CustomNumFmt: c.numFmt}},
	}
	if len(c.series) == 1 {
		xc.Legend.Position = "none"
	}
	if c.typ == excelize.Bar { // the first row at the top, as in the sheet
		xc.XAxis.ReverseOrder = true
	}
	for _, s := range c.series {
		cs, cf, ct := s.sheet, s.from, s.to
		if s.catSheet != nil {
			cs, cf, ct = s.catSheet, s.catFrom, s.catTo
		}
		xs := excelize.ChartSeries{
			Name:       s.sheet.cellRef(s.name),
			Categories: cs.ref(s.cat, rowOf(cf), rowOf(ct)),
			Values:     s.sheet.ref(s.val, rowOf(s.from), rowOf(s.to)),
			Marker:     excelize.ChartMarker{Symbol: "none"},
		}
		if s.color != "" {
			xs.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{s.color}}
		}
		if s.dash {
			xs.Line = excelize.LineOptions{Dash: excelize.LineDashDash, Width: 2.25}
		}
		xc.Series = append(xc.Series, xs)
	}
	return xc
}

// dateOf is the W3C date-time of the first day of a month, for the
// document properties; a constant when the month is not known.
func dateOf(m benefit.Month) string {
	if m.IsZero() {
		return "2000-01-01T00:00:00Z"
	}
	return m.String() + "-01T00:00:00Z"
}

// ---- compliance report (*floor.Report)

func reportBook(r *floor.Report) *book {
	bk := &book{title: "合规检查 Compliance check", date: dateOf(r.AsOf)}
	if r.Illustrative {
		bk.title = "ILLUSTRATIVE 示例数据 — " + bk.title
	}
	s := &r.Summary
	items := []summaryItem{
		{"示例数据", "illustrative", xbool(r.Illustrative)},
	}
	if r.Note != "" {
		items = append(items, summaryItem{"说明", "note", xstr(r.Note)})
	}
	items = append(items,
		summaryItem{"起始月份", "from", xstr(r.From.String())},
		summaryItem{"截止月份（不含）", "to (not included; empty: open)", xstr(r.To.String())},
		summaryItem{"截至月份", "as of", xstr(r.AsOf.String())},
		summaryItem{"国家标准数据版本", "floors version", xstr(r.FloorsVersion)},
		summaryItem{"水平数", "levels", xint(s.Levels)},
		summaryItem{"违规", "violations", xint(s.Violations)},
		summaryItem{"警告", "warnings", xint(s.Warnings)},
		summaryItem{"提示", "advisories", xint(s.Advisories)},
		summaryItem{"豁免", "waived", xint(s.Waived)},
		summaryItem{"未核验", "unchecked", xint(s.Unchecked)},
		summaryItem{"应报送", "expected", xint(s.Expected)},
		summaryItem{"未报送", "missing", xint(s.Missing)},
		summaryItem{"应补发合计", "arrears total", xamount(s.ArrearsTotal)},
		summaryItem{"其中中央", "of which central", xamount(s.ArrearsCentral)},
		summaryItem{"其中地方", "of which local", xamount(s.ArrearsLocal)},
		summaryItem{"其中基金", "of which fund", xamount(s.ArrearsFund)},
		summaryItem{"其中无分担规则", "of which no cost-sharing rule", xamount(s.ArrearsUnsplit)},
		summaryItem{"豁免欠发（不计入合计）", "waived arrears (not in the total)", xamount(s.WaivedArrears)},
		summaryItem{"利息", "interest", xamount(s.Interest)},
	)
	bk.sheets = append(bk.sheets, summarySheet(items))

	fs := &sheet{name: "发现 Findings", cols: []xcol{
		{"序号", "#", false}, {"严重程度", "severity", false}, {"规则", "rule", false}, {"未核验原因", "unchecked", false},
		{"地区代码", "region", false}, {"地区", "region name", false}, {"项目", "program", false}, {"维度", "dimensions", false},
		{"起始月份", "from", false}, {"截止月份（不含）", "to", false}, {"月数", "months", false}, {"周期", "per", false},
		{"应达标准", "required", true}, {"实际水平", "actual", true}, {"差额", "shortfall", true}, {"超出", "excess", true},
		{"人数", "persons", false}, {"人月", "person-months", false}, {"欠发金额", "arrears", true}, {"支付方", "payer", false},
		{"中央", "central", true}, {"地方", "local", true}, {"利息", "interest", true}, {"国家标准状态", "floor status", false},
		{"继承自", "inherited from", false}, {"依据", "rule source", false}, {"本地来源", "local source", false}, {"说明", "message", false},
	}}
	for i := range r.Findings {
		f := &r.Findings[i]
		central, local := xv{}, xv{}
		if f.SplitKnown {
			central, local = xamount(f.Central), xamount(f.Local)
		}
		status := ""
		if f.Rule == floor.RuleFloor && f.Unchecked == "" {
			status = f.FloorStatus.String()
		}
		// what a finding did not compare is left empty, as the text
		// does: nothing for an unchecked rule or a missing level, no
		// required level for a stale one or an expired waiver
		req, act, per := xamount(f.Required), xamount(f.Actual), xstr(f.Per.String())
		switch {
		case f.Unchecked != "" || f.Rule == floor.RuleMissing:
			req, act, per = xv{}, xv{}, xv{}
		case f.Rule == floor.RuleStale:
			req = xv{}
		case f.Rule == floor.RuleWaiverExpired:
			req, act = xv{}, xv{}
		}
		fs.rows = append(fs.rows, []xv{xint(i + 1), xstr(f.Severity.String()), xstr(f.Rule), xstr(string(f.Unchecked)),
			xstr(f.Region.String()), xstr(f.RegionName), xstr(f.Program), xstr(f.Dims.String()),
			xstr(f.Interval.From.String()), xstr(f.Interval.To.String()), xint(max(f.Interval.Months(), 0)), per,
			req, act, xamount(f.Shortfall), xamount(f.Excess),
			xint(f.Persons), xint(f.PersonMonths), xamount(f.Arrears), xstr(string(f.Payer)),
			central, local, xamount(f.Interest), xstr(status),
			xstr(f.InheritedFrom.String()), xstr(f.Citation.String()), xstr(f.Source.String()), xstr(f.Message())})
	}
	cov := &sheet{name: "覆盖 Coverage", cols: []xcol{{"规则", "rule", false}, {"已核验（水平月）", "checked (level-months)", false}, {"未核验（水平月）", "unchecked (level-months)", false}}}
	for _, c := range r.Coverage {
		cov.rows = append(cov.rows, []xv{xstr(c.Rule), xint(c.Checked), xint(c.Unchecked)})
	}
	eff := &sheet{name: "效果 Effects", cols: []xcol{
		{"地区代码", "region", false}, {"地区", "region name", false}, {"项目", "program", false},
		{"达标受益人月", "beneficiary-months at floor", false}, {"已核验受益人月", "beneficiary-months checked", false}, {"达标率", "share at floor", false},
		{"达标水平月", "level-months at floor", false}, {"已核验水平月", "level-months checked", false},
		{"欠发金额", "arrears", true}, {"调标到位", "raises passed through", false}, {"余量", "headroom", true}, {"余量周期", "headroom per", false},
	}}
	type owed struct {
		code, name string
		a          benefit.Amount
	}
	var byRegion []owed
	for i := range r.Effects {
		e := &r.Effects[i]
		share := xv{}
		if pm, ok := e.Share(); ok {
			share = xv{kind: xShare, v: fmt.Sprintf("%d.%03d", pm/1000, pm%1000)}
		}
		head, per := xv{}, xv{}
		if e.HeadroomKnown {
			head, per = xamount(e.Headroom), xstr(e.HeadroomPer.String())
		}
		eff.rows = append(eff.rows, []xv{xstr(e.Region.String()), xstr(e.RegionName), xstr(e.Program),
			xint(e.AtFloor), xint(e.Checked), share, xint(e.MonthsAtFloor), xint(e.MonthsChecked),
			xamount(e.Arrears), xstr(raisesText(e)), head, per})
		if k := len(byRegion) - 1; k >= 0 && byRegion[k].code == e.Region.String() {
			byRegion[k].a = byRegion[k].a.Add(e.Arrears)
		} else {
			byRegion = append(byRegion, owed{e.Region.String(), e.RegionName, e.Arrears})
		}
	}
	// regions owed anything, most first
	byRegion = slices.DeleteFunc(byRegion, func(o owed) bool { return o.a.Sign() <= 0 })
	slices.SortStableFunc(byRegion, func(a, b owed) int { return b.a.Cmp(a.a) })
	arr := &sheet{name: "按地区欠发 Arrears by region", cols: []xcol{{"地区代码", "region", false}, {"地区", "region name", false}, {"欠发金额", "arrears", true}}}
	for _, o := range byRegion {
		arr.rows = append(arr.rows, []xv{xstr(o.code), xstr(o.name), xamount(o.a)})
	}
	bk.sheets = append(bk.sheets, fs, cov, eff, arr)
	if n := min(len(arr.rows), maxChartRegions); n > 0 {
		title := "各地区欠发金额（元） Arrears by region (yuan)"
		if len(arr.rows) > n {
			title = fmt.Sprintf("欠发最多的%d个地区（元） The %d regions owed most (yuan)", n, n)
		}
		bk.charts = append(bk.charts, chart{typ: excelize.Bar, title: title, numFmt: "#,##0",
			series: []series{{sheet: arr, name: cellAt{2, -2}, cat: 1, val: 2, from: 0, to: n - 1}}})
	}
	return bk
}

// ---- simulation (*adjust.Result, *compare.SweepResult, *compare.Comparison)

// runItems are the summary rows of a run record.
func runItems(rr adjust.RunRecord) []summaryItem {
	items := []summaryItem{{"示例数据", "illustrative", xbool(rr.Illustrative)}}
	if rr.IllustrativeNote != "" {
		items = append(items, summaryItem{"说明", "note", xstr(rr.IllustrativeNote)})
	}
	return append(items,
		summaryItem{"情景", "scenario", xstr(rr.Scenario)},
		summaryItem{"情景 SHA-256", "scenario sha256", xstr(rr.ScenarioSHA256)},
		summaryItem{"程序版本", "version", xstr(rr.Module + " " + rr.Version)},
		summaryItem{"项目目录版本", "catalogue", xstr(rr.Catalogue)},
		summaryItem{"国家标准", "floors", xstr(rr.Floors)},
	)
}

func resultBook(r *adjust.Result) *book {
	bk := &book{title: r.Name + " 常态化调整模拟 Adjustment simulation", date: dateOf(benefit.NewMonth(r.Floors[0].Year, 1))}
	if r.Run.Illustrative {
		bk.title = "ILLUSTRATIVE 示例数据 — " + bk.title
	}
	items := append(runItems(r.Run),
		summaryItem{"项目", "program", xstr(r.Program + " " + r.Name)},
		summaryItem{"单位", "unit", xstr(r.Unit)},
		summaryItem{"取整", "rounding", xstr(r.Rounding)},
		summaryItem{"调整规则", "rule", xstr(r.Rule)},
		summaryItem{"约束", "constraints", xstr(r.Constraints)},
	)
	if r.EffectiveMonth > 1 {
		items = append(items, summaryItem{"生效月份", "effective month (costs summed month by month)", xint(r.EffectiveMonth)})
	}
	nf := noFloor(r)
	items = append(items, summaryItem{"基期", "base year", xyear(r.Floors[0].Year)})
	if nf {
		items = append(items, summaryItem{"国家基础标准", "national floor", xstr("无 none (" + r.Program + " has no national floor)")})
	} else {
		items = append(items, summaryItem{"基期国家基础标准", "national floor in the base year", xamount(r.Floors[0].Amount)})
	}
	if c := r.CostSharing; !c.IsZero() {
		items = append(items, summaryItem{"成本分担", "cost sharing", xstr(c.String())})
	}
	bk.sheets = append(bk.sheets, summarySheet(items))
	// the national floor's cells (and the headroom above it), empty for
	// a programme without one
	floorCells := func(f floor.YearFloor) (xv, xv) {
		if nf {
			return xv{}, xv{}
		}
		return xamount(f.Amount), xstr(f.Status.String())
	}

	ry, bs := regionYearSheets("地区年度 Region-years", nil, []leadRun{{r: r}})
	ys := &sheet{name: "年度汇总 Years", cols: []xcol{
		{"年度", "year", false}, {"国家基础标准", "national floor", true}, {"国家标准状态", "floor status", false},
		{"地区数", "regions", false}, {"受益人数", "beneficiaries", false}, {"总支出", "total cost", true},
		{"中央", "central", true}, {"地方", "local", true}, {"转移支付", "transfer", true}, {"不可行地区", "infeasible regions", false},
		{"发现", "findings", false}, {"最低标准", "lowest level", true}, {"平均标准（加权）", "mean level (weighted)", true},
		{"最高标准", "highest level", true}, {"最高/最低", "max/min", false}, {"变异系数", "CV", false}, {"基尼系数", "Gini", false},
	}}
	for _, y := range r.Years {
		fl, fst := floorCells(y.Floor)
		ys.rows = append(ys.rows, []xv{xyear(y.Year), fl, fst,
			xint(y.Regions), xint(y.Beneficiaries), xamount(y.Cost.Total), xamount(y.Cost.Central), xamount(y.Cost.Local),
			xamount(y.Transfer), xint(y.Infeasible), xint(y.Findings), xamount(y.MinLevel), xamount(y.MeanLevel),
			xamount(y.MaxLevel), xfloat(y.MaxMinRatio), xfloat(y.CV), xfloat(y.Gini)})
	}
	bk.sheets = append(bk.sheets, ry, ys)
	if len(bs.rows) > 0 {
		bk.sheets = append(bk.sheets, bs)
	}
	if n := len(ys.rows); n > 0 {
		last := n - 1
		yearly := func(col int) series {
			return series{sheet: ys, name: cellAt{col, -2}, cat: 0, val: col, from: 0, to: last}
		}
		floorLine, mean := yearly(1), yearly(12)
		floorLine.color, floorLine.dash, mean.color = "#D62728", true, "#1F77B4"
		lines := []series{floorLine, mean}
		title := "各地区标准与国家基础标准（" + r.Unit + "） Levels against the national floor"
		if nf {
			lines = lines[1:]
			title = "各地区标准（" + r.Unit + "） Levels"
		}
		// the regions, each over its rows of the region-years sheet
		var regions []series
		for i := 0; i < len(r.Rows); {
			j := i
			for j+1 < len(r.Rows) && r.Rows[j+1].Region == r.Rows[i].Region {
				j++
			}
			regions = append(regions, series{sheet: ry, name: cellAt{1, i}, cat: 0, val: 3, from: i, to: j, catSheet: ys, catFrom: 0, catTo: last})
			i = j + 1
		}
		if len(regions) <= maxChartRegions && allYears(regions, n) {
			lines = append(lines, regions...)
		} else {
			lo, hi := yearly(11), yearly(13)
			lo.color, hi.color = "#7F7F7F", "#7F7F7F"
			lines = append(lines, lo, hi)
		}
		bk.charts = append(bk.charts,
			chart{typ: excelize.Line, title: title, numFmt: "#,##0", series: lines},
			chart{typ: excelize.Col, title: "各年度中央与地方支出（元） Central and local cost per year (yuan)", numFmt: "#,##0", series: []series{yearly(7), yearly(6)}})
	}
	return bk
}

// A leadRun is a run whose region-years regionYearSheets lays out, with
// the value of the sheets' first column when they have one.
type leadRun struct {
	lead xv
	r    *adjust.Result
}

// regionYearSheets lays out the region-years of runs, in order, on one
// sheet named name, one row per region and year, and the relative
// bounds each level was kept inside on a Bounds sheet, one row per
// bound. A lead column, when not nil, comes first, each run's rows
// carrying its lead (a table run's column). The columns are those of a
// run's CSV (resultCSVHeader) with a fund's year and a retirees'
// adjustment after them when a row has one; the national floor's cells
// and the headroom above it are empty for a run without a national
// floor.
func regionYearSheets(name string, lead *xcol, runs []leadRun) (ry, bs *sheet) {
	ry = &sheet{name: name, cols: []xcol{
		{"地区代码", "region", false}, {"地区", "region name", false}, {"年度", "year", false},
		{"标准", "level", true}, {"上年标准", "previous", true}, {"增加", "increase", true}, {"规则建议", "proposed", true},
		{"规则", "rule", false}, {"约束", "binding", false}, {"国家基础标准", "national floor", true}, {"国家标准状态", "floor status", false},
		{"余量", "headroom", true}, {"受益人数", "beneficiaries", false}, {"总支出", "total cost", true}, {"中央", "central", true},
		{"地方", "local", true}, {"地方一般公共预算收入", "local revenue", true}, {"地方负担率", "local burden", true}, {"上限", "cap", true},
		{"不可行", "infeasible", false}, {"转移支付", "transfer", true}, {"发现", "findings", false},
	}}
	bs = &sheet{name: "相对界限 Bounds", cols: []xcol{
		{"地区代码", "region", false}, {"地区", "region name", false}, {"年度", "year", false},
		{"规则", "rule", false}, {"对照", "against", false}, {"类型", "kind", false}, {"严格", "strict", false},
		{"对照数额", "figure", true}, {"对照状态", "figure status", false}, {"允许水平", "limit", true}, {"依据", "source", false},
	}}
	if lead != nil {
		ry.cols = append([]xcol{*lead}, ry.cols...)
		bs.cols = append([]xcol{*lead}, bs.cols...)
	}
	// a fund's year and a retirees' adjustment add their columns when a
	// row has them
	var funds, retirees bool
	for _, lr := range runs {
		for _, y := range lr.r.Rows {
			funds = funds || y.Fund != nil
			retirees = retirees || y.Retirees != nil
		}
	}
	if funds {
		ry.cols = append(ry.cols, xcol{"基金年初结余", "fund opening", true}, xcol{"基金收入", "fund inflow", true},
			xcol{"基金支付待遇", "fund benefits", true}, xcol{"基金其他支出", "fund other", true}, xcol{"基金外部补助", "fund transfer", true},
			xcol{"基金年末结余", "fund closing", true}, xcol{"可支付月数", "months payable", false}, xcol{"最低结余", "fund reserve", true})
	}
	if retirees {
		ry.cols = append(ry.cols, xcol{"全国总体调整水平", "national rate", true}, xcol{"全国水平状态", "national status", false},
			xcol{"增加额年支出", "increase cost", true}, xcol{"方案", "plan", false}, xcol{"方案人数", "plan retirees", false},
			xcol{"方案月增加额合计", "plan increase a month", true}, xcol{"方案总体调整水平", "plan's aggregate increase", true},
			xcol{"超过全国水平", "exceeds national rate", false})
	}
	for _, lr := range runs {
		nf := noFloor(lr.r)
		for _, y := range lr.r.Rows {
			var row []xv
			if lead != nil {
				row = append(row, lr.lead)
			}
			var fs []string
			for _, f := range y.Findings {
				fs = append(fs, f.Rule+":"+f.Severity.String())
			}
			fl, fst, head := xamount(y.Floor), xstr(y.FloorStatus.String()), xamount(y.Headroom)
			if nf {
				fl, fst, head = xv{}, xv{}, xv{}
			}
			row = append(row, xstr(y.Region.String()), xstr(y.Name), xyear(y.Year),
				xamount(y.Level), xamount(y.Previous), xamount(y.Increase), xamount(y.Proposed),
				xstr(y.Rule), xstr(string(y.Binding)), fl, fst,
				head, xint(y.Beneficiaries), xamount(y.Cost.Total), xamount(y.Cost.Central),
				xamount(y.Cost.Local), xamount(y.Revenue), xratep(y.Burden), xamountp(y.Cap),
				xbool(y.Infeasible), xamount(y.Transfer), xstr(strings.Join(fs, "; ")))
			if funds {
				if f := y.Fund; f != nil {
					row = append(row, xamount(f.Opening), xamount(f.Inflow), xamount(f.Benefits), xamount(f.Other),
						xamount(f.Transfer), xamount(f.Closing), xint(f.Months), xamountp(f.Reserve))
				} else {
					row = append(row, make([]xv, 8)...)
				}
			}
			if retirees {
				if a := y.Retirees; a != nil {
					st := xv{}
					if a.National != nil {
						st = xstr(a.NationalStatus.String())
					}
					row = append(row, xratep(a.National), st, xamount(a.IncreaseCost))
					if p := a.Plan; p != nil {
						id := p.Plan
						if p.Synthetic {
							id += " (SYNTHETIC 模拟人群)"
						}
						row = append(row, xstr(id), xint(p.Eligible), xamount(p.Increase), xrate(p.Percent), xbool(a.Exceeds))
					} else {
						row = append(row, make([]xv, 5)...)
					}
				} else {
					row = append(row, make([]xv, 8)...)
				}
			}
			ry.rows = append(ry.rows, row)
			for _, b := range y.Bounds {
				var br []xv
				if lead != nil {
					br = append(br, lr.lead)
				}
				bs.rows = append(bs.rows, append(br, xstr(y.Region.String()), xstr(y.Name), xyear(y.Year),
					xstr(b.Rule), xstr(b.Against), xstr(b.Kind.String()), xbool(b.Strict),
					xamount(b.Figure), xstr(b.Status.String()), xamount(b.Limit), xstr(b.Citation.String())))
			}
		}
	}
	return ry, bs
}

// allYears reports whether every region's series has n rows, one per
// year of the yearly sheet, so that it can share its categories.
func allYears(ss []series, n int) bool {
	for _, s := range ss {
		if s.to-s.from+1 != n {
			return false
		}
	}
	return true
}

// columnsBook is a table run (*columns.Result): the summary, the
// national totals per year, one row per column and year (the national
// standard of the column, its beneficiaries and cost summed over the
// regions), one row per region and year summed over the columns, one
// row per column, region and year (the rows of the CSV: a run's
// region-years after the column), and a chart of the central and local
// cost per year.
func columnsBook(r *columns.Result) *book {
	first := r.Columns[0].Result
	base := first.Floors[0].Year
	bk := &book{title: r.Name + " 全表调整模拟 Simulation over the table's columns", date: dateOf(benefit.NewMonth(base, 1))}
	if r.Run.Illustrative {
		bk.title = "ILLUSTRATIVE 示例数据 — " + bk.title
	}
	items := append(runItems(r.Run),
		summaryItem{"项目", "program", xstr(r.Program + " " + r.Name)},
		summaryItem{"列数", "columns", xint(len(r.Columns))},
		summaryItem{"单位", "unit", xstr(r.Unit)},
		summaryItem{"取整", "rounding", xstr(r.Rounding)},
		summaryItem{"调整规则", "rule", xstr(r.Rule)},
		summaryItem{"约束", "constraints", xstr(r.Constraints)},
	)
	if r.EffectiveMonth > 1 {
		items = append(items, summaryItem{"生效月份", "effective month (costs summed month by month)", xint(r.EffectiveMonth)})
	}
	items = append(items, summaryItem{"基期", "base year", xyear(base)})
	if c := r.CostSharing; !c.IsZero() {
		items = append(items, summaryItem{"成本分担", "cost sharing", xstr(c.String())})
	}
	bk.sheets = append(bk.sheets, summarySheet(items))

	ys := &sheet{name: "年度汇总 Years", cols: []xcol{{"年度", "year", false}, {"受益人数", "beneficiaries", false},
		{"总支出", "total cost", true}, {"中央", "central", true}, {"地方", "local", true}, {"发现", "findings", false}}}
	for _, y := range r.Years {
		ys.rows = append(ys.rows, []xv{xyear(y.Year), xint(y.Beneficiaries), xamount(y.Cost.Total), xamount(y.Cost.Central),
			xamount(y.Cost.Local), xint(y.Findings)})
	}
	// the base year gives the column's standard only: it is not simulated
	cs := &sheet{name: "各列年度 Column-years", cols: []xcol{{"列", "column", false}, {"年度", "year", false},
		{"国家标准", "national standard", true}, {"国家标准状态", "standard status", false}, {"受益人数", "beneficiaries", false},
		{"总支出", "total cost", true}, {"中央", "central", true}, {"地方", "local", true}, {"发现", "findings", false}}}
	for _, c := range r.Columns {
		col := xstr(c.Dims.String())
		f0 := c.Result.Floors[0]
		cs.rows = append(cs.rows, []xv{col, xyear(f0.Year), xamount(f0.Amount), xstr(f0.Status.String())})
		for _, y := range c.Result.Years {
			cs.rows = append(cs.rows, []xv{col, xyear(y.Year), xamount(y.Floor.Amount), xstr(y.Floor.Status.String()),
				xint(y.Beneficiaries), xamount(y.Cost.Total), xamount(y.Cost.Central), xamount(y.Cost.Local), xint(y.Findings)})
		}
	}
	rs := &sheet{name: "地区年度 Region-years", cols: []xcol{{"地区代码", "region", false}, {"地区", "region name", false},
		{"年度", "year", false}, {"受益人数", "beneficiaries", false}, {"总支出", "total cost", true}, {"中央", "central", true},
		{"地方", "local", true}, {"地方一般公共预算收入", "local revenue", true}, {"地方负担率", "local burden", true},
		{"约束（列数）", "bound (columns)", false}, {"发现", "findings", false}}}
	for _, y := range r.Regions {
		var bound []string
		for _, b := range slices.Sorted(maps.Keys(y.Bound)) {
			bound = append(bound, fmt.Sprintf("%s %d", b, y.Bound[b]))
		}
		rs.rows = append(rs.rows, []xv{xstr(y.Region.String()), xstr(y.Name), xyear(y.Year), xint(y.Beneficiaries),
			xamount(y.Cost.Total), xamount(y.Cost.Central), xamount(y.Cost.Local), xamount(y.Revenue), xratep(y.Burden),
			xstr(strings.Join(bound, ", ")), xint(y.Findings)})
	}
	// each column's own region-years, as the CSV gives them
	runs := make([]leadRun, len(r.Columns))
	for i, c := range r.Columns {
		runs[i] = leadRun{lead: xstr(c.Dims.String()), r: c.Result}
	}
	cry, bs := regionYearSheets("各列地区年度 Column region-years", &xcol{"列", "column", false}, runs)
	bk.sheets = append(bk.sheets, ys, cs, rs, cry)
	if len(bs.rows) > 0 {
		bk.sheets = append(bk.sheets, bs)
	}
	if n := len(ys.rows); n > 0 {
		yearly := func(col int) series {
			return series{sheet: ys, name: cellAt{col, -2}, cat: 0, val: col, from: 0, to: n - 1}
		}
		bk.charts = append(bk.charts, chart{typ: excelize.Col, title: "各年度中央与地方支出（元） Central and local cost per year (yuan)",
			numFmt: "#,##0", series: []series{yearly(4), yearly(3)}})
	}
	return bk
}

func sweepBook(r *compare.SweepResult) *book {
	bk := &book{title: "参数扫描 Sweep of " + r.Parameter, date: dateOf(benefit.NewMonth(r.StartYear, 1))}
	if r.Illustrative {
		bk.title = "ILLUSTRATIVE 示例数据 — " + bk.title
	}
	bk.sheets = append(bk.sheets, summarySheet([]summaryItem{
		{"示例数据", "illustrative", xbool(r.Illustrative)},
		{"情景", "scenario", xstr(r.Scenario)},
		{"参数", "parameter", xstr(r.Parameter)},
		{"起始年度", "start year", xyear(r.StartYear)},
		{"年数", "years", xint(r.Horizon)},
	}))
	sw := &sheet{name: "扫描 Sweep", cols: []xcol{{"参数值", "value", false}, {"总支出（各年合计）", "total cost (all years)", true},
		{"中央", "central", true}, {"地方", "local", true}, {"转移支付", "transfer", true}, {"不可行地区数", "infeasible regions", false},
		{"不可行地区（首个不可行年度）", "regions (first infeasible year)", false}, {"情景 SHA-256", "scenario sha256", false}}}
	for _, p := range r.Points {
		var rs []string
		for i, c := range p.Infeasible {
			rs = append(rs, fmt.Sprintf("%s (%d)", c, p.FirstInfeasible[i]))
		}
		sw.rows = append(sw.rows, []xv{xstr(p.Value), xamount(p.Cost.Total), xamount(p.Cost.Central), xamount(p.Cost.Local),
			xamount(p.Transfer), xint(len(p.Infeasible)), xstr(strings.Join(rs, ", ")), xstr(p.Run.ScenarioSHA256)})
	}
	bk.sheets = append(bk.sheets, sw)
	return bk
}

func comparisonBook(c *compare.Comparison) *book {
	bk := &book{title: "情景比较 Comparison B − A", date: dateOf(0)}
	if len(c.Years) > 0 {
		bk.date = dateOf(benefit.NewMonth(c.Years[0].Year, 1))
	}
	illustrative := c.A.Illustrative || c.B.Illustrative
	if illustrative {
		bk.title = "ILLUSTRATIVE 示例数据 — " + bk.title
	}
	bk.sheets = append(bk.sheets, summarySheet([]summaryItem{
		{"示例数据", "illustrative", xbool(illustrative)},
		{"情景 A", "scenario A", xstr(c.A.Scenario)},
		{"情景 A SHA-256", "scenario A sha256", xstr(c.A.ScenarioSHA256)},
		{"情景 B", "scenario B", xstr(c.B.Scenario)},
		{"情景 B SHA-256", "scenario B sha256", xstr(c.B.ScenarioSHA256)},
	}))
	ys := &sheet{name: "年度差异 Years", cols: []xcol{{"年度", "year", false},
		{"总支出 A", "total A", true}, {"总支出 B", "total B", true}, {"总支出差", "total B − A", true},
		{"中央 A", "central A", true}, {"中央 B", "central B", true}, {"中央差", "central B − A", true},
		{"地方 A", "local A", true}, {"地方 B", "local B", true}, {"地方差", "local B − A", true},
		{"不可行地区 A", "infeasible A", false}, {"不可行地区 B", "infeasible B", false}}}
	for _, y := range c.Years {
		ys.rows = append(ys.rows, []xv{xyear(y.Year), xamount(y.TotalA), xamount(y.TotalB), xamount(y.Total),
			xamount(y.CentralA), xamount(y.CentralB), xamount(y.Central), xamount(y.LocalA), xamount(y.LocalB), xamount(y.Local),
			xint(y.InfeasibleA), xint(y.InfeasibleB)})
	}
	rs := &sheet{name: "地区年度差异 Region-years", cols: []xcol{{"地区代码", "region", false}, {"地区", "region name", false},
		{"年度", "year", false}, {"仅见于", "only in", false},
		{"标准 A", "level A", true}, {"标准 B", "level B", true}, {"标准差", "level B − A", true},
		{"总支出 A", "total A", true}, {"总支出 B", "total B", true}, {"总支出差", "total B − A", true},
		{"地方 A", "local A", true}, {"地方 B", "local B", true}, {"地方差", "local B − A", true},
		{"地方负担率 A", "burden A", true}, {"地方负担率 B", "burden B", true}, {"负担率差", "burden B − A", true},
		{"约束 A", "binding A", false}, {"约束 B", "binding B", false}}}
	for _, d := range c.Rows {
		rs.rows = append(rs.rows, []xv{xstr(d.Region.String()), xstr(d.Name), xyear(d.Year), xstr(strings.ToUpper(d.Only)),
			xamount(d.LevelA), xamount(d.LevelB), xamount(d.Level), xamount(d.TotalA), xamount(d.TotalB), xamount(d.Total),
			xamount(d.LocalA), xamount(d.LocalB), xamount(d.Local), xratep(d.BurdenA), xratep(d.BurdenB), xratep(d.Burden),
			xstr(string(d.BindingA)), xstr(string(d.BindingB))})
	}
	bk.sheets = append(bk.sheets, ys, rs)
	return bk
}

// ---- retiree plans (*PlanRun)

func planBook(run *PlanRun) *book {
	p, s := &run.Plan, run.Report
	bk := &book{title: p.Name + " " + p.ID, date: dateOf(p.Effective)}
	if run.Synthetic {
		bk.title = "SYNTHETIC 模拟人群 — " + bk.title
	}
	items := []summaryItem{
		{"模拟人群", "synthetic population", xbool(run.Synthetic)},
		{"方案", "plan", xstr(p.ID)},
		{"名称", "name", xstr(p.Name)},
		{"英文名称", "name (English)", xstr(p.NameEN)},
		{"状态", "status", xstr(p.Status.String())},
		{"来源", "source", xstr(p.Citation.String())},
		{"来源可信度", "source confidence", xstr(p.Citation.Confidence)},
		{"来源网址", "source URL", xstr(p.Citation.URL)},
	}
	if p.Note != "" {
		items = append(items, summaryItem{"说明", "note", xstr(p.Note)})
	}
	items = append(items,
		summaryItem{"执行月份", "effective", xstr(p.Effective.String())},
		summaryItem{"人群", "population", xstr(run.Population)},
		summaryItem{"退休人员", "retirees", xint(s.Retirees)},
		summaryItem{"符合条件", "eligible", xint(s.Eligible)},
	)
	for _, r := range s.Ineligible {
		items = append(items, summaryItem{"不符合条件：" + r.Reason, "not eligible: " + r.Reason, xint(r.Retirees)})
	}
	items = append(items,
		summaryItem{"调整前月养老金合计", "prior pensions a month", xamount(s.PriorTotal)},
		summaryItem{"月增加额合计", "increase a month", xamount(s.Increase)},
		summaryItem{"调整后月养老金合计", "new pensions a month", xamount(s.NewTotal)},
		summaryItem{"年增加额（×12）", "increase a year (× 12)", xamount(s.Increase.Mul(12))},
		summaryItem{"人均月增加额", "average increase a month", xamount(s.Average)},
		summaryItem{"总体调整水平", "aggregate increase", xrate(s.Percent)},
		summaryItem{"总体调整水平为精确值", "aggregate increase exact", xbool(s.PercentExact)},
	)
	if !p.FirstPaid.IsZero() {
		items = append(items, summaryItem{"补发", "arrears owed", xamount(s.Arrears)})
	}
	if c := run.Calibration; c != nil {
		items = append(items,
			summaryItem{"校准参数", "calibrated parameter", xstr(c.Part + " " + c.Param)},
			summaryItem{"校准目标", "calibration target", xrate(c.Target)},
			summaryItem{"校准值", "calibrated value", xstr(c.Value)},
			summaryItem{"达到目标", "target reached", xbool(c.Reached)},
		)
	}
	bk.sheets = append(bk.sheets, summarySheet(items))

	dist := &sheet{name: "分布 Distribution", cols: []xcol{{"增加额区间", "increase band", false},
		{"自", "from", true}, {"至（不含）", "to (not included)", true}, {"人数", "retirees", false}}}
	for _, h := range s.Histogram {
		dist.rows = append(dist.rows, []xv{xstr(grouped(h.From.String()) + "–" + grouped(h.To.String())), xamount(h.From), xamount(h.To), xint(h.Retirees)})
	}
	pct := &sheet{name: "分位数 Percentiles", cols: []xcol{{"分位", "percentile", false}, {"月增加额", "increase a month", true}}}
	for _, q := range s.Percentiles {
		pct.rows = append(pct.rows, []xv{xstr("P" + strconv.Itoa(q.P)), xamount(q.Increase)})
	}
	parts := &sheet{name: "按部分 Parts", cols: []xcol{{"部分", "part", false}, {"名称", "name", false}, {"人数", "retirees", false},
		{"月增加额合计", "total a month", true}, {"占比", "share", true}, {"状态", "status", false}, {"来源", "source", false}}}
	for _, x := range s.Parts {
		share := xv{}
		if r, err := x.Total.Ratio(s.Increase, 6, benefit.HalfUp); err == nil {
			share = xrate(r)
		}
		parts.rows = append(parts.rows, []xv{xstr(x.ID), xstr(x.Name), xint(x.Retirees), xamount(x.Total), share,
			xstr(x.Status.String()), xstr(("[" + x.Citation.Confidence + "] " + x.Citation.String()))})
	}
	groups := func(name, zh, en string, gs []plan.GroupTotal) *sheet {
		g := &sheet{name: name, cols: []xcol{{zh, en, false}, {"人数", "retirees", false}, {"调整前月养老金", "prior a month", true},
			{"月增加额", "increase a month", true}, {"增幅", "of prior", true}}}
		for _, x := range gs {
			share := xv{}
			if r, err := x.Increase.Ratio(x.Prior, 6, benefit.HalfUp); err == nil {
				share = xrate(r)
			}
			g.rows = append(g.rows, []xv{xstr(x.Group), xint(x.Retirees), xamount(x.Prior), xamount(x.Increase), share})
		}
		return g
	}
	areas := groups("按地区类别 Areas", "艰苦边远地区类别", "hardship-area class", s.Areas)
	ages := groups("按年龄 Ages", "年龄（"+p.AgeAt.String()+"）", "age at "+p.AgeAt.String(), s.Ages)
	nat := &sheet{name: "全国水平 National", cols: []xcol{{"年度", "year", false}, {"全国总体调整水平", "national overall level", true},
		{"方案总体调整水平", "plan's aggregate increase", true}, {"超出", "exceeds", false}, {"发现", "finding", false}, {"依据", "source", false}}}
	if n := s.National; n != nil {
		nat.rows = append(nat.rows, []xv{xyear(n.Year), xrate(n.Rate), xrate(n.Percent), xbool(n.Exceeds), xstr(n.Message),
			xstr("[" + n.Citation.Confidence + "] " + n.Citation.String())})
	}
	bk.sheets = append(bk.sheets, dist, pct, parts, areas, ages, nat)
	if n := len(dist.rows); n > 0 {
		bk.charts = append(bk.charts, chart{typ: excelize.Col, title: "月增加额分布（人） Distribution of increases (retirees)", numFmt: "#,##0",
			series: []series{{sheet: dist, name: cellAt{3, -2}, cat: 0, val: 3, from: 0, to: n - 1}}})
	}
	if n := len(parts.rows); n > 0 {
		bk.charts = append(bk.charts, chart{typ: excelize.Bar, title: "各部分月增加额（元） Cost by part, a month (yuan)", numFmt: "#,##0",
			series: []series{{sheet: parts, name: cellAt{3, -2}, cat: 1, val: 3, from: 0, to: n - 1}}})
	}
	return bk
}
