package compare

import (
	"context"
	"fmt"
	"slices"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/workers"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// A SweepPoint is the outcome of one value of a swept parameter: the
// total cost over all years and regions, the transfers needed, and the
// regions that were infeasible in at least one year.
type SweepPoint struct {
	Value      string           `json:"value"`
	Run        adjust.RunRecord `json:"run"`
	Cost       region.Split     `json:"cost"`     // summed over every year
	Transfer   benefit.Amount   `json:"transfer"` // summed over every year
	Infeasible []region.Code    `json:"infeasible"`
	// FirstInfeasible is, per infeasible region (same order), the first
	// year it was infeasible.
	FirstInfeasible []int `json:"first_infeasible"`
}

// Bounds of a Sweep, so that no list of values can make a sweep run
// without end: each value is a whole run of the scenario.
const (
	// maxSweepValues is the most values one sweep runs (and AmountRange
	// gives).
	maxSweepValues = 10_000
	// maxSweepRegionYears is the most region-years one sweep computes
	// over all its values: values × regions × horizon. The default
	// scenario (31 regions × 5 years) may be swept over 6,451 values;
	// one of 3,348 regions × 100 years over 2.
	maxSweepRegionYears = 1_000_000
)

// A SweepResult is the outcome of a Sweep: the parameter swept, the
// scenario it was swept in, and one point per value, in the order given.
type SweepResult struct {
	Parameter    string       `json:"parameter"`
	Scenario     string       `json:"scenario"` // its name
	Illustrative bool         `json:"illustrative"`
	StartYear    int          `json:"start_year"`
	Horizon      int          `json:"horizon"`
	Points       []SweepPoint `json:"points"`
}

// A Param is one parameter of a scenario and the values a Sweep
// runs it at (参数扫描). Build one with RuleAmount,
// RulePercent, FiscalCapPercent, MaxStepPercent or
// FloorStep; InPart moves a rule parameter into a part of a sum
// rule. The zero Param has no values.
type Param struct {
	field  string   // the parameter's JSON path below rule ("amount") or in the scenario
	rule   bool     // field is a rule's, under the parts in path
	path   []int    // parts of a sum rule, outermost first
	labels []string // each value as the scenario's JSON writes it
	set    func(*scenario.Scenario, *scenario.Rule, int) error
}

// RuleAmount sweeps the amount of a fixed rule ("rule.amount",
// 定额调整) over amounts.
func RuleAmount(amounts ...benefit.Amount) Param {
	amounts = slices.Clone(amounts) // the caller may reuse its slice
	return ruleParam("amount", labels(amounts), func(r *scenario.Rule, i int) { r.Amount = new(amounts[i]) })
}

// RulePercent sweeps the percent of a percent rule ("rule.percent",
// 按比例调整) over rates.
func RulePercent(rates ...benefit.Rate) Param {
	rates = slices.Clone(rates) // the caller may reuse its slice
	return ruleParam("percent", labels(rates), func(r *scenario.Rule, i int) { r.Percent = new(rates[i]) })
}

// FiscalCapPercent sweeps the percent of the scenario's fiscal cap
// ("constraints.fiscal_cap.percent", 财政负担能力) over rates. The
// scenario must have a fiscal cap; its basis is kept.
func FiscalCapPercent(rates ...benefit.Rate) Param {
	rates = slices.Clone(rates) // the caller may reuse its slice
	return Param{field: "constraints.fiscal_cap.percent", labels: labels(rates), set: func(s *scenario.Scenario, _ *scenario.Rule, i int) error {
		if s.Constraints.FiscalCap == nil {
			return &benefit.RecordError{Field: "constraints.fiscal_cap", Err: fmt.Errorf("%w: the scenario has no fiscal cap to sweep", benefit.ErrSyntax)}
		}
		s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: s.Constraints.FiscalCap.Basis, Percent: rates[i]}
		return nil
	}}
}

