package columns

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// A Scenario is an scenario.Scenario run over every column of its
// programme's national table: the scenario's regions, assumptions,
// tables, floor trend, rule and constraints, with the beneficiaries (and
// the base-year level, where a region does not follow the national
// standard) of each region and column in Counts. Its JSON is a scenario's
// with "counts" added; the scenario's own "dims" and each region's
// "beneficiaries" and "level" are left out (they are per column).
type Scenario struct {
	scenario.Scenario
	Counts []Count `json:"counts,omitempty"`
}

// A Count is the beneficiaries of one region and column (领取人数).
type Count struct {
	Region        region.Code  `json:"region"`
	Dims          benefit.Dims `json:"dims"` // the column, e.g. "cause=因战;grade=1"
	Beneficiaries int64        `json:"beneficiaries"`
	// Level is the region's level of the column in the base year; nil:
	// the national standard then (the region follows the table).
	Level *benefit.Amount `json:"level,omitempty"`
}

// LoadScenario reads a table scenario from JSON, strictly (as
// adjust.LoadScenario), and validates it against opts (Validate); one
// without counts, which come from a CSV file (ReadCounts), is validated
// but for them, and in full when it runs. name is the file name errors
// give; every error is a *benefit.RecordError naming the file, the line
// when known, and the field ("counts[3].dims").
func LoadScenario(r io.Reader, name string, opts adjust.Options) (Scenario, error) {
	var s Scenario
	doc, err := input.ReadJSON(r, name, &s, opts.Limits)
	if err != nil {
		return Scenario{}, err
	}
	check := s.Validate
	if len(s.Counts) == 0 {
		check = s.checkShape
	}
	if err := check(opts); err != nil {
		if re, ok := errors.AsType[*benefit.RecordError](err); ok {
			re.File = name
		}
		return Scenario{}, doc.Locate(err)
	}
	return s, nil
}

// Builtin returns the shipped table scenario b (scenario.KindColumns) with
// its counts file read (ReadCounts).
func Builtin(b scenario.Shipped, opts adjust.Options) (Scenario, error) {
	if b.Kind != scenario.KindColumns {
		return Scenario{}, fmt.Errorf("columns: builtin %s is a %s, not a table scenario", b.Name, b.Kind)
	}
	s, err := LoadScenario(bytes.NewReader(b.JSON()), b.Path(), opts)
	if err != nil || b.Counts == "" {
		return s, err
	}
	s.Counts = nil // the counts file gives them
	cat := opts.Catalogue
	if cat == nil {
		cat = benefit.DefaultCatalogue()
	}
	prog, _ := cat.Program(s.Program) // validated
	if s.Counts, err = ReadCounts(bytes.NewReader(b.CountsCSV()), "scenario/data/"+b.Counts, prog, opts.Limits); err != nil {
		return Scenario{}, err
	}
	return s, s.Validate(opts)
}

// Validate checks s as Run would, without running it: the scenario's
// own fields as adjust.Validate does for each column; no dims,
// no floor history (each column's comes from the national table), no
// fiscal cap (it caps a region's whole cost, not a column's:
// errors.ErrUnsupported), no beneficiaries or level given per region;
// and for each count a region of the table, dimensions of the programme
// with a national standard, beneficiaries 0-1,000,000,000, a
// level not negative, and no region and column given twice. Every error
// is a *benefit.RecordError naming the field.
func (s *Scenario) Validate(opts adjust.Options) error {
	_, err := s.columns(opts)
	return err
}

// columns validates s and returns one scenario.Scenario per column, in
// the table's order (the catalogue's order of each dimension's values:
// grade 1 因战, grade 1 因公, grade 1 因病, grade 2 …).
func (s *Scenario) columns(opts adjust.Options) ([]scenario.Scenario, error) {
	if err := s.checkShape(opts); err != nil {
		return nil, err
	}
	if len(s.Counts) == 0 {
		return nil, bad("counts", benefit.ErrSyntax, "no beneficiary counts")
	}
	cat := opts.Catalogue
	if cat == nil {
		cat = benefit.DefaultCatalogue()
	}
	tab := opts.Regions
	if tab == nil {
		tab = region.Default()
	}
	prog, err := cat.Program(s.Program)
	if err != nil {
		return nil, bad("program", benefit.ErrUnknownProgram, "%q", s.Program)
	}
	type key struct {
		c region.Code
		d benefit.Dims
	}
	seen := map[key]int{}
	regions := slices.Clone(s.Regions)
	listed := map[region.Code]bool{}
	for _, r := range regions {
		listed[r.Code] = true
	}
	first := map[benefit.Dims]int{} // column → its first count
	for i, c := range s.Counts {
		p := fmt.Sprintf("counts[%d]", i)
		if _, err := tab.Resolve(c.Region); err != nil {
			return nil, &benefit.RecordError{Field: p + ".region", Err: err}
		}
		if c.Dims.IsZero() {
			return nil, bad(p+".dims", benefit.ErrSyntax, "a count names its column")
		}
		if err := prog.CheckDims(c.Dims); err != nil {
			return nil, &benefit.RecordError{Field: p + ".dims", Err: err}
		}
		switch {
		case c.Beneficiaries < 0:
			return nil, bad(p+".beneficiaries", benefit.ErrNegative, "%d", c.Beneficiaries)
		case c.Beneficiaries > input.MaxPersons:
			return nil, bad(p+".beneficiaries", benefit.ErrRange, "%d (more than %d persons)", c.Beneficiaries, int64(input.MaxPersons))
		case c.Level != nil && c.Level.Sign() < 0:
			return nil, bad(p+".level", benefit.ErrNegative, "%s", c.Level)
		}
		if j, dup := seen[key{c.Region, c.Dims}]; dup {
			return nil, bad(p+".region", benefit.ErrSyntax, "region %s, column %s already given in counts[%d]", c.Region, c.Dims, j)
		}
		seen[key{c.Region, c.Dims}] = i
		if _, ok := first[c.Dims]; !ok {
			first[c.Dims] = i
		}
		if !listed[c.Region] {
			regions, listed[c.Region] = append(regions, scenario.Region{Code: c.Region}), true
		}
	}
	cols := make([]benefit.Dims, 0, len(first))
	for d := range first {
		cols = append(cols, d)
	}
	slices.SortFunc(cols, func(a, b benefit.Dims) int { return compareColumns(prog, a, b) })
	out := make([]scenario.Scenario, 0, len(cols))
	for _, d := range cols {
		cs := s.Scenario
		cs.Dims = d
		cs.Regions = slices.Clone(regions)
		floors, err := adjust.Floors(&cs, opts)
		if err != nil {
			if re, ok := errors.AsType[*benefit.RecordError](err); ok && re.Field == "floor.history" {
				re.Field = fmt.Sprintf("counts[%d].dims", first[d]) // no national standard of the column
			}
			return nil, err
		}
		for ri := range cs.Regions {
			r := &cs.Regions[ri]
			r.Level = floors[0].Amount
			if k, ok := seen[key{r.Code, d}]; ok {
				r.Beneficiaries = s.Counts[k].Beneficiaries
				if l := s.Counts[k].Level; l != nil {
					r.Level = *l
				}
			}
		}
		out = append(out, cs)
	}
	return out, nil
}

