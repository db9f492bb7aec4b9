package bench

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// The float64 reference kernel of the floor check. It does the work
// floor.Check does on the benchmark's levels, in float64: the same
// rules (floor with its stale tables, the relative rules, hierarchy,
// no_cut, stale cadences), the same outputs kept (findings with their
// figures, persons, arrears and central/local split, merged over
// adjacent intervals, unchecked findings, coverage counts, the effect of
// each region × programme, the region × programme pairs checked, the
// summary with arrears owed once per level and month, the findings
// sorted), the same data read (each level's region, programme,
// dimensions and schedule; regions resolved in the same table; floors
// and rules read from the same set) and one worker, as Check has. It
// leaves out what the levels do not use (first-paid months, head counts,
// inheritance, waivers, expectations, interest, a monthly level against
// a yearly floor paid in instalments): newFloatKernel refuses levels or
// options that need them, so the two kernels always do the same work.
// Finding messages are not built: Check builds them only when a caller
// reads one (floor.Finding.Message). It exists only to price exactness;
// its arrears may differ from the exact ones in the last fen.
type floatKernel struct {
	levels []fLevel
	tab    *region.Table
	cat    *benefit.Catalogue
	floors []fFloor
	byProg map[string][]int32
	rels   []fRel
	cads   []floor.Cadence
	shares map[string]*fCost // cost rules by programme: central share by tier
	from   int32
	to     int32
}

// fStep is one version of a schedule: its month, amount, status and
// citation.
type fStep struct {
	from   int32
	amt    float64
	status benefit.Status
	cite   *benefit.Citation
}

type fSched struct {
	steps []fStep
	end   int32 // 0: none
}

// at returns the step in force in month m, or -1.
func (s *fSched) at(m int32) int {
	if s.end != 0 && m >= s.end {
		return -1
	}
	k := -1
	for j := range s.steps {
		if s.steps[j].from > m {
			break
		}
		k = j
	}
	return k
}

type fLevel struct {
	code    region.Code
	program string
	dims    benefit.Dims
	per     benefit.Frequency
	s       *fSched
	persons int64
	source  *benefit.Citation
}

type fFloor struct {
	program  string
	dims     benefit.Dims
	per      benefit.Frequency
	national bool
	members  []region.Code
	s        fSched
	due      int32 // the first month the floor is stale; 0: never
	cite     *benefit.Citation
}

type fRel struct {
	id, program, against string
	dims, againstDims    benefit.Dims
	from                 int32
	upper, strict        bool
	mult                 float64
	sev                  floor.Severity
	cite                 *benefit.Citation
	floors               []int32 // the floors of the other programme its AgainstDims match
}

type fCost struct {
	payer            region.Payer
	floorPart, topUp [8]float64 // by tier
}

// fFinding is a finding of the float kernel: what floor.Finding holds
// but the message.
type fFinding struct {
	rule                                string
	sev                                 floor.Severity
	unchecked                           floor.Reason
	lvl                                 int32
	region                              region.Code
	name                                string
	program                             string
	dims                                benefit.Dims
	from, to                            int32
	per                                 benefit.Frequency
	required, actual, shortfall, excess float64
	den                                 float64 // the arrears divisor: 1, or 12 for a shortfall per year
	persons, personMonths               int64
	arrears, central, local             float64
	payer                               region.Payer
	splitKnown, owed, floorPart         bool
	status                              benefit.Status
	cite, source                        *benefit.Citation
}

// fList is a list of findings in chunks of 1024, as Check keeps its
// own: growing it never copies the findings made so far.
type fList struct {
	chunks [][]fFinding
	n      int
}

func (l *fList) at(k int) *fFinding { return &l.chunks[k/1024][k%1024] }

func (l *fList) push(f fFinding) {
	if l.n%1024 == 0 {
		l.chunks = append(l.chunks, make([]fFinding, 0, 1024))
	}
	c := &l.chunks[len(l.chunks)-1]
	*c = append(*c, f)
	l.n++
}

type fRaise struct{ from, reached int32 }

type fEffect struct {
	region                          region.Code
	name, program                   string
	atFloor, checked, mAt, mChecked int64
	arrears                         float64
	raises                          []fRaise
	head                            float64
	headPer                         benefit.Frequency
	headKnown                       bool
}

type fChecked struct {
	region  region.Code
	name    string
	program string
}

type fCoverage struct {
	rule               string
	checked, unchecked int64
}

type fCheckSummary struct {
	levels, violations, warnings, advisories, unchecked int
	total, central, local, fund, unsplit                float64
}

