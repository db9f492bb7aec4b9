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
//		levels, err := floor.ReadCSV(f, "testdata/levels.csv")
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
// advisories are logged without failing.
//
// The helpers take testing.TB, so they work with plain testing, testify
// or any harness built on it; Compliant returns an error for harnesses
// that want one. This package imports go-cmp and is meant for tests
// only.
package floortest
