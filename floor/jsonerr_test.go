package floor_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
)

// levelsDoc is a levels file with one value per line, so that each
// case below can name the line of its fault by counting:
//
//	1 {"levels": [
//	2   {"region": "371723",
//	3    "program": "pension.resident.basic",
//	4    "beneficiaries": 10,
//	5    "versions": [
//	6      {"from": "2023-01", "amount": "103", "status": "default"},
//	7      {"from": "2024-07",
//	8       "amount": "123", "status": "default"}]}],
//	9  "waivers": []}
func levelsDoc(replace ...string) string {
	doc := `{"levels": [
  {"region": "371723",
   "program": "pension.resident.basic",
   "beneficiaries": 10,
   "versions": [
     {"from": "2023-01", "amount": "103", "status": "default"},
     {"from": "2024-07",
      "amount": "123", "status": "default"}]}],
 "waivers": []}`
	return strings.NewReplacer(replace...).Replace(doc)
}

// Every error of ReadJSON names the file, the line and the JSON path,
// and says what is wrong once ("benefit: invalid syntax: benefit:
// invalid month" was a doubled prefix).
func TestReadJSONErrorsNameLineAndPath(t *testing.T) {
	cases := []struct {
		name, in string
		line     int
		field    string
		msg      string // the whole message
	}{
		{"month 13", levelsDoc(`"2024-07"`, `"2024-13"`), 7, "levels[0].versions[1].from",
			`l.json:7: levels[0].versions[1].from: benefit: invalid month "2024-13": year must be 1900-9999 and month 01-12`},
		{"bad amount", levelsDoc(`"123"`, `"12x"`), 8, "levels[0].versions[1].amount", ""},
		{"negative amount", levelsDoc(`"123"`, `"-1"`), 8, "levels[0].versions[1].amount", ""},
		{"amount in exponent notation", levelsDoc(`"123"`, `1.23e2`), 8, "levels[0].versions[1].amount", ""},
		{"no amount", levelsDoc(`,
      "amount": "123", "status": "default"`, `, "status": "default"`), 7, "levels[0].versions[1].amount", ""},
		{"no status", levelsDoc(`"123", "status": "default"`, `"123"`), 7, "levels[0].versions[1].status",
			`l.json:7: levels[0].versions[1].status: benefit: no status: version from 2024-07 has no "status" (want legislated, announced, provisional, projected or default)`},
		{"persons as a string", levelsDoc(`10,`, `"10",`), 4, "levels[0].beneficiaries",
			`l.json:4: levels[0].beneficiaries: benefit: invalid syntax: a JSON string where a whole number is expected`},
		{"negative persons", levelsDoc(`10,`, `-10,`), 4, "levels[0].beneficiaries", ""},
		{"unknown programme", levelsDoc(`resident.basic`, `resident.nope`), 3, "levels[0].program", ""},
		{"unknown region", levelsDoc(`371723`, `999999`), 2, "levels[0].region", ""},
		{"versions out of order", levelsDoc(`2023-01`, `2025-01`), 7, "levels[0].versions[1].from", ""},
		{"bad waiver", levelsDoc(`"waivers": []`, `"waivers": [
   {"region": "371723", "program": "pension.resident.basic",
    "interval": {"from": "2024-01"}, "reason": ""}]`), 11, "waivers[0].reason", ""},
		{"unknown field in a version", levelsDoc(`"amount": "123"`, `"amout": "123"`), 8, "levels[0].versions[1].amout",
			`l.json:8: levels[0].versions[1].amout: benefit: invalid syntax: json: unknown field "amout"`},
		// "persons" is also a key of a head count, so only the walk by
		// type finds the unknown one
		{"unknown field named twice", levelsDoc(`"beneficiaries": 10,`, `"headcounts": [{"from": "2023-01", "persons": 10}], "persons": 10,`), 4, "levels[0].persons", ""},
		{"trailing data", levelsDoc() + "\n\n{}", 11, "",
			`l.json:11: benefit: invalid syntax: unexpected data after the JSON value`},
		{"cut short", levelsDoc()[:40], 3, "", `l.json:3: benefit: invalid syntax: the JSON document ends early`},
		{"empty", "", 1, "", `l.json:1: benefit: invalid syntax: empty file: no JSON document`},
		{"only white space", " \n\t\n", 1, "", `l.json:1: benefit: invalid syntax: empty file: no JSON document`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := floor.ReadJSON(strings.NewReader(tc.in), "l.json", floor.SetOptions{})
			var re *benefit.RecordError
			if !errors.As(err, &re) {
				t.Fatalf("err = %v, want a *benefit.RecordError", err)
			}
			if re.File != "l.json" || re.Line != tc.line || re.Field != tc.field {
				t.Errorf("err = %v: file %q line %d field %q, want l.json line %d field %q", err, re.File, re.Line, re.Field, tc.line, tc.field)
			}
			if tc.msg != "" && err.Error() != tc.msg {
				t.Errorf("err = %q\nwant  %q", err, tc.msg)
			}
			if strings.Count(err.Error(), "benefit:") > 1 {
				t.Errorf("doubled prefix: %v", err)
			}
		})
	}
}

