package floor

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
	"github.com/benefitstd/benefitstd/region"
)

// An Input is what a levels file holds: the levels to check, any
// waivers, and a note. Illustrative marks figures that are examples, not
// a real dataset; reports made from them must say so.
type Input struct {
	Note         string
	Illustrative bool
	Levels       []Level
	Waivers      []Waiver
}

// CSV columns of a levels file. "status" is required too; ReadCSV
// checks it itself, to say which values it takes.
var (
	csvRequired = []string{"region", "program", "effective_from", "amount"}
	csvOptional = []string{"dimensions", "per", "beneficiaries", "source", "status", "first_paid"}
)

// The columns of a levels file, in the order of csvRequired, csvOptional.
const (
	colRegion = iota
	colProgram
	colFrom
	colAmount
	colDims
	colPer
	colPersons
	colSource
	colStatus
	colFirstPaid
)

// ReadCSV reads levels from CSV with the header
//
//	region,program,dimensions,effective_from,amount,per,beneficiaries,source,status,first_paid
//
// (region, program, effective_from, amount and status are required
// columns; status is legislated, announced, provisional, projected or
// default on every row: a figure nobody said the firmness of is not read
// as law, so a missing column or an empty cell is an error wrapping
// benefit.ErrNoStatus; an optional "first_paid" column gives the first
// month the row's amount was paid, when later than effective_from:
// Level.FirstPaid). Each row is one version of the level of a region,
// programme and dimensions ("key=value;key=value"); rows of one level may
// come in any order. effective_from is YYYY-MM (or YYYY-MM-01); per is
// month or year (empty: the programme's frequency) and must be the same
// on every row of a level; beneficiaries, when given, is the head count
// from that row's month on (months before the first row that gives one
// use that first count; 0 to 1,000,000,000); source is a citation (a URL or
// a title).
//
// Programmes and regions are checked against opts.Catalogue and
// opts.Regions (nil: the defaults): pass the SetOptions the floors were
// loaded with (and Options.Catalogue, Options.Regions) when the levels
// name programmes of a user's own catalogue (自定义项目目录).
//
// The file is UTF-8, with or without a byte-order mark, LF or CRLF; a
// GBK-encoded file is rejected with an error that says so. Every bad
// record gives a *benefit.RecordError naming file, line and field, and
// then no level at all is returned: nothing is checked from a half-read
// file.
func ReadCSV(r io.Reader, name string, opts SetOptions) ([]Level, error) {
	lim := opts.limits()
	rd, err := input.NewCSV(r, name, csvRequired, csvOptional, lim)
	if err != nil {
		return nil, err
	}
	if !rd.Has(colStatus) {
		return nil, &benefit.RecordError{File: name, Line: 1, Field: "status", Err: fmt.Errorf("%w: missing column \"status\": every row must say how firm its amount is (legislated, announced, provisional, projected or default)", benefit.ErrNoStatus)}
	}
	type acc struct {
		l     Level
		line  int
		perAt int // line that set per
		vs    []benefit.Version
		lines []int                 // of vs
		at    map[benefit.Month]int // the line of each version, once a row comes out of order
		hc    []Headcount
		fp    []FirstPaid
	}
	cat := opts.catalogue()
	tab := opts.regions()
	levels := map[levelKey]int{}
	progs := map[string]benefit.Program{} // read once each: Catalogue.Program copies
	var accs []acc
	for rec, err := range rd.All() {
		if err != nil {
			return nil, err
		}
		code, err := region.ParseCode(rec.Get(colRegion))
		if err != nil {
			return nil, rec.Err(colRegion, err)
		}
		if _, err := tab.Resolve(code); err != nil {
			return nil, rec.Err(colRegion, err)
		}
		p, ok := progs[rec.Get(colProgram)]
		if !ok {
			if p, err = cat.Program(rec.Get(colProgram)); err != nil {
				return nil, rec.Err(colProgram, err)
			}
			progs[p.ID] = p
		}
		dims, err := benefit.ParseDims(rec.Get(colDims))
		if err != nil {
			return nil, rec.Err(colDims, err)
		}
		if err := p.CheckDims(dims); err != nil {
			return nil, rec.Err(colDims, err)
		}
		from, err := parseEffective(rec.Get(colFrom))
		if err != nil {
			return nil, rec.Err(colFrom, err)
		}
		a, err := benefit.ParseAmount(rec.Get(colAmount))
		if err != nil {
			return nil, rec.Err(colAmount, err)
		}
		if a.Sign() < 0 {
			return nil, rec.Err(colAmount, fmt.Errorf("%w: %s", benefit.ErrNegative, a))
		}
		per, err := parsePer(rec.Get(colPer), p.Frequency)
		if err != nil {
			return nil, rec.Err(colPer, err)
		}
		status, err := benefit.ParseStatus(rec.Get(colStatus))
		if err != nil {
			return nil, rec.Err(colStatus, err)
		}
		k := levelKey{code, p.ID, dims}
		li, ok := levels[k]
		if !ok {
			if len(accs) == lim.Levels {
				return nil, rec.Err(colRegion, fmt.Errorf("%w: more than %d levels in one file (Limits.Levels)", benefit.ErrTooLarge, lim.Levels))
			}
			li = len(accs)
			accs = append(accs, acc{l: Level{Region: code, Program: p.ID, Dims: dims, Per: per}, line: rec.Line(), perAt: rec.Line()})
			levels[k] = li
		}
		ac := &accs[li]
		if ac.l.Per != per {
			return nil, rec.Err(colPer, fmt.Errorf("%w: per %s, but line %d gives per %s for the same level", benefit.ErrSyntax, per, ac.perAt, ac.l.Per))
		}
		// a version given twice: rows in order of their month need no
		// look-up; the first row out of order makes the level a map
		if n := len(ac.vs); n > 0 && from <= ac.vs[n-1].From || ac.at != nil {
			if ac.at == nil {
				ac.at = make(map[benefit.Month]int, n+1)
				for i, v := range ac.vs {
					ac.at[v.From] = ac.lines[i]
				}
			}
			if first, dup := ac.at[from]; dup {
				return nil, rec.Err(colFrom, fmt.Errorf("%w: %s already given on line %d for the same level", benefit.ErrOrder, from, first))
			}
			ac.at[from] = rec.Line()
		}
		if len(ac.vs) == lim.Versions {
			return nil, rec.Err(colFrom, fmt.Errorf("%w: more than %d versions of one level (Limits.Versions)", benefit.ErrTooLarge, lim.Versions))
		}
		if s := rec.Get(colFirstPaid); s != "" {
			m, err := parseEffective(s)
			if err != nil {
				return nil, rec.Err(colFirstPaid, err)
			}
			if m < from {
				return nil, rec.Err(colFirstPaid, fmt.Errorf("%w: first paid in %s, before the level took effect in %s", benefit.ErrOrder, m, from))
			}
			if m > from {
				ac.fp = append(ac.fp, FirstPaid{From: from, Month: m})
			}
		}
		src := citationOf(rec.Get(colSource))
		ac.vs = append(ac.vs, benefit.Version{From: from, Amount: a.Add(zeroFen), Status: status, Citation: src})
		ac.lines = append(ac.lines, rec.Line())
		if ac.l.Source.IsZero() {
			ac.l.Source = src
		}
		if s := rec.Get(colPersons); s != "" {
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return nil, rec.Err(colPersons, fmt.Errorf("%w: %q is not a whole number of persons", benefit.ErrSyntax, s))
			}
			if err := checkPersons(n); err != nil {
				return nil, rec.Err(colPersons, err)
			}
			ac.hc = append(ac.hc, Headcount{From: from, Persons: n})
		}
	}
	out := make([]Level, 0, len(accs))
	for li := range accs {
		ac := &accs[li]
		slices.SortFunc(ac.vs, func(a, b benefit.Version) int { return a.From.Compare(b.From) })
		s, err := benefit.NewSchedule(ac.vs...)
		if err != nil { // cannot happen after the checks above; reported on the level's first line
			return nil, &benefit.RecordError{File: name, Line: ac.line, Field: "effective_from", Err: err}
		}
		ac.l.Schedule = s
		slices.SortFunc(ac.fp, func(a, b FirstPaid) int { return a.From.Compare(b.From) })
		ac.l.FirstPaid = ac.fp
		slices.SortFunc(ac.hc, func(a, b Headcount) int { return a.From.Compare(b.From) })
		switch len(ac.hc) {
		case 0:
		case 1:
			ac.l.Beneficiaries = ac.hc[0].Persons
		default:
			ac.l.Beneficiaries = ac.hc[0].Persons
			ac.l.Headcounts = ac.hc
		}
		out = append(out, ac.l)
	}
	return out, nil
}

