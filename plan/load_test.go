package plan

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

var cmpOpts = []cmp.Option{
	cmp.Comparer(func(a, b Date) bool { return a == b }),
	cmp.Comparer(func(a, b region.Code) bool { return a == b }),
}

func TestBuiltins(t *testing.T) {
	want := []string{"beijing-2022", "beijing-2024", "shaanxi-2024", "shandong-2024", "shanghai-2017", "shanghai-2021", "shanghai-2024", "shanxi-2025", "tibet-2024"}
	var got []string
	for _, p := range Builtins() {
		got = append(got, p.ID)
		if p.Note == "" || p.Citation.URL == "" {
			t.Errorf("%s: a shipped plan says what its source lacks (note) and where it was read (url)", p.ID)
		}
		for _, pt := range p.Parts {
			if pt.Citation.Confidence == "" || pt.Citation.URL == "" {
				t.Errorf("%s/%s: every part carries its source and confidence mark", p.ID, pt.ID)
			}
			// Everything shipped comes from [V3] summaries or incomplete [V]
			// summaries: none of it is shipped as legislated.
			if pt.Status == benefit.Legislated {
				t.Errorf("%s/%s: shipped as legislated", p.ID, pt.ID)
			}
		}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("builtins (-want +got):\n%s", d)
	}
	// Builtin hands out copies.
	a, _ := Builtin("shanghai-2024")
	a.Parts[0].Fixed.Amount = benefit.Yuan(1)
	b, _ := Builtin("shanghai-2024")
	if b.Parts[0].Fixed.Amount.String() != "61.00" {
		t.Error("changing a copy changed the shipped plan")
	}
	if _, err := Builtin("guangdong-2024"); !errors.Is(err, ErrUnknownPlan) {
		t.Errorf("unknown id: %v", err)
	}
}

// The JSON form and the Go value are the same plan: marshal, parse, compare.
func TestJSONRoundTrip(t *testing.T) {
	for _, p := range Builtins() {
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		q, err := parse(b, p.ID)
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		if d := cmp.Diff(p, q, cmpOpts...); d != "" {
			t.Errorf("%s: round trip differs:\n%s", p.ID, d)
		}
	}
}

