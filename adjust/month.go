package adjust

import (
	"time"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/internal/fen"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// Month-accurate money (按月计算). A simulated year's new level takes
// effect in the scenario's effective month m (scenario.Scenario.EffectiveMonth,
// January by default): the months before m pay last year's level, the
// months from m on the new one. The national floor of each month is the
// floor path's (floor.Path: the months of its history, its projected
// versions in Path.Month). The yearly cost is the exact sum of the
// twelve months; see annual for a yearly standard.

// month returns the effective month, 1-12.
func effMonth(s *scenario.Scenario) int { return max(s.EffectiveMonth, 1) }

// monthFloors fills p.mf, the national floor in force in each month of
// each year from the base year (zero where none is), and p.floors, the
// floor a year's new level must keep: the highest in force from the
// effective month to December, with its version's status and source
// (for January, the highest in any month, floor.Projected.Years).
func (p *prepared) monthFloors() {
	s := p.s
	p.mf = make([][12]benefit.Amount, s.Horizon+1)
	if p.path == nil { // no national floor: zero in every month
		p.floors = noFloors(s)
		return
	}
	p.floors = make([]floor.YearFloor, s.Horizon+1)
	for i := range p.mf {
		y := baseYear(s) + i
		var best benefit.Version
		found := false
		for mo := 1; mo <= 12; mo++ {
			v, ok := p.path.Schedule.At(benefit.NewMonth(y, time.Month(mo)))
			if !ok {
				continue
			}
			p.mf[i][mo-1] = v.Amount
			if mo >= p.month && (!found || v.Amount.Cmp(best.Amount) > 0) {
				best, found = v, true
			}
		}
		// Path.Project has a floor in force by December of every year
		p.floors[i] = floor.YearFloor{Year: y, Amount: best.Amount, Status: best.Status, Citation: best.Citation}
	}
}

// costIn returns the cost of in's year when the new level is x: in.level
// in the months before the effective month, x from it on, to in.n
// persons, split between the centre and in.code; the part up to each
// month's national floor (in.mf, or in.floor in every month) is the
// floor part.
func (p *prepared) costIn(in *stepIn, x benefit.Amount) (region.Split, error) {
	var lv, fl [12]benefit.Amount
	for mo := range 12 {
		l, f := x, in.floor
		if mo+1 < p.month {
			l = in.level
		}
		if in.mf != nil {
			f = in.mf[mo]
		}
		lv[mo], fl[mo] = l, benefit.MinAmount(l, f)
	}
	return p.tab.Split(p.s.Program, in.code, p.annual(&lv, in.n), p.annual(&fl, in.n))
}

// annual returns what n persons are paid in a year of the twelve monthly
// amounts ms (each per the programme's frequency): for a monthly
// programme the exact sum; for a yearly one, one amount × n when the
// twelve are equal, else Σ × n ÷ 12 rounded half-up to the fen, once a
// region-year (a yearly standard that changes within the year is paid a
// twelfth a month).
func (p *prepared) annual(ms *[12]benefit.Amount, n int64) benefit.Amount {
	same := true
	for _, m := range ms[1:] {
		same = same && m.Equal(ms[0])
	}
	if same {
		return p.prog.Frequency.Annual(ms[0]).Mul(n)
	}
	var sum benefit.Amount
	for _, m := range ms {
		sum = sum.Add(m)
	}
	if p.annualFactor == 12 {
		return sum.Mul(n)
	}
	t, _ := sum.Mul(n).QuoInt(12, benefit.FenHalfUp()) // 12 ≠ 0
	return t
}

// annualFen is annual in fen; it reports false when a figure overflows.
func annualFen(ms *[12]int64, n, af int64) (int64, bool) {
	same := true
	for _, m := range ms[1:] {
		same = same && m == ms[0]
	}
	if same {
		v, ok := fen.Mul(ms[0], af)
		if !ok {
			return 0, false
		}
		return fen.Mul(v, n)
	}
	var sum fen.Sum
	for _, m := range ms {
		sum.Add(m)
	}
	s, ok := sum.Total()
	if !ok {
		return 0, false
	}
	if s, ok = fen.Mul(s, n); !ok || af == 12 {
		return s, ok
	}
	return fen.Quo(s, 12, fen.HalfUp)
}

// A costLine is a region-year's total cost as a function of its new
// level x, in fen: ⌊(per·x + fixed) ÷ div⌉, rounded half-up. per is the
// person-periods x is paid for (12·n for a monthly level from January),
// fixed what last year's level costs in the months before the effective
// month, and div 12 for a yearly standard that changes within the year
// (else 1). It is what annual gives for those twelve months.
type costLine struct{ per, fixed, div int64 }

// line returns the cost line of a year with n persons whose last level
// was prev fen.
func (p *prepared) line(n, prev int64) (costLine, bool) {
	a, b := int64(p.month-1), int64(13-p.month)
	if a == 0 {
		per, ok := fen.Mul(p.annualFactor, n)
		return costLine{per: per, div: 1}, ok
	}
	per, ok1 := fen.Mul(b, n)
	fixed, ok2 := fen.Mul(a, n)
	fixed, ok3 := fen.Mul(fixed, prev)
	div := int64(1)
	if p.annualFactor == 1 {
		div = 12
	}
	return costLine{per: per, fixed: fixed, div: div}, ok1 && ok2 && ok3
}

// total returns the line's cost at level x fen.
func (c costLine) total(x int64) (int64, bool) {
	px, ok := fen.Mul(c.per, x)
	if !ok {
		return 0, false
	}
	if px, ok = fen.Add(px, c.fixed); !ok || c.div == 1 {
		return px, ok
	}
	return fen.Quo(px, c.div, fen.HalfUp)
}

// maxSteps returns the largest k with total(k·u) ≤ c, exactly: for
// whole fen N ≥ 0, ⌊N ÷ div⌉ (half-up) ≤ c ⇔ N ≤ div·c + ⌊(div−1) ÷ 2⌋,
// so k = ⌊(div·c + ⌊(div−1) ÷ 2⌋ − fixed) ÷ (per·u)⌋, formed in 128 bits.
// c is capF + central, given apart so that their sum cannot overflow.
func (c costLine) maxSteps(capF, central, u int64) (int64, bool) {
	if c.fixed == 0 && c.div == 1 {
		return fen.MulAddQuo(capF, 1, central, 1, c.per, u, fen.Floor)
	}
	sum, ok1 := fen.Add(capF, central)
	rest, ok2 := fen.Sub((c.div-1)/2, c.fixed)
	if !ok1 || !ok2 {
		return 0, false
	}
	return fen.MulAddQuo(sum, c.div, rest, 1, c.per, u, fen.Floor)
}
