package plan

import (
	"iter"

	"github.com/benefitstd/benefitstd/benefit"
)

// A Source yields retirees, in order, for Calculator.Run and
// NewPopulation: FromSeq or FromSlice (Go values), ReadCSV (a file,
// streamed), Synthetic (generated) or a *Population (prepared in
// memory). A Source other than a Population may be single-use: ReadCSV
// reads its reader once.
//
// Bad records stop the run with a *benefit.RecordError naming the file
// (if any), the line (for FromSeq and FromSlice: the 1-based position)
// and the field. A repeated non-empty id is a bad record (ErrDuplicateID,
// see ReadCSV): every source but a Population (checked when it was read)
// and Synthetic (unique ids) checks the ids it yields, in bounded memory
// and, past 262,144 ids, temporary files.
type Source interface {
	// feed sends the source's rows to emit in chunks of at most size
	// rows, each in a buffer from get (or, for a Population, a window of
	// its own rows, which is not released). It stops when emit returns
	// false.
	feed(size int, get func() []row, emit func(rows []row, pooled bool) bool) error
}

type seqSource struct {
	seq iter.Seq2[Retiree, error]
}

// FromSeq returns a Source reading retirees and errors from seq (as a
// database cursor yields them) without holding them: a non-nil error
// stops the run with that error.
func FromSeq(seq iter.Seq2[Retiree, error]) Source { return seqSource{seq} }

// FromSlice returns a Source over rs.
func FromSlice(rs []Retiree) Source {
	return seqSource{func(yield func(Retiree, error) bool) {
		for _, r := range rs {
			if !yield(r, nil) {
				return
			}
		}
	}}
}

func (s seqSource) feed(size int, get func() []row, emit func([]row, bool) bool) error {
	read := func(send func([]row) bool) error {
		ch := chunker{size: size, get: get, emit: func(rows []row, _ bool) bool { return send(rows) }, buf: get()}
		n := 0
		for r, e := range s.seq {
			n++
			if e == nil {
				if x, fe := toRow(r); fe != nil {
					e = &benefit.RecordError{Line: n, Field: fe.field, Err: fe.err}
				} else if ch.add(x) {
					continue
				} else {
					return nil
				}
			}
			ch.flush() // a repeated id before this record is reported first
			return e
		}
		ch.flush()
		return nil
	}
	return checkIDs(read,
		func(x *row, pos int) (string, int) { return x.id, pos },
		func(id string, line, first int) error {
			return &benefit.RecordError{Line: line, Field: "id", Err: dupError(id, first, "record")}
		},
		func(rows []row) bool { return emit(rows, true) })
}

// A chunker collects rows into chunks of at most size rows, each in a
// buffer from get, for emit.
type chunker struct {
	size int
	get  func() []row
	emit func([]row, bool) bool
	buf  []row
}

// add appends x, emitting the chunk when it is full; it returns false
// when emit asks to stop.
func (c *chunker) add(x row) bool {
	c.buf = append(c.buf, x)
	return len(c.buf) < c.size || c.full()
}

// full emits the full chunk and starts the next; false when emit asks to
// stop.
func (c *chunker) full() bool {
	if !c.emit(c.buf, true) {
		return false
	}
	c.buf = c.get()
	return true
}

// flush emits the last, partial chunk.
func (c *chunker) flush() {
	if len(c.buf) > 0 {
		c.emit(c.buf, true)
	}
}

// A Population is retirees held in memory in a compact form (about 64
// bytes each), for runs that read them more than once: Calibrate, or
// comparing plans. It is immutable and safe for concurrent use.
type Population struct {
	rows []row
}

// NewPopulation reads src into memory. On a bad record it returns the
// error and no population.
func NewPopulation(src Source) (*Population, error) {
	if src == nil || src == Source((*Population)(nil)) {
		return nil, errNoSource
	}
	var rows []row
	err := src.feed(4096, func() []row { return make([]row, 0, 4096) }, func(rs []row, _ bool) bool {
		rows = append(rows, rs...)
		return true
	})
	if err != nil {
		return nil, err
	}
	return &Population{rows: rows}, nil
}

// Len returns the number of retirees.
func (p *Population) Len() int { return len(p.rows) }

// All returns the retirees in order.
func (p *Population) All() iter.Seq[Retiree] {
	return func(yield func(Retiree) bool) {
		for i := range p.rows {
			if !yield(p.rows[i].retiree()) {
				return
			}
		}
	}
}

func (p *Population) feed(size int, _ func() []row, emit func([]row, bool) bool) error {
	for i := 0; i < len(p.rows); i += size {
		if !emit(p.rows[i:min(i+size, len(p.rows))], false) {
			return nil
		}
	}
	return nil
}
