package plan

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/fen"
	"github.com/benefitstd/benefitstd/region"
)

// ErrPlan reports a plan that is not valid; the *benefit.RecordError
// that wraps it names the field.
var ErrPlan = errors.New("plan: invalid plan")

// validate checks p and returns nil or a *benefit.RecordError naming the
// first bad field (as a JSON path, e.g. "parts[1].years.bands[0].through").
func (p Plan) validate() error {
	_, err := compile(p, "")
	return err
}

type planErr struct {
	file string
}

func (pe planErr) at(field string, format string, args ...any) error {
	return &benefit.RecordError{File: pe.file, Field: field, Err: fmt.Errorf("%w: "+format, append([]any{ErrPlan}, args...)...)}
}

// wrap names field as the cause of err, which matches ErrPlan too; the
// message is err's own, without a second prefix ("plan: invalid plan:
// benefit: …").
func (pe planErr) wrap(field string, err error) error {
	return &benefit.RecordError{File: pe.file, Field: field, Err: &planCause{err}}
}

// planCause is an error that reads as its cause and matches ErrPlan too.
type planCause struct{ err error }

func (e *planCause) Error() string   { return e.err.Error() }
func (e *planCause) Unwrap() []error { return []error{ErrPlan, e.err} }

// firmness reports an error when the status is missing (the zero
// Status, benefit.Unknown: a figure nobody said the firmness of is not
// law) or when a citation's confidence mark forbids it: an [M] or [C]
// figure is never legislated. A mark outside the legend
// (benefit.Citation.Mark) is an error too; compile checks it first,
// so that the error names citation.confidence, not status.
func firmness(st benefit.Status, c benefit.Citation) error {
	conf, err := c.Mark()
	if err != nil {
		return err
	}
	if st == benefit.Unknown {
		return fmt.Errorf("%w: say legislated, announced, provisional, projected or default", benefit.ErrNoStatus)
	}
	if st == benefit.Legislated && (conf == "M" || conf == "C") {
		return fmt.Errorf("a figure marked [%s] cannot have status legislated; use provisional with a note", conf)
	}
	return nil
}

func compile(p Plan, file string) (kernel, error) {
	pe := planErr{file}
	var k kernel
	switch {
	case p.ID == "" || strings.ContainsAny(p.ID, " \t,;=/"):
		return k, pe.at("id", "%q: want a short id without spaces, commas, semicolons, = or /", p.ID)
	case p.Name == "":
		return k, pe.at("name", "missing Chinese title")
	case !p.Region.IsValid() || p.Region.Rank() != region.Province:
		return k, pe.at("region", "%q is not a province code (XX0000)", p.Region)
	case p.RetiredBy.IsZero():
		return k, pe.at("retired_by", "missing eligibility cut-off date")
	case p.AgeAt.IsZero():
		return k, pe.at("age_at", "missing reference date for ages")
	case p.Effective.IsZero():
		return k, pe.at("effective", "missing effective month")
	case !p.FirstPaid.IsZero() && p.FirstPaid < p.Effective:
		return k, pe.at("first_paid", "%s is before the effective month %s", p.FirstPaid, p.Effective)
	case len(p.Parts) == 0:
		return k, pe.at("parts", "a plan needs at least one part")
	}
	if _, err := p.Citation.Mark(); err != nil {
		return k, pe.wrap("citation.confidence", err)
	}
	if err := firmness(p.Status, p.Citation); err != nil {
		return k, pe.at("status", "%w", err)
	}
	k.retiredBy, k.ageAt, k.effective, k.firstPaid = p.RetiredBy.v, p.AgeAt.v, p.Effective, p.FirstPaid
	k.effectiveDay = int32(p.Effective.Year()*10000 + int(p.Effective.Month())*100 + 1)
	if !p.FirstPaid.IsZero() {
		k.fullArrears = int64(p.FirstPaid.Sub(p.Effective))
	}
	seen := map[string]bool{}
	for i, pt := range p.Parts {
		f := fmt.Sprintf("parts[%d]", i)
		switch {
		case pt.ID == "" || strings.ContainsAny(pt.ID, " \t,;=\"") || pt.ID == "increase":
			return k, pe.at(f+".id", "%q: want a short id without spaces, commas, semicolons, quotes or =", pt.ID)
		case seen[pt.ID]:
			return k, pe.at(f+".id", "%q given twice", pt.ID)
		case pt.Name == "":
			return k, pe.at(f+".name", "missing Chinese name")
		case !pt.Rounding.IsValid():
			return k, pe.at(f+".rounding", "invalid rounding")
		case pt.Citation.IsZero():
			return k, pe.at(f+".citation", "every part needs its source")
		case pt.Kind() == "":
			return k, pe.at(f, "exactly one of fixed, years, percent, bands, age, area, category must be set")
		}
		seen[pt.ID] = true
		if _, err := pt.Citation.Mark(); err != nil {
			return k, pe.wrap(f+".citation.confidence", err)
		}
		if err := firmness(pt.Status, pt.Citation); err != nil {
			return k, pe.at(f+".status", "%w", err)
		}
		kp, err := compilePart(pt, f, pe)
		if err != nil {
			return k, err
		}
		k.parts = append(k.parts, kp)
	}
	// Every per-person figure must fit an int64 of fen with room to spare,
	// so that the increase, the new pension and the arrears of one retiree
	// are exact; totals over a population are checked as they are summed.
	if most := k.maxIncrease(); most > maxPersonFen/max(1, k.fullArrears) {
		return k, pe.at("parts", "the parts can give one retiree more than %s yuan a month, which over %d months of arrears is beyond what the library totals exactly (int64 fen)",
			fenString(maxPersonFen/max(1, k.fullArrears)), k.fullArrears)
	}
	k.lower()
	return k, nil
}

