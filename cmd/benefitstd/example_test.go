package main

import "os"

// The national floor of the residents' basic pension in force in March
// 2025, with its source: 143 yuan, announced, from 2025-01 (the month is
// not sourced; data-additions-2026-12 §2).
func Example_floors() {
	run([]string{"floors", "--program", "pension.resident.basic", "--at", "2025-03"}, os.Stdout, os.Stdout)
	// Output:
	// National floors 国家基础标准 (data 2026-12-03) in force in 2025-03
	// Status: legislated = in a published instrument; announced = announced, instrument not seen; provisional = unresolved, NOT law.
	//
	// pension.resident.basic 城乡居民基础养老金 (Rural and urban residents' basic pension (basic part)), yuan per month
	//   #  dims  from     amount  status     conf  source
	//   -  ----  -------  ------  ---------  ----  -------------------------------------------------------------------
	//   1        2025-01  143.00  announced  V     2025年政府工作报告: 城乡居民基础养老金最低标准再提高 20 元至 143 元
	//   [1] <http://www.syxj.com.cn/a/202512/26/WS694df701a310d6866eb309e0.html> — China Daily 2025-12-26: 'from 55 ... to 143 yuan in 2025, following seven upward adjustments' [V]. No source gives 1 January as its start: the month 2025-01 is from memory [M] and the notice was not seen, so the step is announced, not legislated. A 2026 step to 163 is reported but unverified and is not shipped.
}
