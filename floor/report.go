package floor

import (
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// A Report is the result of a Check: the findings, sorted by region,
// programme, dimensions, month and rule, the region × programme pairs
// that were checked, and a summary. Render it with WriteText, WriteJSON
// or WriteJUnit.
type Report struct {
	From, To      benefit.Month // the window checked; To zero: open
	AsOf          benefit.Month
	FloorsVersion string
	// Illustrative and Note are set by the caller from the Input: a
	// report made from illustrative figures says so in every rendering.
	Illustrative bool
	Note         string
	Findings     []Finding
	Checked      []Checked
	Summary      Summary
}

// Checked is one region × programme pair that was checked.
type Checked struct {
	Region     region.Code `json:"region"`
	RegionName string      `json:"region_name"`
	Program    string      `json:"program"`
}

// A Summary counts findings by severity and totals the arrears owed.
//
// ArrearsTotal is what is owed for violations: for each level and month
// the largest shortfall of its violation findings (two rules broken in
// the same month, such as 失业保险条例 Art 18 and 社会保险法 Art 47, owe
// once), × persons. ArrearsCentral + ArrearsLocal + ArrearsUnsplit ==
// ArrearsTotal; ArrearsUnsplit is the part whose programme has no
// cost-sharing rule. WaivedArrears are the arrears of waived findings,
// counted apart and, like the total, once per level and month.
//
// The JSON tags are the "summary" object of the report schema
// (WriteJSON).
type Summary struct {
	Levels         int            `json:"levels"`
	Violations     int            `json:"violations"`
	Warnings       int            `json:"warnings"`
	Advisories     int            `json:"advisories"`
	Waived         int            `json:"waived"`
	ArrearsTotal   benefit.Amount `json:"arrears_total"`
	ArrearsCentral benefit.Amount `json:"arrears_central"`
	ArrearsLocal   benefit.Amount `json:"arrears_local"`
	ArrearsUnsplit benefit.Amount `json:"arrears_unsplit"`
	WaivedArrears  benefit.Amount `json:"waived_arrears"`
	Interest       benefit.Amount `json:"interest"`
}

// Count returns the number of findings that reach level (see
// Severity.AtLeast).
func (r *Report) Count(level Severity) int {
	n := 0
	for i := range r.Findings {
		if r.Findings[i].Severity.AtLeast(level) {
			n++
		}
	}
	return n
}

// Failed reports whether any finding reaches level; it is what
// `benefitstd check --fail-on` exits 1 on.
func (r *Report) Failed(level Severity) bool { return r.Count(level) > 0 }
