package region_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// Example B of policy-reference §11: a county paid the residents' basic
// pension at 103 for Jan–Jun 2024 while the national floor was 123.
// Shortfall 10,000 persons × 6 months × 20 yuan = 1,200,000.00, all of it
// below the floor. The centre pays 50 % of the floor part in tiers 3-5
// (600,000.00) and 100 % in tiers 1-2 (1,200,000.00); local top-ups are
// 100 % local (§2.2, §7).
func TestSplitResidentPensionExampleB(t *testing.T) {
	total := benefit.MustParseAmount("1200000.00")
	tests := []struct {
		code, central, local string
		why                  string
	}{
		{"370000", "600000.00", "600000.00", "山东, 第三档: 50 %"},
		{"371723", "600000.00", "600000.00", "a county in Shandong"},
		{"410000", "1200000.00", "0.00", "河南, 第二档: 100 %"},
		{"540000", "1200000.00", "0.00", "西藏, 第一档: 100 %"},
		{"310000", "600000.00", "600000.00", "上海, 第五档: 50 % (not 10 %: the pension floor has its own rule)"},
		{"210200", "600000.00", "600000.00", "大连, 第四档: 50 %"},
	}
	tb := region.Default()
	for _, tt := range tests {
		s, err := tb.Split("pension.resident.basic", region.MustParseCode(tt.code), total, total)
		if err != nil {
			t.Errorf("%s: %v", tt.code, err)
			continue
		}
		if s.Central.String() != tt.central || s.Local.String() != tt.local || s.Total.String() != "1200000.00" {
			t.Errorf("%s: %s + %s of %s, want %s + %s (%s)", tt.code, s.Central, s.Local, s.Total, tt.central, tt.local, tt.why)
		}
		if !s.Central.Add(s.Local).Equal(s.Total) {
			t.Errorf("%s: central + local != total", tt.code)
		}
	}
}

// A level of 163 in a tier-3 county against a floor of 123: per person
// per month, the floor part 123 is shared 50/50 (61.50 central) and the
// top-up 40 is all local, so the centre pays 61.50 and the county 101.50.
func TestSplitWithTopUp(t *testing.T) {
	tb := region.Default()
	s, err := tb.Split("pension.resident.basic", region.MustParseCode("370000"), benefit.Yuan(163), benefit.Yuan(123))
	if err != nil {
		t.Fatal(err)
	}
	if s.Central.String() != "61.50" || s.Local.String() != "101.50" {
		t.Errorf("got %s + %s", s.Central, s.Local)
	}
	// In tier 1 the floor part is all central: 123 central, 40 local.
	s, _ = tb.Split("pension.resident.basic", region.MustParseCode("540000"), benefit.Yuan(163), benefit.Yuan(123))
	if s.Central.String() != "123.00" || s.Local.String() != "40.00" {
		t.Errorf("tier 1: got %s + %s", s.Central, s.Local)
	}
	// A floor part above the total is capped at the total.
	s, _ = tb.Split("pension.resident.basic", region.MustParseCode("370000"), benefit.Yuan(100), benefit.Yuan(123))
	if s.Central.String() != "50.00" || s.Local.String() != "50.00" {
		t.Errorf("capped: got %s + %s", s.Central, s.Local)
	}
}

// Half a fen is rounded half-up on the central side, and the local side
// is the rest, so the two still add up: 0.01 × 50 % = 0.005 → central
// 0.01, local 0.00; 0.03 × 50 % = 0.015 → 0.02 + 0.01.
func TestSplitRoundsCentralAndKeepsTotal(t *testing.T) {
	tb := region.Default()
	for _, tt := range []struct{ total, central, local string }{
		{"0.01", "0.01", "0.00"},
		{"0.03", "0.02", "0.01"},
		{"1234567.89", "617283.95", "617283.94"}, // 617,283.945 → 617,283.95
	} {
		tot := benefit.MustParseAmount(tt.total)
		s, err := tb.Split("pension.resident.basic", region.MustParseCode("330203"), tot, tot)
		if err != nil {
			t.Fatal(err)
		}
		if s.Central.String() != tt.central || s.Local.String() != tt.local {
			t.Errorf("%s: got %s + %s, want %s + %s", tt.total, s.Central, s.Local, tt.central, tt.local)
		}
		if !s.Central.Add(s.Local).Equal(tot) {
			t.Errorf("%s: parts do not add up", tt.total)
		}
	}
}

func TestSplitErrors(t *testing.T) {
	tb := region.Default()
	_, err := tb.Split("veterans.nonexistent", region.MustParseCode("370000"), benefit.Yuan(1), benefit.Yuan(1))
	if !errors.Is(err, region.ErrNoCostRule) {
		t.Errorf("unknown programme: %v", err)
	}
	// 419999 is well formed (河南 41, 省直辖 summary 4190) but is not in
	// the 2023 table, where 4190's only county is 419001 济源市
	_, err = tb.Split("pension.resident.basic", region.MustParseCode("419999"), benefit.Yuan(1), benefit.Yuan(1))
	if !errors.Is(err, region.ErrUnknownRegion) {
		t.Errorf("unknown region: %v", err)
	}
	_, err = tb.Split("pension.resident.basic", region.Code{}, benefit.Yuan(1), benefit.Yuan(1))
	if !errors.Is(err, region.ErrInvalidCode) {
		t.Errorf("zero code: %v", err)
	}
}

