package input

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// chunked gives the bytes of s in chunks of the sizes in sizes, in turn,
// so that the buffered window the scan works on ends anywhere in a line.
type chunked struct {
	s     string
	sizes []int
	i     int
}

func (r *chunked) Read(p []byte) (int, error) {
	if r.s == "" {
		return 0, io.EOF
	}
	n := len(r.s)
	if len(r.sizes) > 0 {
		n = r.sizes[r.i%len(r.sizes)]
		r.i++
	}
	n = min(n, len(p), len(r.s))
	copy(p, r.s[:n])
	r.s = r.s[n:]
	return n, nil
}

// transcript reads in with the columns a, b (required) and c (optional)
// in batches of n, every record by readRecord when slow, and writes down
// each record's line and fields and the error that ends the reading.
func transcript(in string, sizes []int, lim Limits, n int, slow bool) string {
	var out strings.Builder
	rd, err := NewCSV(&chunked{s: in, sizes: sizes}, "t.csv", []string{"a", "b"}, []string{"c"}, lim)
	if err == nil {
		rd.slow = slow
		for {
			var recs []Record
			recs, err = rd.Read(n)
			for _, r := range recs {
				fmt.Fprintf(&out, "%d %q %q %q\n", r.Line(), r.Get(0), r.Get(1), r.Get(2))
			}
			if err != nil {
				break
			}
		}
	}
	if err != io.EOF {
		fmt.Fprintf(&out, "error: %v\n", err)
	}
	return out.String()
}

// reference reads in with encoding/csv as the reader is documented to
// (the header maps the columns a, b, c; a record needs as many fields as
// the header; a field is valid UTF-8 without NUL, then trimmed), and
// writes down each record's line and fields and the line of the error
// that ends the reading.
func reference(in string) string {
	var out strings.Builder
	in = strings.TrimPrefix(in, "\xEF\xBB\xBF")
	r := csv.NewReader(strings.NewReader(in))
	r.FieldsPerRecord = -1
	var slot []int
	for {
		fs, err := r.Read()
		if err == io.EOF {
			if slot == nil {
				out.WriteString("error line 1\n")
			}
			return out.String()
		}
		if err != nil {
			var pe *csv.ParseError
			errors.As(err, &pe)
			fmt.Fprintf(&out, "error line %d\n", pe.Line)
			return out.String()
		}
		line, _ := r.FieldPos(0)
		for _, f := range fs {
			if !utf8.ValidString(f) || strings.IndexByte(f, 0) >= 0 {
				fmt.Fprintf(&out, "error line %d\n", line)
				return out.String()
			}
		}
		if slot == nil {
			for _, h := range fs {
				k := slices.Index([]string{"a", "b", "c"}, strings.TrimSpace(h))
				if k < 0 || slices.Contains(slot, k) {
					fmt.Fprintf(&out, "error line %d\n", line)
					return out.String()
				}
				slot = append(slot, k)
			}
			if !slices.Contains(slot, 0) || !slices.Contains(slot, 1) {
				fmt.Fprintf(&out, "error line %d\n", line)
				return out.String()
			}
			continue
		}
		if len(fs) != len(slot) {
			fmt.Fprintf(&out, "error line %d\n", line)
			return out.String()
		}
		var v [3]string
		for i, f := range fs {
			v[slot[i]] = strings.TrimSpace(f)
		}
		fmt.Fprintf(&out, "%d %q %q %q\n", line, v[0], v[1], v[2])
	}
}

// errorLines keeps of a transcript its records and the line of its
// error, as reference writes them.
func errorLines(t string) string {
	i := strings.Index(t, "error: ")
	if i < 0 {
		return t
	}
	rest := t[i+len("error: "):]
	line := 0
	if _, err := fmt.Sscanf(rest, "t.csv:%d:", &line); err != nil {
		line = 1 // "t.csv: …": an error of the file (empty) before any line
	}
	return t[:i] + fmt.Sprintf("error line %d\n", line)
}

