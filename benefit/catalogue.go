package benefit

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"iter"
	"slices"
	"sync"

	"github.com/benefitstd/benefitstd/internal/input"
)

//go:embed data/catalogue.json
var defaultCatalogueJSON []byte

// A Catalogue is an immutable set of programmes, by id. It is safe for
// concurrent use; Program and All hand out copies.
type Catalogue struct {
	version string
	byID    map[string]Program
	order   []string
}

type catalogueJSON struct {
	Version  string    `json:"version"`
	Programs []Program `json:"programs"`
}

// DefaultCatalogue returns the programme catalogue embedded in the
// library (benefit/data/catalogue.json). It is parsed once, on first use.
func DefaultCatalogue() *Catalogue { return defaultCatalogue() }

var defaultCatalogue = sync.OnceValue(func() *Catalogue {
	c, err := LoadCatalogue(bytes.NewReader(defaultCatalogueJSON), "benefit/data/catalogue.json")
	if err != nil {
		panic("benefit: embedded catalogue is invalid: " + err.Error()) // caught by TestDefaultCatalogue
	}
	return c
})

// LoadCatalogue reads a catalogue from JSON:
//
//	{"version": "...", "programs": [{"id": ..., "name": ..., ...}]}
//
// Decoding is strict: unknown fields are errors, and so are duplicate
// ids, unknown categories or rounding modes, and exclusions that name
// dimensions or values the programme does not have. name is the file
// name used in errors; every error is a *RecordError naming the line and
// the field ("programs[1].dimensions[0].key"). The file is read within
// the default Limits.
func LoadCatalogue(r io.Reader, name string) (*Catalogue, error) {
	var j catalogueJSON
	doc, err := input.ReadJSON(r, name, &j, Limits{})
	if err != nil {
		return nil, err
	}
	c, err := newCatalogue(j.Version, name, j.Programs...)
	if err != nil {
		return nil, doc.Locate(err)
	}
	return c, nil
}

// newCatalogue builds a catalogue from Go values, with the same checks as
// LoadCatalogue. source names the origin in errors.
func newCatalogue(version, source string, programs ...Program) (*Catalogue, error) {
	c := &Catalogue{version: version, byID: make(map[string]Program, len(programs))}
	for i, p := range programs {
		if field, err := p.validate(); err != nil {
			return nil, &RecordError{File: source, Field: fmt.Sprintf("programs[%d].%s", i, field), Err: err}
		}
		if _, dup := c.byID[p.ID]; dup {
			return nil, &RecordError{File: source, Field: fmt.Sprintf("programs[%d].id", i), Err: fmt.Errorf("%w: id %q given twice", ErrSyntax, p.ID)}
		}
		c.byID[p.ID] = p.clone()
		c.order = append(c.order, p.ID)
	}
	return c, nil
}

// Version returns the catalogue's version string.
func (c *Catalogue) Version() string { return c.version }

// Program returns the programme with the given id, or an error wrapping
// ErrUnknownProgram that lists the known ids.
func (c *Catalogue) Program(id string) (Program, error) {
	if p, ok := c.byID[id]; ok {
		return p.clone(), nil
	}
	return Program{}, fmt.Errorf("%w %q (known: %v)", ErrUnknownProgram, id, c.order)
}

// IDs returns the programme ids in catalogue order.
func (c *Catalogue) IDs() []string { return slices.Clone(c.order) }

// All returns the programmes in catalogue order.
func (c *Catalogue) All() iter.Seq[Program] {
	return func(yield func(Program) bool) {
		for _, id := range c.order {
			if !yield(c.byID[id].clone()) {
				return
			}
		}
	}
}
