package plan

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"runtime"
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
			// Without a per-person output the Report would count A twice.
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
		for _, r := range []Retiree{id("p1"), id("p1")} {
			if !yield(r, nil) {
				return
			}
		}
		yield(Retiree{}, boom)
	}), Options{ChunkSize: 10})
	if !errors.As(err, &re) || re.Line != 2 || !errors.Is(err, ErrDuplicateID) {
		t.Errorf("cursor: err = %v; want record 2, ErrDuplicateID", err)
	}
	if s, err := c.Run(context.Background(), FromSlice([]Retiree{id(""), id(""), id("p1")}), Options{}); err != nil || s.Retirees != 3 {
		t.Errorf("empty ids: %v, %v; want 3 retirees", s, err)
	}
}

// add adds id at line to s and returns the line add reports.
func (s *idSet) mustAdd(t *testing.T, id string, line int) int {
	t.Helper()
	first, err := s.add(id, line)
	if err != nil {
		t.Fatal(err)
	}
	return first
}

// The id table grows from 1,024 slots and tells apart ids of the same
// hash by their bytes. Id "r<i>" is added at line i+2 (after a header),
// so a repeat of r<k> names line k+2.
func TestIDSet(t *testing.T) {
	for _, name := range []string{"maphash", "every id the same hash", "hash = length"} {
		var s idSet
		defer s.close()
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
			if first := s.mustAdd(t, "r"+strconv.Itoa(i), i+2); first != 0 {
				t.Fatalf("%s: r%d is new, add says first seen on line %d", name, i, first)
			}
		}
		for _, k := range []int{0, 1, 99, n - 1} {
			if first := s.mustAdd(t, "r"+strconv.Itoa(k), n+10); first != k+2 {
				t.Errorf("%s: repeat of r%d: first line %d, want %d", name, k, first, k+2)
			}
		}
		if first := s.mustAdd(t, "r"+strconv.Itoa(n), n+11); first != 0 {
			t.Errorf("%s: r%d is new, add says line %d", name, n, first)
		}
	}
	// A long id (longer than the buffers the merge reads with) is kept
	// whole.
	var s idSet
	long := strings.Repeat("x", mergeBuf+5)
	if s.mustAdd(t, "a", 2) != 0 || s.mustAdd(t, long, 3) != 0 || s.mustAdd(t, "b", 4) != 0 || s.mustAdd(t, long, 5) != 3 || s.mustAdd(t, "a", 6) != 2 {
		t.Error("long id: wrong first lines")
	}
}

// lowSegments makes the id sets of checkIDs spill every n ids for the
// rest of the test.
func lowSegments(t *testing.T, n int) {
	old := segLimit
	segLimit = n
	t.Cleanup(func() { segLimit = old })
}

