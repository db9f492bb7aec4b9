// Package benefitstd is a library for the benefit standards of China's
// human-resources and social-security field, with exact decimal
// arithmetic throughout. It does three jobs:
//
//  1. It models national benefit floors (国家基础标准, 全国最低标准) for
//     pensions, employment (unemployment insurance) and veterans'
//     benefits (优抚) as dated, versioned schedules, each value with its
//     legal source and how firm it is (legislated, announced,
//     provisional, projected, or illustrative, written "default").
//  2. It checks that local levels are never lower than the national ones
//     (国家有统一标准的项目，按照不低于国家标准执行), together with the
//     other rules a level must keep — the unemployment benefit above the
//     local 低保 and below the minimum wage, a county not below its
//     province, raised on time, never cut — and says exactly what is
//     owed (补发) wherever they are not kept, and who pays it.
//  3. It simulates periodic adjustment (常态化动态调整) region by region
//     and year by year against economic and fiscal-capacity parameters
//     (经济发展状况和财政负担能力), and costs the provinces' per-person
//     retiree adjustment plans (定额 + 挂钩 + 倾斜) over a population.
//
// # Package map
//
// Imports point one way, from the vocabulary up:
//
//	benefit        exact money (Amount), ratios (Rate), explicit rounding
//	               (Rounding: unit and mode), Month, effective-dated
//	               Schedule, programmes and the embedded catalogue
//	region         the 3,348 divisions of 2023 with names, ranks and
//	               parents, fiscal tiers of 国办发〔2018〕6号, cost
//	               sharing per programme, groups
//	floor          national and regional-agreement floors, projections of
//	               future floors; the compliance engine, findings,
//	               arrears, reports as data
//	floor/floortest  assertions a downstream go test calls
//	scenario       what a simulation run is, as pure data: the scenario
//	               document (regions, assumptions, rules, constraints),
//	               its canonical form and the shipped scenarios, one per
//	               domain at least (it imports floor, not adjust)
//	adjust         the multi-year, multi-region adjustment engine: loads,
//	               validates and runs a scenario into results (it imports
//	               scenario, floor, and plan for the retirees' national
//	               rates and plans applied person by person)
//	compare        the analyst's work over many runs: two results side by
//	               side, typed parameter sweeps
//	columns        every column of a national table at once (the
//	               veterans' disability pensions by grade and cause),
//	               costed from beneficiary counts per region and column
//	plan           per-person retiree adjustment plans, populations and
//	               calibration, beside floor, below adjust (it imports
//	               neither adjust nor floor)
//	output         renders the results: text, CSV, JSON, JUnit XML, SVG,
//	               one file per format behind one interface (New)
//	service        the library as an HTTP/JSON service (benefitstd serve):
//	               problems (RFC 9457), limits, timeouts, graceful
//	               shutdown
//	api            the service's OpenAPI 3.1 contract (api/openapi.yaml,
//	               served as /openapi.json)
//	internal/fen   the one exact fixed-point kernel: int64 fen, checked,
//	               products in 128 bits, rounded by benefit's modes
//	internal/input the one way in: strict JSON and CSV into records, every
//	               error naming file, line (or JSON pointer) and field
//	internal/outfile  the command's output files, written whole or not
//	               at all, never over an input
//	cmd/benefitstd the command-line tool (regions, floors, check,
//	               simulate, plan, serve): flags, library, output
//	examples/      runnable programs to copy from
//	bench/         national-scale benchmarks against a float64 kernel
//
// # Exactness
//
// No amount that is paid, compared or summed passes through float64.
// Amounts enter as strings or integers, every rounding names its unit and
// mode, and the library never reads or writes the process-wide settings
// of the decimal package it builds on, so importers can set them as they
// like. Statistics that need it (a Gini coefficient) use float64 and say
// so.
//
// # Data
//
// The default catalogue, divisions, fiscal tiers, national floors and
// shipped plans are embedded; each figure carries its source and a
// confidence mark from the domain reference. Figures the sources leave
// unresolved are shipped as provisional, never as legislated, and
// illustrative data is marked illustrative wherever it is shown. A value
// a user supplies must say how firm it is: the zero benefit.Status is
// unknown, and no loader accepts it.
package benefitstd
