package bench

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"math"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/plan"
)

// The plan benchmarks apply the Shanghai 2024 plan (61 fixed; 1 a year, at
// least 15; 1 % of the own pension; age tilts 70/75/80) to 1,000,000
// generated retirees (plan.Synthetic, seed 1): held in memory as a
// plan.Population, streamed from Go values (plan.FromSlice) and streamed
// from a CSV file held in memory.
//
// Each benchmark times the exact run (ns/op, B/op, allocs/op) and, in the
// same loop, interleaved with it and with the timer stopped, a reference
// doing the same work: the float64 kernel (fKernel) with the same number
// of workers, or for the CSV file a bare encoding/csv read. Both are
// reported per retiree in wall time (ns/retiree, ref-ns/retiree) and in
// CPU time of the whole process as the kernel counts it
// (cpu-ns/retiree, ref-cpu-ns/retiree; getrusage, so Unix only), with
// their ratios (exact/ref-cpu, exact/ref-wall): interleaving keeps the
// ratio fair on a shared machine, and CPU time shows the cost when the
// other core is busy.
//
//	go test -run '^$' -bench Plan -benchmem -count 6 ./bench/ | tee /tmp/plan.txt
//	benchstat /tmp/plan.txt
const planRetirees = 1_000_000

var planRef = plan.MustParseDate("2023-12-31")

var planPop = sync.OnceValue(func() *plan.Population {
	pop, err := plan.NewPopulation(plan.Synthetic(1, planRetirees, planRef))
	if err != nil {
		panic(err)
	}
	return pop
})

// planFloat is the population as the float64 kernel reads it: the same
// fields in the same layout as the exact path's rows, the pension in
// float64 yuan.
var planFloat = sync.OnceValue(func() []fRow {
	var fs []fRow
	for r := range planPop().All() {
		p, _ := strconv.ParseFloat(r.Pension.String(), 64)
		fs = append(fs, fRow{id: r.ID, category: r.Category, pension: p, birth: dateInt(r.Birth), retired: dateInt(r.Retired),
			years: int32(r.Years), months: int32(r.Months), area: int8(r.Area), sex: int8(r.Sex)})
	}
	return fs
})

func dateInt(d plan.Date) int32 { return int32(d.Year()*10000 + int(d.Month())*100 + d.Day()) }

var planCSV = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	b.WriteString(plan.CSVHeader() + "\n")
	for r := range planPop().All() {
		b.WriteString(r.ID)
		b.WriteByte(',')
		b.WriteString(r.Birth.String())
		b.WriteByte(',')
		b.WriteString(r.Retired.String())
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(r.Years))
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(r.Months))
		b.WriteByte(',')
		b.WriteString(r.Pension.String())
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(r.Area))
		b.WriteByte(',')
		b.WriteString(r.Category)
		b.WriteByte(',')
		b.WriteString(r.Sex.String())
		b.WriteByte('\n')
	}
	return b.Bytes()
})

func planCalc(b *testing.B) *plan.Calculator {
	p, err := plan.Builtin("shanghai-2024")
	if err != nil {
		b.Fatal(err)
	}
	c, err := plan.NewCalculator(p)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// clock measures the wall and CPU time of runs.
type clock struct{ wall, cpu time.Duration }

func (c *clock) time(run func()) {
	c0, _ := processCPU()
	t0 := time.Now()
	run()
	c.wall += time.Since(t0)
	c1, _ := processCPU()
	c.cpu += c1 - c0
}

// paired runs exact as the timed operation and ref, interleaved with it
// with the timer stopped, and reports both per retiree, in wall and CPU
// time, with the ratios exact/ref.
func paired(b *testing.B, exact, ref func()) {
	var e, r clock
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	n := 0
	for b.Loop() {
		e.time(exact)
		b.StopTimer()
		r.time(ref)
		b.StartTimer()
		n++
	}
	runtime.ReadMemStats(&m1)
	people := float64(n) * planRetirees
	per := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / people }
	b.ReportMetric(per(e.wall), "ns/retiree")
	b.ReportMetric(per(r.wall), "ref-ns/retiree")
	b.ReportMetric(float64(e.wall)/float64(r.wall), "exact/ref-wall")
	if _, ok := processCPU(); ok {
		b.ReportMetric(per(e.cpu), "cpu-ns/retiree")
		b.ReportMetric(per(r.cpu), "ref-cpu-ns/retiree")
		b.ReportMetric(float64(e.cpu)/float64(r.cpu), "exact/ref-cpu")
	}
}

