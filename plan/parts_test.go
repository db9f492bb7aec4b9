package plan

import (
	"errors"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

type pcase struct {
	name  string
	r     Retiree
	want  map[string]string // part id → amount; parts not listed must be 0.00
	total string
}

func runCases(t *testing.T, id string, cases []pcase) {
	t.Helper()
	c := calc(t, id)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := apply(t, c, tc.r)
			if !res.Eligible {
				t.Fatalf("not eligible: %s", res.Reason)
			}
			checkParts(t, res, tc.want, tc.total)
		})
	}
}

func ret(birth string, years, months int, pension string) Retiree {
	return Retiree{ID: "x", Birth: MustParseDate(birth), Retired: MustParseDate("2010-01-31"), Years: years, Months: months, Pension: benefit.MustParseAmount(pension)}
}

func with(r Retiree, f func(*Retiree)) Retiree { f(&r); return r }

// Shanghai 2024 notice (policy-reference §3.3 [V3]): 61 fixed; 1 a full year,
// at least 15; 1% of the December-2023 pension; aged 70/75/80 by 2023-12-31
// → +25/+35/+45 as exclusive brackets. Ages on the edge of a bracket.
func TestShanghai2024(t *testing.T) {
	runCases(t, "shanghai-2024", []pcase{
		// born 1953-12-31: 70 exactly on 2023-12-31 → +25. 61+30+40+25 = 156.
		{"exactly 70", ret("1953-12-31", 30, 0, "4000.00"), map[string]string{"fixed": "61.00", "years": "30.00", "level": "40.00", "age": "25.00"}, "156.00"},
		// born 1954-01-01: 69 on 2023-12-31 → no tilt. 61+30+40 = 131.
		{"one day short of 70", ret("1954-01-01", 30, 0, "4000.00"), map[string]string{"fixed": "61.00", "years": "30.00", "level": "40.00"}, "131.00"},
		// born 1949-01-01: 74 → still +25.
		{"74", ret("1949-01-01", 30, 0, "4000.00"), map[string]string{"fixed": "61.00", "years": "30.00", "level": "40.00", "age": "25.00"}, "156.00"},
		// born 1948-12-31: 75 exactly → +35 (not 25 + 35). 61+30+40+35 = 166.
		{"exactly 75", ret("1948-12-31", 30, 0, "4000.00"), map[string]string{"fixed": "61.00", "years": "30.00", "level": "40.00", "age": "35.00"}, "166.00"},
		// born 1943-12-31: 80 exactly → +45. 61+30+40+45 = 176.
		{"exactly 80", ret("1943-12-31", 30, 0, "4000.00"), map[string]string{"fixed": "61.00", "years": "30.00", "level": "40.00", "age": "45.00"}, "176.00"},
		// 14 years 11 months: 14 full years → 14 < 15 → 15. 1% of 4,567.89 = 45.6789 → 45.68.
		// 61 + 15 + 45.68 = 121.68.
		{"minimum 15 and fen rounding", ret("1960-01-01", 14, 11, "4567.89"), map[string]string{"fixed": "61.00", "years": "15.00", "level": "45.68"}, "121.68"},
		// 16 years → 16 (above the minimum). 1% of 2,000.50 = 20.005 → 20.01 (half-up).
		{"16 years, half-up tie", ret("1960-01-01", 16, 0, "2000.50"), map[string]string{"fixed": "61.00", "years": "16.00", "level": "20.01"}, "97.01"},
	})
}

