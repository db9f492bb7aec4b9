// Package floortest holds helpers a downstream `go test` calls to assert
// that local benefit levels keep the national floors (合规断言): a
// pipeline's unit test loads its levels, calls AssertCompliant or
// RequireCompliant, and fails with each finding printed readably, with a
// go-cmp diff of the level the rule requires against the level found.
//
// A pipeline's test reads its levels and asserts:
//
//	func TestLevelsKeepTheFloors(t *testing.T) {
//		f, err := os.Open("testdata/levels.csv")
//		if err != nil {
//			t.Fatal(err)
//		}
//		defer f.Close()
//		levels, err := floor.ReadCSV(f, "testdata/levels.csv", floor.SetOptions{})
//		if err != nil {
//			t.Fatal(err) // names file, line and field
//		}
//		floortest.RequireCompliant(t, levels, floor.Options{
//			From: benefit.MustParseMonth("2024-01"),
//			To:   benefit.MustParseMonth("2025-01"),
//		})
//	}
//
// Each violation is printed with its rule, region, months, figures,
// arrears, the sources of the rule and of the local value, and a go-cmp
// diff of the required level against the actual one; warnings and
// advisories are logged without failing. A rule that could not be
// evaluated (an unchecked finding: no floor for the dimension values, no
// 低保 to compare with, a national table older than its cadence) is a
// warning by default and is logged as NOT CHECKED; set
// floor.Options.UncheckedSeverity to floor.Violation to fail on it, and
// floor.Options.AsOf when the window is open (a shortfall still running
// needs a month to count its arrears to: floor.ErrNoAsOf).
//
// The helpers take testing.TB, so they work with plain testing, testify
// or any harness built on it; Compliant returns an error for harnesses
// that want one. This package imports go-cmp and is meant for tests
// only.
//
// # Errors
//
// Compliant returns errors.Join of one *[FindingError] per violation:
// errors.As(err, &fe) finds the first, and a pipeline tells "the levels
// break a floor" from "the levels file is bad" that way, since a bad input
// comes back as floor.Check's own error (a *benefit.RecordError wrapping
// a benefit or region sentinel for errors.Is). The Assert and Require
// helpers report a bad input with tb.Errorf and count it as a failure.
//
// # Concurrency and exactness
//
// The helpers keep no state and floor.Check is safe for concurrent use,
// so they may run in parallel tests (t.Parallel). They compare and print
// amounts exactly: [CmpOptions] compares benefit.Amount by its Equal
// method, never as floats (and a finding's message by what it says),
// and amounts are printed in their exact String form ("1200000.00");
// nothing here rounds.
package floortest
