package plan

import (
	"github.com/benefitstd/benefitstd/benefit"
)

// A Calculator applies a validated plan to retirees. Build it with
// NewCalculator; it is immutable and safe for concurrent use.
type Calculator struct {
	plan Plan
	k    kernel
}

// NewCalculator validates p and prepares it for applying. The error is a
// *benefit.RecordError naming the bad field.
func NewCalculator(p Plan) (*Calculator, error) {
	k, err := compile(p, "")
	if err != nil {
		return nil, err
	}
	return &Calculator{plan: p.clone(), k: k}, nil
}

// planCopy returns a copy of the calculator's plan.
func (c *Calculator) planCopy() Plan { return c.plan.clone() }

// An Outcome is a plan applied to one retiree.
type Outcome struct {
	ID       string
	Eligible bool
	// Reason says why the retiree is not eligible; empty when eligible.
	Reason string
	// Age is the age in full years at the plan's AgeAt.
	Age int
	// Parts is each part's amount, in plan order, with its source; empty
	// when not eligible.
	Parts      []PartAmount
	Pension    benefit.Amount // before the adjustment
	Increase   benefit.Amount // sum of the parts, per month
	NewPension benefit.Amount // Pension + Increase
	// ArrearsMonths is the number of months from the effective month (or
	// the month after retirement) up to the plan's FirstPaid; Arrears is
	// Increase × ArrearsMonths (补发). Both are zero when the plan does not
	// say when the new rate is first paid.
	ArrearsMonths int
	Arrears       benefit.Amount
}

// A PartAmount is one part's amount for a retiree, with where it comes
// from.
type PartAmount struct {
	ID       string
	Name     string
	Amount   benefit.Amount
	Status   benefit.Status
	Citation benefit.Citation
}

// Apply applies the plan to r. It returns an error (a
// *benefit.RecordError naming the field) only when r is not a valid
// retiree; a retiree the plan does not cover gets an Outcome with Eligible
// false and the reason.
func (c *Calculator) Apply(r Retiree) (Outcome, error) {
	x, fe := toRow(r)
	if fe != nil {
		return Outcome{}, &benefit.RecordError{Field: fe.field, Err: fe.err}
	}
	age := ageAt(x.birth, c.k.ageAt)
	res := Outcome{ID: r.ID, Age: age, Pension: benefit.FromFen(x.pension), Increase: benefit.FromFen(0), NewPension: benefit.FromFen(x.pension)}
	if why := c.k.eligible(&x); why != eligible {
		res.Reason = reasonText[why]
		return res, nil
	}
	out := c.k.newOut()
	inc := c.k.eval(&x, int32(age), out)
	res.Eligible, res.Increase, res.NewPension = true, benefit.FromFen(inc), benefit.FromFen(x.pension+inc)
	for i, pt := range c.plan.Parts {
		res.Parts = append(res.Parts, PartAmount{ID: pt.ID, Name: pt.Name, Amount: benefit.FromFen(out[i]), Status: pt.Status, Citation: pt.Citation})
	}
	n := c.k.arrearsMonths(&x)
	res.ArrearsMonths = int(n)
	res.Arrears = benefit.FromFen(inc * n)
	return res, nil
}
