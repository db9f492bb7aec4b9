package floor

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

func (c *checker) applyWaivers() {
	for wi := range c.opts.Waivers {
		w := c.opts.Waivers[wi]
		if w.expired(c.asOf) {
			f := Finding{Rule: RuleWaiverExpired, Severity: Warning, Region: w.Region, RegionName: c.tab.Name(w.Region), Program: w.Program,
				Dims: w.Dims, Interval: w.Interval, Citation: w.Citation, Waiver: &w}
			f.msg = textMsg(fmt.Sprintf("waiver expired in %s (as of %s); the violations it covered stand: %s", w.Expiry, c.asOf, w.Reason))
			c.items.push(item{lvl: -1, full: &f})
			continue
		}
		var out items
		for k := range c.items.len() {
			it := *c.items.at(k)
			if !c.waives(&w, &it) {
				out.push(it)
				continue
			}
			lo := max(it.iv.From, w.Interval.From)
			hi := minEnd(it.iv.To, w.Interval.To)
			if !hi.IsZero() && hi <= lo {
				out.push(it)
				continue
			}
			if lo > it.iv.From {
				b := it
				b.iv.To = lo
				out.push(b)
			}
			m := it
			m.iv = benefit.Interval{From: lo, To: hi}
			m.sev, m.waiver = Waived, &w // the message says so (Finding.Message)
			out.push(m)
			if !hi.IsZero() && (it.iv.To.IsZero() || hi < it.iv.To) {
				a := it
				a.iv.From = hi
				out.push(a)
			}
		}
		c.items = out
	}
}

// waives reports whether waiver w applies to item it (Waiver.covers).
func (c *checker) waives(w *Waiver, it *item) bool {
	if it.lvl < 0 {
		return w.covers(it.full, c.tab)
	}
	l := &c.levels[it.lvl]
	return it.sev == Violation && it.why == "" && w.Program == l.Program &&
		l.Dims.Matches(w.Dims) && (w.Rule == "" || w.Rule == it.rule) && under(c.tab, l.Region, w.Region)
}

// owedIv returns the months of f whose arrears are counted: its
// interval up to the as-of month; false when it has no end or none of
// its months is owed.
func (c *checker) owedIv(f *Finding) (benefit.Interval, bool) {
	end := minEnd(f.Interval.To, c.owedEnd)
	if end.IsZero() || end <= f.Interval.From {
		return benefit.Interval{}, false
	}
	return benefit.Interval{From: f.Interval.From, To: end}, true
}

// noAsOf returns the error of an owing item that has no end when there
// is no as-of month to count its arrears to (ErrNoAsOf), or nil.
func (c *checker) noAsOf(it *item) error {
	if it.lvl < 0 || !it.owed || it.num.Sign() <= 0 || !it.iv.To.IsZero() || !c.owedEnd.IsZero() {
		return nil
	}
	l := &c.levels[it.lvl]
	return &benefit.RecordError{Field: "as_of", Err: fmt.Errorf("%w: levels[%d] (%s %s %s) falls short under %s by %s a %s from %s with no end",
		ErrNoAsOf, it.lvl, l.Region, l.Program, l.Dims, it.rule, it.short, it.per, it.iv.From)}
}

// finding makes item it's finding in f (zeroed), with its arrears,
// payer, split and interest when it owes any.
func (c *checker) finding(it *item, f *Finding) {
	if it.lvl < 0 {
		*f = *it.full
		return
	}
	// field by field into the zeroed f: a composite literal would be
	// built aside and copied
	l := &c.levels[it.lvl]
	f.Rule, f.Severity, f.Region, f.RegionName, f.Program, f.Dims = it.rule, it.sev, l.Region, c.name(int(it.lvl)), l.Program, l.Dims
	f.Interval, f.Per, f.Required, f.Actual, f.Shortfall, f.Excess = it.iv, it.per, it.req, it.act, it.short, it.excess
	f.Persons, f.Unchecked, f.FloorStatus, f.InheritedFrom, f.Waiver, f.msg = it.persons, it.why, it.status, it.inherited, it.waiver, it.msg
	c.setSource(it, f)
	if it.cite != nil {
		f.Citation = *it.cite
	}
	if !it.owed || it.num.Sign() <= 0 {
		return
	}
	owed, ok := c.owedIv(f)
	if !ok {
		return // every month is after the as-of month
	}
	f.PersonMonths = l.personMonths(owed)
	f.Arrears = arrearsOf(it.num, it.den, f.PersonMonths)
	switch payer, ok := c.tab.Payer(f.Program); {
	case !ok: // no cost rule: who pays is not known
	case payer == region.PayerFund:
		f.Payer = payer
	default:
		f.Payer = payer
		floorPart := benefit.Amount{}
		if it.floorPart {
			floorPart = f.Arrears
		}
		if s, err := c.tab.Split(f.Program, f.Region, f.Arrears, floorPart); err == nil {
			f.Central, f.Local, f.SplitKnown = s.Central, s.Local, true
		}
	}
	if rate := c.opts.InterestPerMonth; !rate.IsZero() {
		paid := cmp.Or(c.opts.PaidIn, c.owedEnd)
		var delay int64 // Σ persons × months of delay
		for m := owed.From; m < owed.To && m < paid; m++ {
			delay += l.personsAt(m) * int64(paid.Sub(m))
		}
		f.Interest = interest(it.num, it.den, delay, rate)
	}
}

