package adjust

import (
	"fmt"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
)

// Constraints are what a region must keep and what it can afford
// (财政负担能力). The floor is always kept; the others are optional.
type Constraints struct {
	// AllowCuts turns off the no-cut constraint (待遇只增不减). By default
	// a level is never lowered.
	AllowCuts bool `json:"allow_cuts,omitempty"`
	// MaxStep caps the yearly increase in yuan.
	MaxStep *benefit.Amount `json:"max_step,omitempty"`
	// MaxStepPercent caps the yearly increase as a percent of the
	// current level.
	MaxStepPercent *benefit.Rate `json:"max_step_percent,omitempty"`
	// FiscalCap caps the local cost.
	FiscalCap *FiscalCap `json:"fiscal_cap,omitempty"`
}

// A CapBasis says what a fiscal cap is measured against.
type CapBasis string

// The bases a FiscalCap can be measured against.
const (
	// OfRevenue caps the local share of the programme's yearly cost at
	// Percent of the year's local general budget revenue.
	OfRevenue CapBasis = "revenue"
	// OfRevenueGrowth caps the increase of the local share over last
	// year's at Percent of the year's increase in revenue.
	OfRevenueGrowth CapBasis = "revenue_growth"
)

// A FiscalCap is the fiscal-capacity constraint (财政负担能力): the local
// share of the cost, or its increase, at most Percent of the Basis. The
// cap in yuan is rounded down to the fen (RegionYear.Cap), which decides
// exactly what the unrounded cap would for costs in whole fen.
type FiscalCap struct {
	Basis   CapBasis     `json:"basis"`
	Percent benefit.Rate `json:"percent"`
}

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
)

func (c *Constraints) validate() error {
	if c.MaxStep != nil && c.MaxStep.Sign() < 0 {
		return &benefit.RecordError{Field: "constraints.max_step", Err: fmt.Errorf("%w: %s", benefit.ErrNegative, c.MaxStep)}
	}
	if c.MaxStepPercent != nil && c.MaxStepPercent.Sign() < 0 {
		return &benefit.RecordError{Field: "constraints.max_step_percent", Err: fmt.Errorf("%w: %s", benefit.ErrNegative, c.MaxStepPercent)}
	}
	if f := c.FiscalCap; f != nil {
		if f.Basis != OfRevenue && f.Basis != OfRevenueGrowth {
			return &benefit.RecordError{Field: "constraints.fiscal_cap.basis", Err: fmt.Errorf("%w: %q (want revenue or revenue_growth)", benefit.ErrSyntax, f.Basis)}
		}
		if f.Percent.Sign() < 0 {
			return &benefit.RecordError{Field: "constraints.fiscal_cap.percent", Err: fmt.Errorf("%w: %s", benefit.ErrNegative, f.Percent)}
		}
	}
	return nil
}

// String describes the constraints in one line, e.g.
// "floor, no cut, max step 15.00, local cost ≤ 1% of revenue".
func (c *Constraints) String() string {
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
	if f := c.FiscalCap; f != nil {
		if f.Basis == OfRevenueGrowth {
			parts = append(parts, "local cost increase ≤ "+f.Percent.String()+" of revenue increase")
		} else {
			parts = append(parts, "local cost ≤ "+f.Percent.String()+" of revenue")
		}
	}
	return strings.Join(parts, ", ")
}
