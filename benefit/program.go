package benefit

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// A Category groups programmes by the field they belong to.
// The zero Category is Pension.
type Category int8

const (
	Pension    Category = iota // 养老保险
	Employment                 // 就业与失业保险
	Veterans                   // 优抚
	Reference                  // 参照标准: a figure other rules refer to (minimum wage, 低保)
)

var categoryNames = [...]string{"pension", "employment", "veterans", "reference"}

// String returns "pension", "employment", "veterans" or "reference".
func (c Category) String() string {
	if c < 0 || int(c) >= len(categoryNames) {
		return fmt.Sprintf("Category(%d)", int(c))
	}
	return categoryNames[c]
}

// MarshalText implements encoding.TextMarshaler.
func (c Category) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Category) UnmarshalText(b []byte) error {
	i := slices.Index(categoryNames[:], string(b))
	if i < 0 {
		return parseErr("category", string(b), "want pension, employment, veterans or reference", ErrSyntax)
	}
	*c = Category(i)
	return nil
}

// A Dimension is one way a programme's level varies (disability grade,
// cause, survivor type, urban/rural), with the values it may take.
type Dimension struct {
	Key    string   `json:"key"`               // e.g. "grade"
	Name   string   `json:"name"`              // Chinese term, e.g. "残疾等级"
	NameEN string   `json:"name_en,omitempty"` // English term
	Values []string `json:"values"`            // allowed values, in display order
}

// An Exclusion is a combination of dimension values a programme does not
// allow, such as cause=因病 with grade 7-10 for the disability pension
// (军人抚恤优待条例 Art 27: 因病 only for grades 1-6).
type Exclusion struct {
	When   map[string][]string `json:"when"`   // key → values; the exclusion applies when every key matches one of its values
	Reason string              `json:"reason"` // legal reason, shown in the error
}

// A Program is a benefit programme or a reference figure: its id,
// names, category, payment frequency, rounding rule and the dimensions
// its level varies by.
//
// Programs come from a Catalogue. A Program is a value; the Catalogue
// hands out copies, so changing one does not change the catalogue.
type Program struct {
	ID         string      `json:"id"`      // e.g. "pension.resident.basic"
	Name       string      `json:"name"`    // Chinese name, e.g. "城乡居民基础养老金"
	NameEN     string      `json:"name_en"` // English name
	Category   Category    `json:"category"`
	Frequency  Frequency   `json:"frequency"` // what a level is per: month or year
	Rounding   Rounding    `json:"rounding"`  // how a standard of this programme is rounded
	Dimensions []Dimension `json:"dimensions,omitempty"`
	Exclusions []Exclusion `json:"exclusions,omitempty"`
	Citation   Citation    `json:"citation,omitzero"` // the instrument that defines the programme
}

func (p Program) clone() Program {
	p.Dimensions = slices.Clone(p.Dimensions)
	for i := range p.Dimensions {
		p.Dimensions[i].Values = slices.Clone(p.Dimensions[i].Values)
	}
	p.Exclusions = slices.Clone(p.Exclusions)
	for i, ex := range p.Exclusions {
		if ex.When == nil {
			continue
		}
		when := make(map[string][]string, len(ex.When))
		for k, vs := range ex.When {
			when[k] = slices.Clone(vs)
		}
		p.Exclusions[i].When = when
	}
	return p
}

// dimension returns the dimension with the given key.
func (p Program) dimension(key string) (Dimension, bool) {
	i := slices.IndexFunc(p.Dimensions, func(d Dimension) bool { return d.Key == key })
	if i < 0 {
		return Dimension{}, false
	}
	return p.Dimensions[i], true
}

// CheckDims reports whether d is allowed for p: every key is one of p's
// dimensions, every value one of its allowed values, and no exclusion
// matches. A key p has but d lacks is allowed (the figure applies to
// every value of it). The error wraps ErrDimension.
func (p Program) CheckDims(d Dims) error {
	for k, v := range d.All() {
		dim, ok := p.dimension(k)
		if !ok {
			keys := make([]string, len(p.Dimensions))
			for i, dd := range p.Dimensions {
				keys[i] = dd.Key
			}
			return fmt.Errorf("%w: %s has no dimension %q (it has: %s)", ErrDimension, p.ID, k, strings.Join(keys, ", "))
		}
		if !slices.Contains(dim.Values, v) {
			return fmt.Errorf("%w: %s %s=%q is not one of %s", ErrDimension, p.ID, k, v, strings.Join(dim.Values, ", "))
		}
	}
	for _, ex := range p.Exclusions {
		if len(ex.When) == 0 {
			continue
		}
		all := true
		for k, vals := range ex.When {
			v, ok := d.Get(k)
			if !ok || !slices.Contains(vals, v) {
				all = false
				break
			}
		}
		if all {
			return fmt.Errorf("%w: %s %s is not allowed: %s", ErrDimension, p.ID, d, ex.Reason)
		}
	}
	return nil
}

// validate checks a programme read from a catalogue file.
func (p Program) validate() (field string, err error) {
	switch {
	case p.ID == "":
		return "id", fmt.Errorf("%w: missing", ErrSyntax)
	case strings.ContainsAny(p.ID, " \t,;="):
		return "id", fmt.Errorf("%w: %q contains a space, comma, semicolon or =", ErrSyntax, p.ID)
	case p.Name == "":
		return "name", fmt.Errorf("%w: missing Chinese name", ErrSyntax)
	case !p.Rounding.IsValid():
		return "rounding", fmt.Errorf("%w: invalid rounding", ErrSyntax)
	}
	if _, err := p.Citation.Mark(); err != nil {
		return "citation.confidence", err
	}
	seen := map[string]bool{}
	for i, d := range p.Dimensions {
		f := fmt.Sprintf("dimensions[%d]", i)
		if d.Key == "" || strings.ContainsAny(d.Key, "=;") {
			return f + ".key", fmt.Errorf("%w: key must be non-empty without = or ;", ErrSyntax)
		}
		if seen[d.Key] {
			return f + ".key", fmt.Errorf("%w: dimension %q given twice", ErrSyntax, d.Key)
		}
		seen[d.Key] = true
		if len(d.Values) == 0 {
			return f + ".values", fmt.Errorf("%w: no allowed values", ErrSyntax)
		}
		vs := map[string]bool{}
		for j, v := range d.Values {
			if v == "" || strings.ContainsAny(v, "=;") || vs[v] {
				return fmt.Sprintf("%s.values[%d]", f, j), fmt.Errorf("%w: value %q is empty, repeated or contains = or ;", ErrSyntax, v)
			}
			vs[v] = true
		}
	}
	for i, ex := range p.Exclusions {
		for _, k := range slices.Sorted(maps.Keys(ex.When)) { // in order, so that an error names the same key every time
			vals := ex.When[k]
			d, ok := p.dimension(k)
			if !ok {
				return fmt.Sprintf("exclusions[%d].when.%s", i, k), fmt.Errorf("%w: no such dimension", ErrDimension)
			}
			for _, v := range vals {
				if !slices.Contains(d.Values, v) {
					return fmt.Sprintf("exclusions[%d].when.%s", i, k), fmt.Errorf("%w: %q is not an allowed value", ErrDimension, v)
				}
			}
		}
	}
	return "", nil
}
