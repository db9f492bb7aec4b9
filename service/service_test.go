package service_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/api"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/columns"
	"github.com/benefitstd/benefitstd/compare"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/plan"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
	"github.com/benefitstd/benefitstd/service"
)

// rendered is what package output writes for v in format: the bytes
// `benefitstd ... --format json` prints, which the service must answer.
func rendered(t testing.TB, format string, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	r, err := output.New(format, &b, output.Options{})
	if err == nil {
		err = r.Render(v)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sampleReport is the library's report of the embedded sample as of
// asOf, as `benefitstd check --as-of` makes it.
func sampleReport(t testing.TB, asOf string) *floor.Report {
	in := floor.Sample()
	rep, err := floor.Check(in.Levels, floor.Options{AsOf: benefit.MustParseMonth(asOf), Waivers: in.Waivers})
	if err != nil {
		t.Fatal(err)
	}
	rep.Illustrative, rep.Note = in.Illustrative, in.Note
	return rep
}

// defaultResult is the library's simulation of the default scenario.
func defaultResult(t testing.TB) *adjust.Result {
	sc, err := defaultScenario()
	if err != nil {
		t.Fatal(err)
	}
	res, err := adjust.Run(context.Background(), sc, adjust.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestCheckSampleIsTheLibrarysReport(t *testing.T) {
	ts := start(t, service.Config{})
	want := rendered(t, output.FormatJSON, sampleReport(t, "2024-12"))
	code, h, got := ts.post(t, "/v1/check", `{"sample": true, "as_of": "2024-12"}`)
	if code != 200 || h.Get("Content-Type") != "application/json" || !bytes.Equal(got, want) {
		t.Fatalf("%d %s: the answer differs from the library's report:\n%.500s", code, h.Get("Content-Type"), got)
	}
	// The sample's arrears by hand (policy-reference §11): Example B,
	// county X, 10,000 × 6 months × 20 = 1,200,000 (central 50 % in a
	// tier-3 province: 600,000); Wanrong County, 75,000 × 2 months × 5 =
	// 750,000 (one shortfall of its own raise, found by two rules, owed
	// once, all local); Example E, the disability pension paid 0.04
	// short over the year = 0.04. 1,200,000 + 750,000 + 0.04 =
	// 1,950,000.04.
	var rep struct {
		Summary struct {
			ArrearsTotal   string `json:"arrears_total"`
			ArrearsCentral string `json:"arrears_central"`
		}
	}
	json.Unmarshal(got, &rep)
	if rep.Summary.ArrearsTotal != "1950000.04" || rep.Summary.ArrearsCentral != "600000.00" {
		t.Errorf("arrears %+v, want 1950000.04 with 600000.00 central", rep.Summary)
	}

	wantXML := rendered(t, output.FormatJUnit, sampleReport(t, "2024-12"))
	for _, accept := range []string{"application/xml", "text/xml", "application/json;q=0.5, application/xml"} {
		code, h, got = ts.post(t, "/v1/check", `{"sample": true, "as_of": "2024-12"}`, "Accept", accept)
		if code != 200 || h.Get("Content-Type") != "application/xml; charset=utf-8" || !bytes.Equal(got, wantXML) {
			t.Errorf("Accept %s: %d %s: not the library's JUnit", accept, code, h.Get("Content-Type"))
		}
	}
}

// as_of defaults to the current month of the service's clock, as
// `benefitstd check` does.
func TestCheckAsOfDefaultsToNow(t *testing.T) {
	ts := start(t, service.Config{Now: func() time.Time { return time.Date(2024, 12, 15, 0, 0, 0, 0, time.UTC) }})
	code, _, got := ts.post(t, "/v1/check", `{"sample": true}`)
	if want := rendered(t, output.FormatJSON, sampleReport(t, "2024-12")); code != 200 || !bytes.Equal(got, want) {
		t.Fatalf("%d: not the report as of 2024-12", code)
	}
}

// Levels given in the request: the hypothetical county X of
// policy-reference §11 Example B pays 103 a month to 10,000 persons
// while the national floor is 123 from 2024-01 (2024 Government Work
// Report, 103 → 123 [V3]; policy-reference §11): over [2024-01,
// 2024-07) it owes 20 × 10,000 × 6 months = 1,200,000.00 (补发).
func TestCheckLevelsInTheRequest(t *testing.T) {
	ts := start(t, service.Config{})
	body := `{"levels": {"levels": [{"region": "371723", "program": "pension.resident.basic", "beneficiaries": 10000,
  "versions": [{"from": "2024-01", "amount": "103", "status": "legislated"}]}]},
 "from": "2024-01", "to": "2024-07"}`
	code, h, got := ts.post(t, "/v1/check", body)
	if code != 200 {
		t.Fatalf("%d: %s", code, got)
	}
	var rep struct {
		Summary struct {
			Violations   int
			ArrearsTotal string `json:"arrears_total"`
		}
	}
	if err := json.Unmarshal(got, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Summary.ArrearsTotal != "1200000.00" || rep.Summary.Violations == 0 {
		t.Errorf("summary %+v, want arrears 1200000.00 and a violation", rep.Summary)
	}
	_ = h
}

func TestCheckUploadCSV(t *testing.T) {
	ts := start(t, service.Config{})
	const file = "../cmd/benefitstd/testdata/check_unchecked.csv"
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// the library's own report of the file, as the README's
	// `benefitstd check --levels … --from 2022-01 --to 2023-01 --as-of 2022-12`
	levels, err := floor.ReadCSV(bytes.NewReader(data), "check_unchecked.csv", floor.SetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := floor.Check(levels, floor.Options{From: benefit.MustParseMonth("2022-01"), To: benefit.MustParseMonth("2023-01"), AsOf: benefit.MustParseMonth("2022-12")})
	if err != nil {
		t.Fatal(err)
	}
	body, ct := multipartBody(t,
		[4]string{"request", "", "application/json", `{"from": "2022-01", "to": "2023-01", "as_of": "2022-12"}`},
		[4]string{"levels", "check_unchecked.csv", "text/csv", string(data)})
	r, _ := http.NewRequest(http.MethodPost, ts.URL+"/v1/check", strings.NewReader(body))
	r.Header.Set("Content-Type", ct)
	code, _, got := ts.do(t, r)
	if want := rendered(t, output.FormatJSON, rep); code != 200 || !bytes.Equal(got, want) {
		t.Fatalf("%d: not the library's report: %.300s", code, got)
	}
	// The sample's JSON uploaded as a file is the sample's report.
	sample, err := os.ReadFile("../floor/data/sample_levels.json")
	if err != nil {
		t.Fatal(err)
	}
	jb, jct := multipartBody(t, [4]string{"request", "", "application/json", `{"as_of": "2024-12"}`},
		[4]string{"levels", "sample_levels.json", "application/json", string(sample)})
	jr, _ := http.NewRequest(http.MethodPost, ts.URL+"/v1/check", strings.NewReader(jb))
	jr.Header.Set("Content-Type", jct)
	if code, _, got := ts.do(t, jr); code != 200 || !bytes.Equal(got, rendered(t, output.FormatJSON, sampleReport(t, "2024-12"))) {
		t.Errorf("the sample uploaded: %d, not the sample's report", code)
	}
	// README: 20,000.00 owed by 成武县 for the late payment.
	if !bytes.Contains(got, []byte(`"arrears_total": "20000.00"`)) {
		t.Error("arrears_total is not 20000.00")
	}

	// A bad cell: its part, file, line and column.
	bad := strings.Replace(string(data), "\n", "\n", 1)
	lines := strings.Split(bad, "\n")
	lines[2] = strings.Replace(lines[2], "legislated", "law", 1)
	if lines[2] == strings.Split(string(data), "\n")[2] {
		lines[2] = strings.Replace(lines[2], "provisional", "law", 1)
		lines[2] = strings.Replace(lines[2], "default", "law", 1)
	}
	body, ct = multipartBody(t, [4]string{"levels", "levels.csv", "text/csv", strings.Join(lines, "\n")})
	r, _ = http.NewRequest(http.MethodPost, ts.URL+"/v1/check", strings.NewReader(body))
	r.Header.Set("Content-Type", ct)
	code, h, got := ts.do(t, r)
	p := decodeProblem(t, h, got)
	if code != 400 || p.Part != "levels" || p.File != "levels.csv" || p.Line != 3 || p.Field != "status" {
		t.Errorf("%d %+v, want 400 naming part levels, levels.csv line 3, field status", code, p)
	}
}

func TestSimulateDefaultIsTheLibrarysResult(t *testing.T) {
	ts := start(t, service.Config{})
	res := defaultResult(t)
	code, _, got := ts.post(t, "/v1/simulate", `{"builtin": "default"}`)
	if want := rendered(t, output.FormatJSON, res); code != 200 || !bytes.Equal(got, want) {
		t.Fatalf("%d: not the library's result", code)
	}
	code, h, got := ts.post(t, "/v1/simulate", `{"builtin": "default"}`, "Accept", "text/csv")
	if want := rendered(t, output.FormatCSV, res); code != 200 || h.Get("Content-Type") != "text/csv; charset=utf-8" || !bytes.Equal(got, want) {
		t.Fatalf("%d %s: not the library's CSV", code, h.Get("Content-Type"))
	}
	// The scenario given as JSON is the same run.
	def, err := scenario.Builtin("residents-pension")
	if err != nil {
		t.Fatal(err)
	}
	body := `{"scenario": ` + string(def.JSON()) + `}`
	code, _, got = ts.post(t, "/v1/simulate", body)
	if want := rendered(t, output.FormatJSON, res); code != 200 || !bytes.Equal(got, want) {
		t.Fatalf("%d: the default scenario's JSON does not give the library's result", code)
	}
}

// Every shipped scenario runs by name, the request and the answer valid
// under the contract, and the answer is the library's run of it byte for
// byte (`benefitstd simulate --scenario builtin:NAME --format json`); a
// scenario's own JSON posted as the scenario is the same run. The
// document's enum of builtin is "default" and the shipped names, no more.
func TestSimulateEveryBuiltin(t *testing.T) {
	ts := start(t, service.Config{})
	names := []string{"default"}
	for _, b := range scenario.Builtins() {
		names = append(names, b.Name)
		var want []byte
		if b.Kind == scenario.KindColumns {
			cs, err := columns.Builtin(b, adjust.Options{})
			if err != nil {
				t.Fatal(err)
			}
			res, err := columns.Run(context.Background(), cs, adjust.Options{})
			if err != nil {
				t.Fatal(err)
			}
			want = rendered(t, output.FormatJSON, res)
		} else {
			sc, err := b.Scenario()
			if err != nil {
				t.Fatal(err)
			}
			res, err := adjust.Run(context.Background(), sc, adjust.Options{})
			if err != nil {
				t.Fatal(err)
			}
			want = rendered(t, output.FormatJSON, res)
			if code, _, got := ts.post(t, "/v1/simulate", `{"scenario": `+string(b.JSON())+`}`); code != 200 || !bytes.Equal(got, want) {
				t.Errorf("%s posted as a scenario: %d, the library's result: %v", b.Name, code, bytes.Equal(got, want))
			}
		}
		if code, _, got := ts.post(t, "/v1/simulate", `{"builtin": "`+b.Name+`"}`); code != 200 || !bytes.Equal(got, want) {
			t.Errorf("builtin %s: %d, the library's result: %v", b.Name, code, bytes.Equal(got, want))
		}
	}
	doc, err := contract()
	if err != nil {
		t.Fatal(err)
	}
	var enum []string
	for _, v := range doc.Components.Schemas["SimulateRequest"].Value.Properties["builtin"].Value.Enum {
		enum = append(enum, v.(string))
	}
	if strings.Join(enum, " ") != strings.Join(names, " ") {
		t.Errorf("the document's builtin enum %v, want %v", enum, names)
	}
}

func TestCompare(t *testing.T) {
	ts := start(t, service.Config{})
	res := defaultResult(t)
	code, _, got := ts.post(t, "/v1/simulate/compare", `{"a": {"builtin": "default"}, "b": {"builtin": "default"}}`)
	if want := rendered(t, output.FormatJSON, compare.Results(res, res)); code != 200 || !bytes.Equal(got, want) {
		t.Fatalf("%d: not the library's comparison", code)
	}
	// A scenario compared with itself differs by nothing.
	if bytes.Contains(got, []byte(`"level_diff": "-`)) || !bytes.Contains(got, []byte(`"level_diff": "0.00"`)) {
		t.Error("a scenario compared with itself shows a difference")
	}
}

// examples posts every request example of the document and checks the
// answer is 200 (the transport validates both against the contract).
func TestEveryExample(t *testing.T) {
	ts := start(t, service.Config{})
	doc, err := contract()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			if op.RequestBody == nil {
				continue
			}
			mt := op.RequestBody.Value.Content.Get("application/json")
			for name, ex := range mt.Examples {
				n++
				b, _ := json.Marshal(ex.Value.Value)
				r, _ := http.NewRequest(method, ts.URL+path, bytes.NewReader(b))
				r.Header.Set("Content-Type", "application/json")
				if code, _, got := ts.do(t, r); code != 200 {
					t.Errorf("%s %s example %s: %d %s", method, path, name, code, got)
				}
			}
		}
	}
	if n < 8 {
		t.Errorf("%d request examples; the document gives 9", n)
	}
}

func TestPlan(t *testing.T) {
	ts := start(t, service.Config{})
	p, err := plan.Builtin("shanghai-2024")
	if err != nil {
		t.Fatal(err)
	}
	// Three retirees; Shanghai 2024 (plan/data/shanghai-2024.json): +61
	// fixed, +1 a year of contribution (at least 15), +1% of the pension,
	// +25/35/45 at 70/75/80 by 2023-12-31, retired by 2023-12-31.
	//   A001 born 1950-03 (73): 61 + 38 + 45.00 + 25 = 169.00
	//   A002 born 1958-07 (65), 12 years → 15: 61 + 15 + 21.005→21.01 = 97.01
	//   A003 retired 2024-02-01: not eligible
	// increase 266.01 over prior 6,600.50 (the two eligible).
	body := `{"plan_id": "shanghai-2024", "retirees": [
 {"id": "A001", "birth_date": "1950-03-15", "retired_date": "2010-04-01", "years": 38, "pension": "4500.00", "sex": "M"},
 {"id": "A002", "birth_date": "1958-07-01", "retired_date": "2013-08-01", "years": 12, "months": 6, "pension": "2100.50", "sex": "F"},
 {"id": "A003", "birth_date": "1964-01-20", "retired_date": "2024-02-01", "years": 30, "pension": "5200.00"}]}`
	code, _, got := ts.post(t, "/v1/plan", body)
	if code != 200 {
		t.Fatalf("%d %s", code, got)
	}
	var run struct {
		Summary struct {
			Retirees, Eligible int
			Increase           string
			PriorTotal         string `json:"prior_total"`
		}
	}
	json.Unmarshal(got, &run)
	if s := run.Summary; s.Retirees != 3 || s.Eligible != 2 || s.Increase != "266.01" || s.PriorTotal != "6600.50" {
		t.Errorf("summary %+v, want 3 retirees, 2 eligible, increase 266.01 over 6600.50", s)
	}

	// The illustrative CSV of examples/provincialplan, uploaded, is the
	// library's run of it.
	const file = "../examples/provincialplan/retirees_illustrative.csv"
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := plan.NewCalculator(p)
	sum, err := c.Run(context.Background(), plan.ReadCSV(bytes.NewReader(data), "retirees.csv", benefit.Limits{}), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := rendered(t, output.FormatJSON, &output.PlanRun{Plan: p, Population: "retirees.csv", Report: sum})
	mp, ct := multipartBody(t,
		[4]string{"request", "", "application/json", `{"plan_id": "shanghai-2024"}`},
		[4]string{"retirees", "retirees.csv", "text/csv", string(data)})
	r, _ := http.NewRequest(http.MethodPost, ts.URL+"/v1/plan", strings.NewReader(mp))
	r.Header.Set("Content-Type", ct)
	if code, _, got := ts.do(t, r); code != 200 || !bytes.Equal(got, want) {
		t.Fatalf("%d: not the library's run: %.300s", code, got)
	}

	// Synthetic and calibrated: the library's calibration.
	pop, err := plan.NewPopulation(plan.Synthetic(7, 2000, p.RetiredBy))
	if err != nil {
		t.Fatal(err)
	}
	cal, err := plan.Calibrate(context.Background(), p, pop, "fixed", benefit.MustParseRate("2%"), plan.CalibrateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, _ = plan.NewCalculator(cal.Plan)
	sum, err = c.Run(context.Background(), pop, plan.Options{Synthetic: true})
	if err != nil {
		t.Fatal(err)
	}
	want = rendered(t, output.FormatJSON, &output.PlanRun{Plan: cal.Plan, Synthetic: true, Report: sum, Calibration: cal,
		Population: "SYNTHETIC: 2000 generated retirees (seed 7), illustrative only, not real data"})
	code, _, got = ts.post(t, "/v1/plan", `{"plan_id": "shanghai-2024", "synthetic": {"count": 2000, "seed": 7}, "calibrate": {"part": "fixed", "target": "2%"}}`)
	if code != 200 || !bytes.Equal(got, want) {
		t.Fatalf("%d: not the library's calibration: %.300s", code, got)
	}

	// A plan given as JSON: the shipped plan's own JSON runs as the plan.
	pj, _ := plan.BuiltinJSON("beijing-2024")
	code, _, got = ts.post(t, "/v1/plan", `{"plan": `+string(pj)+`, "synthetic": {"count": 100}}`)
	if code != 200 || !bytes.Contains(got, []byte(`"id": "beijing-2024"`)) {
		t.Fatalf("%d %.300s", code, got)
	}
}

func TestCatalogues(t *testing.T) {
	ts := start(t, service.Config{})
	cat := benefit.DefaultCatalogue()
	list, err := output.ListFloors(floor.Default(), cat, []string{"pension.resident.basic"}, benefit.MustParseMonth("2024-07"))
	if err != nil {
		t.Fatal(err)
	}
	code, _, got := ts.get(t, "/v1/floors?program=pension.resident.basic&at=2024-07")
	if want := rendered(t, output.FormatJSON, list); code != 200 || !bytes.Equal(got, want) {
		t.Fatalf("%d: not the library's floors", code)
	}
	// The residents' pension floor is 123 a month from 2024-01 (2024
	// Government Work Report, 103 → 123 [V3]; policy-reference §11).
	if !bytes.Contains(got, []byte(`"amount": "123.00"`)) {
		t.Errorf("the 2024-07 floor is not 123: %.400s", got)
	}
	if code, _, _ := ts.get(t, "/v1/floors"); code != 200 {
		t.Errorf("floors: %d", code)
	}

	code, _, got = ts.get(t, "/v1/programs")
	var pl struct {
		Programs []struct{ ID string }
	}
	json.Unmarshal(got, &pl)
	if code != 200 || len(pl.Programs) != len(cat.IDs()) {
		t.Errorf("programs: %d, %d programmes, want %d", code, len(pl.Programs), len(cat.IDs()))
	}

	tab := region.Default()
	divs, _ := tab.Under(region.MustParseCode("410000"))
	rl, err := output.ListRegions(tab, divs)
	if err != nil {
		t.Fatal(err)
	}
	code, _, got = ts.get(t, "/v1/regions?under=410000")
	if want := rendered(t, output.FormatJSON, rl); code != 200 || !bytes.Equal(got, want) {
		t.Fatalf("%d: not the library's regions", code)
	}
	// The NBS 2023 table: 31 provinces (README, region/data).
	code, _, got = ts.get(t, "/v1/regions")
	var rs struct{ Counts struct{ Provinces int } }
	json.Unmarshal(got, &rs)
	if code != 200 || rs.Counts.Provinces != 31 {
		t.Errorf("regions: %d, %d provinces", code, rs.Counts.Provinces)
	}
	if code, _, _ := ts.get(t, "/v1/regions?all=true"); code != 200 {
		t.Errorf("regions?all: %d", code)
	}

	code, _, got = ts.get(t, "/v1/plans")
	var ps struct{ Plans []struct{ ID string } }
	json.Unmarshal(got, &ps)
	if code != 200 || len(ps.Plans) != len(plan.Builtins()) {
		t.Errorf("plans: %d, %d plans", code, len(ps.Plans))
	}
	want, _ := plan.BuiltinJSON("shanghai-2024")
	if code, _, got := ts.get(t, "/v1/plans/shanghai-2024"); code != 200 || !bytes.Equal(got, want) {
		t.Errorf("plans/shanghai-2024: %d, not the shipped JSON", code)
	}
}

func TestOperations(t *testing.T) {
	ts := start(t, service.Config{Token: "s3cret"})
	for _, path := range []string{"/healthz", "/readyz"} {
		if code, _, _ := ts.get(t, path); code != 200 {
			t.Errorf("%s: %d", path, code)
		}
	}
	code, h, got := ts.get(t, "/openapi.json")
	want, _ := api.JSON()
	if code != 200 || h.Get("Content-Type") != "application/json" || !bytes.Equal(got, want) {
		t.Errorf("/openapi.json: %d %s", code, h.Get("Content-Type"))
	}
	var doc struct{ OpenAPI string }
	if json.Unmarshal(got, &doc); doc.OpenAPI != "3.1.0" {
		t.Errorf("/openapi.json: openapi %q", doc.OpenAPI)
	}
}

// The validation is real: the report with an amount as a JSON number, or
// a share that is neither a string nor null (a 3.1 type array), breaks
// the contract; as it is, it keeps it.
func TestTheContractCanFail(t *testing.T) {
	doc, err := contract()
	if err != nil {
		t.Fatal(err)
	}
	schema := doc.Components.Schemas["CheckReport"].Value
	good := rendered(t, output.FormatJSON, sampleReport(t, "2024-12"))
	for _, c := range []struct {
		name string
		edit func(m map[string]any)
		ok   bool
	}{
		{"as rendered", func(map[string]any) {}, true},
		{"amount as a number", func(m map[string]any) { m["summary"].(map[string]any)["arrears_total"] = 1950000.04 }, false},
		{"share as a number", func(m map[string]any) { m["effects"].([]any)[0].(map[string]any)["share"] = 0.5 }, false},
		{"share null", func(m map[string]any) { m["effects"].([]any)[0].(map[string]any)["share"] = nil }, true},
		{"another schema version", func(m map[string]any) { m["schema_version"] = "1" }, false},
	} {
		var m map[string]any
		if err := json.Unmarshal(good, &m); err != nil {
			t.Fatal(err)
		}
		c.edit(m)
		var v any
		b, _ := json.Marshal(m)
		json.Unmarshal(b, &v)
		err := schema.VisitJSON(v, openapi3.EnableJSONSchema2020())
		if (err == nil) != c.ok {
			t.Errorf("%s: valid %v, want %v (%v)", c.name, err == nil, c.ok, err)
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
