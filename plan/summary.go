package plan

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"

	"github.com/benefitstd/benefitstd/benefit"
)

// A Report is a plan applied to a population: counts, exact totals in
// yuan per month, the distribution of increases, totals by part, area
// and age bracket, and the national-level check.
//
// Every total is an exact sum of the per-person amounts (accumulated in
// whole fen), so a Report is the same whatever the number of workers.
type Report struct {
	Plan      string `json:"plan"`
	Year      int    `json:"year"`
	Synthetic bool   `json:"synthetic,omitempty"` // the population was generated, not real

	Retirees   int64         `json:"retirees"` // read
	Eligible   int64         `json:"eligible"`
	Ineligible []ReasonCount `json:"ineligible,omitempty"`

	// PriorTotal is the eligible retirees' basic pensions per month before
	// the adjustment; Increase the sum of their increases per month.
	PriorTotal benefit.Amount `json:"prior_total"`
	Increase   benefit.Amount `json:"increase"`
	NewTotal   benefit.Amount `json:"new_total"`
	// Average is Increase / Eligible, rounded half-up to the fen.
	Average benefit.Amount `json:"average"`
	// Percent is Increase / PriorTotal, the aggregate increase, rounded
	// half-up to 0.0001 %; PercentExact reports whether that rounding
	// lost nothing. Compare the exact ratio with PercentCmp.
	Percent      benefit.Rate `json:"percent"`
	PercentExact bool         `json:"percent_exact"`
	// Arrears is the sum of the arrears owed (补发).
	Arrears benefit.Amount `json:"arrears"`

	Parts       []PartTotal  `json:"parts"`
	Areas       []GroupTotal `json:"areas"`
	Ages        []GroupTotal `json:"ages"`
	Percentiles []Percentile `json:"percentiles"`
	Histogram   []Bin        `json:"histogram"`

	// National is the check against the national overall level of the
	// plan's year; nil when the library has no level for that year.
	National *NationalCheck `json:"national,omitempty"`
}

// A ReasonCount is the number of retirees not eligible for one reason.
type ReasonCount struct {
	Reason   string `json:"reason"`
	Retirees int64  `json:"retirees"`
}

// A PartTotal is one part's total over the eligible retirees.
type PartTotal struct {
	ID       string           `json:"id"`
	Name     string           `json:"name"`
	Retirees int64            `json:"retirees"` // with a non-zero amount from this part
	Total    benefit.Amount   `json:"total"`
	Status   benefit.Status   `json:"status"`
	Citation benefit.Citation `json:"citation"`
}

// A GroupTotal is the totals of a group of eligible retirees (an area
// class, an age bracket).
type GroupTotal struct {
	Group    string         `json:"group"`
	Retirees int64          `json:"retirees"`
	Prior    benefit.Amount `json:"prior"`
	Increase benefit.Amount `json:"increase"`
}

// A Percentile is the P-th percentile of the eligible retirees'
// increases by the nearest-rank method: the smallest increase that at
// least P % of them do not exceed. P 0 is the minimum, P 100 the
// maximum.
type Percentile struct {
	P        int            `json:"p"`
	Increase benefit.Amount `json:"increase"`
}

// A Bin of the histogram counts the eligible retirees whose increase is
// in [From, To).
type Bin struct {
	From     benefit.Amount `json:"from"`
	To       benefit.Amount `json:"to"`
	Retirees int64          `json:"retirees"`
}

// PercentCmp compares the exact aggregate increase Increase/PriorTotal
// with r: -1 below, 0 equal, +1 above. With no prior total it compares 0.
func (s *Report) PercentCmp(r benefit.Rate) int {
	return s.Increase.Cmp(s.PriorTotal.MulRate(r))
}

