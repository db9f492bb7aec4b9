package plan

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// hugePlan is a HYPOTHETICAL plan of n fixed parts of 100,000,000 yuan a
// month each (the largest amount a part may name), effective 1900-01 and
// first paid 9999-12, to drive the int64 fen totals to their limit.
func hugePlan(n int) Plan {
	p := testPlan()
	p.Effective, p.FirstPaid = benefit.MustParseMonth("1900-01"), benefit.MustParseMonth("9999-12")
	p.RetiredBy = MustParseDate("9999-12-31")
	p.Parts[0].Fixed.Amount = benefit.Yuan(100_000_000)
	for i := 1; i < n; i++ {
		q := p.Parts[0]
		q.ID = fmt.Sprint("fixed", i)
		p.Parts = append(p.Parts, q)
	}
	return p
}

// Totals too large for an int64 of fen are an error, never a wrong number
// or a panic, whatever the workers.
//
// Ten parts give each retiree 10 × 100,000,000 = 1,000,000,000.00 a month.
// Retired 1950-01-01, the arrears run from 1950-02 up to 9999-12:
// 8,049 × 12 + 10 = 96,598 months, 96,598,000,000,000.00 yuan each.
// The largest int64 of fen is 92,233,720,368,547,758.07 yuan:
// 954 retirees owe 92,154,492,000,000,000.00, which fits;
// 955 owe 92,251,090,000,000,000.00, which does not.
func TestTotalsOverflow(t *testing.T) {
	c, err := NewCalculator(hugePlan(10))
	if err != nil {
		t.Fatal(err)
	}
	r := Retiree{ID: "x", Birth: MustParseDate("1901-01-01"), Retired: MustParseDate("1950-01-01"), Years: 1, Pension: benefit.Yuan(100_000_000)}
	res := apply(t, c, r)
	if res.Increase.String() != "1000000000.00" || res.ArrearsMonths != 96_598 || res.Arrears.String() != "96598000000000.00" {
		t.Fatalf("one retiree: %s, %d months, %s", res.Increase, res.ArrearsMonths, res.Arrears)
	}
	people := func(n int) []Retiree {
		rs := make([]Retiree, n)
		for i := range rs {
			rs[i] = r
			rs[i].ID = strconv.Itoa(i)
		}
		return rs
	}
	for _, o := range []Options{{Workers: 1}, {Workers: 3, ChunkSize: 100}} {
		s, err := c.Run(context.Background(), FromSlice(people(954)), o)
		if err != nil || s.Arrears.String() != "92154492000000000.00" {
			t.Errorf("954 retirees, workers %d: %v, %v; want arrears 92154492000000000.00", o.Workers, s, err)
		}
		s, err = c.Run(context.Background(), FromSlice(people(955)), o)
		if s != nil || !errors.Is(err, ErrTotals) {
			t.Errorf("955 retirees, workers %d: %v, %v; want no summary and ErrTotals", o.Workers, s, err)
		}
	}
}

// A plan whose parts could give one retiree more than int64 fen holds
// over its months of arrears is rejected when it is validated. From
// 1900-01 to 9999-12 a retiree of before 1900 is owed 8,099 × 12 + 11 =
// 97,199 months; half the largest int64 is 4,611,686,018,427,387,903 fen,
// so one retiree may get at most 4,611,686,018,427,387,903 / 97,199 =
// 47,445,817,533,383 fen, 474,458,175,333.83 yuan a month. 4,000 parts of
// 100,000,000.00 (plus a fen of rounding slack each) stay below it;
// 5,000 parts (500,000,000,000.00) do not.
func TestPlanTooLarge(t *testing.T) {
	if _, err := NewCalculator(hugePlan(4000)); err != nil {
		t.Errorf("4,000 parts: %v", err)
	}
	_, err := NewCalculator(hugePlan(5000))
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.Field != "parts" || !errors.Is(err, ErrPlan) || !strings.Contains(err.Error(), "474458175333.83 yuan") {
		t.Fatalf("5,000 parts: %v; want a RecordError on parts wrapping ErrPlan, naming 474458175333.83 yuan", err)
	}
}
