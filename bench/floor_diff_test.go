package bench

import (
	"cmp"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// The differential test of the floor check: floor.Check, whose
// arithmetic is fixed point (benefit.Amount on internal/fen) walked over
// step functions, against a reference written here from the rules of
// floor/doc.go in plain shopspring/decimal, month by month:
//
//   - floor: a level is not below the highest fixed floor in force that
//     applies to it (national, the pattern of dimensions matching); a
//     shortfall against a provisional version is a warning; a level at or
//     above a table older than its cadence is unchecked (stale), below
//     it a finding; no floor in force is unchecked (no_floor);
//   - relative bounds: multiplier × the strictest figure of the other
//     programme, of the region or the nearest region above it that gives
//     one, else of the national floors; strict or not; a lower bound of
//     severity violation owes arrears;
//   - hierarchy: a level's own amount is not below its nearest
//     ancestor's (reference figures exempt);
//   - a month without an own amount pays the nearest ancestor's;
//   - a yearly figure and a monthly one are compared by × 12, the
//     shortfall is then per person-year;
//   - arrears = shortfall × person-months (÷ 12 for a yearly comparison),
//     rounded half-up to the fen once per finding; the total owes each
//     level and month once (the largest shortfall), rounded once per
//     level where findings overlap.
//
// Months with the same figures, citation and source merge into one
// finding. The two must give the same findings of these rules (every
// figure, persons, person-months and arrears to the fen), the same
// coverage of them and the same arrears total, on the benchmark's
// national data and on random inputs (FuzzFloorDecimal).

// TestFloorDecimalNational runs the reference on 20,000 schedules of the
// national benchmark data.
func TestFloorDecimalNational(t *testing.T) {
	s := newFloorSynth(t, 20_000)
	diffCheck(t, s.levels, s.opts)
}

// FuzzFloorDecimal runs the reference on random checks: regions of a
// province with their prefectures and counties, levels of the residents'
// pension, the unemployment benefit with 低保 and the minimum wage, the
// veterans' disability, survivors', ill-returned and demobilized
// benefits, inherited months, head counts, amounts finer than a fen,
// windows and as-of months. The seed corpus runs with go test.
func FuzzFloorDecimal(f *testing.F) {
	for seed := range uint64(300) {
		f.Add(seed, uint8(seed%7))
	}
	f.Fuzz(func(t *testing.T, seed uint64, odd uint8) {
		levels, opts := diffScenario(seed, odd)
		diffCheck(t, levels, opts)
	})
}

// diffScenario builds a random check of the rules the reference knows.
func diffScenario(seed uint64, odd uint8) ([]floor.Level, floor.Options) {
	rng := rand.New(rand.NewPCG(seed, uint64(odd)))
	tab := region.Default()
	provs := slices.DeleteFunc(slices.Collect(tab.All()), func(d region.Division) bool { return d.Rank != region.Province })
	prov := provs[rng.IntN(len(provs))].Code
	under, _ := tab.Under(prov)
	codes := []region.Code{prov}
	for len(codes) < 2+rng.IntN(6) && len(under) > 0 {
		d := under[rng.IntN(len(under))]
		codes = append(codes, d.Code)
		if rng.IntN(2) == 0 && d.Parent.IsValid() {
			codes = append(codes, d.Parent)
		}
	}
	kinds := []struct {
		prog string
		dims []string
		per  benefit.Frequency
		base int64 // fen
	}{
		{"pension.resident.basic", []string{"", "age=65+", "age=80+"}, benefit.PerMonth, 10300},
		{"employment.unemployment_insurance", []string{"", "period=1-12"}, benefit.PerMonth, 150000},
		{"reference.dibao_urban", []string{""}, benefit.PerMonth, 140000},
		{"reference.min_wage", []string{"", "tier=1"}, benefit.PerMonth, 190000},
		{"veterans.disability", []string{"cause=因战;grade=1", "cause=因公;grade=5", "cause=因战;grade=10", "grade=5"}, benefit.PerYear, 10000000},
		{"veterans.ill_returned", []string{""}, benefit.PerMonth, 80000},
		{"veterans.survivors", []string{"survivor=烈士遗属", "residence=城镇;survivor=烈士遗属", "survivor=病故军人遗属"}, benefit.PerYear, 2500000},
		{"veterans.demobilized", []string{""}, benefit.PerYear, 500000},
	}
	start := benefit.NewMonth(2014+rng.IntN(11), time.Month(1+rng.IntN(12)))
	seen := map[string]bool{}
	var levels []floor.Level
	for n := 1 + rng.IntN(12); len(levels) < n; {
		k := kinds[rng.IntN(len(kinds))]
		code, dims := codes[rng.IntN(len(codes))], k.dims[rng.IntN(len(k.dims))]
		if seen[code.String()+k.prog+dims] {
			continue
		}
		seen[code.String()+k.prog+dims] = true
		l := floor.Level{Region: code, Program: k.prog, Dims: benefit.MustParseDims(dims), Per: k.per, Beneficiaries: int64(rng.IntN(5000)),
			Source: benefit.Citation{Title: "level of " + code.String()}}
		if rng.IntN(6) != 0 { // else an empty schedule: the ancestor's level is paid
			var vs []benefit.Version
			m, amt := start.AddMonths(rng.IntN(30)-6), k.base*int64(75+rng.IntN(55))/100
			for v := 0; v < 1+rng.IntN(5); v++ {
				c := amt
				if odd > 3 && rng.IntN(3) == 0 {
					c = c*100 + int64(rng.IntN(100)) // a thousandth of a yuan: finer than a fen
					vs = append(vs, benefit.Version{From: m, Amount: benefit.FromFen(c / 100).Add(benefit.MustParseAmount(fmt.Sprintf("0.00%02d", c%100))),
						Status: benefit.Illustrative})
				} else {
					vs = append(vs, benefit.Version{From: m, Amount: benefit.FromFen(c), Status: benefit.Illustrative,
						Citation: benefit.Citation{Doc: []string{"", "某政发〔2020〕1号"}[rng.IntN(2)]}})
				}
				m, amt = m.AddMonths(1+rng.IntN(20)), amt*int64(90+rng.IntN(30))/100
			}
			sc, err := benefit.NewSchedule(vs...)
			if err != nil {
				panic(err) // months rise by construction
			}
			l.Schedule = sc
			if rng.IntN(6) == 0 {
				l.Schedule, _ = l.Schedule.WithEnd(m.AddMonths(rng.IntN(12)))
			}
		}
		if rng.IntN(5) == 0 {
			m := start
			for range 1 + rng.IntN(3) {
				m = m.AddMonths(1 + rng.IntN(12))
				l.Headcounts = append(l.Headcounts, floor.Headcount{From: m, Persons: int64(rng.IntN(4000))})
			}
		}
		levels = append(levels, l)
	}
	o := floor.Options{From: start.AddMonths(rng.IntN(12) - 6)}
	o.To = o.From.AddMonths(1 + rng.IntN(60))
	if rng.IntN(3) == 0 {
		o.AsOf = o.From.AddMonths(rng.IntN(o.To.Sub(o.From)))
	}
	return levels, o
}

// diffCheck runs floor.Check and the reference on the same input and
// compares them.
func diffCheck(t *testing.T, levels []floor.Level, opts floor.Options) {
	t.Helper()
	rep, err := floor.Check(levels, opts)
	if err != nil {
		t.Fatal(err)
	}
	ref := newDecRef(levels, opts)
	want := ref.run()
	var got []floor.Finding
	for _, f := range rep.Findings {
		if ref.covered(f.Rule) {
			got = append(got, f)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d findings of floor, relative and hierarchy, the reference %d", len(got), len(want))
	}
	for k := range min(len(got), len(want)) {
		if d := want[k].diff(&got[k]); d != "" {
			t.Fatalf("finding %d: %s\n got  %s\n want %s", k, d, got[k].String(), want[k].text())
		}
	}
	for _, c := range rep.Coverage {
		if ref.covered(c.Rule) && ref.cov[c.Rule] != [2]int64{c.Checked, c.Unchecked} {
			t.Errorf("coverage of %s: %d checked, %d not; the reference %v", c.Rule, c.Checked, c.Unchecked, ref.cov[c.Rule])
		}
	}
	for rule, c := range ref.cov {
		if c != [2]int64{} && !slices.ContainsFunc(rep.Coverage, func(rc floor.RuleCoverage) bool { return rc.Rule == rule }) {
			t.Errorf("coverage of %s missing; the reference %v", rule, c)
		}
	}
	if total := ref.total(want); !decOf(rep.Summary.ArrearsTotal).Equal(total) && !ref.otherOwing(rep) {
		t.Errorf("arrears total %s, the reference %s", rep.Summary.ArrearsTotal, total.StringFixed(2))
	}
}

// decRef is the reference check.
type decRef struct {
	levels   []floor.Level
	tab      *region.Table
	cat      *benefit.Catalogue
	floors   []floor.Floor
	rels     []floor.Relative
	due      []benefit.Month // the month each floor turns stale
	from, to benefit.Month
	owedEnd  benefit.Month // the first month whose arrears are not counted
	cov      map[string][2]int64
	byRegion map[region.Code][]int // the levels of each region, in order
	anc      map[int]int           // ancestorLevel, once worked out
	byProg   map[string][]int      // the floors of each programme
}

func newDecRef(levels []floor.Level, o floor.Options) *decRef {
	set := floor.Default()
	r := &decRef{levels: levels, tab: region.Default(), cat: benefit.DefaultCatalogue(), floors: set.Floors(""), rels: set.Relatives(""),
		from: o.From, to: o.To, owedEnd: o.To, cov: map[string][2]int64{}, byRegion: map[region.Code][]int{}, anc: map[int]int{}}
	for i, l := range levels {
		r.byRegion[l.Region] = append(r.byRegion[l.Region], i)
	}
	r.byProg = map[string][]int{}
	for fi, f := range r.floors {
		r.byProg[f.Program] = append(r.byProg[f.Program], fi)
	}
	if !o.AsOf.IsZero() && o.AsOf.AddMonths(1) < r.owedEnd {
		r.owedEnd = o.AsOf.AddMonths(1)
	}
	// a national floor of a programme with a national cadence is known
	// until its last version's month + the cadence
	for _, f := range r.floors {
		var due benefit.Month
		for _, cd := range set.Cadences() {
			if last, ok := f.Schedule.Last(); ok && cd.Scope == floor.National && cd.Program == f.Program && f.IsNational() && f.Schedule.End().IsZero() {
				if d := last.From.AddMonths(cd.Months); due.IsZero() || d < due {
					due = d
				}
			}
		}
		r.due = append(r.due, due)
	}
	return r
}

func (r *decRef) covered(rule string) bool {
	if rule == floor.RuleFloor || rule == floor.RuleHierarchy {
		return true
	}
	return slices.ContainsFunc(r.rels, func(x floor.Relative) bool { return x.ID == rule })
}

// decOf returns an amount as a decimal, read from its digits.
func decOf(a benefit.Amount) decimal.Decimal {
	s := a.String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	exp := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		exp = -(len(s) - i - 1)
		s = s[:i] + s[i+1:]
	}
	var c big.Int
	c.SetString(s, 10)
	if neg {
		c.Neg(&c)
	}
	return decimal.NewFromBigInt(&c, int32(exp))
}

func rateOf(x benefit.Rate) decimal.Decimal {
	if x.IsZero() {
		return decimal.New(1, 0) // a zero multiplier is 100 %
	}
	num, scale := x.Fraction()
	return decimal.NewFromBigInt(num, -scale)
}

// quoHalfUp returns x ÷ d rounded half-up (away from zero) to the fen.
func quoHalfUp(x decimal.Decimal, d int64) decimal.Decimal {
	// x = c × 10^e; in fen: c × 10^(e+2) ÷ d
	c, e := x.Coefficient(), int64(x.Exponent())+2
	den := big.NewInt(d)
	if e >= 0 {
		c.Mul(c, new(big.Int).Exp(big.NewInt(10), big.NewInt(e), nil))
	} else {
		den.Mul(den, new(big.Int).Exp(big.NewInt(10), big.NewInt(-e), nil))
	}
	q, rem := new(big.Int).QuoRem(c, den, new(big.Int))
	if rem.Abs(rem).Lsh(rem, 1).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(int64(c.Sign())))
	}
	return decimal.NewFromBigInt(q, -2)
}

