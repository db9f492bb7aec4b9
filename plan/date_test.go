package plan

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/benefitstd/benefitstd/benefit"
)

func TestDate(t *testing.T) {
	for s, is := range map[string]error{"2023-02-29": benefit.ErrRange, "2023-13-01": benefit.ErrRange, "1899-12-31": benefit.ErrRange,
		"2023-1-01": benefit.ErrSyntax, "2023/01/01": benefit.ErrSyntax, "": benefit.ErrSyntax, "２０２３-01-01": benefit.ErrSyntax} {
		if _, err := ParseDate(s); !errors.Is(err, is) {
			t.Errorf("ParseDate(%q) = %v, want %v", s, err, is)
		}
	}
	// Full years (周岁): the birthday counts on the day. A 29 February
	// birthday falls on 28 February in a common year: 民法典 第二百零二条,
	// "按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为
	// 期间的最后一日" (text read in a law mirror). 2100 is a common year.
	leap := MustParseDate("2000-02-29")
	for ref, want := range map[string]int{"2018-02-27": 17, "2018-02-28": 18, "2018-03-01": 18, "2020-02-28": 19, "2020-02-29": 20,
		"2100-02-28": 100, "2100-02-27": 99, "2400-02-28": 399, "2400-02-29": 400} {
		if got := ageAt(leap.v, MustParseDate(ref).v); got != want {
			t.Errorf("born 2000-02-29, age at %s = %d, want %d", ref, got, want)
		}
	}
	var d struct{ D Date }
	if err := json.Unmarshal([]byte(`{"D":"2023-12-31"}`), &d); err != nil || d.D.String() != "2023-12-31" || benefit.NewMonth(d.D.Year(), d.D.Month()).String() != "2023-12" {
		t.Errorf("json: %v %v", d, err)
	}
	if b, _ := json.Marshal(d); string(b) != `{"D":"2023-12-31"}` {
		t.Errorf("marshal: %s", b)
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	pop, _ := NewPopulation(Synthetic(1, 100, MustParseDate("2023-12-31")))
	s, err := calc(t, "shanghai-2024").Run(ctx, pop, Options{})
	if s != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, %v; want no summary and context.Canceled", s, err)
	}
}

// A Population gives back the retirees it was built from.
func TestPopulationAll(t *testing.T) {
	rs := []Retiree{with(ret("1950-01-01", 30, 4, "4000.10"), func(r *Retiree) { r.Area, r.Category, r.Sex = 2, "农转工", Female })}
	pop, err := NewPopulation(FromSlice(rs))
	if err != nil {
		t.Fatal(err)
	}
	for r := range pop.All() {
		if r.ID != "x" || r.Years != 30 || r.Months != 4 || r.Pension.String() != "4000.10" || r.Area != 2 || r.Category != "农转工" || r.Sex != Female || r.Birth.String() != "1950-01-01" {
			t.Errorf("got %+v", r)
		}
	}
	if pop.Len() != 1 {
		t.Errorf("len %d", pop.Len())
	}
}

// The days of every month of 1900-2100 are those of the time package's
// calendar (an outside reference: time.Date normalises day 0 of the next
// month to the last day of this one).
func TestDaysIn(t *testing.T) {
	for y := 1900; y <= 2100; y++ {
		for m := time.January; m <= time.December; m++ {
			if got, want := daysIn(y, m), time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day(); got != want {
				t.Fatalf("%d-%02d: %d days, want %d", y, m, got, want)
			}
		}
	}
}

// FuzzParseDate: ParseDate accepts what time.Parse accepts as
// 2006-01-02 in the years 1900-9999, with the same day, and rejects the
// rest: as a syntax error what time.Parse cannot read as the layout, as
// a range error a day that does not exist or a year outside the range.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2023-12-31", "2000-02-29", "2100-02-29", "1899-12-31", "2023-1-01", "2023-00-10", "2023-01-00", "20x3-01-01", "2023-01-0/", "9999-12-31", "0000-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		tm, terr := time.Parse("2006-01-02", s)
		// the layout's fields are fixed-width digits: time.Parse reads
		// exactly YYYY-MM-DD
		wantOK := terr == nil && tm.Year() >= benefit.MinYear && tm.Year() <= benefit.MaxYear && len(s) == 10
		if (err == nil) != wantOK {
			t.Fatalf("ParseDate(%q) = %v, %v; time.Parse: %v, %v", s, d, err, tm, terr)
		}
		if err == nil && (d.Year() != tm.Year() || d.Month() != tm.Month() || d.Day() != tm.Day()) {
			t.Fatalf("ParseDate(%q) = %v, time.Parse %v", s, d, tm)
		}
		if err != nil && !errors.Is(err, benefit.ErrSyntax) && !errors.Is(err, benefit.ErrRange) {
			t.Fatalf("ParseDate(%q): %v", s, err)
		}
	})
}

// FuzzIntField: intField reads what strconv.Atoi reads, of at most 4
// digits, and its range and syntax errors.
func FuzzIntField(f *testing.F) {
	for _, s := range []string{"0", "15", "80", "81", "0099", "", "1a", "+1", "-1", " 1", "12345", "٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := intField(s, 0, maxYears, true)
		a, aerr := strconv.Atoi(s)
		switch {
		case s == "":
			if n != 0 || err != nil {
				t.Fatalf("%q: %d, %v", s, n, err)
			}
		case aerr == nil && len(s) <= 4 && s[0] >= '0' && s[0] <= '9' && a >= 0 && a <= maxYears:
			if n != a || err != nil {
				t.Fatalf("%q: %d, %v; Atoi %d", s, n, err, a)
			}
		case aerr == nil && len(s) <= 4 && s[0] >= '0' && s[0] <= '9':
			if !errors.Is(err, benefit.ErrRange) {
				t.Fatalf("%q: %d, %v; Atoi %d", s, n, err, a)
			}
		default:
			if err == nil {
				t.Fatalf("%q: %d; Atoi %v", s, n, aerr)
			}
		}
	})
}
