package floor_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/internal/input"
	"github.com/benefitstd/benefitstd/region"
)

func check(t *testing.T, levels []floor.Level, opts floor.Options) *floor.Report {
	t.Helper()
	rep, err := floor.Check(levels, opts)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func byRule(rep *floor.Report, rule string) []floor.Finding {
	var out []floor.Finding
	for _, f := range rep.Findings {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func one(t *testing.T, rep *floor.Report, rule string) floor.Finding {
	t.Helper()
	fs := byRule(rep, rule)
	if len(fs) != 1 {
		var all []string
		for _, f := range rep.Findings {
			all = append(all, f.String())
		}
		t.Fatalf("want one %s finding, got %d; all findings:\n%s", rule, len(fs), strings.Join(all, "\n"))
	}
	return fs[0]
}

// Worked example C: a city (市区) from 2018-08-01 with
// minimum wage 2,020 and city 低保 660 (= 858 / 1.3). By hand:
//   - 失业保险条例 Art 18 needs 660 < UI < 2,020 (strict both ways);
//   - 社会保险法 Art 47 needs UI ≥ 660;
//   - the 2017 target is UI ≥ 90 % × 2,020 = 1,818 (advisory only).
//
// 650 fails Art 18 and Art 47 by 10 and misses the target by 1,168;
// 858 and 1,616 only miss the target (by 960 and 202); 1,818 meets
// everything; 2,020 equals the minimum wage, which breaks Art 18's
// "低于" although the local notice says "不超过".
func TestExampleC(t *testing.T) {
	city := region.MustParseCode("320500")
	ref := []floor.Level{
		{Region: city, Program: "reference.min_wage", Schedule: sched(t, "2018-08", "2020")},
		{Region: city, Program: "reference.dibao_urban", Schedule: sched(t, "2018-08", "660")},
	}
	type want struct {
		rule, severity, shortfall, excess string
	}
	cases := []struct {
		ui   string
		want []want
	}{
		{"650", []want{
			{"ui.art18.above_dibao", "violation", "10", "0"},
			{"ui.art47.not_below_dibao", "violation", "10", "0"},
			{"ui.target90", "advisory", "1168", "0"},
		}},
		{"858", []want{{"ui.target90", "advisory", "960", "0"}}},
		{"1616", []want{{"ui.target90", "advisory", "202", "0"}}},
		{"1818", nil},
		{"2020", []want{{"ui.art18.below_min_wage", "violation", "0", "0"}}},
	}
	for _, tc := range cases {
		t.Run(tc.ui, func(t *testing.T) {
			levels := append([]floor.Level{{Region: city, Program: "employment.unemployment_insurance",
				Schedule: sched(t, "2018-08", tc.ui), Beneficiaries: 100}}, ref...)
			rep := check(t, levels, floor.Options{From: ym("2018-08"), To: ym("2019-08")})
			var got []string
			for _, f := range rep.Findings {
				got = append(got, f.Rule+" "+f.Severity.String()+" "+f.Shortfall.String()+" "+f.Excess.String())
			}
			var exp []string
			for _, w := range tc.want {
				exp = append(exp, w.rule+" "+w.severity+" "+amt(w.shortfall).String()+" "+amt(w.excess).String())
			}
			if strings.Join(got, "\n") != strings.Join(exp, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(exp, "\n"))
			}
		})
	}
}

// uiBelowDibao is Example C's city with UI = 650 for 100 persons, below
// its 低保 of 660 (minimum wage 2,020), from 2018-08.
func uiBelowDibao(t *testing.T) (region.Code, []floor.Level) {
	city := region.MustParseCode("320500")
	return city, []floor.Level{
		{Region: city, Program: "employment.unemployment_insurance", Schedule: sched(t, "2018-08", "650"), Beneficiaries: 100},
		{Region: city, Program: "reference.min_wage", Schedule: sched(t, "2018-08", "2020")},
		{Region: city, Program: "reference.dibao_urban", Schedule: sched(t, "2018-08", "660")},
	}
}

// For UI = 650 Art 18 and Art 47 are both broken by 10 a month in the
// same months. What is owed is owed once: 10 × 100 persons × 12 months
// = 12,000.00, although each finding shows its own 12,000.00. 失业保险金
// is paid from the unemployment insurance fund (失业保险条例 第十条), not
// from a budget: all 12,000.00 is the fund's, none central or local.
func TestArrearsOwedOnceWhenRulesOverlap(t *testing.T) {
	_, levels := uiBelowDibao(t)
	rep := check(t, levels, floor.Options{From: ym("2018-08"), To: ym("2019-08")})
	f := one(t, rep, "ui.art47.not_below_dibao")
	eq(t, "art 47 arrears", f.Arrears, "12000")
	if f.Payer != region.PayerFund || f.SplitKnown {
		t.Errorf("payer %q, split known %v; want the fund", f.Payer, f.SplitKnown)
	}
	eq(t, "total", rep.Summary.ArrearsTotal, "12000")
	eq(t, "central", rep.Summary.ArrearsCentral, "0")
	eq(t, "local", rep.Summary.ArrearsLocal, "0")
	eq(t, "fund", rep.Summary.ArrearsFund, "12000")
}

// Wanrong County, 140822 (its rows of floor/data/sample_levels.json, with
// their sources): Shanxi's level
// rose 108 → 113 on 2022-01-01 (central 93 + provincial 10 + 5 + 5);
// the county paid the new rate from March 2022. By hand: 2 months × 5 =
// 10 yuan per person; for about 75,000 beneficiaries 75,000 × 10 =
// 750,000.00. The gap is below the province's own level, not below the
// national floor (98 in 2022, provisional), so it is local money: central
// 0, local 750,000.00.
func TestWanrongCounty(t *testing.T) {
	levels := []floor.Level{
		{Region: region.MustParseCode("140000"), Program: "pension.resident.basic", Schedule: sched(t, "2020-07", "108", "2022-01", "113")},
		{Region: region.MustParseCode("140822"), Program: "pension.resident.basic", Dims: benefit.MustParseDims("age=60+"),
			Schedule: sched(t, "2020-07", "108", "2022-03", "113"), Beneficiaries: 75000},
	}
	rep := check(t, levels, floor.Options{From: ym("2022-01"), To: ym("2023-01")})
	if len(rep.Findings) != 1 {
		t.Fatalf("findings: %v", rep.Findings)
	}
	f := one(t, rep, floor.RuleHierarchy)
	if f.Interval.String() != "[2022-01, 2022-03)" || f.Region.String() != "140822" || f.RegionName != "万荣县" {
		t.Errorf("finding %s", f)
	}
	eq(t, "shortfall", f.Shortfall, "5")
	if f.PersonMonths != 150000 {
		t.Errorf("person-months = %d, want 150000", f.PersonMonths)
	}
	per, _ := f.Arrears.QuoInt(75000, benefit.FenHalfUp())
	eq(t, "per person", per, "10")
	eq(t, "arrears", f.Arrears, "750000")
	eq(t, "central", f.Central, "0")
	eq(t, "local", f.Local, "750000")
}

// A regional-agreement floor above the national one (hypothetical: 长三角
// agrees 150 from 2024-01 while the national floor is 123). A Jiangsu
// county paying 140 is 10 short of the regional floor; a Shandong county
// paying 140 is not in the group and is above the national 123. The
// regional floor is local policy: its shortfall is a local top-up, 0 %
// central.
func TestRegionalAgreementFloor(t *testing.T) {
	g, ok := region.Default().Group("yangtze_delta")
	if !ok {
		t.Fatal("no yangtze_delta group")
	}
	set, err := withFloors(floor.Default(), floor.SetOptions{}, floor.Floor{Program: "pension.resident.basic", Group: g,
		Schedule: sched(t, "2024-01", "150"), Citation: benefit.Citation{Title: "hypothetical 长三角 agreement"}})
	if err != nil {
		t.Fatal(err)
	}
	js, sd := region.MustParseCode("320583"), region.MustParseCode("371723")
	if a, c, ok := set.Required("pension.resident.basic", js, benefit.Dims{}, ym("2024-06")); !ok || !a.Equal(amt("150")) || c.Title != "hypothetical 长三角 agreement" {
		t.Errorf("Required(Jiangsu) = %s %v %v", a, c, ok)
	}
	if a, _, ok := set.Required("pension.resident.basic", sd, benefit.Dims{}, ym("2024-06")); !ok || !a.Equal(amt("123")) {
		t.Errorf("Required(Shandong) = %s %v", a, ok)
	}
	levels := []floor.Level{
		{Region: js, Program: "pension.resident.basic", Schedule: sched(t, "2024-01", "140"), Beneficiaries: 1000},
		{Region: sd, Program: "pension.resident.basic", Schedule: sched(t, "2024-01", "140"), Beneficiaries: 1000},
	}
	rep := check(t, levels, floor.Options{From: ym("2024-01"), To: ym("2024-07"), Floors: set})
	f := one(t, rep, floor.RuleFloor)
	if f.Region != js || !strings.Contains(f.Message(), "长三角") {
		t.Errorf("finding %s", f)
	}
	eq(t, "required", f.Required, "150")
	eq(t, "arrears", f.Arrears, "60000") // 10 × 1,000 × 6
	eq(t, "central", f.Central, "0")
}

// A county that sets no level of its own inherits its province's: the
// Example B figures on Shandong (103 until July 2024) reach county
// 371723 with its 10,000 beneficiaries: 20 × 10,000 × 6 = 1,200,000.00,
// found against the county and naming the province it came from.
func TestCountyInheritsProvinceLevel(t *testing.T) {
	prov, county := region.MustParseCode("370000"), region.MustParseCode("371723")
	levels := []floor.Level{
		{Region: prov, Program: "pension.resident.basic", Schedule: sched(t, "2023-01", "103", "2024-07", "123"),
			Source: benefit.Citation{Title: "provincial notice (hypothetical)"}},
		{Region: county, Program: "pension.resident.basic", Beneficiaries: 10000},
	}
	rep := check(t, levels, floor.Options{From: ym("2024-01"), To: ym("2025-01")})
	fs := byRule(rep, floor.RuleFloor)
	if len(fs) != 2 {
		t.Fatalf("findings %v", rep.Findings)
	}
	f := fs[1] // sorted by region: 370000 first
	if f.Region != county || f.InheritedFrom != prov || f.Source.Title != "provincial notice (hypothetical)" {
		t.Errorf("finding %s (inherited from %s)", f, f.InheritedFrom)
	}
	eq(t, "arrears", f.Arrears, "1200000")
	eq(t, "total", rep.Summary.ArrearsTotal, "1200000")
}

// A county paying less than its province is a hierarchy violation even
// when both are above the national floor: province 200, county 190
// (hypothetical) → 10 a month short.
func TestHierarchy(t *testing.T) {
	levels := []floor.Level{
		{Region: region.MustParseCode("370000"), Program: "pension.resident.basic", Schedule: sched(t, "2024-01", "200")},
		{Region: region.MustParseCode("370200"), Program: "pension.resident.basic", Schedule: sched(t, "2024-01", "190"), Beneficiaries: 3},
	}
	rep := check(t, levels, floor.Options{From: ym("2024-01"), To: ym("2024-03")})
	f := one(t, rep, floor.RuleHierarchy)
	eq(t, "required", f.Required, "200")
	eq(t, "arrears", f.Arrears, "60") // 10 × 3 × 2
}

// Waivers on Example B (1,200,000.00 owed for 2024-01..06):
//   - a waiver of the whole interval, still valid: the finding is waived,
//     0 violations, 0 owed, 1,200,000.00 waived arrears;
//   - a waiver of 2024-01..03 only: 3 months waived (600,000.00) and 3
//     months still owed (600,000.00);
//   - a waiver that expired in 2024-10 (the check is as of 2024-12): the
//     violation stands (1,200,000.00) and the expired waiver is a warning.
func TestWaivers(t *testing.T) {
	code := region.MustParseCode("371723")
	lv := []floor.Level{{Region: code, Program: "pension.resident.basic", Schedule: sched(t, "2023-01", "103", "2024-07", "123"), Beneficiaries: 10000}}
	w := floor.Waiver{Region: region.MustParseCode("370000"), Program: "pension.resident.basic",
		Interval: benefit.Interval{From: ym("2024-01"), To: ym("2024-07")}, Reason: "budget approval pending (hypothetical)", Expiry: ym("2025-06")}
	opts := floor.Options{From: ym("2024-01"), To: ym("2025-01")}

	t.Run("whole", func(t *testing.T) {
		o := opts
		o.Waivers = []floor.Waiver{w}
		rep := check(t, lv, o)
		s := rep.Summary
		if s.Violations != 0 || s.Waived != 1 {
			t.Errorf("summary %+v", s)
		}
		eq(t, "owed", s.ArrearsTotal, "0")
		eq(t, "waived", s.WaivedArrears, "1200000")
		if rep.Findings[0].Waiver == nil || rep.Findings[0].Waiver.Reason != w.Reason {
			t.Errorf("waived finding lacks its waiver")
		}
	})
	t.Run("part", func(t *testing.T) {
		o, pw := opts, w
		pw.Interval.To = ym("2024-04")
		o.Waivers = []floor.Waiver{pw}
		rep := check(t, lv, o)
		if rep.Summary.Violations != 1 || rep.Summary.Waived != 1 {
			t.Fatalf("summary %+v", rep.Summary)
		}
		eq(t, "owed", rep.Summary.ArrearsTotal, "600000")
		eq(t, "waived", rep.Summary.WaivedArrears, "600000")
	})
	t.Run("expired", func(t *testing.T) {
		o, ew := opts, w
		ew.Expiry = ym("2024-10")
		o.Waivers = []floor.Waiver{ew}
		rep := check(t, lv, o)
		x := one(t, rep, floor.RuleWaiverExpired)
		if x.Severity != floor.Warning || x.Waiver == nil {
			t.Errorf("expired waiver finding %s", x)
		}
		if rep.Summary.Violations != 1 || rep.Summary.Waived != 0 {
			t.Errorf("summary %+v", rep.Summary)
		}
		eq(t, "owed", rep.Summary.ArrearsTotal, "1200000")
	})
}

// Example E (the 140800 row of floor/data/sample_levels.json): the
// 2019-08 因战一级 standard is 88,150
// a year. Paid monthly as 7,345.83 (fen half-up of 88,150 / 12) with no
// December true-up, the year comes to 12 × 7,345.83 = 88,149.96, 0.04
// short. The comparison multiplies the monthly level by 12, never
// divides the standard. One person for 12 months owes 0.04 × 12 / 12 =
// 0.04.
func TestYearlyStandardMonthlyLevel(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("140800"), Program: "veterans.disability",
		Dims: benefit.MustParseDims("grade=1;cause=因战"), Per: benefit.PerMonth,
		Schedule: sched(t, "2019-08", "7345.83"), Beneficiaries: 1}}
	rep := check(t, lv, floor.Options{From: ym("2019-08"), To: ym("2020-08")})
	f := one(t, rep, floor.RuleFloor)
	if f.Per != benefit.PerYear {
		t.Errorf("per = %s, want year", f.Per)
	}
	eq(t, "required", f.Required, "88150")
	eq(t, "actual", f.Actual, "88149.96")
	eq(t, "shortfall", f.Shortfall, "0.04")
	eq(t, "arrears", f.Arrears, "0.04")
	if f.SplitKnown {
		t.Errorf("veterans' benefits have no cost-sharing rule; split should be unknown")
	}
	eq(t, "unsplit", rep.Summary.ArrearsUnsplit, "0.04")
	// Paying 7,345.84 (12 × = 88,150.08) keeps the floor.
	lv[0].Schedule = sched(t, "2019-08", "7345.84")
	if rep := check(t, lv, floor.Options{From: ym("2019-08"), To: ym("2020-08")}); len(byRule(rep, floor.RuleFloor)) != 0 {
		t.Errorf("7,345.84 a month should keep the floor: %v", rep.Findings)
	}
}

