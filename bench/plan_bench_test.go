package bench

import (
	"bytes"
	"context"
	"math"
	"runtime"
	"strconv"
	"sync"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/plan"
)

// The plan benchmarks apply the Shanghai 2024 plan (61 fixed; 1 a year, at
// least 15; 1 % of the own pension; age tilts 70/75/80) to 1,000,000
// generated retirees (plan.Synthetic, seed 1): held in memory as a
// plan.Population, streamed from Go values (plan.FromSlice) and streamed
// from a CSV file held in memory. BenchmarkPlanFloat64 is the float64
// reference kernel of the same per-person computation, for the price of
// exactness.
//
//	go test -run '^$' -bench Plan -benchmem ./bench/
const planRetirees = 1_000_000

var planRef = plan.MustParseDate("2023-12-31")

var planPop = sync.OnceValue(func() *plan.Population {
	pop, err := plan.NewPopulation(plan.Synthetic(1, planRetirees, planRef))
	if err != nil {
		panic(err)
	}
	return pop
})

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

// perRetiree reports ns and allocations per retiree of the runs in b.Loop.
func perRetiree(b *testing.B, run func()) {
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	n := 0
	for b.Loop() {
		run()
		n++
	}
	runtime.ReadMemStats(&m1)
	people := float64(n) * planRetirees
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/people, "ns/retiree")
	b.ReportMetric(float64(m1.Mallocs-m0.Mallocs)/people, "allocs/retiree")
}

// BenchmarkPlanPopulation: the population in memory, with one worker and
// with GOMAXPROCS workers.
func BenchmarkPlanPopulation(b *testing.B) {
	c := planCalc(b)
	pop := planPop()
	for _, w := range []int{1, 0} {
		name := "workers=" + strconv.Itoa(w)
		if w == 0 {
			name = "workers=GOMAXPROCS"
		}
		b.Run(name, func(b *testing.B) {
			perRetiree(b, func() {
				if _, err := c.Run(context.Background(), pop, plan.Options{Workers: w}); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// BenchmarkPlanSlice: Go values (benefit.Amount pensions) streamed through
// plan.FromSlice.
func BenchmarkPlanSlice(b *testing.B) {
	c := planCalc(b)
	var rs []plan.Retiree
	for r := range planPop().All() {
		rs = append(rs, r)
	}
	perRetiree(b, func() {
		if _, err := c.Run(context.Background(), plan.FromSlice(rs), plan.Options{}); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkPlanCSV: a 1,000,000-line CSV file (in memory) parsed and applied.
func BenchmarkPlanCSV(b *testing.B) {
	c := planCalc(b)
	data := planCSV()
	b.SetBytes(int64(len(data)))
	perRetiree(b, func() {
		if _, err := c.Run(context.Background(), plan.ReadCSV(bytes.NewReader(data), "bench.csv", benefit.Limits{}), plan.Options{}); err != nil {
			b.Fatal(err)
		}
	})
}

// fRetiree is a retiree as plain numbers for the float64 kernel.
type fRetiree struct {
	pension float64
	years   float64
	age     int
	late    bool
}

// BenchmarkPlanFloat64 is the float64 reference kernel: the Shanghai 2024
// increase per retiree (61 + max(years, 15) + round(1 % × pension, 2) + age
// tilt), summed, on one goroutine. It exists only to be compared with
// BenchmarkPlanPopulation/workers=1; its sums are not exact.
func BenchmarkPlanFloat64(b *testing.B) {
	var fs []fRetiree
	for r := range planPop().All() {
		p, _ := strconv.ParseFloat(r.Pension.String(), 64)
		fs = append(fs, fRetiree{pension: p, years: float64(r.Years), age: r.Birth.AgeAt(planRef), late: r.Retired.After(planRef)})
	}
	var sink float64
	perRetiree(b, func() {
		var total, prior float64
		for i := range fs {
			r := &fs[i]
			if r.late {
				continue
			}
			inc := 61 + math.Max(r.years, 15) + math.Round(r.pension*0.01*100)/100
			switch {
			case r.age >= 80:
				inc += 45
			case r.age >= 75:
				inc += 35
			case r.age >= 70:
				inc += 25
			}
			total += inc
			prior += r.pension
		}
		sink += total / prior
	})
	_ = sink
}
