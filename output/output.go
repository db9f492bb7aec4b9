package output

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// A Renderer writes results in one format to the writer it was made
// with. Render takes one of the result types listed in the package
// documentation, by pointer; a result its format does not carry (a
// compliance report as SVG) is an error wrapping ErrUnsupported, and
// nothing is written then. A failed write is returned as is.
//
// New makes the renderer of a format from the format's name.
type Renderer interface {
	Render(result any) error
}

// Options tune the renderers; the zero Options is what `benefitstd`
// writes by default.
type Options struct {
	// Detail makes the text of a simulation (*adjust.Result) one row per
	// region and year instead of one row per region.
	Detail bool
	// BOM starts CSV with a UTF-8 byte-order mark (EF BB BF), so that a
	// spreadsheet in a Chinese locale (Excel, WPS) reads its Chinese
	// names as UTF-8 rather than the locale's code page. Off by default:
	// pipelines read plain CSV.
	BOM bool
}

// The names of the formats, as New and `benefitstd --format` take them.
const (
	FormatText  = "text"
	FormatCSV   = "csv"
	FormatJSON  = "json"
	FormatJUnit = "junit"
	FormatSVG   = "svg"
	FormatXLSX  = "xlsx"
)

// formats returns the names of the formats New knows, in a fixed order.
func formats() []string {
	return []string{FormatText, FormatCSV, FormatJSON, FormatJUnit, FormatSVG, FormatXLSX}
}

// ErrUnsupported is wrapped by the error of a Render given a result its
// format does not carry, and of New given an unknown format.
var ErrUnsupported = errors.New("output: unsupported")

// New returns the renderer of the named format, writing to w. An
// unknown name is an error wrapping ErrUnsupported.
func New(format string, w io.Writer, opts Options) (Renderer, error) {
	switch format {
	case FormatText:
		return newText(w, opts), nil
	case FormatCSV:
		return newCSV(w, opts), nil
	case FormatJSON:
		return newJSON(w), nil
	case FormatJUnit:
		return newJUnit(w), nil
	case FormatSVG:
		return newSVG(w), nil
	case FormatXLSX:
		return newXLSX(w), nil
	}
	return nil, fmt.Errorf("%w: format %q (want %s)", ErrUnsupported, format, strings.Join(formats(), "|"))
}

// unsupported is the error of a Render whose format does not carry v.
func unsupported(format string, v any) error {
	return fmt.Errorf("%w: %s of %T", ErrUnsupported, format, v)
}
