package floor

import (
	"slices"
	"sort"

	"github.com/benefitstd/benefitstd/benefit"
)

// A step is a piece of a flat step function of months: from its month
// on, until the next step's, an amount is in force (ok) or none is. A
// floor and a level are each turned into one list of steps, built once:
// the rules then walk the lists they compare together, month order
// against month order, with no sorting and no search.
type step struct {
	from   benefit.Month
	since  benefit.Month // the month the version in force took effect
	amt    benefit.Amount
	ver    int32             // the version in force, in the schedule of lvl (a level) or of the floor; -1 none
	lvl    int32             // a level's list: the level that paid amt (its own, or an ancestor's); -1 for a floor
	per    benefit.Frequency // what amt is per
	status benefit.Status    // the version's status
	ok     bool              // an amount is in force
	own    bool              // a level's list: the level's own schedule has a version in force (paid late or not)
	stale  bool              // a floor's list: past its cadence, no newer table is known (the last one is carried on)
}

// floorSteps returns the list of floor fi: a step for each version, one
// at its end (no amount), and one at the month it becomes stale (the
// last version carried on, stale).
func (c *checker) floorSteps(fi int) []step {
	f := &c.set.floors[fi]
	out := make([]step, 0, f.Schedule.Len()+1)
	for k, v := range f.Schedule.All() {
		out = append(out, step{from: v.From, since: v.From, amt: v.Amount, ver: int32(k), lvl: -1, per: f.Per, status: v.Status, ok: true})
	}
	if e := f.Schedule.End(); !e.IsZero() {
		out = append(out, step{from: e, lvl: -1, ver: -1})
	} else if d := c.due[fi]; !d.IsZero() && len(out) > 0 {
		last := out[len(out)-1]
		last.from, last.stale = d, true
		out = append(out, last)
	}
	return out
}

// paidSteps appends to buf[:0] the list of what level i paid month by
// month (actualAt): its own versions, those of the levels it inherits
// from in the months it has none, and, before a version's first-paid
// month, what was paid the month before it took effect.
func (c *checker) paidSteps(i int, buf []step) []step {
	buf = buf[:0]
	l := &c.levels[i]
	if len(l.FirstPaid) == 0 && c.ancestor(i) < 0 {
		// the common case: the level's own versions
		for k, v := range l.Schedule.All() {
			buf = append(buf, step{from: v.From, since: v.From, amt: v.Amount, ver: int32(k), lvl: int32(i), per: l.Per, status: v.Status, ok: true, own: true})
		}
		if e := l.Schedule.End(); !e.IsZero() {
			buf = append(buf, step{from: e, lvl: -1, ver: -1})
		}
		return buf
	}
	// every month the level or one it inherits from changes in, and the
	// first-paid months, each evaluated once
	c.pcuts = c.pcuts[:0]
	c.chain(i, func(o *Level) {
		c.pcuts = appendChanges(c.pcuts, o.Schedule)
		for _, p := range o.FirstPaid {
			c.pcuts = append(c.pcuts, p.Month)
		}
	})
	slices.Sort(c.pcuts)
	for _, m := range slices.Compact(c.pcuts) {
		s := step{from: m, lvl: -1, ver: -1}
		if a, per, prov, at, ok := c.paidAt(i, m); ok {
			s.amt, s.per, s.lvl, s.ok = a, per, int32(prov), true
			// the version whose amount is paid: in force in m, or, before
			// a version's first-paid month, in the month the amount
			// carried over was read
			if v, k, ok := versionAt(c.levels[prov].Schedule, at); ok {
				s.ver, s.since, s.status = int32(k), v.From, v.Status
			}
		}
		_, s.own = l.Schedule.At(m)
		buf = append(buf, s)
	}
	return buf
}

// versionAt returns the version of s in force in month m and its
// index, by a binary search.
func versionAt(s benefit.Schedule, m benefit.Month) (benefit.Version, int, bool) {
	if e := s.End(); !e.IsZero() && m >= e {
		return benefit.Version{}, 0, false
	}
	k := sort.Search(s.Len(), func(j int) bool { return s.Version(j).From > m }) - 1
	if k < 0 {
		return benefit.Version{}, 0, false
	}
	return s.Version(k), k, true
}

// A cursor reads a list of steps month by month, in order.
type cursor struct {
	s []step
	k int // the step in force: s[k].from ≤ the month < s[k+1].from; -1 before the first
}

var noStep step

// seek moves the cursor to month m, which is not before its month.
func (cu *cursor) seek(m benefit.Month) {
	for cu.k+1 < len(cu.s) && cu.s[cu.k+1].from <= m {
		cu.k++
	}
}

// next returns the month of the next step, or the zero Month when none
// follows.
func (cu *cursor) next() benefit.Month {
	if cu.k+1 < len(cu.s) {
		return cu.s[cu.k+1].from
	}
	return 0
}

// at returns the step in force (noStep, with no amount, before the
// first).
func (cu *cursor) at() *step {
	if cu.k < 0 {
		return &noStep
	}
	return &cu.s[cu.k]
}

// A walk visits the intervals of [lo, hi) ∩ the window over which every
// list it reads is constant, in month order: the merged timeline of the
// lists, split at each of their steps and at the extra months cuts (a
// sorted list).
type walk struct {
	curs   []cursor
	cuts   []benefit.Month
	iv     benefit.Interval // the interval visited
	lo, hi benefit.Month    // the months walked; a zero hi: open
	cutK   int
	begun  bool
	done   bool
}

// start starts a walk over [lo, hi) ∩ c's window (a zero hi: to the
// window's end, which may be open) of the lists of curs.
func (c *checker) startWalk(w *walk, lo, hi benefit.Month, curs []cursor, cuts []benefit.Month) {
	if lo < c.from {
		lo = c.from
	}
	if hi.IsZero() || (!c.to.IsZero() && hi > c.to) {
		hi = c.to
	}
	*w = walk{curs: curs, cuts: cuts, hi: hi, lo: lo}
	w.done = lo.IsZero() || (!hi.IsZero() && hi <= lo)
	for k := range curs { // a walk that starts late in a long list finds its start by a binary search
		if cu := &curs[k]; cu.k < 0 && len(cu.s) > 16 {
			cu.k = sort.Search(len(cu.s), func(j int) bool { return cu.s[j].from > lo }) - 1
		}
	}
}

// next moves to the next interval (w.iv) and reports false when there
// is none; each cursor is then at the step in force over it.
func (w *walk) next() bool {
	if w.done {
		return false
	}
	m := w.lo
	if w.begun {
		m = w.iv.To
	}
	w.begun = true
	end := w.hi
	for k := range w.curs {
		cu := &w.curs[k]
		cu.seek(m)
		if n := cu.next(); !n.IsZero() && (end.IsZero() || n < end) {
			end = n
		}
	}
	for w.cutK < len(w.cuts) && w.cuts[w.cutK] <= m {
		w.cutK++
	}
	if w.cutK < len(w.cuts) {
		if n := w.cuts[w.cutK]; end.IsZero() || n < end {
			end = n
		}
	}
	w.iv = benefit.Interval{From: m, To: end}
	w.done = end.IsZero() || end == w.hi
	return true
}
