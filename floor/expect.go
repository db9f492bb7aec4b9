package floor

import (
	"fmt"
	"io"
	"slices"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/csvin"
	"github.com/benefitstd/benefitstd/region"
)

// An Expectation says that a level should have been given
// (应发尽发、应保尽保): for a programme, in a region, or in every county
// or every prefecture under it. Check reports each expected region with
// no level of the programme as a finding of rule "missing"
// (RuleMissing), so that a bureau learns which regions did not report.
//
// A region meets an expectation when a level of the programme is given
// for that very region (with an empty schedule, too: the region then
// says it pays its ancestor's level) whose dimensions match Dims (the
// zero Dims: any level of the programme). A county that gives no level
// of its own is not taken to report through its province.
type Expectation struct {
	Region  region.Code
	Program string
	Dims    benefit.Dims // pattern of the expected level; zero: any
	Scope   ExpectScope  // the region itself, or the divisions under it
}

// An ExpectScope says which regions an Expectation names. The zero
// ExpectScope is ExpectRegion.
type ExpectScope int8

const (
	ExpectRegion      ExpectScope = iota // the region itself
	ExpectCounties                       // every county-level division under the region (区县)
	ExpectPrefectures                    // every prefecture-level division under the region (地市)
)

var expectScopeNames = [...]string{ExpectRegion: "region", ExpectCounties: "counties", ExpectPrefectures: "prefectures"}

// String returns "region", "counties" or "prefectures".
func (s ExpectScope) String() string {
	if s < 0 || int(s) >= len(expectScopeNames) {
		return fmt.Sprintf("ExpectScope(%d)", int(s))
	}
	return expectScopeNames[s]
}

// ParseExpectScope is the inverse of String; "" is ExpectRegion.
func ParseExpectScope(s string) (ExpectScope, error) {
	if s == "" {
		return ExpectRegion, nil
	}
	if i := slices.Index(expectScopeNames[:], s); i >= 0 {
		return ExpectScope(i), nil
	}
	return 0, fmt.Errorf("%w: scope %q (want region, counties or prefectures)", benefit.ErrSyntax, s)
}

// expectedRegions returns the codes an expectation names, in code order:
// the region itself, or the divisions of tab at the scope's level under
// it. This is the one place that lists a table's divisions for Check.
func expectedRegions(tab *region.Table, e Expectation) []region.Code {
	var lvl region.Level
	switch e.Scope {
	case ExpectCounties:
		lvl = region.County
	case ExpectPrefectures:
		lvl = region.Prefecture
	default:
		return []region.Code{e.Region}
	}
	var out []region.Code
	for d := range tab.All() {
		if d.Code.Level() == lvl && d.Code != e.Region && e.Region.Contains(d.Code) {
			out = append(out, d.Code)
		}
	}
	return out
}

// validateExpectations checks each expectation: a known region, a
// programme of the catalogue with dimensions it has, and a known scope.
func validateExpectations(es []Expectation, tab *region.Table, cat *benefit.Catalogue) error {
	for i, e := range es {
		fe := func(field string, err error) error {
			return &benefit.RecordError{Field: fmt.Sprintf("expect[%d].%s", i, field), Err: err}
		}
		if !e.Region.IsValid() {
			return fe("region", fmt.Errorf("%w: missing region code", region.ErrInvalidCode))
		}
		if _, err := tab.Resolve(e.Region); err != nil {
			return fe("region", err)
		}
		p, err := cat.Program(e.Program)
		if err != nil {
			return fe("program", err)
		}
		if err := p.CheckDims(e.Dims); err != nil {
			return fe("dimensions", err)
		}
		if e.Scope < ExpectRegion || e.Scope > ExpectPrefectures {
			return fe("scope", fmt.Errorf("%w: unknown scope %d", benefit.ErrSyntax, e.Scope))
		}
	}
	return nil
}

// ReadExpectations reads expectations (Options.Expect) from CSV with the
// header
//
//	region,program,dimensions,scope
//
// where region and program are required and dimensions (a pattern,
// "key=value;key=value") and scope (region, counties or prefectures;
// empty: region) optional. A row "410000,pension.resident.basic,,counties"
// expects a level of every county of 河南省; "410000,pension.resident.basic"
// one of the province itself. The file is UTF-8 (with or without BOM,
// LF or CRLF); a row given twice is an error. Every bad record is a
// *benefit.RecordError naming file, line and field, and then nothing is
// returned.
func ReadExpectations(r io.Reader, name string) ([]Expectation, error) {
	return ReadExpectationsWith(r, name, SetOptions{})
}

// ReadExpectationsWith is ReadExpectations with programmes and regions
// checked against opts.Catalogue and opts.Regions (nil: the defaults).
func ReadExpectationsWith(r io.Reader, name string, opts SetOptions) ([]Expectation, error) {
	rd, err := csvin.New(r, name, []string{"region", "program"}, []string{"dimensions", "scope"})
	if err != nil {
		return nil, err
	}
	cat, tab := opts.catalogue(), opts.regions()
	seen := map[Expectation]int{}
	var out []Expectation
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		code, err := region.ParseCode(rec.Get("region"))
		if err != nil {
			return nil, rec.Err("region", err)
		}
		if _, err := tab.Resolve(code); err != nil {
			return nil, rec.Err("region", err)
		}
		p, err := cat.Program(rec.Get("program"))
		if err != nil {
			return nil, rec.Err("program", err)
		}
		dims, err := benefit.ParseDims(rec.Get("dimensions"))
		if err != nil {
			return nil, rec.Err("dimensions", err)
		}
		if err := p.CheckDims(dims); err != nil {
			return nil, rec.Err("dimensions", err)
		}
		scope, err := ParseExpectScope(rec.Get("scope"))
		if err != nil {
			return nil, rec.Err("scope", err)
		}
		e := Expectation{Region: code, Program: p.ID, Dims: dims, Scope: scope}
		if prev, dup := seen[e]; dup {
			return nil, rec.Err("region", fmt.Errorf("%w: the same expectation is on line %d", benefit.ErrOrder, prev))
		}
		seen[e] = rec.Line
		out = append(out, e)
	}
	return out, nil
}
