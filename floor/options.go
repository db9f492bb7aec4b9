package floor

import (
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// Options configure a Check. The zero Options check every level against
// Default() floors, with region.Default() and benefit.DefaultCatalogue(),
// over the whole timeline of the levels, with no waivers, no
// pass-through rule and no interest.
type Options struct {
	// From and To bound the months checked: [From, To). A zero From
	// starts at the first month of any level; a zero To leaves the window
	// open (findings in the last interval then have no end and no
	// arrears).
	From, To benefit.Month

	// AsOf is the month the check is made in, for waiver expiry and the
	// staleness of national floors. Zero: To − 1, or, with an open
	// window, the latest version month of any level.
	AsOf benefit.Month

	Floors    *Set               // nil: Default()
	Regions   *region.Table      // nil: region.Default()
	Catalogue *benefit.Catalogue // nil: benefit.DefaultCatalogue(); build Floors with the same one (LoadWith, NewSetWith)
	Waivers   []Waiver

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

	// InterestPerMonth, when not zero, adds simple interest on arrears
	// at this rate per month of delay, from each month owed until PaidIn.
	// No statute sets interest on benefit arrears (社会保险法 第八十六条's
	// 0.05 %/day applies to late contributions only), so it is off by
	// default.
	InterestPerMonth benefit.Rate
	// PaidIn is the month arrears are paid, for interest. Zero: To, or
	// AsOf + 1.
	PaidIn benefit.Month
}
