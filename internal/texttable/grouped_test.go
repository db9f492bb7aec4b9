package texttable

import "testing"

func TestGrouped(t *testing.T) {
	for in, want := range map[string]string{
		"1200000.00":  "1,200,000.00", // policy-reference §11 Example B, owed
		"600000.00":   "600,000.00",
		"88150.00":    "88,150.00",
		"7345.83":     "7,345.83",
		"-1234.5":     "-1,234.5",
		"999":         "999",
		"1000":        "1,000",
		"0.125":       "0.125",
		"":            "",
		"n/a":         "n/a",
		"12a4.00":     "12a4.00",
		"100000000.5": "100,000,000.5",
	} {
		if got := Grouped(in); got != want {
			t.Errorf("Grouped(%q) = %q, want %q", in, got, want)
		}
	}
}
