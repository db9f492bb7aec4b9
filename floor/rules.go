package floor

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/benefitstd/benefitstd/benefit"
)

// Citations of the rules that are not data.
var (
	floorRuleCitation = benefit.Citation{
		Title:      "国家有统一标准的项目，按照不低于国家标准执行",
		URL:        "http://www.sac.gov.cn/sacen/events/202105/t20210511_347259.htm",
		Confidence: "V",
	}
	hierarchyCitation = benefit.Citation{
		Title:      "上级标准: 国家有统一标准的项目，按照不低于国家标准执行 (applied down the hierarchy: a county's level is not below its prefecture's, a prefecture's not below its province's)",
		URL:        "http://www.sac.gov.cn/sacen/events/202105/t20210511_347259.htm",
		Confidence: "V",
		Note:       "The 'not lower than' rule is verified for national standards; applying it between local levels is the library's reading.",
	}
	passThroughCitation = benefit.Citation{
		Doc:        "人社部发〔2015〕5号",
		Title:      "此次增加的基础养老金金额，不得冲抵或替代各地自行提高的基础养老金 (a national raise is not offset against local raises: it is passed through)",
		Confidence: "V3",
		Note:       "Read in a verbatim repost of the notice of the 2014-07 step 55 -> 70 (floor/data/national.json, its 2014-07 version), for which it is stated; applying it to every raise of the national floor is the library's reading, hence an option (Options.PassThrough).",
	}
	noCutCitation = benefit.Citation{
		Title:      "no cut: 社会保险法 第十八条 (正常调整机制); 军人抚恤优待条例 第三条 (动态调整)",
		Confidence: "V",
		Note:       "No text forbids a cut outright; a lower level than before is reported as a warning.",
	}
	latePaymentCitation = benefit.Citation{
		Title:      "社会保险法 第七十三条: 经办机构应当按时足额支付社会保险待遇 (a level is owed from the month it takes effect; what was paid late is made up, 补发)",
		Confidence: "V",
		Note:       "Art 73 binds social-insurance agencies; for other programmes the duty to pay from the effective month is that of the instrument that sets the level.",
	}
	missingCitation = benefit.Citation{
		Title: "应发尽发、应保尽保: an expected level was not given (Options.Expect, benefitstd check --expect)",
	}
)

// Indexes of the rules in checker.cov; relative rule ri is covRelative + ri.
const (
	covFloor = iota
	covHierarchy
	covPassThrough
	covLatePayment
	covNoCut
	covStale
	covRelative
)

var covRules = [...]string{covFloor: RuleFloor, covHierarchy: RuleHierarchy, covPassThrough: RulePassThrough,
	covLatePayment: RuleLatePayment, covNoCut: RuleNoCut, covStale: RuleStale}

// coverage counts level-months a rule checked and could not check.
type coverage struct{ checked, unchecked int64 }

// cover counts the months of iv (within the window, up to the horizon)
// as checked or not by rule rc.
func (c *checker) cover(rc int, iv benefit.Interval, checked bool) {
	n := c.months(iv)
	if checked {
		c.cov[rc].checked += n
	} else {
		c.cov[rc].unchecked += n
	}
}

// months returns the months of iv within [from, horizon).
func (c *checker) months(iv benefit.Interval) int64 {
	iv, ok := c.clip(iv)
	if !ok {
		return 0
	}
	return int64(iv.Months())
}

// clip returns iv ∩ [from, horizon), and false when that is empty.
func (c *checker) clip(iv benefit.Interval) (benefit.Interval, bool) {
	lo, hi := max(iv.From, c.from), iv.To
	if hi.IsZero() || (!c.horizon.IsZero() && hi > c.horizon) {
		hi = c.horizon
	}
	if lo.IsZero() || hi.IsZero() || hi <= lo {
		return benefit.Interval{}, false
	}
	return benefit.Interval{From: lo, To: hi}, true
}

// coverOwn counts the months of the window in which level i has a
// version of its own as checked by rule rc.
func (c *checker) coverOwn(i int, rc int) {
	s := c.levels[i].Schedule
	if s.Len() > 0 {
		c.cover(rc, benefit.Interval{From: s.First(), To: s.End()}, true)
	}
}

