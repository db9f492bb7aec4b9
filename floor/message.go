package floor

import (
	"strconv"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// A message is what a finding's Message is made from, when a caller
// reads it: the kind of sentence and the figures it names that the
// Finding does not hold itself. Check makes messages and never changes
// one after; findings share them (the unchecked findings of a stale
// table share one). The zero message says nothing.
type message struct {
	kind  msgKind
	flags msgFlags
	n     int32         // msgStale: the cadence in months; msgRelative: the relation; msgPassThrough: the frequencies
	m1    benefit.Month // msgFloor*: the month no newer floor is known from; msgNoCut: the cut; msgLatePayment, msgStale: the version's month; msgPassThrough: the raise
	m2    benefit.Month // msgLatePayment: the first month paid; msgStale: the month the update was due
	code  region.Code   // msgHierarchy, msgLatePayment: the region of the level compared with or paid
	text  string        // msgText: the text; msgFloor*: the group of a regional-agreement floor ("": national); msgRelative: the bound; msgRelativeStale: the other programme
	name  string        // the name of the region of code, or of the level inherited from (Finding.InheritedFrom)
	src   *benefit.Citation
	a, b  benefit.Amount // msgPassThrough: the raise and the level before it; msgLatePayment: the version's amount
}

type msgKind uint8

const (
	msgText          msgKind = iota // text as it is
	msgFloor                        // level below a fixed floor
	msgFloorYear                    // a floor year's monthly instalments below a yearly floor
	msgNoFloor                      // a programme with no floor at all
	msgNoFloorDims                  // no floor for the level's dimensions in its region
	msgNoFloorMonths                // no floor in force in these months
	msgNoLevel                      // no amount of the level or of any region above
	msgRelative                     // a relative bound broken
	msgRelativeStale                // a relative bound read from a stale table
	msgHierarchy                    // below the level of the region above
	msgPassThrough                  // a national raise not passed on
	msgLatePayment                  // a version first paid after it took effect
	msgNoCut                        // a level cut
	msgStale                        // a local figure not updated within its cadence
)

type msgFlags uint8

const (
	msgStaleFloor msgFlags = 1 << iota // msgFloor*: no newer floor is known from m1
	msgPaidBy                          // msgLatePayment: the level of code was paid
)

// The relations of a relative bound, in words: where a level must lie
// against it (message.n).
var relations = [...]string{"above", "at least", "below", "at most"}

// relationOf returns the index in relations of r's relation.
func relationOf(r *Relative) int32 {
	switch {
	case r.Bound == Lower && r.Strict:
		return 0
	case r.Bound == Lower:
		return 1
	case r.Strict:
		return 2
	}
	return 3
}

// Equal reports whether m and o make the same sentence for the same
// finding figures. It is what go-cmp compares two findings' messages
// with (floortest.CmpOptions).
func (m *message) Equal(o *message) bool {
	if m == o {
		return true
	}
	if m == nil || o == nil {
		return false
	}
	return m.kind == o.kind && m.flags == o.flags && m.n == o.n && m.m1 == o.m1 && m.m2 == o.m2 && m.code == o.code &&
		m.text == o.text && m.name == o.name && (m.src == o.src || (m.src != nil && o.src != nil && *m.src == *o.src)) &&
		m.a.Equal(o.a) && m.b.Equal(o.b)
}

// Message returns one line in English saying what is wrong. It is made
// when it is asked for, from the finding's figures and what the check
// recorded with it; a Finding made by hand says nothing ("").
func (f Finding) Message() string {
	m := f.msg
	if m == nil {
		return ""
	}
	b := make([]byte, 0, 160)
	switch m.kind {
	case msgText:
		b = append(b, m.text...)
	case msgFloor, msgFloorYear:
		if m.kind == msgFloorYear {
			b = append(b, "the floor year's monthly instalments pay "...)
			b = appendAmount(b, f.Actual)
			b = append(b, " a year, below the "...)
		} else {
			b = append(b, "level "...)
			b = appendAmount(b, f.Actual)
			b = append(b, " is below the "...)
		}
		if m.text == "" {
			b = append(b, "national floor "...)
		} else {
			b = append(append(append(b, "regional-agreement floor of "...), m.text...), ' ')
		}
		b = appendAmount(b, f.Required)
		if m.kind == msgFloorYear {
			b = append(b, " a year"...)
		}
		b = append(append(append(b, " ("...), f.FloorStatus.String()...), ')')
		if m.flags&msgStaleFloor != 0 {
			b = append(b, "; no newer floor is known from "...)
			b = appendMonth(b, m.m1)
			b = append(b, ", and a floor does not fall, so it is below the floor in force too"...)
		}
		b = f.appendInherited(b, m)
	case msgNoFloor:
		b = append(append(append(b, "no floor of "...), f.Program...), " is known: not checked against any floor"...)
	case msgNoFloorDims, msgNoFloorMonths:
		b = append(append(append(append(b, "no floor of "...), f.Program...), " is known for "...), dimsText(f.Dims)...)
		if m.kind == msgNoFloorDims {
			b = append(b, " in this region: not checked against any floor"...)
		} else {
			b = append(b, " in these months (the known floors start later or have ended): not checked"...)
		}
	case msgNoLevel:
		b = append(append(append(b, "no amount is given and no region above has a level of "...), f.Program...), " to inherit: not checked"...)
	case msgRelative:
		b = append(b, "level "...)
		b = appendAmount(b, f.Actual)
		b = append(append(append(append(append(b, " must be "...), relations[m.n]...), ' '), m.text...), " = "...)
		b = appendAmount(b, f.Required)
		b = append(append(append(b, " ("...), m.src.String()...), ')')
		b = f.appendInherited(b, m)
	case msgRelativeStale:
		b = append(append(append(append(b, "the "...), m.text...), " figure compared ("...), m.src.String()...)
		b = append(append(append(b, ") is a national table older than its cadence, and no newer one is known: "...), f.Rule...), " cannot be evaluated"...)
	case msgHierarchy:
		b = append(b, "level "...)
		b = appendAmount(b, f.Actual)
		b = append(append(append(append(append(b, " is below "...), m.code.String()...), ' '), m.name...), "'s level "...)
		b = appendAmount(b, f.Required)
		b = append(append(append(b, " ("...), m.src.String()...), ')')
	case msgPassThrough:
		delta, base := m.a, m.b
		per, floorPer := benefit.Frequency(m.n&0xff), benefit.Frequency(m.n>>8)
		req := base.Add(delta)
		if per != floorPer {
			req = per.Annual(base).Add(floorPer.Annual(delta))
		}
		b = append(b, "national floor rose by "...)
		b = appendAmount(b, delta)
		b = appendMonth(append(b, " in "...), m.m1)
		b = appendAmount(append(b, "; level was "...), base)
		b = appendAmount(append(b, ", so at least "...), req)
		b = append(b, " is due"...)
		b = f.appendInherited(b, m)
	case msgLatePayment:
		b = appendMonth(append(b, "the level of "...), m.m1)
		b = appendAmount(append(b, " ("...), m.a)
		b = appendMonth(append(b, ") was first paid in "...), m.m2)
		b = appendAmount(append(b, "; "...), f.Actual)
		b = append(b, " was paid until then, so the difference is owed (补发)"...)
		if m.flags&msgPaidBy != 0 {
			b = append(append(append(append(append(b, " ("...), m.code.String()...), ' '), m.name...), "'s level was paid)"...)
		}
	case msgNoCut:
		b = appendAmount(append(b, "level cut from "...), f.Required)
		b = appendAmount(append(b, " to "...), f.Actual)
		b = appendMonth(append(b, " in "...), m.m1)
	case msgStale:
		b = appendMonth(append(b, "unchanged since "...), m.m1)
		b = strconv.AppendInt(append(b, "; expected an update at least every "...), int64(m.n), 10)
		b = appendMonth(append(b, " months (due "...), m.m2)
		b = append(b, ')')
	}
	if f.Severity == Waived && f.Waiver != nil {
		b = append(append(b, "; waived: "...), f.Waiver.Reason...)
	}
	return string(b)
}

// appendInherited appends, for a finding on a level inherited from an
// ancestor, which one.
func (f *Finding) appendInherited(b []byte, m *message) []byte {
	if !f.InheritedFrom.IsValid() {
		return b
	}
	return append(append(append(append(b, "; level inherited from "...), f.InheritedFrom.String()...), ' '), m.name...)
}

func appendMonth(b []byte, m benefit.Month) []byte { return append(b, m.String()...) }

func appendAmount(b []byte, a benefit.Amount) []byte { return append(b, a.String()...) }

// An arena hands out values of a check (messages, citations they name)
// from shared arrays: a few allocations for many findings. A value is
// never changed once added.
type arena[T any] struct{ free []T }

// add returns a pointer to a copy of v.
func (a *arena[T]) add(v T) *T {
	if len(a.free) == 0 {
		a.free = make([]T, 1024)
	}
	p := &a.free[0]
	*p = v
	a.free = a.free[1:]
	return p
}

// textMsg returns a message that says text.
func textMsg(text string) *message { return &message{kind: msgText, text: text} }
