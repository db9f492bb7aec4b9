package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
	"github.com/benefitstd/benefitstd/internal/outfile"
	"github.com/benefitstd/benefitstd/internal/xlsxin"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/plan"
)

func runPlan(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("plan", stderr)
	planFile := fs.String("plan", "", "plan JSON file")
	builtin := fs.String("builtin", "", "shipped plan id (e.g. shanghai-2024, beijing-2024, shanxi-2025); --list shows them")
	list := fs.Bool("list", false, "list the shipped plans and the national levels, then exit")
	dump := fs.Bool("dump", false, "print the JSON of the --builtin plan (a starting point for one's own --plan FILE), then exit")
	retirees := fs.String("retirees", "", "retirees CSV or Excel workbook (.xlsx) (id,birth_date,retired_date,years,pension[,months,area_class,category,sex]); without it a SYNTHETIC population is generated")
	sheet := fs.String("sheet", "", "with an .xlsx --retirees: the `name` of the sheet to read (default: the first)")
	out := fs.String("out", "", "write the report to `file` (\"-\": standard output, the default)")
	synthN := fs.Int("synthetic", 10000, "size of the synthetic population when --retirees is not given")
	seed := fs.Uint64("seed", 1, "seed of the synthetic population")
	calibrate := fs.String("calibrate", "", "part id whose parameter to solve for (a fixed, years or percent part)")
	target := fs.String("target", "", "aggregate increase to calibrate to, e.g. 2%")
	step := fs.String("step", "", "grid step of the calibrated parameter (default: 1 yuan for a fixed amount, 0.01 yuan for a per-year rate, 0.01% for a percent)")
	perPerson := fs.String("per-person", "", "write one CSV line per retiree (for the payment system) to FILE")
	bom := fs.Bool("bom", false, "with --per-person: start the CSV with a UTF-8 byte-order mark, for Excel or WPS in a Chinese locale")
	workers := fs.Int("workers", 0, "worker goroutines (0 = GOMAXPROCS); the result is the same for any value")
	format := fs.String("format", "text", "output format: text|json|xlsx (xlsx: an Excel workbook with charts, with --out FILE.xlsx)")
	failNational := fs.Bool("fail-on-national", false, "exit 1 when the aggregate increase exceeds the national overall level")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "benefitstd plan:", err)
		return exitUsage
	}
	if err := noEmpty(fs, "plan", "builtin", "retirees", "calibrate", "target", "step", "per-person", "sheet", "out"); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if err := oneOf(fs, "format", *format, "text", "json", "xlsx"); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if _, err := workerCount(*workers); err != nil {
		return fail(err)
	}
	if *list {
		if err := writeStdout(stdout, output.FormatText, &output.PlanList{Plans: plan.Builtins(), National: plan.NationalAdjustments()}); err != nil {
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
	if *bom && *perPerson == "" {
		return fail(errors.New("--bom marks the --per-person CSV for a spreadsheet; give it with --per-person FILE"))
	}
	if *perPerson == "-" {
		return fail(errors.New("--per-person -: the report goes to standard output; give the payment file a name"))
	}
	if *sheet != "" && !isWorkbook(*retirees) {
		return fail(errors.New("--sheet names a sheet of an .xlsx --retirees file"))
	}
	if err := binaryOut(*format, *out, stdout); err != nil {
		return fail(err)
	}
	// Tell a bad output path, or one that names an input, before
	// anything is read.
	ppPath, outPath := outfile.Path{Label: "--per-person", Name: *perPerson}, outfile.Path{Label: "--out", Name: *out}
	if err := checkOutputs([]outfile.Path{ppPath, outPath}, []outfile.Path{{Label: "--plan", Name: *planFile}, {Label: "--retirees", Name: *retirees}}); err != nil {
		return fail(err)
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

	run := output.PlanRun{}
	var src plan.Source
	// locate names the sheet and cell of an error of an .xlsx file.
	locate := func(err error) error { return err }
	// bar shows the reading of a CSV file by its bytes, any other
	// source by the retirees applied (Options.Progress).
	var bar *meter
	byBytes := false
	defer func() { bar.done() }()
	switch {
	case isWorkbook(*retirees):
		s, err := xlsxin.Open(*retirees, xlsxin.Options{Sheet: *sheet, Dates: []string{"birth_date", "retired_date"}})
		if err != nil {
			return fail(err)
		}
		defer s.Close()
		src, locate = plan.ReadCSV(s, *retirees, benefit.Limits{}), s.Locate
		run.Population = *retirees + " (" + input.SheetRef(s.Name()) + ")"
		bar = newMeter(stderr, -1, "applying the plan", "retirees")
	case *retirees != "":
		f, err := os.Open(*retirees)
		if err != nil {
			return fail(err)
		}
		defer f.Close()
		var r io.Reader = f
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			if bar = newMeter(stderr, st.Size(), "reading "+filepath.Base(*retirees), "B"); bar != nil {
				r, byBytes = &countingReader{r: f, m: bar}, true
			}
		}
		src = plan.ReadCSV(r, *retirees, benefit.Limits{})
		run.Population = *retirees
	default:
		src = plan.Synthetic(*seed, *synthN, p.RetiredBy)
		run.Synthetic = true
		run.Population = fmt.Sprintf("SYNTHETIC: %d generated retirees (seed %d), illustrative only, not real data", *synthN, *seed)
		bar = newMeter(stderr, int64(*synthN), "applying the plan", "retirees")
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
			return fail(locate(err))
		}
		cal, err := plan.Calibrate(ctx, p, pop, *calibrate, tr, copt)
		if err != nil {
			return fail(err)
		}
		run.Calibration = cal
		p, src = cal.Plan, pop
		if bar != nil { // the run goes over the population now
			bar.done()
			bar, byBytes = newMeter(stderr, int64(pop.Len()), "applying the plan", "retirees"), false
		}
	}

	c, err := plan.NewCalculator(p)
	if err != nil {
		return fail(err)
	}
	opt := plan.Options{Workers: *workers, Synthetic: run.Synthetic}
	if bar != nil && !byBytes {
		opt.Progress = func(pr plan.Progress) { bar.set(pr.Done) }
	}
	defer outputs.Discard()
	if *perPerson != "" {
		// The payment file is written to a temporary beside it and renamed
		// into place only when the run is complete and the report rendered.
		pp, err := outputs.Create(ppPath.Label, ppPath.Name, 0o600)
		if err != nil {
			return fail(err)
		}
		opt.PerPerson = output.NewPaymentCSV(pp, output.Options{BOM: *bom})
	}
	s, err := c.Run(ctx, src, opt)
	if err != nil {
		return fail(locate(err))
	}
	if *retirees != "" && s.Retirees == 0 {
		return fail(fmt.Errorf("%s: no retirees (only a header?)", *retirees))
	}
	bar.done()
	run.Plan, run.Report = p, s
	report, err := rendered(*format, &run, output.Options{})
	if err != nil {
		return fail(err)
	}
	toOut, err := toFile(outPath, report, 0o644)
	if err != nil {
		return fail(err)
	}
	if err := outputs.Commit(); err != nil {
		return fail(err)
	}
	if !toOut {
		if _, err := stdout.Write(report); err != nil {
			return fail(err)
		}
	}
	if *failNational && s.National != nil && s.National.Exceeds {
		return exitFail
	}
	return exitOK
}