type fReport struct {
	findings []fFinding
	checked  []fChecked
	coverage []fCoverage
	effects  []fEffect
	summary  fCheckSummary
}

func fMonth(m benefit.Month) int32 { return int32(m) }

func fAmount(a benefit.Amount) float64 {
	f, _ := strconv.ParseFloat(a.String(), 64) // setup only
	return f
}

// newFloatKernel reads the synthetic levels and the floors Check uses
// into float64 schedules (setup, not timed: Check too is given parsed
// levels and a parsed set).
func newFloatKernel(tb testing.TB, s *floorSynth) *floatKernel {
	tb.Helper()
	o := s.opts
	if o.PassThrough || len(o.Waivers) > 0 || len(o.Expect) > 0 || !o.InterestPerMonth.IsZero() || o.From.IsZero() || o.To.IsZero() {
		tb.Fatal("the float64 kernel does not do pass-through, waivers, expectations, interest or open windows")
	}
	k := &floatKernel{tab: o.Regions, cat: benefit.DefaultCatalogue(), byProg: map[string][]int32{}, shares: map[string]*fCost{},
		from: fMonth(o.From), to: fMonth(o.To)}
	set := floor.Default()
	k.cads = set.Cadences()
	for _, f := range set.Floors("") {
		ff := fFloor{program: f.Program, dims: f.Dims, per: f.Per, national: f.IsNational(), members: f.Group.Members,
			cite: &f.Citation, s: fSched{end: fMonth(f.Schedule.End())}}
		for _, v := range f.Schedule.All() {
			c := &v.Citation
			if c.IsZero() {
				c = ff.cite
			}
			ff.s.steps = append(ff.s.steps, fStep{fMonth(v.From), fAmount(v.Amount), v.Status, c})
		}
		if last, ok := f.Schedule.Last(); ok && ff.national && f.Schedule.End().IsZero() {
			months := 0
			for _, cd := range k.cads {
				if cd.Scope == floor.National && cd.Program == f.Program && (months == 0 || cd.Months < months) {
					months = cd.Months
				}
			}
			if months > 0 {
				ff.due = fMonth(last.From) + int32(months)
			}
		}
		k.byProg[f.Program] = append(k.byProg[f.Program], int32(len(k.floors)))
		k.floors = append(k.floors, ff)
	}
	for _, r := range set.Relatives("") {
		mult, _ := strconv.ParseFloat(r.Multiplier.PlainString(), 64)
		if r.Multiplier.IsZero() {
			mult = 1
		}
		fr := fRel{id: r.ID, program: r.Program, against: r.Against, dims: r.Dims, againstDims: r.AgainstDims, from: fMonth(r.From),
			upper: r.Bound == floor.Upper, strict: r.Strict, mult: mult, sev: r.Severity, cite: &r.Citation}
		for _, fi := range k.byProg[r.Against] {
			if k.floors[fi].dims.Matches(r.AgainstDims) {
				fr.floors = append(fr.floors, fi)
			}
		}
		k.rels = append(k.rels, fr)
	}
	for _, prog := range []string{"pension.resident.basic", "veterans.disability", "veterans.survivors", "veterans.ill_returned"} {
		rule, err := k.tab.CostRule(prog)
		if err != nil {
			continue
		}
		c := &fCost{payer: rule.Payer}
		if c.payer == "" {
			c.payer = region.PayerBudget
		}
		for t := region.Tier(1); t <= 5; t++ {
			fp, tu := rule.FloorPart[t.String()], rule.TopUp[t.String()]
			c.floorPart[t], _ = strconv.ParseFloat(fp.PlainString(), 64)
			c.topUp[t], _ = strconv.ParseFloat(tu.PlainString(), 64)
		}
		k.shares[prog] = c
	}
	// the levels, read into float64 schedules (shared, as the levels
	// share their schedules)
	pools := make([][]*fSched, len(s.pools))
	for kind, pool := range s.pools {
		for _, sc := range pool {
			fs := &fSched{end: fMonth(sc.End())}
			for _, v := range sc.All() {
				fs.steps = append(fs.steps, fStep{fMonth(v.From), fAmount(v.Amount), v.Status, &benefit.Citation{}})
			}
			pools[kind] = append(pools[kind], fs)
		}
	}
	k.levels = make([]fLevel, len(s.levels))
	for i, l := range s.levels {
		if len(l.FirstPaid) > 0 || len(l.Headcounts) > 0 || l.Region.Rank() != region.County {
			tb.Fatal("the float64 kernel does not do first-paid months, head counts or inheritance")
		}
		sy := s.synth[i]
		k.levels[i] = fLevel{code: l.Region, program: l.Program, dims: l.Dims, per: l.Per, s: pools[sy.kind][sy.sched],
			persons: l.Beneficiaries, source: &benefit.Citation{}}
	}
	return k
}

