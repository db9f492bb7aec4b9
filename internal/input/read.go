package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// readDocument reads all of r, checking lim as it reads: at most
// lim.Document bytes, no JSON string longer than lim.String bytes, no
// NUL byte (which no JSON text holds: a UTF-16 or binary file). It
// holds at most the bound (and while growing its buffer, the old one
// beside the new), and stops at the first byte past a bound.
func readDocument(r io.Reader, file string, lim Limits) ([]byte, error) {
	lim = lim.WithDefaults()
	buf := make([]byte, 0, min(64<<10, lim.Document+1))
	var sc stringScan
	for {
		if len(buf) == cap(buf) {
			if int64(len(buf)) > lim.Document {
				return nil, &Error{File: file, Line: lineCount(buf), Err: fmt.Errorf("%w: the document is larger than %s (Limits.Document)", ErrTooLarge, Size(lim.Document))}
			}
			grown := make([]byte, len(buf), min(2*int64(cap(buf)), lim.Document+1))
			copy(grown, buf)
			buf = grown
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		if n > 0 {
			start := len(buf)
			buf = buf[:start+n]
			if i := bytes.IndexByte(buf[start:], 0); i >= 0 {
				return nil, &Error{File: file, Line: lineCount(buf[:start+i]), Err: &encodingError{"a NUL byte, which no JSON text holds (a UTF-16 or binary file?)"}}
			}
			if at, ok := sc.scan(buf, lim.String); !ok {
				return nil, &Error{File: file, Line: lineCount(buf[:at]), Pointer: pointerAt(buf[:at]), Field: ptrPath(pointerAt(buf[:at])),
					Err: fmt.Errorf("%w: a string longer than %s (Limits.String)", ErrTooLarge, Size(int64(lim.String)))}
			}
		}
		if err == io.EOF {
			if int64(len(buf)) > lim.Document {
				return nil, &Error{File: file, Line: lineCount(buf), Err: fmt.Errorf("%w: the document is larger than %s (Limits.Document)", ErrTooLarge, Size(lim.Document))}
			}
			return buf, nil
		}
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) { // "read x: is a directory": the file is named once
				err = fmt.Errorf("cannot read: %w", pe.Err)
			}
			return nil, &Error{File: file, Err: err}
		}
	}
}

// stringScan follows the JSON strings of a document as it is read, to
// bound their length before they are complete.
type stringScan struct {
	pos   int  // bytes scanned
	in    bool // inside a string that began at start
	start int
}

// scan scans buf from sc.pos on and reports the offset of a string
// longer than max bytes (between its quotes), and false, if there is
// one.
func (sc *stringScan) scan(buf []byte, max int) (int, bool) {
	for sc.pos < len(buf) {
		i := bytes.IndexByte(buf[sc.pos:], '"')
		if i < 0 {
			sc.pos = len(buf)
			break
		}
		q := sc.pos + i
		sc.pos = q + 1
		if !sc.in {
			sc.in, sc.start = true, q
			continue
		}
		k := q - 1
		for k > sc.start && buf[k] == '\\' {
			k--
		}
		if (q-1-k)%2 == 1 { // an escaped quote
			continue
		}
		sc.in = false
		if q-sc.start-1 > max {
			return sc.start, false
		}
	}
	if sc.in && len(buf)-sc.start-1 > max {
		return sc.start, false
	}
	return 0, true
}

func lineCount(b []byte) int { return 1 + bytes.Count(b, []byte("\n")) }

// Size writes a bound in the unit it was most likely given in.
func Size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
