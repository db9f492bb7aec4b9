package floor

import (
	"math"

	"github.com/benefitstd/benefitstd/benefit"
)

// The checker adds and multiplies many amounts that are whole fen; these
// helpers do it in int64 fen while the figures fit, and fall back to the
// exact benefit.Amount arithmetic when they do not. No rounding happens
// anywhere: the results equal the Amount results exactly.

// fenSum is an exact running total of amounts.
type fenSum struct {
	fen  int64          // the whole-fen amounts added so far
	rest benefit.Amount // the others (finer than a fen, or too large)
}

func (s *fenSum) add(a benefit.Amount) {
	if f, ok := a.Fen(); ok {
		if t, ok := addFen(s.fen, f); ok {
			s.fen = t
			return
		}
	}
	s.rest = s.rest.Add(a)
}

// total returns the sum of the amounts added.
func (s *fenSum) total() benefit.Amount {
	switch {
	case !s.rest.IsZero():
		return s.rest.Add(benefit.FromFen(s.fen))
	case s.fen == 0:
		return benefit.Amount{} // nothing added: no allocation
	}
	return benefit.FromFen(s.fen)
}

// mulPersons returns a × n exactly (a shortfall times person-months).
func mulPersons(a benefit.Amount, n int64) benefit.Amount {
	if f, ok := a.Fen(); ok {
		if p, ok := mulFen(f, n); ok {
			return benefit.FromFen(p)
		}
	}
	return a.Mul(n)
}

func addFen(a, b int64) (int64, bool) {
	s := a + b
	return s, (b >= 0) == (s >= a)
}

func mulFen(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	p := a * b
	if p/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return 0, false
	}
	return p, true
}
