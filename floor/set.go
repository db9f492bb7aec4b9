package floor

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
	"github.com/benefitstd/benefitstd/region"
)

//go:generate go run gen_veterans.go

//go:embed data/national.json
var nationalJSON []byte

// veteransJSON holds the national veterans' tables (残疾抚恤金, 定期抚恤金),
// generated from data/src by gen_veterans.go.
//
//go:embed data/veterans_tables.json
var veteransJSON []byte

// A Floor is a fixed-amount minimum (最低标准) of one programme: a dated
// schedule of amounts a local level must not fall below. A national
// floor (国家基础标准) has a zero Group; a regional-agreement floor
// (区域协同标准) applies only inside its Group (长三角, 京津冀, …). Dims is a
// pattern: the floor applies to every level whose dimensions match it
// (the zero Dims applies to all).
type Floor struct {
	Program  string
	Dims     benefit.Dims
	Per      benefit.Frequency // always the programme's frequency
	Group    region.Group      // zero ID: national
	Schedule benefit.Schedule
	Citation benefit.Citation // the floor as a whole; each version has its own too
}

// IsNational reports whether f is a national floor.
func (f Floor) IsNational() bool { return f.Group.ID == "" }

// applies reports whether f applies to a level of region code with
// dimensions dims (the programme is not checked): a regional-agreement
// floor applies to a member of its group and to every division under
// one, as tab records the parents.
func (f *Floor) applies(tab *region.Table, code region.Code, dims benefit.Dims) bool {
	return dims.Matches(f.Dims) && (f.IsNational() || within(tab, code, f.Group.Members))
}

// A Side says which side of another figure a level must stay on: a
// lower bound (下限) or an upper one (上限).
type Side int8

const (
	Lower Side = iota + 1 // the level must be at or above (下限)
	Upper                 // the level must be at or below (上限)
)

// String returns "lower" or "upper".
func (b Side) String() string {
	switch b {
	case Lower:
		return "lower"
	case Upper:
		return "upper"
	}
	return fmt.Sprintf("Side(%d)", int(b))
}

// MarshalText returns "lower" or "upper"; the zero Side and other
// values are an error.
func (b Side) MarshalText() ([]byte, error) {
	if b != Lower && b != Upper {
		return nil, fmt.Errorf("floor: %v is not a side (lower, upper)", b)
	}
	return []byte(b.String()), nil
}

// UnmarshalText reads "lower" or "upper".
func (b *Side) UnmarshalText(text []byte) error {
	switch string(text) {
	case "lower":
		*b = Lower
	case "upper":
		*b = Upper
	default:
		return fmt.Errorf("floor: side %q (want lower or upper): %w", text, benefit.ErrSyntax)
	}
	return nil
}

// A Relative is a rule that bounds a level by another figure of the same
// region (or, failing that, of its nearest ancestor, or a national
// figure): the unemployment benefit must lie above the urban 低保 and
// below the minimum wage (失业保险条例 第十八条, strict), not below 低保
// (社会保险法 第四十七条), and should reach 90 % of the minimum wage
// (advisory). The bound is Multiplier × the other figure; Strict means
// equality breaks the rule too. A rule made at a date applies from its
// From month on: the ill-returned veterans' allowance is bounded by the
// grade-10 disability standard from 2020-08 (AgainstDims picks the cause
// column, 因战 by default, see the package documentation).
type Relative struct {
	ID          string
	Program     string
	Dims        benefit.Dims  // pattern of levels the rule applies to; zero: all
	Against     string        // the other programme, e.g. "reference.min_wage"
	AgainstDims benefit.Dims  // pattern of the other figure; zero: any
	From        benefit.Month // first month the rule is in force; zero: always
	Bound       Side
	Strict      bool
	Multiplier  benefit.Rate // 100 % when zero
	Severity    Severity
	Citation    benefit.Citation
}

// Scope says whose figure a Cadence watches.
type Scope int8

const (
	Local    Scope = iota + 1 // each region's own level of the programme
	National                  // the national floors of the programme
)

// String returns "local" or "national".
func (s Scope) String() string {
	if s == National {
		return "national"
	}
	return "local"
}

// A Cadence is an expected update rhythm (调整周期, part of a 动态调整
// mechanism): the minimum wage is adjusted at least every 24 months
// (最低工资规定 第十条), the veterans' standards every year. A figure
// unchanged for longer is stale (rule 6, a warning).
type Cadence struct {
	Program  string           // the programme watched, e.g. "reference.min_wage"
	Scope    Scope            // whose figure: each region's own level, or the national floor
	Months   int              // the longest a figure may stay unchanged, in months (> 0)
	Citation benefit.Citation // the rule that sets the rhythm
}

