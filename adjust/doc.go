// Package adjust simulates the periodic adjustment (常态化动态调整) of a
// benefit level region by region and year by year, under economic
// assumptions and fiscal capacity (在充分考虑经济发展状况和财政负担能力的
// 基础上), with exact decimal arithmetic throughout.
//
// An analyst writes a scenario.Scenario — pure data, read from strict
// JSON or built as a Go value — and Run returns a Result: for every
// region and year the new level, the rule that proposed it, the
// constraint that bound it, its cost and who pays, the local burden, the
// headroom above the national floor and the floor check's findings; for
// every year the national totals and how unequal the levels are across
// regions.
//
//	s, err := adjust.LoadScenario(f, "scenario.json", adjust.Options{})
//	r, err := adjust.Run(ctx, s, adjust.Options{})
//	text, err := output.New(output.FormatText, os.Stdout, output.Options{})
//	err = text.Render(r)
//
// The command `benefitstd simulate` does the same from the shell and,
// with no --scenario, runs the shipped ILLUSTRATIVE residents' pension.
// Package compare compares results and sweeps a parameter; package
// columns runs one scenario per column of a national table.
//
// # Layout: the document and the engine
//
// Package scenario is the input document: the Scenario type, its rules
// and constraints, its canonical form and the shipped scenarios
// (scenario.Builtins), all pure data that the CLI, the HTTP service and
// api/openapi.yaml share. Package adjust is the engine that runs it:
// LoadScenario and Validate (the checks that need the catalogue, the
// floors and the engine, after scenario.Scenario.Check), Run and the
// Result, the rules' evaluation, the exact solve and the cost split. A
// change of the engine leaves the document alone, and a reader of the
// document needs none of the engine.
//
// # Months (按月计算)
//
// Each year's level takes effect in the scenario's EffectiveMonth
// (January when left out, as the pension notices do; 8 for the veterans'
// standards) and is paid until the month before it next year. The
// national floor changes in the months of its path. Costs, their shares
// and the floor check's arrears are summed month by month, exactly: a
// floor that rises from 100 to 110 in July, followed by the level from
// July, costs 1,000 beneficiaries 1,000 × (6 × 100 + 6 × 110) =
// 1,260,000.00 that year. The floor a year's level must keep is the
// highest in force from its effective month to December (for January,
// in any month of the year); a level raised later than the floor leaves
// months below it, which the floor check reports with what is owed.
//
// # Domains
//
// The residents' pension runs against its national floor (国家基础标准).
// The unemployment benefit (失业保险金) has none: 失业保险条例 第十八条 keeps
// it above the city 低保 and below the minimum wage, each region's own
// figures (scenario.Region.References, floor.Reference), and 人社部发〔2017〕71号
// asks that it rise to 90 % of the minimum wage (scenario.KindShare). The floor
// set's relative rules of severity violation (ui.art18.above_dibao,
// ui.art18.below_min_wage, ui.art47.not_below_dibao) are hard bounds of
// the solve (Bound), an upper bound winning over no cut; a lower bound
// above an upper one leaves no lawful level and is an error. It is paid
// from its fund (region.PayerFund, 失业保险条例 第十条): fiscal capacity is
// the fund's (scenario.Fund, scenario.FundReserve, FundYear), and a fiscal cap on it is
// refused. The run's floor check is given the reference figures as
// levels, so the relative rules, the advisory ui.target90 and the
// figures' cadence are checked on what the run used. The retirees'
// pensions (基本养老金): a level is the average monthly pension
// (月人均基本养老金), capped by the national overall level (scenario.NationalCap),
// paid by the pension fund with the centre's subsidy of the increase
// (scenario.Region.CentralSubsidy: Cost.Central, half-up to the fen), a provincial
// plan applied person by person in the first year (scenario.RegionPlan), its
// region-level cost and the person-level plan agreeing to the fen. A
// programme without a national floor leaves "floor" out: each year's
// floor is zero with the status unknown, the run record's floors say
// "none" and the text rendering shows no floor. Package adjust imports
// package plan for the national levels and the plans; plan imports
// nothing of adjust's.
//
// # Rules, constraints and the exact solve
//
// A scenario.Rule (调整办法) proposes the current level plus an increase, rounded
// once by the programme's rounding. A region's level is one figure for
// all its beneficiaries, so there are no tilts (适当倾斜) by age or group
// here; package [github.com/benefitstd/benefitstd/plan] costs retirees'
// plans, whose parts include them. Levels live on the rounding grid; for
// each region and year Run takes the largest level on the grid that is
// at most the proposal and keeps every constraint (scenario.Constraints): the
// floor and no cut (hard), the relative bounds, the step caps, the
// national rate, the fiscal cap or the fund's reserve, the least raise
// and the ceiling. Step caps and the ceiling are rounded down to the
// grid, hard bounds up. The fiscal cap is solved over whole grid steps
// by one exact solver in integer fen: at or above the floor the centre's
// share is the same for every level (it pays none of the top-up, as in
// every cost rule the library ships), so the local share of level k·u is
// per·u·k − central and the largest level within the cap is
// ⌊(cap + central) ÷ (per·u)⌋ steps (for a level from a later month the
// months before it are a fixed cost added first). No search,
// floating-point or other, is made; a fiscal cap under a cost rule in
// which the centre pays part of the top-up is refused
// (errors.ErrUnsupported, field "constraints.fiscal_cap"). Where every
// figure is whole fen and fits an int64 and no least raise, ceiling,
// reference figure, relative bound, fund, national rate or plan is set
// and a national floor is, a region's years run on an integer kernel (the
// library's exact fixed-point core, products by rates formed in 128
// bits); otherwise on the decimal Amount path, which calls the same
// solver, and both give the same bytes. RegionYear.Binding names the
// constraint that set the level. When even the hard bound costs more
// than the cap allows, the year is infeasible (RegionYear.Infeasible):
// the level is the hard bound and RegionYear.Transfer is the extra
// transfer (转移支付) that would close the gap, exactly local − cap.
//
// # Who pays
//
// The split is data (region.CostRule: a central share per fiscal tier of
// the part up to the national floor and of the top-up, with its source):
// the region table's rules (region/data/fiscal.json, Options.Regions,
// `benefitstd simulate --cost-rules FILE`) and the scenario's own
// (scenario.Scenario.CostRules). The yearly cost of level x for n persons is
// 12·n·x for a monthly programme (n·x for a yearly one) when x is paid
// all year, else the sum over the months, split by region.Table.Split
// with the part up to each month's national floor as the floor part:
// for 城乡居民基础养老金 the centre pays 100 % of the floor part in fiscal
// tiers 1-2 and 50 % elsewhere, and nothing of the local top-up
// (国办发〔2018〕6号). A fund-paid programme has no central share: Local is
// what the fund pays, less any central subsidy. Central + local = total
// exactly in every region-year, and a year's national totals are the
// exact sums of the regional figures.
//
// # Exactness and rounding
//
// Amounts and rates are exact (benefit.Amount, benefit.Rate); no money
// passes through float64. Each rounding is named where it happens: the
// proposal and an index projection of the floor by the programme's
// Rounding (or scenario.Scenario.Rounding), once a year; step caps down to the
// grid, hard bounds up, the fiscal cap (RegionYear.Cap) down to the fen;
// grown revenue and a fund's grown inflow half-up to the fen, grown
// beneficiaries half-up to a person; the central share of a cost and a
// subsidy's share of an increase half-up to the fen; a reference
// figure's revision by the reference programme's rounding (whole yuan);
// the average pension around a plan's year half-up to the grid; a yearly
// standard that changes within the year (a twelfth a month) half-up to
// the fen once a region-year; RegionYear.Burden half-up to 0.0001 %,
// YearSummary.MeanLevel to the fen; text renderings only, costs in 万元
// or 亿元 half-up to 0.01 of the unit (CSV and JSON carry exact yuan).
// Costs, local shares, transfers, headroom, differences and totals are
// exact. The equalisation statistics of a year (YearSummary: max/min
// ratio, coefficient of variation, population-weighted Gini; package
// internal/dispersion) are float64 from exact integer sums and
// descriptive only: no amount is derived from them.
//
// # Results
//
// A Result is plain data: Years (the national totals per year) and Rows
// (region-years by region code, then year), with Region and Get. Package
// output renders it (and package compare's SweepResult and
// Comparison) as text (costs in 亿元 or 万元, for reading), CSV (exact
// yuan), JSON (the types' JSON tags), Excel and, a Result, an SVG chart;
// an illustrative scenario's text starts and ends with ILLUSTRATIVE. The
// levels are checked by package floor against the floor path
// (floor.Check of floor.Projected.Floors, with Options.Floors' regional-agreement floors,
// relative rules and cadences; floor.Check itself without a national
// floor, which then reports each level unchecked wherever no relative
// rule applies) unless Options.SkipFloorCheck, and each floor.Finding is
// attached to the region-years its interval covers (RegionYear.Findings).
// Every Result carries a RunRecord: the SHA-256 of the scenario's
// canonical JSON (scenario.Scenario.Canonical: regions sorted by code, amounts
// and rates in canonical spelling), the engine Version and the data
// versions.
//
// # Concurrency and zero values
//
// Run takes a context.Context, stops when it is cancelled (returning
// context.Cause) and reports progress through Options.Progress. Regions
// run in parallel on at most Options.Workers goroutines and are merged in
// region-code order, so the output is byte-identical whatever the worker
// count or GOMAXPROCS. The package has no package-level mutable state.
// The zero [Options] use the embedded catalogue, region table and floors
// on GOMAXPROCS workers; the zero values of the document's types are
// package scenario's to say.
//
// # Errors
//
// An invalid scenario is rejected before anything runs with a
// *benefit.RecordError whose Field is the JSON path of the bad value
// ("regions[3].beneficiaries", "horizon", "rule.parts[1].wage_weight",
// "tables[i]….", "cost_rules[i]", "regions[0].references[…].revision"),
// wrapping a sentinel for errors.Is: benefit.ErrNegative, ErrRange,
// ErrSyntax, ErrUnknownProgram, ErrDimension, ErrNoStatus,
// region.ErrInvalidCode, ErrUnknownRegion, ErrNoCostRule (a programme
// whose cost split neither the region table nor the scenario's
// cost_rules give: field "program"), scenario.ErrMissingAssumption (also a
// reference figure, fund or national rate a bound, rule or constraint
// reads and no region or year gives), errors.ErrUnsupported (a fund
// constraint beside a central subsidy; a least raise or a ceiling beside
// reference figures, relative bounds, a fund, a national rate, a plan or
// no national floor), plan.ErrUnknownPlan, or floor.ErrNoFloor (a floor
// path that does not reach the base year; a ceiling with no national
// standard: field "constraints.ceiling"). An effective month outside
// 1-12 wraps benefit.ErrRange; growth rates below −100 % are rejected.
// LoadScenario decodes strictly (an unknown, repeated or mis-cased name,
// invalid UTF-8 and trailing data are errors) within Options.Limits
// (benefit.Limits: 256 MiB by default) and adds the file name, the line
// and the JSON pointer. A run whose rule or
// floor projection drives a level past the 15 integer digits of an
// amount, or whose beneficiary growth drives a count past one billion
// persons in a region (the floor check's bound), stops with the same
// kind of error, naming the rule, projection or growth assumption;
// nothing wraps around. A fiscal cap on a yearly cost beyond an int64 of
// fen (about 92 thousand trillion yuan) is refused with benefit.ErrRange
// (field "constraints.fiscal_cap"), not guessed. The package has no
// sentinel of its own: every condition is one of benefit's, region's,
// floor's, scenario's or plan's.
package adjust
