package floor

import (
	"fmt"
	"io"
	"slices"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
	"github.com/benefitstd/benefitstd/region"
)

// An Expectation says that a level should have been given
// (应发尽发、应保尽保): for a programme, in a region, or in every county
// or every prefecture under it. Check reports each expected region with
// no level of the programme as a finding of rule "missing"
// (RuleMissing), so that a bureau learns which regions did not report.
//
// The divisions a scope names are those the region table records under
// the region, following each division's recorded parent
// (region.Table.Under, region.Division.Parent), at the scope's level
// (region.Division.Level):
//
//   - ExpectCounties: every county-level division (区县) at or under the
//     region, and every prefecture-level division at or under it with no
//     county-level division under it (东莞, 中山 and 儋州, whose towns
//     report to the city directly);
//   - ExpectPrefectures: every prefecture-level division (地市) at or
//     under the region. The table's summary rows are prefecture-level
//     units too (the 市辖区 and 县 rows of the municipalities,
//     省直辖县级行政区划 such as 419000) and are named with them.
//
// Statistical-only units (统计用区划: development zones, new areas,
// scenic areas; region.Division.StatisticalOnly) are not GB/T 2260
// divisions and are left out of a scope unless IncludeStatistical says
// otherwise; a region named itself is always expected.
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
	// IncludeStatistical makes a counties or prefectures scope name the
	// statistical-only units under the region too (a development zone
	// that pays benefits itself). It is an error with ExpectRegion.
	IncludeStatistical bool
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

// parseExpectScope is the inverse of String; "" is ExpectRegion.
func parseExpectScope(s string) (ExpectScope, error) {
	if s == "" {
		return ExpectRegion, nil
	}
	if i := slices.Index(expectScopeNames[:], s); i >= 0 {
		return ExpectScope(i), nil
	}
	return 0, fmt.Errorf("%w: scope %q (want region, counties or prefectures)", benefit.ErrSyntax, s)
}

// expectedRegions returns the codes an expectation names, in code order:
// the region itself, or the divisions of tab at the scope's level at or
// under it by their recorded parents (see Expectation). This is the one
// place that lists a table's divisions for Check.
func expectedRegions(tab *region.Table, e Expectation) []region.Code {
	if e.Scope == ExpectRegion {
		return []region.Code{e.Region}
	}
	divs, err := tab.Under(e.Region) // in code order; e.Region was resolved by validateExpectations
	if err != nil {
		return nil
	}
	var out []region.Code
	withCounty := map[region.Code]bool{} // divisions with an expected county directly under them
	for _, d := range divs {
		if d.StatisticalOnly && !e.IncludeStatistical && d.Code != e.Region {
			continue
		}
		switch {
		case d.Rank == region.County && e.Scope == ExpectCounties:
			out = append(out, d.Code)
			withCounty[d.Parent] = true
		case d.Rank == region.Prefecture && e.Scope == ExpectPrefectures:
			out = append(out, d.Code)
		}
	}
	if e.Scope == ExpectCounties {
		// a prefecture-level division with no county: the lowest unit
		// that pays (a county's parent is a prefecture or a province)
		n := len(out)
		for _, d := range divs {
			if d.Rank == region.Prefecture && !withCounty[d.Code] && (!d.StatisticalOnly || e.IncludeStatistical || d.Code == e.Region) {
				out = append(out, d.Code)
			}
		}
		if len(out) > n {
			slices.SortFunc(out, region.Code.Compare)
		}
	}
	return out
}

var errStatisticalRegion = fmt.Errorf("%w: include_statistical applies to a counties or prefectures scope, not to one region", benefit.ErrSyntax)

// validateExpectations checks each expectation: a known region, a
// programme of the catalogue with dimensions it has, a known scope, and
// IncludeStatistical only with a scope under the region.
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
		if e.IncludeStatistical && e.Scope == ExpectRegion {
			return fe("include_statistical", errStatisticalRegion)
		}
	}
	return nil
}

// ReadExpectations reads expectations (Options.Expect) from CSV with the
// header
//
//	region,program,dimensions,scope,include_statistical
//
// where region and program are required and dimensions (a pattern,
// "key=value;key=value"), scope (region, counties or prefectures;
// empty: region) and include_statistical (true, false or empty: false;
// Expectation.IncludeStatistical, with a counties or prefectures scope
// only) optional. A row "410000,pension.resident.basic,,counties"
// expects a level of every county of 河南省 (its statistical-only units
// left out); "410000,pension.resident.basic" one of the province
// itself. Programmes and regions are checked against opts.Catalogue and
// opts.Regions (nil: the defaults). The file is UTF-8 (with or without
// BOM, LF or CRLF); a row given twice is an error. Every bad record is a
// *benefit.RecordError naming file, line and field, and then nothing is
// returned.
func ReadExpectations(r io.Reader, name string, opts SetOptions) ([]Expectation, error) {
	const (
		colRegion = iota
		colProgram
		colDims
		colScope
		colStats
	)
	rd, err := input.NewCSV(r, name, []string{"region", "program"}, []string{"dimensions", "scope", "include_statistical"}, opts.limits())
	if err != nil {
		return nil, err
	}
	cat, tab := opts.catalogue(), opts.regions()
	seen := map[Expectation]int{}
	var out []Expectation
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
		p, err := cat.Program(rec.Get(colProgram))
		if err != nil {
			return nil, rec.Err(colProgram, err)
		}
		dims, err := benefit.ParseDims(rec.Get(colDims))
		if err != nil {
			return nil, rec.Err(colDims, err)
		}
		if err := p.CheckDims(dims); err != nil {
			return nil, rec.Err(colDims, err)
		}
		scope, err := parseExpectScope(rec.Get(colScope))
		if err != nil {
			return nil, rec.Err(colScope, err)
		}
		var stats bool
		switch v := rec.Get(colStats); v {
		case "", "false":
		case "true":
			if scope == ExpectRegion {
				return nil, rec.Err(colStats, errStatisticalRegion)
			}
			stats = true
		default:
			return nil, rec.Err(colStats, fmt.Errorf("%w: %q (want true, false or nothing)", benefit.ErrSyntax, v))
		}
		e := Expectation{Region: code, Program: p.ID, Dims: dims, Scope: scope, IncludeStatistical: stats}
		if prev, dup := seen[e]; dup {
			return nil, rec.Err(colRegion, fmt.Errorf("%w: the same expectation is on line %d", benefit.ErrOrder, prev))
		}
		seen[e] = rec.Line()
		out = append(out, e)
	}
	return out, nil
}
