package floor_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// wantUnknownRegion asserts the error of a levels file naming a code the
// region table does not hold: a *benefit.RecordError at file:line:field
// wrapping region.ErrUnknownRegion, with the code.
func wantUnknownRegion(t *testing.T, err error, file string, line int, field, code string) {
	t.Helper()
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.File != file || re.Line != line || re.Field != field {
		t.Fatalf("got %v (%T), want a RecordError at %s:%d %s", err, err, file, line, field)
	}
	var ce *region.CodeError
	if !errors.Is(err, region.ErrUnknownRegion) || !errors.As(err, &ce) || ce.Input != code {
		t.Errorf("%v does not wrap ErrUnknownRegion with the code %s", err, code)
	}
	if !strings.Contains(err.Error(), file) || !strings.Contains(err.Error(), code) {
		t.Errorf("message %q does not name %s and %s", err, file, code)
	}
}

// 419999 is well formed (河南 41, its 省直辖 summary 4190) but is no
// division of the 2023 table, whose only code under 419000 is 419001
// 济源市. A levels file naming it is bad input, in CSV and in JSON, with
// the default table and with one given in SetOptions.
func TestLevelsUnknownRegion(t *testing.T) {
	csv := header +
		"371723,pension.resident.basic,,2024-01,123,month,10000,,default\n" +
		"419999,pension.resident.basic,,2024-01,123,month,10000,,default\n"
	_, err := floor.ReadCSV(strings.NewReader(csv), "levels.csv")
	wantUnknownRegion(t, err, "levels.csv", 3, "region", "419999")
	_, err = floor.ReadCSVWith(strings.NewReader(csv), "levels.csv", floor.SetOptions{Regions: region.Default()})
	wantUnknownRegion(t, err, "levels.csv", 3, "region", "419999")

	json := `{"levels": [
  {"region": "371723", "program": "pension.resident.basic", "beneficiaries": 10000,
   "versions": [{"from": "2024-01", "amount": "123", "status": "default"}]},
  {"region": "419999", "program": "pension.resident.basic", "beneficiaries": 10000,
   "versions": [{"from": "2024-01", "amount": "123", "status": "default"}]}
]}`
	_, err = floor.ReadJSON(strings.NewReader(json), "levels.json")
	wantUnknownRegion(t, err, "levels.json", 4, "levels[1].region", "419999")
	_, err = floor.ReadJSONWith(strings.NewReader(json), "levels.json", floor.SetOptions{})
	wantUnknownRegion(t, err, "levels.json", 4, "levels[1].region", "419999")

	waiver := `{"levels": [],
"waivers": [
  {"region": "419999", "program": "pension.resident.basic", "interval": {"from": "2024-01"}, "reason": "r"}
]}`
	_, err = floor.ReadJSON(strings.NewReader(waiver), "waivers.json")
	wantUnknownRegion(t, err, "waivers.json", 3, "waivers[0].region", "419999")

	// Check itself refuses it too, naming the level.
	lv := []floor.Level{{Region: region.MustParseCode("419999"), Program: "pension.resident.basic",
		Schedule: sched(t, "2024-01", "123"), Beneficiaries: 1}}
	_, err = floor.Check(lv, floor.Options{})
	var re *benefit.RecordError
	if !errors.Is(err, region.ErrUnknownRegion) || !errors.As(err, &re) || re.Field != "levels[0].region" {
		t.Errorf("Check: %v", err)
	}
}

// A historical code is checked once it is added as a division: 371202
// 莱城区 lay under 371200 莱芜市 until 2019 (MCA list 2016-12). In June
// 2018 the national floor was 88 (人社部 财政部, from 2018-01-01); paying 80
// to 20,000 persons owes 8.00 × 20,000 × 1 month = 160,000.00, and
// Shandong is tier 3, so the centre pays 50 %: 80,000.00.
func TestLevelsAddedRegion(t *testing.T) {
	tab, err := region.Default().WithDivisions(strings.NewReader(
		"code,name,level,parent\n371200,莱芜市,prefecture,370000\n371202,莱城区,county,371200\n"), "laiwu.csv")
	if err != nil {
		t.Fatal(err)
	}
	csv := header + "371202,pension.resident.basic,,2018-01,80,month,20000,,default\n"
	if _, err := floor.ReadCSV(strings.NewReader(csv), "levels.csv"); !errors.Is(err, region.ErrUnknownRegion) {
		t.Fatalf("default table: %v", err)
	}
	levels, err := floor.ReadCSVWith(strings.NewReader(csv), "levels.csv", floor.SetOptions{Regions: tab})
	if err != nil {
		t.Fatal(err)
	}
	rep := check(t, levels, floor.Options{From: ym("2018-06"), To: ym("2018-07"), Regions: tab})
	if len(rep.Findings) != 1 || rep.Findings[0].RegionName != "莱城区" {
		t.Fatalf("findings %+v", rep.Findings)
	}
	eq(t, "arrears", rep.Summary.ArrearsTotal, "160000")
	eq(t, "central", rep.Summary.ArrearsCentral, "80000")

	json := `{"levels": [{"region": "371202", "program": "pension.resident.basic", "beneficiaries": 20000,
  "versions": [{"from": "2018-01", "amount": "80", "status": "default"}]}]}`
	in, err := floor.ReadJSONWith(strings.NewReader(json), "levels.json", floor.SetOptions{Regions: tab})
	if err != nil || len(in.Levels) != 1 {
		t.Fatalf("JSON: %v", err)
	}
}