// keepsTopUp reports whether the part's rounding keeps a top-up
// guarantee (补足到): a top-up is computed to the fen, so rounding it to a
// coarser unit other than up could leave pension + part below the
// guaranteed amount.
func keepsTopUp(kp kpart) bool { return kp.unit == 1 || kp.mode == fen.Up }

// maxPersonFen bounds one retiree's increase times the months of arrears
// (and so the increase and the new pension): half an int64, so that the
// sums of such figures can be checked for overflow by their sign.
const maxPersonFen = math.MaxInt64 / 2

// maxIncrease returns an upper bound of the increase the kernel can give
// one valid retiree, in fen, saturating at satCap.
func (k *kernel) maxIncrease() int64 {
	var sum int64
	for i := range k.parts {
		sum = satAdd(sum, k.parts[i].maxAmount())
	}
	return sum
}

// maxAmount returns an upper bound of the part's amount for a valid
// retiree (pension at most maxPension, years at most maxYears), rounding
// included.
func (p *kpart) maxAmount() int64 {
	var v int64
	switch p.kind {
	case kFixed:
		v = p.amount
	case kYears:
		var bands, prev int64
		for _, b := range p.ybands {
			top := int64(b.through)
			if top == 0 {
				top = maxYears + 1 // a part-year counted as a year
			}
			bands = satAdd(bands, satAdd(b.flat, satMul(b.perYear, max(0, top-prev))))
			prev = top
		}
		v = max(p.min, satAdd(bands, satMul(p.perMonth, 11)))
		for _, b := range p.below {
			v = max(v, b.amount)
		}
	case kPercent:
		v = maxPension // rate at most 100 %
	case kBands:
		for _, b := range p.pbands {
			v = max(v, b.amount, b.topUp)
		}
	case kAge:
		for _, b := range p.brackets {
			v = max(v, b.amount)
		}
	case kArea:
		v = slices.Max(p.area[:])
	case kCategory:
		v = max(p.amount, p.topUp)
	}
	return satAdd(v, p.unit)
}

// satCap is where satAdd and satMul saturate: above every bound checked.
const satCap = maxPersonFen + 1

// satAdd returns a + b, or satCap when that is larger (0 <= a, b).
func satAdd(a, b int64) int64 {
	if s, ok := fen.Add(a, b); ok && s < satCap {
		return s
	}
	return satCap
}

// satMul returns a × b, or satCap when that is larger (0 <= a, b).
func satMul(a, b int64) int64 {
	if p, ok := fen.Mul(a, b); ok && p < satCap {
		return p
	}
	return satCap
}

