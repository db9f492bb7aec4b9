package floor

import (
	"bytes"
	"encoding/json"
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
	RuleStale         = "stale"          // 6. a local figure not updated within its cadence
	RuleLatePayment   = "late_payment"   // 7. a version paid from its effective month (按时足额支付; 补发 when first paid later)
	RuleMissing       = "missing"        // an expected level that was not given (Options.Expect)
	RuleWaiverExpired = "waiver_expired" // a waiver whose expiry has passed
)

// A Reason says why a rule that applies to a level could not be
// evaluated over some months: the finding is unchecked (未核验), never a
// pass. The zero Reason marks a finding of a rule that was evaluated.
type Reason string

const (
	// ReasonNoFloor: no floor is known for the level's dimension values
	// in these months (a programme with national floors, none of which
	// matches; months before its first known version; a programme with
	// no floor at all).
	ReasonNoFloor Reason = "no_floor"
	// ReasonNoReference: a relative rule's other figure (低保, the
	// minimum wage, a grade-10 standard) is given neither for the region
	// nor for any ancestor, nor as a national floor.
	ReasonNoReference Reason = "no_reference"
	// ReasonStale: no floor is known for these months: the last known
	// version is older than the floor's cadence (the veterans' tables
	// are adjusted every 1 August), and the level is at or above it.
	ReasonStale Reason = "stale"
	// ReasonNoLevel: the level gives no amount and no ancestor region
	// gives one to inherit.
	ReasonNoLevel Reason = "no_level"
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
// Arrears (补发) = Shortfall × person-months (÷ 12 for a yearly figure),
// computed exactly and rounded once, half-up to the fen, with who pays
// them; they are computed for the rules that make money owed (floor,
// hierarchy, pass_through, late_payment and lower relative bounds of
// severity violation) over the months of the interval up to the as-of
// month (Options.AsOf).
//
// An unchecked finding (Unchecked not zero) names a rule that applies to
// the level but could not be evaluated over the interval, and why; it
// has no figures and no arrears, and its severity is
// Options.UncheckedSeverity (a warning by default).
//
// A Finding is data: its JSON form (the findings of a simulation's
// result) names every field in snake case, leaving out the empty
// optional ones, and ends with its Message as "message". Message is a
// method: the sentence is made when it is read, not by Check for every
// finding.
type Finding struct {
	Rule       string            `json:"rule"`
	Severity   Severity          `json:"severity"`
	Region     region.Code       `json:"region,omitzero"` // zero for a finding about a national floor
	RegionName string            `json:"region_name,omitempty"`
	Program    string            `json:"program"`
	Dims       benefit.Dims      `json:"dimensions,omitzero"`
	Interval   benefit.Interval  `json:"interval"`
	Per        benefit.Frequency `json:"per"`
	Required   benefit.Amount    `json:"required"`
	Actual     benefit.Amount    `json:"actual"`
	Shortfall  benefit.Amount    `json:"shortfall"`
	Excess     benefit.Amount    `json:"excess,omitzero"`

	Persons      int64          `json:"persons"`       // beneficiaries in the first month of the interval
	PersonMonths int64          `json:"person_months"` // Σ persons × months of the interval up to the as-of month: what Arrears are counted on
	Arrears      benefit.Amount `json:"arrears"`
	Payer        region.Payer   `json:"payer,omitempty"`   // who pays Arrears: budget or fund; "" when the programme has no cost rule
	Central      benefit.Amount `json:"central,omitzero"`  // central share of Arrears (region.Table.Split), for a budget payer
	Local        benefit.Amount `json:"local,omitzero"`    // local share of Arrears, for a budget payer
	SplitKnown   bool           `json:"split_known"`       // true when the budgets pay and Central and Local are known
	Interest     benefit.Amount `json:"interest,omitzero"` // only when Options.InterestPerMonth is set

	Unchecked Reason `json:"unchecked,omitempty"` // why the rule could not be evaluated; "" when it was

	Citation      benefit.Citation `json:"citation,omitzero"`       // the rule's legal source (or the floor version's)
	Source        benefit.Citation `json:"source,omitzero"`         // the local value's source: the citation of the version whose amount was paid (before a version's first-paid month, the one carried over), else the paying level's Source
	FloorStatus   benefit.Status   `json:"floor_status,omitzero"`   // status of the floor version compared (rule floor)
	InheritedFrom region.Code      `json:"inherited_from,omitzero"` // the ancestor whose level was used, if inherited
	Waiver        *Waiver          `json:"waiver,omitempty"`        // the waiver that covers (Waived) or covered (waiver_expired) it

	msg *message // what Message says, made into words when it is read
}

// MarshalJSON writes the finding's fields as their tags name them, and
// then its Message as "message".
func (f Finding) MarshalJSON() ([]byte, error) {
	type fields Finding // the fields, without this method
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // an encoder that escapes HTML escapes this too
	if err := enc.Encode(struct {
		fields
		Message string `json:"message"`
	}{fields(f), f.Message()}); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// String returns the finding on one line: severity, rule, region,
// programme, dimensions, interval and message.
func (f Finding) String() string {
	where := f.RegionName
	if f.Region.IsValid() {
		where = f.Region.String() + " " + f.RegionName
	}
	rule := f.Rule
	if f.Unchecked != "" {
		rule += " (unchecked: " + string(f.Unchecked) + ")"
	}
	s := fmt.Sprintf("%s %s: %s %s", f.Severity, rule, where, f.Program)
	if !f.Dims.IsZero() {
		s += " (" + f.Dims.String() + ")"
	}
	return s + " " + f.Interval.String() + ": " + f.Message()
}