// age brackets of the summary, by age at the plan's AgeAt
var ageGroups = [...]string{"<60", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+"}

func ageGroup(age int) int {
	if age < 60 {
		return 0
	}
	return min(len(ageGroups)-1, (age-60)/5+1)
}

type group struct{ n, prior, inc int64 }

// denseMax is the increase (in fen) up to which the distribution is
// counted in an array; larger increases go to a map.
const denseMax = 1 << 17

// acc accumulates a run in whole fen; accumulators of several workers
// merge by addition, so the result does not depend on how rows were
// split among them.
//
// The workers update their accumulators for every row: padding keeps two
// of them (and their part totals) off each other's cache lines, which
// would otherwise bounce between the cores and undo the parallelism.
type acc struct {
	_                   [cacheLinePad]byte
	count, elig         int64
	inel                [nReasons]int64
	prior, inc, arrears int64
	partSum, partN      []int64
	area                [maxArea + 1]group
	age                 [len(ageGroups)]group
	// ovf has its sign bit set once a total passed math.MaxInt64: every
	// summand is non-negative and at most maxPersonFen, so a total that
	// overflows turns negative at that addition, and OR-ing the totals
	// into ovf after each addition keeps the sign. Group and part totals
	// never exceed prior and inc, so these three are enough.
	ovf   int64
	light bool    // totals only (calibration passes)
	dense []int64 // count of increases by fen, below denseMax
	over  map[int64]int64
	_     [cacheLinePad]byte
}

// cacheLinePad is two cache lines: the lines neighbours share, and the
// one the adjacent-line prefetcher fetches with them.
const cacheLinePad = 128

// padded returns n zero int64s that share no cache line with any other
// object.
func padded(n int) []int64 {
	const p = cacheLinePad / 8
	return make([]int64, n+2*p)[p : p+n : p+n]
}

func newAcc(nparts int, light bool) *acc {
	a := &acc{partSum: padded(nparts), partN: padded(nparts), light: light}
	if !light {
		a.dense = make([]int64, denseMax)
		a.over = map[int64]int64{}
	}
	return a
}

func (a *acc) merge(b *acc) {
	a.count += b.count
	a.elig += b.elig
	for i := range a.inel {
		a.inel[i] += b.inel[i]
	}
	a.prior += b.prior
	a.inc += b.inc
	a.arrears += b.arrears
	a.ovf |= b.ovf | a.prior | a.inc | a.arrears
	for i := range a.partSum {
		a.partSum[i] += b.partSum[i]
		a.partN[i] += b.partN[i]
	}
	for i := range a.area {
		a.area[i].n += b.area[i].n
		a.area[i].prior += b.area[i].prior
		a.area[i].inc += b.area[i].inc
	}
	for i := range a.age {
		a.age[i].n += b.age[i].n
		a.age[i].prior += b.age[i].prior
		a.age[i].inc += b.age[i].inc
	}
	if !a.light {
		for i, n := range b.dense {
			a.dense[i] += n
		}
		for k, n := range b.over {
			a.over[k] += n
		}
	}
}

// ErrTotals reports a population whose totals are too large to be
// summed exactly in an int64 of fen (about 92 thousand billion yuan);
// run it in parts.
var ErrTotals = errors.New("plan: totals beyond an int64 of fen")

// check reports whether the totals overflowed, the new total (prior +
// increase) included.
func (a *acc) check() error {
	if a.ovf|a.prior|a.inc|a.arrears|(a.prior+a.inc) < 0 {
		return fmt.Errorf("%w: the population's totals exceed %s yuan; run it in parts", ErrTotals, fenString(math.MaxInt64))
	}
	return nil
}

// summary builds the Report of a merged accumulator.
func (c *Calculator) summary(a *acc) *Report {
	s := &Report{Plan: c.plan.ID, Year: c.plan.Effective.Year(), Retirees: a.count, Eligible: a.elig,
		PriorTotal: benefit.FromFen(a.prior), Increase: benefit.FromFen(a.inc), NewTotal: benefit.FromFen(a.prior + a.inc),
		Arrears: benefit.FromFen(a.arrears)}
	for r := reason(1); r < nReasons; r++ {
		if a.inel[r] > 0 {
			s.Ineligible = append(s.Ineligible, ReasonCount{reasonText[r], a.inel[r]})
		}
	}
	if a.elig > 0 {
		s.Average, _ = s.Increase.QuoInt(a.elig, benefit.FenHalfUp())
	}
	if a.prior > 0 {
		s.Percent, _ = s.Increase.Ratio(s.PriorTotal, 6, benefit.HalfUp)
		s.PercentExact = s.PercentCmp(s.Percent) == 0
	}
	for i, pt := range c.plan.Parts {
		s.Parts = append(s.Parts, PartTotal{ID: pt.ID, Name: pt.Name, Retirees: a.partN[i], Total: benefit.FromFen(a.partSum[i]), Status: pt.Status, Citation: pt.Citation})
	}
	for i, g := range a.area {
		if g.n > 0 {
			name := "class " + strconv.Itoa(i)
			if i == 0 {
				name = "none"
			}
			s.Areas = append(s.Areas, GroupTotal{name, g.n, benefit.FromFen(g.prior), benefit.FromFen(g.inc)})
		}
	}
	for i, g := range a.age {
		if g.n > 0 {
			s.Ages = append(s.Ages, GroupTotal{ageGroups[i], g.n, benefit.FromFen(g.prior), benefit.FromFen(g.inc)})
		}
	}
	if !a.light && a.elig > 0 {
		s.Percentiles, s.Histogram = distribution(a)
	}
	if nl, ok := NationalAdjustmentFor(s.Year); ok && a.prior > 0 {
		s.National = nationalCheck(s, nl)
	}
	return s
}

// distribution returns the percentiles and a histogram of the exact
// counts of increases.
func distribution(a *acc) ([]Percentile, []Bin) {
	type kv struct{ fen, n int64 }
	var vals []kv // ascending
	for f, n := range a.dense {
		if n > 0 {
			vals = append(vals, kv{int64(f), n})
		}
	}
	for _, f := range slices.Sorted(maps.Keys(a.over)) {
		vals = append(vals, kv{f, a.over[f]})
	}
	total := a.elig
	var ps []Percentile
	for _, p := range []int64{0, 1, 5, 10, 25, 50, 75, 90, 95, 99, 100} {
		rank := max(1, (p*total+99)/100)
		var cum int64
		for _, v := range vals {
			cum += v.n
			if cum >= rank {
				ps = append(ps, Percentile{int(p), benefit.FromFen(v.fen)})
				break
			}
		}
	}
	lo, hi := vals[0].fen, vals[len(vals)-1].fen
	width := int64(100) // fen; 1, 2, 5 × 10^k yuan
	for step := 0; ; step++ {
		start := lo / width * width
		if (hi-start)/width+1 <= 12 {
			break
		}
		switch step % 3 {
		case 0, 2:
			width *= 2 // 1 → 2, 5 → 10
		case 1:
			width = width / 2 * 5 // 2 → 5
		}
	}
	start := lo / width * width
	bins := make([]Bin, (hi-start)/width+1)
	for i := range bins {
		f := start + int64(i)*width
		bins[i] = Bin{From: benefit.FromFen(f), To: benefit.FromFen(f + width)}
	}
	for _, v := range vals {
		bins[(v.fen-start)/width].Retirees += v.n
	}
	return ps, bins
}