// A paid amount of a level in a month: the amount, what it is per, the
// level that paid it (its own or an ancestor's) and its source.
type paid struct {
	amt  decimal.Decimal
	per  benefit.Frequency
	lvl  int
	src  benefit.Citation
	own  bool // the level's own schedule has a version
	okay bool
}

// parentOf is the division code lies under, as the table records it.
func (r *decRef) parentOf(c region.Code) region.Code {
	d, _ := r.tab.Lookup(c)
	return d.Parent
}

// ancestorLevel is the level i inherits from: in the nearest region
// above i's with a level of the programme whose dimensions i's match,
// the one of the same dimensions, else the most specific one (the first
// given of equals); -1 for none.
func (r *decRef) ancestorLevel(i int) int {
	if a, ok := r.anc[i]; ok {
		return a
	}
	keys := func(d benefit.Dims) int {
		if d.IsZero() {
			return 0
		}
		return strings.Count(d.String(), ";") + 1
	}
	l := &r.levels[i]
	best := -1
	for c := r.parentOf(l.Region); c.IsValid() && best < 0; c = r.parentOf(c) {
		bestKeys := -1
		for _, j := range r.byRegion[c] {
			o := &r.levels[j]
			if o.Program != l.Program || !l.Dims.Matches(o.Dims) {
				continue
			}
			if o.Dims == l.Dims {
				best = j
				break
			}
			if n := keys(o.Dims); n > bestKeys {
				best, bestKeys = j, n
			}
		}
	}
	r.anc[i] = best
	return best
}

