package floor

import (
	"errors"
	"fmt"
	"slices"

	"github.com/benefitstd/benefitstd/benefit"
)

// ErrNoFloor reports a programme, column or year for which no national
// floor is known where one is needed: a projection of a programme with
// no national floor, a Path whose history does not reach a year asked
// for.
var ErrNoFloor = errors.New("floor: no national floor")

// An Increase is how much the columns of a national table rise at one
// projected version (预测调整): by Rate of the version before, or by
// Amount; the zero Increase holds them. Dims is a pattern: the increase
// applies to every column (floor) whose dimensions match it, the zero
// Dims to all, and where several patterns match a column the one with
// the most keys wins ("cause=因战;grade=7" before "cause=因战").
//
// A raise by a rate is rounded by the projection's rounding (the
// programme's: half-up to 10 yuan for the veterans' disability
// pensions); an amount is added as given. A projected version is never
// below the one before it: a floor is not cut (只增不减), so a negative
// rate holds the column.
type Increase struct {
	Dims   benefit.Dims   `json:"dims,omitzero"`
	Rate   benefit.Rate   `json:"rate,omitzero"`
	Amount benefit.Amount `json:"amount,omitzero"`
}

// apply returns prev raised by r, rounded by rd when r is a rate, never
// below prev.
func (r *Increase) apply(prev benefit.Amount, rd benefit.Rounding) benefit.Amount {
	switch {
	case !r.Amount.IsZero():
		return prev.Add(r.Amount)
	case !r.Rate.IsZero():
		return benefit.MaxAmount(prev, prev.Add(prev.MulRate(r.Rate)).Round(rd))
	}
	return prev
}

// describe describes the increase: "+9%", "+20.00" or "hold", after its
// pattern when it has one.
func (r *Increase) describe() string {
	s := "hold"
	switch {
	case !r.Amount.IsZero():
		s = "+" + r.Amount.String()
	case !r.Rate.IsZero():
		s = "+" + r.Rate.String()
	}
	if !r.Dims.IsZero() {
		s = r.Dims.String() + " " + s
	}
	return s
}

// A Step is one projected version of a programme's national table: the
// increases that take effect in month From.
type Step struct {
	From      benefit.Month `json:"from"`
	Increases []Increase    `json:"increases"`
}

// A Projection carries the national floors of one programme forward
// from their last versions (预测的国家标准): at each Step every column
// gets one version, in force from the step's month, raised from the one
// before by the Increase that matches it. The projected versions have the
// status benefit.Projected and Citation (whose Note, when empty, says
// the increase), so that no projected figure is read as published.
//
// A column is a national floor of Program: the residents' pension has
// one, the veterans' disability pensions one per grade and cause. A
// column that ends (Schedule.End: the survivors' residence columns,
// which end in 2016-10) is left as it is.
//
// A Projection is pure data and reads from JSON (a simulation scenario's
// "tables", package adjust):
//
//	{"program": "veterans.disability", "through": "2021-08",
//	 "steps": [{"from": "2022-08", "increases": [{"dims": "cause=因战", "rate": "9%"}]}]}
type Projection struct {
	Program string `json:"program"`
	// Through, when set, leaves out every version of a projected column
	// after that month before the steps are added: projecting from the
	// 2021-08 table when the set holds the 2022-08 one. A column with no
	// version left is an error wrapping ErrNoFloor.
	Through benefit.Month `json:"through,omitzero"`
	Steps   []Step        `json:"steps"`
	// Rounding rounds each rate increase; nil: the programme's rounding of
	// the catalogue the set was built with.
	Rounding *benefit.Rounding `json:"rounding,omitempty"`
	Citation benefit.Citation  `json:"citation,omitzero"`
}

// Project returns a new set in which each national floor of p.Program
// that has no end carries one projected version per step of p after its
// own versions (up to p.Through when that is set); s is not changed. Steps come in month order, each after
// the last version of every column, every column must match an increase of
// every step, and two equally specific patterns that match one column
// are ambiguous: any of these is a *benefit.RecordError naming the
// step ("steps[1].from", "steps[0].increases[2].dims"), as is a negative
// amount (benefit.ErrNegative) or an increase with both a rate and an amount
// (benefit.ErrSyntax). A programme with no national floor is an error
// wrapping ErrNoFloor; a projected amount of more than
// benefit.MaxAmountIntDigits integer digits one wrapping
// benefit.ErrRange.
func (s *Set) Project(p Projection) (*Set, error) {
	prog, err := s.cat.Program(p.Program)
	if err != nil {
		return nil, &benefit.RecordError{Field: "program", Err: err}
	}
	rd := prog.Rounding
	if p.Rounding != nil {
		if !p.Rounding.IsValid() {
			return nil, &benefit.RecordError{Field: "rounding", Err: fmt.Errorf("%w: invalid rounding", benefit.ErrSyntax)}
		}
		rd = *p.Rounding
	}
	if !p.Through.IsZero() && !validMonth(p.Through) {
		return nil, &benefit.RecordError{Field: "through", Err: monthRangeErr(p.Through)}
	}
	for i := range p.Steps {
		if err := p.Steps[i].validate(i, p.Steps); err != nil {
			return nil, err
		}
	}
	floors := make([]Floor, len(s.floors))
	copy(floors, s.floors)
	n := 0
	for k := range floors {
		f := &floors[k]
		if f.Program != p.Program || !f.IsNational() || !f.Schedule.End().IsZero() {
			continue
		}
		n++
		vs := versions(f.Schedule, len(p.Steps))
		if !p.Through.IsZero() {
			vs = slices.DeleteFunc(vs, func(v benefit.Version) bool { return v.From > p.Through })
			if len(vs) == 0 {
				return nil, &benefit.RecordError{Field: "through", Err: fmt.Errorf("%w: %s %s has no version up to %s", ErrNoFloor, f.Program, dimsText(f.Dims), p.Through)}
			}
		}
		for i := range p.Steps {
			st := &p.Steps[i]
			r, err := st.increaseOf(i, f.Dims)
			if err != nil {
				return nil, err
			}
			cite := p.Citation
			if cite.Note == "" {
				cite.Note = "projected: " + r.describe() + " from " + st.From.String()
			}
			v, err := next(vs[len(vs)-1], st.From, r, rd, cite)
			if err != nil {
				return nil, &benefit.RecordError{Field: fmt.Sprintf("steps[%d].from", i), Err: fmt.Errorf("%s %s: %w", f.Program, dimsText(f.Dims), err)}
			}
			vs = append(vs, v)
		}
		var err error
		if f.Schedule, err = benefit.NewSchedule(vs...); err != nil {
			return nil, err
		}
	}
	if n == 0 {
		return nil, &benefit.RecordError{Field: "program", Err: fmt.Errorf("%w: %s has no national floor without an end to project", ErrNoFloor, p.Program)}
	}
	return build(s.version+"+projected", floors, s.relative, s.cadences, "", s.cat, s.tab)
}

