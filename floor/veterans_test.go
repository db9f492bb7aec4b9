package floor_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// disabilityTable is the national disability pension (残疾抚恤金, yuan a
// year) typed from floor/data/src/veterans_disability.csv: per
// effective month, grades 1 to 10, columns 因战,
// 因公, 因病 (0: 因病 is rated for grades 1-6 only). It is a second copy,
// not read from the generated data, so that a regeneration that loses or
// shifts a cell fails here.
var disabilityTable = map[string][10][3]int{
	"2017-10": {
		{72850, 70550, 68240}, // 1
		{65930, 62460, 60130}, // 2
		{57850, 54360, 50920}, // 3
		{47410, 42800, 39330}, // 4
		{37040, 32380, 30070}, // 5
		{28940, 27380, 23130}, // 6
		{21990, 19680, 0},     // 7
		{13880, 12710, 0},     // 8
		{11530, 9260, 0},      // 9
		{8100, 6930, 0},       // 10
	},
	"2018-08": {
		{80140, 77610, 75060}, // 1
		{72520, 68710, 66140}, // 2
		{63640, 59800, 56010}, // 3
		{52150, 47080, 43260}, // 4
		{40740, 35620, 33080}, // 5
		{31830, 30120, 25440}, // 6
		{24190, 21650, 0},     // 7
		{15270, 13980, 0},     // 8
		{12680, 10190, 0},     // 9
		{8910, 7620, 0},       // 10
	},
	"2019-08": {
		{88150, 85370, 82570}, // 1
		{79770, 75580, 72750}, // 2
		{70000, 65780, 61610}, // 3
		{57370, 51790, 47590}, // 4
		{44810, 39180, 36390}, // 5
		{35010, 33130, 27980}, // 6
		{26610, 23820, 0},     // 7
		{16800, 15380, 0},     // 8
		{13950, 11210, 0},     // 9
		{9800, 8380, 0},       // 10
	},
	"2020-08": {
		{96970, 93910, 90830}, // 1
		{87750, 83140, 80030}, // 2
		{77000, 72360, 67770}, // 3
		{63110, 56970, 52350}, // 4
		{49290, 43100, 40030}, // 5
		{38510, 36440, 30780}, // 6
		{29270, 26200, 0},     // 7
		{18480, 16920, 0},     // 8
		{15350, 12330, 0},     // 9
		{10780, 9220, 0},      // 10
	},
	"2021-08": {
		{106670, 103300, 99910}, // 1
		{96530, 91450, 88030},   // 2
		{84700, 79600, 74550},   // 3
		{69420, 62670, 57590},   // 4
		{54220, 47410, 44030},   // 5
		{42360, 40080, 33860},   // 6
		{32200, 28820, 0},       // 7
		{20330, 18610, 0},       // 8
		{16890, 13560, 0},       // 9
		{11860, 10140, 0},       // 10
	},
	"2022-08": {
		{116270, 111560, 106900}, // 1
		{105220, 98770, 94190},   // 2
		{92320, 85970, 79770},    // 3
		{75670, 67680, 61620},    // 4
		{59100, 51200, 47110},    // 5
		{46170, 43290, 36230},    // 6
		{34780, 30840, 0},        // 7
		{21960, 19910, 0},        // 8
		{18240, 14510, 0},        // 9
		{12810, 10850, 0},        // 10
	},
}

// Grade 1 before the full tables ([V], typed in floor/gen_veterans.go).
var disabilityGrade1 = map[string][3]int{
	"2015-10": {60210, 58310, 56400},
	"2016-10": {66230, 64140, 62040},
}

var causes = [3]string{"因战", "因公", "因病"}

