package scenario

import "github.com/benefitstd/benefitstd/benefit"

// A Fund is the social-insurance fund that pays a programme in a region
// (失业保险基金 for the unemployment benefit, 失业保险条例 第十条): what it
// holds at the end of the base year and what flows in and out besides
// the benefit.
type Fund struct {
	// Balance is the accumulated balance (累计结余) at the end of the
	// base year, 元.
	Balance benefit.Amount `json:"balance"`
	// Inflow is the year's income (contributions, interest, transfers
	// in), 元 in the base year; each simulated year it grows by
	// InflowGrowth (0 % when nil), rounded half-up to the fen.
	Inflow       benefit.Amount `json:"inflow"`
	InflowGrowth *benefit.Rate  `json:"inflow_growth,omitempty"`
	// Other is the yearly outflow besides the benefit (稳岗返还, 技能提升
	// 补贴, the recipients' medical insurance), 元, the same every year.
	Other benefit.Amount `json:"other,omitzero"`
}

// A FundReserve is the fund constraint (基金支付能力, 在确保基金运行安全
// 前提下): at the end of each year the fund still holds Months months of
// the year's benefits. For level x paid to n persons a month from
// January it is
//
//	balance + inflow − other − 12·n·x ≥ Months·n·x
//	⇔  (12 + Months)·n·x ≤ balance + inflow − other
//
// solved exactly on the rounding grid: the largest level k·u with
// (12 + Months)·n·u·k ≤ balance + inflow − other. With a later effective
// month m the year pays last year's level for m − 1 months and x for
// 13 − m, and the same holds with those months. Months 0 keeps the
// balance from going below zero. When even the hard lower bound (the
// floor, 低保, the current level) breaks it, the year is infeasible and
// adjust.RegionYear.Transfer is the money the fund would need from outside
// (调剂金, 财政补贴), which the closing balance then includes.
//
// It applies to a monthly programme paid from a fund (region.PayerFund)
// whose regions all give their Fund, and not beside a central subsidy.
type FundReserve struct {
	Months int `json:"months"`
}

// maxReserveMonths bounds FundReserve.Months.
const maxReserveMonths = 1200

// A NationalCap caps each region's average increase of retirees' basic
// pensions at the national overall level of the year (全国总体调整水平;
// each province takes it as its upper limit, 以全国调整比例为高限, the 2023
// notice): the new level at most last year's × (1 + the national rate),
// rounded down to the grid. A level is the province's 月人均基本养老金.
//
// The national rates are package plan's (plan.NationalAdjustments: 2016-2025,
// each with its source, legislated); Rates gives those of later years,
// which the run marks projected. A year the library ships may not be
// given again, and a simulated year with neither is an error wrapping
// ErrMissingAssumption.
type NationalCap struct {
	Rates []YearRate `json:"rates,omitempty"`
}

// A YearRate is a rate of one year.
type YearRate struct {
	Year int          `json:"year"`
	Rate benefit.Rate `json:"rate"`
}

// A RegionPlan applies a provincial adjustment plan (package plan) to
// the region's retirees person by person in the first simulated year,
// so that the region's cost of that year is the exact sum of the
// per-person increases (Σ Δ_i, 12 times a year) rather than beneficiaries
// × an average. The plan's year (its Effective month) must be the first
// simulated year and its region the region.
//
// The population is the region's retirees at the end of the base year:
// Population gives an ILLUSTRATIVE synthetic one (plan.Synthetic), or
// adjust.Options.Populations one of the caller's (plan.NewPopulation over a
// CSV file or Go values); exactly one of them. The region's
// beneficiaries and base-year level then come from it (the eligible
// retirees and their average pension, rounded half-up to the fen), so
// the scenario leaves them zero; the years after the plan's go on from
// the eligible count and the new average, rounded half-up to the fen.
type RegionPlan struct {
	// ID names a plan shipped with package plan ("shanghai-2024",
	// plan.Builtins).
	ID         string               `json:"id"`
	Population *SyntheticPopulation `json:"population,omitempty"`
}

// A SyntheticPopulation is plan.Synthetic(Seed, Retirees, the plan's
// RetiredBy): generated, ILLUSTRATIVE retirees, the same for the same
// seed.
type SyntheticPopulation struct {
	Seed     uint64 `json:"seed"`
	Retirees int    `json:"retirees"`
}