// 京人社养发〔2024〕8号 items (一)-(三) (local-data §6 [V3]): 30 fixed;
// ≥10 years 2.4 a full year + 0.2 a remaining month, under 10 years 24,
// 农转工 under 15 years 36; pension ≤ 6,813 → +30, above → +15 topped up so
// that pension + part ≥ 6,843. Item (四) (age tilts) is missing from the
// source, so an 85-year-old gets nothing more.
func TestBeijing2024(t *testing.T) {
	runCases(t, "beijing-2024", []pcase{
		// exactly 10 years: 2.4 × 10 = 24.00; pension exactly 6,813.00 → +30 (at or below).
		// 30 + 24 + 30 = 84.00.
		{"exactly 10 years, pension on the band edge", ret("1950-01-01", 10, 0, "6813.00"), map[string]string{"fixed": "30.00", "years": "24.00", "level": "30.00"}, "84.00"},
		// 9 years 11 months: under 10 → 24. Pension 6,813.01 → 15, 6,828.01 < 6,843 → 6,843 − 6,813.01 = 29.99.
		{"under 10 years, just above the band", ret("1950-01-01", 9, 11, "6813.01"), map[string]string{"fixed": "30.00", "years": "24.00", "level": "29.99"}, "83.99"},
		// 10 years 5 months: 24 + 5 × 0.2 = 25.00. Pension 6,820.00: 6,820 + 15 = 6,835 < 6,843 → 23.00.
		{"months and top-up", ret("1950-01-01", 10, 5, "6820.00"), map[string]string{"fixed": "30.00", "years": "25.00", "level": "23.00"}, "78.00"},
		// Pension 6,830.00: 6,830 + 15 = 6,845 ≥ 6,843 → no top-up, 15. 35 years 7 months: 84 + 1.4 = 85.40.
		{"no top-up", ret("1938-01-01", 35, 7, "6830.00"), map[string]string{"fixed": "30.00", "years": "85.40", "level": "15.00"}, "130.40"},
		// Pension 6,828.00: 6,828 + 15 = 6,843 exactly → 15.
		{"top-up reached exactly", ret("1950-01-01", 20, 0, "6828.00"), map[string]string{"fixed": "30.00", "years": "48.00", "level": "15.00"}, "93.00"},
		// 农转工 12 years: under 15 → 36 (not 2.4 × 12 = 28.80).
		{"农转工 12 years", with(ret("1950-01-01", 12, 0, "3000.00"), func(r *Retiree) { r.Category = "农转工" }), map[string]string{"fixed": "30.00", "years": "36.00", "level": "30.00"}, "96.00"},
		// 农转工 8 years: the 农转工 rule comes first → 36 (not 24).
		{"农转工 8 years", with(ret("1950-01-01", 8, 0, "3000.00"), func(r *Retiree) { r.Category = "农转工" }), map[string]string{"fixed": "30.00", "years": "36.00", "level": "30.00"}, "96.00"},
		// 农转工 20 years: 2.4 × 20 = 48.
		{"农转工 20 years", with(ret("1950-01-01", 20, 0, "3000.00"), func(r *Retiree) { r.Category = "农转工" }), map[string]string{"fixed": "30.00", "years": "48.00", "level": "30.00"}, "108.00"},
	})
}

