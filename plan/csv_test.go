package plan

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

func runCSV(t *testing.T, id, file string, opt Options) (*Report, error) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return calc(t, id).Run(context.Background(), ReadCSV(f, file, benefit.Limits{}), opt)
}

// The national-level finding, Tibet 2024 (51 + 1.81%) on testdata/retirees_small.csv:
// A 5,000.00 → 51 + 90.50 = 141.50; B 3,000.00 → 51 + 54.30 = 105.30; C retired
// 2024-02-29, after the 2023-12-31 cut-off → not eligible.
// Increase 246.80 / prior 8,000.00 = 3.085% > the national 3% of 2024 → finding.
func TestNationalFinding(t *testing.T) {
	s, err := runCSV(t, "tibet-2024", "testdata/retirees_small.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Retirees != 3 || s.Eligible != 2 || len(s.Ineligible) != 1 || s.Ineligible[0].Retirees != 1 {
		t.Errorf("counts %d/%d %+v; want 3 read, 2 eligible, 1 not", s.Retirees, s.Eligible, s.Ineligible)
	}
	if s.PriorTotal.String() != "8000.00" || s.Increase.String() != "246.80" || s.Average.String() != "123.40" || s.Percent.String() != "3.085%" {
		t.Errorf("prior %s increase %s average %s percent %s; want 8000.00, 246.80, 123.40, 3.085%%", s.PriorTotal, s.Increase, s.Average, s.Percent)
	}
	n := s.National
	if n == nil || !n.Exceeds || n.Rate.String() != "3%" || n.Percent.String() != "3.085%" || !strings.Contains(n.Message, "3.085%") || !strings.Contains(n.Message, "3%") {
		t.Errorf("national check %+v; want a finding naming 3.085%% and 3%%", n)
	}
	// Totals by part: fixed 2 × 51 = 102.00; level 90.50 + 54.30 = 144.80.
	if s.Parts[0].Total.String() != "102.00" || s.Parts[1].Total.String() != "144.80" {
		t.Errorf("parts %+v", s.Parts)
	}
	// By area: none → A (141.50); class 1 → B (105.30).
	if len(s.Areas) != 2 || s.Areas[0].Increase.String() != "141.50" || s.Areas[1].Group != "class 1" || s.Areas[1].Increase.String() != "105.30" {
		t.Errorf("areas %+v", s.Areas)
	}
	// Percentiles by nearest rank of {105.30, 141.50}: P50 = 105.30, P75 = 141.50.
	if p := s.Percentiles; p[5].P != 50 || p[5].Increase.String() != "105.30" || p[6].Increase.String() != "141.50" {
		t.Errorf("percentiles %+v", p)
	}
	// Histogram: 105.30 to 141.50 spans 37 one-yuan, 19 two-yuan and 8
	// five-yuan bins; 5 yuan is the first width with at most 12:
	// [105, 110) holds B, [140, 145) holds A.
	if h := s.Histogram; len(h) != 8 || h[0].From.String() != "105.00" || h[0].To.String() != "110.00" || h[0].Retirees != 1 ||
		h[7].From.String() != "140.00" || h[7].Retirees != 1 {
		t.Errorf("histogram %+v", h)
	}
}

// Within the level: Shanxi 2025 (30; 0.6 a year, min 10; 0.53%) on the same file,
// ages 67 at 2024-12-31 (no tilt), B in hardship class 1 (+3):
// A 30 + 21 + 26.50 = 77.50; B 30 + 6 + 15.90 + 3 = 54.90; C retired 2024-02-29 is
// eligible here (cut-off 2024-12-31): 61 on 2024-12-31, 30 + 18 + 21.20 = 69.20.
// 201.60 / 12,000 = 1.68% ≤ 2% → no finding.
func TestNationalWithin(t *testing.T) {
	s, err := runCSV(t, "shanxi-2025", "testdata/retirees_small.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Eligible != 3 || s.Increase.String() != "201.60" || s.Percent.String() != "1.68%" || s.National == nil || s.National.Exceeds || s.National.Rate.String() != "2%" {
		t.Errorf("eligible %d increase %s percent %s national %+v; want 3, 201.60, 1.68%%, within 2%%", s.Eligible, s.Increase, s.Percent, s.National)
	}
	// All three retired before the effective month 2025-01, so arrears run from
	// 2025-01 up to the first month at the new rate, 2025-07: 6 × 201.60 = 1,209.60.
	if s.Arrears.String() != "1209.60" {
		t.Errorf("arrears %s, want 1209.60", s.Arrears)
	}
}

