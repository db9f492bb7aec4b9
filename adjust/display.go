package adjust

import (
	"encoding/json"
	"github.com/benefitstd/benefitstd/internal/texttable"
	"io"
	"strconv"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
)

// Display helpers of the text renderings. They only format: every figure
// they are given is already exact, and a scaled cost is rounded half-up
// to the fen of its display unit, for reading only (CSV and JSON carry
// exact yuan).

// costUnit picks the display unit of costs: 亿元 (10^8 yuan) when one of
// the yearly national totals reaches 10 亿, else 万元 (10^4 yuan).
func costUnit(totals ...benefit.Amount) (string, int64) {
	for _, t := range totals {
		if t.Cmp(benefit.Yuan(1_000_000_000)) >= 0 {
			return "亿元", 100_000_000
		}
	}
	return "万元", 10_000
}

// scaled returns a ÷ unit rounded half-up to the fen, with thousands
// separators, for display.
func scaled(a benefit.Amount, unit int64) string {
	w, err := a.QuoInt(unit, benefit.FenHalfUp)
	if err != nil {
		return "?"
	}
	return group(w.String())
}

// group puts thousands separators into a plain decimal number for the
// text renderings; CSV and JSON never carry separators.
func group(s string) string { return texttable.Grouped(s) }

// level returns a level for a text table: whole yuan without decimals
// ("1,490"), otherwise with them ("143.50").
func level(a benefit.Amount) string {
	if f, ok := a.Fen(); ok && f%100 == 0 {
		return group(strconv.FormatInt(f/100, 10))
	}
	return group(a.String())
}

func signed(a benefit.Amount) string {
	if a.Sign() > 0 {
		return "+" + a.String()
	}
	return a.String()
}

func signedRate(r *benefit.Rate) string {
	if r == nil {
		return ""
	}
	if r.Sign() > 0 {
		return "+" + r.String()
	}
	return r.String()
}

func burden(r *benefit.Rate) string {
	if r == nil {
		return ""
	}
	return r.String()
}

// writeJSON writes v as indented JSON without HTML escaping (citations
// and names stay readable); the bytes depend only on v.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// wrap breaks text into lines of at most width bytes at spaces, each
// after the first starting with indent.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(text) {
		if i > 0 {
			if n+1+len(word) > width {
				b.WriteString("\n" + indent)
				n = len(indent)
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(word)
		n += len(word)
	}
	return b.String()
}
