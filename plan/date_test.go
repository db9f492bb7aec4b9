package plan

import (
	"context"
	"encoding/json"
	"errors"
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
		if got := leap.AgeAt(MustParseDate(ref)); got != want {
			t.Errorf("born 2000-02-29, age at %s = %d, want %d", ref, got, want)
		}
	}
	var d struct{ D Date }
	if err := json.Unmarshal([]byte(`{"D":"2023-12-31"}`), &d); err != nil || d.D.String() != "2023-12-31" || d.D.MonthOf().String() != "2023-12" {
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