func (c *checker) run() (*Report, error) {
	c.relMemo = make([]int8, len(c.set.relative)*len(c.progs)*maxCheckedDims)
	c.relFl = make([][]int, len(c.set.relative))
	for ri := range c.set.relative {
		r := &c.set.relative[ri]
		for _, fi := range c.set.byProg[r.Against] {
			if c.set.floors[fi].Dims.Matches(r.AgainstDims) { // the floor's dimensions match the rule's pattern
				c.relFl[ri] = append(c.relFl[ri], fi)
			}
		}
	}
	c.cov = make([]coverage, covRelative+len(c.set.relative))
	c.due = c.set.dues()
	c.effOf = make([]int32, len(c.levels))
	// region by region in code order, and each region's levels by
	// programme: the order of Report.Checked and Report.Effects
	order := make([]int32, len(c.regions))
	for k := range order {
		order[k] = int32(k)
	}
	slices.SortFunc(order, func(a, b int32) int { return c.regions[a].code.Compare(c.regions[b].code) })
	pairs := 0 // region × programme pairs: the length of Checked, and at most of Effects
	for _, reg := range c.regions {
		for j := reg.last; j >= 0; j = c.next[j] {
			first := true // the last level of its programme in the region's list
			for k := c.next[j]; k >= 0 && first; k = c.next[k] {
				first = c.pid[k] != c.pid[j]
			}
			if first {
				pairs++
			}
		}
	}
	c.checked = make([]Checked, 0, pairs)
	c.effs, c.effHead = make([]Effect, 0, pairs), make([]margin, 0, pairs)
	var lv []int32
	for _, r := range order {
		reg := &c.regions[r]
		lv = lv[:0]
		for j := reg.last; j >= 0; j = c.next[j] {
			lv = append(lv, j)
		}
		slices.Reverse(lv) // in input order, then by programme
		byProg := func(a, b int32) int { return cmp.Compare(c.levels[a].Program, c.levels[b].Program) }
		if !slices.IsSortedFunc(lv, byProg) {
			slices.SortStableFunc(lv, byProg)
		}
		for k := 0; k < len(lv); {
			prog := c.levels[lv[k]].Program
			c.checked = append(c.checked, Checked{Region: reg.code, RegionName: reg.name, Program: prog})
			eff := int32(-1)
			if c.progs[c.pid[lv[k]]].p.Category != benefit.Reference {
				eff = int32(len(c.effs))
				c.effs = append(c.effs, Effect{Region: reg.code, RegionName: reg.name, Program: prog})
				c.effHead = append(c.effHead, margin{})
			}
			c.raises = c.raises[:0]
			for ; k < len(lv) && c.levels[lv[k]].Program == prog; k++ {
				i := int(lv[k])
				c.checkLevel(i)
				c.effOf[i] = eff
				if eff >= 0 {
					c.addEffect(&c.effs[eff], i)
				}
			}
			if eff >= 0 && len(c.raises) > 0 {
				c.effs[eff].Raises = c.slab.copy(c.raises)
			}
		}
	}
	for k, m := range c.effHead {
		if m.ok {
			e := &c.effs[k]
			e.Headroom, e.HeadroomPer, e.HeadroomKnown = m.amount(), m.per, true
		}
	}
	c.applyWaivers()
	return c.report()
}

// A raiseSlab hands out the effects' raises from shared arrays, a few
// allocations for many effects.
type raiseSlab struct{ free []Raise }

// copy returns a copy of rs whose capacity is its length.
func (s *raiseSlab) copy(rs []Raise) []Raise {
	if len(s.free) < len(rs) {
		s.free = make([]Raise, max(1024, len(rs)))
	}
	out := s.free[:len(rs):len(rs)]
	s.free = s.free[len(rs):]
	copy(out, rs)
	return out
}

// A msgKey names the message of an unchecked finding that depends only
// on a floor (kind 0: stale) or a relative rule (1: no reference, 2: no
// reference in these months), made once per check.
type msgKey struct {
	kind int8
	idx  int // the floor or relative rule index
}

// message returns the message of key k, making it with mk the first
// time.
func (c *checker) message(k msgKey, mk func() string) string {
	ms := &c.msgs[k.kind]
	if *ms == nil {
		*ms = make([]string, max(len(c.set.floors), len(c.set.relative)))
	}
	if (*ms)[k.idx] == "" {
		(*ms)[k.idx] = mk()
	}
	return (*ms)[k.idx]
}

// national returns the national schedule of level i's programme and
// dimensions (Set.NationalSchedule) and the months of its raises within
// [from, horizon), looked up once per programme and dimensions.
func (c *checker) national(i int) (benefit.Schedule, []benefit.Month, bool) {
	l, d := &c.levels[i], c.did[i]
	if d < 0 {
		var n national
		n.s, n.ok = c.set.NationalSchedule(l.Program, l.Dims)
		n.raises = c.raiseMonths(n.s, nil)
		return n.s, n.raises, n.ok
	}
	prog := &c.progs[c.pid[i]]
	for len(prog.nat) <= int(d) {
		prog.nat = append(prog.nat, national{})
	}
	n := &prog.nat[d]
	if !n.looked {
		n.s, n.ok = c.set.NationalSchedule(l.Program, l.Dims)
		n.raises = c.raiseMonths(n.s, nil)
		n.looked = true
	}
	return n.s, n.raises, n.ok
}