// A Set is an immutable collection of floors, relative rules and
// cadences. Default returns the national set shipped with the library;
// Load reads a user's set, NewSet builds one; Merge puts one on top of
// another. A Set is safe for concurrent use.
type Set struct {
	version  string
	floors   []Floor
	byProg   map[string][]int
	relative []Relative
	cadences []Cadence
	cat      *benefit.Catalogue // what the floors were checked against; projections check against it
	tab      *region.Table      // what the groups were resolved in (SetOptions.Regions); nil: region.Default()
}

// regions returns the region table the set's groups were resolved in.
func (s *Set) regions() *region.Table {
	if s.tab == nil {
		return region.Default()
	}
	return s.tab
}

// Default returns the national floors embedded in the library
// (floor/data/national.json and the generated veterans' tables
// floor/data/veterans_tables.json, one data version): the residents'
// basic pension history, the veterans' disability pensions of all grades
// and causes 2017-10 to 2022-08 (grade 1 from 2015-10), the survivors'
// pensions 2015-10 to 2021-08, the ill-returned veterans' allowance, the
// unemployment-benefit rules and the cadences (see the package
// documentation). It is parsed once, on first use.
func Default() *Set { return defaultSet() }

var defaultSet = sync.OnceValue(func() *Set {
	// caught by TestDefaultResidentsPensionHistory and every test of the defaults
	s, err := Load(bytes.NewReader(nationalJSON), "floor/data/national.json", SetOptions{})
	if err != nil {
		panic("floor: embedded national floors are invalid: " + err.Error())
	}
	v, err := Load(bytes.NewReader(veteransJSON), "floor/data/veterans_tables.json", SetOptions{})
	if err != nil {
		panic("floor: embedded veterans' tables are invalid: " + err.Error())
	}
	if v.version != s.version {
		panic("floor: embedded veterans' tables are of data version " + v.version + ", the national floors of " + s.version)
	}
	if s, err = build(s.version, append(slices.Clone(s.floors), v.floors...), s.relative, s.cadences, "", s.cat, s.tab); err != nil {
		panic("floor: embedded floors conflict: " + err.Error())
	}
	return s
})

// Version returns the data version of the set.
func (s *Set) Version() string { return s.version }

// Floors returns copies of the floors of a programme ("" for all), in
// the order they were given (for Default().Merge(loaded): the
// shipped floors, then the added ones); Floor.IsNational tells national
// from regional-agreement floors. Schedules are shared, not copied: they
// are immutable. The group member lists are copied.
func (s *Set) Floors(program string) []Floor {
	out := ofProgram(s.floors, program, func(f *Floor) string { return f.Program })
	for i := range out { // the group's member list is the one mutable part
		out[i].Group.Members = slices.Clone(out[i].Group.Members)
	}
	return out
}

// Relatives returns the relative rules of a programme ("" for all).
func (s *Set) Relatives(program string) []Relative {
	return ofProgram(s.relative, program, func(r *Relative) string { return r.Program })
}

// ofProgram returns copies of the elements of xs whose programme is
// program, or of all of them when program is "".
func ofProgram[T any](xs []T, program string, prog func(*T) string) []T {
	var out []T
	for i := range xs {
		if program == "" || prog(&xs[i]) == program {
			out = append(out, xs[i])
		}
	}
	return out
}

// Cadences returns the expected update rhythms.
func (s *Set) Cadences() []Cadence { return slices.Clone(s.cadences) }

// NationalSchedule returns the national fixed-amount floor schedule of a
// programme for a level with dimensions dims: the national floor whose
// pattern equals dims, or else the most specific one dims matches. It
// reports false when the programme has no national fixed floor for dims
// (the unemployment benefit, whose bounds are relative, has none).
func (s *Set) NationalSchedule(program string, dims benefit.Dims) (benefit.Schedule, bool) {
	best, bestKeys := -1, -1
	for _, i := range s.byProg[program] {
		f := &s.floors[i]
		if !f.IsNational() || !dims.Matches(f.Dims) {
			continue
		}
		if f.Dims == dims {
			return f.Schedule, true
		}
		if n := countKeys(f.Dims); n > bestKeys {
			best, bestKeys = i, n
		}
	}
	if best < 0 {
		return benefit.Schedule{}, false
	}
	return s.floors[best].Schedule, true
}

