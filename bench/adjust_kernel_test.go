package bench

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// The float64 kernel of adjust.Run, for the benchmarks' ratio only:
// nothing in the library computes money in float64. It does the work
// adjust.Run does for the benchmark's scenario, no less:
//
//   - it reads the scenario's figures (adjF, the Scenario as plain
//     numbers) and validates them: every region's code in the region
//     table (its fiscal tier and name looked up there), counts and
//     amounts not negative, no region twice;
//   - it hashes the scenario's canonical JSON (regions sorted by code)
//     with SHA-256, as the run record does (beside the workers when there
//     are several, as adjust.Run does);
//   - it projects the national floor path month by month (history, then
//     +Step each January) and looks each year's assumptions up (the
//     scenario's value for the year, else its default);
//   - it runs regions on the given number of workers, each year of a
//     region: persons and revenue grown and rounded, the rule's proposal
//     (pass-through + wage and CPI indexation) rounded to the grid, the
//     floor and no-cut bounds rounded up, the step cap down, the yearly
//     cost month by month with the central share of each month's floor
//     part by fiscal tier, the fiscal cap solved in closed form over grid
//     steps, the transfer of an infeasible year, the burden to six
//     decimals; every field of adjust.RegionYear the result keeps, written
//     in its sorted place;
//   - it checks the levels against the floor month by month and for cuts
//     in the region's worker, keeping each finding with its figures and
//     arrears on its row;
//   - it sums each year's totals in the workers, merges them, and computes
//     the minimum, maximum, population-weighted mean, max/min ratio,
//     coefficient of variation and population-weighted Gini of the levels
//     (sorted), year by year on the workers.
//
// It is not exact: binary fractions, so a tie such as 250 × 1.4 % = 3.5
// may round either way (TestAdjustKernelsAgree bounds how often).

// adjF is the benchmark's scenario as the float64 kernel reads it:
// amounts in yuan, rates as fractions.
type adjF struct {
	Name, Program    string
	StartYear        int
	Horizon          int
	Month            int     // effective month, 1-12
	Unit             float64 // the rounding grid in yuan (half-up)
	CPI, Wage        float64 // the scenario's defaults
	RevGrowth        float64
	BenGrowth        float64
	Years            []adjFYear // the scenario's values for single years
	History          []adjFVersion
	Step             float64 // the floor's projection: +Step every January
	PassThroughs     int
	WageWeight       float64
	CPIWeight        float64
	Offset           float64
	Rule             string
	MaxStepPct       float64
	CapPct           float64
	FloorShare       map[region.Tier]float64 // the centre's share of the floor part, by fiscal tier
	Regions          []adjFRegion
	AllowCuts, NoCap bool
}

type adjFYear struct {
	Year                            int
	CPI, Wage, RevGrowth, BenGrowth *float64
}

type adjFVersion struct {
	From   int // months since year 0: 12·year + month − 1
	Amount float64
	Status benefit.Status
}

type adjFRegion struct {
	Code           region.Code
	N              int64
	Level, Revenue float64
}

// adjFRow is adjust.RegionYear in float64.
type adjFRow struct {
	Region                              region.Code
	Name                                string
	Year                                int
	Level, Previous, Increase, Proposed float64
	Rule                                string
	Binding                             adjust.Binding
	Floor                               float64
	FloorStatus                         benefit.Status
	Headroom                            float64
	N                                   int64
	Total, Central, Local, Revenue      float64
	Burden, Cap                         float64
	HasBurden, HasCap, Infeasible       bool
	Transfer                            float64
	Findings                            []adjFFinding
}

// adjFFinding is a floor-check finding: the rule, the months it covers,
// the figures and what is owed.
type adjFFinding struct {
	Rule                                 string
	From, To                             int
	Required, Actual, Shortfall, Arrears float64
	Message                              string
}

