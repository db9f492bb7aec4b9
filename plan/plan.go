package plan

import (
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// A Plan is a province's adjustment of retirees' basic pensions for one
// year (调整退休人员基本养老金方案): who is eligible, from which month,
// when the new rate is first paid, and the list of parts whose sum is a
// retiree's increase.
//
// A Plan is pure data. It reads from strict JSON (Load) and is
// equal to the Go value built by hand; NewCalculator validates it and
// prepares it for applying. Plans hold slices, so treat a Plan you did
// not build as read-only (Builtin hands out copies).
type Plan struct {
	ID     string      `json:"id"`      // e.g. "shanghai-2024"
	Name   string      `json:"name"`    // Chinese title
	NameEN string      `json:"name_en"` // English title
	Region region.Code `json:"region"`  // province, e.g. 310000

	// RetiredBy is the eligibility cut-off: a retiree whose retirement
	// date is later is not eligible (e.g. 2023-12-31 for a 2024 plan).
	RetiredBy Date `json:"retired_by"`
	// AgeAt is the day ages are measured at for age tilts and age
	// brackets (e.g. "年满70周岁" by 2023-12-31).
	AgeAt Date `json:"age_at"`
	// Effective is the month the new rate applies from (执行时间), usually
	// January of the plan's year; the plan's year is Effective's year.
	Effective benefit.Month `json:"effective"`
	// FirstPaid is the first month actually paid at the new rate; the
	// months from Effective up to it are owed as arrears (补发). Zero when
	// the source does not say: no arrears are computed then.
	FirstPaid benefit.Month `json:"first_paid,omitzero"`

	Status   benefit.Status   `json:"status"`   // how firm the plan as a whole is
	Citation benefit.Citation `json:"citation"` // the notice
	// Note says what the source lacks and how it was read.
	Note  string `json:"note,omitempty"`
	Parts []Part `json:"parts"`
}

// Part returns the part with the given id.
func (p Plan) Part(id string) (Part, bool) {
	for _, pt := range p.Parts {
		if pt.ID == id {
			return pt, true
		}
	}
	return Part{}, false
}

// clone returns a deep copy of p, so that changing the copy leaves p
// alone.
func (p Plan) clone() Plan {
	parts := make([]Part, len(p.Parts))
	for i, pt := range p.Parts {
		parts[i] = pt.clone()
	}
	p.Parts = parts
	return p
}

// A Part is one component of a plan: exactly one of its kind fields is
// set. Its result for a retiree is rounded by Rounding, and every result
// carries the part's Status and Citation.
//
// The kinds, in the terms of the national method (定额调整 + 挂钩调整 +
// 适当倾斜):
//
//	Fixed     定额调整: the same amount for every eligible retiree
//	Years     挂钩调整 (缴费年限): linked to contribution years incl. deemed years
//	Percent   挂钩调整 (本人基本养老金): a percentage of the own prior pension
//	Bands     挂钩调整 (养老金水平): amounts by pension band, with a top-up guarantee
//	Age       适当倾斜 (高龄): mutually exclusive age brackets
//	Area      适当倾斜 (艰苦边远地区): amounts by hardship-area class
//	Category  适当倾斜 (企业军转干部等): an amount for a category, or a top-up
type Part struct {
	ID       string           `json:"id"`   // short, unique in the plan, e.g. "fixed", "years"
	Name     string           `json:"name"` // Chinese name, e.g. "定额调整"
	Rounding benefit.Rounding `json:"rounding"`
	Status   benefit.Status   `json:"status"`
	Citation benefit.Citation `json:"citation"`

	Fixed    *Fixed    `json:"fixed,omitempty"`
	Years    *Years    `json:"years,omitempty"`
	Percent  *Percent  `json:"percent,omitempty"`
	Bands    *Bands    `json:"bands,omitempty"`
	Age      *Age      `json:"age,omitempty"`
	Area     *Area     `json:"area,omitempty"`
	Category *Category `json:"category,omitempty"`
}

// Kind returns "fixed", "years", "percent", "bands", "age", "area" or
// "category", or "" when no kind (or more than one) is set.
func (pt Part) Kind() string {
	k, n := "", 0
	for _, c := range [...]struct {
		set  bool
		kind string
	}{
		{pt.Fixed != nil, "fixed"}, {pt.Years != nil, "years"}, {pt.Percent != nil, "percent"}, {pt.Bands != nil, "bands"},
		{pt.Age != nil, "age"}, {pt.Area != nil, "area"}, {pt.Category != nil, "category"},
	} {
		if c.set {
			k, n = c.kind, n+1
		}
	}
	if n != 1 {
		return ""
	}
	return k
}

func (pt Part) clone() Part {
	if pt.Fixed != nil {
		f := *pt.Fixed
		pt.Fixed = &f
	}
	if pt.Years != nil {
		y := *pt.Years
		y.Bands = append([]YearBand(nil), y.Bands...)
		y.Below = append([]Below(nil), y.Below...)
		pt.Years = &y
	}
	if pt.Percent != nil {
		r := *pt.Percent
		pt.Percent = &r
	}
	if pt.Bands != nil {
		b := *pt.Bands
		b.Bands = append([]PensionBand(nil), b.Bands...)
		pt.Bands = &b
	}
	if pt.Age != nil {
		a := *pt.Age
		a.Brackets = append([]AgeBracket(nil), a.Brackets...)
		pt.Age = &a
	}
	if pt.Area != nil {
		a := *pt.Area
		a.Classes = append([]AreaClass(nil), a.Classes...)
		pt.Area = &a
	}
	if pt.Category != nil {
		c := *pt.Category
		pt.Category = &c
	}
	return pt
}

// Fixed is 定额调整: Amount for every eligible retiree.
type Fixed struct {
	Amount benefit.Amount `json:"amount"`
}

// Years is 挂钩调整 linked to contribution years (缴费年限, including
// deemed years 视同缴费年限). The part is worked out in this order:
//
//  1. If a Below rule matches (actual contribution time under its Years,
//     and its Category empty or the retiree's), the part is that rule's
//     flat amount; the first matching rule wins, so list category rules
//     first (Beijing 2024: 农转工 under 15 years → 36; anyone under 10
//     years → 24).
//  2. Otherwise years are counted: full years, plus the remaining months
//     (0-11). With PartYearAsYear a remaining part-year counts as a full
//     year (不足1年按1年计算); with MinYears fewer years count as MinYears
//     (Shanxi 2025: under 10 counted as 10).
//  3. Bands pay the counted years band by band, like tax brackets: a band
//     covers the years after the previous band's Through up to its own
//     Through (0 = no end); each counted year in it gets PerYear, and a
//     band the counted years reach into pays its Flat amount once
//     (Shaanxi 2024: 8 for the first 15 years, 1.8 a year beyond).
//     Years beyond the last band's Through are not paid.
//  4. PerMonth is paid for each remaining month (Beijing: 0.2 a month).
//  5. The part is at least Min (Shanghai 2024: at least 15).
type Years struct {
	Below          []Below        `json:"below,omitempty"`
	PartYearAsYear bool           `json:"part_year_as_year,omitempty"`
	MinYears       int            `json:"min_years,omitempty"`
	Bands          []YearBand     `json:"bands"`
	PerMonth       benefit.Amount `json:"per_month,omitzero"`
	Min            benefit.Amount `json:"min,omitzero"`
}

// A YearBand is one band of a years-linked part; see Years.
type YearBand struct {
	Through int            `json:"through,omitempty"` // last year of the band; 0 = no end (last band only)
	PerYear benefit.Amount `json:"per_year,omitzero"`
	Flat    benefit.Amount `json:"flat,omitzero"`
}

// A Below rule pays a flat amount to a retiree whose actual contribution
// time (years and months) is under Years years; see Years.
type Below struct {
	Years    int            `json:"years"`
	Category string         `json:"category,omitempty"` // only for this category (e.g. "农转工")
	Amount   benefit.Amount `json:"amount"`
}

// Percent is 挂钩调整 linked to the retiree's own prior basic pension:
// Rate × pension, rounded by the part's Rounding.
type Percent struct {
	Rate benefit.Rate `json:"rate"`
}

// Bands is 挂钩调整 by pension level: the band the prior pension falls in
// gives the amount; see PensionBand for the top-up guarantee.
type Bands struct {
	Bands []PensionBand `json:"bands"`
}

// A PensionBand covers prior pensions up to UpTo (at or below it when
// Inclusive, strictly below it otherwise) and above the previous band;
// the last band has no UpTo. It pays Amount; when TopUpTo is set, the
// part is raised so that prior pension + this part reaches TopUpTo
// (Beijing 2024: above 6,813 → +15, topped up so that pension + part ≥
// 6,843). The top-up counts only this part, not the plan's other parts.
// A part with a top-up rounds to the fen or up, so that rounding cannot
// undo the guarantee.
type PensionBand struct {
	UpTo      benefit.Amount `json:"up_to,omitzero"`
	Inclusive bool           `json:"inclusive,omitempty"`
	Amount    benefit.Amount `json:"amount"`
	TopUpTo   benefit.Amount `json:"top_up_to,omitzero"`
}

// Age is a 高龄倾斜 tilt: the first bracket that matches the retiree's age
// in full years at the plan's AgeAt pays its amount; brackets are thus
// mutually exclusive. A plan with an extra condition on top of an age
// bracket (Beijing 2022: 65+ with 30 years or more, +5 more) says it as a
// second Age part.
type Age struct {
	Brackets []AgeBracket `json:"brackets"`
}

// An AgeBracket matches ages Min to Max inclusive (Max 0 = no upper
// end), optionally only with at least MinYears full contribution years
// and only for one sex.
type AgeBracket struct {
	Min      int            `json:"min"`
	Max      int            `json:"max,omitempty"`
	MinYears int            `json:"min_years,omitempty"`
	Sex      Sex            `json:"sex,omitzero"`
	Amount   benefit.Amount `json:"amount"`
}

// Area is the 艰苦边远地区 tilt: an amount by the retiree's hardship-area
// class (1, 2, …; 0 means not in a hardship area).
type Area struct {
	Classes []AreaClass `json:"classes"`
}

// An AreaClass pays Amount to retirees of hardship class Class.
type AreaClass struct {
	Class  int            `json:"class"`
	Amount benefit.Amount `json:"amount"`
}

// Category is a tilt for one category of retiree (企业军转干部, …): Amount,
// and when TopUpTo is set, enough more that the prior pension plus all
// parts listed before this one plus this part reaches TopUpTo (补足到).
// List a top-up category part last; like a band's top-up, it rounds to
// the fen or up.
type Category struct {
	Category string         `json:"category"`
	Amount   benefit.Amount `json:"amount,omitzero"`
	TopUpTo  benefit.Amount `json:"top_up_to,omitzero"`
}
