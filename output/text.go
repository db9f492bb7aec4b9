package output

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/columns"
	"github.com/benefitstd/benefitstd/compare"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/plan"
	"github.com/benefitstd/benefitstd/region"
)

// textRenderer renders results for a person to read: aligned tables (Chinese
// names padded by display width), amounts and head counts with
// thousands separators (1,200,000.00), costs of a simulation scaled to
// 万元 or 亿元, and each figure's legal source. It carries every result
// type; CSV and JSON carry the exact figures for programs.
type textRenderer struct {
	w    io.Writer
	opts Options
}

// newText returns the text renderer writing to w; opts.Detail makes a
// simulation's table one row per region and year.
func newText(w io.Writer, opts Options) *textRenderer { return &textRenderer{w: w, opts: opts} }

// Render writes v as text, in one write.
func (t *textRenderer) Render(v any) error {
	var b strings.Builder
	switch r := v.(type) {
	case *floor.Report:
		reportText(&b, r)
	case *adjust.Result:
		if len(r.Floors) == 0 {
			return errNoYears
		}
		if t.opts.Detail {
			resultDetailText(&b, r)
		} else {
			resultText(&b, r)
		}
	case *compare.SweepResult:
		sweepText(&b, r)
	case *compare.Comparison:
		comparisonText(&b, r)
	case *columns.Result:
		if len(r.Columns) == 0 || len(r.Columns[0].Result.Floors) == 0 {
			return errNoColumns
		}
		columnsText(&b, r)
	case *PlanRun:
		if r.Report == nil {
			return errNoSummary
		}
		planText(&b, r)
	case *PlanList:
		planListText(&b, r)
	case *FloorList:
		floorListText(&b, r)
	case *RegionList:
		regionListText(&b, r)
	default:
		return unsupported(FormatText, v)
	}
	_, err := io.WriteString(t.w, b.String())
	return err
}

var (
	errNoYears   = errors.New("output: the simulation result has no years (a Result from adjust.Run has them)")
	errNoColumns = errors.New("output: the table run has no columns (a Result from columns.Run has them)")
	errNoSummary = errors.New("output: the plan run has no summary")
)

// ---- compliance report (*floor.Report)

