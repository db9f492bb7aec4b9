package plan

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// Any plan JSON either parses into a plan that applies without panicking,
// or gives a *benefit.RecordError.
func FuzzParsePlan(f *testing.F) {
	for _, p := range Builtins() {
		b, _ := BuiltinJSON(p.ID)
		f.Add(b)
	}
	f.Add([]byte(`{"parts": [{"years": {"bands": [{"through": 80, "per_year": "100000000"}]}}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := parse(b, "f.json")
		if err != nil {
			var re *benefit.RecordError
			if !errors.As(err, &re) {
				t.Fatalf("error %v is not a *benefit.RecordError", err)
			}
			return
		}
		c, err := NewCalculator(p)
		if err != nil {
			t.Fatalf("Parse accepted a plan NewCalculator rejects: %v", err)
		}
		for _, r := range []Retiree{ret("1900-02-28", 80, 11, "100000000.00"), ret("1950-02-28", 0, 0, "0")} {
			r.Area, r.Category = 9, "农转工"
			if _, err := c.Apply(r); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// Any retiree CSV either runs or gives a *benefit.RecordError (or a CSV
// reader error); never a panic or a summary with an error.
func FuzzReadCSV(f *testing.F) {
	for _, name := range []string{"testdata/retirees_small.csv", "testdata/retirees_bom.csv", "testdata/retirees_crlf.csv"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add(CSVHeader() + "\nA,1900-02-28,9999-12-31,80,11,100000000,9,军转干部,女\n")
	c, err := NewCalculator(mustBuiltin("beijing-2022"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data string) {
		var out strings.Builder
		s, err := c.Run(context.Background(), ReadCSV(strings.NewReader(data), "f.csv", benefit.Limits{}), Options{Workers: 2, ChunkSize: 2, PerPerson: lines{&out}})
		if (s == nil) == (err == nil) {
			t.Fatalf("summary %v with error %v", s, err)
		}
		if err == nil && s.Retirees != int64(strings.Count(out.String(), "\n")-1) {
			t.Fatalf("%d retirees but %d per-person lines", s.Retirees, strings.Count(out.String(), "\n")-1)
		}
	})
}

func mustBuiltin(id string) Plan {
	p, err := Builtin(id)
	if err != nil {
		panic(err)
	}
	return p
}
