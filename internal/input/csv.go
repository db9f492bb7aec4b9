package input

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A CSV reads the records of a CSV file (RFC 4180, as encoding/csv reads
// it) whose header names its columns: UTF-8 with or without a byte-order
// mark, LF or CRLF line ends, empty lines skipped. The columns a caller
// knows are declared once, required then optional, and a record's
// fields are got by their declared index, with white space trimmed. A
// file that is not UTF-8 (GBK, as Excel in China often saves), a NUL
// byte, a record with another number of fields than the header, and a
// line or field past its bound (Limits) are errors naming file, line and
// field.
//
// Lines without a quote, nearly all of them, are split where they lie
// in the read buffer, eight bytes at a time, and copied to their batch
// in one piece; a record with a quoted field is read by encoding/csv.
type CSV struct {
	file string
	lim  Limits
	cols []string // declared: required, then optional
	slot []int    // file column → declared column
	has  []bool   // declared column → in the file

	br   *bufio.Reader
	line int    // physical lines read
	long []byte // a line longer than br's buffer

	// the record read last: its fields are rec[bounds[2i]:bounds[2i+1]];
	// flags say whether it may hold a NUL byte or non-ASCII bytes
	rec    []byte
	bounds []int
	flags  uint8
	qbuf   []byte

	quoted *csv.Reader // for records with a quoted field, reading feed
	feed   feeder

	avg  int  // bytes a record of the last batch
	slow bool // every record by readRecord (tests compare the two ways)
}

// NewCSV reads the header from r. Every column in required must be in
// it, every column in it must be in required or optional, and none may
// repeat. A record's field of column i of required+optional is
// Record.Get(i). file names r in errors.
func NewCSV(r io.Reader, file string, required, optional []string, lim Limits) (*CSV, error) {
	c := &CSV{file: file, lim: lim.WithDefaults(), cols: slices.Concat(required, optional), avg: 64}
	c.br = newBufReader(r)
	if b, err := c.br.Peek(3); err == nil && string(b) == "\xEF\xBB\xBF" {
		c.br.Discard(3)
	}
	c.has = make([]bool, len(c.cols))
	line, err := c.readRecord()
	if err == io.EOF {
		return nil, c.errf(1, "", fmt.Errorf("%w: empty file; want a header line %s", ErrSyntax, strings.Join(required, ",")))
	}
	if err != nil {
		return nil, err
	}
	for i := 0; i < len(c.bounds); i += 2 {
		h := c.rec[c.bounds[i]:c.bounds[i+1]]
		if !utf8.Valid(h) {
			return nil, c.errf(line, "", notUTF8(h))
		}
		name := strings.TrimSpace(string(h))
		k := slices.Index(c.cols, name)
		switch {
		case k < 0:
			return nil, c.errf(line, name, fmt.Errorf("%w: unknown column %q (known: %s)", ErrSyntax, name, strings.Join(c.cols, ",")))
		case c.has[k]:
			return nil, c.errf(line, name, fmt.Errorf("%w: column %q given twice", ErrSyntax, name))
		}
		c.has[k] = true
		c.slot = append(c.slot, k)
	}
	for k, name := range required {
		if !c.has[k] {
			return nil, c.errf(line, name, fmt.Errorf("%w: missing column %q", ErrSyntax, name))
		}
	}
	return c, nil
}

func newBufReader(r io.Reader) *bufio.Reader { return bufio.NewReaderSize(r, 64<<10) }

// Has reports whether the file has the declared column col.
func (c *CSV) Has(col int) bool { return c.has[col] }

// Next returns the next record, or io.EOF after the last.
func (c *CSV) Next() (Record, error) {
	recs, err := c.Read(1)
	if len(recs) == 1 {
		return recs[0], nil
	}
	return Record{}, err
}

// All returns the records that are left, in batches read together
// (Read), stopping after the first error (io.EOF is not one).
func (c *CSV) All() iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		for {
			recs, err := c.Read(512)
			for _, r := range recs {
				if !yield(r, nil) {
					return
				}
			}
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(Record{}, err)
				return
			}
		}
	}
}