// Beijing 2022 plan (local-data §6 [V3]): 36 fixed; 3 a full year + 0.25 a
// remaining month, under 10 years 30, 农转工 under 15 years 45; pension
// ≤ 6,250 → +50, above → +20 topped up to 6,300; ages at 2021-12-31 65-69
// +40, 70-74 +50, 75-79 +60, 80+ +70; 65+ with ≥ 30 years +5 more.
func TestBeijing2022(t *testing.T) {
	runCases(t, "beijing-2022", []pcase{
		// 72 on 2021-12-31, 32 years 3 months, 4,000.00:
		// 36 + (96 + 0.75) + 50 + 50 + 5 = 237.75.
		{"72 with 32 years", ret("1949-05-01", 32, 3, "4000.00"), map[string]string{"fixed": "36.00", "years": "96.75", "level": "50.00", "age": "50.00", "age30": "5.00"}, "237.75"},
		// born 1956-12-31: 65 exactly → +40; 29 years 11 months < 30 → no +5.
		// 36 + (87 + 2.75) + 50 + 40 = 215.75.
		{"exactly 65, just under 30 years", ret("1956-12-31", 29, 11, "4000.00"), map[string]string{"fixed": "36.00", "years": "89.75", "level": "50.00", "age": "40.00"}, "215.75"},
		// born 1957-01-01: 64 → no tilt even with 40 years. 36 + 120 + 50 = 206.
		{"64 with 40 years", ret("1957-01-01", 40, 0, "4000.00"), map[string]string{"fixed": "36.00", "years": "120.00", "level": "50.00"}, "206.00"},
		// born 1941-12-31: 80 → +70 and +5 (30 years). Pension 6,260 → 20, 6,280 < 6,300 → 40.
		// 36 + 90 + 40 + 70 + 5 = 241.
		{"80, top-up", ret("1941-12-31", 30, 0, "6260.00"), map[string]string{"fixed": "36.00", "years": "90.00", "level": "40.00", "age": "70.00", "age30": "5.00"}, "241.00"},
		// 9 years: under 10 → 30; 农转工 14 years → 45.
		{"under 10 years", ret("1960-01-01", 9, 0, "2000.00"), map[string]string{"fixed": "36.00", "years": "30.00", "level": "50.00"}, "116.00"},
		{"农转工 14 years", with(ret("1960-01-01", 14, 0, "2000.00"), func(r *Retiree) { r.Category = "农转工" }), map[string]string{"fixed": "36.00", "years": "45.00", "level": "50.00"}, "131.00"},
		// Pension exactly 6,250.00: at or below → +50. 61 on 2021-12-31, 20 years → 60.
		// 36 + 60 + 50 = 146.00. One fen above, 6,250.01: +20 → 6,270.01 < 6,300 →
		// topped up to 6,300 − 6,250.01 = 49.99; 36 + 60 + 49.99 = 145.99.
		{"pension exactly 6,250", ret("1960-01-01", 20, 0, "6250.00"), map[string]string{"fixed": "36.00", "years": "60.00", "level": "50.00"}, "146.00"},
		{"pension 6,250.01, top-up", ret("1960-01-01", 20, 0, "6250.01"), map[string]string{"fixed": "36.00", "years": "60.00", "level": "49.99"}, "145.99"},
	})
}

// Shanxi 2025 notice (local-data §6 [V3]): 30 fixed; 0.6 a year with a
// part-year counted as a year and under 10 counted as 10; 0.53% of the own
// pension; ages at 2024-12-31 70-74 +17, 75-79 +18, 80+ +19; hardship class
// 1 +3, class 2 +7.
func TestShanxi2025(t *testing.T) {
	runCases(t, "shanxi-2025", []pcase{
		// 74, 30 years 2 months → 31 × 0.6 = 18.60; 0.53% × 4,000 = 21.20; class 2 → 7.
		// 30 + 18.60 + 21.20 + 17 + 7 = 93.80.
		{"74, class 2, part-year", with(ret("1950-03-15", 30, 2, "4000.00"), func(r *Retiree) { r.Area = 2 }), map[string]string{"fixed": "30.00", "years": "18.60", "level": "21.20", "age": "17.00", "area": "7.00"}, "93.80"},
		// 25 years 0 months → 15.00; 0.53% × 3,333.33 = 17.666649 → 17.67; class 1 → 3; born 1944-12-31: 80 → 19.
		{"80, class 1", with(ret("1944-12-31", 25, 0, "3333.33"), func(r *Retiree) { r.Area = 1 }), map[string]string{"fixed": "30.00", "years": "15.00", "level": "17.67", "age": "19.00", "area": "3.00"}, "84.67"},
		// 8 years → counted as 10 → 6.00; 75 exactly (born 1949-12-31) → 18.
		{"8 years counted as 10", ret("1949-12-31", 8, 0, "2000.00"), map[string]string{"fixed": "30.00", "years": "6.00", "level": "10.60", "age": "18.00"}, "64.60"},
		// 9 years 6 months → part-year → 10 → 6.00; exactly 10 years → 6.00.
		{"9 years 6 months", ret("1960-01-01", 9, 6, "2000.00"), map[string]string{"fixed": "30.00", "years": "6.00", "level": "10.60"}, "46.60"},
		{"exactly 10 years", ret("1960-01-01", 10, 0, "2000.00"), map[string]string{"fixed": "30.00", "years": "6.00", "level": "10.60"}, "46.60"},
	})
	// Arrears: first month at the new rate 2025-07 → Jan-Jun, 6 × 93.80 = 562.80.
	res := apply(t, calc(t, "shanxi-2025"), with(ret("1950-03-15", 30, 2, "4000.00"), func(r *Retiree) { r.Area = 2 }))
	if res.ArrearsMonths != 6 || res.Arrears.String() != "562.80" {
		t.Errorf("arrears %d months %s, want 6 and 562.80", res.ArrearsMonths, res.Arrears)
	}
}

