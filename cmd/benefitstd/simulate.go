package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/outfile"
	"github.com/benefitstd/benefitstd/output"
)

// runSimulate runs an adjustment scenario (the embedded illustrative
// default when --scenario is not given) and writes the result as a text
// table (one row per region; --detail: per region and year), CSV, JSON
// or an Excel workbook (--format xlsx, or an --out ending in .xlsx: the
// tables with native charts); --compare runs a second scenario and
// writes the differences; --sweep runs the scenario once per value of
// one parameter; --chart (or an --out ending in .svg) writes an SVG
// chart. --regions adds divisions the scenarios may name (historical
// codes). A bar on standard error shows the progress of the regions
// when standard error is a terminal; --progress reports it as lines
// anywhere. Ctrl-C stops a long run (main: no output file is left
// behind).
func runSimulate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("simulate", stderr)
	scenario := fs.String("scenario", "", "scenario JSON `file` (default: the embedded ILLUSTRATIVE default scenario)")
	format := fs.String("format", "table", "output format: table|csv|json|xlsx (csv, json and xlsx carry exact yuan; xlsx is an Excel workbook with charts)")
	detail := fs.Bool("detail", false, "with --format table: one row per region and year instead of one per region")
	compare := fs.String("compare", "", "second scenario JSON `file`; writes its differences from --scenario")
	out := fs.String("out", "", "write the output to `file` (\"-\": standard output, the default); a name ending in .svg writes the chart, in .xlsx a workbook")
	chart := fs.String("chart", "", "also write an SVG chart of the levels and the national floor to `file`")
	sweep := fs.String("sweep", "", "JSON `path` of the parameter to sweep: "+sweepNames)
	values := fs.String("values", "", "values for --sweep: a comma list (\"1%,2%,3%\") or, for an amount, a range from:to:step (\"0:100:5\")")
	workers := fs.Int("workers", 0, "regions run in parallel (0: GOMAXPROCS); the output does not depend on it")
	progress := fs.Bool("progress", false, "report progress on standard error as lines (a terminal shows a bar without it)")
	printDefault := fs.Bool("print-default", false, "print the embedded default scenario's JSON and exit")
	regionsFile := fs.String("regions", "", "CSV `file` of further divisions (code,name,level,parent[,statistical_only][,name_en]), e.g. historical codes the scenario names")
	bom := fs.Bool("bom", false, "with --format csv: start with a UTF-8 byte-order mark, for Excel or WPS in a Chinese locale")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if err := noEmpty(fs, "scenario", "compare", "out", "chart", "sweep", "values", "regions"); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if err := oneOf(fs, "format", *format, "table", "csv", "json", "xlsx"); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if *workers < 0 {
		fmt.Fprintf(stderr, "benefitstd simulate: --workers %d: want 0 (GOMAXPROCS) or more\n", *workers)
		return exitUsage
	}
	if *printDefault {
		if _, err := stdout.Write(adjust.DefaultScenarioJSON()); err != nil {
			fmt.Fprintln(stderr, "benefitstd simulate:", err)
			return exitUsage
		}
		return exitOK
	}
	if (*sweep == "") != (*values == "") {
		fmt.Fprintln(stderr, "benefitstd simulate: --sweep and --values go together")
		return exitUsage
	}
	if *sweep != "" && (*compare != "" || *chart != "") {
		fmt.Fprintln(stderr, "benefitstd simulate: --sweep cannot be combined with --compare or --chart")
		return exitUsage
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "benefitstd simulate: %v\n", err)
		return exitUsage
	}
	svgOut := strings.HasSuffix(strings.ToLower(*out), ".svg")
	if svgOut && (*compare != "" || *sweep != "") {
		fmt.Fprintln(stderr, "benefitstd simulate: an --out ending in .svg charts a plain run; with --compare use --chart")
		return exitUsage
	}
	if svgOut && flagGiven(fs, "format") {
		fmt.Fprintf(stderr, "benefitstd simulate: --format %s does not apply to an --out ending in .svg (it writes the chart)\n", *format)
		return exitUsage
	}
	if isWorkbook(*out) && !flagGiven(fs, "format") {
		*format = output.FormatXLSX
	}
	if err := binaryOut(*format, *out, stdout); err != nil {
		return fail(err)
	}
	if *bom && *format != "csv" {
		fmt.Fprintln(stderr, "benefitstd simulate: --bom marks CSV for a spreadsheet; give it with --format csv")
		return exitUsage
	}
	if *out == "-" && *chart == "-" {
		fmt.Fprintln(stderr, "benefitstd simulate: --out - and --chart - cannot both be standard output")
		return exitUsage
	}
	// Tell a bad output path, or one that names an input, before anything
	// is read.
	outs := []outfile.Path{{Label: "--out", Name: *out}, {Label: "--chart", Name: *chart}}
	if err := checkOutputs(outs, []outfile.Path{{Label: "--scenario", Name: *scenario}, {Label: "--compare", Name: *compare}, {Label: "--regions", Name: *regionsFile}}); err != nil {
		return fail(err)
	}
	tab, err := loadRegions(*regionsFile)
	if err != nil {
		return fail(err)
	}
	opts := adjust.Options{Workers: *workers, Regions: tab}
	a, err := loadScenario(*scenario, opts)
	if err != nil {
		return fail(err)
	}
	ctx := context.Background()
	var param adjust.SweepParam
	var nvals int
	if *sweep != "" {
		if param, nvals, err = sweepParam(*sweep, *values); err != nil {
			return fail(err)
		}
	}
	if *progress {
		opts.Progress = progressTo(stderr)
	} else if isTerminal(stderr) {
		runs := 1
		switch {
		case *sweep != "":
			runs = nvals
		case *compare != "":
			runs = 2
		}
		bar := &runsBar{stderr: stderr, runs: runs}
		opts.Progress = bar.report
		defer func() { bar.m.done() }()
	}

	// The result and the format that renders it, and the run to chart.
	var res any
	var ra *adjust.Result
	switch {
	case *sweep != "":
		if res, err = adjust.Sweep(ctx, a, param, opts); err != nil {
			return fail(err)
		}
	case *compare != "":
		b, err := loadScenario(*compare, opts)
		if err != nil {
			return fail(err)
		}
		if ra, err = adjust.Run(ctx, a, opts); err != nil {
			return fail(err)
		}
		rb, err := adjust.Run(ctx, b, opts)
		if err != nil {
			return fail(err)
		}
		res = adjust.Compare(ra, rb)
	default:
		if ra, err = adjust.Run(ctx, a, opts); err != nil {
			return fail(err)
		}
		res = ra
	}
	if *chart != "" && ra == nil {
		fmt.Fprintln(stderr, "benefitstd simulate: --chart needs a plain run or --compare (it charts --scenario)")
		return exitUsage
	}
	f := *format
	switch {
	case svgOut:
		f = output.FormatSVG
	case f == "table":
		f = output.FormatText
	}
	ropts := output.Options{Detail: *detail, BOM: *bom}
	body, err := rendered(f, res, ropts)
	if err != nil {
		return fail(err)
	}
	var svg []byte
	if *chart != "" {
		if svg, err = rendered(output.FormatSVG, ra, ropts); err != nil {
			return fail(err)
		}
	}
	// Both files are written to temporaries and renamed into place only
	// when both are complete: a failure leaves neither behind.
	defer outputs.Discard()
	var toStdout []byte
	for _, o := range []struct {
		p    outfile.Path
		data []byte
	}{{outs[0], body}, {outs[1], svg}} {
		if o.data == nil {
			continue
		}
		if file, err := toFile(o.p, o.data, 0o644); err != nil {
			return fail(err)
		} else if !file {
			toStdout = o.data
		}
	}
	if err := outputs.Commit(); err != nil {
		return fail(err)
	}
	if _, err := stdout.Write(toStdout); err != nil {
		return fail(err)
	}
	if *out == "" && *format == "table" && *sweep == "" && *compare == "" && !*detail {
		fmt.Fprintln(stderr, "benefitstd simulate: --detail for every region and year, --format csv for a spreadsheet, --out levels.svg for a chart")
	}
	return exitOK
}