func workersName(w int) string {
	if w == 0 {
		return "workers=GOMAXPROCS"
	}
	return "workers=" + strconv.Itoa(w)
}

// BenchmarkPlanPopulation: the population in memory, with one worker and
// with GOMAXPROCS workers, against the float64 kernel with as many.
func BenchmarkPlanPopulation(b *testing.B) {
	c := planCalc(b)
	pop, fs := planPop(), planFloat()
	for _, w := range []int{1, 0} {
		b.Run(workersName(w), func(b *testing.B) {
			paired(b, func() {
				if _, err := c.Run(context.Background(), pop, plan.Options{Workers: w}); err != nil {
					b.Fatal(err)
				}
			}, func() { fSink = fKernel(fs, w, nil) })
		})
	}
}

// BenchmarkPlanPerPerson: the population in memory on one worker,
// writing the per-person (payment) file too (output.NewPaymentCSV); the
// float64 kernel formats the same lines.
func BenchmarkPlanPerPerson(b *testing.B) {
	c := planCalc(b)
	pop, fs := planPop(), planFloat()
	paired(b, func() {
		if _, err := c.Run(context.Background(), pop, plan.Options{Workers: 1, PerPerson: output.NewPaymentCSV(io.Discard, output.Options{})}); err != nil {
			b.Fatal(err)
		}
	}, func() { fSink = fKernel(fs, 1, io.Discard) })
}

// BenchmarkPlanSlice: Go values (benefit.Amount pensions) streamed through
// plan.FromSlice, ids checked for repeats, GOMAXPROCS workers; the
// reference checks the ids with a Go map and runs the float64 kernel
// with as many workers.
func BenchmarkPlanSlice(b *testing.B) {
	c := planCalc(b)
	rs := slices.Collect(planPop().All())
	fs := planFloat()
	paired(b, func() {
		if _, err := c.Run(context.Background(), plan.FromSlice(rs), plan.Options{}); err != nil {
			b.Fatal(err)
		}
	}, func() {
		seen := map[string]int{}
		for i := range fs {
			if _, dup := seen[fs[i].id]; dup {
				b.Fatal("repeated id")
			}
			seen[fs[i].id] = i
		}
		fSink = fKernel(fs, 0, nil)
	})
}

// BenchmarkPlanCSV: a 1,000,000-line CSV file (in memory) parsed and
// applied, GOMAXPROCS workers, against a bare encoding/csv read of the
// same bytes reusing its record (the target of issue 11: at most 1×).
func BenchmarkPlanCSV(b *testing.B) {
	c := planCalc(b)
	data := planCSV()
	b.SetBytes(int64(len(data)))
	paired(b, func() {
		if _, err := c.Run(context.Background(), plan.ReadCSV(bytes.NewReader(data), "bench.csv", benefit.Limits{}), plan.Options{}); err != nil {
			b.Fatal(err)
		}
	}, func() {
		r := csv.NewReader(bytes.NewReader(data))
		r.ReuseRecord = true
		n := 0
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n += len(rec)
		}
		if n != 9*(planRetirees+1) {
			b.Fatalf("%d fields", n)
		}
	})
}

// BenchmarkPlanScaling: the population in memory on one worker and on
// GOMAXPROCS workers, interleaved; speedup is the one-worker wall time
// over the GOMAXPROCS one (issue 11's target: at least 1.8 on 2 cores
// with the second core idle).
func BenchmarkPlanScaling(b *testing.B) {
	c := planCalc(b)
	pop := planPop()
	var one, all clock
	for b.Loop() {
		for _, w := range []int{1, 0} {
			ck := &one
			if w == 0 {
				ck = &all
			}
			ck.time(func() {
				if _, err := c.Run(context.Background(), pop, plan.Options{Workers: w}); err != nil {
					b.Fatal(err)
				}
			})
		}
	}
	b.ReportMetric(float64(one.wall)/float64(all.wall), "speedup")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "procs")
}

// fRow is a retiree as the float64 kernel reads it.
type fRow struct {
	id, category   string
	pension        float64 // yuan
	birth, retired int32   // yyyymmdd
	years, months  int32
	area, sex      int8
}