// arrearsOf returns num × person-months ÷ den, computed exactly and
// rounded once, half-up to the fen (benefit.FenHalfUp()).
func arrearsOf(num benefit.Amount, den, pm int64) benefit.Amount {
	a := num.Mul(pm)
	if den == 1 {
		if _, ok := a.Fen(); ok {
			return a
		}
		return a.Round(benefit.FenHalfUp())
	}
	q, _ := a.QuoInt(den, benefit.FenHalfUp()) // den > 0
	return q
}

// interest returns simple interest on a shortfall owed for delay
// person-months at rate per month: num × delay × rate ÷ den (the
// arrears' own factor: ÷ 12 for a shortfall per person-year), rounded
// once, half-up to the fen (benefit.FenHalfUp()). The ÷ 12 is not rounded
// on its own, as the arrears' is: rounding it first and the product
// again would round twice (0.04 a year × 149 person-months is 0.4966… a
// month, 0.50 once rounded, and 1 % of 0.50 rounds up to 0.01, where 1 %
// of 0.4966… is 0.00).
func interest(num benefit.Amount, den, delay int64, rate benefit.Rate) benefit.Amount {
	a := num.Mul(delay).MulRate(rate)
	if den == 1 {
		return a.Round(benefit.FenHalfUp())
	}
	q, _ := a.QuoInt(den, benefit.FenHalfUp()) // den > 0
	return q
}

// missing adds a "missing" finding for each expected region with no
// level that meets the expectation.
func (c *checker) missing() int {
	if len(c.opts.Expect) == 0 {
		return 0
	}
	sev := cmp.Or(c.opts.MissingSeverity, Warning)
	type key struct {
		code region.Code
		prog string
		dims benefit.Dims
	}
	seen := map[key]bool{}
	for _, e := range c.opts.Expect {
		for _, code := range expectedRegions(c.tab, e) {
			k := key{code, e.Program, e.Dims}
			if seen[k] {
				continue
			}
			seen[k] = true
			if c.reported(code, e.Program, e.Dims) {
				continue
			}
			f := Finding{Rule: RuleMissing, Severity: sev, Region: code, RegionName: c.tab.Name(code), Program: e.Program, Dims: e.Dims,
				Interval: benefit.Interval{From: c.from, To: c.to}, Citation: missingCitation}
			msg := "no level of " + e.Program + " is given for this region"
			if e.Scope != ExpectRegion {
				msg += " (expected of the " + e.Scope.String() + " of " + e.Region.String() + " " + c.tab.Name(e.Region) + ")"
			}
			f.msg = textMsg(msg)
			c.items.push(item{lvl: -1, full: &f})
		}
	}
	return len(seen)
}

// reported reports whether a level of program whose dimensions match
// dims is given for region code itself.
func (c *checker) reported(code region.Code, program string, dims benefit.Dims) bool {
	r, ok := c.regIdx[code]
	if !ok {
		return false
	}
	for j := c.regions[r].last; j >= 0; j = c.next[j] {
		if l := &c.levels[j]; l.Program == program && l.Dims.Matches(dims) {
			return true
		}
	}
	return false
}