// progressTo reports a run's progress on w at every tenth of the regions
// (Options.Progress calls it from one goroutine at a time).
func progressTo(w io.Writer) func(adjust.Progress) {
	return func(p adjust.Progress) {
		if p.Done == p.Total || p.Done*10/p.Total != (p.Done-1)*10/p.Total {
			fmt.Fprintf(w, "benefitstd simulate: %d of %d regions\n", p.Done, p.Total)
		}
	}
}

// A runsBar shows the progress of one or more runs of a simulation (a
// sweep's values, a comparison's two scenarios) on one meter of every
// region of every run, made at the first report, when the number of
// regions is known.
type runsBar struct {
	stderr    io.Writer
	runs      int
	m         *meter
	run, last int
}

// report is the adjust.Options.Progress of the runs: a report of fewer
// regions done than the last one starts the next run.
func (b *runsBar) report(p adjust.Progress) {
	if b.m == nil {
		b.m = newMeter(b.stderr, int64(b.runs*p.Total), "simulating", "regions")
	}
	if p.Done <= b.last {
		b.run++
	}
	b.last = p.Done
	b.m.set(int64(b.run*p.Total + p.Done))
}

func loadScenario(name string, opts adjust.Options) (adjust.Scenario, error) {
	if name == "" {
		return adjust.DefaultScenario()
	}
	f, err := os.Open(name)
	if err != nil {
		return adjust.Scenario{}, err
	}
	defer f.Close()
	return adjust.LoadScenario(f, name, opts)
}

