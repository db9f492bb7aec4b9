package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/outfile"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/plan"
)

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
	bom := fs.Bool("bom", false, "with --per-person: start the CSV with a UTF-8 byte-order mark, for Excel or WPS in a Chinese locale")
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
	// Tell a bad payment-file path, or one that names an input, before
	// anything is read.
	ppPath := outfile.Path{Label: "--per-person", Name: *perPerson}
	if err := checkOutputs([]outfile.Path{ppPath}, []outfile.Path{{Label: "--plan", Name: *planFile}, {Label: "--retirees", Name: *retirees}}); err != nil {
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

	out := output.PlanRun{}
	var src plan.Source
	if *retirees != "" {
		f, err := os.Open(*retirees)
		if err != nil {
			return fail(err)
		}
		defer f.Close()
		src = plan.ReadCSV(f, *retirees, benefit.Limits{})
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
		return fail(err)
	}
	if *retirees != "" && s.Retirees == 0 {
		return fail(fmt.Errorf("%s: no retirees (only a header?)", *retirees))
	}
	out.Plan, out.Report = p, s
	f := output.FormatText
	if *format == "json" {
		f = output.FormatJSON
	}
	report, err := rendered(f, &out, output.Options{})
	if err != nil {
		return fail(err)
	}
	if err := outputs.Commit(); err != nil {
		return fail(err)
	}
	if _, err := stdout.Write(report); err != nil {
		return fail(err)
	}
	if *failNational && s.National != nil && s.National.Exceeds {
		return exitFail
	}
	return exitOK
}
