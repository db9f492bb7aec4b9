package xlsxin_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/benefitstd/benefitstd/internal/input"
	"github.com/benefitstd/benefitstd/internal/xlsxin"
)

// workbook writes a workbook made by hand, as a person makes one in
// Excel, to dir/name: sheets in order, each a map from cell to value
// (a string is text, a float64 or int a number, a bool a boolean); a
// cell whose value is a dateCell is a number formatted as a date.
func workbook(t *testing.T, dir, name string, sheets ...sheetData) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14}) // m/d/yyyy, as Excel formats a typed date
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", s.name)
		} else {
			_, err = f.NewSheet(s.name)
		}
		if err != nil {
			t.Fatal(err)
		}
		for cell, v := range s.cells {
			switch v := v.(type) {
			case dateCell:
				err = f.SetCellValue(s.name, cell, float64(v))
				if err == nil {
					err = f.SetCellStyle(s.name, cell, cell, dateStyle)
				}
			case rawNumber:
				err = f.SetCellDefault(s.name, cell, string(v))
			default:
				err = f.SetCellValue(s.name, cell, v)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

type sheetData struct {
	name  string
	cells map[string]any
}

// dateCell is an Excel date serial (days since 1899-12-30).
type dateCell float64

// rawNumber is a number cell with the digits as stored in the file.
type rawNumber string

// readAll reads the CSV text of a sheet.
func readAll(t *testing.T, path string, opts xlsxin.Options) (string, error) {
	t.Helper()
	s, err := xlsxin.Open(path, opts)
	if err != nil {
		return "", err
	}
	defer s.Close()
	b, err := io.ReadAll(s)
	return string(b), s.Locate(err)
}

// A sheet reads as one CSV line per row, empty rows as empty lines, so
// that a record's line is its row: numbers with the digits the file
// stores, dates in date columns as YYYY-MM-DD (Excel serial 45292 is
// 2024-01-01: 45292 days after 1899-12-30), text with a comma or a quote
// quoted, cells missing at the end of a row empty, and the first sheet
// unless another is named.
func TestSheetAsCSV(t *testing.T) {
	dir := t.TempDir()
	path := workbook(t, dir, "levels.xlsx",
		sheetData{"水平", map[string]any{
			"A1": "region", "B1": "program", "C1": "effective_from", "D1": "amount", "E1": "source",
			"A2": 371723, "B2": "pension.resident.basic", "C2": dateCell(45292), "D2": rawNumber("103.5"), "E2": "县政府, 2024",
			// row 3 empty
			"A4": "110000", "B4": `say "x"`, "C4": "2024-07", "D4": 1200000,
		}},
		sheetData{"other", map[string]any{"A1": "x", "A2": dateCell(45292)}})
	got, err := readAll(t, path, xlsxin.Options{Dates: []string{"effective_from"}})
	if err != nil {
		t.Fatal(err)
	}
	want := "region,program,effective_from,amount,source\n" +
		"371723,pension.resident.basic,2024-01-01,103.5,\"县政府, 2024\"\n" +
		"\n" +
		"110000,\"say \"\"x\"\"\",2024-07,1200000,\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// another sheet by name; a number there is not a date (no Dates)
	if got, err := readAll(t, path, xlsxin.Options{Sheet: "other"}); err != nil || got != "x\n45292\n" {
		t.Errorf("sheet other: %q, %v", got, err)
	}
	// a sheet that is not there
	_, err = readAll(t, path, xlsxin.Options{Sheet: "Levels"})
	var e *input.Error
	if !errors.As(err, &e) || e.File != path || !errors.Is(err, input.ErrSyntax) || !strings.Contains(err.Error(), `no sheet "Levels" (the workbook has "水平", "other")`) {
		t.Errorf("missing sheet: %v", err)
	}
}

// A cell the CSV text could not carry faithfully is an error naming the
// file, the sheet, the cell, its row and the column's header.
func TestBadCells(t *testing.T) {
	dir := t.TempDir()
	header := map[string]any{"A1": "id", "B1": "birth_date", "C1": "pension"}
	row := func(cells map[string]any) map[string]any {
		m := map[string]any{"A2": "R1", "B2": "1960-05-01", "C2": "3000.00"}
		for k, v := range header {
			m[k] = v
		}
		for k, v := range cells {
			m[k] = v
		}
		return m
	}
	for _, tc := range []struct {
		name        string
		cells       map[string]any
		cell, field string
		msg         string
	}{
		// an 18-digit id typed as a number: Excel keeps 15 digits
		{"exponent", map[string]any{"A3": rawNumber("1.10101199001011E+17"), "B3": "1960-05-01", "C3": "1"}, "A3", "id", "scientific notation"},
		{"date with time", map[string]any{"B2": dateCell(22037.5)}, "B2", "birth_date", "time of day"},
		{"line break", map[string]any{"C2": "3000\n.00"}, "C2", "pension", "line break"},
		{"right of header", map[string]any{"E2": "x"}, "E2", "", "right of the header's last column (C1)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := workbook(t, dir, tc.name+".xlsx", sheetData{"Sheet1", row(tc.cells)})
			_, err := readAll(t, path, xlsxin.Options{Dates: []string{"birth_date"}})
			var e *input.Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want an *input.Error", err)
			}
			row := tc.cell[1:]
			if e.File != path || e.Sheet != "Sheet1" || e.Cell != tc.cell || e.Field != tc.field || !errors.Is(err, input.ErrSyntax) ||
				!strings.Contains(err.Error(), tc.msg) || !strings.HasPrefix(err.Error(), path+": Sheet1!"+tc.cell+": ") || row != strconv.Itoa(e.Line) {
				t.Errorf("got %q (%+v)", err, *e)
			}
		})
	}
}