// batchBytes bounds the text a batch holds, whatever the records'
// length.
const batchBytes = 16 << 20

// Read returns the next records, at most n of them (fewer when they are
// long), and io.EOF when there are none. At a bad record it returns the
// records before it with the error. The records share one string, and
// stay valid after later reads: they may be handed to other goroutines.
func (c *CSV) Read(n int) ([]Record, error) {
	b := &batch{c: c, n: len(c.cols)}
	b.offs = make([]int32, 0, 2*b.n*n)
	b.lines = make([]int, 0, n)
	b.text.Grow(min(c.avg*n+c.avg/2, batchBytes))
	recs := make([]Record, 0, n)
	var err error
	for len(recs) < n && b.text.Len() < batchBytes {
		if !c.slow {
			if recs = c.scan(b, recs, n); len(recs) == n || b.text.Len() >= batchBytes {
				break
			}
		}
		// A line the scan leaves (a quote, a line end not yet
		// buffered, a field to check or an error): one record read the
		// careful way.
		var line int
		if line, err = c.readRecord(); err != nil {
			break
		}
		if err = c.check(line); err != nil {
			break
		}
		b.add(c, line)
		recs = append(recs, Record{b, len(recs)})
	}
	if len(recs) > 0 {
		c.avg = b.text.Len()/len(recs) + 1
	}
	b.s = b.text.String()
	if err == io.EOF && len(recs) > 0 {
		err = nil
	}
	return recs, err
}

// scan adds to b the records of the complete lines buffered in br, up
// to n records in all, as readRecord, check and b.add would: it splits
// a line at its commas, skips an empty one, strips a CR before the LF,
// checks the number of fields and a line beyond ASCII for UTF-8 validity,
// and writes the fields' bounds, trimmed, straight into b; the lines'
// text goes to b in one piece. It stops before the first line that needs
// more (a quote, a NUL byte, invalid UTF-8, a wrong number of fields, a
// line or field past its bound, a line end not buffered yet), which
// readRecord then reads.
func (c *CSV) scan(b *batch, recs []Record, n int) []Record {
	win, _ := c.br.Peek(c.br.Buffered())
	base := b.text.Len() // the offset in b.text of win[0]
	slot, field, maxLine, nb := c.slot, c.lim.Field, c.lim.Line, b.n
	last := len(slot) - 1 // commas in a line
	done := 0             // win[:done] is read
	// the line being read: it begins at start, its field k at fs, its
	// fields' bounds go to offs (untrimmed until the line ends); odd: it
	// has a byte that may call for trimming or a UTF-8 check (a space or
	// control character, a byte beyond ASCII)
	start, fs, k, odd := 0, 0, 0, false
	at := len(b.offs)
	offs := b.offs[at : at+2*nb] // zero: see batch.add
	// Eight bytes at a time: the commas and line ends are the events; a
	// quote or a NUL byte stops the scan before its line.
scan:
	for j := 0; j < len(win); j += 8 {
		var w uint64
		if j+8 <= len(win) {
			w = binary.LittleEndian.Uint64(win[j:])
		} else {
			t := [8]byte{'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a'}
			copy(t[:], win[j:])
			w = binary.LittleEndian.Uint64(t[:])
		}
		nl := zeros(w ^ newlines)
		ev := zeros(w^commas) | nl
		sp := (below(w, ' '+1) | w&highs) &^ nl
		bad := zeros(w^quotes) | zeros(w)
		if bad != 0 { // only what comes before it
			m := bad&-bad - 1
			ev, sp = ev&m, sp&m
		}
		for ; ev != 0; ev &= ev - 1 {
			p := bits.TrailingZeros64(ev)
			i := j + p>>3
			if nl&(1<<p) == 0 { // a comma
				if k == last || i-fs > field {
					break scan
				}
				col := 2 * slot[k]
				offs[col], offs[col+1] = int32(base+fs), int32(base+i)
				k, fs = k+1, i+1
				continue
			}
			odd = odd || sp&(1<<p-1) != 0
			sp &^= 1<<p - 1
			e := i
			if e > start && win[e-1] == '\r' {
				e--
			}
			if e != start { // not an empty line
				if k != last || e-fs > field || e-start > maxLine || odd && !utf8.Valid(win[start:e]) {
					break scan
				}
				col := 2 * slot[k]
				offs[col], offs[col+1] = int32(base+fs), int32(base+e)
				if odd {
					trimFields(offs, win, base)
				}
				b.offs = b.offs[:at+2*nb]
				b.lines = append(b.lines, c.line+1)
				recs = append(recs, Record{b, len(recs)})
				at = len(b.offs)
				offs = b.offs[at:min(at+2*nb, cap(b.offs))]
			}
			c.line++
			done, start, fs, k, odd = i+1, i+1, i+1, 0, false
			if len(recs) == n || base+done >= batchBytes {
				break scan
			}
		}
		if bad != 0 {
			break // a quote or NUL: readRecord reads its line
		}
		odd = odd || sp != 0
	}
	if cap(b.offs)-len(b.offs) >= 2*nb {
		clear(b.offs[len(b.offs) : len(b.offs)+2*nb]) // a line left to readRecord, half put
	}
	if done > 0 {
		b.text.Write(win[:done])
		c.br.Discard(done)
	}
	return recs
}

