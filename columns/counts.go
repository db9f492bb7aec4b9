package columns

import (
	"fmt"
	"io"
	"strconv"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
	"github.com/benefitstd/benefitstd/region"
)

// ReadCounts reads beneficiary counts of programme prog from CSV with
// the header
//
//	region,<the programme's dimension keys>,beneficiaries[,level]
//
// for the disability pensions region,grade,cause,beneficiaries, or with
// one column dimensions ("cause=因战;grade=1") instead of the keys; the
// columns may come in any order, in UTF-8 with or without a byte-order
// mark, LF or CRLF. A row gives a column's every key (or none, for a
// programme without dimensions), its beneficiaries as a whole number of
// persons (0-1,000,000,000) and optionally the region's level
// of the column in the base year. At most lim.Levels rows (1,000,000 by
// default) are read. Every error is a *benefit.RecordError naming the
// file (name), the line and the column; nothing is returned from a file
// with an error. The counts are checked against the region table and
// the national standards when the scenario is (Scenario.Validate).
func ReadCounts(r io.Reader, name string, prog benefit.Program, lim benefit.Limits) ([]Count, error) {
	keys := make([]string, len(prog.Dimensions))
	for i, d := range prog.Dimensions {
		keys[i] = d.Key
	}
	const (
		colRegion = iota
		colBeneficiaries
		colDims
		colLevel
		colKeys
	)
	rd, err := input.NewCSV(r, name, []string{"region", "beneficiaries"}, append([]string{"dimensions", "level"}, keys...), lim)
	if err != nil {
		return nil, err
	}
	byKeys := false
	for i := range keys {
		byKeys = byKeys || rd.Has(colKeys+i)
	}
	if byKeys && rd.Has(colDims) {
		return nil, &benefit.RecordError{File: name, Line: 1, Field: "dimensions", Err: fmt.Errorf("%w: give the column as dimensions or as its keys %v, not both", benefit.ErrSyntax, keys)}
	}
	limit := lim.WithDefaults().Levels
	var out []Count
	for rec, err := range rd.All() {
		if err != nil {
			return nil, err
		}
		if len(out) == limit {
			return nil, rec.Err(colRegion, fmt.Errorf("%w: more than %d rows", benefit.ErrTooLarge, limit))
		}
		var c Count
		if c.Region, err = region.ParseCode(rec.Get(colRegion)); err != nil {
			return nil, rec.Err(colRegion, err)
		}
		if byKeys {
			m := map[string]string{}
			for i, k := range keys {
				if v := rec.Get(colKeys + i); v != "" {
					m[k] = v
				}
			}
			c.Dims, err = benefit.DimsOf(m)
			if err == nil && len(m) != len(keys) {
				err = fmt.Errorf("%w: a row gives every key of %s %v", benefit.ErrSyntax, prog.ID, keys)
			}
			if err != nil {
				return nil, rec.Err(colKeys, err)
			}
		} else if c.Dims, err = benefit.ParseDims(rec.Get(colDims)); err != nil {
			return nil, rec.Err(colDims, err)
		}
		if err := prog.CheckDims(c.Dims); err != nil {
			col := colDims
			if byKeys {
				col = colKeys
			}
			return nil, rec.Err(col, err)
		}
		s := rec.Get(colBeneficiaries)
		if c.Beneficiaries, err = strconv.ParseInt(s, 10, 64); err != nil {
			return nil, rec.Err(colBeneficiaries, fmt.Errorf("%w: %q is not a whole number of persons", benefit.ErrSyntax, s))
		}
		switch {
		case c.Beneficiaries < 0:
			return nil, rec.Err(colBeneficiaries, fmt.Errorf("%w: %d persons", benefit.ErrNegative, c.Beneficiaries))
		case c.Beneficiaries > input.MaxPersons:
			return nil, rec.Err(colBeneficiaries, fmt.Errorf("%w: %d persons (at most %d)", benefit.ErrRange, c.Beneficiaries, int64(input.MaxPersons)))
		}
		if s := rec.Get(colLevel); s != "" {
			a, err := benefit.ParseAmount(s)
			if err != nil {
				return nil, rec.Err(colLevel, err)
			}
			c.Level = &a
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, &benefit.RecordError{File: name, Line: 1, Field: "region", Err: fmt.Errorf("%w: no counts", benefit.ErrSyntax)}
	}
	return out, nil
}
