package benefit

import (
	"encoding/json"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/benefitstd/benefitstd/internal/input"
)

// A Status says how firm a value is: law, announced, provisional,
// projected by a model, or a default filled in by the library.
//
// The zero Status is Unknown: nobody said how firm the value is. Unknown
// is never read as law. No loader accepts it: a version in a file must
// name its status, ParseStatus refuses "" and "unknown", and the floor
// package refuses a floor or level version built in Go without one
// (ErrNoStatus).
type Status int8

const (
	Unknown      Status = iota // 未知: no status was given; never law, refused wherever a status is required
	Legislated                 // 已发布施行: in a published, effective instrument
	Announced                  // 已宣布: announced (e.g. in a Government Work Report), instrument not seen
	Provisional                // 待核实: believed but unresolved; never to be read as law
	Projected                  // 预测: produced by a projection rule of a scenario
	Illustrative               // 示意 (written "default"): an illustrative or default figure, not a real one
)

var statusNames = [...]string{"unknown", "legislated", "announced", "provisional", "projected", "default"}

// statusWant lists the statuses a file may give.
const statusWant = "want legislated, announced, provisional, projected or default"

// String returns "legislated", "announced", "provisional", "projected",
// "default", or "unknown" for the zero Status.
func (s Status) String() string {
	if s < 0 || int(s) >= len(statusNames) {
		return fmt.Sprintf("Status(%d)", int(s))
	}
	return statusNames[s]
}

// ParseStatus is the inverse of Status.String for the five stated
// statuses. It never returns Unknown: "" is a *ParseError wrapping
// ErrNoStatus, and "unknown" or any other word a *ParseError wrapping
// ErrSyntax, since a file that gives a value must say how firm it is.
func ParseStatus(s string) (Status, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return Unknown, parseErr("status", s, "missing: "+statusWant, ErrNoStatus)
	}
	if i := slices.Index(statusNames[:], t); i > int(Unknown) {
		return Status(i), nil
	}
	return Unknown, parseErr("status", s, statusWant+` (provisional when unsure; "unknown" is not a status a value can be given with)`, ErrSyntax)
}

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// A Citation is the legal or published source of a value.
type Citation struct {
	Doc        string `json:"doc,omitempty"`        // document number, e.g. "国办发〔2018〕6号"
	Title      string `json:"title,omitempty"`      // title or article, e.g. "失业保险条例 第十八条"
	URL        string `json:"url,omitempty"`        // where it was read
	Confidence string `json:"confidence,omitempty"` // mark from the domain reference: V, V3, D, M, C
	Note       string `json:"note,omitempty"`       // anything a reader must know
}

// IsZero reports whether c names no source at all.
func (c Citation) IsZero() bool { return c == Citation{} }

// confidenceMarks is the legend of the domain reference (可信度标记,
// policy-reference §0.1): verified in the source, verified in a
// third-party copy, derived, from memory, conflicting.
var confidenceMarks = [...]string{"V", "V3", "D", "M", "C"}

// Mark returns c's confidence mark (可信度标记) in its normal form: upper
// case, without the brackets or spaces around it ("[v3]" is "V3"), or ""
// when c has none. A mark not in the domain legend (V, V3, D, M, C) is a
// *ParseError wrapping ErrSyntax: loaders call Mark on every citation
// they read and name the field (….citation.confidence) in a
// *RecordError.
func (c Citation) Mark() (string, error) {
	m := strings.Trim(strings.ToUpper(c.Confidence), "[] ")
	if m == "" || slices.Contains(confidenceMarks[:], m) {
		return m, nil
	}
	return "", parseErr("confidence mark", c.Confidence, "want V, V3, D, M or C (brackets allowed), or none", ErrSyntax)
}

// String returns the document number and title, or the URL.
func (c Citation) String() string {
	var parts []string
	for _, s := range []string{c.Doc, c.Title} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return c.URL
	}
	return strings.Join(parts, " ")
}

// A Version is one step of a Schedule: the amount in force from a month
// on, until the next version (or the schedule's end), with how firm it
// is and where it comes from. NewSchedule does not look at Status; JSON
// requires it, and a floor or level version must state it (the zero
// Status, Unknown, is refused with ErrNoStatus).
type Version struct {
	From     Month    `json:"from"`
	Amount   Amount   `json:"amount"`
	Status   Status   `json:"status"`
	Citation Citation `json:"citation,omitzero"`
}

