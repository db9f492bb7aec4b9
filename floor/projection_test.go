package floor_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// disabilityThrough returns the shipped disability tables (残疾抚恤金)
// up to and including month through, as a set of their own.
func disabilityThrough(t *testing.T, through string) *floor.Set {
	t.Helper()
	var fs []floor.Floor
	for _, f := range floor.Default().Floors("veterans.disability") {
		var vs []benefit.Version
		for _, v := range f.Schedule.All() {
			if v.From <= ym(through) {
				vs = append(vs, v)
			}
		}
		f.Schedule = mustSchedule(vs...)
		fs = append(fs, f)
	}
	s, err := floor.NewSet("disability to "+through, fs, nil, nil, floor.SetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// rate is a percentage for the tests.
func rate(s string) benefit.Rate { return benefit.MustParseRate(s) }

// raise2022 is the raise the shipped 2022-08 table shows on the 2021-08
// one: +9 %, +8 %, +7 % for grades 1-6 因战, 因公, 因病, and +8 %, +7 %
// for grades 7-10 因战, 因公 (因病 is rated for grades 1-6 only).
func raise2022() []floor.Increase {
	in := []floor.Increase{
		{Dims: benefit.MustParseDims("cause=因战"), Rate: rate("9%")},
		{Dims: benefit.MustParseDims("cause=因公"), Rate: rate("8%")},
		{Dims: benefit.MustParseDims("cause=因病"), Rate: rate("7%")},
	}
	for g := 7; g <= 10; g++ {
		in = append(in,
			floor.Increase{Dims: benefit.MustParseDims(fmt.Sprintf("cause=因战;grade=%d", g)), Rate: rate("8%")},
			floor.Increase{Dims: benefit.MustParseDims(fmt.Sprintf("cause=因公;grade=%d", g)), Rate: rate("7%")})
	}
	return in
}

// The shipped 2021-08 disability table raised +9/8/7 % (grades 1-6)
// and +8/7 % (grades 7-10), half-up to 10 yuan (the programme's
// rounding), gives the shipped 2022-08 table exactly, cell by cell
// (disabilityTable, typed from the source CSV). By hand:
//
//	grade 1 因战  106,670 × 1.09 = 116,270.3 → 116,270
//	grade 2 因公   91,450 × 1.08 =  98,766   →  98,770
//	grade 6 因病   33,860 × 1.07 =  36,230.2 →  36,230
//	grade 7 因战   32,200 × 1.08 =  34,776   →  34,780
//	grade 8 因公   18,610 × 1.07 =  19,912.7 →  19,910
//	grade 10 因公  10,140 × 1.07 =  10,849.8 →  10,850
//
// A second step adds a flat 100 yuan from 2023-08 (an amount is added as
// given): grade 1 因战 116,270 + 100 = 116,370.
func TestProjectDisabilityTable(t *testing.T) {
	base := disabilityThrough(t, "2021-08")
	cite := benefit.Citation{Title: "projection for a test"}
	got, err := base.Project(floor.Projection{Program: "veterans.disability", Citation: cite, Steps: []floor.Step{
		{From: ym("2022-08"), Increases: raise2022()},
		{From: ym("2023-08"), Increases: []floor.Increase{{Amount: benefit.Yuan(100)}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	cells := 0
	for g := 1; g <= 10; g++ {
		for c, cause := range causes {
			want := disabilityTable["2022-08"][g-1][c]
			if want == 0 {
				continue
			}
			cells++
			dims := benefit.MustParseDims(fmt.Sprintf("cause=%s;grade=%d", cause, g))
			sch, ok := got.NationalSchedule("veterans.disability", dims)
			if !ok {
				t.Fatalf("no column %s", dims)
			}
			v, _ := sch.At(ym("2022-09"))
			if v.From != ym("2022-08") || !v.Amount.Equal(benefit.Yuan(int64(want))) || v.Status != benefit.Projected || v.Citation.Title != cite.Title {
				t.Errorf("%s 2022-08: %s %s (%+v), want %d projected", dims, v.Amount, v.Status, v.Citation, want)
			}
			v, _ = sch.At(ym("2023-08"))
			if !v.Amount.Equal(benefit.Yuan(int64(want + 100))) {
				t.Errorf("%s 2023-08: %s, want %d", dims, v.Amount, want+100)
			}
		}
	}
	if cells != 26 {
		t.Errorf("%d cells, want 26", cells)
	}
	// the set it came from is not changed
	if sch, _ := base.NationalSchedule("veterans.disability", benefit.MustParseDims("cause=因战;grade=1")); sch.Len() != 7 {
		t.Errorf("the base set now has %d versions of grade 1 因战", sch.Len())
	}
	// a level below a projected figure is found against it: a county
	// paying grade-1 因战 the 2021 figure in 2022-09 is 9,600 short
	// (116,270 − 106,670), the floor version compared marked projected
	rep, err := floor.Check([]floor.Level{{Region: region.MustParseCode("371723"), Program: "veterans.disability",
		Dims: benefit.MustParseDims("cause=因战;grade=1"), Per: benefit.PerYear, Beneficiaries: 1,
		Schedule: mustSchedule(benefit.Version{From: ym("2021-08"), Amount: benefit.Yuan(106670), Status: benefit.Illustrative})}},
		floor.Options{Floors: got, From: ym("2022-09"), To: ym("2022-10")})
	if err != nil {
		t.Fatal(err)
	}
	f := one(t, rep, floor.RuleFloor)
	if !f.Shortfall.Equal(benefit.Yuan(9600)) || f.FloorStatus != benefit.Projected {
		t.Errorf("finding %+v", f)
	}
}

// A projection without a citation says in each version what was raised
// by how much.
func TestProjectNote(t *testing.T) {
	got, err := floor.Default().Project(floor.Projection{Program: "pension.resident.basic",
		Steps: []floor.Step{{From: ym("2026-01"), Increases: []floor.Increase{{Amount: benefit.Yuan(20)}}}}})
	if err != nil {
		t.Fatal(err)
	}
	sch, _ := got.NationalSchedule("pension.resident.basic", benefit.Dims{})
	v, _ := sch.Last()
	// 143 (2025) + 20
	if !v.Amount.Equal(benefit.Yuan(163)) || v.Status != benefit.Projected || v.Citation.Note != "projected: +20.00 from 2026-01" {
		t.Errorf("last version %+v", v)
	}
}

// Bad projections are errors naming the step and field; nothing is
// projected.
func TestProjectErrors(t *testing.T) {
	base := disabilityThrough(t, "2021-08")
	all := []floor.Increase{{Rate: rate("10%")}}
	cases := []struct {
		name  string
		p     floor.Projection
		field string
		is    error
	}{
		{"unknown programme", floor.Projection{Program: "veterans.nope"}, "program", benefit.ErrUnknownProgram},
		{"no national floor", floor.Projection{Program: "employment.unemployment_insurance"}, "program", floor.ErrNoFloor},
		{"not after the last version", floor.Projection{Program: "veterans.disability",
			Steps: []floor.Step{{From: ym("2021-08"), Increases: all}}}, "steps[0].from", benefit.ErrOrder},
		{"steps out of order", floor.Projection{Program: "veterans.disability",
			Steps: []floor.Step{{From: ym("2023-08"), Increases: all}, {From: ym("2022-08"), Increases: all}}}, "steps[1].from", benefit.ErrOrder},
		{"no month", floor.Projection{Program: "veterans.disability", Steps: []floor.Step{{Increases: all}}}, "steps[0].from", benefit.ErrSyntax},
		// 因病 has no increase: no column is held silently
		{"a column no increase matches", floor.Projection{Program: "veterans.disability", Steps: []floor.Step{{From: ym("2022-08"),
			Increases: raise2022()[:2]}}}, "steps[0].increases", benefit.ErrSyntax},
		{"ambiguous patterns", floor.Projection{Program: "veterans.disability", Steps: []floor.Step{{From: ym("2022-08"),
			Increases: []floor.Increase{{Dims: benefit.MustParseDims("cause=因战")}, {Dims: benefit.MustParseDims("grade=1")}, {Rate: rate("1%")}}}}},
			"steps[0].increases[1].dims", benefit.ErrSyntax},
		{"pattern twice", floor.Projection{Program: "veterans.disability", Steps: []floor.Step{{From: ym("2022-08"),
			Increases: []floor.Increase{{Rate: rate("1%")}, {Rate: rate("2%")}}}}}, "steps[0].increases[1].dims", benefit.ErrSyntax},
		{"negative amount", floor.Projection{Program: "veterans.disability", Steps: []floor.Step{{From: ym("2022-08"),
			Increases: []floor.Increase{{Amount: benefit.Yuan(-1)}}}}}, "steps[0].increases[0].amount", benefit.ErrNegative},
		{"rate and amount", floor.Projection{Program: "veterans.disability", Steps: []floor.Step{{From: ym("2022-08"),
			Increases: []floor.Increase{{Rate: rate("1%"), Amount: benefit.Yuan(1)}}}}}, "steps[0].increases[0].rate", benefit.ErrSyntax},
		// 106,670 + 999,999,999,999,999 has 16 integer digits
		{"too large", floor.Projection{Program: "veterans.disability", Steps: []floor.Step{{From: ym("2022-08"),
			Increases: []floor.Increase{{Amount: benefit.MustParseAmount("999999999999999")}}}}}, "steps[0].from", benefit.ErrRange},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := base.Project(c.p)
			var re *benefit.RecordError
			if !errors.As(err, &re) || re.Field != c.field || !errors.Is(err, c.is) {
				t.Errorf("got %v, want a RecordError at %s wrapping %v", err, c.field, c.is)
			}
		})
	}
}

// A negative rate holds a column: a projected floor is never cut. With a
// rate of 0.01 % the grade-10 因公 figure 10,140 × 1.0001 = 10,141.014
// rounds back to 10,140 (half-up to 10), held too.
func TestProjectNeverCuts(t *testing.T) {
	for _, r := range []string{"-5%", "0.01%"} {
		got, err := disabilityThrough(t, "2021-08").Project(floor.Projection{Program: "veterans.disability",
			Steps: []floor.Step{{From: ym("2022-08"), Increases: []floor.Increase{{Rate: rate(r)}}}}})
		if err != nil {
			t.Fatal(err)
		}
		sch, _ := got.NationalSchedule("veterans.disability", benefit.MustParseDims("cause=因公;grade=10"))
		if v, _ := sch.Last(); v.From != ym("2022-08") || !v.Amount.Equal(benefit.Yuan(10140)) {
			t.Errorf("%s: %+v", r, v)
		}
	}
}

// A path of the residents' pension given in full, +20 a year after it:
//
//	2024: 123 (history), 2025: 143 (history), 2026: 163, 2027: 183
func TestPathStep(t *testing.T) {
	p := floor.Path{History: []benefit.Version{
		{From: ym("2024-01"), Amount: benefit.Yuan(123), Status: benefit.Announced},
		{From: ym("2025-01"), Amount: benefit.Yuan(143), Status: benefit.Legislated},
	}, Projection: floor.StepTrend(benefit.Yuan(20))}
	pr, err := p.Project(floor.PathOptions{Program: "pension.resident.basic", From: 2024, To: 2027})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		amount string
		status benefit.Status
	}{{"123", benefit.Announced}, {"143", benefit.Legislated}, {"163", benefit.Projected}, {"183", benefit.Projected}}
	if len(pr.Years) != len(want) || pr.Source != "scenario" {
		t.Fatalf("years %+v, source %q", pr.Years, pr.Source)
	}
	for i, w := range want {
		y := pr.Years[i]
		if y.Year != 2024+i || !y.Amount.Equal(benefit.MustParseAmount(w.amount)) || y.Status != w.status {
			t.Errorf("year %d: %+v, want %s %s", 2024+i, y, w.amount, w.status)
		}
	}
	if v, _ := pr.Schedule.At(ym("2027-06")); v.From != ym("2027-01") || !v.Amount.Equal(benefit.Yuan(183)) || v.Status != benefit.Projected {
		t.Errorf("schedule in 2027-06: %+v", v)
	}
	// a level of 170 in 2027 is 13 below the projected floor 183
	rep, err := floor.Check([]floor.Level{{Region: region.MustParseCode("110000"), Program: "pension.resident.basic", Per: benefit.PerMonth,
		Beneficiaries: 1, Schedule: sched(t, "2027-01", "170")}}, floor.Options{From: ym("2027-01"), To: ym("2028-01"), Floors: pr.Floors})
	if err != nil {
		t.Fatal(err)
	}
	if f := one(t, rep, floor.RuleFloor); !f.Shortfall.Equal(benefit.Yuan(13)) || f.FloorStatus != benefit.Projected {
		t.Errorf("finding %+v", f)
	}
}

// The shipped history up to 2025 (123 from 2024-01, 143 from 2025-01),
// then indexed: 50 % × wage 6 % + 50 % × CPI 2 % = 4 %, rounded half-up
// to the yuan (the programme's rounding): 143 × 1.04 = 148.72 → 149;
// 149 × 1.04 = 154.96 → 155. A year whose growth is not known is the
// caller's error, returned as it is.
func TestPathIndexShipped(t *testing.T) {
	p := floor.Path{ShippedThrough: 2025, Projection: floor.Trend{Kind: floor.TrendIndex,
		WageWeight: new(rate("50%")), CPIWeight: new(rate("50%"))}}
	growth := func(int) (benefit.Rate, benefit.Rate, error) { return rate("6%"), rate("2%"), nil }
	pr, err := p.Project(floor.PathOptions{Program: "pension.resident.basic", From: 2024, To: 2027, Growth: growth})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []int64{123, 143, 149, 155} {
		if !pr.Years[i].Amount.Equal(benefit.Yuan(want)) {
			t.Errorf("%d: %s, want %d", 2024+i, pr.Years[i].Amount, want)
		}
	}
	if pr.Source != "floor set "+floor.Default().Version() {
		t.Errorf("source %q", pr.Source)
	}
	errGrowth := errors.New("no wage growth for 2027")
	_, err = p.Project(floor.PathOptions{Program: "pension.resident.basic", From: 2024, To: 2027,
		Growth: func(y int) (benefit.Rate, benefit.Rate, error) {
			if y == 2027 {
				return benefit.Rate{}, benefit.Rate{}, errGrowth
			}
			return growth(y)
		}})
	if !errors.Is(err, errGrowth) {
		t.Errorf("growth error: %v", err)
	}
}

// Bad paths are errors naming the field within the path.
func TestPathErrors(t *testing.T) {
	hist := func() []benefit.Version {
		return []benefit.Version{{From: ym("2024-01"), Amount: benefit.Yuan(123), Status: benefit.Announced}}
	}
	cases := []struct {
		name  string
		p     floor.Path
		field string
		is    error
	}{
		{"no status", floor.Path{History: []benefit.Version{{From: ym("2024-01"), Amount: benefit.Yuan(123)}},
			Projection: floor.Trend{Kind: floor.TrendHold}}, "history[0].status", benefit.ErrNoStatus},
		{"out of order", floor.Path{History: append(hist(), benefit.Version{From: ym("2023-01"), Amount: benefit.Yuan(1), Status: benefit.Illustrative}),
			Projection: floor.Trend{Kind: floor.TrendHold}}, "history[1].from", benefit.ErrOrder},
		{"shipped_through with a history", floor.Path{History: hist(), ShippedThrough: 2025,
			Projection: floor.Trend{Kind: floor.TrendHold}}, "shipped_through", benefit.ErrSyntax},
		{"nothing shipped by then", floor.Path{ShippedThrough: 2000, Projection: floor.Trend{Kind: floor.TrendHold}}, "shipped_through", floor.ErrNoFloor},
		{"history starts after the base year", floor.Path{History: hist(), Projection: floor.Trend{Kind: floor.TrendHold}}, "history", floor.ErrNoFloor},
		{"no kind", floor.Path{History: hist()}, "projection.kind", benefit.ErrSyntax},
		{"negative step", floor.Path{History: hist(), Projection: floor.StepTrend(benefit.Yuan(-1))}, "projection.step", benefit.ErrNegative},
		{"too large", floor.Path{History: hist(), Projection: floor.StepTrend(benefit.MustParseAmount("999999999999999"))}, "projection", benefit.ErrRange},
		{"month 13", floor.Path{History: hist(), Projection: floor.Trend{Kind: floor.TrendHold}, Month: 13}, "month", benefit.ErrRange},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			from := 2024
			if c.name == "history starts after the base year" {
				from = 2023
			}
			_, err := c.p.Project(floor.PathOptions{Program: "pension.resident.basic", From: from, To: 2026})
			var re *benefit.RecordError
			if !errors.As(err, &re) || re.Field != c.field || !errors.Is(err, c.is) {
				t.Errorf("got %v, want a RecordError at %s wrapping %v", err, c.field, c.is)
			}
		})
	}
	// years in the wrong order
	_, err := (&floor.Path{Projection: floor.Trend{Kind: floor.TrendHold}}).Project(floor.PathOptions{Program: "pension.resident.basic", From: 2026, To: 2025})
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.Field != "years" || !errors.Is(err, benefit.ErrRange) {
		t.Errorf("years: %v", err)
	}
	// the shipped unemployment benefit has no fixed national floor
	_, err = (&floor.Path{Projection: floor.Trend{Kind: floor.TrendHold}}).Project(floor.PathOptions{Program: "employment.unemployment_insurance", From: 2024, To: 2025})
	if !errors.Is(err, floor.ErrNoFloor) {
		t.Errorf("unemployment benefit: %v", err)
	}
}

// Projection.Through projects from an earlier table than the set's
// last: the shipped set (whose newest disability table is 2022-08) cut
// after 2021-08 and raised +9/8/7 % (grades 1-6) and +8/7 % (grades 7-10)
// from 2022-08 gives the shipped 2022-08 table again, cell by cell
// (disabilityTable; worked cells in TestProjectDisabilityTable). Cut
// before any version, a column is an error wrapping ErrNoFloor.
func TestProjectThrough(t *testing.T) {
	got, err := floor.Default().Project(floor.Projection{Program: "veterans.disability", Through: ym("2021-08"),
		Steps: []floor.Step{{From: ym("2022-08"), Increases: raise2022()}}})
	if err != nil {
		t.Fatal(err)
	}
	for g := 1; g <= 10; g++ {
		for c, cause := range causes {
			want := disabilityTable["2022-08"][g-1][c]
			if want == 0 {
				continue
			}
			sch, _ := got.NationalSchedule("veterans.disability", benefit.MustParseDims(fmt.Sprintf("cause=%s;grade=%d", cause, g)))
			if v, _ := sch.Last(); v.From != ym("2022-08") || !v.Amount.Equal(benefit.Yuan(int64(want))) || v.Status != benefit.Projected {
				t.Errorf("grade %d %s: %+v, want %d projected from 2022-08", g, cause, v, want)
			}
		}
	}
	_, err = floor.Default().Project(floor.Projection{Program: "veterans.disability", Through: ym("2010-01"),
		Steps: []floor.Step{{From: ym("2022-08"), Increases: raise2022()}}})
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.Field != "through" || !errors.Is(err, floor.ErrNoFloor) {
		t.Errorf("through 2010-01: %v", err)
	}
}

// A path whose projected versions take effect in August (Path.Month 8):
// grade 1 因战 shipped to 2022 (116,270 from 2022-08), then +1,000 a year
// from each August: 117,270 from 2023-08, 118,270 from 2024-08. The
// floor of 2023 is the highest in any of its months, 117,270; 2023-07
// still pays 116,270.
func TestPathMonth(t *testing.T) {
	p := floor.Path{ShippedThrough: 2022, Projection: floor.StepTrend(benefit.Yuan(1000)), Month: 8}
	pr, err := p.Project(floor.PathOptions{Program: "veterans.disability", Dims: benefit.MustParseDims("cause=因战;grade=1"), From: 2022, To: 2024})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []int64{116270, 117270, 118270} {
		if !pr.Years[i].Amount.Equal(benefit.Yuan(want)) {
			t.Errorf("%d: %s, want %d", 2022+i, pr.Years[i].Amount, want)
		}
	}
	for m, want := range map[string]int64{"2023-07": 116270, "2023-08": 117270, "2024-07": 117270, "2024-08": 118270} {
		if v, _ := pr.Schedule.At(ym(m)); !v.Amount.Equal(benefit.Yuan(want)) {
			t.Errorf("%s: %s, want %d", m, v.Amount, want)
		}
	}
}