// checkVersions reports, under the field fe names, a level or floor of
// more versions than opts.Limits allow.
func checkVersions(n int, opts SetOptions, fe func(field string, err error) error) error {
	if max := opts.limits().Versions; n > max {
		return fe(fmt.Sprintf("versions[%d]", max), fmt.Errorf("%w: more than %d versions (Limits.Versions)", benefit.ErrTooLarge, max))
	}
	return nil
}

// parsePer parses a "per" column or field: month or year; empty gives
// def, the programme's frequency.
func parsePer(s string, def benefit.Frequency) (benefit.Frequency, error) {
	switch s {
	case "":
		return def, nil
	case "month", "year":
		return benefit.ParseFrequency(s)
	}
	return 0, fmt.Errorf("%w: %q (want month or year)", benefit.ErrSyntax, s)
}

// scheduleErr reports an error of benefit.NewSchedule under the field
// fe names: the version it names ("versions[1].from") or "versions".
func scheduleErr(fe func(field string, err error) error, err error) error {
	var re *benefit.RecordError
	if errors.As(err, &re) {
		return fe(re.Field, re.Err)
	}
	return fe("versions", err)
}

// parseEffective parses YYYY-MM, or YYYY-MM-01 (benefit levels take
// effect on the first of a month).
func parseEffective(s string) (benefit.Month, error) {
	if len(s) == 10 && s[7] == '-' {
		if s[8:] != "01" {
			return 0, fmt.Errorf("%w: %q: levels take effect on the first of a month; write YYYY-MM", benefit.ErrSyntax, s)
		}
		s = s[:7]
	}
	return benefit.ParseMonth(s)
}

