package adjust

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// Every shipped scenario decodes strictly, runs, says which of its
// figures are real and which illustrative, and is listed once, in name
// order; the residents' pension is the default scenario itself.
func TestBuiltins(t *testing.T) {
	bs := Builtins()
	if len(bs) == 0 {
		t.Fatal("no shipped scenarios")
	}
	if !slices.IsSortedFunc(bs, func(a, b BuiltinScenario) int { return strings.Compare(a.Name, b.Name) }) {
		t.Errorf("not in name order: %v", BuiltinNames())
	}
	domains := map[string]bool{}
	for _, b := range bs {
		domains[b.Domain] = true
		if len(b.JSON()) == 0 {
			t.Errorf("%s: no file", b.Name)
		}
		if b.Kind != KindScenario {
			continue
		}
		s, err := b.Scenario(Options{})
		if err != nil {
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
	def, ok := Builtin("residents-pension")
	if !ok {
		t.Fatal("no residents-pension")
	}
	if !bytes.Equal(def.JSON(), DefaultScenarioJSON()) || def.Path() != DefaultScenarioFile || !def.Illustrative() {
		t.Errorf("residents-pension is not the default scenario: %s", def.Path())
	}
	if _, ok := Builtin("nope"); ok {
		t.Error("an unknown name was found")
	}
	// callers get copies
	bs[0].Figures[0].What = "changed"
	if Builtins()[0].Figures[0].What == "changed" {
		t.Error("Builtins hands out the shared list")
	}
}
