package plan

import (
	"time"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/fen"
)

// kind of a compiled part
type kind int8

const (
	kFixed kind = iota
	kYears
	kPercent
	kBands
	kAge
	kArea
	kCategory
)

// kernel is a validated plan in whole fen, ready to apply to rows.
type kernel struct {
	parts     []kpart
	retiredBy int32
	ageAt     int32
	effective benefit.Month
	firstPaid benefit.Month

	effectiveDay int32 // first day of the effective month, yyyymmdd
	fullArrears  int64 // months of arrears of one retired before it
}

type kpart struct {
	kind kind
	unit int64 // the rounding unit in fen
	mode fen.Mode

	amount int64 // fixed; category amount
	topUp  int64 // category top-up

	// years
	below    []kbelow
	partYear bool
	minYears int32
	ybands   []kyband
	perMonth int64
	min      int64

	// percent
	rate fen.Ratio

	// bands
	pbands []kpband

	// age
	brackets []kbracket
	ageTable []int64 // amount by age 0-150 when no bracket has a condition

	// area, by class
	area [MaxArea + 1]int64

	// category
	category string
}

type kbelow struct {
	months   int32 // contribution time under this many months
	category string
	amount   int64
}

type kyband struct {
	through int32 // 0 = no end
	perYear int64
	flat    int64
}

type kpband struct {
	upTo      int64
	inclusive bool
	last      bool
	amount    int64
	topUp     int64
}

type kbracket struct {
	min, max int32 // max 0 = no end
	minYears int32
	sex      Sex
	amount   int64
}

// reason a row is not eligible; 0 = eligible.
type reason int8

const (
	eligible reason = iota
	retiredLate
	nReasons
)

var reasonText = [...]string{
	eligible:    "",
	retiredLate: "retired after the plan's cut-off (退休时间晚于调整范围截止日)",
}

// eval applies the kernel to x, whose age at the plan's AgeAt is age,
// writing each part's amount to out (len(out) == len(k.parts)), and
// returns the increase in fen.
func (k *kernel) eval(x *row, age int32, out []int64) (int64, reason) {
	if x.retired > k.retiredBy {
		clear(out)
		return 0, retiredLate
	}
	var sum int64
	for i := range k.parts {
		v := k.parts[i].eval(x, age, sum)
		out[i] = v
		sum += v
	}
	return sum, eligible
}

// arrearsMonths returns the months owed at the new rate before the first
// month paid at it: from the effective month (or the month after
// retirement, if later) up to FirstPaid.
func (k *kernel) arrearsMonths(x *row) int64 {
	if k.firstPaid == 0 {
		return 0
	}
	if x.retired < k.effectiveDay {
		return k.fullArrears
	}
	start := k.effective
	if rm := benefit.NewMonth(int(x.retired/10000), time.Month(x.retired/100%100)); rm >= start {
		start = rm + 1
	}
	if n := k.firstPaid.Sub(start); n > 0 {
		return int64(n)
	}
	return 0
}

// eval returns the part's amount for x, whose age at the plan's reference
// date is age and whose earlier parts sum to before.
func (p *kpart) eval(x *row, age int32, before int64) int64 {
	var v int64
	switch p.kind {
	case kFixed:
		v = p.amount
	case kYears:
		v = p.years(x)
	case kPercent:
		// pension ≤ maxPension and rate ≤ 100 %: no overflow
		q, _ := fen.MulDiv(x.pension, p.rate, 0, p.unit, p.mode)
		return q * p.unit
	case kBands:
		for i := range p.pbands {
			b := &p.pbands[i]
			if b.last || x.pension < b.upTo || (b.inclusive && x.pension == b.upTo) {
				v = b.amount
				if b.topUp > 0 && x.pension+v < b.topUp {
					v = b.topUp - x.pension
				}
				break
			}
		}
	case kAge:
		if p.ageTable != nil {
			v = p.ageTable[min(max(age, 0), maxAge)]
			break
		}
		for i := range p.brackets {
			b := &p.brackets[i]
			if age >= b.min && (b.max == 0 || age <= b.max) && x.years >= b.minYears && (b.sex == SexUnknown || b.sex == x.sex) {
				v = b.amount
				break
			}
		}
	case kArea:
		if x.area > 0 && int(x.area) < len(p.area) {
			v = p.area[x.area]
		}
	case kCategory:
		if x.category == p.category && x.category != "" {
			v = p.amount
			if base := x.pension + before; p.topUp > 0 && base+v < p.topUp {
				v = p.topUp - base
			}
		}
	}
	if p.unit == 1 {
		return v
	}
	v, _ = fen.Round(v, p.unit, p.mode) // v ≤ maxAmount: no overflow
	return v
}

// maxAge is the oldest age a bracket may name.
const maxAge = 150

// buildAgeTable returns the amount by age of brackets without conditions
// (first matching bracket wins), or nil when a bracket has one.
func buildAgeTable(bs []kbracket) []int64 {
	for _, b := range bs {
		if b.minYears != 0 || b.sex != SexUnknown {
			return nil
		}
	}
	t := make([]int64, maxAge+1)
	for age := int32(0); age <= maxAge; age++ {
		for _, b := range bs {
			if age >= b.min && (b.max == 0 || age <= b.max) {
				t[age] = b.amount
				break
			}
		}
	}
	return t
}

func (p *kpart) years(x *row) int64 {
	total := x.years*12 + x.months
	for i := range p.below {
		b := &p.below[i]
		if total < b.months && (b.category == "" || b.category == x.category) {
			return b.amount
		}
	}
	y, m := x.years, x.months
	if p.partYear && m > 0 {
		y, m = y+1, 0
	}
	if y < p.minYears {
		y, m = p.minYears, 0
	}
	var v int64
	var prev int32
	for i := range p.ybands {
		b := &p.ybands[i]
		if y <= prev {
			break
		}
		top := y
		if b.through != 0 && b.through < y {
			top = b.through
		}
		v += b.flat + int64(top-prev)*b.perYear
		if b.through == 0 {
			break
		}
		prev = b.through
	}
	v += int64(m) * p.perMonth
	if v < p.min {
		v = p.min
	}
	return v
}