// A Schedule is an effective-dated step function of amounts: the amount
// of a standard or a level month by month. Versions are sorted by their
// From month, no two share one, and no amount is negative; an optional
// End is the first month no version applies.
//
// A Schedule is immutable once built (NewSchedule copies its input;
// NewScheduleOwned takes it, and its caller does not change it while the
// schedule exists), so it is safe to share between goroutines. The zero Schedule has no
// versions: At reports false for every month.
type Schedule struct {
	vs  []Version
	end Month
}

// NewSchedule builds a schedule from versions, which must be sorted by
// From with no duplicate month, no zero month and no negative amount.
// The error is a *RecordError naming the offending version
// ("versions[2]") and wrapping ErrOrder, ErrNegative or ErrSyntax.
func NewSchedule(versions ...Version) (Schedule, error) {
	if err := checkVersions(versions); err != nil {
		return Schedule{}, err
	}
	return Schedule{vs: slices.Clone(versions)}, nil
}

// NewScheduleOwned is NewSchedule without the copy, for a caller that
// builds many short-lived schedules (package adjust makes one per
// simulated region for its floor check, in a slab it reuses): the
// schedule takes versions as its own. Since a Schedule is immutable,
// versions must not be changed as long as the returned Schedule, or a
// copy of it, exists. It validates versions as NewSchedule does, with
// the same errors.
func NewScheduleOwned(versions []Version) (Schedule, error) {
	if err := checkVersions(versions); err != nil {
		return Schedule{}, err
	}
	return Schedule{vs: versions[:len(versions):len(versions)]}, nil
}

// checkVersions checks what NewSchedule requires of versions.
func checkVersions(versions []Version) error {
	for i, v := range versions {
		if v.From.IsZero() || v.Amount.Sign() < 0 || i > 0 && v.From <= versions[i-1].From {
			return badVersion(versions, i)
		}
	}
	return nil
}

// badVersion returns the error of versions[i], which NewSchedule
// refuses: the field is named only then.
func badVersion(versions []Version, i int) error {
	v := versions[i]
	field := fmt.Sprintf("versions[%d]", i)
	switch {
	case v.From.IsZero():
		return &RecordError{Field: field + ".from", Err: fmt.Errorf("%w: missing effective month", ErrSyntax)}
	case v.Amount.Sign() < 0:
		return &RecordError{Field: field + ".amount", Err: fmt.Errorf("%w: %s from %s", ErrNegative, v.Amount, v.From)}
	}
	what := "before"
	if v.From == versions[i-1].From {
		what = "the same month as"
	}
	return &RecordError{Field: field + ".from", Err: fmt.Errorf("%w: %s is %s versions[%d] (%s)", ErrOrder, v.From, what, i-1, versions[i-1].From)}
}

// WithEnd returns a copy of s that stops applying from end on; a zero end
// removes the end. end must come after the last version's From: the
// error is a *RecordError (field "end") wrapping ErrOrder.
func (s Schedule) WithEnd(end Month) (Schedule, error) {
	if !end.IsZero() && len(s.vs) > 0 && end <= s.vs[len(s.vs)-1].From {
		return Schedule{}, &RecordError{Field: "end", Err: fmt.Errorf("%w: end %s is not after the last version (%s)", ErrOrder, end, s.vs[len(s.vs)-1].From)}
	}
	return Schedule{vs: s.vs, end: end}, nil
}

// End returns the first month no version applies, or the zero Month when
// the schedule has no end.
func (s Schedule) End() Month { return s.end }

// Len returns the number of versions.
func (s Schedule) Len() int { return len(s.vs) }

// Version returns the i-th version (0 ≤ i < Len). It panics when i is out
// of range, as indexing a slice does; All and At do not.
func (s Schedule) Version(i int) Version { return s.vs[i] }

// First returns the first month a version applies, or the zero Month.
func (s Schedule) First() Month {
	if len(s.vs) == 0 {
		return 0
	}
	return s.vs[0].From
}

// Last returns the newest version and true, or false when s is empty.
func (s Schedule) Last() (Version, bool) {
	if len(s.vs) == 0 {
		return Version{}, false
	}
	return s.vs[len(s.vs)-1], true
}

// All returns the versions in order.
func (s Schedule) All() iter.Seq2[int, Version] { return slices.All(s.vs) }

// At returns the version in force in month m, and false when m is
// before the first version or at or after the end.
func (s Schedule) At(m Month) (Version, bool) {
	if !s.end.IsZero() && m >= s.end {
		return Version{}, false
	}
	// the last version whose From <= m
	i, found := slices.BinarySearchFunc(s.vs, m, func(v Version, m Month) int { return v.From.Compare(m) })
	if !found {
		i--
	}
	if i < 0 {
		return Version{}, false
	}
	return s.vs[i], true
}