// ownSource is the source of level i's own version in force in month m,
// or its Source.
func (r *decRef) ownSource(i int, m benefit.Month) benefit.Citation {
	l := &r.levels[i]
	if v, ok := l.Schedule.At(m); ok && !v.Citation.IsZero() {
		return v.Citation
	}
	return l.Source
}

// paidAt is what level i paid in month m.
func (r *decRef) paidAt(i int, m benefit.Month) paid {
	for depth := 0; i >= 0 && depth < 4; depth++ {
		l := &r.levels[i]
		if v, ok := l.Schedule.At(m); ok {
			src := v.Citation
			if src.IsZero() {
				src = l.Source
			}
			return paid{amt: decOf(v.Amount), per: l.Per, lvl: i, src: src, own: depth == 0, okay: true}
		}
		i = r.ancestorLevel(i)
	}
	return paid{}
}

func (r *decRef) persons(i int, m benefit.Month) int64 {
	l := &r.levels[i]
	p := l.Beneficiaries
	for _, h := range l.Headcounts {
		if h.From <= m {
			p = h.Persons
		}
	}
	return p
}

// decUnit brings a (per fa) and b (per fb) to one frequency: × 12 for a
// monthly figure against a yearly one.
func decUnit(a decimal.Decimal, fa benefit.Frequency, b decimal.Decimal, fb benefit.Frequency) (decimal.Decimal, decimal.Decimal, benefit.Frequency) {
	if fa == fb {
		return a, b, fa
	}
	twelve := decimal.New(12, 0)
	if fa == benefit.PerMonth {
		a = a.Mul(twelve)
	}
	if fb == benefit.PerMonth {
		b = b.Mul(twelve)
	}
	return a, b, benefit.PerYear
}