// raiseMonths appends to buf the months in [from, horizon) in which s
// rises.
func (c *checker) raiseMonths(s benefit.Schedule, buf []benefit.Month) []benefit.Month {
	for k := 1; k < s.Len(); k++ {
		cur := s.Version(k)
		if cur.From >= c.from && !c.horizon.IsZero() && cur.From < c.horizon && cur.Amount.Cmp(s.Version(k-1).Amount) > 0 {
			buf = append(buf, cur.From)
		}
	}
	return buf
}

// checkLevel applies every rule to level i.
func (c *checker) checkLevel(i int) {
	c.scan.reset()
	if c.levels[i].Schedule.Len() == 0 && c.ancestor(i) < 0 {
		c.noLevel(i)
		return
	}
	c.checkFloor(i)
	c.checkRelative(i)
	c.checkHierarchy(i)
	if c.opts.PassThrough {
		c.checkPassThrough(i)
	}
	c.checkLatePayment(i)
	c.checkNoCut(i)
	c.checkStale(i)
}

// noLevel reports every rule that applies to level i as unchecked: it
// gives no amount and no ancestor gives one to inherit.
func (c *checker) noLevel(i int) {
	l := &c.levels[i]
	iv := benefit.Interval{From: c.from, To: c.to}
	msg := "no amount is given and no region above has a level of " + l.Program + " to inherit: not checked"
	if c.floorApplies(i) {
		c.unchecked(i, RuleFloor, covFloor, ReasonNoLevel, iv, floorRuleCitation, msg)
	}
	for ri := range c.set.relative {
		if r := &c.set.relative[ri]; r.Program == l.Program && l.Dims.Matches(r.Dims) {
			c.unchecked(i, r.ID, covRelative+ri, ReasonNoLevel, iv, r.Citation, msg)
		}
	}
}

// floorApplies reports whether rule 1 applies to level i: to every level
// of a programme that is not a reference figure, unless the programme
// has no fixed floor and its legal floor is a relative bound (the
// unemployment benefit, bounded by 低保). A programme with no floor of
// either kind is unchecked (no floor is known), never passed.
func (c *checker) floorApplies(i int) bool {
	l := &c.levels[i]
	if c.progs[c.pid[i]].p.Category == benefit.Reference {
		return false
	}
	if len(c.set.byProg[l.Program]) > 0 {
		return true
	}
	for ri := range c.set.relative {
		if r := &c.set.relative[ri]; r.Program == l.Program && r.Bound == Lower && r.Severity == Violation && l.Dims.Matches(r.Dims) {
			return false
		}
	}
	return true
}

// dues returns, for each floor, the first month it is stale: its last
// version's month plus the cadence of its programme's national floors
// (the veterans' tables, adjusted every 1 August); zero for a floor with
// an end, a regional-agreement floor or one without a cadence.
func (s *Set) dues() []benefit.Month {
	out := make([]benefit.Month, len(s.floors))
	for fi := range s.floors {
		f := &s.floors[fi]
		if !f.IsNational() || !f.Schedule.End().IsZero() {
			continue
		}
		months := 0
		for _, cd := range s.cadences {
			if cd.Scope == National && cd.Program == f.Program && (months == 0 || cd.Months < months) {
				months = cd.Months
			}
		}
		if v, ok := f.Schedule.Last(); ok && months > 0 {
			out[fi] = v.From.AddMonths(months)
		}
	}
	return out
}

// staleAt reports whether floor fi is stale in month m.
func (c *checker) staleAt(fi int, m benefit.Month) bool {
	d := c.due[fi]
	return !d.IsZero() && m >= d
}

// addFloor adds the change months of floor fi: its versions, its end
// and the month it becomes stale.
func (c *checker) addFloor(fi int) {
	c.addSchedule(c.set.floors[fi].Schedule)
	if d := c.due[fi]; !d.IsZero() {
		c.cuts = append(c.cuts, d)
	}
}