func (c *checker) report() (*Report, error) {
	expected := c.missing()
	n := c.items.len()
	for k := range n { // the first error in the order the findings were made
		if err := c.noAsOf(c.items.at(k)); err != nil {
			return nil, err
		}
	}
	order := c.order()
	r := &Report{From: c.from, To: c.to, AsOf: c.asOf, FloorsVersion: c.set.version, Findings: make([]Finding, n),
		Checked: c.checked, Effects: c.effs}
	s := &r.Summary
	s.Levels, s.Expected = len(c.levels), expected
	for k, x := range order {
		it := c.items.at(int(x))
		it.out = int32(k)
		f := &r.Findings[k]
		c.finding(it, f)
		switch f.Severity {
		case Violation:
			s.Violations++
		case Warning:
			s.Warnings++
		case Advisory:
			s.Advisories++
		case Waived:
			s.Waived++
		}
		switch {
		case f.Unchecked != "":
			s.Unchecked++
		case f.Rule == RuleMissing:
			s.Missing++
		}
		if f.Severity == Violation && !f.Interest.IsZero() {
			s.Interest = s.Interest.Add(f.Interest)
		}
	}
	c.totals(s, r.Findings)
	if !c.opts.FindingsOnly {
		r.Coverage = c.coverage()
	}
	return r, nil
}

// order returns the items' indexes in the order of Report.Findings: by
// region, programme, dimensions, month, rule and severity, and in the
// order they were made among equals (a stable sort). The items of a
// region × programme pair come together, the pairs in that order (the
// checker walks them so), so each pair's few items are sorted alone;
// the whole list is sorted only when findings of no level (missing,
// waiver_expired) follow them.
func (c *checker) order() []int32 {
	n := c.items.len()
	order := make([]int32, n)
	for k := range order {
		order[k] = int32(k)
	}
	full := func(x, y int32) int {
		a, b := c.sortKey(c.items.at(int(x))), c.sortKey(c.items.at(int(y)))
		return cmp.Or(a.region.Compare(b.region), cmp.Compare(a.program, b.program), cmp.Compare(a.dims, b.dims),
			a.from.Compare(b.from), cmp.Compare(a.rule, b.rule), cmp.Compare(a.sev, b.sev))
	}
	within := func(x, y int32) int { // of one region and programme
		a, b := c.items.at(int(x)), c.items.at(int(y))
		return cmp.Or(cmp.Compare(c.levels[a.lvl].Dims.String(), c.levels[b.lvl].Dims.String()),
			a.iv.From.Compare(b.iv.From), cmp.Compare(a.rule, b.rule), cmp.Compare(a.sev, b.sev))
	}
	sorted := true
	for a := 0; a < n; {
		ia := c.items.at(a)
		if ia.lvl < 0 {
			sorted = false
			break
		}
		b := a + 1
		for ; b < n; b++ {
			if ib := c.items.at(b); ib.lvl < 0 || c.rid[ib.lvl] != c.rid[ia.lvl] || c.pid[ib.lvl] != c.pid[ia.lvl] {
				break
			}
		}
		if b-a > 1 {
			slices.SortStableFunc(order[a:b], within)
		}
		if a > 0 && full(order[a-1], order[a]) > 0 {
			sorted = false // not the order the pairs were walked in
		}
		a = b
	}
	if !sorted {
		slices.SortStableFunc(order, full)
	}
	return order
}

// A sortKey is what findings are sorted by.
type sortKey struct {
	region  region.Code
	program string
	dims    string
	from    benefit.Month
	rule    string
	sev     Severity
}

func (c *checker) sortKey(it *item) sortKey {
	if it.lvl < 0 {
		f := it.full
		return sortKey{f.Region, f.Program, f.Dims.String(), f.Interval.From, f.Rule, f.Severity}
	}
	l := &c.levels[it.lvl]
	return sortKey{l.Region, l.Program, l.Dims.String(), it.iv.From, it.rule, it.sev}
}

// coverage lists the level-months each rule checked and could not:
// floor, the relative rules in the set's order, hierarchy, pass_through,
// late_payment, no_cut and stale; a rule that applied to nothing is left
// out.
func (c *checker) coverage() []RuleCoverage {
	var out []RuleCoverage
	put := func(rule string, cv coverage) {
		if cv.checked+cv.unchecked > 0 {
			out = append(out, RuleCoverage{Rule: rule, Checked: cv.checked, Unchecked: cv.unchecked})
		}
	}
	put(RuleFloor, c.cov[covFloor])
	for ri := range c.set.relative {
		put(c.set.relative[ri].ID, c.cov[covRelative+ri])
	}
	for rc := covHierarchy; rc < covRelative; rc++ {
		put(covRules[rc], c.cov[rc])
	}
	return out
}

// arrearsScale is a multiple of every arrears divisor (1, 12 and 12n for
// a floor year of n ≤ 12 months: 12 × lcm(1 … 12)), so that arrears
// with different divisors add up exactly before they are rounded.
const arrearsScale = 12 * 27720

