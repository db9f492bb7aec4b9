package floor

import (
	"fmt"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// Rule ids of the rules Check applies. Relative rules carry their own ids
// from the floor set (e.g. "ui.art18.below_min_wage").
const (
	RuleFloor         = "floor"          // 1. level ≥ the applicable fixed floor (不低于国家标准)
	RuleHierarchy     = "hierarchy"      // 3. a county not below its prefecture, a prefecture not below its province
	RulePassThrough   = "pass_through"   // 4. a national raise Δ passed on in full (option)
	RuleNoCut         = "no_cut"         // 5. a level never falls below its previous version
	RuleStale         = "stale"          // 6. a figure not updated within its cadence
	RuleWaiverExpired = "waiver_expired" // a waiver whose expiry has passed
	RuleNoLevel       = "no_level"       // a level with no amount of its own and no ancestor to inherit one from
)

// A Finding is one rule broken by one level over one interval of months
// [From, To): the months between two change months of the schedules
// compared, not one finding per month.
//
// Required, Actual and Shortfall are per Per (a month, unless the rule
// compares with a yearly standard, when all three are per year: the
// monthly side is multiplied by 12, never the yearly one divided).
// Shortfall is Required − Actual when the level is below a lower bound;
// Excess is Actual − Required when it is above an upper bound.
//
// Arrears (补发) = Shortfall × person-months (÷ 12 for a yearly figure,
// rounded half-up to the fen), with its central/local split; they are
// computed for the rules that make money owed (floor, hierarchy,
// pass_through and lower relative bounds of severity violation) when the
// interval has an end.
type Finding struct {
	Rule       string
	Severity   Severity
	Region     region.Code // zero for a finding about a national floor
	RegionName string
	Program    string
	Dims       benefit.Dims
	Interval   benefit.Interval
	Per        benefit.Frequency
	Required   benefit.Amount
	Actual     benefit.Amount
	Shortfall  benefit.Amount
	Excess     benefit.Amount

	Persons      int64 // beneficiaries in the first month of the interval
	PersonMonths int64 // Σ persons × months; 0 when the interval has no end
	Arrears      benefit.Amount
	Central      benefit.Amount // central share of Arrears (region.Table.Split)
	Local        benefit.Amount
	SplitKnown   bool           // false when the programme has no cost-sharing rule
	Interest     benefit.Amount // only when Options.InterestPerMonth is set

	Citation      benefit.Citation // the rule's legal source (or the floor version's)
	Source        benefit.Citation // the local value's source
	FloorStatus   benefit.Status   // status of the floor version compared (rule floor)
	InheritedFrom region.Code      // the ancestor whose level was used, if inherited
	Waiver        *Waiver          // the waiver that covers (Waived) or covered (waiver_expired) it
	Message       string           // one line in English saying what is wrong
}

// owes reports whether the rule of f makes money owed.
func (f *Finding) owes() bool { return f.Shortfall.Sign() > 0 && f.Interval.To != 0 }

// String returns the finding on one line: severity, rule, region,
// programme, dimensions, interval and message.
func (f Finding) String() string {
	where := f.RegionName
	if f.Region.IsValid() {
		where = f.Region.String() + " " + f.RegionName
	}
	s := fmt.Sprintf("%s %s: %s %s", f.Severity, f.Rule, where, f.Program)
	if !f.Dims.IsZero() {
		s += " (" + f.Dims.String() + ")"
	}
	return s + " " + f.Interval.String() + ": " + f.Message
}
