package benefit_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Small assertion helpers. testify is not used here: its assert package
// needs go.yaml.in/yaml/v3, which the module's go.sum does not hold.
// go-cmp compares Amounts and Rates with their Equal methods.

func msg(args []any) string {
	if len(args) == 0 {
		return ""
	}
	if f, ok := args[0].(string); ok {
		return " (" + fmt.Sprintf(f, args[1:]...) + ")"
	}
	return " " + fmt.Sprint(args...)
}

func equal(t testing.TB, want, got any, args ...any) bool {
	t.Helper()
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("mismatch%s (-want +got):\n%s", msg(args), d)
		return false
	}
	return true
}

func isTrue(t testing.TB, ok bool, args ...any) bool {
	t.Helper()
	if !ok {
		t.Errorf("want true%s", msg(args))
	}
	return ok
}

func isFalse(t testing.TB, ok bool, args ...any) {
	t.Helper()
	if ok {
		t.Errorf("want false%s", msg(args))
	}
}

func noError(t testing.TB, err error, args ...any) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error%s: %v", msg(args), err)
	}
}

func isError(t testing.TB, err error, args ...any) {
	t.Helper()
	if err == nil {
		t.Errorf("want an error%s, got nil", msg(args))
	}
}

func errorIs(t testing.TB, err, target error, args ...any) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Errorf("want an error wrapping %q%s, got %v", target, msg(args), err)
	}
}

func jsonEq(t testing.TB, want, got string, args ...any) {
	t.Helper()
	var w, g any
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("bad want JSON %s: %v", want, err)
	}
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		t.Fatalf("bad JSON %s: %v", got, err)
	}
	equal(t, w, g, args...)
}
