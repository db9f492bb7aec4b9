package adjust

import (
	"errors"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/scenario"
)

// Beneficiaries may grow to maxBeneficiaries and not past it, on the
// integer kernel and on the decimal path alike: 500,000,000 growing 100 %
// is 1,000,000,000, the bound; 500,000,001 would be 1,000,000,002, an
// error naming the growth assumption.
func TestBeneficiaryGrowthBound(t *testing.T) {
	s := testScenario(scenario.Fixed(benefit.Yuan(0)), reg(bj, 500_000_000, "200", "1"))
	s.Horizon = 1
	s.Assumptions.BeneficiaryGrowth = ratep("100%")
	for _, run := range []struct {
		name string
		run  func(scenario.Scenario) (*Result, error)
	}{
		{"kernel", func(s scenario.Scenario) (*Result, error) { return Run(t.Context(), s, Options{}) }},
		{"decimal", func(s scenario.Scenario) (*Result, error) { return runDecimal(t.Context(), s, Options{}) }},
	} {
		r, err := run.run(s)
		if err != nil {
			t.Fatalf("%s: %v", run.name, err)
		}
		if ry, _ := r.Get(bj, 2025); ry.Beneficiaries != maxBeneficiaries {
			t.Errorf("%s: %d beneficiaries, want 1,000,000,000", run.name, ry.Beneficiaries)
		}
		over := s
		over.Regions = []scenario.Region{reg(bj, 500_000_001, "200", "1")}
		_, err = run.run(over)
		var re *benefit.RecordError
		if !errors.As(err, &re) || re.Field != "assumptions.beneficiary_growth" || !errors.Is(err, benefit.ErrRange) {
			t.Errorf("%s: one past the bound: %v", run.name, err)
		}
	}
}
