package scenario

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
	// Fund keeps a programme paid from a fund within the fund's means
	// (基金支付能力): see FundReserve.
	Fund *FundReserve `json:"fund,omitempty"`
	// NationalRate caps a province's average increase of retirees'
	// pensions at the national overall level of the year (以全国调整比例为
	// 高限): see NationalCap.
	NationalRate *NationalCap `json:"national_rate,omitempty"`
	// MinRaise is the least a level rises when it rises (每次提高不少于):
	// 50 a month for the 带病回乡 allowance. A proposed raise below it is
	// lifted to it where the caps allow, else the level is held; a raise
	// the floor forces is at least it.
	MinRaise *benefit.Amount `json:"min_raise,omitempty"`
	// Ceiling caps the level at another programme's national standard
	// (不高于): the 带病回乡 allowance at most the grade-10 disability
	// pension.
	Ceiling *Ceiling `json:"ceiling,omitempty"`
}

// A Ceiling is the national standard of one column of another programme
// that a level may not pass, compared per year: a monthly level × 12
// with a yearly standard, never the standard divided. The standard is
// the one in force in the effective month of each year, from the floors
// the scenario runs on (its projected tables included). For the 带病回乡
// allowance (veterans.ill_returned) the source does not say which cause
// column of the grade-10 disability pension: Dims is the choice,
// "cause=因战;grade=10" as the shipped rule ill_returned.max_grade10 reads.
type Ceiling struct {
	Program string       `json:"program"`
	Dims    benefit.Dims `json:"dims,omitzero"`
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
// cap in yuan is rounded down to the fen (adjust.RegionYear.Cap), which decides
// exactly what the unrounded cap would for costs in whole fen.
type FiscalCap struct {
	Basis   CapBasis     `json:"basis"`
	Percent benefit.Rate `json:"percent"`
}

func (c *Constraints) validate() error {
	if c.MaxStep != nil && c.MaxStep.Sign() < 0 {
		return &benefit.RecordError{Field: "constraints.max_step", Err: fmt.Errorf("%w: %s", benefit.ErrNegative, c.MaxStep)}
	}
	if c.MaxStepPercent != nil && c.MaxStepPercent.Sign() < 0 {
		return &benefit.RecordError{Field: "constraints.max_step_percent", Err: fmt.Errorf("%w: %s", benefit.ErrNegative, c.MaxStepPercent)}
	}
	if c.MinRaise != nil && c.MinRaise.Sign() < 0 {
		return &benefit.RecordError{Field: "constraints.min_raise", Err: fmt.Errorf("%w: %s", benefit.ErrNegative, c.MinRaise)}
	}
	if c.Ceiling != nil && c.Ceiling.Program == "" {
		return &benefit.RecordError{Field: "constraints.ceiling.program", Err: fmt.Errorf("%w: a ceiling names the programme whose standard caps the level", benefit.ErrSyntax)}
	}
	if f := c.FiscalCap; f != nil {
		if f.Basis != OfRevenue && f.Basis != OfRevenueGrowth {
			return &benefit.RecordError{Field: "constraints.fiscal_cap.basis", Err: fmt.Errorf("%w: %q (want revenue or revenue_growth)", benefit.ErrSyntax, f.Basis)}
		}
		if f.Percent.Sign() < 0 {
			return &benefit.RecordError{Field: "constraints.fiscal_cap.percent", Err: fmt.Errorf("%w: %s", benefit.ErrNegative, f.Percent)}
		}
	}
	if f := c.Fund; f != nil && (f.Months < 0 || f.Months > maxReserveMonths) {
		return fieldErr("constraints.fund.months", benefit.ErrRange, "%d (want 0-%d)", f.Months, maxReserveMonths)
	}
	if n := c.NationalRate; n != nil {
		seen := map[int]int{}
		for i, r := range n.Rates {
			p := fmt.Sprintf("constraints.national_rate.rates[%d]", i)
			if j, dup := seen[r.Year]; dup {
				return fieldErr(p+".year", benefit.ErrSyntax, "year %d already given in rates[%d]", r.Year, j)
			}
			seen[r.Year] = i
			if r.Rate.Sign() < 0 {
				return fieldErr(p+".rate", benefit.ErrNegative, "%s", r.Rate)
			}
		}
	}
	return nil
}

// String describes the constraints in one line, as a result names them
// (adjust.Result.Constraints), e.g. "floor, no cut, max step 15.00, local
// cost ≤ 1% of revenue".
func (c Constraints) String() string {
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
		at := "at most " + c.Ceiling.Program
		if !c.Ceiling.Dims.IsZero() {
			at += " " + c.Ceiling.Dims.String()
		}
		parts = append(parts, at)
	}
	if f := c.FiscalCap; f != nil {
		if f.Basis == OfRevenueGrowth {
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
