package floor_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// userCatalogue knows one programme the default catalogue does not: a
// hypothetical local elderly allowance (高龄津贴), per month, by age band.
func userCatalogue(t *testing.T) *benefit.Catalogue {
	t.Helper()
	cat, err := benefit.LoadCatalogue(strings.NewReader(`{"version": "test", "programs": [
  {"id": "local.elderly_allowance", "name": "高龄津贴", "name_en": "elderly allowance (hypothetical)",
   "category": "pension", "frequency": "month", "rounding": {"unit": "1", "mode": "half_up"},
   "dimensions": [{"key": "age", "name": "年龄档", "values": ["80+", "90+"]}],
   "citation": {"title": "hypothetical programme for a test"}}]}`), "cat.json")
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

const userFloors = `{"version": "user",
 "floors": [{"program": "local.elderly_allowance", "dimensions": "age=80+",
   "versions": [{"from": "2024-01", "amount": "100", "status": "announced"}]}]}`

// Floors of a programme only a user's catalogue knows load with that
// catalogue in SetOptions, not with the default one; a check with the same
// catalogue finds a level of 90 a month 10 short of the 100 floor
// (hypothetical figures): 10 × 5 persons × 12 months = 600.00.
func TestLoadUserCatalogue(t *testing.T) {
	cat := userCatalogue(t)
	_, err := floor.Load(strings.NewReader(userFloors), "f.json", floor.SetOptions{})
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.Field != "floors[0].program" || re.Line != 2 || !errors.Is(err, benefit.ErrUnknownProgram) {
		t.Fatalf("Load with the default catalogue: err = %v, want f.json:2: floors[0].program unknown", err)
	}
	set, err := floor.Load(strings.NewReader(userFloors), "f.json", floor.SetOptions{Catalogue: cat})
	if err != nil {
		t.Fatal(err)
	}
	lv := []floor.Level{{Region: region.MustParseCode("371723"), Program: "local.elderly_allowance",
		Dims: benefit.MustParseDims("age=80+"), Schedule: sched(t, "2024-01", "90"), Beneficiaries: 5}}
	rep := check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01"), Floors: set, Catalogue: cat})
	f := one(t, rep, floor.RuleFloor)
	eq(t, "shortfall", f.Shortfall, "10")
	eq(t, "arrears", f.Arrears, "600")

	// the national floors merged with the user's: the user's catalogue
	// need not know the national programmes
	merged, err := floor.Default().Merge(set)
	if err != nil {
		t.Fatalf("merge: %v", err)
	}
	if len(merged.Floors("local.elderly_allowance")) != 1 || len(merged.Floors("pension.resident.basic")) == 0 {
		t.Errorf("merged set lacks floors")
	}
	// floors added on top of the user's set are checked against the
	// user's catalogue
	if _, err := withFloors(set, floor.SetOptions{Catalogue: cat}, floor.Floor{Program: "local.elderly_allowance", Dims: benefit.MustParseDims("age=90+"),
		Schedule: sched(t, "2024-01", "200")}); err != nil {
		t.Errorf("age=90+ on the user's set: %v", err)
	}
	if _, err := withFloors(set, floor.SetOptions{Catalogue: cat}, floor.Floor{Program: "local.elderly_allowance", Dims: benefit.MustParseDims("age=70+"),
		Schedule: sched(t, "2024-01", "200")}); !errors.Is(err, benefit.ErrDimension) {
		t.Errorf("age=70+: err = %v, want ErrDimension", err)
	}
}

// NewSet checks floors against the catalogue it is given, and against
// the default one when given none.
func TestNewSetCatalogue(t *testing.T) {
	fl := []floor.Floor{{Program: "local.elderly_allowance", Dims: benefit.MustParseDims("age=90+"),
		Schedule: sched(t, "2024-01", "200")}}
	if _, err := floor.NewSet("x", fl, nil, nil, floor.SetOptions{}); !errors.Is(err, benefit.ErrUnknownProgram) {
		t.Errorf("NewSet: err = %v, want ErrUnknownProgram", err)
	}
	set, err := floor.NewSet("x", fl, nil, []floor.Cadence{{Program: "local.elderly_allowance", Scope: floor.Local, Months: 12}},
		floor.SetOptions{Catalogue: userCatalogue(t)})
	if err != nil {
		t.Fatal(err)
	}
	if got := set.Floors("local.elderly_allowance"); len(got) != 1 || got[0].Schedule.Len() != 1 {
		t.Errorf("floors = %v", got)
	}
	// a national programme is unknown to the user's catalogue
	_, err = floor.NewSet("x", []floor.Floor{{Program: "pension.resident.basic", Schedule: sched(t, "2024-01", "123")}}, nil, nil,
		floor.SetOptions{Catalogue: userCatalogue(t)})
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.Field != "floors[0].program" {
		t.Errorf("err = %v, want floors[0].program", err)
	}
}

// Levels of a programme only a user's catalogue knows are read with
// ReadCSV / ReadJSON given that catalogue, not with the default one
// (line 2 of each file names the programme).
func TestReadWithUserCatalogue(t *testing.T) {
	cat := userCatalogue(t)
	opts := floor.SetOptions{Catalogue: cat}
	const csvLevels = "region,program,dimensions,effective_from,amount,status\n" +
		"371723,local.elderly_allowance,age=80+,2024-01,90,default\n"
	const jsonLevels = `{"levels": [
 {"region": "371723", "program": "local.elderly_allowance", "dimensions": "age=80+",
  "versions": [{"from": "2024-01", "amount": "90", "status": "default"}]}],
 "waivers": [{"region": "371723", "program": "local.elderly_allowance", "dimensions": "age=80+",
  "interval": {"from": "2024-01", "to": "2024-02"}, "reason": "test", "expiry": "2025-01"}]}`
	var re *benefit.RecordError
	if _, err := floor.ReadCSV(strings.NewReader(csvLevels), "l.csv", floor.SetOptions{}); !errors.As(err, &re) || re.Line != 2 || re.Field != "program" || !errors.Is(err, benefit.ErrUnknownProgram) {
		t.Errorf("ReadCSV with the default catalogue: err = %v, want l.csv:2: program unknown", err)
	}
	if _, err := floor.ReadJSON(strings.NewReader(jsonLevels), "l.json", floor.SetOptions{}); !errors.As(err, &re) || re.Line != 2 || re.Field != "levels[0].program" || !errors.Is(err, benefit.ErrUnknownProgram) {
		t.Errorf("ReadJSON with the default catalogue: err = %v, want l.json:2: levels[0].program unknown", err)
	}
	lv, err := floor.ReadCSV(strings.NewReader(csvLevels), "l.csv", opts)
	if err != nil || len(lv) != 1 || lv[0].Program != "local.elderly_allowance" {
		t.Fatalf("ReadCSV with the user's catalogue: %v, %d levels", err, len(lv))
	}
	in, err := floor.ReadJSON(strings.NewReader(jsonLevels), "l.json", opts)
	if err != nil || len(in.Levels) != 1 || len(in.Waivers) != 1 {
		t.Fatalf("ReadJSON with the user's catalogue: %v, %+v", err, in)
	}
	// the user's catalogue knows age=80+ and 90+ only
	bad := strings.Replace(csvLevels, "age=80+", "age=70+", 1)
	if _, err := floor.ReadCSV(strings.NewReader(bad), "l.csv", opts); !errors.As(err, &re) || re.Line != 2 || re.Field != "dimensions" || !errors.Is(err, benefit.ErrDimension) {
		t.Errorf("ReadCSV age=70+: err = %v, want l.csv:2: dimensions", err)
	}
}