// Rule 4 (option): Shanghai paid 1,490 from 2024-01
// (floor/data/sample_levels.json); the national floor rose 123 → 143 (+20)
// on 2025-01-01. With pass-through on, 1,490 + 20 = 1,510 is due from
// 2025-01; a level left at 1,490 is 20 short. Off by default: no finding.
func TestPassThrough(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("310000"), Program: "pension.resident.basic",
		Schedule: sched(t, "2024-01", "1490"), Beneficiaries: 1}}
	o := floor.Options{From: ym("2024-01"), To: ym("2025-04")}
	if rep := check(t, lv, o); len(rep.Findings) != 0 {
		t.Errorf("pass-through is off by default: %v", rep.Findings)
	}
	o.PassThrough = true
	f := one(t, check(t, lv, o), floor.RulePassThrough)
	if f.Interval.String() != "[2025-01, 2025-04)" {
		t.Errorf("interval %s", f.Interval)
	}
	eq(t, "required", f.Required, "1510")
	eq(t, "shortfall", f.Shortfall, "20")
	eq(t, "arrears", f.Arrears, "60") // 20 × 1 × 3
	// its legal basis, stated for the 2014 step (floor/data/national.json)
	if f.Citation.Doc != "人社部发〔2015〕5号" || !strings.Contains(f.Citation.Title, "此次增加的基础养老金金额，不得冲抵或替代各地自行提高的基础养老金") || f.Citation.Confidence != "V3" {
		t.Errorf("citation %+v", f.Citation)
	}
}

