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
		q, err := Parse(b, p.ID)
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		if d := cmp.Diff(p, q, cmpOpts...); d != "" {
			t.Errorf("%s: round trip differs:\n%s", p.ID, d)
		}
	}
}

// TestPlanErrors: a bad plan is rejected with the file, the line (syntax
// errors) or the field named.
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
		{"unknown field", edit(`"fixed": {"amount": "61"}`, `"fixed": {"amount": "61", "amout": "1"}`), "", 16},
		{"syntax error", edit(`"retired_by": "2023-12-31",`, `"retired_by": "2023-12-31"`), "", 7}, // the missing comma is seen on the next line
		{"trailing data", string(base) + "{}", "", 0},
		{"two kinds", edit(`"fixed": {"amount": "61"}`, `"fixed": {"amount": "61"}, "percent": {"rate": "1%"}`), "parts[0]", 0},
		{"fraction of a fen", edit(`"amount": "61"`, `"amount": "61.005"`), "parts[0].fixed.amount", 0},
		{"negative", edit(`"amount": "61"`, `"amount": "-61"`), "parts[0].fixed.amount", 0},
		{"exponent bomb", edit(`"amount": "61"`, `"amount": "1e999999999"`), "", 0},
		{"rate above 100%", edit(`"rate": "1%"`, `"rate": "101%"`), "parts[2].percent.rate", 0},
		{"[C] as legislated", strings.Replace(edit(`"confidence": "V3"},
     "fixed"`, `"confidence": "C"},
     "fixed"`), `"status": "provisional",
     "citation": {"title": "Shanghai 2024 notice, fixed part`, `"status": "legislated",
     "citation": {"title": "Shanghai 2024 notice, fixed part`, 1), "parts[0].status", 0},
		{"bad region", edit(`"region": "310000"`, `"region": "310100"`), "region", 0},
		{"first paid before effective", edit(`"first_paid": "2024-07"`, `"first_paid": "2023-07"`), "first_paid", 0},
		{"duplicate part", edit(`"id": "years"`, `"id": "fixed"`), "parts[1].id", 0},
		{"bracket ages", edit(`{"min": 75, "max": 79, "amount": "35"}`, `{"min": 79, "max": 75, "amount": "35"}`), "parts[3].age.brackets[1]", 0},
		{"missing citation", edit(`"citation": {"title": "Shanghai 2024 notice, tilt (summary, policy-reference §3.3): aged 70 / 75 / 80 by end of 2023 → +25 / +35 / +45", "url": "https://crystal.ingridwhitaker.com/news/54e199945.html", "confidence": "V3", "note": "treated as mutually exclusive brackets (local-data §6)"},`, ``), "parts[3].citation", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.json), "my-plan.json")
			var re *benefit.RecordError
			if !errors.As(err, &re) {
				t.Fatalf("err = %v, want a *benefit.RecordError", err)
			}
			if re.File != "my-plan.json" || re.Field != tc.field || re.Line != tc.line {
				t.Errorf("err = %v (file %q line %d field %q); want field %q line %d", err, re.File, re.Line, re.Field, tc.field, tc.line)
			}
		})
	}
	// A plan marked [C] as a whole cannot be legislated either, and the error says why.
	_, err = Parse([]byte(strings.Replace(edit(`"confidence": "V3", "note": "English summary`, `"confidence": "C", "note": "English summary`),
		`"status": "provisional"`, `"status": "legislated"`, 1)), "p.json")
	if err == nil || !strings.Contains(err.Error(), "[C]") {
		t.Errorf("plan-level [C] legislated: %v", err)
	}
}

// The national overall levels 2016-2025 (policy-reference §3.1 [V]).
func TestNational(t *testing.T) {
	want := map[int]string{2016: "6.5%", 2017: "5.5%", 2018: "5%", 2019: "5%", 2020: "5%", 2021: "4.5%", 2022: "4%", 2023: "3.8%", 2024: "3%", 2025: "2%"}
	ls := NationalLevels()
	if len(ls) != len(want) {
		t.Fatalf("%d levels, want %d", len(ls), len(want))
	}
	for _, l := range ls {
		if l.Rate.String() != want[l.Year] || l.Citation.URL == "" || l.Citation.Confidence != "V" {
			t.Errorf("%d: %s %+v; want %s with a [V] source", l.Year, l.Rate, l.Citation, want[l.Year])
		}
	}
	if _, ok := National(2026); ok {
		t.Error("2026 is unknown (the 3.5% on GitHub is fabricated)")
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
	mutate(c.Plan())
	for name, q := range map[string]Plan{"Builtin": must(Builtin("shanghai-2024")), "Calculator.Plan": c.Plan()} {
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

// NationalLevels hands out a copy: overwriting 2016's 6.5 % (the figure
// of TestNational, policy-reference §3.1) in the slice one got leaves
// the shipped level alone.
func TestNationalLevelsAreACopy(t *testing.T) {
	ls := NationalLevels()
	for i := range ls {
		ls[i].Rate = benefit.Percent(99)
		ls[i].Year = 1900
	}
	l, ok := National(2016)
	if !ok || l.Rate.String() != "6.5%" {
		t.Errorf("National(2016) = %v, %v after a caller changed its copy; want 6.5%%", l.Rate, ok)
	}
}
