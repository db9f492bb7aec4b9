package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/texttable"
	"github.com/benefitstd/benefitstd/plan"
)

// planOutput is the JSON form of `benefitstd plan`.
type planOutput struct {
	Plan        planInfo          `json:"plan"`
	Population  string            `json:"population"`
	Synthetic   bool              `json:"synthetic"`
	Summary     *plan.Summary     `json:"summary"`
	Calibration *plan.Calibration `json:"calibration,omitempty"`
}

type planInfo struct {
	ID       string           `json:"id"`
	Name     string           `json:"name"`
	NameEN   string           `json:"name_en"`
	Status   benefit.Status   `json:"status"`
	Citation benefit.Citation `json:"citation"`
	Note     string           `json:"note,omitempty"`
}

func runPlan(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("plan", stderr)
	planFile := fs.String("plan", "", "plan JSON file")
	builtin := fs.String("builtin", "", "shipped plan id (e.g. shanghai-2024, beijing-2024, shanxi-2025); --list shows them")
	list := fs.Bool("list", false, "list the shipped plans and the national levels, then exit")
	dump := fs.Bool("dump", false, "print the JSON of the --builtin plan (a starting point for one's own --plan FILE), then exit")
	retirees := fs.String("retirees", "", "retirees CSV (id,birth_date,retired_date,years,pension[,months,area_class,category,sex]); without it a SYNTHETIC population is generated")
	synthN := fs.Int("synthetic", 10000, "size of the synthetic population when --retirees is not given")
	seed := fs.Uint64("seed", 1, "seed of the synthetic population")
	calibrate := fs.String("calibrate", "", "part id whose parameter to solve for (a fixed, years or percent part)")
	target := fs.String("target", "", "aggregate increase to calibrate to, e.g. 2%")
	step := fs.String("step", "", "grid step of the calibrated parameter (default: 1 yuan for a fixed amount, 0.01 yuan for a per-year rate, 0.01% for a percent)")
	perPerson := fs.String("per-person", "", "write one CSV line per retiree (for the payment system) to FILE")
	workers := fs.Int("workers", 0, "worker goroutines (0 = GOMAXPROCS); the result is the same for any value")
	format := fs.String("format", "text", "output format: text|json")
	failNational := fs.Bool("fail-on-national", false, "exit 1 when the aggregate increase exceeds the national overall level")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "benefitstd plan:", err)
		return exitUsage
	}
	if err := noEmpty(fs, "plan", "builtin", "retirees", "calibrate", "target", "step", "per-person"); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if err := oneOf(fs, "format", *format, "text", "json"); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if *workers < 0 {
		return fail(fmt.Errorf("--workers %d: want 0 (GOMAXPROCS) or more", *workers))
	}
	if *list {
		var b strings.Builder
		listPlans(&b)
		if _, err := io.WriteString(stdout, b.String()); err != nil {
			return fail(err)
		}
		return exitOK
	}
	if (*planFile == "") == (*builtin == "") {
		return fail(errors.New("give exactly one of --plan FILE or --builtin ID (see --list)"))
	}
	if *dump {
		if *builtin == "" {
			return fail(errors.New("--dump needs --builtin ID"))
		}
		b, err := plan.BuiltinJSON(*builtin)
		if err != nil {
			return fail(err)
		}
		if _, err := stdout.Write(b); err != nil {
			return fail(err)
		}
		return exitOK
	}
	if (*calibrate == "") != (*target == "") {
		return fail(errors.New("--calibrate PART and --target PCT go together"))
	}
	if *step != "" && *calibrate == "" {
		return fail(errors.New("--step is the grid of --calibrate; give --calibrate PART --target PCT"))
	}
	if *perPerson != "" && *retirees == "" {
		// A payment file must never be made of generated people, and its
		// fixed columns leave no room to mark them synthetic.
		return fail(errors.New("--per-person needs --retirees FILE: a payment file is not written for a SYNTHETIC population"))
	}
	if *synthN < 1 || *synthN > 10_000_000 {
		return fail(fmt.Errorf("--synthetic %d: want 1 to 10,000,000", *synthN))
	}
	if *perPerson != "" {
		// Tell a bad payment-file path before the population is read.
		if err := checkOutPath("per-person", *perPerson); err != nil {
			return fail(err)
		}
	}

	var p plan.Plan
	var err error
	if *builtin != "" {
		p, err = plan.Builtin(*builtin)
	} else {
		var f *os.File
		if f, err = os.Open(*planFile); err == nil {
			p, err = plan.Load(f, *planFile)
			f.Close()
		}
	}
	if err != nil {
		return fail(err)
	}

	out := planOutput{Plan: planInfo{p.ID, p.Name, p.NameEN, p.Status, p.Citation, p.Note}}
	var src plan.Source
	if *retirees != "" {
		f, err := os.Open(*retirees)
		if err != nil {
			return fail(err)
		}
		defer f.Close()
		src = plan.ReadCSV(f, *retirees)
		out.Population = *retirees
	} else {
		src = plan.Synthetic(*seed, *synthN, p.RetiredBy)
		out.Synthetic = true
		out.Population = fmt.Sprintf("SYNTHETIC: %d generated retirees (seed %d), illustrative only, not real data", *synthN, *seed)
	}
	ctx := context.Background()

	if *calibrate != "" {
		tr, err := benefit.ParseRate(*target)
		if err != nil {
			return fail(fmt.Errorf("--target: %w", err))
		}
		var copt plan.CalibrateOptions
		copt.Workers = *workers
		if *step != "" {
			pt, ok := p.Part(*calibrate)
			switch {
			case !ok:
				return fail(fmt.Errorf("--calibrate: plan %s has no part %q", p.ID, *calibrate))
			case pt.Percent != nil:
				if copt.RateStep, err = benefit.ParseRate(*step); err != nil {
					return fail(fmt.Errorf("--step: %w", err))
				}
				if copt.RateStep.Sign() <= 0 {
					return fail(fmt.Errorf("--step %s: want a step above zero", *step))
				}
			default:
				if copt.AmountStep, err = benefit.ParseAmount(*step); err != nil {
					return fail(fmt.Errorf("--step: %w", err))
				}
				if copt.AmountStep.Sign() <= 0 {
					return fail(fmt.Errorf("--step %s: want a step above zero", *step))
				}
			}
		}
		pop, err := plan.NewPopulation(src)
		if err != nil {
			return fail(err)
		}
		cal, err := plan.Calibrate(ctx, p, pop, *calibrate, tr, copt)
		if err != nil {
			return fail(err)
		}
		out.Calibration = cal
		p, src = cal.Plan, pop
	}

	c, err := plan.NewCalculator(p)
	if err != nil {
		return fail(err)
	}
	opt := plan.Options{Workers: *workers, Synthetic: out.Synthetic}
	var pp *pendingFile
	if *perPerson != "" {
		// The payment file is written to a temporary beside it and renamed
		// into place only when the run is complete and the report rendered.
		if pp, err = createPending("per-person", *perPerson); err != nil {
			return fail(err)
		}
		defer pp.discard()
		opt.PerPerson = pp
	}
	s, err := c.Run(ctx, src, opt)
	if err != nil {
		return fail(err)
	}
	if *retirees != "" && s.Retirees == 0 {
		return fail(fmt.Errorf("%s: no retirees (only a header?)", *retirees))
	}
	out.Summary = s

	var rb strings.Builder
	if *format == "json" {
		enc := json.NewEncoder(&rb)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		err = enc.Encode(out)
	} else {
		err = writePlanText(&rb, p, out)
	}
	if err != nil {
		return fail(err)
	}
	if pp != nil {
		if err := pp.commit(0o600); err != nil {
			return fail(err)
		}
	}
	if _, err := io.WriteString(stdout, rb.String()); err != nil {
		return fail(err)
	}
	if *failNational && s.National != nil && s.National.Exceeds {
		return exitFail
	}
	return exitOK
}