// validate checks step i of steps: a month after the step before, and
// increases that are each a rate, an amount or nothing, none negative, no
// pattern given twice.
func (st *Step) validate(i int, steps []Step) error {
	fe := func(field string, err error) error {
		return &benefit.RecordError{Field: fmt.Sprintf("steps[%d].%s", i, field), Err: err}
	}
	switch {
	case st.From.IsZero():
		return fe("from", fmt.Errorf("%w: missing", benefit.ErrSyntax))
	case !validMonth(st.From):
		return fe("from", monthRangeErr(st.From))
	case i > 0 && st.From <= steps[i-1].From:
		return fe("from", fmt.Errorf("%w: %s is not after steps[%d] (%s)", benefit.ErrOrder, st.From, i-1, steps[i-1].From))
	}
	for j := range st.Increases {
		r := &st.Increases[j]
		switch {
		case r.Amount.Sign() < 0:
			return fe(fmt.Sprintf("increases[%d].amount", j), fmt.Errorf("%w: %s", benefit.ErrNegative, r.Amount))
		case !r.Amount.IsZero() && !r.Rate.IsZero():
			return fe(fmt.Sprintf("increases[%d].rate", j), fmt.Errorf("%w: an increase is a rate or an amount, not both", benefit.ErrSyntax))
		}
		for k := range j {
			if st.Increases[k].Dims == r.Dims {
				return fe(fmt.Sprintf("increases[%d].dims", j), fmt.Errorf("%w: pattern %q already given in increases[%d]", benefit.ErrSyntax, r.Dims, k))
			}
		}
	}
	return nil
}

// increaseOf returns the increase of step i for the column with dimensions
// dims: the one whose pattern matches with the most keys.
func (st *Step) increaseOf(i int, dims benefit.Dims) (*Increase, error) {
	best, bestKeys := -1, -1
	for j := range st.Increases {
		r := &st.Increases[j]
		if !dims.Matches(r.Dims) {
			continue
		}
		switch n := countKeys(r.Dims); {
		case n > bestKeys:
			best, bestKeys = j, n
		case n == bestKeys:
			return nil, &benefit.RecordError{Field: fmt.Sprintf("steps[%d].increases[%d].dims", i, j),
				Err: fmt.Errorf("%w: %q and increases[%d]'s %q both match the column %s", benefit.ErrSyntax, r.Dims, best, st.Increases[best].Dims, dimsText(dims))}
		}
	}
	if best < 0 {
		return nil, &benefit.RecordError{Field: fmt.Sprintf("steps[%d].increases", i), Err: fmt.Errorf("%w: no increase matches the column %s", benefit.ErrSyntax, dimsText(dims))}
	}
	return &st.Increases[best], nil
}

// maxFloorFen is the largest amount a projection may reach, in fen: the
// largest benefit.ParseAmount accepts (benefit.MaxAmountIntDigits
// integer digits).
const maxFloorFen = 1e17 - 1

// next returns the projected version from month m that follows last:
// last's amount raised by r (a rate rounded by rd), with citation cite.
func next(last benefit.Version, m benefit.Month, r *Increase, rd benefit.Rounding, cite benefit.Citation) (benefit.Version, error) {
	if m <= last.From {
		return benefit.Version{}, fmt.Errorf("%w: a projected version from %s is not after the last version (%s)", benefit.ErrOrder, m, last.From)
	}
	a := r.apply(last.Amount, rd)
	if f, ok := a.Fen(); !ok || f > maxFloorFen {
		return benefit.Version{}, fmt.Errorf("%w: projects %s from %s, more than %d integer digits", benefit.ErrRange, a, m, benefit.MaxAmountIntDigits)
	}
	return benefit.Version{From: m, Amount: a, Status: benefit.Projected, Citation: cite}, nil
}

// versions returns the versions of sch, with room for n more.
func versions(sch benefit.Schedule, n int) []benefit.Version {
	vs := make([]benefit.Version, 0, sch.Len()+n)
	for _, v := range sch.All() {
		vs = append(vs, v)
	}
	return vs
}
