package floor

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
)

// A Reference is a figure of a region's own that a level is set against
// or bounded by (参照标准): the minimum wage (最低工资标准) that the
// unemployment benefit must stay below and is a share of, the urban 低保
// standard it must stay above (失业保险条例 第十八条). It is the figure's
// History, then a Revision every so many months (Reference.Project).
//
// Each history version states its Status and Citation: a real figure
// says where it was read (and, read in a secondary source, is announced
// rather than legislated); an illustrative one is benefit.Illustrative;
// one marked [M] or [C] is never legislated. The zero Reference has no
// history and is invalid.
type Reference struct {
	// Dims picks the figure's column where the programme has several
	// (the minimum wage's tier: "tier=1"); empty for a single figure.
	Dims    benefit.Dims      `json:"dims,omitzero"`
	History []benefit.Version `json:"history"`
	// Revision carries the figure past its history; the zero Revision
	// holds it.
	Revision Revision `json:"revision,omitzero"`
}

// A Revision carries a reference figure past its last version: one
// projected version every EveryMonths months, raised by Rate (rounded by
// the reference programme's rounding, whole yuan for the minimum wage,
// never below the figure before) or by Amount; with neither it holds
// the figure (and a figure that must be revised on a cadence then goes
// stale in the floor check).
//
// EveryMonths (1-120) defaults to the cadence the floor set gives the
// programme (the minimum wage: at least every 24 months, 最低工资规定 第十条)
// and may not be longer than it; a programme without a cadence needs it
// when Rate or Amount is given.
type Revision struct {
	EveryMonths int             `json:"every_months,omitempty"`
	Rate        *benefit.Rate   `json:"rate,omitempty"`
	Amount      *benefit.Amount `json:"amount,omitempty"`
}

// maxRevisionMonths bounds Revision.EveryMonths.
const maxRevisionMonths = 120

// describe describes the revision: "+5% every 24 months", "hold".
func (r Revision) describe() string {
	switch {
	case r.Rate != nil:
		return "+" + r.Rate.String() + " every " + strconv.Itoa(r.EveryMonths) + " months"
	case r.Amount != nil:
		return "+" + r.Amount.String() + " every " + strconv.Itoa(r.EveryMonths) + " months"
	}
	return "hold"
}

// ReferenceOptions say how far a Reference is projected and what bounds
// its revision.
type ReferenceOptions struct {
	// Through is the last month a projected version may start in.
	Through benefit.Month
	// MaxVersions is the most versions the revision may project (the
	// bound on its work); with 0 a revision that would project any
	// version is an error.
	MaxVersions int
	// Floors gives the cadence of the programme's local figures (Scope
	// Local). nil: Default().
	Floors *Set
}

// Project returns the figure of programme prog as a schedule: the
// history, then, with a Rate or Amount, a version every EveryMonths
// months after the last (benefit.Projected, citing the revision) up to
// o.Through. It also returns the number of versions it projected.
//
// Errors are *benefit.RecordError values whose Field is the JSON path
// within the reference: dims the programme does not have ("dims"), a
// version without a status (benefit.ErrNoStatus), a negative amount, an
// [M] or [C] figure marked legislated ("history[i].status"), a history
// out of order ("history[i]…"), a rate and an amount both given or a
// negative one ("revision.rate", "revision.amount"), EveryMonths out of
// 1-120, longer than the floor set's cadence, or missing where neither
// gives one, or more than o.MaxVersions versions
// ("revision.every_months"), a figure past benefit.MaxAmountIntDigits
// integer digits ("revision", benefit.ErrRange).
func (r *Reference) Project(prog benefit.Program, o ReferenceOptions) (benefit.Schedule, int, error) {
	fe := func(field string, err error, format string, args ...any) (benefit.Schedule, int, error) {
		return benefit.Schedule{}, 0, &benefit.RecordError{Field: field, Err: fmt.Errorf("%w: "+format, append([]any{err}, args...)...)}
	}
	if err := prog.CheckDims(r.Dims); err != nil {
		return benefit.Schedule{}, 0, &benefit.RecordError{Field: "dims", Err: err}
	}
	for i, v := range r.History {
		if field, err := versionErr(v); err != nil {
			return benefit.Schedule{}, 0, &benefit.RecordError{Field: fmt.Sprintf("history[%d].%s", i, field), Err: err}
		}
		if v.Amount.Sign() < 0 {
			return fe(fmt.Sprintf("history[%d].amount", i), benefit.ErrNegative, "%s", v.Amount)
		}
	}
	sch, err := benefit.NewSchedule(r.History...)
	if err != nil {
		if re, ok := errors.AsType[*benefit.RecordError](err); ok {
			return benefit.Schedule{}, 0, &benefit.RecordError{Field: "history" + strings.TrimPrefix(re.Field, "versions"), Err: re.Err}
		}
		return benefit.Schedule{}, 0, &benefit.RecordError{Field: "history", Err: err}
	}
	rv := r.Revision
	switch {
	case rv.Rate != nil && rv.Amount != nil:
		return fe("revision.rate", benefit.ErrSyntax, "a revision is a rate or an amount, not both")
	case rv.Rate != nil && rv.Rate.Sign() < 0:
		return fe("revision.rate", benefit.ErrNegative, "%s", rv.Rate)
	case rv.Amount != nil && rv.Amount.Sign() < 0:
		return fe("revision.amount", benefit.ErrNegative, "%s", rv.Amount)
	case rv.EveryMonths < 0 || rv.EveryMonths > maxRevisionMonths:
		return fe("revision.every_months", benefit.ErrRange, "%d (want 1-%d)", rv.EveryMonths, maxRevisionMonths)
	}
	set := o.Floors
	if set == nil {
		set = Default()
	}
	for _, c := range set.cadences {
		if c.Scope != Local || c.Program != prog.ID {
			continue
		}
		if rv.EveryMonths == 0 {
			rv.EveryMonths = c.Months
		}
		if rv.EveryMonths > c.Months {
			return fe("revision.every_months", benefit.ErrRange,
				"%d months: %s must be revised at least every %d months (the floor set's cadence: 最低工资规定 第十条 for the minimum wage)", rv.EveryMonths, prog.ID, c.Months)
		}
	}
	if rv.Rate == nil && rv.Amount == nil || sch.Len() == 0 {
		return sch, 0, nil
	}
	if rv.EveryMonths == 0 {
		return fe("revision.every_months", benefit.ErrSyntax, "%s has no cadence in the floor set: say how often it is revised", prog.ID)
	}
	vs := versions(sch, 0)
	cite := benefit.Citation{Note: "projected by the scenario: " + rv.describe()}
	inc := Increase{}
	if rv.Rate != nil {
		inc.Rate = *rv.Rate
	} else {
		inc.Amount = *rv.Amount
	}
	n := 0
	for m := vs[len(vs)-1].From.AddMonths(rv.EveryMonths); m <= o.Through; m = m.AddMonths(rv.EveryMonths) {
		if n++; n > o.MaxVersions {
			return fe("revision.every_months", benefit.ErrRange, "it projects more than the %d versions allowed it", o.MaxVersions)
		}
		v, err := next(vs[len(vs)-1], m, &inc, prog.Rounding, cite)
		if err != nil {
			return benefit.Schedule{}, 0, &benefit.RecordError{Field: "revision", Err: err}
		}
		vs = append(vs, v)
	}
	if sch, err = benefit.NewSchedule(vs...); err != nil {
		return benefit.Schedule{}, 0, &benefit.RecordError{Field: "revision", Err: err}
	}
	return sch, n, nil
}
