package columns_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/columns"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

var (
	sd = region.MustParseCode("370000") // 山东, fiscal tier 3
	sc = region.MustParseCode("510000") // 四川, fiscal tier 1
)

func tiers(a, b, c, d, e string) map[string]benefit.Rate {
	out := map[string]benefit.Rate{}
	for i, s := range []string{a, b, c, d, e} {
		out[string(rune('1'+i))] = benefit.MustParseRate(s)
	}
	return out
}

func amt(s string) *benefit.Amount { a := benefit.MustParseAmount(s); return &a }

// small is a table scenario of two provinces and two columns, the
// disability table raised from August 2023 by +6 % (因战), +5 % (因公),
// +4 % (因病), levels following it (pass-through), under an ILLUSTRATIVE
// split (the tier shares 80/60/50/30/10 % of the part up to the standard).
func small() columns.Scenario {
	inc := func(d, r string) floor.Increase {
		return floor.Increase{Dims: benefit.MustParseDims(d), Rate: benefit.MustParseRate(r)}
	}
	return columns.Scenario{
		Scenario: scenario.Scenario{
			Name: "two provinces, two columns", Program: "veterans.disability", StartYear: 2023, Horizon: 1, EffectiveMonth: 8,
			Tables: []floor.Projection{{Program: "veterans.disability", Steps: []floor.Step{{From: benefit.MustParseMonth("2023-08"),
				Increases: []floor.Increase{inc("cause=因战", "6%"), inc("cause=因公", "5%"), inc("cause=因病", "4%")}}}}},
			Floor: floor.Path{Projection: floor.Trend{Kind: floor.TrendHold}},
			Rule:  scenario.PassThrough(),
			CostRules: []region.CostRule{{Program: "veterans.disability", FloorPart: tiers("80%", "60%", "50%", "30%", "10%"),
				TopUp: tiers("0%", "0%", "0%", "0%", "0%"), Citation: benefit.Citation{Title: "ILLUSTRATIVE"}}},
		},
		Counts: []columns.Count{
			{Region: sd, Dims: benefit.MustParseDims("cause=因公;grade=10"), Beneficiaries: 100},
			{Region: sd, Dims: benefit.MustParseDims("cause=因战;grade=1"), Beneficiaries: 10},
			{Region: sc, Dims: benefit.MustParseDims("cause=因公;grade=10"), Beneficiaries: 200, Level: amt("11000")},
		},
	}
}

// A table run costs each region over its columns, month by month. The
// shipped 2022-08 standards, then from August 2023:
//
//	grade 1 因战   116,270 × 1.06 = 123,246.2 → 123,250
//	grade 10 因公   10,850 × 1.05 =  11,392.5 →  11,390
//
// 2023 pays 7 months of the old standard and 5 of the new, a twelfth a
// month, each region-year rounded once half-up to the fen:
//
//	山东 grade 1 因战, 10:   10 × (7 × 116,270 + 5 × 123,250) ÷ 12 = 14,301,400 ÷ 12 = 1,191,783.33
//	                        central 50 % 595,891.665 → 595,891.67, local 595,891.66
//	山东 grade 10 因公, 100: 100 × (7 × 10,850 + 5 × 11,390) ÷ 12 = 13,290,000 ÷ 12 = 1,107,500.00
//	                        central 553,750.00, local 553,750.00
//	四川 grade 10 因公, 200 at 11,000 (a top-up of 150), +540 from August → 11,540:
//	                        200 × (7 × 11,000 + 5 × 11,540) ÷ 12 = 26,940,000 ÷ 12 = 2,245,000.00
//	                        floor part 200 × 132,900 ÷ 12 = 2,215,000.00, central 80 % 1,772,000.00, local 473,000.00
//
// 山东: 2,299,283.33 = 1,149,641.67 + 1,149,641.66; 四川 2,245,000.00 =
// 1,772,000.00 + 473,000.00; the nation 4,544,283.33 = 2,921,641.67 +
// 1,622,641.66, 310 beneficiaries.
func TestRunSmall(t *testing.T) {
	r, err := columns.Run(t.Context(), small(), adjust.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Columns) != 2 || r.Columns[0].Dims.String() != "cause=因战;grade=1" || r.Columns[1].Dims.String() != "cause=因公;grade=10" {
		t.Fatalf("columns %v", r.Columns)
	}
	if f := r.Columns[0].Result.Floors[1]; f.Amount.String() != "123250.00" || f.Status != benefit.Projected {
		t.Errorf("grade 1 因战 2023: %+v", f)
	}
	ry, _ := r.Columns[0].Result.Get(sd, 2023)
	if c := ry.Cost; c.Total.String() != "1191783.33" || c.Central.String() != "595891.67" || c.Local.String() != "595891.66" {
		t.Errorf("山东 grade 1 因战: %+v", c)
	}
	ry, _ = r.Columns[1].Result.Get(sc, 2023)
	if c := ry.Cost; ry.Level.String() != "11540.00" || c.Total.String() != "2245000.00" || c.Central.String() != "1772000.00" || c.Local.String() != "473000.00" {
		t.Errorf("四川 grade 10 因公: %s %+v", ry.Level, c)
	}
	want := map[region.Code][3]string{sd: {"2299283.33", "1149641.67", "1149641.66"}, sc: {"2245000.00", "1772000.00", "473000.00"}}
	for _, ry := range r.Regions {
		w := want[ry.Region]
		if ry.Cost.Total.String() != w[0] || ry.Cost.Central.String() != w[1] || ry.Cost.Local.String() != w[2] {
			t.Errorf("%s: %+v, want %v", ry.Region, ry.Cost, w)
		}
	}
	if y := r.Years[0]; y.Year != 2023 || y.Beneficiaries != 310 || y.Cost.Total.String() != "4544283.33" ||
		y.Cost.Central.String() != "2921641.67" || y.Cost.Local.String() != "1622641.66" {
		t.Errorf("2023: %+v", y)
	}
	if r.EffectiveMonth != 8 || r.CostSharing.Title != "ILLUSTRATIVE" || r.Run.ScenarioSHA256 == r.Columns[0].Result.Run.ScenarioSHA256 {
		t.Errorf("header: month %d, cost sharing %+v, hash %s", r.EffectiveMonth, r.CostSharing, r.Run.ScenarioSHA256)
	}
}

