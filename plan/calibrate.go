package plan

import (
	"context"
	"errors"
	"fmt"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/fen"
	"github.com/benefitstd/benefitstd/internal/workers"
)

// ErrCalibrate reports a calibration that cannot be set up: an unknown
// part, a part kind without a parameter, a bad step or target.
var ErrCalibrate = errors.New("plan: cannot calibrate")

// CalibrateOptions tune Calibrate. The zero value is ready to use.
type CalibrateOptions struct {
	// AmountStep is the grid of an amount parameter: the fixed amount (default 1
	// yuan, the unit plans publish fixed amounts in) or a per-year rate
	// (default 0.01 yuan).
	AmountStep benefit.Amount
	// RateStep is the grid of a percentage parameter (default 0.01 %).
	RateStep benefit.Rate
	// Workers as in Options.
	Workers int
}

// A Calibration is the solution of Calibrate: the parameter's value on
// the grid, the aggregate increase it gives, and the cost.
type Calibration struct {
	Part  string `json:"part"`
	Param string `json:"param"` // e.g. "fixed.amount", "years.bands[1].per_year", "percent.rate"
	Value string `json:"value"` // the solved value, "58.00" or "0.87%"
	Step  string `json:"step"`
	// Target is the aggregate increase asked for; Reached is false when
	// the other parts alone already exceed it (Value is then 0).
	Target  benefit.Rate `json:"target"`
	Reached bool         `json:"reached"`
	// AtLimit is true when even the largest value tried (100,000 yuan or
	// 100 %) stays below the target.
	AtLimit bool `json:"at_limit,omitempty"`
	// Percent is the aggregate increase at Value (rounded for display as
	// Report.Percent; it is at or below Target, exactly); NextPercent
	// is the one at Value + Step, above Target.
	Percent     benefit.Rate `json:"percent"`
	NextPercent benefit.Rate `json:"next_percent,omitzero"`
	// Cost is the total increase per month at Value, AnnualCost twelve
	// times it.
	Cost       benefit.Amount `json:"cost"`
	AnnualCost benefit.Amount `json:"annual_cost"`
	// Passes is the number of passes over the population the search took.
	Passes int `json:"passes"`
	// Plan is the plan with the solved value; Report its full result.
	Plan   Plan    `json:"-"`
	Report *Report `json:"-"`
}

// Calibrate solves for one parameter of plan p — the amount of a fixed
// part, the per-year rate of a years part, or the rate of a percent part
// — so that the aggregate increase over pop reaches target, or comes as
// close as the grid allows from below, holding the other parts.
//
// The answer is exact on the grid: it is the largest value k × step
// whose aggregate increase Increase/PriorTotal is at or below target
// (compared exactly, in whole fen), so k + 1 steps exceed it. The
// increase is non-decreasing in each such parameter (minimums, bands and
// top-ups only take maxima), so the search brackets the answer and
// narrows it by interpolation and bisection over the integer grid,
// usually in four to eight passes. The interpolation guess is computed in
// float64; it only chooses where to look, never the answer.
func Calibrate(ctx context.Context, p Plan, pop *Population, part string, target benefit.Rate, opt CalibrateOptions) (*Calibration, error) {
	if _, err := compile(p, ""); err != nil {
		return nil, err
	}
	if pop == nil {
		return nil, fmt.Errorf("%w: no population (nil)", ErrCalibrate)
	}
	if _, err := workers.Count(opt.Workers); err != nil {
		return nil, fmt.Errorf("plan: CalibrateOptions.Workers %d: %w", opt.Workers, err)
	}
	idx := -1
	for i, pt := range p.Parts {
		if pt.ID == part {
			idx = i
		}
	}
	if idx < 0 {
		return nil, fmt.Errorf("%w: plan %s has no part %q", ErrCalibrate, p.ID, part)
	}
	if target.Sign() <= 0 || target.Cmp(benefit.Percent(100)) > 0 {
		return nil, fmt.Errorf("%w: target %s is not above 0 and at most 100%%", ErrCalibrate, target)
	}
	set, param, step, kmax, err := parameter(p, idx, opt)
	if err != nil {
		return nil, err
	}
	if kmax < 1 {
		return nil, fmt.Errorf("%w: step %s is larger than the largest value tried", ErrCalibrate, step)
	}
	cal := &Calibration{Part: part, Param: param, Step: step, Target: target}
	ro := Options{Workers: opt.Workers, light: true}

	var prior, bound int64 // bound: the largest total increase (fen) within target
	cache := map[int64]int64{}
	f := func(k int64) (int64, error) {
		if v, ok := cache[k]; ok {
			return v, nil
		}
		c, err := NewCalculator(set(k))
		if err != nil {
			return 0, err
		}
		a, err := c.run(ctx, pop, ro)
		if err != nil {
			return 0, err
		}
		cal.Passes++
		if cal.Passes == 1 {
			prior = a.prior
			b, _ := benefit.FromFen(prior).MulRate(target).Round(benefit.Rounding{Unit: benefit.Fen, Mode: benefit.Down}).Fen()
			bound = b
		}
		cache[k] = a.inc
		return a.inc, nil
	}
	lo := int64(0)
	flo, err := f(0)
	if err != nil {
		return nil, err
	}
	if prior == 0 {
		return nil, fmt.Errorf("%w: no eligible retiree with a pension in the population", ErrCalibrate)
	}
	switch {
	case flo > bound:
		cal.Reached = false
	default:
		cal.Reached = true
		hi, fhi := int64(-1), int64(0)
		var slope float64 // fen of increase per step, from the last two points within the target
		// probe evaluates k and narrows the bracket lo..hi with it.
		probe := func(k int64) error {
			fk, err := f(k)
			if err != nil {
				return err
			}
			if fk > bound {
				hi, fhi = k, fk
				return nil
			}
			if k > lo {
				slope = float64(fk-flo) / float64(k-lo)
			}
			lo, flo = k, fk
			cal.AtLimit = k == kmax
			return nil
		}
		if err := probe(1); err != nil {
			return nil, err
		}
		interp := true
		for !cal.AtLimit && (hi < 0 || hi-lo > 1) {
			var g int64
			bracketed := hi >= 0
			switch {
			case hi < 0: // no upper bracket yet: extrapolate from the slope
				if slope > 0 {
					g = lo + int64(float64(bound-flo)/slope)
				} else {
					g = 2*lo + 1
				}
				g = min(max(g, lo+1), kmax)
			case interp:
				g = lo + int64(float64(bound-flo)/float64(fhi-flo)*float64(hi-lo))
				g = min(max(g, lo+1), hi-1)
			default:
				g = lo + (hi-lo)/2
			}
			if err := probe(g); err != nil {
				return nil, err
			}
			if bracketed {
				interp = !interp // alternate: interpolation is fast, bisection bounds the passes
			}
			// the answer is usually right beside a guess: probe the neighbour
			if n := g + 1; g == lo && hi > n || hi < 0 && !cal.AtLimit && g == lo && n <= kmax {
				if err := probe(n); err != nil {
					return nil, err
				}
			}
		}
		if hi >= 0 && !cal.AtLimit {
			cal.NextPercent, _ = benefit.FromFen(fhi).Ratio(benefit.FromFen(prior), 6, benefit.HalfUp)
		}
	}
	cal.Plan = set(lo)
	c, err := NewCalculator(cal.Plan)
	if err != nil {
		return nil, err
	}
	s, err := c.Run(ctx, pop, Options{Workers: opt.Workers})
	if err != nil {
		return nil, err
	}
	cal.Report = s
	cal.Value = paramValue(cal.Plan, idx)
	cal.Percent, cal.Cost, cal.AnnualCost = s.Percent, s.Increase, s.Increase.Mul(12)
	return cal, nil
}

