package floor

import (
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/fen"
	"github.com/benefitstd/benefitstd/region"
)

// A Report is the result of a Check: the findings, sorted by region,
// programme, dimensions, month and rule, the region × programme pairs
// that were checked, what each rule could and could not check
// (Coverage), the effect of each region's levels (Effects) and a
// summary; with Options.FindingsOnly, the findings and the summary only
// (Checked, Coverage and Effects nil). Package output renders it as
// text, JSON or JUnit XML.
type Report struct {
	From, To      benefit.Month // the window checked; To zero: open
	AsOf          benefit.Month // the last month counted (Options.AsOf, or its default)
	FloorsVersion string
	// Illustrative and Note are set by the caller from the Input: a
	// report made from illustrative figures says so in every rendering.
	Illustrative bool
	Note         string
	Findings     []Finding
	Checked      []Checked
	Coverage     []RuleCoverage
	Effects      []Effect
	Summary      Summary
}

// Checked is one region × programme pair that was checked.
type Checked struct {
	Region     region.Code `json:"region"`
	RegionName string      `json:"region_name"`
	Program    string      `json:"program"`
}

// A RuleCoverage says, for one rule, how many level-months it checked
// and how many it could not (覆盖情况): a level-month is one level in one
// month of the window (up to the as-of month when the window is open)
// to which the rule applies. Unchecked level-months are those of the
// rule's unchecked findings. A rule that applies to no level-month is
// not listed.
type RuleCoverage struct {
	Rule      string `json:"rule"`
	Checked   int64  `json:"checked"`
	Unchecked int64  `json:"unchecked"`
}

// An Effect is what a reviewer reads of one region × programme (效果评估):
// how many beneficiary-months were paid at or above the floor, what is
// still owed, how long national raises took to reach the region, and by
// how much its level cleared the floor at the tightest month. Effects
// are listed for programmes that are not reference figures, in the
// order of Report.Checked.
//
// "The floor" is every legal lower bound checked: the fixed floor (rule
// floor) and the lower relative bounds of severity violation (失业保险条例
// 第十八条's 低保 bound, 社会保险法 第四十七条). A month is at the floor when
// every such rule evaluated in it was kept; months no such rule could
// evaluate are counted in neither figure.
type Effect struct {
	Region     region.Code
	RegionName string
	Program    string

	// AtFloor and Checked are beneficiary-months (persons × months, from
	// Level.Beneficiaries and Headcounts) at or above the floor and
	// checked against it: the share is AtFloor / Checked, exactly
	// (Share). MonthsAtFloor and MonthsChecked count level-months the
	// same way, for levels that give no head count.
	AtFloor, Checked             int64
	MonthsAtFloor, MonthsChecked int64

	// Arrears is what is owed (violations, not waived), once per level
	// and month as in Summary.ArrearsTotal.
	Arrears benefit.Amount

	// Raises are the national raises of the programme's floor in the
	// window, each with the first month the region's levels reached the
	// new floor (the slowest of its levels).
	Raises []Raise

	// Headroom is the least margin over the floor in the window (the
	// level minus the bound, negative when below), per HeadroomPer: per
	// month when level and bound are both monthly, per year when either
	// is yearly. HeadroomKnown is false when no bound was evaluated.
	Headroom      benefit.Amount
	HeadroomPer   benefit.Frequency
	HeadroomKnown bool
}

// Share returns AtFloor / Checked in per mille, rounded down, for
// display (973 is 97.3 %; 1000 only when every checked
// beneficiary-month was at the floor); ok is false when no
// beneficiary-month was checked. The exact fraction is AtFloor /
// Checked.
func (e Effect) Share() (perMille int64, ok bool) {
	if e.Checked <= 0 || e.AtFloor < 0 || e.AtFloor > e.Checked {
		return 0, false
	}
	// AtFloor × 1000 ÷ Checked rounded down, in 128 bits: a region's
	// person-months may be large; AtFloor ≤ Checked, so it is at most 1000
	q, _ := fen.MulDiv(e.AtFloor, fen.Int(1000), 0, e.Checked, fen.Down)
	return q, true
}

// A Raise is one national raise of a floor (the month it took effect)
// and the first month a region's level reached the new floor: zero
// Reached means not yet, within the window.
type Raise struct {
	From    benefit.Month `json:"from"`
	Reached benefit.Month `json:"reached,omitzero"`
}

// Months returns the months the raise took to pass through (0: on
// time), or -1 when the level has not reached the new floor.
func (r Raise) Months() int {
	if r.Reached.IsZero() {
		return -1
	}
	return r.Reached.Sub(r.From)
}

// A Summary counts findings by severity and totals the arrears owed.
//
// ArrearsTotal is what is owed for violations: for each level and month
// the largest shortfall of its violation findings (two rules broken in
// the same month, such as 失业保险条例 Art 18 and 社会保险法 Art 47, owe
// once), × persons. ArrearsCentral + ArrearsLocal + ArrearsFund +
// ArrearsUnsplit == ArrearsTotal: the budgets' shares where the budgets
// pay (region.PayerBudget), what a social-insurance fund pays
// (region.PayerFund, the unemployment insurance fund for 失业保险金),
// and the part whose programme has no cost rule. WaivedArrears are the
// arrears of waived findings, counted apart and, like the total, once
// per level and month.
//
// Unchecked and Missing count the unchecked and "missing" findings, and
// Expected the levels Options.Expect asked for (region, programme and
// dimensions, each once); each finding is also counted under its severity (Violations + Warnings +
// Advisories + Waived is the number of findings).
//
// The JSON tags are the "summary" object of the report schema (package
// output).
type Summary struct {
	Levels         int            `json:"levels"`
	Violations     int            `json:"violations"`
	Warnings       int            `json:"warnings"`
	Advisories     int            `json:"advisories"`
	Waived         int            `json:"waived"`
	Unchecked      int            `json:"unchecked"`
	Expected       int            `json:"expected"` // regions × programmes Options.Expect names
	Missing        int            `json:"missing"`
	ArrearsTotal   benefit.Amount `json:"arrears_total"`
	ArrearsCentral benefit.Amount `json:"arrears_central"`
	ArrearsLocal   benefit.Amount `json:"arrears_local"`
	ArrearsFund    benefit.Amount `json:"arrears_fund"`
	ArrearsUnsplit benefit.Amount `json:"arrears_unsplit"`
	WaivedArrears  benefit.Amount `json:"waived_arrears"`
	Interest       benefit.Amount `json:"interest"`
}

// Failed reports whether any finding reaches level (see
// Severity.AtLeast); it is what `benefitstd check --fail-on` exits 1 on.
// The Summary counts findings by severity.
func (r *Report) Failed(level Severity) bool {
	for i := range r.Findings {
		if r.Findings[i].Severity.AtLeast(level) {
			return true
		}
	}
	return false
}