// checkScan compares the scan with readRecord on in (same records and
// fields, same error, whatever the batches and the buffering) and, when
// the lines and fields are within their bounds, with encoding/csv (same
// records and fields, an error on the same line).
func checkScan(t *testing.T, in string, sizes []int) {
	t.Helper()
	for _, lim := range []Limits{{}, {Line: 24, Field: 6}} {
		for _, n := range []int{1, 3, 4096} {
			fast, slow := transcript(in, sizes, lim, n, false), transcript(in, sizes, lim, n, true)
			if fast != slow {
				t.Fatalf("%q (chunks %v, %+v, batches of %d):\nscan:\n%s\nreadRecord:\n%s", in, sizes, lim, n, fast, slow)
			}
		}
	}
	if len(in) > 1<<10 {
		return
	}
	if got, want := errorLines(transcript(in, sizes, Limits{}, 5, false)), reference(in); got != want {
		t.Fatalf("%q (chunks %v):\nreader:\n%s\nencoding/csv:\n%s", in, sizes, got, want)
	}
}

// The pieces generated files are made of: plain and spaced fields,
// quoted ones with commas, quotes and line ends inside, bare quotes,
// CRs, empty lines, non-ASCII and invalid UTF-8, NUL.
var scanPieces = []string{
	"a", "b", "c", "1", "22", "333", "héllo", " x ", "\t", "　y", ",", ",", ",", ",",
	"\n", "\n", "\n", "\r\n", "\r\n", "\r", "\"q\"", "\"q,r\"", "\"q\nr\"", "\"q\"\"r\"", "\"q\r\nr\"",
	"x\"y", "\"\"", "\xff", "\xed\xa0\x80", "\x00", "万荣县", "0123456789abcdef",
}

// TestScanLikeReadRecord: generated files read by the scan give the
// records and errors readRecord and encoding/csv give.
func TestScanLikeReadRecord(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 3))
	headers := []string{"a,b,c\n", "c,a,b\r\n", "a,b\n", "\xEF\xBB\xBFb, a ,c\n", "a,b,c,d\n", "a,b,a\n", ""}
	for range 4000 {
		var s strings.Builder
		s.WriteString(headers[rng.IntN(len(headers))])
		for range rng.IntN(40) {
			if rng.IntN(3) == 0 { // a well-formed line of three fields
				fmt.Fprintf(&s, "%d,%s,%s\n", rng.IntN(1000), scanPieces[rng.IntN(6)], scanPieces[rng.IntN(6)])
				continue
			}
			s.WriteString(scanPieces[rng.IntN(len(scanPieces))])
		}
		var sizes []int
		for range rng.IntN(4) {
			sizes = append(sizes, 1+rng.IntN(40))
		}
		checkScan(t, s.String(), sizes)
	}
}

// TestScanLongFile: a file of many lines, read in the large windows of
// the real buffer, with a quoted record, an empty line and CRLF lines
// among them.
func TestScanLongFile(t *testing.T) {
	var s strings.Builder
	s.WriteString("b,a,c\n")
	for i := range 20000 {
		switch i % 997 {
		case 5:
			fmt.Fprintf(&s, "\"x\n%d\",%d,\n", i, i)
		case 6:
			s.WriteString("\n")
		case 7:
			fmt.Fprintf(&s, "y%d , %d,万荣县\r\n", i, i)
		default:
			fmt.Fprintf(&s, "name%d,%d,c\n", i, i)
		}
	}
	checkScan(t, s.String(), nil)
	checkScan(t, s.String()+"1,2\n", nil) // a wrong number of fields at the end
}

// FuzzScanLikeReadRecord: any file read by the scan gives the records
// and errors readRecord gives, and encoding/csv's records.
func FuzzScanLikeReadRecord(f *testing.F) {
	for _, s := range []string{
		"a,b,c\n1,2,3\n", "a,b\r\n1,2\r\n\r\n3,4", "a,b,c\n1,\"2\n3\",4\n5,6,7\n", "a,b\n1,2,\n", "a,b\n1\n",
		"a,b\n1,2\"\n", "a,b\n1,\xff\n", "a,b\n1,\x00\n", "a,b\n 1 ,\t2\u3000\n", "a,b\n1234567,2\n",
	} {
		f.Add(s, uint8(0), uint8(0))
		f.Add(s, uint8(3), uint8(7))
	}
	f.Fuzz(func(t *testing.T, in string, c1, c2 uint8) {
		var sizes []int
		if c1 > 0 {
			sizes = append(sizes, int(c1))
		}
		if c2 > 0 {
			sizes = append(sizes, int(c2))
		}
		checkScan(t, in, sizes)
	})
}
