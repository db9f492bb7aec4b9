package plan

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// A repeated id would be paid twice in the per-person (payment) file: the
// run fails on the line of the second occurrence, naming the first.
//
//	line 1  header
//	line 2  A
//	line 3  B
//	line 4  C
//	line 5  " A " (trimmed: A, first on line 2)  ← reported
//	line 6  B again                              (later: not reported)
func TestDuplicateIDCSV(t *testing.T) {
	const rest = ",1957-06-01,2015-06-30,35,0,5000.00,0,,M\n"
	csv := CSVHeader() + "\n" + "A" + rest + "B" + rest + "C" + rest + " A " + rest + "B" + rest
	check := func(t *testing.T, err error) {
		t.Helper()
		var re *benefit.RecordError
		if !errors.As(err, &re) || re.File != "pay.csv" || re.Line != 5 || re.Field != "id" {
			t.Fatalf("err = %v; want pay.csv:5: id", err)
		}
		if !errors.Is(err, ErrDuplicateID) || !strings.Contains(err.Error(), `"A" was already given on line 2`) {
			t.Errorf("err = %v; want ErrDuplicateID naming line 2", err)
		}
	}
	c := calc(t, "shanghai-2024")
	for _, o := range []Options{{Workers: 1}, {Workers: 4, ChunkSize: 1}, {Workers: 3, ChunkSize: 2}, {Workers: 2, ChunkSize: 1000}} {
		for range 5 {
			var out bytes.Buffer
			o.PerPerson = lines{&out}
			s, err := c.Run(context.Background(), ReadCSV(strings.NewReader(csv), "pay.csv", benefit.Limits{}), o)
			if s != nil {
				t.Errorf("workers %d chunk %d: a summary came back with the error", o.Workers, o.ChunkSize)
			}
			check(t, err)
			// Without a per-person output the Summary would count A twice.
			o.PerPerson = nil
			_, err = c.Run(context.Background(), ReadCSV(strings.NewReader(csv), "pay.csv", benefit.Limits{}), o)
			check(t, err)
		}
	}
	// Read into memory (calibration): the same error, no population.
	pop, err := NewPopulation(ReadCSV(strings.NewReader(csv), "pay.csv", benefit.Limits{}))
	if pop != nil {
		t.Error("a population came back with the error")
	}
	check(t, err)

	// An earlier bad record is reported first: line 4's pension.
	bad := strings.Replace(csv, "C,1957-06-01,2015-06-30,35,0,5000.00", "C,1957-06-01,2015-06-30,35,0,5000.001", 1)
	for _, o := range []Options{{Workers: 1}, {Workers: 3, ChunkSize: 1}} {
		_, err := c.Run(context.Background(), ReadCSV(strings.NewReader(bad), "pay.csv", benefit.Limits{}), o)
		var re *benefit.RecordError
		if !errors.As(err, &re) || re.Line != 4 || re.Field != "pension" {
			t.Errorf("workers %d: err = %v; want pay.csv:4: pension", o.Workers, err)
		}
	}
	// A line the CSV reader rejects (field count): after the repeat, the
	// repeat is reported; before it, the reader's line.
	for _, tc := range []struct {
		csv   string
		line  int
		field string
	}{
		{csv + "Z,1957-06-01\n", 5, "id"},                                                    // line 7
		{strings.Replace(csv, "C"+rest, "C,1957-06-01\n", 1), 4, ""},                         // line 4
		{CSVHeader() + "\n" + "A" + rest + strings.Repeat("B"+rest, 1), 0, ""},               // no error
		{CSVHeader() + "\n" + "A" + rest + "A" + rest + strings.Repeat("Q,1\n", 3), 3, "id"}, // first chunk
	} {
		for _, o := range []Options{{Workers: 1}, {Workers: 3, ChunkSize: 1}, {Workers: 2, ChunkSize: 2}} {
			_, err := c.Run(context.Background(), ReadCSV(strings.NewReader(tc.csv), "pay.csv", benefit.Limits{}), o)
			var re *benefit.RecordError
			switch {
			case tc.line == 0 && err != nil:
				t.Errorf("chunk %d: err = %v, want none", o.ChunkSize, err)
			case tc.line != 0 && (!errors.As(err, &re) || re.Line != tc.line || re.Field != tc.field):
				t.Errorf("chunk %d: err = %v; want pay.csv:%d field %q", o.ChunkSize, err, tc.line, tc.field)
			}
		}
	}
	// Ids differing in case are different ids: a-2 and A-2 both pass.
	ok := CSVHeader() + "\n" + "a-2" + rest + "A-2" + rest
	if s, err := c.Run(context.Background(), ReadCSV(strings.NewReader(ok), "pay.csv", benefit.Limits{}), Options{}); err != nil || s.Retirees != 2 {
		t.Errorf("a-2, A-2: %v, %v; want 2 retirees", s, err)
	}
}

