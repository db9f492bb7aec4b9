package texttable

import (
	"strings"
	"testing"
)

func TestWidth(t *testing.T) {
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
		if got := Width(tt.s); got != tt.want {
			t.Errorf("Width(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestPad(t *testing.T) {
	if got := Pad("北京", 6, false); got != "北京  " {
		t.Errorf("left: %q", got)
	}
	if got := Pad("北京", 6, true); got != "  北京" {
		t.Errorf("right: %q", got)
	}
	if got := Pad("北京市", 4, false); got != "北京市" {
		t.Errorf("too wide is left as is: %q", got)
	}
}

// Columns line up by display width: each "|" below falls in the same
// terminal column although the rows hold different mixes of Han and
// ASCII characters.
func TestTableWrite(t *testing.T) {
	tb := Table{
		Header: []string{"code", "name", "tier", "share"},
		Rows: [][]string{
			{"110000", "北京市", "5", "10%"},
			{"150000", "内蒙古自治区", "1", "80%"},
			{"210200", "大连市 Dalian", "4", "30%"},
		},
		Right: []bool{false, false, true, true},
	}
	var b strings.Builder
	if err := tb.Write(&b); err != nil {
		t.Fatal(err)
	}
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
		if Width(line) != 34 {
			t.Errorf("line %d is %d columns wide, want 34: %q", i+1, Width(line), line)
		}
	}
}

func TestTableShortRowsAndTrailingSpace(t *testing.T) {
	tb := Table{Header: []string{"a", "bb"}, Rows: [][]string{{"1"}, {"22", "x", "extra"}}}
	var b strings.Builder
	if err := tb.Write(&b); err != nil {
		t.Fatal(err)
	}
	want := "a   bb\n--  --\n1\n22  x\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
