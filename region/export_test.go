package region

// Names the external tests (package region_test) reach that are not part
// of the package's API: the digit-only readings of a code, which the
// table's recorded parents supersede, and helpers of the package.

var ParseRank = parseRank

func (c Code) Ancestors() []Code        { return c.ancestors() }
func (c Code) Contains(d Code) bool     { return c.contains(d) }
func (c Code) Prefecture() (Code, bool) { return c.prefecture() }
func (g Group) Contains(c Code) bool    { return g.contains(c) }
func (t *Table) Len() int               { return t.len() }
func (t Tier) IsValid() bool            { return t.valid() }
