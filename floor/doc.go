// Package floor holds the national benefit floors (国家基础标准, 全国最低标准)
// and the compliance engine that checks local levels (地方标准) against
// them: a local level is never lower than the national one
// (国家有统一标准的项目，按照不低于国家标准执行), and where it is, the report says
// exactly what is owed (补发), by whom, and under which legal text.
//
// # Floors
//
// Default returns the floors shipped with the library, each version with
// its citation (source, confidence mark) and status (benefit.Status; a
// figure marked derived [D], from memory [M] or conflicting [C] is never
// legislated). The data version is Set.Version.
//
//   - pension.resident.basic (城乡居民基础养老金最低标准, a month): 55
//     (2009-12), 70 (2014-07, 人社部发〔2015〕5号), 88 (2018-01), 93 (2020-07,
//     announced: its date conflicts in the sources), 98 (2022-01,
//     provisional: a 93 → 98 step exists, its month is unknown), 103
//     (2023-01, provisional: the 2022-2023 steps are unresolved), 123
//     (2024-01) and 143 (2025-01), both announced: the amounts are
//     verified, but no source gives 1 January as the start of 103, 123 or
//     143, and their notices were not seen. A shortfall against an
//     announced version is a violation, against a provisional one a
//     warning (Options.ProvisionalSeverity).
//   - veterans.disability (残疾抚恤金, a year) by grade and cause: all
//     grades 1-10 × 因战/因公 and grades 1-6 × 因病 for 2017-10, 2018-08,
//     2019-08, 2020-08, 2021-08 and 2022-08 (156 figures), and grade 1 for
//     2015-10 and 2016-10. Legislated: 2015-10, 2016-10, 2017-10 and
//     2021-08 (published or reposted tables) and grade 1 of 2018-08 and
//     2019-08 (published). Provisional: grades 2-10 of 2018-08 and
//     2019-08 and all of 2020-08, derived as the year before × 1.10
//     rounded half-up to 10 yuan (a chain that reproduces every published
//     figure), and 2022-08, whose values are reposted but whose year may
//     be 2023. No floor of grades 2-10 exists before 2017-10.
//   - veterans.survivors (定期抚恤金, a year) by survivor type: 烈士遗属 from
//     2015-10, 因公牺牲军人遗属 and 病故军人遗属 from 2017-10, to 2021-08
//     (2020-08 and 2021-08 derived, provisional). Urban and rural standards
//     were unified on 2016-10-01, so the residence dimension (城镇/农村)
//     matters only before then. The data say so with three floors for
//     烈士遗属: "residence=城镇;survivor=烈士遗属" (19,120 from 2015-10) and
//     "residence=农村;survivor=烈士遗属" (14,510), each ending at 2016-10,
//     and "survivor=烈士遗属" from 2016-10 (21,030). A level with a residence
//     matches its own floor and the unified one (a pattern matches every
//     level that has its keys), so it is checked against its urban or
//     rural figure before 2016-10 and against the unified figure after. A
//     level without a residence matches only the unified floor, which
//     starts in 2016-10: before then no floor applies to it, so it is
//     never compared with a figure that was not its own (Set.Required
//     reports none). The standards of the other two types before 2017-10
//     are not known.
//   - veterans.ill_returned (带病回乡退伍军人生活补助, a month): 410 (2015-10),
//     450 (2016-10), 500 (2017-10, provisional: the 2018 notice raises 500
//     to 550, the month 500 started is not sourced), 550 (2018-08) and at
//     least 650 from 2020-08. The 2020 rule also caps it at the grade-10
//     disability standard (the relative rule ill_returned.max_grade10, from
//     2020-08) and asks for raises of at least 50 a month, which no rule
//     kind expresses: it is not checked.
//   - employment.unemployment_insurance (失业保险金): relative rules only
//     (see below).
//
// The veterans' standards are adjusted every 1 August (the cadences):
// twelve months after the newest shipped table no floor is known, and
// the months from then on are unchecked (stale, see Coverage). The
// disability and survivors' tables are generated (floor/gen_veterans.go,
// `go generate ./floor`) from copies of the project's source tables in
// floor/data/src into floor/data/veterans_tables.json; Default merges
// them with floor/data/national.json.
//
// A Set is immutable and safe for concurrent use. Load reads a user's
// floors from strict JSON in the same format (Load and NewSet
// check them against a user's catalogue, SetOptions.Catalogue, instead
// of benefit.DefaultCatalogue); Merge puts them on top of the
// national ones. A floor with a region.Group is a
// regional-agreement floor (区域协同标准, e.g. 长三角): it applies to members
// of the group only. Where several floors apply, the highest wins
// (Set.Required).
//
// # Projections (预测的国家标准)
//
// Set.Project carries the national floors of a programme past their last
// versions: at each Step every column (a national floor: one per grade
// and cause for the disability pensions) gets one version, raised from
// the one before by the Increase whose dimension pattern matches it,
// by a rate rounded by the programme's rounding (half-up to 10 yuan for
// the veterans' tables) or by an amount; a floor is never cut. The
// shipped 2021-08 disability table raised +9/8/7 % (grades 1-6, 因战/
// 因公/因病) and +8/7 % (grades 7-10) gives the shipped 2022-08 table
// exactly. Projection.Through projects from an earlier table than the
// set's last (the 2021-08 one, leaving out 2022-08). Projected versions
// have the status benefit.Projected, so that no projected figure reads
// as published.
//
// A Path is the national floor of one column over the years a
// simulation runs (package adjust): a history (given, or the set's
// national floor up to ShippedThrough), then a Trend, one projected
// version each January (or Path.Month: 8 for the veterans' August
// raises): +Step yuan, indexation to wages and prices, or hold. Path.Project resolves it over years into a Projected: the floor
// of each year (YearFloor: the highest in force in any of its months),
// the path as a schedule, and Projected.Floors, the set with the
// column's national floor replaced by the path: given to Check as
// Options.Floors, a projected year is checked against the projected
// floor.
//
// A Reference is a region's own figure that a level is bounded by or a
// share of (参照标准: the minimum wage 最低工资标准, the urban 低保): its
// history, then a Revision every so many months by a rate (rounded by
// the reference programme's rounding, whole yuan) or an amount, marked
// projected. Reference.Project resolves it into a schedule; the revision
// may not be slower than the set's cadence for the programme's local
// figures (the minimum wage: at least every 24 months, 最低工资规定
// 第十条), which is also its default.
//
// # Rules
//
// Check applies these rules to every Level over the window
// [Options.From, Options.To). Comparison runs over merged timelines: a
// floor and a level are each one list of steps (a month and what is in
// force from it), walked together in month order and split at every
// month either changes (as benefit.Intervals splits schedules), so a
// finding covers an interval [from, to), not one month. The months of a level are those in which it has an amount,
// its own or inherited; months before its first version with no
// ancestor to inherit from, or after its End, are not its months (a
// region that should have reported is found with Options.Expect).
//
// A region's ancestors are the divisions it lies under as the region
// table (Options.Regions) records them (region.Division.Parent), not as
// the digits of its code say: a division added with
// region.Table.WithDivisions under another parent than its digits name
// inherits, is compared, belongs to regional groups and is covered by
// waivers through its recorded parent.
//
//  1. floor (violation): the level is not below the highest applicable
//     fixed floor. A shortfall against a provisional floor version is a
//     warning unless Options.ProvisionalSeverity says otherwise. The rule
//     applies to every level of a programme that is not a reference
//     figure, except one whose legal floor is relative (the
//     unemployment benefit, bounded by 低保): a programme with no floor
//     of either kind (在乡复员军人定期定量补助) is unchecked, never passed.
//  2. relative rules (their own ids): a bound by another figure of the
//     same region, or of its nearest ancestor, or a national figure, times
//     a multiplier, strict or not: ui.art18.above_dibao (UI > 低保,
//     失业保险条例 第十八条), ui.art18.below_min_wage (UI < minimum wage, same
//     article; UI equal to the minimum wage is a violation),
//     ui.art47.not_below_dibao (UI ≥ 低保, 社会保险法 第四十七条),
//     ui.target90 (UI ≥ 90 % of the minimum wage, advisory: 人社部发〔2017〕71号),
//     ill_returned.max_grade10 (带病回乡退伍军人生活补助 ≤ the grade-10
//     disability standard from 2020-08; the source does not say which
//     cause column, so the rule's Relative.AgainstDims is a parameter,
//     "cause=因战;grade=10" as shipped: a user who reads 因公 builds a set
//     with that rule's AgainstDims replaced, see Example
//     (Relative_againstDims)). A rule with a From month applies from then
//     on. Where several figures of the other programme apply, the
//     strictest one binds.
//  3. hierarchy (violation): a county's level is not below its
//     prefecture's, a prefecture's not below its province's. A level with
//     an empty schedule, and every month before its first version, is
//     inherited from the nearest ancestor with a level of the programme;
//     findings then name the ancestor (Finding.InheritedFrom). Reference
//     figures (minimum wage, 低保) are exempt: their tiers legitimately
//     differ within a province.
//  4. pass_through (violation, off by default, Options.PassThrough): when
//     the national floor rises by Δ, a level above the old floor rises by
//     at least Δ from the same month (此次增加的基础养老金金额，不得冲抵或替代各地自行
//     提高的基础养老金, 人社部发〔2015〕5号, stated for the 2014 step).
//  5. no_cut (warning): a level never falls below its previous version.
//  6. stale (warning): a local figure with a cadence (the minimum wage
//     at least every 24 months, 最低工资规定 第十条) unchanged for longer
//     than its cadence by the as-of month.
//  7. late_payment (violation): a version is paid from the month it takes
//     effect (社会保险法 第七十三条, 按时足额支付). A version first paid later
//     (Level.FirstPaid; the "first_paid" column or field of a levels
//     file) owes, for each month before, its amount less what was paid
//     (the level of the month before it took effect, own or inherited,
//     or nothing), to every beneficiary, whether or not both amounts are
//     above the floor: the 补发 a bureau computes most often. Local
//     top-up: it is split as local, not as the national-floor part.
//
// The rules use what was paid: in the months before a version's
// first-paid month, every rule compares the amount paid then, not the
// version's.
//
// A level the expectations (Options.Expect, ReadExpectations) name that
// is not given is a "missing" finding (RuleMissing; a warning, or
// Options.MissingSeverity): "every county of 410000 for
// pension.resident.basic" (scope counties) lists each county-level
// division the region table records under 410000, following the
// recorded parents (济源 419001 lies under 419000 省直辖县级行政区划), and
// reports each with no level of the programme (应发尽发、应保尽保). A
// prefecture-level city without counties (东莞, 中山, 儋州) is expected as
// a county is; statistical-only units (development zones, new areas)
// are not GB/T 2260 divisions and are expected only with
// Expectation.IncludeStatistical. A county that gives no level of its
// own is not taken to report through its province; a level with an
// empty schedule (it pays its ancestor's) is a report.
//
// # Coverage: nothing passes unchecked
//
// For every level and every rule that applies to it, each month of the
// window is either evaluated or reported as an unchecked finding
// (Finding.Unchecked, 未核验) naming the rule, the months and the reason:
//
//   - no_floor: no floor for the level's dimension values (a programme
//     with national floors, none matching them; months before the first
//     known version; a programme with no floor at all);
//   - no_reference: no figure of a relative rule's other programme (低保,
//     the minimum wage) for the region or any ancestor, nor a national
//     one, in these months: 失业保险条例 Art 18's bound cannot be
//     evaluated;
//   - stale: no floor is known after a date. A national floor whose
//     programme has a cadence (the veterans' tables: every 1 August,
//     12 months) is known until its last version's month + the cadence;
//     from then on a level at or above the last known table is unchecked
//     (it is not compared with the old table and passed), while a level
//     below it is still a violation, since a floor does not fall: the
//     floor in force is at least the last known one. The same holds for a
//     relative bound read from such a table (a level above a stale
//     ceiling is unchecked);
//   - no_level: the level gives no amount and no ancestor gives one.
//
// Unchecked findings are warnings unless Options.UncheckedSeverity says
// otherwise (`benefitstd check --fail-on warning` exits 1 on them); they
// are never waived and owe nothing. Report.Coverage gives, per rule, the
// level-months checked and not checked (months of the window, or up to
// the as-of month when it is open). Every region is resolved in the
// region table (region.Table.Resolve) before anything is checked, and
// one it cannot resolve is an error naming the level, so no finding is
// unchecked for want of a region.
//
// # Effect (效果评估)
//
// Report.Effects gives, per region and programme (not for reference
// figures), in the order of Report.Checked: the beneficiary-months at or
// above the floor and those checked against it, an exact fraction
// (Effect.Share rounds it down for display; MonthsAtFloor and
// MonthsChecked count level-months, for levels without a head count);
// the arrears outstanding; for each national raise of the window that
// finds the region paying, the month its level first reached the new
// floor (Raise.Months: 0 on time, −1 not yet); and the headroom, the
// least level − bound over the window, per month or per year (per year
// when either side is yearly). "The floor" is every legal lower bound
// checked: rule 1 and the relative lower bounds of severity violation.
// Over several dimensions of one programme the slowest raise and the
// least headroom count.
//
// # Severities
//
// Violation (违规) breaks a legal floor or bound. Warning (警告) is to be
// looked at. Advisory (提示) misses a policy target that is not law.
// Waived (已豁免) is a violation covered by a Waiver: it is counted
// apart, never dropped. A waiver whose Expiry has been reached (as-of
// month ≥ Expiry) no longer applies, and is itself a waiver_expired
// warning. Severity.AtLeast orders violation > warning > advisory;
// `benefitstd check --fail-on` uses it.
//
// # The as-of month
//
// Options.AsOf (截至月份) is the month the check is made as of, with one
// meaning everywhere: the last month whose arrears are counted,
// inclusive; a waiver whose Expiry is at or before it has expired; a
// local figure whose update was due by it is stale. It defaults to
// To − 1. With an open window (To zero) it has no default for arrears:
// the library never reads the clock, so a shortfall still running at the
// end of an open window without an AsOf is an error wrapping ErrNoAsOf,
// not a finding without arrears (waiver expiry and staleness then use
// the last version month of any level). `benefitstd check --as-of`
// defaults to the current month, and every report prints the as-of
// month. A finding's months after the as-of month owe nothing yet: its
// PersonMonths and Arrears count the months up to it.
//
// # Arrears
//
// For the rules that make money owed (floor, hierarchy, pass_through,
// late_payment and lower relative bounds of severity violation) a
// finding carries
//
//	Arrears = Shortfall × Σ persons × months
//
// over its months up to the as-of month, persons from
// Level.Beneficiaries or Level.Headcounts month by month, computed
// exactly and rounded once per finding, half-up to the fen
// (benefit.FenHalfUp(), 四舍五入到分), never per interval. Worked: 7,345.83
// a month against 88,150 a year is 0.04 a person-year short; a finding
// over three months whose level restates the amount each month spans
// three intervals of 0.04 × 1 / 12 = 0.00333… each (0.00 if each were
// rounded); rounded once, 0.04 × 3 / 12 = 0.01.
//
// A yearly standard and a monthly level are compared by multiplying the
// monthly side by 12, never by dividing the standard; the shortfall is
// then per person-year and the arrears are ÷ 12. A yearly standard paid
// in monthly instalments is compared on what the year pays: per floor
// year, the 12 months from the month a version of the standard takes
// effect (1 August for the veterans' tables), or fewer where the next
// version or the staleness date comes sooner. For a floor year of n
// months in which the level is paid, 12 × Σ monthly amounts is compared
// with n × the yearly standard (so a 10-month year requires 10/12 of
// it, without dividing). A year is taken whole, its months outside the
// window included, so that a window that starts or ends inside it (a
// calendar year against August years) does not split the instalments a
// December true-up completes; the finding covers its months in the
// window, and its shortfall is spread evenly over the year's months:
// arrears = (n × standard − 12 × Σ paid) × person-months ÷ (12 n),
// rounded once. Shortfall and Actual are then per person-year, (n ×
// standard − 12 × Σ paid) ÷ n and the standard less it, shown rounded
// half-up to the fen when not a whole fen (a year shorter than 12
// months whose amounts vary). Worked (example E, the 140800 row of the
// shipped sample floor/data/sample_levels.json):
// eleven payments of 7,345.83 and a December payment of 7,345.87
// (benefit.SplitYear of 88,150) pay 88,150.00 and keep the floor year
// 2019-08 .. 2020-07, although every month but December is short on its
// own; twelve payments of 7,345 pay 88,140.00, 10.00 short a
// person-year; a 10-month year (2017-10 .. 2018-07, 72,850 a year) paid
// 6,070.83 a month pays 60,708.30: 12 × 60,708.30 = 728,499.60 against
// 10 × 72,850 = 728,500, 0.40 short, 0.04 a person-year. Other rules
// compare month by month.
//
// Who pays is the programme's payer (region.Table.Payer): the budgets
// (region.PayerBudget), split between the centre and the locality by
// region.Table.Split under the programme's cost rule — a shortfall below
// a national floor is all floor part (for 城乡居民基础养老金 the centre pays
// 100 % in tiers 1-2 and 50 % elsewhere), a shortfall below a regional,
// ancestor or relative figure, or a late payment, is local top-up — or a
// social-insurance fund (region.PayerFund: 失业保险金 is paid by the
// unemployment insurance fund, 失业保险条例 第十条), reported as the
// fund's with no central/local split. A programme without a cost rule
// (the veterans' benefits) leaves the payer unknown (Finding.Payer "",
// Summary.ArrearsUnsplit). No interest is added unless
// Options.InterestPerMonth asks for it (simple interest to
// Options.PaidIn).
//
// Where rounding happens: each finding's arrears, the central share of
// region.Table.Split and the interest, each once, half-up to the fen;
// nothing else is rounded. Interest is rounded once: shortfall ×
// person-months of delay × rate, ÷ 12 when the shortfall is per year, is
// computed exactly and only then rounded (it is not 1 % of the already
// rounded monthly arrears). Required, Actual, Shortfall and Excess are
// exact, but for the pooled year noted above: a relative bound is
// Multiplier × the other figure unrounded (90 % of a minimum wage of
// 2,345.55 is 2,110.995).
//
// Summary.ArrearsTotal owes once per level and month: where two
// violations of one level overlap (UI below 低保 breaks both Art 18 and
// Art 47), the larger shortfall counts, and the overlapping pieces are
// summed exactly and rounded once per level (a finding that overlaps no
// other owes its own arrears). ArrearsCentral + ArrearsLocal +
// ArrearsFund + ArrearsUnsplit = ArrearsTotal. Waived arrears are in
// Summary.WaivedArrears, not in the total.
//
// Worked example B (county 371723 of floor/data/sample_levels.json): the
// floor rose 103 →
// 123 on 2024-01-01, a county paid 123 from July; 10,000 beneficiaries ×
// 6 months × 20 = 1,200,000.00 owed, 600,000.00 central in a tier-3
// province, 1,200,000.00 in tiers 1-2; 50.0 % of its 120,000
// beneficiary-months of 2024 at the floor, the raise passed through in
// 6 months. See Example_countyArrears. A local raise 140 → 150
// effective 2024-01, first paid 2024-03, 1,000 beneficiaries: (150 −
// 140) × 1,000 × 2 = 20,000.00 (late_payment).
//
// # Inputs
//
// Levels come as Go values, from ReadJSON (levels and waivers) or from
// ReadCSV with the header
//
//	region,program,dimensions,effective_from,amount,per,beneficiaries,source,status,first_paid
//
// (first_paid optional) in UTF-8 with or without BOM, LF or CRLF; a GBK
// file, or a UTF-16 surrogate written as UTF-8, is rejected with an
// error that says so (benefit.ErrEncoding). JSON is decoded strictly: a
// member no field has, a name given twice or in another case than the
// field's ("Amount" for "amount"), invalid UTF-8 or a lone surrogate
// (\ud800) in a string, and data after the document are errors. A
// version's "first_paid"
// (CSV column, JSON field of the version) is the first month its amount
// was paid, when later than its effective month; in Go it is
// Level.FirstPaid, beside the Schedule, since benefit.Version describes a
// standard, not its payment.
//
// Every version of a level or a floor says how firm it is
// (benefit.Status: legislated, announced, provisional, projected or
// default). Nothing a user supplies is read as law unless it says so: a
// levels CSV without the status column or with an empty cell, a JSON
// version without "status" ("levels[2].versions[0].status",
// "floors[2].versions[0].status"), and a Go Level or Floor version with
// the zero Status (benefit.Unknown) given to Check or NewSet are
// errors wrapping benefit.ErrNoStatus.
//
// Expectations come as Go values or from ReadExpectations, CSV with the
// header
//
//	region,program,dimensions,scope,include_statistical
//
// (scope region, counties or prefectures, empty: region;
// include_statistical true or false, empty: false). Every bad
// record is a *benefit.RecordError naming file, line and field, and
// nothing is returned from a half-read file. Sample returns the
// ILLUSTRATIVE levels `benefitstd check` shows when no file is given.
//
// Every reader is bounded while it reads (SetOptions.Limits, a
// benefit.Limits; the zero value takes the defaults): a JSON document of
// at most 256 MiB with strings of at most 1 MiB, CSV lines of at most 1
// MiB and fields of at most 64 KiB, at most 1,000,000 levels a file and
// 10,000 versions a level or floor. Input past a bound stops the reader
// with an error wrapping benefit.ErrTooLarge that names the record, after
// holding no more than a few times the bound: a 2 GB line, or /dev/zero
// given as a levels file, is an error, not an exhausted machine.
//
// # Reports
//
// A Report is plain data with exported fields: the findings, what each
// rule checked and could not (Coverage), the effects and the Summary.
// A caller that reads only the findings and the Summary (package adjust,
// checking every simulated level) sets Options.FindingsOnly: Checked,
// Coverage and Effects are then left nil and not computed, and the
// findings and the Summary are the same.
// A finding's sentence (Finding.Message) is made when it is read, from
// its figures and what the check recorded with it; its JSON carries it
// as "message". Package output renders a report as text, JSON (a stable
// schema, documented there) and JUnit XML.
//
// # Zero values
//
// The zero [Options] check every level against [Default] floors over the
// whole timeline of the levels (see Options for each field's default).
// The zero [Severity], [Side] and [Scope] are unset (not valid values);
// in Options.ProvisionalSeverity, UncheckedSeverity and MissingSeverity
// the zero Severity means the default, Warning. The zero [ExpectScope]
// is ExpectRegion and the zero [Reason] marks a rule that was evaluated.
// A zero Level.Per is per month, a zero Waiver.Expiry never expires and
// a zero Interval.To or Options.To leaves the window open. Build a [Set]
// with [Default], [Load] or [NewSet]; a zero
// Set holds no floors, rules or cadences. The zero [Increase] holds a
// column; the zero [Trend] has no kind and is refused (Trend.Validate);
// a [Path] without a history starts from the national floor of
// PathOptions.Floors, and the zero PathOptions.Floors is [Default].
// The zero [Revision] holds a reference figure; the zero [Reference] has
// no history.
//
// # Errors
//
// Check returns an error, and no report, when a level is bad: a missing
// or unknown region (region.ErrInvalidCode, region.ErrUnknownRegion), an
// unknown programme (benefit.ErrUnknownProgram), dimensions the programme
// lacks (benefit.ErrDimension), a version without a status
// (levels[i].versions[j].status, benefit.ErrNoStatus), negative persons (benefit.ErrNegative),
// more than one billion persons (1,000,000,000, more than any one region
// pays; it keeps Σ persons × months exact in an int64) or a month outside
// 1900-9999 (benefit.ErrRange),
// two levels with the same region, programme and dimensions
// (benefit.ErrOrder), a first-paid month that names no version or comes
// before it (levels[i].first_paid[j], benefit.ErrSyntax or ErrOrder), a
// waiver of dimensions the programme lacks (waivers[i].dimensions,
// benefit.ErrDimension), of a rule that cannot report a violation
// (waivers[i].rule, benefit.ErrSyntax), with an empty interval
// (benefit.ErrOrder) or without a reason (benefit.ErrSyntax), an
// expectation of an unknown region or programme (expect[i].region,
// expect[i].program) or with IncludeStatistical but no scope under the
// region (expect[i].include_statistical, benefit.ErrSyntax), Options whose months are outside 1900-9999
// (benefit.ErrRange), whose To is not after From (field "to",
// benefit.ErrOrder) or whose severities are not advisory, warning or
// violation (benefit.ErrSyntax); and when a shortfall is still running
// at the end of an open window with no Options.AsOf (field "as_of",
// ErrNoAsOf). Each is a *benefit.RecordError
// (errors.As) whose Field names the level, waiver, expectation or option
// ("levels[3].dimensions"); the JSON loaders (ReadJSON, Load) add the
// file, the line of that JSON path (for a missing member, the line of
// the object that lacks it) and its JSON pointer (RecordError.Pointer),
// and name a value that does not decode (a month 2024-13, an amount
// "1,50", an unknown field) by its full path, pointer and line
// ("levels[2].versions[0].amount", "/levels/2/versions/0/amount"). The
// sentinels it wraps are for errors.Is.
//
// Set.Project, Path.Project and Reference.Project return a
// *benefit.RecordError naming the step, increase, path or reference
// field ("steps[0].increases[2].dims", "history[1].status",
// "projection.step", "revision.every_months"); a programme, column or year
// with no national floor to project from wraps ErrNoFloor. ErrNoAsOf and
// ErrNoFloor are the package's own sentinels.
//
// # Concurrency and cost
//
// Check reads its inputs and shared immutable data only, so it is safe
// to call from many goroutines; it runs on the calling goroutine. Each
// floor and each level becomes a flat step function of (month, amount)
// pairs once per check (a level with ancestors or late payments
// evaluates each change month once), and every rule walks the lists it
// compares together, in month order, with fixed-point arithmetic
// (benefit.Amount); findings are held compactly while the check runs and
// written once, in report order. Its work and memory grow linearly with
// the levels, their versions and the findings made (the arrears owed
// once over a level's overlapping findings in O(n log n):
// bench/input_bench_test.go checks one level of 8,000 to 32,000
// versions, each a finding, at 1.3-1.6 µs a version).
// bench/floor_bench_test.go checks 1,000,000 synthetic region ×
// programme schedules over 2023-2025, with some 400,000 unchecked
// findings among them (the veterans' levels at or above the last known
// tables lie beyond them from 2023-08 for disability, 2022-08 for
// survivors), the ill-returned allowance compared × 12 with the yearly
// grade-10 standard, the coverage, the effects of 400,000 region ×
// programme pairs and the findings' arrears and splits: 1.4-1.7 µs of
// CPU (the collector's included) and 0.0015 allocations per schedule on
// an idle 2-core 2.6 GHz Xeon, 1.4-1.7 times (6 pairs, 2026-12-03) the
// CPU time of a float64 kernel beside it that does
// the same work (every rule, the findings with their figures, arrears
// and splits, the coverage, effects and summary, sorted, on one
// goroutine), measured in interleaved pairs.
//
// For tests in a pipeline, see package floor/floortest.
package floor