// reportText writes r: a heading with the window and the as-of month,
// one aligned row per finding (an unchecked finding says so in its rule
// column), the summary with arrears and who pays them, what each rule
// checked and could not (coverage), the effect per region and
// programme, and each finding's message and sources.
func reportText(b *strings.Builder, r *floor.Report) {
	from, to, asOf := orEllipsis(r.From.String()), orEllipsis(r.To.String()), orEllipsis(r.AsOf.String())
	if r.Illustrative {
		b.WriteString("*** ILLUSTRATIVE 示例数据: not a real dataset ***\n")
		if r.Note != "" {
			b.WriteString(r.Note + "\n")
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(b, "Compliance check 合规检查: months [%s, %s), as of 截至 %s; floors %s\n\n", from, to, asOf, r.FloorsVersion)
	switch {
	case len(r.Findings) == 0 && r.Summary.Levels == 0:
		b.WriteString("No levels were given: nothing was checked.\n")
	case len(r.Findings) == 0:
		b.WriteString("No findings: every rule that applies was checked and kept (coverage below).\n")
	default:
		t := table{
			header: []string{"#", "severity", "rule", "region", "地区", "program", "dims", "from", "to", "per", "required", "actual", "shortfall", "persons", "arrears 补发"},
			right:  []bool{true, false, false, false, false, false, false, false, false, false, true, true, true, true, true},
		}
		for i := range r.Findings {
			f := &r.Findings[i]
			ft := orEllipsis(f.Interval.To.String())
			short := ""
			if f.Shortfall.Sign() > 0 {
				short = groupedAmount(f.Shortfall)
			} else if f.Excess.Sign() > 0 {
				short = "+" + groupedAmount(f.Excess) + " over"
			}
			req, act, per := groupedAmount(f.Required), groupedAmount(f.Actual), f.Per.String()
			rule := f.Rule
			switch {
			case f.Unchecked != "":
				rule += " [unchecked: " + string(f.Unchecked) + "]"
				req, act, per = "", "", ""
			case f.Rule == floor.RuleMissing:
				req, act, per = "", "", ""
			case f.Rule == floor.RuleStale || f.Rule == floor.RuleWaiverExpired:
				req = ""
			}
			if f.Rule == floor.RuleWaiverExpired {
				act = ""
			}
			arrears, persons := "", ""
			if f.Arrears.Sign() > 0 {
				arrears = groupedAmount(f.Arrears)
			}
			if f.Persons > 0 {
				persons = groupedInt(f.Persons)
			}
			t.rows = append(t.rows, []string{itoa(int64(i + 1)), f.Severity.String(), rule, f.Region.String(), f.RegionName,
				f.Program, f.Dims.String(), f.Interval.From.String(), ft, per, req, act, short, persons, arrears})
		}
		t.writeTo(b)
	}
	s := &r.Summary
	fmt.Fprintf(b, "\nSummary 汇总: %d levels; %d violations, %d warnings, %d advisories, %d waived; %d unchecked 未核验",
		s.Levels, s.Violations, s.Warnings, s.Advisories, s.Waived, s.Unchecked)
	if s.Expected > 0 {
		fmt.Fprintf(b, "; %d of %d expected levels missing 未报送", s.Missing, s.Expected)
	}
	b.WriteString("\n")
	fmt.Fprintf(b, "Arrears owed 应补发: %s (central 中央 %s, local 地方 %s", groupedAmount(s.ArrearsTotal), groupedAmount(s.ArrearsCentral), groupedAmount(s.ArrearsLocal))
	if s.ArrearsFund.Sign() > 0 {
		fmt.Fprintf(b, ", fund 基金 %s", groupedAmount(s.ArrearsFund))
	}
	if s.ArrearsUnsplit.Sign() > 0 {
		fmt.Fprintf(b, ", no cost-sharing rule %s", groupedAmount(s.ArrearsUnsplit))
	}
	through := r.AsOf
	if !r.To.IsZero() && (through.IsZero() || r.To.AddMonths(-1) < through) {
		through = r.To.AddMonths(-1)
	}
	fmt.Fprintf(b, "), counted through %s\n", orEllipsis(through.String()))
	provisionalArrears(b, r.Findings)
	if s.WaivedArrears.Sign() > 0 || s.Waived > 0 {
		fmt.Fprintf(b, "Waived arrears 豁免: %s (not in the total)\n", groupedAmount(s.WaivedArrears))
	}
	if s.Interest.Sign() > 0 {
		fmt.Fprintf(b, "Interest (option) 利息: %s\n", groupedAmount(s.Interest))
	}
	if len(r.Coverage) > 0 {
		b.WriteString("\nCoverage 覆盖 (level-months; unchecked is never read as compliant):\n")
		t := table{header: []string{"rule", "checked 已核验", "unchecked 未核验"}, right: []bool{false, true, true}}
		for _, c := range r.Coverage {
			t.rows = append(t.rows, []string{c.Rule, groupedInt(c.Checked), groupedInt(c.Unchecked)})
		}
		t.writeTo(b)
	}
	if len(r.Effects) > 0 {
		b.WriteString("\nEffect 效果评估 (at floor: beneficiary-months at or above every legal lower bound checked):\n")
		t := table{header: []string{"region", "地区", "program", "at floor 达标", "arrears 欠发", "raise passed through 调标到位", "headroom 余量"},
			right: []bool{false, false, false, true, true, false, true}}
		for i := range r.Effects {
			e := &r.Effects[i]
			t.rows = append(t.rows, []string{e.Region.String(), e.RegionName, e.Program, atFloorText(e), groupedAmount(e.Arrears), raisesText(e), headroomText(e)})
		}
		t.writeTo(b)
	}
	if len(r.Findings) > 0 {
		b.WriteString("\nDetails 说明:\n")
		for i := range r.Findings {
			f := &r.Findings[i]
			fmt.Fprintf(b, "%3d. %s\n", i+1, f.Message())
			if f.Arrears.Sign() > 0 {
				fmt.Fprintf(b, "     arrears: %s × %s person-months = %s", groupedAmount(f.Shortfall), groupedInt(f.PersonMonths), groupedAmount(f.Arrears))
				if f.Per == benefit.PerYear {
					b.WriteString(" (yearly shortfall ÷ 12)")
				}
				switch {
				case f.SplitKnown:
					fmt.Fprintf(b, "; central %s, local %s", groupedAmount(f.Central), groupedAmount(f.Local))
				case f.Payer == region.PayerFund:
					b.WriteString("; paid by the fund 基金")
				}
				b.WriteString("\n")
			}
			fmt.Fprintf(b, "     rule: %s\n", citeText(f.Citation))
			switch {
			case !f.Region.IsValid() && !f.Source.IsZero():
				fmt.Fprintf(b, "     floor value: %s\n", citeText(f.Source))
			case !f.Source.IsZero():
				fmt.Fprintf(b, "     local value: %s\n", citeText(f.Source))
			}
		}
	}
}

// atFloorText writes the share of beneficiary-months at the floor
// ("50.0% of 120,000 beneficiary-months"), or of level-months when no
// head count was given, or "—" when nothing was checked against a floor.
func atFloorText(e *floor.Effect) string {
	if s, ok := shareText(e); ok {
		return s + " of " + groupedInt(e.Checked) + " beneficiary-months"
	}
	if e.MonthsChecked > 0 {
		return itoa(e.MonthsAtFloor) + " of " + itoa(e.MonthsChecked) + " level-months"
	}
	return "—"
}

// raisesText writes each national raise of the window and the months it
// took to reach the region: "2024-01: 6 months", "2025-01: not yet".
func raisesText(e *floor.Effect) string {
	if len(e.Raises) == 0 {
		return "—"
	}
	var parts []string
	for _, ra := range e.Raises {
		switch n := ra.Months(); {
		case n < 0:
			parts = append(parts, ra.From.String()+": not yet")
		case n == 1:
			parts = append(parts, ra.From.String()+": 1 month")
		default:
			parts = append(parts, ra.From.String()+": "+strconv.Itoa(n)+" months")
		}
	}
	return strings.Join(parts, "; ")
}

// headroomText writes the headroom per month or year, or "—".
func headroomText(e *floor.Effect) string {
	if !e.HeadroomKnown {
		return "—"
	}
	return groupedAmount(e.Headroom) + " a " + e.HeadroomPer.String()
}

// shareText writes Effect.Share as a percentage with one decimal
// ("97.3%"); ok is false when no beneficiary-month was checked.
func shareText(e *floor.Effect) (string, bool) {
	pm, ok := e.Share()
	if !ok {
		return "", false
	}
	return strconv.FormatInt(pm/10, 10) + "." + strconv.FormatInt(pm%10, 10) + "%", true
}

func citeText(c benefit.Citation) string {
	s := c.String()
	if s == "" {
		return "(no source given)"
	}
	return s
}

// orEllipsis writes an unset month ("") as "…".
func orEllipsis(s string) string {
	if s == "" {
		return "…"
	}
	return s
}

// ---- simulation (*adjust.Result, *compare.SweepResult, *compare.Comparison)

// banner is the ILLUSTRATIVE warning an illustrative scenario's text
// starts and ends with.
const banner = "ILLUSTRATIVE SCENARIO: the figures are made up for illustration, not real data."

// writeBanner writes the banner between two rules.
func writeBanner(b *strings.Builder) {
	line := strings.Repeat("=", len(banner))
	fmt.Fprintf(b, "%s\n%s\n%s\n", line, banner, line)
}

// resultHeader writes the lines every text of a run starts with: for an
// illustrative scenario the ILLUSTRATIVE banner, then the programme, the
// scenario and its note, the rule, the constraints, the national floor
// path, the cost sharing and the run record.
func resultHeader(b *strings.Builder, r *adjust.Result) {
	if r.Run.Illustrative {
		writeBanner(b)
	}
	fmt.Fprintf(b, "%s (%s), levels in %s, rounding %s\n", r.Name, r.Program, r.Unit, r.Rounding)
	fmt.Fprintf(b, "scenario: %s\n", r.Run.Scenario)
	if r.Run.IllustrativeNote != "" {
		fmt.Fprintf(b, "note: %s\n", wrap(r.Run.IllustrativeNote, 100, "      "))
	}
	fmt.Fprintf(b, "rule: %s\nconstraints: %s\n", r.Rule, r.Constraints)
	if r.EffectiveMonth > 1 {
		fmt.Fprintf(b, "each year's level takes effect in month %d (生效月份); costs are summed month by month\n", r.EffectiveMonth)
	}
	var fl []string
	for _, f := range r.Floors {
		fl = append(fl, fmt.Sprintf("%d %s (%s)", f.Year, level(f.Amount), f.Status))
	}
	if noFloor(r) {
		fl = []string{"none (" + r.Program + " has no national floor)"}
	}
	fmt.Fprintf(b, "national floor: %s\n", wrap(strings.Join(fl, ", "), 100, "                "))
	if c := r.CostSharing; !c.IsZero() {
		fmt.Fprintf(b, "cost sharing: %s\n", c)
	}
	fmt.Fprintf(b, "run record: scenario sha256 %s, %s adjust %s, catalogue %s, floors: %s\n",
		r.Run.ScenarioSHA256, r.Run.Module, r.Run.Version, r.Run.Catalogue, r.Run.Floors)
}

// resultFooter repeats the ILLUSTRATIVE warning at the end of the text.
func resultFooter(b *strings.Builder, illustrative bool) {
	if illustrative {
		b.WriteString("\n" + banner + "\n")
	}
}

// yearTable writes the national totals, one row per year.
func yearTable(b *strings.Builder, r *adjust.Result, un string, uv int64) {
	cu := func(a benefit.Amount) string { return scaled(a, uv) }
	b.WriteString("\nNational totals per year (costs in " + un + " a year; max/min, CV and Gini are descriptive float64 statistics):\n")
	yt := table{
		header: []string{"year", "floor", "regions", "beneficiaries", "total", "central", "local", "transfer", "infeasible", "findings", "min", "mean", "max", "max/min", "CV", "Gini"},
		right:  []bool{false, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true},
	}
	nf := noFloor(r)
	for _, y := range r.Years {
		fl := level(y.Floor.Amount)
		if nf {
			fl = "-"
		}
		yt.rows = append(yt.rows, []string{
			strconv.Itoa(y.Year), fl, strconv.Itoa(y.Regions), groupedInt(y.Beneficiaries),
			cu(y.Cost.Total), cu(y.Cost.Central), cu(y.Cost.Local), cu(y.Transfer),
			strconv.Itoa(y.Infeasible), strconv.Itoa(y.Findings),
			level(y.MinLevel), grouped(y.MeanLevel.String()), level(y.MaxLevel),
			strconv.FormatFloat(y.MaxMinRatio, 'f', 3, 64), strconv.FormatFloat(y.CV, 'f', 3, 64), strconv.FormatFloat(y.Gini, 'f', 3, 64),
		})
	}
	yt.writeTo(b)
}

// resultUnits picks the cost unit of a run from its yearly totals.
func resultUnits(r *adjust.Result) (string, int64) {
	totals := make([]benefit.Amount, len(r.Years))
	for i, y := range r.Years {
		totals[i] = y.Cost.Total
	}
	return costUnit(totals...)
}

// resultText writes a run: the header (ILLUSTRATIVE first when it is),
// the national totals per year with the equalisation statistics, then
// one row per region: its level in the base year and each simulated
// year (at most seven columns; a longer run shows evenly spaced years),
// the cost of the last year and which constraints bound in which years,
// with infeasible years and their transfers.
func resultText(b *strings.Builder, r *adjust.Result) {
	resultHeader(b, r)
	un, uv := resultUnits(r)
	yearTable(b, r, un, uv)
	cols := yearColumns(len(r.Floors))
	last := r.Floors[len(r.Floors)-1].Year
	fmt.Fprintf(b, "\nLevels by region (%s; %d is the base year), the cost of %d (%s) and the constraints that bound:\n", r.Unit, r.Floors[0].Year, last, un)
	t := table{header: []string{"code", "region"}, right: []bool{false, false}}
	for _, c := range cols {
		t.header = append(t.header, strconv.Itoa(r.Floors[c].Year))
		t.right = append(t.right, true)
	}
	t.header = append(t.header, "beneficiaries", "total", "central", "local", "burden", "bound (years)")
	t.right = append(t.right, true, true, true, true, true, false)
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
		row = append(row, groupedInt(end.Beneficiaries),
			scaled(end.Cost.Total, uv), scaled(end.Cost.Central, uv), scaled(end.Cost.Local, uv), burden(end.Burden),
			boundYears(rows, un, uv))
		t.rows = append(t.rows, row)
	}
	t.writeTo(b)
	fundText(b, r)
	retireesText(b, r)
	resultFooter(b, r.Run.Illustrative)
}

// noFloor reports whether the run had no national floor: every year's
// floor is zero with the status unknown.
func noFloor(r *adjust.Result) bool {
	for _, f := range r.Floors {
		if f.Status != benefit.Unknown || !f.Amount.IsZero() {
			return false
		}
	}
	return len(r.Floors) > 0
}

// fundText writes, when the regions give their funds, each region's
// closing balance by year and the months of benefits it pays.
func fundText(b *strings.Builder, r *adjust.Result) {
	h := len(r.Floors) - 1
	if h <= 0 || len(r.Rows) == 0 || r.Rows[0].Fund == nil {
		return
	}
	un, uv := costUnit(r.Rows[0].Fund.Closing)
	fmt.Fprintf(b, "\nFunds (基金): the balance at the end of each year (%s) and, in brackets, the months of that year's benefits it pays:\n", un)
	t := table{header: []string{"code", "region"}, right: []bool{false, false}}
	for _, f := range r.Floors[1:] {
		t.header = append(t.header, strconv.Itoa(f.Year))
		t.right = append(t.right, true)
	}
	for k := 0; k+h <= len(r.Rows); k += h {
		rows := r.Rows[k : k+h]
		row := []string{rows[0].Region.String(), rows[0].Name}
		for _, ry := range rows {
			if ry.Fund == nil {
				row = append(row, "-")
				continue
			}
			row = append(row, fmt.Sprintf("%s (%d)", scaled(ry.Fund.Closing, uv), ry.Fund.Months))
		}
		t.rows = append(t.rows, row)
	}
	t.writeTo(b)
}

// retireesText writes, for a retirees' adjustment, the national rate of
// each year and each plan applied person by person.
func retireesText(b *strings.Builder, r *adjust.Result) {
	var rates []string
	var plans []string
	seen := map[int]bool{}
	for _, ry := range r.Rows {
		a := ry.Retirees
		if a == nil {
			continue
		}
		if a.National != nil && !seen[ry.Year] {
			seen[ry.Year] = true
			rates = append(rates, fmt.Sprintf("%d %s (%s)", ry.Year, a.National, a.NationalStatus))
		}
		if p := a.Plan; p != nil {
			line := fmt.Sprintf("%s %s %d: plan %s applied to %s retirees", ry.Region, ry.Name, ry.Year, p.Plan, groupedInt(p.Eligible))
			if p.Synthetic {
				line += " (SYNTHETIC, illustrative)"
			}
			line += fmt.Sprintf(": Σ increases %s a month (%s of the prior total), 12 × Σ = %s a year", grouped(p.Increase.String()), p.Percent, grouped(a.IncreaseCost.String()))
			if a.Exceeds {
				line += fmt.Sprintf(", EXCEEDS the national level %s", a.National)
			}
			plans = append(plans, line)
		}
	}
	if len(rates) == 0 && len(plans) == 0 {
		return
	}
	if len(rates) > 0 {
		fmt.Fprintf(b, "\nnational overall level (以全国调整比例为高限): %s\n", wrap(strings.Join(rates, ", "), 100, "    "))
	}
	for _, l := range plans {
		fmt.Fprintf(b, "%s\n", wrap(l, 100, "    "))
	}
}

// yearColumns picks the indexes of the floors shown as level columns:
// all of them up to seven, else seven evenly spaced from the base year
// to the last.
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
func boundYears(rows []adjust.RegionYear, un string, uv int64) string {
	var parts []string
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1].Binding == rows[i].Binding && rows[j+1].Infeasible == rows[i].Infeasible {
			j++
		}
		if rows[i].Binding != adjust.BindNone {
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
	// each finding's note once, with its years as spans ("2026-2029")
	var notes []string
	years := map[string][]int{}
	for _, ry := range rows {
		for _, f := range ry.Findings {
			n := findingNote(f)
			ys, seen := years[n]
			if !seen {
				notes = append(notes, n)
			}
			if len(ys) == 0 || ys[len(ys)-1] != ry.Year {
				years[n] = append(ys, ry.Year)
			}
		}
	}
	for _, n := range notes {
		parts = append(parts, n+" "+yearSpans(years[n]))
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, "; ")
}

// resultDetailText writes a run as resultText does, but with one row per
// region and year: level, increase, floor, headroom, binding constraint,
// beneficiaries, cost and its split, burden and notes (infeasible years
// with their transfer, floor-check findings).
func resultDetailText(b *strings.Builder, r *adjust.Result) {
	resultHeader(b, r)
	un, uv := resultUnits(r)
	yearTable(b, r, un, uv)
	cu := func(a benefit.Amount) string { return scaled(a, uv) }
	b.WriteString("\nPer region and year (level in " + r.Unit + "; costs in " + un + " a year; burden = local cost ÷ local revenue):\n")
	rt := table{
		header: []string{"code", "region", "year", "level", "increase", "floor", "headroom", "binding", "beneficiaries", "total", "central", "local", "burden", "note"},
		right:  []bool{false, false, false, true, true, true, true, false, true, true, true, true, true, false},
	}
	nf := noFloor(r)
	for _, ry := range r.Rows {
		fl, head := level(ry.Floor), grouped(ry.Headroom.String())
		if nf {
			fl, head = "-", "-"
		}
		note := ""
		if ry.Infeasible {
			note = "INFEASIBLE: transfer " + cu(ry.Transfer) + " " + un
		}
		last := ""
		for _, f := range ry.Findings {
			fn := findingNote(f)
			if fn == last {
				continue
			}
			if note != "" {
				note += "; "
			}
			note += fn
			last = fn
		}
		rt.rows = append(rt.rows, []string{
			ry.Region.String(), ry.Name, strconv.Itoa(ry.Year), level(ry.Level), grouped(signed(ry.Increase)), fl, head,
			string(ry.Binding), groupedInt(ry.Beneficiaries),
			cu(ry.Cost.Total), cu(ry.Cost.Central), cu(ry.Cost.Local), burden(ry.Burden), note,
		})
	}
	rt.writeTo(b)
	fundText(b, r)
	retireesText(b, r)
	resultFooter(b, r.Run.Illustrative)
}

// sweepText writes a sweep as a table, costs summed over the years in
// 亿元 or 万元, with the infeasible regions and the first year each was
// infeasible.
func sweepText(b *strings.Builder, r *compare.SweepResult) {
	if r.Illustrative {
		writeBanner(b)
	}
	var totals []benefit.Amount
	for _, p := range r.Points {
		totals = append(totals, p.Cost.Total)
	}
	un, uv := costUnit(totals...)
	fmt.Fprintf(b, "sweep of %s over scenario %q: costs summed over %d years from %d, in %s\n", r.Parameter, r.Scenario, r.Horizon, r.StartYear, un)
	t := table{header: []string{"value", "total", "central", "local", "transfer", "infeasible", "regions (first infeasible year)"},
		right: []bool{true, true, true, true, true, true, false}}
	for _, p := range r.Points {
		var rs []string
		for i, c := range p.Infeasible {
			rs = append(rs, fmt.Sprintf("%s (%d)", c, p.FirstInfeasible[i]))
		}
		t.rows = append(t.rows, []string{p.Value, scaled(p.Cost.Total, uv), scaled(p.Cost.Central, uv), scaled(p.Cost.Local, uv), scaled(p.Transfer, uv),
			strconv.Itoa(len(p.Infeasible)), strings.Join(rs, ", ")})
	}
	t.writeTo(b)
	resultFooter(b, r.Illustrative)
}

// comparisonText writes a comparison as two tables, B − A: national
// totals per year, then per region and year.
func comparisonText(b *strings.Builder, c *compare.Comparison) {
	illustrative := c.A.Illustrative || c.B.Illustrative
	if illustrative {
		writeBanner(b)
	}
	for _, r := range []struct {
		n  string
		rr adjust.RunRecord
	}{{"A", c.A}, {"B", c.B}} {
		fmt.Fprintf(b, "%s: scenario %q sha256 %s", r.n, r.rr.Scenario, r.rr.ScenarioSHA256)
		if r.rr.Illustrative {
			b.WriteString(" (ILLUSTRATIVE)")
		}
		b.WriteByte('\n')
	}
	var totals []benefit.Amount
	for _, y := range c.Years {
		totals = append(totals, y.TotalA, y.TotalB)
	}
	un, uv := costUnit(totals...)
	cu := func(a benefit.Amount) string { return scaled(a, uv) }
	sc := func(a benefit.Amount) string {
		w, _ := a.QuoInt(uv, benefit.FenHalfUp())
		return grouped(signed(w))
	}
	b.WriteString("\nNational totals per year, B − A (" + un + " per year):\n")
	yt := table{header: []string{"year", "total A", "total B", "Δ total", "Δ central", "Δ local", "infeasible A", "infeasible B"},
		right: []bool{false, true, true, true, true, true, true, true}}
	for _, y := range c.Years {
		yt.rows = append(yt.rows, []string{strconv.Itoa(y.Year), cu(y.TotalA), cu(y.TotalB), sc(y.Total), sc(y.Central), sc(y.Local),
			strconv.Itoa(y.InfeasibleA), strconv.Itoa(y.InfeasibleB)})
	}
	yt.writeTo(b)
	b.WriteString("\nPer region and year, B − A (levels in yuan; costs in " + un + " per year):\n")
	rt := table{header: []string{"code", "region", "year", "level A", "level B", "Δ level", "Δ total", "Δ local", "burden A", "burden B", "Δ burden", "binding A", "binding B", "note"},
		right: []bool{false, false, false, true, true, true, true, true, true, true, true, false, false, false}}
	for _, d := range c.Rows {
		note := ""
		if d.Only != "" {
			note = "only in " + strings.ToUpper(d.Only)
		}
		rt.rows = append(rt.rows, []string{d.Region.String(), d.Name, strconv.Itoa(d.Year), d.LevelA.String(), d.LevelB.String(), signed(d.Level),
			sc(d.Total), sc(d.Local), burden(d.BurdenA), burden(d.BurdenB), signedRate(d.Burden),
			string(d.BindingA), string(d.BindingB), note})
	}
	rt.writeTo(b)
	resultFooter(b, illustrative)
}

// costUnit picks the display unit of costs: 亿元 (10^8 yuan) when one of
// the yearly national totals reaches 10 亿, else 万元 (10^4 yuan).
func costUnit(totals ...benefit.Amount) (string, int64) {
	for _, t := range totals {
		if t.Cmp(benefit.Yuan(1_000_000_000)) >= 0 {
			return "亿元", 100_000_000
		}
	}
	return "万元", 10_000
}

// scaled returns a ÷ unit rounded half-up to the fen, with thousands
// separators: a display figure (CSV and JSON carry exact yuan).
func scaled(a benefit.Amount, unit int64) string {
	w, err := a.QuoInt(unit, benefit.FenHalfUp())
	if err != nil {
		return "?"
	}
	return grouped(w.String())
}

// level returns a level for a table: whole yuan without decimals
// ("1,490"), otherwise with them ("143.50").
func level(a benefit.Amount) string {
	if f, ok := a.Fen(); ok && f%100 == 0 {
		return grouped(strconv.FormatInt(f/100, 10))
	}
	return grouped(a.String())
}

func signed(a benefit.Amount) string {
	if a.Sign() > 0 {
		return "+" + a.String()
	}
	return a.String()
}

func signedRate(r *benefit.Rate) string {
	if r == nil {
		return ""
	}
	if r.Sign() > 0 {
		return "+" + r.String()
	}
	return r.String()
}

func burden(r *benefit.Rate) string {
	if r == nil {
		return ""
	}
	return r.String()
}

// wrap breaks text into lines of at most width bytes at spaces, each
// after the first starting with indent.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(text) {
		if i > 0 {
			if n+1+len(word) > width {
				b.WriteString("\n" + indent)
				n = len(indent)
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(word)
		n += len(word)
	}
	return b.String()
}

// ---- retiree plans (*PlanRun, *PlanList)

// planText writes a plan run: the plan and its source, the population,
// the calibration, the totals, the national check, and the tables by
// part, area class and age, with the distribution of increases. A
// SYNTHETIC population is said so first and last.
func planText(b *strings.Builder, run *PlanRun) {
	p, s := &run.Plan, run.Report
	if run.Synthetic {
		b.WriteString("*** SYNTHETIC POPULATION: generated retirees, illustrative only; not real costs ***\n\n")
	}
	fmt.Fprintf(b, "Plan %s  %s (%s)\n", p.ID, p.Name, p.Status)
	fmt.Fprintf(b, "Source: %s [%s] %s\n", p.Citation, p.Citation.Confidence, p.Citation.URL)
	if p.Note != "" {
		fmt.Fprintf(b, "Note: %s\n", p.Note)
	}
	fmt.Fprintf(b, "\nPopulation: %s\n", run.Population)
	fmt.Fprintf(b, "Retirees %s, eligible %s", groupedInt(s.Retirees), groupedInt(s.Eligible))
	for _, r := range s.Ineligible {
		fmt.Fprintf(b, ", not eligible %s: %s", groupedInt(r.Retirees), r.Reason)
	}
	b.WriteString("\n")
	if c := run.Calibration; c != nil {
		fmt.Fprintf(b, "\nCalibration: %s solved for target %s on a grid of %s\n", c.Param, c.Target, c.Step)
		switch {
		case !c.Reached:
			fmt.Fprintf(b, "  NOT REACHED: the other parts alone give %s, above the target; %s set to %s\n", c.Percent, c.Param, c.Value)
		case c.AtLimit:
			fmt.Fprintf(b, "  at the limit: %s = %s still gives only %s\n", c.Param, c.Value, c.Percent)
		default:
			fmt.Fprintf(b, "  %s = %s gives %s (one step more: %s); cost %s a month, %s a year; %d passes\n", c.Part, c.Value, c.Percent, c.NextPercent, groupedAmount(c.Cost), groupedAmount(c.AnnualCost), c.Passes)
		}
	}
	b.WriteString("\nTotals of the eligible (yuan):\n")
	exact := "exact"
	if !s.PercentExact {
		exact = "rounded to 0.0001%; compared exactly"
	}
	tt := table{header: []string{"", "a month", "a year (× 12)"}, right: []bool{false, true, true}}
	for _, r := range []struct {
		name string
		a    benefit.Amount
	}{{"prior pensions", s.PriorTotal}, {"increase", s.Increase}, {"new pensions", s.NewTotal}} {
		tt.rows = append(tt.rows, []string{r.name, groupedAmount(r.a), groupedAmount(r.a.Mul(12))})
	}
	tt.writeTo(b)
	fmt.Fprintf(b, "average increase  %s a month per eligible retiree (half-up to the fen)\n", groupedAmount(s.Average))
	fmt.Fprintf(b, "aggregate         %s of the prior total (%s)\n", s.Percent, exact)
	switch {
	case p.FirstPaid.IsZero():
		b.WriteString("arrears owed      not computed: the plan does not say the first month paid at the new rate\n")
	case p.FirstPaid == p.Effective:
		fmt.Fprintf(b, "arrears owed      none: paid at the new rate from %s\n", p.Effective)
	default:
		fmt.Fprintf(b, "arrears owed      %s (补发 %s to %s, paid once)\n", groupedAmount(s.Arrears), p.Effective, p.FirstPaid.AddMonths(-1))
	}
	if n := s.National; n != nil {
		fmt.Fprintf(b, "\nNational overall level %d (全国总体调整水平): %s — %s [%s] %s\n", n.Year, n.Rate, n.Citation, n.Citation.Confidence, n.Citation.URL)
		if n.Exceeds {
			fmt.Fprintf(b, "  FINDING: %s\n", n.Message)
		} else {
			fmt.Fprintf(b, "  within: plan %s ≤ national %s\n", n.Percent, n.Rate)
		}
	} else if nl, ok := plan.NationalAdjustmentFor(s.Year); ok {
		fmt.Fprintf(b, "\nNational overall level %d (全国总体调整水平): %s — not compared: no eligible retiree with a pension\n", s.Year, nl.Rate)
	} else {
		fmt.Fprintf(b, "\nNational overall level %d: not known to the library\n", s.Year)
	}

	b.WriteString("\nBy part (a month):\n")
	pt := table{header: []string{"part", "名称", "retirees", "total", "share", "status", "source"}, right: []bool{false, false, true, true, true}}
	for _, x := range s.Parts {
		// the source is clipped to keep the row on a screen; JSON
		// carries it whole
		pt.rows = append(pt.rows, []string{x.ID, x.Name, groupedInt(x.Retirees), groupedAmount(x.Total), planShare(x.Total, s.Increase), x.Status.String(), clip("["+x.Citation.Confidence+"] "+x.Citation.Title, 72)})
	}
	pt.writeTo(b)
	groups := func(title string, gs []plan.GroupTotal) {
		fmt.Fprintf(b, "\n%s:\n", title)
		t := table{header: []string{"group", "retirees", "prior", "increase", "of prior"}, right: []bool{false, true, true, true, true}}
		for _, g := range gs {
			t.rows = append(t.rows, []string{g.Group, groupedInt(g.Retirees), groupedAmount(g.Prior), groupedAmount(g.Increase), planShare(g.Increase, g.Prior)})
		}
		t.writeTo(b)
	}
	groups("By hardship-area class (艰苦边远地区), a month", s.Areas)
	groups("By age at "+p.AgeAt.String()+", a month", s.Ages)
	if len(s.Percentiles) > 0 {
		b.WriteString("\nIncrease per person, percentiles (nearest rank):\n")
		var cells []string
		for _, q := range s.Percentiles {
			cells = append(cells, fmt.Sprintf("P%d %s", q.P, groupedAmount(q.Increase)))
		}
		fmt.Fprintf(b, "  %s\n", strings.Join(cells, "  "))
		b.WriteString("\nHistogram of increases:\n")
		var most int64
		for _, h := range s.Histogram {
			most = max(most, h.Retirees)
		}
		ht := table{header: []string{"from", "to", "retirees", ""}, right: []bool{true, true, true}}
		for _, h := range s.Histogram {
			bar := ""
			if most > 0 {
				bar = strings.Repeat("#", int(h.Retirees*40/most))
			}
			ht.rows = append(ht.rows, []string{groupedAmount(h.From), groupedAmount(h.To), groupedInt(h.Retirees), bar})
		}
		ht.writeTo(b)
	}
	if run.Synthetic {
		b.WriteString("\nSYNTHETIC population: the figures above illustrate the plan; they are not real costs.\n")
	}
}

// planShare is part/whole as a percentage rounded half-up to 0.01 %, for
// the tables; "" when whole is zero.
func planShare(part, whole benefit.Amount) string {
	r, err := part.Ratio(whole, 4, benefit.HalfUp)
	if err != nil {
		return ""
	}
	return r.String()
}

// planListText writes the shipped plans and the national levels.
func planListText(b *strings.Builder, l *PlanList) {
	t := table{header: []string{"id", "名称", "region", "effective", "status", "parts", "source"}}
	for _, p := range l.Plans {
		ids := make([]string, len(p.Parts))
		for i, pt := range p.Parts {
			ids[i] = pt.ID + ":" + pt.Kind()
		}
		t.rows = append(t.rows, []string{p.ID, p.Name, p.Region.String(), p.Effective.String(), p.Status.String(), strings.Join(ids, " "), "[" + p.Citation.Confidence + "] " + p.Citation.URL})
	}
	t.writeTo(b)
	b.WriteString("\nNational overall levels (全国总体调整水平):\n")
	nt := table{header: []string{"year", "level", "retired by", "status", "source"}, right: []bool{false, true}}
	for _, n := range l.National {
		nt.rows = append(nt.rows, []string{strconv.Itoa(n.Year), n.Rate.String(), n.RetiredBy.String(), n.Status.String(), "[" + n.Citation.Confidence + "] " + n.Citation.String()})
	}
	nt.writeTo(b)
}

// ---- listings (*FloorList, *RegionList)

// floorListText writes the floors of each programme as a table of
// versions with their status and source, the address and note of each
// source as numbered lines under it, then the relative rules and the
// cadences.
func floorListText(b *strings.Builder, l *FloorList) {
	fmt.Fprintf(b, "National floors 国家基础标准 (data %s)", l.FloorsVersion)
	if l.At != "" {
		fmt.Fprintf(b, " in force in %s", l.At)
	}
	b.WriteString("\nStatus: legislated = in a published instrument; announced = announced, instrument not seen; provisional = unresolved, NOT law.\n")
	for _, e := range l.Programs {
		fmt.Fprintf(b, "\n%s %s (%s), yuan per %s\n", e.ID, e.Name, e.NameEN, e.Per)
		if len(e.Floors) == 0 && len(e.Relative) == 0 {
			b.WriteString("  no national fixed floor or rule\n")
		}
		if len(e.Floors) > 0 {
			// The table keeps to the figures and the instrument; the
			// address and the note of each source follow as numbered
			// lines, so rows stay readable on a terminal.
			t := table{header: []string{"#", "dims", "from", "amount", "status", "conf", "source"}, right: []bool{true, false, false, true}}
			var notes []string
			for _, f := range e.Floors {
				dims := f.Dimensions
				if f.Group != "" {
					dims += " [group " + f.Group + "]"
				}
				for _, v := range f.Versions {
					n := strconv.Itoa(len(t.rows) + 1)
					t.rows = append(t.rows, []string{n, dims, v.From.String(), groupedAmount(v.Amount), v.Status.String(), v.Citation.Confidence, v.Citation.String()})
					if more := sourceDetail(v.Citation); more != "" {
						notes = append(notes, "["+n+"] "+more)
					}
				}
			}
			var tb strings.Builder
			t.writeTo(&tb)
			b.WriteString(indent(tb.String()))
			for _, n := range notes {
				b.WriteString("  " + n + "\n")
			}
		}
		for _, r := range e.Relative {
			fmt.Fprintf(b, "  rule %s (%s): level %s %s × %s — %s\n", r.ID, r.Severity, relSymbol(r.Bound, r.Strict), r.Multiplier, r.Against, r.Citation)
		}
		for _, c := range e.Cadences {
			fmt.Fprintf(b, "  cadence (%s): updated at least every %d months — %s\n", c.Scope, c.Months, c.Citation)
		}
	}
}

// relSymbol is where a level must lie against a relative bound: >, ≥, <
// or ≤.
func relSymbol(bound string, strict bool) string {
	switch {
	case bound == "lower" && strict:
		return ">"
	case bound == "lower":
		return "≥"
	case strict:
		return "<"
	}
	return "≤"
}

// sourceDetail is the address and the note of a source, shown under the
// table: "<url> — note".
func sourceDetail(c benefit.Citation) string {
	var parts []string
	if c.URL != "" {
		parts = append(parts, "<"+c.URL+">")
	}
	if c.Note != "" {
		parts = append(parts, c.Note)
	}
	return strings.Join(parts, " — ")
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return "  " + strings.Join(lines, "\n  ") + "\n"
}

// regionListText writes the divisions as a table, then the counts and
// the sources of the divisions and of the tiers.
func regionListText(b *strings.Builder, l *RegionList) {
	t := table{
		header: []string{"code", "名称", "name", "level", "parent", "tier 档", "central 中央", "groups 区域", "note"},
		right:  []bool{false, false, false, false, false, true, true, false, false},
	}
	for _, r := range l.Divisions {
		note := ""
		if r.StatisticalOnly {
			note = "statistical only 统计用"
		}
		t.rows = append(t.rows, []string{r.Code, r.Name, r.NameEN, r.Level, r.Parent, strconv.Itoa(r.Tier), r.CentralShare, strings.Join(r.Groups, ", "), note})
	}
	t.writeTo(b)
	c := &l.Counts
	fmt.Fprintf(b, "\n%d divisions: %d provinces, %d prefecture-level, %d county-level; %d of them statistical only (统计用区划, not GB/T 2260 divisions).\n",
		c.Divisions, c.Provinces, c.Prefectures, c.Counties, c.StatisticalOnly)
	if l.Scope == "" {
		b.WriteString("Listed: the provinces and the divisions with a tier of their own (计划单列市). --under CODE lists a division's tree, --all every division.\n")
	}
	b.WriteString("Divisions: NBS 统计用区划代码 2023 (as of 2023-06-30)")
	if l.Added != "" {
		fmt.Fprintf(b, ", plus %s", l.Added)
	}
	ts := l.TierSource
	fmt.Fprintf(b, ".\nTiers and central shares: %s (confidence %s)\n%s\n", ts, ts.Confidence, ts.Note)
}

// ---- numbers for reading

// groupedAmount writes an amount with thousands separators
// (1,200,000.00, -5,000.50); the digits are those of a.String().
func groupedAmount(a benefit.Amount) string { return grouped(a.String()) }

// groupedInt writes a count with thousands separators (1,234,567).
func groupedInt(n int64) string { return grouped(itoa(n)) }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// findingNote names a finding in a simulation's notes: its rule and
// severity, or that the rule could not be evaluated and why.
func findingNote(f floor.Finding) string {
	if f.Unchecked != "" {
		return f.Rule + " unchecked (" + string(f.Unchecked) + ")"
	}
	return f.Rule + " " + f.Severity.String()
}

// yearSpans writes ascending years as spans: "2024-2026, 2028".
func yearSpans(ys []int) string {
	var b strings.Builder
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(ys[i]))
		if j > i {
			b.WriteString("-" + strconv.Itoa(ys[j]))
		}
		i = j + 1
	}
	return b.String()
}

// provisionalArrears writes what the findings below a provisional floor
// (暂定标准) show: Options.ProvisionalSeverity makes them warnings (or
// advisories), so their arrears are not in the total owed, yet a reader
// of "Arrears owed 0.00" must see them. Their sum is per finding: a
// month that two such findings share counts under each.
func provisionalArrears(b *strings.Builder, fs []floor.Finding) {
	n, sum := 0, benefit.Amount{}
	for i := range fs {
		f := &fs[i]
		if f.Arrears.Sign() > 0 && f.Severity != floor.Violation && f.Severity != floor.Waived {
			n++
			sum = sum.Add(f.Arrears)
		}
	}
	switch {
	case n == 1:
		fmt.Fprintf(b, "Not in the total 未计入: 1 finding below a provisional floor 暂定标准 shows %s, owed once the floor is confirmed (see Details)\n", groupedAmount(sum))
	case n > 1:
		fmt.Fprintf(b, "Not in the total 未计入: %d findings below provisional floors 暂定标准 show %s summed finding by finding, owed once the floors are confirmed (see Details)\n", n, groupedAmount(sum))
	}
}