// A month of a finding of the reference, and then a finding.
type refFinding struct {
	rule          string
	sev           floor.Severity
	why           floor.Reason
	lvl           int
	from, to      benefit.Month
	per           benefit.Frequency
	req, act      decimal.Decimal
	short, excess decimal.Decimal
	den           int64 // 1, or 12 for a shortfall per person-year
	owed          bool
	status        benefit.Status
	cite, src     benefit.Citation
	inherited     region.Code
	key           string // what else the finding's sentence names
	persons, pm   int64
	arrears       decimal.Decimal
	hasFigures    bool
	ruleCite      bool // the citation is the rule's own (not data): not compared
}

func (f *refFinding) same(g *refFinding) bool {
	return f.rule == g.rule && f.sev == g.sev && f.why == g.why && f.lvl == g.lvl && f.per == g.per && f.req.Equal(g.req) && f.act.Equal(g.act) &&
		f.short.Equal(g.short) && f.excess.Equal(g.excess) && f.den == g.den && f.status == g.status && f.cite == g.cite &&
		f.inherited == g.inherited && f.key == g.key
}

func (f *refFinding) text() string {
	return fmt.Sprintf("%s %s %s lvl %d [%s, %s) %s req %s act %s short %s excess %s pm %d arrears %s", f.sev, f.rule, f.why, f.lvl, f.from, f.to, f.per,
		f.req.StringFixed(2), f.act.StringFixed(2), f.short.StringFixed(2), f.excess.StringFixed(2), f.pm, f.arrears.StringFixed(2))
}

