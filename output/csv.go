package output

import (
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/columns"
	"github.com/benefitstd/benefitstd/compare"
	"github.com/benefitstd/benefitstd/internal/fen"
	"github.com/benefitstd/benefitstd/plan"
)

// csvRenderer renders the results of a simulation (*adjust.Result,
// *compare.SweepResult, *compare.Comparison, *columns.Result) one row per
// region and year (per value of a sweep; per column, region and year of a
// table run), with exact amounts in yuan (no 万元 or 亿元, no
// thousands separators) and the run record in the last columns.
// NewPaymentCSV writes a plan's per-person payment file.
//
// CSV is read by people in spreadsheets, which run a cell starting with
// "=", "+", "-" or "@" (or a tab or carriage return) as a formula. A
// text cell starting so — a name, an id, a note — is written with a
// single quote in front ("'=1+2"), as spreadsheets show text; a number
// ("-12.50", "-0.5%") is written as it is and stays a number. JSON
// carries every text exactly. Options.BOM starts the file with a UTF-8
// byte-order mark for spreadsheets in a Chinese locale.
type csvRenderer struct {
	w    io.Writer
	opts Options
}

// newCSV returns the CSV renderer writing to w.
func newCSV(w io.Writer, opts Options) *csvRenderer { return &csvRenderer{w: w, opts: opts} }

// Render writes v as CSV, in one write.
func (c *csvRenderer) Render(v any) error {
	var b bytes.Buffer
	if c.opts.BOM {
		b.WriteString(bom)
	}
	cw := csv.NewWriter(&b)
	switch r := v.(type) {
	case *adjust.Result:
		resultCSV(cw, r)
	case *compare.SweepResult:
		sweepCSV(cw, r)
	case *compare.Comparison:
		comparisonCSV(cw, r)
	case *columns.Result:
		if len(r.Columns) == 0 {
			return errNoColumns
		}
		columnsCSV(cw, r)
	default:
		return unsupported(FormatCSV, v)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := c.w.Write(b.Bytes())
	return err
}

// bom is the UTF-8 byte-order mark.
const bom = "\uFEFF"

// row writes one record, each cell neutralised (see cell). A write to
// the buffer cannot fail; Render reports cw.Error.
func row(cw *csv.Writer, cells ...string) {
	for i, s := range cells {
		cells[i] = cell(s)
	}
	_ = cw.Write(cells)
}

// cell returns s as a spreadsheet reads it as text: s itself, unless it
// starts with a character a spreadsheet takes as the start of a formula
// ("=", "+", "-", "@", tab, carriage return) and is not a plain number
// ("-12.50", "+3", "-0.5%"), when it is s with a single quote in front.
func cell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) || plainNumber(s) {
		return s
	}
	return "'" + s
}

// plainNumber reports whether s is an optional sign, digits, optionally
// a point and more digits, and optionally a percent sign.
func plainNumber(s string) bool {
	if s[0] == '-' || s[0] == '+' {
		s = s[1:]
	}
	s = strings.TrimSuffix(s, "%")
	ip, frac, dot := strings.Cut(s, ".")
	digits := func(t string) bool { return t != "" && strings.Trim(t, "0123456789") == "" }
	return digits(ip) && (!dot || digits(frac))
}

// resultCSVHeader is the header row of a run's CSV.
var resultCSVHeader = []string{"region", "name", "year", "level", "previous", "increase", "proposed", "rule", "binding",
	"floor", "floor_status", "headroom", "beneficiaries", "total", "central", "local", "revenue", "burden", "cap",
	"infeasible", "transfer", "findings", "illustrative", "scenario_sha256", "version"}

func resultCSV(cw *csv.Writer, r *adjust.Result) {
	row(cw, resultCSVHeader...)
	for _, ry := range r.Rows {
		row(cw, resultRow(&ry, r.Run)...)
	}
}

// resultRow returns the cells of one region-year of a run with record
// run, in the order of resultCSVHeader.
func resultRow(ry *adjust.RegionYear, run adjust.RunRecord) []string {
	cp := ""
	if ry.Cap != nil {
		cp = ry.Cap.String()
	}
	var fs []string
	for _, f := range ry.Findings {
		fs = append(fs, f.Rule+":"+f.Severity.String())
	}
	return []string{ry.Region.String(), ry.Name, strconv.Itoa(ry.Year), ry.Level.String(), ry.Previous.String(), ry.Increase.String(),
		ry.Proposed.String(), ry.Rule, string(ry.Binding), ry.Floor.String(), ry.FloorStatus.String(), ry.Headroom.String(),
		strconv.FormatInt(ry.Beneficiaries, 10), ry.Cost.Total.String(), ry.Cost.Central.String(), ry.Cost.Local.String(),
		ry.Revenue.String(), burden(ry.Burden), cp, strconv.FormatBool(ry.Infeasible), ry.Transfer.String(),
		strings.Join(fs, ";"), strconv.FormatBool(run.Illustrative), run.ScenarioSHA256, run.Version}
}

