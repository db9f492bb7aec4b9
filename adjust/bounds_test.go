package adjust

import (
	"bytes"
	"errors"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/scenario"
)

// LoadScenario reads within Options.Limits: the default scenario is
// read whole under a bound of its size and is an error wrapping
// benefit.ErrTooLarge under one a byte smaller.
func TestLoadScenarioBound(t *testing.T) {
	def, err := scenario.Builtin("residents-pension")
	if err != nil {
		t.Fatal(err)
	}
	doc := def.JSON()
	if _, err := LoadScenario(bytes.NewReader(doc), "s.json", Options{Limits: benefit.Limits{Document: int64(len(doc))}}); err != nil {
		t.Fatal(err)
	}
	_, err = LoadScenario(bytes.NewReader(doc), "s.json", Options{Limits: benefit.Limits{Document: int64(len(doc)) - 1}})
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.File != "s.json" || !errors.Is(err, benefit.ErrTooLarge) {
		t.Errorf("err = %v", err)
	}
}
