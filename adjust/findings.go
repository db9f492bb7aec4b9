package adjust

import "github.com/benefitstd/benefitstd/benefit"

// A Finding is one of the floor check's findings (floor.Check) about a
// simulated level, attached to the region-years its interval covers. It
// carries the rule broken, how bad, the figures compared and the legal
// source.
type Finding struct {
	Rule      string           `json:"rule"`     // e.g. "floor", "no_cut", "pass_through"
	Severity  string           `json:"severity"` // "violation", "warning", …
	Interval  benefit.Interval `json:"interval"`
	Required  benefit.Amount   `json:"required"`
	Actual    benefit.Amount   `json:"actual"`
	Shortfall benefit.Amount   `json:"shortfall"`
	Message   string           `json:"message"`
	Citation  benefit.Citation `json:"citation,omitzero"`
}
