package bench

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// floorBenchLevels is the number of region × programme schedules the
// floor benchmarks check: 100,000 synthetic county codes × 10
// programme/dimension combinations. The 2023 table has 2,975
// county-level divisions, so the codes it lacks are added to a table of
// their own (region.Table.WithDivisions) that the check is given.
const floorBenchLevels = 1_000_000

// synthLevel is one generated schedule in a form both kernels read.
type synthLevel struct {
	code    region.Code
	kind    int // index into floorKinds
	sched   int // index into the schedule pool of its kind
	persons int64
}

// floorKinds are the programme/dimension combinations generated, with
// the base amount of their schedules (per month, or per year for the
// yearly veterans' programmes) around the national floor.
var floorKinds = []struct {
	program, dims string
	per           benefit.Frequency
	base          [3]int64 // the national floor in 2023, 2024, 2025 (plus a local tilt)
}{
	{"pension.resident.basic", "", benefit.PerMonth, [3]int64{103, 123, 143}},
	{"pension.resident.basic", "age=65+", benefit.PerMonth, [3]int64{113, 133, 153}},
	{"pension.resident.basic", "age=70+", benefit.PerMonth, [3]int64{123, 143, 163}},
	{"pension.resident.basic", "age=75+", benefit.PerMonth, [3]int64{133, 153, 173}},
	{"pension.resident.basic", "age=80+", benefit.PerMonth, [3]int64{143, 163, 183}},
	// the newest shipped veterans' tables: 2022-08 (provisional) and the
	// survivors' 2021-08 (provisional)
	{"veterans.disability", "cause=因战;grade=1", benefit.PerYear, [3]int64{116270, 116270, 116270}},
	{"veterans.disability", "cause=因公;grade=1", benefit.PerYear, [3]int64{111560, 111560, 111560}},
	{"veterans.disability", "cause=因病;grade=1", benefit.PerYear, [3]int64{106900, 106900, 106900}},
	{"veterans.survivors", "survivor=烈士遗属", benefit.PerYear, [3]int64{33860, 33860, 33860}},
	{"veterans.ill_returned", "", benefit.PerMonth, [3]int64{650, 660, 670}},
}

const poolSize = 64

// floorSynth generates the levels deterministically (seeded): for each
// kind a pool of 64 schedules of three versions (2023-01, 2024-01 and
// 2025-01, one schedule in 8 raised 1-2 months late and so lagging the
// floor), each level picking one, with 100-10,000 beneficiaries.
type floorSynth struct {
	opts   floor.Options // benchWindow, with the table holding the codes
	levels []floor.Level
	synth  []synthLevel
	pools  [][]benefit.Schedule
	fpools [][][3]struct {
		from int
		amt  float64
	} // the same schedules for the float64 kernel
}

func newFloorSynth(tb testing.TB, n int) *floorSynth {
	tb.Helper()
	rng := rand.New(rand.NewPCG(2026, 11))
	s := &floorSynth{}
	for _, kind := range floorKinds {
		var pool []benefit.Schedule
		var fpool [][3]struct {
			from int
			amt  float64
		}
		for range poolSize {
			var vs []benefit.Version
			var fv [3]struct {
				from int
				amt  float64
			}
			jitter, lag := int64(rng.IntN(10)), 0
			if rng.IntN(8) == 0 { // one schedule in 8 starts paying a raise 1-2 months late
				lag = 1 + rng.IntN(2)
			}
			for y := range 3 {
				from := benefit.NewMonth(2023+y, 1).AddMonths(lag * min(y, 1))
				// the year's base plus 0-9 % (plus y % a year, so levels rise);
				// one schedule in 64 pays 1 % under the base in 2024
				cents := kind.base[y]*100 + kind.base[y]*(jitter+int64(y))
				if rng.IntN(poolSize) == 0 && y == 1 {
					cents = kind.base[y] * 99
				}
				a := benefit.FromFen(cents)
				vs = append(vs, benefit.Version{From: from, Amount: a, Status: benefit.Illustrative})
				fv[y].from, fv[y].amt = int(from), float64(cents)/100
			}
			sc, err := benefit.NewSchedule(vs...)
			if err != nil {
				tb.Fatal(err)
			}
			pool = append(pool, sc)
			fpool = append(fpool, fv)
		}
		s.pools = append(s.pools, pool)
		s.fpools = append(s.fpools, fpool)
	}
	provs := slices.DeleteFunc(slices.Collect(region.Default().All()), func(d region.Division) bool { return d.Rank != region.Province })
	dims := make([]benefit.Dims, len(floorKinds))
	for k, kind := range floorKinds {
		dims[k] = benefit.MustParseDims(kind.dims)
	}
	s.levels = make([]floor.Level, 0, n)
	s.synth = make([]synthLevel, 0, n)
	var added synthDivisions
	for i := 0; len(s.levels) < n; i++ {
		p := provs[i%len(provs)].Code.String()[:2]
		pref, county := 1+(i/len(provs))%65, 1+(i/len(provs)/65)%99
		code := region.MustParseCode(p + two(pref) + two(county))
		added.add(code)
		for k, kind := range floorKinds {
			if len(s.levels) == n {
				break
			}
			j := rng.IntN(poolSize)
			persons := int64(100 + rng.IntN(9901))
			s.levels = append(s.levels, floor.Level{Region: code, Program: kind.program, Dims: dims[k], Per: kind.per,
				Schedule: s.pools[k][j], Beneficiaries: persons})
			s.synth = append(s.synth, synthLevel{code: code, kind: k, sched: j, persons: persons})
		}
	}
	tab, err := region.Default().WithDivisions(strings.NewReader(added.csv.String()), "synthetic divisions")
	if err != nil {
		tb.Fatal(err)
	}
	s.opts = benchWindow
	s.opts.Regions = tab
	return s
}

