package plan

import (
	"time"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/fen"
)

// kind of a validated part
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

// kernel is a validated plan compiled into an evaluator: the amounts in
// whole fen, the rounding folded in where it cannot change an amount,
// the parts that pay everyone the same amount summed once, and the others
// lowered to a list of specialised operations (op) that eval runs for
// each retiree without looking at the plan again.
type kernel struct {
	parts []kpart // the validated parts, in plan order (bounds, Validate)

	// fixed[i] is the amount of part i when it is the same for every
	// eligible retiree (a fixed part, rounded once); fixedParts lists
	// those parts, fixedSum is their sum.
	fixed      []int64
	fixedParts []int
	fixedSum   int64
	ops        []op    // the other parts, in plan order
	opParts    []int32 // their indices in plan order

	retiredBy int32
	ageAt     int32
	effective benefit.Month
	firstPaid benefit.Month

	effectiveDay int32 // first day of the effective month, yyyymmdd
	fullArrears  int64 // months of arrears of one retired before it
}

// kpart is a validated part in whole fen, as the plan gives it.
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

	// area, by class
	area [maxArea + 1]int64

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

// opcode says what an op computes.
type opcode uint8

const (
	// opLinear: max(min, y × perYear + m × perMonth) of the counted full
	// years y and months m (a years part of one open band, no flat
	// amount, no below rule).
	opLinear opcode = iota
	// opYears: any other years part.
	opYears
	// opPercent: the pension × rate, rounded by the part's rounding.
	opPercent
	// opBands: the amount of the pension's band, topped up.
	opBands
	// opByAge: table[age], the first bracket of an age part without
	// conditions, rounded once.
	opByAge
	// opAge: the first bracket an age part's conditions match.
	opAge
	// opByArea: table[class], rounded once.
	opByArea
	// opCategory: the amount of a category, topped up.
	opCategory
)

