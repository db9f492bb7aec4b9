package floor_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// A local raise 140 → 150 effective 2024-01 but first paid in 2024-03
// (HYPOTHETICAL, a Shandong county; the national floor is 123, so both
// amounts are above it) owes the difference for January and February
// to every beneficiary: (150 − 140) × 1,000 × 2 = 20,000.00 (补发). It
// is a local top-up: the residents' pension centre share of a top-up is
// 0 %, so all 20,000.00 is local.
func TestLatePaymentOwesTheDifference(t *testing.T) {
	lv := floor.Level{Region: region.MustParseCode("371723"), Program: "pension.resident.basic",
		Schedule: sched(t, "2023-01", "140", "2024-01", "150"), Beneficiaries: 1000,
		FirstPaid: []floor.FirstPaid{{From: ym("2024-01"), Month: ym("2024-03")}}}
	rep := check(t, []floor.Level{lv}, floor.Options{From: ym("2024-01"), To: ym("2025-01")})
	if len(rep.Findings) != 1 {
		t.Fatalf("findings %v", rep.Findings)
	}
	f := one(t, rep, floor.RuleLatePayment)
	if f.Severity != floor.Violation || f.Interval.String() != "[2024-01, 2024-03)" || !strings.Contains(f.Message(), "first paid in 2024-03") {
		t.Errorf("finding %s", f)
	}
	eq(t, "required", f.Required, "150")
	eq(t, "actual", f.Actual, "140")
	eq(t, "arrears", f.Arrears, "20000")
	eq(t, "central", f.Central, "0")
	eq(t, "local", f.Local, "20000")
	eq(t, "total", rep.Summary.ArrearsTotal, "20000")
	if c := coverageOf(t, rep, floor.RuleLatePayment); c.Checked != 2 {
		t.Errorf("coverage %+v", c)
	}
}

