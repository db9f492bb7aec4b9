package plan_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/plan"
	"github.com/benefitstd/benefitstd/region"
)

// The differential tests hold the compiled evaluator (Calculator.Apply
// and Calculator.Run, per person and summed up) against ref, a plain
// shopspring/decimal reading of the part kinds written from their policy
// text (plan.Part's documentation and policy-reference §3.2, §3.3 and
// §11 Example A), on the bench generator's population and on fuzzed
// retirees, for every shipped plan and a hypothetical plan with every
// kind and option, under every rounding. Results must agree to the fen.

// ref applies a plan the plain way: decimals, one part after the other.
type ref struct{ p plan.Plan }

// refResult is one retiree's result.
type refResult struct {
	eligible bool
	age      int
	pension  decimal.Decimal
	parts    []decimal.Decimal
	increase decimal.Decimal
	months   int
}

// dec converts a whole number of fen (every amount of a valid plan or
// retiree is one).
func dec(a benefit.Amount) decimal.Decimal {
	f, ok := a.Fen()
	if !ok {
		panic(a.String() + " is not a whole number of fen")
	}
	return decimal.New(f, -2)
}

func rate(r benefit.Rate) decimal.Decimal {
	num, scale := r.Fraction()
	return decimal.NewFromBigInt(num, -scale)
}

// round rounds d to the part's unit by its mode: half-up (四舍五入, a tie
// away from zero; amounts are not negative), half-even, up (进位: any
// remainder) or down (舍去).
func round(d decimal.Decimal, r benefit.Rounding) decimal.Decimal {
	places := map[benefit.Unit]int32{benefit.Fen: 2, benefit.Jiao: 1, benefit.YuanUnit: 0, benefit.TenYuan: -1}[r.Unit]
	switch r.Mode {
	case benefit.HalfUp:
		return d.Round(places)
	case benefit.HalfEven:
		return d.RoundBank(places)
	case benefit.Up:
		return d.RoundUp(places)
	case benefit.Down:
		return d.RoundDown(places)
	}
	panic("mode " + r.Mode.String())
}

// age is the age in full years (周岁) on day at of a person born on
// birth; a 29 February birthday falls on 28 February in a common year
// (民法典 第二百零二条: no corresponding day, the month's last day).
func age(birth, at plan.Date) int {
	by, bm, bd := birth.Year(), birth.Month(), birth.Day()
	if bm == time.February && bd == 29 && time.Date(at.Year(), time.February, 29, 0, 0, 0, 0, time.UTC).Month() != time.February {
		bd = 28
	}
	a := at.Year() - by
	if at.Month() < bm || (at.Month() == bm && at.Day() < bd) {
		a--
	}
	return a
}

// monthIndex counts months from year 0.
func monthIndex(y int, m time.Month) int { return y*12 + int(m) - 1 }

func (c ref) apply(r plan.Retiree) refResult {
	p := c.p
	res := refResult{age: age(r.Birth, p.AgeAt), pension: dec(r.Pension), increase: decimal.Zero}
	// eligible: retired on or before the cut-off (RetiredBy)
	if r.Retired.After(p.RetiredBy) {
		for range p.Parts {
			res.parts = append(res.parts, decimal.Zero)
		}
		return res
	}
	res.eligible = true
	before := decimal.Zero // the parts so far
	for _, pt := range p.Parts {
		v := decimal.Zero
		switch {
		case pt.Fixed != nil: // 定额: the same amount for everyone
			v = dec(pt.Fixed.Amount)
		case pt.Years != nil:
			v = yearsPart(pt.Years, r)
		case pt.Percent != nil: // a percentage of the own pension
			v = res.pension.Mul(rate(pt.Percent.Rate))
		case pt.Bands != nil: // the band the pension falls in, topped up
			for i, b := range pt.Bands.Bands {
				last := i == len(pt.Bands.Bands)-1
				up := dec(b.UpTo)
				if last || res.pension.LessThan(up) || (b.Inclusive && res.pension.Equal(up)) {
					v = dec(b.Amount)
					if t := dec(b.TopUpTo); !b.TopUpTo.IsZero() && res.pension.Add(v).LessThan(t) {
						v = t.Sub(res.pension)
					}
					break
				}
			}
		case pt.Age != nil: // the first bracket that matches
			for _, b := range pt.Age.Brackets {
				if res.age >= b.Min && (b.Max == 0 || res.age <= b.Max) && r.Years >= b.MinYears && (b.Sex == plan.SexUnknown || b.Sex == r.Sex) {
					v = dec(b.Amount)
					break
				}
			}
		case pt.Area != nil: // by hardship class
			for _, cl := range pt.Area.Classes {
				if cl.Class == r.Area {
					v = dec(cl.Amount)
				}
			}
		case pt.Category != nil: // the category's amount, topped up with the parts before
			if r.Category == pt.Category.Category {
				v = dec(pt.Category.Amount)
				base := res.pension.Add(before)
				if t := dec(pt.Category.TopUpTo); !pt.Category.TopUpTo.IsZero() && base.Add(v).LessThan(t) {
					v = t.Sub(base)
				}
			}
		}
		v = round(v, pt.Rounding)
		res.parts = append(res.parts, v)
		before = before.Add(v)
	}
	res.increase = before
	// arrears: from the effective month, or the month after retirement if
	// later, up to the first month paid at the new rate
	if !p.FirstPaid.IsZero() {
		start := monthIndex(p.Effective.Year(), p.Effective.Month())
		if rm := monthIndex(r.Retired.Year(), r.Retired.Month()); rm >= start {
			start = rm + 1
		}
		res.months = max(0, monthIndex(p.FirstPaid.Year(), p.FirstPaid.Month())-start)
	}
	return res
}

