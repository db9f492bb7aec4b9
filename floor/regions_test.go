package floor_test

import (
	"errors"
	"slices"
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
	_, err := floor.ReadCSV(strings.NewReader(csv), "levels.csv", floor.SetOptions{})
	wantUnknownRegion(t, err, "levels.csv", 3, "region", "419999")
	_, err = floor.ReadCSV(strings.NewReader(csv), "levels.csv", floor.SetOptions{Regions: region.Default()})
	wantUnknownRegion(t, err, "levels.csv", 3, "region", "419999")

	json := `{"levels": [
  {"region": "371723", "program": "pension.resident.basic", "beneficiaries": 10000,
   "versions": [{"from": "2024-01", "amount": "123", "status": "default"}]},
  {"region": "419999", "program": "pension.resident.basic", "beneficiaries": 10000,
   "versions": [{"from": "2024-01", "amount": "123", "status": "default"}]}
]}`
	_, err = floor.ReadJSON(strings.NewReader(json), "levels.json", floor.SetOptions{})
	wantUnknownRegion(t, err, "levels.json", 4, "levels[1].region", "419999")
	_, err = floor.ReadJSON(strings.NewReader(json), "levels.json", floor.SetOptions{})
	wantUnknownRegion(t, err, "levels.json", 4, "levels[1].region", "419999")

	waiver := `{"levels": [],
"waivers": [
  {"region": "419999", "program": "pension.resident.basic", "interval": {"from": "2024-01"}, "reason": "r"}
]}`
	_, err = floor.ReadJSON(strings.NewReader(waiver), "waivers.json", floor.SetOptions{})
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
	if _, err := floor.ReadCSV(strings.NewReader(csv), "levels.csv", floor.SetOptions{}); !errors.Is(err, region.ErrUnknownRegion) {
		t.Fatalf("default table: %v", err)
	}
	levels, err := floor.ReadCSV(strings.NewReader(csv), "levels.csv", floor.SetOptions{Regions: tab})
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
	in, err := floor.ReadJSON(strings.NewReader(json), "levels.json", floor.SetOptions{Regions: tab})
	if err != nil || len(in.Levels) != 1 {
		t.Fatalf("JSON: %v", err)
	}
}

// addedUnderShenzhen is the default table plus a county 441599 (a code
// of no 2023 division) recorded under 440300 深圳市, although its digits
// name 441500 汕尾市: a division added with a parent of its own. The
// floor check follows the parent the table records, never the digits:
// for inheritance and the hierarchy rule, for regional-agreement floors
// (深圳 is a member of the Greater Bay Area group, 汕尾 is not), for the
// reference figures of relative rules and for waivers.
func addedUnderShenzhen(t *testing.T) *region.Table {
	t.Helper()
	tab, err := region.Default().WithDivisions(strings.NewReader("code,name,level,parent\n441599,测试县,county,440300\n"), "added.csv")
	if err != nil {
		t.Fatal(err)
	}
	if d, _ := tab.Lookup(region.MustParseCode("441599")); d.Parent != region.MustParseCode("440300") {
		t.Fatalf("441599 lies under %s", d.Parent)
	}
	return tab
}

