package output

import (
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"北京市", 6},          // three Han characters, two columns each
		{"国办发〔2018〕6号", 17}, // 国办发 6, 〔 2, 2018 4, 〕 2, 6 1, 号 2
		{"１２", 4},           // full-width digits
		{"é", 1},            // precomposed
		{"e\u0301", 1},      // e + combining acute accent
		{"한국", 4},           // Hangul syllables
	}
	for _, tt := range tests {
		if got := displayWidth(tt.s); got != tt.want {
			t.Errorf("displayWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// Where golang.org/x/text/width (Unicode 15.0's EastAsianWidth.txt)
// differs from the hand-written table it replaced, the library follows
// the standard: emoji and pictographs (W since Unicode 9), Hangul Jamo
// Extended-A, the vertical and small form variants and the Tangut and
// Kana supplement blocks are Wide; the circled numbers on black squares
// (U+3248..U+324F) are Ambiguous and the Yijing hexagrams (U+4DC0..
// U+4DFF) Neutral, one column outside a CJK locale, where the old table
// gave every code point from U+2E80 to U+A4CF two. No Chinese name, sign
// or figure in the data is among them.
func TestDisplayWidthFollowsUnicode(t *testing.T) {
	for r, want := range map[rune]int{
		'⌚': 2, '⭐': 2, '🀄': 2, '😀': 2, // emoji: W
		'ꥠ': 2,         // U+A960 Hangul Jamo Extended-A: W
		'︐': 2, '﹐': 2, // U+FE10 vertical comma, U+FE50 small comma: W
		'𗀀': 2, '𛀀': 2, // Tangut U+17000, Katakana supplement U+1B000: W
		'㉈': 1,         // U+3248 circled number ten on black square: A
		'䷀': 1,         // U+4DC0 hexagram for the creative heaven: N
		'〔': 2, '（': 2, // CJK and full-width brackets of the citations: W, F
		'—': 1, '×': 1, '≤': 1, // A, as in "— source", "10.00 × 2", "≤ national"
	} {
		if got := runeWidth(r); got != want {
			t.Errorf("runeWidth(%q U+%04X) = %d, want %d", r, r, got, want)
		}
	}
}

func TestPad(t *testing.T) {
	if got := pad("北京", 6, false); got != "北京  " {
		t.Errorf("left: %q", got)
	}
	if got := pad("北京", 6, true); got != "  北京" {
		t.Errorf("right: %q", got)
	}
	if got := pad("北京市", 4, false); got != "北京市" {
		t.Errorf("too wide is left as is: %q", got)
	}
}

func TestClip(t *testing.T) {
	for _, c := range []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"[V3] 上海市人力资源和社会保障局", 12, "[V3] 上海市…"}, // "[V3] " 5 + 上海市 6 = 11 = 12 − 1 columns; 人 would make 13
		{"abcdef", 4, "abc…"},
	} {
		if got := clip(c.s, c.n); got != c.want {
			t.Errorf("clip(%q, %d) = %q, want %q", c.s, c.n, got, c.want)
		}
	}
}

// Columns line up by display width: each "|" below falls in the same
// terminal column although the rows hold different mixes of Han and
// ASCII characters.
func TestTableWrite(t *testing.T) {
	tb := table{
		header: []string{"code", "name", "tier", "share"},
		rows: [][]string{
			{"110000", "北京市", "5", "10%"},
			{"150000", "内蒙古自治区", "1", "80%"},
			{"210200", "大连市 Dalian", "4", "30%"},
		},
		right: []bool{false, false, true, true},
	}
	var b strings.Builder
	tb.writeTo(&b)
	want := "" +
		"code    name           tier  share\n" +
		"------  -------------  ----  -----\n" +
		"110000  北京市            5    10%\n" +
		"150000  内蒙古自治区      1    80%\n" +
		"210200  大连市 Dalian     4    30%\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	for i, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if line != strings.TrimRight(line, " ") {
			t.Errorf("line %d has trailing spaces", i+1)
		}
		// 6 + 2 + 13 + 2 + 4 + 2 + 5 = 34 columns
		if displayWidth(line) != 34 {
			t.Errorf("line %d is %d columns wide, want 34: %q", i+1, displayWidth(line), line)
		}
	}
}

func TestTableShortRowsAndTrailingSpace(t *testing.T) {
	tb := table{header: []string{"a", "bb"}, rows: [][]string{{"1"}, {"22", "x", "extra"}}}
	var b strings.Builder
	tb.writeTo(&b)
	want := "a   bb\n--  --\n1\n22  x\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// Chinese names take two columns each, so the amounts still line up.
func TestTableChineseNames(t *testing.T) {
	tb := table{
		header: []string{"code", "地区", "owed 补发"},
		right:  []bool{false, false, true},
		rows: [][]string{
			{"140822", "万荣县", grouped("750000.00")},
			{"371723", "山东省 371723", grouped("1200000.00")},
		},
	}
	var b strings.Builder
	tb.writeTo(&b)
	want := "" +
		"code    地区              owed 补发\n" +
		"------  -------------  ------------\n" +
		"140822  万荣县           750,000.00\n" +
		"371723  山东省 371723  1,200,000.00\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestGrouped(t *testing.T) {
	for in, want := range map[string]string{
		"1200000.00":  "1,200,000.00", // Example B, owed
		"600000.00":   "600,000.00",
		"88150.00":    "88,150.00",
		"7345.83":     "7,345.83",
		"-1234.5":     "-1,234.5",
		"999":         "999",
		"1000":        "1,000",
		"0.125":       "0.125",
		"":            "",
		"n/a":         "n/a",
		"12a4.00":     "12a4.00",
		"100000000.5": "100,000,000.5",
	} {
		if got := grouped(in); got != want {
			t.Errorf("grouped(%q) = %q, want %q", in, got, want)
		}
	}
}

// Thousands separators of amounts, by hand: the digits are those of the
// amount, grouped in threes from the point.
func TestGroupedAmount(t *testing.T) {
	for in, want := range map[string]string{
		"0":                  "0.00",
		"123":                "123.00",
		"999.99":             "999.99",
		"1000":               "1,000.00",
		"60000":              "60,000.00",
		"123456":             "123,456.00",
		"1200000":            "1,200,000.00",
		"-5000.5":            "-5,000.50",
		"-1234.5":            "-1,234.50",
		"88149.96":           "88,149.96",
		"1818.0000":          "1,818.00",
		"999999.999":         "999,999.999",
		"40244216.27":        "40,244,216.27",
		"999999999999999.99": "999,999,999,999,999.99",
	} {
		if got := groupedAmount(benefit.MustParseAmount(in)); got != want {
			t.Errorf("groupedAmount(%s) = %q, want %q", in, got, want)
		}
	}
	if got := groupedInt(1234567); got != "1,234,567" {
		t.Errorf("groupedInt(1234567) = %s", got)
	}
}
