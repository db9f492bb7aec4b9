package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
)

// runCheck checks local levels against the national floors:
//
//	benefitstd check [--levels FILE] [--at YYYY-MM | --from YYYY-MM --to YYYY-MM]
//	                 [--format text|json|junit] [--fail-on violation|warning] [--pass-through] [--floors FILE]
//
// FILE is CSV (header region,program,dimensions,effective_from,amount,
// per,beneficiaries,source) or JSON (levels and waivers), told apart by
// its extension. Without --levels it checks the embedded ILLUSTRATIVE
// sample. Exit 0 when no finding reaches --fail-on, 1 when one does, 2 on
// bad input or usage.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	levels := fs.String("levels", "", "levels file, .csv or .json (default: the embedded ILLUSTRATIVE sample)")
	at := fs.String("at", "", "check one month, YYYY-MM")
	from := fs.String("from", "", "first month checked, YYYY-MM")
	to := fs.String("to", "", "first month not checked, YYYY-MM (the window is [from, to))")
	format := fs.String("format", "text", "output format: text|json|junit")
	failOn := fs.String("fail-on", "violation", "exit 1 when a finding reaches this severity: violation|warning")
	pass := fs.Bool("pass-through", false, "also require national raises to be passed through in full (rule 4)")
	floorsFile := fs.String("floors", "", "JSON file of further floors (e.g. regional agreements) added to the national ones")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if err := noEmpty(fs, "levels", "floors", "at", "from", "to"); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	for _, c := range []struct {
		name, v string
		allowed []string
	}{
		{"format", *format, []string{"text", "json", "junit"}},
		{"fail-on", *failOn, []string{"violation", "warning"}},
	} {
		if err := oneOf(fs, c.name, c.v, c.allowed...); err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
	}
	opts := floor.Options{PassThrough: *pass}
	month := func(flagName, s string) (benefit.Month, bool) {
		if s == "" {
			return 0, true
		}
		m, err := benefit.ParseMonth(s)
		if err != nil {
			fmt.Fprintf(stderr, "benefitstd check: --%s: %v\n", flagName, err)
			return 0, false
		}
		return m, true
	}
	switch {
	case *at != "" && (*from != "" || *to != ""):
		fmt.Fprintln(stderr, "benefitstd check: give either --at or --from/--to, not both")
		return exitUsage
	case *at != "":
		m, ok := month("at", *at)
		if !ok {
			return exitUsage
		}
		if m == benefit.NewMonth(benefit.MaxYear, 12) {
			fmt.Fprintf(stderr, "benefitstd check: --at %s: the last month that can be checked is %s\n", m, m.AddMonths(-1))
			return exitUsage
		}
		opts.From, opts.To = m, m.AddMonths(1)
	default:
		var ok1, ok2 bool
		opts.From, ok1 = month("from", *from)
		opts.To, ok2 = month("to", *to)
		if !ok1 || !ok2 {
			return exitUsage
		}
		if !opts.From.IsZero() && !opts.To.IsZero() && opts.To <= opts.From {
			fmt.Fprintf(stderr, "benefitstd check: --to %s is not after --from %s\n", opts.To, opts.From)
			return exitUsage
		}
	}
	if *floorsFile != "" {
		set, err := readFloors(*floorsFile)
		if err != nil {
			fmt.Fprintln(stderr, "benefitstd check:", oneLine(err))
			return exitUsage
		}
		opts.Floors = set
	}
	in, err := readLevels(*levels)
	if err != nil {
		fmt.Fprintln(stderr, "benefitstd check:", oneLine(err))
		return exitUsage
	}
	if len(in.Levels) == 0 {
		fmt.Fprintf(stderr, "benefitstd check: %s: no levels to check\n", *levels)
		return exitUsage
	}
	opts.Waivers = in.Waivers
	rep, err := floor.Check(in.Levels, opts)
	if err != nil {
		fmt.Fprintln(stderr, "benefitstd check:", oneLine(err))
		return exitUsage
	}
	rep.Illustrative, rep.Note = in.Illustrative, in.Note
	switch *format {
	case "json":
		err = rep.WriteJSON(stdout)
	case "junit":
		err = rep.WriteJUnit(stdout)
	default:
		err = rep.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, "benefitstd check:", err)
		return exitUsage
	}
	level := floor.Violation
	if *failOn == "warning" {
		level = floor.Warning
	}
	if rep.Failed(level) {
		return exitFail
	}
	return exitOK
}

func readLevels(path string) (floor.Input, error) {
	if path == "" {
		return floor.Sample(), nil
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".csv" && ext != ".json" {
		return floor.Input{}, fmt.Errorf("%s: unknown file type %q (want .csv or .json)", path, filepath.Ext(path))
	}
	f, err := os.Open(path)
	if err != nil {
		return floor.Input{}, err
	}
	defer f.Close()
	if ext == ".csv" {
		levels, err := floor.ReadCSV(f, path)
		return floor.Input{Levels: levels}, err
	}
	return floor.ReadJSON(f, path)
}

// oneLine keeps an error message on one line.
func oneLine(err error) string { return strings.ReplaceAll(err.Error(), "\n", "; ") }

// readFloors loads a user's floors and puts them on top of the national
// ones.
func readFloors(path string) (*floor.Set, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	mine, err := floor.Load(f, path)
	if err != nil {
		return nil, err
	}
	return floor.Default().Merge(mine)
}