// fReg is a region some level gives.
type fReg struct {
	code region.Code
	name string
	up   [2]region.Code
	lvls []int32 // its levels in input order (a part of one array)
	last int32   // its last level while they are read (a list through fRun.next)
	n    int32   // its number of levels
}

type fProg struct {
	p      benefit.Program
	upper  bool
	dims   []benefit.Dims
	floors [][]int32
	nat    []int32 // the national floor of dims[k] (Set.NationalSchedule), -1 none
}

// fRun is the state of one run, as floor's checker is of one Check.
type fRun struct {
	k        *floatKernel
	regIdx   map[region.Code]int32
	regions  []fReg
	progIdx  map[string]int32
	progs    []fProg
	rid, pid []int32
	next     []int32
	did      []int32
	out      fList
	cov      []fCoverage
	fl       []int32
	cuts     []int32
	ivs      [][2]int32
	own      []*fFinding
	slab     []fRaise
	chk      [][2]int32
	below    [][2]int32
	ok       [][2]int32
	head     float64
	headPer  benefit.Frequency
	headOK   bool
}

const (
	fcFloor = iota
	fcHierarchy
	fcPassThrough
	fcLatePayment
	fcNoCut
	fcStale
	fcRelative
)

// run checks the levels and returns the report.
func (k *floatKernel) run() *fReport {
	r := &fRun{k: k, regIdx: map[region.Code]int32{}, progIdx: map[string]int32{},
		rid: make([]int32, len(k.levels)), next: make([]int32, len(k.levels)), pid: make([]int32, len(k.levels)), did: make([]int32, len(k.levels))}
	for i := range k.levels {
		l := &k.levels[i]
		ri, ok := r.regIdx[l.code]
		if !ok {
			d, err := k.tab.Resolve(l.code)
			if err != nil {
				panic(err)
			}
			ri = int32(len(r.regions))
			r.regIdx[l.code] = ri
			reg := fReg{code: l.code, name: d.Name, last: -1}
			for n, p := 0, d.Parent; n < 2 && p.IsValid(); n++ {
				reg.up[n] = p
				if p.Rank() == region.Province {
					break
				}
				pd, _ := k.tab.Lookup(p)
				p = pd.Parent
			}
			r.regions = append(r.regions, reg)
		}
		r.rid[i] = ri
		pi, ok := r.progIdx[l.program]
		if !ok {
			p, err := k.cat.Program(l.program)
			if err != nil {
				panic(err)
			}
			pi = int32(len(r.progs))
			r.progIdx[l.program] = pi
			r.progs = append(r.progs, fProg{p: p})
		}
		r.pid[i] = pi
		pr := &r.progs[pi]
		d := int32(slices.Index(pr.dims, l.dims))
		if d < 0 {
			if err := pr.p.CheckDims(l.dims); err != nil {
				panic(err)
			}
			d = int32(len(pr.dims))
			pr.dims = append(pr.dims, l.dims)
			var fs []int32
			nat, natKeys, same := int32(-1), -1, false
			for _, fi := range k.byProg[l.program] {
				f := &k.floors[fi]
				if !l.dims.Matches(f.dims) {
					continue
				}
				fs = append(fs, fi)
				switch n := countDims(f.dims); {
				case !f.national || same:
				case f.dims == l.dims:
					nat, same = fi, true
				case n > natKeys:
					nat, natKeys = fi, n
				}
			}
			pr.floors = append(pr.floors, fs)
			pr.nat = append(pr.nat, nat)
		}
		r.did[i] = d
		for _, v := range l.s.steps { // what Check validates of each version
			if v.status < benefit.Legislated || v.status > benefit.Illustrative {
				panic("status")
			}
		}
		reg := &r.regions[ri]
		for j := reg.last; j >= 0; j = r.next[j] {
			if o := &k.levels[j]; o.program == l.program && o.dims == l.dims {
				panic("duplicate level")
			}
		}
		r.next[i], reg.last = reg.last, int32(i)
		reg.n++
		if l.code.Rank() != region.County {
			pr.upper = true
		}
	}
	flat, off := make([]int32, len(k.levels)), 0
	for x := range r.regions {
		reg := &r.regions[x]
		n := int(reg.n)
		reg.lvls = flat[off : off+n : off+n]
		off += n
		for j := reg.last; j >= 0; j = r.next[j] {
			n--
			reg.lvls[n] = j
		}
	}
	r.cov = make([]fCoverage, fcRelative+len(k.rels))
	order := make([]int32, len(r.regions))
	for j := range order {
		order[j] = int32(j)
	}
	slices.SortFunc(order, func(a, b int32) int { return r.regions[a].code.Compare(r.regions[b].code) })
	pairs := 0
	for _, reg := range r.regions {
		for j, x := range reg.lvls {
			first := true
			for _, y := range reg.lvls[:j] {
				first = first && k.levels[y].program != k.levels[x].program
			}
			if first {
				pairs++
			}
		}
	}
	rep := &fReport{checked: make([]fChecked, 0, pairs), effects: make([]fEffect, 0, pairs)}
	effOf := make([]int32, len(k.levels))
	for _, ri := range order {
		reg := &r.regions[ri]
		lv := reg.lvls
		byProg := func(a, b int32) int { return cmp.Compare(k.levels[a].program, k.levels[b].program) }
		if !slices.IsSortedFunc(lv, byProg) {
			slices.SortStableFunc(lv, byProg)
		}
		for j := 0; j < len(lv); {
			prog := k.levels[lv[j]].program
			rep.checked = append(rep.checked, fChecked{reg.code, reg.name, prog})
			eff := int32(-1)
			if r.progs[r.pid[lv[j]]].p.Category != benefit.Reference {
				eff = int32(len(rep.effects))
				rep.effects = append(rep.effects, fEffect{region: reg.code, name: reg.name, program: prog})
			}
			for ; j < len(lv) && k.levels[lv[j]].program == prog; j++ {
				i := int(lv[j])
				r.checkLevel(i)
				effOf[i] = eff
				if eff >= 0 {
					r.addEffect(&rep.effects[eff], i)
				}
			}
		}
	}
	r.report(rep, effOf)
	return rep
}

