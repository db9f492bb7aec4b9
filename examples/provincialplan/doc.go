// Command provincialplan costs a province's retiree pension adjustment
// (调整退休人员基本养老金方案) on its retirees, checks it against the national
// overall level, calibrates the fixed amount to a target and writes the
// per-person payments. Copy it and put in your own plan and retirees.
//
// It uses the shipped Shanghai 2024 plan (rules [V3], provisional) and
// retirees_illustrative.csv, SIX HYPOTHETICAL retirees (A is Example A of
// the domain reference). Run it from the repository root:
//
//	go run ./examples/provincialplan
//	go run ./examples/provincialplan -plan my-plan.json -retirees my-retirees.csv
//
// Expected, by hand (Shanghai 2024: 61 fixed; 1 a full year, at least 15;
// 1 % of the pension; 70/75/80 → +25/+35/+45 at 2023-12-31):
//
//	A 72, 35 y, 5,000 → 61 + 35 + 50 + 25 = 171.00
//	B 66, 10 y, 3,000 → 61 + 15 + 30      = 106.00
//	C 83, 28 y, 3,800 → 61 + 28 + 38 + 45 = 172.00
//	D 75, 40 y, 6,200 → 61 + 40 + 62 + 35 = 198.00
//	E 57, 14 y, 2,600 → 61 + 15 + 26      = 102.00
//	F retired 2024-03-31, after the cut-off: not eligible
//	total 749.00 on 20,600.00 = 3.6359 %, above the national 3 % of 2024;
//	fixed amount for at most 3 %: the other parts give 749 − 5 × 61 = 444,
//	3 % of 20,600 = 618 → 444 + 5F ≤ 618 → F = 34 (614.00 = 2.9806 %).
package main
