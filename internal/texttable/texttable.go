package texttable

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Width returns the number of terminal columns s takes: 2 for East Asian
// wide and full-width characters, 0 for combining marks, 1 otherwise.
func Width(s string) int {
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

func runeWidth(r rune) int {
	switch {
	case r == utf8.RuneError || unicode.Is(unicode.Mn, r):
		return 0
	case r >= 0x1100 && (r <= 0x115F || // Hangul Jamo
		r == 0x2329 || r == 0x232A ||
		(r >= 0x2E80 && r <= 0xA4CF && r != 0x303F) || // CJK radicals … Yi
		(r >= 0xAC00 && r <= 0xD7A3) || // Hangul syllables
		(r >= 0xF900 && r <= 0xFAFF) || // CJK compatibility ideographs
		(r >= 0xFE30 && r <= 0xFE4F) || // CJK compatibility forms
		(r >= 0xFF00 && r <= 0xFF60) || // full-width forms
		(r >= 0xFFE0 && r <= 0xFFE6) ||
		(r >= 0x20000 && r <= 0x3FFFD)):
		return 2
	}
	return 1
}

// Pad returns s padded with spaces to width w (left-aligned), or right-
// aligned when right is true.
func Pad(s string, w int, right bool) string {
	n := w - Width(s)
	if n <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", n) + s
	}
	return s + strings.Repeat(" ", n)
}

// Table is a header and rows; Right marks right-aligned columns (numbers).
type Table struct {
	Header []string
	Rows   [][]string
	Right  []bool
}

// Write writes t with two spaces between columns and a rule under the
// header. Trailing spaces are trimmed.
func (t Table) Write(w io.Writer) error {
	widths := make([]int, len(t.Header))
	for i, h := range t.Header {
		widths[i] = Width(h)
	}
	for _, row := range t.Rows {
		for i, c := range row {
			if i < len(widths) && Width(c) > widths[i] {
				widths[i] = Width(c)
			}
		}
	}
	var b strings.Builder
	line := func(cells []string) {
		var l strings.Builder
		for i, c := range cells {
			if i >= len(widths) {
				break
			}
			if i > 0 {
				l.WriteString("  ")
			}
			right := i < len(t.Right) && t.Right[i]
			l.WriteString(Pad(c, widths[i], right))
		}
		b.WriteString(strings.TrimRight(l.String(), " "))
		b.WriteByte('\n')
	}
	line(t.Header)
	rule := make([]string, len(widths))
	for i, w := range widths {
		rule[i] = strings.Repeat("-", w)
	}
	line(rule)
	for _, row := range t.Rows {
		line(row)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Grouped puts thousands separators into the integer part of a plain
// decimal number, as text renderings show amounts to people:
// "1200000.00" → "1,200,000.00", "-1234.5" → "-1,234.5". Any other text
// is returned unchanged. CSV and JSON never carry separators.
func Grouped(s string) string {
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