// clip cuts s to at most n display columns, ending it with "…" when cut;
// the --format json output carries the full text.
func clip(s string, n int) string {
	if texttable.Width(s) <= n {
		return s
	}
	var b strings.Builder
	w := 0
	for _, r := range s {
		rw := texttable.Width(string(r))
		if w+rw > n-1 {
			break
		}
		b.WriteRune(r)
		w += rw
	}
	return b.String() + "…"
}

func listPlans(w io.Writer) int {
	t := texttable.Table{Header: []string{"id", "名称", "region", "effective", "status", "parts", "source"}}
	for _, p := range plan.Builtins() {
		ids := make([]string, len(p.Parts))
		for i, pt := range p.Parts {
			ids[i] = pt.ID + ":" + pt.Kind()
		}
		t.Rows = append(t.Rows, []string{p.ID, p.Name, p.Region.String(), p.Effective.String(), p.Status.String(), strings.Join(ids, " "), "[" + p.Citation.Confidence + "] " + p.Citation.URL})
	}
	t.Write(w)
	fmt.Fprintln(w, "\nNational overall levels (全国总体调整水平):")
	nt := texttable.Table{Header: []string{"year", "level", "retired by", "status", "source"}, Right: []bool{false, true}}
	for _, l := range plan.NationalLevels() {
		nt.Rows = append(nt.Rows, []string{strconv.Itoa(l.Year), l.Rate.String(), l.RetiredBy.String(), l.Status.String(), "[" + l.Citation.Confidence + "] " + l.Citation.String()})
	}
	nt.Write(w)
	return exitOK
}