// TestPlanErrors: a bad plan is rejected with the file, the line and the
// field named. The lines are counted by hand in data/shanghai-2024.json:
// region on line 5, first_paid 9, parts[0] begins on 14 and its fixed
// amount is on 16, parts[1] (id "years") begins on 17, parts[2]'s rate is
// on 22, parts[3]'s age brackets on 25.
func TestPlanErrors(t *testing.T) {
	base, err := BuiltinJSON("shanghai-2024")
	if err != nil {
		t.Fatal(err)
	}
	edit := func(old, new string) string {
		s := string(base)
		if !strings.Contains(s, old) {
			t.Fatalf("test setup: %q not in the plan", old)
		}
		return strings.Replace(s, old, new, 1)
	}
	for _, tc := range []struct {
		name, json, field string
		line              int
	}{
		{"unknown field", edit(`"fixed": {"amount": "61"}`, `"fixed": {"amount": "61", "amout": "1"}`), "parts[0].fixed.amout", 16},
		{"syntax error", edit(`"retired_by": "2023-12-31",`, `"retired_by": "2023-12-31"`), "", 7}, // the missing comma is seen on the next line
		{"trailing data", string(base) + "{}", "", 28},                                             // the line the data after the plan is on
		{"two kinds", edit(`"fixed": {"amount": "61"}`, `"fixed": {"amount": "61"}, "percent": {"rate": "1%"}`), "parts[0]", 14},
		{"fraction of a fen", edit(`"amount": "61"`, `"amount": "61.005"`), "parts[0].fixed.amount", 16},
		{"negative", edit(`"amount": "61"`, `"amount": "-61"`), "parts[0].fixed.amount", 16},
		{"exponent bomb", edit(`"amount": "61"`, `"amount": "1e999999999"`), "parts[0].fixed.amount", 16},
		{"rate above 100%", edit(`"rate": "1%"`, `"rate": "101%"`), "parts[2].percent.rate", 22},
		{"[C] as legislated", strings.Replace(edit(`"confidence": "V3"},
     "fixed"`, `"confidence": "C"},
     "fixed"`), `"status": "provisional",
     "citation": {"title": "Shanghai 2024 notice, fixed part`, `"status": "legislated",
     "citation": {"title": "Shanghai 2024 notice, fixed part`, 1), "parts[0].status", 14},
		// a mark outside the legend of policy-reference §0.1; citations are on one line (11 for the plan's, 15 for parts[0]'s)
		{"mark outside the legend", edit(`"confidence": "V3"},
     "fixed"`, `"confidence": "Z"},
     "fixed"`), "parts[0].citation.confidence", 15},
		{"plan mark outside the legend", edit(`"confidence": "V3", "note": "English summary`, `"confidence": "[V4]", "note": "English summary`), "citation.confidence", 11},
		// the legend's marks in brackets and lower case are the legend's: "[c]" is [C]
		{"[c] as legislated", strings.Replace(edit(`"confidence": "V3"},
     "fixed"`, `"confidence": "[c]"},
     "fixed"`), `"status": "provisional",
     "citation": {"title": "Shanghai 2024 notice, fixed part`, `"status": "legislated",
     "citation": {"title": "Shanghai 2024 notice, fixed part`, 1), "parts[0].status", 14},
		// a plan or part that does not say how firm it is is not law:
		// the missing status is named, on the line of the object that
		// lacks it (parts[0] begins on 14, the plan on 1)
		{"part without status", edit(`"rounding": {"unit": "0.01", "mode": "half_up"}, "status": "provisional",
     "citation": {"title": "Shanghai 2024 notice, fixed part`, `"rounding": {"unit": "0.01", "mode": "half_up"},
     "citation": {"title": "Shanghai 2024 notice, fixed part`), "parts[0].status", 14},
		{"plan without status", edit(`"first_paid": "2024-07",
  "status": "provisional",`, `"first_paid": "2024-07",`), "status", 1},
		{"status unknown", edit(`"first_paid": "2024-07",
  "status": "provisional",`, `"first_paid": "2024-07",
  "status": "unknown",`), "status", 10},
		{"bad region", edit(`"region": "310000"`, `"region": "310100"`), "region", 5},
		{"first paid before effective", edit(`"first_paid": "2024-07"`, `"first_paid": "2023-07"`), "first_paid", 9},
		{"duplicate part", edit(`"id": "years"`, `"id": "fixed"`), "parts[1].id", 17},
		{"bracket ages", edit(`{"min": 75, "max": 79, "amount": "35"}`, `{"min": 79, "max": 75, "amount": "35"}`), "parts[3].age.brackets[1]", 25},
		{"missing citation", edit(`"citation": {"title": "Shanghai 2024 notice, tilt (summary, policy-reference §3.3): aged 70 / 75 / 80 by end of 2023 → +25 / +35 / +45", "url": "https://crystal.ingridwhitaker.com/news/54e199945.html", "confidence": "V3", "note": "treated as mutually exclusive brackets (local-data §6)"},`, ``), "parts[3].citation", 23}, // no citation: the line of the part that lacks it
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parse([]byte(tc.json), "my-plan.json")
			var re *benefit.RecordError
			if !errors.As(err, &re) {
				t.Fatalf("err = %v, want a *benefit.RecordError", err)
			}
			if re.File != "my-plan.json" || re.Field != tc.field || re.Line != tc.line {
				t.Errorf("err = %v (file %q line %d field %q); want field %q line %d", err, re.File, re.Line, re.Field, tc.field, tc.line)
			}
		})
	}
	// A bad mark is a plan error and a syntax error, and names the mark.
	_, err = parse([]byte(edit(`"confidence": "V3", "note": "English summary`, `"confidence": "Z", "note": "English summary`)), "p.json")
	if !errors.Is(err, ErrPlan) || !errors.Is(err, benefit.ErrSyntax) || !strings.Contains(err.Error(), `invalid confidence mark "Z"`) {
		t.Errorf("plan mark Z: %v", err)
	}
	// A missing status is a plan error wrapping benefit.ErrNoStatus.
	_, err = parse([]byte(edit(`"first_paid": "2024-07",
  "status": "provisional",`, `"first_paid": "2024-07",`)), "p.json")
	if !errors.Is(err, ErrPlan) || !errors.Is(err, benefit.ErrNoStatus) {
		t.Errorf("plan without status: %v", err)
	}
	// A plan marked [C] as a whole cannot be legislated either, and the error says why.
	_, err = parse([]byte(strings.Replace(edit(`"confidence": "V3", "note": "English summary`, `"confidence": "C", "note": "English summary`),
		`"status": "provisional"`, `"status": "legislated"`, 1)), "p.json")
	if err == nil || !strings.Contains(err.Error(), "[C]") {
		t.Errorf("plan-level [C] legislated: %v", err)
	}
}