// owedOnce sums the arrears of the findings of severity sev, owing once
// per level and month: where several such findings of one level overlap
// (UI below 低保 breaks both Art 18 and Art 47), the largest shortfall
// counts. add receives, per level, each amount owed with its floor part,
// and the finding when a single finding owes it alone (its arrears and
// split are already made). The pieces where findings overlap are summed
// exactly and rounded once per level, half-up to the fen.
func (c *checker) owedOnce(findings []Finding, sev Severity, add func(lvl int, total, floorPart benefit.Amount, single *Finding)) {
	// the owing findings of each level: a level's items come together
	// (the checker makes them at once, waivers split them in place)
	var ks []int
	var sw sweep
	owes := func(it *item) bool {
		return it.sev == sev && it.lvl >= 0 && it.owed && it.num.Sign() > 0 && findings[it.out].PersonMonths > 0
	}
	for k, n := 0, c.items.len(); k < n; {
		if !owes(c.items.at(k)) {
			k++
			continue
		}
		lvl := c.items.at(k).lvl
		ks = ks[:0]
		for ; k < n && c.items.at(k).lvl == lvl; k++ {
			if owes(c.items.at(k)) {
				ks = append(ks, k)
			}
		}
		c.owedLevel(findings, int(lvl), ks, &sw, add)
	}
}

// owedLevel sums the arrears of level lvl's owing items ks (see
// owedOnce).
func (c *checker) owedLevel(findings []Finding, lvl int, ks []int, sw *sweep, add func(lvl int, total, floorPart benefit.Amount, single *Finding)) {
	single := func(it *item) {
		f := &findings[it.out]
		fp := benefit.Amount{}
		if it.floorPart {
			fp = f.Arrears
		}
		add(lvl, f.Arrears, fp, f)
	}
	if len(ks) == 1 {
		single(c.items.at(ks[0]))
		return
	}
	// split at every end of every finding's owed months and take the
	// largest shortfall per piece, sweeping the pieces in order
	l := &c.levels[lvl]
	var x, xf benefit.Amount // Σ owed and its floor part, × arrearsScale
	pieces := false
	sw.reset()
	for _, k := range ks {
		it := c.items.at(k)
		iv, _ := c.owedIv(&findings[it.out])
		sw.add(it, iv)
	}
	sw.sort()
	for pc := range sw.pieces() {
		if pc.over == 1 && pc.best.iv == pc.iv { // a finding overlapping no other owes its own arrears
			single(pc.best.it)
			continue
		}
		pm := l.personMonths(pc.iv)
		x = x.Add(pc.best.it.num.Mul(pm).Mul(arrearsScale / pc.best.it.den))
		if pc.bestFloor != nil {
			xf = xf.Add(pc.bestFloor.it.num.Mul(pm).Mul(arrearsScale / pc.bestFloor.it.den))
		}
		pieces = true
	}
	if pieces {
		total, _ := x.QuoInt(arrearsScale, benefit.FenHalfUp())
		fp, _ := xf.QuoInt(arrearsScale, benefit.FenHalfUp())
		add(lvl, total, benefit.MinAmount(fp, total), nil)
	}
}

// A sweep walks the pieces between the ends of the owed months of a
// level's owing findings in order, keeping the findings over the
// current piece in heaps by shortfall per person-month: O(n log n) in
// the findings, where comparing every finding with every piece was
// O(n²) (16,000 versions of one level below the floor took 6.5 s).
type sweep struct {
	acts          []active
	byFrom, byTo  []int
	cuts          []benefit.Month
	best, bestFlr activeHeap
}

type active struct {
	it  *item
	iv  benefit.Interval // the owed months
	ord int              // place among the level's findings: the first of equal shortfalls wins
}

func (sw *sweep) reset() {
	sw.acts, sw.byFrom, sw.byTo, sw.cuts = sw.acts[:0], sw.byFrom[:0], sw.byTo[:0], sw.cuts[:0]
}

// add adds a finding owing over iv (From < To, both set).
func (sw *sweep) add(it *item, iv benefit.Interval) {
	i := len(sw.acts)
	sw.acts = append(sw.acts, active{it, iv, i})
	sw.byFrom, sw.byTo = append(sw.byFrom, i), append(sw.byTo, i)
	sw.cuts = append(sw.cuts, iv.From, iv.To)
}

func (sw *sweep) sort() {
	slices.SortFunc(sw.byFrom, func(a, b int) int { return sw.acts[a].iv.From.Compare(sw.acts[b].iv.From) })
	slices.SortFunc(sw.byTo, func(a, b int) int { return sw.acts[a].iv.To.Compare(sw.acts[b].iv.To) })
	slices.Sort(sw.cuts)
	sw.cuts = slices.Compact(sw.cuts)
}

