package plan

import (
	"context"
	"errors"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// Boundaries found by mutation testing (gremlins; README "Testing").

// A band whose up_to is exclusive ("below 6,813") does not hold a pension
// of exactly 6,813: Beijing 2024's item (三) with its first band made
// exclusive and no top-up (HYPOTHETICAL: the notice's band is inclusive)
// pays 30 below 6,813 and 15 from 6,813 on. Pension 6,812.99 → 30.00;
// 6,813.00 → 15.00; with the notice's inclusive band, 6,813.00 → 30.00.
func TestExclusiveBandEdge(t *testing.T) {
	p, err := Builtin("beijing-2024")
	if err != nil {
		t.Fatal(err)
	}
	k := -1
	for i, pt := range p.Parts {
		if pt.Bands != nil {
			k = i
		}
	}
	if k < 0 {
		t.Fatal("beijing-2024 has no bands part")
	}
	bandsPart := func(inclusive bool) *Calculator {
		q := p.Clone()
		q.Parts[k].Bands = &Bands{Bands: []PensionBand{
			{UpTo: benefit.MustParseAmount("6813"), Inclusive: inclusive, Amount: benefit.MustParseAmount("30")},
			{Amount: benefit.MustParseAmount("15")}}}
		c := calculator(t, q)
		return c
	}
	for _, tc := range []struct {
		inclusive bool
		pension   string
		want      string
	}{
		{false, "6812.99", "30.00"},
		{false, "6813.00", "15.00"},
		{false, "6813.01", "15.00"},
		{true, "6813.00", "30.00"},
		{true, "6813.01", "15.00"},
	} {
		res := apply(t, bandsPart(tc.inclusive), ret("1950-01-01", 30, 0, tc.pension))
		if got := res.Parts[k].Amount.String(); got != tc.want {
			t.Errorf("inclusive %v, pension %s: band part %s; want %s", tc.inclusive, tc.pension, got, tc.want)
		}
	}
}

// Calibration at the ends of its target (Shanghai 2024, the two retirees
// of TestCalibrateFixed: prior 8,000.00, the other parts 130.00):
//
//   - 1.625 % is 130.00 exactly, what the other parts give with a fixed
//     part of 0: reached, at 0.00 (130 + 2F ≤ 130 → F = 0);
//   - 100 % is a target (at most 100 %): 130 + 2F ≤ 8,000 → F = 3,935.00,
//     8,000.00 = 100 %.
func TestCalibrateTargetEnds(t *testing.T) {
	cal := calibrate(t, "shanghai-2024", twoRetirees(t, 10), "fixed", "1.625%", CalibrateOptions{})
	if !cal.Reached || cal.Value != "0.00" || cal.Percent.String() != "1.625%" {
		t.Errorf("1.625%%: reached %v value %s percent %s; want reached at 0.00, 1.625%%", cal.Reached, cal.Value, cal.Percent)
	}
	p, err := Builtin("shanghai-2024")
	if err != nil {
		t.Fatal(err)
	}
	cal, err = Calibrate(context.Background(), p, twoRetirees(t, 10), "fixed", benefit.Percent(100), CalibrateOptions{})
	if err != nil {
		t.Fatalf("100%%: %v", err)
	}
	if !cal.Reached || cal.Value != "3935.00" || cal.Percent.String() != "100%" || cal.Cost.String() != "8000.00" {
		t.Errorf("100%%: reached %v value %s percent %s cost %s; want reached at 3935.00, 100%%, 8000.00", cal.Reached, cal.Value, cal.Percent, cal.Cost)
	}
}

// The largest step is one that reaches the largest value tried in one
// step: an amount step of 100,000 yuan (k = 0 or 1) or a rate step of
// 100 % is accepted, a fen more or 0.01 % more is not. Shanghai 2024, the
// two retirees of TestCalibrateFixed, target 3 % of 8,000.00 = 240.00:
//
//   - fixed, step 100,000: the other parts give 130.00 ≤ 240 at k = 0;
//     k = 1 gives 130 + 2 × 100,000 = 200,130.00 > 240, so the value is
//     0.00 at 130 ÷ 8,000 = 1.625 %, and the next is 200,130 ÷ 8,000 =
//     2,501.625 %;
//   - level, step 100 %: fixed 2 × 61 + years 35 + 15 = 172.00 ≤ 240 at
//     0 %; 100 % adds 8,000.00: 8,172 ÷ 8,000 = 102.15 %, so 0 % at
//     172 ÷ 8,000 = 2.15 %.
func TestCalibrateLargestStep(t *testing.T) {
	for _, tc := range []struct {
		part             string
		opt              CalibrateOptions
		value, pct, next string
	}{
		{"fixed", CalibrateOptions{AmountStep: benefit.Yuan(100_000)}, "0.00", "1.625%", "2501.625%"},
		{"level", CalibrateOptions{RateStep: benefit.Percent(100)}, "0%", "2.15%", "102.15%"},
	} {
		cal := calibrate(t, "shanghai-2024", twoRetirees(t, 10), tc.part, "3%", tc.opt)
		if !cal.Reached || cal.AtLimit || cal.Value != tc.value || cal.Percent.String() != tc.pct || cal.NextPercent.String() != tc.next {
			t.Errorf("%s: reached %v at limit %v value %s percent %s next %s; want reached at %s, %s, next %s",
				tc.part, cal.Reached, cal.AtLimit, cal.Value, cal.Percent, cal.NextPercent, tc.value, tc.pct, tc.next)
		}
	}
	p, err := Builtin("shanghai-2024")
	if err != nil {
		t.Fatal(err)
	}
	for _, opt := range []CalibrateOptions{
		{AmountStep: benefit.MustParseAmount("100000.01")},
		{RateStep: benefit.MustParseRate("100.01%")},
	} {
		part := "fixed"
		if !opt.RateStep.IsZero() {
			part = "level"
		}
		if _, err := Calibrate(context.Background(), p, twoRetirees(t, 10), part, benefit.Percent(3), opt); !errors.Is(err, ErrCalibrate) {
			t.Errorf("%s step %v%v: %v; want ErrCalibrate", part, opt.AmountStep, opt.RateStep, err)
		}
	}
}

// The search, traced by hand on parts that are flat and then rise: the
// Shanghai 2024 years part alone (r per year, at least 15.00), the
// parameter k fen a year, target 1 %.
//
// One retiree of 30 years with a pension of 5,000.00: the bound is 50.00
// = 5,000 fen, and k gives max(30k, 1,500) fen, so the answer is k = 166
// (4,980 fen; 167 gives 5,010). The passes:
//
//	k = 0, 1: 1,500, 1,500; slope 0 → double: 2·1 + 1 = 3, then 4 (the
//	neighbour): 1,500, 1,500; 9, 10: 1,500 (270 and 300 < 1,500);
//	21, 22: 1,500; 45, 46: 1,500 (1,350, 1,380);
//	93: 2,790, 94: 2,820, slope from the last two points 30 fen a step;
//	94 + ⌊(5,000 − 2,820) ÷ 30⌋ = 94 + 72 = 166: 4,980, and its
//	neighbour 167: 5,010 > 5,000 brackets it.
//
// 14 passes, 1.66 a year at 49.80 = 0.996 %, next 50.10 = 1.002 %.
//
// Two retirees of 30 and 10 years, 5,000.00 each: the bound is 100.00 =
// 10,000 fen, k gives max(30k, 1,500) + max(10k, 1,500), 40k from k =
// 150 on, so the answer is k = 250 (10,000 fen exactly; 251 gives
// 10,040). The passes: 0 to 46 as above, each 3,000; 93: 4,290; 94:
// 4,320, slope 30; 94 + ⌊5,680 ÷ 30⌋ = 283: 11,320 > 10,000, the first
// bracket [94, 283]. Then interpolation and bisection alternate:
// interpolation 94 + ⌊5,680 ÷ 7,000 × 189⌋ = 94 + 153 = 247: 9,880, and
// its neighbour 248: 9,920; bisection 248 + ⌊35 ÷ 2⌋ = 265: 10,600 >
// 10,000; interpolation 248 + ⌊80 ÷ 680 × 17⌋ = 250: 10,000, and its
// neighbour 251: 10,040 > 10,000.
//
// 18 passes, 2.50 a year at 100.00 = 1 %, next 100.40 = 1.004 %.
//
// Two retirees of 40 and 10 years, target 0.8 % of 10,000.00 = 8,000 fen:
// max(40k, 1,500) + max(10k, 1,500). 0 to 22: 3,000; 45: 3,300; 46:
// 3,340, slope 40; 46 + ⌊4,660 ÷ 40⌋ = 162: 8,100 > 8,000; interpolation
// 46 + ⌊4,660 ÷ 4,760 × 116⌋ = 46 + 113 = 159: 7,950, neighbour 160:
// 8,000; bisection 160 + ⌊2 ÷ 2⌋ = 161: 8,050 > 8,000. 14 passes, 1.60 at
// 80.00 = 0.8 %, next 80.50 = 0.805 %.
//
// Two retirees of 35 and 6 years, target 1.5 % = 15,000 fen: max(35k,
// 1,500) + max(6k, 1,500). 0 to 22: 3,000; 45: 3,075; 46: 3,110, slope 35;
// 46 + ⌊11,890 ÷ 35⌋ = 385: 15,785 > 15,000; interpolation 46 + ⌊11,890 ÷
// 12,675 × 339⌋ = 46 + 318 = 364: 14,924, neighbour 365: 14,965;
// bisection 365 + ⌊20 ÷ 2⌋ = 375: 15,375 > 15,000; interpolation 365 +
// ⌊35 ÷ 410 × 10⌋ = 365, moved to 366 (a guess is above lo): 15,006 >
// 15,000. 15 passes, 3.65 at 149.65 = 1.4965 %, next 150.06 = 1.5006 %.
func TestCalibrateSearchPasses(t *testing.T) {
	q := builtinCopy(t, "shanghai-2024")
	years, ok := q.Part("years")
	if !ok {
		t.Fatal("shanghai-2024 has no years part")
	}
	q.Parts = []Part{years}
	retiree := func(id string, years int) Retiree {
		return Retiree{ID: id, Birth: MustParseDate("1957-06-01"), Retired: MustParseDate("2015-06-30"), Years: years, Pension: benefit.MustParseAmount("5000.00")}
	}
	for _, tc := range []struct {
		pop                    []Retiree
		target                 string
		value, cost, pct, next string
		passes                 int
	}{
		{[]Retiree{retiree("A", 30)}, "1%", "1.66", "49.80", "0.996%", "1.002%", 14},
		{[]Retiree{retiree("A", 30), retiree("B", 10)}, "1%", "2.50", "100.00", "1%", "1.004%", 18},
		{[]Retiree{retiree("A", 40), retiree("B", 10)}, "0.8%", "1.60", "80.00", "0.8%", "0.805%", 14},
		{[]Retiree{retiree("A", 35), retiree("B", 6)}, "1.5%", "3.65", "149.65", "1.4965%", "1.5006%", 15},
	} {
		pop, err := NewPopulation(FromSlice(tc.pop))
		if err != nil {
			t.Fatal(err)
		}
		cal, err := Calibrate(context.Background(), q, pop, "years", benefit.MustParseRate(tc.target), CalibrateOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if cal.Value != tc.value || cal.Cost.String() != tc.cost || cal.Percent.String() != tc.pct || cal.NextPercent.String() != tc.next || cal.Passes != tc.passes {
			t.Errorf("%d retirees: value %s cost %s percent %s next %s in %d passes; want %s, %s, %s, %s in %d",
				len(tc.pop), cal.Value, cal.Cost, cal.Percent, cal.NextPercent, cal.Passes, tc.value, tc.cost, tc.pct, tc.next, tc.passes)
		}
	}
}

// Years counted up to MinYears take no months with them; years at
// MinYears or above keep theirs. A HYPOTHETICAL years part: 1.00 a full
// year, 0.10 a remaining month, fewer than 10 years counted as 10 (the
// Shanxi 2025 rule) — in one open band (the linear form) and with a flat
// 5.00 on its band (the general form):
//
//	10 years 6 months: 10 × 1.00 + 6 × 0.10 = 10.60 (+ 5.00 = 15.60)
//	9 years 11 months: counted as 10 years: 10.00 (15.00)
//	10 years 0 months: 10.00 (15.00)
func TestYearsAtMinYears(t *testing.T) {
	p, err := Builtin("shanghai-2024")
	if err != nil {
		t.Fatal(err)
	}
	for _, flat := range []string{"0", "5"} {
		q := p.Clone()
		years, ok := q.Part("years")
		if !ok {
			t.Fatal("shanghai-2024 has no years part")
		}
		years.Years = &Years{MinYears: 10, Bands: []YearBand{{PerYear: benefit.MustParseAmount("1"), Flat: benefit.MustParseAmount(flat)}},
			PerMonth: benefit.MustParseAmount("0.10")}
		q.Parts = []Part{years}
		c := calculator(t, q)
		f := benefit.MustParseAmount(flat)
		for _, tc := range []struct {
			years, months int
			want          string
		}{
			{10, 6, "10.60"},
			{9, 11, "10.00"},
			{10, 0, "10.00"},
		} {
			res := apply(t, c, ret("1950-01-01", tc.years, tc.months, "3000"))
			if want := benefit.MustParseAmount(tc.want).Add(f); !res.Parts[0].Amount.Equal(want) {
				t.Errorf("flat %s, %d years %d months: %s; want %s", flat, tc.years, tc.months, res.Parts[0].Amount, want)
			}
		}
	}
}

// The age table runs to 150, the oldest age a bracket may name, and older
// ages read its last row. Shanghai 2024's brackets (70-74: 25.00, 75-79:
// 35.00, 80 and over: 45.00) with ages measured at 2050-12-31
// (HYPOTHETICAL): born 1900-12-31 is 150 that day and born 1900-01-01 is
// 150 too (151 the next day): 45.00; born 1901-01-01 is 149: 45.00; born
// 1971-01-01 is 79: 35.00; born 1981-01-01 is 69: 0.00.
func TestAgeTableLastRow(t *testing.T) {
	q := builtinCopy(t, "shanghai-2024")
	q.AgeAt = MustParseDate("2050-12-31")
	c := calculator(t, q)
	k := lastPart(t, q, func(pt Part) bool { return pt.ID == "age" })
	for birth, want := range map[string]string{"1900-12-31": "45.00", "1900-01-01": "45.00", "1901-01-01": "45.00", "1971-01-01": "35.00", "1981-01-01": "0.00"} {
		if got := apply(t, c, ret(birth, 30, 0, "3000")).Parts[k].Amount.String(); got != want {
			t.Errorf("born %s, age at 2050-12-31: %s; want %s", birth, got, want)
		}
	}
}

// A years part of one band that ends: years beyond its Through are not
// paid. HYPOTHETICAL: 1.00 a year through the 20th year: 19 years → 19.00,
// 20 → 20.00, 30 → 20.00 (the 10 years beyond unpaid).
func TestYearsOneBandThrough(t *testing.T) {
	q := builtinCopy(t, "shanghai-2024")
	years, _ := q.Part("years")
	years.Years = &Years{Bands: []YearBand{{Through: 20, PerYear: benefit.MustParseAmount("1")}}}
	q.Parts = []Part{years}
	c := calculator(t, q)
	for y, want := range map[int]string{19: "19.00", 20: "20.00", 30: "20.00"} {
		if got := apply(t, c, ret("1950-01-01", y, 0, "3000")).Parts[0].Amount.String(); got != want {
			t.Errorf("%d years: %s; want %s", y, got, want)
		}
	}
}

// A bands part whose every band has a top-up, rounded up to the yuan
// (HYPOTHETICAL; Beijing 2024's last band: +15, topped up so that pension
// + part ≥ 6,843): a pension of 6,820.30 gets 6,843 − 6,820.30 = 22.70,
// rounded up to 23.00; 6,830.50 gets 15.00 (6,845.50 ≥ 6,843); 6,827.00
// gets exactly 16.00.
func TestBandsAllToppedUpRoundedUp(t *testing.T) {
	q := builtinCopy(t, "beijing-2024")
	k := lastPart(t, q, func(pt Part) bool { return pt.Bands != nil })
	q.Parts[k].Rounding = benefit.Rounding{Unit: benefit.YuanUnit, Mode: benefit.Up}
	q.Parts[k].Bands = &Bands{Bands: []PensionBand{{Amount: benefit.MustParseAmount("15"), TopUpTo: benefit.MustParseAmount("6843")}}}
	c := calculator(t, q)
	for pension, want := range map[string]string{"6820.30": "23.00", "6830.50": "15.00", "6827.00": "16.00"} {
		if got := apply(t, c, ret("1950-01-01", 30, 0, pension)).Parts[k].Amount.String(); got != want {
			t.Errorf("pension %s: %s; want %s", pension, got, want)
		}
	}
}

// The years parameter is the band that has a per-year rate, the first band
// too; two bands with rates are an error. HYPOTHETICAL: Shanghai 2024 with
// its years part made 1 a year through the 20th year (r) and a flat 5.00
// beyond; the two retirees of TestCalibrateFixed (A 35 years, B 10),
// target 3 % of 8,000.00 = 240.00: fixed 2 × 61 = 122, level 1 % = 80,
// years A 20r + 5, B 10r: 207 + 30r ≤ 240 → r = 1.10 (exactly 240.00, 3 %);
// 1.11 gives 240.30 = 3.00375 %, 3.0038 % at six decimals of the ratio.
func TestCalibrateFirstYearsBand(t *testing.T) {
	q := builtinCopy(t, "shanghai-2024")
	k := lastPart(t, q, func(pt Part) bool { return pt.ID == "years" })
	q.Parts[k].Years = &Years{Bands: []YearBand{{Through: 20, PerYear: benefit.MustParseAmount("1")}, {Flat: benefit.MustParseAmount("5")}}}
	cal, err := Calibrate(context.Background(), q, twoRetirees(t, 10), "years", benefit.Percent(3), CalibrateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if cal.Param != "years.bands[0].per_year" || cal.Value != "1.10" || cal.Percent.String() != "3%" || cal.NextPercent.String() != "3.0038%" {
		t.Errorf("%s = %s at %s, next %s; want years.bands[0].per_year = 1.10 at 3%%, next 3.0038%%", cal.Param, cal.Value, cal.Percent, cal.NextPercent)
	}
	q.Parts[k].Years = &Years{Bands: []YearBand{{Through: 15, PerYear: benefit.MustParseAmount("1")}, {PerYear: benefit.MustParseAmount("2")}}}
	if _, err := Calibrate(context.Background(), q, twoRetirees(t, 10), "years", benefit.Percent(3), CalibrateOptions{}); !errors.Is(err, ErrCalibrate) {
		t.Errorf("two per-year rates: %v; want ErrCalibrate", err)
	}
}

// An interpolation that guesses lo itself probes lo + 1 instead, and then
// that guess's neighbour. The Shanghai 2024 years part alone (k fen a
// year, at least 15.00), one retiree of 44 years with a pension of
// 5,000.00, target 0.3 %: the bound is 15.00 = 1,500 fen, and k gives
// max(44k, 1,500) fen, so the answer is k = 34 (1,496 → 1,500; 35 gives
// 1,540). The passes:
//
//	k = 0, 1: 1,500; slope 0 → double: 3, then 4 (the neighbour); 9, 10;
//	21, 22: 1,500 (44 × 22 = 968); 45: 1,980 > 1,500, the first bracket
//	[22, 45];
//	interpolation 22 + ⌊(1,500 − 1,500) ÷ 480 × 23⌋ = 22, moved to 23 (a
//	guess is above lo): 1,500, and its neighbour 24: 1,500;
//	bisection 24 + ⌊21 ÷ 2⌋ = 34: 1,500;
//	interpolation 34 + ⌊0 ÷ 480 × 11⌋ = 34, moved to 35: 1,540 > 1,500.
//
// 13 passes, 0.34 a year at 15.00 = 0.3 %, next 15.40 = 0.308 %.
func TestCalibrateInterpolationAtLo(t *testing.T) {
	q := builtinCopy(t, "shanghai-2024")
	years, ok := q.Part("years")
	if !ok {
		t.Fatal("shanghai-2024 has no years part")
	}
	q.Parts = []Part{years}
	pop, err := NewPopulation(FromSlice([]Retiree{{ID: "A", Birth: MustParseDate("1957-06-01"), Retired: MustParseDate("2015-06-30"), Years: 44,
		Pension: benefit.MustParseAmount("5000.00")}}))
	if err != nil {
		t.Fatal(err)
	}
	cal, err := Calibrate(context.Background(), q, pop, "years", benefit.MustParseRate("0.3%"), CalibrateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if cal.Value != "0.34" || cal.Cost.String() != "15.00" || cal.Percent.String() != "0.3%" || cal.NextPercent.String() != "0.308%" || cal.Passes != 13 {
		t.Errorf("value %s cost %s percent %s next %s in %d passes; want 0.34, 15.00, 0.3%%, 0.308%% in 13",
			cal.Value, cal.Cost, cal.Percent, cal.NextPercent, cal.Passes)
	}
}

// builtinCopy returns a copy of the shipped plan id, to edit.
func builtinCopy(t *testing.T, id string) Plan {
	t.Helper()
	p, err := Builtin(id)
	if err != nil {
		t.Fatal(err)
	}
	return p.clone()
}

// lastPart returns the index of the last part of q that is, and fails
// the test when none is.
func lastPart(t *testing.T, q Plan, is func(Part) bool) int {
	t.Helper()
	k := -1
	for i, pt := range q.Parts {
		if is(pt) {
			k = i
		}
	}
	if k < 0 {
		t.Fatalf("plan %s has no such part", q.ID)
	}
	return k
}

// calculator returns q's calculator.
func calculator(t *testing.T, q Plan) *Calculator {
	t.Helper()
	c, err := NewCalculator(q)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Dates order by the calendar: 1953-12-31 (a retiree who is 70 at the
// end of 2023) is before 1954-01-01 and after 1953-02-28; the zero Date
// comes before every day.
func TestDateCompare(t *testing.T) {
	d := MustParseDate("1953-12-31")
	for _, c := range []struct {
		e    Date
		want int
	}{
		{MustParseDate("1954-01-01"), -1},
		{MustParseDate("1953-12-31"), 0},
		{MustParseDate("1953-02-28"), +1},
		{Date{}, +1},
	} {
		if got := d.Compare(c.e); got != c.want {
			t.Errorf("%s.Compare(%s) = %d; want %d", d, c.e, got, c.want)
		}
	}
	if got := (Date{}).Compare(d); got != -1 {
		t.Errorf("zero Date.Compare(%s) = %d; want -1", d, got)
	}
}