func TestRecordedParentNotDigits(t *testing.T) {
	tab := addedUnderShenzhen(t)
	county, shenzhen, shanwei := region.MustParseCode("441599"), region.MustParseCode("440300"), region.MustParseCode("441500")
	const pension = "pension.resident.basic"
	lvl := func(code region.Code, program string, pairs ...string) floor.Level {
		return floor.Level{Region: code, Program: program, Schedule: sched(t, pairs...), Beneficiaries: 1000}
	}
	window := floor.Options{From: ym("2025-01"), To: ym("2025-02"), Regions: tab}

	// a Greater Bay Area floor of 180 (hypothetical)
	g, ok := tab.Group("greater_bay_area")
	if !ok || !slices.Contains(g.Members, shenzhen) || slices.Contains(g.Members, shanwei) {
		t.Fatalf("greater_bay_area %v", g.Members)
	}
	gba, err := floor.NewSet("gba", []floor.Floor{{Program: pension, Per: benefit.PerMonth, Group: g,
		Schedule: sched(t, "2025-01", "180"), Citation: benefit.Citation{Title: "hypothetical 大湾区 agreement"}}}, nil, nil,
		floor.SetOptions{Regions: tab})
	if err != nil {
		t.Fatal(err)
	}
	set, err := floor.Default().Merge(gba)
	if err != nil {
		t.Fatal(err)
	}
	opts := window
	opts.Floors = set

	// Hierarchy: 深圳 pays 200, 汕尾 150, the county 160. Its parent is
	// 深圳: 40 short of 200 (by the digits it would be 10 above 汕尾).
	t.Run("hierarchy", func(t *testing.T) {
		rep := check(t, []floor.Level{lvl(shenzhen, pension, "2025-01", "200"), lvl(shanwei, pension, "2025-01", "150"),
			lvl(county, pension, "2025-01", "160")}, window)
		f := one(t, rep, floor.RuleHierarchy)
		if f.Region != county {
			t.Errorf("hierarchy finding of %s", f.Region)
		}
		eq(t, "required", f.Required, "200")
		eq(t, "shortfall", f.Shortfall, "40")
	})

	// Inheritance: a county with no level of its own pays what 深圳 pays,
	// 140, 3 below the national 143 (汕尾 pays 200), and the finding
	// names 深圳 as where the level came from
	t.Run("inheritance", func(t *testing.T) {
		rep := check(t, []floor.Level{lvl(shenzhen, pension, "2025-01", "140"), lvl(shanwei, pension, "2025-01", "200"),
			{Region: county, Program: pension, Beneficiaries: 1000}}, window)
		var got []floor.Finding
		for _, f := range byRule(rep, floor.RuleFloor) {
			if f.Region == county {
				got = append(got, f)
			}
		}
		if len(got) != 1 || got[0].InheritedFrom != shenzhen || !got[0].Shortfall.Equal(amt("3")) {
			t.Errorf("the county's floor findings: %v", got)
		}
	})

	// A Greater Bay Area floor of 180 (hypothetical) reaches the county
	// through 深圳: paying 160 it is 20 short (the national floor is 143).
	// Set.Required answers the same with the table the set was loaded with.
	t.Run("group", func(t *testing.T) {
		if a, c, ok := set.Required(pension, county, benefit.Dims{}, ym("2025-06")); !ok || !a.Equal(amt("180")) || c.Title != "hypothetical 大湾区 agreement" {
			t.Errorf("Required(441599) = %s %v %v", a, c, ok)
		}
		if a, _, _ := set.Required(pension, region.MustParseCode("441521"), benefit.Dims{}, ym("2025-06")); !a.Equal(amt("143")) {
			t.Errorf("Required(441521 海丰县, under 汕尾) = %s", a)
		}
		f := one(t, check(t, []floor.Level{lvl(county, pension, "2025-01", "160")}, opts), floor.RuleFloor)
		eq(t, "required", f.Required, "180")
		eq(t, "shortfall", f.Shortfall, "20")
	})

	// A waiver on 深圳 covers the county's violation; one on 汕尾 does not.
	t.Run("waiver", func(t *testing.T) {
		for _, c := range []struct {
			on     region.Code
			waived bool
		}{{shenzhen, true}, {shanwei, false}} {
			o := opts
			o.Waivers = []floor.Waiver{{Region: c.on, Program: pension, Interval: benefit.Interval{From: ym("2025-01")}, Reason: "test"}}
			f := one(t, check(t, []floor.Level{lvl(county, pension, "2025-01", "160")}, o), floor.RuleFloor)
			if (f.Severity == floor.Waived) != c.waived {
				t.Errorf("waiver on %s: severity %s", c.on, f.Severity)
			}
		}
	})

	// Reference figures: the county's unemployment benefit of 1,800 must
	// stay below the minimum wage of the division above it (失业保险条例
	// 第十八条). 深圳's is 1,700 (a violation); 汕尾's 2,000 would pass.
	t.Run("reference", func(t *testing.T) {
		rep := check(t, []floor.Level{lvl(shenzhen, "reference.min_wage", "2025-01", "1700"), lvl(shanwei, "reference.min_wage", "2025-01", "2000"),
			lvl(county, "employment.unemployment_insurance", "2025-01", "1800")}, window)
		f := one(t, rep, "ui.art18.below_min_wage")
		if f.Region != county || f.Severity != floor.Violation {
			t.Errorf("finding %s", f)
		}
		eq(t, "bound", f.Required, "1700")
	})
}
