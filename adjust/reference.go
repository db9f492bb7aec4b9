package adjust

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
)

// A Reference is a figure of the region's own that a level is set
// against or bounded by (参照标准): the minimum wage (最低工资标准) that the
// unemployment benefit must stay below and is a share of, the urban 低保
// standard it must stay above (失业保险条例 第十八条). It is the
// figure's History, then a Revision every so many months.
//
// Each history version states its Status and Citation: a real figure
// says where it was read (and, read in a secondary source, is announced
// rather than legislated); an illustrative one is benefit.Illustrative; one
// marked [M] or [C] is never legislated. The history must have a version
// in force in January of the base year.
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
// EveryMonths defaults to the cadence the floor set gives the programme
// (the minimum wage: at least every 24 months, 最低工资规定 第十条) and
// may not be longer than it; a programme without a cadence needs it
// when Rate or Amount is given.
type Revision struct {
	EveryMonths int             `json:"every_months,omitempty"`
	Rate        *benefit.Rate   `json:"rate,omitempty"`
	Amount      *benefit.Amount `json:"amount,omitempty"`
}

// String describes the revision: "+5% every 24 months", "hold".
func (r Revision) String() string {
	switch {
	case r.Rate != nil:
		return "+" + r.Rate.String() + " every " + strconv.Itoa(r.EveryMonths) + " months"
	case r.Amount != nil:
		return "+" + r.Amount.String() + " every " + strconv.Itoa(r.EveryMonths) + " months"
	}
	return "hold"
}

// maxRevisionMonths bounds Revision.EveryMonths, and maxProjectedRefs
// the projected versions of all the references of a scenario together,
// so that a small scenario cannot ask for a large run.
const (
	maxRevisionMonths = 120
	maxProjectedRefs  = 200_000
)

// refPath is a Reference resolved over the years of a run: its history
// and projected versions up to December of the last simulated year.
type refPath struct {
	program string
	prog    benefit.Program
	dims    benefit.Dims
	sch     benefit.Schedule
}

// at returns the figure in force in month m (the history must reach it:
// resolve checks that it does from January of the base year on).
func (r *refPath) at(m benefit.Month) benefit.Version {
	v, _ := r.sch.At(m)
	return v
}

// lowest and highest return the least and the greatest figure in force
// in any month of the twelve from month from on (a level's year: its
// effective month to the month before it a year later), with their
// versions.
func (r *refPath) lowest(from benefit.Month) benefit.Version  { return r.extreme(from, -1) }
func (r *refPath) highest(from benefit.Month) benefit.Version { return r.extreme(from, +1) }

func (r *refPath) extreme(from benefit.Month, sign int) benefit.Version {
	best := r.at(from)
	to := from.AddMonths(12)
	for _, v := range r.sch.All() {
		if v.From > from && v.From < to && v.Amount.Cmp(best.Amount)*sign > 0 {
			best = v
		}
	}
	return best
}

// resolveRefs resolves every reference of every region, from the base
// year to the last simulated year. A reference must name a programme of
// the catalogue, give a history with a status for every version and a
// figure in force in January of the base year, and revise no more
// slowly than the floor set's cadence for its programme.
func (p *prepared) resolveRefs(cat *benefit.Catalogue, set *floor.Set) ([]map[string]*refPath, error) {
	s := p.s
	cadence := map[string]int{}
	for _, c := range set.Cadences() {
		if c.Scope == floor.Local {
			cadence[c.Program] = c.Months
		}
	}
	out := make([]map[string]*refPath, len(s.Regions))
	budget := maxProjectedRefs
	for ri := range s.Regions {
		r := &s.Regions[ri]
		if len(r.References) == 0 {
			continue
		}
		out[ri] = make(map[string]*refPath, len(r.References))
		for _, key := range slices.Sorted(maps.Keys(r.References)) {
			ref := r.References[key]
			path := fmt.Sprintf("regions[%d].references[%q]", ri, key)
			rp, err := s.resolveRef(&ref, key, path, cat, cadence, &budget)
			if err != nil {
				return nil, err
			}
			out[ri][key] = rp
		}
	}
	return out, nil
}

