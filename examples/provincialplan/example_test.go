package main

import (
	"os"
)

// The program's whole output on its six hypothetical retirees (the
// figures are worked by hand in the package comment and TestRun).
func Example() {
	if err := run(os.Stdout, "", "retirees_illustrative.csv", "3%"); err != nil {
		panic(err)
	}
	// Output:
	// 上海市2024年调整退休人员基本养老金 (provisional; source [V3] https://crystal.ingridwhitaker.com/news/54e199945.html)
	//   part fixed 定额调整: [V3] Shanghai 2024 notice, fixed part (summary, policy-reference §3.3): +61 yuan a month
	//   part years 挂钩调整（缴费年限）: [V3] Shanghai 2024 notice, years-linked part (summary, policy-reference §3.3): +1 yuan a month per full year incl. deemed years; if under 15, pay 15
	//   part level 挂钩调整（本人基本养老金）: [V3] Shanghai 2024 notice, level-linked part (summary, policy-reference §3.3): +1% of own December-2023 basic pension
	//   part age 适当倾斜（高龄）: [V3] Shanghai 2024 notice, tilt (summary, policy-reference §3.3): aged 70 / 75 / 80 by end of 2023 → +25 / +35 / +45
	// retirees: retirees_illustrative.csv (ILLUSTRATIVE: hypothetical retirees, not real data)
	//   A age 72: fixed 61.00 years 35.00 level 50.00 age 25.00 = 171.00; new 5171.00; arrears 1026.00
	//   B age 66: fixed 61.00 years 15.00 level 30.00 age 0.00 = 106.00; new 3106.00; arrears 636.00
	//   C age 83: fixed 61.00 years 28.00 level 38.00 age 45.00 = 172.00; new 3972.00; arrears 1032.00
	//   D age 75: fixed 61.00 years 40.00 level 62.00 age 35.00 = 198.00; new 6398.00; arrears 1188.00
	//   E age 57: fixed 61.00 years 15.00 level 26.00 age 0.00 = 102.00; new 2702.00; arrears 612.00
	//   F not eligible: retired after the plan's cut-off (退休时间晚于调整范围截止日)
	// eligible 5: increase 749.00 a month on 20600.00 = 3.6359% (average 149.80)
	// FINDING: aggregate increase 3.6359% of the prior total exceeds the national overall level 3% for 2024 (全国总体调整水平)
	// calibrated: fixed 34.00 gives 2.9806% (next step 3.0049%), cost 614.00 a month, 4 passes
	// per-person CSV (ILLUSTRATIVE: hypothetical retirees, not real data):
	// id,eligible,reason,age,pension,part_fixed,part_years,part_level,part_age,increase,new_pension,arrears_months,arrears
	// A,true,,72,5000.00,34.00,35.00,50.00,25.00,144.00,5144.00,6,864.00
	// B,true,,66,3000.00,34.00,15.00,30.00,0.00,79.00,3079.00,6,474.00
	// C,true,,83,3800.00,34.00,28.00,38.00,45.00,145.00,3945.00,6,870.00
	// D,true,,75,6200.00,34.00,40.00,62.00,35.00,171.00,6371.00,6,1026.00
	// E,true,,57,2600.00,34.00,15.00,26.00,0.00,75.00,2675.00,6,450.00
	// F,false,retired_after_cutoff,60,5500.00,0.00,0.00,0.00,0.00,0.00,5500.00,0,0.00
}