// Rule 1: the level is not below the highest applicable fixed floor.
func (c *checker) checkFloor(i int) {
	if !c.floorApplies(i) {
		return
	}
	l := &c.levels[i]
	prog := &c.progs[c.pid[i]]
	var cand []int
	if d := c.did[i]; d >= 0 {
		cand = prog.floors[d]
	} else {
		cand = c.set.matching(l.Program, l.Dims, c.fl)
	}
	c.fl = c.fl[:0]
	for _, fi := range cand { // cand may share c.fl's array: fi is read before it is overwritten
		if f := &c.set.floors[fi]; f.IsNational() || c.inGroup(f.Group, c.rid[i]) {
			c.fl = append(c.fl, fi)
		}
	}
	if len(c.fl) == 0 {
		msg := "no floor of " + l.Program + " is known: not checked against any floor"
		if len(c.set.byProg[l.Program]) > 0 {
			msg = "no floor of " + l.Program + " is known for " + dimsText(l.Dims) + " in this region: not checked against any floor"
		}
		c.uncheckedMonths(i, c.from, RuleFloor, covFloor, ReasonNoFloor, floorRuleCitation, msg)
		return
	}
	yearly := false
	for _, fi := range c.fl {
		c.addFloor(fi)
		yearly = yearly || c.set.floors[fi].Per == benefit.PerYear
	}
	pooled := false
	if yearly {
		c.chain(i, func(o *Level) { pooled = pooled || o.Per == benefit.PerMonth })
	}
	if pooled {
		c.addChain(i)
		c.addYearCuts()
	}
	c.eachActual(i, c.from, c.to, func(iv benefit.Interval, act benefit.Amount, per benefit.Frequency, prov int) {
		c.floorInterval(i, iv, act, per, prov, pooled)
	})
}

func dimsText(d benefit.Dims) string {
	if d.IsZero() {
		return "these persons"
	}
	return d.String()
}

// addYearCuts adds the first month of every floor year of the yearly
// floors c.fl (12 months from each version's month) from a year before
// the window to a year past the last change month collected, so that no
// interval straddles two floor years.
func (c *checker) addYearCuts() {
	limit := c.horizon
	for _, m := range c.cuts {
		limit = max(limit, m)
	}
	limit = limit.AddMonths(12)
	for _, fi := range c.fl {
		f := &c.set.floors[fi]
		if f.Per != benefit.PerYear {
			continue
		}
		for k, v := range f.Schedule.All() {
			next := f.Schedule.End()
			if k+1 < f.Schedule.Len() {
				next = f.Schedule.Version(k + 1).From
			}
			skip := max(1, c.from.Sub(v.From)/12)
			for m := v.From.AddMonths(12 * skip); m < limit && (next.IsZero() || m < next); m = m.AddMonths(12) {
				c.cuts = append(c.cuts, m)
			}
		}
	}
}