func citationOf(s string) benefit.Citation {
	switch {
	case s == "":
		return benefit.Citation{}
	case strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://"):
		return benefit.Citation{URL: s}
	}
	return benefit.Citation{Title: s}
}

type inputJSON struct {
	Note         string      `json:"note,omitempty"`
	Illustrative bool        `json:"illustrative,omitempty"`
	Levels       []levelJSON `json:"levels"`
	Waivers      []Waiver    `json:"waivers,omitempty"`
}

type levelJSON struct {
	Region        region.Code      `json:"region"`
	Program       string           `json:"program"`
	Dimensions    benefit.Dims     `json:"dimensions,omitzero"`
	Per           string           `json:"per,omitempty"`
	Beneficiaries int64            `json:"beneficiaries,omitempty"`
	Headcounts    []Headcount      `json:"headcounts,omitempty"`
	Source        benefit.Citation `json:"source,omitzero"`
	Versions      []levelVersion   `json:"versions"`
	End           benefit.Month    `json:"end,omitzero"`
}

// levelVersion is a version of a level in a levels file: a
// benefit.Version (read by its own strict decoder) and the month it was
// first paid ("first_paid", when later than "from").
type levelVersion struct {
	From      benefit.Month    `json:"from"`
	Amount    benefit.Amount   `json:"amount"`
	Status    benefit.Status   `json:"status"`
	Citation  benefit.Citation `json:"citation,omitzero"`
	FirstPaid benefit.Month    `json:"first_paid,omitzero"`
}