// appendVersion returns a new schedule with v added after the last
// version; the receiver is not changed. It fails like NewSchedule when v does not come
// after the last version. A v from the end month on continues the
// schedule (the end is dropped); a v after the end fails with ErrOrder,
// since the months between would otherwise fall silently under the
// version before the end.
func (s Schedule) appendVersion(v Version) (Schedule, error) {
	if !s.end.IsZero() && v.From > s.end {
		return Schedule{}, &RecordError{Field: fmt.Sprintf("versions[%d].from", len(s.vs)), Err: fmt.Errorf("%w: %s leaves a gap after the end %s", ErrOrder, v.From, s.end)}
	}
	vs := make([]Version, 0, len(s.vs)+1)
	vs = append(append(vs, s.vs...), v)
	out, err := NewSchedule(vs...)
	if err != nil {
		return Schedule{}, err
	}
	if !s.end.IsZero() && v.From < s.end {
		return out.WithEnd(s.end)
	}
	return out, nil
}

// Changes returns the months in [from, to) at which s changes: each
// version's From and the End, in order. A zero to means no upper bound.
func (s Schedule) changes(from, to Month, add func(Month)) {
	for _, v := range s.vs {
		if v.From > from && (to.IsZero() || v.From < to) {
			add(v.From)
		}
	}
	if !s.end.IsZero() && s.end > from && (to.IsZero() || s.end < to) {
		add(s.end)
	}
}

// Intervals splits [from, to) at every month any of the schedules changes,
// so that within each returned interval every schedule is constant. This
// is how two timelines are compared: once per interval, not once per
// month. A zero to leaves the last interval open. from must be non-zero.
func Intervals(from, to Month, ss ...Schedule) []Interval {
	if from.IsZero() || (!to.IsZero() && to <= from) {
		return nil
	}
	var cuts []Month
	for _, s := range ss {
		s.changes(from, to, func(m Month) { cuts = append(cuts, m) })
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	out := make([]Interval, 0, len(cuts)+1)
	start := from
	for _, c := range cuts {
		out = append(out, Interval{start, c})
		start = c
	}
	return append(out, Interval{start, to})
}

type scheduleJSON struct {
	Versions []Version `json:"versions"`
	End      Month     `json:"end,omitzero"`
}

// MarshalJSON writes {"versions":[...],"end":"2030-01"}.
func (s Schedule) MarshalJSON() ([]byte, error) {
	vs := s.vs
	if vs == nil {
		vs = []Version{}
	}
	return json.Marshal(scheduleJSON{vs, s.end})
}

// UnmarshalJSON reads what MarshalJSON writes, strictly, and validates it
// as NewSchedule does.
func (s *Schedule) UnmarshalJSON(b []byte) error {
	var j scheduleJSON
	if err := input.Value(b, &j); err != nil {
		return err
	}
	v, err := NewSchedule(j.Versions...)
	if err != nil {
		return err
	}
	if !j.End.IsZero() {
		if v, err = v.WithEnd(j.End); err != nil {
			return err
		}
	}
	*s = v
	return nil
}

// UnmarshalJSON reads a version strictly: "from", "amount" and
// "status" are required (a forgotten amount must not read as 0.00, a
// forgotten status must not read as law), and unknown fields are
// errors. A missing field is a *RecordError naming it ("status"),
// wrapping ErrSyntax, or ErrNoStatus for the status; a loader puts the
// version's path in front ("floors[2].versions[0].status").
func (v *Version) UnmarshalJSON(b []byte) error {
	var j struct {
		From     *Month   `json:"from"`
		Amount   *Amount  `json:"amount"`
		Status   *Status  `json:"status"`
		Citation Citation `json:"citation"`
	}
	if err := input.Value(b, &j); err != nil {
		return err
	}
	switch {
	case j.From == nil || j.From.IsZero():
		return &RecordError{Field: "from", Err: fmt.Errorf("%w: version has no \"from\" month", ErrSyntax)}
	case j.Amount == nil:
		return &RecordError{Field: "amount", Err: fmt.Errorf("%w: version from %s has no \"amount\"", ErrSyntax, j.From)}
	case j.Status == nil:
		return &RecordError{Field: "status", Err: fmt.Errorf("%w: version from %s has no \"status\" (%s)", ErrNoStatus, j.From, statusWant)}
	}
	*v = Version{From: *j.From, Amount: *j.Amount, Status: *j.Status, Citation: j.Citation}
	return nil
}