// Rule 5: a level cut from 120 to 110 (hypothetical) is a warning for
// as long as the cut lasts.
func TestNoCut(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("370000"), Program: "pension.resident.basic",
		Schedule: sched(t, "2024-01", "130", "2024-03", "125", "2024-05", "140")}}
	f := one(t, check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2024-12")}), floor.RuleNoCut)
	if f.Severity != floor.Warning || f.Interval.String() != "[2024-03, 2024-05)" {
		t.Errorf("finding %s", f)
	}
	eq(t, "cut", f.Shortfall, "5")
}

// Rule 6: Shanghai's minimum wage was 2,480 from 2019-04-01 and 2,590 from
// 2021-07 (floor/data/sample_levels.json): 27 months, while 最低工资规定
// Art 10 asks for an update at least every 2 years, so it is stale from
// 2021-04 until 2021-07.
func TestStaleMinimumWage(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("310000"), Program: "reference.min_wage",
		Schedule: sched(t, "2019-04", "2480", "2021-07", "2590", "2023-07", "2690")}}
	f := one(t, check(t, lv, floor.Options{From: ym("2019-01"), To: ym("2024-01")}), floor.RuleStale)
	if f.Interval.String() != "[2021-04, 2021-07)" || f.Severity != floor.Warning {
		t.Errorf("finding %s", f)
	}
}