// floorInterval applies rule 1 to level i over iv, in which it paid act
// per per (level prov's).
func (c *checker) floorInterval(i int, iv benefit.Interval, act benefit.Amount, per benefit.Frequency, prov int, pooled bool) {
	l := &c.levels[i]
	var (
		req   benefit.Amount
		best  *Floor
		bestV benefit.Version
		stale bool
		due   benefit.Month
	)
	for _, fi := range c.fl {
		f := &c.set.floors[fi]
		v, ok := f.Schedule.At(iv.From)
		if !ok {
			continue
		}
		if c.staleAt(fi, iv.From) {
			stale, due = true, c.due[fi]
		}
		if best == nil || v.Amount.Cmp(req) > 0 {
			req, best, bestV = v.Amount, f, v
		}
	}
	if best == nil {
		c.unchecked(i, RuleFloor, covFloor, ReasonNoFloor, iv, floorRuleCitation,
			"no floor of "+l.Program+" is known for "+dimsText(l.Dims)+" in these months (the known floors start later or have ended): not checked")
		return
	}
	var (
		short      bool
		a, r       benefit.Amount // the level and the floor compared, per unit
		unit       benefit.Frequency
		num        benefit.Amount // the arrears factor of a floor year paid monthly (see item)
		den        int64
		yearPaid   bool
		yearShortS benefit.Amount
	)
	if pooled && per == benefit.PerMonth && best.Per == benefit.PerYear {
		// a yearly floor and monthly instalments: compared on what the
		// floor year pays (12 × Σ monthly amounts against n × the yearly
		// floor, for the n months of the year the level is paid); past
		// every change month (an open interval) each year pays 12 × the
		// same amount
		ps := &poolSum{q: per.Annual(act).Mul(12), n: 12}
		if !iv.To.IsZero() {
			ps = c.poolAt(i, iv.From, bestV.From)
		}
		need := req.Mul(ps.n)
		short = ps.q.Cmp(need) < 0
		num, den, yearPaid = need.Sub(ps.q), 12*ps.n, true
		yearShortS = quoShown(num, ps.n)
		a, r, unit = req.Sub(yearShortS), req, benefit.PerYear
	} else {
		a, r, unit = compareUnit(act, per, req, best.Per)
		short = a.Cmp(r) < 0
	}
	if !short && stale {
		c.scan.ok = append(c.scan.ok, iv)
		fi := c.fl[slices.IndexFunc(c.fl, func(fi int) bool { return &c.set.floors[fi] == best })]
		c.unchecked(i, RuleFloor, covFloor, ReasonStale, iv, versionCitation(bestV, best), c.message(msgKey{0, fi}, func() string {
			last, _ := best.Schedule.Last()
			return "no floor is known from " + due.String() + ": the last known table (" + last.From.String() + ", " + last.Amount.String() + " a " + best.Per.String() +
				") is older than its cadence; the level is at or above it, but whether it keeps the floor in force is not known"
		}))
		return
	}
	c.cover(covFloor, iv, true)
	c.scan.bound(iv, short, a, r, unit)
	if !short {
		c.scan.ok = append(c.scan.ok, iv)
		return
	}
	it := item{f: c.finding(i, RuleFloor, c.floorSeverity(bestV.Status), iv), lvl: i, owed: true, floorPart: best.IsNational()}
	shortfall(&it, unit, r, a)
	if yearPaid {
		it.f.Shortfall, it.num, it.den = yearShortS, num, den
	}
	it.f.Citation, it.f.FloorStatus = versionCitation(bestV, best), bestV.Status
	what := "national floor"
	if !best.IsNational() {
		what = "regional-agreement floor of " + best.Group.Name
	}
	// concatenated rather than fmt.Sprintf: no boxing of amounts per finding
	if yearPaid {
		it.f.Message = "the floor year's monthly instalments pay " + a.String() + " a year, below the " + what + " " + req.String() + " a year (" + bestV.Status.String() + ")"
	} else {
		it.f.Message = "level " + a.String() + " is below the " + what + " " + r.String() + " (" + bestV.Status.String() + ")"
	}
	if stale {
		it.f.Message += "; no newer floor is known from " + due.String() + ", and a floor does not fall, so it is below the floor in force too"
	}
	c.inherit(&it.f, i, prov)
	c.add(it)
}

// quoShown returns a ÷ n exactly when that is a whole number of fen or
// finer, and otherwise rounded half-up to the fen, for display: the
// comparison and the arrears use a and n themselves.
func quoShown(a benefit.Amount, n int64) benefit.Amount {
	q, _ := a.QuoInt(n, benefit.FenHalfUp()) // n > 0
	return q
}

// A poolSum is what a level paid over one floor year: Σ of its yearly
// rates (12 × a monthly amount) over the months it was paid, and their
// number.
type poolSum struct {
	lvl        int
	start, end benefit.Month
	q          benefit.Amount
	n          int64
}

// poolAt returns what level i paid over the floor year that holds month
// m: the 12 months from anchor + 12k (anchor the month of the floor
// version in force), cut short where a floor of c.fl changes or becomes
// stale. The year is taken whole, its months outside the window
// included, so that a window that starts or ends inside a year does not
// split the instalments it is paid in.
func (c *checker) poolAt(i int, m, anchor benefit.Month) *poolSum {
	k := m.Sub(anchor) / 12
	start, end := anchor.AddMonths(12*k), anchor.AddMonths(12*(k+1))
	cut := func(x benefit.Month) {
		switch {
		case x.IsZero():
		case x <= m && x > start:
			start = x
		case x > m && x < end:
			end = x
		}
	}
	for _, fi := range c.fl {
		f := &c.set.floors[fi]
		for _, v := range f.Schedule.All() {
			cut(v.From)
		}
		cut(f.Schedule.End())
		cut(c.due[fi])
	}
	if p := &c.pool; p.lvl == i && p.start == start && p.end == end && p.n > 0 {
		return p
	}
	c.pcuts = c.pcuts[:0]
	c.chain(i, func(o *Level) {
		c.pcuts = appendChanges(c.pcuts, o.Schedule)
		for _, p := range o.FirstPaid {
			c.pcuts = append(c.pcuts, p.Month)
		}
	})
	c.pcuts = append(c.pcuts, end)
	slices.Sort(c.pcuts)
	p := poolSum{lvl: i, start: start, end: end}
	var q fenSum
	a := start
	for _, b := range slices.Compact(c.pcuts) {
		if b <= a || b > end {
			continue
		}
		if act, per, _, ok := c.actualAt(i, a); ok {
			q.add(mulPersons(per.Annual(act), int64(b.Sub(a))))
			p.n += int64(b.Sub(a))
		}
		a = b
	}
	p.q = q.total()
	c.pool = p
	return &c.pool
}

