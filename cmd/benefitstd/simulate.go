package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/columns"
	"github.com/benefitstd/benefitstd/compare"
	"github.com/benefitstd/benefitstd/internal/outfile"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/scenario"
)

// runSimulate runs an adjustment scenario (the embedded illustrative
// default when --scenario is not given, a shipped one with --scenario
// builtin:NAME, --list lists them; a scenario over every column of a
// national table with --counts or builtin:veterans) and writes the result as a text
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
	scenarioFile := fs.String("scenario", "", "scenario JSON `file`, or builtin:NAME for a shipped one (--list; default: builtin:residents-pension, ILLUSTRATIVE)")
	list := fs.Bool("list", false, "list the shipped scenarios (name, domain, description, which figures are real and which illustrative) and exit")
	format := fs.String("format", "table", "output format: table|csv|json|xlsx (csv, json and xlsx carry exact yuan; xlsx is an Excel workbook with charts)")
	detail := fs.Bool("detail", false, "with --format table: one row per region and year instead of one per region")
	compareFile := fs.String("compare", "", "second scenario JSON `file`; writes its differences from --scenario")
	out := fs.String("out", "", "write the output to `file` (\"-\": standard output, the default); a name ending in .svg writes the chart, in .xlsx a workbook")
	chart := fs.String("chart", "", "also write an SVG chart of the levels and the national floor to `file`")
	sweep := fs.String("sweep", "", "JSON `path` of the parameter to sweep: "+sweepNames)
	values := fs.String("values", "", "values for --sweep: a comma list (\"1%,2%,3%\") or, for an amount, a range from:to:step (\"0:100:5\")")
	workers := fs.Int("workers", 0, "regions run in parallel (0: GOMAXPROCS); the output does not depend on it")
	progress := fs.Bool("progress", false, "report progress on standard error as lines (a terminal shows a bar without it)")
	printDefault := fs.Bool("print-default", false, "print the embedded default scenario's JSON (or --scenario builtin:NAME's) and exit")
	regionsFile := fs.String("regions", "", "CSV `file` of further divisions (code,name,level,parent[,statistical_only][,name_en]), e.g. historical codes the scenario names")
	countsFile := fs.String("counts", "", "CSV `file` of beneficiaries per region and column (region,grade,cause,beneficiaries[,level]) for a scenario over every column of a national table, such as builtin:veterans")
	costRules := fs.String("cost-rules", "", "JSON `file` of cost-sharing rules ({\"cost_sharing\": [...]}, as region/data/fiscal.json) added to the embedded ones or replacing them per programme")
	bom := fs.Bool("bom", false, "with --format csv: start with a UTF-8 byte-order mark, for Excel or WPS in a Chinese locale")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if err := noEmpty(fs, "scenario", "compare", "out", "chart", "sweep", "values", "regions", "cost-rules", "counts"); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if err := oneOf(fs, "format", *format, "table", "csv", "json", "xlsx"); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if _, err := workerCount(*workers); err != nil {
		fmt.Fprintln(stderr, "benefitstd simulate:", err)
		return exitUsage
	}
	if *list {
		if _, err := io.WriteString(stdout, builtinList()); err != nil {
			fmt.Fprintln(stderr, "benefitstd simulate:", err)
			return exitUsage
		}
		return exitOK
	}
	if *printDefault {
		b, ok, err := builtinFlag(*scenarioFile)
		if err == nil && !ok {
			b, err = scenario.Builtin(defaultBuiltin)
		}
		if err != nil {
			fmt.Fprintln(stderr, "benefitstd simulate:", err)
			return exitUsage
		}
		if _, err := stdout.Write(b.JSON()); err != nil {
			fmt.Fprintln(stderr, "benefitstd simulate:", err)
			return exitUsage
		}
		return exitOK
	}
	if (*sweep == "") != (*values == "") {
		fmt.Fprintln(stderr, "benefitstd simulate: --sweep and --values go together")
		return exitUsage
	}
	if *sweep != "" && (*compareFile != "" || *chart != "") {
		fmt.Fprintln(stderr, "benefitstd simulate: --sweep cannot be combined with --compare or --chart")
		return exitUsage
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "benefitstd simulate: %v\n", err)
		return exitUsage
	}
	svgOut := strings.HasSuffix(strings.ToLower(*out), ".svg")
	if svgOut && (*compareFile != "" || *sweep != "") {
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
	if err := checkOutputs(outs, []outfile.Path{{Label: "--scenario", Name: *scenarioFile}, {Label: "--compare", Name: *compareFile}, {Label: "--regions", Name: *regionsFile}, {Label: "--cost-rules", Name: *costRules}, {Label: "--counts", Name: *countsFile}}); err != nil {
		return fail(err)
	}
	tab, err := loadTable(*regionsFile, *costRules)
	if err != nil {
		return fail(err)
	}
	opts := adjust.Options{Workers: *workers, Regions: tab}
	// A scenario over every column of a national table (package
	// columns): a builtin of that kind, one given --counts, or a
	// file with counts of its own.
	isCols := *countsFile != ""
	if b, ok, _ := builtinFlag(*scenarioFile); ok && b.Kind == scenario.KindColumns {
		isCols = true
	}
	var a scenario.Scenario
	if !isCols {
		a, err = loadScenario(*scenarioFile, opts)
		if re, ok := errors.AsType[*benefit.RecordError](err); ok && re.Field == "counts" && *scenarioFile != "" && !strings.HasPrefix(*scenarioFile, builtinPrefix) {
			isCols, err = true, nil
		}
		if err != nil {
			return fail(err)
		}
	}
	var cs columns.Scenario
	if isCols {
		if *sweep != "" || *compareFile != "" || *chart != "" || svgOut || *detail {
			fmt.Fprintln(stderr, "benefitstd simulate: a scenario over a table's columns runs alone: no --sweep, --compare, --chart, .svg or --detail")
			return exitUsage
		}
		if cs, err = loadColumns(*scenarioFile, *countsFile, opts); err != nil {
			return fail(err)
		}
	}
	ctx := context.Background()
	var param compare.Param
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
		case isCols:
			runs = columnCount(cs) // one run per column
		case *sweep != "":
			runs = nvals
		case *compareFile != "":
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
	case isCols:
		if res, err = columns.Run(ctx, cs, opts); err != nil {
			return fail(err)
		}
	case *sweep != "":
		if res, err = compare.Sweep(ctx, a, param, opts); err != nil {
			return fail(err)
		}
	case *compareFile != "":
		b, err := loadScenario(*compareFile, opts)
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
		res = compare.Results(ra, rb)
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
	if *out == "" && *format == "table" && *sweep == "" && *compareFile == "" && !*detail && !isCols {
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

// columnCount returns the number of columns a table scenario runs: one
// per column its counts name.
func columnCount(s columns.Scenario) int {
	seen := map[benefit.Dims]bool{}
	for _, c := range s.Counts {
		seen[c.Dims] = true
	}
	return max(len(seen), 1)
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

func loadScenario(name string, opts adjust.Options) (scenario.Scenario, error) {
	if name == "" {
		name = builtinPrefix + defaultBuiltin
	}
	if b, ok, err := builtinFlag(name); err != nil {
		return scenario.Scenario{}, err
	} else if ok {
		if b.Kind != scenario.KindScenario {
			_, err := b.Scenario() // names the kind
			return scenario.Scenario{}, err
		}
		return adjust.LoadScenario(bytes.NewReader(b.JSON()), b.Path(), opts)
	}
	f, err := os.Open(name)
	if err != nil {
		return scenario.Scenario{}, err
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
func sweepParam(name, list string) (compare.Param, int, error) {
	var amounts func(...benefit.Amount) compare.Param
	var rates func(...benefit.Rate) compare.Param
	var parts []int
	switch name {
	case "constraints.fiscal_cap.percent":
		rates = compare.FiscalCapPercent
	case "constraints.max_step_percent":
		rates = compare.MaxStepPercent
	case "floor.projection.step":
		amounts = compare.FloorStep
	default:
		m := rulePart.FindStringSubmatch(name)
		if m == nil {
			return compare.Param{}, 0, fmt.Errorf("--sweep %s: not a parameter that can be swept (want %s)", name, sweepNames)
		}
		for _, p := range strings.Split(strings.TrimSuffix(m[1], "."), ".") {
			if p != "" {
				n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(p, "parts["), "]")) // at most 4 digits
				parts = append(parts, n)
			}
		}
		if m[2] == "amount" {
			amounts = compare.RuleAmount
		} else {
			rates = compare.RulePercent
		}
	}
	var p compare.Param
	var n int
	if amounts != nil {
		vals, err := sweepAmounts(name, list)
		if err != nil {
			return compare.Param{}, 0, err
		}
		p, n = amounts(vals...), len(vals)
	} else {
		var vals []benefit.Rate
		for _, s := range strings.Split(list, ",") {
			if s = strings.TrimSpace(s); s != "" {
				r, err := benefit.ParseRate(s)
				if err != nil {
					return compare.Param{}, 0, fmt.Errorf("--sweep %s --values %q: %w", name, list, err)
				}
				vals = append(vals, r)
			}
		}
		if len(vals) == 0 {
			return compare.Param{}, 0, fmt.Errorf("--values %q: no values (%s is a rate: give a comma list such as 1%%,2%%,3%%)", list, name)
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
		vals, err := compare.AmountRange(am[0], am[1], am[2])
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

// loadColumns reads a scenario over every column of a national table:
// the builtin or the file name names, with the counts of countsFile when
// given.
func loadColumns(name, countsFile string, opts adjust.Options) (columns.Scenario, error) {
	var s columns.Scenario
	b, ok, err := builtinFlag(name)
	switch {
	case err != nil:
		return s, err
	case ok && b.Kind != scenario.KindColumns:
		return s, fmt.Errorf("--counts: %s is a %s, not a scenario over a table's columns", name, b.Kind)
	case ok:
		s, err = columns.Builtin(b, opts)
	case name == "":
		return s, errors.New("--counts needs --scenario: a scenario over a table's columns (such as builtin:veterans)")
	default:
		var f *os.File
		if f, err = os.Open(name); err != nil {
			return s, err
		}
		defer f.Close()
		s, err = columns.LoadScenario(f, name, opts)
	}
	if err != nil || countsFile == "" {
		return s, err
	}
	prog, err := benefit.DefaultCatalogue().Program(s.Program)
	if err != nil {
		return s, fmt.Errorf("%s: %w", name, err)
	}
	f, err := os.Open(countsFile)
	if err != nil {
		return s, err
	}
	defer f.Close()
	if s.Counts, err = columns.ReadCounts(f, countsFile, prog, opts.Limits); err != nil {
		return s, err
	}
	return s, s.Validate(opts)
}

// builtinPrefix marks a shipped scenario in --scenario and --compare.
const builtinPrefix = "builtin:"

// defaultBuiltin is the shipped scenario simulate runs, and
// --print-default prints, without --scenario.
const defaultBuiltin = "residents-pension"

// builtinFlag returns the shipped scenario a flag value names
// ("builtin:veterans"), false for a file name, and an error naming the
// shipped ones for an unknown name.
func builtinFlag(v string) (scenario.Shipped, bool, error) {
	name, ok := strings.CutPrefix(v, builtinPrefix)
	if !ok {
		return scenario.Shipped{}, false, nil
	}
	b, err := scenario.Builtin(name)
	if err != nil {
		return b, false, fmt.Errorf("--scenario %s: %w; see --list", v, err)
	}
	return b, true, nil
}

// builtinList describes the shipped scenarios: per scenario its name,
// domain and description, then each group of figures marked real (with
// its source) or ILLUSTRATIVE.
func builtinList() string {
	var b strings.Builder
	b.WriteString("Shipped scenarios (run one with --scenario builtin:NAME; --print-default prints its JSON):\n")
	for _, s := range scenario.Builtins() {
		mark := "real data"
		if s.Illustrative() {
			mark = "ILLUSTRATIVE in part"
		}
		fmt.Fprintf(&b, "\n%s  [%s; %s]\n  %s\n", s.Name, s.Domain, mark, s.Description)
		for _, f := range s.Figures {
			m := "real        "
			if !f.Real {
				m = "ILLUSTRATIVE"
			}
			fmt.Fprintf(&b, "  - %s  %s: %s\n", m, f.What, f.Source)
		}
	}
	return b.String()
}