// Interest is off unless asked. With 1 % a month, paid in July 2024,
// Example B's monthly shortfalls of 20 × 10,000 = 200,000 wait 6, 5, 4,
// 3, 2 and 1 months: 200,000 × 21 × 1 % = 42,000.00.
func TestInterestOption(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("371723"), Program: "pension.resident.basic",
		Schedule: sched(t, "2023-01", "103", "2024-07", "123"), Beneficiaries: 10000}}
	o := floor.Options{From: ym("2024-01"), To: ym("2025-01")}
	eq(t, "no interest by default", check(t, lv, o).Findings[0].Interest, "0")
	o.InterestPerMonth, o.PaidIn = benefit.Percent(1), ym("2024-07")
	f := check(t, lv, o).Findings[0]
	eq(t, "interest", f.Interest, "42000")
	eq(t, "arrears unchanged", f.Arrears, "1200000")
}

// Beneficiaries by month: 10,000 in Jan-Mar and 12,000 in Apr-Jun give
// 20 × (30,000 + 36,000) = 1,320,000.00.
func TestHeadcountsByMonth(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("371723"), Program: "pension.resident.basic",
		Schedule: sched(t, "2023-01", "103", "2024-07", "123"), Beneficiaries: 10000,
		Headcounts: []floor.Headcount{{From: ym("2024-04"), Persons: 12000}}}}
	f := check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01")}).Findings[0]
	eq(t, "arrears", f.Arrears, "1320000")
}