// fGroup is the totals of a group of retirees.
type fGroup struct {
	n           int64
	prior, incr float64
}

// fAcc accumulates what the exact path's accumulator does: counts, the
// totals, the arrears, the parts' totals and counts, the groups by area
// class and age bracket, and the distribution of increases by the fen.
// Padding keeps two workers' accumulators off each other's cache lines.
type fAcc struct {
	_                    [128]byte
	count, elig, late    int64
	prior, incr, arrears float64
	partSum              [4]float64
	partN                [4]int64
	area                 [10]fGroup
	age                  [8]fGroup
	dense                []int64
	over                 map[int64]int64
	buf                  []byte
	_                    [128]byte
}

// fSummary is what the exact path's Report holds.
type fSummary struct {
	acc                  *fAcc
	average, percent     float64
	percentiles          [11]float64
	binFrom, binW        float64
	bins                 []int64
	retirees, eligible   int64
	priorTotal, newTotal float64
}

const fDenseMax = 1 << 17

// fSink keeps the float64 kernel's results alive.
var fSink fSummary

// fKernel is the float64 reference of the exact path: the Shanghai 2024
// increase per retiree (61 + max(years, 15) + round(1 % × pension, 2) +
// age tilt 25/35/45 at 70/75/80, by the age at 2023-12-31 computed from
// the birth date; eligible when retired by 2023-12-31; arrears for the
// months from 2024-01, or the month after retirement, to 2024-07),
// accumulated as the exact path does, on w workers (0: GOMAXPROCS) taking
// chunks of 4,096 retirees, merged, and summed up into a summary with
// percentiles and a histogram. With out set it writes each retiree's
// per-person line too, in input order (one worker only). Its sums are
// not exact: it exists only to be compared with.
func fKernel(fs []fRow, w int, out io.Writer) fSummary {
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	const chunk = 4096
	accs := make([]*fAcc, w)
	var next atomic.Int64
	var wg sync.WaitGroup
	for i := range w {
		a := &fAcc{dense: make([]int64, fDenseMax), over: map[int64]int64{}}
		accs[i] = a
		wg.Go(func() {
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= len(fs) {
					return
				}
				a.buf = a.buf[:0]
				fChunk(a, fs[lo:min(lo+chunk, len(fs))], out != nil)
				if out != nil {
					out.Write(a.buf)
				}
			}
		})
	}
	wg.Wait()
	a := accs[0]
	for _, b := range accs[1:] {
		a.count += b.count
		a.elig += b.elig
		a.late += b.late
		a.prior += b.prior
		a.incr += b.incr
		a.arrears += b.arrears
		for j := range a.partSum {
			a.partSum[j] += b.partSum[j]
			a.partN[j] += b.partN[j]
		}
		for j := range a.area {
			a.area[j].n += b.area[j].n
			a.area[j].prior += b.area[j].prior
			a.area[j].incr += b.area[j].incr
		}
		for j := range a.age {
			a.age[j].n += b.age[j].n
			a.age[j].prior += b.age[j].prior
			a.age[j].incr += b.age[j].incr
		}
		for j, n := range b.dense {
			a.dense[j] += n
		}
		for k, n := range b.over {
			a.over[k] += n
		}
	}
	return fSummarize(a)
}