func countKeys(d benefit.Dims) int {
	n := 0
	for range d.All() {
		n++
	}
	return n
}

// Required returns the highest fixed floor that applies to a level of a
// programme in region code with dimensions dims in month m: the
// national floor or a regional-agreement floor of a group code belongs
// to (a member, or a division under one as the region table the set was
// loaded with records it: SetOptions.Regions), whichever is higher. The
// citation is that of the version in force (or of its floor when the
// version has none). It reports false when no fixed floor applies in m.
func (s *Set) Required(program string, code region.Code, dims benefit.Dims, m benefit.Month) (benefit.Amount, benefit.Citation, bool) {
	tab := s.regions()
	var (
		amt   benefit.Amount
		cite  benefit.Citation
		found bool
	)
	for _, i := range s.byProg[program] {
		f := &s.floors[i]
		if !f.applies(tab, code, dims) {
			continue
		}
		v, ok := f.Schedule.At(m)
		if !ok {
			continue
		}
		if !found || v.Amount.Cmp(amt) > 0 {
			amt, cite, found = v.Amount, versionCitation(v, f), true
		}
	}
	return amt, cite, found
}

// waivable reports whether rule is the id of a rule that can report a
// violation of program: floor, hierarchy, pass_through, late_payment,
// or a relative rule of s on program.
func (s *Set) waivable(program, rule string) bool {
	switch rule {
	case RuleFloor, RuleHierarchy, RulePassThrough, RuleLatePayment:
		return true
	}
	for i := range s.relative {
		if r := &s.relative[i]; r.ID == rule && r.Program == program {
			return true
		}
	}
	return false
}

// statusErr reports a version of a floor or level whose status is not
// one of the five a value can be given with: the zero Status (Unknown,
// benefit.ErrNoStatus), which is never read as law, or a number outside
// the constants (benefit.ErrSyntax).
func statusErr(v benefit.Version) error {
	switch {
	case v.Status == benefit.Unknown:
		return fmt.Errorf("%w: %s from %s says no status (set Legislated, Announced, Provisional, Projected or Illustrative)", benefit.ErrNoStatus, v.Amount, v.From)
	case v.Status < benefit.Legislated || v.Status > benefit.Illustrative:
		return fmt.Errorf("%w: %s from %s has status %s (want Legislated, Announced, Provisional, Projected or Illustrative)", benefit.ErrSyntax, v.Amount, v.From, v.Status)
	}
	return nil
}

// versionErr checks a version's status (statusErr) and confidence mark,
// and returns the field below the version that is wrong ("status",
// "citation.confidence") with its error. A figure marked from memory [M]
// or conflicting [C] is never law, whatever the file says.
func versionErr(v benefit.Version) (string, error) {
	if err := statusErr(v); err != nil {
		return "status", err
	}
	conf, err := v.Citation.Mark()
	if err != nil {
		return "citation.confidence", err
	}
	if v.Status == benefit.Legislated && (conf == "M" || conf == "C") {
		return "status", fmt.Errorf("%w: %s from %s is marked [%s] and cannot be legislated; use provisional", benefit.ErrSyntax, v.Amount, v.From, conf)
	}
	return "", nil
}

func versionCitation(v benefit.Version, f *Floor) benefit.Citation {
	if v.Citation.IsZero() {
		return f.Citation
	}
	return v.Citation
}

// matching appends to buf[:0] the indexes of the fixed floors of
// program whose dimension pattern dims matches, national or regional.
func (s *Set) matching(program string, dims benefit.Dims, buf []int) []int {
	buf = buf[:0]
	for _, i := range s.byProg[program] {
		if dims.Matches(s.floors[i].Dims) {
			buf = append(buf, i)
		}
	}
	return buf
}

// Merge returns a new set holding the floors, relative rules and
// cadences of s and then of o: floors built in Go (NewSet) or read
// (Load) go on top of the national ones by Default().Merge. A floor with
// the same programme, dimensions and group in both is an error. Each
// part was checked against its own catalogue when it was built, and is
// not checked again: Default().Merge(Load(r, name, SetOptions{
// Catalogue: mine})) keeps the national floors beside floors of
// programmes only mine knows. The merged set's catalogue, for later
// projections (Project), is o's.
func (s *Set) Merge(o *Set) (*Set, error) {
	m, err := build(s.version+"+"+o.version,
		append(slices.Clone(s.floors), o.floors...),
		append(slices.Clone(s.relative), o.relative...),
		append(slices.Clone(s.cadences), o.cadences...), "", nil, o.tab)
	if err != nil {
		return nil, err
	}
	m.cat = o.cat
	return m, nil
}

