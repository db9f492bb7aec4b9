package adjust

import (
	"fmt"
	"time"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/internal/fen"
	"github.com/benefitstd/benefitstd/scenario"
)

// A FundYear is one year of a region's fund: the balance it opens with,
// what flows in and out, and the months of benefits it holds at the end.
// Closing = Opening + Inflow + Transfer − Benefits − Other exactly.
type FundYear struct {
	Opening  benefit.Amount `json:"opening"`
	Inflow   benefit.Amount `json:"inflow"`
	Benefits benefit.Amount `json:"benefits"` // the fund's part of the year's cost (Cost.Local)
	Other    benefit.Amount `json:"other"`
	Transfer benefit.Amount `json:"transfer"` // from outside, when the year is infeasible
	Closing  benefit.Amount `json:"closing"`
	// Months is the whole months of the year's benefits the closing
	// balance pays, ⌊Closing ÷ (Benefits ÷ 12)⌋ computed as ⌊12·Closing
	// ÷ Benefits⌋ (基金可支付月数); 0 when either is not positive.
	Months int64 `json:"months"`
	// Reserve is the least closing balance the fund constraint allows
	// (scenario.FundReserve.Months months of the year's benefits); nil without
	// the constraint.
	Reserve *benefit.Amount `json:"reserve,omitempty"`
}

// A Bound is a relative bound of the floor set that a region-year's
// level was kept inside (失业保险条例 第十八条: the unemployment benefit
// above the urban 低保 and below the minimum wage): the rule, the
// region's figure it is read from and the level it allows on the grid.
//
// The figure of a lower bound is the highest in force in any of the
// twelve months the year's level is (from the scenario's effective
// month), of an upper bound the lowest, so that the level keeps the
// bound in every month. Limit is the lowest (lower bound) or highest
// (upper bound) level on the rounding grid that keeps it: for a strict
// upper bound by the minimum wage of 2,540, 2,539 on a grid of yuan and
// 2,539.99 on a grid of fen.
type Bound struct {
	Rule     string           `json:"rule"`     // e.g. "ui.art18.below_min_wage"
	Against  string           `json:"against"`  // e.g. "reference.min_wage"
	Kind     floor.Side       `json:"kind"`     // "lower" or "upper"
	Strict   bool             `json:"strict"`   // level ≠ the figure allowed
	Figure   benefit.Amount   `json:"figure"`   // the region's figure × the rule's multiplier
	Status   benefit.Status   `json:"status"`   // of the figure's version
	Limit    benefit.Amount   `json:"limit"`    // on the grid
	Citation benefit.Citation `json:"citation"` // the rule's legal source
}

// relBound is a relative rule of the floor set that bounds the
// scenario's level by one of the regions' References.
type relBound struct {
	rule floor.Relative
}

// bounds returns the relative rules of set that bound s's programme and
// dimensions with severity violation and read a figure of category
// reference (the minimum wage, 低保): each region must give that figure
// (scenario.Region.References). Bounds by a national figure (the grade-10
// disability standard over the ill-returned veterans' allowance) are
// left to the floor check.
func boundsOf(s *scenario.Scenario, set *floor.Set, cat *benefit.Catalogue) []relBound {
	var out []relBound
	for _, r := range set.Relatives(s.Program) {
		if r.Severity != floor.Violation || !s.Dims.Matches(r.Dims) {
			continue
		}
		if prog, err := cat.Program(r.Against); err != nil || prog.Category != benefit.Reference {
			continue
		}
		out = append(out, relBound{rule: r})
	}
	return out
}

// limit returns the bound of rb in year y for region ri's reference rp,
// on the grid of the prepared scenario: over the twelve months the
// year's level is in force, from its effective month.
func (p *prepared) limit(rb *relBound, rp *refPath, y int) (Bound, error) {
	r := &rb.rule
	from := benefit.NewMonth(y, time.Month(p.month))
	var v benefit.Version
	kind := floor.Lower
	if r.Bound == floor.Upper {
		v, kind = rp.lowest(from), floor.Upper
	} else {
		v = rp.highest(from)
	}
	m := r.Multiplier
	if m.IsZero() {
		m = benefit.Percent(100)
	}
	fig := v.Amount.MulRate(m)
	// the figure on the level's frequency: a yearly figure bounds a
	// monthly level at figure ÷ 12, a monthly figure a yearly one at 12×
	lf, rf := p.prog.Frequency, rp.prog.Frequency
	b := Bound{Rule: r.ID, Against: r.Against, Kind: kind, Strict: r.Strict, Figure: fig, Status: v.Status, Citation: r.Citation}
	grid := func(up bool) (benefit.Amount, error) {
		rd := p.down
		if up {
			rd = p.up
		}
		switch {
		case lf == benefit.PerMonth && rf == benefit.PerYear:
			return fig.QuoInt(12, rd)
		case lf == benefit.PerYear && rf == benefit.PerMonth:
			return fig.Mul(12).Round(rd), nil
		}
		return fig.Round(rd), nil
	}
	u := p.round.Unit.Step()
	var err error
	switch {
	case kind == floor.Upper && r.Strict: // the largest grid level below the figure
		b.Limit, err = grid(true)
		b.Limit = b.Limit.Sub(u)
	case kind == floor.Upper:
		b.Limit, err = grid(false)
	case r.Strict: // the smallest grid level above the figure
		b.Limit, err = grid(false)
		b.Limit = b.Limit.Add(u)
	default:
		b.Limit, err = grid(true)
	}
	return b, err
}