func fChunk(a *fAcc, rows []fRow, out bool) {
	const (
		refYear, refMD = 2023, 1231
		cutoff         = 20231231
		effectiveDay   = 20240101
		effective      = 2024*12 + 0 // months since year 0, January
		firstPaid      = 2024*12 + 6 // July
	)
	for i := range rows {
		x := &rows[i]
		a.count++
		age := refYear - int(x.birth/10000)
		md := x.birth % 10000
		if md == 229 && !(refYear%4 == 0 && (refYear%100 != 0 || refYear%400 == 0)) {
			md = 228
		}
		if refMD < md {
			age--
		}
		if x.retired > cutoff {
			a.late++
			if out {
				a.buf = fPerson(a.buf, x, age, false, [4]float64{}, 0, 0)
			}
			continue
		}
		var parts [4]float64
		parts[0] = 61
		parts[1] = math.Max(float64(x.years), 15)
		parts[2] = math.Round(x.pension*0.01*100) / 100
		switch {
		case age >= 80:
			parts[3] = 45
		case age >= 75:
			parts[3] = 35
		case age >= 70:
			parts[3] = 25
		}
		incr := parts[0] + parts[1] + parts[2] + parts[3]
		months := int64(firstPaid - effective)
		if x.retired >= effectiveDay {
			start := int64(effective)
			if rm := int64(x.retired/10000)*12 + int64(x.retired/100%100) - 1; rm >= start {
				start = rm + 1
			}
			months = max(0, firstPaid-start)
		}
		a.elig++
		a.prior += x.pension
		a.incr += incr
		a.arrears += incr * float64(months)
		for j, v := range parts {
			a.partSum[j] += v
			if v != 0 {
				a.partN[j]++
			}
		}
		g := &a.area[x.area]
		g.n++
		g.prior += x.pension
		g.incr += incr
		ag := 0
		if age >= 60 {
			ag = min(7, (age-60)/5+1)
		}
		g = &a.age[ag]
		g.n++
		g.prior += x.pension
		g.incr += incr
		if c := int64(math.Round(incr * 100)); c < fDenseMax {
			a.dense[c]++
		} else {
			a.over[c]++
		}
		if out {
			a.buf = fPerson(a.buf, x, age, true, parts, incr, months)
		}
	}
}

// fPerson appends the per-person line the exact path writes.
func fPerson(b []byte, x *fRow, age int, eligible bool, parts [4]float64, incr float64, months int64) []byte {
	b = append(b, x.id...)
	if eligible {
		b = append(b, ",true,,"...)
	} else {
		b = append(b, ",false,retired_after_cutoff,"...)
	}
	b = strconv.AppendInt(b, int64(age), 10)
	b = append(b, ',')
	b = strconv.AppendFloat(b, x.pension, 'f', 2, 64)
	for _, v := range parts {
		b = append(b, ',')
		b = strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	b = append(b, ',')
	b = strconv.AppendFloat(b, incr, 'f', 2, 64)
	b = append(b, ',')
	b = strconv.AppendFloat(b, x.pension+incr, 'f', 2, 64)
	b = append(b, ',')
	b = strconv.AppendInt(b, months, 10)
	b = append(b, ',')
	b = strconv.AppendFloat(b, incr*float64(months), 'f', 2, 64)
	return append(b, '\n')
}

// fSummarize computes the summary's figures: average, percentage,
// percentiles by nearest rank and a histogram of at most 12 bins of 1, 2
// or 5 × 10^k yuan.
func fSummarize(a *fAcc) fSummary {
	s := fSummary{acc: a, retirees: a.count, eligible: a.elig, priorTotal: a.prior, newTotal: a.prior + a.incr}
	if a.elig == 0 {
		return s
	}
	s.average = math.Round(a.incr/float64(a.elig)*100) / 100
	s.percent = math.Round(a.incr/a.prior*1e6) / 1e6
	type kv struct{ c, n int64 }
	var vals []kv
	for c, n := range a.dense {
		if n > 0 {
			vals = append(vals, kv{int64(c), n})
		}
	}
	for c, n := range a.over {
		vals = append(vals, kv{c, n})
	}
	slices.SortFunc(vals[len(vals)-len(a.over):], func(x, y kv) int { return int(x.c - y.c) })
	for i, p := range []int64{0, 1, 5, 10, 25, 50, 75, 90, 95, 99, 100} {
		rank := max(1, (p*a.elig+99)/100)
		var cum int64
		for _, v := range vals {
			if cum += v.n; cum >= rank {
				s.percentiles[i] = float64(v.c) / 100
				break
			}
		}
	}
	lo, hi := float64(vals[0].c)/100, float64(vals[len(vals)-1].c)/100
	w := 1.0
	for step := 0; math.Floor(hi/w)-math.Floor(lo/w)+1 > 12; step++ {
		if step%3 == 1 {
			w = w / 2 * 5
		} else {
			w *= 2
		}
	}
	s.binFrom, s.binW = math.Floor(lo/w)*w, w
	s.bins = make([]int64, int((hi-s.binFrom)/w)+1)
	for _, v := range vals {
		s.bins[int((float64(v.c)/100-s.binFrom)/w)] += v.n
	}
	return s
}