// sweepNames lists the parameters --sweep takes, by their JSON path in
// the scenario.
const sweepNames = "rule.amount, rule.percent (or rule.parts[i].amount, rule.parts[i].percent of a sum rule), " +
	"constraints.fiscal_cap.percent, constraints.max_step_percent, floor.projection.step"

var rulePart = regexp.MustCompile(`^rule\.((?:parts\[\d{1,4}\]\.)*)(amount|percent)$`)

// sweepParam maps --sweep name and --values list to the parameter of
// package adjust, and the number of its values: a comma list
// ("1%,2%,3%") or, for an amount, a range "from:to:step".
func sweepParam(name, list string) (adjust.SweepParam, int, error) {
	var amounts func(...benefit.Amount) adjust.SweepParam
	var rates func(...benefit.Rate) adjust.SweepParam
	var parts []int
	switch name {
	case "constraints.fiscal_cap.percent":
		rates = adjust.SweepFiscalCapPercent
	case "constraints.max_step_percent":
		rates = adjust.SweepMaxStepPercent
	case "floor.projection.step":
		amounts = adjust.SweepFloorStep
	default:
		m := rulePart.FindStringSubmatch(name)
		if m == nil {
			return adjust.SweepParam{}, 0, fmt.Errorf("--sweep %s: not a parameter that can be swept (want %s)", name, sweepNames)
		}
		for _, p := range strings.Split(strings.TrimSuffix(m[1], "."), ".") {
			if p != "" {
				n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(p, "parts["), "]")) // at most 4 digits
				parts = append(parts, n)
			}
		}
		if m[2] == "amount" {
			amounts = adjust.SweepRuleAmount
		} else {
			rates = adjust.SweepRulePercent
		}
	}
	var p adjust.SweepParam
	var n int
	if amounts != nil {
		vals, err := sweepAmounts(name, list)
		if err != nil {
			return adjust.SweepParam{}, 0, err
		}
		p, n = amounts(vals...), len(vals)
	} else {
		var vals []benefit.Rate
		for _, s := range strings.Split(list, ",") {
			if s = strings.TrimSpace(s); s != "" {
				r, err := benefit.ParseRate(s)
				if err != nil {
					return adjust.SweepParam{}, 0, fmt.Errorf("--sweep %s --values %q: %w", name, list, err)
				}
				vals = append(vals, r)
			}
		}
		if len(vals) == 0 {
			return adjust.SweepParam{}, 0, fmt.Errorf("--values %q: no values (%s is a rate: give a comma list such as 1%%,2%%,3%%)", list, name)
		}
		p, n = rates(vals...), len(vals)
	}
	for _, i := range parts {
		p = p.InPart(i)
	}
	return p, n, nil
}

// sweepAmounts parses "a,b,c" or an amount range "from:to:step".
func sweepAmounts(name, s string) ([]benefit.Amount, error) {
	if parts := strings.Split(s, ":"); len(parts) == 3 {
		var am [3]benefit.Amount
		for i, p := range parts {
			a, err := benefit.ParseAmount(strings.TrimSpace(p))
			if err != nil {
				return nil, fmt.Errorf("--values %q: %w", s, err)
			}
			am[i] = a
		}
		if am[0].Cmp(am[1]) > 0 {
			return nil, fmt.Errorf("--values %q: the range runs from %s down to %s; want from ≤ to", s, am[0], am[1])
		}
		vals, err := adjust.AmountRange(am[0], am[1], am[2])
		if err != nil {
			return nil, fmt.Errorf("--values %q: %w", s, err)
		}
		return vals, nil
	}
	var out []benefit.Amount
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			a, err := benefit.ParseAmount(p)
			if err != nil {
				return nil, fmt.Errorf("--sweep %s --values %q: %w", name, s, err)
			}
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--values %q: no values", s)
	}
	return out, nil
}
