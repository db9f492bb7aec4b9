package input

// Limits bound what a reader accepts, so that no input can make memory
// or time grow without bound. Each bound is enforced while reading: a
// reader stops at the first byte past a bound, holding at most the
// bound (and for a JSON document, what it decodes into). A zero field
// takes its default; the defaults are generous for real files.
type Limits struct {
	// Document is the most bytes of a JSON document. Default 256 MiB:
	// a levels file of every one of the 3,348 divisions × 30
	// programmes × 20 versions, at about 90 bytes a version, is about
	// 180 MB. A document is held in memory while it is decoded.
	Document int64
	// String is the most bytes of one JSON string as written (escapes
	// included). Default 1 MiB: the longest string of a real file is a
	// note or a citation of a few KB.
	String int
	// Line is the most bytes of one CSV record (a quoted field's line
	// breaks included). Default 1 MiB: a levels or retirees row is under
	// 1 KB. At most 1 GiB.
	Line int
	// Field is the most bytes of one CSV field. Default 64 KiB: the
	// longest real field is a citation of a few hundred bytes.
	Field int
	// Levels is the most levels one levels file may hold. Default
	// 1,000,000: all 3,348 divisions with 300 levels each.
	Levels int
	// Versions is the most versions one level or floor may have.
	// Default 10,000: a level raised every month for 800 years.
	Versions int
}

// The defaults of Limits.
const (
	DefaultDocument = 256 << 20
	DefaultString   = 1 << 20
	DefaultLine     = 1 << 20
	DefaultField    = 64 << 10
	DefaultLevels   = 1_000_000
	DefaultVersions = 10_000

	maxLine = 1 << 30
)

// WithDefaults returns l with every zero or negative field set to its
// default.
func (l Limits) WithDefaults() Limits {
	if l.Document <= 0 {
		l.Document = DefaultDocument
	}
	if l.String <= 0 {
		l.String = DefaultString
	}
	if l.Line <= 0 {
		l.Line = DefaultLine
	}
	if l.Field <= 0 {
		l.Field = DefaultField
	}
	l.Line, l.Field = min(l.Line, maxLine), min(l.Field, maxLine)
	if l.Levels <= 0 {
		l.Levels = DefaultLevels
	}
	if l.Versions <= 0 {
		l.Versions = DefaultVersions
	}
	return l
}

// MaxPersons is the most beneficiaries one record may give: a level's
// head count (package floor) or a region's beneficiaries in any year
// (package adjust). One billion is more than the persons any one region
// pays, and keeps Σ persons × months, and the person-months of delay
// behind optional interest, exact in an int64 over any window of valid
// months (1900-9999).
const MaxPersons = 1_000_000_000