// A piece is a run of months over which the same findings owe: best has
// the largest shortfall, bestFloor the largest below a national floor
// (nil when none), and over findings are over it.
type piece struct {
	iv              benefit.Interval
	best, bestFloor *active
	over            int
}

// pieces yields each piece some finding is over.
func (sw *sweep) pieces() func(yield func(piece) bool) {
	return func(yield func(piece) bool) {
		sw.best.h, sw.bestFlr.h = sw.best.h[:0], sw.bestFlr.h[:0]
		from, to, over := 0, 0, 0
		for p := 0; p+1 < len(sw.cuts); p++ {
			m := sw.cuts[p]
			for ; from < len(sw.byFrom) && sw.acts[sw.byFrom[from]].iv.From == m; from++ {
				a := &sw.acts[sw.byFrom[from]]
				sw.best.push(a)
				if a.it.floorPart {
					sw.bestFlr.push(a)
				}
				over++
			}
			for ; to < len(sw.byTo) && sw.acts[sw.byTo[to]].iv.To == m; to++ {
				over--
			}
			best, bestFloor := sw.best.top(m), sw.bestFlr.top(m)
			if best == nil {
				continue
			}
			if !yield(piece{benefit.Interval{From: m, To: sw.cuts[p+1]}, best, bestFloor, over}) {
				return
			}
		}
	}
}

// An activeHeap is a max-heap of findings by shortfall per
// person-month (num ÷ den), the first found first among equals.
type activeHeap struct{ h []*active }

// before reports whether a's shortfall is larger than b's, or equal and
// a comes first.
func before(a, b *active) bool {
	if c := a.it.num.Mul(b.it.den).Cmp(b.it.num.Mul(a.it.den)); c != 0 {
		return c > 0
	}
	return a.ord < b.ord
}

func (h *activeHeap) push(a *active) {
	h.h = append(h.h, a)
	for i := len(h.h) - 1; i > 0; {
		p := (i - 1) / 2
		if !before(h.h[i], h.h[p]) {
			break
		}
		h.h[i], h.h[p] = h.h[p], h.h[i]
		i = p
	}
}

// top returns the first finding still over month m, dropping those whose
// owed months ended; nil when none is.
func (h *activeHeap) top(m benefit.Month) *active {
	for len(h.h) > 0 && h.h[0].iv.To <= m {
		n := len(h.h) - 1
		h.h[0] = h.h[n]
		h.h = h.h[:n]
		for i := 0; ; {
			l, r, j := 2*i+1, 2*i+2, i
			if l < n && before(h.h[l], h.h[j]) {
				j = l
			}
			if r < n && before(h.h[r], h.h[j]) {
				j = r
			}
			if j == i {
				break
			}
			h.h[i], h.h[j] = h.h[j], h.h[i]
			i = j
		}
	}
	if len(h.h) == 0 {
		return nil
	}
	return h.h[0]
}

// totals fills the summary's arrears (owed for violations, split by who
// pays, and waived, each owed once per level and month) and each
// effect's.
func (c *checker) totals(s *Summary, findings []Finding) {
	var total, central, local, fund, unsplit, waived benefit.Amount
	c.effArr = make([]benefit.Amount, len(c.effs))
	c.owedOnce(findings, Violation, func(lvl int, owed, floorPart benefit.Amount, single *Finding) {
		total = total.Add(owed)
		if e := c.effOf[lvl]; e >= 0 {
			c.effArr[e] = c.effArr[e].Add(owed)
		}
		l := &c.levels[lvl]
		payer, ok := c.tab.Payer(l.Program)
		switch {
		case !ok:
			unsplit = unsplit.Add(owed)
		case payer == region.PayerFund:
			fund = fund.Add(owed)
		case single != nil && single.SplitKnown:
			central = central.Add(single.Central)
			local = local.Add(single.Local)
		default:
			sp, err := c.tab.Split(l.Program, l.Region, owed, floorPart)
			if err != nil {
				unsplit = unsplit.Add(owed)
				return
			}
			central = central.Add(sp.Central)
			local = local.Add(sp.Local)
		}
	})
	c.owedOnce(findings, Waived, func(_ int, owed, _ benefit.Amount, _ *Finding) {
		waived = waived.Add(owed)
	})
	s.ArrearsTotal, s.ArrearsCentral, s.ArrearsLocal = total, central, local
	s.ArrearsFund, s.ArrearsUnsplit, s.WaivedArrears = fund, unsplit, waived
	for e := range c.effs {
		c.effs[e].Arrears = c.effArr[e]
	}
}
