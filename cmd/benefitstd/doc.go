// Command benefitstd checks local benefit levels against the national
// floors, lists the floors and divisions it knows, simulates periodic
// adjustments under fiscal capacity, and costs retiree adjustment plans.
//
// Usage:
//
//	benefitstd regions  [--under CODE | --all] [--regions FILE] [--format text|json]
//	benefitstd floors   [--program ID] [--at YYYY-MM] [--format text|json]
//	benefitstd check    [--levels FILE] [--floors FILE] [--catalogue FILE] [--regions FILE] [--expect FILE] [--pass-through] [--at YYYY-MM | --from YYYY-MM --to YYYY-MM] [--as-of YYYY-MM] [--format text|json|junit] [--fail-on violation|warning]
//	benefitstd simulate [--scenario FILE] [--regions FILE] [--format table|csv|json] [--compare FILE] [--out FILE]
//	benefitstd plan     (--plan FILE | --builtin ID) [--retirees FILE] [--calibrate PART --target PCT] [--per-person FILE] [--format text|json]
//
// check's --as-of (the last month whose arrears are counted) defaults to
// the current month: the only place the tool reads the clock.
//
// Region codes are those of the embedded table of divisions (NBS 2023
// statistical division codes); a code not in it is bad input. --regions
// FILE adds divisions, such as historical codes, from a CSV file with the
// header code,name,level,parent[,statistical_only][,name_en].
//
// Exit status: 0 on success, 1 when a check finds something at or above
// its --fail-on level, 2 on bad input or usage.
package main