// reference finds the figures a relative rule compares with: levels of
// the other programme in region rg of a level or the nearest division it
// lies under (as the region table records it) that has any, or else
// national floors of it (and regional-agreement floors of a group rg
// belongs to). The slices are reused by the next call.
func (c *checker) reference(rg int32, ri int) (levels []int, floors []int) {
	r := &c.set.relative[ri]
	levels, floors = c.refs[:0], c.refFl[:0]
	defer func() { c.refs, c.refFl = levels, floors }()
	up := c.up(rg)
	for k := -1; k < len(up); k++ {
		reg := rg
		if k >= 0 {
			var has bool
			if reg, has = c.regIdx[up[k]]; !has {
				continue
			}
		}
		for j := c.regions[reg].last; j >= 0; j = c.next[j] {
			if c.levels[j].Program == r.Against && c.againstMatch(ri, int(j)) {
				levels = append(levels, int(j))
			}
		}
		if len(levels) > 0 {
			slices.Reverse(levels) // in the order of the levels
			return levels, floors
		}
	}
	for _, fi := range c.relFl[ri] {
		if f := &c.set.floors[fi]; f.IsNational() || c.inGroup(f.Group, rg) {
			floors = append(floors, fi)
		}
	}
	return levels, floors
}

// againstMatch reports whether level j's dimensions match relative rule
// ri's AgainstDims, remembering the answer for its programme and
// dimensions.
func (c *checker) againstMatch(ri, j int) bool {
	d := c.did[j]
	if d < 0 {
		return c.levels[j].Dims.Matches(c.set.relative[ri].AgainstDims)
	}
	k := (ri*len(c.progs)+int(c.pid[j]))*maxCheckedDims + int(d)
	if c.relMemo[k] == 0 {
		c.relMemo[k] = 2
		if c.levels[j].Dims.Matches(c.set.relative[ri].AgainstDims) {
			c.relMemo[k] = 1
		}
	}
	return c.relMemo[k] == 1
}

// Rule 2: relative floors and ceilings.
func (c *checker) checkRelative(i int) {
	l := &c.levels[i]
	for ri := range c.set.relative {
		r := &c.set.relative[ri]
		if r.Program != l.Program || !l.Dims.Matches(r.Dims) {
			continue
		}
		rc := covRelative + ri
		from := max(c.from, r.From) // a rule made at a date binds from then on
		refs, floors := c.reference(c.rid[i], ri)
		if len(refs) == 0 && len(floors) == 0 {
			c.uncheckedMonths(i, from, r.ID, rc, ReasonNoReference, r.Citation, c.message(msgKey{1, ri}, func() string {
				return "no " + r.Against + " figure is given for the region or any region above it, nor nationally: " + r.ID + " cannot be evaluated"
			}))
			continue
		}
		for _, j := range refs {
			c.addChain(j)
		}
		for _, fi := range floors {
			c.addFloor(fi)
		}
		legal := r.Bound == Lower && r.Severity == Violation // a legal floor (for the effect summary)
		c.eachActual(i, from, c.to, func(iv benefit.Interval, act benefit.Amount, per benefit.Frequency, prov int) {
			var (
				ref      benefit.Amount
				refPer   benefit.Frequency
				refSrc   benefit.Citation
				refStale bool
				found    bool
			)
			pick := func(a benefit.Amount, f benefit.Frequency, src benefit.Citation, stale bool) {
				if found {
					x, y, _ := compareUnit(a, f, ref, refPer)
					if (r.Bound == Lower && x.Cmp(y) <= 0) || (r.Bound == Upper && x.Cmp(y) >= 0) {
						return
					}
				}
				ref, refPer, refSrc, refStale, found = a, f, src, stale, true
			}
			for _, j := range refs {
				if a, f, p, ok := c.actualAt(j, iv.From); ok {
					pick(a, f, sourceAt(&c.levels[p], iv.From), false)
				}
			}
			for _, fi := range floors {
				fl := &c.set.floors[fi]
				if v, ok := fl.Schedule.At(iv.From); ok {
					pick(v.Amount, fl.Per, versionCitation(v, fl), c.staleAt(fi, iv.From))
				}
			}
			if !found {
				c.unchecked(i, r.ID, rc, ReasonNoReference, iv, r.Citation, c.message(msgKey{2, ri}, func() string {
					return "no " + r.Against + " figure is in force for the region or any region above it in these months: " + r.ID + " cannot be evaluated"
				}))
				return
			}
			a, b, unit := compareUnit(act, per, ref.MulRate(r.Multiplier), refPer)
			d := a.Cmp(b)
			breach := (r.Bound == Lower && (d < 0 || (r.Strict && d == 0))) || (r.Bound == Upper && (d > 0 || (r.Strict && d == 0)))
			if refStale && breach == (r.Bound == Upper) {
				// a national table older than its cadence: a level below a
				// stale floor is below the floor in force too, but one above
				// it, or above a stale ceiling, may or may not keep the rule
				c.unchecked(i, r.ID, rc, ReasonStale, iv, r.Citation,
					"the "+r.Against+" figure compared ("+refSrc.String()+") is a national table older than its cadence, and no newer one is known: "+r.ID+" cannot be evaluated")
				return
			}
			c.cover(rc, iv, true)
			if legal {
				c.scan.bound(iv, breach, a, b, unit)
			}
			if !breach {
				return
			}
			it := item{f: c.finding(i, r.ID, r.Severity, iv), lvl: i, owed: r.Bound == Lower && r.Severity == Violation}
			if r.Bound == Lower {
				shortfall(&it, unit, b, a)
			} else {
				it.f.Per, it.f.Required, it.f.Actual, it.f.Excess = unit, b, a, a.Sub(b)
			}
			it.f.Citation = r.Citation
			bound := r.Against
			if !r.Multiplier.Equal(benefit.Percent(100)) {
				bound = r.Multiplier.String() + " of " + r.Against
			}
			it.f.Message = "level " + a.String() + " must be " + r.relation() + " " + bound + " = " + b.String() + " (" + refSrc.String() + ")"
			c.inherit(&it.f, i, prov)
			c.add(it)
		})
	}
}

