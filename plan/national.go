package plan

import (
	"fmt"
	"slices"
	"sync"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
)

// A NationalAdjustment is the national overall adjustment level of retirees'
// basic pensions for a year (全国总体调整水平): the average increase of
// the previous year's monthly basic pension per person that the national
// notice sets, and which a province's plan stays within.
type NationalAdjustment struct {
	Year      int              `json:"year"`
	Rate      benefit.Rate     `json:"rate"`
	Effective benefit.Month    `json:"effective"`
	RetiredBy Date             `json:"retired_by"` // who is covered: retired by this day
	Status    benefit.Status   `json:"status"`
	Citation  benefit.Citation `json:"citation"`
}

type nationalFile struct {
	Note   string               `json:"note"`
	Levels []NationalAdjustment `json:"levels"`
}

var nationalLevels = sync.OnceValues(func() ([]NationalAdjustment, error) {
	b, err := dataFS.ReadFile("data/national.json")
	if err != nil {
		return nil, err
	}
	var f nationalFile
	if _, err := input.DecodeJSON(b, "plan/data/national.json", &f); err != nil {
		return nil, err
	}
	for i, l := range f.Levels {
		if i > 0 && l.Year <= f.Levels[i-1].Year {
			return nil, &benefit.RecordError{File: "plan/data/national.json", Field: fmt.Sprintf("levels[%d].year", i), Err: benefit.ErrOrder}
		}
		if err := firmness(l.Status, l.Citation); err != nil {
			return nil, &benefit.RecordError{File: "plan/data/national.json", Field: fmt.Sprintf("levels[%d].status", i), Err: err}
		}
	}
	return f.Levels, nil
})

// NationalAdjustments returns the national overall levels shipped with the
// library, 2016-2025, in year order, each with its source.
func NationalAdjustments() []NationalAdjustment {
	ls, err := nationalLevels()
	if err != nil {
		panic("plan: embedded national levels are invalid: " + err.Error()) // caught by TestNational
	}
	return slices.Clone(ls)
}

// NationalAdjustmentFor returns the national overall level of year y.
func NationalAdjustmentFor(y int) (NationalAdjustment, bool) {
	for _, l := range NationalAdjustments() {
		if l.Year == y {
			return l, true
		}
	}
	return NationalAdjustment{}, false
}

// A NationalCheck compares a plan's aggregate increase over a population
// with the national overall level of the plan's year (全国总体调整水平).
// Exceeds is decided exactly (Increase > PriorTotal × Level), not on the
// rounded percentages shown.
type NationalCheck struct {
	Year     int              `json:"year"`
	Rate     benefit.Rate     `json:"national_level"`
	Percent  benefit.Rate     `json:"plan_percent"` // rounded for display, as Report.Percent
	Exceeds  bool             `json:"exceeds"`
	Message  string           `json:"finding,omitempty"`
	Citation benefit.Citation `json:"citation"`
}

func nationalCheck(s *Report, nl NationalAdjustment) *NationalCheck {
	nc := &NationalCheck{Year: nl.Year, Rate: nl.Rate, Percent: s.Percent, Citation: nl.Citation}
	if s.PercentCmp(nl.Rate) > 0 {
		nc.Exceeds = true
		nc.Message = fmt.Sprintf("aggregate increase %s of the prior total exceeds the national overall level %s for %d (全国总体调整水平)", s.Percent, nl.Rate, nl.Year)
	}
	return nc
}
