package adjust

import (
	"cmp"
	"slices"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// Version is the version of the adjustment engine, carried in every
// RunRecord. It changes whenever the same scenario could give a
// different result.
const Version = "0.1.0"

// module is the module path carried in every RunRecord.
const module = "github.com/benefitstd/benefitstd"

// A RunRecord identifies a run: the scenario's canonical SHA-256 and the
// library and data that ran it. Two results with equal records came from
// the same scenario on the same engine and data, and are byte-for-byte
// equal (a caller's own catalogue, floors or region table must then
// carry their own versions; a custom region table is only marked).
type RunRecord struct {
	Module    string `json:"module"`
	Version   string `json:"version"`
	Catalogue string `json:"catalogue"` // version of the programme catalogue
	// Floors names the floor data the national floor path starts from:
	// the version of the shipped floor set, or "scenario" when the
	// scenario gives its own floor history (then covered by the hash).
	Floors string `json:"floors"`
	// Regions is "custom" when Options.Regions replaced the embedded
	// region table (whose fiscal tiers and cost rules the hash does not
	// cover); empty for the embedded one.
	Regions string `json:"regions,omitempty"`
	// Populations is "custom" when Options.Populations gave the
	// retirees a plan is applied to (not covered by the hash); empty
	// otherwise.
	Populations      string `json:"populations,omitempty"`
	ScenarioSHA256   string `json:"scenario_sha256"` // of Scenario.Canonical
	Scenario         string `json:"scenario"`        // its name
	Illustrative     bool   `json:"illustrative"`
	IllustrativeNote string `json:"note,omitempty"`
}

// A RegionYear is one region's outcome in one year.
type RegionYear struct {
	Region region.Code `json:"region"`
	Name   string      `json:"name"`
	Year   int         `json:"year"`

	Level    benefit.Amount `json:"level"`    // new level, in force from the effective month
	Previous benefit.Amount `json:"previous"` // last year's level
	Increase benefit.Amount `json:"increase"` // Level − Previous
	Proposed benefit.Amount `json:"proposed"` // what the rule proposed, rounded
	Rule     string         `json:"rule"`     // the rule that proposed it
	Binding  Binding        `json:"binding"`  // the constraint that set Level, or "none"

	Floor       benefit.Amount `json:"floor"`        // the national floor of the year from the effective month
	FloorStatus benefit.Status `json:"floor_status"` // legislated, provisional, projected, …
	Headroom    benefit.Amount `json:"headroom"`     // Level − Floor (≥ 0)

	Beneficiaries int64 `json:"beneficiaries"`
	// Cost is the calendar year's cost, summed month by month (the
	// previous level before the effective month): total, central, local.
	Cost    region.Split   `json:"cost"`
	Revenue benefit.Amount `json:"revenue"` // local general budget revenue of the year
	// Burden is the local cost as a share of Revenue, rounded half-up to
	// a ten-thousandth of a percent; nil when Revenue is zero.
	Burden *benefit.Rate `json:"burden,omitempty"`
	// Cap is the most the local share may be under the fiscal cap
	// (whole fen, rounded down); nil without a fiscal cap.
	Cap *benefit.Amount `json:"cap,omitempty"`

	// Infeasible is set when keeping the floor (or, with cuts not
	// allowed, the current level) costs the locality more than the
	// fiscal cap allows. The level is then set to that hard bound and
	// Transfer is the extra transfer (转移支付) that closes the gap.
	Infeasible bool           `json:"infeasible,omitempty"`
	Transfer   benefit.Amount `json:"transfer"`

	// Bounds are the relative bounds of the floor set the level was kept
	// inside, with the region's figures of the year (失业保险条例 第十八条:
	// above 低保, below the minimum wage); nil when none applies.
	Bounds []Bound `json:"bounds,omitempty"`
	// Fund is the paying fund's year (基金收支), for a region that gives
	// its fund; nil otherwise.
	Fund *FundYear `json:"fund,omitempty"`
	// Retirees is the year of a retirees' pension adjustment: the
	// national overall level, the cost of the increase, the plan applied
	// person by person; nil for other programmes.
	Retirees *RetireeYear `json:"retirees,omitempty"`

	// Findings are the floor check's findings for this region and year.
	Findings []floor.Finding `json:"findings,omitempty"`
}

// A YearSummary is the national picture of one year: totals that are
// the exact sums of the regional figures, and how unequal the levels are
// across regions.
type YearSummary struct {
	Year          int             `json:"year"`
	Floor         floor.YearFloor `json:"floor"`
	Regions       int             `json:"regions"`
	Beneficiaries int64           `json:"beneficiaries"`
	Cost          region.Split    `json:"cost"`
	Transfer      benefit.Amount  `json:"transfer"`
	Infeasible    int             `json:"infeasible"`
	Findings      int             `json:"findings"` // floor-check findings in the year
	MinLevel      benefit.Amount  `json:"min_level"`
	MaxLevel      benefit.Amount  `json:"max_level"`
	// MeanLevel is the population-weighted mean level, rounded half-up
	// to the fen (a display figure, not summed further).
	MeanLevel benefit.Amount `json:"mean_level"`
	// Equalisation statistics (均等化). They are computed in float64
	// from the levels in fen and are descriptive only: no amount is
	// derived from them.
	MaxMinRatio float64 `json:"max_min_ratio"` // max level ÷ min level (0 when min is 0)
	CV          float64 `json:"cv"`            // coefficient of variation of levels across regions, unweighted
	Gini        float64 `json:"gini"`          // population-weighted Gini of levels (weights: beneficiaries)
}

// A Result is the outcome of a run. Its slices are in a fixed order:
// region-years by region code, then year; years ascending. A Result is
// not changed after Run returns and may be read concurrently.
type Result struct {
	Run      RunRecord `json:"run"`
	Program  string    `json:"program"`
	Name     string    `json:"program_name"`
	Unit     string    `json:"unit"` // "元/月" or "元/年"
	Rounding string    `json:"rounding"`
	// EffectiveMonth is the month each year's new level takes effect,
	// 2-12; 0 for January.
	EffectiveMonth int               `json:"effective_month,omitempty"`
	Rule           string            `json:"rule"`
	Constraints    string            `json:"constraints"`
	Floors         []floor.YearFloor `json:"floors"` // base year first, then each simulated year
	// CostSharing is the source of the central/local split rule
	// (region.CostRule.Citation: 国办发〔2018〕6号 for the residents' pension).
	CostSharing benefit.Citation `json:"cost_sharing"`
	Years       []YearSummary    `json:"years"`
	Rows        []RegionYear     `json:"regions"`
}

// Get returns the outcome of region c in year y.
func (r *Result) Get(c region.Code, y int) (RegionYear, bool) {
	if i := r.first(c, y); i < len(r.Rows) && r.Rows[i].Region == c && r.Rows[i].Year == y {
		return r.Rows[i], true
	}
	return RegionYear{}, false
}

// first returns the index of the first row at or after (c, y) in the
// rows' order (region code, then year), by binary search.
func (r *Result) first(c region.Code, y int) int {
	i, _ := slices.BinarySearchFunc(r.Rows, c, func(ry RegionYear, c region.Code) int {
		if n := ry.Region.Compare(c); n != 0 {
			return n
		}
		return cmp.Compare(ry.Year, y)
	})
	return i
}
