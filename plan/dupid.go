package plan

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"slices"
)

// ErrDuplicateID reports a retiree id (人员编号) given twice in one
// source: in a payment file (Options.PerPerson) it would be paid twice,
// and in a Report counted twice.
var ErrDuplicateID = errors.New("plan: repeated retiree id")

// idSet remembers the ids a source has yielded and the line (or
// position) of each, to find a repeated one, in memory bounded whatever
// the number of ids. It is used by one goroutine (checkIDs'), in input
// order, so the repeat reported is the same whatever the workers: the one
// whose second occurrence comes first.
//
// The ids are taken in segments of at most segIDs ids. The current
// segment is an open-addressing table of the ids' 64-bit hashes (16
// bytes a slot, at most half full) and a log of their lines and bytes;
// add finds a repeat within it at once. A full segment is spilled to two
// temporary files: its (hash, log offset) pairs, sorted by hash, as a
// run, and its log; then the table starts again empty. finish merges the
// runs with the last segment and compares the bytes of the ids of every
// equal hash, so that a repeat across segments is found too and a hash
// collision never rejects a good file. Memory stays under about 25 MB
// (the segment's table, 8 MB, and log, at most 16 MB with its spare
// capacity; then the merge's buffers, 64 KB a run and at most 8 MB) for
// any number of ids; the files take about 16 bytes an id plus the ids'
// length and are removed when the set is closed (on Unix at once: they
// have no name while they are used, so nothing is left behind even if the
// process is killed).
type idSet struct {
	seed  maphash.Seed
	hash  func(string) uint64 // nil: maphash with seed (tests force collisions)
	limit int                 // ids in a segment; 0: segIDs (tests spill sooner)

	slots []idSlot // linear probing from the hash's top bits
	shift uint     // 64 − log2(len(slots))
	n     int      // ids in the segment
	log   []byte   // the segment's ids: uvarint line, uvarint length, bytes
	base  int64    // offset of log[0] in the whole log (what is on file)

	files *idFiles // nil until the first spill

	touched uint64 // what touch read, kept so that the reads stay
}

// A segment holds at most segIDs ids and segLog bytes of log; the
// merge reads at most mergeFanIn runs at once, with a buffer of
// mergeBuf bytes each.
const (
	segIDs     = 1 << 18
	segLog     = 8 << 20
	mergeFanIn = 128
	mergeBuf   = 64 << 10
)

// segLimit is the number of ids in a segment of the sets checkIDs makes:
// segIDs (tests lower it to spill small sources).
var segLimit = segIDs

// idSlot is a slot of the table, and an entry of a run.
type idSlot struct {
	h   uint64
	ref uint64 // 1 + the offset of the id's entry in the log; 0: empty
}

func (a idSlot) compare(b idSlot) int {
	if c := cmp.Compare(a.h, b.h); c != 0 {
		return c
	}
	return cmp.Compare(a.ref, b.ref)
}

// idFiles are the spilled segments: their logs, one after the other, and
// their sorted runs.
type idFiles struct {
	log, runs *os.File
	logName   string // "" once removed
	runsName  string
	sorted    []idRun // the runs in the runs file not yet merged
	runsEnd   int64   // bytes written to runs
}

// An idRun is a sorted run of n entries at offset off of the runs file.
type idRun struct{ off, n int64 }

// An idRepeat is a repeated id: given on line, first on first.
type idRepeat struct {
	id          string
	line, first int
}

func (s *idSet) max() int {
	if s.limit > 0 {
		return s.limit
	}
	return segIDs
}

func (s *idSet) sum(id string) uint64 {
	if s.hash != nil {
		return s.hash(id)
	}
	return maphash.String(s.seed, id)
}

// add records id, seen at line, and returns the line of its first
// occurrence when it was seen before in the current segment (0
// otherwise; finish finds the repeats across segments). The error is
// that of spilling a segment.
func (s *idSet) add(id string, line int) (int, error) {
	s.init()
	return s.addSum(id, s.sum(id), line)
}

// init makes the empty table and the hash's seed, once.
func (s *idSet) init() {
	if s.slots == nil {
		s.seed = maphash.MakeSeed()
		s.resize(1024)
	}
}

// touch reads the slot where an id of hash h is looked for first, so
// that it is in the cache when addSum looks: a probe of the table (8 MB)
// is a cache miss, and a few of them issued ahead wait together. The
// result is of no use.
func (s *idSet) touch(h uint64) uint64 { return s.slots[h>>s.shift].ref }