// A value that does not decode is named by its full JSON path and line
// (encoding/json names neither for a value's own decoder), with a single
// "benefit: …" prefix, and matches the sentinel of its parser. Lines as
// counted in TestPlanErrors: retired_by 6, effective 8, parts[0].fixed
// on 16, parts[1] on 17, parts[2]'s rate on 22, brackets on 25.
func TestPlanValueErrors(t *testing.T) {
	base, err := BuiltinJSON("shanghai-2024")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		old, new, want string
		is             error
	}{
		{`"amount": "61"`, `"amount": "1e9"`,
			`p.json:16: parts[0].fixed.amount: benefit: invalid amount "1e9": exponent notation is not accepted; write the plain digits`, benefit.ErrSyntax},
		{`"effective": "2024-01"`, `"effective": "2024-13"`,
			`p.json:8: effective: benefit: invalid month "2024-13": year must be 1900-9999 and month 01-12`, benefit.ErrRange},
		{`"retired_by": "2023-12-31"`, `"retired_by": "2023-02-30"`,
			`p.json:6: retired_by: benefit: value out of range: 2023-02-30 is not a day of 1900-9999`, benefit.ErrRange},
		{`"rate": "1%"`, `"rate": "x%"`,
			`p.json:22: parts[2].percent.rate: benefit: invalid rate "x%": unexpected character 'x' at byte 0`, benefit.ErrSyntax},
		// A number too big for an int, named with its list indexes.
		{`"min": 75, "max": 79`, `"min": 75, "max": 1e30`,
			`p.json:25: parts[3].age.brackets[1].max: benefit: invalid syntax: a JSON number 1e30 where a whole number is expected`, benefit.ErrSyntax},
		{`"region": "310000"`, `"region": "31000"`,
			`p.json:5: region: region: invalid code "31000": want six digits, e.g. 140822`, benefit.ErrSyntax},
		// Decodes, but 15.001 is not a whole number of fen: a validation error, one prefix.
		{`"min": "15"`, `"min": "15.001"`,
			`p.json:19: parts[1].years.min: benefit: value out of range: 15.001 is not a whole number of fen up to 100,000,000 yuan`, ErrPlan},
	} {
		s := strings.Replace(string(base), tc.old, tc.new, 1)
		if s == string(base) {
			t.Fatalf("test setup: %q not in the plan", tc.old)
		}

		_, err := Load(strings.NewReader(s), "p.json")
		var re *benefit.RecordError
		if !errors.As(err, &re) || err.Error() != tc.want || !errors.Is(err, tc.is) {
			t.Errorf("%s:\n got %v\nwant %s (wrapping %v)", tc.new, err, tc.want, tc.is)
		}
	}
	// A mismatched type (through "ten", line 19) before a bad rate (line
	// 22): the first bad value in the file is named, with what is wrong
	// with it.
	s := strings.Replace(strings.Replace(string(base), `"per_year": "1"`, `"per_year": "1", "through": "ten"`, 1), `"rate": "1%"`, `"rate": "x%"`, 1)
	_, err = Load(strings.NewReader(s), "p.json")
	if want := `p.json:19: parts[1].years.bands[0].through: benefit: invalid syntax: a JSON string where a whole number is expected`; err == nil || err.Error() != want {
		t.Errorf("type error, then a bad rate:\n got %v\nwant %s", err, want)
	}
	// The type error alone is named with its list indexes.
	s = strings.Replace(string(base), `"per_year": "1"`, `"per_year": "1", "through": "ten"`, 1)
	_, err = Load(strings.NewReader(s), "p.json")
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.Field != "parts[1].years.bands[0].through" || re.Line != 19 || !errors.Is(err, benefit.ErrSyntax) {
		t.Errorf("type error: %v; want p.json:19 parts[1].years.bands[0].through, ErrSyntax", err)
	}
}

