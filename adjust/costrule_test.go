package adjust

import (
	"errors"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// tiers returns the five tier shares "1" … "5".
func tiers(a, b, c, d, e string) map[string]benefit.Rate {
	out := map[string]benefit.Rate{}
	for i, s := range []string{a, b, c, d, e} {
		out[string(rune('1'+i))] = benefit.MustParseRate(s)
	}
	return out
}

// illustrativeVeteransRule is an ILLUSTRATIVE cost rule for the
// disability pension: the tier shares of 国办发〔2018〕6号 for the part up to
// the national standard, nothing central of a top-up.
func illustrativeVeteransRule() region.CostRule {
	return region.CostRule{Program: "veterans.disability", FloorPart: tiers("80%", "60%", "50%", "30%", "10%"),
		TopUp: tiers("0%", "0%", "0%", "0%", "0%"), Citation: benefit.Citation{Title: "ILLUSTRATIVE test rule"}}
}

// A veterans' scenario fails without a cost rule and runs with one given
// in the scenario. Grade 1 因战, 100 persons in 山东 (tier 3: 50 % under the
// illustrative rule), the shipped 2022-08 standard 116,270, then +5 % from
// August 2023, half-up to 10 yuan: 116,270 × 1.05 = 122,083.5 → 122,080.
// The level follows the standard from August (pass-through), so 2023
// pays 7 months of 116,270 and 5 of 122,080, a twelfth a month:
//
//	100 × (7 × 116,270 + 5 × 122,080) ÷ 12 = 142,429,000 ÷ 12
//	  = 11,869,083.333… → 11,869,083.33 (half-up, once)
//	central 50 % = 5,934,541.665 → 5,934,541.67; local 5,934,541.66
//
// 2024: 122,080 × 1.05 = 128,184 → 128,180 from August:
//
//	100 × (7 × 122,080 + 5 × 128,180) ÷ 12 = 149,546,000 ÷ 12
//	  = 12,462,166.666… → 12,462,166.67
//	central 6,231,083.335 → 6,231,083.34; local 6,231,083.33
func TestVeteransCostRuleInScenario(t *testing.T) {
	s := scenario.Scenario{
		Name: "grade 1 因战 from August", Program: "veterans.disability", Dims: benefit.MustParseDims("cause=因战;grade=1"),
		StartYear: 2023, Horizon: 2, EffectiveMonth: 8,
		Regions: []scenario.Region{reg(sd, 100, "116270", "1")},
		Floor:   floor.Path{ShippedThrough: 2022, Month: 8, Projection: floor.Trend{Kind: floor.TrendIndex, Offset: ratep("5%")}},
		Rule:    scenario.PassThrough(),
	}
	_, err := Run(t.Context(), s, Options{})
	var re *benefit.RecordError
	if !errors.Is(err, region.ErrNoCostRule) || !errors.As(err, &re) || re.Field != "program" {
		t.Fatalf("without a cost rule: %v", err)
	}
	s.CostRules = []region.CostRule{illustrativeVeteransRule()}
	for _, dec := range []bool{false, true} {
		run := Run
		if dec {
			run = runDecimal
		}
		r, err := run(t.Context(), s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		check(t, r, []want{
			{sd, 2023, "122080.00", BindNone, "11869083.33", "5934541.67", "5934541.66"},
			{sd, 2024, "128180.00", BindNone, "12462166.67", "6231083.34", "6231083.33"},
		})
		if r.CostSharing.Title != "ILLUSTRATIVE test rule" {
			t.Errorf("cost sharing %+v", r.CostSharing)
		}
	}
	bad := illustrativeVeteransRule()
	bad.TopUp = tiers("0%", "0%", "0%", "0%", "120%")
	s.CostRules = []region.CostRule{bad}
	if _, err := Run(t.Context(), s, Options{}); !errors.As(err, &re) || re.Field != "cost_rules[0]" || !errors.Is(err, benefit.ErrRange) {
		t.Errorf("a bad rule: %v", err)
	}
}
