package columns_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/columns"
)

func disability(t *testing.T) benefit.Program {
	t.Helper()
	p, err := benefit.DefaultCatalogue().Program("veterans.disability")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Counts read with the programme's keys as columns or with one
// dimensions column, in any order, with an optional base-year level.
func TestReadCounts(t *testing.T) {
	for _, doc := range []string{
		"region,grade,cause,beneficiaries\n370000,1,因战,10\n510000,10,因公,200\n",
		"\uFEFFbeneficiaries,cause,region,grade,level\r\n10,因战,370000,1,\r\n200,因公,510000,10,11000\r\n",
		"region,dimensions,beneficiaries\n370000,cause=因战;grade=1,10\n510000,\"grade=10;cause=因公\",200\n",
	} {
		cs, err := columns.ReadCounts(strings.NewReader(doc), "c.csv", disability(t), benefit.Limits{})
		if err != nil {
			t.Fatalf("%q: %v", doc, err)
		}
		if len(cs) != 2 || cs[0].Region.String() != "370000" || cs[0].Dims.String() != "cause=因战;grade=1" || cs[0].Beneficiaries != 10 ||
			cs[1].Dims.String() != "cause=因公;grade=10" || cs[1].Beneficiaries != 200 {
			t.Errorf("%q: %+v", doc, cs)
		}
		if strings.Contains(doc, "level") && (cs[1].Level == nil || cs[1].Level.String() != "11000.00" || cs[0].Level != nil) {
			t.Errorf("levels %v %v", cs[0].Level, cs[1].Level)
		}
	}
}

// Every bad count names file, line and column; nothing is returned.
func TestReadCountsErrors(t *testing.T) {
	const head = "region,grade,cause,beneficiaries\n370000,1,因战,10\n"
	cases := []struct {
		name, doc, field string
		line             int
		is               error
	}{
		{"negative", head + "370000,2,因战,-1\n", "beneficiaries", 3, benefit.ErrNegative},
		{"not whole", head + "370000,2,因战,1.5\n", "beneficiaries", 3, benefit.ErrSyntax},
		{"因病 grade 7", head + "370000,7,因病,3\n", "grade", 3, benefit.ErrDimension},
		{"a key missing", head + "370000,,因战,3\n", "grade", 3, benefit.ErrSyntax},
		{"bad region", head + "3700,2,因战,3\n", "region", 3, nil},
		{"unknown column", "region,grade,cause,beneficiaries,note\n", "note", 1, benefit.ErrSyntax},
		{"both", "region,grade,cause,dimensions,beneficiaries\n", "dimensions", 1, benefit.ErrSyntax},
		{"no counts", "region,grade,cause,beneficiaries\n", "region", 1, benefit.ErrSyntax},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cs, err := columns.ReadCounts(strings.NewReader(c.doc), "c.csv", disability(t), benefit.Limits{})
			var re *benefit.RecordError
			if cs != nil || !errors.As(err, &re) || re.File != "c.csv" || re.Line != c.line || re.Field != c.field || (c.is != nil && !errors.Is(err, c.is)) {
				t.Errorf("got %v (%+v), want c.csv:%d %s wrapping %v", err, re, c.line, c.field, c.is)
			}
		})
	}
	// more rows than Limits.Levels
	_, err := columns.ReadCounts(strings.NewReader(head+"370000,2,因战,1\n"), "c.csv", disability(t), benefit.Limits{Levels: 1})
	if !errors.Is(err, benefit.ErrTooLarge) {
		t.Errorf("bound: %v", err)
	}
}
