// Package adjust simulates the periodic adjustment (常态化动态调整) of a
// benefit level region by region and year by year, under economic
// assumptions and fiscal capacity (在充分考虑经济发展状况和财政负担能力的
// 基础上), with exact decimal arithmetic throughout.
//
// An analyst writes a Scenario — pure data, read from strict JSON or
// built as a Go value — and Run returns a Result: for every region and
// year the new level, the rule that proposed it, the constraint that
// bound it, its cost and who pays, the local burden, the headroom above
// the national floor and the floor check's findings; for every year the
// national totals and how unequal the levels are across regions.
//
//	s, err := adjust.LoadScenario(f, "scenario.json", adjust.Options{})
//	r, err := adjust.Run(ctx, s, adjust.Options{})
//	text, err := output.New(output.FormatText, os.Stdout, output.Options{})
//	err = text.Render(r)
//
// The command `benefitstd simulate` does the same from the shell and, with
// no --scenario, runs the embedded ILLUSTRATIVE default (DefaultScenario).
//
// # Scenario
//
// A scenario names the programme (its rounding comes from the benefit
// catalogue), the first year and the horizon (1-100 years), and for each
// region (GB/T 2260 code) the beneficiaries (领取人数) and the level of
// the base year (the year before the first), its general budget revenue
// (一般公共预算收入) and own assumptions. Assumptions — GDP growth, CPI
// (居民消费价格), average wage growth (职工平均工资增长), revenue growth,
// beneficiary growth — are looked up for a region and year in this order:
// the region's value for the year, the region's default, the scenario's
// value for the year, the scenario's default. A rule that reads an
// assumption no source gives is an error (ErrMissingAssumption);
// beneficiary and revenue growth default to 0 % unless a constraint needs
// them.
//
// The national floor path (国家基础标准, Scenario.Floor) is a floor.Path,
// which package floor resolves (floor.Path.Project): the shipped floor
// history (floor.Default, or Options.Floors; ShippedThrough can leave out
// later versions), or a history given in the scenario (each version with
// its status: a version without one is an error wrapping
// benefit.ErrNoStatus, never read as legislated), then a trend for the
// years after it: +N yuan a year (floor.TrendStep), indexation to the
// scenario-wide wage growth and CPI (floor.TrendIndex, rounded by the
// scenario's rounding, never below last year's) or hold. Projected years
// carry the status benefit.Projected wherever they are shown. The floor
// of a year is the highest amount in force in any of its months.
//
// A scenario file looks like this (`benefitstd simulate --print-default`
// prints the full default; adjust/testdata/worked-infeasible.json is the
// worked example of an infeasible year):
//
//	{
//	  "name": "a sketch: one province, three years",
//	  "program": "pension.resident.basic",
//	  "start_year": 2025, "horizon": 3,
//	  "assumptions": {"cpi": "2%", "wage_growth": "5%", "revenue_growth": "3%"},
//	  "years": [{"year": 2026, "cpi": "1.5%"}],
//	  "regions": [
//	    {"code": "370000", "beneficiaries": 1000, "level": "143", "revenue": "100000000",
//	     "years": [{"year": 2027, "beneficiary_growth": "2%"}]}
//	  ],
//	  "floor": {"shipped_through": 2025, "projection": {"kind": "step", "step": "20"}},
//	  "rule": {"kind": "sum", "parts": [{"kind": "pass_through"}, {"kind": "percent", "percent": "1%"}]},
//	  "constraints": {"max_step": "30", "fiscal_cap": {"basis": "revenue", "percent": "1%"}}
//	}
//
// Amounts and rates are strings ("143", "1.5%", "0.015"); numbers in
// exponent form, unknown fields and trailing data are errors. Rule kinds:
// fixed (amount), percent (percent), index (wage_weight, cpi_weight,
// offset), catch_up (margin), pass_through, sum (parts). Projection
// kinds: step (step), index (wage_weight, cpi_weight, offset), hold.
// Cap bases: revenue, revenue_growth. "allow_cuts": true turns off the
// no-cut constraint; "illustrative": true marks made-up figures.
//
// # Rules (调整办法)
//
// A rule proposes the new level as the current level plus an increase:
// a fixed amount (定额调整), a percentage of the current level (按比例调整),
// indexation w_wage × wage growth + w_cpi × CPI (+ offset) of the current
// level (挂钩调整, 社会保险法 第十八条), catch-up to the new national floor
// plus a margin (追赶), pass-through of the national increase (同步提高:
// the increase is not to replace a local top-up, 人社部发〔2015〕5号), or
// the sum of these. The proposal is rounded
// once, by the programme's rounding (the residents' pension: half-up to
// the yuan). A region's level is one figure for all its beneficiaries, so
// there are no tilts (适当倾斜) by age or group here; package
// [github.com/benefitstd/benefitstd/plan] costs retirees' pension
// plans, whose parts include them.
//
// # Constraints and the exact solve
//
// Levels live on the rounding grid (multiples of the rounding unit). For
// each region and year Run takes the largest level on the grid that is
// at most the proposal and keeps every constraint:
//
//   - floor (hard): never below the year's national floor;
//   - no cut (hard unless Constraints.AllowCuts): never below last year;
//   - maximum step, in yuan or percent of the current level;
//   - fiscal cap: the local share of the yearly cost at most a percent of
//     the year's revenue (OfRevenue), or its increase at most a percent of
//     the increase in revenue (OfRevenueGrowth).
//
// The step caps are rounded down to the grid and the hard bounds up to
// it. The fiscal cap is solved over whole grid steps by one exact solver
// in integer fen: at or above the floor the centre's share is the same
// for every level (it pays none of the top-up, as in every cost rule the
// library ships), so the local share of level k·u is per·u·k − central
// and the largest level within the cap is ⌊(cap + central) ÷ (per·u)⌋
// steps, per the person-periods of the year. No search, floating-point
// or other, is made. A fiscal cap under a cost rule in which the centre
// pays part of the top-up is refused (errors.ErrUnsupported, field
// "constraints.fiscal_cap"). Where every figure is whole fen and fits an
// int64 (the usual case) a region's years run on an integer kernel, on
// the library's exact fixed-point core (products by rates formed in 128
// bits); it gives way to the decimal Amount path otherwise, which calls
// the same solver, and both give the same bytes.
// RegionYear.Binding names the constraint that set the level (or
// "none"). When even the hard bound costs the locality more than the
// cap, the year is infeasible: the level is set to the hard bound,
// RegionYear.Infeasible is set and RegionYear.Transfer is the extra
// transfer (转移支付) that would close the gap, exactly local − cap.
//
// # Who pays
//
// The yearly cost of a level x for n persons is 12·n·x for a monthly
// programme (n·x for a yearly one), split by region.Table.Split with the
// part up to the national floor as the floor part: for 城乡居民基础养老金
// the centre pays 100 % of the floor part in fiscal tiers 1-2 and 50 %
// elsewhere, and nothing of the local top-up (国办发〔2018〕6号). Central +
// local = total exactly in every region-year, and the national totals
// of a year are the exact sums of the regional figures.
//
// # Exactness and rounding
//
// Amounts and rates are exact decimals (benefit.Amount, benefit.Rate);
// no money passes through float64. Each rounding is named where it
// happens:
//
//   - the proposal and an index projection of the floor: the programme's
//     Rounding (or Scenario.Rounding), once per year;
//   - the constraints: step caps down to the grid, hard bounds up to it,
//     the fiscal cap (RegionYear.Cap) down to the fen;
//   - each year's revenue, grown by revenue_growth: half-up to the fen;
//     beneficiaries, grown by beneficiary_growth: half-up to a person;
//   - the central share of a cost: half-up to the fen (region.Table.Split);
//   - RegionYear.Burden: half-up to 0.0001 %; YearSummary.MeanLevel:
//     half-up to the fen;
//   - text renderings only: costs in 万元 or 亿元, half-up to 0.01 of the
//     unit (CSV and JSON carry exact yuan).
//
// Costs (12·n·x), local shares, transfers, headroom, differences and
// totals are exact. The equalisation statistics are float64 (below).
//
// # Results
//
// A Result is plain data with exported fields: Years (the national
// totals per year) and Rows (the region-years, by region code then
// year), with Region and Get to look up one region. Package output renders it, a SweepResult and a
// Comparison as text (the national totals per year, then one row per
// region with its levels by year and the constraints that bound, or one
// row per region and year; costs in 亿元 or 万元 with thousands
// separators, for reading), CSV (exact yuan), JSON (the types' JSON
// tags) and, a Result, as an SVG chart. An illustrative scenario's text
// starts and ends with ILLUSTRATIVE. The equalisation
// statistics of a year — maximum/minimum ratio, coefficient of variation
// and population-weighted Gini of the levels — are computed in float64
// and are descriptive only; no amount is ever derived from them. Burden
// is an exact Rate rounded half-up to a ten-thousandth of a percent.
//
// The simulated levels are checked by package floor against the floor
// path (floor.Projected.Check: every rule of floor.Check, with the
// regional-agreement floors, relative rules and cadences of
// Options.Floors), unless Options.SkipFloorCheck; each floor.Finding is
// attached to the region-years its interval covers
// (RegionYear.Findings).
//
// Every Result carries a RunRecord: the SHA-256 of the scenario's
// canonical JSON (Scenario.Canonical: regions sorted by code, amounts
// and rates in canonical spelling), the engine Version, the catalogue
// and floor data versions, and whether the region table was the
// caller's own. Two results with the same record are byte-for-byte equal
// (see RunRecord for the caller's own data).
//
// # Analyst work
//
// Compare sets two results side by side (per region-year differences of
// level, cost and burden; per year differences of the totals). Sweep
// runs one parameter over a list of values and returns a SweepResult:
// the cost and the regions that go infeasible at each value. The
// parameter is a typed SweepParam holding its values (SweepRuleAmount,
// SweepRulePercent, SweepFiscalCapPercent, SweepMaxStepPercent,
// SweepFloorStep; InPart for a part of a sum rule); AmountRange builds
// an amount range. Both render as text,
// CSV and JSON like a Result.
//
// # Concurrency and determinism
//
// Run takes a context.Context and stops when it is cancelled; it reports
// progress through Options.Progress. Regions run in parallel on at most
// Options.Workers goroutines (GOMAXPROCS by default) and are merged in
// region-code order, so the output is byte-identical whatever the worker
// count or GOMAXPROCS. Scenarios, results and the embedded data are not
// shared mutably; the package has no package-level mutable state.
//
// # Zero values
//
// The zero [Options] use the embedded catalogue, region table and floors
// on GOMAXPROCS workers. The zero [Constraints] keep the floor and forbid
// cuts, with no step or fiscal cap. A nil [Assumptions] field is "not
// given here" (the lookup falls through); a zero rate given is 0 %. The
// zero [Rule] and floor.Trend have no kind and are invalid (a scenario
// must name them); a floor path without a history starts from the
// shipped floors.
// The zero [Scenario] is not valid: Validate says which field is missing.
//
// # Errors
//
// An invalid scenario is rejected before anything runs with a
// *benefit.RecordError whose Field is the JSON path of the bad value
// ("regions[3].beneficiaries", "horizon", "rule.parts[1].wage_weight"),
// wrapping a sentinel for errors.Is: benefit.ErrNegative, ErrRange,
// ErrSyntax, ErrUnknownProgram, ErrDimension, region.ErrInvalidCode,
// ErrUnknownRegion, ErrNoCostRule (a programme whose cost split the
// region table does not know, such as the veterans' benefits: field
// "program"), ErrMissingAssumption or floor.ErrNoFloor (a floor path
// that does not reach the base year). LoadScenario decodes
// strictly (an unknown, repeated or mis-cased name, invalid UTF-8 and
// trailing data are errors) within Options.Limits (benefit.Limits: a
// document of at most 256 MiB by default) and adds the file name, the
// line and the JSON pointer; a region code the table does not hold is bad input
// (region.ErrUnknownRegion), and LoadScenario validates against the
// Options' region table instead, one with historical divisions added
// (region.Table.WithDivisions). Growth rates below −100 % are rejected. A run whose rule or floor
// projection drives a level past the 15 integer digits of an amount, or
// whose beneficiary growth drives a count past MaxBeneficiaries, stops
// with the same kind of error, naming the rule, the projection or the
// growth assumption; nothing wraps around. A fiscal cap on a yearly cost
// beyond an int64 of fen (about 92 thousand trillion yuan) is refused
// with benefit.ErrRange (field "constraints.fiscal_cap"), not guessed. A
// cancelled run returns
// context.Cause of its context.
//
// Sweep reports a parameter the scenario cannot take (a rule part it
// does not have, a fiscal cap percent without a fiscal cap) as a
// *benefit.RecordError (Field: the parameter's JSON path) wrapping
// benefit.ErrSyntax, and a value that makes the scenario invalid with
// the parameter, the value and the run's error wrapped; AmountRange
// reports a non-positive step, a to below from or more
// than 10,000 values wrapping benefit.ErrRange. The package's own
// sentinel is [ErrMissingAssumption]; every other condition is one of
// benefit's, region's or floor's.
package adjust