// UnmarshalJSON reads "first_paid" and leaves the rest to
// benefit.Version's decoder, which is strict. A version that does not
// name first_paid goes to it as it is.
func (v *levelVersion) UnmarshalJSON(b []byte) error {
	var fields map[string]json.RawMessage
	if bytes.Contains(b, []byte(`"first_paid"`)) {
		if err := input.Value(b, &fields); err != nil {
			return err
		}
	}
	var fp benefit.Month
	if raw, ok := fields["first_paid"]; ok {
		if err := input.Value(raw, &fp); err != nil {
			var re *benefit.RecordError
			errors.As(err, &re)
			return &benefit.RecordError{Field: "first_paid", Err: re.Err}
		}
		delete(fields, "first_paid")
		var err error
		if b, err = json.Marshal(fields); err != nil {
			return err
		}
	}
	var bv benefit.Version
	if err := bv.UnmarshalJSON(b); err != nil {
		return err
	}
	*v = levelVersion{From: bv.From, Amount: bv.Amount, Status: bv.Status, Citation: bv.Citation, FirstPaid: fp}
	return nil
}

// ReadJSON reads levels (and waivers) from JSON:
//
//	{"note": "...", "illustrative": false,
//	 "levels": [{"region": "371723", "program": "pension.resident.basic",
//	   "dimensions": "age=60+", "per": "month", "beneficiaries": 10000,
//	   "source": {"title": "..."},
//	   "versions": [{"from": "2023-01", "amount": "103", "status": "legislated"},
//	                {"from": "2024-07", "amount": "123", "status": "legislated", "first_paid": "2024-09"}],
//	   "end": "2030-01"}],
//	 "waivers": [{"region": "371723", "program": "pension.resident.basic",
//	   "interval": {"from": "2024-01", "to": "2024-04"}, "reason": "...", "expiry": "2025-01"}]}
//
// Programmes and regions of the levels and waivers are checked against
// opts.Catalogue and opts.Regions (nil: the defaults): pass the
// SetOptions the floors were loaded with (and Options.Catalogue,
// Options.Regions) when the file names programmes of a user's own
// catalogue (自定义项目目录).
//
// Decoding is strict: unknown fields, trailing data and malformed values
// are errors, and every version needs "from", "amount" and "status" (a
// missing status wraps benefit.ErrNoStatus). Every error is a
// *benefit.RecordError with the file, the
// JSON path of the bad value ("levels[2].versions[1].amount") and the
// line where it is found (for a missing field, the line of the object
// that lacks it); an empty file is "empty file: no JSON document", a file
// that cannot be read (a directory) is no syntax error. On error nothing
// is returned.
func ReadJSON(r io.Reader, name string, opts SetOptions) (Input, error) {
	var j inputJSON
	doc, err := input.ReadJSON(r, name, &j, opts.Limits)
	if err != nil {
		return Input{}, err
	}
	in, err := j.input(name, opts)
	if err != nil {
		return Input{}, doc.Locate(err)
	}
	return in, nil
}