func (s *Scenario) resolveRef(ref *Reference, key, path string, cat *benefit.Catalogue, cadence map[string]int, budget *int) (*refPath, error) {
	prog, err := cat.Program(key)
	if err != nil {
		return nil, fieldErr(path, benefit.ErrUnknownProgram, "%q (known: %v)", key, cat.IDs())
	}
	if err := prog.CheckDims(ref.Dims); err != nil {
		return nil, &benefit.RecordError{Field: path + ".dims", Err: err}
	}
	if len(ref.History) == 0 {
		return nil, fieldErr(path+".history", ErrMissingAssumption, "no figure of %s is given", key)
	}
	for i, v := range ref.History {
		if v.Status == benefit.Unknown {
			return nil, fieldErr(fmt.Sprintf("%s.history[%d].status", path, i), benefit.ErrNoStatus,
				"%s from %s says no status (set legislated, announced, provisional, projected or default)", v.Amount, v.From)
		}
		if v.Amount.Sign() < 0 {
			return nil, fieldErr(fmt.Sprintf("%s.history[%d].amount", path, i), benefit.ErrNegative, "%s", v.Amount)
		}
		// an [M] or [C] figure is never law
		conf, err := v.Citation.Mark()
		if err != nil {
			return nil, &benefit.RecordError{Field: fmt.Sprintf("%s.history[%d].citation.confidence", path, i), Err: err}
		}
		if v.Status == benefit.Legislated && (conf == "M" || conf == "C") {
			return nil, fieldErr(fmt.Sprintf("%s.history[%d].status", path, i), benefit.ErrSyntax, "a figure marked [%s] cannot be legislated; use provisional with a note", conf)
		}
	}
	sch, err := benefit.NewSchedule(ref.History...)
	if err != nil {
		if re, ok := errors.AsType[*benefit.RecordError](err); ok {
			return nil, &benefit.RecordError{Field: path + ".history" + strings.TrimPrefix(re.Field, "versions"), Err: re.Err}
		}
		return nil, &benefit.RecordError{Field: path + ".history", Err: err}
	}
	if _, ok := sch.At(benefit.NewMonth(s.BaseYear(), 1)); !ok {
		return nil, fieldErr(path+".history", ErrMissingAssumption, "%s starts in %s, after January of the base year %d", key, sch.First(), s.BaseYear())
	}
	rv := ref.Revision
	raises := rv.Rate != nil || rv.Amount != nil
	switch {
	case rv.Rate != nil && rv.Amount != nil:
		return nil, fieldErr(path+".revision.rate", benefit.ErrSyntax, "a revision is a rate or an amount, not both")
	case rv.Rate != nil && rv.Rate.Sign() < 0:
		return nil, fieldErr(path+".revision.rate", benefit.ErrNegative, "%s", rv.Rate)
	case rv.Amount != nil && rv.Amount.Sign() < 0:
		return nil, fieldErr(path+".revision.amount", benefit.ErrNegative, "%s", rv.Amount)
	case rv.EveryMonths < 0 || rv.EveryMonths > maxRevisionMonths:
		return nil, fieldErr(path+".revision.every_months", benefit.ErrRange, "%d (want 1-%d)", rv.EveryMonths, maxRevisionMonths)
	}
	if c, ok := cadence[key]; ok {
		if rv.EveryMonths == 0 {
			rv.EveryMonths = c
		}
		if rv.EveryMonths > c {
			return nil, fieldErr(path+".revision.every_months", benefit.ErrRange,
				"%d months: %s must be revised at least every %d months (the floor set's cadence: 最低工资规定 第十条 for the minimum wage)", rv.EveryMonths, key, c)
		}
	}
	if raises && rv.EveryMonths == 0 {
		return nil, fieldErr(path+".revision.every_months", benefit.ErrSyntax, "%s has no cadence in the floor set: say how often it is revised", key)
	}
	if raises {
		vs := slices.Clone(ref.History)
		last := vs[len(vs)-1]
		end := benefit.NewMonth(s.EndYear()+1, 12) // the last year's level runs into the next from a later effective month
		cite := benefit.Citation{Note: "projected by the scenario: " + rv.String()}
		inc := floor.Increase{}
		if rv.Rate != nil {
			inc.Rate = *rv.Rate
		} else {
			inc.Amount = *rv.Amount
		}
		for m := last.From.AddMonths(rv.EveryMonths); !end.Before(m); m = m.AddMonths(rv.EveryMonths) {
			if *budget--; *budget < 0 {
				return nil, fieldErr(path+".revision.every_months", benefit.ErrRange, "the scenario's references project more than %d versions in all", maxProjectedRefs)
			}
			a := inc.Raise(last.Amount, prog.Rounding)
			if f, ok := a.Fen(); !ok || f > maxLevelFen {
				return nil, fieldErr(path+".revision", benefit.ErrRange, "%s passes %d integer digits in %s", key, benefit.MaxAmountIntDigits, m)
			}
			last = benefit.Version{From: m, Amount: a, Status: benefit.Projected, Citation: cite}
			vs = append(vs, last)
		}
		if sch, err = benefit.NewSchedule(vs...); err != nil {
			return nil, &benefit.RecordError{Field: path + ".revision", Err: err}
		}
	}
	return &refPath{program: key, prog: prog, dims: ref.Dims, sch: sch}, nil
}