// Rule 3: a level is not below its nearest ancestor's.
func (c *checker) checkHierarchy(i int) {
	l := &c.levels[i]
	if l.Schedule.Len() == 0 {
		return
	}
	a := c.ancestor(i)
	if a < 0 || c.progs[c.pid[i]].p.Category == benefit.Reference {
		return
	}
	c.addChain(i)
	for _, iv := range c.intervals(c.from, c.to) {
		if _, ok := l.Schedule.At(iv.From); !ok {
			continue // inherited: equal to the ancestor's
		}
		own, ownPer, _, _ := c.actualAt(i, iv.From) // what was paid (a version paid late: the one before)
		up, upPer, prov, ok := c.actualAt(a, iv.From)
		if !ok {
			continue
		}
		c.cover(covHierarchy, iv, true)
		x, y, unit := compareUnit(own, ownPer, up, upPer)
		if x.Cmp(y) >= 0 {
			continue
		}
		it := item{f: c.finding(i, RuleHierarchy, Violation, iv), lvl: i, owed: true}
		shortfall(&it, unit, y, x)
		it.f.Citation = hierarchyCitation
		it.f.Message = fmt.Sprintf("level %s is below %s %s's level %s (%s)", x, c.levels[prov].Region, c.name(prov), y, sourceAt(&c.levels[prov], iv.From))
		c.add(it)
	}
}

// Rule 4: a national raise Δ is passed on in full by a level above the
// floor.
func (c *checker) checkPassThrough(i int) {
	ns, _, ok := c.national(i)
	if !ok || ns.Len() < 2 {
		return
	}
	floorPer := c.progs[c.pid[i]].p.Frequency
	for k := 1; k < ns.Len(); k++ {
		prev, cur := ns.Version(k-1), ns.Version(k)
		delta := cur.Amount.Sub(prev.Amount)
		if delta.Sign() <= 0 {
			continue
		}
		end := ns.End()
		if k+1 < ns.Len() {
			end = ns.Version(k + 1).From
		}
		base, per, _, ok := c.actualAt(i, cur.From.AddMonths(-1))
		if !ok {
			continue
		}
		if b, p, _ := compareUnit(base, per, prev.Amount, floorPer); b.Cmp(p) <= 0 {
			continue // at the old floor: rule 1 asks for the new floor
		}
		unit, req := per, base.Add(delta)
		if per != floorPer {
			unit, req = benefit.PerYear, per.Annual(base).Add(floorPer.Annual(delta))
		}
		c.eachActual(i, cur.From, end, func(iv benefit.Interval, act benefit.Amount, aper benefit.Frequency, prov int) {
			x, y, u := compareUnit(act, aper, req, unit)
			c.cover(covPassThrough, iv, true)
			if x.Cmp(y) >= 0 {
				return
			}
			it := item{f: c.finding(i, RulePassThrough, c.floorSeverity(cur.Status), iv), lvl: i, owed: true, floorPart: true}
			shortfall(&it, u, y, x)
			it.f.Citation = passThroughCitation
			it.f.Message = fmt.Sprintf("national floor rose by %s in %s; level was %s, so at least %s is due", delta, cur.From, base, req)
			c.inherit(&it.f, i, prov)
			c.add(it)
		})
	}
}