// The shipped veterans scenario runs all 26 columns over the 31
// provinces, and every figure adds up: per region-year the columns' costs,
// per year the regions'. Beijing's grade 1 因战 (7 persons, tier 5, the
// ILLUSTRATIVE 10 % central) in 2023: 7 × (7 × 116,270 + 5 × 123,250) ÷ 12
// = 10,010,980 ÷ 12 = 834,248.33, central 83,424.833 → 83,424.83.
func TestBuiltinVeterans(t *testing.T) {
	b, err := scenario.Builtin("veterans")
	if err != nil || b.Kind != scenario.KindColumns || !b.Illustrative() {
		t.Fatalf("builtin veterans: %+v", b)
	}
	s, err := columns.Builtin(b, adjust.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := columns.Run(t.Context(), s, adjust.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Columns) != 26 || len(r.Regions) != 31*5 || len(r.Years) != 5 || !r.Run.Illustrative {
		t.Fatalf("%d columns, %d region-years, %d years", len(r.Columns), len(r.Regions), len(r.Years))
	}
	ry, _ := r.Columns[0].Result.Get(region.MustParseCode("110000"), 2023)
	if ry.Beneficiaries != 7 || ry.Cost.Total.String() != "834248.33" || ry.Cost.Central.String() != "83424.83" {
		t.Errorf("北京 grade 1 因战 2023: %d persons, %+v", ry.Beneficiaries, ry.Cost)
	}
	for i, ry := range r.Regions {
		var total, central benefit.Amount
		for _, c := range r.Columns {
			x := c.Result.Rows[i]
			total, central = total.Add(x.Cost.Total), central.Add(x.Cost.Central)
		}
		if !total.Equal(ry.Cost.Total) || !central.Equal(ry.Cost.Central) || !ry.Cost.Central.Add(ry.Cost.Local).Equal(ry.Cost.Total) {
			t.Errorf("%s %d: %+v, columns add to %s / %s", ry.Region, ry.Year, ry.Cost, total, central)
		}
	}
	for _, y := range r.Years {
		var total benefit.Amount
		var n int64
		for _, ry := range r.Regions {
			if ry.Year == y.Year {
				total, n = total.Add(ry.Cost.Total), n+ry.Beneficiaries
			}
		}
		if !total.Equal(y.Cost.Total) || n != y.Beneficiaries || n != 599993 {
			t.Errorf("%d: %+v, regions add to %s and %d persons", y.Year, y, total, n)
		}
	}
}

// Bad table scenarios are refused naming the field.
func TestValidate(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*columns.Scenario)
		field string
		is    error
	}{
		{"dims", func(s *columns.Scenario) { s.Dims = benefit.MustParseDims("cause=因战;grade=1") }, "dims", benefit.ErrSyntax},
		{"fiscal cap", func(s *columns.Scenario) {
			s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: benefit.MustParseRate("1%")}
		}, "constraints.fiscal_cap", errors.ErrUnsupported},
		{"no counts", func(s *columns.Scenario) { s.Counts = nil }, "counts", benefit.ErrSyntax},
		{"twice", func(s *columns.Scenario) { s.Counts = append(s.Counts, s.Counts[0]) }, "counts[3].region", benefit.ErrSyntax},
		{"因病 grade 7", func(s *columns.Scenario) { s.Counts[0].Dims = benefit.MustParseDims("cause=因病;grade=7") }, "counts[0].dims", benefit.ErrDimension},
		{"negative", func(s *columns.Scenario) { s.Counts[1].Beneficiaries = -1 }, "counts[1].beneficiaries", benefit.ErrNegative},
		{"unknown region", func(s *columns.Scenario) { s.Counts[1].Region = region.MustParseCode("419999") }, "counts[1].region", region.ErrUnknownRegion},
		{"region beneficiaries", func(s *columns.Scenario) { s.Regions = []scenario.Region{{Code: sd, Beneficiaries: 5}} }, "regions[0].beneficiaries", benefit.ErrSyntax},
		{"bad rule", func(s *columns.Scenario) { s.Rule = scenario.Rule{Kind: "nope"} }, "rule.kind", benefit.ErrSyntax},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := small()
			c.edit(&s)
			_, err := columns.Run(t.Context(), s, adjust.Options{})
			var re *benefit.RecordError
			if !errors.As(err, &re) || re.Field != c.field || !errors.Is(err, c.is) {
				t.Errorf("got %v, want a RecordError at %s wrapping %v", err, c.field, c.is)
			}
		})
	}
	// a programme with no national standard (在乡复员军人: central
	// increments only, data-additions §1.4)
	s := small()
	s.Program, s.Tables = "veterans.demobilized", nil
	s.CostRules[0].Program = "veterans.demobilized"
	s.Counts = []columns.Count{{Region: sd, Dims: benefit.MustParseDims("enlisted=抗日战争时期"), Beneficiaries: 3}}
	_, err := columns.Run(t.Context(), s, adjust.Options{})
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.Field != "counts[0].dims" || !errors.Is(err, floor.ErrNoFloor) {
		t.Errorf("no national standard: %v", err)
	}
}