// Spilled segments: a repeat across segments is found by finish, with
// the line of its first occurrence; a repeat within the current segment
// by add at once; the repeat whose second occurrence comes first wins;
// ids of the same hash are told apart by their bytes. Ids r0 … r999 are
// added at lines 2 … 1001 in segments of 64, so r0 … r959 are on file
// and r960 … r999 in the current segment.
func TestIDSetSpill(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	for _, hash := range []string{"maphash", "every id the same hash", "hash = length"} {
		for _, tc := range []struct {
			name        string
			more        []string // added at lines 1002, 1003, …
			online      int      // index in more of a repeat add reports; -1 none
			onlineFirst int
			line, first int // what finish reports; line 0: nothing
		}{
			{"no repeat", []string{"r1000", "r1001"}, -1, 0, 0, 0},
			{"across segments", []string{"r1000", "r5"}, -1, 0, 1003, 7},
			{"two: the earlier second occurrence", []string{"r500", "r3"}, -1, 0, 1002, 502},
			{"within the segment", []string{"r1000", "r990"}, 1, 992, 0, 0},
			{"a third occurrence", []string{"r7", "r7"}, 1, 1002, 1002, 9},
		} {
			s := idSet{limit: 64}
			switch hash {
			case "every id the same hash":
				s.hash = func(string) uint64 { return 42 }
			case "hash = length":
				s.hash = func(id string) uint64 { return uint64(len(id)) }
			}
			for i := range 1000 {
				if first := s.mustAdd(t, "r"+strconv.Itoa(i), i+2); first != 0 {
					t.Fatalf("%s, %s: r%d is new, add says line %d", hash, tc.name, i, first)
				}
			}
			if s.files == nil || len(s.files.sorted) != 15 {
				t.Fatalf("%s, %s: want 15 runs on file", hash, tc.name)
			}
			if runtime.GOOS != "windows" {
				if es, _ := os.ReadDir(dir); len(es) != 0 {
					t.Errorf("%s, %s: the temporary files have names while in use: %v", hash, tc.name, es)
				}
			}
			for j, id := range tc.more {
				first := s.mustAdd(t, id, 1002+j)
				want := 0
				if j == tc.online {
					want = tc.onlineFirst
				}
				if first != want {
					t.Errorf("%s, %s: add(%s, %d) = %d, want %d", hash, tc.name, id, 1002+j, first, want)
				}
				if first != 0 {
					break
				}
			}
			r, ok, err := s.finish()
			switch {
			case err != nil:
				t.Fatal(err)
			case tc.line == 0 && ok:
				t.Errorf("%s, %s: finish found %+v", hash, tc.name, r)
			case tc.line != 0 && (!ok || r.line != tc.line || r.first != tc.first):
				t.Errorf("%s, %s: finish = %+v, %v; want line %d first %d", hash, tc.name, r, ok, tc.line, tc.first)
			}
			s.close()
			if es, _ := os.ReadDir(dir); len(es) != 0 {
				t.Errorf("%s, %s: temporary files left: %v", hash, tc.name, es)
			}
		}
	}
}

// More runs than one merge reads: they are merged in rounds. 300 ids in
// segments of 1 make 300 runs, merged 128 at a time.
func TestIDSetManyRuns(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	s := idSet{limit: 1}
	defer s.close()
	for i := range 300 {
		s.mustAdd(t, "r"+strconv.Itoa(i), i+2)
	}
	s.mustAdd(t, "r150", 302)
	s.mustAdd(t, "r20", 303)
	r, ok, err := s.finish()
	if err != nil || !ok || r.id != "r150" || r.line != 302 || r.first != 152 {
		t.Errorf("finish = %+v, %v, %v; want r150 on line 302, first on 152", r, ok, err)
	}
}

