package main

import (
	"os"
)

// The program's whole output: policy-reference §11 Example B worked through
// floor.Check (the figures are checked by hand in TestRun).
func Example() {
	if err := run(os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// *** ILLUSTRATIVE 示例数据: not a real dataset ***
	//
	// Compliance check 合规检查: months [2024-01, 2025-01), as of 截至 2024-12; floors 2026-12-03
	//
	// #  severity   rule   region  地区    program                 dims  from     to       per    required  actual  shortfall  persons  arrears 补发
	// -  ---------  -----  ------  ------  ----------------------  ----  -------  -------  -----  --------  ------  ---------  -------  ------------
	// 1  violation  floor  140822  万荣县  pension.resident.basic        2024-01  2024-07  month    123.00  103.00      20.00   10,000  1,200,000.00
	// 2  violation  floor  371723  成武县  pension.resident.basic        2024-01  2024-07  month    123.00  103.00      20.00   10,000  1,200,000.00
	//
	// Summary 汇总: 2 levels; 2 violations, 0 warnings, 0 advisories, 0 waived; 0 unchecked 未核验
	// Arrears owed 应补发: 2,400,000.00 (central 中央 1,800,000.00, local 地方 600,000.00), counted through 2024-12
	//
	// Coverage 覆盖 (level-months; unchecked is never read as compliant):
	// rule    checked 已核验  unchecked 未核验
	// ------  --------------  ----------------
	// floor               24                 0
	// no_cut              24                 0
	//
	// Effect 效果评估 (at floor: beneficiary-months at or above every legal lower bound checked):
	// region  地区    program                                       at floor 达标  arrears 欠发  raise passed through 调标到位   headroom 余量
	// ------  ------  ----------------------  -----------------------------------  ------------  -----------------------------  --------------
	// 140822  万荣县  pension.resident.basic  50.0% of 120,000 beneficiary-months  1,200,000.00  2024-01: 6 months              -20.00 a month
	// 371723  成武县  pension.resident.basic  50.0% of 120,000 beneficiary-months  1,200,000.00  2024-01: 6 months              -20.00 a month
	//
	// Details 说明:
	//   1. level 103.00 is below the national floor 123.00 (announced)
	//      arrears: 20.00 × 60,000 person-months = 1,200,000.00; central 1,200,000.00, local 0.00
	//      rule: 2024年政府工作报告: 城乡居民基础养老金月最低标准提高 20 元 (103 -> 123)
	//      local value: HYPOTHETICAL county notice (policy-reference §11 Example B)
	//   2. level 103.00 is below the national floor 123.00 (announced)
	//      arrears: 20.00 × 60,000 person-months = 1,200,000.00; central 600,000.00, local 600,000.00
	//      rule: 2024年政府工作报告: 城乡居民基础养老金月最低标准提高 20 元 (103 -> 123)
	//      local value: HYPOTHETICAL county notice (policy-reference §11 Example B)
	//
	// 140822 万荣县: owed 1200000.00 (central 1200000.00, local 0.00)
	// 371723 成武县: owed 1200000.00 (central 600000.00, local 600000.00)
}
