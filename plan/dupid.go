package plan

import (
	"errors"
	"fmt"
	"hash/maphash"
)

// ErrDuplicateID reports a retiree id (人员编号) given twice in one
// source: in a payment file (Options.PerPerson) it would be paid twice,
// and in a Report counted twice.
var ErrDuplicateID = errors.New("plan: repeated retiree id")

// idSet remembers the ids a source has yielded and the line (or
// position) of each, to reject a repeated one. It is used by one
// goroutine (checkIDs'), in input order, so the line reported is the
// same whatever the workers.
//
// It costs memory proportional to the number of distinct ids, held for
// the duration of the read: each id's bytes in blocks, an entry of 24
// bytes and two to four slots of 16 bytes in an open-addressing table
// keyed by the id's 64-bit hash (about 60-90 bytes an id beyond its
// length; under 1 GB for 10 million ids). None of it holds pointers, so
// the garbage collector does not scan it, and no id is allocated on its
// own. Ids of the same hash are told apart by their bytes, so a hash
// collision never rejects a good file. (A Go map of strings cost two to
// three times more per id.)
type idSet struct {
	seed  maphash.Seed
	slots []idSlot            // linear probing; a power of two long, at most half full
	ents  [][]idEntry         // blocks of entryBlock entries, in the order first seen
	bytes [][]byte            // the ids' bytes, in blocks of at least byteBlock
	n     int                 // entries
	hash  func(string) uint64 // nil: maphash with seed (tests force collisions)
}

// Entries and bytes live in blocks that are never copied as they grow.
const (
	entryBlock = 8192
	byteBlock  = 64 << 10
)

type idSlot struct {
	h uint64
	e int // 1 + the index of the entry; 0 for an empty slot
}

type idEntry struct {
	line   int
	blk    uint32 // the id is bytes[blk][off:off+n]
	off, n uint32
}

// add records id, seen at line, and returns the line of its first
// occurrence when it was seen before (0 otherwise).
func (s *idSet) add(id string, line int) int {
	if s.slots == nil {
		s.seed = maphash.MakeSeed()
		s.slots = make([]idSlot, 1024)
	}
	if 2*(s.n+1) > len(s.slots) {
		s.grow()
	}
	var h uint64
	if s.hash != nil {
		h = s.hash(id)
	} else {
		h = maphash.String(s.seed, id)
	}
	mask := uint64(len(s.slots) - 1)
	j := h & mask
	for s.slots[j].e != 0 {
		if sl := s.slots[j]; sl.h == h {
			e := &s.ents[(sl.e-1)/entryBlock][(sl.e-1)%entryBlock]
			if string(s.bytes[e.blk][e.off:e.off+e.n]) == id {
				return e.line
			}
		}
		j = (j + 1) & mask
	}
	if s.n%entryBlock == 0 {
		s.ents = append(s.ents, make([]idEntry, 0, entryBlock))
	}
	last := len(s.bytes) - 1
	if last < 0 || cap(s.bytes[last])-len(s.bytes[last]) < len(id) {
		s.bytes = append(s.bytes, make([]byte, 0, max(byteBlock, len(id))))
		last++
	}
	b := s.bytes[last]
	s.ents[len(s.ents)-1] = append(s.ents[len(s.ents)-1], idEntry{line, uint32(last), uint32(len(b)), uint32(len(id))})
	s.bytes[last] = append(b, id...)
	s.n++
	s.slots[j] = idSlot{h, s.n}
	return 0
}

// grow doubles the table.
func (s *idSet) grow() {
	old := s.slots
	s.slots = make([]idSlot, 2*len(old))
	mask := uint64(len(s.slots) - 1)
	for _, sl := range old {
		if sl.e == 0 {
			continue
		}
		j := sl.h & mask
		for s.slots[j].e != 0 {
			j = (j + 1) & mask
		}
		s.slots[j] = sl
	}
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
// repeated id: the check stays in input order (the line reported is the
// same whatever the workers) without slowing the reading, and emit is
// always called from that one goroutine. idOf gives a record's id ("" is
// not checked) and its line, from its 1-based position in the source or
// its own; dup makes the error of a repeat first seen on line first.
//
// It returns the error of a repeat, which is on an earlier line than any
// record read returned an error for, or else read's error.
func checkIDs[T any](read func(send func([]T) bool) error, idOf func(x *T, pos int) (string, int), dup func(x *T, id string, line, first int) error, emit func([]T) bool) error {
	chunks := make(chan []T, 2)
	stop := make(chan struct{}) // closed when the checker wants no more
	done := make(chan struct{})
	var dupErr error
	go func() {
		defer close(done)
		var ids idSet
		pos := 0
		stopped := false
		for recs := range chunks {
			if stopped {
				continue // let read finish
			}
			n := len(recs)
			for i := range recs {
				pos++
				id, line := idOf(&recs[i], pos)
				if id == "" {
					continue
				}
				if first := ids.add(id, line); first != 0 {
					dupErr = dup(&recs[i], id, line, first)
					n = i
					break
				}
			}
			// The records before a repeated id are emitted: one of them may
			// be bad too, and the earliest line must be the one reported.
			if (n > 0 && !emit(recs[:n])) || dupErr != nil {
				stopped = true
				close(stop)
			}
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
	if dupErr != nil {
		return dupErr
	}
	return rerr
}