// synthDivisions collects, as a divisions CSV, the synthetic county codes
// the 2023 table lacks and the prefectures they need.
type synthDivisions struct {
	csv  strings.Builder
	seen map[region.Code]bool
}

func (sd *synthDivisions) add(c region.Code) {
	if sd.seen == nil {
		sd.seen = map[region.Code]bool{}
		sd.csv.WriteString("code,name,level,parent\n")
	}
	if _, real := region.Default().Lookup(c); real || sd.seen[c] {
		return
	}
	p, _ := c.Parent()
	if _, real := region.Default().Lookup(p); !real && !sd.seen[p] {
		sd.seen[p] = true
		fmt.Fprintf(&sd.csv, "%s,合成地级 %s,prefecture,%s\n", p, p, p.Province())
	}
	sd.seen[c] = true
	fmt.Fprintf(&sd.csv, "%s,合成县 %s,county,%s\n", c, c, p)
}

func two(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

var benchWindow = floor.Options{From: benefit.NewMonth(2023, 1), To: benefit.NewMonth(2026, 1)}

// BenchmarkFloorCheck checks 1,000,000 region × programme schedules
// against the national floors (every rule, exact) in one floor.Check
// call per iteration, and after each, untimed, runs the float64 kernel
// on the same levels (floatKernel: the same rules, outputs, data and one
// worker), so that the two are measured in interleaved pairs on a shared
// machine. A collection before each call, with neither result kept,
// leaves each only the collections its own allocations cause. It reports per schedule: wall time
// (ns/schedule), the process's CPU time (cpu-ns/schedule, user + system,
// the GC's included) and allocations of the exact check, the CPU time of
// the float64 kernel (f64-cpu-ns/schedule), and exact/f64, the ratio of
// the two CPU times:
//
//	go test -run '^$' -bench FloorCheck -benchmem -count 6 ./bench/
func BenchmarkFloorCheck(b *testing.B) {
	s := newFloorSynth(b, floorBenchLevels)
	k := newFloatKernel(b, s)
	var sum floor.Summary
	var exactCPU, floatCPU time.Duration
	var allocs uint64
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		b.StartTimer()
		c0, a0 := cpu(), heapAllocs()
		rep, err := floor.Check(s.levels, s.opts)
		if err != nil {
			b.Fatal(err)
		}
		c1, a1 := cpu(), heapAllocs()
		b.StopTimer()
		sum, rep = rep.Summary, nil // neither kernel's result is live while the other runs
		runtime.GC()
		c2 := cpu()
		k.run()
		c3 := cpu()
		b.StartTimer()
		exactCPU += c1 - c0
		floatCPU += c3 - c2
		allocs += a1 - a0
	}
	per := float64(b.N) * floorBenchLevels
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/schedule")
	b.ReportMetric(float64(allocs)/per, "allocs/schedule")
	if _, ok := processCPU(); ok {
		b.ReportMetric(float64(exactCPU.Nanoseconds())/per, "cpu-ns/schedule")
		b.ReportMetric(float64(floatCPU.Nanoseconds())/per, "f64-cpu-ns/schedule")
		if floatCPU > 0 {
			b.ReportMetric(float64(exactCPU)/float64(floatCPU), "exact/f64")
		}
	}
	b.ReportMetric(float64(sum.Violations), "violations")
	b.Logf("exact: %d violations, %d warnings, arrears %s", sum.Violations, sum.Warnings, sum.ArrearsTotal)
}

// cpu returns the process's CPU time (processCPU), 0 where it is not
// measured (the CPU metrics are then left out).
func cpu() time.Duration {
	d, _ := processCPU()
	return d
}

// BenchmarkFloorCheckFloat64 is the float64 kernel alone (see
// floatKernel), with its wall and CPU time and allocations per
// schedule.
func BenchmarkFloorCheckFloat64(b *testing.B) {
	s := newFloorSynth(b, floorBenchLevels)
	k := newFloatKernel(b, s)
	var rep *fReport
	c0, a0 := cpu(), heapAllocs()
	for b.Loop() {
		rep = k.run()
	}
	c1, a1 := cpu(), heapAllocs()
	per := float64(b.N) * floorBenchLevels
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/schedule")
	if _, ok := processCPU(); ok {
		b.ReportMetric(float64((c1-c0).Nanoseconds())/per, "cpu-ns/schedule")
	}
	b.ReportMetric(float64(a1-a0)/per, "allocs/schedule")
	b.ReportMetric(float64(rep.summary.violations), "violations")
	b.Logf("float64: %d violations, %d warnings, arrears ≈ %.2f", rep.summary.violations, rep.summary.warnings, rep.summary.total)
}