// Rule 7: a version is paid from the month it takes effect; a version
// first paid later owes the difference for the months before (补发).
func (c *checker) checkLatePayment(i int) {
	l := &c.levels[i]
	for _, fp := range l.FirstPaid {
		if fp.Month <= fp.From {
			continue
		}
		k := 0
		for k < l.Schedule.Len() && l.Schedule.Version(k).From != fp.From {
			k++
		}
		v := l.Schedule.Version(k) // checkFirstPaid saw it
		end := l.Schedule.End()
		if k+1 < l.Schedule.Len() {
			end = l.Schedule.Version(k + 1).From
		}
		end = minEnd(end, fp.Month)
		c.eachActual(i, fp.From, end, func(iv benefit.Interval, paid benefit.Amount, per benefit.Frequency, prov int) {
			c.cover(covLatePayment, iv, true)
			x, y, unit := compareUnit(paid, per, v.Amount, l.Per)
			if x.Cmp(y) >= 0 {
				return // paid at least as much until then (a cut paid late)
			}
			it := item{f: c.finding(i, RuleLatePayment, Violation, iv), lvl: i, owed: true}
			shortfall(&it, unit, y, x)
			it.f.Citation = latePaymentCitation
			it.f.Message = "the level of " + fp.From.String() + " (" + v.Amount.String() + ") was first paid in " + fp.Month.String() +
				"; " + x.String() + " was paid until then, so the difference is owed (补发)"
			if prov != i && prov >= 0 {
				it.f.Message += " (" + c.levels[prov].Region.String() + " " + c.name(prov) + "'s level was paid)"
			}
			c.add(it)
		})
	}
}

// Rule 5: a level does not fall below its previous version.
func (c *checker) checkNoCut(i int) {
	l := &c.levels[i]
	c.coverOwn(i, covNoCut)
	for k := 1; k < l.Schedule.Len(); k++ {
		prev, cur := l.Schedule.Version(k-1), l.Schedule.Version(k)
		if cur.Amount.Cmp(prev.Amount) >= 0 {
			continue
		}
		end := l.Schedule.End()
		if k+1 < l.Schedule.Len() {
			end = l.Schedule.Version(k + 1).From
		}
		for _, iv := range c.intervals(cur.From, end) {
			it := item{f: c.finding(i, RuleNoCut, Warning, iv), lvl: i}
			it.f.Per, it.f.Required, it.f.Actual, it.f.Shortfall, it.f.Citation = l.Per, prev.Amount, cur.Amount, prev.Amount.Sub(cur.Amount), noCutCitation
			it.f.Message = fmt.Sprintf("level cut from %s to %s in %s", prev.Amount, cur.Amount, cur.From)
			c.add(it)
		}
	}
}

// Rule 6: a local figure with a cadence is not left unchanged longer.
func (c *checker) checkStale(i int) {
	l := &c.levels[i]
	covered := false
	for ci := range c.set.cadences {
		cd := &c.set.cadences[ci]
		if cd.Scope != Local || cd.Program != l.Program {
			continue
		}
		if !covered {
			c.coverOwn(i, covStale)
			covered = true
		}
		for k := 0; k < l.Schedule.Len(); k++ {
			v := l.Schedule.Version(k)
			due := v.From.AddMonths(cd.Months)
			end := l.Schedule.End()
			if k+1 < l.Schedule.Len() {
				end = l.Schedule.Version(k + 1).From
			}
			if (!end.IsZero() && due >= end) || due > c.asOf {
				continue
			}
			for _, iv := range c.intervals(due, end) {
				it := item{f: c.finding(i, RuleStale, Warning, iv), lvl: i}
				it.f.Per, it.f.Actual, it.f.Citation = l.Per, v.Amount, cd.Citation
				it.f.Message = "unchanged since " + v.From.String() + "; expected an update at least every " + strconv.Itoa(cd.Months) + " months (due " + due.String() + ")"
				c.add(it)
			}
		}
	}
}
