package floor

import (
	"math"
	"slices"

	"github.com/benefitstd/benefitstd/benefit"
)

// A levelScan is what the rules found of one level, for its Effect: the
// intervals a legal lower bound was evaluated in (chk) and broken in
// (below), those the fixed floor was kept in (ok, stale ones included:
// the level is at or above the last known table), and the least margin
// over a bound.
type levelScan struct {
	chk, below, ok []benefit.Interval
	head           margin
	fa             fenMemo    // the last level amount turned into fen
	fr             [4]fenMemo // the last bounds turned into fen (the same floor versions recur over levels)
	frNext         int
}

// boundFen returns the fen of a bound b, remembering the last four.
func (s *levelScan) boundFen(b benefit.Amount) (int64, bool) {
	for k := range s.fr {
		if m := &s.fr[k]; m.set && m.a == b {
			return m.fen, m.ok
		}
	}
	m := &s.fr[s.frNext]
	s.frNext = (s.frNext + 1) % len(s.fr)
	m.set = false
	return m.of(b)
}

// A fenMemo remembers the fen of the last amount asked, by identity (an
// amount read from the same schedule version is the same value).
type fenMemo struct {
	a   benefit.Amount
	fen int64
	ok  bool
	set bool
}

func (m *fenMemo) of(a benefit.Amount) (int64, bool) {
	if !m.set || m.a != a {
		m.fen, m.ok = a.Fen()
		m.a, m.set = a, true
	}
	return m.fen, m.ok
}

func (s *levelScan) reset() {
	s.chk, s.below, s.ok = s.chk[:0], s.below[:0], s.ok[:0]
	s.head = margin{}
}

// bound records a legal lower bound b evaluated over iv against the
// level's a (both per per): broken or not, and the margin a − b.
func (s *levelScan) bound(iv benefit.Interval, below bool, a, b benefit.Amount, per benefit.Frequency) {
	s.chk = append(s.chk, iv)
	if below {
		s.below = append(s.below, iv)
	}
	if af, ok := s.fa.of(a); ok {
		if bf, ok := s.boundFen(b); ok {
			if d, ok := addFen(af, -bf); ok && bf != math.MinInt64 {
				s.head = s.head.min(margin{fen: d, isFen: true, per: per, ok: true})
				return
			}
		}
	}
	s.head = s.head.min(margin{amt: a.Sub(b), per: per, ok: true})
}

// A margin is a level's headroom over a bound, per month or per year: in
// fen when both figures are whole fen (no allocation, the common case),
// else as an Amount. The zero margin is none.
type margin struct {
	fen   int64
	amt   benefit.Amount
	isFen bool
	per   benefit.Frequency
	ok    bool
}

// amount returns the margin as an Amount.
func (m margin) amount() benefit.Amount {
	if m.isFen {
		return benefit.FromFen(m.fen)
	}
	return m.amt
}

// annual returns the margin per year.
func (m margin) annual() margin {
	if m.per == benefit.PerYear {
		return m
	}
	if m.isFen {
		if p, ok := mulFen(m.fen, 12); ok {
			return margin{fen: p, isFen: true, per: benefit.PerYear, ok: true}
		}
	}
	return margin{amt: m.amount().Mul(12), per: benefit.PerYear, ok: true}
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
	if m.isFen && o.isFen {
		if o.fen < m.fen {
			return o
		}
		return m
	}
	if o.amount().Cmp(m.amount()) < 0 {
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
