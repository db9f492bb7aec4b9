package floortest

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// A FindingError is one finding that fails a compliance assertion.
type FindingError struct {
	Finding floor.Finding
}

// Error prints the finding on several lines: what, where, when, the
// figures, the arrears, the sources and a diff of required vs actual.
func (e *FindingError) Error() string { return describe(e.Finding) }

// Compliant checks levels with floor.Check and returns nil when no
// finding is a violation, or errors.Join of one *FindingError per
// violation (in report order). A bad input is returned as it is.
func Compliant(levels []floor.Level, opts floor.Options) error {
	rep, err := floor.Check(levels, opts)
	if err != nil {
		return err
	}
	var errs []error
	for _, f := range rep.Findings {
		if f.Severity.AtLeast(floor.Violation) {
			errs = append(errs, &FindingError{Finding: f})
		}
	}
	return errors.Join(errs...)
}

// AssertCompliant checks levels and reports each violation with
// tb.Errorf (warnings and advisories with tb.Logf). It returns whether
// the levels are compliant, and carries on like testify's assert.
func AssertCompliant(tb testing.TB, levels []floor.Level, opts floor.Options) bool {
	tb.Helper()
	rep, err := floor.Check(levels, opts)
	if err != nil {
		tb.Errorf("floor.Check: %v", err)
		return false
	}
	ok := true
	var fails []floor.Finding
	for _, f := range rep.Findings {
		if f.Severity.AtLeast(floor.Violation) {
			fails = append(fails, f)
			ok = false
		} else {
			tb.Logf("floor %s (not failing): %s", f.Severity, f.String())
		}
	}
	for i, f := range fails {
		tb.Errorf("floor violation %d of %d:\n%s", i+1, len(fails), describe(f))
	}
	if !ok {
		tb.Errorf("arrears owed: %s (central %s, local %s)", rep.Summary.ArrearsTotal, rep.Summary.ArrearsCentral, rep.Summary.ArrearsLocal)
	}
	return ok
}

// RequireCompliant is AssertCompliant followed by tb.FailNow when the
// levels are not compliant, like testify's require.
func RequireCompliant(tb testing.TB, levels []floor.Level, opts floor.Options) {
	tb.Helper()
	if !AssertCompliant(tb, levels, opts) {
		tb.FailNow()
	}
}

// levelView is what the diff shows: the level where and when, and its
// amount.
type levelView struct {
	Region   string
	Program  string
	Dims     string
	Interval string
	Per      string
	Amount   benefit.Amount
}

// describe prints a finding for a person: the rule and severity, the
// region, programme, dimensions and months, the figures, the arrears
// and their split, the rule's and the local value's sources, and a
// go-cmp diff (-required +actual) of the level.
func describe(f floor.Finding) string {
	var b strings.Builder
	where := f.RegionName
	if f.Region.IsValid() {
		where = f.Region.String() + " " + f.RegionName
	}
	fmt.Fprintf(&b, "  rule %s (%s): %s, %s", f.Rule, f.Severity, where, f.Program)
	if !f.Dims.IsZero() {
		fmt.Fprintf(&b, " [%s]", f.Dims)
	}
	fmt.Fprintf(&b, ", months %s\n", f.Interval)
	if f.Unchecked != "" {
		fmt.Fprintf(&b, "  NOT CHECKED (%s): %s\n  rule source: %s\n", f.Unchecked, f.Message(), orNone(f.Citation))
		return strings.TrimRight(b.String(), "\n")
	}
	fmt.Fprintf(&b, "  %s\n", f.Message())
	fmt.Fprintf(&b, "  required %s, actual %s per %s", f.Required, f.Actual, f.Per)
	if f.Shortfall.Sign() > 0 {
		fmt.Fprintf(&b, ", shortfall %s per person-%s", f.Shortfall, f.Per)
	}
	if f.Excess.Sign() > 0 {
		fmt.Fprintf(&b, ", excess %s", f.Excess)
	}
	b.WriteString("\n")
	if f.Arrears.Sign() > 0 {
		fmt.Fprintf(&b, "  arrears %s for %d person-months", f.Arrears, f.PersonMonths)
		switch {
		case f.SplitKnown:
			fmt.Fprintf(&b, " (central %s, local %s)", f.Central, f.Local)
		case f.Payer != "":
			fmt.Fprintf(&b, " (paid by the %s)", f.Payer)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "  rule source: %s\n", orNone(f.Citation))
	fmt.Fprintf(&b, "  local value: %s\n", orNone(f.Source))
	want := levelView{f.Region.String(), f.Program, f.Dims.String(), f.Interval.String(), f.Per.String(), f.Required}
	got := want
	got.Amount = f.Actual
	if d := cmp.Diff(want, got); d != "" {
		b.WriteString("  diff (-required +actual):\n")
		for _, l := range strings.Split(strings.TrimRight(d, "\n"), "\n") {
			b.WriteString("  " + l + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

func orNone(c benefit.Citation) string {
	if c.IsZero() {
		return "(none given)"
	}
	s := c.String()
	if c.URL != "" && s != c.URL {
		s += " <" + c.URL + ">"
	}
	return s
}

// CmpOptions returns go-cmp options for comparing floor values in tests:
// region codes and dimensions by value, amounts by value (through their
// Equal method), findings' messages by what they say, and empty slices
// equal to nil.
func CmpOptions() cmp.Options {
	return cmp.Options{
		cmp.Comparer(func(a, b region.Code) bool { return a == b }),
		cmp.Comparer(func(a, b benefit.Dims) bool { return a == b }),
		cmp.Exporter(func(t reflect.Type) bool { return t == reflect.TypeFor[floor.Finding]() }), // its message, compared by its Equal method
		cmpopts.EquateEmpty(),
	}
}

// ignoreProse returns a go-cmp option that ignores a finding's prose
// (Message, Citation, Source and RegionName), to compare figures only.
func ignoreProse() cmp.Option {
	return cmp.Options{cmpopts.IgnoreFields(floor.Finding{}, "Citation", "Source", "RegionName"), cmpopts.IgnoreUnexported(floor.Finding{})}
}

// AssertFindings compares the findings of a report with the expected
// ones by their figures only (a finding's Message, Citation, Source and
// RegionName are not compared) and reports a go-cmp diff
// (-want +got) with tb.Errorf. It returns whether they are equal.
func AssertFindings(tb testing.TB, got *floor.Report, want []floor.Finding) bool {
	tb.Helper()
	if d := cmp.Diff(want, got.Findings, CmpOptions(), ignoreProse()); d != "" {
		tb.Errorf("findings differ (-want +got):\n%s", d)
		return false
	}
	return true
}
