package benefitstd_test

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/plan"
	"github.com/benefitstd/benefitstd/region"
)

// Text that is not what it claims is refused by every reader, naming the
// record: a lone UTF-16 surrogate written as UTF-8 (CESU-8: U+D800 is
// ED A0 80, which is not UTF-8) or a byte that is not UTF-8 (FF) in a
// CSV field, and a lone surrogate escape (\ud800) or such bytes inside a
// JSON string. Each gives a *benefit.RecordError with the file, the line
// of the bad text and its field, wrapping benefit.ErrEncoding.
func TestEveryReaderRefusesNonUTF8(t *testing.T) {
	const (
		cesu = "\xed\xa0\x80" // U+D800 encoded as if it were a character
		ff   = "\xff"
	)
	readers := []struct {
		name string
		file string // a valid input
		mark string // text of the file's line `line`, once in the file
		repl string // what replaces it, BAD standing for the bad text
		line int
		read func(r io.Reader, name string) error
	}{
		{"levels CSV", "cmd/benefitstd/testdata/check_compliant.csv", "123,month,10000,HYPOTHETICAL compliant county", "123,month,10000,xBADy", 3,
			func(r io.Reader, n string) error { _, err := floor.ReadCSV(r, n, floor.SetOptions{}); return err }},
		{"expectations CSV", "cmd/benefitstd/testdata/check_expect.csv", "region\n", "BAD\n", 3,
			func(r io.Reader, n string) error {
				_, err := floor.ReadExpectations(r, n, floor.SetOptions{})
				return err
			}},
		{"divisions CSV", "cmd/benefitstd/testdata/regions_laiwu.csv", "Laicheng District", "xBADy", 3,
			func(r io.Reader, n string) error { _, err := region.Default().WithDivisions(r, n); return err }},
		{"retirees CSV", "cmd/benefitstd/testdata/plan_retirees.csv", "农转工", "xBADy", 3,
			func(r io.Reader, n string) error {
				_, err := plan.NewPopulation(plan.ReadCSV(r, n, benefit.Limits{}))
				return err
			}},
		{"levels JSON", "floor/data/sample_levels.json", "", "", 0,
			func(r io.Reader, n string) error { _, err := floor.ReadJSON(r, n, floor.SetOptions{}); return err }},
		{"floors JSON", "cmd/benefitstd/testdata/check_floors_yrd.json", "HYPOTHETICAL 长三角 regional agreement", "xBADy", 6,
			func(r io.Reader, n string) error { _, err := floor.Load(r, n, floor.SetOptions{}); return err }},
		{"catalogue JSON", "cmd/benefitstd/testdata/check_catalogue.json", "高龄津贴", "xBADy", 3,
			func(r io.Reader, n string) error { _, err := benefit.LoadCatalogue(r, n); return err }},
		{"scenario JSON", "cmd/benefitstd/testdata/simulate_a.json", "two provinces, fixed +10", "xBADy", 2,
			func(r io.Reader, n string) error { _, err := adjust.LoadScenario(r, n, adjust.Options{}); return err }},
		{"plan JSON", "cmd/benefitstd/testdata/plan_custom.json", "ILLUSTRATIVE test plan", "xBADy", 11,
			func(r io.Reader, n string) error { _, err := plan.Load(r, n); return err }},
	}
	for _, rd := range readers {
		b, err := os.ReadFile(rd.file)
		if err != nil {
			t.Fatal(err)
		}
		doc := string(b)
		if err := rd.read(strings.NewReader(doc), rd.name); err != nil {
			t.Fatalf("%s: the valid file %s: %v", rd.name, rd.file, err)
		}
		if rd.mark == "" {
			continue // the levels JSON is tested below on a small document
		}
		if got := strings.Count(doc[:strings.Index(doc, rd.mark)], "\n") + 1; got != rd.line || strings.Count(doc, rd.mark) != 1 {
			t.Fatalf("%s: %q is on line %d (want %d) or not once", rd.name, rd.mark, got, rd.line)
		}
		bads := []string{cesu, ff}
		if strings.HasSuffix(rd.name, "JSON") {
			bads = append(bads, `\ud800`)
		}
		for _, bad := range bads {
			err := rd.read(strings.NewReader(strings.Replace(doc, rd.mark, strings.Replace(rd.repl, "BAD", bad, 1), 1)), rd.name)
			var re *benefit.RecordError
			if !errors.As(err, &re) || !errors.Is(err, benefit.ErrEncoding) || re.File != rd.name || re.Line != rd.line || re.Field == "" {
				t.Errorf("%s with %q: %v; want a RecordError at %s:%d naming the field, wrapping ErrEncoding", rd.name, bad, err, rd.name, rd.line)
			}
		}
	}
	js := "{\"levels\": [{\"region\": \"371723\", \"program\": \"pension.resident.basic\", \"beneficiaries\": 1000,\n" +
		"  \"versions\": [{\"from\": \"2023-01\", \"amount\": \"140\", \"status\": \"legislated\", \"source\": {\"title\": \"BAD\"}}]}]}"
	for _, bad := range []string{cesu, ff, `\ud800`} {
		_, err := floor.ReadJSON(strings.NewReader(strings.Replace(js, "BAD", "x"+bad, 1)), "l.json", floor.SetOptions{})
		var re *benefit.RecordError
		if !errors.As(err, &re) || !errors.Is(err, benefit.ErrEncoding) || re.Line != 2 || !strings.HasPrefix(re.Field, "levels[0].versions[0]") {
			t.Errorf("levels JSON with %q: %v; want l.json:2 levels[0].versions[0]… wrapping ErrEncoding", bad, err)
		}
	}
}
