package plan

import (
	"os"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
)

// TestCases runs the hand-worked conformance vectors of testdata/cases.json.
func TestCases(t *testing.T) {
	b, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Note  string `json:"note"`
		Cases []struct {
			Name    string `json:"name"`
			Plan    string `json:"plan"`
			Rule    string `json:"rule"`
			Working string `json:"working"`
			Retiree struct {
				Birth    Date           `json:"birth"`
				Retired  Date           `json:"retired"`
				Years    int            `json:"years"`
				Months   int            `json:"months"`
				Pension  benefit.Amount `json:"pension"`
				Area     int            `json:"area"`
				Category string         `json:"category"`
			} `json:"retiree"`
			Parts      map[string]string `json:"parts"`
			Increase   string            `json:"increase"`
			NewPension string            `json:"new_pension"`
			Arrears    string            `json:"arrears"`
		} `json:"cases"`
	}
	if _, err := input.DecodeJSON(b, "testdata/cases.json", &f); err != nil {
		t.Fatal(err)
	}
	// The file holds 5 vectors; an emptied or mis-keyed file must not pass.
	if len(f.Cases) < 5 {
		t.Fatalf("testdata/cases.json: %d cases, want at least 5", len(f.Cases))
	}
	for _, tc := range f.Cases {
		t.Run(tc.Name, func(t *testing.T) {
			r := tc.Retiree
			res := apply(t, calc(t, tc.Plan), Retiree{ID: tc.Name, Birth: r.Birth, Retired: r.Retired, Years: r.Years, Months: r.Months, Pension: r.Pension, Area: r.Area, Category: r.Category})
			checkParts(t, res, tc.Parts, tc.Increase)
			if res.NewPension.String() != tc.NewPension || res.Arrears.String() != tc.Arrears {
				t.Errorf("new pension %s arrears %s; want %s, %s (%s)", res.NewPension, res.Arrears, tc.NewPension, tc.Arrears, tc.Working)
			}
		})
	}
}
