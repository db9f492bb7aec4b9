package adjust

import (
	"fmt"

	"github.com/benefitstd/benefitstd/benefit"
)

// A FloorPath is the national floor (国家基础标准) over the scenario's
// years: a history of published versions, then a projection rule for the
// years after the last one.
//
// When History is empty the shipped floor history of the programme is
// used (floor.Default), cut after ShippedThrough when that is set, so a
// scenario can leave out a figure it does not trust (the 2026 residents'
// floor, say). Projected years are marked benefit.Projected. Every
// History version must state its Status: the zero Status (unknown) is
// an error (benefit.ErrNoStatus), in Go as in JSON.
type FloorPath struct {
	History        []benefit.Version `json:"history,omitempty"`
	ShippedThrough int               `json:"shipped_through,omitempty"`
	Projection     Projection        `json:"projection"`
}

// A ProjectionKind names how the floor is projected.
type ProjectionKind string

const (
	// ProjectStep adds Step yuan each year (the residents' floor rose
	// +20 in 2024 and 2025).
	ProjectStep ProjectionKind = "step"
	// ProjectIndex multiplies last year's floor by
	// 1 + WageWeight × wage growth + CPIWeight × CPI + Offset, with the
	// scenario-wide assumptions, rounded by the programme's rounding, and
	// never lower than last year's (policy-reference §10).
	ProjectIndex ProjectionKind = "index"
	// ProjectHold keeps the last floor.
	ProjectHold ProjectionKind = "hold"
)

// A Projection extends the floor beyond its history.
type Projection struct {
	Kind       ProjectionKind  `json:"kind"`
	Step       *benefit.Amount `json:"step,omitempty"`
	WageWeight *benefit.Rate   `json:"wage_weight,omitempty"`
	CPIWeight  *benefit.Rate   `json:"cpi_weight,omitempty"`
	Offset     *benefit.Rate   `json:"offset,omitempty"`
}

// StepProjection returns the projection "+step a year".
func StepProjection(step benefit.Amount) Projection {
	return Projection{Kind: ProjectStep, Step: &step}
}

func (p *Projection) validate() error {
	f := func(field, msg string, err error) error {
		return &benefit.RecordError{Field: "floor.projection." + field, Err: fmt.Errorf("%w: %s", err, msg)}
	}
	switch p.Kind {
	case ProjectStep:
		if p.Step == nil {
			return f("step", "a step projection needs a step", benefit.ErrSyntax)
		}
		if p.Step.Sign() < 0 {
			return f("step", p.Step.String(), benefit.ErrNegative)
		}
		if p.WageWeight != nil || p.CPIWeight != nil || p.Offset != nil {
			return f("kind", "a step projection takes only step", benefit.ErrSyntax)
		}
	case ProjectIndex:
		if p.Step != nil {
			return f("step", "an index projection has no step", benefit.ErrSyntax)
		}
		if p.WageWeight == nil && p.CPIWeight == nil && p.Offset == nil {
			return f("wage_weight", "an index projection needs wage_weight, cpi_weight or offset", benefit.ErrSyntax)
		}
	case ProjectHold:
		if p.Step != nil || p.WageWeight != nil || p.CPIWeight != nil || p.Offset != nil {
			return f("kind", "a hold projection takes no parameters", benefit.ErrSyntax)
		}
	default:
		return f("kind", fmt.Sprintf("unknown projection %q (want step, index or hold)", p.Kind), benefit.ErrSyntax)
	}
	return nil
}

// String describes the projection in one line: "+20.00 a year", the
// index rule as Rule.String gives it, "hold", or the kind as given.
func (p *Projection) String() string {
	switch p.Kind {
	case ProjectStep:
		return "+" + amt(p.Step) + " a year"
	case ProjectIndex:
		r := Rule{Kind: KindIndex, WageWeight: p.WageWeight, CPIWeight: p.CPIWeight, Offset: p.Offset}
		return r.String()
	}
	return string(p.Kind)
}

// A FloorYear is the national floor of one simulated year: the highest
// amount in force in any month of the year, with that version's status
// and source.
type FloorYear struct {
	Year     int              `json:"year"`
	Amount   benefit.Amount   `json:"amount"`
	Status   benefit.Status   `json:"status"`
	Citation benefit.Citation `json:"citation,omitzero"`
}
