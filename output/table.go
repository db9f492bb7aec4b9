package output

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// The text renderings lay out tables whose cells hold Chinese names, so
// columns are padded by display width, measured here once for every
// format that needs it (text now, a workbook's column widths later).

// displayWidth returns the number of terminal columns s takes: 2 for a
// character whose East Asian Width (Unicode Standard Annex #11, from
// golang.org/x/text/width) is Wide or Fullwidth, 0 for a combining mark
// (it joins the character before it) or an invalid byte, 1 otherwise
// (Narrow, Halfwidth, Neutral and Ambiguous: a terminal outside a CJK
// locale gives an Ambiguous character such as "—" or "×" one column).
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	if r < utf8.RuneSelf {
		return 1 // ASCII: every table cell is mostly digits and letters
	}
	if r == utf8.RuneError || unicode.Is(unicode.Mn, r) {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// pad returns s padded with spaces to n columns, on the right (left-
// aligned) or, when right is true, on the left.
func pad(s string, n int, right bool) string {
	k := n - displayWidth(s)
	if k <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", k) + s
	}
	return s + strings.Repeat(" ", k)
}

// clip cuts s to at most n display columns, ending it with "…" when cut.
func clip(s string, n int) string {
	if displayWidth(s) <= n {
		return s
	}
	var b strings.Builder
	w := 0
	for _, r := range s {
		rw := runeWidth(r)
		if w+rw > n-1 {
			break
		}
		b.WriteRune(r)
		w += rw
	}
	return b.String() + "…"
}

// A table is a header and rows of text cells; right marks the
// right-aligned columns (numbers).
type table struct {
	header []string
	rows   [][]string
	right  []bool
}

// writeTo appends t to b: two spaces between columns, a rule of dashes
// under the header, each column as wide as its widest cell, trailing
// spaces trimmed. A row shorter than the header leaves its last columns
// empty; cells beyond the header are dropped.
func (t *table) writeTo(b *strings.Builder) {
	widths := make([]int, len(t.header))
	for i, h := range t.header {
		widths[i] = displayWidth(h)
	}
	for _, row := range t.rows {
		for i, c := range row {
			if i < len(widths) {
				widths[i] = max(widths[i], displayWidth(c))
			}
		}
	}
	var l strings.Builder
	line := func(cells []string) {
		l.Reset()
		for i, c := range cells {
			if i >= len(widths) {
				break
			}
			if i > 0 {
				l.WriteString("  ")
			}
			l.WriteString(pad(c, widths[i], i < len(t.right) && t.right[i]))
		}
		b.WriteString(strings.TrimRight(l.String(), " "))
		b.WriteByte('\n')
	}
	line(t.header)
	rule := make([]string, len(widths))
	for i, w := range widths {
		rule[i] = strings.Repeat("-", w)
	}
	line(rule)
	for _, row := range t.rows {
		line(row)
	}
}

// grouped puts thousands separators into the integer part of a plain
// decimal number, as the text renderings show amounts and head counts
// to people: "1200000.00" → "1,200,000.00", "-1234.5" → "-1,234.5". Any
// other text is returned unchanged; nothing is rounded. CSV and JSON
// never carry separators.
func grouped(s string) string {
	sign, digits := "", s
	if strings.HasPrefix(digits, "-") || strings.HasPrefix(digits, "+") {
		sign, digits = digits[:1], digits[1:]
	}
	intPart, frac, hasFrac := strings.Cut(digits, ".")
	if intPart == "" || strings.Trim(intPart, "0123456789") != "" {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(intPart)/3)
	b.WriteString(sign)
	for i := 0; i < len(intPart); i++ {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(intPart[i])
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}
