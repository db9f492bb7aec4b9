package scenario

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/internal/input"
	"github.com/benefitstd/benefitstd/region"
)

// maxHorizon bounds Horizon, in years.
const maxHorizon = 100

func fieldErr(field string, err error, format string, args ...any) error {
	return &benefit.RecordError{Field: field, Err: fmt.Errorf("%w: "+format, append([]any{err}, args...)...)}
}

// Check validates what needs neither the floor path nor the engine: the
// years (Horizon 1-100), the effective and revenue months, the growth
// rates, the regions (a code tab resolves, given once; counts, levels
// and revenue not negative), the rule's and the constraints' fields,
// the floor projection's own fields, and that every driver the rule and
// the fiscal cap read is given for every region and year
// (ErrMissingAssumption, naming the field that reads it). tab is the
// region table the run uses (adjust.Options.Regions with the scenario's
// cost rules); nil means
// region.Default(). Every error is a *benefit.RecordError whose Field is
// the JSON path of the offending value. adjust.Validate runs Check, then
// the checks that need the catalogue, the floors and the engine.
func (s *Scenario) Check(tab *region.Table) error {
	if tab == nil {
		tab = region.Default()
	}
	if s.Horizon < 1 || s.Horizon > maxHorizon {
		return fieldErr("horizon", benefit.ErrRange, "%d years (want 1-%d)", s.Horizon, maxHorizon)
	}
	if s.StartYear <= benefit.MinYear || s.StartYear+s.Horizon > benefit.MaxYear {
		return fieldErr("start_year", benefit.ErrRange, "%d (want %d-%d)", s.StartYear, benefit.MinYear+1, benefit.MaxYear-s.Horizon)
	}
	if s.EffectiveMonth < 0 || s.EffectiveMonth > 12 {
		return fieldErr("effective_month", benefit.ErrRange, "%d (want 1-12, or 0 for January)", s.EffectiveMonth)
	}
	if s.RevenueYear != 0 && (s.RevenueYear < benefit.MinYear || s.RevenueYear > s.baseYear()) {
		return fieldErr("revenue_year", benefit.ErrRange, "%d (want %d-%d, at most the base year)", s.RevenueYear, benefit.MinYear, s.baseYear())
	}
	if err := checkRates("assumptions", &s.Assumptions); err != nil {
		return err
	}
	if err := checkYears("years", s.Years); err != nil {
		return err
	}
	if len(s.Regions) == 0 {
		return fieldErr("regions", benefit.ErrSyntax, "no regions")
	}
	seen := map[region.Code]int{}
	for i := range s.Regions {
		r := &s.Regions[i]
		p := func(field string) string { return "regions[" + strconv.Itoa(i) + "]." + field } // on error only
		if !r.Code.IsValid() {
			return fieldErr(p("code"), region.ErrInvalidCode, "missing code")
		}
		if _, err := tab.Resolve(r.Code); err != nil {
			return &benefit.RecordError{Field: p("code"), Err: err}
		}
		if j, dup := seen[r.Code]; dup {
			return fieldErr(p("code"), benefit.ErrSyntax, "region %s already given as regions[%d]", r.Code, j)
		}
		seen[r.Code] = i
		if r.Beneficiaries < 0 {
			return fieldErr(p("beneficiaries"), benefit.ErrNegative, "%d", r.Beneficiaries)
		}
		if r.Beneficiaries > input.MaxPersons {
			return fieldErr(p("beneficiaries"), benefit.ErrRange, "%d (more than %d persons)", r.Beneficiaries, int64(input.MaxPersons))
		}
		if r.Level.Sign() < 0 {
			return fieldErr(p("level"), benefit.ErrNegative, "%s", r.Level)
		}
		if r.Revenue.Sign() < 0 {
			return fieldErr(p("revenue"), benefit.ErrNegative, "%s", r.Revenue)
		}
		if r.Assumptions != (Assumptions{}) {
			if err := checkRates(p("assumptions"), &r.Assumptions); err != nil {
				return err
			}
		}
		if len(r.Years) > 0 {
			if err := checkYears(p("years"), r.Years); err != nil {
				return err
			}
		}
	}
	if err := s.Rule.validate("rule", 0); err != nil {
		return err
	}
	if err := s.Constraints.validate(); err != nil {
		return err
	}
	// no path (no history, shipped year or projection): a programme
	// without a national floor, or an error of Project
	if f := &s.Floor; len(f.History) > 0 || f.ShippedThrough != 0 || f.Projection != (floor.Trend{}) {
		if err := s.Floor.Projection.Validate(); err != nil {
			if re, ok := errors.AsType[*benefit.RecordError](err); ok {
				re.Field = "floor." + re.Field
			}
			return err
		}
	}
	return s.checkAssumptions()
}

func checkYears(path string, ys []YearAssumptions) error {
	seen := map[int]int{}
	for i, y := range ys {
		if y.Year < benefit.MinYear || y.Year > benefit.MaxYear {
			return fieldErr(fmt.Sprintf("%s[%d].year", path, i), benefit.ErrRange, "%d", y.Year)
		}
		if j, dup := seen[y.Year]; dup {
			return fieldErr(fmt.Sprintf("%s[%d].year", path, i), benefit.ErrSyntax, "year %d already given in %s[%d]", y.Year, path, j)
		}
		seen[y.Year] = i
		if err := checkRates(fmt.Sprintf("%s[%d]", path, i), &ys[i].Assumptions); err != nil {
			return err
		}
	}
	return nil
}

// checkRates rejects a growth rate below −100 %: no figure can shrink
// by more than all of itself, and a negative revenue or count would make
// every later figure meaningless.
func checkRates(path string, a *Assumptions) error {
	for _, r := range []struct {
		name string
		v    *benefit.Rate
	}{{"gdp_growth", a.GDPGrowth}, {"cpi", a.CPI}, {"wage_growth", a.WageGrowth}, {"revenue_growth", a.RevenueGrowth}, {"beneficiary_growth", a.BeneficiaryGrowth}} {
		if r.v != nil && r.v.Add(benefit.Percent(100)).Sign() < 0 {
			return fieldErr(path+"."+r.name, benefit.ErrRange, "%s (a growth rate is at least -100%%)", r.v)
		}
	}
	return nil
}