// disabilityVersion is what each version ships with, by the confidence
// column of floor/data/src/veterans_disability.csv: its status, its
// confidence mark and the URL of its source ("" where the CSV gives none).
func disabilityVersion(month string, grade int) (benefit.Status, string, string) {
	switch {
	case month == "2015-10" || month == "2016-10":
		return benefit.Legislated, "V", ""
	case month == "2017-10":
		return benefit.Legislated, "V3", "https://w.sf024.com/info/1696551165724581788.html"
	case month == "2018-08" && grade == 1:
		return benefit.Legislated, "V", "http://www.pressreader.com/china/global-times-weekend/20180728/281586651397114"
	case month == "2018-08":
		return benefit.Provisional, "D", ""
	case month == "2019-08" && grade == 1:
		return benefit.Legislated, "V", "http://eng.chinamil.com.cn/view/2019-07/25/content_9568938.htm"
	case month == "2019-08":
		return benefit.Provisional, "D", "http://eng.chinamil.com.cn/view/2019-07/25/content_9568938.htm"
	case month == "2020-08":
		return benefit.Provisional, "D", ""
	case month == "2021-08":
		return benefit.Legislated, "V3", "http://uianet.net/dictionary/b4375799.html"
	case month == "2022-08": // V3 values, year C: provisional
		return benefit.Provisional, "C", "https://www.ctrod.com/archives/7777"
	}
	panic("no version " + month)
}

// Every cell of the shipped disability tables equals the typed table,
// with the status and source its source row gives it: 156 cells of
// 2017-10 .. 2022-08 and the grade-1 figures of 2015-10 and 2016-10, in
// 26 floors (grades 1-10 × 因战/因公, grades 1-6 × 因病), no more.
func TestDefaultDisabilityTables(t *testing.T) {
	floors := map[string]floor.Floor{}
	for _, f := range floor.Default().Floors("veterans.disability") {
		if !f.IsNational() || f.Per != benefit.PerYear {
			t.Errorf("%s: national %v per %s", f.Dims, f.IsNational(), f.Per)
		}
		floors[f.Dims.String()] = f
	}
	if len(floors) != 26 {
		t.Errorf("%d disability floors, want 26", len(floors))
	}
	cells, versions := 0, 0
	for g := 1; g <= 10; g++ {
		for c, cause := range causes {
			dims := fmt.Sprintf("cause=%s;grade=%d", cause, g)
			f, ok := floors[dims]
			if cause == "因病" && g > 6 {
				if ok {
					t.Errorf("%s: 因病 is rated for grades 1-6 only", dims)
				}
				continue
			}
			if !ok {
				t.Errorf("no floor %s", dims)
				continue
			}
			want := map[string]int{}
			for m, row := range disabilityTable {
				want[m] = row[g-1][c]
			}
			if g == 1 {
				for m, row := range disabilityGrade1 {
					want[m] = row[c]
				}
			}
			if f.Schedule.Len() != len(want) {
				t.Errorf("%s: %d versions, want %d", dims, f.Schedule.Len(), len(want))
			}
			versions += f.Schedule.Len()
			for _, v := range f.Schedule.All() {
				m := v.From.String()
				w, ok := want[m]
				if !ok {
					t.Errorf("%s: unexpected version %s", dims, m)
					continue
				}
				cells++
				if !v.Amount.Equal(benefit.Yuan(int64(w))) {
					t.Errorf("%s %s = %s, want %d", dims, m, v.Amount, w)
				}
				st, conf, url := disabilityVersion(m, g)
				if v.Status != st || v.Citation.Confidence != conf || v.Citation.URL != url {
					t.Errorf("%s %s: %s [%s] %q, want %s [%s] %q", dims, m, v.Status, v.Citation.Confidence, v.Citation.URL, st, conf, url)
				}
				if v.Citation.Title == "" {
					t.Errorf("%s %s has no citation title", dims, m)
				}
			}
		}
	}
	if cells != 162 || versions != 162 {
		t.Errorf("%d cells in %d versions, want 156 + 6 grade-1 figures = 162", cells, versions)
	}
	// Before 2017-10 only grade 1 is known: a grade-5 level of 2017-09
	// has no national floor (the check reports it unchecked).
	if _, _, ok := floor.Default().Required("veterans.disability", region.MustParseCode("110000"), benefit.MustParseDims("cause=因战;grade=5"), ym("2017-09")); ok {
		t.Error("a grade-5 floor before 2017-10")
	}
	if _, _, ok := floor.Default().Required("veterans.disability", region.MustParseCode("110000"), benefit.MustParseDims("cause=因战;grade=1"), ym("2015-09")); ok {
		t.Error("a grade-1 floor before 2015-10")
	}
}