func countDims(d benefit.Dims) int {
	n := 0
	for range d.All() {
		n++
	}
	return n
}

// months returns the months of [a, b) within the window.
func (r *fRun) months(a, b int32) int64 {
	a, b = max(a, r.k.from), min(b, r.k.to)
	if b <= a {
		return 0
	}
	return int64(b - a)
}

// add appends a finding, merging it into the previous one of the same
// level, rule and figures that ends where it starts.
func (r *fRun) add(f fFinding) {
	if n := r.out.n; n > 0 {
		p := r.out.at(n - 1)
		if p.lvl == f.lvl && p.rule == f.rule && p.sev == f.sev && p.to == f.from && p.unchecked == f.unchecked &&
			p.required == f.required && p.actual == f.actual && p.per == f.per && p.den == f.den && p.cite == f.cite && p.status == f.status {
			p.to = f.to
			return
		}
	}
	r.out.push(f)
}

func (r *fRun) finding(i int, rule string, sev floor.Severity, from, to int32) fFinding {
	l := &r.k.levels[i]
	return fFinding{rule: rule, sev: sev, lvl: int32(i), region: l.code, name: r.regions[r.rid[i]].name, program: l.program,
		dims: l.dims, from: from, to: to, persons: l.persons, source: l.source, per: l.per}
}

func (r *fRun) unchecked(i int, rule string, rc int, why floor.Reason, from, to int32, cite *benefit.Citation) {
	r.cov[rc].unchecked += r.months(from, to)
	f := r.finding(i, rule, floor.Warning, from, to)
	f.unchecked, f.cite = why, cite
	r.add(f)
}

// intervals splits the window at the cuts collected and resets them.
func (r *fRun) intervals(lo, hi int32) [][2]int32 {
	lo, hi = max(lo, r.k.from), min(hi, r.k.to)
	out := r.ivs[:0]
	if hi <= lo {
		r.cuts = r.cuts[:0]
		return nil
	}
	c := r.cuts
	for i := 1; i < len(c); i++ { // insertion sort: a few cuts
		for j := i; j > 0 && c[j] < c[j-1]; j-- {
			c[j], c[j-1] = c[j-1], c[j]
		}
	}
	start := lo
	for _, m := range c {
		if m <= start || m >= hi {
			continue
		}
		out = append(out, [2]int32{start, m})
		start = m
	}
	r.cuts = r.cuts[:0]
	r.ivs = append(out, [2]int32{start, hi})
	return r.ivs
}

func (r *fRun) addSched(s *fSched) {
	for _, v := range s.steps {
		r.cuts = append(r.cuts, v.from)
	}
	if s.end != 0 {
		r.cuts = append(r.cuts, s.end)
	}
}

func annual(a float64, per benefit.Frequency) float64 {
	if per == benefit.PerYear {
		return a
	}
	return a * 12
}