// MaxStepPercent sweeps the cap on the yearly increase as a percent
// of the current level ("constraints.max_step_percent") over rates.
func MaxStepPercent(rates ...benefit.Rate) Param {
	rates = slices.Clone(rates) // the caller may reuse its slice
	return Param{field: "constraints.max_step_percent", labels: labels(rates), set: func(s *scenario.Scenario, _ *scenario.Rule, i int) error {
		s.Constraints.MaxStepPercent = new(rates[i])
		return nil
	}}
}

// FloorStep sweeps the yearly step of the projected national floor
// ("floor.projection.step") over amounts. The projection must be a step
// trend (floor.TrendStep).
func FloorStep(amounts ...benefit.Amount) Param {
	amounts = slices.Clone(amounts) // the caller may reuse its slice
	return Param{field: "floor.projection.step", labels: labels(amounts), set: func(s *scenario.Scenario, _ *scenario.Rule, i int) error {
		s.Floor.Projection.Step = new(amounts[i])
		return nil
	}}
}

// InPart returns p applied to part i (from 0) of the scenario's sum rule
// instead of to the rule itself: RulePercent(rates...).InPart(1)
// sweeps "rule.parts[1].percent". Calls nest, outermost part first. A
// parameter that is not a rule's, or a part the rule does not have, is
// an error of the Sweep.
func (p Param) InPart(i int) Param {
	p.path = append(slices.Clone(p.path), i)
	return p
}

// name returns the parameter's JSON path in the scenario
// ("rule.parts[1].percent").
func (p Param) name() string {
	if !p.rule {
		return p.field
	}
	n := "rule"
	for _, i := range p.path {
		n += fmt.Sprintf(".parts[%d]", i)
	}
	return n + "." + p.field
}

func ruleParam(field string, ls []string, set func(*scenario.Rule, int)) Param {
	return Param{field: field, rule: true, labels: ls, set: func(_ *scenario.Scenario, r *scenario.Rule, i int) error {
		set(r, i)
		return nil
	}}
}

func labels[T fmt.Stringer](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	return out
}

// variant returns a copy of s with value i of p set, sharing nothing
// with s that p changes.
func (p Param) variant(s scenario.Scenario, i int) (scenario.Scenario, error) {
	v := s // set replaces what it changes (a pointer, the rule's parts), so the copy shares nothing it writes
	if !p.rule {
		if len(p.path) > 0 {
			return scenario.Scenario{}, &benefit.RecordError{Field: p.name(), Err: fmt.Errorf("%w: %s is not a parameter of a rule, so it has no parts", benefit.ErrSyntax, p.field)}
		}
		return v, p.set(&v, nil, i)
	}
	v.Rule = clone(s.Rule)
	r := &v.Rule
	for d, k := range p.path {
		if r.Kind != scenario.KindSum || k < 0 || k >= len(r.Parts) {
			at := "rule"
			for _, j := range p.path[:d] {
				at += fmt.Sprintf(".parts[%d]", j)
			}
			return scenario.Scenario{}, &benefit.RecordError{Field: p.name(), Err: fmt.Errorf("%w: %s (a %s rule) has no part %d", benefit.ErrSyntax, at, r.Kind, k)}
		}
		r = &r.Parts[k]
	}
	return v, p.set(&v, r, i)
}

// clone returns r with its own copy of the parts, at every depth.
func clone(r scenario.Rule) scenario.Rule {
	if r.Parts != nil {
		parts := make([]scenario.Rule, len(r.Parts))
		for i := range r.Parts {
			parts[i] = clone(r.Parts[i])
		}
		r.Parts = parts
	}
	return r
}