// diff says how g differs from f, or "".
func (f *refFinding) diff(g *floor.Finding) string {
	var d []string
	add := func(what string, ok bool) {
		if !ok {
			d = append(d, what)
		}
	}
	add("rule", g.Rule == f.rule)
	add("severity", g.Severity == f.sev)
	add("unchecked", g.Unchecked == f.why)
	add("interval", g.Interval == benefit.Interval{From: f.from, To: f.to})
	add("persons", g.Persons == f.persons)
	add("citation", f.ruleCite || g.Citation == f.cite)
	add("source", g.Source == f.src)
	add("inherited_from", g.InheritedFrom == f.inherited)
	if f.hasFigures {
		add("per", g.Per == f.per)
		add("required", decOf(g.Required).Equal(f.req))
		add("actual", decOf(g.Actual).Equal(f.act))
		add("shortfall", decOf(g.Shortfall).Equal(f.short))
		add("excess", decOf(g.Excess).Equal(f.excess))
		add("person_months", g.PersonMonths == f.pm)
		add("arrears", decOf(g.Arrears).Equal(f.arrears))
	}
	if f.rule == floor.RuleFloor && f.why == "" {
		add("floor_status", g.FloorStatus == f.status)
	}
	return strings.Join(d, ", ")
}

// run returns the reference's findings, in the report's order.
func (r *decRef) run() []*refFinding {
	var out []*refFinding
	for i := range r.levels {
		out = append(out, r.level(i)...)
	}
	for _, f := range out {
		r.arrears(f)
	}
	slices.SortStableFunc(out, func(a, b *refFinding) int {
		la, lb := &r.levels[a.lvl], &r.levels[b.lvl]
		return cmp.Or(la.Region.Compare(lb.Region), cmp.Compare(la.Program, lb.Program), cmp.Compare(la.Dims.String(), lb.Dims.String()),
			a.from.Compare(b.from), cmp.Compare(a.rule, b.rule), cmp.Compare(a.sev, b.sev))
	})
	return out
}