// trimFields trims the fields of a record whose bounds are in offs,
// win[0] being at base in the batch's text.
func trimFields(offs []int32, win []byte, base int) {
	for i := 0; i < len(offs); i += 2 {
		if s, e := int(offs[i])-base, int(offs[i+1])-base; s < e && edge[win[s]]|edge[win[e-1]] != 0 {
			s, e = trim(win, s, e)
			offs[i], offs[i+1] = int32(base+s), int32(base+e)
		}
	}
}

// What scan looks for in eight bytes at once.
const (
	commas   = 0x0101010101010101 * ','
	newlines = 0x0101010101010101 * '\n'
	quotes   = 0x0101010101010101 * '"'
	highs    = 0x0101010101010101 * 0x80
	lows     = 0x0101010101010101 * 0x7F
	ones     = 0x0101010101010101
)

// zeros returns the high bit of each zero byte of w.
func zeros(w uint64) uint64 { return ^((w&lows + lows) | w | lows) }

// below returns the high bit of each byte of w less than n (n ≤ 0x80).
func below(w uint64, n uint64) uint64 { return ^(w&lows + (0x80-n)*ones) & ^w & highs }

// edge marks the bytes a field may begin or end with that call for
// trimming: ASCII space and control characters, and bytes beyond ASCII
// (which may be Unicode white space).
var edge = func() (t [256]uint8) {
	for b := range 256 {
		if b <= ' ' || b >= utf8.RuneSelf {
			t[b] = 1
		}
	}
	return t
}()

// trim returns the bounds of b[s:e] without its leading and trailing
// white space.
func trim(b []byte, s, e int) (int, int) {
	f := b[s:e]
	s += len(f) - len(bytes.TrimLeftFunc(f, unicode.IsSpace))
	e = max(s, e-(len(f)-len(bytes.TrimRightFunc(f, unicode.IsSpace))))
	return s, e
}

// check checks the record read last, on line: its number of fields,
// their encoding and length.
func (c *CSV) check(line int) error {
	if len(c.bounds) != 2*len(c.slot) {
		return c.errf(line, "", fmt.Errorf("%w: wrong number of fields (the header has %d)", ErrSyntax, len(c.slot)))
	}
	ok := c.flags&sNUL == 0 && (c.flags&sHigh == 0 || utf8.Valid(c.rec))
	for i := 0; i < len(c.bounds); i += 2 {
		if !ok || c.bounds[i+1]-c.bounds[i] > c.lim.Field {
			if err := c.checkField(c.rec[c.bounds[i]:c.bounds[i+1]]); err != nil {
				return c.errf(line, c.cols[c.slot[i/2]], err)
			}
		}
	}
	return nil
}

