package adjust

import (
	"context"
	"fmt"
	"time"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/plan"
	"github.com/benefitstd/benefitstd/scenario"
)

// retireeProgram is the programme of the retirees' basic pensions, the
// one the national overall level caps.
const retireeProgram = "pension.retiree.basic"

// maxSyntheticRetirees bounds the synthetic retirees of a scenario, all
// regions together, so that no scenario makes a run's time grow beyond
// a few seconds per million.
const maxSyntheticRetirees = 10_000_000

// A RetireeYear is one year of a retirees' pension adjustment in a
// region.
type RetireeYear struct {
	// National is the national overall level of the year and its status
	// (legislated when shipped, projected when the scenario gives it);
	// nil without scenario.Constraints.NationalRate.
	National       *benefit.Rate  `json:"national_rate,omitempty"`
	NationalStatus benefit.Status `json:"national_status,omitzero"`
	// IncreaseCost is the cost of the year's increase: the year's cost
	// less what last year's level would have cost the same persons (12 ×
	// beneficiaries × the increase from January; 13 − m months of it from
	// effective month m), or, in the year of a plan, 12 × the sum of the
	// per-person increases (plan.Report's Increase). The central
	// subsidy's share of it is in Cost.Central.
	IncreaseCost benefit.Amount `json:"increase_cost"`
	// Plan is the plan applied person by person in this year (the first
	// simulated year of a region with a scenario.RegionPlan), nil otherwise.
	Plan *plan.Report `json:"plan,omitempty"`
	// Exceeds is set when the plan's aggregate increase is above the
	// national overall level of the year (decided exactly,
	// plan.Report.PercentCmp).
	Exceeds bool `json:"exceeds,omitempty"`
}

// nationalYear is the national rate of one simulated year.
type nationalYear struct {
	rate   benefit.Rate
	status benefit.Status
}

// nationalRates resolves the national rate of every simulated year.
func nationalRates(s *scenario.Scenario) ([]nationalYear, error) {
	nc := s.Constraints.NationalRate
	if nc == nil {
		return nil, nil
	}
	if s.Program != retireeProgram {
		return nil, fieldErr("constraints.national_rate", benefit.ErrSyntax, "the national overall level caps %s only, not %s", retireeProgram, s.Program)
	}
	given := map[int]int{}
	for i, r := range nc.Rates {
		if l, ok := plan.NationalAdjustmentFor(r.Year); ok {
			return nil, fieldErr(fmt.Sprintf("constraints.national_rate.rates[%d].year", i), benefit.ErrSyntax,
				"the national level of %d is shipped (%s, %s: %s); leave it out", r.Year, l.Rate, l.Status, l.Citation.Title)
		}
		given[r.Year] = i
	}
	out := make([]nationalYear, s.Horizon)
	for i := range out {
		y := s.StartYear + i
		if l, ok := plan.NationalAdjustmentFor(y); ok {
			out[i] = nationalYear{rate: l.Rate, status: l.Status}
			continue
		}
		j, ok := given[y]
		if !ok {
			return nil, fieldErr("constraints.national_rate.rates", scenario.ErrMissingAssumption,
				"no national overall level for %d: the library ships %s, give later years in rates", y, shippedNational())
		}
		out[i] = nationalYear{rate: nc.Rates[j].Rate, status: benefit.Projected}
	}
	return out, nil
}

// shippedNational says which years plan.NationalAdjustments covers.
func shippedNational() string {
	ls := plan.NationalAdjustments()
	if len(ls) == 0 {
		return "none"
	}
	return fmt.Sprintf("%d-%d", ls[0].Year, ls[len(ls)-1].Year)
}

// planRun is a region's plan ready to run over its population.
type planRun struct {
	calc      *plan.Calculator
	src       plan.Source
	synthetic bool
}

