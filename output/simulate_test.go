package output_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/compare"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/scenario"
)

// The renderings of a simulation. The scenarios are those of adjust's
// worked examples (engine_test.go's testScenario, as JSON): the
// residents' pension from 2025 for 3 years, the floor 123 (2024,
// announced) and 143 (2025, legislated) raised by 20 a year.

// scenarioJSON returns the JSON of the worked-example scenario with rule and
// regions (each a JSON object) and any further members (more, each a
// "key": value pair).
func scenarioJSON(rule string, regions []string, more ...string) string {
	return `{"name": "worked example", "program": "pension.resident.basic", "start_year": 2025, "horizon": 3,
  "regions": [` + strings.Join(regions, ", ") + `],
  "floor": {"history": [{"from": "2024-01", "amount": "123", "status": "announced"}, {"from": "2025-01", "amount": "143", "status": "legislated"}],
            "projection": {"kind": "step", "step": "20"}},
  "rule": ` + rule + strings.Join(append([]string{""}, more...), ", ") + `}`
}

// reg is a region of a scenario: code, persons, level and revenue.
func reg(code string, persons int, level, revenue string) string {
	return `{"code": "` + code + `", "beneficiaries": ` + strconv.Itoa(persons) + `, "level": "` + level + `", "revenue": "` + revenue + `"}`
}

func load(t *testing.T, doc string) scenario.Scenario {
	t.Helper()
	s, err := adjust.LoadScenario(strings.NewReader(doc), "scenario.json", adjust.Options{})
	if err != nil {
		t.Fatalf("%v\n%s", err, doc)
	}
	return s
}