// addSum is add of an id whose hash is h (sum), after init.
func (s *idSet) addSum(id string, h uint64, line int) (int, error) {
	if 2*(s.n+1) > len(s.slots) {
		s.resize(2 * len(s.slots))
	}
	mask := uint64(len(s.slots) - 1)
	j := h >> s.shift
	for s.slots[j].ref != 0 {
		if sl := s.slots[j]; sl.h == h {
			if first, b := s.inMemory(sl.ref - 1); string(b) == id {
				return first, nil
			}
		}
		j = (j + 1) & mask
	}
	s.slots[j] = idSlot{h, uint64(s.base) + uint64(len(s.log)) + 1}
	s.log = binary.AppendUvarint(s.log, uint64(line))
	s.log = binary.AppendUvarint(s.log, uint64(len(id)))
	s.log = append(s.log, id...)
	s.n++
	if s.n >= s.max() || len(s.log) >= segLog {
		return 0, s.spill()
	}
	return 0, nil
}

// resize makes the table n slots long (a power of two), keeping its
// entries.
func (s *idSet) resize(n int) {
	old := s.slots
	s.slots = make([]idSlot, n)
	s.shift = uint(64 - bitsLen(n-1))
	mask := uint64(n - 1)
	for _, sl := range old {
		if sl.ref == 0 {
			continue
		}
		j := sl.h >> s.shift
		for s.slots[j].ref != 0 {
			j = (j + 1) & mask
		}
		s.slots[j] = sl
	}
}

func bitsLen(n int) int {
	l := 0
	for ; n > 0; n >>= 1 {
		l++
	}
	return l
}

// inMemory returns the line and bytes of the entry at offset off of the
// current segment's log.
func (s *idSet) inMemory(off uint64) (int, []byte) {
	b := s.log[off-uint64(s.base):]
	line, k := binary.Uvarint(b)
	n, m := binary.Uvarint(b[k:])
	return int(line), b[k+m : k+m+int(n)]
}

// sorted returns the current segment's entries sorted by hash and
// offset, in the table's own memory (the table is emptied). The slot of
// an entry is its hash's top bits, so the table is already in order but
// for the few entries of a cluster (ids probed past their slot): an
// insertion sort puts them in place in about one pass. A cluster that
// runs past the table's end continues at its start; those entries go
// last.
func (s *idSet) sorted() []idSlot {
	var wrapped []idSlot
	w := 0
	for i, sl := range s.slots {
		switch {
		case sl.ref == 0:
		case sl.h>>s.shift > uint64(i):
			wrapped = append(wrapped, sl)
		default:
			s.slots[w] = sl
			w++
		}
	}
	ents := append(s.slots[:w], wrapped...)
	for i := 1; i < len(ents); i++ {
		e := ents[i]
		j := i
		for ; j > 0 && ents[j-1].compare(e) > 0; j-- {
			ents[j] = ents[j-1]
		}
		ents[j] = e
	}
	return ents
}

// spill writes the current segment to the files and empties it.
func (s *idSet) spill() error {
	if s.files == nil {
		f, err := newIDFiles()
		if err != nil {
			return err
		}
		s.files = f
	}
	f := s.files
	ents := s.sorted()
	if err := f.writeRun(ents); err != nil {
		return err
	}
	if _, err := f.log.Write(s.log); err != nil {
		return idFileErr(err)
	}
	clear(s.slots)
	s.base += int64(len(s.log))
	s.log, s.n = s.log[:0], 0
	return nil
}

func idFileErr(err error) error {
	return fmt.Errorf("plan: checking the ids for repeats (temporary file): %w", err)
}

// newIDFiles creates the temporary files and removes their names at once
// where the system allows it (Unix); close removes them otherwise.
func newIDFiles() (*idFiles, error) {
	f := &idFiles{}
	var err error
	if f.log, err = os.CreateTemp("", "benefitstd-ids-*.log"); err != nil {
		return nil, idFileErr(err)
	}
	f.logName = f.log.Name()
	if f.runs, err = os.CreateTemp("", "benefitstd-ids-*.runs"); err != nil {
		f.close()
		return nil, idFileErr(err)
	}
	f.runsName = f.runs.Name()
	if os.Remove(f.logName) == nil {
		f.logName = ""
	}
	if os.Remove(f.runsName) == nil {
		f.runsName = ""
	}
	return f, nil
}

func (f *idFiles) close() {
	for _, x := range []struct {
		f    *os.File
		name string
	}{{f.log, f.logName}, {f.runs, f.runsName}} {
		if x.f != nil {
			x.f.Close()
		}
		if x.name != "" {
			os.Remove(x.name)
		}
	}
}

// close removes the temporary files, if any.
func (s *idSet) close() {
	if s.files != nil {
		s.files.close()
		s.files = nil
	}
}

