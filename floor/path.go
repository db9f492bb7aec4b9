package floor

import (
	"fmt"
	"strings"
	"time"

	"github.com/benefitstd/benefitstd/benefit"
)

// A Path is the national floor (国家基础标准) of one column of a
// programme over the years a simulation runs: a history of versions,
// then a Trend for the years after the last one. It is pure data, the
// "floor" of a simulation scenario (package adjust), and reads from and
// writes to JSON.
//
// When History is empty the path starts from the national floor of a
// Set (PathOptions.Floors: the shipped floors by default), cut after
// ShippedThrough when that is set, so that a scenario can leave out a
// figure it does not trust (the 2026 residents' floor, say). Every
// History version must state its Status: the zero Status (unknown) is an
// error (benefit.ErrNoStatus).
type Path struct {
	History        []benefit.Version `json:"history,omitempty"`
	ShippedThrough int               `json:"shipped_through,omitempty"`
	Projection     Trend             `json:"projection"`
	// Month is the month of the year each projected version takes effect
	// (1-12; 0 means January): 8 for the veterans' standards, raised every
	// 1 August.
	Month int `json:"month,omitempty"`
}

// A TrendKind names how a Trend moves a floor from one year to the next.
type TrendKind string

const (
	// TrendStep adds Step yuan each year (the residents' floor rose +20
	// in 2024 and 2025).
	TrendStep TrendKind = "step"
	// TrendIndex multiplies last year's floor by
	// 1 + WageWeight × wage growth + CPIWeight × CPI + Offset, with the
	// year's figures (PathOptions.Growth), rounded by the path's
	// rounding, and never lower than last year's: floors are adjusted
	// with wages and prices (社会保险法 第十八条), and not cut.
	TrendIndex TrendKind = "index"
	// TrendHold keeps the last floor.
	TrendHold TrendKind = "hold"
)

// A Trend extends a Path's floor beyond its history, one projected
// version a year (each January, or in Path.Month): an Increase of Step,
// of the index rate, or none.
type Trend struct {
	Kind       TrendKind       `json:"kind"`
	Step       *benefit.Amount `json:"step,omitempty"`
	WageWeight *benefit.Rate   `json:"wage_weight,omitempty"`
	CPIWeight  *benefit.Rate   `json:"cpi_weight,omitempty"`
	Offset     *benefit.Rate   `json:"offset,omitempty"`
}

// StepTrend returns the trend "+step a year".
func StepTrend(step benefit.Amount) Trend { return Trend{Kind: TrendStep, Step: &step} }

// Validate checks the trend's fields: the ones its Kind reads and no
// others, a step not negative. The error is a *benefit.RecordError whose
// Field is the JSON path within a Path ("projection.step").
func (t *Trend) Validate() error {
	f := func(field, msg string, err error) error {
		return &benefit.RecordError{Field: "projection." + field, Err: fmt.Errorf("%w: %s", err, msg)}
	}
	switch t.Kind {
	case TrendStep:
		if t.Step == nil {
			return f("step", "a step projection needs a step", benefit.ErrSyntax)
		}
		if t.Step.Sign() < 0 {
			return f("step", t.Step.String(), benefit.ErrNegative)
		}
		if t.WageWeight != nil || t.CPIWeight != nil || t.Offset != nil {
			return f("kind", "a step projection takes only step", benefit.ErrSyntax)
		}
	case TrendIndex:
		if t.Step != nil {
			return f("step", "an index projection has no step", benefit.ErrSyntax)
		}
		if t.WageWeight == nil && t.CPIWeight == nil && t.Offset == nil {
			return f("wage_weight", "an index projection needs wage_weight, cpi_weight or offset", benefit.ErrSyntax)
		}
	case TrendHold:
		if t.Step != nil || t.WageWeight != nil || t.CPIWeight != nil || t.Offset != nil {
			return f("kind", "a hold projection takes no parameters", benefit.ErrSyntax)
		}
	default:
		return f("kind", fmt.Sprintf("unknown projection %q (want step, index or hold)", t.Kind), benefit.ErrSyntax)
	}
	return nil
}

