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
// # Shipped scenarios (内置情景)
//
// Builtins lists the scenarios shipped with the library, at least one per
// domain, and Builtin finds one by name: "residents-pension" is the
// default scenario. Each BuiltinScenario gives its domain, a one-line
// description, its Kind (how it runs) and its Figures: which groups of
// figures are real, with their sources and confidence marks, and which
// are illustrative (示意). adjust/data/builtins.json lists them, one file
// each under adjust/data; `benefitstd simulate --list` shows them and
// `--scenario builtin:NAME` runs one. A KindScenario is a Scenario
// (BuiltinScenario.Scenario); a KindColumns runs every column of a
// national table with beneficiary counts per region and column (package
// adjust/columns: "veterans", the disability pensions by grade and
// cause). "veterans-ill-returned" is the 带病回乡 allowance with its
// least raise and ceiling, "unemployment" the unemployment benefit
// toward 90 % of the minimum wage inside 失业保险条例 第十八条, paid from
// the fund, and "retirees" the retirees' pensions: the 2024 provincial
// plans applied person by person, then capped by the national level.
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
// them. A region may also give its own reference figures (References:
// the minimum wage, 低保), the fund that pays it (Fund), a central
// subsidy (CentralSubsidy) and a plan applied person by person (Plan);
// see the sections on the unemployment benefit and the retirees'
// pensions below.
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
// carry the status benefit.Projected wherever they are shown. A
// programme that has no national floor in the floor set (the
// unemployment benefit, the retirees' pensions) leaves "floor" out: each
// year's floor is then zero with the status unknown, the run record's
// floors say "none", and the text rendering shows no floor.
//
// National tables (the veterans' disability pensions by grade and cause,
// the survivors' pensions by category) are projected year by year with
// the scenario's "tables" (floor.Projection, applied by
// floor.Set.Project): a raise per column, given as a rate or an amount
// under a dimension pattern ("cause=因战", "cause=因公;grade=7"), rounded by
// the programme's rule (half-up to 10 yuan), from the last shipped table
// ("through" projects from an earlier one: the 2021-08 table raised
// +9/8/7 % gives the shipped 2022-08 table exactly). The projected
// versions are marked projected; the floor path, the ceiling and the
// floor check read them.
//
// # Months (按月计算)
//
// Each year's new level takes effect in the scenario's effective month
// ("effective_month", 1-12; January when left out, as the pension
// notices do; 8 for the veterans' standards, raised every 1 August) and
// is paid until the month before it next year: the months before it pay
// last year's level. The national floor changes in the months of its
// path (a history version's month; projected versions each January, or
// in the path's "month"). Costs, their central and local shares and the
// floor check's arrears are summed month by month, and the yearly
// figure is the exact sum: a floor that rises from 100 to 110 in July,
// followed by the level from July, costs 1,000 beneficiaries
// 1,000 × (6 × 100 + 6 × 110) = 1,260,000.00 that year. The floor a
// year's level must keep is the highest in force from its effective
// month to December (for January, the highest in any month of the year);
// a level raised later than the floor leaves months below it, which the
// floor check reports with what is owed.
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
// offset), catch_up (margin), pass_through, sum (parts), share (of,
// from, step, target). Projection kinds: step (step), index
// (wage_weight, cpi_weight, offset), hold. Cap bases: revenue,
// revenue_growth. "allow_cuts": true turns off the no-cut constraint;
// "min_raise" and "ceiling" ({"program", "dims"}) are the least raise
// and the ceiling; "fund" ({"months"}) and "national_rate"
// ({"rates": [{"year", "rate"}]}) are the fund's reserve and the
// national overall level; "illustrative": true marks made-up figures.
// "effective_month", "tables" and "cost_rules" are described below.
//
// # The unemployment benefit (失业保险金)
//
// The unemployment benefit has no national floor: 失业保险条例 第十八条
// keeps it strictly above the city 低保 and strictly below the minimum
// wage, both the region's own figures, and 人社部发〔2017〕71号 asks that it
// rise step by step to 90 % of the minimum wage. A region gives the
// figures as References (floor.Reference), keyed by programme ("reference.min_wage",
// "reference.dibao_urban"): a history of versions, each with its status
// and source (a figure marked [M] or [C] is never legislated), then a
// floor.Revision every so many months by a rate (rounded by the reference
// programme's rounding, whole yuan) or an amount, marked projected. The
// minimum wage is revised at least every 24 months (最低工资规定 第十条,
// the floor set's cadence): a revision every_months longer than the
// cadence is refused, and it defaults to it.
//
//	"references": {
//	  "reference.min_wage": {"dims": "tier=1", "history": [
//	      {"from": "2025-09", "amount": "2540", "status": "announced", "citation": {…}}],
//	    "revision": {"rate": "5%"}},
//	  "reference.dibao_urban": {"history": [{"from": "2021-07", "amount": "1245", "status": "announced"}],
//	    "revision": {"every_months": 12, "rate": "4%"}}},
//	"fund": {"balance": "6000000000", "inflow": "1600000000", "inflow_growth": "3%", "other": "300000000"}
//
// The relative rules of the floor set (Options.Floors) that bound the
// programme with severity violation by a reference figure
// (ui.art18.above_dibao, ui.art18.below_min_wage,
// ui.art47.not_below_dibao) are hard bounds of the solve, each region
// must give the figures they read, and each region-year lists them
// (RegionYear.Bounds) with the figure (the highest in force over the
// twelve months of the year's level for a lower bound, the lowest for an
// upper one) and the level on the grid it allows: strictly below a
// minimum wage of 2,540 is 2,539 on a grid of yuan, 2,539.99 on a grid
// of fen. An upper bound of the law wins over no cut (a benefit equal to
// the minimum wage is cut to below it); a lower bound above an upper one
// leaves no lawful level and is an error. The binding names the rule
// ("ui.art18.below_min_wage"). The share rule (KindShare) proposes
// From + Step × years since the base year, never past Target, of the
// figure in force in the effective month. The run's floor check is given
// the reference figures as levels, so that the relative rules (and the
// advisory ui.target90) are evaluated on the figures the run used, and
// their cadence too.
//
// The payer is the fund (region.PayerFund: 失业保险基金, 失业保险条例 第十条),
// so fiscal capacity is the fund's balance and inflow, not a budget:
// a fiscal cap on a fund-paid programme is refused, and
// Constraints.Fund (FundReserve) keeps Months months of the year's
// benefits in the fund at the end of each year: balance + inflow −
// other − the year's benefits ≥ Months × the monthly benefits. It is
// solved exactly, as the fiscal cap is: with the year's cost line
// per·x + fixed (12·n·x from January), the largest grid level with
// per·x + fixed + Months·n·x ≤ balance + inflow − other is one integer
// division (binding "fund"). When even the hard bound breaks it the year
// is infeasible and the transfer is what the fund lacks; the closing
// balance includes it. RegionYear.Fund gives the year: opening, inflow,
// benefits, other, transfer, closing and the whole months of benefits
// the closing balance pays (基金可支付月数).
//
// # The retirees' pensions (基本养老金)
//
// A region's level is the average monthly basic pension of its retirees
// (月人均基本养老金, on the catalogue's grid of fen) and a rule such as
// percent is the province's average adjustment. Constraints.NationalRate
// (NationalCap) caps it at the national overall level of the year
// (以全国调整比例为高限, the 2023 notice): at most last year's level ×
// (1 + the national rate), rounded down to the grid (binding
// "national_rate"). The rates 2016-2025 are package plan's
// (plan.NationalAdjustments, legislated, with their sources); later years are
// given in the scenario and marked projected; a year with neither is an
// error. The pension fund pays (region.PayerFund); CentralSubsidy is the
// share of the cost of each year's increase the centre pays into it
// (中央财政补助), as data: Cost.Central is that subsidy, half-up to the
// fen, and RegionYear.Retirees.IncreaseCost the cost of the increase.
//
// A region's Plan (RegionPlan) applies a provincial plan shipped with
// package plan to its retirees person by person in the first simulated
// year: a synthetic population given in the scenario
// ({"id": "shanghai-2024", "population": {"seed": 1, "retirees": 20000}},
// ILLUSTRATIVE) or the caller's own (Options.Populations, a
// plan.Population read from CSV or Go values). The region's retirees and
// base-year average then come from the population, and the year's cost
// is 12 × the new total and the cost of the increase 12 × the sum of the
// per-person increases, exactly: the region-level cost and the
// person-level plan agree to the fen on the same population.
// RegionYear.Retirees.Plan is the plan's summary, and Exceeds says its
// aggregate increase is above the national level. The years after go on
// from the eligible count and the new average, rounded half-up to the
// fen. Package adjust imports package plan for these two (the national
// levels and the plans): plan stands beside floor, below adjust, and
// imports nothing of adjust's.
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
//   - relative bounds (hard): the floor set's bounds by the region's
//     reference figures (失业保险条例 第十八条), the upper ones winning over
//     no cut;
//   - maximum step, in yuan or percent of the current level;
//   - the national overall level of retirees' pensions (NationalCap);
//   - fiscal cap: the local share of the yearly cost at most a percent of
//     the year's revenue (OfRevenue), or its increase at most a percent of
//     the increase in revenue (OfRevenueGrowth); or, for a programme paid
//     from a fund, the fund's reserve (FundReserve);
//   - least raise (MinRaise, 每次提高不少于): a level that rises rises by at
//     least this much — a smaller proposed raise is lifted to it where the
//     caps allow and the level is held where they do not (binding
//     min_raise, or the cap that left no room); a raise the floor forces
//     is at least it;
//   - ceiling (Ceiling, 不高于): at most the national standard of another
//     programme's column in force in the year's effective month,
//     compared per year (12 × a monthly level against a yearly standard,
//     never the standard divided): the 带病回乡 allowance at most the
//     grade-10 disability pension, whose cause column is the scenario's
//     choice ("cause=因战;grade=10" as the shipped floor rule reads; the
//     source does not say).
//
// The step caps and the ceiling are rounded down to the grid and the
// hard bounds up to it. The fiscal cap is solved over whole grid steps by one exact solver
// in integer fen: at or above the floor the centre's share is the same
// for every level (it pays none of the top-up, as in every cost rule the
// library ships), so the local share of level k·u is per·u·k − central
// and the largest level within the cap is ⌊(cap + central) ÷ (per·u)⌋
// steps, per the person-periods of the year (for a level from a later
// month, the months before it are a fixed cost added first). No search,
// floating-point or other, is made. A fiscal cap under a cost rule in which the centre
// pays part of the top-up is refused (errors.ErrUnsupported, field
// "constraints.fiscal_cap"). Where every figure is whole fen and fits an
// int64 (the usual case) and no least raise or ceiling is set, a
// region's years run on an integer kernel, on
// the library's exact fixed-point core (products by rates formed in 128
// bits); it gives way to the decimal Amount path otherwise, which calls
// the same solver, and both give the same bytes. A scenario with
// reference figures, relative bounds, a fund, a national rate, a plan or
// no national floor runs on the decimal path.
// RegionYear.Binding names the constraint that set the level (or
// "none"). When even the hard bound costs the locality more than the
// cap, the year is infeasible: the level is set to the hard bound,
// RegionYear.Infeasible is set and RegionYear.Transfer is the extra
// transfer (转移支付) that would close the gap, exactly local − cap.
//
// # Who pays
//
// The split is data (region.CostRule: a central share per fiscal tier of
// the part up to the national floor and of the top-up above it, with
// its source): the region table's rules (region/data/fiscal.json, or
// Options.Regions with rules added by region.Table.WithCostRules or read
// by region.ReadCostRules, `benefitstd simulate --cost-rules FILE`), and
// on top of them the scenario's own ("cost_rules"), for any programme.
//
// The yearly cost of a level x for n persons is 12·n·x for a monthly
// programme (n·x for a yearly one) when x is paid all year, and in
// general the sum over the months of what each month pays, split by
// region.Table.Split with the part up to each month's national floor as
// the floor part: for 城乡居民基础养老金
// the centre pays 100 % of the floor part in fiscal tiers 1-2 and 50 %
// elsewhere, and nothing of the local top-up (国办发〔2018〕6号). A
// programme paid from a fund (region.Table.Payer: the unemployment
// benefit, the retirees' pensions) has no central share; Local is what
// the fund pays, less any central subsidy (Central). Central + local =
// total exactly in every region-year, and the national totals of a year
// are the exact sums of the regional figures.
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
//     a central subsidy's share of the cost of an increase: half-up to
//     the fen;
//   - a reference figure's revision by a rate: the reference programme's
//     rounding (whole yuan for the minimum wage and 低保); a fund's inflow,
//     grown by inflow_growth: half-up to the fen;
//   - the average pension before and after a plan's year: half-up to the
//     grid (display, and the level the years after start from);
//   - the yearly cost of a yearly standard that changes within the year
//     (a twelfth a month): its total and floor part, each half-up to the
//     fen, once a region-year;
//   - RegionYear.Burden: half-up to 0.0001 %; YearSummary.MeanLevel:
//     half-up to the fen;
//   - text renderings only: costs in 万元 or 亿元, half-up to 0.01 of the
//     unit (CSV and JSON carry exact yuan).
//
// Costs (12·n·x, or the sum of the months), local shares, transfers,
// headroom, differences and totals are exact. The equalisation statistics are float64 (below).
//
// # Results
//
// A Result is plain data with exported fields: Years (the national
// totals per year) and Rows (the region-years, by region code then
// year), with Region and Get to look up one region. Package output renders it (and package adjust/compare's
// SweepResult and Comparison) as text (the national totals per year, then one row per
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
// Options.Floors; floor.Check itself for a programme without a national
// floor, which then reports each level unchecked for want of a floor
// wherever no relative rule applies), unless Options.SkipFloorCheck,
// with the regions' reference figures among the levels; each
// floor.Finding is attached to the region-years its interval covers
// (RegionYear.Findings).
//
// Every Result carries a RunRecord: the SHA-256 of the scenario's
// canonical JSON (Scenario.Canonical: regions sorted by code, amounts
// and rates in canonical spelling), the engine Version, the catalogue
// and floor data versions, and whether the region table or the
// populations of plans were the caller's own. Two results with the same record are byte-for-byte equal
// (see RunRecord for the caller's own data).
//
// # Analyst work
//
// Package adjust/compare sets two results side by side and sweeps one
// parameter of a scenario over a list of values.
//
// # Concurrency and determinism
//
// Run takes a context.Context and stops when it is cancelled; it reports
// progress through Options.Progress. Regions run in parallel on at most
// Options.Workers goroutines (GOMAXPROCS by default, at most 16 ×
// GOMAXPROCS: past that a run is an error wrapping benefit.ErrRange) and are merged in
// region-code order, so the output is byte-identical whatever the worker
// count or GOMAXPROCS. Scenarios, results and the embedded data are not
// shared mutably; the package has no package-level mutable state.
//
// # Zero values
//
// The zero [Options] use the embedded catalogue, region table and floors
// on GOMAXPROCS workers. The zero [Constraints] keep the floor and forbid
// cuts, with no step or fiscal cap, no least raise and no ceiling. A
// zero Scenario.EffectiveMonth is January. A nil [Assumptions] field is "not
// given here" (the lookup falls through); a zero rate given is 0 %. The
// zero [Rule] and floor.Trend have no kind and are invalid (a scenario
// must name them); a floor path without a history starts from the
// shipped floors, or, for a programme without a national floor, is no
// floor at all. A nil [Fund],
// CentralSubsidy or [RegionPlan] is none; the zero [FundReserve] keeps
// the fund from going below zero; the zero [NationalCap] caps by the
// shipped national levels alone.
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
// region table does not know, such as the veterans' benefits, and the
// scenario's cost_rules do not give: field "program"),
// ErrMissingAssumption (also: a reference figure, fund or national rate
// a bound, rule or constraint reads and no region or year gives),
// benefit.ErrNoStatus (a reference version without a status),
// errors.ErrUnsupported (a fund constraint beside a central subsidy; a
// least raise or a ceiling in a scenario of the unemployment benefit or
// the retirees' pensions),
// plan.ErrUnknownPlan, or floor.ErrNoFloor (a floor path
// that does not reach the base year; a ceiling with no national
// standard: field "constraints.ceiling"). An effective month outside
// 1-12 wraps benefit.ErrRange, a bad table projection names
// "tables[i]." and the projection's field, a bad cost rule
// "cost_rules[i]". LoadScenario decodes
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
// The package's own sentinel is [ErrMissingAssumption]; every other
// condition is one of benefit's, region's, floor's or plan's.
package adjust
