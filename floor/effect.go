package floor

import (
	"slices"

	"github.com/benefitstd/benefitstd/benefit"
)

// A levelScan is what the rules found of one level, for its Effect: the
// intervals a legal lower bound was evaluated in (chk) and broken in
// (below), those the fixed floor was kept in (ok, stale ones included:
// the level is at or above the last known table), and the least margin
// over a bound. With off set (Options.FindingsOnly) it records nothing.
type levelScan struct {
	chk, below, ok []benefit.Interval
	head           margin
	off            bool
}

func (s *levelScan) reset() {
	s.chk, s.below, s.ok = s.chk[:0], s.below[:0], s.ok[:0]
	s.head = margin{}
}

// kept records that the fixed floor was kept over iv.
func (s *levelScan) kept(iv benefit.Interval) {
	if !s.off {
		s.ok = append(s.ok, iv)
	}
}

// bound records a legal lower bound b evaluated over iv against the
// level's a (both per per): broken or not, and the margin a − b.
func (s *levelScan) bound(iv benefit.Interval, below bool, a, b benefit.Amount, per benefit.Frequency) {
	if s.off {
		return
	}
	s.chk = append(s.chk, iv)
	if below {
		s.below = append(s.below, iv)
	}
	s.head = s.head.min(margin{amt: a.Sub(b), per: per, ok: true})
}

// A margin is a level's headroom over a bound, per month or per year.
// The zero margin is none.
type margin struct {
	amt benefit.Amount
	per benefit.Frequency
	ok  bool
}

// annual returns the margin per year.
func (m margin) annual() margin {
	if m.per == benefit.PerYear {
		return m
	}
	return margin{amt: m.amt.Mul(12), per: benefit.PerYear, ok: true}
}

// min returns the smaller of m and o, both per year when their
// frequencies differ (a monthly margin × 12).
func (m margin) min(o margin) margin {
	switch {
	case !o.ok:
		return m
	case !m.ok:
		return o
	}
	if m.per != o.per {
		m, o = m.annual(), o.annual()
	}
	if o.amt.Cmp(m.amt) < 0 {
		return o
	}
	return m
}

// union sorts ivs and merges those that overlap or touch, each clipped
// to [from, horizon); it reuses ivs.
func (c *checker) union(ivs []benefit.Interval) []benefit.Interval {
	out := ivs[:0]
	for _, iv := range ivs {
		if iv, ok := c.clip(iv); ok {
			out = append(out, iv)
		}
	}
	byFrom := func(a, b benefit.Interval) int { return a.From.Compare(b.From) }
	if !slices.IsSortedFunc(out, byFrom) { // one rule's intervals come sorted
		slices.SortFunc(out, byFrom)
	}
	n := 0
	for _, iv := range out {
		if n > 0 && iv.From <= out[n-1].To {
			out[n-1].To = max(out[n-1].To, iv.To)
			continue
		}
		out[n] = iv
		n++
	}
	return out[:n]
}

// addEffect adds what the rules found of level i (c.scan) to e: the
// beneficiary- and level-months checked against the floor and kept, the
// headroom, and when the level reached each national raise of the
// window that finds it paid.
func (c *checker) addEffect(e *Effect, i int) {
	l := &c.levels[i]
	s := &c.scan
	// the raises first: s.ok is in month order as the floor rule made it
	if _, raises, _ := c.national(i); len(s.ok)+len(s.chk) > 0 {
		for _, m := range raises {
			if !containsMonth(s.chk, m) && !containsMonth(s.ok, m) {
				continue // the level is not checked against the floor when it rises
			}
			var reached benefit.Month
			for _, iv := range s.ok {
				if iv.To.IsZero() || iv.To > m {
					reached = max(iv.From, m)
					break
				}
			}
			c.raises = addRaise(c.raises, Raise{From: m, Reached: reached})
		}
	}
	for _, iv := range c.union(s.chk) {
		pm, n := l.personMonths(iv), int64(iv.Months())
		e.Checked += pm
		e.AtFloor += pm
		e.MonthsChecked += n
		e.MonthsAtFloor += n
	}
	for _, iv := range c.union(s.below) {
		e.AtFloor -= l.personMonths(iv)
		e.MonthsAtFloor -= int64(iv.Months())
	}
	c.effHead[len(c.effs)-1] = c.effHead[len(c.effs)-1].min(s.head)
}

func containsMonth(ivs []benefit.Interval, m benefit.Month) bool {
	for _, iv := range ivs {
		if iv.Contains(m) {
			return true
		}
	}
	return false
}

// addRaise adds one level's raise to the region's, rs: the slowest level
// counts, and one that has not reached the new floor makes the region
// not yet there.
func addRaise(rs []Raise, r Raise) []Raise {
	k, found := slices.BinarySearchFunc(rs, r.From, func(x Raise, m benefit.Month) int { return x.From.Compare(m) })
	if !found {
		return slices.Insert(rs, k, r)
	}
	if p := &rs[k]; !p.Reached.IsZero() && (r.Reached.IsZero() || r.Reached > p.Reached) {
		p.Reached = r.Reached
	}
	return rs
}
