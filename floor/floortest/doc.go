// Package floortest holds helpers a downstream `go test` calls to assert
// that local benefit levels keep the national floors (合规断言): a
// pipeline's unit test loads its levels, calls AssertCompliant or
// RequireCompliant, and fails with each finding printed readably, with a
// go-cmp diff of the level the rule requires against the level found.
//
// The helpers take testing.TB, so they work with plain testing, testify
// or any harness built on it; Compliant returns an error for harnesses
// that want one. This package imports go-cmp and is meant for tests
// only.
package floortest
