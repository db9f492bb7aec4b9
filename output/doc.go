// Package output renders the library's results (结果输出): each format in
// one file, behind one small interface, as data in and bytes out.
//
//	r, err := output.New("json", w, output.Options{})
//	err = r.Render(report) // a *floor.Report
//
// A Renderer writes to the writer it was made with; Render takes a
// pointer to one of the result types below and writes it in one write,
// or returns an error wrapping ErrUnsupported, writing nothing, for a
// result its format does not carry:
//
//	result                 text  csv  json  junit  svg  xlsx
//	*floor.Report          yes        yes   yes          yes
//	*adjust.Result         yes   yes  yes          yes  yes
//	*compare.SweepResult    yes   yes  yes               yes
//	*compare.Comparison     yes   yes  yes               yes
//	*columns.Result        yes   yes  yes               yes
//	*PlanRun               yes        yes               yes
//	*PlanList              yes
//	*FloorList             yes        yes
//	*RegionList            yes        yes
//
// New makes the renderer of a format by its name (Formats lists the
// names). Options.Detail
// makes a simulation's text one row per region and year; Options.BOM
// starts CSV with a UTF-8 byte-order mark for a spreadsheet in a Chinese
// locale. The result types of the library stay plain data (exported
// fields, JSON tags); PlanRun, PlanList, FloorList and RegionList gather
// what `benefitstd plan`, `floors` and `regions` show beside them
// (ListFloors and ListRegions build the last two). A plan's payment file
// is written while the plan runs: NewPaymentCSV returns the
// plan.PaymentWriter of its CSV.
//
// The package imports benefit, region, floor, adjust, columns and
// plan; none of them imports it. A format is one file with its
// renderer, and one case of New; the Excel workbook's renderer is the
// one that imports a module beyond the standard library
// (github.com/xuri/excelize/v2).
//
// # Text
//
// Text is for people: tables aligned by display width (a character of
// East Asian Width Wide or Fullwidth takes two columns, by
// golang.org/x/text/width; an Ambiguous one such as "—" one), amounts
// and head counts with thousands separators (1,200,000.00), a
// simulation's costs in 万元 or in 亿元 when a yearly national total
// reaches 10 亿, each finding with its legal source. An illustrative
// report or scenario says so first and last; a synthetic plan population
// too. A simulation of a programme without a national floor shows none;
// one whose regions give their funds adds each fund's closing balance
// and the months of benefits it pays, by year; a retirees' adjustment
// adds the national overall level of each year and each plan applied
// person by person (the sum of its increases, whether it exceeds the
// national level).
//
// # CSV
//
// CSV carries exact amounts in yuan, without separators or scaling, one
// row per region and year (per value of a sweep). A text cell that a
// spreadsheet would run as a formula — starting with "=", "+", "-", "@",
// a tab or a carriage return — is written with a single quote in front
// ("'=1+2", shown as the text it is); a number ("-12.50", "-0.5%") is
// written as it is. JSON keeps every text exact.
//
// # JSON
//
// JSON is indented by two spaces, amounts are strings ("1200000.00"),
// months "YYYY-MM"; the same result gives the same bytes. A simulation
// and a plan run are written with the JSON tags of their types.
// The JSON schema of a compliance report, version ReportSchemaVersion =
// "2":
//
//	{
//	  "schema_version": "2",
//	  "window": {"from": "2024-01", "to": "2025-01", "as_of": "2024-12"},   // "to": "" = open
//	  "floors_version": "2026-12-03",
//	  "illustrative": false, "note": "...",
//	  "summary": {"levels": 1, "violations": 1, "warnings": 0, "advisories": 0, "waived": 0,
//	              "unchecked": 0, "expected": 0, "missing": 0,
//	              "arrears_total": "1200000.00", "arrears_central": "600000.00",
//	              "arrears_local": "600000.00", "arrears_fund": "0.00", "arrears_unsplit": "0.00",
//	              "waived_arrears": "0.00", "interest": "0.00"},
//	  "coverage": [{"rule": "floor", "checked": 12, "unchecked": 0}],   // level-months
//	  "effects": [{"region": "371723", "region_name": "...", "program": "pension.resident.basic",
//	               "beneficiary_months_at_floor": 60000, "beneficiary_months_checked": 120000,
//	               "share": "50.0%",                                        // null when nothing was checked
//	               "level_months_at_floor": 6, "level_months_checked": 12,
//	               "arrears": "1200000.00",
//	               "raises": [{"from": "2024-01", "reached": "2024-07", "months": 6}],   // "reached": "", "months": null = not yet
//	               "headroom": "-20.00", "headroom_per": "month"}],       // null when no floor was evaluated
//	  "findings": [{
//	    "rule": "floor", "severity": "violation",
//	    "unchecked": "no_floor",                                // unchecked findings only
//	    "region": "371723", "region_name": "...", "program": "pension.resident.basic",
//	    "dimensions": "", "from": "2024-01", "to": "2024-07", "months": 6, "per": "month",
//	    "required": "123.00", "actual": "103.00", "shortfall": "20.00", "excess": "0.00",
//	    "persons": 10000, "person_months": 60000, "arrears": "1200000.00",
//	    "payer": "budget",                                      // "fund"; absent when no cost rule
//	    "central": "600000.00", "local": "600000.00",          // null unless the budgets pay
//	    "interest": "0.00",
//	    "citation": {"doc": "...", "title": "...", "url": "...", "confidence": "V3", "note": "..."},
//	    "source": {...},                                        // the local value's citation
//	    "floor_status": "announced",                            // rule "floor", evaluated, only
//	    "inherited_from": "370000",                             // when inherited
//	    "waiver": {...},                                        // waived and waiver_expired findings
//	    "message": "level 103.00 is below the national floor 123.00 (announced)"}],
//	  "checked": [{"region": "371723", "region_name": "...", "program": "pension.resident.basic"}]
//	}
//
// Amounts are JSON strings, never numbers. Findings are sorted by region,
// programme, dimensions, first month and rule; the same inputs give
// byte-identical output. Fields may be added within a schema version,
// never removed or changed in meaning. Version 2 changed from 1: a
// finding's person_months and arrears count its months up to the as-of
// month (an open-ended shortfall owes to it, where version 1 gave it no
// arrears); "warnings" include unchecked findings and "missing" levels;
// the national "stale" warning and rule "no_level" are gone (both are
// unchecked findings now); the unemployment benefit's arrears are the
// fund's (central and local null).
//
// # JUnit
//
// A compliance report as JUnit XML for CI systems: one test case per
// region × programme checked (class "<code> <name>", name the
// programme), failing when it has a violation; warnings, advisories and
// waived findings go to the case's system-out. Each finding is followed
// by its rule's legal source and the source of the value compared.
// Findings about national floors form their own cases under class
// "national". Each unchecked finding and each missing level is a case
// of its own (name "<programme> [<dimensions>] <rule> unchecked [from,
// to)", or "… missing"), skipped with the reason as its message
// (<skipped message="no_floor: …">), or failing when its severity is
// violation (floor.Options.UncheckedSeverity, MissingSeverity). The
// suite's properties give the window, the as-of month, the summary, the
// coverage of each rule ("coverage floor": "checked 12, unchecked 12
// level-months") and each region's effect ("effect 371723
// pension.resident.basic": "at floor 50.0% …").
//
// # Excel workbooks
//
// An Excel workbook (工作簿; Office Open XML, read by Excel, WPS and
// LibreOffice, written with github.com/xuri/excelize/v2) is for
// analysts: a summary sheet first, then one sheet per table, then a
// sheet of native charts, drawn by the reader's spreadsheet with the
// reader's fonts.
//
// Every table sheet has two header rows, Chinese above English, frozen
// above the data, with an autofilter on the English row, and columns as
// wide as their widest cell by display width (a Chinese character takes
// two columns). Amounts are numbers formatted to the fen (#,##0.00),
// rates numbers formatted as percentages (0.00%), counts numbers
// (#,##0): a spreadsheet sums and sorts them. A number cell holds the
// exact decimal digits of the amount (the XML of the cell is
// "1200000.00", never a float64 the renderer computed), but the reader's
// spreadsheet keeps numbers as binary floating point, so every amount
// and rate column is followed by a hidden text column, "(exact)", with
// the exact decimal string: unhide it, or read it with a program, for
// the figure to the last digit.
//
//	result               sheets                                                   charts
//	*floor.Report        Summary, Findings, Coverage, Effects, Arrears by region  arrears by region (bar)
//	*adjust.Result       Summary, Region-years, Years[, Bounds]                   levels against the national floor (line), cost per year (column)
//	*compare.SweepResult  Summary, Sweep
//	*compare.Comparison   Summary, Years, Region-years
//	*columns.Result      Summary, Years, Column-years, Region-years,             cost per year (column)
//	                     Column region-years[, Bounds]
//	*PlanRun             Summary, Distribution, Percentiles, Parts, Areas, Ages, National
//	                                                                             distribution of increases (column), cost by part (bar)
//
// The level chart of a simulation draws the national floor, the mean
// level and each region's level when the run has at most 12 regions; a
// larger run draws the lowest and highest level of each year instead.
// A programme without a national floor (the unemployment benefit) has
// its floor cells, its headroom and the floor's line left empty. A
// run's region-years carry what its rows have beyond the levels and
// costs: a fund's year (opening, inflow, benefits, other outflows,
// transfer, closing, the months it pays, its reserve) when the regions
// give their funds, a retirees' adjustment's national overall level, the
// cost of the increase and the plan applied person by person (its
// retirees, increases a month, aggregate increase, whether it exceeds
// the national level); the relative bounds a level was kept inside (失业保险条例
// 第十八条) are one row each on the Bounds sheet. The plan's own
// distribution, parts and groups are in the JSON. A table run
// (package columns) gives one row per column and year (the
// national standard of the column, the base year's alone, then its
// beneficiaries and cost over the regions), one per region and year
// over the columns, and each column's own region-years, the rows of its
// CSV: a run's region-year columns after the column's dimensions. The
// arrears chart draws the 12 regions owed most.
//
// The same result gives the same bytes: the workbook's creation and
// modification dates are those of the data (a report's as-of month, a
// plan's effective month, a simulation's base year), never the clock.
package output