// The national overall levels 2016-2025 (policy-reference §3.1 [V]).
func TestNational(t *testing.T) {
	want := map[int]string{2016: "6.5%", 2017: "5.5%", 2018: "5%", 2019: "5%", 2020: "5%", 2021: "4.5%", 2022: "4%", 2023: "3.8%", 2024: "3%", 2025: "2%"}
	ls := NationalAdjustments()
	if len(ls) != len(want) {
		t.Fatalf("%d levels, want %d", len(ls), len(want))
	}
	for _, l := range ls {
		if l.Rate.String() != want[l.Year] || l.Citation.URL == "" || l.Citation.Confidence != "V" {
			t.Errorf("%d: %s %+v; want %s with a [V] source", l.Year, l.Rate, l.Citation, want[l.Year])
		}
	}
	if _, ok := NationalAdjustmentFor(2026); ok {
		t.Error("2026 is unknown (the 3.5% on GitHub is fabricated)")
	}
	// data-additions-2026-12 §5: the 2023 notice makes the national rate
	// each province's upper limit (以全国调整比例为高限) [V3]
	if l, _ := NationalAdjustmentFor(2023); !strings.Contains(l.Citation.Note, "以全国调整比例为高限") || !strings.Contains(l.Citation.Note, "[V3]") {
		t.Errorf("2023 citation note %q lacks the upper-limit wording", l.Citation.Note)
	}
}

// Builtin, Builtins and Calculator.Plan hand out deep copies: a caller
// who edits the plan it got (to try 70 instead of 61, say) leaves the
// shipped plan alone. The figures are Shanghai 2024's as the notice
// gives them (package doc, Example A): 定额 61 yuan, and the age tilt's
// first bracket, 80 and over, +45.
func TestBuiltinPlansAreCopies(t *testing.T) {
	p, err := Builtin("shanghai-2024")
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewCalculator(p)
	if err != nil {
		t.Fatal(err)
	}
	mutate := func(q Plan) {
		fixed, _ := q.Part("fixed")
		fixed.Fixed.Amount = benefit.Yuan(70)
		age, _ := q.Part("age")
		age.Age.Brackets[0].Amount = benefit.Yuan(99)
		q.Parts[0].ID = "changed"
	}
	mutate(p)
	mutate(Builtins()[slicesIndex(Builtins(), "shanghai-2024")])
	mutate(c.planCopy())
	for name, q := range map[string]Plan{"Builtin": must(Builtin("shanghai-2024")), "Calculator.planCopy": c.planCopy()} {
		fixed, ok := q.Part("fixed")
		if !ok || fixed.Fixed.Amount.String() != "61.00" {
			t.Errorf("%s: the shipped fixed part changed: %+v", name, fixed)
		}
		age, _ := q.Part("age")
		if got := age.Age.Brackets[0].Amount.String(); got != "45.00" {
			t.Errorf("%s: the shipped 80+ bracket is %s, want 45.00", name, got)
		}
	}
}

func slicesIndex(ps []Plan, id string) int {
	for i, p := range ps {
		if p.ID == id {
			return i
		}
	}
	return -1
}

func must(p Plan, err error) Plan {
	if err != nil {
		panic(err)
	}
	return p
}

// NationalAdjustments hands out a copy: overwriting 2016's 6.5 % (the figure
// of TestNational, policy-reference §3.1) in the slice one got leaves
// the shipped level alone.
func TestNationalLevelsAreACopy(t *testing.T) {
	ls := NationalAdjustments()
	for i := range ls {
		ls[i].Rate = benefit.Percent(99)
		ls[i].Year = 1900
	}
	l, ok := NationalAdjustmentFor(2016)
	if !ok || l.Rate.String() != "6.5%" {
		t.Errorf("National(2016) = %v, %v after a caller changed its copy; want 6.5%%", l.Rate, ok)
	}
}