// level evaluates every rule for level i month by month and merges the
// months of equal findings.
func (r *decRef) level(i int) []*refFinding {
	l := &r.levels[i]
	prog, _ := r.cat.Program(l.Program)
	var out []*refFinding
	push := func(f refFinding, m benefit.Month) {
		f.lvl, f.from, f.to = i, m, m.AddMonths(1)
		if n := len(out); n > 0 && out[n-1].to == m && out[n-1].same(&f) {
			out[n-1].to = f.to
			return
		}
		f.persons = r.persons(i, m)
		out = append(out, &f)
	}
	cover := func(rule string, checked bool) {
		c := r.cov[rule]
		if checked {
			c[0]++
		} else {
			c[1]++
		}
		r.cov[rule] = c
	}
	floorApplies := prog.Category != benefit.Reference
	if len(r.floorsOf(l.Program)) == 0 {
		for _, x := range r.rels {
			if x.Program == l.Program && x.Bound == floor.Lower && x.Severity == floor.Violation && l.Dims.Matches(x.Dims) {
				floorApplies = false
			}
		}
	}
	noLevel := l.Schedule.Len() == 0 && r.ancestorLevel(i) < 0
	up := r.ancestorLevel(i)
	// one rule at a time, so that a rule's months come together
	if floorApplies {
		for m := r.from; m < r.to; m++ {
			if noLevel {
				cover(floor.RuleFloor, false)
				push(refFinding{rule: floor.RuleFloor, sev: floor.Warning, why: floor.ReasonNoLevel, ruleCite: true, src: l.Source, per: l.Per}, m)
				continue
			}
			if f, ok := r.floorMonth(i, m, cover); ok {
				push(f, m)
			}
		}
	}
	for _, x := range r.rels {
		if x.Program != l.Program || !l.Dims.Matches(x.Dims) {
			continue
		}
		if noLevel { // a level with no amount: every month of the window
			for m := r.from; m < r.to; m++ {
				cover(x.ID, false)
				push(refFinding{rule: x.ID, sev: floor.Warning, why: floor.ReasonNoLevel, cite: x.Citation, src: l.Source, per: l.Per}, m)
			}
			continue
		}
		for m := max(r.from, x.From); m < r.to; m++ {
			if f, ok := r.relativeMonth(i, &x, m, cover); ok {
				push(f, m)
			}
		}
	}
	if up >= 0 && l.Schedule.Len() > 0 && prog.Category != benefit.Reference {
		for m := r.from; m < r.to; m++ {
			own, anc := r.paidAt(i, m), r.paidAt(up, m)
			if !own.okay || !own.own || !anc.okay {
				continue
			}
			cover(floor.RuleHierarchy, true)
			x, y, unit := decUnit(own.amt, own.per, anc.amt, anc.per)
			if x.Cmp(y) >= 0 {
				continue
			}
			f := refFinding{rule: floor.RuleHierarchy, sev: floor.Violation, per: unit, req: y, act: x, short: y.Sub(x), den: dens(unit), owed: true,
				ruleCite: true, src: own.src, key: r.levels[anc.lvl].Region.String() + "|" + anc.src.String(), hasFigures: true}
			push(f, m)
		}
	}
	return out
}

func dens(unit benefit.Frequency) int64 {
	if unit == benefit.PerYear {
		return 12
	}
	return 1
}

// floorsOf returns the floors of a programme.
func (r *decRef) floorsOf(program string) []int { return r.byProg[program] }