// A table scenario reads from JSON strictly, its errors naming file,
// line and field.
func TestLoadScenario(t *testing.T) {
	const doc = `{
  "name": "t", "program": "veterans.disability", "start_year": 2023, "horizon": 1, "effective_month": 8,
  "floor": {"projection": {"kind": "hold"}},
  "rule": {"kind": "pass_through"},
  "cost_rules": [{"program": "veterans.disability", "floor_part": {"1": "80%", "2": "60%", "3": "50%", "4": "30%", "5": "10%"},
    "top_up": {"1": "0%", "2": "0%", "3": "0%", "4": "0%", "5": "0%"}, "citation": {}}],
  "counts": [
    {"region": "370000", "dims": "cause=因战;grade=1", "beneficiaries": 10},
    {"region": "370000", "dims": "cause=因战;grade=11", "beneficiaries": 10}
  ]
}`
	_, err := columns.LoadScenario(strings.NewReader(doc), "v.json", adjust.Options{})
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.File != "v.json" || re.Line != 9 || re.Field != "counts[1].dims" || !errors.Is(err, benefit.ErrDimension) {
		t.Errorf("got %v, want v.json:9 counts[1].dims", err)
	}
	s, err := columns.LoadScenario(strings.NewReader(strings.Replace(doc, "grade=11", "grade=2", 1)), "v.json", adjust.Options{})
	if err != nil || len(s.Counts) != 2 {
		t.Fatalf("%v", err)
	}
	if _, err := columns.LoadScenario(strings.NewReader(strings.Replace(doc, `"counts"`, `"count"`, 1)), "v.json", adjust.Options{}); !errors.Is(err, benefit.ErrSyntax) {
		t.Errorf("unknown member: %v", err)
	}
}

// The survivors' pensions (定期抚恤金) by category project and cost the
// same way. The shipped 2021-08 standards raised +5 % from August 2022,
// half-up to 10 yuan:
//
//	烈士遗属       33,860 × 1.05 = 35,553 → 35,550
//	病故军人遗属   27,360 × 1.05 = 28,728 → 28,730
//
// 山东, 100 烈士遗属 in 2022: 100 × (7 × 33,860 + 5 × 35,550) ÷ 12 =
// 41,477,000 ÷ 12 = 3,456,416.666… → 3,456,416.67.
func TestSurvivors(t *testing.T) {
	s := small()
	s.Program, s.StartYear = "veterans.survivors", 2022
	s.Tables = []floor.Projection{{Program: "veterans.survivors", Steps: []floor.Step{{From: benefit.MustParseMonth("2022-08"),
		Increases: []floor.Increase{{Rate: benefit.MustParseRate("5%")}}}}}}
	s.CostRules[0].Program = "veterans.survivors"
	s.Counts = []columns.Count{
		{Region: sd, Dims: benefit.MustParseDims("survivor=烈士遗属"), Beneficiaries: 100},
		{Region: sd, Dims: benefit.MustParseDims("survivor=病故军人遗属"), Beneficiaries: 10},
	}
	r, err := columns.Run(t.Context(), s, adjust.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Columns) != 2 || r.Columns[0].Dims.String() != "survivor=烈士遗属" ||
		r.Columns[0].Result.Floors[1].Amount.String() != "35550.00" || r.Columns[1].Result.Floors[1].Amount.String() != "28730.00" {
		t.Fatalf("columns %v", r.Columns)
	}
	if c := r.Columns[0].Result.Rows[0].Cost; c.Total.String() != "3456416.67" {
		t.Errorf("烈士遗属 2022: %+v", c)
	}
}