// Reads reports which growth figures an index trend reads: wage growth
// when WageWeight is not zero, CPI when CPIWeight is not zero.
func (t *Trend) Reads() (wage, cpi bool) {
	if t.Kind != TrendIndex {
		return false, false
	}
	return t.WageWeight != nil && !t.WageWeight.IsZero(), t.CPIWeight != nil && !t.CPIWeight.IsZero()
}

// describe describes the trend in one line: "+20.00 a year",
// "index 50%×wage + 50%×cpi + 1%", "hold", or the kind as given.
func (t *Trend) describe() string {
	switch t.Kind {
	case TrendStep:
		if t.Step == nil {
			return "+? a year"
		}
		return "+" + t.Step.String() + " a year"
	case TrendIndex:
		var terms []string
		if t.WageWeight != nil {
			terms = append(terms, t.WageWeight.String()+"×wage")
		}
		if t.CPIWeight != nil {
			terms = append(terms, t.CPIWeight.String()+"×cpi")
		}
		s := "index " + strings.Join(terms, " + ")
		if t.Offset != nil && !t.Offset.IsZero() {
			s += " + " + t.Offset.String()
		}
		return s
	}
	return string(t.Kind)
}

// increase returns the trend's increase for a year with wage growth wage and
// CPI cpi.
func (t *Trend) increase(wage, cpi benefit.Rate) Increase {
	switch t.Kind {
	case TrendStep:
		return Increase{Amount: *t.Step}
	case TrendIndex:
		var g benefit.Rate
		if t.WageWeight != nil && !t.WageWeight.IsZero() {
			g = g.Add(t.WageWeight.Mul(wage))
		}
		if t.CPIWeight != nil && !t.CPIWeight.IsZero() {
			g = g.Add(t.CPIWeight.Mul(cpi))
		}
		if t.Offset != nil {
			g = g.Add(*t.Offset)
		}
		return Increase{Rate: g}
	}
	return Increase{}
}

// A YearFloor is the national floor of one year of a Path: the highest
// amount in force in any month of the year, with that version's status
// and source.
type YearFloor struct {
	Year     int              `json:"year"`
	Amount   benefit.Amount   `json:"amount"`
	Status   benefit.Status   `json:"status"`
	Citation benefit.Citation `json:"citation,omitzero"`
}

// PathOptions say which column a Path is of, over which years, and where
// its history and growth figures come from.
type PathOptions struct {
	Program string
	Dims    benefit.Dims
	// From and To are the first and last year whose floor is wanted: a
	// simulation's base year and its last year.
	From, To int
	// Rounding rounds an index trend; nil: the programme's.
	Rounding *benefit.Rounding
	// Growth gives the wage growth and CPI of a projected year, for an
	// index trend (Trend.Reads says which it reads); its error is
	// returned as it is. nil: both 0 %.
	Growth func(year int) (wage, cpi benefit.Rate, err error)
	// Floors gives the history when Path.History is empty, and the
	// floors, relative rules and cadences of Projected.Floors. nil:
	// Default().
	Floors *Set
	// Catalogue knows Program (its frequency and rounding). nil: the
	// catalogue Floors was built with.
	Catalogue *benefit.Catalogue
}

// A Projected is a Path resolved over years: the floor of each year,
// the path as versions, and the floors a simulated level is checked
// against.
type Projected struct {
	// Years holds the floor of each year From … To.
	Years []YearFloor
	// Schedule is the path as versions: the history, then a projected
	// version each January (or Path.Month) of a year after it, up to To.
	Schedule benefit.Schedule
	// Source names where the history came from: "scenario" when the Path
	// gives it, else "floor set " and the set's version.
	Source string
	// Floors is the set a simulated level is checked against (as
	// Options.Floors of Check): PathOptions.Floors (or Default()) with
	// the column's national floor replaced by the path, so that a
	// projected year is checked against the projected floor.
	Floors *Set
}