// parameter returns a function setting part idx's parameter to k steps,
// its name, the step and the largest k tried.
func parameter(p Plan, idx int, opt CalibrateOptions) (set func(int64) Plan, param, step string, kmax int64, err error) {
	pt := p.Parts[idx]
	amountStep := func(def benefit.Amount) (benefit.Amount, int64, error) {
		s := opt.AmountStep
		if s.IsZero() {
			s = def
		}
		f, err := amountFen(s)
		if err != nil || f == 0 {
			return s, 0, fmt.Errorf("%w: amount step %s must be a positive whole number of fen", ErrCalibrate, s)
		}
		return s, 100_000_00 / f, nil
	}
	switch {
	case pt.Fixed != nil:
		s, km, err := amountStep(benefit.Yuan(1))
		if err != nil {
			return nil, "", "", 0, err
		}
		return func(k int64) Plan {
			q := p.clone()
			q.Parts[idx].Fixed.Amount = s.Mul(k)
			return q
		}, "fixed.amount", s.String(), km, nil
	case pt.Years != nil:
		band := -1
		for j, b := range pt.Years.Bands {
			if !b.PerYear.IsZero() {
				if band >= 0 {
					return nil, "", "", 0, fmt.Errorf("%w: part %q has several per-year rates; calibrate a plan with one", ErrCalibrate, pt.ID)
				}
				band = j
			}
		}
		if band < 0 {
			band = len(pt.Years.Bands) - 1
		}
		s, km, err := amountStep(benefit.FromFen(1))
		if err != nil {
			return nil, "", "", 0, err
		}
		return func(k int64) Plan {
			q := p.clone()
			q.Parts[idx].Years.Bands[band].PerYear = s.Mul(k)
			return q
		}, fmt.Sprintf("years.bands[%d].per_year", band), s.String(), km, nil
	case pt.Percent != nil:
		s := opt.RateStep
		if s.IsZero() {
			s = benefit.MustParseRate("0.01%")
		}
		// the steps up to 100 %: ⌊1 ÷ s⌋
		inv, ok := fen.Decimal(s.Fraction()).Inv()
		kmax, ok2 := fen.MulDiv(1, inv, 0, 1, fen.Down)
		if !ok || !ok2 || s.Sign() <= 0 {
			return nil, "", "", 0, fmt.Errorf("%w: rate step %s must be positive", ErrCalibrate, s)
		}
		return func(k int64) Plan {
			q := p.clone()
			q.Parts[idx].Percent.Rate = s.MulInt(k)
			return q
		}, "percent.rate", s.String(), kmax, nil
	}
	return nil, "", "", 0, fmt.Errorf("%w: part %q is a %s part; only fixed, years and percent parts have a parameter", ErrCalibrate, pt.ID, pt.Kind())
}

func paramValue(p Plan, idx int) string {
	pt := p.Parts[idx]
	switch {
	case pt.Fixed != nil:
		return pt.Fixed.Amount.String()
	case pt.Percent != nil:
		return pt.Percent.Rate.String()
	case pt.Years != nil:
		for _, b := range pt.Years.Bands {
			if !b.PerYear.IsZero() {
				return b.PerYear.String()
			}
		}
	}
	return "0"
}