// yearsPart follows plan.Years' five steps.
func yearsPart(y *plan.Years, r plan.Retiree) decimal.Decimal {
	// 1. a Below rule on the actual contribution time
	for _, b := range y.Below {
		if r.Years*12+r.Months < b.Years*12 && (b.Category == "" || b.Category == r.Category) {
			return dec(b.Amount)
		}
	}
	// 2. the counted years and months
	years, months := r.Years, r.Months
	if y.PartYearAsYear && months > 0 {
		years, months = years+1, 0
	}
	if years < y.MinYears { // "under 10 counted as 10"
		years, months = y.MinYears, 0
	}
	// 3. bands like tax brackets; a band reached pays its flat amount
	v := decimal.Zero
	from := 0
	for _, b := range y.Bands {
		if years <= from {
			break
		}
		to := years
		if b.Through != 0 {
			to = min(years, b.Through)
		}
		v = v.Add(dec(b.Flat)).Add(dec(b.PerYear).Mul(decimal.NewFromInt(int64(to - from))))
		if b.Through == 0 {
			break
		}
		from = b.Through
	}
	// 4. the remaining months; 5. at least Min
	v = v.Add(dec(y.PerMonth).Mul(decimal.NewFromInt(int64(months))))
	return decimal.Max(v, dec(y.Min))
}

