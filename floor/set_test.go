package floor_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// The shipped history (floor/data/national.json): 55 (2009-12), 70
// (2014-07, 人社部发〔2015〕5号), 88 (2018-01), 93 (2020-07), 98 (2022, a
// step that exists [D] at a month not known), 103 (2023), 123 (2024-01),
// 143 (2025-01). 2022-2023 ship as provisional; 2020's date is [C], and
// no source gives 1 January for 123 and 143 (their notices not seen), so
// those three are announced.
func TestDefaultResidentsPensionHistory(t *testing.T) {
	s, ok := floor.Default().NationalSchedule("pension.resident.basic", benefit.Dims{})
	if !ok {
		t.Fatal("no national residents' pension floor")
	}
	want := []struct {
		from, amount string
		status       benefit.Status
	}{
		{"2009-12", "55", benefit.Legislated}, {"2014-07", "70", benefit.Legislated}, {"2018-01", "88", benefit.Legislated},
		{"2020-07", "93", benefit.Announced}, {"2022-01", "98", benefit.Provisional}, {"2023-01", "103", benefit.Provisional},
		{"2024-01", "123", benefit.Announced}, {"2025-01", "143", benefit.Announced},
	}
	if s.Len() != len(want) {
		t.Fatalf("%d versions, want %d", s.Len(), len(want))
	}
	for i, w := range want {
		v := s.Version(i)
		if v.From.String() != w.from || !v.Amount.Equal(amt(w.amount)) || v.Status != w.status || v.Citation.IsZero() {
			t.Errorf("version %d = %s %s %s, want %s %s %s", i, v.From, v.Amount, v.Status, w.from, w.amount, w.status)
		}
	}
	// age bands are covered by the same floor
	if a, _, ok := floor.Default().Required("pension.resident.basic", region.MustParseCode("140822"), benefit.MustParseDims("age=65+"), ym("2024-03")); !ok || !a.Equal(amt("123")) {
		t.Errorf("Required(age=65+) = %s %v", a, ok)
	}
}

// The contract: no figure marked [M] or [C] is shipped as legislated.
func TestDefaultNeverLegislatesUnverified(t *testing.T) {
	for _, f := range floor.Default().Floors("") {
		for _, v := range f.Schedule.All() {
			c := v.Citation
			unverified := c.Confidence == "M" || c.Confidence == "C" || strings.Contains(c.Note, "[C]") || strings.Contains(c.Note, "UNRESOLVED")
			if unverified && v.Status == benefit.Legislated {
				t.Errorf("%s %s %s %s is legislated but marked %s: %s", f.Program, f.Dims, v.From, v.Amount, c.Confidence, c.Note)
			}
			if c.IsZero() {
				t.Errorf("%s %s %s has no citation", f.Program, f.Dims, v.From)
			}
		}
	}
}

// UI has relative bounds only (veterans: veterans_test.go).
func TestDefaultUnemploymentHasNoFixedFloor(t *testing.T) {
	if _, ok := floor.Default().NationalSchedule("employment.unemployment_insurance", benefit.Dims{}); ok {
		t.Error("UI has relative bounds only, no fixed national floor")
	}
}