func runScenario(t *testing.T, doc string) *adjust.Result {
	t.Helper()
	r, err := adjust.Run(t.Context(), load(t, doc), adjust.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// render renders v in format with opts, failing the test on an error.
// renderTo renders v in format to w.
func renderTo(w io.Writer, format string, opts output.Options, v any) error {
	r, err := output.New(format, w, opts)
	if err != nil {
		return err
	}
	return r.Render(v)
}

func render(t *testing.T, format string, v any, opts output.Options) string {
	t.Helper()
	var b bytes.Buffer
	r, err := output.New(format, &b, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Render(v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

const fixed10 = `{"kind": "fixed", "amount": "10"}`

// A run as text, detail text, CSV, JSON and SVG. 北京 (1,000 persons at
// 200) and 四川 (2,000 at 130), fixed +10, an illustrative scenario.
func TestResultRenderings(t *testing.T) {
	r := runScenario(t, scenarioJSON(fixed10, []string{reg("110000", 1000, "200", "100000000"), reg("510000", 2000, "130", "100000000")},
		`"illustrative": true`, `"note": "made up"`))
	txt := render(t, output.FormatText, r, output.Options{})
	for _, want := range []string{"北京市", "fixed +10.00", r.Run.ScenarioSHA256} {
		if !strings.Contains(txt, want) {
			t.Errorf("text lacks %q:\n%s", want, txt)
		}
	}
	// ILLUSTRATIVE first and last, so that nobody quotes the figures
	lines := strings.Split(strings.TrimSpace(txt), "\n")
	if !strings.HasPrefix(lines[1], "ILLUSTRATIVE") || !strings.HasPrefix(lines[len(lines)-1], "ILLUSTRATIVE") {
		t.Errorf("ILLUSTRATIVE not first and last:\n%s", txt)
	}
	// one row per region: levels 200 (base), 210, 220, 230 (see
	// adjust's TestRuleFixed), then the cost of 2027 in 万元: 12 · 1,000 ·
	// 230 = 2,760,000 = 276.00, central 50 % · 12 · 1,000 · 183 = 109.80,
	// local 166.20; 四川 raised to the floor each year, all central:
	// 12 · 2,000 · 183 = 439.20.
	for _, want := range [][]string{
		{"110000", "北京市", "200", "210", "220", "230", "1,000", "276.00", "109.80", "166.20", "1.662%", "-"},
		{"510000", "四川省", "130", "143", "163", "183", "2,000", "439.20", "439.20", "0.00", "0%", "floor", "2025-2027"},
	} {
		found := false
		for _, l := range lines {
			found = found || slices.Equal(strings.Fields(l), want)
		}
		if !found {
			t.Errorf("no row %q in\n%s", want, txt)
		}
	}
	if detail := render(t, output.FormatText, r, output.Options{Detail: true}); !strings.Contains(detail, "110000  北京市  2025") {
		t.Errorf("detail:\n%s", detail)
	}
	recs, err := csv.NewReader(strings.NewReader(render(t, output.FormatCSV, r, output.Options{}))).ReadAll()
	if err != nil || len(recs) != 7 || recs[1][0] != "110000" || recs[1][3] != "210.00" || recs[1][13] != "2520000.00" || recs[1][22] != "true" {
		t.Errorf("csv %v %v", err, recs[:2])
	}
	var back struct {
		Run  adjust.RunRecord `json:"run"`
		Rows []struct {
			Level string `json:"level"`
		} `json:"regions"`
	}
	if err := json.Unmarshal([]byte(render(t, output.FormatJSON, r, output.Options{})), &back); err != nil || !back.Run.Illustrative || back.Rows[0].Level != "210.00" {
		t.Errorf("json %v %+v", err, back.Run)
	}
	svg := render(t, output.FormatSVG, r, output.Options{})
	if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil || !strings.Contains(svg, "ILLUSTRATIVE") {
		t.Errorf("svg: %v", err)
	}
}

// A comparison's text: a region only in B is marked; one illustrative
// side makes the comparison open and close with the warning. A: 北京
// fixed +10; B: 北京 fixed +20 and 四川 (1 person at 130).
func TestComparisonText(t *testing.T) {
	bj := reg("110000", 1000, "200", "100000000")
	a := runScenario(t, scenarioJSON(fixed10, []string{bj}))
	b2 := runScenario(t, scenarioJSON(`{"kind": "fixed", "amount": "20"}`, []string{bj, reg("510000", 1, "130", "1")}))
	c := compare.Results(a, b2)
	if len(c.Rows) != 6 || c.Rows[3].Only != "b" || c.Rows[3].Level.String() != "150.00" {
		t.Fatalf("only-in-b rows: %+v", c.Rows[3])
	}
	if txt := render(t, output.FormatText, c, output.Options{}); !strings.Contains(txt, "only in B") || strings.Contains(txt, "ILLUSTRATIVE") {
		t.Errorf("text:\n%s", txt)
	}
	b2.Run.Illustrative = true
	txt := render(t, output.FormatText, compare.Results(a, b2), output.Options{})
	if lines := strings.Split(strings.TrimSpace(txt), "\n"); !strings.HasPrefix(lines[1], "ILLUSTRATIVE") || !strings.HasPrefix(lines[len(lines)-1], "ILLUSTRATIVE") {
		t.Errorf("illustrative comparison:\n%s", txt)
	}
}

// A sweep's text table in 万元 (adjust's TestSweep works the figures):
// the fixed amount 0, 10, 20 for 山东 (1,000 persons at 143, cap 1 % of
// revenue 100,000,000). +20 costs 6,012,000 = 601.20; the centre pays
// half the floor part, 6,000 · (143 + 163 + 183) = 2,934,000 = 293.40,
// whatever the value; local 601.20 − 293.40 = 307.80; transfer 98,000 =
// 9.80; 山东 first infeasible in 2027.
func TestSweepText(t *testing.T) {
	s := load(t, scenarioJSON(fixed10, []string{reg("370000", 1000, "143", "100000000")}, `"constraints": {"fiscal_cap": {"basis": "revenue", "percent": "1%"}}`))
	vals, err := compare.AmountRange(benefit.Yuan(0), benefit.Yuan(20), benefit.Yuan(10))
	if err != nil {
		t.Fatal(err)
	}
	sw, err := compare.Sweep(t.Context(), s, compare.RuleAmount(vals...), adjust.Options{})
	if err != nil {
		t.Fatal(err)
	}
	txt := render(t, output.FormatText, sw, output.Options{})
	want := []string{"20.00", "601.20", "293.40", "307.80", "9.80", "1", "370000", "(2027)"}
	if !slices.ContainsFunc(strings.Split(txt, "\n"), func(l string) bool { return slices.Equal(strings.Fields(l), want) }) {
		t.Errorf("sweep text:\n%s", txt)
	}
}

// TestGoldenDefaultCSV pins the bytes of the default scenario's CSV,
// every region-year, on one worker and on GOMAXPROCS workers (adjust's
// TestGoldenDefault pins its yearly summaries; TestDefaultScenarioWorked
// works the key 2025 figures by hand). After a deliberate change, run
// `go test ./output -run Golden -update` and review the diff.
func TestGoldenDefaultCSV(t *testing.T) {
	s, err := defaultScenario()
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 0} {
		r, err := adjust.Run(t.Context(), s, adjust.Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		got := []byte(render(t, output.FormatCSV, r, output.Options{}))
		const name = "testdata/default.golden.csv"
		if *update {
			if err := os.WriteFile(name, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the output (run with -update after a deliberate change, and review the diff)", name)
		}
	}
}

// defaultScenario decodes the shipped residents' pension, the default of
// `benefitstd simulate`.
func defaultScenario() (scenario.Scenario, error) {
	b, err := scenario.Builtin("residents-pension")
	if err != nil {
		return scenario.Scenario{}, err
	}
	return b.Scenario()
}