// The tables are one chain (floor/data/src/veterans_disability.csv):
// each year is the year before × (1 + r) rounded half-up to 10 yuan.
// Cells worked by hand:
//
//	2016 → 2017: 66,230 × 1.10 = 72,853    → 72,850  (grade 1 因战)
//	2017 → 2018: 72,850 × 1.10 = 80,135    → 80,140  (grade 1 因战, published [V])
//	             32,380 × 1.10 = 35,618    → 35,620  (grade 5 因公)
//	              6,930 × 1.10 =  7,623    →  7,620  (grade 10 因公)
//	2018 → 2019: 56,010 × 1.10 = 61,611    → 61,610  (grade 3 因病)
//	             80,140 × 1.10 = 88,154    → 88,150  (grade 1 因战, published [V])
//	2019 → 2020: 26,610 × 1.10 = 29,271    → 29,270  (grade 7 因战)
//	2020 → 2021: 83,140 × 1.10 = 91,454    → 91,450  (grade 2 因公)
//	2021 → 2022: grades 1-6 +9/8/7 %, grades 7-10 +8/7 % (因战/因公/因病)
//	            106,670 × 1.09 = 116,270.3 → 116,270 (grade 1 因战)
//	            103,300 × 1.08 = 111,564   → 111,560 (grade 1 因公)
//	             99,910 × 1.07 = 106,903.7 → 106,900 (grade 1 因病)
//	             62,670 × 1.08 =  67,683.6 →  67,680 (grade 4 因公)
//	             33,860 × 1.07 =  36,230.2 →  36,230 (grade 6 因病)
//	             32,200 × 1.08 =  34,776   →  34,780 (grade 7 因战)
//	             10,140 × 1.07 =  10,849.8 →  10,850 (grade 10 因公)
func TestDisabilityChain(t *testing.T) {
	at := func(dims, month string) benefit.Amount {
		t.Helper()
		s, ok := floor.Default().NationalSchedule("veterans.disability", benefit.MustParseDims(dims))
		if !ok {
			t.Fatalf("no floor %s", dims)
		}
		a, ok := amountAt(s, ym(month))
		if !ok {
			t.Fatalf("no %s version in %s", dims, month)
		}
		return a
	}
	for _, tc := range []struct{ dims, month, want string }{
		{"cause=因战;grade=1", "2017-10", "72850"},
		{"cause=因战;grade=1", "2018-08", "80140"},
		{"cause=因公;grade=5", "2018-08", "35620"},
		{"cause=因公;grade=10", "2018-08", "7620"},
		{"cause=因病;grade=3", "2019-08", "61610"},
		{"cause=因战;grade=1", "2019-08", "88150"},
		{"cause=因战;grade=7", "2020-08", "29270"},
		{"cause=因公;grade=2", "2021-08", "91450"},
		{"cause=因战;grade=1", "2022-08", "116270"},
		{"cause=因公;grade=1", "2022-08", "111560"},
		{"cause=因病;grade=1", "2022-08", "106900"},
		{"cause=因公;grade=4", "2022-08", "67680"},
		{"cause=因病;grade=6", "2022-08", "36230"},
		{"cause=因战;grade=7", "2022-08", "34780"},
		{"cause=因公;grade=10", "2022-08", "10850"},
	} {
		eq(t, tc.dims+" "+tc.month, at(tc.dims, tc.month), tc.want)
	}
	// and every cell, with the library's rounding of the programme
	// (benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.HalfUp}): a check of the data, not of the arithmetic
	rate := func(month string, grade, cause int) benefit.Rate {
		if month != "2022-08" {
			return benefit.MustParseRate("10%")
		}
		if grade <= 6 {
			return benefit.MustParseRate([]string{"9%", "8%", "7%"}[cause])
		}
		return benefit.MustParseRate([]string{"8%", "7%"}[cause])
	}
	months := []string{"2017-10", "2018-08", "2019-08", "2020-08", "2021-08", "2022-08"}
	for k := 1; k < len(months); k++ {
		for g := 1; g <= 10; g++ {
			for c := range causes {
				prev, cur := disabilityTable[months[k-1]][g-1][c], disabilityTable[months[k]][g-1][c]
				if prev == 0 {
					continue
				}
				p := benefit.Yuan(int64(prev))
				got := p.Add(p.MulRate(rate(months[k], g, c))).Round(benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.HalfUp})
				if !got.Equal(benefit.Yuan(int64(cur))) {
					t.Errorf("%s grade %d %s: %d × (1 + %s) → %s, table says %d", months[k], g, causes[c], prev, rate(months[k], g, c), got, cur)
				}
			}
		}
	}
}

