package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/internal/outfile"
	"github.com/benefitstd/benefitstd/internal/xlsxin"
	"github.com/benefitstd/benefitstd/output"
)

// runCheck checks local levels against the national floors:
//
//	benefitstd check [--levels FILE [--sheet NAME]] [--at YYYY-MM | --from YYYY-MM --to YYYY-MM] [--as-of YYYY-MM]
//	                 [--format text|json|junit|xlsx] [--out FILE] [--fail-on violation|warning] [--pass-through]
//	                 [--floors FILE] [--catalogue FILE] [--regions FILE] [--cost-rules FILE] [--expect FILE]
//
// FILE is CSV (header region,program,dimensions,effective_from,amount,
// per,beneficiaries,source,status, optionally first_paid), an Excel
// workbook (.xlsx: the first sheet, or --sheet NAME, with the same
// header in its first row) or JSON (levels and waivers), told apart by
// its extension; every version states its status. --out writes the
// report to a file (whole or not at all) instead of standard output;
// --format xlsx writes a workbook, to standard output only when it is
// not a terminal. --as-of is the last month whose arrears are
// counted, inclusive (截至月份); it defaults to the current month, the
// only place the clock is read, and every report prints it. --expect
// reads a CSV of expected levels (region,program[,dimensions][,scope]
// [,include_statistical], scope region, counties or prefectures, by the
// divisions' recorded parents; statistical-only units only with
// include_statistical true): each expected region with no level is a
// "missing" finding (应发尽发). --catalogue replaces the
// built-in programme catalogue (项目目录) with a user's own
// (benefit.LoadCatalogue, strict JSON): the levels, the --floors file
// and the check then know its programmes and only those (the national
// floors are kept for programmes it shares with the built-in one).
// --regions adds divisions (historical or new codes) to the embedded
// table from a CSV file (code,name,level,parent[,statistical_only]
// [,name_en]); a region code in the levels or the expectations that is
// in neither is bad input. --cost-rules adds cost-sharing rules (JSON,
// as region/data/fiscal.json) that split the arrears of a programme
// without one (the veterans' benefits). Without --levels it checks the embedded
// ILLUSTRATIVE sample. Exit 0 when no finding reaches --fail-on, 1 when
// one does (--fail-on warning: an unchecked rule or a missing level
// too), 2 on bad input or usage.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	levels := fs.String("levels", "", "levels file, .csv, .xlsx or .json (default: the embedded ILLUSTRATIVE sample)")
	at := fs.String("at", "", "check one month, YYYY-MM")
	from := fs.String("from", "", "first month checked, YYYY-MM")
	to := fs.String("to", "", "first month not checked, YYYY-MM (the window is [from, to))")
	format := fs.String("format", "text", "output format: text|json|junit|xlsx (xlsx: an Excel workbook, with --out FILE.xlsx)")
	out := fs.String("out", "", "write the report to `file` (\"-\": standard output, the default)")
	sheet := fs.String("sheet", "", "with an .xlsx --levels: the `name` of the sheet to read (default: the first)")
	failOn := fs.String("fail-on", "violation", "exit 1 when a finding reaches this severity: violation|warning")
	pass := fs.Bool("pass-through", false, "also require national raises to be passed through in full (rule 4)")
	floorsFile := fs.String("floors", "", "JSON file of further floors (e.g. regional agreements) added to the national ones")
	catFile := fs.String("catalogue", "", "JSON programme catalogue used instead of the built-in one for the levels, --floors and the check")
	asOf := fs.String("as-of", "", "last month whose arrears are counted, inclusive, YYYY-MM (default: the current month)")
	expectFile := fs.String("expect", "", "CSV of expected levels, region,program[,dimensions][,scope][,include_statistical]: each one not given is a finding")
	regionsFile := fs.String("regions", "", "CSV file of further divisions (code,name,level,parent[,statistical_only][,name_en]), e.g. historical codes the levels name")
	costRules := fs.String("cost-rules", "", "JSON file of cost-sharing rules ({\"cost_sharing\": [...]}) added to the embedded ones: splits the arrears of a programme without one (the veterans' benefits)")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if err := noEmpty(fs, "levels", "floors", "catalogue", "regions", "cost-rules", "at", "from", "to", "as-of", "expect", "out", "sheet"); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	for _, c := range []struct {
		name, v string
		allowed []string
	}{
		{"format", *format, []string{"text", "json", "junit", "xlsx"}},
		{"fail-on", *failOn, []string{"violation", "warning"}},
	} {
		if err := oneOf(fs, c.name, c.v, c.allowed...); err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
	}
	if *sheet != "" && !isWorkbook(*levels) {
		fmt.Fprintln(stderr, "benefitstd check: --sheet names a sheet of an .xlsx --levels file")
		return exitUsage
	}
	if err := binaryOut(*format, *out, stdout); err != nil {
		fmt.Fprintln(stderr, "benefitstd check:", err)
		return exitUsage
	}
	outPath := outfile.Path{Label: "--out", Name: *out}
	if err := checkOutputs([]outfile.Path{outPath}, []outfile.Path{{Label: "--levels", Name: *levels}, {Label: "--floors", Name: *floorsFile},
		{Label: "--catalogue", Name: *catFile}, {Label: "--expect", Name: *expectFile}, {Label: "--regions", Name: *regionsFile},
		{Label: "--cost-rules", Name: *costRules}}); err != nil {
		fmt.Fprintln(stderr, "benefitstd check:", err)
		return exitUsage
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
	if *asOf == "" {
		opts.AsOf = benefit.MonthOf(time.Now())
	} else if m, ok := month("as-of", *asOf); ok {
		opts.AsOf = m
	} else {
		return exitUsage
	}
	var setOpts floor.SetOptions
	if *regionsFile != "" || *costRules != "" {
		tab, err := loadTable(*regionsFile, *costRules)
		if err != nil {
			fmt.Fprintln(stderr, "benefitstd check:", oneLine(err))
			return exitUsage
		}
		setOpts.Regions, opts.Regions = tab, tab
	}
	if *catFile != "" {
		cat, err := readCatalogue(*catFile)
		if err != nil {
			fmt.Fprintln(stderr, "benefitstd check:", oneLine(err))
			return exitUsage
		}
		setOpts.Catalogue, opts.Catalogue = cat, cat
	}
	if *floorsFile != "" {
		set, err := readFloors(*floorsFile, setOpts)
		if err != nil {
			fmt.Fprintln(stderr, "benefitstd check:", oneLine(err))
			return exitUsage
		}
		opts.Floors = set
	}
	if *expectFile != "" {
		f, err := os.Open(*expectFile)
		if err == nil {
			opts.Expect, err = floor.ReadExpectations(f, *expectFile, setOpts)
			f.Close()
		}
		if err != nil {
			fmt.Fprintln(stderr, "benefitstd check:", oneLine(err))
			return exitUsage
		}
	}
	in, err := readLevels(*levels, *sheet, setOpts)
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
	if err := writeResult(stdout, outPath, *format, rep, output.Options{}); err != nil {
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

// levelDates are the columns of a levels file that hold months: a date
// in a workbook is read as its first day (YYYY-MM-01, which the levels
// take as the month).
var levelDates = []string{"effective_from", "first_paid"}

func readLevels(path, sheet string, opts floor.SetOptions) (floor.Input, error) {
	if path == "" {
		return floor.Sample(), nil
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".xlsx" {
		s, err := xlsxin.Open(path, xlsxin.Options{Sheet: sheet, Dates: levelDates})
		if err != nil {
			return floor.Input{}, err
		}
		defer s.Close()
		levels, err := floor.ReadCSV(s, path, opts)
		return floor.Input{Levels: levels}, s.Locate(err)
	}
	if ext != ".csv" && ext != ".json" {
		return floor.Input{}, fmt.Errorf("%s: unknown file type %q (want .csv, .xlsx or .json)", path, filepath.Ext(path))
	}
	f, err := os.Open(path)
	if err != nil {
		return floor.Input{}, err
	}
	defer f.Close()
	if ext == ".csv" {
		levels, err := floor.ReadCSV(f, path, opts)
		return floor.Input{Levels: levels}, err
	}
	return floor.ReadJSON(f, path, opts)
}

// oneLine keeps an error message on one line.
func oneLine(err error) string { return strings.ReplaceAll(err.Error(), "\n", "; ") }

// readFloors loads a user's floors (their programmes checked against
// opts.Catalogue) and puts them on top of the national ones.
func readFloors(path string, opts floor.SetOptions) (*floor.Set, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	mine, err := floor.Load(f, path, opts)
	if err != nil {
		return nil, err
	}
	return floor.Default().Merge(mine)
}

// readCatalogue loads a user's programme catalogue.
func readCatalogue(path string) (*benefit.Catalogue, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return benefit.LoadCatalogue(f, path)
}