// writeRun appends a sorted run to the runs file.
func (f *idFiles) writeRun(ents []idSlot) error {
	w := bufio.NewWriterSize(f.runs, mergeBuf)
	var b [16]byte
	for _, e := range ents {
		binary.LittleEndian.PutUint64(b[:8], e.h)
		binary.LittleEndian.PutUint64(b[8:], e.ref)
		w.Write(b[:])
	}
	if err := w.Flush(); err != nil {
		return idFileErr(err)
	}
	f.sorted = append(f.sorted, idRun{f.runsEnd, int64(len(ents))})
	f.runsEnd += 16 * int64(len(ents))
	return nil
}

// A runCursor reads a sorted run: the runs file's or the last segment's.
type runCursor struct {
	cur  idSlot
	left int64     // entries not yet read
	src  io.Reader // nil: reading mem
	buf  []byte    // read from src
	pos  int       // of the next entry in buf
	mem  []idSlot
}

// next moves to the next entry; false at the end of the run.
func (c *runCursor) next() (bool, error) {
	if c.left == 0 {
		return false, nil
	}
	c.left--
	if c.src == nil {
		c.cur, c.mem = c.mem[0], c.mem[1:]
		return true, nil
	}
	if c.pos == len(c.buf) {
		c.buf, c.pos = c.buf[:min(int64(cap(c.buf)), 16*(c.left+1))], 0
		if _, err := io.ReadFull(c.src, c.buf); err != nil {
			return false, idFileErr(err)
		}
	}
	b := c.buf[c.pos : c.pos+16]
	c.cur = idSlot{binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:])}
	c.pos += 16
	return true, nil
}

// merge sends the entries of runs in order of hash and offset to emit.
func merge(runs []*runCursor, emit func(idSlot) error) error {
	// a binary min-heap of the cursors not at their end
	h := runs[:0]
	for _, c := range runs {
		ok, err := c.next()
		if err != nil {
			return err
		}
		if ok {
			h = append(h, c)
		}
	}
	less := func(i, j int) bool { return h[i].cur.compare(h[j].cur) < 0 }
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= len(h) {
				return
			}
			if r := l + 1; r < len(h) && less(r, l) {
				l = r
			}
			if !less(l, i) {
				return
			}
			h[i], h[l] = h[l], h[i]
			i = l
		}
	}
	for i := len(h)/2 - 1; i >= 0; i-- {
		down(i)
	}
	for len(h) > 0 {
		if err := emit(h[0].cur); err != nil {
			return err
		}
		ok, err := h[0].next()
		if err != nil {
			return err
		}
		if !ok {
			h[0] = h[len(h)-1]
			h = h[:len(h)-1]
		}
		down(0)
	}
	return nil
}

// cursors returns cursors over runs of the runs file.
func (f *idFiles) cursors(runs []idRun) []*runCursor {
	cs := make([]*runCursor, len(runs))
	for i, r := range runs {
		cs[i] = &runCursor{src: io.NewSectionReader(f.runs, r.off, 16*r.n), buf: make([]byte, 0, mergeBuf), left: r.n}
	}
	return cs
}

// finish finds the repeat, among all the ids added, whose second
// occurrence comes first, when segments were spilled (add found every
// repeat otherwise). The current segment can take no more ids after it.
func (s *idSet) finish() (idRepeat, bool, error) {
	f := s.files
	if f == nil {
		return idRepeat{}, false, nil
	}
	// Merge the runs mergeFanIn at a time into a longer run at the end of
	// the file until the rest fit one merge.
	for len(f.sorted) >= mergeFanIn {
		w := bufio.NewWriterSize(f.runs, mergeBuf)
		var n int64
		var b [16]byte
		err := merge(f.cursors(f.sorted[:mergeFanIn]), func(e idSlot) error {
			binary.LittleEndian.PutUint64(b[:8], e.h)
			binary.LittleEndian.PutUint64(b[8:], e.ref)
			n++
			_, err := w.Write(b[:])
			return err
		})
		if err == nil {
			err = w.Flush()
		}
		if err != nil {
			return idRepeat{}, false, idFileErr(err)
		}
		f.sorted = append(slices.Clone(f.sorted[mergeFanIn:]), idRun{f.runsEnd, n})
		f.runsEnd += 16 * n
	}
	last := s.sorted()
	cs := append(f.cursors(f.sorted), &runCursor{mem: last, left: int64(len(last))})
	var (
		best  idRepeat
		found bool
		group []idSlot
	)
	check := func() error {
		if len(group) < 2 {
			return nil
		}
		type ent struct {
			line int
			id   []byte
		}
		es := make([]ent, len(group))
		for i, e := range group {
			line, id, err := s.entry(e.ref - 1)
			if err != nil {
				return err
			}
			es[i] = ent{line, id}
			for _, p := range es[:i] {
				if string(p.id) == string(id) {
					if !found || line < best.line {
						best, found = idRepeat{string(id), line, p.line}, true
					}
					break
				}
			}
		}
		return nil
	}
	err := merge(cs, func(e idSlot) error {
		if len(group) > 0 && group[0].h != e.h {
			if err := check(); err != nil {
				return err
			}
			group = group[:0]
		}
		group = append(group, e)
		return nil
	})
	if err == nil {
		err = check()
	}
	if err != nil {
		return idRepeat{}, false, err
	}
	return best, found, nil
}