// unit brings a (per fa) and b (per fb) to one frequency.
func unit(a float64, fa benefit.Frequency, b float64, fb benefit.Frequency) (float64, float64, benefit.Frequency) {
	if fa == fb {
		return a, b, fa
	}
	return annual(a, fa), annual(b, fb), benefit.PerYear
}

// bound records a legal lower bound evaluated over an interval.
func (r *fRun) bound(iv [2]int32, below bool, a, b float64, per benefit.Frequency) {
	r.chk = append(r.chk, iv)
	if below {
		r.below = append(r.below, iv)
	}
	m := a - b
	switch {
	case !r.headOK:
		r.head, r.headPer, r.headOK = m, per, true
	case r.headPer != per:
		h := annual(r.head, r.headPer)
		r.head, r.headPer = min(h, annual(m, per)), benefit.PerYear
	default:
		r.head = min(r.head, m)
	}
}

func (r *fRun) checkLevel(i int) {
	r.chk, r.below, r.ok, r.headOK = r.chk[:0], r.below[:0], r.ok[:0], false
	r.checkFloor(i)
	r.checkRelative(i)
	r.checkNoCut(i)
	r.checkStale(i)
	// hierarchy: no level of these programmes lies above a county (the
	// checker's shortcut too); late payment: no first-paid months
}

func (r *fRun) checkFloor(i int) {
	k, l := r.k, &r.k.levels[i]
	pr := &r.progs[r.pid[i]]
	if pr.p.Category == benefit.Reference {
		return
	}
	if len(k.byProg[l.program]) == 0 {
		for ri := range k.rels {
			if rl := &k.rels[ri]; rl.program == l.program && !rl.upper && rl.sev == floor.Violation && l.dims.Matches(rl.dims) {
				return
			}
		}
	}
	r.fl = r.fl[:0]
	for _, fi := range pr.floors[r.did[i]] {
		if f := &k.floors[fi]; f.national || r.inGroup(f.members, r.rid[i]) {
			r.fl = append(r.fl, fi)
		}
	}
	if len(r.fl) == 0 {
		r.addSched(l.s)
		for _, iv := range r.intervals(k.from, k.to) {
			if l.s.at(iv[0]) >= 0 {
				r.unchecked(i, floor.RuleFloor, fcFloor, floor.ReasonNoFloor, iv[0], iv[1], nil)
			}
		}
		return
	}
	r.addSched(l.s)
	for _, fi := range r.fl {
		r.addSched(&k.floors[fi].s)
		if d := k.floors[fi].due; d != 0 {
			r.cuts = append(r.cuts, d)
		}
	}
	for _, iv := range r.intervals(k.from, k.to) {
		li := l.s.at(iv[0])
		if li < 0 {
			continue
		}
		act := l.s.steps[li].amt
		var (
			best  = int32(-1)
			bestV fStep
			req   float64
			stale bool
		)
		for _, fi := range r.fl {
			f := &k.floors[fi]
			v := f.s.at(iv[0])
			if v < 0 {
				continue
			}
			if f.due != 0 && iv[0] >= f.due {
				stale = true
			}
			if best < 0 || f.s.steps[v].amt > req {
				best, bestV, req = fi, f.s.steps[v], f.s.steps[v].amt
			}
		}
		if best < 0 {
			r.unchecked(i, floor.RuleFloor, fcFloor, floor.ReasonNoFloor, iv[0], iv[1], nil)
			continue
		}
		bf := &k.floors[best]
		a, b, u := unit(act, l.per, req, bf.per)
		short := a < b
		if !short && stale {
			r.ok = append(r.ok, iv)
			r.unchecked(i, floor.RuleFloor, fcFloor, floor.ReasonStale, iv[0], iv[1], bestV.cite)
			continue
		}
		r.cov[fcFloor].checked += r.months(iv[0], iv[1])
		r.bound(iv, short, a, b, u)
		if !short {
			r.ok = append(r.ok, iv)
			continue
		}
		sev := floor.Violation
		if bestV.status == benefit.Provisional {
			sev = floor.Warning
		}
		f := r.finding(i, floor.RuleFloor, sev, iv[0], iv[1])
		f.per, f.required, f.actual, f.shortfall, f.den = u, b, a, b-a, 1
		if u == benefit.PerYear {
			f.den = 12
		}
		f.owed, f.floorPart, f.cite, f.status = true, bf.national, bestV.cite, bestV.status
		r.add(f)
	}
}

