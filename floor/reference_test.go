package floor_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
)

func minWage(t testing.TB) benefit.Program {
	t.Helper()
	p, err := benefit.DefaultCatalogue().Program("reference.min_wage")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Beijing's first-tier minimum wage, 2,540 yuan from 2025-09, raised 5 %
// on the floor set's cadence of 24 months (最低工资规定 第十条), rounded to
// the yuan: 2,540 × 1.05 = 2,667 from 2027-09, 2,667 × 1.05 = 2,800.35 →
// 2,800 from 2029-09; to 2030-12 that is two projected versions.
func TestReferenceProject(t *testing.T) {
	rate := benefit.MustParseRate("5%")
	ref := floor.Reference{Dims: benefit.MustParseDims("tier=1"),
		History:  []benefit.Version{{From: ym("2025-09"), Amount: benefit.Yuan(2540), Status: benefit.Announced}},
		Revision: floor.Revision{Rate: &rate}}
	sch, n, err := ref.Project(minWage(t), floor.ReferenceOptions{Through: ym("2030-12"), MaxVersions: 10})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range sch.All() {
		got = append(got, fmt.Sprintf("%s %s %s", v.From, v.Amount, v.Status))
	}
	want := "[2025-09 2540.00 announced 2027-09 2667.00 projected 2029-09 2800.00 projected]"
	if fmt.Sprint(got) != want || n != 2 {
		t.Errorf("projected %v (%d), want %s (2)", got, n, want)
	}
	// longer than the cadence, more versions than allowed, no status
	for _, c := range []struct {
		edit  func(r *floor.Reference, o *floor.ReferenceOptions)
		field string
		err   error
	}{
		{func(r *floor.Reference, _ *floor.ReferenceOptions) { r.Revision.EveryMonths = 36 }, "revision.every_months", benefit.ErrRange},
		{func(_ *floor.Reference, o *floor.ReferenceOptions) { o.MaxVersions = 1 }, "revision.every_months", benefit.ErrRange},
		{func(r *floor.Reference, _ *floor.ReferenceOptions) { r.History[0].Status = benefit.Unknown }, "history[0].status", benefit.ErrNoStatus},
	} {
		r := ref
		r.History = append([]benefit.Version(nil), ref.History...)
		o := floor.ReferenceOptions{Through: ym("2030-12"), MaxVersions: 10}
		c.edit(&r, &o)
		_, _, err := r.Project(minWage(t), o)
		var re *benefit.RecordError
		if !errors.Is(err, c.err) || !errors.As(err, &re) || re.Field != c.field {
			t.Errorf("%s: %v, want %v", c.field, err, c.err)
		}
	}
}