// Locate names the cell of an error the CSV reader reports on the sheet's
// text: its line is the row (an empty row in between counts), its field
// the column's header.
func TestLocateCSVErrors(t *testing.T) {
	dir := t.TempDir()
	path := workbook(t, dir, "r.xlsx", sheetData{"Data", map[string]any{
		"A1": "id", "B1": "pension",
		"A2": "R1", "B2": "3000",
		"A4": "R2", "B4": "30x0", // row 3 empty
	}})
	s, err := xlsxin.Open(path, xlsxin.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := input.NewCSV(s, path, []string{"id", "pension"}, nil, input.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var bad error
	for rec, err := range c.All() {
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(rec.Get(1), "x") {
			bad = rec.Err(1, input.ErrSyntax)
		}
	}
	err = s.Locate(bad)
	var e *input.Error
	if !errors.As(err, &e) || e.Sheet != "Data" || e.Cell != "B4" || e.Line != 4 || err.Error() != path+": Data!B4: pension: benefit: invalid syntax" {
		t.Errorf("got %v", err)
	}
	// an unknown column in the header: the row, no cell
	path = workbook(t, dir, "h.xlsx", sheetData{"Data", map[string]any{"A1": "id", "B1": "pensoin", "A2": "R1", "B2": "1"}})
	s2, err := xlsxin.Open(path, xlsxin.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	_, err = input.NewCSV(s2, path, []string{"id", "pension"}, nil, input.Limits{})
	err = s2.Locate(err)
	if !errors.As(err, &e) || e.Sheet != "Data" || e.Line != 1 || !strings.Contains(err.Error(), `Data!B1: pensoin: benefit: invalid syntax: unknown column "pensoin"`) {
		t.Errorf("got %v", err)
	}
}

// A workbook is a zip archive: a part that declares more than the
// bounds is refused before anything is unpacked (the 1 MiB of zeros
// below compress to about 1 KiB, a zip bomb in small), as are a file
// that is not a workbook and one that does not exist.
func TestBounds(t *testing.T) {
	dir := t.TempDir()
	path := workbook(t, dir, "ok.xlsx", sheetData{"Sheet1", map[string]any{"A1": "id", "A2": "1"}})
	bomb := filepath.Join(dir, "bomb.xlsx")
	addPart(t, path, bomb, "xl/media/zeros.bin", 1<<20)
	for _, tc := range []struct {
		name string
		path string
		lim  xlsxin.Limits
		is   error
		msg  string
	}{
		{"part", bomb, xlsxin.Limits{Part: 256 << 10}, input.ErrTooLarge, "part xl/media/zeros.bin unpacks to more than 256 KiB (Limits.Part)"},
		{"all", bomb, xlsxin.Limits{Unzipped: 1 << 20}, input.ErrTooLarge, "the parts unpack to more than 1 MiB (Limits.Unzipped)"},
		{"parts", path, xlsxin.Limits{Parts: 3}, input.ErrTooLarge, "more than 3 (Limits.Parts)"},
		{"not a zip", writeFile(t, dir, "csv.xlsx", "id\n1\n"), xlsxin.Limits{}, input.ErrSyntax, "not a workbook"},
		{"missing", filepath.Join(dir, "none.xlsx"), xlsxin.Limits{}, os.ErrNotExist, "no such file"},
	} {
		_, err := xlsxin.Open(tc.path, xlsxin.Options{Limits: tc.lim})
		var e *input.Error
		if !errors.As(err, &e) || e.File != tc.path || !errors.Is(err, tc.is) || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: got %v", tc.name, err)
		}
	}
	// within the default bounds the same file opens
	if _, err := readAll(t, bomb, xlsxin.Options{}); err != nil {
		t.Errorf("default bounds: %v", err)
	}
}

// addPart copies the workbook at from to to with one more part of n
// zero bytes.
func addPart(t *testing.T, from, to, name string, n int) {
	t.Helper()
	zr, err := zip.OpenReader(from)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	w, err := zw.Create(name)
	if err == nil {
		_, err = w.Write(make([]byte, n))
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, dir, name, s string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
