package plan

import (
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

func calc(t *testing.T, id string) *Calculator {
	t.Helper()
	p, err := Builtin(id)
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewCalculator(p)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// person builds a retiree born on birth, retired on 2015-06-30.
func person(birth string, years, months int, pension string) Retiree {
	return Retiree{ID: "p", Birth: MustParseDate(birth), Retired: MustParseDate("2015-06-30"), Years: years, Months: months, Pension: benefit.MustParseAmount(pension)}
}

func apply(t *testing.T, c *Calculator, r Retiree) Outcome {
	t.Helper()
	res, err := c.Apply(r)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// partsOf returns "id=amount" for each part, to compare against a hand-worked list.
func parts(res Outcome) map[string]string {
	m := map[string]string{}
	for _, p := range res.Parts {
		m[p.ID] = p.Amount.String()
	}
	return m
}

func checkParts(t *testing.T, res Outcome, want map[string]string, total string) {
	t.Helper()
	got := parts(res)
	for id, w := range want {
		if got[id] != w {
			t.Errorf("part %s = %s, want %s", id, got[id], w)
		}
	}
	for id, g := range got {
		if _, ok := want[id]; !ok && g != "0.00" {
			t.Errorf("part %s = %s, want 0.00", id, g)
		}
	}
	if res.Increase.String() != total {
		t.Errorf("increase = %s, want %s", res.Increase, total)
	}
}

// Example A (policy-reference §11, rules of the Shanghai 2024 notice [V3]):
// 35 years, 5,000.00, aged 72 on 2023-12-31:
//
//	定额 61 + 年限 1×35 = 35 (≥ 15) + 水平 1% × 5,000.00 = 50.00 + 倾斜 70 ≤ 72 < 75 → 25
//	= 171.00; new pension 5,171.00; arrears Jan–Jun 2024 = 6 × 171 = 1,026.00.
func TestExampleA(t *testing.T) {
	c := calc(t, "shanghai-2024")
	res := apply(t, c, person("1951-05-10", 35, 0, "5000.00"))
	if !res.Eligible || res.Age != 72 {
		t.Fatalf("eligible %v age %d", res.Eligible, res.Age)
	}
	checkParts(t, res, map[string]string{"fixed": "61.00", "years": "35.00", "level": "50.00", "age": "25.00"}, "171.00")
	if res.NewPension.String() != "5171.00" || res.ArrearsMonths != 6 || res.Arrears.String() != "1026.00" {
		t.Errorf("new %s, arrears %d months %s; want 5171.00, 6 months 1026.00", res.NewPension, res.ArrearsMonths, res.Arrears)
	}
	for _, p := range res.Parts {
		if p.Citation.URL == "" || p.Citation.Confidence != "V3" || p.Status != benefit.Provisional {
			t.Errorf("part %s: citation %+v status %s; want a V3 source, provisional", p.ID, p.Citation, p.Status)
		}
	}
}

// Example A variant (policy-reference §11): 10 years, 3,000.00, aged 66 →
// 61 + max(10, 15) + 1% × 3,000.00 = 30.00 + 0 = 106.00.
func TestExampleAVariant(t *testing.T) {
	res := apply(t, calc(t, "shanghai-2024"), person("1957-03-01", 10, 0, "3000.00"))
	checkParts(t, res, map[string]string{"fixed": "61.00", "years": "15.00", "level": "30.00"}, "106.00")
	if res.NewPension.String() != "3106.00" || res.Arrears.String() != "636.00" {
		t.Errorf("new %s arrears %s; want 3106.00 and 6 × 106 = 636.00", res.NewPension, res.Arrears)
	}
}

func mustRegion(s string) region.Code { return region.MustParseCode(s) }
