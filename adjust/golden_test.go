package adjust

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoldenDefault pins the bytes of the default scenario's result: the
// JSON of the yearly summaries, on one worker and on GOMAXPROCS workers
// (package output pins the CSV of every region-year the same way,
// TestGoldenDefaultCSV). The key 2025 figures are worked by
// hand in TestDefaultScenarioWorked; this test guards against any change
// of output, such
// as a faster path that rounds differently. After a deliberate change,
// run `go test ./adjust -run Golden -update` and review the diff.
func TestGoldenDefault(t *testing.T) {
	s, err := defaultScenario()
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 0} {
		r, err := Run(t.Context(), s, Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "testdata/default-years.golden.json", resultJSON(t, r.Years))
	}
}

// resultJSON returns v as indented JSON without HTML escaping, the bytes
// package output writes for a result.
func resultJSON(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
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