// Shaanxi 2024 (blogger summary, local-data §6 [V3]): 32 fixed; 8 flat for
// the first 15 years + 1.8 a year beyond 15; 1% of the end-2023 pension.
func TestShaanxi2024(t *testing.T) {
	runCases(t, "shaanxi-2024", []pcase{
		{"10 years: flat 8", ret("1955-01-01", 10, 0, "3000.00"), map[string]string{"fixed": "32.00", "years": "8.00", "level": "30.00"}, "70.00"},
		{"15 years: flat 8", ret("1955-01-01", 15, 0, "3000.00"), map[string]string{"fixed": "32.00", "years": "8.00", "level": "30.00"}, "70.00"},
		// 16 years: 8 + 1.8 = 9.80.
		{"16 years", ret("1955-01-01", 16, 0, "3000.00"), map[string]string{"fixed": "32.00", "years": "9.80", "level": "30.00"}, "71.80"},
		// 30 years 11 months: 8 + 15 × 1.8 = 35.00 (full years only). 1% × 5,000 = 50.
		{"30 years 11 months", ret("1955-01-01", 30, 11, "5000.00"), map[string]string{"fixed": "32.00", "years": "35.00", "level": "50.00"}, "117.00"},
	})
}

// Shandong 2024 (blogger summary, local-data §6 [V3]): 32.6 fixed; 0.8 a year
// for years 1-15, 0.9 for 16-25, 1 for 26-35 (band edges read so, marginal);
// 0.9% of the end-2023 pension.
func TestShandong2024(t *testing.T) {
	runCases(t, "shandong-2024", []pcase{
		// 15 × 0.8 = 12.00; 0.9% × 4,000 = 36.00.
		{"15 years", ret("1955-01-01", 15, 0, "4000.00"), map[string]string{"fixed": "32.60", "years": "12.00", "level": "36.00"}, "80.60"},
		// 12 + 0.9 = 12.90.
		{"16 years", ret("1955-01-01", 16, 0, "4000.00"), map[string]string{"fixed": "32.60", "years": "12.90", "level": "36.00"}, "81.50"},
		// 12 + 10 × 0.9 = 21.00.
		{"25 years", ret("1955-01-01", 25, 0, "4000.00"), map[string]string{"fixed": "32.60", "years": "21.00", "level": "36.00"}, "89.60"},
		// 21 + 5 × 1 = 26.00.
		{"30 years", ret("1955-01-01", 30, 0, "4000.00"), map[string]string{"fixed": "32.60", "years": "26.00", "level": "36.00"}, "94.60"},
		// 40 years: 21 + 10 = 31.00; beyond 35 not in the source.
		{"40 years", ret("1955-01-01", 40, 0, "4000.00"), map[string]string{"fixed": "32.60", "years": "31.00", "level": "36.00"}, "99.60"},
	})
}

// Tibet 2024 (policy-reference §3.3 [V3]): 51 fixed + 1.81% of the own
// pension. 1.81% × 4,000 = 72.40 → 123.40; 1.81% × 3,456.78 = 62.567718 → 62.57.
func TestTibet2024(t *testing.T) {
	runCases(t, "tibet-2024", []pcase{
		{"4000", ret("1955-01-01", 20, 0, "4000.00"), map[string]string{"fixed": "51.00", "level": "72.40"}, "123.40"},
		{"3456.78", ret("1955-01-01", 20, 0, "3456.78"), map[string]string{"fixed": "51.00", "level": "62.57"}, "113.57"},
	})
}

