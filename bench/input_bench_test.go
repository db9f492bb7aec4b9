package bench

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/internal/input"
	"github.com/benefitstd/benefitstd/plan"
	"github.com/benefitstd/benefitstd/region"
)

// The input benchmarks measure decoding alone: a big levels file (every
// county-level division of the default table × 31 programme/dimension
// combinations × 3 versions: about 92,000 levels, 277,000 versions) read
// from CSV and from JSON, and the retirees CSV of the plan benchmarks read
// by the library's CSV reader beside a bare encoding/csv read of the same
// bytes (ReuseRecord), in interleaved pairs so that the ratio is measured
// in one run:
//
//	go test -run '^$' -bench 'Read|CSVReader' -benchmem ./bench/

// levelsFiles returns the big levels file as CSV and as JSON.
var levelsFiles = sync.OnceValues(func() ([]byte, []byte) {
	var dims []struct{ program, dims string }
	for _, a := range []string{"", "age=65+", "age=70+", "age=75+", "age=80+"} {
		dims = append(dims, struct{ program, dims string }{"pension.resident.basic", a})
	}
	for g := 1; g <= 10; g++ {
		for _, c := range []string{"因战", "因公", "因病"} {
			if c == "因病" && g > 6 { // 因病致残只评定一级至六级
				continue
			}
			dims = append(dims, struct{ program, dims string }{"veterans.disability", fmt.Sprintf("cause=%s;grade=%d", c, g)})
		}
	}
	var c, j bytes.Buffer
	c.WriteString("region,program,dimensions,effective_from,amount,per,beneficiaries,source,status\n")
	j.WriteString("{\"levels\": [\n")
	first := true
	for d := range region.Default().All() {
		if d.Rank != region.County {
			continue
		}
		for _, k := range dims {
			if !first {
				j.WriteString(",\n")
			}
			first = false
			fmt.Fprintf(&j, "  {\"region\": %q, \"program\": %q, \"dimensions\": %q, \"beneficiaries\": 1000, \"versions\": [", d.Code, k.program, k.dims)
			for y := range 3 {
				amt := fmt.Sprintf("%d.50", 200000+y*1000)
				fmt.Fprintf(&c, "%s,%s,%s,%d-01,%s,,1000,local notice,default\n", d.Code, k.program, k.dims, 2023+y, amt)
				if y > 0 {
					j.WriteString(", ")
				}
				fmt.Fprintf(&j, "{\"from\": \"%d-01\", \"amount\": %q, \"status\": \"default\"}", 2023+y, amt)
			}
			j.WriteString("]}")
		}
	}
	j.WriteString("\n]}\n")
	return c.Bytes(), j.Bytes()
})

// BenchmarkReadLevels reads the big levels file (floor.ReadCSV,
// floor.ReadJSON).
func BenchmarkReadLevels(b *testing.B) {
	csvDoc, jsonDoc := levelsFiles()
	b.Run("CSV", func(b *testing.B) {
		b.SetBytes(int64(len(csvDoc)))
		for b.Loop() {
			if _, err := floor.ReadCSV(bytes.NewReader(csvDoc), "levels.csv", floor.SetOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("JSON", func(b *testing.B) {
		b.SetBytes(int64(len(jsonDoc)))
		for b.Loop() {
			if _, err := floor.ReadJSON(bytes.NewReader(jsonDoc), "levels.json", floor.SetOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// bareCSV reads data with encoding/csv, reusing the record, touching
// every field: the floor a CSV reader is measured against.
func bareCSV(b *testing.B, data []byte) int {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.ReuseRecord = true
	n := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return n
		}
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range rec {
			n += len(f)
		}
	}
}

// readCSV reads data with the library's CSV reader, getting every
// field.
func readCSV(b *testing.B, data []byte) int {
	cols := strings.Split(plan.CSVHeader(), ",")
	rd, err := input.NewCSV(bytes.NewReader(data), "bench.csv", cols, nil, input.Limits{})
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for {
		recs, err := rd.Read(4096)
		if err == io.EOF {
			return n
		}
		if err != nil {
			b.Fatal(err)
		}
		for _, rec := range recs {
			for c := range cols {
				n += len(rec.Get(c))
			}
		}
	}
}

// BenchmarkCSVReader: the retirees CSV of BenchmarkPlanCSV (1,000,000
// lines) read by a bare encoding/csv reader (ReuseRecord, every field
// touched), by the library's CSV reader alone (internal/input, in
// batches of 4,096 as plan reads them, every field got) and applied by
// plan from CSV (Calculator.Run, GOMAXPROCS workers: the reading, the
// repeated-id check, the parsing and the plan), in interleaved triples.
// The ratios are over the bare read: the target of plan from CSV is
// 1.0.
func BenchmarkCSVReader(b *testing.B) {
	data := planCSV()
	c := planCalc(b)
	b.SetBytes(int64(len(data)))
	var bare, read, run time.Duration
	for b.Loop() {
		t0 := time.Now()
		bareCSV(b, data)
		t1 := time.Now()
		readCSV(b, data)
		t2 := time.Now()
		if _, err := c.Run(context.Background(), plan.ReadCSV(bytes.NewReader(data), "bench.csv", benefit.Limits{}), plan.Options{}); err != nil {
			b.Fatal(err)
		}
		bare += t1.Sub(t0)
		read += t2.Sub(t1)
		run += time.Since(t2)
	}
	n := float64(b.N) * planRetirees
	b.ReportMetric(float64(bare.Nanoseconds())/n, "bare-ns/row")
	b.ReportMetric(float64(read.Nanoseconds())/n, "read-ns/row")
	b.ReportMetric(float64(run.Nanoseconds())/n, "plan-ns/row")
	b.ReportMetric(float64(read)/float64(bare), "read/bare")
	b.ReportMetric(float64(run)/float64(bare), "plan/bare")
}

// BenchmarkFloorCheckVersions: one level with 8,000 to 32,000 monthly
// versions from 2010-01, every one below the national floor and each
// its own finding, checked to 9000-01: the arrears owed once per month
// over every finding of the level. "ns/version" stays flat as the
// versions double (the work is O(n log n); it was O(n²): 16,000
// versions took 6.5 s).
func BenchmarkFloorCheckVersions(b *testing.B) {
	for _, n := range []int{8000, 16000, 32000} {
		var s strings.Builder
		s.WriteString("region,program,effective_from,amount,beneficiaries,status\n")
		for i := range n {
			amt := "50"
			if i%2 == 0 {
				amt = "60"
			}
			fmt.Fprintf(&s, "371723,pension.resident.basic,%04d-%02d,%s,100,default\n", 2010+i/12, 1+i%12, amt)
		}
		lv, err := floor.ReadCSV(strings.NewReader(s.String()), "v.csv", floor.SetOptions{Limits: benefit.Limits{Versions: n}})
		if err != nil {
			b.Fatal(err)
		}
		opts := floor.Options{From: benefit.MustParseMonth("2010-01"), To: benefit.MustParseMonth("9000-01"), AsOf: benefit.MustParseMonth("9000-01")}
		b.Run(fmt.Sprintf("versions=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := floor.Check(lv, opts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/version")
		})
	}
}
