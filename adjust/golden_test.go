package adjust

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoldenDefault pins the bytes of the default scenario's result: the
// CSV of every region-year and the JSON of the yearly summaries, on one
// worker and on GOMAXPROCS workers. The key 2025 figures are worked by
// hand in TestDefaultScenarioWorked; this test guards against any change
// of output, such
// as a faster path that rounds differently. After a deliberate change,
// run `go test ./adjust -run Golden -update` and review the diff.
func TestGoldenDefault(t *testing.T) {
	s, err := DefaultScenario()
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 0} {
		r, err := Run(t.Context(), s, Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		var csv, years bytes.Buffer
		if err := r.WriteCSV(&csv); err != nil {
			t.Fatal(err)
		}
		if err := writeJSON(&years, r.Summary); err != nil {
			t.Fatal(err)
		}
		golden(t, "testdata/default.golden.csv", csv.Bytes())
		golden(t, "testdata/default-years.golden.json", years.Bytes())
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(name, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run with -update after a deliberate change, and review the diff)", name)
	}
}
