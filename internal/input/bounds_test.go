package input_test

import (
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/internal/input"
)

// endless is an io.Reader that gives head, then body over and over
// (never an end), then nothing else: a generated input of any size that
// is never held in memory.
type endless struct {
	head, body string
	n          int64 // bytes given
}

func (e *endless) Read(p []byte) (int, error) {
	k := 0
	for k < len(p) {
		var c int
		if e.n < int64(len(e.head)) {
			c = copy(p[k:], e.head[e.n:])
		} else {
			off := (e.n - int64(len(e.head))) % int64(len(e.body))
			c = copy(p[k:], e.body[off:])
		}
		k += c
		e.n += int64(c)
	}
	return k, nil
}

// allocated returns the bytes f allocates (runtime.MemStats.TotalAlloc:
// everything, freed or not, so it bounds the peak too).
func allocated(f func()) uint64 {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Each bound stops an endless input just past it, with an error naming
// the bound and wrapping ErrTooLarge, having allocated at most a few
// times the bound (a JSON document's buffer doubles as it grows; a
// quoted CSV record is read by encoding/csv, which allocates about 6
// times the record), and read not much past it.
func TestBounds(t *testing.T) {
	const mib = 1 << 20
	type level struct {
		Region string `json:"region"`
	}
	var v struct {
		Note   string  `json:"note"`
		Levels []level `json:"levels"`
	}
	for _, tc := range []struct {
		name    string
		in      *endless
		lim     input.Limits
		bound   int64
		read    func(io.Reader, input.Limits) error
		line    int
		field   string
		message string
	}{
		{"JSON document", &endless{head: `{"levels": [`, body: "\n{\"region\": \"371723\"},"}, input.Limits{Document: 4 * mib}, 4 * mib,
			func(r io.Reader, lim input.Limits) error { _, err := input.ReadJSON(r, "l.json", &v, lim); return err },
			4 * mib / 22, "", "the document is larger than 4 MiB (Limits.Document)"},
		{"JSON string", &endless{head: "{\n\"note\": \"", body: "万荣县"}, input.Limits{String: mib}, mib,
			func(r io.Reader, lim input.Limits) error { _, err := input.ReadJSON(r, "l.json", &v, lim); return err },
			2, "note", "a string longer than 1 MiB (Limits.String)"},
		{"JSON string in a list", &endless{head: "{\"levels\": [{\"region\": \"1\"},\n{\"region\": \"", body: `\"\\`}, input.Limits{String: mib}, mib,
			func(r io.Reader, lim input.Limits) error { _, err := input.ReadJSON(r, "l.json", &v, lim); return err },
			2, "levels[1].region", "a string longer than 1 MiB (Limits.String)"},
		{"JSON default document", &endless{head: "", body: "\x00"}, input.Limits{}, 64 << 10,
			func(r io.Reader, lim input.Limits) error { _, err := input.ReadJSON(r, "zero", &v, lim); return err },
			1, "", "a NUL byte"},
		{"CSV line", &endless{head: "code,name\n1,", body: "万荣县"}, input.Limits{Line: mib}, mib,
			func(r io.Reader, lim input.Limits) error { return readCSV(r, lim) },
			2, "", "a line longer than 1 MiB (Limits.Line)"},
		{"CSV line of NULs", &endless{head: "", body: "\x00"}, input.Limits{Line: mib}, mib,
			func(r io.Reader, lim input.Limits) error { return readCSV(r, lim) },
			1, "", "a line longer than 1 MiB (Limits.Line)"},
		{"CSV quoted record", &endless{head: "code,name\n1,\"", body: "万荣县\n"}, input.Limits{Line: mib}, mib,
			func(r io.Reader, lim input.Limits) error { return readCSV(r, lim) },
			2 + mib/10, "", "a record longer than 1 MiB (Limits.Line)"},
		{"CSV field", &endless{head: "code,name\n1,2\n1," + strings.Repeat("x", 64<<10+1) + "\n", body: "1,2\n"}, input.Limits{Field: 64 << 10}, 64 << 10,
			func(r io.Reader, lim input.Limits) error { return readCSV(r, lim) },
			3, "name", "a field longer than 64 KiB (Limits.Field)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			n := allocated(func() { err = tc.read(tc.in, tc.lim) })
			var e *input.Error
			if !errors.As(err, &e) || !errors.Is(err, input.ErrTooLarge) && tc.message != "a NUL byte" || !strings.Contains(err.Error(), tc.message) {
				t.Fatalf("err = %v", err)
			}
			if tc.line > 0 && (e.Line < tc.line-1 || e.Line > tc.line+1) || e.Field != tc.field {
				t.Errorf("err = %v: line %d field %q, want line %d field %q", err, e.Line, e.Field, tc.line, tc.field)
			}
			if ceiling := uint64(8*tc.bound + 1*mib); n > ceiling {
				t.Errorf("allocated %d bytes, over %d (8 × the bound + 1 MiB)", n, ceiling)
			}
			if tc.in.n > 3*tc.bound+mib {
				t.Errorf("read %d bytes past a bound of %d", tc.in.n, tc.bound)
			}
		})
	}
}

func readCSV(r io.Reader, lim input.Limits) error {
	rd, err := input.NewCSV(r, "d.csv", []string{"code", "name"}, nil, lim)
	if err != nil {
		return err
	}
	for _, err := range rd.All() {
		if err != nil {
			return err
		}
	}
	return nil
}

// The defaults are the documented ones, and a zero field takes its
// default.
func TestLimitsDefaults(t *testing.T) {
	d := input.Limits{}.WithDefaults()
	if d.Document != 256<<20 || d.String != 1<<20 || d.Line != 1<<20 || d.Field != 64<<10 || d.Levels != 1_000_000 || d.Versions != 10_000 {
		t.Errorf("defaults %+v", d)
	}
	if l := (input.Limits{Line: 10, Levels: -1}).WithDefaults(); l.Line != 10 || l.Levels != 1_000_000 {
		t.Errorf("%+v", l)
	}
}