// hypothetical is a HYPOTHETICAL plan with every kind of part and every
// option, for the differential tests only.
func hypothetical() plan.Plan {
	cite := benefit.Citation{Title: "hypothetical, for tests", Confidence: "D"}
	fen := benefit.Rounding{Unit: benefit.Fen, Mode: benefit.HalfUp}
	part := func(id string) plan.Part {
		return plan.Part{ID: id, Name: id, Rounding: fen, Status: benefit.Illustrative, Citation: cite}
	}
	a := benefit.MustParseAmount
	p := plan.Plan{ID: "hypothetical", Name: "假设方案", Region: region.MustParseCode("610000"),
		RetiredBy: plan.MustParseDate("2024-06-30"), AgeAt: plan.MustParseDate("2023-12-31"),
		Effective: benefit.MustParseMonth("2024-01"), FirstPaid: benefit.MustParseMonth("2024-09"),
		Status: benefit.Illustrative, Citation: cite}
	fixed := part("fixed")
	fixed.Fixed = &plan.Fixed{Amount: a("12.34")}
	years := part("years")
	years.Years = &plan.Years{
		Below:          []plan.Below{{Years: 15, Category: "农转工", Amount: a("36")}, {Years: 5, Amount: a("24.5")}},
		PartYearAsYear: true, MinYears: 10,
		Bands:    []plan.YearBand{{Through: 15, PerYear: a("1.5"), Flat: a("8")}, {Through: 30, PerYear: a("2.05")}, {PerYear: a("0.5"), Flat: a("1.11")}},
		PerMonth: a("0.2"), Min: a("15.55")}
	years2 := part("years2") // remaining months paid, no part-year rule
	years2.Years = &plan.Years{Bands: []plan.YearBand{{PerYear: a("1.25")}}, PerMonth: a("0.15"), Min: a("15")}
	level := part("level")
	level.Percent = &plan.Percent{Rate: benefit.MustParseRate("1.81%")}
	bands := part("bands")
	bands.Bands = &plan.Bands{Bands: []plan.PensionBand{{UpTo: a("3000"), Inclusive: true, Amount: a("40.05")}, {UpTo: a("6813"), Amount: a("30")}, {Amount: a("15"), TopUpTo: a("6843")}}}
	old := part("age")
	old.Age = &plan.Age{Brackets: []plan.AgeBracket{{Min: 80, Amount: a("70")}, {Min: 70, Max: 79, MinYears: 20, Amount: a("50")}, {Min: 65, Max: 69, Sex: plan.Female, Amount: a("30.05")}}}
	old2 := part("age2") // no conditions
	old2.Age = &plan.Age{Brackets: []plan.AgeBracket{{Min: 75, Amount: a("35")}, {Min: 70, Max: 74, Amount: a("25.5")}}}
	area := part("area")
	area.Area = &plan.Area{Classes: []plan.AreaClass{{Class: 1, Amount: a("3.33")}, {Class: 2, Amount: a("7")}, {Class: 9, Amount: a("100")}}}
	nzg := part("nzg")
	nzg.Category = &plan.Category{Category: "农转工", Amount: a("5.55")}
	jzg := part("jzg")
	jzg.Category = &plan.Category{Category: "军转干部", Amount: a("10"), TopUpTo: a("6000")}
	p.Parts = []plan.Part{fixed, years, level, nzg, bands, years2, old, old2, area, jzg}
	return p
}

// plans returns the shipped plans and the hypothetical one (the first
// base), and each of these with every part rounded by each rounding a
// part may have (a part with a top-up only to the fen or up).
func plans(t testing.TB) (ps []plan.Plan, base int) {
	ps = append(plan.Builtins(), hypothetical())
	base = len(ps)
	for _, p := range ps[:base] {
		for _, u := range []benefit.Unit{benefit.Fen, benefit.Jiao, benefit.YuanUnit, benefit.TenYuan} {
			for _, m := range []benefit.Mode{benefit.HalfUp, benefit.HalfEven, benefit.Up, benefit.Down} {
				q := p.Clone()
				q.ID = fmt.Sprintf("%s-%s-%s", p.ID, u, m)
				for i := range q.Parts {
					if topUp(q.Parts[i]) && u != benefit.Fen && m != benefit.Up {
						continue
					}
					q.Parts[i].Rounding = benefit.Rounding{Unit: u, Mode: m}
				}
				ps = append(ps, q)
			}
		}
	}
	for _, p := range ps {
		if err := p.Validate(); err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
	}
	return ps, base
}

func topUp(pt plan.Part) bool {
	if pt.Category != nil && !pt.Category.TopUpTo.IsZero() {
		return true
	}
	if pt.Bands != nil {
		for _, b := range pt.Bands.Bands {
			if !b.TopUpTo.IsZero() {
				return true
			}
		}
	}
	return false
}

// check compares one retiree's Outcome with ref's.
func check(t *testing.T, p plan.Plan, r plan.Retiree, got plan.Outcome, want refResult) {
	t.Helper()
	bad := got.Eligible != want.eligible || got.Age != want.age || !dec(got.Increase).Equal(want.increase) ||
		!dec(got.NewPension).Equal(want.pension.Add(want.increase)) || got.ArrearsMonths != want.months && want.eligible ||
		!dec(got.Arrears).Equal(want.increase.Mul(decimal.NewFromInt(int64(want.months)))) && want.eligible
	if want.eligible {
		if len(got.Parts) != len(want.parts) {
			bad = true
		} else {
			for i, pr := range got.Parts {
				bad = bad || !dec(pr.Amount).Equal(want.parts[i])
			}
		}
	}
	if bad {
		t.Fatalf("%s, %+v:\n got %+v\nwant %+v", p.ID, r, got, want)
	}
}