// The same level read from CSV (a first_paid column) and from JSON (a
// version's "first_paid") gives the same 20,000.00; a first-paid month
// before the effective month is an error naming the record.
func TestFirstPaidInLevelFiles(t *testing.T) {
	csv := "region,program,dimensions,effective_from,amount,per,beneficiaries,source,status,first_paid\n" +
		"371723,pension.resident.basic,,2023-01,140,month,1000,HYPOTHETICAL,legislated,\n" +
		"371723,pension.resident.basic,,2024-01,150,month,1000,HYPOTHETICAL,legislated,2024-03\n"
	levels, err := floor.ReadCSV(strings.NewReader(csv), "late.csv", floor.SetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(levels[0].FirstPaid) != 1 || levels[0].FirstPaid[0] != (floor.FirstPaid{From: ym("2024-01"), Month: ym("2024-03")}) {
		t.Fatalf("first paid %+v", levels[0].FirstPaid)
	}
	eq(t, "CSV", check(t, levels, floor.Options{From: ym("2024-01"), To: ym("2025-01")}).Summary.ArrearsTotal, "20000")

	js := `{"levels": [{"region": "371723", "program": "pension.resident.basic", "beneficiaries": 1000,
  "versions": [{"from": "2023-01", "amount": "140", "status": "legislated"},
               {"from": "2024-01", "amount": "150", "status": "legislated", "first_paid": "2024-03"}]}]}`
	in, err := floor.ReadJSON(strings.NewReader(js), "late.json", floor.SetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "JSON", check(t, in.Levels, floor.Options{From: ym("2024-01"), To: ym("2025-01")}).Summary.ArrearsTotal, "20000")

	_, err = floor.ReadCSV(strings.NewReader(strings.Replace(csv, ",2024-03\n", ",2023-12\n", 1)), "late.csv", floor.SetOptions{})
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.Line != 3 || re.Field != "first_paid" || !errors.Is(err, benefit.ErrOrder) {
		t.Errorf("CSV first_paid before effective_from: %v", err)
	}
	_, err = floor.ReadJSON(strings.NewReader(strings.Replace(js, `"first_paid": "2024-03"`, `"first_paid": "2023-12"`, 1)), "late.json", floor.SetOptions{})
	if !errors.As(err, &re) || re.Line != 3 || re.Field != "levels[0].versions[1].first_paid" || !errors.Is(err, benefit.ErrOrder) {
		t.Errorf("JSON first_paid before from: %v", err)
	}
	_, err = floor.ReadJSON(strings.NewReader(strings.Replace(js, `"first_paid": "2024-03"`, `"first_paid": "2024-13"`, 1)), "late.json", floor.SetOptions{})
	if !errors.As(err, &re) || re.Line != 3 || re.Field != "levels[0].versions[1].first_paid" {
		t.Errorf("JSON bad first_paid month: %v", err)
	}
	// Go values: a first-paid month of no version is an error
	lv := levels[0]
	lv.FirstPaid = []floor.FirstPaid{{From: ym("2024-02"), Month: ym("2024-03")}}
	_, err = floor.Check([]floor.Level{lv}, floor.Options{})
	if !errors.As(err, &re) || re.Field != "levels[0].first_paid[0].from" {
		t.Errorf("first paid of no version: %v", err)
	}
}

// A level with no earlier amount, first paid two months late, paid
// nothing before: a new county level of 150 from 2024-01 (HYPOTHETICAL,
// Shandong, tier 3) first paid in 2024-03, 1,000 persons. January and
// February owe 150 × 1,000 × 2 = 300,000.00 (late_payment), and break the
// floor of 123 too (123 × 1,000 × 2 = 246,000.00). The summary owes the
// larger shortfall once: 300,000.00, of which 246,000.00 is below the
// national floor (centre 50 % = 123,000.00) and 54,000.00 local top-up:
// central 123,000.00, local 177,000.00.
func TestLatePaymentOfANewLevel(t *testing.T) {
	lv := floor.Level{Region: region.MustParseCode("371723"), Program: "pension.resident.basic",
		Schedule: sched(t, "2024-01", "150"), Beneficiaries: 1000,
		FirstPaid: []floor.FirstPaid{{From: ym("2024-01"), Month: ym("2024-03")}}}
	rep := check(t, []floor.Level{lv}, floor.Options{From: ym("2024-01"), To: ym("2025-01")})
	eq(t, "late", one(t, rep, floor.RuleLatePayment).Arrears, "300000")
	eq(t, "floor", one(t, rep, floor.RuleFloor).Arrears, "246000")
	eq(t, "total", rep.Summary.ArrearsTotal, "300000")
	eq(t, "central", rep.Summary.ArrearsCentral, "123000")
	eq(t, "local", rep.Summary.ArrearsLocal, "177000")
}

// splitYearLevel is a veterans' level paid monthly as benefit.SplitYear
// splits each year's standard (the remainder in December): from each
// August the year's amounts, one version a month, to the month before
// end.
func splitYearLevel(t *testing.T, end string, years map[string]string) floor.Level {
	t.Helper()
	var vs []benefit.Version
	for m := ym("2017-10"); m < ym(end); m = m.AddMonths(1) {
		var yearly string
		for from, a := range years {
			if m >= ym(from) && (yearly == "" || ym(from) > ym(yearly[:7])) {
				yearly = from + " " + a
			}
		}
		if yearly == "" {
			continue
		}
		pay, err := benefit.SplitYear(amt(yearly[8:]), benefit.Fen, time.December)
		if err != nil {
			t.Fatal(err)
		}
		vs = append(vs, benefit.Version{From: m, Amount: pay[m.Month()-1], Status: benefit.Legislated})
	}
	return floor.Level{Region: region.MustParseCode("140822"), Program: "veterans.disability", Dims: benefit.MustParseDims("cause=因战;grade=1"),
		Per: benefit.PerMonth, Schedule: mustSchedule(vs...), Beneficiaries: 1}
}

// A yearly standard paid in monthly instalments is compared on what the
// year pays (example E, the 140800 row of floor/data/sample_levels.json):
// SplitYear splits 88,150
// into eleven payments of 7,345.83 and a December payment of 7,345.87,
// 11 × 7,345.83 + 7,345.87 = 88,150.00: the floor year 2019-08 ..
// 2020-07 is kept, although every month but December is 0.04 a year
// short on its own. It is kept too when the window is the calendar year
// 2020, which cuts two floor years (each is taken whole), and when the
// standard rises in August (a hypothetical 96,970 from 2020-08, split
// the same way: 11 × 8,080.83 + 8,080.87 = 96,970.00). Twelve payments
// of 7,345 pay 88,140: 10.00 short a person-year, 10.00 owed for the
// one person.
func TestYearlyStandardPaidMonthly(t *testing.T) {
	set := grade1Set(t, false)
	lv := splitYearLevel(t, "2021-08", map[string]string{"2019-08": "88150"})
	for _, w := range [][2]string{{"2019-08", "2020-08"}, {"2020-01", "2021-01"}} {
		rep := check(t, []floor.Level{lv}, floor.Options{From: ym(w[0]), To: ym(w[1]), Floors: set})
		if fs := byRule(rep, floor.RuleFloor); len(fs) != 0 {
			t.Errorf("SplitYear schedule, window %v: %v", w, fs)
		}
	}
	raised, err := floor.NewSet("test", []floor.Floor{{Program: "veterans.disability", Dims: benefit.MustParseDims("cause=因战;grade=1"),
		Per: benefit.PerYear, Schedule: mustSchedule(
			benefit.Version{From: ym("2019-08"), Amount: amt("88150"), Status: benefit.Legislated},
			benefit.Version{From: ym("2020-08"), Amount: amt("96970"), Status: benefit.Legislated})}}, nil, nil, floor.SetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	lv2 := splitYearLevel(t, "2021-08", map[string]string{"2019-08": "88150", "2020-08": "96970"})
	if fs := byRule(check(t, []floor.Level{lv2}, floor.Options{From: ym("2020-01"), To: ym("2021-01"), Floors: raised}), floor.RuleFloor); len(fs) != 0 {
		t.Errorf("raised in August: %v", fs)
	}

	flat := floor.Level{Region: lv.Region, Program: lv.Program, Dims: lv.Dims, Schedule: sched(t, "2019-08", "7345"), Beneficiaries: 1}
	f := one(t, check(t, []floor.Level{flat}, floor.Options{From: ym("2019-08"), To: ym("2020-08"), Floors: set}), floor.RuleFloor)
	if f.Per != benefit.PerYear || f.Interval.String() != "[2019-08, 2020-08)" {
		t.Errorf("finding %s per %s", f, f.Per)
	}
	eq(t, "required", f.Required, "88150")
	eq(t, "actual", f.Actual, "88140")
	eq(t, "shortfall", f.Shortfall, "10")
	eq(t, "arrears", f.Arrears, "10")
}

// A floor year shorter than 12 months (the 2017-10 table was replaced in
// 2018-08: 10 months) requires 10/12 of the standard, compared by
// multiplying: 12 × what the months pay against 10 × 72,850. SplitYear
// (72,850, December) pays 9 × 6,070.83 + 6,070.87 = 60,708.34 in those
// months; × 12 = 728,500.08 ≥ 728,500: kept. Ten payments of 6,070.83
// pay 60,708.30; × 12 = 728,499.60, 0.40 short over the 10 months, 0.04
// a person-year; one person owes 0.40 × 10 / (12 × 10) = 0.0333… → 0.03.
func TestPartialFloorYear(t *testing.T) {
	set, err := floor.NewSet("test", []floor.Floor{{Program: "veterans.disability", Dims: benefit.MustParseDims("cause=因战;grade=1"),
		Per: benefit.PerYear, Schedule: mustSchedule(
			benefit.Version{From: ym("2017-10"), Amount: amt("72850"), Status: benefit.Legislated},
			benefit.Version{From: ym("2018-08"), Amount: amt("80140"), Status: benefit.Legislated})}}, nil, nil, floor.SetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	o := floor.Options{From: ym("2017-10"), To: ym("2018-08"), Floors: set}
	lv := splitYearLevel(t, "2018-08", map[string]string{"2017-10": "72850"})
	if fs := byRule(check(t, []floor.Level{lv}, o), floor.RuleFloor); len(fs) != 0 {
		t.Errorf("SplitYear over a 10-month floor year: %v", fs)
	}
	lv.Schedule = sched(t, "2017-10", "6070.83")
	f := one(t, check(t, []floor.Level{lv}, o), floor.RuleFloor)
	eq(t, "shortfall a person-year", f.Shortfall, "0.04")
	eq(t, "arrears", f.Arrears, "0.03")
}

// Arrears are computed exactly and rounded once per finding, never per
// interval. 7,345.83 a month against 88,150 a year is 0.04 a person-year
// short; a level that restates it in August, September and October
// 2019 has three intervals in its finding, each 0.04 × 1 / 12 =
// 0.00333… (0.00 if rounded on its own, 0.00 in all); rounded once,
// 0.04 × 3 / 12 = 0.01.
func TestArrearsRoundedOncePerFinding(t *testing.T) {
	lv := floor.Level{Region: region.MustParseCode("140822"), Program: "veterans.disability", Dims: benefit.MustParseDims("cause=因战;grade=1"),
		Schedule: sched(t, "2019-08", "7345.83", "2019-09", "7345.83", "2019-10", "7345.83"), Beneficiaries: 1}
	rep := check(t, []floor.Level{lv}, floor.Options{From: ym("2019-08"), To: ym("2019-11"), Floors: grade1Set(t, false)})
	f := one(t, rep, floor.RuleFloor)
	if f.Interval.String() != "[2019-08, 2019-11)" || f.PersonMonths != 3 {
		t.Errorf("finding %s, %d person-months", f, f.PersonMonths)
	}
	eq(t, "arrears", f.Arrears, "0.01")
	eq(t, "total", rep.Summary.ArrearsTotal, "0.01")
}

// Where two findings of one level overlap, the summary owes the larger
// shortfall per month, summed exactly and rounded once. The county pays
// 7,345.83 a month (0.04 a year below the 88,150 standard over the
// floor year 2019-08 .. 2020-07: 0.04 × 12 / 12 = 0.04); its province
// pays 7,345.84 in September 2019 only, so in September the county is
// also 0.01 a month below its province (hierarchy, 0.01). Owed once:
// 0.04 / 12 (August) + 0.01 (September, the larger) + 0.04 × 10 / 12
// (October .. July) = 0.04666… → 0.05; rounding each piece would give
// 0.00 + 0.01 + 0.03 = 0.04, a fen lost. The veterans' benefits have no
// cost rule: all unsplit.
func TestOverlapOwedOnceRoundedOnce(t *testing.T) {
	prov := floor.Level{Region: region.MustParseCode("140000"), Program: "veterans.disability", Dims: benefit.MustParseDims("cause=因战;grade=1"),
		Schedule: mustSchedule(benefit.Version{From: ym("2019-09"), Amount: amt("7345.84"), Status: benefit.Illustrative})}
	prov.Schedule, _ = prov.Schedule.WithEnd(ym("2019-10"))
	county := floor.Level{Region: region.MustParseCode("140822"), Program: "veterans.disability", Dims: benefit.MustParseDims("cause=因战;grade=1"),
		Schedule: sched(t, "2019-08", "7345.83"), Beneficiaries: 1}
	rep := check(t, []floor.Level{prov, county}, floor.Options{From: ym("2019-08"), To: ym("2020-08"), Floors: grade1Set(t, false)})
	var fl, hi floor.Finding
	for _, f := range rep.Findings {
		switch {
		case f.Region == county.Region && f.Rule == floor.RuleFloor:
			fl = f
		case f.Rule == floor.RuleHierarchy:
			hi = f
		}
	}
	if fl.Interval.String() != "[2019-08, 2020-08)" || hi.Interval.String() != "[2019-09, 2019-10)" {
		t.Fatalf("findings %v", rep.Findings)
	}
	eq(t, "floor", fl.Arrears, "0.04")
	eq(t, "hierarchy", hi.Arrears, "0.01")
	eq(t, "total", rep.Summary.ArrearsTotal, "0.05")
	eq(t, "unsplit", rep.Summary.ArrearsUnsplit, "0.05")
}
