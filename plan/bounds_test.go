package plan

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// ReadCSV bounds a retiree line and field: one past the bound stops
// the run with an error naming the record and wrapping
// benefit.ErrTooLarge; at the bound the file runs.
func TestReadCSVBounds(t *testing.T) {
	p, err := Builtin("shanghai-2024")
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewCalculator(p)
	if err != nil {
		t.Fatal(err)
	}
	row := func(id string) string { return id + ",1950-01-01,2010-01-01,30,0,3000.00,0,,F\n" }
	file := CSVHeader() + "\n" + row("P1") + row(strings.Repeat("9", 40))
	for _, tc := range []struct {
		lim   benefit.Limits
		line  int
		field string
	}{
		{benefit.Limits{Field: 40}, 0, ""},
		{benefit.Limits{Field: 39}, 3, "id"},
		{benefit.Limits{Line: len(row(strings.Repeat("9", 40))) - 2}, 3, ""},
	} {
		_, err := c.Run(context.Background(), ReadCSV(strings.NewReader(file), "r.csv", tc.lim), Options{})
		if tc.line == 0 {
			if err != nil {
				t.Errorf("%+v: %v", tc.lim, err)
			}
			continue
		}
		var re *benefit.RecordError
		if !errors.As(err, &re) || !errors.Is(err, benefit.ErrTooLarge) || re.Line != tc.line || re.Field != tc.field {
			t.Errorf("%+v: err = %v; want r.csv:%d %s wrapping ErrTooLarge", tc.lim, err, tc.line, tc.field)
		}
	}
}

// Load reads at most 1 MiB.
func TestLoadBound(t *testing.T) {
	_, err := Load(strings.NewReader(`{"note": "`+strings.Repeat("x", 1<<20)+`"}`), "big.json")
	if !errors.Is(err, benefit.ErrTooLarge) || !strings.Contains(err.Error(), "1 MiB") {
		t.Errorf("err = %v", err)
	}
}