// The bench generator's population, per person (the per-person CSV) and
// summed up (the Report), for every plan (10,000 retirees) and rounding
// (500).
func TestDifferentialPopulation(t *testing.T) {
	ps, base := plans(t)
	for k, p := range ps {
		n := 10_000
		if k >= base || testing.Short() {
			n = 500
		}
		c, err := plan.NewCalculator(p)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		s, err := c.Run(context.Background(), plan.Synthetic(1, n, p.RetiredBy), plan.Options{Workers: 3, ChunkSize: 999, PerPerson: output.NewPaymentCSV(&out, output.Options{})})
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if len(lines) != n+1 {
			t.Fatalf("%s: %d per-person lines", p.ID, len(lines))
		}
		rc := ref{p}
		sum := newRefSum(p)
		i := 0
		gen, err := plan.NewPopulation(plan.Synthetic(1, n, p.RetiredBy))
		if err != nil {
			t.Fatal(err)
		}
		for r := range gen.All() {
			i++
			want := rc.apply(r)
			if w := personLine(r, want); lines[i] != w {
				t.Fatalf("%s: line %d\n got %s\nwant %s", p.ID, i+1, lines[i], w)
			}
			sum.add(r, want)
		}
		sum.compare(t, s)
	}
}

// personLine is the line output.NewPaymentCSV writes for the retiree.
func personLine(r plan.Retiree, x refResult) string {
	f := func(d decimal.Decimal) string { return d.StringFixed(2) }
	cols := []string{r.ID, strconv.FormatBool(x.eligible), "", strconv.Itoa(x.age), f(x.pension)}
	if !x.eligible {
		cols[2] = "retired_after_cutoff"
	}
	for _, v := range x.parts {
		cols = append(cols, f(v))
	}
	months := x.months
	if !x.eligible {
		months = 0
	}
	cols = append(cols, f(x.increase), f(x.pension.Add(x.increase)), strconv.Itoa(months), f(x.increase.Mul(decimal.NewFromInt(int64(months)))))
	return strings.Join(cols, ",")
}

// refSum sums ref's results as a Report does.
type refSum struct {
	p                        plan.Plan
	retirees, eligible       int64
	prior, increase, arrears decimal.Decimal
	partTotal                []decimal.Decimal
	partN                    []int64
	groupN                   map[string]int64
	groupPrior, groupInc     map[string]decimal.Decimal
	increases                []decimal.Decimal
}

func newRefSum(p plan.Plan) *refSum {
	return &refSum{p: p, prior: decimal.Zero, increase: decimal.Zero, arrears: decimal.Zero,
		partTotal: slices.Repeat([]decimal.Decimal{decimal.Zero}, len(p.Parts)), partN: make([]int64, len(p.Parts)),
		groupN: map[string]int64{}, groupPrior: map[string]decimal.Decimal{}, groupInc: map[string]decimal.Decimal{}}
}

func (s *refSum) add(r plan.Retiree, x refResult) {
	s.retirees++
	if !x.eligible {
		return
	}
	s.eligible++
	s.prior = s.prior.Add(x.pension)
	s.increase = s.increase.Add(x.increase)
	s.arrears = s.arrears.Add(x.increase.Mul(decimal.NewFromInt(int64(x.months))))
	for i, v := range x.parts {
		s.partTotal[i] = s.partTotal[i].Add(v)
		if !v.IsZero() {
			s.partN[i]++
		}
	}
	area := "none"
	if r.Area > 0 {
		area = "class " + strconv.Itoa(r.Area)
	}
	ag := "<60"
	switch {
	case x.age >= 90:
		ag = "90+"
	case x.age >= 60:
		lo := 60 + (x.age-60)/5*5
		ag = fmt.Sprintf("%d-%d", lo, lo+4)
	}
	for _, g := range []string{"area " + area, "age " + ag} {
		s.groupN[g]++
		s.groupPrior[g] = s.groupPrior[g].Add(x.pension)
		s.groupInc[g] = s.groupInc[g].Add(x.increase)
	}
	s.increases = append(s.increases, x.increase)
}

