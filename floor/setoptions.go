package floor

import (
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// SetOptions configure NewSet and Load: what a set of floors
// (最低标准) is checked against when it is built; and ReadCSV, ReadJSON
// and ReadExpectations: what a levels file (地方标准) is checked against
// when it is read. The zero SetOptions are the defaults.
type SetOptions struct {
	// Catalogue knows the programmes, their dimensions and frequencies
	// that floors, relative rules and cadences may name. nil:
	// benefit.DefaultCatalogue(). A check with a user's catalogue
	// (Options.Catalogue) should load its floors with the same one.
	Catalogue *benefit.Catalogue
	// Regions resolves the "group" of a regional-agreement floor in
	// Load (and, for Set.Required, the divisions under its members),
	// and the regions of levels and waivers in ReadCSV and
	// ReadJSON. nil: region.Default().
	Regions *region.Table
	// Limits bound what Load, ReadCSV, ReadJSON and
	// ReadExpectations read (the document, a string, a line or
	// field, the levels of a file, the versions of a level or floor);
	// input past a bound is an error wrapping benefit.ErrTooLarge. The
	// zero Limits are the defaults (benefit.Limits).
	Limits benefit.Limits
}

func (o SetOptions) catalogue() *benefit.Catalogue {
	if o.Catalogue == nil {
		return benefit.DefaultCatalogue()
	}
	return o.Catalogue
}

func (o SetOptions) limits() benefit.Limits { return o.Limits.WithDefaults() }

func (o SetOptions) regions() *region.Table {
	if o.Regions == nil {
		return region.Default()
	}
	return o.Regions
}