// Project resolves the path for o's column over the years o.From to
// o.To: the history (Path.History, or the national floor of o.Floors
// for o.Program and o.Dims up to ShippedThrough), then one projected
// version (benefit.Projected) each January (or Path.Month) of a year
// after the history's last, raised by the Trend. The floor of a year the history
// covers is the highest in force in any of its months; a base year after
// the history holds its last version.
//
// Errors are *benefit.RecordError values whose Field is the JSON path
// within the path ("history[1].status", "shipped_through",
// "projection.step"): years From to To outside benefit.MinYear to
// benefit.MaxYear or in the wrong order (field "years", ErrRange), a
// history out of order or without a status, no
// national floor to start from or a history that starts after o.From
// (ErrNoFloor), a trend Validate refuses, or a projected floor of more
// than benefit.MaxAmountIntDigits integer digits (benefit.ErrRange).
// An error of o.Growth is returned as it is.
func (p *Path) Project(o PathOptions) (*Projected, error) {
	if o.From < benefit.MinYear || o.To > benefit.MaxYear || o.To < o.From {
		return nil, &benefit.RecordError{Field: "years", Err: fmt.Errorf("%w: %d-%d (want %d-%d, from before to)", benefit.ErrRange, o.From, o.To, benefit.MinYear, benefit.MaxYear)}
	}
	base := o.Floors
	if base == nil {
		base = Default()
	}
	cat := o.Catalogue
	if cat == nil {
		cat = base.cat
	}
	prog, err := cat.Program(o.Program)
	if err != nil {
		return nil, &benefit.RecordError{Field: "program", Err: err}
	}
	rd := prog.Rounding
	if o.Rounding != nil {
		rd = *o.Rounding
	}
	if err := p.Projection.Validate(); err != nil {
		return nil, err
	}
	if p.Month < 0 || p.Month > 12 {
		return nil, &benefit.RecordError{Field: "month", Err: fmt.Errorf("%w: month %d (want 1-12, or 0 for January)", benefit.ErrRange, p.Month)}
	}
	hist, src, err := p.history(base, o.Program, o.Dims)
	if err != nil {
		return nil, err
	}
	last, _ := hist.Last()
	lastYear := last.From.Year()
	out := &Projected{Years: make([]YearFloor, 0, o.To-o.From+1), Source: src}
	cite := benefit.Citation{Note: "projected by the scenario: " + p.Projection.describe()}
	vs := versions(hist, max(o.To-lastYear, 0))
	for y := o.From; y <= o.To; y++ {
		switch {
		case y <= lastYear:
			fy, ok := yearFloor(hist, y)
			if !ok {
				return nil, &benefit.RecordError{Field: "history", Err: fmt.Errorf("%w: the floor history starts in %s, after %d", ErrNoFloor, hist.First(), y)}
			}
			out.Years = append(out.Years, fy)
			continue
		case y == o.From:
			// the base year lies after the history: its last version holds
			out.Years = append(out.Years, YearFloor{Year: y, Amount: last.Amount, Status: last.Status, Citation: last.Citation})
			continue
		}
		var wage, cpi benefit.Rate
		if o.Growth != nil && p.Projection.Kind == TrendIndex {
			if wage, cpi, err = o.Growth(y); err != nil {
				return nil, err
			}
		}
		r := p.Projection.increase(wage, cpi)
		v, err := next(vs[len(vs)-1], benefit.NewMonth(y, time.Month(max(p.Month, 1))), &r, rd, cite)
		if err != nil {
			return nil, &benefit.RecordError{Field: "projection", Err: fmt.Errorf("in %d: %w", y, err)}
		}
		vs = append(vs, v)
		out.Years = append(out.Years, YearFloor{Year: y, Amount: v.Amount, Status: benefit.Projected, Citation: cite})
	}
	if out.Schedule, err = benefit.NewSchedule(vs...); err != nil {
		return nil, err
	}
	if out.Floors, err = base.withNational(o.Program, o.Dims, prog.Frequency, out.Schedule); err != nil {
		return nil, err
	}
	return out, nil
}

