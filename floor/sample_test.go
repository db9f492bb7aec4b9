package floor_test

import (
	"os"
	"testing"

	"github.com/benefitstd/benefitstd/floor"
)

func TestSampleSmoke(t *testing.T) {
	in := floor.Sample()
	if !in.Illustrative {
		t.Fatal("sample must be marked illustrative")
	}
	rep, err := floor.Check(in.Levels, floor.Options{To: ym("2025-07")})
	if err != nil {
		t.Fatal(err)
	}
	rep.WriteText(os.Stdout)
}
