package plan

import (
	"errors"
	"fmt"
	"strings"
)

// ErrDuplicateID reports a retiree id (人员编号) given twice in one
// source: in a payment file (Options.PerPerson) it would be paid twice,
// and in a Summary counted twice.
var ErrDuplicateID = errors.New("plan: repeated retiree id")

// idSet remembers the ids a source has yielded and the line (or
// position) of each, to reject a repeated one. It is used on the
// source's reading goroutine only, in input order, so the line reported
// is the same whatever the workers.
//
// It costs memory proportional to the number of distinct ids: the id's
// bytes plus a map entry (about 50 bytes an id beyond its length; some
// 0.6 GB for 10 million ids), held for the duration of the read.
type idSet struct {
	first map[string]int
}

// add records id, seen at line, and returns the line of its first
// occurrence when it was seen before (0 otherwise). With own set, id is
// copied before it is kept, so that the set holds the id's bytes only,
// not the CSV record it was cut from.
func (s *idSet) add(id string, line int, own bool) int {
	if s.first == nil {
		s.first = make(map[string]int)
	}
	if l, ok := s.first[id]; ok {
		return l
	}
	if own {
		id = strings.Clone(id)
	}
	s.first[id] = line
	return 0
}

// dupError is the cause of the *benefit.RecordError (field "id") of a
// repeated id, first given on line (or record, for Go values) first.
func dupError(id string, first int, what string) error {
	return fmt.Errorf("%w: %q was already given on %s %d; a retiree appears once (a repeated id would be paid twice)", ErrDuplicateID, id, what, first)
}
