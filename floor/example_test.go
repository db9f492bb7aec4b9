package floor_test

import (
	"fmt"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// A county that lagged the national floor (example B, county 371723 of the
// shipped sample floor/data/sample_levels.json): the floor rose 103 → 123
// on 2024-01-01, the county paid 123 only from July, and 10,000 people were
// paid 20 yuan short for 6 months. Shandong is a tier-3 (eastern) province,
// so the centre funds half of the national-floor part.
func Example_countyArrears() {
	county := floor.Level{
		Region:  region.MustParseCode("371723"),
		Program: "pension.resident.basic",
		Schedule: mustSchedule(
			benefit.Version{From: benefit.MustParseMonth("2023-01"), Amount: benefit.Yuan(103), Status: benefit.Illustrative},
			benefit.Version{From: benefit.MustParseMonth("2024-07"), Amount: benefit.Yuan(123), Status: benefit.Illustrative},
		),
		Beneficiaries: 10000,
	}
	rep, err := floor.Check([]floor.Level{county}, floor.Options{
		From: benefit.MustParseMonth("2024-01"),
		To:   benefit.MustParseMonth("2025-01"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep.Findings {
		fmt.Printf("%s %s %s: paid %s, floor %s, short %s a month\n", f.Severity, f.Rule, f.Interval, f.Actual, f.Required, f.Shortfall)
		fmt.Printf("arrears %s = %s × %d person-months; central %s, local %s\n", f.Arrears, f.Shortfall, f.PersonMonths, f.Central, f.Local)
	}
	fmt.Println("owed in total:", rep.Summary.ArrearsTotal)
	// Output:
	// violation floor [2024-01, 2024-07): paid 103.00, floor 123.00, short 20.00 a month
	// arrears 1200000.00 = 20.00 × 60000 person-months; central 600000.00, local 600000.00
	// owed in total: 1200000.00
}

// The national floor in force for a programme, region and month.
func ExampleSet_Required() {
	amount, cite, ok := floor.Default().Required("pension.resident.basic", region.MustParseCode("140822"), benefit.Dims{}, benefit.MustParseMonth("2025-03"))
	fmt.Println(amount, ok)
	fmt.Println(strings.Contains(cite.Title, "143"), cite.Confidence)
	// Output:
	// 143.00 true
	// true V
}

// The national schedule of a veterans' standard, keyed by its
// dimensions; yearly amounts.
func ExampleSet_NationalSchedule() {
	s, _ := floor.Default().NationalSchedule("veterans.disability", benefit.MustParseDims("grade=1;cause=因战"))
	for _, v := range s.All() {
		fmt.Println(v.From, v.Amount, v.Status)
	}
	// Output:
	// 2015-10 60210.00 legislated
	// 2016-10 66230.00 legislated
	// 2017-10 72850.00 legislated
	// 2018-08 80140.00 legislated
	// 2019-08 88150.00 legislated
	// 2020-08 96970.00 provisional
	// 2021-08 106670.00 legislated
	// 2022-08 116270.00 provisional
}

// Unemployment benefit equal to the minimum wage breaks 失业保险条例 Art 18
// ("低于当地最低工资标准", strictly below): worked example C, a city
// with a minimum wage of 2,020 and a 低保 of 660 from 2018-08.
func ExampleCheck_unemploymentBounds() {
	city := region.MustParseCode("320500")
	at := benefit.MustParseMonth("2018-08")
	level := func(program, amount string) floor.Level {
		return floor.Level{Region: city, Program: program,
			Schedule: mustSchedule(benefit.Version{From: at, Amount: benefit.MustParseAmount(amount), Status: benefit.Illustrative})}
	}
	rep, _ := floor.Check([]floor.Level{
		level("employment.unemployment_insurance", "2020"),
		level("reference.min_wage", "2020"),
		level("reference.dibao_urban", "660"),
	}, floor.Options{From: at, To: at.AddMonths(12)})
	for _, f := range rep.Findings {
		fmt.Println(f.Severity, f.Rule, f.Citation.Title)
	}
	// Output:
	// violation ui.art18.below_min_wage 失业保险条例 第十八条: 低于当地最低工资标准
}

// Levels from CSV (as a pipeline would read them) and the text report.
func ExampleReadCSV() {
	csv := "region,program,dimensions,effective_from,amount,per,beneficiaries,source,status\n" +
		"140000,pension.resident.basic,,2020-07,108,month,,Shanxi (derived),provisional\n" +
		"140000,pension.resident.basic,,2022-01,113,month,,Shanxi (derived),provisional\n" +
		"140822,pension.resident.basic,age=60+,2020-07,108,month,75000,Wanrong County,legislated\n" +
		"140822,pension.resident.basic,age=60+,2022-03,113,month,75000,Wanrong County,legislated\n"
	levels, err := floor.ReadCSV(strings.NewReader(csv), "wanrong.csv", floor.SetOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, _ := floor.Check(levels, floor.Options{From: benefit.MustParseMonth("2022-01"), To: benefit.MustParseMonth("2023-01")})
	fmt.Println(rep.Summary.Violations, "violation; owed", rep.Summary.ArrearsTotal, "=", rep.Findings[0].Shortfall, "×", rep.Findings[0].PersonMonths)
	// Output:
	// 1 violation; owed 750000.00 = 5.00 × 150000
}

// A bad record names the file, the line and the field.
func ExampleReadCSV_error() {
	csv := "region,program,effective_from,amount,status\n371723,pension.resident.basic,2024-01,1e9,default\n"
	_, err := floor.ReadCSV(strings.NewReader(csv), "levels.csv", floor.SetOptions{})
	fmt.Println(err)
	// Output:
	// levels.csv:2: amount: benefit: invalid amount "1e9": exponent notation is not accepted; write the plain digits
}

// A level the library cannot check is reported as unchecked, with the rule,
// the months and the reason, and the coverage says how much of each rule
// was checked. 在乡复员军人定期定量补助 has no national floor (the national
// notices set central increments, not a standard, and
// floor/data/national.json has none): a county's allowance (HYPOTHETICAL
// 24,000 a year) is not checked against any floor.
func ExampleCheck_unchecked() {
	county := floor.Level{Region: region.MustParseCode("140822"), Program: "veterans.demobilized",
		Dims: benefit.MustParseDims("enlisted=抗日战争时期"), Per: benefit.PerYear,
		Schedule: mustSchedule(benefit.Version{From: benefit.MustParseMonth("2024-01"), Amount: benefit.Yuan(24000), Status: benefit.Illustrative})}
	rep, err := floor.Check([]floor.Level{county}, floor.Options{
		From: benefit.MustParseMonth("2024-01"), To: benefit.MustParseMonth("2025-01")})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep.Findings {
		fmt.Println(f.Severity, f.Rule, f.Unchecked, f.Interval)
	}
	for _, c := range rep.Coverage {
		fmt.Printf("%s: checked %d, unchecked %d level-months\n", c.Rule, c.Checked, c.Unchecked)
	}
	fmt.Println("fails --fail-on warning:", rep.Failed(floor.Warning))
	// Output:
	// warning floor no_floor [2024-01, 2025-01)
	// floor: checked 0, unchecked 12 level-months
	// no_cut: checked 12, unchecked 0 level-months
	// fails --fail-on warning: true
}

// Floors for a programme of a user's catalogue (a hypothetical 高龄津贴,
// elderly allowance) load against that catalogue; Load, with the
// default one, would reject the programme. A bad value is reported with
// its line and JSON path.
func ExampleLoad_userCatalogue() {
	cat, err := benefit.LoadCatalogue(strings.NewReader(`{"version": "mine", "programs": [
  {"id": "local.elderly_allowance", "name": "高龄津贴", "category": "pension", "frequency": "month",
   "rounding": {"unit": "1", "mode": "half_up"}, "citation": {"title": "hypothetical"}}]}`), "mine.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	opts := floor.SetOptions{Catalogue: cat}
	set, err := floor.Load(strings.NewReader(`{"version": "mine", "floors": [
  {"program": "local.elderly_allowance",
   "versions": [{"from": "2024-01", "amount": "100", "status": "announced"}]}]}`), "floors.json", opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	last, _ := set.Floors("local.elderly_allowance")[0].Schedule.Last()
	fmt.Println(last.Amount)

	_, err = floor.Load(strings.NewReader(`{"version": "mine", "floors": [
  {"program": "local.elderly_allowance",
   "versions": [{"from": "2024-13", "amount": "100", "status": "default"}]}]}`), "floors.json", opts)
	fmt.Println(err)
	// Output:
	// 100.00
	// floors.json:3: floors[0].versions[0].from: benefit: invalid month "2024-13": year must be 1900-9999 and month 01-12
}

// The ceiling of 带病回乡退伍军人生活补助 is the grade-10 disability
// standard; the source does not say which cause column, so the shipped
// rule reads 因战 (11,860 a year in 2021-08) and a user who reads 因公
// (10,140) replaces the rule's AgainstDims in a set of their own. A
// monthly 846 is compared × 12: 10,152 is 12 over 因公, within 因战.
func ExampleRelative_againstDims() {
	d := floor.Default()
	rel := d.Relatives("")
	for i := range rel {
		if rel[i].ID == "ill_returned.max_grade10" {
			fmt.Println("shipped:", rel[i].AgainstDims)
			rel[i].AgainstDims = benefit.MustParseDims("cause=因公;grade=10")
		}
	}
	mine, err := floor.NewSet(d.Version()+"+因公", d.Floors(""), rel, d.Cadences(), floor.SetOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	ill := floor.Level{Region: region.MustParseCode("140800"), Program: "veterans.ill_returned",
		Schedule: mustSchedule(benefit.Version{From: benefit.MustParseMonth("2021-08"), Amount: benefit.Yuan(846), Status: benefit.Illustrative})}
	window := floor.Options{From: benefit.MustParseMonth("2021-08"), To: benefit.MustParseMonth("2022-08")}
	for _, set := range []*floor.Set{d, mine} {
		window.Floors = set
		rep, _ := floor.Check([]floor.Level{ill}, window)
		fmt.Println(set.Version(), len(rep.Findings), "findings")
		for _, f := range rep.Findings {
			fmt.Println(f.Rule, "a year:", f.Actual, "bound", f.Required, "over by", f.Excess)
		}
	}
	// Output:
	// shipped: cause=因战;grade=10
	// 2026-12-03 0 findings
	// 2026-12-03+因公 1 findings
	// ill_returned.max_grade10 a year: 10152.00 bound 10140.00 over by 12.00
}

// The national veterans' disability table carried one year past the last
// shipped one (2022-08) by an assumed raise of 5 % for every grade and
// cause, rounded half-up to 10 yuan as the programme is: grade 1 因战
// 116,270 × 1.05 = 122,083.5 → 122,080. The projected version says so.
func ExampleSet_Project() {
	set, err := floor.Default().Project(floor.Projection{
		Program: "veterans.disability",
		Steps: []floor.Step{{From: benefit.MustParseMonth("2023-08"),
			Increases: []floor.Increase{{Rate: benefit.MustParseRate("5%")}}}},
		Citation: benefit.Citation{Title: "assumed +5 % (not a published table)"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	s, _ := set.NationalSchedule("veterans.disability", benefit.MustParseDims("cause=因战;grade=1"))
	v, _ := s.Last()
	fmt.Println(v.From, v.Amount, v.Status)
	// Output:
	// 2023-08 122080.00 projected
}

// The residents' pension floor of a simulation: the shipped history up
// to 2025 (143 from 2025-01), then +20 yuan each January.
func ExamplePath_Project() {
	path := floor.Path{ShippedThrough: 2025, Projection: floor.StepTrend(benefit.Yuan(20))}
	pr, err := path.Project(floor.PathOptions{Program: "pension.resident.basic", From: 2025, To: 2027})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, y := range pr.Years {
		fmt.Println(y.Year, y.Amount, y.Status)
	}
	// Output:
	// 2025 143.00 announced
	// 2026 163.00 projected
	// 2027 183.00 projected
}

// mustSchedule is benefit.NewSchedule for versions known to be valid.
func mustSchedule(vs ...benefit.Version) benefit.Schedule {
	s, err := benefit.NewSchedule(vs...)
	if err != nil {
		panic(err)
	}
	return s
}

// A minimum wage (最低工资标准) of 2,540 yuan from 2025-09 carried past
// its history by +5 % on the floor set's cadence of 24 months, rounded
// to the yuan.
func ExampleReference_Project() {
	mw, _ := benefit.DefaultCatalogue().Program("reference.min_wage")
	rate := benefit.MustParseRate("5%")
	ref := floor.Reference{Dims: benefit.MustParseDims("tier=1"),
		History:  []benefit.Version{{From: benefit.MustParseMonth("2025-09"), Amount: benefit.Yuan(2540), Status: benefit.Announced}},
		Revision: floor.Revision{Rate: &rate}}
	sch, _, err := ref.Project(mw, floor.ReferenceOptions{Through: benefit.MustParseMonth("2030-12"), MaxVersions: 100})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range sch.All() {
		fmt.Println(v.From, v.Amount, v.Status)
	}
	// Output:
	// 2025-09 2540.00 announced
	// 2027-09 2667.00 projected
	// 2029-09 2800.00 projected
}
