package region

import (
	"errors"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// The embedded fiscal data is validated when it is loaded; these cases
// feed load a broken fiscal file and check the error names the field.
func TestLoadFiscalErrors(t *testing.T) {
	const divs = "code,name\n370000,山东省\n"
	rule := func(floor, top string) string {
		return `{"tiers":[],"cost_sharing":[{"program":"p","floor_part":` + floor + `,"top_up":` + top + `,"citation":{}}],"groups":[],"citation":{}}`
	}
	five := `{"1":"0%","2":"0%","3":"0%","4":"0%","5":"0%"}`
	tests := []struct {
		name, fiscal, field string
		want                error
		text                string
	}{
		{"bad tier", `{"tiers":[{"tier":6,"central_share":"10%","members":[]}],"cost_sharing":[],"groups":[],"citation":{}}`, "tiers[0].tier", nil, "not 1-5"},
		{"unknown field", `{"tiers":[],"cost_sharing":[],"groups":[],"citation":{},"extra":1}`, "extra", nil, "unknown field"},
		{"missing tier share", rule(`{"1":"0%","2":"0%","3":"0%","4":"0%"}`, five), "cost_sharing[0]", benefit.ErrSyntax, "no share for tier 5"},
		{"extra tier share", rule(`{"1":"0%","2":"0%","3":"0%","4":"0%","5":"0%","6":"0%"}`, five), "cost_sharing[0]", benefit.ErrSyntax, "exactly tiers 1-5"},
		{"share above 100%", rule(five, `{"1":"101%","2":"0%","3":"0%","4":"0%","5":"0%"}`), "cost_sharing[0]", nil, "between 0% and 100%"},
		{"negative share", rule(`{"1":"-1%","2":"0%","3":"0%","4":"0%","5":"0%"}`, five), "cost_sharing[0]", nil, "between 0% and 100%"},
		{"unknown payer", `{"tiers":[],"cost_sharing":[{"program":"p","payer":"lottery","floor_part":` + five + `,"top_up":` + five + `,"citation":{}}],"groups":[],"citation":{}}`, "cost_sharing[0]", benefit.ErrSyntax, `payer "lottery"`},
		{"fund with a central share", `{"tiers":[],"cost_sharing":[{"program":"p","payer":"fund","floor_part":{"1":"10%","2":"0%","3":"0%","4":"0%","5":"0%"},"top_up":` + five + `,"citation":{}}],"groups":[],"citation":{}}`, "cost_sharing[0]", benefit.ErrSyntax, "paid by a fund"},
		{"bad member code", `{"tiers":[{"tier":1,"central_share":"80%","members":["3700"]}],"cost_sharing":[],"groups":[],"citation":{}}`, "tiers[0].members[0]", ErrInvalidCode, "3700"},
		{"unknown tier member", `{"tiers":[{"tier":1,"central_share":"80%","members":["370000","410000"]}],"cost_sharing":[],"groups":[],"citation":{}}`, "tiers[0].members[1]", ErrUnknownRegion, "410000"},
		{"unknown group member", `{"tiers":[],"cost_sharing":[],"groups":[{"id":"g","name":"g","name_en":"g","members":["370200"]}],"citation":{}}`, "groups[0].members[0]", ErrUnknownRegion, "370200"},
		{"bad tier mark", `{"tiers":[],"cost_sharing":[],"groups":[],"citation":{"confidence":"sure"}}`, "citation.confidence", benefit.ErrSyntax, "sure"},
		{"bad rule mark", `{"tiers":[],"cost_sharing":[{"program":"p","floor_part":` + five + `,"top_up":` + five + `,"citation":{"confidence":"VV"}}],"groups":[],"citation":{}}`, "cost_sharing[0].citation.confidence", benefit.ErrSyntax, "VV"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb, err := load(strings.NewReader(divs), "divisions.csv", []byte(tt.fiscal))
			if tb != nil || err == nil {
				t.Fatalf("loaded: %v", err)
			}
			var re *benefit.RecordError
			if !errors.As(err, &re) || re.Field != tt.field || re.File != "region/data/fiscal.json" {
				t.Errorf("got %T %+v, want a RecordError in fiscal.json at %q", err, err, tt.field)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("%v does not wrap %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.text) {
				t.Errorf("%q lacks %q", err, tt.text)
			}
		})
	}
}

// With both share maps broken, the error is the same on every load (the
// contract: same input, same output).
func TestLoadFiscalErrorIsDeterministic(t *testing.T) {
	fiscal := `{"tiers":[],"cost_sharing":[{"program":"p","floor_part":{"1":"0%"},"top_up":{"1":"0%"},"citation":{}}],"groups":[],"citation":{}}`
	var first string
	for i := range 50 {
		_, err := load(strings.NewReader("code,name\n"), "d.csv", []byte(fiscal))
		if err == nil {
			t.Fatal("loaded")
		}
		if i == 0 {
			first = err.Error()
		} else if err.Error() != first {
			t.Fatalf("load %d: %q, first %q", i, err, first)
		}
	}
	if !strings.Contains(first, "floor_part") {
		t.Errorf("%q: the floor part comes first", first)
	}
}