func (r *fRun) inGroup(members []region.Code, ri int32) bool {
	reg := &r.regions[ri]
	return slices.Contains(members, reg.code) || slices.Contains(members, reg.up[0]) || slices.Contains(members, reg.up[1])
}

func (r *fRun) checkRelative(i int) {
	k, l := r.k, &r.k.levels[i]
	for ri := range k.rels {
		rl := &k.rels[ri]
		if rl.program != l.program || !l.dims.Matches(rl.dims) {
			continue
		}
		rc := fcRelative + ri
		from := max(k.from, rl.from)
		// the other figure: levels of the region or the nearest region
		// above it that has any, else national floors
		var refs [4]int32
		nref := 0
		reg := &r.regions[r.rid[i]]
		for _, c := range [3]region.Code{reg.code, reg.up[0], reg.up[1]} {
			x, ok := r.regIdx[c]
			if !ok {
				continue
			}
			for _, j := range r.regions[x].lvls {
				if o := &k.levels[j]; o.program == rl.against && o.dims.Matches(rl.againstDims) && nref < len(refs) {
					refs[nref] = j
					nref++
				}
			}
			if nref > 0 {
				break
			}
		}
		var fls [4]int32
		nfl := 0
		if nref == 0 {
			for _, fi := range rl.floors {
				if f := &k.floors[fi]; (f.national || r.inGroup(f.members, r.rid[i])) && nfl < len(fls) {
					fls[nfl] = fi
					nfl++
				}
			}
		}
		r.addSched(l.s)
		if nref == 0 && nfl == 0 {
			for _, iv := range r.intervals(from, k.to) {
				if l.s.at(iv[0]) >= 0 {
					r.unchecked(i, rl.id, rc, floor.ReasonNoReference, iv[0], iv[1], rl.cite)
				}
			}
			continue
		}
		for _, j := range refs[:nref] {
			r.addSched(k.levels[j].s)
		}
		for _, fi := range fls[:nfl] {
			r.addSched(&k.floors[fi].s)
			if d := k.floors[fi].due; d != 0 {
				r.cuts = append(r.cuts, d)
			}
		}
		legal := !rl.upper && rl.sev == floor.Violation
		for _, iv := range r.intervals(from, k.to) {
			li := l.s.at(iv[0])
			if li < 0 {
				continue
			}
			act := l.s.steps[li].amt
			var (
				ref      float64
				refPer   benefit.Frequency
				refStale bool
				found    bool
			)
			pick := func(a float64, per benefit.Frequency, stale bool) {
				if found {
					x, y, _ := unit(a, per, ref, refPer)
					if (!rl.upper && x <= y) || (rl.upper && x >= y) {
						return
					}
				}
				ref, refPer, refStale, found = a, per, stale, true
			}
			for _, j := range refs[:nref] {
				o := &k.levels[j]
				if v := o.s.at(iv[0]); v >= 0 {
					pick(o.s.steps[v].amt, o.per, false)
				}
			}
			for _, fi := range fls[:nfl] {
				f := &k.floors[fi]
				if v := f.s.at(iv[0]); v >= 0 {
					pick(f.s.steps[v].amt, f.per, f.due != 0 && iv[0] >= f.due)
				}
			}
			if !found {
				r.unchecked(i, rl.id, rc, floor.ReasonNoReference, iv[0], iv[1], rl.cite)
				continue
			}
			a, b, u := unit(act, l.per, ref*rl.mult, refPer)
			breach := (!rl.upper && (a < b || (rl.strict && a == b))) || (rl.upper && (a > b || (rl.strict && a == b)))
			if refStale && breach == rl.upper {
				r.unchecked(i, rl.id, rc, floor.ReasonStale, iv[0], iv[1], rl.cite)
				continue
			}
			r.cov[rc].checked += r.months(iv[0], iv[1])
			if legal {
				r.bound(iv, breach, a, b, u)
			}
			if !breach {
				continue
			}
			f := r.finding(i, rl.id, rl.sev, iv[0], iv[1])
			f.per, f.required, f.actual, f.cite = u, b, a, rl.cite
			if rl.upper {
				f.excess = a - b
			} else {
				f.shortfall, f.den, f.owed = b-a, 1, rl.sev == floor.Violation
				if u == benefit.PerYear {
					f.den = 12
				}
			}
			r.add(f)
		}
	}
}