// Shanghai 2017 (China News Service 2017-05-09 [V3]): 60 + 2.5 a year + 2.5%:
// 30 years, 4,000 → 60 + 75 + 100 = 235. No first-payment month in the
// source → no arrears.
func TestShanghai2017(t *testing.T) {
	runCases(t, "shanghai-2017", []pcase{
		{"30 years", ret("1950-01-01", 30, 6, "4000.00"), map[string]string{"fixed": "60.00", "years": "75.00", "level": "100.00"}, "235.00"},
	})
	res := apply(t, calc(t, "shanghai-2017"), ret("1950-01-01", 30, 6, "4000.00"))
	if res.ArrearsMonths != 0 || !res.Arrears.IsZero() {
		t.Errorf("arrears %d %s; want none (source gives no month)", res.ArrearsMonths, res.Arrears)
	}
}

// Shanghai 2021 (rsj.sh.gov.cn English summary [V]): 70 + 3%; women 60+ and
// men 65+ a further 20 (ages at 2020-12-31). Arrears Jan-May 2021 (first paid June).
func TestShanghai2021(t *testing.T) {
	f := func(r *Retiree) { r.Sex = Female }
	m := func(r *Retiree) { r.Sex = Male }
	runCases(t, "shanghai-2021", []pcase{
		// woman 60 on 2020-12-31: 70 + 120 + 20 = 210.
		{"woman 60", with(ret("1960-06-01", 30, 0, "4000.00"), f), map[string]string{"fixed": "70.00", "level": "120.00", "age": "20.00"}, "210.00"},
		// man 62: 70 + 120 = 190; man exactly 65 (born 1955-12-31): 210.
		{"man 62", with(ret("1958-06-01", 30, 0, "4000.00"), m), map[string]string{"fixed": "70.00", "level": "120.00"}, "190.00"},
		{"man 65", with(ret("1955-12-31", 30, 0, "4000.00"), m), map[string]string{"fixed": "70.00", "level": "120.00", "age": "20.00"}, "210.00"},
		// sex unknown: no tilt.
		{"unknown 70", ret("1950-06-01", 30, 0, "4000.00"), map[string]string{"fixed": "70.00", "level": "120.00"}, "190.00"},
	})
	res := apply(t, calc(t, "shanghai-2021"), with(ret("1960-06-01", 30, 0, "4000.00"), f))
	if res.ArrearsMonths != 5 || res.Arrears.String() != "1050.00" {
		t.Errorf("arrears %d %s; want 5 × 210 = 1050.00", res.ArrearsMonths, res.Arrears)
	}
}

// Category tilt with a top-up (企业军转干部 补足到), on a HYPOTHETICAL plan (the
// Shanxi 2025 source names the tilt but gives no reference amount):
// fixed 30; 军转干部 +10, topped up so that pension + earlier parts + this
// part reaches 5,000.
func TestCategoryTopUp(t *testing.T) {
	p := testPlan()
	p.Parts = append(p.Parts, Part{ID: "jzg", Name: "企业军转干部", Rounding: benefit.FenHalfUp(), Status: benefit.Illustrative,
		Citation: benefit.Citation{Title: "hypothetical reference amount for a test", Confidence: "D"},
		Category: &Category{Category: "军转干部", Amount: benefit.Yuan(10), TopUpTo: benefit.Yuan(5000)}})
	c, err := NewCalculator(p)
	if err != nil {
		t.Fatal(err)
	}
	jzg := func(r *Retiree) { r.Category = "军转干部" }
	for _, tc := range []struct {
		r           Retiree
		part, total string
	}{
		// 4,900 + 30 = 4,930; +10 → 4,940 < 5,000 → 5,000 − 4,930 = 70.
		{with(ret("1950-01-01", 30, 0, "4900.00"), jzg), "70.00", "100.00"},
		// 4,975 + 30 + 10 = 5,015 ≥ 5,000 → 10.
		{with(ret("1950-01-01", 30, 0, "4975.00"), jzg), "10.00", "40.00"},
		// not 军转干部 → 0.
		{ret("1950-01-01", 30, 0, "4900.00"), "0.00", "30.00"},
	} {
		res := apply(t, c, tc.r)
		if got := parts(res)["jzg"]; got != tc.part || res.Increase.String() != tc.total {
			t.Errorf("%s %s: part %s total %s; want %s, %s", tc.r.Category, tc.r.Pension, got, res.Increase, tc.part, tc.total)
		}
	}
}