func compilePart(pt Part, f string, pe planErr) (kpart, error) {
	unit, _ := pt.Rounding.Unit.Step().Fen() // 1, 10, 100 or 1,000
	kp := kpart{unit: unit, mode: fen.Mode(pt.Rounding.Mode)}
	whole := func(field string, a benefit.Amount) (int64, error) {
		v, err := amountFen(a)
		if err != nil {
			return 0, pe.wrap(field, err)
		}
		return v, nil
	}
	var err error
	switch {
	case pt.Fixed != nil:
		kp.kind = kFixed
		kp.amount, err = whole(f+".fixed.amount", pt.Fixed.Amount)
	case pt.Years != nil:
		kp.kind = kYears
		y := pt.Years
		f += ".years"
		if y.MinYears < 0 || y.MinYears > maxYears {
			return kp, pe.at(f+".min_years", "%d is not 0-%d", y.MinYears, maxYears)
		}
		kp.partYear, kp.minYears = y.PartYearAsYear, int32(y.MinYears)
		for j, b := range y.Below {
			g := fmt.Sprintf("%s.below[%d]", f, j)
			if b.Years <= 0 || b.Years > maxYears {
				return kp, pe.at(g+".years", "%d is not 1-%d", b.Years, maxYears)
			}
			v, err := whole(g+".amount", b.Amount)
			if err != nil {
				return kp, err
			}
			kp.below = append(kp.below, kbelow{months: int32(b.Years * 12), category: b.Category, amount: v})
		}
		if len(y.Bands) == 0 {
			return kp, pe.at(f+".bands", "at least one band")
		}
		prev := 0
		for j, b := range y.Bands {
			g := fmt.Sprintf("%s.bands[%d]", f, j)
			last := j == len(y.Bands)-1
			if b.Through < 0 || (b.Through == 0 && !last) || (b.Through != 0 && b.Through <= prev) || b.Through > maxYears {
				return kp, pe.at(g+".through", "%d: every band but the last needs a through year above the previous band's (the last may leave it out)", b.Through)
			}
			prev = b.Through
			kb := kyband{through: int32(b.Through)}
			if kb.perYear, err = whole(g+".per_year", b.PerYear); err != nil {
				return kp, err
			}
			if kb.flat, err = whole(g+".flat", b.Flat); err != nil {
				return kp, err
			}
			kp.ybands = append(kp.ybands, kb)
		}
		if kp.perMonth, err = whole(f+".per_month", y.PerMonth); err != nil {
			return kp, err
		}
		kp.min, err = whole(f+".min", y.Min)
	case pt.Percent != nil:
		kp.kind = kPercent
		r := pt.Percent.Rate
		if r.Sign() < 0 || r.Cmp(benefit.Percent(100)) > 0 {
			return kp, pe.at(f+".percent.rate", "%s is not 0-100%%", r)
		}
		kp.rate = fen.Decimal(r.Fraction())
	case pt.Bands != nil:
		kp.kind = kBands
		bs := pt.Bands.Bands
		if len(bs) == 0 {
			return kp, pe.at(f+".bands.bands", "at least one band")
		}
		var prev int64 = -1
		for j, b := range bs {
			g := fmt.Sprintf("%s.bands.bands[%d]", f, j)
			last := j == len(bs)-1
			kb := kpband{inclusive: b.Inclusive, last: last}
			if last != b.UpTo.IsZero() {
				return kp, pe.at(g+".up_to", "every band but the last needs up_to, and the last has none")
			}
			if !last {
				if kb.upTo, err = whole(g+".up_to", b.UpTo); err != nil {
					return kp, err
				}
				if kb.upTo <= prev {
					return kp, pe.at(g+".up_to", "%s is not above the previous band's", b.UpTo)
				}
				prev = kb.upTo
			}
			if kb.amount, err = whole(g+".amount", b.Amount); err != nil {
				return kp, err
			}
			if kb.topUp, err = whole(g+".top_up_to", b.TopUpTo); err != nil {
				return kp, err
			}
			if kb.topUp > 0 && !keepsTopUp(kp) {
				return kp, pe.at(g+".top_up_to", "a top-up guarantee needs the part rounded to the fen or up (%s could round the part below it)", pt.Rounding)
			}
			kp.pbands = append(kp.pbands, kb)
		}
	case pt.Age != nil:
		kp.kind = kAge
		if len(pt.Age.Brackets) == 0 {
			return kp, pe.at(f+".age.brackets", "at least one bracket")
		}
		for j, b := range pt.Age.Brackets {
			g := fmt.Sprintf("%s.age.brackets[%d]", f, j)
			if b.Min < 0 || b.Min > maxAge || (b.Max != 0 && (b.Max < b.Min || b.Max > maxAge)) {
				return kp, pe.at(g, "ages %d-%d: want 0 <= min <= max <= 150 (max 0 = no end)", b.Min, b.Max)
			}
			if b.MinYears < 0 || b.MinYears > maxYears {
				return kp, pe.at(g+".min_years", "%d is not 0-%d", b.MinYears, maxYears)
			}
			v, err := whole(g+".amount", b.Amount)
			if err != nil {
				return kp, err
			}
			kp.brackets = append(kp.brackets, kbracket{min: int32(b.Min), max: int32(b.Max), minYears: int32(b.MinYears), sex: b.Sex, amount: v})
		}
	case pt.Area != nil:
		kp.kind = kArea
		if len(pt.Area.Classes) == 0 {
			return kp, pe.at(f+".area.classes", "at least one class")
		}
		seen := map[int]bool{}
		for j, c := range pt.Area.Classes {
			g := fmt.Sprintf("%s.area.classes[%d]", f, j)
			if c.Class < 1 || c.Class > maxArea || seen[c.Class] {
				return kp, pe.at(g+".class", "%d is repeated or not 1-%d", c.Class, maxArea)
			}
			seen[c.Class] = true
			if kp.area[c.Class], err = whole(g+".amount", c.Amount); err != nil {
				return kp, err
			}
		}
	case pt.Category != nil:
		kp.kind = kCategory
		c := pt.Category
		if c.Category == "" {
			return kp, pe.at(f+".category.category", "missing category")
		}
		if c.Amount.IsZero() && c.TopUpTo.IsZero() {
			return kp, pe.at(f+".category", "set amount, top_up_to or both")
		}
		kp.category = c.Category
		if kp.amount, err = whole(f+".category.amount", c.Amount); err != nil {
			return kp, err
		}
		if kp.topUp, err = whole(f+".category.top_up_to", c.TopUpTo); err == nil && kp.topUp > 0 && !keepsTopUp(kp) {
			return kp, pe.at(f+".category.top_up_to", "a top-up guarantee needs the part rounded to the fen or up (%s could round the part below it)", pt.Rounding)
		}
	}
	return kp, err
}
