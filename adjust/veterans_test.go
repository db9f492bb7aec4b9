package adjust

import (
	"errors"
	"fmt"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// raise2022 is the raise the shipped 2022-08 disability table shows on
// the 2021-08 one (data-additions 2026-12 §1.1): +9 %, +8 %, +7 % for
// grades 1-6 因战, 因公, 因病, and +8 %, +7 % for grades 7-10 因战, 因公.
func raise2022() []floor.Increase {
	in := []floor.Increase{
		{Dims: benefit.MustParseDims("cause=因战"), Rate: benefit.MustParseRate("9%")},
		{Dims: benefit.MustParseDims("cause=因公"), Rate: benefit.MustParseRate("8%")},
		{Dims: benefit.MustParseDims("cause=因病"), Rate: benefit.MustParseRate("7%")},
	}
	for g := 7; g <= 10; g++ {
		in = append(in,
			floor.Increase{Dims: benefit.MustParseDims(fmt.Sprintf("cause=因战;grade=%d", g)), Rate: benefit.MustParseRate("8%")},
			floor.Increase{Dims: benefit.MustParseDims(fmt.Sprintf("cause=因公;grade=%d", g)), Rate: benefit.MustParseRate("7%")})
	}
	return in
}

// byCause raises each cause column by its own rate.
func byCause(war, duty, ill string) []floor.Increase {
	return []floor.Increase{
		{Dims: benefit.MustParseDims("cause=因战"), Rate: benefit.MustParseRate(war)},
		{Dims: benefit.MustParseDims("cause=因公"), Rate: benefit.MustParseRate(duty)},
		{Dims: benefit.MustParseDims("cause=因病"), Rate: benefit.MustParseRate(ill)},
	}
}

// disabilityColumns are the 26 columns of the disability table: grades
// 1-10 因战 and 因公, grades 1-6 因病 (军人抚恤优待条例 第二十七条).
func disabilityColumns() []benefit.Dims {
	var out []benefit.Dims
	for g := 1; g <= 10; g++ {
		for _, c := range []string{"因战", "因公", "因病"} {
			if c == "因病" && g > 6 {
				continue
			}
			out = append(out, benefit.MustParseDims(fmt.Sprintf("cause=%s;grade=%d", c, g)))
		}
	}
	return out
}

// A scenario that projects the disability table from 2021-08 (its
// "tables", Through 2021-08, +9/8/7 % and +8/7 % from 2022-08) runs on a
// 2022 standard equal to the shipped 2022-08 table in every one of the
// 26 columns, marked projected; the next step (+6 % 因战, +5 % 因公, +4 %
// 因病 from 2023-08, half-up to 10 yuan) gives, by hand:
//
//	grade 1 因战   116,270 × 1.06 = 123,246.2 → 123,250
//	grade 10 因公   10,850 × 1.05 =  11,392.5 →  11,390 (1,139.25 tens → 1,139)
//	grade 6 因病    36,230 × 1.04 =  37,679.2 →  37,680
func TestTablesReproduce2022(t *testing.T) {
	hand := map[string]string{"cause=因战;grade=1": "123250.00", "cause=因公;grade=10": "11390.00", "cause=因病;grade=6": "37680.00"}
	for _, dims := range disabilityColumns() {
		shipped, _ := floor.Default().NationalSchedule("veterans.disability", dims)
		want2022, _ := shipped.At(benefit.MustParseMonth("2022-08"))
		s := scenario.Scenario{
			Name: "the 2021 table projected", Program: "veterans.disability", Dims: dims,
			StartYear: 2022, Horizon: 2, EffectiveMonth: 8,
			Tables: []floor.Projection{{Program: "veterans.disability", Through: benefit.MustParseMonth("2021-08"), Steps: []floor.Step{
				{From: benefit.MustParseMonth("2022-08"), Increases: raise2022()},
				{From: benefit.MustParseMonth("2023-08"), Increases: byCause("6%", "5%", "4%")},
			}}},
			Regions:   []scenario.Region{{Code: sd, Beneficiaries: 10, Level: want2022.Amount}},
			Floor:     floor.Path{Projection: floor.Trend{Kind: floor.TrendHold}},
			Rule:      scenario.PassThrough(),
			CostRules: []region.CostRule{illustrativeVeteransRule()},
		}
		r, err := Run(t.Context(), s, Options{})
		if err != nil {
			t.Fatalf("%s: %v", dims, err)
		}
		if f := r.Floors[1]; f.Year != 2022 || !f.Amount.Equal(want2022.Amount) || f.Status != benefit.Projected || want2022.From.String() != "2022-08" {
			t.Errorf("%s 2022: %s %s, want the shipped %s of %s, projected", dims, f.Amount, f.Status, want2022.Amount, want2022.From)
		}
		if w, ok := hand[dims.String()]; ok && r.Floors[2].Amount.String() != w {
			t.Errorf("%s 2023: %s, want %s", dims, r.Floors[2].Amount, w)
		}
	}
}

// The 带病回乡 allowance (veterans.ill_returned, a month) keeps its rule
// (data-additions 2026-12 §1.3): at least 650 (the shipped floor from
// 2020-08), raises of at least 50 (MinRaise), at most the grade-10 因战
// disability standard (Ceiling), compared × 12 with the yearly standard.
// The disability table is projected from the shipped 2022-08 one (grade
// 10 因战 12,810), half-up to 10 yuan, raised each August:
//
//	2023: +5 %  12,810 × 1.05 = 13,450.5 → 13,450; 12 × 1,120 = 13,440 ≤ 13,450 < 12 × 1,121: ceiling 1,120
//	2024: +5 %  13,450 × 1.05 = 14,122.5 → 14,120; 12 × 1,176 = 14,112 ≤ 14,120 < 14,124: ceiling 1,176
//	2025: +2 %  14,120 × 1.02 = 14,402.4 → 14,400; 12 × 1,200 = 14,400: ceiling 1,200
//
// The rule proposes +5 % of the level, half-up to the yuan, from August:
//
//	山东 700:  735 (+35 < 50) → 750 min_raise; 787.5 → 788 (+38) → 800 min_raise; 840 (+40) → 850 min_raise
//	江苏 1,067: 1,120.35 → 1,120 (+53, at the ceiling exactly) none; 1,176 (+56) none;
//	           1,234.8 → 1,235 > 1,200, and 1,200 is +24 < 50: held at 1,176 (ceiling)
//	河南 620 (below the floor 650): a raise is forced, at least 620 + 50 = 670 (min_raise)
//
// 山东's 2023 cost, 1,000 persons, 7 months at 700 and 5 at 750:
// 1,000 × (4,900 + 3,750) = 8,650,000.00; the floor part 1,000 × 12 ×
// 650 = 7,800,000, half of it central under the ILLUSTRATIVE rule (tier
// 3): 3,900,000.00, local 4,750,000.00. 河南's months at 620 before
// August 2023 are below the floor, and the floor check says so.
func TestIllReturned(t *testing.T) {
	js, hn := region.MustParseCode("320000"), region.MustParseCode("410000")
	rule := illustrativeVeteransRule()
	rule.Program = "veterans.ill_returned"
	s := scenario.Scenario{
		Name: "带病回乡", Program: "veterans.ill_returned", StartYear: 2023, Horizon: 3, EffectiveMonth: 8,
		Tables: []floor.Projection{{Program: "veterans.disability", Steps: []floor.Step{
			{From: benefit.MustParseMonth("2023-08"), Increases: []floor.Increase{{Rate: benefit.MustParseRate("5%")}}},
			{From: benefit.MustParseMonth("2024-08"), Increases: []floor.Increase{{Rate: benefit.MustParseRate("5%")}}},
			{From: benefit.MustParseMonth("2025-08"), Increases: []floor.Increase{{Rate: benefit.MustParseRate("2%")}}},
		}}},
		Regions: []scenario.Region{reg(sd, 1000, "700", "1"), reg(js, 1000, "1067", "1"), reg(hn, 1000, "620", "1")},
		Floor:   floor.Path{Projection: floor.Trend{Kind: floor.TrendHold}},
		Rule:    scenario.PercentOfLevel(benefit.MustParseRate("5%")),
		Constraints: scenario.Constraints{MinRaise: amtp("50"),
			Ceiling: &scenario.Ceiling{Program: "veterans.disability", Dims: benefit.MustParseDims("cause=因战;grade=10")}},
		CostRules: []region.CostRule{rule},
	}
	r := mustRun(t, s)
	check(t, r, []want{
		{sd, 2023, "750.00", BindMinRaise, "8650000.00", "3900000.00", "4750000.00"},
		{sd, 2024, "800.00", BindMinRaise, "", "", ""},
		{sd, 2025, "850.00", BindMinRaise, "", "", ""},
		{js, 2023, "1120.00", BindNone, "", "", ""},
		{js, 2024, "1176.00", BindNone, "", "", ""},
		{js, 2025, "1176.00", BindCeiling, "", "", ""},
		{hn, 2023, "670.00", BindMinRaise, "", "", ""},
	})
	if r.Constraints != "floor, no cut, raises of at least 50.00, at most veterans.disability cause=因战;grade=10" {
		t.Errorf("constraints %q", r.Constraints)
	}
	for _, ry := range r.Rows {
		for _, f := range ry.Findings {
			if f.Severity == floor.Violation && !(ry.Region == hn && ry.Year == 2023 && f.Rule == floor.RuleFloor) {
				t.Errorf("%s %d: %s %s", ry.Region, ry.Year, f.Rule, f.Severity)
			}
		}
	}
	if ry, _ := r.Get(hn, 2023); len(ry.Findings) == 0 {
		t.Errorf("河南 2023: no finding for the months at 620 below the floor 650")
	}
}

// The new scenario fields are validated like the others: each error
// names its JSON path and wraps a sentinel.
func TestMonthTablesCeilingErrors(t *testing.T) {
	base := func() scenario.Scenario {
		s := julyScenario(scenario.PassThrough(), 7, reg(sd, 10, "100", "1"))
		return s
	}
	cases := []struct {
		name  string
		edit  func(*scenario.Scenario)
		field string
		is    error
	}{
		{"month 13", func(s *scenario.Scenario) { s.EffectiveMonth = 13 }, "effective_month", benefit.ErrRange},
		{"month -1", func(s *scenario.Scenario) { s.EffectiveMonth = -1 }, "effective_month", benefit.ErrRange},
		{"path month", func(s *scenario.Scenario) { s.Floor.Month = 14 }, "floor.month", benefit.ErrRange},
		{"table step", func(s *scenario.Scenario) {
			s.Tables = []floor.Projection{{Program: "veterans.disability", Steps: []floor.Step{{Increases: []floor.Increase{{}}}}}}
		}, "tables[0].steps[0].from", benefit.ErrSyntax},
		{"table program", func(s *scenario.Scenario) { s.Tables = []floor.Projection{{Program: "nope"}} }, "tables[0].program", benefit.ErrUnknownProgram},
		{"min raise", func(s *scenario.Scenario) { s.Constraints.MinRaise = amtp("-1") }, "constraints.min_raise", benefit.ErrNegative},
		{"ceiling program", func(s *scenario.Scenario) { s.Constraints.Ceiling = &scenario.Ceiling{Program: "nope"} }, "constraints.ceiling.program", benefit.ErrUnknownProgram},
		{"ceiling dims", func(s *scenario.Scenario) {
			s.Constraints.Ceiling = &scenario.Ceiling{Program: "veterans.disability", Dims: benefit.MustParseDims("grade=11")}
		}, "constraints.ceiling.dims", benefit.ErrDimension},
		{"ceiling no standard", func(s *scenario.Scenario) {
			s.Constraints.Ceiling = &scenario.Ceiling{Program: "employment.unemployment_insurance"}
		}, "constraints.ceiling", floor.ErrNoFloor},
		{"ceiling unnamed", func(s *scenario.Scenario) { s.Constraints.Ceiling = &scenario.Ceiling{} }, "constraints.ceiling.program", benefit.ErrSyntax},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := base()
			c.edit(&s)
			err := Validate(&s, Options{})
			var re *benefit.RecordError
			if !errors.As(err, &re) || re.Field != c.field || !errors.Is(err, c.is) {
				t.Errorf("got %v, want a RecordError at %s wrapping %v", err, c.field, c.is)
			}
		})
	}
}