// adjFYearSum is adjust.YearSummary in float64.
type adjFYearSum struct {
	Year                             int
	Floor                            float64
	Regions                          int
	N                                int64
	Total, Central, Local            float64
	Transfer                         float64
	Infeasible, Findings             int
	Min, Max, Mean, MaxMin, CV, Gini float64
	weighted                         float64
}

type adjFResult struct {
	Hash   string
	Floors []float64
	Years  []adjFYearSum
	Rows   []adjFRow
}

// adjFPoint is one region's level and persons in a year, for the
// dispersion statistics.
type adjFPoint struct{ x, w float64 }

func adjRound(x, unit float64) float64 { return math.Round(x/unit) * unit }
func adjCents(x float64) float64       { return math.Round(x*100) / 100 }

// adjFloatRun runs f on the given number of workers (0: GOMAXPROCS),
// checking the levels against the floor when check is set.
func adjFloatRun(f *adjF, tab *region.Table, workers int, check bool) (*adjFResult, error) {
	if f.Horizon < 1 || f.Horizon > 100 || f.Month < 1 || f.Month > 12 || len(f.Regions) == 0 {
		return nil, errors.New("bad scenario")
	}
	n, hz := len(f.Regions), f.Horizon
	tiers := make([]region.Tier, n)
	names := make([]string, n)
	order := make([]int, n)
	for i := range f.Regions {
		r := &f.Regions[i]
		tr, err := tab.Tier(r.Code)
		if err != nil {
			return nil, fmt.Errorf("regions[%d].code: %w", i, err)
		}
		if r.N < 0 || r.Level < 0 || r.Revenue < 0 || math.IsNaN(r.Level+r.Revenue) {
			return nil, fmt.Errorf("regions[%d]: negative", i)
		}
		tiers[i], names[i], order[i] = tr, tab.Name(r.Code), i
	}
	slices.SortFunc(order, func(a, b int) int { return f.Regions[a].Code.Compare(f.Regions[b].Code) })
	for k := 1; k < n; k++ {
		if f.Regions[order[k]].Code == f.Regions[order[k-1]].Code {
			return nil, fmt.Errorf("region %s twice", f.Regions[order[k]].Code)
		}
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	// the hash of the canonical form (regions sorted by code), beside
	// the workers when there are several, as adjust.Run takes it
	type hashed struct {
		sum string
		err error
	}
	hashc := make(chan hashed, 1)
	hash := func() {
		c := *f
		c.Regions = make([]adjFRegion, n)
		for k, ri := range order {
			c.Regions[k] = f.Regions[ri]
		}
		canon, err := json.Marshal(&c)
		sum := sha256.Sum256(canon)
		hashc <- hashed{hex.EncodeToString(sum[:]), err}
	}
	if workers > 1 {
		go hash()
	} else {
		hash()
	}
	res := &adjFResult{}

	// the floor of each month from the base year, and of each year from
	// the effective month
	base := f.StartYear - 1
	last := f.History[len(f.History)-1]
	floorAt := func(m int) (float64, benefit.Status) {
		if y := m / 12; y > last.From/12 {
			return last.Amount + f.Step*float64(y-last.From/12), benefit.Projected
		}
		a, st := 0.0, benefit.Status(0)
		for _, v := range f.History {
			if v.From <= m {
				a, st = v.Amount, v.Status
			}
		}
		return a, st
	}
	mf := make([][12]float64, hz+1)
	yf := make([]float64, hz+1)
	ys := make([]benefit.Status, hz+1)
	for i := range mf {
		best := -1.0
		for mo := range 12 {
			a, st := floorAt((base+i)*12 + mo)
			mf[i][mo] = a
			if mo+1 >= f.Month && a > best {
				best, ys[i] = a, st
			}
		}
		yf[i] = best
	}
	res.Floors = yf
	// the assumptions of each year
	type yearRates struct{ gN, gR, g float64 }
	rates := make([]yearRates, hz)
	for i := range rates {
		y := f.StartYear + i
		cpi, wage, rg, bg := f.CPI, f.Wage, f.RevGrowth, f.BenGrowth
		for _, v := range f.Years {
			if v.Year != y {
				continue
			}
			for _, o := range []struct {
				dst *float64
				src *float64
			}{{&cpi, v.CPI}, {&wage, v.Wage}, {&rg, v.RevGrowth}, {&bg, v.BenGrowth}} {
				if o.src != nil {
					*o.dst = *o.src
				}
			}
		}
		rates[i] = yearRates{gN: 1 + bg, gR: 1 + rg, g: f.WageWeight*wage + f.CPIWeight*cpi + f.Offset}
	}

	rows := make([]adjFRow, n*hz)
	points := make([][]adjFPoint, hz)
	for i := range points {
		points[i] = make([]adjFPoint, n)
	}
	sums := make([][]adjFYearSum, workers)
	u := f.Unit

	// runRegion runs the region of rank k into its rows and adds them to acc.
	runRegion := func(k int, acc []adjFYearSum) {
		ri := order[k]
		r := &f.Regions[ri]
		share := f.FloorShare[tiers[ri]]
		out := rows[k*hz : (k+1)*hz]
		level, persons, rev := r.Level, float64(r.N), r.Revenue
		for i := range hz {
			ry := &rates[i]
			persons = max(math.Round(persons*ry.gN), 0)
			rev = adjCents(rev * ry.gR)
			fl, prevFl := yf[i+1], yf[i]
			prop := max(adjRound(level+float64(f.PassThroughs)*(fl-prevFl)+level*ry.g, u), 0)
			hard, hardBy := math.Ceil(fl/u)*u, adjust.BindFloor
			if !f.AllowCuts {
				if nc := math.Ceil(level/u) * u; nc > hard {
					hard, hardBy = nc, adjust.BindNoCut
				}
			}
			target, bind := prop, adjust.BindNone
			if f.MaxStepPct > 0 {
				if m := math.Floor(level*(1+f.MaxStepPct)/u) * u; m < target {
					target, bind = m, adjust.BindMaxStepPercent
				}
			}
			if target < hard {
				target, bind = hard, hardBy
			}
			// the year's cost at level x, month by month: last year's level
			// before the effective month
			cost := func(x float64) (total, central float64) {
				var fp float64
				for mo := range 12 {
					l := x
					if mo+1 < f.Month {
						l = level
					}
					total += l * persons
					fp += min(l, mf[i+1][mo]) * persons
				}
				return total, adjCents(fp * share)
			}
			// the centre's share is the same for every level from hard up,
			// so that the local share k·u·per − central is at most the cap
			// for k ≤ (cap + central) ÷ (per·u)
			total, central := cost(target)
			lv, infeasible := target, false
			capF := math.Floor(rev*f.CapPct*100) / 100
			if !f.NoCap && total-central > capF {
				totalH, cf := cost(hard)
				if totalH-cf > capF {
					lv, infeasible, bind = hard, true, hardBy
					total, central = totalH, cf
				} else {
					per := 12 * persons
					k := math.Floor((capF + cf) / (per * u))
					lv, bind = min(max(k*u, hard), target-u), adjust.BindFiscalCap
					total, central = cost(lv)
				}
			}
			local := total - central
			row := adjFRow{
				Region: r.Code, Name: names[ri], Year: f.StartYear + i,
				Level: lv, Previous: level, Increase: lv - level, Proposed: prop,
				Rule: f.Rule, Binding: bind, Floor: fl, FloorStatus: ys[i+1], Headroom: lv - fl,
				N: int64(persons), Total: total, Central: central, Local: local, Revenue: rev,
				Infeasible: infeasible,
			}
			if !f.NoCap {
				row.Cap, row.HasCap = capF, true
			}
			if infeasible {
				row.Transfer = local - capF
			}
			if rev != 0 {
				row.Burden, row.HasBurden = math.Round(local/rev*1e6)/1e6, true
			}
			if check {
				// the floor in every month of the year, and no cut
				for mo := range 12 {
					paid := lv
					if mo+1 < f.Month {
						paid = level
					}
					if need := mf[i+1][mo]; paid < need {
						m := (f.StartYear+i)*12 + mo
						row.Findings = append(row.Findings, adjFFinding{Rule: "floor", From: m, To: m + 1, Required: need, Actual: paid,
							Shortfall: need - paid, Arrears: adjCents((need - paid) * persons), Message: "level below the national floor"})
					}
				}
				if lv < level {
					m := (f.StartYear+i)*12 + f.Month - 1
					row.Findings = append(row.Findings, adjFFinding{Rule: "no_cut", From: m, Required: level, Actual: lv, Shortfall: level - lv, Message: "level cut"})
				}
			}
			out[i] = row
			points[i][k] = adjFPoint{x: lv, w: persons}
			a := &acc[i]
			if a.Regions == 0 || lv < a.Min {
				a.Min = lv
			}
			if a.Regions == 0 || lv > a.Max {
				a.Max = lv
			}
			a.Regions++
			a.N += row.N
			a.Total += total
			a.Central += central
			a.Local += local
			a.Transfer += row.Transfer
			a.weighted += lv * persons
			a.Findings += len(row.Findings)
			if infeasible {
				a.Infeasible++
			}
			level = lv
		}
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := range workers {
		sums[w] = make([]adjFYearSum, hz)
		wg.Go(func() {
			for k := range jobs {
				runRegion(k, sums[w])
			}
		})
	}
	for k := range n {
		jobs <- k
	}
	close(jobs)
	wg.Wait()

	// merge the workers' sums in worker order, then the statistics of
	// each year on the workers
	res.Years = make([]adjFYearSum, hz)
	for i := range res.Years {
		y := &res.Years[i]
		y.Year, y.Floor = f.StartYear+i, yf[i+1]
		for w := range sums {
			a := &sums[w][i]
			if a.Regions == 0 {
				continue
			}
			if y.Regions == 0 || a.Min < y.Min {
				y.Min = a.Min
			}
			if y.Regions == 0 || a.Max > y.Max {
				y.Max = a.Max
			}
			y.Regions += a.Regions
			y.N += a.N
			y.Total += a.Total
			y.Central += a.Central
			y.Local += a.Local
			y.Transfer += a.Transfer
			y.weighted += a.weighted
			y.Infeasible += a.Infeasible
			y.Findings += a.Findings
		}
	}
	var next atomic.Int64
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < hz; i = int(next.Add(1) - 1) {
				adjDispersion(&res.Years[i], points[i])
			}
		})
	}
	wg.Wait()
	res.Rows = rows
	h := <-hashc
	if h.err != nil {
		return nil, h.err
	}
	res.Hash = h.sum
	return res, nil
}

// adjDispersion sets y's mean, max/min ratio, coefficient of variation
// and population-weighted Gini from the year's points (sorted here).
func adjDispersion(y *adjFYearSum, v []adjFPoint) {
	if y.N > 0 {
		y.Mean = adjCents(y.weighted / float64(y.N))
	}
	if y.Min > 0 {
		y.MaxMin = math.Round(y.Max/y.Min*1e6) / 1e6
	}
	slices.SortFunc(v, func(a, b adjFPoint) int { return cmp.Compare(a.x, b.x) })
	var sum, W, WX float64
	for _, p := range v {
		sum += p.x
		W += p.w
		WX += p.w * p.x
	}
	mean := sum / float64(len(v))
	var sq, below, num float64
	for _, p := range v {
		d := p.x - mean
		sq += d * d
		above := W - below - p.w
		num += p.w * p.x * (below - above)
		below += p.w
	}
	if mean > 0 {
		y.CV = math.Round(math.Sqrt(sq/float64(len(v)))/mean*1e6) / 1e6
	}
	if W > 0 && WX > 0 {
		y.Gini = math.Round(num/(W*WX)*1e6) / 1e6
	}
}
