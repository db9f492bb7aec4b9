package floor_test

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
)

// FuzzReadCSV: no input panics; every error is a *benefit.RecordError
// and comes with no levels; every accepted file can be checked (as of a
// month, so that a shortfall still running has arrears to count).
func FuzzReadCSV(f *testing.F) {
	f.Add(header + "371723,pension.resident.basic,,2023-01,103,month,10000,src\n")
	f.Add(header + "140822,pension.resident.basic,age=60+,2022-03-01,113,,75000,\n")
	f.Add(header + "310000,veterans.disability,cause=因战;grade=1,2019-08,7345.83,month,1,\n")
	f.Add("\xEF\xBB\xBF" + strings.ReplaceAll(header, "\n", "\r\n"))
	f.Add(header + "371723,pension.resident.basic,,2023-01,1e999999999,month,,\n")
	f.Add("region,program,effective_from,amount,first_paid\n371723,pension.resident.basic,2024-01,150,2024-03\n")
	f.Fuzz(func(t *testing.T, in string) {
		levels, err := floor.ReadCSV(strings.NewReader(in), "f.csv", floor.SetOptions{})
		if err != nil {
			var re *benefit.RecordError
			if !errors.As(err, &re) || levels != nil {
				t.Fatalf("err %v (%T), %d levels", err, err, len(levels))
			}
			return
		}
		rep, err := floor.Check(levels, floor.Options{AsOf: ym("2026-12")})
		if err != nil {
			t.Fatalf("accepted file fails Check: %v", err)
		}
		only, err := floor.Check(levels, floor.Options{AsOf: ym("2026-12"), FindingsOnly: true})
		if err != nil || !reflect.DeepEqual(only.Findings, rep.Findings) || !reflect.DeepEqual(only.Summary, rep.Summary) {
			t.Fatalf("FindingsOnly: %v; findings or summary differ from the whole report's", err)
		}
	})
}

// FuzzReadJSON: no input panics; errors are *benefit.RecordError.
func FuzzReadJSON(f *testing.F) {
	f.Add(`{"levels": [{"region": "371723", "program": "pension.resident.basic", "versions": [{"from": "2023-01", "amount": "103", "status": "default"}]}]}`)
	f.Add(`{"levels": [], "waivers": [{"region": "371723", "program": "pension.resident.basic", "interval": {"from": "2024-01"}, "reason": "r"}]}`)
	f.Add(`{"levels": [{"region": "371723", "program": "pension.resident.basic", "versions": [{"from": "2023-01", "amount": "140"}, {"from": "2024-01", "amount": "150", "first_paid": "2024-03"}]}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		got, err := floor.ReadJSON(bytes.NewReader([]byte(in)), "f.json", floor.SetOptions{})
		if err != nil {
			checkJSONErr(t, err)
			return
		}
		if _, err := floor.Check(got.Levels, floor.Options{Waivers: got.Waivers, AsOf: ym("2026-12")}); err != nil {
			t.Fatalf("accepted file fails Check: %v", err)
		}
	})
}

// checkJSONErr asserts what every error of ReadJSON and Load is: a
// *benefit.RecordError naming the file, with a line whenever it names a
// JSON path, and saying "benefit:" once.
func checkJSONErr(t *testing.T, err error) {
	t.Helper()
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.File != "f.json" || (re.Field != "" && re.Line <= 0) {
		t.Fatalf("err %v (%T)", err, err)
	}
	if strings.Count(err.Error(), "benefit: invalid syntax: benefit:") > 0 {
		t.Fatalf("doubled prefix: %v", err)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(`{"version": "x", "floors": [{"program": "pension.resident.basic", "versions": [{"from": "2024-01", "amount": "123", "status": "legislated"}]}]}`)
	f.Add(`{"version": "x", "floors": [], "cadences": [{"program": "reference.min_wage", "scope": "local", "months": 24, "citation": {}}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		if _, err := floor.Load(strings.NewReader(in), "f.json", floor.SetOptions{}); err != nil {
			checkJSONErr(t, err)
		}
	})
}