// entry returns the line and bytes of the log entry at offset off.
func (s *idSet) entry(off uint64) (int, []byte, error) {
	if off >= uint64(s.base) {
		line, id := s.inMemory(off)
		return line, id, nil
	}
	var hdr [2 * binary.MaxVarintLen64]byte
	n, err := s.files.log.ReadAt(hdr[:], int64(off))
	if n == 0 && err != nil {
		return 0, nil, idFileErr(err)
	}
	line, k := binary.Uvarint(hdr[:n])
	size, m := binary.Uvarint(hdr[k:n])
	if k <= 0 || m <= 0 {
		return 0, nil, idFileErr(errors.New("bad log entry"))
	}
	id := make([]byte, size)
	if _, err := s.files.log.ReadAt(id, int64(off)+int64(k+m)); err != nil {
		return 0, nil, idFileErr(err)
	}
	return int(line), id, nil
}

// dupError is the cause of the *benefit.RecordError (field "id") of a
// repeated id, first given on line (or record, for Go values) first.
func dupError(id string, first int, what string) error {
	return fmt.Errorf("%w: %q was already given on %s %d; a retiree appears once (a repeated id would be paid twice)", ErrDuplicateID, id, what, first)
}

// checkIDs runs read, which sends the records of a source through send
// in input order, in chunks, and stops when send returns false. On
// another goroutine, one chunk behind, it checks the records' ids for
// repeats and passes the chunks on to emit, cutting the chunk before a
// repeated id it finds at once (within the current segment of the id
// set): the check stays in input order (the repeat reported is the same
// whatever the workers) without slowing the reading, and emit is always
// called from that one goroutine. A repeat across segments (sources of
// more than segIDs ids) is found once the reading is over, after its
// records were emitted. idOf gives a record's id ("" is not checked) and
// its line, from its 1-based position in the source or its own; dup
// makes the error of id given on line and first on first.
//
// It returns the error of the repeat whose second occurrence comes
// first, which is on an earlier line than any record read returned an
// error for, or else read's error.
func checkIDs[T any](read func(send func([]T) bool) error, idOf func(x *T, pos int) (string, int), dup func(id string, line, first int) error, emit func([]T) bool) error {
	chunks := make(chan []T, 2)
	stop := make(chan struct{}) // closed when the checker wants no more
	done := make(chan struct{})
	var (
		rep    idRepeat
		found  bool
		setErr error
	)
	go func() {
		defer close(done)
		ids := idSet{limit: segLimit}
		ids.init()
		defer ids.close()
		pos := 0
		stopped := false
		// a chunk's ids, lines and hashes, taken first so that the table's
		// slots can be read ahead of their probes (touch)
		type idAt struct {
			id   string
			line int
			h    uint64
		}
		var chunk []idAt
		var sink uint64
		const ahead = 32 // slots read together: their cache misses overlap
		for recs := range chunks {
			if stopped {
				continue // let read finish
			}
			chunk = chunk[:0]
			for i := range recs {
				id, line := idOf(&recs[i], pos+i+1)
				chunk = append(chunk, idAt{id, line, ids.sum(id)})
			}
			n := len(recs)
			for i := range chunk {
				pos++
				if i%ahead == 0 { // the next ids' slots, read together
					for _, x := range chunk[i:min(i+ahead, len(chunk))] {
						sink += ids.touch(x.h)
					}
				}
				id, line := chunk[i].id, chunk[i].line
				if id == "" {
					continue
				}
				first, err := ids.addSum(id, chunk[i].h, line)
				if err != nil {
					setErr, n = err, i
					break
				}
				if first != 0 {
					rep, found, n = idRepeat{id, line, first}, true, i
					break
				}
			}
			ids.touched += sink
			// The records before a repeated id are emitted: one of them may
			// be bad too, and the earliest line must be the one reported.
			if (n > 0 && !emit(recs[:n])) || found || setErr != nil {
				stopped = true
				close(stop)
			}
		}
		if setErr != nil {
			return
		}
		// a repeat across segments, before the one found (if any)
		r, ok, err := ids.finish()
		switch {
		case err != nil:
			setErr = err
		case ok && (!found || r.line < rep.line):
			rep, found = r, true
		}
	}()
	rerr := func() error {
		defer close(chunks)
		return read(func(recs []T) bool {
			select {
			case chunks <- recs:
				return true
			case <-stop:
				return false
			}
		})
	}()
	<-done
	switch {
	case found:
		return dup(rep.id, rep.line, rep.first)
	case setErr != nil:
		return setErr
	}
	return rerr
}