// Sweep runs s once for each value of parameter p and reports the cost
// and the regions that go infeasible at each (参数扫描). Each variant is
// validated like any scenario, and its run record carries its own hash;
// s itself is not changed. opts.Progress reports the regions of each
// value's run in turn.
//
// A parameter the scenario cannot take (a part its rule does not have,
// a fiscal cap percent without a fiscal cap) is a *benefit.RecordError
// (Field: the parameter's JSON path) wrapping benefit.ErrSyntax; a value
// whose run fails gives an error naming the parameter and the value and
// wrapping the run's error (the variant's *benefit.RecordError when it
// is invalid, as a rule.amount on a rule that is not fixed is). More
// than 10,000 values, or more than 1,000,000 region-years (values ×
// regions × horizon) in all, or a worker count out of bounds, is an
// error wrapping benefit.ErrRange before anything is run. Nothing is
// returned for a sweep that fails at any value.
func Sweep(ctx context.Context, s scenario.Scenario, p Param, opts adjust.Options) (*SweepResult, error) {
	name := p.name()
	if len(p.labels) > maxSweepValues {
		return nil, fmt.Errorf("compare: sweep of %d values: %w: at most 10,000", len(p.labels), benefit.ErrRange)
	}
	if _, err := workers.Count(opts.Workers); err != nil {
		return nil, fmt.Errorf("compare: Options.Workers %d: %w", opts.Workers, err)
	}
	// A Param cannot set the regions or the horizon: every run is
	// as large as s's.
	per := int64(len(s.Regions)) * int64(max(s.Horizon, 0)) // region-years of one run
	if total := per * int64(len(p.labels)); total > maxSweepRegionYears {
		return nil, fmt.Errorf("compare: sweep of %d values × %d regions × %d years: %w: %d region-years, at most 1,000,000; sweep fewer values or a smaller scenario",
			len(p.labels), len(s.Regions), s.Horizon, benefit.ErrRange, total)
	}
	res := &SweepResult{Parameter: name, Scenario: s.Name, Illustrative: s.Illustrative, StartYear: s.StartYear, Horizon: s.Horizon}
	out := make([]SweepPoint, 0, len(p.labels))
	for i, v := range p.labels {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("compare: sweep stopped at value %d of %d: %w", i, len(p.labels), context.Cause(ctx))
		}
		vs, err := p.variant(s, i)
		if err != nil {
			return nil, err
		}
		r, err := adjust.Run(ctx, vs, opts)
		if err != nil {
			return nil, fmt.Errorf("compare: sweep %s = %s: %w", name, v, err)
		}
		pt := SweepPoint{Value: v, Run: r.Run, Infeasible: []region.Code{}, FirstInfeasible: []int{}}
		for _, y := range r.Years {
			pt.Cost.Total = pt.Cost.Total.Add(y.Cost.Total)
			pt.Cost.Central = pt.Cost.Central.Add(y.Cost.Central)
			pt.Cost.Local = pt.Cost.Local.Add(y.Cost.Local)
			pt.Transfer = pt.Transfer.Add(y.Transfer)
		}
		var last region.Code
		for _, ry := range r.Rows {
			if ry.Infeasible && ry.Region != last {
				pt.Infeasible = append(pt.Infeasible, ry.Region)
				pt.FirstInfeasible = append(pt.FirstInfeasible, ry.Year)
				last = ry.Region
			}
		}
		out = append(out, pt)
	}
	res.Points = out
	return res, nil
}

// AmountRange returns the amounts from, from+step, … up to and including
// to (when reached exactly), for RuleAmount or FloorStep. step
// must be positive, to at least from, and the range at most 10,000
// values; otherwise the error is a *benefit.RecordError (field "step" or
// "to") wrapping benefit.ErrRange.
func AmountRange(from, to, step benefit.Amount) ([]benefit.Amount, error) {
	if step.Sign() <= 0 {
		return nil, &benefit.RecordError{Field: "step", Err: fmt.Errorf("%w: step %s must be positive", benefit.ErrRange, step)}
	}
	if from.Cmp(to) > 0 {
		return nil, &benefit.RecordError{Field: "to", Err: fmt.Errorf("%w: to %s is below from %s, so there is nothing to sweep", benefit.ErrRange, to, from)}
	}
	var out []benefit.Amount
	for v := from; v.Cmp(to) <= 0; v = v.Add(step) {
		if len(out) == maxSweepValues {
			return nil, &benefit.RecordError{Field: "to", Err: fmt.Errorf("%w: more than 10,000 values from %s to %s by %s", benefit.ErrRange, from, to, step)}
		}
		out = append(out, v)
	}
	return out, nil
}
