package floor

import (
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// A Waiver (豁免) is a recorded exemption: violations of a programme in a
// region (or any division under it, as the region table records it)
// over an interval are reported as Waived instead of Violation, counted
// apart, and never dropped. Once
// its Expiry month is reached (Options.AsOf ≥ Expiry) the waiver no
// longer applies, and Check reports the expired waiver itself as a
// warning finding.
type Waiver struct {
	Region   region.Code      `json:"region"`
	Program  string           `json:"program"`
	Dims     benefit.Dims     `json:"dimensions,omitzero"` // pattern; zero: every level
	Rule     string           `json:"rule,omitempty"`      // only this rule id; "": every rule
	Interval benefit.Interval `json:"interval"`            // the months it covers; To zero: open
	Reason   string           `json:"reason"`
	Expiry   benefit.Month    `json:"expiry,omitzero"` // the first month it no longer holds; zero: never
	Citation benefit.Citation `json:"citation,omitzero"`
}

// covers reports whether w applies to finding f (ignoring the interval
// and the expiry): f's region is w's or lies under it, by the parents
// tab records.
func (w *Waiver) covers(f *Finding, tab *region.Table) bool {
	return f.Severity == Violation && f.Unchecked == "" && f.Rule != RuleMissing && w.Program == f.Program &&
		f.Dims.Matches(w.Dims) && (w.Rule == "" || w.Rule == f.Rule) && under(tab, f.Region, w.Region)
}

func (w *Waiver) expired(asOf benefit.Month) bool {
	return !w.Expiry.IsZero() && !asOf.IsZero() && asOf >= w.Expiry
}