func (s *refSum) compare(t *testing.T, got *plan.Report) {
	t.Helper()
	errorf := func(format string, args ...any) { t.Errorf(s.p.ID+": "+format, args...) }
	eq := func(name string, a benefit.Amount, d decimal.Decimal) {
		if !dec(a).Equal(d) {
			errorf("%s = %s, want %s", name, a, d.StringFixed(2))
		}
	}
	if got.Retirees != s.retirees || got.Eligible != s.eligible {
		errorf("retirees %d eligible %d, want %d %d", got.Retirees, got.Eligible, s.retirees, s.eligible)
	}
	eq("prior", got.PriorTotal, s.prior)
	eq("increase", got.Increase, s.increase)
	eq("new total", got.NewTotal, s.prior.Add(s.increase))
	eq("arrears", got.Arrears, s.arrears)
	if s.eligible > 0 {
		eq("average", got.Average, s.increase.DivRound(decimal.NewFromInt(s.eligible), 2)) // half away from zero = half-up here
		if w := s.increase.DivRound(s.prior, 6); !rate(got.Percent).Equal(w) {
			errorf("percent = %s, want %s", got.Percent, w)
		}
	}
	for i, pt := range got.Parts {
		eq("part "+pt.ID, pt.Total, s.partTotal[i])
		if pt.Retirees != s.partN[i] {
			errorf("part %s: %d retirees, want %d", pt.ID, pt.Retirees, s.partN[i])
		}
	}
	groups := 0
	for kind, gs := range map[string][]plan.GroupTotal{"area": got.Areas, "age": got.Ages} {
		for _, g := range gs {
			k := kind + " " + g.Group
			groups++
			if g.Retirees != s.groupN[k] {
				errorf("%s: %d retirees, want %d", k, g.Retirees, s.groupN[k])
			}
			eq(k+" prior", g.Prior, s.groupPrior[k])
			eq(k+" increase", g.Increase, s.groupInc[k])
		}
	}
	if groups != len(s.groupN) {
		errorf("%d groups, want %d", groups, len(s.groupN))
	}
	// nearest rank: the smallest increase at least P % do not exceed
	slices.SortFunc(s.increases, decimal.Decimal.Cmp)
	for _, pc := range got.Percentiles {
		rank := max(1, (int64(pc.P)*s.eligible+99)/100)
		eq(fmt.Sprintf("P%d", pc.P), pc.Increase, s.increases[rank-1])
	}
	for _, b := range got.Histogram {
		lo, hi := dec(b.From), dec(b.To)
		var n int64
		for _, v := range s.increases {
			if !v.LessThan(lo) && v.LessThan(hi) {
				n++
			}
		}
		if n != b.Retirees {
			errorf("bin %s-%s: %d, want %d", b.From, b.To, b.Retirees, n)
		}
	}
}

