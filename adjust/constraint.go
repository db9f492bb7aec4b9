package adjust

// A Binding names the constraint that set a level, or BindNone when the
// rule's proposal was taken as it is.
type Binding string

// The constraints that can bind.
const (
	BindNone           Binding = "none"             // the rule's proposal
	BindFloor          Binding = "floor"            // raised to the national floor (不低于国家标准)
	BindNoCut          Binding = "no_cut"           // kept at the current level (只增不减)
	BindMaxStep        Binding = "max_step"         // increase capped in yuan
	BindMaxStepPercent Binding = "max_step_percent" // increase capped in percent
	BindFiscalCap      Binding = "fiscal_cap"       // local cost capped by revenue
	BindFund           Binding = "fund"             // capped by the fund's balance and inflow (基金支付能力)
	BindNationalRate   Binding = "national_rate"    // increase capped by the national overall level (以全国调整比例为高限)
	BindMinRaise       Binding = "min_raise"        // a raise lifted to the least raise (每次提高不少于)
	BindCeiling        Binding = "ceiling"          // capped at another programme's standard (不高于)
	// A relative bound of the floor set (失业保险条例 第十八条) binds under
	// its own id: "ui.art18.below_min_wage", "ui.art18.above_dibao".
)