// checkPlans checks each region's plan and readies it, in prepare:
// runs[ri] is region ri's (nil without a plan). Nothing is run yet.
func (p *prepared) checkPlans(o *Options) ([]*planRun, error) {
	s := p.s
	var runs []*planRun
	synthetic := 0
	for ri := range s.Regions {
		r := &s.Regions[ri]
		path := fmt.Sprintf("regions[%d].plan", ri)
		pop, given := o.Populations[r.Code]
		if r.Plan == nil {
			if given {
				return nil, fieldErr(path, benefit.ErrSyntax, "Options.Populations gives retirees for region %s, which applies no plan", r.Code)
			}
			continue
		}
		if s.Program != retireeProgram {
			return nil, fieldErr(path, benefit.ErrSyntax, "a plan adjusts %s, not %s", retireeProgram, s.Program)
		}
		pl, err := plan.Builtin(r.Plan.ID)
		if err != nil {
			return nil, &benefit.RecordError{Field: path + ".id", Err: err}
		}
		switch {
		case pl.Effective.Year() != s.StartYear:
			return nil, fieldErr(path+".id", benefit.ErrRange, "plan %s is of %d; a region's plan applies in the first simulated year, %d", pl.ID, pl.Effective.Year(), s.StartYear)
		case pl.Region != r.Code:
			return nil, fieldErr(path+".id", benefit.ErrSyntax, "plan %s is of region %s, not %s", pl.ID, pl.Region, r.Code)
		case pl.Effective.Month() != time.Month(p.month):
			return nil, fieldErr("effective_month", benefit.ErrSyntax, "plan %s takes effect in %s; the scenario's levels take effect in month %d", pl.ID, pl.Effective, p.month)
		case r.Beneficiaries != 0 || !r.Level.IsZero():
			return nil, fieldErr(fmt.Sprintf("regions[%d].beneficiaries", ri), benefit.ErrSyntax, "region %s applies plan %s: its retirees and their average pension come from the population; leave beneficiaries and level out", r.Code, pl.ID)
		case r.Plan.Population != nil && given:
			return nil, fieldErr(path+".population", benefit.ErrSyntax, "region %s has a population in the scenario and in Options.Populations; give one", r.Code)
		case r.Plan.Population == nil && (!given || pop == nil):
			return nil, fieldErr(path+".population", scenario.ErrMissingAssumption, "region %s applies plan %s to no retirees: give population or Options.Populations", r.Code, pl.ID)
		}
		calc, err := plan.NewCalculator(pl)
		if err != nil {
			return nil, &benefit.RecordError{Field: path + ".id", Err: err}
		}
		pr := &planRun{calc: calc, src: pop}
		if sp := r.Plan.Population; sp != nil {
			if sp.Retirees < 1 || sp.Retirees > maxSyntheticRetirees-synthetic {
				return nil, fieldErr(path+".population.retirees", benefit.ErrRange, "%d (want 1 or more, and at most %d synthetic retirees in all regions together)", sp.Retirees, maxSyntheticRetirees)
			}
			synthetic += sp.Retirees
			pr.src, pr.synthetic = plan.Synthetic(sp.Seed, sp.Retirees, pl.RetiredBy), true
		}
		if runs == nil {
			runs = make([]*planRun, len(s.Regions))
		}
		runs[ri] = pr
	}
	return runs, nil
}

// runPlans applies each region's plan to its population before the
// regions run: p.dom.sums[ri] is region ri's summary.
func (p *prepared) runPlans(ctx context.Context) error {
	d := p.dom
	if d == nil || d.plans == nil {
		return nil
	}
	d.sums = make([]*plan.Report, len(d.plans))
	for ri, pr := range d.plans {
		if pr == nil {
			continue
		}
		sum, err := pr.calc.Run(ctx, pr.src, plan.Options{Synthetic: pr.synthetic})
		if err != nil {
			return &benefit.RecordError{Field: fmt.Sprintf("regions[%d].plan", ri), Err: err}
		}
		if sum.Eligible == 0 {
			return fieldErr(fmt.Sprintf("regions[%d].plan.population", ri), benefit.ErrRange, "no retiree of region %s is eligible for plan %s", p.s.Regions[ri].Code, sum.Plan)
		}
		d.sums[ri] = sum
	}
	return nil
}
