// Command benefitstd checks local benefit levels against the national
// floors, lists the floors and divisions it knows, simulates periodic
// adjustments under fiscal capacity, and costs retiree adjustment plans.
//
// Usage:
//
//	benefitstd regions  [--under CODE | --all] [--regions FILE] [--format text|json]
//	benefitstd floors   [--program ID] [--at YYYY-MM] [--format text|json]
//	benefitstd check    [--levels FILE [--sheet NAME]] [--floors FILE] [--catalogue FILE] [--regions FILE] [--cost-rules FILE] [--expect FILE] [--pass-through] [--at YYYY-MM | --from YYYY-MM --to YYYY-MM] [--as-of YYYY-MM] [--format text|json|junit|xlsx] [--out FILE] [--fail-on violation|warning]
//	benefitstd simulate [--scenario FILE|builtin:NAME] [--list] [--counts FILE] [--cost-rules FILE] [--regions FILE] [--format table|csv|json|xlsx] [--bom] [--detail] [--compare FILE] [--sweep PATH --values LIST] [--out FILE] [--chart FILE] [--progress]
//	benefitstd plan     (--plan FILE | --builtin ID) [--retirees FILE [--sheet NAME]] [--calibrate PART --target PCT] [--per-person FILE [--bom]] [--format text|json|xlsx] [--out FILE]
//	benefitstd serve    [--addr HOST:PORT] [--token-file FILE] [--tls-cert FILE --tls-key FILE] [--max-body BYTES] [--max-retirees N] [--max-concurrent N] [--max-duration D] [--read-timeout D] [--write-timeout D] [--idle-timeout D] [--shutdown-timeout D] [--log-format json|text]
//
// serve runs the library as an HTTP/JSON service (package service; the
// OpenAPI 3.1 contract api/openapi.yaml is served at /openapi.json) on
// 127.0.0.1:8080 unless --addr says otherwise, with every job (POST
// /v1/check, /v1/simulate, /v1/simulate/compare, /v1/plan) and listing
// (GET /v1/floors, /v1/programs, /v1/regions, /v1/plans). It logs one
// JSON line per request on standard error and, on SIGINT or SIGTERM,
// stops accepting, finishes the requests at work (for at most
// --shutdown-timeout) and exits 0.
//
// simulate's --sweep names its parameter by its JSON path in the
// scenario: rule.amount, rule.percent, rule.parts[i].amount,
// rule.parts[i].percent, constraints.fiscal_cap.percent,
// constraints.max_step_percent or floor.projection.step; --values is a
// comma list ("1%,2%,3%") or, for an amount, a range from:to:step.
//
// simulate runs a scenario file or a shipped one (--scenario
// builtin:NAME; --list names them, with the figures of each that are real
// and those that are illustrative; no --scenario runs
// builtin:residents-pension). A scenario over every column of a national
// table (builtin:veterans, a file with "counts", or any with --counts
// FILE: region,grade,cause,beneficiaries) runs with package
// columns. --cost-rules FILE (simulate and check) adds or replaces
// cost-sharing rules ({"cost_sharing": [...]}, as region/data/fiscal.json).
//
// check's --as-of (the last month whose arrears are counted) defaults to
// the current month: the only place the tool reads the clock. --workers
// (simulate, plan) is at most 16 × GOMAXPROCS, and a --sweep at most
// 10,000 values and 1,000,000 region-years in all; past a bound the run
// is refused before anything is read (exit 2).
//
// Region codes are those of the embedded table of divisions (NBS 2023
// statistical division codes); a code not in it is bad input. --regions
// FILE adds divisions, such as historical codes, from a CSV file with the
// header code,name,level,parent[,statistical_only][,name_en].
//
// A levels or retirees file ending in .xlsx is an Excel workbook, read
// from its first sheet or --sheet NAME with the CSV's header
// (internal/xlsxin): an error names the sheet and the cell. --format
// xlsx writes an Excel workbook (output.FormatXLSX), to --out or to a
// standard output that is not a terminal.
//
// When standard error is a terminal, simulate and plan show a progress
// bar there, from the library's progress callbacks (adjust.Options
// .Progress, plan.Options.Progress) or, for a CSV retirees file, the
// bytes read; otherwise they print nothing more.
//
// The command flags, reads, calls the library and renders its result
// with package output; nothing else. Reports go to standard output. An
// output file (--out, --chart, --per-person) is written whole or not at
// all (outfile.File): to a temporary file beside it, renamed into place
// when the work is complete; an existing file keeps its permissions, a
// symbolic link keeps pointing at the file it names, and a FIFO, device,
// socket or a file with several hard links is refused ("-" is standard
// output). An output that names an input file (--scenario, --compare,
// --regions, --plan, --retirees, --levels, --floors, --catalogue,
// --expect, --counts, --cost-rules; by os.SameFile, so links and "./x" count) or another output
// is refused before anything is read. CSV written for people neutralises
// text a spreadsheet would run as a formula (package output); --bom starts it
// with a UTF-8 byte-order mark for Excel or WPS in a Chinese locale.
//
// Exit status: 0 on success, 1 when a check finds something at or above
// its --fail-on level, 2 on bad input or usage or when an output cannot
// be written (a full disk, a closed pipe); 130 on SIGINT and 143 on
// SIGTERM, which remove the output files not yet complete (serve: 0
// after a graceful shutdown, 1 when it cannot serve).
package main