// floorMonth evaluates rule floor for level i in month m.
func (r *decRef) floorMonth(i int, m benefit.Month, cover func(string, bool)) (refFinding, bool) {
	l := &r.levels[i]
	p := r.paidAt(i, m)
	if !p.okay {
		return refFinding{}, false // not a month of the level
	}
	var (
		matching bool
		best     = -1
		bestV    benefit.Version
		req      decimal.Decimal
		stale    bool
	)
	for _, fi := range r.floorsOf(l.Program) {
		f := &r.floors[fi]
		if !l.Dims.Matches(f.Dims) || !f.IsNational() {
			continue // (no regional-agreement floor in the default set)
		}
		matching = true
		v, ok := f.Schedule.At(m)
		if !ok {
			continue
		}
		if d := r.due[fi]; !d.IsZero() && m >= d {
			stale = true
		}
		if a := decOf(v.Amount); best < 0 || a.Cmp(req) > 0 {
			best, bestV, req = fi, v, a
		}
	}
	base := refFinding{rule: floor.RuleFloor, sev: floor.Warning, per: l.Per, src: r.ownSource(i, m), ruleCite: true}
	if !matching || best < 0 {
		cover(floor.RuleFloor, false)
		base.why = floor.ReasonNoFloor
		if matching {
			base.key = "months"
		}
		return base, true
	}
	fl := &r.floors[best]
	cite := bestV.Citation
	if cite.IsZero() {
		cite = fl.Citation
	}
	a, b, unit := decUnit(p.amt, p.per, req, fl.Per)
	short := a.Cmp(b) < 0
	if !short && stale {
		cover(floor.RuleFloor, false)
		base.why, base.cite, base.ruleCite, base.key = floor.ReasonStale, cite, false, fmt.Sprint(best)
		return base, true
	}
	cover(floor.RuleFloor, true)
	if !short {
		return refFinding{}, false
	}
	sev := floor.Violation
	if bestV.Status == benefit.Provisional {
		sev = floor.Warning
	}
	f := refFinding{rule: floor.RuleFloor, sev: sev, per: unit, req: b, act: a, short: b.Sub(a), den: dens(unit), owed: true, status: bestV.Status,
		cite: cite, src: p.src, hasFigures: true, key: fmt.Sprint(stale)}
	if p.lvl != i {
		f.inherited = r.levels[p.lvl].Region
	}
	return f, true
}

// relativeMonth evaluates relative rule x for level i in month m.
func (r *decRef) relativeMonth(i int, x *floor.Relative, m benefit.Month, cover func(string, bool)) (refFinding, bool) {
	l := &r.levels[i]
	p := r.paidAt(i, m)
	if !p.okay {
		return refFinding{}, false
	}
	// the other figures: levels of the region or the nearest region
	// above that gives any, else the national floors
	var refs []int
	for c := l.Region; c.IsValid() && len(refs) == 0; c = r.parentOf(c) {
		for _, j := range r.byRegion[c] {
			if o := &r.levels[j]; o.Program == x.Against && o.Dims.Matches(x.AgainstDims) {
				refs = append(refs, j)
			}
		}
	}
	var fls []int
	if len(refs) == 0 {
		for _, fi := range r.floorsOf(x.Against) {
			if f := &r.floors[fi]; f.IsNational() && f.Dims.Matches(x.AgainstDims) {
				fls = append(fls, fi)
			}
		}
	}
	base := refFinding{rule: x.ID, sev: floor.Warning, per: l.Per, src: r.ownSource(i, m), cite: x.Citation}
	if len(refs) == 0 && len(fls) == 0 {
		cover(x.ID, false)
		base.why = floor.ReasonNoReference
		return base, true
	}
	var (
		ref      decimal.Decimal
		refPer   benefit.Frequency
		refSrc   benefit.Citation
		refStale bool
		found    bool
	)
	pick := func(a decimal.Decimal, per benefit.Frequency, src benefit.Citation, stale bool) {
		if found {
			u, v, _ := decUnit(a, per, ref, refPer)
			if (x.Bound == floor.Lower && u.Cmp(v) <= 0) || (x.Bound == floor.Upper && u.Cmp(v) >= 0) {
				return // not stricter than the one found
			}
		}
		ref, refPer, refSrc, refStale, found = a, per, src, stale, true
	}
	for _, j := range refs {
		if q := r.paidAt(j, m); q.okay {
			pick(q.amt, q.per, q.src, false)
		}
	}
	for _, fi := range fls {
		f := &r.floors[fi]
		if v, ok := f.Schedule.At(m); ok {
			src := v.Citation
			if src.IsZero() {
				src = f.Citation
			}
			pick(decOf(v.Amount), f.Per, src, !r.due[fi].IsZero() && m >= r.due[fi])
		}
	}
	if !found {
		cover(x.ID, false)
		base.why, base.key = floor.ReasonNoReference, "months"
		return base, true
	}
	a, b, unit := decUnit(p.amt, p.per, ref.Mul(rateOf(x.Multiplier)), refPer)
	d := a.Cmp(b)
	breach := (x.Bound == floor.Lower && (d < 0 || x.Strict && d == 0)) || (x.Bound == floor.Upper && (d > 0 || x.Strict && d == 0))
	if refStale && breach == (x.Bound == floor.Upper) {
		cover(x.ID, false)
		base.why, base.key = floor.ReasonStale, refSrc.String()
		return base, true
	}
	cover(x.ID, true)
	if !breach {
		return refFinding{}, false
	}
	f := refFinding{rule: x.ID, sev: x.Severity, per: unit, req: b, act: a, cite: x.Citation, src: p.src, hasFigures: true, key: refSrc.String()}
	if x.Bound == floor.Lower {
		f.short, f.den, f.owed = b.Sub(a), dens(unit), x.Severity == floor.Violation
	} else {
		f.excess = a.Sub(b)
	}
	if p.lvl != i {
		f.inherited = r.levels[p.lvl].Region
	}
	return f, true
}

