package floortest_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/floor/floortest"
)

// CmpOptions compares whole findings, their messages included: two
// checks of example B agree, and a finding with the same figures that
// says nothing (made by hand) differs from the one that says "level
// 103.00 is below the national floor 123.00 (announced)".
func TestCmpOptionsCompareMessages(t *testing.T) {
	a, err := floor.Check(exampleB(), window)
	if err != nil {
		t.Fatal(err)
	}
	b, err := floor.Check(exampleB(), window)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(a.Findings, b.Findings, floortest.CmpOptions()); d != "" {
		t.Errorf("two checks of the same levels differ:\n%s", d)
	}
	f := a.Findings[0]
	silent := floor.Finding{Rule: f.Rule, Severity: f.Severity, Region: f.Region, RegionName: f.RegionName, Program: f.Program, Dims: f.Dims,
		Interval: f.Interval, Per: f.Per, Required: f.Required, Actual: f.Actual, Shortfall: f.Shortfall, Excess: f.Excess,
		Persons: f.Persons, PersonMonths: f.PersonMonths, Arrears: f.Arrears, Payer: f.Payer, Central: f.Central, Local: f.Local,
		SplitKnown: f.SplitKnown, Interest: f.Interest, Unchecked: f.Unchecked, Citation: f.Citation, Source: f.Source,
		FloorStatus: f.FloorStatus, InheritedFrom: f.InheritedFrom, Waiver: f.Waiver}
	if f.Message() != "level 103.00 is below the national floor 123.00 (announced)" || cmp.Equal(f, silent, floortest.CmpOptions()) {
		t.Errorf("a finding that says %q compares equal to one that says nothing", f.Message())
	}
	if !floortest.AssertFindings(t, &floor.Report{Findings: []floor.Finding{f}}, []floor.Finding{silent}) {
		t.Error("AssertFindings does not ignore the message")
	}
}