// Cost sharing is data: the rule of each programme, with its source.
func TestCostRules(t *testing.T) {
	tb := region.Default()
	r, err := tb.CostRule("pension.resident.basic")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"1": "100%", "2": "100%", "3": "50%", "4": "50%", "5": "50%"}
	for tier, share := range want {
		if r.FloorPart[tier].String() != share || !r.TopUp[tier].IsZero() {
			t.Errorf("tier %s: floor %s top-up %s", tier, r.FloorPart[tier], r.TopUp[tier])
		}
	}
	if r.Citation.Doc != "国办发〔2018〕6号" {
		t.Errorf("citation %+v", r.Citation)
	}
	// data-additions 2026-12 §3: the rule is supported by 人社部发〔2015〕5号
	// and 国发〔2014〕8号, but a 光明日报 commentary (2018-02-15) gives
	// 10 % / 80 % for this item: sources conflict, C, never V.
	if r.Citation.Confidence != "C" || !strings.Contains(r.Citation.Note, "光明日报") || !strings.Contains(r.Citation.Note, "人社部发〔2015〕5号") {
		t.Errorf("the residents' pension rule must be marked C with both sides: %+v", r.Citation)
	}
	// Unemployment insurance is paid from the fund: nothing central.
	s, err := tb.Split("employment.unemployment_insurance", region.MustParseCode("540000"), benefit.Yuan(1000), benefit.Yuan(1000))
	if err != nil || !s.Central.IsZero() || s.Local.String() != "1000.00" {
		t.Errorf("UI: %+v %v", s, err)
	}
	// 失业保险条例 第十条: 失业保险金 is paid from the unemployment
	// insurance fund, not from a budget; the residents' pension is paid
	// by the budgets (中央/地方财政).
	for prog, want := range map[string]region.Payer{"employment.unemployment_insurance": region.PayerFund,
		"pension.resident.basic": region.PayerBudget} {
		if p, ok := tb.Payer(prog); !ok || p != want {
			t.Errorf("Payer(%s) = %q %v, want %q", prog, p, ok, want)
		}
	}
	if _, ok := tb.Payer("veterans.disability"); ok {
		t.Errorf("veterans.disability has no cost rule, yet a payer")
	}
	if _, err := tb.CostRule("reference.min_wage"); !errors.Is(err, region.ErrNoCostRule) {
		t.Errorf("min wage: %v", err)
	}
	b, err := json.Marshal(s)
	if err != nil || string(b) != `{"total":"1000.00","central":"0.00","local":"1000.00"}` {
		t.Errorf("JSON %s %v", b, err)
	}
}

// The table is shared and immutable: a rule handed out is a copy, and
// changing it does not change what Split does for anyone else.
func TestCostRuleIsACopy(t *testing.T) {
	tb := region.Default()
	r, err := tb.CostRule("pension.resident.basic")
	if err != nil {
		t.Fatal(err)
	}
	r.FloorPart["3"] = benefit.Percent(0)
	delete(r.TopUp, "1")
	r2, _ := tb.CostRule("pension.resident.basic")
	if r2.FloorPart["3"].String() != "50%" || len(r2.TopUp) != 5 {
		t.Errorf("the table's rule changed: %v %v", r2.FloorPart, r2.TopUp)
	}
	s, _ := tb.Split("pension.resident.basic", region.MustParseCode("370000"), benefit.Yuan(100), benefit.Yuan(100))
	if s.Central.String() != "50.00" {
		t.Errorf("Split after a caller changed its copy: %s", s.Central)
	}
}

// tiered returns five tier shares "1" … "5".
func tiered(a, b, c, d, e string) map[string]benefit.Rate {
	out := map[string]benefit.Rate{}
	for i, s := range []string{a, b, c, d, e} {
		out[string(rune('1'+i))] = benefit.MustParseRate(s)
	}
	return out
}

