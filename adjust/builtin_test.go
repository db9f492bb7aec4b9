package adjust

import (
	"slices"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/scenario"
)

// defaultScenario is the shipped residents' pension, the default of
// `benefitstd simulate`, decoded.
func defaultScenario() (scenario.Scenario, error) {
	b, err := scenario.Builtin("residents-pension")
	if err != nil {
		return scenario.Scenario{}, err
	}
	return b.Scenario()
}

// Every shipped scenario decodes strictly, validates, runs, says which of its
// figures are real and which illustrative, and is listed once, in name
// order; the residents' pension is the default scenario's file.
func TestBuiltins(t *testing.T) {
	bs := scenario.Builtins()
	if len(bs) == 0 {
		t.Fatal("no shipped scenarios")
	}
	if !slices.IsSortedFunc(bs, func(a, b scenario.Shipped) int { return strings.Compare(a.Name, b.Name) }) {
		t.Errorf("not in name order: %v", bs)
	}
	domains := map[string]bool{}
	for _, b := range bs {
		domains[b.Domain] = true
		if len(b.JSON()) == 0 {
			t.Errorf("%s: no file", b.Name)
		}
		if b.Kind != scenario.KindScenario {
			continue
		}
		s, err := b.Scenario()
		if err != nil {
			t.Fatalf("%s: %v", b.Name, err)
		}
		if err := Validate(&s, Options{}); err != nil {
			t.Fatalf("%s: %v", b.Name, err)
		}
		if s.Illustrative != b.Illustrative() {
			t.Errorf("%s: the scenario says illustrative %v, its figures %v", b.Name, s.Illustrative, b.Illustrative())
		}
		r, err := Run(t.Context(), s, Options{})
		if err != nil {
			t.Fatalf("%s: %v", b.Name, err)
		}
		if len(r.Rows) == 0 || r.Run.Scenario != s.Name {
			t.Errorf("%s: result %+v", b.Name, r.Run)
		}
	}
	if !domains["pension"] {
		t.Errorf("domains %v: no pension scenario", domains)
	}
	def, err := scenario.Builtin("residents-pension")
	if err != nil {
		t.Fatal(err)
	}
	if def.Path() != "scenario/data/default-scenario.json" || !def.Illustrative() {
		t.Errorf("residents-pension is not the default scenario: %s", def.Path())
	}
	if _, err := scenario.Builtin("nope"); err == nil || !strings.Contains(err.Error(), `"nope"`) || !strings.Contains(err.Error(), "residents-pension") {
		t.Errorf("an unknown name: %v", err)
	}
	// callers get copies
	bs[0].Figures[0].What = "changed"
	if scenario.Builtins()[0].Figures[0].What == "changed" {
		t.Error("Builtins hands out the shared list")
	}
}

// The shipped 带病回乡 scenario keeps its rule. The grade-10 因战 standard
// 12,810 (2022-08) raised +6 % from August 2023: 13,578.6 → 13,580, so
// the ceiling is 1,131 a month (12 × 1,131 = 13,572 ≤ 13,580 < 13,584).
//
//	北京 1,060 × 1.07 = 1,134.2 → 1,134 > 1,131: 1,131 (ceiling; +71 ≥ 50)
//	四川   700 × 1.07 =   749: +49 < 50, lifted to 750 (min_raise)
//
// 北京's 2023, 1,287 persons, 7 months at 1,060 and 5 at 1,131:
// 1,287 × (7,420 + 5,655) = 16,827,525.00; floor part 1,287 × 12 × 650 =
// 10,038,600, 10 % central in tier 5 under the ILLUSTRATIVE rule:
// 1,003,860.00, local 15,823,665.00.
func TestBuiltinIllReturned(t *testing.T) {
	b, err := scenario.Builtin("veterans-ill-returned")
	if err != nil {
		t.Fatal(err)
	}
	s, err := b.Scenario()
	if err != nil {
		t.Fatal(err)
	}
	r := mustRun(t, s)
	check(t, r, []want{
		{bj, 2023, "1131.00", BindCeiling, "16827525.00", "1003860.00", "15823665.00"},
		{sc, 2023, "750.00", BindMinRaise, "", "", ""},
	})
}
