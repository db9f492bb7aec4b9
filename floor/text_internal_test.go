package floor

import (
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// Thousands separators in the text report, by hand: the digits are
// those of the amount, grouped in threes from the point.
func TestGrouped(t *testing.T) {
	for in, want := range map[string]string{
		"0":          "0.00",
		"123":        "123.00",
		"1000":       "1,000.00",
		"60000":      "60,000.00",
		"1200000":    "1,200,000.00",
		"-5000.5":    "-5,000.50",
		"88149.96":   "88,149.96",
		"1818.0000":  "1,818.00",
		"999999.999": "999,999.999",
	} {
		if got := grouped(benefit.MustParseAmount(in)); got != want {
			t.Errorf("grouped(%s) = %q, want %q", in, got, want)
		}
	}
}