// planYuan formats a for the text output: yuan with two decimals and a
// comma between thousands ("40,244,216.27"); --format json and the
// per-person CSV keep the plain form ("40244216.27").
func planYuan(a benefit.Amount) string { return texttable.Grouped(a.String()) }

// planCount formats a head count with a comma between thousands.
func planCount(n int64) string { return texttable.Grouped(strconv.FormatInt(n, 10)) }

// planShare is part/whole as a percentage rounded half-up to 0.01 %, for
// the text tables; "" when whole is zero.
func planShare(part, whole benefit.Amount) string {
	r, err := part.Ratio(whole, 4, benefit.HalfUp)
	if err != nil {
		return ""
	}
	return r.String()
}

func writePlanText(w io.Writer, p plan.Plan, out planOutput) error {
	s := out.Summary
	if out.Synthetic {
		fmt.Fprintln(w, "*** SYNTHETIC POPULATION: generated retirees, illustrative only; not real costs ***")
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "Plan %s  %s (%s)\n", p.ID, p.Name, p.Status)
	fmt.Fprintf(w, "Source: %s [%s] %s\n", p.Citation, p.Citation.Confidence, p.Citation.URL)
	if p.Note != "" {
		fmt.Fprintf(w, "Note: %s\n", p.Note)
	}
	fmt.Fprintf(w, "\nPopulation: %s\n", out.Population)
	fmt.Fprintf(w, "Retirees %s, eligible %s", planCount(s.Retirees), planCount(s.Eligible))
	for _, r := range s.Ineligible {
		fmt.Fprintf(w, ", not eligible %s: %s", planCount(r.Retirees), r.Reason)
	}
	fmt.Fprintln(w)
	if c := out.Calibration; c != nil {
		fmt.Fprintf(w, "\nCalibration: %s solved for target %s on a grid of %s\n", c.Param, c.Target, c.Step)
		switch {
		case !c.Reached:
			fmt.Fprintf(w, "  NOT REACHED: the other parts alone give %s, above the target; %s set to %s\n", c.Percent, c.Param, c.Value)
		case c.AtLimit:
			fmt.Fprintf(w, "  at the limit: %s = %s still gives only %s\n", c.Param, c.Value, c.Percent)
		default:
			fmt.Fprintf(w, "  %s = %s gives %s (one step more: %s); cost %s a month, %s a year; %d passes\n", c.Part, c.Value, c.Percent, c.NextPercent, planYuan(c.Cost), planYuan(c.AnnualCost), c.Passes)
		}
	}
	fmt.Fprintf(w, "\nTotals of the eligible (yuan):\n")
	exact := "exact"
	if !s.PercentExact {
		exact = "rounded to 0.0001%; compared exactly"
	}
	tt := texttable.Table{Header: []string{"", "a month", "a year (× 12)"}, Right: []bool{false, true, true}}
	for _, r := range []struct {
		name string
		a    benefit.Amount
	}{{"prior pensions", s.PriorTotal}, {"increase", s.Increase}, {"new pensions", s.NewTotal}} {
		tt.Rows = append(tt.Rows, []string{r.name, planYuan(r.a), planYuan(r.a.Mul(12))})
	}
	tt.Write(w)
	fmt.Fprintf(w, "average increase  %s a month per eligible retiree (half-up to the fen)\n", planYuan(s.Average))
	fmt.Fprintf(w, "aggregate         %s of the prior total (%s)\n", s.Percent, exact)
	switch {
	case p.FirstPaid.IsZero():
		fmt.Fprintln(w, "arrears owed      not computed: the plan does not say the first month paid at the new rate")
	case p.FirstPaid == p.Effective:
		fmt.Fprintf(w, "arrears owed      none: paid at the new rate from %s\n", p.Effective)
	default:
		fmt.Fprintf(w, "arrears owed      %s (补发 %s to %s, paid once)\n", planYuan(s.Arrears), p.Effective, p.FirstPaid.AddMonths(-1))
	}
	if n := s.National; n != nil {
		fmt.Fprintf(w, "\nNational overall level %d (全国总体调整水平): %s — %s [%s] %s\n", n.Year, n.Level, n.Citation, n.Citation.Confidence, n.Citation.URL)
		if n.Exceeds {
			fmt.Fprintf(w, "  FINDING: %s\n", n.Finding)
		} else {
			fmt.Fprintf(w, "  within: plan %s ≤ national %s\n", n.Percent, n.Level)
		}
	} else if nl, ok := plan.National(s.Year); ok {
		fmt.Fprintf(w, "\nNational overall level %d (全国总体调整水平): %s — not compared: no eligible retiree with a pension\n", s.Year, nl.Rate)
	} else {
		fmt.Fprintf(w, "\nNational overall level %d: not known to the library\n", s.Year)
	}

	fmt.Fprintln(w, "\nBy part (a month):")
	pt := texttable.Table{Header: []string{"part", "名称", "retirees", "total", "share", "status", "source"}, Right: []bool{false, false, true, true, true}}
	for _, x := range s.Parts {
		pt.Rows = append(pt.Rows, []string{x.ID, x.Name, planCount(x.Retirees), planYuan(x.Total), planShare(x.Total, s.Increase), x.Status.String(), clip("["+x.Citation.Confidence+"] "+x.Citation.Title, 72)})
	}
	pt.Write(w)
	groups := func(title string, gs []plan.GroupTotal) {
		fmt.Fprintf(w, "\n%s:\n", title)
		t := texttable.Table{Header: []string{"group", "retirees", "prior", "increase", "of prior"}, Right: []bool{false, true, true, true, true}}
		for _, g := range gs {
			t.Rows = append(t.Rows, []string{g.Group, planCount(g.Retirees), planYuan(g.Prior), planYuan(g.Increase), planShare(g.Increase, g.Prior)})
		}
		t.Write(w)
	}
	groups("By hardship-area class (艰苦边远地区), a month", s.Areas)
	groups("By age at "+p.AgeAt.String()+", a month", s.Ages)
	if len(s.Percentiles) > 0 {
		fmt.Fprintln(w, "\nIncrease per person, percentiles (nearest rank):")
		var cells []string
		for _, q := range s.Percentiles {
			cells = append(cells, fmt.Sprintf("P%d %s", q.P, planYuan(q.Increase)))
		}
		fmt.Fprintf(w, "  %s\n", strings.Join(cells, "  "))
		fmt.Fprintln(w, "\nHistogram of increases:")
		var most int64
		for _, b := range s.Histogram {
			most = max(most, b.Retirees)
		}
		ht := texttable.Table{Header: []string{"from", "to", "retirees", ""}, Right: []bool{true, true, true}}
		for _, b := range s.Histogram {
			bar := ""
			if most > 0 {
				bar = strings.Repeat("#", int(b.Retirees*40/most))
			}
			ht.Rows = append(ht.Rows, []string{planYuan(b.From), planYuan(b.To), planCount(b.Retirees), bar})
		}
		ht.Write(w)
	}
	if out.Synthetic {
		fmt.Fprintln(w, "\nSYNTHETIC population: the figures above illustrate the plan; they are not real costs.")
	}
	return nil
}