// NewSet builds a set from Go values, with the checks Load makes:
// programmes, dimensions and frequencies known to opts.Catalogue (nil:
// benefit.DefaultCatalogue; use the catalogue the check will run with,
// Options.Catalogue, when floors are set for programmes of a user's
// catalogue), at least one version per floor, each with a status (the
// zero Status, benefit.Unknown, is refused with benefit.ErrNoStatus; an
// [M] or [C] version is never legislated), Per equal to the programme's
// frequency, no floor given twice for the same programme, dimensions and
// group, and well-formed relative rules and cadences. Every error is a
// *benefit.RecordError naming the field ("floors[2].per"). The set keeps
// its own copies: changing the slices passed in later does not change
// it. Relative.Multiplier zero is read as 100 %.
func NewSet(version string, floors []Floor, relative []Relative, cadences []Cadence, opts SetOptions) (*Set, error) {
	return build(version, floors, relative, cadences, "", opts.catalogue(), opts.Regions)
}

// build checks and copies the parts of a set. cat nil (Merge only) skips
// the catalogue checks, which each merged part has passed; duplicates
// and the rules' own fields are checked whatever cat is.
func build(version string, floors []Floor, relative []Relative, cadences []Cadence, file string, cat *benefit.Catalogue, tab *region.Table) (*Set, error) {
	s := &Set{version: version, byProg: map[string][]int{}, cat: cat, tab: tab}
	type key struct{ prog, dims, group string }
	seen := map[key]bool{}
	for i, f := range floors {
		fe := func(field string, err error) error {
			return &benefit.RecordError{File: file, Field: fmt.Sprintf("floors[%d].%s", i, field), Err: err}
		}
		if cat != nil {
			p, err := cat.Program(f.Program)
			if err != nil {
				return nil, fe("program", err)
			}
			if err := p.CheckDims(f.Dims); err != nil {
				return nil, fe("dimensions", err)
			}
			if f.Schedule.Len() > 0 && f.Per != p.Frequency {
				return nil, fe("per", fmt.Errorf("%w: %s is per %s, not per %s", benefit.ErrSyntax, p.ID, p.Frequency, f.Per))
			}
		}
		if f.Schedule.Len() == 0 {
			return nil, fe("versions", fmt.Errorf("%w: a floor needs at least one version", benefit.ErrSyntax))
		}
		if _, err := f.Citation.Mark(); err != nil {
			return nil, fe("citation.confidence", err)
		}
		for j, v := range f.Schedule.All() {
			if field, err := versionErr(v); err != nil {
				return nil, fe(fmt.Sprintf("versions[%d].%s", j, field), err)
			}
		}
		var err error
		if f.Schedule, err = atFen(f.Schedule); err != nil {
			return nil, fe("versions", err)
		}
		k := key{f.Program, f.Dims.String(), f.Group.ID}
		if seen[k] {
			return nil, fe("program", fmt.Errorf("%w: a floor for %s %q (group %q) is given twice", benefit.ErrOrder, f.Program, f.Dims, f.Group.ID))
		}
		seen[k] = true
		f.Group.Members = slices.Clone(f.Group.Members) // the caller keeps its slice; the set is immutable
		s.byProg[f.Program] = append(s.byProg[f.Program], len(s.floors))
		s.floors = append(s.floors, f)
	}
	ids := map[string]bool{}
	for i, r := range relative {
		fe := func(field string, err error) error {
			return &benefit.RecordError{File: file, Field: fmt.Sprintf("relative[%d].%s", i, field), Err: err}
		}
		switch {
		case r.ID == "":
			return nil, fe("id", fmt.Errorf("%w: missing", benefit.ErrSyntax))
		case ids[r.ID]:
			return nil, fe("id", fmt.Errorf("%w: rule %q given twice", benefit.ErrSyntax, r.ID))
		case r.Bound != Lower && r.Bound != Upper:
			return nil, fe("bound", fmt.Errorf("%w: want lower or upper", benefit.ErrSyntax))
		case r.Severity < Advisory || r.Severity > Violation:
			return nil, fe("severity", fmt.Errorf("%w: want advisory, warning or violation", benefit.ErrSyntax))
		case r.Multiplier.Sign() < 0:
			return nil, fe("multiplier", fmt.Errorf("%w: negative multiplier", benefit.ErrNegative))
		case !validMonth(r.From):
			return nil, fe("from", monthRangeErr(r.From))
		}
		if _, err := r.Citation.Mark(); err != nil {
			return nil, fe("citation.confidence", err)
		}
		ids[r.ID] = true
		for _, pd := range []struct {
			field, prog string
			dims        benefit.Dims
		}{{"program", r.Program, r.Dims}, {"against", r.Against, r.AgainstDims}} {
			if cat == nil {
				break
			}
			p, err := cat.Program(pd.prog)
			if err != nil {
				return nil, fe(pd.field, err)
			}
			if err := p.CheckDims(pd.dims); err != nil {
				return nil, fe(pd.field, err)
			}
		}
		if r.Multiplier.IsZero() {
			r.Multiplier = benefit.Percent(100)
		}
		s.relative = append(s.relative, r)
	}
	for i, c := range cadences {
		if cat != nil {
			if _, err := cat.Program(c.Program); err != nil {
				return nil, &benefit.RecordError{File: file, Field: fmt.Sprintf("cadences[%d].program", i), Err: err}
			}
		}
		if c.Months <= 0 {
			return nil, &benefit.RecordError{File: file, Field: fmt.Sprintf("cadences[%d].months", i), Err: fmt.Errorf("%w: months must be positive", benefit.ErrRange)}
		}
		if c.Scope != Local && c.Scope != National {
			return nil, &benefit.RecordError{File: file, Field: fmt.Sprintf("cadences[%d].scope", i), Err: fmt.Errorf("%w: want local or national", benefit.ErrSyntax)}
		}
		if _, err := c.Citation.Mark(); err != nil {
			return nil, &benefit.RecordError{File: file, Field: fmt.Sprintf("cadences[%d].citation.confidence", i), Err: err}
		}
		s.cadences = append(s.cadences, c)
	}
	return s, nil
}