// history returns the versions the path starts from and where they came
// from.
func (p *Path) history(base *Set, program string, dims benefit.Dims) (benefit.Schedule, string, error) {
	if len(p.History) > 0 {
		sch, err := benefit.NewSchedule(p.History...)
		if err != nil {
			if re, ok := err.(*benefit.RecordError); ok {
				re.Field = "history" + strings.TrimPrefix(re.Field, "versions")
				return benefit.Schedule{}, "", re
			}
			return benefit.Schedule{}, "", &benefit.RecordError{Field: "history", Err: err}
		}
		for i, v := range p.History {
			// a floor nobody said the firmness of is not law
			if v.Status == benefit.Unknown {
				return benefit.Schedule{}, "", &benefit.RecordError{Field: fmt.Sprintf("history[%d].status", i),
					Err: fmt.Errorf("%w: %s from %s says no status (set Legislated, Announced, Provisional, Projected or Illustrative)", benefit.ErrNoStatus, v.Amount, v.From)}
			}
		}
		if p.ShippedThrough != 0 {
			return benefit.Schedule{}, "", &benefit.RecordError{Field: "shipped_through", Err: fmt.Errorf("%w: only applies to the shipped history (history is given)", benefit.ErrSyntax)}
		}
		return sch, "scenario", nil
	}
	sch, ok := base.NationalSchedule(program, dims)
	if !ok || sch.Len() == 0 {
		return benefit.Schedule{}, "", &benefit.RecordError{Field: "history", Err: fmt.Errorf("%w: no shipped national floor for %s %s; give history", ErrNoFloor, program, dims)}
	}
	if t := p.ShippedThrough; t != 0 {
		var vs []benefit.Version
		for _, v := range sch.All() {
			if v.From.Year() <= t {
				vs = append(vs, v)
			}
		}
		if len(vs) == 0 {
			return benefit.Schedule{}, "", &benefit.RecordError{Field: "shipped_through", Err: fmt.Errorf("%w: no shipped floor version up to %d", ErrNoFloor, t)}
		}
		var err error
		if sch, err = benefit.NewSchedule(vs...); err != nil {
			return benefit.Schedule{}, "", err
		}
	}
	return sch, "floor set " + base.Version(), nil
}

// yearFloor returns the highest floor in force in any month of year y.
func yearFloor(hist benefit.Schedule, y int) (YearFloor, bool) {
	jan := benefit.NewMonth(y, 1)
	best, ok := hist.At(jan)
	for _, v := range hist.All() {
		if v.From.Year() == y && (!ok || v.Amount.Cmp(best.Amount) > 0) {
			best, ok = v, true
		}
	}
	if !ok {
		return YearFloor{}, false
	}
	return YearFloor{Year: y, Amount: best.Amount, Status: best.Status, Citation: best.Citation}, true
}

// withNational returns s with the national floors of program that a
// level with dimensions dims would be checked against replaced by one
// floor with schedule sch. The floors of s were checked against its
// catalogue when it was built and are not checked again (a path of a
// programme of the caller's catalogue may stand beside them).
func (s *Set) withNational(program string, dims benefit.Dims, per benefit.Frequency, sch benefit.Schedule) (*Set, error) {
	fs := make([]Floor, 0, len(s.floors)+1)
	for _, f := range s.floors {
		if f.Program == program && f.IsNational() && dims.Matches(f.Dims) {
			continue
		}
		fs = append(fs, f)
	}
	fs = append(fs, Floor{Program: program, Dims: dims, Per: per, Schedule: sch,
		Citation: benefit.Citation{Title: "national floor of the scenario (history, then projection)", Note: "projected versions are marked projected"}})
	out, err := build(s.version+"+scenario", fs, s.relative, s.cadences, "", nil, s.tab)
	if err != nil {
		return nil, err
	}
	out.cat = s.cat
	return out, nil
}
