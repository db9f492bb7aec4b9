package main

import (
	"strings"
	"testing"
)

// Policy-reference §11 Example B: 1,200,000.00 owed; central 600,000.00
// in tier-3 Shandong and 1,200,000.00 in tier-2 Shanxi.
func TestRun(t *testing.T) {
	var b strings.Builder
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"140822 万荣县: owed 1200000.00 (central 1200000.00, local 0.00)",
		"371723 成武县: owed 1200000.00 (central 600000.00, local 600000.00)",
		"ILLUSTRATIVE",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, b.String())
		}
	}
}