// Go values: the position of the second occurrence, naming the first.
// Empty ids are not compared (a Go caller may leave ID empty).
func TestDuplicateIDSeq(t *testing.T) {
	id := func(s string) Retiree {
		return with(ret("1950-01-01", 30, 0, "4000.00"), func(r *Retiree) { r.ID = s })
	}
	c := calc(t, "shanghai-2024")
	_, err := c.Run(context.Background(), FromSlice([]Retiree{id("p1"), id(""), id("p2"), id(""), id("p1")}), Options{Workers: 2, ChunkSize: 1})
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.Line != 5 || re.Field != "id" || !errors.Is(err, ErrDuplicateID) || !strings.Contains(err.Error(), "record 1") {
		t.Errorf("err = %v; want record 5, field id, ErrDuplicateID, naming record 1", err)
	}
	// A bad record after the repeat (position 4, a fraction of a fen): the
	// repeat at 3 is reported; a bad record before it (position 2): that one.
	badPension := with(id("p9"), func(r *Retiree) { r.Pension = benefit.MustParseAmount("1.001") })
	for _, tc := range []struct {
		rs    []Retiree
		line  int
		field string
	}{
		{[]Retiree{id("p1"), id("p2"), id("p1"), badPension}, 3, "id"},
		{[]Retiree{id("p1"), badPension, id("p1")}, 2, "pension"},
	} {
		for _, o := range []Options{{Workers: 1}, {Workers: 3, ChunkSize: 1}, {Workers: 2, ChunkSize: 2}} {
			_, err := c.Run(context.Background(), FromSlice(tc.rs), o)
			if !errors.As(err, &re) || re.Line != tc.line || re.Field != tc.field {
				t.Errorf("chunk %d: err = %v; want record %d field %s", o.ChunkSize, err, tc.line, tc.field)
			}
		}
	}
	// A cursor error after a repeat: the repeat is reported.
	boom := errors.New("cursor failed")
	_, err = c.Run(context.Background(), FromSeq(func(yield func(Retiree, error) bool) {
		_ = yield(id("p1"), nil) && yield(id("p1"), nil) && yield(Retiree{}, boom)
	}), Options{ChunkSize: 10})
	if !errors.As(err, &re) || re.Line != 2 || !errors.Is(err, ErrDuplicateID) {
		t.Errorf("cursor: err = %v; want record 2, ErrDuplicateID", err)
	}
	if s, err := c.Run(context.Background(), FromSlice([]Retiree{id(""), id(""), id("p1")}), Options{}); err != nil || s.Retirees != 3 {
		t.Errorf("empty ids: %v, %v; want 3 retirees", s, err)
	}
}

// The id table grows from 1,024 slots and tells apart ids of the same
// hash by their bytes. Id "r<i>" is added at line i+2 (after a header),
// so a repeat of r<k> names line k+2.
func TestIDSet(t *testing.T) {
	for _, name := range []string{"maphash", "every id the same hash", "hash = length"} {
		var s idSet
		switch name {
		case "every id the same hash":
			s.hash = func(string) uint64 { return 42 }
		case "hash = length":
			s.hash = func(id string) uint64 { return uint64(len(id)) }
		}
		n := 5000
		if name == "every id the same hash" {
			n = 300 // every add probes every earlier id
		}
		for i := range n {
			if first := s.add("r"+strconv.Itoa(i), i+2); first != 0 {
				t.Fatalf("%s: r%d is new, add says first seen on line %d", name, i, first)
			}
		}
		for _, k := range []int{0, 1, 99, n - 1} {
			if first := s.add("r"+strconv.Itoa(k), n+10); first != k+2 {
				t.Errorf("%s: repeat of r%d: first line %d, want %d", name, k, first, k+2)
			}
		}
		if first := s.add("r"+strconv.Itoa(n), n+11); first != 0 {
			t.Errorf("%s: r%d is new, add says line %d", name, n, first)
		}
	}
	// An id longer than a block of bytes gets a block of its own.
	var s idSet
	long := strings.Repeat("x", byteBlock+5)
	if s.add("a", 2) != 0 || s.add(long, 3) != 0 || s.add("b", 4) != 0 || s.add(long, 5) != 3 || s.add("a", 6) != 2 {
		t.Error("long id: wrong first lines")
	}
}
