package floor

import (
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// Options configure a Check. The zero Options check every level against
// Default() floors, with region.Default() and benefit.DefaultCatalogue(),
// over the whole timeline of the levels, with no waivers, no
// pass-through rule, no expectations and no interest.
type Options struct {
	// From and To bound the months checked: [From, To). A zero From
	// starts at the first month of any level; a zero To leaves the window
	// open (a finding in the last interval then has no end).
	From, To benefit.Month

	// AsOf is the month the check is made as of (截至月份): the last
	// month whose arrears are counted, inclusive; a waiver whose Expiry
	// is at or before it has expired; a local figure is stale when its
	// update was due by it. Zero: To − 1. With an open window (To zero)
	// there is no default: a shortfall that is still running has no
	// month to count its arrears to, and Check returns an error wrapping
	// ErrNoAsOf rather than a finding without arrears. The library never
	// reads the clock; `benefitstd check --as-of` defaults to the current
	// month.
	AsOf benefit.Month

	Floors    *Set               // nil: Default()
	Regions   *region.Table      // nil: region.Default()
	Catalogue *benefit.Catalogue // nil: benefit.DefaultCatalogue(); build Floors with the same one (Load, NewSet)
	Waivers   []Waiver

	// Expect lists the levels that should have been given (应发尽发、应保尽保):
	// each expectation the levels do not meet is a finding of rule
	// "missing" (RuleMissing), so that a bureau learns which regions did
	// not report. See Expectation and ReadExpectations.
	Expect []Expectation

	// PassThrough turns on rule 4: when a national floor rises by Δ, a
	// level above it must rise by at least Δ from the same month. Off by
	// default: 人社部发〔2015〕5号 states it for the 2014 step of the
	// residents' pension ("此次增加的基础养老金金额，不得冲抵或替代各地自行提高的基础养老金");
	// that it holds for every raise is the library's reading.
	PassThrough bool

	// ProvisionalSeverity is the severity of a shortfall against a floor
	// version whose status is provisional (待核实, e.g. the 2022-2023
	// residents' pension steps). Zero: Warning, so that an unverified
	// figure cannot by itself establish a violation.
	ProvisionalSeverity Severity

	// UncheckedSeverity is the severity of an unchecked finding (未核验):
	// a rule that applies to a level but could not be evaluated (no floor
	// for its dimension values, no reference figure, no floor known after
	// a date, no amount to check). Zero: Warning, so that
	// `benefitstd check --fail-on warning` fails on it; Violation makes a
	// pipeline fail on anything unchecked.
	UncheckedSeverity Severity

	// MissingSeverity is the severity of a "missing" finding (an
	// expectation of Expect that no level meets). Zero: Warning.
	MissingSeverity Severity

	// InterestPerMonth, when not zero, adds simple interest on arrears
	// at this rate per month of delay, from each month owed until PaidIn.
	// No statute sets interest on benefit arrears (社会保险法 第八十六条's
	// 0.05 %/day applies to late contributions only), so it is off by
	// default.
	InterestPerMonth benefit.Rate
	// PaidIn is the month arrears are paid, for interest. Zero: AsOf + 1
	// (To, when AsOf is To − 1).
	PaidIn benefit.Month

	// FindingsOnly makes a report of the findings and the Summary only,
	// for a caller that reads nothing else (package adjust checks every
	// simulated level so): Report.Checked, Coverage and Effects are left
	// nil, and what only they need is not computed. The findings and the
	// Summary are those of the same check without it. Off by default:
	// the zero Options make the whole report.
	FindingsOnly bool
}