// fundCap returns the largest grid level x (fen) that leaves a fund of
// means fen (balance + inflow − other) with months of benefits at x for
// n persons a month after paying the year's benefits, last year's level
// prev before the effective month and x from it: with the year's cost
// line (costLine: per·x + fixed), per·x + fixed + months·n·x ≤ means, an
// exact integer division (costLine.maxSteps); negative when not even 0
// fits. It reports false when a figure passes an int64.
func (p *prepared) fundCap(means, months, n, prev int64) (int64, bool) {
	line, ok := p.line(n, prev)
	if !ok || line.div != 1 {
		return 0, false
	}
	r, ok1 := fen.Mul(months, n)
	per, ok2 := fen.Add(line.per, r)
	if !ok1 || !ok2 || per == 0 {
		return 0, false
	}
	line.per = per
	k, ok := line.maxSteps(means, 0, p.unitFen)
	if !ok {
		return 0, false
	}
	return fen.Mul(k, p.unitFen)
}

// fundMonths returns ⌊12·closing ÷ benefits⌋, the whole months of
// benefits a closing balance pays, 0 when either is not positive.
func fundMonths(closing, benefits benefit.Amount) int64 {
	if closing.Sign() <= 0 || benefits.Sign() <= 0 {
		return 0
	}
	c, ok1 := closing.Fen()
	b, ok2 := benefits.Fen()
	if !ok1 || !ok2 {
		return 0
	}
	q, ok := fen.MulAddQuo(c, 12, 0, 0, b, 1, fen.Floor)
	if !ok {
		return 0
	}
	return q
}

// boundErr reports a year in which the legal lower bound lies above the
// legal upper one: no level keeps both.
func boundErr(ri int, code fmt.Stringer, y int, lo, hi benefit.Amount, loBy, hiBy Binding) error {
	return fieldErr(fmt.Sprintf("regions[%d].references", ri), benefit.ErrRange,
		"region %s in %d: no level keeps both %s (at least %s) and %s (at most %s)", code, y, loBy, lo, hiBy, hi)
}

// fundState is a region's fund between years.
type fundState struct {
	balance, inflow benefit.Amount // the balance at the start of the year, the year's inflow
}

// means returns balance + inflow − other in fen: what the fund can pay
// the year's benefits and reserve from.
func (f *fundState) means(other benefit.Amount) (int64, bool) {
	b, ok1 := f.balance.Fen()
	in, ok2 := f.inflow.Fen()
	o, ok3 := other.Fen()
	m, ok4 := fen.Add(b, in)
	m, ok5 := fen.Sub(m, o)
	return m, ok1 && ok2 && ok3 && ok4 && ok5
}

// year closes the fund's year: benefits (the fund's part of the cost) and
// other go out, the inflow and any transfer come in; the closing balance
// opens the next year.
func (f *fundState) year(other, benefits, transfer benefit.Amount, res *scenario.FundReserve, n int64, level benefit.Amount) (*FundYear, error) {
	fy := &FundYear{Opening: f.balance, Inflow: f.inflow, Benefits: benefits, Other: other, Transfer: transfer}
	fy.Closing = f.balance.Add(f.inflow).Add(transfer).Sub(benefits).Sub(other)
	if _, ok := fy.Closing.Fen(); !ok {
		return nil, fmt.Errorf("the fund's balance %s is not a whole number of fen within an int64", fy.Closing)
	}
	fy.Months = fundMonths(fy.Closing, benefits)
	if res != nil {
		r := level.Mul(n).Mul(int64(res.Months))
		fy.Reserve = &r
	}
	f.balance = fy.Closing
	return fy, nil
}
