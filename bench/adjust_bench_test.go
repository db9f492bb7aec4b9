package bench

import (
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// The adjustment benchmarks run 2,850 regions (about the number of
// county-level divisions) over 30 years: 85,500 region-years.
const (
	adjustRegions = 2850
	adjustYears   = 30
)

// adjustSynth is a generated scenario and the same inputs as plain
// numbers for the float64 reference kernel.
type adjustSynth struct {
	s adjust.Scenario
	f []fRegion
}

type fRegion struct {
	level, revenue float64 // yuan
	n              float64 // persons
	floorShare     float64 // central share of the floor part (1 or 0.5)
}

// newAdjustSynth generates, deterministically, 2,850 regions: the first
// 2,850 county-level divisions of the 2023 table that are not
// statistical-only (of 2,851), each with 20,000-200,000
// beneficiaries, a level of 143-443 yuan and a general budget revenue of
// 2-20 亿 per 10,000 beneficiaries; the rule passes the national +20
// through and adds 20 % × wage growth + 20 % × CPI; the constraints are
// the floor, no cut, a 15 % maximum step and a fiscal cap of 2 % of
// revenue, so that every constraint binds somewhere.
func newAdjustSynth(tb testing.TB) *adjustSynth {
	tb.Helper()
	rng := rand.New(rand.NewPCG(2850, 30))
	tab := region.Default()
	var counties []region.Code
	for d := range tab.All() {
		if d.Rank == region.County && !d.StatisticalOnly {
			counties = append(counties, d.Code)
		}
	}
	out := &adjustSynth{}
	s := adjust.Scenario{
		Name: "bench 2850 x 30", Illustrative: true, Program: "pension.resident.basic",
		StartYear: 2025, Horizon: adjustYears,
		Assumptions: adjust.Assumptions{CPI: new(benefit.Percent(2)), WageGrowth: new(benefit.Percent(5)),
			RevenueGrowth: new(benefit.Percent(3)), BeneficiaryGrowth: new(benefit.Percent(1))},
		Floor: floor.Path{
			History: []benefit.Version{
				{From: benefit.NewMonth(2024, 1), Amount: benefit.Yuan(123), Status: benefit.Legislated},
				{From: benefit.NewMonth(2025, 1), Amount: benefit.Yuan(143), Status: benefit.Legislated},
			},
			Projection: floor.StepTrend(benefit.Yuan(20)),
		},
		Rule: adjust.Sum(adjust.PassThrough(), adjust.Indexation(benefit.Percent(20), benefit.Percent(20), benefit.Rate{})),
		Constraints: adjust.Constraints{MaxStepPercent: new(benefit.Percent(15)),
			FiscalCap: &adjust.FiscalCap{Basis: adjust.OfRevenue, Percent: benefit.Percent(2)}},
	}
	for i := range adjustRegions {
		code := counties[i]
		n := int64(20_000 + rng.IntN(180_000))
		level := int64(143 + rng.IntN(300))
		revenue := n / 10_000 * int64(200_000_000+rng.IntN(1_800_000_000))
		s.Regions = append(s.Regions, adjust.Region{Code: code, Beneficiaries: n, Level: benefit.Yuan(level), Revenue: benefit.Yuan(revenue)})
		tier, err := tab.Tier(code)
		if err != nil {
			tb.Fatal(err)
		}
		share := 0.5
		if tier <= 2 {
			share = 1
		}
		out.f = append(out.f, fRegion{level: float64(level), revenue: float64(revenue), n: float64(n), floorShare: share})
	}
	out.s = s
	return out
}

func reportPerRegionYear(b *testing.B, start runtime.MemStats) {
	var end runtime.MemStats
	runtime.ReadMemStats(&end)
	ry := float64(b.N) * adjustRegions * adjustYears
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/ry, "ns/region-year")
	b.ReportMetric(float64(end.Mallocs-start.Mallocs)/ry, "allocs/region-year")
}

// BenchmarkAdjustRun is a whole run: validation, the exact grid solve of
// every region-year on GOMAXPROCS workers, the floor check of every
// simulated level (floor.Check) and the yearly summaries.
func BenchmarkAdjustRun(b *testing.B) {
	benchRun(b, adjust.Options{})
}

// BenchmarkAdjustRunNoCheck is a run without the floor check.
func BenchmarkAdjustRunNoCheck(b *testing.B) {
	benchRun(b, adjust.Options{SkipFloorCheck: true})
}

// BenchmarkAdjustRunOneWorker is a run without the floor check on one
// worker, the figure to compare with the single-threaded float64 kernel.
func BenchmarkAdjustRunOneWorker(b *testing.B) {
	benchRun(b, adjust.Options{SkipFloorCheck: true, Workers: 1})
}

func benchRun(b *testing.B, opts adjust.Options) {
	syn := newAdjustSynth(b)
	var infeasible, binding int
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportAllocs()
	for b.Loop() {
		r, err := adjust.Run(b.Context(), syn.s, opts)
		if err != nil {
			b.Fatal(err)
		}
		infeasible, binding = 0, 0
		for _, ry := range r.Rows {
			if ry.Infeasible {
				infeasible++
			}
			if ry.Binding != adjust.BindNone {
				binding++
			}
		}
	}
	reportPerRegionYear(b, ms)
	b.ReportMetric(float64(binding)/(adjustRegions*adjustYears), "bound-share")
	b.ReportMetric(float64(infeasible)/(adjustRegions*adjustYears), "infeasible-share")
}

// BenchmarkAdjustFloat64Reference is the same step in float64, single
// threaded, for comparison only: the proposal (pass-through + 1.4 %),
// half-up to the yuan, the 15 % step cap and the no-cut and floor bounds,
// the fiscal cap solved in closed form, the cost and its central/local
// split. It is not exact (binary fractions, no fen rounding of the
// central share) and nothing in the library computes money this way.
func BenchmarkAdjustFloat64Reference(b *testing.B) {
	syn := newAdjustSynth(b)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportAllocs()
	var sink float64
	for b.Loop() {
		sink = 0
		for _, r := range syn.f {
			level, n, rev := r.level, r.n, r.revenue
			prevFloor := 123.0
			for y := range adjustYears {
				floor := 143 + 20*float64(y)
				n = math.Round(n * 1.01)
				rev = math.Round(rev*1.03*100) / 100
				prop := math.Round(level + (floor - prevFloor) + level*(0.2*0.05+0.2*0.02))
				target := math.Min(prop, math.Floor(level*1.15))
				hard := math.Max(floor, math.Ceil(level))
				target = math.Max(target, hard)
				capAmt := math.Floor(rev*0.02*100) / 100
				local := func(x float64) float64 {
					total := 12 * n * x
					fp := 12 * n * math.Min(x, floor)
					return total - math.Round(fp*r.floorShare*100)/100
				}
				if local(target) > capAmt {
					if local(hard) > capAmt {
						target = hard
					} else {
						// local(x) = 12n·x − central(floor part) for x ≥ floor
						central := math.Round(12*n*floor*r.floorShare*100) / 100
						target = math.Max(hard, math.Floor((capAmt+central)/(12*n)))
					}
				}
				total := 12 * n * target
				sink += total - local(target) + local(target)
				level, prevFloor = target, floor
			}
		}
	}
	reportPerRegionYear(b, ms)
	if sink == 0 {
		b.Fatal("no work")
	}
}