func (r *fRun) checkNoCut(i int) {
	l := &r.k.levels[i]
	s := l.s
	if len(s.steps) > 0 {
		end := s.end
		if end == 0 {
			end = r.k.to
		}
		r.cov[fcNoCut].checked += r.months(s.steps[0].from, end)
	}
	for j := 1; j < len(s.steps); j++ {
		prev, cur := s.steps[j-1], s.steps[j]
		if cur.amt >= prev.amt {
			continue
		}
		end := s.end
		if j+1 < len(s.steps) {
			end = s.steps[j+1].from
		}
		if end == 0 {
			end = r.k.to
		}
		for _, iv := range r.intervals(cur.from, end) {
			f := r.finding(i, floor.RuleNoCut, floor.Warning, iv[0], iv[1])
			f.required, f.actual, f.shortfall = prev.amt, cur.amt, prev.amt-cur.amt
			r.add(f)
		}
	}
}

func (r *fRun) checkStale(i int) {
	l := &r.k.levels[i]
	covered := false
	for _, cd := range r.k.cads {
		if cd.Scope != floor.Local || cd.Program != l.program {
			continue
		}
		if !covered && len(l.s.steps) > 0 {
			end := l.s.end
			if end == 0 {
				end = r.k.to
			}
			r.cov[fcStale].checked += r.months(l.s.steps[0].from, end)
			covered = true
		}
		for j, v := range l.s.steps {
			due := v.from + int32(cd.Months)
			end := l.s.end
			if j+1 < len(l.s.steps) {
				end = l.s.steps[j+1].from
			}
			if (end != 0 && due >= end) || due > r.k.to-1 {
				continue
			}
			if end == 0 {
				end = r.k.to
			}
			for _, iv := range r.intervals(due, end) {
				f := r.finding(i, floor.RuleStale, floor.Warning, iv[0], iv[1])
				f.actual = v.amt
				r.add(f)
			}
		}
	}
}

// union sorts and merges intervals, clipped to the window.
func (r *fRun) union(ivs [][2]int32) [][2]int32 {
	out := ivs[:0]
	for _, iv := range ivs {
		if a, b := max(iv[0], r.k.from), min(iv[1], r.k.to); b > a {
			out = append(out, [2]int32{a, b})
		}
	}
	slices.SortFunc(out, func(a, b [2]int32) int { return cmp.Compare(a[0], b[0]) })
	n := 0
	for _, iv := range out {
		if n > 0 && iv[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], iv[1])
			continue
		}
		out[n] = iv
		n++
	}
	return out[:n]
}

func inAny(ivs [][2]int32, m int32) bool {
	for _, iv := range ivs {
		if iv[0] <= m && m < iv[1] {
			return true
		}
	}
	return false
}

func (r *fRun) addEffect(e *fEffect, i int) {
	k, l := r.k, &r.k.levels[i]
	pr := &r.progs[r.pid[i]]
	if nat := pr.nat[r.did[i]]; nat >= 0 && len(r.ok)+len(r.chk) > 0 {
		s := &k.floors[nat].s
		for j := 1; j < len(s.steps); j++ {
			m := s.steps[j].from
			if m < k.from || m >= k.to || s.steps[j].amt <= s.steps[j-1].amt {
				continue
			}
			if !inAny(r.chk, m) && !inAny(r.ok, m) {
				continue
			}
			var reached int32
			for _, iv := range r.ok {
				if iv[1] > m {
					reached = max(iv[0], m)
					break
				}
			}
			x, found := slices.BinarySearchFunc(e.raises, m, func(a fRaise, m int32) int { return cmp.Compare(a.from, m) })
			switch {
			case !found && len(e.raises) == cap(e.raises): // from a slab, as Check's
				if len(r.slab) < len(e.raises)+1 {
					r.slab = make([]fRaise, 1024)
				}
				grown := append(r.slab[:0:len(e.raises)+1], e.raises...)
				r.slab = r.slab[len(e.raises)+1:]
				e.raises = slices.Insert(grown, x, fRaise{m, reached})
			case !found:
				e.raises = slices.Insert(e.raises, x, fRaise{m, reached})
			case e.raises[x].reached != 0 && (reached == 0 || reached > e.raises[x].reached):
				e.raises[x].reached = reached
			}
		}
	}
	for _, iv := range r.union(r.chk) {
		n := int64(iv[1] - iv[0])
		e.checked += l.persons * n
		e.atFloor += l.persons * n
		e.mChecked += n
		e.mAt += n
	}
	for _, iv := range r.union(r.below) {
		n := int64(iv[1] - iv[0])
		e.atFloor -= l.persons * n
		e.mAt -= n
	}
	if r.headOK {
		switch {
		case !e.headKnown:
			e.head, e.headPer, e.headKnown = r.head, r.headPer, true
		case e.headPer != r.headPer:
			e.head, e.headPer = min(annual(e.head, e.headPer), annual(r.head, r.headPer)), benefit.PerYear
		default:
			e.head = min(e.head, r.head)
		}
	}
}