// TestFloorKernelsAgree runs both kernels on 20,000 synthetic schedules
// and requires the same report but for float64 rounding: the same
// findings in the same order (rule, severity, region, programme,
// dimensions, months, figures, persons, arrears and split to the fen),
// the same coverage, region × programme pairs and effects, and the same
// summary, so that the benchmarks compare like with like.
func TestFloorKernelsAgree(t *testing.T) {
	s := newFloorSynth(t, 20_000)
	rep, err := floor.Check(s.levels, s.opts)
	if err != nil {
		t.Fatal(err)
	}
	fr := newFloatKernel(t, s).run()
	num := func(a benefit.Amount) float64 {
		f, _ := strconv.ParseFloat(a.String(), 64) // a comparison with float64 only
		return f
	}
	near := func(a benefit.Amount, f, tol float64) bool { return math.Abs(num(a)-f) <= tol }
	if len(rep.Findings) != len(fr.findings) {
		t.Fatalf("%d findings, float64 %d", len(rep.Findings), len(fr.findings))
	}
	bad := 0
	for n := range rep.Findings {
		e, f := &rep.Findings[n], &fr.findings[n]
		ok := e.Rule == f.rule && e.Severity == f.sev && e.Unchecked == f.unchecked && e.Region == f.region && e.RegionName == f.name &&
			e.Program == f.program && e.Dims == f.dims && int32(e.Interval.From) == f.from && int32(e.Interval.To) == f.to && e.Per == f.per &&
			near(e.Required, f.required, 1e-6) && near(e.Actual, f.actual, 1e-6) && near(e.Shortfall, f.shortfall, 1e-6) &&
			near(e.Excess, f.excess, 1e-6) && e.Persons == f.persons && e.PersonMonths == f.personMonths &&
			near(e.Arrears, f.arrears, 0.0101) && near(e.Central, f.central, 0.0101) && near(e.Local, f.local, 0.0101) &&
			e.SplitKnown == f.splitKnown && e.Payer == f.payer && (e.Unchecked != "" || e.Rule != floor.RuleFloor || e.FloorStatus == f.status)
		if !ok && bad < 5 {
			bad++
			t.Errorf("finding %d:\n exact   %+v\n float64 %+v", n, *e, *f)
		}
	}
	if len(rep.Coverage) != len(fr.coverage) {
		t.Fatalf("coverage %v, float64 %v", rep.Coverage, fr.coverage)
	}
	for n, c := range rep.Coverage {
		if f := fr.coverage[n]; c.Rule != f.rule || c.Checked != f.checked || c.Unchecked != f.unchecked {
			t.Errorf("coverage %v, float64 %v", c, f)
		}
	}
	if len(rep.Checked) != len(fr.checked) || len(rep.Effects) != len(fr.effects) {
		t.Fatalf("%d pairs and %d effects, float64 %d and %d", len(rep.Checked), len(rep.Effects), len(fr.checked), len(fr.effects))
	}
	for n, c := range rep.Checked {
		if f := fr.checked[n]; c.Region != f.region || c.RegionName != f.name || c.Program != f.program {
			t.Errorf("checked %v, float64 %v", c, f)
		}
	}
	for n := range rep.Effects {
		e, f := &rep.Effects[n], &fr.effects[n]
		ok := e.Region == f.region && e.Program == f.program && e.AtFloor == f.atFloor && e.Checked == f.checked &&
			e.MonthsAtFloor == f.mAt && e.MonthsChecked == f.mChecked && near(e.Arrears, f.arrears, 0.0101) &&
			e.HeadroomKnown == f.headKnown && (!e.HeadroomKnown || (near(e.Headroom, f.head, 1e-6) && e.HeadroomPer == f.headPer)) &&
			len(e.Raises) == len(f.raises)
		for x := 0; ok && x < len(e.Raises); x++ {
			ok = int32(e.Raises[x].From) == f.raises[x].from && int32(e.Raises[x].Reached) == f.raises[x].reached
		}
		if !ok && bad < 10 {
			bad++
			t.Errorf("effect %d:\n exact   %+v\n float64 %+v", n, *e, *f)
		}
	}
	es, fs := rep.Summary, fr.summary
	if es.Levels != fs.levels || es.Violations != fs.violations || es.Warnings != fs.warnings || es.Advisories != fs.advisories ||
		es.Unchecked != fs.unchecked || !near(es.ArrearsTotal, fs.total, 1) || !near(es.ArrearsCentral, fs.central, 1) ||
		!near(es.ArrearsLocal, fs.local, 1) || !near(es.ArrearsUnsplit, fs.unsplit, 1) || !near(es.ArrearsFund, fs.fund, 1) || es.Violations == 0 {
		t.Errorf("summary %+v, float64 %+v", es, fs)
	}
}