// A provisional floor cannot by itself establish a violation: 2022's
// national 98 is provisional, so a county at 95 in 2022 is a warning
// (3 short), unless the caller asks otherwise.
func TestProvisionalFloorIsAWarning(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("371723"), Program: "pension.resident.basic", Schedule: sched(t, "2022-01", "95")}}
	f := one(t, check(t, lv, floor.Options{From: ym("2022-01"), To: ym("2023-01")}), floor.RuleFloor)
	if f.Severity != floor.Warning || f.FloorStatus != benefit.Provisional {
		t.Errorf("finding %s status %s", f, f.FloorStatus)
	}
	eq(t, "shortfall", f.Shortfall, "3")
	f = one(t, check(t, lv, floor.Options{From: ym("2022-01"), To: ym("2023-01"), ProvisionalSeverity: floor.Violation}), floor.RuleFloor)
	if f.Severity != floor.Violation {
		t.Errorf("severity %s", f.Severity)
	}
}

func TestCheckRejectsBadLevels(t *testing.T) {
	good := floor.Level{Region: region.MustParseCode("371723"), Program: "pension.resident.basic", Schedule: sched(t, "2024-01", "123")}
	cases := map[string]struct {
		mut   func(*floor.Level)
		field string
	}{
		"unknown program": {func(l *floor.Level) { l.Program = "nope" }, "levels[0].program"},
		"bad dims":        {func(l *floor.Level) { l.Dims = benefit.MustParseDims("grade=1") }, "levels[0].dimensions"},
		"no region":       {func(l *floor.Level) { l.Region = region.Code{} }, "levels[0].region"},
		"negative":        {func(l *floor.Level) { l.Beneficiaries = -1 }, "levels[0].beneficiaries"},
	}
	for name, tc := range cases {
		l := good
		tc.mut(&l)
		_, err := floor.Check([]floor.Level{l}, floor.Options{})
		var re *benefit.RecordError
		if !errorsAs(err, &re) || re.Field != tc.field {
			t.Errorf("%s: err = %v, want field %s", name, err, tc.field)
		}
	}
	if _, err := floor.Check([]floor.Level{good, good}, floor.Options{}); err == nil {
		t.Error("duplicate levels accepted")
	}
	// the same region, programme and dimensions twice, with other levels
	// of the region (other dimensions) and of other regions between
	aged, other := good, good
	aged.Dims, other.Region = benefit.MustParseDims("age=65+"), region.MustParseCode("140822")
	_, err := floor.Check([]floor.Level{good, aged, other, good}, floor.Options{})
	var re *benefit.RecordError
	if !errorsAs(err, &re) || re.Field != "levels[3].region" || !errors.Is(err, benefit.ErrOrder) || !strings.Contains(err.Error(), "levels[0] already gives") {
		t.Errorf("duplicate: err = %v", err)
	}
}