// Load's errors name file, line and JSON path as ReadJSON's do.
func TestLoadErrorsNameLineAndPath(t *testing.T) {
	doc := `{"version": "test",
 "floors": [
  {"program": "pension.resident.basic",
   "versions": [
     {"from": "2024-01", "amount": "123", "status": "legislated"}]}]}`
	cases := []struct {
		name, old, new string
		line           int
		field          string
	}{
		{"month 13", `"2024-01"`, `"2024-13"`, 5, "floors[0].versions[0].from"},
		{"bad amount", `"123"`, `"1.2.3"`, 5, "floors[0].versions[0].amount"},
		{"unknown programme", `resident.basic`, `resident.nope`, 3, "floors[0].program"},
		{"bad per", `"versions"`, `"per": "week", "versions"`, 4, "floors[0].per"},
		{"no versions", `"versions": [
     {"from": "2024-01", "amount": "123", "status": "legislated"}]`, `"versions": []`, 4, "floors[0].versions"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := floor.Load(strings.NewReader(strings.Replace(doc, tc.old, tc.new, 1)), "f.json", floor.SetOptions{})
			var re *benefit.RecordError
			if !errors.As(err, &re) || re.File != "f.json" || re.Line != tc.line || re.Field != tc.field {
				t.Fatalf("err = %v, want f.json:%d: %s", err, tc.line, tc.field)
			}
			if strings.Count(err.Error(), "benefit:") > 1 {
				t.Errorf("doubled prefix: %v", err)
			}
		})
	}
	_, err := floor.Load(strings.NewReader(doc+"\n[]"), "f.json", floor.SetOptions{})
	if err == nil || err.Error() != "f.json:6: benefit: invalid syntax: unexpected data after the JSON value" {
		t.Errorf("trailing: %v", err)
	}
	if !errors.Is(err, benefit.ErrSyntax) {
		t.Errorf("trailing: %v is not ErrSyntax", err)
	}
	_, err = floor.Load(strings.NewReader(""), "f.json", floor.SetOptions{})
	if err == nil || err.Error() != "f.json:1: benefit: invalid syntax: empty file: no JSON document" {
		t.Errorf("empty: %v", err)
	}
}

// A directory is a file that cannot be read, not a syntax error, and
// its name is given once.
func TestReadDirectory(t *testing.T) {
	dir := t.TempDir()
	for name, read := range map[string]func(*os.File) error{
		"ReadJSON": func(f *os.File) error { _, err := floor.ReadJSON(f, dir, floor.SetOptions{}); return err },
		"Load":     func(f *os.File) error { _, err := floor.Load(f, dir, floor.SetOptions{}); return err },
	} {
		f, err := os.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		err = read(f)
		f.Close()
		var re *benefit.RecordError
		if !errors.As(err, &re) || re.File != dir || errors.Is(err, benefit.ErrSyntax) ||
			err.Error() != dir+": cannot read: is a directory" {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}