// testPlan is a minimal valid plan: 30 fixed, retired by 2023-12-31.
func testPlan() Plan {
	return Plan{ID: "test", Name: "测试方案", Region: mustRegion("140000"), RetiredBy: MustParseDate("2023-12-31"), AgeAt: MustParseDate("2023-12-31"),
		Effective: benefit.MustParseMonth("2024-01"), FirstPaid: benefit.MustParseMonth("2024-07"), Status: benefit.Illustrative,
		Citation: benefit.Citation{Title: "test plan", Confidence: "D"},
		Parts: []Part{{ID: "fixed", Name: "定额调整", Rounding: benefit.FenHalfUp(), Status: benefit.Illustrative,
			Citation: benefit.Citation{Title: "test", Confidence: "D"}, Fixed: &Fixed{Amount: benefit.Yuan(30)}}}}
}

// Eligibility (Shanghai 2024: retired by 2023-12-31).
func TestIneligible(t *testing.T) {
	c := calc(t, "shanghai-2024")
	late := with(ret("1963-01-01", 30, 0, "4000.00"), func(r *Retiree) { r.Retired = MustParseDate("2024-01-01") })
	res := apply(t, c, late)
	if res.Eligible || res.Reason == "" || !res.Increase.IsZero() || res.NewPension.String() != "4000.00" || len(res.Parts) != 0 {
		t.Errorf("retired 2024-01-01: %+v; want not eligible with a reason and no increase", res)
	}
	onTime := with(late, func(r *Retiree) { r.Retired = MustParseDate("2023-12-31") })
	if res := apply(t, c, onTime); !res.Eligible {
		t.Errorf("retired on the cut-off day 2023-12-31 should be eligible")
	}
}

// Leap-day birthdays and the edges of eligibility, on a HYPOTHETICAL plan
// (testPlan: 30 fixed, retired by 2023-12-31, effective 2024-01, first paid
// 2024-07) with the Shanghai 2024 age brackets (70/75/80 → +25/+35/+45,
// policy-reference §3.3) read at 2022-02-28, a common year's end of
// February. Born 1952-02-29, a person turns 70 on 2022-02-28 (民法典
// 第二百零二条: no corresponding day, so the month's last day): 30 + 25 =
// 55.00. Born 1952-03-01: 69 → 30.00.
func TestLeapDayBirthday(t *testing.T) {
	p := testPlan()
	p.AgeAt = MustParseDate("2022-02-28")
	p.Parts = append(p.Parts, Part{ID: "age", Name: "适当倾斜（高龄）", Rounding: benefit.FenHalfUp(), Status: benefit.Illustrative,
		Citation: benefit.Citation{Title: "Shanghai 2024 brackets on a hypothetical date", Confidence: "D"},
		Age:      &Age{Brackets: []AgeBracket{{Min: 80, Amount: benefit.Yuan(45)}, {Min: 75, Max: 79, Amount: benefit.Yuan(35)}, {Min: 70, Max: 74, Amount: benefit.Yuan(25)}}}})
	c, err := NewCalculator(p)
	if err != nil {
		t.Fatal(err)
	}
	for birth, want := range map[string]string{"1952-02-29": "55.00", "1952-03-01": "30.00", "1952-02-28": "55.00"} {
		if res := apply(t, c, ret(birth, 30, 0, "4000.00")); res.Increase.String() != want {
			t.Errorf("born %s: age %d, increase %s; want %s", birth, res.Age, res.Increase, want)
		}
	}
}

