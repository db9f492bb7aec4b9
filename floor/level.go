package floor

import (
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
type Level struct {
	Region        region.Code
	Program       string
	Dims          benefit.Dims
	Per           benefit.Frequency // what Schedule's amounts are per; the zero value is per month
	Schedule      benefit.Schedule
	Beneficiaries int64
	Headcounts    []Headcount
	Source        benefit.Citation // where the local figure was read
}

// MaxPersons is the most beneficiaries a level may give (one billion,
// more than the persons any one region pays): it keeps Σ persons ×
// months, and the person-months of delay behind optional interest,
// exact in an int64 over any window of valid months.
const MaxPersons = 1_000_000_000

// A Headcount is the number of beneficiaries from a month on.
type Headcount struct {
	From    benefit.Month `json:"from"`
	Persons int64         `json:"persons"`
}

// personsAt returns the beneficiaries in month m.
func (l *Level) personsAt(m benefit.Month) int64 {
	n := l.Beneficiaries
	for _, h := range l.Headcounts {
		if h.From > m {
			break
		}
		n = h.Persons
	}
	return n
}

// personMonths returns Σ persons over the months of iv (iv must have an
// end).
func (l *Level) personMonths(iv benefit.Interval) int64 {
	if len(l.Headcounts) == 0 {
		return l.Beneficiaries * int64(iv.Months())
	}
	var sum int64
	start := iv.From
	for start < iv.To {
		end := iv.To
		for _, h := range l.Headcounts {
			if h.From > start && h.From < end {
				end = h.From
				break
			}
		}
		sum += l.personsAt(start) * int64(end.Sub(start))
		start = end
	}
	return sum
}

type levelKey struct {
	code    region.Code
	program string
	dims    benefit.Dims
}