type setJSON struct {
	Version  string         `json:"version"`
	Note     string         `json:"note,omitempty"`
	Floors   []floorJSON    `json:"floors"`
	Relative []relativeJSON `json:"relative,omitempty"`
	Cadences []cadenceJSON  `json:"cadences,omitempty"`
}

type floorJSON struct {
	Program    string            `json:"program"`
	Dimensions benefit.Dims      `json:"dimensions,omitzero"`
	Per        string            `json:"per,omitempty"`
	Group      string            `json:"group,omitempty"`
	Citation   benefit.Citation  `json:"citation,omitzero"`
	Versions   []benefit.Version `json:"versions"`
	End        benefit.Month     `json:"end,omitzero"`
}

type relativeJSON struct {
	ID          string           `json:"id"`
	Program     string           `json:"program"`
	Dimensions  benefit.Dims     `json:"dimensions,omitzero"`
	Against     string           `json:"against"`
	AgainstDims benefit.Dims     `json:"against_dimensions,omitzero"`
	From        benefit.Month    `json:"from,omitzero"`
	Bound       string           `json:"bound"`
	Strict      bool             `json:"strict"`
	Multiplier  benefit.Rate     `json:"multiplier,omitzero"`
	Severity    Severity         `json:"severity"`
	Citation    benefit.Citation `json:"citation"`
}

type cadenceJSON struct {
	Program  string           `json:"program"`
	Scope    string           `json:"scope"`
	Months   int              `json:"months"`
	Citation benefit.Citation `json:"citation"`
}

// Load reads a set of floors from JSON (the format of
// floor/data/national.json):
//
//	{"version": "...", "floors": [{"program": "...", "dimensions": "k=v;k=v",
//	  "group": "yangtze_delta", "citation": {...},
//	  "versions": [{"from": "2024-01", "amount": "123", "status": "legislated", "citation": {...}}]}],
//	 "relative": [...], "cadences": [...]}
//
// A floor with a "group" is a regional-agreement floor of that group of
// opts.Regions (nil: the default region table); without one it is
// national. The floors are checked as NewSet checks them, against
// opts.Catalogue (nil: benefit.DefaultCatalogue): use the catalogue and
// region table a check runs with (Options.Catalogue, Options.Regions)
// when the file sets floors for programmes of a user's catalogue.
// Decoding is strict (unknown fields and trailing data are errors);
// every error is a *benefit.RecordError naming the file, the JSON path
// ("floors[2].versions[0].amount") and the line where it is found, as
// ReadJSON's are. Use Default().Merge(loaded) to put a user's floors on
// top of the national ones.
func Load(r io.Reader, name string, opts SetOptions) (*Set, error) {
	var j setJSON
	doc, err := input.ReadJSON(r, name, &j, opts.Limits)
	if err != nil {
		return nil, err
	}
	s, err := j.set(name, opts)
	if err != nil {
		return nil, doc.Locate(err)
	}
	return s, nil
}

