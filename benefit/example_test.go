package benefit_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/benefitstd/benefitstd/benefit"
)

// Amounts are exact: 0.1 + 0.2 is 0.30, and an amount keeps its fen in
// text and JSON whatever the settings of the decimal package.
func ExampleAmount() {
	a := benefit.MustParseAmount("0.1")
	b := benefit.MustParseAmount("0.2")
	fmt.Println(a.Add(b))

	owed := benefit.Yuan(20).Mul(10_000).Mul(6) // 20 yuan × 10,000 persons × 6 months
	fmt.Println(owed)

	j, _ := json.Marshal(map[string]benefit.Amount{"floor": benefit.Yuan(123)})
	fmt.Println(string(j))

	_, err := benefit.ParseAmount("1e9")
	fmt.Println(err)
	// Output:
	// 0.30
	// 1200000.00
	// {"floor":"123.00"}
	// benefit: invalid amount "1e9": exponent notation is not accepted; write the plain digits
}

// 1.5 and 1.50 are the same amount. Compare with Equal or Cmp: == agrees
// with them only for amounts of at most six decimals (within about ±9.2
// trillion yuan), and two equal products with seven decimals are not ==.
func ExampleAmount_Equal() {
	a := benefit.MustParseAmount("1.5")
	b := benefit.MustParseAmount("1.50")
	fmt.Println(a.Equal(b), a.Cmp(b), a.String() == b.String(), a == b)

	milli := benefit.MustParseRate("0.001")
	p, q := a.MulRate(milli).MulRate(milli), b.MulRate(milli).MulRate(milli)
	fmt.Println(p, p.Equal(q), p == q)
	// Output:
	// true 0 true true
	// 0.0000015 true false
}

// The national veterans' standards are the prior year's × (1 + r),
// rounded half-up to 10 yuan (policy-reference §5.2): 因战一级 80,140 in
// 2018 became 88,150 in 2019.
func ExampleRounding() {
	prior := benefit.Yuan(80140)
	raise := benefit.MustParseRate("10%")

	exact := prior.MulRate(benefit.Percent(100).Add(raise)) // unrounded: 88154.00
	fmt.Println(exact)
	fmt.Println(exact.Round(benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.HalfUp}))

	// The rule is a value; the same product under other rules:
	for _, m := range []benefit.Mode{benefit.HalfUp, benefit.HalfEven, benefit.Up, benefit.Down} {
		r := benefit.Rounding{Unit: benefit.TenYuan, Mode: m}
		fmt.Printf("%-20s %s\n", r, exact.Round(r))
	}
	// Output:
	// 88154.00
	// 88150.00
	// half_up to 10        88150.00
	// half_even to 10      88150.00
	// up to 10             88160.00
	// down to 10           88150.00
}

// Ties show the modes apart: 四舍五入 (HalfUp) takes a tie away from
// zero, 银行家舍入 (HalfEven) to the even step.
func ExampleMode() {
	tie := benefit.MustParseAmount("2.345")
	for _, m := range []benefit.Mode{benefit.HalfUp, benefit.HalfEven, benefit.Up, benefit.Down} {
		fmt.Println(m, tie.Round(benefit.Rounding{Unit: benefit.Fen, Mode: m}))
	}
	// Output:
	// half_up 2.35
	// half_even 2.34
	// up 2.35
	// down 2.34
}

// A yearly 88,150 paid in 12 monthly payments: eleven of 7,345.83 and
// the remainder, 7,345.87, in December, so the year sums back exactly.
func ExampleSplitYear() {
	months, err := benefit.SplitYear(benefit.Yuan(88150), benefit.Fen, time.December)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("Jan:", months[0])
	fmt.Println("Nov:", months[10])
	fmt.Println("Dec:", months[11])
	var sum benefit.Amount
	for _, m := range months {
		sum = sum.Add(m)
	}
	fmt.Println("sum:", sum)
	// Output:
	// Jan: 7345.83
	// Nov: 7345.83
	// Dec: 7345.87
	// sum: 88150.00
}

// A monthly level is compared with a yearly standard by multiplying the
// level by 12, never by dividing the standard.
func ExampleFrequency_Annual() {
	monthly := benefit.MustParseAmount("7345.83")
	yearly := benefit.Yuan(88150)
	fmt.Println(benefit.PerMonth.Annual(monthly))
	fmt.Println(benefit.PerMonth.Annual(monthly).Cmp(benefit.PerYear.Annual(yearly)))
	// Output:
	// 88149.96
	// -1
}

// The national floor of the residents' basic pension, 103 in 2023 and
// 123 from January 2024 (policy-reference §2.1), as a Schedule.
func ExampleSchedule_At() {
	floor := mustSchedule(
		benefit.Version{From: benefit.MustParseMonth("2023-01"), Amount: benefit.Yuan(103), Status: benefit.Provisional},
		benefit.Version{From: benefit.MustParseMonth("2024-01"), Amount: benefit.Yuan(123), Status: benefit.Legislated},
	)
	for _, m := range []string{"2022-12", "2023-12", "2024-01", "2030-06"} {
		v, ok := floor.At(benefit.MustParseMonth(m))
		if !ok {
			fmt.Println(m, "no floor in force")
			continue
		}
		fmt.Println(m, v.Amount, v.Status)
	}
	// Output:
	// 2022-12 no floor in force
	// 2023-12 103.00 provisional
	// 2024-01 123.00 legislated
	// 2030-06 123.00 legislated
}