// Survivors' pensions (定期抚恤金, floor/data/src/veterans_survivors.csv):
// urban and rural standards of 烈士遗属 before 2016-10 (19,120 / 14,510),
// unified from then on (21,030); all three types from 2017-10 to 2021-08,
// 2020-08 and 2021-08 derived (+10 %, half-up to 10) and provisional; the
// 2018-08 因公牺牲 figure is 21,850 (in full, not "21,8xx").
func TestDefaultSurvivors(t *testing.T) {
	code := region.MustParseCode("110000")
	for _, tc := range []struct {
		dims, month, want string
		st                benefit.Status
	}{
		{"residence=城镇;survivor=烈士遗属", "2015-10", "19120", benefit.Legislated},
		{"residence=城镇;survivor=烈士遗属", "2016-09", "19120", benefit.Legislated},
		{"residence=农村;survivor=烈士遗属", "2016-09", "14510", benefit.Legislated},
		// the unified standard from 2016-10, whatever the residence
		{"residence=城镇;survivor=烈士遗属", "2016-10", "21030", benefit.Legislated},
		{"residence=农村;survivor=烈士遗属", "2016-10", "21030", benefit.Legislated},
		{"survivor=烈士遗属", "2016-10", "21030", benefit.Legislated},
		{"residence=农村;survivor=烈士遗属", "2017-10", "23130", benefit.Legislated},
		{"survivor=烈士遗属", "2018-08", "25440", benefit.Legislated},
		{"survivor=烈士遗属", "2019-08", "27980", benefit.Legislated},
		{"survivor=烈士遗属", "2020-08", "30780", benefit.Provisional},
		{"survivor=烈士遗属", "2021-08", "33860", benefit.Provisional},
		{"survivor=因公牺牲军人遗属", "2017-10", "19860", benefit.Legislated},
		{"survivor=因公牺牲军人遗属", "2018-08", "21850", benefit.Legislated},
		{"survivor=因公牺牲军人遗属", "2019-08", "24040", benefit.Legislated},
		{"survivor=因公牺牲军人遗属", "2020-08", "26440", benefit.Provisional},
		{"residence=城镇;survivor=因公牺牲军人遗属", "2021-08", "29080", benefit.Provisional},
		{"survivor=病故军人遗属", "2017-10", "18680", benefit.Legislated},
		{"survivor=病故军人遗属", "2018-08", "20550", benefit.Legislated},
		{"survivor=病故军人遗属", "2019-08", "22610", benefit.Legislated},
		{"survivor=病故军人遗属", "2020-08", "24870", benefit.Provisional},
		{"survivor=病故军人遗属", "2023-07", "27360", benefit.Provisional},
	} {
		a, cite, ok := floor.Default().Required("veterans.survivors", code, benefit.MustParseDims(tc.dims), ym(tc.month))
		if !ok || !a.Equal(amt(tc.want)) {
			t.Errorf("%s %s = %s %v, want %s", tc.dims, tc.month, a, ok, tc.want)
			continue
		}
		if st := statusOf(t, "veterans.survivors", tc.dims, tc.month); st != tc.st {
			t.Errorf("%s %s: status %s, want %s", tc.dims, tc.month, st, tc.st)
		}
		if cite.IsZero() {
			t.Errorf("%s %s: no citation", tc.dims, tc.month)
		}
	}
	// Before 2016-10 the figure depends on residence: a level that does
	// not say where the survivor lives has no floor to be checked
	// against (the check reports it unchecked), and neither has a type
	// whose standard of those years is not known.
	for _, dims := range []string{"survivor=烈士遗属", "survivor=因公牺牲军人遗属", "residence=城镇;survivor=病故军人遗属"} {
		if a, _, ok := floor.Default().Required("veterans.survivors", code, benefit.MustParseDims(dims), ym("2016-09")); ok {
			t.Errorf("%s 2016-09: floor %s, want none", dims, a)
		}
	}
	// A consistency check of the sources (not a rule): from 2017 to 2021
	// 烈士遗属 equals the grade-6 因病 disability standard every year.
	for _, m := range []string{"2017-10", "2018-08", "2019-08", "2020-08", "2021-08"} {
		s, _, _ := floor.Default().Required("veterans.survivors", code, benefit.MustParseDims("survivor=烈士遗属"), ym(m))
		if d := benefit.Yuan(int64(disabilityTable[m][5][2])); !s.Equal(d) {
			t.Errorf("%s: 烈士遗属 %s, grade-6 因病 %s", m, s, d)
		}
	}
}