// A waiver that could never match a finding would silently do nothing:
// dimensions the programme lacks, or a rule that cannot report a
// violation (stale is a warning), are errors naming the waiver.
func TestCheckRejectsWaiversThatCannotApply(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("371723"), Program: "pension.resident.basic", Schedule: sched(t, "2024-01", "123")}}
	base := floor.Waiver{Region: region.MustParseCode("371723"), Program: "pension.resident.basic",
		Interval: benefit.Interval{From: ym("2024-01")}, Reason: "hypothetical"}
	cases := map[string]struct {
		mut   func(*floor.Waiver)
		field string
		is    error
	}{
		"dims":         {func(w *floor.Waiver) { w.Dims = benefit.MustParseDims("grade=1") }, "waivers[0].dimensions", benefit.ErrDimension},
		"warning rule": {func(w *floor.Waiver) { w.Rule = floor.RuleStale }, "waivers[0].rule", benefit.ErrSyntax},
		"typo":         {func(w *floor.Waiver) { w.Rule = "flor" }, "waivers[0].rule", benefit.ErrSyntax},
		"other prog":   {func(w *floor.Waiver) { w.Rule = "ui.art18.above_dibao" }, "waivers[0].rule", benefit.ErrSyntax},
	}
	for name, tc := range cases {
		w := base
		tc.mut(&w)
		_, err := floor.Check(lv, floor.Options{Waivers: []floor.Waiver{w}})
		var re *benefit.RecordError
		if !errorsAs(err, &re) || re.Field != tc.field || !errors.Is(err, tc.is) {
			t.Errorf("%s: err = %v, want field %s", name, err, tc.field)
		}
	}
	ui := base
	ui.Program, ui.Rule = "employment.unemployment_insurance", "ui.art47.not_below_dibao"
	if _, err := floor.Check(lv, floor.Options{Waivers: []floor.Waiver{ui}, AsOf: ym("2025-06")}); err != nil {
		t.Errorf("a waiver of a relative rule: %v", err)
	}
}