// NewSchedule names the version it rejects.
func ExampleNewSchedule() {
	_, err := benefit.NewSchedule(
		benefit.Version{From: benefit.MustParseMonth("2019-08"), Amount: benefit.Yuan(88150), Status: benefit.Legislated},
		benefit.Version{From: benefit.MustParseMonth("2018-08"), Amount: benefit.Yuan(80140), Status: benefit.Legislated},
	)
	fmt.Println(err)
	// Output:
	// input: versions[1].from: benefit: versions out of order: 2018-08 is before versions[0] (2019-08)
}

// Comparing a county's level with the national floor interval by
// interval (Example B of policy-reference §11): the floor rose to 123 in
// January 2024, the county followed only in July.
func ExampleIntervals() {
	m := benefit.MustParseMonth
	floor := mustSchedule(
		benefit.Version{From: m("2023-01"), Amount: benefit.Yuan(103), Status: benefit.Provisional},
		benefit.Version{From: m("2024-01"), Amount: benefit.Yuan(123), Status: benefit.Legislated},
	)
	county := mustSchedule( // HYPOTHETICAL county: illustrative figures
		benefit.Version{From: m("2023-01"), Amount: benefit.Yuan(103), Status: benefit.Illustrative},
		benefit.Version{From: m("2024-07"), Amount: benefit.Yuan(123), Status: benefit.Illustrative},
	)
	var owed benefit.Amount
	for _, iv := range benefit.Intervals(m("2023-07"), m("2025-01"), floor, county) {
		fv, _ := floor.At(iv.From)
		cv, _ := county.At(iv.From)
		f, c := fv.Amount, cv.Amount
		short := benefit.MaxAmount(f.Sub(c), benefit.Amount{})
		owed = owed.Add(short.Mul(int64(iv.Months())))
		fmt.Println(iv, "floor", f, "paid", c, "short", short)
	}
	fmt.Println("owed per person:", owed)
	// Output:
	// [2023-07, 2024-01) floor 103.00 paid 103.00 short 0.00
	// [2024-01, 2024-07) floor 123.00 paid 103.00 short 20.00
	// [2024-07, 2025-01) floor 123.00 paid 123.00 short 0.00
	// owed per person: 120.00
}

// Rates parse as percentages or plain ratios and print as percentages.
func ExampleParseRate() {
	for _, s := range []string{"3.8%", "0.038", "3%"} {
		r, _ := benefit.ParseRate(s)
		fmt.Println(s, "=", r, "=", r.PlainString())
	}
	// Output:
	// 3.8% = 3.8% = 0.038
	// 0.038 = 3.8% = 0.038
	// 3% = 3% = 0.03
}

// 因病 disability is assessed only for grades 1-6 (军人抚恤优待条例 Art 27).
func ExampleProgram_CheckDims() {
	p, _ := benefit.DefaultCatalogue().Program("veterans.disability")
	fmt.Println(p.Name, p.Frequency, p.Rounding)
	fmt.Println(p.CheckDims(benefit.MustParseDims("cause=因病;grade=6")))
	fmt.Println(p.CheckDims(benefit.MustParseDims("cause=因病;grade=7")))
	// Output:
	// 残疾抚恤金 year half_up to 10
	// <nil>
	// benefit: invalid dimension: veterans.disability cause=因病;grade=7 is not allowed: 因病致残只评定一级至六级 (军人抚恤优待条例 第二十七条)
}

func ExampleCitation_Mark() {
	for _, mark := range []string{"[v3]", "M", "Z"} {
		c := benefit.Citation{Title: "失业保险条例 第十八条", Confidence: mark}
		m, err := c.Mark()
		fmt.Printf("%q → %q, %v\n", mark, m, err)
	}
	// Output:
	// "[v3]" → "V3", <nil>
	// "M" → "M", <nil>
	// "Z" → "", benefit: invalid confidence mark "Z": want V, V3, D, M or C (brackets allowed), or none
}

// A status must be stated: the zero Status is unknown, and neither an
// empty status nor "unknown" parses, so nothing reads as law unless it
// says so.
func ExampleParseStatus() {
	var zero benefit.Status
	fmt.Println(zero)
	st, err := benefit.ParseStatus("provisional")
	fmt.Println(st, err)
	_, err = benefit.ParseStatus("")
	fmt.Println(errors.Is(err, benefit.ErrNoStatus))
	_, err = benefit.ParseStatus("unknown")
	fmt.Println(err != nil)
	// Output:
	// unknown
	// provisional <nil>
	// true
	// true
}

// mustSchedule is benefit.NewSchedule for versions known to be valid.
func mustSchedule(vs ...benefit.Version) benefit.Schedule {
	s, err := benefit.NewSchedule(vs...)
	if err != nil {
		panic(err)
	}
	return s
}