// A rural survivor's level checked across the unification: 15,000 a year
// keeps the rural 14,510 up to 2016-09, and from 2016-10 is 21,030 −
// 15,000 = 6,030 a year short of the unified standard: for 2 persons over
// 2016-10 .. 2016-12 that is 6,030 × 2 × 3 / 12 = 3,015.00 owed.
func TestSurvivorsResidenceChecked(t *testing.T) {
	lv := floor.Level{Region: region.MustParseCode("140800"), Program: "veterans.survivors", Per: benefit.PerYear,
		Dims: benefit.MustParseDims("residence=农村;survivor=烈士遗属"), Beneficiaries: 2, Schedule: sched(t, "2016-01", "15000")}
	rep := check(t, []floor.Level{lv}, floor.Options{From: ym("2016-01"), To: ym("2017-01")})
	f := one(t, rep, floor.RuleFloor)
	if f.Interval.From != ym("2016-10") || f.Interval.To != ym("2017-01") {
		t.Errorf("finding over %s, want [2016-10, 2017-01)", f.Interval)
	}
	eq(t, "required", f.Required, "21030")
	eq(t, "shortfall", f.Shortfall, "6030")
	eq(t, "arrears", f.Arrears, "3015")
	// an urban survivor at 15,000 is short of the urban 19,120 before
	lv.Dims = benefit.MustParseDims("residence=城镇;survivor=烈士遗属")
	rep = check(t, []floor.Level{lv}, floor.Options{From: ym("2016-01"), To: ym("2016-10")})
	f = one(t, rep, floor.RuleFloor)
	eq(t, "urban required", f.Required, "19120")
}

// statusOf returns the status of the version of the national floor of
// program and dims (exactly) in force in month.
func statusOf(t *testing.T, program, dims, month string) benefit.Status {
	t.Helper()
	var best benefit.Version
	found := false
	for _, f := range floor.Default().Floors(program) {
		if !benefit.MustParseDims(dims).Matches(f.Dims) {
			continue
		}
		if v, ok := f.Schedule.At(ym(month)); ok && (!found || v.Amount.Cmp(best.Amount) > 0) {
			best, found = v, true
		}
	}
	if !found {
		t.Fatalf("no floor for %s %s in %s", program, dims, month)
	}
	return best.Status
}

// 带病回乡退伍军人生活补助 (monthly, floor/data/national.json): 410 (2015-10),
// 450 (2016-10), 500 before the 2018 raise (500 → 550; its month is not
// sourced, so provisional), 550 (2018-08) and at least 650 from
// 2020-08, sourced (Chinanews 2020-08-26) and legislated.
func TestDefaultIllReturned(t *testing.T) {
	for _, tc := range []struct {
		month, want string
		st          benefit.Status
	}{
		{"2015-10", "410", benefit.Legislated},
		{"2016-10", "450", benefit.Legislated},
		{"2017-10", "500", benefit.Provisional},
		{"2018-08", "550", benefit.Legislated},
		{"2020-07", "550", benefit.Legislated},
		{"2020-08", "650", benefit.Legislated},
	} {
		a, _, ok := floor.Default().Required("veterans.ill_returned", region.MustParseCode("110000"), benefit.Dims{}, ym(tc.month))
		if !ok || !a.Equal(amt(tc.want)) {
			t.Errorf("%s = %s %v, want %s", tc.month, a, ok, tc.want)
		}
		if st := statusOf(t, "veterans.ill_returned", "", tc.month); st != tc.st {
			t.Errorf("%s: status %s, want %s", tc.month, st, tc.st)
		}
	}
}

