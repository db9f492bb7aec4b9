package plan

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/benefitstd/benefitstd/benefit"
)

// TestRunWorkers: the summary and the per-person output are byte-identical
// whatever the number of workers and the chunk size.
func TestRunWorkers(t *testing.T) {
	c := calc(t, "shanxi-2025")
	pop, err := NewPopulation(Synthetic(7, 20_000, MustParseDate("2024-12-31")))
	if err != nil {
		t.Fatal(err)
	}
	var want []byte
	var wantOut string
	for _, o := range []Options{{Workers: 1}, {Workers: 2, ChunkSize: 1}, {Workers: 3, ChunkSize: 777}, {Workers: 8, ChunkSize: 4096}} {
		var out bytes.Buffer
		o.PerPerson = lines{&out}
		s, err := c.Run(context.Background(), pop, o)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := json.Marshal(s)
		if want == nil {
			want, wantOut = got, out.String()
			continue
		}
		if d := cmp.Diff(string(want), string(got)); d != "" {
			t.Errorf("workers %d chunk %d: summary differs (-1 worker +these):\n%s", o.Workers, o.ChunkSize, d)
		}
		if out.String() != wantOut {
			t.Errorf("workers %d chunk %d: per-person output differs", o.Workers, o.ChunkSize)
		}
	}
	if n := strings.Count(wantOut, "\n"); n != 20_001 {
		t.Errorf("per-person output has %d lines, want header + 20000", n)
	}
}

type failingWriter struct{ n int }

func (w *failingWriter) Write(b []byte) (int, error) {
	if w.n += len(b); w.n > 10_000 {
		return 0, errors.New("disk full")
	}
	return len(b), nil
}

// A failing per-person writer stops the run with its error and no summary.
func TestRunWriterFails(t *testing.T) {
	c := calc(t, "shanghai-2024")
	pop, err := NewPopulation(Synthetic(5, 50_000, MustParseDate("2023-12-31")))
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.Run(context.Background(), pop, Options{PerPerson: lines{&failingWriter{}}, ChunkSize: 100, Workers: 3})
	if s != nil || err == nil || err.Error() != "disk full" {
		t.Errorf("got %v, %v; want no summary and the writer's error", s, err)
	}
}

// Options.Progress reports the retirees applied, one report at a time,
// rising to all of them: 2,500 retirees in chunks of 1,000 are three
// reports ending at 2,500 of 2,500 for a source that knows its size
// (Synthetic, a Population), of 0 (unknown) for a CSV stream.
func TestRunProgress(t *testing.T) {
	c := calc(t, "shanxi-2025")
	by := MustParseDate("2024-12-31")
	pop, err := NewPopulation(Synthetic(3, 2500, by))
	if err != nil {
		t.Fatal(err)
	}
	var csv bytes.Buffer
	csv.WriteString(CSVHeader() + "\n")
	for r := range pop.All() {
		csv.WriteString(r.ID + "," + r.Birth.String() + "," + r.Retired.String() + ",30,0,3000.00,0,,\n")
	}
	for _, tc := range []struct {
		name  string
		src   Source
		total int64
	}{{"synthetic", Synthetic(3, 2500, by), 2500}, {"population", pop, 2500}, {"csv", ReadCSV(bytes.NewReader(csv.Bytes()), "r.csv", benefit.Limits{}), 0}} {
		var got []Progress
		var in atomic.Int32
		_, err := c.Run(context.Background(), tc.src, Options{Workers: 3, ChunkSize: 1000, Progress: func(p Progress) {
			if in.Add(1) != 1 {
				t.Error("two reports at once")
			}
			got = append(got, p)
			in.Add(-1)
		}})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got[2] != (Progress{2500, tc.total}) || got[0].Done >= got[1].Done || got[1].Done >= got[2].Done {
			t.Errorf("%s: reports %v", tc.name, got)
		}
	}
}
