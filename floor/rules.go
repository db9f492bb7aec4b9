package floor

import (
	"cmp"
	"slices"

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
// as checked or not by rule rc; nothing with Options.FindingsOnly.
func (c *checker) cover(rc int, iv benefit.Interval, checked bool) {
	if c.opts.FindingsOnly {
		return
	}
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
	c.fsteps = make([][]step, len(c.set.floors))
	for fi := range c.fsteps {
		c.fsteps[fi] = c.floorSteps(fi)
	}
	c.effOf = make([]int32, len(c.levels))
	// region by region in code order, and each region's levels by
	// programme: the order of Report.Checked and Report.Effects
	order := make([]int32, len(c.regions))
	for k := range order {
		order[k] = int32(k)
	}
	slices.SortFunc(order, func(a, b int32) int { return c.regions[a].code.Compare(c.regions[b].code) })
	whole := !c.opts.FindingsOnly // make Checked and Effects
	c.scan.off = !whole
	if whole {
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
	}
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
			eff := int32(-1)
			if whole {
				c.checked = append(c.checked, Checked{Region: reg.code, RegionName: reg.name, Program: prog})
			}
			if whole && c.progs[c.pid[lv[k]]].p.Category != benefit.Reference {
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
			e.Headroom, e.HeadroomPer, e.HeadroomKnown = m.amt, m.per, true
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

// message returns the message of key k, making its text with mk the
// first time.
func (c *checker) message(k msgKey, mk func() string) *message {
	ms := &c.msgs[k.kind]
	if *ms == nil {
		*ms = make([]*message, max(len(c.set.floors), len(c.set.relative)))
	}
	if (*ms)[k.idx] == nil {
		(*ms)[k.idx] = textMsg(mk())
	}
	return (*ms)[k.idx]
}

// boundText returns relative rule ri's bound in words: the other
// programme, times the multiplier when it is not 100 % ("90% of
// reference.min_wage"), made once per check.
func (c *checker) boundText(ri int) string {
	if c.bounds == nil {
		c.bounds = make([]string, len(c.set.relative))
	}
	if c.bounds[ri] == "" {
		r := &c.set.relative[ri]
		c.bounds[ri] = r.Against
		if !r.Multiplier.Equal(benefit.Percent(100)) {
			c.bounds[ri] = r.Multiplier.String() + " of " + r.Against
		}
	}
	return c.bounds[ri]
}

// Messages that name nothing but the finding's own fields.
var (
	noLevelMsg      = &message{kind: msgNoLevel}
	noFloorMsg      = &message{kind: msgNoFloor}
	noFloorDimsMsg  = &message{kind: msgNoFloorDims}
	noFloorMonthMsg = &message{kind: msgNoFloorMonths}
)

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
	c.paid = c.paidSteps(i, c.paid)
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
	if c.floorApplies(i) {
		c.unchecked(i, RuleFloor, covFloor, ReasonNoLevel, iv, nil, &floorRuleCitation, noLevelMsg)
	}
	for ri := range c.set.relative {
		if r := &c.set.relative[ri]; r.Program == l.Program && l.Dims.Matches(r.Dims) {
			c.unchecked(i, r.ID, covRelative+ri, ReasonNoLevel, iv, nil, &r.Citation, noLevelMsg)
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

// floorCite returns the citation of the version of floor fi in force
// over s, one of its steps (or the floor's, when the version has none),
// from a table of the floor's citations made the first time.
func (c *checker) floorCite(fi int, s *step) *benefit.Citation {
	if c.fcites == nil {
		c.fcites = make([][]benefit.Citation, len(c.set.floors))
	}
	f := &c.set.floors[fi]
	if c.fcites[fi] == nil {
		t := make([]benefit.Citation, f.Schedule.Len())
		for k, v := range f.Schedule.All() {
			t[k] = versionCitation(v, f)
		}
		c.fcites[fi] = t
	}
	return &c.fcites[fi][s.ver]
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
		msg := noFloorMsg
		if len(c.set.byProg[l.Program]) > 0 {
			msg = noFloorDimsMsg
		}
		c.uncheckedMonths(i, c.from, RuleFloor, covFloor, ReasonNoFloor, &floorRuleCitation, msg)
		return
	}
	curs := append(c.curs[:0], cursor{s: c.paid, k: -1})
	yearly := false
	for _, fi := range c.fl {
		curs = append(curs, cursor{s: c.fsteps[fi], k: -1})
		yearly = yearly || c.set.floors[fi].Per == benefit.PerYear
	}
	c.curs = curs
	pooled := false
	if yearly {
		c.chain(i, func(o *Level) { pooled = pooled || o.Per == benefit.PerMonth })
	}
	var cuts []benefit.Month
	if pooled {
		cuts = c.yearCuts(curs)
	}
	var w walk
	for c.startWalk(&w, c.from, c.to, curs, cuts); w.next(); {
		if p := curs[0].at(); p.ok {
			c.floorInterval(i, w.iv, p, curs[1:], pooled)
		}
	}
}

func dimsText(d benefit.Dims) string {
	if d.IsZero() {
		return "these persons"
	}
	return d.String()
}

// yearCuts returns, sorted, the first month of every floor year of the
// yearly floors c.fl (12 months from each version's month) from a year
// before the window to a year past the last step of the lists of curs,
// so that no interval straddles two floor years.
func (c *checker) yearCuts(curs []cursor) []benefit.Month {
	limit := c.horizon
	for _, cu := range curs {
		if n := len(cu.s); n > 0 {
			limit = max(limit, cu.s[n-1].from)
		}
	}
	limit = limit.AddMonths(12)
	c.cuts = c.cuts[:0]
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
	slices.Sort(c.cuts)
	return c.cuts
}

// floorInterval applies rule 1 to level i over iv, in which it paid
// p.amt per p.per (level p.lvl's), against the floors c.fl, whose steps
// over iv fl holds (in the order of c.fl).
func (c *checker) floorInterval(i int, iv benefit.Interval, p *step, fl []cursor, pooled bool) {
	act, per := p.amt, p.per
	var (
		req   benefit.Amount
		best  *Floor
		bestS *step
		fi    int
		stale bool
		due   benefit.Month
	)
	for k := range fl {
		v := fl[k].at()
		if !v.ok {
			continue
		}
		if v.stale {
			stale, due = true, v.from
		}
		if best == nil || v.amt.Cmp(req) > 0 {
			fi = c.fl[k]
			req, best, bestS = v.amt, &c.set.floors[fi], v
		}
	}
	if best == nil {
		c.unchecked(i, RuleFloor, covFloor, ReasonNoFloor, iv, p, &floorRuleCitation, noFloorMonthMsg)
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
			ps = c.poolAt(i, iv.From, bestS.since)
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
		c.scan.kept(iv)
		c.unchecked(i, RuleFloor, covFloor, ReasonStale, iv, p, c.floorCite(fi, bestS), c.message(msgKey{0, fi}, func() string {
			last, _ := best.Schedule.Last()
			return "no floor is known from " + due.String() + ": the last known table (" + last.From.String() + ", " + last.Amount.String() + " a " + best.Per.String() +
				") is older than its cadence; the level is at or above it, but whether it keeps the floor in force is not known"
		}))
		return
	}
	c.cover(covFloor, iv, true)
	c.scan.bound(iv, short, a, r, unit)
	if !short {
		c.scan.kept(iv)
		return
	}
	it := c.item(i, RuleFloor, c.floorSeverity(bestS.status), iv, p)
	it.owed, it.floorPart = true, best.IsNational()
	shortfall(&it, unit, r, a)
	if yearPaid {
		it.short, it.num, it.den = yearShortS, num, den
	}
	it.cite, it.status = c.floorCite(fi, bestS), bestS.status
	msg := message{kind: msgFloor, text: best.Group.Name} // a national floor has no group
	if yearPaid {
		msg.kind = msgFloorYear
	}
	if stale {
		msg.flags, msg.m1 = msgStaleFloor, due
	}
	it.msg = c.marena.add(msg)
	c.inherit(&it, i, p)
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
	var q benefit.Amount
	a := start
	for _, b := range slices.Compact(c.pcuts) {
		if b <= a || b > end {
			continue
		}
		if act, per, _, ok := c.actualAt(i, a); ok {
			q = q.Add(per.Annual(act).Mul(int64(b.Sub(a))))
			p.n += int64(b.Sub(a))
		}
		a = b
	}
	p.q = q
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
			c.uncheckedMonths(i, from, r.ID, rc, ReasonNoReference, &r.Citation, c.message(msgKey{1, ri}, func() string {
				return "no " + r.Against + " figure is given for the region or any region above it, nor nationally: " + r.ID + " cannot be evaluated"
			}))
			continue
		}
		// the level's list, each reference level's, each reference floor's
		curs := append(c.curs[:0], cursor{s: c.paid, k: -1})
		for n, j := range refs {
			if n == len(c.refPaid) {
				c.refPaid = append(c.refPaid, nil)
			}
			c.refPaid[n] = c.paidSteps(j, c.refPaid[n])
			curs = append(curs, cursor{s: c.refPaid[n], k: -1})
		}
		for _, fi := range floors {
			curs = append(curs, cursor{s: c.fsteps[fi], k: -1})
		}
		c.curs = curs
		legal := r.Bound == Lower && r.Severity == Violation // a legal floor (for the effect summary)
		var w walk
		for c.startWalk(&w, from, c.to, curs, nil); w.next(); {
			if p := curs[0].at(); p.ok {
				c.relativeInterval(i, ri, w.iv, p, curs[1:1+len(refs)], floors, curs[1+len(refs):], legal)
			}
		}
	}
}

// relativeInterval applies relative rule ri to level i over iv, in which
// it paid p.amt per p.per, against the reference levels' steps over iv
// (refs) and the reference floors' (fl, of the floors floors).
func (c *checker) relativeInterval(i, ri int, iv benefit.Interval, p *step, refs []cursor, floors []int, fl []cursor, legal bool) {
	r := &c.set.relative[ri]
	rc := covRelative + ri
	var (
		ref      *step // the figure that binds
		refFloor = -1  // its floor, when it is a floor's
		found    bool
	)
	pick := func(s *step, fi int) {
		if found {
			x, y, _ := compareUnit(s.amt, s.per, ref.amt, ref.per)
			if (r.Bound == Lower && x.Cmp(y) <= 0) || (r.Bound == Upper && x.Cmp(y) >= 0) {
				return
			}
		}
		ref, refFloor, found = s, fi, true
	}
	for k := range refs {
		if s := refs[k].at(); s.ok {
			pick(s, -1)
		}
	}
	for k := range fl {
		if s := fl[k].at(); s.ok {
			pick(s, floors[k])
		}
	}
	if !found {
		c.unchecked(i, r.ID, rc, ReasonNoReference, iv, p, &r.Citation, c.message(msgKey{2, ri}, func() string {
			return "no " + r.Against + " figure is in force for the region or any region above it in these months: " + r.ID + " cannot be evaluated"
		}))
		return
	}
	refSrc := func() *benefit.Citation {
		if refFloor >= 0 {
			return c.floorCite(refFloor, ref)
		}
		return c.carena.add(c.sourceOf(ref))
	}
	a, b, unit := compareUnit(p.amt, p.per, ref.amt.MulRate(r.Multiplier), ref.per)
	d := a.Cmp(b)
	breach := (r.Bound == Lower && (d < 0 || (r.Strict && d == 0))) || (r.Bound == Upper && (d > 0 || (r.Strict && d == 0)))
	if ref.stale && breach == (r.Bound == Upper) {
		// a national table older than its cadence: a level below a
		// stale floor is below the floor in force too, but one above
		// it, or above a stale ceiling, may or may not keep the rule
		c.unchecked(i, r.ID, rc, ReasonStale, iv, p, &r.Citation, c.marena.add(message{kind: msgRelativeStale, text: r.Against, src: refSrc()}))
		return
	}
	c.cover(rc, iv, true)
	if legal {
		c.scan.bound(iv, breach, a, b, unit)
	}
	if !breach {
		return
	}
	it := c.item(i, r.ID, r.Severity, iv, p)
	it.owed = r.Bound == Lower && r.Severity == Violation
	if r.Bound == Lower {
		shortfall(&it, unit, b, a)
	} else {
		it.per, it.req, it.act, it.excess = unit, b, a, a.Sub(b)
	}
	it.cite = &r.Citation
	it.msg = c.marena.add(message{kind: msgRelative, n: relationOf(r), text: c.boundText(ri), src: refSrc()})
	c.inherit(&it, i, p)
	c.add(it)
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
	c.upPaid = c.paidSteps(a, c.upPaid)
	curs := append(c.curs[:0], cursor{s: c.paid, k: -1}, cursor{s: c.upPaid, k: -1})
	c.curs = curs
	var w walk
	for c.startWalk(&w, c.from, c.to, curs, nil); w.next(); {
		own, up := curs[0].at(), curs[1].at()
		if !own.own || !up.ok {
			continue // inherited (equal to the ancestor's), or nothing to compare with
		}
		iv := w.iv
		c.cover(covHierarchy, iv, true)
		// what was paid (a version paid late: the one before)
		x, y, unit := compareUnit(own.amt, own.per, up.amt, up.per)
		if x.Cmp(y) >= 0 {
			continue
		}
		prov := int(up.lvl)
		it := c.item(i, RuleHierarchy, Violation, iv, own)
		it.owed = true
		shortfall(&it, unit, y, x)
		it.cite = &hierarchyCitation
		it.msg = c.marena.add(message{kind: msgHierarchy, code: c.levels[prov].Region, name: c.name(prov), src: c.carena.add(c.sourceOf(up))})
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
		curs := append(c.curs[:0], cursor{s: c.paid, k: -1})
		c.curs = curs
		var w walk
		for c.startWalk(&w, cur.From, end, curs, nil); w.next(); {
			p := curs[0].at()
			if !p.ok {
				continue
			}
			iv := w.iv
			x, y, u := compareUnit(p.amt, p.per, req, unit)
			c.cover(covPassThrough, iv, true)
			if x.Cmp(y) >= 0 {
				continue
			}
			it := c.item(i, RulePassThrough, c.floorSeverity(cur.Status), iv, p)
			it.owed, it.floorPart = true, true
			shortfall(&it, u, y, x)
			it.cite = &passThroughCitation
			it.msg = c.marena.add(message{kind: msgPassThrough, a: delta, b: base, m1: cur.From, n: int32(per) | int32(floorPer)<<8})
			c.inherit(&it, i, p)
			c.add(it)
		}
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
		curs := append(c.curs[:0], cursor{s: c.paid, k: -1})
		c.curs = curs
		var w walk
		for c.startWalk(&w, fp.From, end, curs, nil); w.next(); {
			p := curs[0].at()
			if !p.ok {
				continue
			}
			iv, prov := w.iv, int(p.lvl)
			c.cover(covLatePayment, iv, true)
			x, y, unit := compareUnit(p.amt, p.per, v.Amount, l.Per)
			if x.Cmp(y) >= 0 {
				continue // paid at least as much until then (a cut paid late)
			}
			it := c.item(i, RuleLatePayment, Violation, iv, p)
			it.owed = true
			shortfall(&it, unit, y, x)
			it.cite = &latePaymentCitation
			msg := message{kind: msgLatePayment, m1: fp.From, a: v.Amount, m2: fp.Month}
			if prov != i && prov >= 0 {
				msg.flags, msg.code, msg.name = msgPaidBy, c.levels[prov].Region, c.name(prov)
			}
			it.msg = c.marena.add(msg)
			c.add(it)
		}
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
		if iv, ok := c.window(cur.From, end); ok {
			it := c.item(i, RuleNoCut, Warning, iv, nil)
			it.srcVer = int32(k) // iv lies in version k's months
			it.per, it.req, it.act, it.short, it.cite = l.Per, prev.Amount, cur.Amount, prev.Amount.Sub(cur.Amount), &noCutCitation
			it.msg = c.marena.add(message{kind: msgNoCut, m1: cur.From})
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
			if iv, ok := c.window(due, end); ok {
				it := c.item(i, RuleStale, Warning, iv, nil)
				it.srcVer = int32(k) // iv lies in version k's months
				it.per, it.act, it.cite = l.Per, v.Amount, &cd.Citation
				it.msg = c.marena.add(message{kind: msgStale, m1: v.From, n: int32(cd.Months), m2: due})
				c.add(it)
			}
		}
	}
}
