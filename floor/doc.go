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
// twelve months after the newest shipped table a floor is stale (rule
// 6). The
// disability and survivors' tables are generated (floor/gen_veterans.go,
// `go generate ./floor`) from copies of the project's source tables in
// floor/data/src into floor/data/veterans_tables.json; Default merges
// them with floor/data/national.json.
//
// A Set is immutable and safe for concurrent use. Load reads a user's
// floors from strict JSON in the same format (LoadWith and NewSetWith
// check them against a user's catalogue, SetOptions.Catalogue, instead
// of benefit.DefaultCatalogue); Merge and With put them on top of the
// national ones. A floor with a region.Group is a
// regional-agreement floor (区域协同标准, e.g. 长三角): it applies to members
// of the group only. Where several floors apply, the highest wins
// (Set.Required).
//
// # Rules
//
// Check applies these rules to every Level over the window
// [Options.From, Options.To). Comparison runs over merged timelines: the
// months are split at every change month of every schedule involved
// (benefit.Intervals), so a finding covers an interval [from, to), not
// one month.
//
//  1. floor (violation): the level is not below the highest applicable
//     fixed floor. A shortfall against a provisional floor version is a
//     warning unless Options.ProvisionalSeverity says otherwise.
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
//     at least every 24 months, 最低工资规定 第十条) unchanged for longer, and
//     a national floor used in the check whose newest version is older
//     than its cadence (the veterans' standards are adjusted every 1
//     August; the shipped disability table stops at 2022-08, the
//     survivors' at 2021-08).
//  7. no_level (warning): a level with no versions whose region has no
//     ancestor with a level of the programme: nothing could be checked,
//     and the report says so rather than reading as compliant.
//
// # Severities
//
// Violation (违规) breaks a legal floor or bound. Warning (警告) is to be
// looked at. Advisory (提示) misses a policy target that is not law.
// Waived (已豁免) is a violation covered by a Waiver: it is counted
// apart, never dropped. A waiver whose Expiry has been reached
// (Options.AsOf ≥ Expiry) no longer applies, and is itself a
// waiver_expired warning. Severity.AtLeast orders violation > warning >
// advisory; `benefitstd check --fail-on` uses it.
//
// # Arrears
//
// For the rules that make money owed (floor, hierarchy, pass_through and
// lower relative bounds of severity violation) a finding over a bounded
// interval carries
//
//	Arrears = Shortfall × Σ persons × months
//
// exactly, persons from Level.Beneficiaries or Level.Headcounts month by
// month. When the comparison is yearly (a yearly veterans' standard
// against a monthly level, which is multiplied by 12, never the standard
// divided), Shortfall is per person-year and the arrears are divided by
// 12 and rounded half-up to the fen (benefit.FenHalfUp, 四舍五入到分).
// The central/local split is region.Table.Split
// under the programme's cost-sharing rule: a shortfall below a national
// floor is all floor part (for 城乡居民基础养老金 the centre pays 100 % in
// tiers 1-2 and 50 % elsewhere); a shortfall below a regional, ancestor
// or relative figure is local top-up. A programme without a cost-sharing
// rule (the veterans' benefits) leaves the split unknown
// (Finding.SplitKnown false, Summary.ArrearsUnsplit). No interest is
// added unless Options.InterestPerMonth asks for it (simple interest to
// Options.PaidIn).
//
// Where rounding happens: the ÷ 12 of a yearly comparison, the central
// share of region.Table.Split and the interest, each half-up to the fen
// (benefit.FenHalfUp); nothing else is rounded. Interest is rounded once:
// shortfall × person-months of delay × rate, ÷ 12 when the shortfall is
// per year, is computed exactly and only then rounded (it is not 1 % of
// the already rounded monthly arrears). Required, Actual,
// Shortfall and Excess are exact: a relative bound is Multiplier × the
// other figure unrounded (90 % of a minimum wage of 2,345.55 is
// 2,110.995), so a relative rule of severity violation with a
// multiplier other than 100 % (none is shipped) owes arrears to a
// fraction of a fen.
//
// Summary.ArrearsTotal owes once per level and month: where two
// violations of one level overlap (UI below 低保 breaks both Art 18 and
// Art 47), the larger shortfall counts. Waived arrears are in
// Summary.WaivedArrears, not in the total.
//
// Worked example (policy-reference §11 Example B): the floor rose 103 →
// 123 on 2024-01-01, a county paid 123 from July; 10,000 beneficiaries ×
// 6 months × 20 = 1,200,000.00 owed, 600,000.00 central in a tier-3
// province, 1,200,000.00 in tiers 1-2. See Example_countyArrears.
//
// # Inputs
//
// Levels come as Go values, from ReadJSON (levels and waivers) or from
// ReadCSV with the header
//
//	region,program,dimensions,effective_from,amount,per,beneficiaries,source,status
//
// in UTF-8 with or without BOM, LF or CRLF; a GBK file is rejected with an
// error that says so.
//
// Every version of a level or a floor says how firm it is
// (benefit.Status: legislated, announced, provisional, projected or
// default). Nothing a user supplies is read as law unless it says so: a
// levels CSV without the status column or with an empty cell, a JSON
// version without "status" ("levels[2].versions[0].status",
// "floors[2].versions[0].status"), and a Go Level or Floor version with
// the zero Status (benefit.Unknown) given to Check, NewSet or With are
// errors wrapping benefit.ErrNoStatus. Every bad record is a *benefit.RecordError naming
// file, line and field, and nothing is returned from a half-read file.
// Sample returns the ILLUSTRATIVE levels `benefitstd check` shows when no
// file is given.
//
// # Reports
//
// A Report renders as text (WriteText: aligned by display width, Chinese
// counted as two columns), JUnit XML (WriteJUnit: one test case per region
// × programme checked, a failure per case with violations) and JSON
// (WriteJSON). The JSON schema, version SchemaVersion = "1":
//
//	{
//	  "schema_version": "1",
//	  "window": {"from": "2024-01", "to": "2025-01", "as_of": "2024-12"},   // "to": "" = open
//	  "floors_version": "2026-12-03",
//	  "illustrative": false, "note": "...",
//	  "summary": {"levels": 1, "violations": 1, "warnings": 0, "advisories": 0, "waived": 0,
//	              "arrears_total": "1200000.00", "arrears_central": "600000.00",
//	              "arrears_local": "600000.00", "arrears_unsplit": "0.00",
//	              "waived_arrears": "0.00", "interest": "0.00"},
//	  "findings": [{
//	    "rule": "floor", "severity": "violation",
//	    "region": "371723", "region_name": "...", "program": "pension.resident.basic",
//	    "dimensions": "", "from": "2024-01", "to": "2024-07", "months": 6, "per": "month",
//	    "required": "123.00", "actual": "103.00", "shortfall": "20.00", "excess": "0.00",
//	    "persons": 10000, "person_months": 60000, "arrears": "1200000.00",
//	    "central": "600000.00", "local": "600000.00",          // null when no cost-sharing rule
//	    "interest": "0.00",
//	    "citation": {"doc": "...", "title": "...", "url": "...", "confidence": "V3", "note": "..."},
//	    "source": {...},                                        // the local value's citation
//	    "floor_status": "announced",                            // rule "floor" only
//	    "inherited_from": "370000",                             // when inherited
//	    "waiver": {...},                                        // waived and waiver_expired findings
//	    "message": "level 103.00 is below the national floor 123.00 (announced)"}],
//	  "checked": [{"region": "371723", "region_name": "...", "program": "pension.resident.basic"}]
//	}
//
// Amounts are JSON strings, never numbers. Findings are sorted by region,
// programme, dimensions, first month and rule; the same inputs give
// byte-identical output. Fields may be added within a schema version,
// never removed or changed in meaning.
//
// # Zero values
//
// The zero [Options] check every level against [Default] floors over the
// whole timeline of the levels (see Options for each field's default).
// The zero [Severity], [Bound] and [Scope] are unset (not valid values);
// in Options.ProvisionalSeverity the zero Severity means the default,
// Warning. A zero Level.Per is per month, a zero Waiver.Expiry never
// expires and a zero Interval.To or Options.To leaves the window open.
// Build a [Set] with [Default], [Load], [LoadWith], [NewSet] or
// [NewSetWith]; a zero Set holds no
// floors, rules or cadences.
//
// # Errors
//
// Check returns an error, and no report, when a level is bad: a missing
// or unknown region (region.ErrInvalidCode, region.ErrUnknownRegion), an
// unknown programme (benefit.ErrUnknownProgram), dimensions the programme
// lacks (benefit.ErrDimension), a version without a status
// (levels[i].versions[j].status, benefit.ErrNoStatus), negative persons (benefit.ErrNegative),
// more than MaxPersons or a month outside 1900-9999 (benefit.ErrRange),
// two levels with the same region, programme and dimensions
// (benefit.ErrOrder), a waiver of dimensions the programme lacks
// (waivers[i].dimensions, benefit.ErrDimension), of a rule that cannot
// report a violation (waivers[i].rule, benefit.ErrSyntax), with an empty
// interval (benefit.ErrOrder) or without a reason (benefit.ErrSyntax),
// and Options whose months are outside 1900-9999 (benefit.ErrRange) or
// whose To is not after From (field "to", benefit.ErrOrder). Each is a
// *benefit.RecordError (errors.As) whose Field names the level, waiver
// or option ("levels[3].dimensions"); the JSON loaders (ReadJSON, Load)
// add the file and the line of that JSON path, and name a value that does
// not decode (a month 2024-13, an amount "1,50", an unknown field) by its
// full path and line ("levels[2].versions[0].amount"). The
// sentinels it wraps are for errors.Is; the package defines none of its
// own, since every condition is one of benefit's or region's.
//
// # Concurrency and cost
//
// Check reads its inputs and shared immutable data only, so it is safe
// to call from many goroutines. bench/floor_bench_test.go checks
// 1,000,000 synthetic region × programme schedules (about 1.4 µs and
// 2.9 allocations per schedule on a 2-core machine, some 18 times the
// float64 reference kernel beside it, which skips the relative rules;
// most of the allocations are the findings' arrears, splits and
// messages, the × 12 of the ill-returned veterans' allowance compared
// with the yearly grade-10 standard, and one name per region).
//
// For tests in a pipeline, see package floor/floortest.
package floor
