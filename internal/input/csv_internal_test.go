package input

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"
)

type rawRecord struct {
	line   int
	fields []string
}

// records reads every record of in with the reader's own splitting
// (before headers, trimming and checks), as encoding/csv would give
// them: the fields, the line each begins on, and the line and cause of
// the first error.
func records(in string) ([]rawRecord, int, error) {
	c := &CSV{lim: Limits{}.WithDefaults()}
	c.br = newBufReader(strings.NewReader(in))
	var out []rawRecord
	for {
		line, err := c.readRecord()
		if err == io.EOF {
			return out, 0, nil
		}
		if err != nil {
			var e *Error
			if errors.As(err, &e) {
				return out, e.Line, e.Err
			}
			return out, 0, err
		}
		var fs []string
		for i := 0; i < len(c.bounds); i += 2 {
			fs = append(fs, string(c.rec[c.bounds[i]:c.bounds[i+1]]))
		}
		out = append(out, rawRecord{line, fs})
	}
}

func stdRecords(in string) ([]rawRecord, int, error) {
	r := csv.NewReader(strings.NewReader(in))
	r.FieldsPerRecord = -1
	var out []rawRecord
	for {
		fs, err := r.Read()
		if err == io.EOF {
			return out, 0, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return out, pe.Line, pe.Err
			}
			return out, 0, err
		}
		line, _ := r.FieldPos(0)
		out = append(out, rawRecord{line, fs})
	}
}

// FuzzSplitLikeEncodingCSV: the reader splits records as encoding/csv
// does (fields, the line a record begins on, the line and cause of an
// error), whether it splits a line itself or hands a quoted record to
// encoding/csv.
func FuzzSplitLikeEncodingCSV(f *testing.F) {
	for _, s := range []string{
		"a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,\"b\nc\",d\n\ne,f", "a,b\"c\n", "\"a\"b,c\n", "a,\"b",
		"x\r\r\n", "\n\n\na\n", "a,,\n,\n", "\"\"\"\",\"\"\n", "a\rb,c\n", "a,\"b\r\nc\"\r\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, gotLine, gotErr := records(in)
		want, wantLine, wantErr := stdRecords(in)
		if len(got) != len(want) {
			t.Fatalf("%q: %d records %v, encoding/csv %d %v", in, len(got), got, len(want), want)
		}
		for i := range got {
			if got[i].line != want[i].line || strings.Join(got[i].fields, "\x00") != strings.Join(want[i].fields, "\x00") {
				t.Fatalf("%q: record %d: %d %q, encoding/csv %d %q", in, i, got[i].line, got[i].fields, want[i].line, want[i].fields)
			}
		}
		if (gotErr == nil) != (wantErr == nil) || gotErr != nil && (gotLine != wantLine || !strings.Contains(gotErr.Error(), wantErr.Error())) {
			t.Fatalf("%q: error %d %v, encoding/csv %d %v", in, gotLine, gotErr, wantLine, wantErr)
		}
	})
}