// Huge figures from Go values are errors, not wrapped-around arrears:
// 9,223,372,036,854,775,807 persons × 6 months does not fit an int64
// (before the check it came out as 0.00 owed), and a Month far outside
// 1900-9999 would wrap when months are added.
func TestCheckRejectsHugeFigures(t *testing.T) {
	good := floor.Level{Region: region.MustParseCode("371723"), Program: "pension.resident.basic",
		Schedule: sched(t, "2023-01", "103", "2024-07", "123"), Beneficiaries: input.MaxPersons}
	o := floor.Options{From: ym("2024-01"), To: ym("2025-01")}
	// at the limit: 20 × 1,000,000,000 × 6 = 120,000,000,000.00
	eq(t, "arrears at MaxPersons", check(t, []floor.Level{good}, o).Summary.ArrearsTotal, "120000000000")
	cases := map[string]struct {
		lv    func(*floor.Level)
		opts  func(*floor.Options)
		field string
	}{
		"persons": {func(l *floor.Level) { l.Beneficiaries = math.MaxInt64 }, nil, "levels[0].beneficiaries"},
		"headcount": {func(l *floor.Level) {
			l.Headcounts = []floor.Headcount{{From: ym("2024-03"), Persons: input.MaxPersons + 1}}
		}, nil, "levels[0].headcounts[0].persons"},
		"version": {func(l *floor.Level) {
			l.Schedule = mustSchedule(benefit.Version{From: math.MaxInt32, Amount: amt("1"), Status: benefit.Illustrative})
		}, nil, "levels[0].versions"},
		"paid in": {nil, func(o *floor.Options) { o.PaidIn, o.InterestPerMonth = math.MaxInt32, benefit.Percent(1) }, "paid_in"},
	}
	for name, tc := range cases {
		l, oo := good, o
		if tc.lv != nil {
			tc.lv(&l)
		}
		if tc.opts != nil {
			tc.opts(&oo)
		}
		_, err := floor.Check([]floor.Level{l}, oo)
		var re *benefit.RecordError
		if !errorsAs(err, &re) || re.Field != tc.field || !errors.Is(err, benefit.ErrRange) {
			t.Errorf("%s: err = %v, want %s out of range", name, err, tc.field)
		}
	}
}

// A county with no versions and no ancestor level has nothing to check:
// the floor rule is unchecked (reason no_level), a warning, instead of a
// report of "no findings".
func TestLevelWithNothingToInherit(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("371723"), Program: "pension.resident.basic", Beneficiaries: 10}}
	f := one(t, check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01")}), floor.RuleFloor)
	if f.Severity != floor.Warning || f.Unchecked != floor.ReasonNoLevel || f.Interval.String() != "[2024-01, 2025-01)" || f.Citation.IsZero() {
		t.Errorf("finding %s", f)
	}
}