// op is one part lowered for eval: what it computes and its constants.
type op struct {
	code opcode
	part int32 // index in plan order
	// round is set when the amount can fall off the rounding grid (unit,
	// mode) and must be rounded for each retiree.
	round bool
	mode  fen.Mode
	unit  int64

	// opLinear
	partYear                 bool
	minYears                 int32
	perYear, perMonth, least int64

	// opPercent
	rate fen.Ratio

	// opBands: pension bands by their upper edge, ascending
	bands []kpband

	// opByAge (by age 0-150), opByArea (by class 0-9)
	table []int64

	// opCategory: the category; before is the sum of the fixed parts
	// earlier in the plan (the base of a top-up is the pension plus the
	// parts before this one)
	category      string
	amount, topUp int64
	before        int64

	// opYears, opAge: the validated part
	kp *kpart
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

// lower builds the evaluator of the validated parts k.parts.
func (k *kernel) lower() {
	k.fixed = make([]int64, len(k.parts))
	k.fixedParts, k.ops, k.opParts, k.fixedSum = nil, nil, nil, 0
	for i := range k.parts {
		p := &k.parts[i]
		rounded := func(v int64) int64 {
			v, _ = fen.Round(v, p.unit, p.mode) // v ≤ maxPension: no overflow
			return v
		}
		if p.kind == kFixed {
			k.fixed[i] = rounded(p.amount)
			k.fixedParts = append(k.fixedParts, i)
			k.fixedSum += k.fixed[i]
			continue
		}
		o := op{part: int32(i), unit: p.unit, mode: p.mode, kp: p}
		onGrid := func(vs ...int64) bool {
			for _, v := range vs {
				if v%p.unit != 0 {
					return false
				}
			}
			return true
		}
		switch p.kind {
		case kYears:
			o.code = opYears
			// every amount a multiple of the unit: so is every sum of them
			grid := onGrid(p.perMonth, p.min)
			for _, b := range p.ybands {
				grid = grid && onGrid(b.perYear, b.flat)
			}
			for _, b := range p.below {
				grid = grid && onGrid(b.amount)
			}
			o.round = !grid
			if len(p.ybands) == 1 && p.ybands[0].through == 0 && p.ybands[0].flat == 0 && len(p.below) == 0 {
				o.code = opLinear
				o.partYear, o.minYears = p.partYear, p.minYears
				o.perYear, o.perMonth, o.least = p.ybands[0].perYear, p.perMonth, p.min
			}
		case kPercent:
			o.code, o.rate = opPercent, p.rate
		case kBands:
			o.code = opBands
			o.bands = append([]kpband(nil), p.pbands...)
			topUp := false
			for j := range o.bands {
				b := &o.bands[j]
				if b.topUp > 0 {
					topUp = true
				} else {
					b.amount = rounded(b.amount)
				}
			}
			o.round = topUp && p.unit != 1
		case kAge:
			o.code = opAge
			if t := ageTable(p.brackets); t != nil {
				o.code, o.table = opByAge, t
				for j := range t {
					t[j] = rounded(t[j])
				}
			} else {
				o.round = !onGrid(bracketAmounts(p.brackets)...)
			}
		case kArea:
			o.code = opByArea
			o.table = make([]int64, len(p.area))
			for j, v := range p.area {
				o.table[j] = rounded(v)
			}
		case kCategory:
			o.code, o.category, o.amount, o.topUp = opCategory, p.category, p.amount, p.topUp
			for _, j := range k.fixedParts {
				o.before += k.fixed[j] // the fixed parts before this one
			}
			if o.topUp == 0 {
				o.amount = rounded(o.amount)
			} else {
				o.round = p.unit != 1
			}
		}
		k.ops = append(k.ops, o)
		k.opParts = append(k.opParts, o.part)
	}
}

func bracketAmounts(bs []kbracket) []int64 {
	vs := make([]int64, len(bs))
	for i, b := range bs {
		vs[i] = b.amount
	}
	return vs
}

// eligible returns why x is not eligible, or eligible.
func (k *kernel) eligible(x *row) reason {
	if x.retired > k.retiredBy {
		return retiredLate
	}
	return eligible
}

// newOut returns a buffer for eval's part amounts, the fixed parts filled
// in (padded: a worker writes it for every row).
func (k *kernel) newOut() []int64 {
	out := padded(len(k.fixed))
	copy(out, k.fixed)
	return out
}

// eval applies the plan to x, an eligible retiree (retired by the
// cut-off) whose age at the plan's AgeAt is age. It writes the amount of
// every part that is not fixed to out (a buffer from newOut, whose fixed
// parts it leaves alone) and returns the increase in fen.
func (k *kernel) eval(x *row, age int32, out []int64) int64 {
	var sum int64 // of the parts that are not fixed
	for i := range k.ops {
		o := &k.ops[i]
		var v int64
		switch o.code {
		case opLinear:
			y, m := x.years, x.months
			if o.partYear && m > 0 {
				y, m = y+1, 0
			}
			if y < o.minYears {
				y, m = o.minYears, 0
			}
			v = max(o.least, int64(y)*o.perYear+int64(m)*o.perMonth)
		case opYears:
			v = o.kp.years(x)
		case opPercent:
			// pension ≤ maxPension and rate ≤ 100 %: no overflow
			q, _ := fen.MulDiv(x.pension, o.rate, 0, o.unit, o.mode)
			v = q * o.unit
		case opBands:
			v = o.pensionBand(x.pension)
		case opByAge:
			v = o.table[min(max(age, 0), maxAge)]
		case opAge:
			v = o.kp.age(x, age)
		case opByArea:
			v = o.table[x.area]
		case opCategory:
			if x.category == o.category {
				v = o.amount
				if base := x.pension + o.before + sum; o.topUp > 0 && base+v < o.topUp {
					v = o.topUp - base
				}
			}
		}
		if o.round {
			v, _ = fen.Round(v, o.unit, o.mode) // v ≤ maxAmount: no overflow
		}
		out[o.part] = v
		sum += v
	}
	return sum + k.fixedSum
}

// pensionBand returns the amount of the band of pension p, topped up.
func (o *op) pensionBand(p int64) int64 {
	for i := range o.bands {
		b := &o.bands[i]
		if b.last || p < b.upTo || (b.inclusive && p == b.upTo) {
			if b.topUp > 0 && p+b.amount < b.topUp {
				return b.topUp - p
			}
			return b.amount
		}
	}
	return 0
}

// age returns the amount of the first bracket of an age part that x, of
// age age, matches.
func (p *kpart) age(x *row, age int32) int64 {
	for i := range p.brackets {
		b := &p.brackets[i]
		if age >= b.min && (b.max == 0 || age <= b.max) && x.years >= b.minYears && (b.sex == SexUnknown || b.sex == x.sex) {
			return b.amount
		}
	}
	return 0
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

// maxAge is the oldest age a bracket may name.
const maxAge = 150

// ageTable returns the amount by age of brackets without conditions
// (first matching bracket wins), or nil when a bracket has one.
func ageTable(bs []kbracket) []int64 {
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
