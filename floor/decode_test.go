package floor_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
)

// A value that does not decode deep inside a levels file is named by its
// JSON pointer as well as its path and line: benefit.Version reads its
// own members, and its error is composed with the version's place.
// Lines as counted in levelsDoc.
func TestReadJSONNamesThePointer(t *testing.T) {
	for _, tc := range []struct {
		name, old, new string
		line           int
		field, pointer string
		is             error
	}{
		{"bad amount", `"123"`, `"12x"`, 8, "levels[0].versions[1].amount", "/levels/0/versions/1/amount", benefit.ErrSyntax},
		{"missing status", `"123", "status": "default"`, `"123"`, 7, "levels[0].versions[1].status", "/levels/0/versions/1/status", benefit.ErrNoStatus},
		{"unknown region", `371723`, `999999`, 2, "levels[0].region", "/levels/0/region", nil},
		// text that is not what it claims: invalid UTF-8 and a lone
		// surrogate in a string are encoding errors naming the field
		{"invalid UTF-8", `"pension.resident.basic"`, "\"pension.\xcd\xf2\"", 3, "levels[0].program", "/levels/0/program", benefit.ErrEncoding},
		{"lone surrogate", `"pension.resident.basic"`, `"pension\ud800"`, 3, "levels[0].program", "/levels/0/program", benefit.ErrEncoding},
		{"key given twice", `"beneficiaries": 10,`, `"beneficiaries": 10, "beneficiaries": 11,`, 4, "levels[0].beneficiaries", "/levels/0/beneficiaries", benefit.ErrSyntax},
		{"key in another case", `"beneficiaries": 10,`, `"Beneficiaries": 10,`, 4, "levels[0].Beneficiaries", "/levels/0/Beneficiaries", benefit.ErrSyntax},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := floor.ReadJSON(strings.NewReader(levelsDoc(tc.old, tc.new)), "l.json", floor.SetOptions{})
			var re *benefit.RecordError
			if !errors.As(err, &re) || re.File != "l.json" || re.Line != tc.line || re.Field != tc.field || re.Pointer != tc.pointer {
				t.Fatalf("err = %v (%+v); want l.json:%d %s %s", err, re, tc.line, tc.field, tc.pointer)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("err = %v, not %v", err, tc.is)
			}
		})
	}
}

// A lone UTF-16 surrogate written into a CSV (as CESU-8: U+D800 is
// ED A0 80) is an encoding error naming the field, as GBK is.
func TestReadCSVRejectsSurrogates(t *testing.T) {
	in := header + "140822,pension.resident.basic,,2022-01,113,month,75000,万荣\xed\xa0\x80县,default\n"
	_, err := floor.ReadCSV(strings.NewReader(in), "s.csv", floor.SetOptions{})
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.Line != 2 || re.Field != "source" || !errors.Is(err, benefit.ErrEncoding) || !strings.Contains(err.Error(), "surrogate") {
		t.Errorf("err = %v", err)
	}
}

// Limits.Levels and Limits.Versions bound a levels file and a floors
// file: one level or version over the bound is an error wrapping
// benefit.ErrTooLarge that names the record; at the bound, all is read.
func TestLevelsAndVersionsBounds(t *testing.T) {
	opts := floor.SetOptions{Limits: benefit.Limits{Levels: 3, Versions: 4}}
	csvLevels := func(levels, versions int) string {
		var b strings.Builder
		b.WriteString("region,program,dimensions,effective_from,amount,status\n")
		for l := range levels {
			for v := range versions {
				fmt.Fprintf(&b, "371723,pension.resident.basic,age=%s,%d-01,200,default\n", []string{"60+", "65+", "70+", "75+", "80+"}[l], 2020+v)
			}
		}
		return b.String()
	}
	jsonLevels := func(levels, versions int) string {
		var b strings.Builder
		b.WriteString(`{"levels": [`)
		for l := range levels {
			if l > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "\n{\"region\": \"371723\", \"program\": \"pension.resident.basic\", \"dimensions\": \"age=%s\", \"versions\": [", []string{"60+", "65+", "70+", "75+", "80+"}[l])
			for v := range versions {
				if v > 0 {
					b.WriteString(",")
				}
				fmt.Fprintf(&b, "\n {\"from\": \"%d-01\", \"amount\": \"200\", \"status\": \"default\"}", 2020+v)
			}
			b.WriteString("]}")
		}
		b.WriteString("]}")
		return b.String()
	}
	floors := func(versions int) string {
		var b strings.Builder
		b.WriteString(`{"version": "t", "floors": [{"program": "pension.resident.basic", "versions": [`)
		for v := range versions {
			if v > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "\n {\"from\": \"%d-01\", \"amount\": \"200\", \"status\": \"legislated\"}", 2020+v)
		}
		b.WriteString("]}]}")
		return b.String()
	}
	readCSV := func(in string) error { _, err := floor.ReadCSV(strings.NewReader(in), "l.csv", opts); return err }
	readJSON := func(in string) error { _, err := floor.ReadJSON(strings.NewReader(in), "l.json", opts); return err }
	load := func(in string) error { _, err := floor.Load(strings.NewReader(in), "f.json", opts); return err }
	for _, tc := range []struct {
		name  string
		err   error
		line  int
		field string
	}{
		{"CSV at the bounds", readCSV(csvLevels(3, 4)), 0, ""},
		{"CSV one level over", readCSV(csvLevels(4, 1)), 5, "region"},
		{"CSV one version over", readCSV(csvLevels(1, 5)), 6, "effective_from"},
		{"JSON at the bounds", readJSON(jsonLevels(3, 4)), 0, ""},
		{"JSON one level over", readJSON(jsonLevels(4, 1)), 8, "levels[3]"},
		{"JSON one version over", readJSON(jsonLevels(1, 5)), 7, "levels[0].versions[4]"},
		{"floors at the bound", load(floors(4)), 0, ""},
		{"floors one version over", load(floors(5)), 6, "floors[0].versions[4]"},
	} {
		if tc.line == 0 {
			if tc.err != nil {
				t.Errorf("%s: %v", tc.name, tc.err)
			}
			continue
		}
		var re *benefit.RecordError
		if !errors.As(tc.err, &re) || !errors.Is(tc.err, benefit.ErrTooLarge) || re.Line != tc.line || re.Field != tc.field {
			t.Errorf("%s: err = %v; want line %d field %s wrapping ErrTooLarge", tc.name, tc.err, tc.line, tc.field)
		}
	}
}
