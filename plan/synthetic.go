package plan

import (
	"math/rand/v2"
	"strconv"
	"time"
)

// Synthetic returns a Source of n generated retirees, the same for the
// same seed and cut-off: ILLUSTRATIVE data for trying a plan on a fresh
// machine and for benchmarks, not a real population (mark results
// computed on it as synthetic: Options.Synthetic).
//
// Ages at retiredBy run from 55 to 95, skewed young; men retire at 60,
// women at 50 or 55; contribution years are mostly 10-40 (one in twenty
// under 10); pensions grow with years, from about 1,000 to 9,000 yuan,
// with one in twenty higher; one in twelve lives in a hardship area
// (class 1 or 2); 3 % are 农转工 and 1 % 军转干部; about 2 % retired after
// retiredBy (not eligible).
func Synthetic(seed uint64, n int, retiredBy Date) Source {
	return synthSource{seed, n, retiredBy}
}

type synthSource struct {
	seed      uint64
	n         int
	retiredBy Date
}

func (s synthSource) feed(size int, get func() []row, emit func([]row, bool) bool) error {
	g := newGen(s.seed, s.retiredBy)
	ch := chunker{size: size, get: get, emit: emit, buf: get()}
	for i := range s.n {
		if !ch.add(g.next(i)) {
			return nil
		}
	}
	ch.flush()
	return nil
}

type gen struct {
	rng *rand.Rand
	ref Date
}

func newGen(seed uint64, ref Date) *gen {
	if ref.IsZero() {
		ref = Date{20231231}
	}
	return &gen{rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15)), ref}
}

func (g *gen) date(y int, m time.Month, d int) int32 { return int32(y*10000 + int(m)*100 + d) }

func (g *gen) next(i int) row {
	r := g.rng
	var x row
	x.id = "S" + strconv.Itoa(1_000_000_000 + i)[1:]
	age := 55 + min(r.IntN(41), r.IntN(41))
	by := g.ref.Year() - age
	bm, bd := time.Month(1+r.IntN(12)), 1+r.IntN(28)
	x.birth = g.date(by, bm, bd)
	retAge := 60
	x.sex = Male
	if r.IntN(2) == 0 {
		x.sex = Female
		retAge = 50 + 5*r.IntN(2)
	}
	if retAge >= age {
		retAge = age - 1 // retired early (提前退休) so as to be retired by the cut-off
	}
	x.retired = g.date(by+retAge, bm, bd)
	if r.IntN(50) == 0 {
		// retired after the cut-off: not eligible
		x.retired = g.date(g.ref.Year()+1, time.Month(1+r.IntN(6)), 1+r.IntN(28))
	}
	if r.IntN(20) == 0 {
		x.years = int32(1 + r.IntN(9))
	} else {
		x.years = int32(10 + r.IntN(31))
	}
	x.months = int32(r.IntN(12))
	yuan := 1800 + 90*int64(x.years) + int64(r.IntN(1600)+r.IntN(1600)) - 1600
	if r.IntN(20) == 0 {
		yuan += int64(r.IntN(6000))
	}
	x.pension = max(1000, yuan)*100 + int64(r.IntN(100))
	switch k := r.IntN(100); {
	case k < 5:
		x.area = 1
	case k < 8:
		x.area = 2
	}
	switch k := r.IntN(100); {
	case k < 3:
		x.category = "农转工"
	case k < 4:
		x.category = "军转干部"
	}
	return x
}
