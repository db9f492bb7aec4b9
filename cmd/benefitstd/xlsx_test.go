package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// toWorkbook writes the CSV file testdata/name as a person would type it
// into Excel, to dir/<name>.xlsx on a sheet named sheet: a plain number
// becomes a number cell, a date or a month in a date column a date cell
// (Excel's serial: days since 1899-12-30, formatted yyyy-mm-dd), any
// other field text. edit changes cells after (ref → value), e.g. to put
// a bad value in.
func toWorkbook(t *testing.T, dir, name, sheet string, dates []string, edit map[string]any) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	if err != nil {
		t.Fatal(err)
	}
	set := func(ref string, v any) {
		var err error
		switch v := v.(type) {
		case time.Time:
			serial := v.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
			if err = f.SetCellValue(sheet, ref, serial); err == nil {
				err = f.SetCellStyle(sheet, ref, ref, dateStyle)
			}
		default:
			err = f.SetCellValue(sheet, ref, v)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	for r, rec := range recs {
		for c, field := range rec {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			isDate := r > 0 && contains(dates, recs[0][c])
			switch d, err := time.Parse("2006-01-02", field); {
			case field == "":
			case isDate && err == nil:
				set(ref, d)
			case isDate:
				m, err := time.Parse("2006-01", field)
				if err != nil {
					t.Fatalf("%s: %q is not a month", ref, field)
				}
				set(ref, m)
			default:
				if n, err := strconv.ParseFloat(field, 64); err == nil && r > 0 {
					set(ref, n)
				} else {
					set(ref, field)
				}
			}
		}
	}
	for ref, v := range edit {
		set(ref, v)
	}
	path := filepath.Join(dir, strings.TrimSuffix(name, ".csv")+".xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func ptr[T any](v T) *T { return &v }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var update = flag.Bool("update", false, "rewrite the shipped workbooks in testdata from their CSV files")

// The workbooks the README's examples read, each made from the CSV file
// of its name by toWorkbook, on the sheet named.
var shippedWorkbooks = []struct {
	csv, sheet string
	dates      []string
}{
	{"check_exampleB.csv", "水平", levelDates},
	{"plan_retirees.csv", "退休人员", []string{"birth_date", "retired_date"}},
}

// Each shipped workbook holds its CSV's cells as toWorkbook types them
// (go test -update rewrites it).
func TestShippedWorkbooks(t *testing.T) {
	dir := t.TempDir()
	for _, w := range shippedWorkbooks {
		made := toWorkbook(t, dir, w.csv, w.sheet, w.dates, nil)
		shipped := filepath.Join("testdata", filepath.Base(made))
		if *update {
			b, err := os.ReadFile(made)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(shipped, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if a, b := workbookCells(t, made, w.sheet), workbookCells(t, shipped, w.sheet); a != b {
			t.Errorf("%s is not %s as a workbook (go test -update rewrites it):\n%s\nwant\n%s", shipped, w.csv, b, a)
		}
	}
}

// workbookCells returns the raw values and number formats of a sheet's
// cells, one line a row.
func workbookCells(t *testing.T, path, sheet string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for r, row := range rows {
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			typ, _ := f.GetCellType(sheet, ref)
			shown, _ := f.GetCellValue(sheet, ref)
			b.WriteString(ref + "=" + v + " (" + strconv.Itoa(int(typ)) + ", " + shown + ") ")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// A levels file kept in Excel gives the same report as its CSV: Example
// B's county at 103 (2023-01) and 123 (2024-07) against the floor, the
// months typed as dates, the amounts and the region code as numbers.
// The same for a retirees file. Both are the shipped workbooks the
// README reads, each on a sheet named by --sheet.
func TestWorkbookInputsMatchCSV(t *testing.T) {
	levels := filepath.Join("testdata", "check_exampleB.xlsx")
	args := []string{"check", "--from", "2023-01", "--to", "2025-01", "--as-of", "2024-12", "--format", "json", "--levels"}
	c1, fromCSV, e1 := invokeCLI(append(args, filepath.Join("testdata", "check_exampleB.csv"))...)
	c2, fromXLSX, e2 := invokeCLI(append(args, levels, "--sheet", "水平")...)
	if c1 != exitFail || c2 != c1 || fromXLSX != fromCSV || !strings.Contains(fromCSV, `"arrears_total"`) {
		t.Errorf("csv: exit %d %s\nxlsx: exit %d %s\n%s", c1, e1, c2, e2, fromXLSX)
	}
	retirees := filepath.Join("testdata", "plan_retirees.xlsx")
	summary := func(args ...string) string {
		t.Helper()
		code, out, stderr := invokeCLI(append([]string{"plan", "--builtin", "shanghai-2024", "--format", "json"}, args...)...)
		if code != exitOK {
			t.Fatalf("%q: exit %d: %s", args, code, stderr)
		}
		var v struct {
			Summary json.RawMessage `json:"summary"`
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatal(err)
		}
		return string(v.Summary)
	}
	if a, b := summary("--retirees", filepath.Join("testdata", "plan_retirees.csv")), summary("--retirees", retirees, "--sheet", "退休人员"); a != b {
		t.Errorf("plan summaries differ:\ncsv  %s\nxlsx %s", a, b)
	}
}

// A bad cell of a workbook is bad input (exit 2, one line) naming the
// file, the sheet, the cell and the column; so are a sheet not there,
// --sheet without a workbook, and a workbook's value right of its
// header.
func TestWorkbookBadInput(t *testing.T) {
	dir := t.TempDir()
	// row 3 is the second level: its amount is column E
	badAmount := toWorkbook(t, dir, "check_exampleB.csv", "水平", levelDates, map[string]any{"E3": "12x"})
	// the third retiree's pension (column F, row 4) has no digits
	badPension := toWorkbook(t, dir, "plan_retirees.csv", "Sheet1", []string{"birth_date", "retired_date"}, map[string]any{"F4": "四千"})
	checkBad(t, []badCase{
		{"bad amount", []string{"check", "--levels", badAmount}, []string{badAmount + ": 水平!E3: amount: benefit: invalid amount \"12x\""}},
		{"bad pension", []string{"plan", "--builtin", "shanghai-2024", "--retirees", badPension}, []string{badPension + ": Sheet1!F4: pension:"}},
		{"no such sheet", []string{"check", "--levels", badAmount, "--sheet", "Levels"}, []string{`no sheet "Levels" (the workbook has "水平")`}},
		{"sheet of a csv", []string{"check", "--levels", filepath.Join("testdata", "check_exampleB.csv"), "--sheet", "x"}, []string{"--sheet names a sheet of an .xlsx --levels file"}},
		{"sheet of no retirees", []string{"plan", "--builtin", "shanghai-2024", "--sheet", "x"}, []string{"--sheet names a sheet of an .xlsx --retirees file"}},
	})
}

// --format xlsx writes a workbook to --out (whole, the report's exit
// code kept), or to standard output when it is not a terminal; to a
// terminal it is refused before any work. An --out ending in .xlsx makes
// simulate write a workbook.
func TestWorkbookOutput(t *testing.T) {
	dir := t.TempDir()
	isZip := func(b []byte) bool { return bytes.HasPrefix(b, []byte("PK\x03\x04")) }
	out := filepath.Join(dir, "report.xlsx")
	code, stdout, stderr := invokeCLI("check", "--as-of", "2024-12", "--format", "xlsx", "--out", out)
	if b, err := os.ReadFile(out); code != exitFail || stdout != "" || err != nil || !isZip(b) {
		t.Errorf("check --out: exit %d, stdout %q, stderr %q, %v", code, stdout, stderr, err)
	}
	if code, stdout, _ := invokeCLI("check", "--as-of", "2024-12", "--format", "xlsx"); code != exitFail || !isZip([]byte(stdout)) {
		t.Errorf("check to a pipe: exit %d", code)
	}
	sim := filepath.Join(dir, "run.xlsx")
	if code, stdout, stderr := invokeCLI("simulate", "--out", sim); code != exitOK || stdout != "" {
		t.Errorf("simulate --out run.xlsx: exit %d %s", code, stderr)
	} else if b, _ := os.ReadFile(sim); !isZip(b) {
		t.Error("simulate --out run.xlsx wrote no workbook")
	}
	pl := filepath.Join(dir, "plan.xlsx")
	if code, stdout, stderr := invokeCLI("plan", "--builtin", "shanghai-2024", "--synthetic", "200", "--format", "xlsx", "--out", pl); code != exitOK || stdout != "" {
		t.Errorf("plan --out: exit %d %s", code, stderr)
	} else if b, _ := os.ReadFile(pl); !isZip(b) {
		t.Error("plan --out wrote no workbook")
	}
	// standard output a terminal
	defer func(f func(io.Writer) bool) { isTerminal = f }(isTerminal)
	var term, errb bytes.Buffer
	isTerminal = func(w io.Writer) bool { return w == io.Writer(&term) }
	for _, args := range [][]string{
		{"check", "--format", "xlsx"},
		{"simulate", "--format", "xlsx"},
		{"plan", "--builtin", "shanghai-2024", "--format", "xlsx"},
	} {
		term.Reset()
		errb.Reset()
		code := run(args, &term, &errb)
		if msg := errb.String(); code != exitUsage || term.Len() != 0 || strings.Count(msg, "\n") != 1 ||
			!strings.Contains(msg, "--format xlsx writes a binary workbook: give --out FILE.xlsx (or redirect standard output)") {
			t.Errorf("%q to a terminal: exit %d, %d bytes out, stderr %q", args, code, term.Len(), msg)
		}
	}
}
