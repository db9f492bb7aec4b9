package output_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/region"
)

// The renderings of a compliance report (*floor.Report). The figures
// are worked by hand in floor's tests of the same cases; here they are
// checked as each format shows them.

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func ym(s string) benefit.Month { return benefit.MustParseMonth(s) }

func check(t *testing.T, levels []floor.Level, opts floor.Options) *floor.Report {
	t.Helper()
	rep, err := floor.Check(levels, opts)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// sched builds a schedule from month, amount pairs, each version of
// status default.
func sched(t testing.TB, pairs ...string) benefit.Schedule {
	t.Helper()
	var vs []benefit.Version
	for i := 0; i < len(pairs); i += 2 {
		vs = append(vs, benefit.Version{From: ym(pairs[i]), Amount: benefit.MustParseAmount(pairs[i+1]), Status: benefit.Illustrative})
	}
	s, err := benefit.NewSchedule(vs...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// uiBelowDibao is Example C: Suzhou's unemployment benefit of 650 below
// its 低保 of 660, minimum wage 2,020, 100 persons, from 2018-08.
func uiBelowDibao(t *testing.T) (region.Code, []floor.Level) {
	city := region.MustParseCode("320500")
	return city, []floor.Level{
		{Region: city, Program: "employment.unemployment_insurance", Schedule: sched(t, "2018-08", "650"), Beneficiaries: 100},
		{Region: city, Program: "reference.min_wage", Schedule: sched(t, "2018-08", "2020")},
		{Region: city, Program: "reference.dibao_urban", Schedule: sched(t, "2018-08", "660")},
	}
}

// The text report aligns columns by display width (a Han character is
// two columns): the "arrears" column ends at the same column on every row.
func TestReportTextAligned(t *testing.T) {
	in := floor.Sample()
	rep := check(t, in.Levels, floor.Options{To: ym("2025-07")})
	var b bytes.Buffer
	if err := renderTo(&b, output.FormatText, output.Options{}, rep); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	// rows of the floor and hierarchy rules with arrears end in the arrears column
	ends := map[int]bool{}
	for _, l := range lines {
		if strings.Contains(l, "  violation  ") && (strings.Contains(l, " floor ") || strings.Contains(l, " hierarchy ")) {
			ends[displayWidth(l)] = true
		}
	}
	// the sample has three such rows (运城市's floor, 371723's floor,
	// 万荣县's hierarchy); with one row the check would hold trivially
	rows := 0
	for _, l := range lines {
		if strings.Contains(l, "  violation  ") && (strings.Contains(l, " floor ") || strings.Contains(l, " hierarchy ")) {
			rows++
		}
	}
	if len(ends) != 1 || rows != 3 {
		t.Errorf("arrears column not aligned over %d rows: %v\n%s", rows, ends, b.String())
	}
}

func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0x2E80 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// Every finding of the text report is followed by its rule's legal
// source: the sample's report has as many "rule:" lines as findings.
func TestReportTextCitesEveryFinding(t *testing.T) {
	in := floor.Sample()
	rep := check(t, in.Levels, floor.Options{To: ym("2025-07")})
	var b bytes.Buffer
	if err := renderTo(&b, output.FormatText, output.Options{}, rep); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "\n     rule: "); n != len(rep.Findings) || n == 0 {
		t.Errorf("%d rule sources for %d findings:\n%s", n, len(rep.Findings), b.String())
	}
	if strings.Contains(b.String(), "rule: (no source given)") {
		t.Errorf("a finding without a legal source:\n%s", b.String())
	}
}

// Unchecked findings in every format: JSON gives "unchecked" and the
// coverage; JUnit a skipped test case with the reason; the text marks
// the row and lists the coverage.
func TestUncheckedInEveryFormat(t *testing.T) {
	city := region.MustParseCode("320500")
	lv := []floor.Level{
		{Region: city, Program: "employment.unemployment_insurance", Schedule: sched(t, "2018-08", "1818"), Beneficiaries: 100},
		{Region: city, Program: "reference.min_wage", Schedule: sched(t, "2018-08", "2020")},
	}
	rep := check(t, lv, floor.Options{From: ym("2018-08"), To: ym("2019-08")})

	var js bytes.Buffer
	if err := renderTo(&js, output.FormatJSON, output.Options{}, rep); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Summary  struct{ Unchecked, Warnings int }
		Coverage []floor.RuleCoverage
		Findings []struct {
			Rule, Severity, Unchecked string
		}
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Summary.Unchecked != 2 || doc.Summary.Warnings != 2 || len(doc.Findings) != 2 || doc.Findings[0].Unchecked != "no_reference" ||
		doc.Findings[0].Severity != "warning" || len(doc.Coverage) == 0 {
		t.Errorf("JSON: %+v\n%s", doc, js.String())
	}

	var ju bytes.Buffer
	if err := renderTo(&ju, output.FormatJUnit, output.Options{}, rep); err != nil {
		t.Fatal(err)
	}
	var x struct {
		Skipped int `xml:"skipped,attr"`
		Suites  []struct {
			Properties []struct {
				Name  string `xml:"name,attr"`
				Value string `xml:"value,attr"`
			} `xml:"properties>property"`
			Cases []struct {
				Name    string `xml:"name,attr"`
				Skipped *struct {
					Message string `xml:"message,attr"`
				} `xml:"skipped"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(ju.Bytes(), &x); err != nil {
		t.Fatal(err)
	}
	skipped := 0
	for _, c := range x.Suites[0].Cases {
		if c.Skipped != nil && strings.HasPrefix(c.Skipped.Message, "no_reference: ") && strings.Contains(c.Name, "unchecked") {
			skipped++
		}
	}
	props := map[string]string{}
	for _, p := range x.Suites[0].Properties {
		props[p.Name] = p.Value
	}
	if x.Skipped != 2 || skipped != 2 || props["coverage ui.art47.not_below_dibao"] != "checked 0, unchecked 12 level-months" || props["as_of"] != "2019-07" {
		t.Errorf("JUnit: %d skipped; properties %v\n%s", skipped, props, ju.String())
	}

	var tx bytes.Buffer
	if err := renderTo(&tx, output.FormatText, output.Options{}, rep); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"[unchecked: no_reference]", "2 unchecked 未核验", "Coverage 覆盖", "as of 截至 2019-07"} {
		if !strings.Contains(tx.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, tx.String())
		}
	}
}

// The JSON report of the embedded sample is byte-identical run after
// run, and equal to the reviewed golden file (go test -run Golden
// -update rewrites it).
func TestJSONDeterministicGolden(t *testing.T) {
	render := func() []byte {
		in := floor.Sample()
		rep := check(t, in.Levels, floor.Options{From: ym("2019-01"), To: ym("2025-07")})
		rep.Illustrative, rep.Note = in.Illustrative, in.Note
		var b bytes.Buffer
		if err := renderTo(&b, output.FormatJSON, output.Options{}, rep); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	first := render()
	for range 5 {
		if !bytes.Equal(first, render()) {
			t.Fatal("JSON output differs between runs")
		}
	}
	golden := filepath.Join("testdata", "sample_report.golden.json")
	if *update {
		if err := os.WriteFile(golden, first, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, want) {
		t.Errorf("JSON report differs from %s; run go test -run Golden -update and review the diff", golden)
	}
	// By hand: Example B 1,200,000.00 + Wanrong 750,000.00 + Example E
	// 0.04 a person-year short (12 × 7,345.83 = 88,149.96 against 88,150)
	// over the floor year 2019-08 .. 2020-07, until the 2020-08 raise ends
	// the level: 0.04 × 12 / 12 = 0.04, rounded once; total 1,950,000.04.
	// Split: Example B is in 山东 (tier 3), the centre pays 50 % =
	// 600,000.00 and the county 600,000.00; Wanrong's shortfall is a
	// provincial top-up, all local (750,000.00), so local 1,350,000.00;
	// the veterans' 0.04 has no cost rule (unsplit 0.04). Wanrong's raise
	// of 2022-01 was first paid in 2022-03: late_payment (113 − 108) ×
	// 75,000 × 2 = 750,000.00 for 60+, the same months and shortfall as
	// its hierarchy finding, so owed once (the total is unchanged), and
	// (118 − 113) for 65+, with no head count given, so 0.00. Violations:
	// Example B, Wanrong's hierarchy and two late payments, Example E and
	// 上海's extended UI 1,330 equal to its 低保 1,330 (条例 Art 18 wants it
	// above) = 6; advisories: 上海's
	// three UI bands 1,975, 1,580 and 1,330 below 90 % × 2,590 = 2,331 =
	// 3; warnings: 上海's minimum wage unchanged 2019-04 .. 2021-07 = 1.
	// Example B's county: 30 level-months (2023-01 .. 2025-06) × 10,000 =
	// 300,000 beneficiary-months checked, 6 × 10,000 below = 240,000 at
	// the floor (80.0 %); the 2024-01 raise reached it in 2024-07, 6
	// months.
	for _, key := range []string{`"schema_version": "2"`, `"illustrative": true`, `"arrears_total": "1950000.04"`, `"violations": 6`,
		`"arrears_central": "600000.00"`, `"arrears_local": "1350000.00"`, `"arrears_unsplit": "0.04"`, `"advisories": 3`, `"warnings": 1`, `"required": "2331.00"`,
		`"beneficiary_months_at_floor": 240000`, `"beneficiary_months_checked": 300000`, `"share": "80.0%"`,
		"\"from\": \"2024-01\",\n          \"reached\": \"2024-07\",\n          \"months\": 6"} {
		if !bytes.Contains(first, []byte(key)) {
			t.Errorf("report lacks %s", key)
		}
	}
}

// Who pays is the programme's payer: 失业保险金 comes from the
// unemployment insurance fund. Example C's UI of 650 below the 低保 of
// 660 owes 10 × 100 × 12 = 12,000.00, said to be the fund's in JSON
// ("payer": "fund", no central/local split) and in the text.
func TestFundPaysUnemploymentArrears(t *testing.T) {
	_, levels := uiBelowDibao(t)
	rep := check(t, levels, floor.Options{From: ym("2018-08"), To: ym("2019-08")})
	var js, tx bytes.Buffer
	if err := renderTo(&js, output.FormatJSON, output.Options{}, rep); err != nil {
		t.Fatal(err)
	}
	if err := renderTo(&tx, output.FormatText, output.Options{}, rep); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"payer": "fund"`, `"arrears_fund": "12000.00"`, `"central": null`} {
		if !strings.Contains(js.String(), want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
	for _, want := range []string{"fund 基金 12,000.00", "paid by the fund 基金"} {
		if !strings.Contains(tx.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, tx.String())
		}
	}
}

// A file with a header and no rows gives no levels; the text report
// says nothing was checked rather than that every level keeps the rules.
func TestTextReportOfNoLevels(t *testing.T) {
	var b strings.Builder
	if err := renderTo(&b, output.FormatText, output.Options{}, check(t, nil, floor.Options{})); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "nothing was checked") || strings.Contains(b.String(), "keeps every rule") {
		t.Errorf("report:\n%s", b.String())
	}
}

// The effect summary of Example B's county (policy-reference §11,
// floor's TestEffectSummary) as JSON and text: 103 until July 2024
// against the floor of 123 from 2024-01, 10,000 persons, window 2024:
// 12 × 10,000 = 120,000 beneficiary-months checked, 6 × 10,000 = 60,000
// at the floor (50.0 %); 1,200,000.00 outstanding; the 2024-01 raise
// reached the county in 2024-07, 6 months; the headroom at the tightest
// month is 103 − 123 = −20.00 a month.
func TestEffectRendered(t *testing.T) {
	code := region.MustParseCode("371723")
	lv := []floor.Level{{Region: code, Program: "pension.resident.basic", Schedule: sched(t, "2023-01", "103", "2024-07", "123"), Beneficiaries: 10000}}
	rep := check(t, lv, floor.Options{From: ym("2024-01"), To: ym("2025-01")})
	var js, tx bytes.Buffer
	if err := renderTo(&js, output.FormatJSON, output.Options{}, rep); err != nil {
		t.Fatal(err)
	}
	if err := renderTo(&tx, output.FormatText, output.Options{}, rep); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"beneficiary_months_at_floor": 60000`, `"beneficiary_months_checked": 120000`, `"share": "50.0%"`, `"months": 6`, `"headroom": "-20.00"`} {
		if !strings.Contains(js.String(), want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
	for _, want := range []string{"50.0% of 120,000 beneficiary-months", "2024-01: 6 months", "-20.00 a month", "1,200,000.00"} {
		if !strings.Contains(tx.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, tx.String())
		}
	}
}
