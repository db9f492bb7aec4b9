package columns

import (
	"slices"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// A Result is the outcome of a table run: per column its adjust.Result,
// and per region and year, and per year, the figures summed over the
// columns. Every sum is exact; central + local = total in every
// region-year and year. A Result is not changed after Run returns.
type Result struct {
	// Run is the first column's run record with the table scenario's
	// own hash: ScenarioSHA256 is the SHA-256 of Scenario.Canonical.
	Run            adjust.RunRecord `json:"run"`
	Program        string           `json:"program"`
	Name           string           `json:"program_name"`
	Unit           string           `json:"unit"` // of each column's levels: "元/月" or "元/年"
	Rounding       string           `json:"rounding"`
	EffectiveMonth int              `json:"effective_month,omitempty"`
	Rule           string           `json:"rule"`
	Constraints    string           `json:"constraints"`
	CostSharing    benefit.Citation `json:"cost_sharing"`
	Years          []Year           `json:"years"`   // per year, over every region and column
	Regions        []RegionYear     `json:"regions"` // per region (in code order), then year, over every column
	Columns        []Column         `json:"columns"` // in the table's order
}

// A Column is one column's run.
type Column struct {
	Dims   benefit.Dims   `json:"dims"`
	Result *adjust.Result `json:"result"`
}

// A Year is the national total of one year over every column.
type Year struct {
	Year          int          `json:"year"`
	Beneficiaries int64        `json:"beneficiaries"`
	Cost          region.Split `json:"cost"`
	Findings      int          `json:"findings"` // floor-check findings
}

// A RegionYear is one region's year summed over the columns.
type RegionYear struct {
	Region        region.Code    `json:"region"`
	Name          string         `json:"name"`
	Year          int            `json:"year"`
	Beneficiaries int64          `json:"beneficiaries"`
	Cost          region.Split   `json:"cost"`
	Revenue       benefit.Amount `json:"revenue"`
	// Burden is the local cost as a share of Revenue, rounded half-up to
	// a ten-thousandth of a percent; nil when Revenue is zero.
	Burden *benefit.Rate `json:"burden,omitempty"`
	// Bound counts the columns whose level a constraint set, by the
	// constraint (adjust.Binding); empty when every proposal was taken.
	Bound    map[adjust.Binding]int `json:"bound,omitempty"`
	Findings int                    `json:"findings"`
}

// sum fills Regions and Years from the columns' rows: every column has
// the same regions in code order and the same years.
func (r *Result) sum() {
	rows := r.Columns[0].Result.Rows
	r.Regions = make([]RegionYear, len(rows))
	for i, ry := range rows {
		r.Regions[i] = RegionYear{Region: ry.Region, Name: ry.Name, Year: ry.Year, Revenue: ry.Revenue}
	}
	for _, c := range r.Columns {
		for i, ry := range c.Result.Rows {
			t := &r.Regions[i]
			t.Beneficiaries += ry.Beneficiaries
			t.Cost = add(t.Cost, ry.Cost)
			t.Findings += len(ry.Findings)
			if ry.Binding != adjust.BindNone {
				if t.Bound == nil {
					t.Bound = map[adjust.Binding]int{}
				}
				t.Bound[ry.Binding]++
			}
		}
	}
	var years []int
	for _, y := range r.Columns[0].Result.Years {
		years = append(years, y.Year)
	}
	r.Years = make([]Year, len(years))
	for i := range r.Regions {
		t := &r.Regions[i]
		if !t.Revenue.IsZero() {
			if b, err := t.Cost.Local.Ratio(t.Revenue, 6, benefit.HalfUp); err == nil {
				t.Burden = &b
			}
		}
		k := slices.Index(years, t.Year)
		y := &r.Years[k]
		y.Year = t.Year
		y.Beneficiaries += t.Beneficiaries
		y.Cost = add(y.Cost, t.Cost)
		y.Findings += t.Findings
	}
}

func add(a, b region.Split) region.Split {
	return region.Split{Total: a.Total.Add(b.Total), Central: a.Central.Add(b.Central), Local: a.Local.Add(b.Local)}
}
