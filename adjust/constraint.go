package adjust

import (
	"fmt"
	"strings"

	"github.com/benefitstd/benefitstd/scenario"
)

// A Binding names the constraint that set a level, or BindNone when the
// rule's proposal was taken as it is.
type Binding string

// The constraints that can bind.
const (
	BindNone           Binding = "none"             // the rule's proposal
	BindFloor          Binding = "floor"            // raised to the national floor (不低于国家标准)
	BindNoCut          Binding = "no_cut"           // kept at the current level (只增不减)
	BindMaxStep        Binding = "max_step"         // increase capped in yuan
	BindMaxStepPercent Binding = "max_step_percent" // increase capped in percent
	BindFiscalCap      Binding = "fiscal_cap"       // local cost capped by revenue
	BindFund           Binding = "fund"             // capped by the fund's balance and inflow (基金支付能力)
	BindNationalRate   Binding = "national_rate"    // increase capped by the national overall level (以全国调整比例为高限)
	BindMinRaise       Binding = "min_raise"        // a raise lifted to the least raise (每次提高不少于)
	BindCeiling        Binding = "ceiling"          // capped at another programme's standard (不高于)
	// A relative bound of the floor set (失业保险条例 第十八条) binds under
	// its own id: "ui.art18.below_min_wage", "ui.art18.above_dibao".
)

// describe describes the constraints in one line, e.g.
// "floor, no cut, max step 15.00, local cost ≤ 1% of revenue".
func describe(c *scenario.Constraints) string {
	parts := []string{"floor"}
	if !c.AllowCuts {
		parts = append(parts, "no cut")
	}
	if c.MaxStep != nil {
		parts = append(parts, "max step "+c.MaxStep.String())
	}
	if c.MaxStepPercent != nil {
		parts = append(parts, "max step "+c.MaxStepPercent.String())
	}
	if c.MinRaise != nil {
		parts = append(parts, "raises of at least "+c.MinRaise.String())
	}
	if c.Ceiling != nil {
		parts = append(parts, "at most "+c.Ceiling.Program+" "+c.Ceiling.Dims.String())
	}
	if f := c.FiscalCap; f != nil {
		if f.Basis == scenario.OfRevenueGrowth {
			parts = append(parts, "local cost increase ≤ "+f.Percent.String()+" of revenue increase")
		} else {
			parts = append(parts, "local cost ≤ "+f.Percent.String()+" of revenue")
		}
	}
	if f := c.Fund; f != nil {
		parts = append(parts, fmt.Sprintf("fund keeps %d months of benefits", f.Months))
	}
	if c.NationalRate != nil {
		parts = append(parts, "increase ≤ national rate")
	}
	return strings.Join(parts, ", ")
}
