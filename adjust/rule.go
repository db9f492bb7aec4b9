package adjust

import (
	"fmt"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/scenario"
)

// ruleEnv is what a rule reads in one region-year.
type ruleEnv struct {
	level     benefit.Amount // current level (last year's)
	floor     benefit.Amount // this year's national floor
	prevFloor benefit.Amount // last year's national floor
	wage, cpi benefit.Rate   // this year's region assumptions (0 % where none is given)
	years     int            // years since the base year (1 in the first simulated year)
	// refs gives a reference figure in force in January of the year
	// (scenario.KindShare); nil outside the scenarios that have references
	refs func(program string) benefit.Amount
}

// increase returns the unrounded increase r proposes over env.level.
func increase(r *scenario.Rule, env *ruleEnv) benefit.Amount {
	switch r.Kind {
	case scenario.KindFixed:
		return *r.Amount
	case scenario.KindPercent:
		return env.level.MulRate(*r.Percent)
	case scenario.KindIndex:
		return env.level.MulRate(indexRate(r, env.wage, env.cpi))
	case scenario.KindCatchUp:
		target := env.floor
		if r.Margin != nil {
			target = target.Add(*r.Margin)
		}
		if target.Cmp(env.level) > 0 {
			return target.Sub(env.level)
		}
		return benefit.Amount{}
	case scenario.KindPassThrough:
		return env.floor.Sub(env.prevFloor)
	case scenario.KindShare:
		return env.refs(r.Of).MulRate(shareIn(r, env.years)).Sub(env.level)
	case scenario.KindSum:
		var s benefit.Amount
		for i := range r.Parts {
			s = s.Add(increase(&r.Parts[i], env))
		}
		return s
	}
	return benefit.Amount{}
}

// indexRate returns an index rule's w_wage × wage + w_cpi × CPI + offset.
func indexRate(r *scenario.Rule, wage, cpi benefit.Rate) benefit.Rate {
	var g benefit.Rate
	if r.WageWeight != nil {
		g = g.Add(r.WageWeight.Mul(wage))
	}
	if r.CPIWeight != nil {
		g = g.Add(r.CPIWeight.Mul(cpi))
	}
	if r.Offset != nil {
		g = g.Add(*r.Offset)
	}
	return g
}

// levelRate returns the part of the rule's increase that is a rate of
// the current level: its percent parts plus its index parts for the
// given wage growth and CPI. The rest (fixed, catch-up, pass-through)
// does not depend on the level's size above the floor.
func levelRate(r *scenario.Rule, wage, cpi benefit.Rate) benefit.Rate {
	switch r.Kind {
	case scenario.KindPercent:
		return *r.Percent
	case scenario.KindIndex:
		return indexRate(r, wage, cpi)
	case scenario.KindSum:
		var g benefit.Rate
		for i := range r.Parts {
			g = g.Add(levelRate(&r.Parts[i], wage, cpi))
		}
		return g
	}
	return benefit.Rate{}
}

// shareIn returns a share rule's share k years after the base year:
// From + k × Step, never past Target (nor, when From is already past
// it, beyond From).
func shareIn(r *scenario.Rule, k int) benefit.Rate {
	s := r.From.Add(r.Step.MulInt(int64(k)))
	if t := *r.Target; s.Cmp(t) > 0 {
		if r.From.Cmp(t) > 0 {
			return *r.From
		}
		return t
	}
	return s
}

// shares calls f with the reference of every share rule in r.
func shares(r *scenario.Rule, f func(of, path string), path string) {
	switch r.Kind {
	case scenario.KindShare:
		f(r.Of, path+".of")
	case scenario.KindSum:
		for i := range r.Parts {
			shares(&r.Parts[i], f, fmt.Sprintf("%s.parts[%d]", path, i))
		}
	}
}
