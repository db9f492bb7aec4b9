package main

import (
	"strings"
	"testing"
)

// The program's output against the figures worked by hand in the package
// comment (doc.go): A 171.00, B 106.00, C 172.00, D 198.00, E 102.00, F
// retired after the cut-off; 749.00 on 20,600.00 = 3.6359 % > 3 %;
// calibrated fixed part 34 (444 + 5 × 34 = 614.00 = 2.9806 %).
func TestRun(t *testing.T) {
	var b strings.Builder
	if err := run(&b, "", "retirees_illustrative.csv", "3%"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"A age 72: fixed 61.00 years 35.00 level 50.00 age 25.00 = 171.00; new 5171.00; arrears 1026.00",
		"B age 66: fixed 61.00 years 15.00 level 30.00 age 0.00 = 106.00",
		"C age 83: fixed 61.00 years 28.00 level 38.00 age 45.00 = 172.00",
		"D age 75: fixed 61.00 years 40.00 level 62.00 age 35.00 = 198.00",
		"E age 57: fixed 61.00 years 15.00 level 26.00 age 0.00 = 102.00",
		"F not eligible",
		"eligible 5: increase 749.00 a month on 20600.00 = 3.6359%",
		"FINDING",
		"calibrated: fixed 34.00 gives 2.9806%",
		"retirees: retirees_illustrative.csv (ILLUSTRATIVE: hypothetical retirees, not real data)",
		"per-person CSV (ILLUSTRATIVE: hypothetical retirees, not real data):",
		"part fixed 定额调整: [V3] Shanghai 2024 notice, fixed part",
		// After calibration A gets 34 + 35 + 50 + 25 = 144.00, arrears 6 × 144 = 864.00.
		"A,true,,72,5000.00,34.00,35.00,50.00,25.00,144.00,5144.00,6,864.00",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
