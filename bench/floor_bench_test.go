package bench

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"testing"

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
	provs := region.Default().Provinces()
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
// against the national floors (rules 1-6, exact decimals) in one
// floor.Check call per iteration, and reports ns and allocations per
// schedule:
//
//	go test -run '^$' -bench FloorCheck -benchtime 3x ./bench/
func BenchmarkFloorCheck(b *testing.B) {
	s := newFloorSynth(b, floorBenchLevels)
	var rep *floor.Report
	var ms0, ms1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms0)
	for b.Loop() {
		var err error
		if rep, err = floor.Check(s.levels, s.opts); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&ms1)
	per := float64(b.N) * floorBenchLevels
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/schedule")
	b.ReportMetric(float64(ms1.Mallocs-ms0.Mallocs)/per, "allocs/schedule")
	b.ReportMetric(float64(rep.Summary.Violations), "violations")
	b.Logf("exact: %d violations, %d warnings, arrears %s", rep.Summary.Violations, rep.Summary.Warnings, rep.Summary.ArrearsTotal)
}

// BenchmarkFloorCheckFloat64 is the float64 reference kernel: the same
// schedules and floors, the same merged-timeline comparison and the same
// Σ shortfall × persons × months, in float64 with none of the rules'
// bookkeeping (no findings, citations, splits or inheritance). It exists
// only to price exactness; its total may differ in the last cents.
func BenchmarkFloorCheckFloat64(b *testing.B) {
	s := newFloorSynth(b, floorBenchLevels)
	k := newFloatKernel(s)
	var total float64
	var violations int
	for b.Loop() {
		total, violations = k.run()
	}
	per := float64(b.N) * floorBenchLevels
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/schedule")
	b.ReportMetric(float64(violations), "violations")
	b.Logf("float64: %d violating intervals, arrears ≈ %.2f", violations, total)
}

type step struct {
	from int
	amt  float64
	owed bool // a shortfall is owed (a violation): the version is not provisional
}

type floatKernel struct {
	s      *floorSynth
	floors [][]step // national floors as float64 step functions, by kind
}

func newFloatKernel(s *floorSynth) *floatKernel {
	k := &floatKernel{s: s, floors: make([][]step, len(floorKinds))}
	for i, kind := range floorKinds {
		sc, ok := floor.Default().NationalSchedule(kind.program, benefit.MustParseDims(kind.dims))
		if !ok {
			continue
		}
		for _, v := range sc.All() {
			f, _ := v.Amount.Fen()
			k.floors[i] = append(k.floors[i], step{int(v.From), float64(f) / 100, v.Status != benefit.Provisional})
		}
	}
	return k
}

// run returns Σ shortfall × persons × months over the window (÷ 12 for
// yearly kinds, each interval rounded to the cent) of the shortfalls
// below a floor version that is not provisional (as the exact kernel
// owes only violations), and the number of intervals below a floor.
func (k *floatKernel) run() (total float64, violations int) {
	from, to := int(benchWindow.From), int(benchWindow.To)
	var cuts [16]int
	for _, l := range k.s.synth {
		fl := k.floors[l.kind]
		if len(fl) == 0 {
			continue
		}
		lv := k.s.fpools[l.kind][l.sched]
		yearly := floorKinds[l.kind].per == benefit.PerYear
		n := 0
		for _, v := range lv {
			if v.from > from && v.from < to {
				cuts[n] = v.from
				n++
			}
		}
		for _, f := range fl {
			if f.from > from && f.from < to {
				cuts[n] = f.from
				n++
			}
		}
		c := cuts[:n]
		insertionSort(c)
		start := from
		for i := 0; i <= len(c); i++ {
			end := to
			if i < len(c) {
				end = c[i]
			}
			if end <= start {
				continue
			}
			act, okA := -1.0, false
			for _, v := range lv {
				if v.from <= start {
					act, okA = v.amt, true
				}
			}
			req, okF, owed := 0.0, false, false
			for _, f := range fl {
				if f.from <= start {
					req, okF, owed = f.amt, true, f.owed
				}
			}
			if okA && okF && act < req {
				violations++
				if !owed { // a warning: counted, nothing owed
					start = end
					continue
				}
				short := (req - act) * float64(l.persons) * float64(end-start)
				if yearly {
					short /= 12
				}
				total += math.Round(short*100) / 100
			}
			start = end
		}
	}
	return total, violations
}

// TestFloorKernelsAgree runs both kernels on 20,000 synthetic schedules:
// the exact arrears and the float64 estimate agree to within a yuan, and
// the float64 kernel counts one violating interval per floor finding
// (so the benchmarks compare like with like).
func TestFloorKernelsAgree(t *testing.T) {
	s := newFloorSynth(t, 20_000)
	rep, err := floor.Check(s.levels, s.opts)
	if err != nil {
		t.Fatal(err)
	}
	total, violations := newFloatKernel(s).run()
	floors := 0
	for _, f := range rep.Findings {
		if f.Rule == floor.RuleFloor && f.Unchecked == "" { // a stale table is compared too: below it is a violation
			floors++
		}
	}
	exact, _ := strconv.ParseFloat(rep.Summary.ArrearsTotal.String(), 64) // a display comparison only
	if floors != violations || math.Abs(exact-total) > 1 || violations == 0 {
		t.Errorf("exact %s (%d floor findings) vs float64 %.2f (%d intervals)", rep.Summary.ArrearsTotal, floors, total, violations)
	}
}

func insertionSort(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}
