package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
)

// runSimulate runs an adjustment scenario (the embedded illustrative
// default when --scenario is not given) and writes the result as a text
// table, CSV or JSON; --compare runs a second scenario and writes the
// differences; --sweep runs the scenario once per value of one
// parameter; --chart (or an --out ending in .svg) writes an SVG chart.
func runSimulate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("simulate", stderr)
	scenario := fs.String("scenario", "", "scenario JSON `file` (default: the embedded ILLUSTRATIVE default scenario)")
	format := fs.String("format", "table", "output format: table|csv|json")
	compare := fs.String("compare", "", "second scenario JSON `file`; writes its differences from --scenario")
	out := fs.String("out", "", "write the output to `file` instead of standard output; a name ending in .svg writes the chart")
	chart := fs.String("chart", "", "also write an SVG chart of the levels and the national floor to `file`")
	sweep := fs.String("sweep", "", "JSON `path` of a parameter to sweep, e.g. rule.amount or constraints.fiscal_cap.percent")
	values := fs.String("values", "", "values for --sweep: a comma list (\"1%,2%,3%\") or an amount range from:to:step (\"0:100:5\")")
	workers := fs.Int("workers", 0, "regions run in parallel (0: GOMAXPROCS); the output does not depend on it")
	printDefault := fs.Bool("print-default", false, "print the embedded default scenario's JSON and exit")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if err := oneOf(fs, "format", *format, "table", "csv", "json"); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if *printDefault {
		_, _ = stdout.Write(adjust.DefaultScenarioJSON())
		return exitOK
	}
	if (*sweep == "") != (*values == "") {
		fmt.Fprintln(stderr, "benefitstd simulate: --sweep and --values go together")
		return exitUsage
	}
	if *sweep != "" && *compare != "" {
		fmt.Fprintln(stderr, "benefitstd simulate: --sweep and --compare cannot be combined")
		return exitUsage
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "benefitstd simulate: %v\n", err)
		return exitUsage
	}
	a, err := loadScenario(*scenario)
	if err != nil {
		return fail(err)
	}
	ctx := context.Background()
	opts := adjust.Options{Workers: *workers}

	var buf bytes.Buffer
	svgOut := strings.HasSuffix(strings.ToLower(*out), ".svg")
	var ra *adjust.Result
	switch {
	case *sweep != "":
		vals, err := sweepValues(*values)
		if err != nil {
			return fail(err)
		}
		pts, err := adjust.Sweep(ctx, a, *sweep, vals, opts)
		if err != nil {
			return fail(err)
		}
		if err := writeSweep(&buf, *format, *sweep, a, pts); err != nil {
			return fail(err)
		}
	case *compare != "":
		b, err := loadScenario(*compare)
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
		c := adjust.Compare(ra, rb)
		switch *format {
		case "csv":
			err = c.WriteCSV(&buf)
		case "json":
			err = c.WriteJSON(&buf)
		default:
			err = c.WriteText(&buf)
		}
		if err != nil {
			return fail(err)
		}
	default:
		if ra, err = adjust.Run(ctx, a, opts); err != nil {
			return fail(err)
		}
		switch {
		case svgOut:
			err = ra.WriteSVG(&buf)
		case *format == "csv":
			err = ra.WriteCSV(&buf)
		case *format == "json":
			err = ra.WriteJSON(&buf)
		default:
			err = ra.WriteText(&buf)
		}
		if err != nil {
			return fail(err)
		}
	}
	if *chart != "" {
		if ra == nil {
			fmt.Fprintln(stderr, "benefitstd simulate: --chart needs a plain run or --compare (it charts --scenario)")
			return exitUsage
		}
		var cb bytes.Buffer
		if err := ra.WriteSVG(&cb); err != nil {
			return fail(err)
		}
		if err := os.WriteFile(*chart, cb.Bytes(), 0o644); err != nil {
			return fail(err)
		}
	}
	if *out != "" {
		if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
			return fail(err)
		}
		return exitOK
	}
	if _, err := stdout.Write(buf.Bytes()); err != nil {
		return exitFail
	}
	return exitOK
}

func loadScenario(name string) (adjust.Scenario, error) {
	if name == "" {
		return adjust.DefaultScenario()
	}
	f, err := os.Open(name)
	if err != nil {
		return adjust.Scenario{}, err
	}
	defer f.Close()
	return adjust.LoadScenario(f, name)
}

// sweepValues parses "a,b,c" or an amount range "from:to:step".
func sweepValues(s string) ([]string, error) {
	if parts := strings.Split(s, ":"); len(parts) == 3 {
		var am [3]benefit.Amount
		for i, p := range parts {
			a, err := benefit.ParseAmount(strings.TrimSpace(p))
			if err != nil {
				return nil, fmt.Errorf("--values %q: %w", s, err)
			}
			am[i] = a
		}
		return adjust.Values(am[0], am[1], am[2])
	}
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--values %q: no values", s)
	}
	return out, nil
}