// checkField says what is wrong with a field, if anything.
func (c *CSV) checkField(f []byte) error {
	switch {
	case !utf8.Valid(f):
		return notUTF8(f)
	case bytes.IndexByte(f, 0) >= 0:
		return fmt.Errorf("%w: NUL byte in the field (is this a UTF-16 or binary file?)", ErrSyntax)
	case len(f) > c.lim.Field:
		return fmt.Errorf("%w: a field longer than %s (Limits.Field)", ErrTooLarge, Size(int64(c.lim.Field)))
	}
	return nil
}

// readRecord reads the next record into rec and bounds, and returns the
// line it begins on; io.EOF when there is none.
func (c *CSV) readRecord() (int, error) {
	for {
		raw, err := c.readLine()
		if err != nil {
			return 0, err
		}
		body := raw
		if n := len(body); n > 0 && body[n-1] == '\n' {
			body = body[:n-1]
		}
		if n := len(body); n > 0 && body[n-1] == '\r' {
			body = body[:n-1]
		}
		if len(body) == 0 {
			continue // encoding/csv skips empty lines
		}
		// one pass: the commas, and whether the line holds a quote, a
		// NUL byte or a byte beyond ASCII
		c.rec, c.bounds, c.flags = body, append(c.bounds[:0], 0), 0
		for i := 0; i < len(body); i++ {
			if ch := body[i]; special[ch] != 0 {
				switch special[ch] {
				case sComma:
					c.bounds = append(c.bounds, i, i+1)
				case sQuote:
					return c.readQuoted(raw)
				default:
					c.flags |= special[ch]
				}
			}
		}
		c.bounds = append(c.bounds, len(body))
		return c.line, nil
	}
}

// What the one pass over a line looks for.
const (
	sComma = 1 << iota
	sQuote
	sNUL
	sHigh // a byte beyond ASCII: the line must be checked for UTF-8
)

var special = func() (t [256]uint8) {
	t[','], t['"'], t[0] = sComma, sQuote, sNUL
	for b := utf8.RuneSelf; b < 256; b++ {
		t[b] = sHigh
	}
	return t
}()

// readQuoted reads a record with a quoted field, whose first line is
// raw, with encoding/csv: it reads the record's further lines through
// feed, one at a time, and so never past the record.
func (c *CSV) readQuoted(raw []byte) (int, error) {
	if c.quoted == nil {
		c.feed.c = c
		c.quoted = csv.NewReader(&c.feed)
		c.quoted.FieldsPerRecord = -1
		c.quoted.ReuseRecord = true
	}
	start, before := c.line, c.feed.lines
	c.feed.size = 0
	c.feed.next(raw)
	fields, err := c.quoted.Read()
	if err != nil {
		var pe *csv.ParseError
		var e *Error
		switch {
		case errors.As(err, &e):
			return 0, e
		case errors.As(err, &pe):
			return 0, c.errf(start+pe.Line-before-1, "", fmt.Errorf("%w: %v", ErrSyntax, pe.Err))
		case err == io.EOF:
			return 0, c.errf(start, "", fmt.Errorf("%w: %v", ErrSyntax, io.ErrUnexpectedEOF))
		}
		return 0, c.errf(0, "", err)
	}
	c.qbuf, c.bounds, c.flags = c.qbuf[:0], c.bounds[:0], sNUL|sHigh // checked field by field
	for _, f := range fields {
		c.bounds = append(c.bounds, len(c.qbuf))
		c.qbuf = append(c.qbuf, f...)
		c.bounds = append(c.bounds, len(c.qbuf))
	}
	c.rec = c.qbuf
	return start, nil
}

// feeder gives encoding/csv the lines of a quoted record: the first,
// then the next line of the file each time it asks for more.
type feeder struct {
	c     *CSV
	cur   []byte
	lines int // lines given
	size  int // bytes given of the record
}

func (f *feeder) next(raw []byte) {
	f.cur = raw
	f.lines++
	f.size += len(raw)
}

