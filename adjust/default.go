package adjust

import (
	_ "embed"
	"strings"
)

// defaultScenarioJSON is a string, not a []byte, so that nothing can
// change the embedded scenario.
//
//go:embed data/default-scenario.json
var defaultScenarioJSON string

// defaultScenarioFile is the name the embedded default scenario is known
// by in errors and run records.
const defaultScenarioFile = "adjust/data/default-scenario.json"

// DefaultScenario returns the scenario embedded in the library: the
// residents' basic pension (城乡居民基础养老金) in the 31 provinces over
// the five years from 2025, the shipped national floors then +20 yuan a
// year, with ILLUSTRATIVE economic, fiscal and level figures (its Note
// says which figures are what). Each call returns a new value, which the
// caller may change freely. It is the shipped scenario
// "residents-pension": Builtin("residents-pension") gives its JSON, a
// starting point for a scenario file of one's own.
func DefaultScenario() (Scenario, error) {
	return LoadScenario(strings.NewReader(defaultScenarioJSON), defaultScenarioFile, Options{})
}
