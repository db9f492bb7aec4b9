package plan

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
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
