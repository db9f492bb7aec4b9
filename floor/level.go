package floor

import (
	"slices"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// A Level is what a region actually pays (or sets) for a programme: a
// dated schedule of amounts, per month or per year, for the persons with
// the given dimension values. It is the input of Check.
//
// An empty Schedule means the region sets no level of its own: it
// inherits the level of its nearest ancestor (county → prefecture →
// province) that has one for the programme; so does every month before
// the Schedule's first version.
//
// Beneficiaries (领取人数) is the number of persons paid at this level,
// used for arrears; Headcounts, when given, override it from each From
// month on (a step function, like a schedule).
//
// FirstPaid says when a version of the Schedule was first paid, where
// that is later than the month it took effect: until then the previous
// amount was paid (the level of the month before, its own or inherited,
// or nothing), and the difference is owed (rule late_payment, 补发). A
// version not listed was paid from its effective month.
type Level struct {
	Region        region.Code
	Program       string
	Dims          benefit.Dims
	Per           benefit.Frequency // what Schedule's amounts are per; the zero value is per month
	Schedule      benefit.Schedule
	Beneficiaries int64
	Headcounts    []Headcount
	FirstPaid     []FirstPaid      // sorted by From; each From is the From of a version of Schedule
	Source        benefit.Citation // where the local figure was read
}

// A FirstPaid records when a version of a level was first paid
// (首次按新标准发放的月份): a local raise effective in January but paid from
// March (From 2024-01, Month 2024-03) owes the difference for January
// and February to every beneficiary (补发), whether or not both amounts
// are above the national floor. It lives on the Level, beside its
// Schedule, because benefit.Version describes a standard, not its
// payment; in a levels file it is the version's "first_paid" (CSV
// column or JSON field).
type FirstPaid struct {
	From  benefit.Month // the effective month of the version
	Month benefit.Month // the first month paid at the version's amount; not before From
}

// A Headcount is the number of beneficiaries from a month on.
type Headcount struct {
	From    benefit.Month `json:"from"`
	Persons int64         `json:"persons"`
}

// after returns the index of the first head count from after month m
// (Headcounts are sorted by From): a binary search, so that a level of
// many head counts costs O(log n) a lookup.
func (l *Level) after(m benefit.Month) int {
	i, _ := slices.BinarySearchFunc(l.Headcounts, m+1, func(h Headcount, m benefit.Month) int { return h.From.Compare(m) })
	return i
}

// personsAt returns the beneficiaries in month m.
func (l *Level) personsAt(m benefit.Month) int64 {
	if i := l.after(m); i > 0 {
		return l.Headcounts[i-1].Persons
	}
	return l.Beneficiaries
}

// personMonths returns Σ persons over the months of iv (iv must have an
// end).
func (l *Level) personMonths(iv benefit.Interval) int64 {
	if len(l.Headcounts) == 0 {
		return l.Beneficiaries * int64(iv.Months())
	}
	var sum int64
	start, persons := iv.From, l.personsAt(iv.From)
	for i := l.after(iv.From); i < len(l.Headcounts) && l.Headcounts[i].From < iv.To; i++ {
		h := l.Headcounts[i]
		sum += persons * int64(h.From.Sub(start))
		start, persons = h.From, h.Persons
	}
	return sum + persons*int64(iv.To.Sub(start))
}

// firstPaid returns the first month level l paid its version from v,
// v itself when it was paid on time.
func (l *Level) firstPaid(v benefit.Month) benefit.Month {
	for _, p := range l.FirstPaid {
		if p.From == v {
			return max(p.Month, v)
		}
	}
	return v
}

type levelKey struct {
	code    region.Code
	program string
	dims    benefit.Dims
}