func TestCSVForms(t *testing.T) {
	for _, f := range []string{"testdata/retirees_crlf.csv", "testdata/retirees_bom.csv"} {
		s, err := runCSV(t, "shanghai-2024", f, Options{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		// Example A without the age tilt (66 at 2023-12-31): 61 + 35 + 50 = 146.
		if s.Increase.String() != "146.00" {
			t.Errorf("%s: increase %s, want 146.00", f, s.Increase)
		}
	}
}

// TestCSVErrors: every bad record is reported with file, line and field, and
// the run returns no summary (nothing half-applied).
func TestCSVErrors(t *testing.T) {
	const head = "id,birth_date,retired_date,years,months,pension,area_class,category,sex\n"
	const good = "A,1957-06-01,2015-06-30,35,0,5000.00,0,,M\n"
	for _, tc := range []struct {
		name, csv, field string
		line             int
		is               error
	}{
		{"empty file", "", "", 1, benefit.ErrSyntax},
		{"missing column", "id,birth_date,retired_date,years\n", "pension", 1, benefit.ErrSyntax},
		{"unknown column", "id,birth_date,retired_date,years,pension,salary\n", "salary", 1, benefit.ErrSyntax},
		{"bad date", head + good + "B,1957-13-01,2015-06-30,35,0,5000.00,0,,M\n", "birth_date", 3, benefit.ErrRange},
		{"no such day", head + good + "B,1957-02-29,2015-06-30,35,0,5000.00,0,,M\n", "birth_date", 3, benefit.ErrRange},
		{"date syntax", head + "B,1957/06/01,2015-06-30,35,0,5000.00,0,,M\n", "birth_date", 2, benefit.ErrSyntax},
		{"fraction of a fen", head + good + "A2" + good[1:] + "B,1957-06-01,2015-06-30,35,0,5000.005,0,,M\n", "pension", 4, benefit.ErrSyntax},
		{"negative pension", head + "B,1957-06-01,2015-06-30,35,0,-5000,0,,M\n", "pension", 2, benefit.ErrNegative},
		{"thousands separator", head + "B,1957-06-01,2015-06-30,35,0,\"5,000.00\",0,,M\n", "pension", 2, benefit.ErrSyntax},
		{"exponent", head + "B,1957-06-01,2015-06-30,35,0,1e999999999,0,,M\n", "pension", 2, benefit.ErrSyntax},
		{"years out of range", head + "B,1957-06-01,2015-06-30,81,0,5000,0,,M\n", "years", 2, benefit.ErrRange},
		{"months out of range", head + "B,1957-06-01,2015-06-30,30,12,5000,0,,M\n", "months", 2, benefit.ErrRange},
		{"years not a number", head + "B,1957-06-01,2015-06-30,+3,0,5000,0,,M\n", "years", 2, benefit.ErrRange},
		{"area class", head + "B,1957-06-01,2015-06-30,30,0,5000,10,,M\n", "area_class", 2, benefit.ErrRange},
		{"sex", head + "B,1957-06-01,2015-06-30,30,0,5000,0,,X\n", "sex", 2, benefit.ErrSyntax},
		{"retired before birth", head + "B,1957-06-01,1950-06-30,30,0,5000,0,,M\n", "retired_date", 2, benefit.ErrOrder},
		{"missing id", head + ",1957-06-01,2015-06-30,30,0,5000,0,,M\n", "id", 2, benefit.ErrSyntax},
		{"field count", head + good + "B,1957-06-01\n", "", 3, benefit.ErrSyntax},
		{"GBK", "id,birth_date,retired_date,years,pension\n\xd5\xc5\xc8\xfd,1957-06-01,2015-06-30,30,5000\n", "id", 2, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := calc(t, "shanghai-2024")
			var out bytes.Buffer
			s, err := c.Run(context.Background(), ReadCSV(strings.NewReader(tc.csv), "people.csv", benefit.Limits{}), Options{PerPerson: lines{&out}, ChunkSize: 1})
			if s != nil {
				t.Errorf("a summary came back with the error")
			}
			var re *benefit.RecordError
			if !errors.As(err, &re) {
				t.Fatalf("err = %v, want a *benefit.RecordError", err)
			}
			if re.File != "people.csv" || re.Line != tc.line || re.Field != tc.field {
				t.Errorf("err = %v; want people.csv line %d field %q", err, tc.line, tc.field)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("err = %v; want it to wrap %v", err, tc.is)
			}
		})
	}
}

// Go values go through the same checks; the error names the record's position.
func TestSeqErrors(t *testing.T) {
	rs := []Retiree{
		ret("1950-01-01", 30, 0, "4000.00"),
		ret("1950-01-01", 30, 0, "4000.001"),
	}
	_, err := calc(t, "shanghai-2024").Run(context.Background(), FromSlice(rs), Options{})
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.Line != 2 || re.Field != "pension" {
		t.Errorf("err = %v; want record 2, field pension", err)
	}
	if _, err := calc(t, "shanghai-2024").Apply(Retiree{Pension: benefit.Yuan(1)}); err == nil {
		t.Error("a retiree without dates must be rejected")
	}
	// A Sex outside its constants would silently match no sex bracket.
	_, err = calc(t, "shanghai-2021").Apply(with(ret("1950-01-01", 30, 0, "4000.00"), func(r *Retiree) { r.Sex = 7 }))
	if !errors.As(err, &re) || re.Field != "sex" || !errors.Is(err, benefit.ErrRange) {
		t.Errorf("sex 7: err = %v; want field sex, ErrRange", err)
	}
}

// The same population gives the same summary from CSV, from Go values and from
// a Population.
func TestSourcesAgree(t *testing.T) {
	c := calc(t, "beijing-2022")
	gen, err := NewPopulation(Synthetic(11, 3000, MustParseDate("2021-12-31")))
	if err != nil {
		t.Fatal(err)
	}
	seq := gen.All()
	var rs []Retiree
	var csv strings.Builder
	csv.WriteString("id,birth_date,retired_date,years,months,pension,area_class,category,sex\n")
	for r := range seq {
		rs = append(rs, r)
		csv.WriteString(strings.Join([]string{r.ID, r.Birth.String(), r.Retired.String(), strconv.Itoa(r.Years), strconv.Itoa(r.Months), r.Pension.String(), strconv.Itoa(r.Area), r.Category, r.Sex.String()}, ",") + "\n")
	}
	a, err := c.Run(context.Background(), FromSlice(rs), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.Run(context.Background(), ReadCSV(strings.NewReader(csv.String()), "gen.csv", benefit.Limits{}), Options{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	pop, err := NewPopulation(Synthetic(11, 3000, MustParseDate("2021-12-31")))
	if err != nil {
		t.Fatal(err)
	}
	d, err := c.Run(context.Background(), pop, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []*Report{b, d} {
		if !s.Increase.Equal(a.Increase) || !s.PriorTotal.Equal(a.PriorTotal) || s.Eligible != a.Eligible || !s.Arrears.Equal(a.Arrears) {
			t.Errorf("sources disagree: %s/%s/%d vs %s/%s/%d", s.Increase, s.PriorTotal, s.Eligible, a.Increase, a.PriorTotal, a.Eligible)
		}
	}
}

// FromSeq streams Go values; an error from the iterator stops the run.
func TestFromSeq(t *testing.T) {
	c := calc(t, "tibet-2024")
	// Tibet 2024: 51 + 1.81% × 4,000 = 123.40 each; 246.80 / 8,000 = 3.085% (exact).
	two := func(yield func(Retiree, error) bool) {
		_ = yield(ret("1950-01-01", 30, 0, "4000.00"), nil) && yield(with(ret("1951-01-01", 20, 0, "4000.00"), func(r *Retiree) { r.ID = "y" }), nil)
	}
	s, err := c.Run(context.Background(), FromSeq(two), Options{})
	if err != nil || s.Increase.String() != "246.80" || s.Percent.String() != "3.085%" || !s.PercentExact {
		t.Fatalf("%v %+v", err, s)
	}
	boom := errors.New("cursor failed")
	_, err = c.Run(context.Background(), FromSeq(func(yield func(Retiree, error) bool) {
		_ = yield(ret("1950-01-01", 30, 0, "4000.00"), nil) && yield(Retiree{}, boom)
	}), Options{})
	if !errors.Is(err, boom) {
		t.Errorf("err = %v, want the iterator's error", err)
	}
}

// Records are parsed in parallel chunks; the error reported is always the
// one of the earliest bad line, whatever the workers and chunk size.
func TestCSVEarliestError(t *testing.T) {
	var b strings.Builder
	b.WriteString(CSVHeader() + "\n")
	for i := range 2000 {
		switch i {
		case 700:
			b.WriteString("X,1957-06-01,2015-06-30,35,0,5000.001,0,,M\n") // line 702: pension
		case 1500:
			b.WriteString("Y,1957-06-01,2015-06-30,99,0,5000,0,,M\n") // line 1502: years
		case 1900:
			b.WriteString("Z,1957-06-01\n") // line 1902: field count, found by the reader
		default:
			b.WriteString("A" + strconv.Itoa(i) + ",1957-06-01,2015-06-30,35,0,5000.00,0,,M\n")
		}
	}
	// Read into memory (NewPopulation, as calibration does): the same line.
	_, err := NewPopulation(ReadCSV(strings.NewReader(b.String()), "many.csv", benefit.Limits{}))
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.Line != 702 || re.Field != "pension" {
		t.Fatalf("NewPopulation: err = %v; want many.csv:702 pension", err)
	}
	c := calc(t, "shanghai-2024")
	for _, o := range []Options{{Workers: 1}, {Workers: 4, ChunkSize: 1}, {Workers: 3, ChunkSize: 7}, {Workers: 2, ChunkSize: 1000}} {
		for range 5 {
			_, err := c.Run(context.Background(), ReadCSV(strings.NewReader(b.String()), "many.csv", benefit.Limits{}), o)
			var re *benefit.RecordError
			if !errors.As(err, &re) || re.Line != 702 || re.Field != "pension" {
				t.Fatalf("workers %d chunk %d: err = %v; want many.csv:702 pension", o.Workers, o.ChunkSize, err)
			}
		}
	}
}
