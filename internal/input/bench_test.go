package input_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/benefitstd/benefitstd/internal/input"
)

var retirees = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	b.WriteString("id,birth_date,retired_date,years,months,pension,area_class,category,sex\n")
	for i := range 200_000 {
		fmt.Fprintf(&b, "P%08d,1950-%02d-%02d,2010-%02d-01,%d,%d,%d.%02d,%d,,%s\n", i, 1+i%12, 1+i%28, 1+i%12, 15+i%30, i%12, 2000+i%5000, i%100, i%3, []string{"F", "M"}[i%2])
	}
	return b.Bytes()
})

// BenchmarkCSV reads 200,000 retiree rows with the reader (Read, every
// field got) and with a bare encoding/csv reader (ReuseRecord, every
// field touched).
func BenchmarkCSV(b *testing.B) {
	data := retirees()
	cols := strings.Split("id,birth_date,retired_date,years,months,pension,area_class,category,sex", ",")
	b.Run("input", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			rd, err := input.NewCSV(bytes.NewReader(data), "r.csv", cols, nil, input.Limits{})
			if err != nil {
				b.Fatal(err)
			}
			for {
				recs, err := rd.Read(4096)
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
				for _, r := range recs {
					for c := range cols {
						_ = r.Get(c)
					}
				}
			}
		}
	})
	b.Run("encoding-csv", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			cr := csv.NewReader(bytes.NewReader(data))
			cr.ReuseRecord = true
			for {
				rec, err := cr.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
				for _, f := range rec {
					_ = f
				}
			}
		}
	})
}
