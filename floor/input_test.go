package floor_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

const header = "region,program,dimensions,effective_from,amount,per,beneficiaries,source,status\n"

func TestReadCSV(t *testing.T) {
	// Example B as CSV, rows out of order, YYYY-MM and YYYY-MM-01 both accepted.
	in := header +
		"371723,pension.resident.basic,,2024-07-01,123,month,10000,https://example.org/notice,default\n" +
		"371723,pension.resident.basic,,2023-01,103,month,10000,county notice,default\n"
	levels, err := floor.ReadCSV(strings.NewReader(in), "levels.csv", floor.SetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(levels) != 1 || levels[0].Schedule.Len() != 2 || levels[0].Beneficiaries != 10000 {
		t.Fatalf("levels = %+v", levels)
	}
	rep := check(t, levels, floor.Options{From: ym("2024-01"), To: ym("2025-01")})
	eq(t, "arrears", rep.Summary.ArrearsTotal, "1200000")
	if rep.Findings[0].Source.Title != "county notice" {
		t.Errorf("source = %+v", rep.Findings[0].Source)
	}
}

// A file saved by Excel as "CSV UTF-8" starts with a byte-order mark and
// ends lines with CRLF: accepted, with the same result.
func TestReadCSVBOMAndCRLF(t *testing.T) {
	in := "\xEF\xBB\xBF" + strings.ReplaceAll(header+"371723,pension.resident.basic,,2023-01,103,month,10000,,default\n", "\n", "\r\n")
	levels, err := floor.ReadCSV(strings.NewReader(in), "bom.csv", floor.SetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(levels) != 1 || !levels[0].Schedule.Version(0).Amount.Equal(amt("103")) {
		t.Errorf("levels = %+v", levels)
	}
}

// A GBK file (Excel's default "CSV" in China): 万荣县 in GBK is
// CD F2 C8 D9 CF D8. It is rejected with an error that says so.
func TestReadCSVRejectsGBK(t *testing.T) {
	in := header + "140822,pension.resident.basic,,2022-01,113,month,75000,\xCD\xF2\xC8\xD9\xCF\xD8,default\n"
	_, err := floor.ReadCSV(strings.NewReader(in), "gbk.csv", floor.SetOptions{})
	// An importer tests benefit.ErrEncoding.
	if !errors.Is(err, benefit.ErrEncoding) || !strings.Contains(err.Error(), "GBK") {
		t.Fatalf("err = %v", err)
	}
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.File != "gbk.csv" || re.Line != 2 || re.Field != "source" {
		t.Errorf("record error = %+v", re)
	}
}

func TestReadCSVErrorsNameFileLineField(t *testing.T) {
	ok := "371723,pension.resident.basic,,2023-01,103,month,10000,,default\n"
	cases := []struct {
		name, row string
		line      int
		field     string
		is        error
	}{
		{"amount", "371723,pension.resident.basic,,2024-07,12x,month,,,default\n", 3, "amount", benefit.ErrSyntax},
		{"exponent", "371723,pension.resident.basic,,2024-07,1e999999999,month,,,default\n", 3, "amount", benefit.ErrSyntax},
		{"negative", "371723,pension.resident.basic,,2024-07,-1,month,,,default\n", 3, "amount", benefit.ErrNegative},
		{"program", "371723,pension.nope,,2024-07,123,month,,,default\n", 3, "program", benefit.ErrUnknownProgram},
		{"dimension", "371723,pension.resident.basic,grade=1,2024-07,123,month,,,default\n", 3, "dimensions", benefit.ErrDimension},
		{"month", "371723,pension.resident.basic,,2024-13,123,month,,,default\n", 3, "effective_from", benefit.ErrRange},
		{"mid-month", "371723,pension.resident.basic,,2024-07-15,123,month,,,default\n", 3, "effective_from", benefit.ErrSyntax},
		{"per", "371723,pension.resident.basic,,2024-07,123,week,,,default\n", 3, "per", benefit.ErrSyntax},
		{"per mismatch", "371723,pension.resident.basic,,2024-07,1476,year,,,default\n", 3, "per", benefit.ErrSyntax},
		{"duplicate", "371723,pension.resident.basic,,2023-01,105,month,,,default\n", 3, "effective_from", benefit.ErrOrder},
		{"persons", "371723,pension.resident.basic,,2024-07,123,month,lots,,default\n", 3, "beneficiaries", benefit.ErrSyntax},
		// more than one billion persons would overflow Σ persons × months
		{"persons huge", "371723,pension.resident.basic,,2024-07,123,month,9223372036854775807,,default\n", 3, "beneficiaries", benefit.ErrRange},
		{"region", "999999,pension.resident.basic,,2024-07,123,month,,,default\n", 3, "region", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			levels, err := floor.ReadCSV(strings.NewReader(header+ok+tc.row), "levels.csv", floor.SetOptions{})
			if levels != nil {
				t.Errorf("half-read file returned %d levels", len(levels))
			}
			var re *benefit.RecordError
			if !errors.As(err, &re) {
				t.Fatalf("err = %v, want a *benefit.RecordError", err)
			}
			if re.File != "levels.csv" || re.Line != tc.line || re.Field != tc.field {
				t.Errorf("error at %s:%d %s, want levels.csv:%d %s (%v)", re.File, re.Line, re.Field, tc.line, tc.field, err)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("err = %v, want errors.Is %v", err, tc.is)
			}
		})
	}
	_, err := floor.ReadCSV(strings.NewReader("region,program,when,amount\n"), "h.csv", floor.SetOptions{})
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.Line != 1 {
		t.Errorf("bad header: %v", err)
	}
}

func TestReadJSON(t *testing.T) {
	in := `{"levels": [{"region": "371723", "program": "pension.resident.basic", "beneficiaries": 10000,
  "versions": [{"from": "2023-01", "amount": "103", "status": "default"}, {"from": "2024-07", "amount": "123", "status": "default"}]}],
 "waivers": [{"region": "371723", "program": "pension.resident.basic", "interval": {"from": "2024-01", "to": "2024-07"}, "reason": "test", "expiry": "2030-01"}]}`
	got, err := floor.ReadJSON(strings.NewReader(in), "l.json", floor.SetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rep := check(t, got.Levels, floor.Options{From: ym("2024-01"), To: ym("2025-01"), Waivers: got.Waivers})
	eq(t, "waived", rep.Summary.WaivedArrears, "1200000")
}

func TestReadJSONStrict(t *testing.T) {
	cases := map[string]struct{ in, field string }{
		"unknown field": {`{"levels": [{"region": "371723", "program": "pension.resident.basic", "amount": "1", "versions": []}]}`, "levels[0].amount"},
		"trailing":      {`{"levels": []} {}`, ""},
		"order":         {`{"levels": [{"region": "371723", "program": "pension.resident.basic", "versions": [{"from": "2024-07", "amount": "1", "status": "default"}, {"from": "2024-01", "amount": "2", "status": "default"}]}]}`, "levels[0].versions[1].from"},
		"float amount":  {`{"levels": [{"region": "371723", "program": "pension.resident.basic", "versions": [{"from": "2024-07", "amount": 1e3, "status": "default"}]}]}`, "levels[0].versions[0].amount"},
		"no reason":     {`{"levels": [], "waivers": [{"region": "371723", "program": "pension.resident.basic", "interval": {"from": "2024-01"}, "reason": ""}]}`, "waivers[0].reason"},
	}
	for name, tc := range cases {
		_, err := floor.ReadJSON(strings.NewReader(tc.in), "l.json", floor.SetOptions{})
		var re *benefit.RecordError
		if !errors.As(err, &re) || re.File != "l.json" || re.Field != tc.field {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	_, err := floor.ReadJSON(strings.NewReader(`{"levels": [], "bogus": 1}`), "l.json", floor.SetOptions{})
	if err == nil || !strings.Contains(err.Error(), "bogus") {
		t.Errorf("unknown top-level field: %v", err)
	}
}

func TestReadJSONRejectsWhatCheckWould(t *testing.T) {
	cases := map[string]struct{ in, field string }{
		"duplicate": {`{"levels": [{"region": "371723", "program": "pension.resident.basic", "versions": []},
		  {"region": "371723", "program": "pension.resident.basic", "versions": []}]}`, "levels[1].region"},
		"headcounts": {`{"levels": [{"region": "371723", "program": "pension.resident.basic", "versions": [],
		  "headcounts": [{"from": "2024-01", "persons": -5}]}]}`, "levels[0].headcounts[0].persons"},
	}
	for name, tc := range cases {
		_, err := floor.ReadJSON(strings.NewReader(tc.in), "l.json", floor.SetOptions{})
		var re *benefit.RecordError
		if !errors.As(err, &re) || re.File != "l.json" || re.Field != tc.field {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

// Sample hands out copies: changing one caller's levels, head counts
// included, does not change what the next caller gets.
func TestSampleIsACopy(t *testing.T) {
	a := floor.Sample()
	for i := range a.Levels {
		a.Levels[i].Beneficiaries = -1
		for j := range a.Levels[i].Headcounts {
			a.Levels[i].Headcounts[j].Persons = -1
		}
	}
	b := floor.Sample()
	for _, l := range b.Levels {
		if l.Beneficiaries < 0 {
			t.Fatal("Sample shares its levels")
		}
		for _, h := range l.Headcounts {
			if h.Persons < 0 {
				t.Fatal("Sample shares its head counts")
			}
		}
	}
}

// A levels CSV must say how firm each amount is: without the status
// column, with an empty cell or with "unknown" the file is refused,
// naming the line and the column and listing the values allowed; nothing
// is read as legislated unless it says so.
func TestReadCSVRequiresStatus(t *testing.T) {
	noCol := "region,program,dimensions,effective_from,amount,per,beneficiaries,source\n" +
		"371723,pension.resident.basic,,2023-01,103,month,10000,county notice\n"
	cases := []struct {
		name, in string
		line     int
		is       error
	}{
		{"no column", noCol, 1, benefit.ErrNoStatus},
		{"empty cell", header + "371723,pension.resident.basic,,2023-01,103,month,10000,county notice,default\n" +
			"371723,pension.resident.basic,,2024-07,123,month,10000,county notice,\n", 3, benefit.ErrNoStatus},
		{"unknown", header + "371723,pension.resident.basic,,2023-01,103,month,10000,county notice,unknown\n", 2, benefit.ErrSyntax},
		{"a word", header + "371723,pension.resident.basic,,2023-01,103,month,10000,county notice,law\n", 2, benefit.ErrSyntax},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			levels, err := floor.ReadCSV(strings.NewReader(tc.in), "levels.csv", floor.SetOptions{})
			if levels != nil {
				t.Errorf("returned %d levels", len(levels))
			}
			var re *benefit.RecordError
			if !errors.As(err, &re) || re.File != "levels.csv" || re.Line != tc.line || re.Field != "status" {
				t.Fatalf("err = %v, want levels.csv:%d: status", err, tc.line)
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("err = %v, want errors.Is %v", err, tc.is)
			}
			if !strings.Contains(err.Error(), "legislated, announced, provisional, projected or default") {
				t.Errorf("err = %v: does not say which values are allowed", err)
			}
		})
	}
	// The status read is the one written, row by row.
	levels, err := floor.ReadCSV(strings.NewReader(header+
		"371723,pension.resident.basic,,2023-01,103,month,10000,county notice,provisional\n"+
		"371723,pension.resident.basic,,2024-07,123,month,10000,county notice,legislated\n"), "levels.csv", floor.SetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if s := levels[0].Schedule; s.Version(0).Status != benefit.Provisional || s.Version(1).Status != benefit.Legislated {
		t.Errorf("statuses = %v, %v; want provisional, legislated", s.Version(0).Status, s.Version(1).Status)
	}
}

// A levels JSON version without "status" is refused, naming its full
// path and the line of the version that lacks it.
func TestReadJSONRequiresStatus(t *testing.T) {
	in := `{"levels": [
  {"region": "371723", "program": "pension.resident.basic",
   "versions": [
     {"from": "2023-01", "amount": "103", "status": "default"},
     {"from": "2024-07", "amount": "123"}]}]}`
	_, err := floor.ReadJSON(strings.NewReader(in), "l.json", floor.SetOptions{})
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.File != "l.json" || re.Line != 5 || re.Field != "levels[0].versions[1].status" {
		t.Fatalf("err = %v, want l.json:5: levels[0].versions[1].status", err)
	}
	if !errors.Is(err, benefit.ErrNoStatus) {
		t.Errorf("err = %v, want errors.Is ErrNoStatus", err)
	}
	want := `l.json:5: levels[0].versions[1].status: benefit: no status: version from 2024-07 has no "status" (want legislated, announced, provisional, projected or default)`
	if err.Error() != want {
		t.Errorf("err = %q\nwant  %q", err, want)
	}
	_, err = floor.ReadJSON(strings.NewReader(strings.Replace(in, `"status": "default"`, `"status": "unknown"`, 1)), "l.json", floor.SetOptions{})
	if !errors.As(err, &re) || re.Line != 4 || re.Field != "levels[0].versions[0].status" || !errors.Is(err, benefit.ErrSyntax) {
		t.Errorf("status unknown: err = %v, want l.json:4: levels[0].versions[0].status", err)
	}
}

// A level built in Go must state its versions' status too: Check
// refuses the zero Status (Unknown), naming the version.
func TestCheckRequiresLevelStatus(t *testing.T) {
	lv := floor.Level{Region: region.MustParseCode("371723"), Program: "pension.resident.basic", Beneficiaries: 1,
		Schedule: mustSchedule(
			benefit.Version{From: ym("2023-01"), Amount: amt("103"), Status: benefit.Illustrative},
			benefit.Version{From: ym("2024-07"), Amount: amt("123")})}
	_, err := floor.Check([]floor.Level{lv}, floor.Options{})
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.Field != "levels[0].versions[1].status" || !errors.Is(err, benefit.ErrNoStatus) {
		t.Fatalf("err = %v, want levels[0].versions[1].status wrapping ErrNoStatus", err)
	}
}