// randomRetiree maps fuzz inputs to a valid retiree: born 1900-2030 (29
// February included), retired on or after birth up to 2030, 0-80 years
// and 0-11 months, a pension of 0 to 100,000,000.00, any class,
// category and sex.
func randomRetiree(day, retire uint32, years, months uint8, pension uint64, area, cat, sex uint8) plan.Retiree {
	start := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	d := func(t time.Time) plan.Date {
		v, err := plan.NewDate(t.Year(), t.Month(), t.Day())
		if err != nil {
			panic(err)
		}
		return v
	}
	birth := start.AddDate(0, 0, int(day%47_500))
	if day%17 == 0 { // a leap day now and then
		birth = time.Date(1904+4*int(day%30), time.February, 29, 0, 0, 0, 0, time.UTC)
	}
	retired := birth.AddDate(0, 0, int(retire%40_000))
	if retired.Year() > 2030 {
		retired = time.Date(2030, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	if retire%5 == 0 { // around the cut-offs and effective months
		retired = time.Date(2023+int(retire/5%3), time.Month(1+retire/15%12), 1+int(retire/180%28), 0, 0, 0, 0, time.UTC)
		if retired.Before(birth) {
			retired = birth
		}
	}
	return plan.Retiree{ID: "f", Birth: d(birth), Retired: d(retired), Years: int(years % 81), Months: int(months % 12),
		Pension: benefit.FromFen(int64(pension % 10_000_000_001)), Area: int(area % 10),
		Category: []string{"", "农转工", "军转干部", "其他"}[cat%4], Sex: plan.Sex(sex % 3)}
}

// Fuzzed retirees through Apply, for every plan.
func FuzzDifferential(f *testing.F) {
	ps, _ := plans(f)
	cs := make([]*plan.Calculator, len(ps))
	for i, p := range ps {
		c, err := plan.NewCalculator(p)
		if err != nil {
			f.Fatal(err)
		}
		cs[i] = c
	}
	f.Add(uint16(0), uint32(18_760), uint32(20_000), uint8(35), uint8(0), uint64(500_000), uint8(0), uint8(0), uint8(0))
	f.Add(uint16(3), uint32(30_000), uint32(5), uint8(9), uint8(11), uint64(681_300), uint8(1), uint8(1), uint8(1))
	f.Add(uint16(9), uint32(17), uint32(25), uint8(29), uint8(6), uint64(200_050), uint8(9), uint8(2), uint8(2))
	f.Add(uint16(17), uint32(20_000), uint32(0), uint8(80), uint8(11), uint64(10_000_000_000), uint8(2), uint8(1), uint8(1))
	f.Fuzz(func(t *testing.T, pi uint16, day, retire uint32, years, months uint8, pension uint64, area, cat, sex uint8) {
		i := int(pi) % len(ps)
		r := randomRetiree(day, retire, years, months, pension, area, cat, sex)
		got, err := cs[i].Apply(r)
		if err != nil {
			t.Fatal(err)
		}
		check(t, ps[i], r, got, ref{ps[i]}.apply(r))
	})
}

// Random retirees (the fuzzer's mapping, from a fixed seed) through
// Apply and Run, for every plan (3,000) and rounding (200).
func TestDifferentialRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 7))
	ps, base := plans(t)
	for k, p := range ps {
		n := 3_000
		if k >= base || testing.Short() {
			n = 200
		}
		c, err := plan.NewCalculator(p)
		if err != nil {
			t.Fatal(err)
		}
		rs := make([]plan.Retiree, n)
		sum := newRefSum(p)
		for i := range rs {
			r := randomRetiree(rng.Uint32(), rng.Uint32(), uint8(rng.Uint32()), uint8(rng.Uint32()), rng.Uint64()%2_000_000*uint64(1+rng.IntN(2)*rng.IntN(5000)), uint8(rng.Uint32()), uint8(rng.Uint32()), uint8(rng.Uint32()))
			r.ID = strconv.Itoa(i)
			rs[i] = r
			want := ref{p}.apply(r)
			got, err := c.Apply(r)
			if err != nil {
				t.Fatal(err)
			}
			check(t, p, r, got, want)
			sum.add(r, want)
		}
		s, err := c.Run(context.Background(), plan.FromSlice(rs), plan.Options{Workers: 2, ChunkSize: 64})
		if err != nil {
			t.Fatal(err)
		}
		sum.compare(t, s)
	}
}

// The reference itself reproduces policy-reference §11 Example A
// (Shanghai 2024; 35 years, 5,000.00, aged 72 on 2023-12-31):
// 61 + 35 + 50 + 25 = 171.00, a new pension of 5,171.00 and 6 months of
// arrears, 1,026.00; and its variant (10 years, 3,000.00, aged 66):
// 61 + max(10, 15) + 30 + 0 = 106.00.
func TestDifferentialReferenceExampleA(t *testing.T) {
	p, err := plan.Builtin("shanghai-2024")
	if err != nil {
		t.Fatal(err)
	}
	r := plan.Retiree{ID: "a", Birth: plan.MustParseDate("1951-05-10"), Retired: plan.MustParseDate("2010-01-31"), Years: 35, Pension: benefit.MustParseAmount("5000.00")}
	x := ref{p}.apply(r)
	if x.age != 72 || x.increase.StringFixed(2) != "171.00" || x.pension.Add(x.increase).StringFixed(2) != "5171.00" || x.months != 6 ||
		x.increase.Mul(decimal.NewFromInt(6)).StringFixed(2) != "1026.00" {
		t.Errorf("Example A: %+v", x)
	}
	r = plan.Retiree{ID: "b", Birth: plan.MustParseDate("1957-03-01"), Retired: plan.MustParseDate("2017-03-31"), Years: 10, Pension: benefit.MustParseAmount("3000.00")}
	if x := (ref{p}).apply(r); x.age != 66 || x.increase.StringFixed(2) != "106.00" {
		t.Errorf("Example A variant: %+v", x)
	}
}