// Cost rules a user adds: a rule for a programme the embedded data has
// none for (the veterans' disability pension, ILLUSTRATIVE shares of
// 80/60/50/30/10 % by tier) makes it splittable, and a rule for one it
// has replaces it; the default table is not changed. By hand, one
// person-year of the grade-1 因战 standard, 116,270 a year, for 1,000
// persons (116,270,000.00):
//
//	山东 (tier 3, 50 %): 58,135,000.00 central, 58,135,000.00 local
//	北京 (tier 5, 10 %): 11,627,000.00 central, 104,643,000.00 local
//
// and the residents' pension with 80 % everywhere: 1,200,000.00 below the
// floor in 山东 is 960,000.00 central.
func TestWithCostRules(t *testing.T) {
	vet := region.CostRule{Program: "veterans.disability", FloorPart: tiered("80%", "60%", "50%", "30%", "10%"),
		TopUp: tiered("0%", "0%", "0%", "0%", "0%"), Citation: benefit.Citation{Title: "ILLUSTRATIVE", Confidence: "M"}}
	pen := region.CostRule{Program: "pension.resident.basic", FloorPart: tiered("80%", "80%", "80%", "80%", "80%"),
		TopUp: tiered("0%", "0%", "0%", "0%", "0%")}
	tb, err := region.Default().WithCostRules(vet, pen)
	if err != nil {
		t.Fatal(err)
	}
	total := benefit.MustParseAmount("116270000")
	for code, want := range map[string][2]string{"370000": {"58135000.00", "58135000.00"}, "110000": {"11627000.00", "104643000.00"}} {
		s, err := tb.Split("veterans.disability", region.MustParseCode(code), total, total)
		if err != nil || s.Central.String() != want[0] || s.Local.String() != want[1] {
			t.Errorf("%s: %+v %v, want %v", code, s, err, want)
		}
	}
	if p, ok := tb.Payer("veterans.disability"); !ok || p != region.PayerBudget {
		t.Errorf("payer %q %v", p, ok)
	}
	s, _ := tb.Split("pension.resident.basic", region.MustParseCode("370000"), benefit.Yuan(1200000), benefit.Yuan(1200000))
	if s.Central.String() != "960000.00" {
		t.Errorf("replaced pension rule: central %s", s.Central)
	}
	if _, err := region.Default().CostRule("veterans.disability"); !errors.Is(err, region.ErrNoCostRule) {
		t.Errorf("the default table changed: %v", err)
	}
	// a caller's maps are copied
	vet.FloorPart["3"] = benefit.Percent(0)
	if s, _ := tb.Split("veterans.disability", region.MustParseCode("370000"), total, total); s.Central.String() != "58135000.00" {
		t.Errorf("the table follows the caller's map: %s", s.Central)
	}
	bad := vet
	bad.FloorPart = tiered("80%", "60%", "50%", "30%", "110%")
	for name, c := range map[string]struct {
		rules []region.CostRule
		field string
		is    error
	}{
		"twice":     {[]region.CostRule{pen, pen}, "cost_rules[1].program", benefit.ErrSyntax},
		"above 100": {[]region.CostRule{pen, bad}, "cost_rules[1]", benefit.ErrRange},
		"no program": {[]region.CostRule{{FloorPart: tiered("0%", "0%", "0%", "0%", "0%"), TopUp: tiered("0%", "0%", "0%", "0%", "0%")}},
			"cost_rules[0]", benefit.ErrSyntax},
	} {
		_, err := region.Default().WithCostRules(c.rules...)
		var re *benefit.RecordError
		if !errors.As(err, &re) || re.Field != c.field || !errors.Is(err, c.is) {
			t.Errorf("%s: %v, want a RecordError at %s wrapping %v", name, err, c.field, c.is)
		}
	}
}

// A cost-rules file is read strictly, and every error names the file,
// the line and the field.
func TestReadCostRules(t *testing.T) {
	const good = `{"cost_sharing": [
  {"program": "veterans.disability",
   "floor_part": {"1": "80%", "2": "60%", "3": "50%", "4": "30%", "5": "10%"},
   "top_up": {"1": "0%", "2": "0%", "3": "0%", "4": "0%", "5": "0%"},
   "citation": {"title": "ILLUSTRATIVE", "confidence": "M"}}
]}`
	rules, err := region.ReadCostRules(strings.NewReader(good), "rules.json", benefit.Limits{})
	if err != nil || len(rules) != 1 || rules[0].FloorPart["5"].String() != "10%" {
		t.Fatalf("%+v %v", rules, err)
	}
	cases := []struct {
		name, doc, field string
		line             int
		is               error
	}{
		{"unknown member", strings.Replace(good, `"top_up"`, `"topup"`, 1), "cost_sharing[0].topup", 4, benefit.ErrSyntax},
		{"bad share", strings.Replace(good, `"3": "50%"`, `"3": "50 %%"`, 1), "cost_sharing[0].floor_part.3", 3, benefit.ErrSyntax},
		{"share above 100%", strings.Replace(good, `"5": "10%"`, `"5": "101%"`, 1), "cost_sharing[0]", 2, benefit.ErrRange},
		{"bad mark", strings.Replace(good, `"M"`, `"sure"`, 1), "cost_sharing[0].citation.confidence", 5, benefit.ErrSyntax},
		{"no rules", `{"cost_sharing": []}`, "cost_sharing", 1, benefit.ErrSyntax},
		{"trailing data", good + " {}", "", 6, benefit.ErrSyntax},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := region.ReadCostRules(strings.NewReader(c.doc), "rules.json", benefit.Limits{})
			var re *benefit.RecordError
			if !errors.As(err, &re) || re.File != "rules.json" || re.Field != c.field || re.Line != c.line || !errors.Is(err, c.is) {
				t.Errorf("got %v (%+v), want rules.json:%d %s wrapping %v", err, re, c.line, c.field, c.is)
			}
		})
	}
}