func bad(field string, err error, format string, args ...any) error {
	return &benefit.RecordError{Field: field, Err: fmt.Errorf("%w: "+format, append([]any{err}, args...)...)}
}

// checkShape checks what a table scenario leaves out or refuses: dims, a
// floor history, a fiscal cap, beneficiaries or levels per region. The
// rest is checked column by column (columns).
func (s *Scenario) checkShape(opts adjust.Options) error {
	switch {
	case !s.Dims.IsZero():
		return bad("dims", benefit.ErrSyntax, "a table scenario runs every column: give each in counts")
	case len(s.Floor.History) > 0:
		return bad("floor.history", benefit.ErrSyntax, "a table scenario's columns take their history from the national tables (use tables to project them)")
	case s.Constraints.FiscalCap != nil:
		return bad("constraints.fiscal_cap", errors.ErrUnsupported, "a fiscal cap bounds a region's whole cost; a table scenario solves each column apart")
	}
	for i, r := range s.Regions {
		if r.Beneficiaries != 0 || !r.Level.IsZero() {
			return bad(fmt.Sprintf("regions[%d].beneficiaries", i), benefit.ErrSyntax, "a table scenario gives beneficiaries and levels per column, in counts")
		}
	}
	return nil
}

// compareColumns orders two columns of prog by the catalogue's order of
// each dimension's values, the dimensions in the catalogue's order.
func compareColumns(prog benefit.Program, a, b benefit.Dims) int {
	for _, dim := range prog.Dimensions {
		va, _ := a.Get(dim.Key)
		vb, _ := b.Get(dim.Key)
		if c := cmp.Compare(slices.Index(dim.Values, va), slices.Index(dim.Values, vb)); c != 0 {
			return c
		}
	}
	return cmp.Compare(a.String(), b.String())
}

// Canonical returns the scenario's canonical JSON: the scenario's
// (scenario.Scenario.Canonical), a line break, then the counts sorted by
// region and column, compact.
func (s Scenario) Canonical() ([]byte, error) {
	b, err := s.Scenario.Canonical()
	if err != nil {
		return nil, err
	}
	cs := slices.Clone(s.Counts)
	slices.SortStableFunc(cs, func(a, b Count) int {
		return cmp.Or(a.Region.Compare(b.Region), cmp.Compare(a.Dims.String(), b.Dims.String()))
	})
	c, err := json.Marshal(cs)
	if err != nil {
		return nil, err
	}
	return append(append(b, '\n'), c...), nil
}

// hash returns the hex SHA-256 of the canonical form
// (Result.Run.ScenarioSHA256).
func (s Scenario) hash() (string, error) {
	b, err := s.Canonical()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// Run runs s: one adjust.Run per column (each with opts), then the cost
// of every region and year summed over the columns, and the national
// totals. It validates s first (Validate); an invalid scenario gives a
// *benefit.RecordError and nothing is run. A cancelled run returns the
// context's cause.
func Run(ctx context.Context, s Scenario, opts adjust.Options) (*Result, error) {
	cols, err := s.columns(opts)
	if err != nil {
		return nil, err
	}
	hash, err := s.hash()
	if err != nil {
		return nil, err
	}
	res := &Result{Columns: make([]Column, 0, len(cols))}
	for _, cs := range cols {
		r, err := adjust.Run(ctx, cs, opts)
		if err != nil {
			return nil, fmt.Errorf("columns: column %s: %w", cs.Dims, err)
		}
		res.Columns = append(res.Columns, Column{Dims: cs.Dims, Result: r})
	}
	r0 := res.Columns[0].Result
	res.Run = r0.Run
	res.Run.ScenarioSHA256 = hash
	res.Program, res.Name, res.Unit, res.Rounding = r0.Program, r0.Name, r0.Unit, r0.Rounding
	res.EffectiveMonth, res.Rule, res.Constraints, res.CostSharing = r0.EffectiveMonth, r0.Rule, r0.Constraints, r0.CostSharing
	res.sum()
	return res, nil
}
