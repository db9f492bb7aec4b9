package adjust

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/internal/input"
	"github.com/benefitstd/benefitstd/region"
)

// A Scenario is one adjustment run written down as pure data: the
// programme, the years, the regions with their current level and fiscal
// figures, the economic assumptions, the national floor path, the rule
// each region proposes and the constraints it must keep. It holds no
// functions, so it reads from and writes to JSON without loss
// (LoadScenario, MarshalJSON), and every Result carries the SHA-256 of
// its canonical form (Canonical; RunRecord.ScenarioSHA256).
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

// An assumption names one of the five drivers.
type assumption string

// The drivers an Assumptions value holds.
const (
	gdpGrowth         assumption = "gdp_growth"
	cpiGrowth         assumption = "cpi"
	wageGrowth        assumption = "wage_growth"
	revenueGrowth     assumption = "revenue_growth"
	beneficiaryGrowth assumption = "beneficiary_growth"
)

func (a *Assumptions) get(k assumption) *benefit.Rate {
	switch k {
	case gdpGrowth:
		return a.GDPGrowth
	case cpiGrowth:
		return a.CPI
	case wageGrowth:
		return a.WageGrowth
	case revenueGrowth:
		return a.RevenueGrowth
	case beneficiaryGrowth:
		return a.BeneficiaryGrowth
	}
	return nil
}

// assumptionOf returns driver k for region index ri (-1 for the scenario
// as a whole, as the national floor projection uses) in year y, and
// where it came from. The lookup order is: the region's value for y, the
// region's default, the scenario's value for y, the scenario's default.
// It reports false when none of them gives the driver.
func (s *Scenario) assumptionOf(k assumption, ri, y int) (benefit.Rate, string, bool) {
	v, src, i, ok := s.lookup(k, ri, y)
	if !ok {
		return benefit.Rate{}, "", false
	}
	var path string
	switch src {
	case srcRegionYear:
		path = fmt.Sprintf("regions[%d].years[%d].%s", ri, i, k)
	case srcRegion:
		path = fmt.Sprintf("regions[%d].assumptions.%s", ri, k)
	case srcYear:
		path = fmt.Sprintf("years[%d].%s", i, k)
	default:
		path = "assumptions." + string(k)
	}
	return v, path, true
}

const (
	srcRegionYear = iota
	srcRegion
	srcYear
	srcScenario
)

func (s *Scenario) lookup(k assumption, ri, y int) (benefit.Rate, int, int, bool) {
	if ri >= 0 && ri < len(s.Regions) {
		r := &s.Regions[ri]
		for i := range r.Years {
			if r.Years[i].Year == y {
				if v := r.Years[i].get(k); v != nil {
					return *v, srcRegionYear, i, true
				}
			}
		}
		if v := r.Assumptions.get(k); v != nil {
			return *v, srcRegion, 0, true
		}
	}
	for i := range s.Years {
		if s.Years[i].Year == y {
			if v := s.Years[i].get(k); v != nil {
				return *v, srcYear, i, true
			}
		}
	}
	if v := s.Assumptions.get(k); v != nil {
		return *v, srcScenario, 0, true
	}
	return benefit.Rate{}, 0, 0, false
}

// rate returns driver k or 0 % when no source gives it.
func (s *Scenario) rate(k assumption, ri, y int) benefit.Rate {
	v, _, _, _ := s.lookup(k, ri, y)
	return v
}

// baseYear returns StartYear-1, the year of the current levels.
func (s *Scenario) baseYear() int { return s.StartYear - 1 }

// endYear returns StartYear+Horizon-1, the last simulated year.
func (s *Scenario) endYear() int { return s.StartYear + s.Horizon - 1 }

func (s *Scenario) revenueYear() int {
	if s.RevenueYear != 0 {
		return s.RevenueYear
	}
	return s.baseYear()
}

// LoadScenario reads a scenario from JSON, strictly: unknown fields,
// trailing data, malformed amounts and rates are errors. It then
// validates the scenario as Run with the same Options would (Validate),
// against opts.Catalogue, opts.Regions and opts.Floors (nil: the
// defaults): a region code the table does not hold is an error wrapping
// region.ErrUnknownRegion (give the table from region.Table.WithDivisions
// when the scenario names added divisions). name is the file name used
// in errors; every error is a *benefit.RecordError naming the file, the
// line when known, and the field path ("regions[1].code").
func LoadScenario(r io.Reader, name string, opts Options) (Scenario, error) {
	var s Scenario
	doc, err := input.ReadJSON(r, name, &s, opts.Limits)
	if err != nil {
		return Scenario{}, err
	}
	if err := s.validate(&opts); err != nil {
		var re *benefit.RecordError
		if errors.As(err, &re) {
			re.File = name
		}
		return Scenario{}, doc.Locate(err)
	}
	return s, nil
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
	if c.RevenueYear == c.baseYear() {
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

// hash returns the hex SHA-256 of the canonical form
// (RunRecord.ScenarioSHA256).
func (s Scenario) hash() (string, error) {
	b, err := s.Canonical()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}