// input checks the decoded levels and waivers; errors name their JSON
// path (ReadJSON adds the line).
func (j *inputJSON) input(name string, opts SetOptions) (Input, error) {
	cat := opts.catalogue()
	tab := opts.regions()
	in := Input{Note: j.Note, Illustrative: j.Illustrative, Waivers: j.Waivers}
	seen := map[levelKey]int{}
	if max := opts.limits().Levels; len(j.Levels) > max {
		return Input{}, &benefit.RecordError{File: name, Field: fmt.Sprintf("levels[%d]", max), Err: fmt.Errorf("%w: more than %d levels in one file (Limits.Levels)", benefit.ErrTooLarge, max)}
	}
	for i, lj := range j.Levels {
		fe := func(field string, err error) error {
			return &benefit.RecordError{File: name, Field: fmt.Sprintf("levels[%d].%s", i, field), Err: err}
		}
		if err := checkVersions(len(lj.Versions), opts, fe); err != nil {
			return Input{}, err
		}
		if !lj.Region.IsValid() {
			return Input{}, fe("region", fmt.Errorf("%w: missing", region.ErrInvalidCode))
		}
		if _, err := tab.Resolve(lj.Region); err != nil {
			return Input{}, fe("region", err)
		}
		p, err := cat.Program(lj.Program)
		if err != nil {
			return Input{}, fe("program", err)
		}
		if err := p.CheckDims(lj.Dimensions); err != nil {
			return Input{}, fe("dimensions", err)
		}
		k := levelKey{lj.Region, p.ID, lj.Dimensions}
		if prev, dup := seen[k]; dup {
			return Input{}, fe("region", fmt.Errorf("%w: levels[%d] already gives %s %s %q", benefit.ErrOrder, prev, lj.Region, p.ID, lj.Dimensions))
		}
		seen[k] = i
		per, err := parsePer(lj.Per, p.Frequency)
		if err != nil {
			return Input{}, fe("per", err)
		}
		vs := make([]benefit.Version, len(lj.Versions))
		var fps []FirstPaid
		for k, v := range lj.Versions {
			vs[k] = benefit.Version{From: v.From, Amount: v.Amount, Status: v.Status, Citation: v.Citation}
			switch {
			case v.FirstPaid.IsZero() || v.FirstPaid == v.From:
			case v.FirstPaid < v.From:
				return Input{}, fe(fmt.Sprintf("versions[%d].first_paid", k), fmt.Errorf("%w: first paid in %s, before the version took effect in %s", benefit.ErrOrder, v.FirstPaid, v.From))
			default:
				fps = append(fps, FirstPaid{From: v.From, Month: v.FirstPaid})
			}
		}
		s, err := benefit.NewSchedule(vs...)
		if err != nil {
			return Input{}, scheduleErr(fe, err)
		}
		if s, err = atFen(s); err != nil {
			return Input{}, fe("versions", err)
		}
		if !lj.End.IsZero() {
			if s, err = s.WithEnd(lj.End); err != nil {
				return Input{}, fe("end", err)
			}
		}
		if err := checkPersons(lj.Beneficiaries); err != nil {
			return Input{}, fe("beneficiaries", err)
		}
		if _, err := lj.Source.Mark(); err != nil {
			return Input{}, fe("source.confidence", err)
		}
		for j, v := range lj.Versions {
			if _, err := v.Citation.Mark(); err != nil {
				return Input{}, fe(fmt.Sprintf("versions[%d].citation.confidence", j), err)
			}
		}
		in.Levels = append(in.Levels, Level{Region: lj.Region, Program: p.ID, Dims: lj.Dimensions, Per: per, Schedule: s,
			Beneficiaries: lj.Beneficiaries, Headcounts: lj.Headcounts, FirstPaid: fps, Source: lj.Source})
	}
	// the rest of what Check would reject (head counts, waivers),
	// reported against this file; waiver rule ids are checked by Check,
	// which knows the floors in use
	err := validateWaivers(in.Waivers, tab, cat, nil)
	if err == nil {
		_, err = newChecker(in.Levels, Options{Catalogue: cat, Regions: tab})
	}
	if err != nil {
		var re *benefit.RecordError
		if errors.As(err, &re) {
			re.File = name
		}
		return Input{}, err
	}
	return in, nil
}

//go:embed data/sample_levels.json
var sampleJSON []byte

// Sample returns the ILLUSTRATIVE levels `benefitstd check` uses when no
// file is given: real sourced figures where local-data.md has them
// (Shanghai's 2021 unemployment benefit, minimum wage and 低保; Wanrong
// County's 2022 residents' pension, effective in January and first paid
// in March), and the hypothetical county of policy-reference §11
// Example B. It is an example for newcomers, not a
// dataset: Input.Illustrative is true.
func Sample() Input {
	in := sample()
	in.Levels = slices.Clone(in.Levels)
	for i := range in.Levels {
		// schedules are immutable; head counts are a plain slice
		in.Levels[i].Headcounts = slices.Clone(in.Levels[i].Headcounts)
	}
	in.Waivers = slices.Clone(in.Waivers)
	return in
}

var sample = sync.OnceValue(func() Input {
	in, err := ReadJSON(bytes.NewReader(sampleJSON), "floor/data/sample_levels.json", SetOptions{})
	if err != nil {
		panic("floor: embedded sample is invalid: " + err.Error()) // caught by TestSampleIsACopy and every test of the sample
	}
	return in
})
