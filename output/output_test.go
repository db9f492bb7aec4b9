package output_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/columns"
	"github.com/benefitstd/benefitstd/compare"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/plan"
)

// The table of the package documentation: which format carries which
// result. A result a format does not carry is an error wrapping
// ErrUnsupported, and nothing is written; one it carries is never that
// error (a zero result may still be refused for what it lacks, but
// nothing panics). An unknown format name is ErrUnsupported too.
func TestFormatsCarry(t *testing.T) {
	results := []any{&floor.Report{}, &adjust.Result{}, &compare.SweepResult{}, &compare.Comparison{}, &columns.Result{},
		&output.PlanRun{Report: &plan.Report{}}, &output.PlanList{}, &output.FloorList{}, &output.RegionList{}}
	carries := map[string]string{ // format → the results it carries, by type
		"text":  "*floor.Report *adjust.Result *compare.SweepResult *compare.Comparison *columns.Result *output.PlanRun *output.PlanList *output.FloorList *output.RegionList",
		"csv":   "*adjust.Result *compare.SweepResult *compare.Comparison *columns.Result",
		"json":  "*floor.Report *adjust.Result *compare.SweepResult *compare.Comparison *columns.Result *output.PlanRun *output.FloorList *output.RegionList",
		"junit": "*floor.Report",
		"svg":   "*adjust.Result",
		"xlsx":  "*floor.Report *adjust.Result *compare.SweepResult *compare.Comparison *columns.Result *output.PlanRun",
	}
	for _, format := range output.Formats() {
		got := ""
		for _, v := range append(results, "a string") {
			var b bytes.Buffer
			r, err := output.New(format, &b, output.Options{})
			if err != nil {
				t.Fatal(err)
			}
			err = r.Render(v)
			if errors.Is(err, output.ErrUnsupported) {
				if b.Len() != 0 {
					t.Errorf("%s of %T: refused but wrote %q", format, v, b.String())
				}
				continue
			}
			if got != "" {
				got += " "
			}
			got += fmt.Sprintf("%T", v)
		}
		if got != carries[format] {
			t.Errorf("%s carries %s, want %s", format, got, carries[format])
		}
	}
	if _, err := output.New("xml", &bytes.Buffer{}, output.Options{}); !errors.Is(err, output.ErrUnsupported) {
		t.Errorf("New(xml): %v", err)
	}
}