// Retired on the cut-off day itself (Shanghai 2024: retired by 2023-12-31):
// eligible, and owed the full arrears Jan-Jun 2024 since the pension at the
// old rate was paid from January: 6 × 146.00 = 876.00 (66 on 2023-12-31:
// 61 + 35 + 50, no tilt). Retired the day after: not eligible, nothing owed.
func TestRetiredOnCutoff(t *testing.T) {
	c := calc(t, "shanghai-2024")
	r := ret("1957-06-01", 35, 0, "5000.00")
	r.Retired = MustParseDate("2023-12-31")
	res := apply(t, c, r)
	if !res.Eligible || res.Increase.String() != "146.00" || res.ArrearsMonths != 6 || res.Arrears.String() != "876.00" {
		t.Errorf("retired 2023-12-31: eligible %v increase %s arrears %d months %s; want 146.00, 6 months 876.00", res.Eligible, res.Increase, res.ArrearsMonths, res.Arrears)
	}
	r.Retired = MustParseDate("2024-01-01")
	res = apply(t, c, r)
	if res.Eligible || !res.Arrears.IsZero() || res.ArrearsMonths != 0 {
		t.Errorf("retired 2024-01-01: eligible %v arrears %d %s; want not eligible, none", res.Eligible, res.ArrearsMonths, res.Arrears)
	}
}

// A top-up guarantee (补足到) survives rounding only to the fen or up. On
// Beijing 2024's item (三) (> 6,813 → +15, topped up to 6,843; 京人社养发〔2024〕8号
// [V3]) rounded half-up to the yuan, a pension of 6,813.60 would get
// 6,843 − 6,813.60 = 29.40 → 29.00, leaving 6,842.60 below the guarantee:
// such a plan is rejected. Rounded up to the yuan: 29.40 → 30.00, and
// 6,813.60 + 30 = 6,843.60 ≥ 6,843.
func TestTopUpRounding(t *testing.T) {
	p, err := Builtin("beijing-2024")
	if err != nil {
		t.Fatal(err)
	}
	p.Parts[2].Rounding = benefit.Rounding{Unit: benefit.YuanUnit, Mode: benefit.HalfUp}
	_, err = NewCalculator(p)
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.Field != "parts[2].bands.bands[1].top_up_to" {
		t.Fatalf("yuan half-up on a top-up: err = %v; want a RecordError on parts[2].bands.bands[1].top_up_to", err)
	}
	p.Parts[2].Rounding = benefit.Rounding{Unit: benefit.YuanUnit, Mode: benefit.Up}
	c, err := NewCalculator(p)
	if err != nil {
		t.Fatal(err)
	}
	if got := parts(apply(t, c, ret("1950-01-01", 20, 0, "6813.60")))["level"]; got != "30.00" {
		t.Errorf("6,813.60 rounded up to the yuan: level %s, want 30.00", got)
	}
	// The same rule for a category top-up (TestCategoryTopUp's hypothetical 军转干部 part).
	q := testPlan()
	q.Parts = append(q.Parts, Part{ID: "jzg", Name: "企业军转干部", Rounding: benefit.Rounding{Unit: benefit.YuanUnit, Mode: benefit.HalfUp}, Status: benefit.Illustrative,
		Citation: benefit.Citation{Title: "hypothetical", Confidence: "D"},
		Category: &Category{Category: "军转干部", TopUpTo: benefit.Yuan(5000)}})
	if _, err := NewCalculator(q); !errors.As(err, &re) || re.Field != "parts[1].category.top_up_to" {
		t.Errorf("category top-up rounded half-up to the yuan: err = %v", err)
	}
}