// A source larger than a segment: a repeat across segments fails the
// run with the same error as one within a segment, whatever the workers
// and chunks, and leaves no temporary file. 400 retirees A0 … A399 on
// lines 2 … 401 in segments of 50; A7 (line 9) again on line 300.
func TestDuplicateIDSpilled(t *testing.T) {
	lowSegments(t, 50)
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	const rest = ",1957-06-01,2015-06-30,35,0,5000.00,0,,M\n"
	var b strings.Builder
	b.WriteString(CSVHeader() + "\n")
	for i := range 400 {
		id := "A" + strconv.Itoa(i)
		if i+2 == 300 {
			id = "A7"
		}
		b.WriteString(id + rest)
	}
	csv := b.String()
	c := calc(t, "shanghai-2024")
	check := func(t *testing.T, err error, line int, field string) {
		t.Helper()
		var re *benefit.RecordError
		if !errors.As(err, &re) || re.File != "pay.csv" || re.Line != line || re.Field != field {
			t.Fatalf("err = %v; want pay.csv:%d: %s", err, line, field)
		}
		if field == "id" && (!errors.Is(err, ErrDuplicateID) || !strings.Contains(err.Error(), `"A7" was already given on line 9`)) {
			t.Errorf("err = %v; want ErrDuplicateID naming A7 on line 9", err)
		}
	}
	for _, o := range []Options{{Workers: 1}, {Workers: 4, ChunkSize: 1}, {Workers: 3, ChunkSize: 7}, {Workers: 2, ChunkSize: 1000}} {
		o.PerPerson = lines{io.Discard}
		s, err := c.Run(context.Background(), ReadCSV(strings.NewReader(csv), "pay.csv", benefit.Limits{}), o)
		if s != nil {
			t.Error("a summary came back with the error")
		}
		check(t, err, 300, "id")
	}
	pop, err := NewPopulation(ReadCSV(strings.NewReader(csv), "pay.csv", benefit.Limits{}))
	if pop != nil {
		t.Error("a population came back with the error")
	}
	check(t, err, 300, "id")
	// A bad record after the repeat (line 350): the repeat; before it
	// (line 250): that record.
	for _, tc := range []struct{ line int }{{350}, {250}} {
		bad := strings.Replace(csv, "A"+strconv.Itoa(tc.line-2)+",1957-06-01,2015-06-30,35,0,5000.00", "A"+strconv.Itoa(tc.line-2)+",1957-06-01,2015-06-30,35,0,5000.001", 1)
		want, field := 300, "id"
		if tc.line < 300 {
			want, field = tc.line, "pension"
		}
		for _, o := range []Options{{Workers: 1}, {Workers: 3, ChunkSize: 1}, {Workers: 2, ChunkSize: 64}} {
			_, err := c.Run(context.Background(), ReadCSV(strings.NewReader(bad), "pay.csv", benefit.Limits{}), o)
			check(t, err, want, field)
		}
		_, err := NewPopulation(ReadCSV(strings.NewReader(bad), "pay.csv", benefit.Limits{}))
		check(t, err, want, field)
	}
	// Go values: record 300, naming record 9.
	var rs []Retiree
	for r, err := range func(yield func(Retiree, error) bool) {
		for i := range 400 {
			id := "A" + strconv.Itoa(i)
			if i+2 == 300 {
				id = "A7"
			}
			if !yield(with(ret("1950-01-01", 30, 0, "4000.00"), func(r *Retiree) { r.ID = id }), nil) {
				return
			}
		}
	} {
		if err == nil {
			rs = append(rs, r)
		}
	}
	_, err = c.Run(context.Background(), FromSlice(rs), Options{Workers: 2, ChunkSize: 3})
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.Line != 299 || !errors.Is(err, ErrDuplicateID) || !strings.Contains(err.Error(), "record 8") {
		t.Errorf("Go values: err = %v; want record 299 naming record 8", err)
	}
	// Without a repeat the run succeeds.
	ok := strings.Replace(csv, "\nA7,", "\nB7,", 1) // line 9
	if s, err := c.Run(context.Background(), ReadCSV(strings.NewReader(ok), "pay.csv", benefit.Limits{}), Options{}); err != nil || s.Retirees != 400 {
		t.Errorf("no repeat: %v, %v", s, err)
	}
	if es, _ := os.ReadDir(dir); len(es) != 0 {
		t.Errorf("temporary files left: %v", es)
	}
}

// Runs longer than the buffer the merge reads them with: 3 runs of
// 5,000 ids (80,000 bytes each) and a last segment of 100. r4999 (line
// 5001) is repeated on line 15103.
func TestIDSetLongRuns(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	s := idSet{limit: 5000}
	defer s.close()
	for i := range 15100 {
		s.mustAdd(t, "r"+strconv.Itoa(i), i+2)
	}
	s.mustAdd(t, "r15100", 15102)
	s.mustAdd(t, "r4999", 15103)
	r, ok, err := s.finish()
	if err != nil || !ok || r.id != "r4999" || r.line != 15103 || r.first != 5001 {
		t.Errorf("finish = %+v, %v, %v; want r4999 on line 15103, first on 5001", r, ok, err)
	}
}

// An id check that cannot create its temporary files stops the run with
// that error: no id is left unchecked.
func TestIDSetNoTempDir(t *testing.T) {
	lowSegments(t, 10)
	t.Setenv("TMPDIR", t.TempDir()+"/missing")
	var rs []Retiree
	for i := range 30 {
		rs = append(rs, with(ret("1950-01-01", 30, 0, "4000.00"), func(r *Retiree) { r.ID = strconv.Itoa(i) }))
	}
	c := calc(t, "shanghai-2024")
	s, err := c.Run(context.Background(), FromSlice(rs), Options{Workers: 2, ChunkSize: 4})
	if s != nil || err == nil || !strings.Contains(err.Error(), "temporary file") {
		t.Errorf("Run = %v, %v; want no summary and the temporary file's error", s, err)
	}
	if s, err := c.Run(context.Background(), FromSlice(rs[:9]), Options{}); err != nil || s.Retirees != 9 {
		t.Errorf("9 retirees, one segment: %v, %v", s, err)
	}
}