// Waived arrears are owed once too: a waiver of every rule covers UI =
// 650 breaking Art 18 and Art 47 by 10 a month; 10 × 100 persons × 12
// months = 12,000.00 waived, not 24,000.00.
func TestWaivedArrearsOwedOnce(t *testing.T) {
	city, levels := uiBelowDibao(t)
	w := floor.Waiver{Region: city, Program: "employment.unemployment_insurance", Interval: benefit.Interval{From: ym("2018-08")}, Reason: "hypothetical"}
	rep := check(t, levels, floor.Options{From: ym("2018-08"), To: ym("2019-08"), Waivers: []floor.Waiver{w}})
	if rep.Summary.Waived != 2 || rep.Summary.Violations != 0 {
		t.Errorf("summary %+v", rep.Summary)
	}
	eq(t, "waived", rep.Summary.WaivedArrears, "12000")
	eq(t, "owed", rep.Summary.ArrearsTotal, "0")
}

// A level is compared with (and inherits from) its nearest ancestor's
// level with the same dimensions before a more general one: Shandong
// pays 200 to everyone and 210 at 65+ (hypothetical); a county paying
// 205 at 65+ is 5 short of the 65+ level, not above the general 200.
// With 3 persons for 2 months: 5 × 3 × 2 = 30.00.
func TestHierarchyPrefersSameDimensions(t *testing.T) {
	prov := region.MustParseCode("370000")
	levels := []floor.Level{
		{Region: prov, Program: "pension.resident.basic", Schedule: sched(t, "2024-01", "200")},
		{Region: prov, Program: "pension.resident.basic", Dims: benefit.MustParseDims("age=65+"), Schedule: sched(t, "2024-01", "210")},
		{Region: region.MustParseCode("371723"), Program: "pension.resident.basic", Dims: benefit.MustParseDims("age=65+"),
			Schedule: sched(t, "2024-01", "205"), Beneficiaries: 3},
	}
	f := one(t, check(t, levels, floor.Options{From: ym("2024-01"), To: ym("2024-03")}), floor.RuleHierarchy)
	eq(t, "required", f.Required, "210")
	eq(t, "arrears", f.Arrears, "30")
}

// Interest on a yearly comparison is rounded once. Example E (the 140800
// row of floor/data/sample_levels.json): 7,345.83 a month against the
// 88,150-a-year 因战一级 standard is 12 × 7,345.83 = 88,149.96, 0.04 a
// person-year short. 149 persons short in January 2020 only, paid in
// February 2020 (one month of delay each: 149 person-months), at 1 % a
// month:
//
//	arrears  = 0.04 × 149 / 12 = 5.96 / 12 = 0.49666… → 0.50
//	interest = 0.04 × 149 × 1 % / 12 = 0.0596 / 12 = 0.0049666… → 0.00
//
// Rounding the ÷ 12 first would give 1 % × 0.50 = 0.005 → 0.01: one fen
// of interest that is not owed.
func TestInterestYearlyRoundedOnce(t *testing.T) {
	lv := []floor.Level{{Region: region.MustParseCode("140800"), Program: "veterans.disability",
		Dims: benefit.MustParseDims("grade=1;cause=因战"), Per: benefit.PerMonth,
		Schedule: sched(t, "2019-08", "7345.83"), Beneficiaries: 149}}
	o := floor.Options{From: ym("2020-01"), To: ym("2020-02"), InterestPerMonth: benefit.Percent(1), PaidIn: ym("2020-02")}
	f := one(t, check(t, lv, o), floor.RuleFloor)
	eq(t, "shortfall a year", f.Shortfall, "0.04")
	eq(t, "arrears", f.Arrears, "0.50")
	eq(t, "interest", f.Interest, "0.00")

	// 1,500 persons: 0.04 × 1,500 × 1 % / 12 = 0.6 / 12 = 0.05 exactly.
	lv[0].Beneficiaries = 1500
	f = one(t, check(t, lv, o), floor.RuleFloor)
	eq(t, "arrears 1,500", f.Arrears, "5.00") // 0.04 × 1,500 / 12 = 60 / 12
	eq(t, "interest 1,500", f.Interest, "0.05")
}