func (f *feeder) Read(p []byte) (int, error) {
	if len(f.cur) == 0 {
		if f.size > f.c.lim.Line {
			return 0, f.c.errf(f.c.line, "", fmt.Errorf("%w: a record longer than %s (Limits.Line)", ErrTooLarge, Size(int64(f.c.lim.Line))))
		}
		raw, err := f.c.readLine()
		if err != nil {
			return 0, err
		}
		f.next(raw)
	}
	n := copy(p, f.cur)
	f.cur = f.cur[n:]
	return n, nil
}

// readLine returns the next line of the file with its line end; io.EOF
// at the end. The line is valid until the next call.
func (c *CSV) readLine() ([]byte, error) {
	line, err := c.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		c.long = append(c.long[:0], line...)
		for err == bufio.ErrBufferFull && len(c.long) <= c.lim.Line+2 {
			line, err = c.br.ReadSlice('\n')
			c.long = append(c.long, line...)
		}
		line = c.long
	}
	if len(line) > 0 {
		c.line++
	}
	if len(line) > c.lim.Line && len(bytes.TrimRight(line, "\r\n")) > c.lim.Line {
		return nil, c.errf(c.line, "", fmt.Errorf("%w: a line longer than %s (Limits.Line)", ErrTooLarge, Size(int64(c.lim.Line))))
	}
	if err == io.EOF && len(line) > 0 {
		err = nil
	}
	if err != nil && err != io.EOF {
		return nil, c.errf(0, "", err)
	}
	return line, err
}

func (c *CSV) errf(line int, field string, err error) error {
	return &Error{File: c.file, Line: line, Field: field, Err: err}
}

// notUTF8 says what is wrong with f, which is not UTF-8.
func notUTF8(f []byte) error {
	for len(f) > 0 {
		r, n := utf8.DecodeRune(f)
		if r == utf8.RuneError && n == 1 {
			if len(f) >= 3 && f[0] == 0xED && f[1] >= 0xA0 && f[1] <= 0xBF {
				return &encodingError{"a UTF-16 surrogate (U+D800-U+DFFF) written as UTF-8 (CESU-8) is not a character"}
			}
			break
		}
		f = f[n:]
	}
	return &encodingError{`the file looks GBK/GB18030-encoded (as Excel saves CSV in China); save it as "CSV UTF-8" and try again`}
}

// A batch holds records read together: their text in one string, and
// per record the bounds of each declared column's field in it (0, 0
// when the file lacks the column).
type batch struct {
	c     *CSV
	n     int // declared columns
	text  strings.Builder
	s     string // text, once read
	offs  []int32
	lines []int
}

func (b *batch) add(c *CSV, line int) {
	base := b.text.Len()
	b.text.Write(c.rec)
	at := len(b.offs)
	b.offs = b.offs[:at+2*b.n] // zero: the batch's offs are new, and a column the file lacks stays 0, 0
	for i := 0; i < len(c.bounds); i += 2 {
		s, e := c.bounds[i], c.bounds[i+1]
		if s < e && (c.rec[s] <= ' ' || c.rec[s] >= utf8.RuneSelf || c.rec[e-1] <= ' ' || c.rec[e-1] >= utf8.RuneSelf) {
			s, e = trim(c.rec, s, e)
		}
		k := at + 2*c.slot[i/2]
		b.offs[k], b.offs[k+1] = int32(base+s), int32(base+e)
	}
	b.lines = append(b.lines, line)
}

// A Record is a record of a CSV file. Its fields stay valid after the
// reader has read on.
type Record struct {
	b *batch
	i int
}

// Line returns the 1-based line the record begins on.
func (r Record) Line() int { return r.b.lines[r.i] }

// Get returns the field of the declared column col, trimmed of white
// space; "" when the file lacks the column.
func (r Record) Get(col int) string {
	k := 2 * (r.i*r.b.n + col)
	return r.b.s[r.b.offs[k]:r.b.offs[k+1]]
}

// Err returns err as an *Error naming the record's file, line and the
// declared column col.
func (r Record) Err(col int, err error) error {
	return &Error{File: r.b.c.file, Line: r.Line(), Field: r.b.c.cols[col], Err: err}
}