func cents(x float64) float64 { return math.Round(x*100) / 100 }

// report computes the arrears, sorts the findings and sums them up.
func (r *fRun) report(rep *fReport, effOf []int32) {
	k := r.k
	for n := range r.out.n {
		f := r.out.at(n)
		if !f.owed || f.shortfall <= 0 {
			continue
		}
		f.personMonths = k.levels[f.lvl].persons * int64(f.to-f.from)
		f.arrears = cents(f.shortfall * float64(f.personMonths) / f.den)
		c, ok := k.shares[f.program]
		if !ok {
			continue
		}
		f.payer = c.payer
		if c.payer == region.PayerFund {
			continue
		}
		tier, err := k.tab.Tier(f.region)
		if err != nil {
			continue
		}
		share := c.topUp[tier]
		if f.floorPart {
			share = c.floorPart[tier]
		}
		f.central = cents(f.arrears * share)
		f.local, f.splitKnown = f.arrears-f.central, true
	}
	order := make([]int32, r.out.n)
	for n := range order {
		order[n] = int32(n)
	}
	slices.SortStableFunc(order, func(x, y int32) int {
		a, b := r.out.at(int(x)), r.out.at(int(y))
		return cmp.Or(a.region.Compare(b.region), cmp.Compare(a.program, b.program), cmp.Compare(a.dims.String(), b.dims.String()),
			cmp.Compare(a.from, b.from), cmp.Compare(a.rule, b.rule), cmp.Compare(a.sev, b.sev))
	})
	rep.findings = make([]fFinding, r.out.n)
	s := &rep.summary
	s.levels = len(k.levels)
	for n, x := range order {
		rep.findings[n] = *r.out.at(int(x))
		f := &rep.findings[n]
		switch f.sev {
		case floor.Violation:
			s.violations++
		case floor.Warning:
			s.warnings++
		case floor.Advisory:
			s.advisories++
		}
		if f.unchecked != "" {
			s.unchecked++
		}
	}
	// arrears owed once per level and month: the findings of a level
	// come together in r.out; where violations of one level overlap, the
	// larger shortfall counts
	for n := 0; n < r.out.n; {
		lvl, m := r.out.at(n).lvl, n
		for m < r.out.n && r.out.at(m).lvl == lvl {
			m++
		}
		own := r.own[:0]
		for x := n; x < m; x++ {
			if f := r.out.at(x); f.sev == floor.Violation && f.owed && f.shortfall > 0 && f.personMonths > 0 {
				own = append(own, f)
			}
		}
		n, r.own = m, own
		for a, f := range own {
			overlaps := false
			for b, g := range own {
				overlaps = overlaps || (a != b && f.from < g.to && g.from < f.to)
			}
			owed, central, local := f.arrears, f.central, f.local
			if overlaps { // the months where a larger shortfall of another finding counts are not owed twice
				var x float64
				for mo := f.from; mo < f.to; mo++ {
					larger := false
					for b, g := range own {
						larger = larger || (b != a && g.from <= mo && mo < g.to && (g.shortfall/g.den > f.shortfall/f.den || (g.shortfall/g.den == f.shortfall/f.den && b < a)))
					}
					if !larger {
						x += f.shortfall / f.den * float64(k.levels[lvl].persons)
					}
				}
				owed = cents(x)
				central, local = owed*f.central/f.arrears, owed*f.local/f.arrears
			}
			if e := effOf[lvl]; e >= 0 {
				rep.effects[e].arrears += owed
			}
			s.total += owed
			switch {
			case f.payer == "":
				s.unsplit += owed
			case f.payer == region.PayerFund:
				s.fund += owed
			default:
				s.central += central
				s.local += local
			}
		}
	}
	rep.coverage = make([]fCoverage, 0, len(r.cov))
	put := func(rule string, c fCoverage) {
		if c.checked+c.unchecked > 0 {
			c.rule = rule
			rep.coverage = append(rep.coverage, c)
		}
	}
	put(floor.RuleFloor, r.cov[fcFloor])
	for ri := range k.rels {
		put(k.rels[ri].id, r.cov[fcRelative+ri])
	}
	for rc, rule := range []string{fcHierarchy: floor.RuleHierarchy, fcPassThrough: floor.RulePassThrough, fcLatePayment: floor.RuleLatePayment,
		fcNoCut: floor.RuleNoCut, fcStale: floor.RuleStale} {
		if rc >= fcHierarchy {
			put(rule, r.cov[rc])
		}
	}
}
