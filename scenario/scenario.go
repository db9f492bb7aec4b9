package scenario

import (
	"bytes"
	"cmp"
	"encoding/json"
	"slices"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// A Scenario is one adjustment run written down as pure data: the
// programme, the years, the regions with their current level and fiscal
// figures, the economic assumptions, the national floor path, the rule
// each region proposes and the constraints it must keep. It holds no
// functions, so it reads from and writes to JSON without loss
// (adjust.LoadScenario, MarshalJSON), and every adjust.Result carries the SHA-256 of
// its canonical form (Canonical; adjust.RunRecord.ScenarioSHA256).
//
// Every money value is an exact benefit.Amount and every ratio an exact
// benefit.Rate. Levels are per the programme's frequency (元/月 for the
// residents' pension); revenue is 元 per year.
//
// The base year is StartYear-1: the current Level of each region and its
// Beneficiaries are those of the base year, and each simulated year y
// (StartYear … StartYear+Horizon-1) sets a new level in force from the
// effective month of y (EffectiveMonth) to the month before it in y+1:
// January by default, as the pension notices do (执行时间 1 January,
// paid retroactively), August for the veterans' standards.
type Scenario struct {
	Name string `json:"name,omitempty"`
	// Note is free text shown with every result: what the figures are
	// and how firm. A scenario with illustrative figures says so here and
	// sets Illustrative.
	Note string `json:"note,omitempty"`
	// Illustrative marks a scenario whose figures are not real data (示意);
	// every rendering of its results says ILLUSTRATIVE.
	Illustrative bool `json:"illustrative,omitempty"`

	Program string       `json:"program"`       // e.g. "pension.resident.basic"
	Dims    benefit.Dims `json:"dims,omitzero"` // dimension of the level, e.g. "age=60+"; empty for the base level
	// Rounding overrides the programme's rounding from the catalogue.
	// Every level lands on its grid (multiples of its unit).
	Rounding *benefit.Rounding `json:"rounding,omitempty"`

	StartYear int `json:"start_year"` // first simulated year
	Horizon   int `json:"horizon"`    // number of simulated years, 1-100
	// EffectiveMonth is the month of the year each new level takes
	// effect (1-12; 0 means January). The months before it pay last
	// year's level; costs are summed month by month.
	EffectiveMonth int `json:"effective_month,omitempty"`
	// RevenueYear is the year the regions' Revenue figures are for; it
	// defaults to the base year (StartYear-1). Revenue grows from it by
	// each year's revenue_growth.
	RevenueYear int `json:"revenue_year,omitempty"`

	// Assumptions are the scenario-wide defaults; Years override them
	// year by year. A region's own Assumptions and Years come first: a
	// driver is the region's value for the year, else the region's
	// default, else the scenario's value for the year, else the
	// scenario's default.
	Assumptions Assumptions       `json:"assumptions,omitzero"`
	Years       []YearAssumptions `json:"years,omitempty"`

	Regions []Region `json:"regions"`
	// Tables project national tables forward (floor.Set.Project) before
	// the floor path is read from them: the veterans' disability table by
	// grade and cause, raised each August by a rate or an amount per
	// column and rounded by the programme's rule (half-up to 10 yuan).
	// The projected versions are marked benefit.Projected. The floor path
	// (its history from the shipped floors), the ceiling and the floor
	// check read the projected tables.
	Tables      []floor.Projection `json:"tables,omitempty"`
	Floor       floor.Path         `json:"floor"`
	Rule        Rule               `json:"rule"`
	Constraints Constraints        `json:"constraints,omitzero"`

	// CostRules add to the region table's cost-sharing rules (or replace
	// its rule for a programme) for this scenario's run
	// (region.Table.WithCostRules): how a programme the embedded data has
	// no rule for, such as the veterans' benefits, is costed. Each rule
	// carries its citation and confidence mark.
	CostRules []region.CostRule `json:"cost_rules,omitempty"`
}

// A Region is one region of a scenario: its GB/T 2260 code, its
// beneficiaries and level in the base year, its general budget revenue
// (一般公共预算收入) and its own assumptions.
type Region struct {
	Code          region.Code       `json:"code"`
	Beneficiaries int64             `json:"beneficiaries"` // persons in the base year
	Level         benefit.Amount    `json:"level"`         // level in force in the base year
	Revenue       benefit.Amount    `json:"revenue"`       // 元 in RevenueYear
	Assumptions   Assumptions       `json:"assumptions,omitzero"`
	Years         []YearAssumptions `json:"years,omitempty"`

	// References are the region's own figures the level is set against
	// or bounded by, keyed by programme: "reference.min_wage"
	// (最低工资标准), "reference.dibao_urban" (城市低保标准). See floor.Reference.
	References map[string]floor.Reference `json:"references,omitempty"`
	// Fund is the social-insurance fund that pays a programme whose payer
	// is a fund (region.PayerFund: 失业保险基金), for Constraints.Fund.
	Fund *Fund `json:"fund,omitempty"`
	// CentralSubsidy is the share of the yearly cost of each year's
	// increase that the centre pays into the fund of a fund-paid
	// programme (中央财政补助); nil: none.
	CentralSubsidy *benefit.Rate `json:"central_subsidy,omitempty"`
	// Plan applies a provincial plan of package plan person by person in
	// the first simulated year (retirees' pensions); see RegionPlan.
	Plan *RegionPlan `json:"plan,omitempty"`
}

// Assumptions are the economic drivers of one year (or the default of
// every year). A nil field is "not given here": the lookup falls through
// to the next source (see Scenario.Assumptions).
type Assumptions struct {
	GDPGrowth         *benefit.Rate `json:"gdp_growth,omitempty"`         // 地区生产总值增长
	CPI               *benefit.Rate `json:"cpi,omitempty"`                // 居民消费价格涨幅
	WageGrowth        *benefit.Rate `json:"wage_growth,omitempty"`        // 职工平均工资增长
	RevenueGrowth     *benefit.Rate `json:"revenue_growth,omitempty"`     // 一般公共预算收入增长
	BeneficiaryGrowth *benefit.Rate `json:"beneficiary_growth,omitempty"` // 领取人数增长
}

// YearAssumptions are the assumptions of one calendar year.
type YearAssumptions struct {
	Year int `json:"year"`
	Assumptions
}

// Canonical returns the scenario's canonical JSON: compact, fields in
// declaration order, regions sorted by code, the years of the scenario
// and of each region sorted, a revenue year equal to the base year left
// out, an effective month of January left out, amounts and rates in
// their canonical spelling ("20.00", "3.8%").
// Two scenarios that differ only in these ways mean the same run and
// have the same canonical form.
func (s Scenario) Canonical() ([]byte, error) {
	c := s
	if c.RevenueYear == s.baseYear() {
		c.RevenueYear = 0
	}
	if c.EffectiveMonth == 1 {
		c.EffectiveMonth = 0
	}
	byYear := func(a, b YearAssumptions) int { return cmp.Compare(a.Year, b.Year) }
	c.Years = slices.Clone(s.Years)
	slices.SortStableFunc(c.Years, byYear)
	c.Regions = slices.Clone(s.Regions)
	for i := range c.Regions {
		c.Regions[i].Years = slices.Clone(c.Regions[i].Years)
		slices.SortStableFunc(c.Regions[i].Years, byYear)
	}
	slices.SortStableFunc(c.Regions, func(a, b Region) int { return a.Code.Compare(b.Code) })
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// baseYear returns StartYear-1, the year of the current levels.
func (s *Scenario) baseYear() int { return s.StartYear - 1 }