// set checks the decoded floors, relative rules and cadences; errors
// name their JSON path (Load adds the line).
func (j *setJSON) set(name string, opts SetOptions) (*Set, error) {
	cat := opts.catalogue()
	tab := opts.regions()
	floors := make([]Floor, 0, len(j.Floors))
	for i, fj := range j.Floors {
		fe := func(field string, err error) error {
			return &benefit.RecordError{File: name, Field: fmt.Sprintf("floors[%d].%s", i, field), Err: err}
		}
		p, err := cat.Program(fj.Program)
		if err != nil {
			return nil, fe("program", err)
		}
		if err := checkVersions(len(fj.Versions), opts, fe); err != nil {
			return nil, err
		}
		per, err := parsePer(fj.Per, p.Frequency)
		if err != nil {
			return nil, fe("per", err)
		}
		sch, err := benefit.NewSchedule(fj.Versions...)
		if err != nil {
			return nil, scheduleErr(fe, err)
		}
		if !fj.End.IsZero() {
			if sch, err = sch.WithEnd(fj.End); err != nil {
				return nil, fe("end", err)
			}
		}
		f := Floor{Program: fj.Program, Dims: fj.Dimensions, Per: per, Schedule: sch, Citation: fj.Citation}
		if fj.Group != "" {
			g, ok := tab.Group(fj.Group)
			if !ok {
				return nil, fe("group", fmt.Errorf("%w: unknown regional group %q", region.ErrUnknownRegion, fj.Group))
			}
			f.Group = g
		}
		floors = append(floors, f)
	}
	rel := make([]Relative, 0, len(j.Relative))
	for i, rj := range j.Relative {
		var b Side
		switch rj.Bound {
		case "lower":
			b = Lower
		case "upper":
			b = Upper
		default:
			return nil, &benefit.RecordError{File: name, Field: fmt.Sprintf("relative[%d].bound", i), Err: fmt.Errorf("%w: %q (want lower or upper)", benefit.ErrSyntax, rj.Bound)}
		}
		rel = append(rel, Relative{ID: rj.ID, Program: rj.Program, Dims: rj.Dimensions, Against: rj.Against, AgainstDims: rj.AgainstDims, From: rj.From,
			Bound: b, Strict: rj.Strict, Multiplier: rj.Multiplier, Severity: rj.Severity, Citation: rj.Citation})
	}
	cads := make([]Cadence, 0, len(j.Cadences))
	for i, cj := range j.Cadences {
		var sc Scope
		switch cj.Scope {
		case "local", "":
			sc = Local
		case "national":
			sc = National
		default:
			return nil, &benefit.RecordError{File: name, Field: fmt.Sprintf("cadences[%d].scope", i), Err: fmt.Errorf("%w: %q (want local or national)", benefit.ErrSyntax, cj.Scope)}
		}
		cads = append(cads, Cadence{Program: cj.Program, Scope: sc, Months: cj.Months, Citation: cj.Citation})
	}
	return build(j.Version, floors, rel, cads, name, cat, opts.Regions)
}

// zeroFen is 0.00: adding it gives an amount the scale of a fen (or
// finer) without changing its value.
var zeroFen = benefit.FromFen(0)

// atFen returns s with every amount held at the scale of a fen (123 as
// 123.00). Values do not change; comparisons between amounts of the same
// scale are cheaper (no rescaling), which matters when a million levels
// are checked.
func atFen(s benefit.Schedule) (benefit.Schedule, error) {
	vs := make([]benefit.Version, 0, s.Len())
	for _, v := range s.All() {
		v.Amount = v.Amount.Add(zeroFen)
		vs = append(vs, v)
	}
	out, err := benefit.NewSchedule(vs...)
	if err != nil || s.End().IsZero() {
		return out, err
	}
	return out.WithEnd(s.End())
}