func TestLoadStrict(t *testing.T) {
	cases := map[string]struct{ in, field string }{
		"unknown field": {`{"version": "x", "floors": [], "extra": 1}`, "extra"},
		"program":       {`{"version": "x", "floors": [{"program": "nope", "versions": [{"from": "2024-01", "amount": "1", "status": "default"}]}]}`, "floors[0].program"},
		"dims":          {`{"version": "x", "floors": [{"program": "pension.resident.basic", "dimensions": "grade=1", "versions": [{"from": "2024-01", "amount": "1", "status": "default"}]}]}`, "floors[0].dimensions"},
		"order":         {`{"version": "x", "floors": [{"program": "pension.resident.basic", "versions": [{"from": "2024-01", "amount": "1", "status": "default"}, {"from": "2023-01", "amount": "1", "status": "default"}]}]}`, "floors[0].versions[1].from"},
		"group":         {`{"version": "x", "floors": [{"program": "pension.resident.basic", "group": "atlantis", "versions": [{"from": "2024-01", "amount": "1", "status": "default"}]}]}`, "floors[0].group"},
		"empty":         {`{"version": "x", "floors": [{"program": "pension.resident.basic", "versions": []}]}`, "floors[0].versions"},
		// a figure from memory [M] (98 in 2022) may ship only as provisional
		"unverified legislated": {`{"version": "x", "floors": [{"program": "pension.resident.basic", "versions": [{"from": "2022-01", "amount": "98", "status": "legislated", "citation": {"confidence": "M"}}]}]}`, "floors[0].versions[0].status"},
		"bound":                 {`{"version": "x", "floors": [], "relative": [{"id": "r", "program": "employment.unemployment_insurance", "against": "reference.min_wage", "bound": "side", "severity": "violation", "citation": {}}]}`, "relative[0].bound"},
	}
	for name, tc := range cases {
		_, err := floor.Load(strings.NewReader(tc.in), "mine.json", floor.SetOptions{})
		var re *benefit.RecordError
		if !errors.As(err, &re) || re.File != "mine.json" || re.Field != tc.field {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

// A user's floors file loaded on top of the national ones: a regional
// agreement for 京津冀 (hypothetical 200 from 2025-01).
func TestLoadAndMerge(t *testing.T) {
	in := `{"version": "mine", "floors": [{"program": "pension.resident.basic", "group": "jingjinji",
  "citation": {"title": "hypothetical 京津冀 agreement"}, "versions": [{"from": "2025-01", "amount": "200", "status": "default"}]}]}`
	mine, err := floor.Load(strings.NewReader(in), "mine.json", floor.SetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := floor.Default().Merge(mine)
	if err != nil {
		t.Fatal(err)
	}
	if a, _, _ := s.Required("pension.resident.basic", region.MustParseCode("130100"), benefit.Dims{}, ym("2025-02")); !a.Equal(amt("200")) {
		t.Errorf("Hebei = %s, want 200", a)
	}
	if a, _, _ := s.Required("pension.resident.basic", region.MustParseCode("140100"), benefit.Dims{}, ym("2025-02")); !a.Equal(amt("143")) {
		t.Errorf("Shanxi = %s, want 143", a)
	}
	if _, err := s.Merge(mine); err == nil {
		t.Error("the same regional floor merged twice")
	}
}

// Check is safe for concurrent use and deterministic: eight goroutines
// checking the sample get reports whose JSON encodings are byte-identical
// (run with -race).
func TestCheckConcurrent(t *testing.T) {
	in := floor.Sample()
	var wg sync.WaitGroup
	out := make([][]byte, 8)
	for g := range out {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rep, err := floor.Check(in.Levels, floor.Options{To: ym("2025-07"), PassThrough: g%2 == 0})
			if err != nil {
				t.Error(err)
				return
			}
			b, err := json.Marshal(rep)
			if err != nil {
				t.Error(err)
			}
			out[g] = b
		}()
	}
	wg.Wait()
	// Each goroutine's report equals the one run alone, not merely its
	// siblings' (which would also agree if every one of them were empty).
	for pass := range 2 {
		want, err := json.Marshal(check(t, in.Levels, floor.Options{To: ym("2025-07"), PassThrough: pass == 0}))
		if err != nil {
			t.Fatal(err)
		}
		for g := pass; g < len(out); g += 2 {
			if !bytes.Equal(out[g], want) {
				t.Fatalf("goroutine %d produced a report different from a lone run", g)
			}
		}
	}
}

// A Set is immutable: changing the group members of a floor given to
// NewSet (then merged), or of a floor Floors returned, does not change the set. The
// hypothetical 长三角 floor of 150 applies in Jiangsu (320583) whatever
// the caller does to its copies.
func TestSetDoesNotShareGroupMembers(t *testing.T) {
	g, _ := region.Default().Group("yangtze_delta")
	fl := floor.Floor{Program: "pension.resident.basic", Group: g, Per: benefit.PerMonth, Schedule: sched(t, "2024-01", "150")}
	set, err := withFloors(floor.Default(), floor.SetOptions{}, fl)
	if err != nil {
		t.Fatal(err)
	}
	for i := range fl.Group.Members {
		fl.Group.Members[i] = region.MustParseCode("650000")
	}
	for _, f := range set.Floors("pension.resident.basic") {
		for i := range f.Group.Members {
			f.Group.Members[i] = region.MustParseCode("650000")
		}
	}
	if a, _, _ := set.Required("pension.resident.basic", region.MustParseCode("320583"), benefit.Dims{}, ym("2024-06")); !a.Equal(amt("150")) {
		t.Errorf("Jiangsu = %s, want 150: the set shares its group members", a)
	}
}

// Relatives and Cadences hand out copies of the shared default set. The
// minimum wage must change at least every 24 months (最低工资规定 第十条)
// and the unemployment benefit must stay below it (失业保险条例 第十八条,
// severity violation); a caller who edits what it got leaves both alone.
func TestRelativesAndCadencesAreCopies(t *testing.T) {
	set := floor.Default()
	rs := set.Relatives("")
	for i := range rs {
		rs[i].Severity = floor.Advisory
		rs[i].ID = "changed"
	}
	cs := set.Cadences()
	for i := range cs {
		cs[i].Months = 1
	}
	found := false
	for _, r := range set.Relatives("employment.unemployment_insurance") {
		if r.ID == "ui.art18.below_min_wage" {
			found = true
			if r.Severity != floor.Violation {
				t.Errorf("ui.art18.below_min_wage is now %s, want violation", r.Severity)
			}
		}
	}
	if !found {
		t.Error("ui.art18.below_min_wage is gone from the shared set")
	}
	for _, c := range set.Cadences() {
		if c.Program == "reference.min_wage" && c.Months != 24 {
			t.Errorf("the minimum wage cadence is now %d months, want 24", c.Months)
		}
	}
}

// A confidence mark outside the legend (benefit.Citation.Mark: V, V3,
// D, M, C, or none) is refused wherever a set carries a citation, and
// the error names the mark's field and line; marks in brackets or lower
// case are the legend's own (a legislated "[m]" is still [M]).
func TestLoadConfidenceMarks(t *testing.T) {
	const rel = `{"id": "r", "program": "employment.unemployment_insurance", "against": "reference.min_wage", "bound": "upper", "severity": "violation", `
	cases := map[string]struct {
		in, field string
		line      int
		err       error
	}{
		"floor": {`{"version": "x", "floors": [{"program": "pension.resident.basic",
 "citation": {"confidence": "Z"}, "versions": [{"from": "2024-01", "amount": "1", "status": "default"}]}]}`, "floors[0].citation.confidence", 2, benefit.ErrSyntax},
		"version": {`{"version": "x", "floors": [{"program": "pension.resident.basic", "versions": [{"from": "2024-01", "amount": "1", "status": "default"},
 {"from": "2025-01", "amount": "2", "status": "default", "citation": {"title": "t",
   "confidence": "[V4]"}}]}]}`, "floors[0].versions[1].citation.confidence", 3, benefit.ErrSyntax},
		"relative": {`{"version": "x", "floors": [], "relative": [` + rel + `
 "citation": {"confidence": "verified"}}]}`, "relative[0].citation.confidence", 2, benefit.ErrSyntax},
		"cadence": {`{"version": "x", "floors": [], "cadences": [{"program": "pension.resident.basic", "scope": "local", "months": 12,
 "citation": {"confidence": "gap"}}]}`, "cadences[0].citation.confidence", 2, benefit.ErrSyntax},
		"bracketed lower-case [m] legislated": {`{"version": "x", "floors": [{"program": "pension.resident.basic", "versions": [{"from": "2022-01", "amount": "98", "status": "legislated",
 "citation": {"confidence": "[m]"}}]}]}`, "floors[0].versions[0].status", 1, benefit.ErrSyntax},
	}
	for name, tc := range cases {
		_, err := floor.Load(strings.NewReader(tc.in), "mine.json", floor.SetOptions{})
		var re *benefit.RecordError
		if !errors.As(err, &re) || re.File != "mine.json" || re.Field != tc.field || re.Line != tc.line || !errors.Is(err, tc.err) {
			t.Errorf("%s: err = %v, want mine.json:%d: %s", name, err, tc.line, tc.field)
		}
	}
	ok := `{"version": "x", "floors": [{"program": "pension.resident.basic", "citation": {"confidence": "[V3]"},
 "versions": [{"from": "2024-01", "amount": "1", "status": "legislated", "citation": {"confidence": "v"}}]}],
 "relative": [` + rel + `"citation": {"confidence": "D"}}],
 "cadences": [{"program": "pension.resident.basic", "scope": "local", "months": 12, "citation": {}}]}`
	if _, err := floor.Load(strings.NewReader(ok), "mine.json", floor.SetOptions{}); err != nil {
		t.Errorf("legend marks: %v", err)
	}
	// Go values built with NewSet are checked the same way
	_, err := floor.NewSet("x", nil, nil, []floor.Cadence{{Program: "pension.resident.basic", Scope: floor.Local, Months: 12,
		Citation: benefit.Citation{Confidence: "Z"}}}, floor.SetOptions{})
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.Field != "cadences[0].citation.confidence" || !errors.Is(err, benefit.ErrSyntax) {
		t.Errorf("NewSet cadence [Z]: err = %v", err)
	}
}

// Levels files are held to the same legend: a level's source and its
// versions' citations.
func TestReadJSONConfidenceMarks(t *testing.T) {
	for field, in := range map[string]string{
		"levels[0].source.confidence": `{"levels": [{"region": "371723", "program": "pension.resident.basic",
 "source": {"confidence": "Z"}, "versions": [{"from": "2024-01", "amount": "123", "status": "default"}]}]}`,
		"levels[0].versions[0].citation.confidence": `{"levels": [{"region": "371723", "program": "pension.resident.basic",
 "versions": [{"from": "2024-01", "amount": "123", "status": "default", "citation": {"confidence": "V2"}}]}]}`,
	} {
		_, err := floor.ReadJSON(strings.NewReader(in), "l.json", floor.SetOptions{})
		var re *benefit.RecordError
		if !errors.As(err, &re) || re.Field != field || re.Line != 2 || !errors.Is(err, benefit.ErrSyntax) {
			t.Errorf("%s: err = %v, want l.json:2: %s", field, err, field)
		}
	}
}

// A floors file must say how firm every version is: a version without
// "status" is refused, naming its JSON path and the line of the version;
// "unknown" is no status either. Nothing is read as legislated unless
// it says so.
func TestLoadRequiresStatus(t *testing.T) {
	doc := `{"version": "x", "floors": [
 {"program": "pension.resident.basic", "versions": [{"from": "2024-01", "amount": "123", "status": "legislated"}]},
 {"program": "veterans.ill_returned", "versions": [
   {"from": "2020-08", "amount": "650", "status": "legislated"},
   {"from": "2021-08", "amount": "700"}]}]}`
	_, err := floor.Load(strings.NewReader(doc), "mine.json", floor.SetOptions{})
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.File != "mine.json" || re.Line != 5 || re.Field != "floors[1].versions[1].status" || !errors.Is(err, benefit.ErrNoStatus) {
		t.Fatalf("err = %v, want mine.json:5: floors[1].versions[1].status wrapping ErrNoStatus", err)
	}
	_, err = floor.Load(strings.NewReader(strings.Replace(doc, `"amount": "700"`, `"amount": "700", "status": "unknown"`, 1)), "mine.json", floor.SetOptions{})
	if !errors.As(err, &re) || re.Line != 5 || re.Field != "floors[1].versions[1].status" || !errors.Is(err, benefit.ErrSyntax) {
		t.Errorf("status unknown: err = %v, want mine.json:5: floors[1].versions[1].status", err)
	}
}

// Go callers must set a status too: NewSet refuses a floor version with
// the zero Status, naming it, with benefit.ErrNoStatus, also when the
// new floors are meant to go on top of the national ones.
func TestNewSetRequiresStatus(t *testing.T) {
	f := floor.Floor{Program: "pension.resident.basic", Per: benefit.PerMonth,
		Schedule: mustSchedule(
			benefit.Version{From: ym("2024-01"), Amount: amt("123"), Status: benefit.Legislated},
			benefit.Version{From: ym("2025-01"), Amount: amt("143")})}
	for name, build := range map[string]func() error{
		"NewSet":            func() error { _, err := floor.NewSet("x", []floor.Floor{f}, nil, nil, floor.SetOptions{}); return err },
		"on top of Default": func() error { _, err := withFloors(floor.Default(), floor.SetOptions{}, f); return err },
	} {
		err := build()
		var re *benefit.RecordError
		if !errors.As(err, &re) || !strings.HasSuffix(re.Field, "].versions[1].status") || !errors.Is(err, benefit.ErrNoStatus) {
			t.Errorf("%s: err = %v, want floors[i].versions[1].status wrapping ErrNoStatus", name, err)
		}
	}
	f.Schedule = mustSchedule(benefit.Version{From: ym("2024-01"), Amount: amt("123"), Status: benefit.Status(42)})
	if _, err := floor.NewSet("x", []floor.Floor{f}, nil, nil, floor.SetOptions{}); !errors.Is(err, benefit.ErrSyntax) {
		t.Errorf("Status(42): err = %v, want ErrSyntax", err)
	}
}

// The sources of the residents' pension steps and of the 90 % target,
// as the shipped data (floor/data/national.json) carries them.
func TestDefaultCitationsOfTheAdditions(t *testing.T) {
	s, _ := floor.Default().NationalSchedule("pension.resident.basic", benefit.Dims{})
	at := func(m string) benefit.Version {
		v, ok := s.At(ym(m))
		if !ok || v.From != ym(m) {
			t.Fatalf("no version from %s", m)
		}
		return v
	}
	// the 70-yuan step is 人社部发〔2015〕5号 [V3], with the pass-through
	// sentence
	v := at("2014-07")
	if v.Citation.Doc != "人社部发〔2015〕5号" || v.Citation.Confidence != "V3" || v.Status != benefit.Legislated ||
		!strings.Contains(v.Citation.Title, "此次增加的基础养老金金额，不得冲抵或替代各地自行提高的基础养老金") || strings.Contains(v.Citation.Note, "from memory") {
		t.Errorf("2014-07: %s %+v", v.Status, v.Citation)
	}
	// a 93 → 98 step exists (15 + 18 + 5 + 5 + 5 + 20 + 20 = 88), its month
	// unknown
	if v := at("2022-01"); v.Status != benefit.Provisional || !strings.Contains(v.Citation.Note, "15 + 18 + 5 + 5 + 5 + 20 + 20 = 88") {
		t.Errorf("2022-01: %s %+v", v.Status, v.Citation)
	}
	// no source gives 1 January as the start of 103, 123 or 143
	for _, m := range []string{"2023-01", "2024-01", "2025-01"} {
		v := at(m)
		if v.Status == benefit.Legislated || !strings.Contains(v.Citation.Note, "No source gives 1 January") || strings.Contains(v.Citation.Title, "-01-01") {
			t.Errorf("%s: %s %+v", m, v.Status, v.Citation)
		}
	}
	// the 90 % target is 人社部发〔2017〕71号, issued 2017-09-20
	var target floor.Relative
	for _, r := range floor.Default().Relatives("employment.unemployment_insurance") {
		if r.ID == "ui.target90" {
			target = r
		}
	}
	if c := target.Citation; c.Doc != "人社部发〔2017〕71号" || !strings.Contains(c.Title, "2017-09-20") || !strings.Contains(c.Title, "逐步将失业保险金标准提高到最低工资标准的90%") || strings.Contains(c.Note, "[M]") {
		t.Errorf("ui.target90 citation %+v", c)
	}
	if !target.Multiplier.Equal(benefit.MustParseRate("90%")) || target.Severity != floor.Advisory {
		t.Errorf("ui.target90 %s %s", target.Multiplier, target.Severity)
	}
}