// The ceiling of 带病回乡退伍军人生活补助 is the grade-10 disability
// standard, 因战 by default (the source does not say which column), and
// the monthly allowance is compared × 12 with the yearly standard. In
// 2021-08 .. 2022-07 因战十级 is 11,860 a year:
//
//	988 × 12 = 11,856 ≤ 11,860: within
//	990 × 12 = 11,880 > 11,860: 20 a year over
//
// (not 11,860 ÷ 12 = 988.33…, which would need a rounding). The rule is
// in force from 2020-08: 1,000 a month in 2019-08 .. 2020-07 is above the
// grade-10 9,800 of the time, and no finding.
func TestIllReturnedCeiling(t *testing.T) {
	code := region.MustParseCode("140800")
	ill := floor.Level{Region: code, Program: "veterans.ill_returned", Schedule: sched(t, "2021-08", "988")}
	window := floor.Options{From: ym("2021-08"), To: ym("2022-08")}
	if rep := check(t, []floor.Level{ill}, window); len(rep.Findings) != 0 {
		t.Errorf("988 a month: %v", rep.Findings)
	}
	ill.Schedule = sched(t, "2021-08", "990")
	f := one(t, check(t, []floor.Level{ill}, window), "ill_returned.max_grade10")
	if f.Severity != floor.Violation || f.Per != benefit.PerYear {
		t.Errorf("finding %s per %s", f, f.Per)
	}
	eq(t, "bound", f.Required, "11860")
	eq(t, "actual", f.Actual, "11880")
	eq(t, "excess", f.Excess, "20")
	eq(t, "no arrears for a ceiling", f.Arrears, "0")

	ill.Schedule = sched(t, "2019-08", "1000")
	rep := check(t, []floor.Level{ill}, floor.Options{From: ym("2019-08"), To: ym("2020-08")})
	for _, f := range rep.Findings {
		if f.Rule == "ill_returned.max_grade10" {
			t.Errorf("the ceiling applied before 2020-08: %s", f)
		}
	}
	// Where the region (or an ancestor) gives its own grade-10 因战
	// figure, that figure is the bound (a relative rule prefers the
	// region's figures to the national one): 12,000 a year locally;
	// 1,001 a month × 12 = 12,012 is 12 over.
	grade10 := floor.Level{Region: code, Program: "veterans.disability", Dims: benefit.MustParseDims("cause=因战;grade=10"),
		Per: benefit.PerYear, Schedule: sched(t, "2021-08", "12000")}
	ill.Schedule = sched(t, "2021-08", "1001")
	f = one(t, check(t, []floor.Level{grade10, ill}, window), "ill_returned.max_grade10")
	eq(t, "local bound", f.Required, "12000")
	eq(t, "excess", f.Excess, "12")
}

// A user who reads the ceiling as the 因公 column replaces the rule's
// AgainstDims: 因公十级 2021-08 is 10,140 a year, 845 a month exactly.
//
//	845 × 12 = 10,140 ≤ 10,140: within (the bound is not strict)
//	846 × 12 = 10,152 > 10,140: 12 a year over
func TestIllReturnedCeilingCause(t *testing.T) {
	set := withCeilingCause(t, "因公")
	code := region.MustParseCode("140800")
	window := floor.Options{From: ym("2021-08"), To: ym("2022-08"), Floors: set}
	ill := floor.Level{Region: code, Program: "veterans.ill_returned", Schedule: sched(t, "2021-08", "845")}
	if rep := check(t, []floor.Level{ill}, window); len(rep.Findings) != 0 {
		t.Errorf("845 a month: %v", rep.Findings)
	}
	ill.Schedule = sched(t, "2021-08", "846")
	f := one(t, check(t, []floor.Level{ill}, window), "ill_returned.max_grade10")
	eq(t, "bound", f.Required, "10140")
	eq(t, "excess", f.Excess, "12")
	if !strings.Contains(f.Message(), "因公十级") {
		t.Errorf("message %q does not name the 因公 standard", f.Message())
	}
}

// withCeilingCause is the default set with the ill-returned ceiling read
// against grade 10 of cause.
func withCeilingCause(t *testing.T, cause string) *floor.Set {
	t.Helper()
	d := floor.Default()
	rel := d.Relatives("")
	n := 0
	for i := range rel {
		if rel[i].ID == "ill_returned.max_grade10" {
			rel[i].AgainstDims = benefit.MustParseDims("grade=10;cause=" + cause)
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d ill_returned.max_grade10 rules", n)
	}
	set, err := floor.NewSet(d.Version()+" (ceiling "+cause+")", d.Floors(""), rel, d.Cadences(), floor.SetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// amountAt returns the amount in force in month m, and false when none is.
func amountAt(s benefit.Schedule, m benefit.Month) (benefit.Amount, bool) {
	v, ok := s.At(m)
	return v.Amount, ok
}