func sweepCSV(cw *csv.Writer, r *compare.SweepResult) {
	row(cw, "parameter", "value", "total", "central", "local", "transfer", "infeasible_regions", "scenario_sha256", "illustrative")
	for _, p := range r.Points {
		var codes []string
		for _, c := range p.Infeasible {
			codes = append(codes, c.String())
		}
		row(cw, r.Parameter, p.Value, p.Cost.Total.String(), p.Cost.Central.String(), p.Cost.Local.String(), p.Transfer.String(),
			strings.Join(codes, ";"), p.Run.ScenarioSHA256, strconv.FormatBool(p.Run.Illustrative))
	}
}

func comparisonCSV(cw *csv.Writer, c *compare.Comparison) {
	row(cw, "region", "name", "year", "only", "level_a", "level_b", "level_diff", "total_a", "total_b", "total_diff",
		"local_a", "local_b", "local_diff", "burden_a", "burden_b", "burden_diff", "binding_a", "binding_b", "sha256_a", "sha256_b", "illustrative")
	for _, d := range c.Rows {
		row(cw, d.Region.String(), d.Name, strconv.Itoa(d.Year), d.Only, d.LevelA.String(), d.LevelB.String(), d.Level.String(),
			d.TotalA.String(), d.TotalB.String(), d.Total.String(), d.LocalA.String(), d.LocalB.String(), d.Local.String(),
			burden(d.BurdenA), burden(d.BurdenB), burden(d.Burden), string(d.BindingA), string(d.BindingB), c.A.ScenarioSHA256, c.B.ScenarioSHA256,
			strconv.FormatBool(c.A.Illustrative || c.B.Illustrative))
	}
}

// paymentCSV is the plan.PaymentWriter of NewPaymentCSV.
type paymentCSV struct {
	w    io.Writer
	opts Options
}

// NewPaymentCSV returns the writer of the payment file of a plan run (plan.Options
// .PerPerson) as CSV for the payment system, one line per retiree in
// input order under the header
//
//	id,eligible,reason,age,pension,part_<id> for each part,increase,new_pension,arrears_months,arrears
//
// eligible is "true" or "false"; reason is empty or a code
// (retired_after_cutoff); age is in full years at the plan's AgeAt;
// amounts are yuan a month with two decimals (arrears: the total owed).
// An ineligible retiree's amounts are 0.00 and new_pension is the
// pension unchanged. An id is quoted as RFC 4180 requires, and one a
// spreadsheet would run as a formula is written with a single quote in
// front, as CSV does. opts.BOM starts the file with a UTF-8 byte-order
// mark.
func NewPaymentCSV(w io.Writer, opts Options) plan.PaymentWriter {
	return &paymentCSV{w: w, opts: opts}
}

// Write writes b, a run's appended header and payments, to the
// underlying writer.
func (c *paymentCSV) Write(b []byte) (int, error) { return c.w.Write(b) }

// AppendHeader appends the header of p's payment file (and the
// byte-order mark first, when asked for).
func (c *paymentCSV) AppendHeader(b []byte, p *plan.Plan) []byte {
	if c.opts.BOM {
		b = append(b, bom...)
	}
	b = append(b, "id,eligible,reason,age,pension"...)
	for _, pt := range p.Parts {
		b = append(b, ",part_"...)
		b = appendCSVField(b, pt.ID)
	}
	return append(b, ",increase,new_pension,arrears_months,arrears\n"...)
}

// AppendPayment appends the line of one retiree.
func (c *paymentCSV) AppendPayment(b []byte, p *plan.Payment) []byte {
	b = appendCSVField(b, cell(p.ID))
	if p.Eligible() {
		b = append(b, ",true,,"...)
	} else {
		b = append(b, ",false,"...)
		b = append(b, p.Reason...)
		b = append(b, ',')
	}
	b = strconv.AppendInt(b, int64(p.Age), 10)
	b = append(b, ',')
	b = fen.AppendYuan(b, p.PensionFen)
	for _, v := range p.PartsFen {
		b = append(b, ',')
		b = fen.AppendYuan(b, v)
	}
	b = append(b, ',')
	b = fen.AppendYuan(b, p.IncreaseFen)
	b = append(b, ',')
	b = fen.AppendYuan(b, p.NewPensionFen())
	b = append(b, ',')
	b = strconv.AppendInt(b, p.ArrearsMonths, 10)
	b = append(b, ',')
	b = fen.AppendYuan(b, p.ArrearsFen())
	return append(b, '\n')
}

// appendCSVField appends s, quoted as RFC 4180 requires when it holds a
// comma, a quote, a line break or leading or trailing space.
func appendCSVField(b []byte, s string) []byte {
	if !strings.ContainsAny(s, ",\"\r\n") && strings.TrimSpace(s) == s {
		return append(b, s...)
	}
	b = append(b, '"')
	b = append(b, strings.ReplaceAll(s, `"`, `""`)...)
	return append(b, '"')
}