// arrears: shortfall × person-months of the owed months (÷ 12 for a
// yearly shortfall), rounded half-up to the fen once.
func (r *decRef) arrears(f *refFinding) {
	f.arrears = decimal.Zero
	if !f.owed || f.short.Sign() <= 0 {
		return
	}
	for m := f.from; m < min(f.to, r.owedEnd); m++ {
		f.pm += r.persons(f.lvl, m)
	}
	f.arrears = quoHalfUp(f.short.Mul(decimal.New(f.pm, 0)), f.den)
}

// total owes each level and month once: a violation that overlaps no
// other of its level owes its own arrears; the months of those that
// overlap owe the largest shortfall, summed exactly and rounded once
// per level.
func (r *decRef) total(fs []*refFinding) decimal.Decimal {
	total := decimal.Zero
	byLevel := map[int][]*refFinding{}
	for _, f := range fs {
		if f.sev == floor.Violation && f.owed && f.short.Sign() > 0 && f.pm > 0 {
			byLevel[f.lvl] = append(byLevel[f.lvl], f)
		}
	}
	for lvl, own := range byLevel {
		end := func(f *refFinding) benefit.Month { return min(f.to, r.owedEnd) }
		var over []*refFinding
		for _, f := range own {
			alone := true
			for _, g := range own {
				if g != f && f.from < end(g) && g.from < end(f) {
					alone = false
				}
			}
			if alone {
				total = total.Add(f.arrears)
			} else {
				over = append(over, f)
			}
		}
		if len(over) == 0 {
			continue
		}
		sum := decimal.Zero // × 12, so that monthly and yearly shortfalls add exactly
		lo, hi := over[0].from, end(over[0])
		for _, f := range over {
			lo, hi = min(lo, f.from), max(hi, end(f))
		}
		for m := lo; m < hi; m++ {
			var most decimal.Decimal
			found := false
			for _, f := range over {
				if f.from <= m && m < end(f) {
					if s := f.short.Mul(decimal.New(12/f.den, 0)); !found || s.Cmp(most) > 0 {
						most, found = s, true
					}
				}
			}
			if found {
				sum = sum.Add(most.Mul(decimal.New(r.persons(lvl, m), 0)))
			}
		}
		total = total.Add(quoHalfUp(sum, 12))
	}
	return total
}

// otherOwing reports whether the report owes arrears under rules the
// reference does not evaluate (pass-through and late payment are off
// and have no input here, so never).
func (r *decRef) otherOwing(rep *floor.Report) bool {
	for _, f := range rep.Findings {
		if !r.covered(f.Rule) && !f.Arrears.IsZero() {
			return true
		}
	}
	return false
}
