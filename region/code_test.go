package region_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

func TestParseCode(t *testing.T) {
	c, err := region.ParseCode("140822") // 万荣县, checked in cn/GB2260 (policy-reference §8)
	if err != nil {
		t.Fatal(err)
	}
	if c.String() != "140822" || !c.IsValid() {
		t.Errorf("got %q", c)
	}
	for _, s := range []string{"", "14082", "1408220", "14082x", "14 822", "+40822", "-40822", "１４０８２２", "000000", "100000", "660000", "810000", "710000", "990000",
		// six digits, but the first two are no province's: the 31 are 11-15,
		// 21-23, 31-37, 41-46, 50-54 and 61-65 (GB/T 2260)
		"160000", "160101", "200000", "240000", "300000", "380000", "470000", "550000", "600000"} {
		_, err := region.ParseCode(s)
		if !errors.Is(err, region.ErrInvalidCode) {
			t.Errorf("%q: got %v, want ErrInvalidCode", s, err)
		}
		var ce *region.CodeError
		if !errors.As(err, &ce) || ce.Input != s {
			t.Errorf("%q: want *CodeError with the input, got %#v", s, err)
		}
	}
	var z region.Code
	if z.IsValid() || z.String() != "" {
		t.Error("zero Code")
	}
}

func TestLevelAndParents(t *testing.T) {
	tests := []struct {
		code  string
		level region.Rank
		chain []string // Ancestors, nearest first
	}{
		// 140822 万荣县 → 140800 运城市 → 140000 山西省 (policy-reference §8)
		{"140822", region.County, []string{"140800", "140000"}},
		{"140800", region.Prefecture, []string{"140000"}},
		{"140000", region.Province, nil},
		// 330203 (a district of Ningbo) → 330200 宁波市 → 330000 浙江省
		{"330203", region.County, []string{"330200", "330000"}},
		// 429004 仙桃市, under Hubei's 省直辖 summary code 4290: the chain
		// follows the digits
		{"429004", region.County, []string{"429000", "420000"}},
		// 110101 东城区 → 110100 市辖区 → 110000 北京市
		{"110101", region.County, []string{"110100", "110000"}},
		// 441900 东莞市, a prefecture-level city
		{"441900", region.Prefecture, []string{"440000"}},
	}
	for _, tt := range tests {
		c := region.MustParseCode(tt.code)
		if c.Rank() != tt.level {
			t.Errorf("%s level %s, want %s", c, c.Rank(), tt.level)
		}
		var got []string
		for _, a := range c.Ancestors() {
			got = append(got, a.String())
		}
		if !slices.Equal(got, tt.chain) {
			t.Errorf("%s ancestors %v, want %v", c, got, tt.chain)
		}
		if len(tt.chain) > 0 {
			p, ok := c.Parent()
			if !ok || p.String() != tt.chain[0] {
				t.Errorf("%s parent %s %v", c, p, ok)
			}
			if c.Province().String() != tt.chain[len(tt.chain)-1] {
				t.Errorf("%s province %s", c, c.Province())
			}
		} else if _, ok := c.Parent(); ok {
			t.Errorf("%s has a parent", c)
		}
	}
	if p, ok := region.MustParseCode("140822").Prefecture(); !ok || p.String() != "140800" {
		t.Errorf("Prefecture of 140822: %s %v", p, ok)
	}
	if _, ok := region.MustParseCode("460000").Prefecture(); ok {
		t.Error("a province has no prefecture")
	}
	for l, s := range map[region.Rank]string{region.Province: "province", region.Prefecture: "prefecture", region.County: "county", 0: "Rank(0)"} {
		if l.String() != s {
			t.Errorf("%d: %s", l, l)
		}
	}
}

func TestContainsCompare(t *testing.T) {
	m := region.MustParseCode
	if !m("140000").Contains(m("140822")) || !m("140800").Contains(m("140822")) || !m("140822").Contains(m("140822")) {
		t.Error("Contains down the chain")
	}
	if m("140822").Contains(m("140800")) || m("140700").Contains(m("140822")) || m("330000").Contains(m("140822")) {
		t.Error("Contains up or across")
	}
	cs := []region.Code{m("330200"), m("140822"), m("110000")}
	slices.SortFunc(cs, region.Code.Compare)
	if cs[0] != m("110000") || cs[2] != m("330200") {
		t.Errorf("sorted %v", cs)
	}
	seen := map[region.Code]bool{m("140822"): true}
	if !seen[m("140822")] {
		t.Error("codes are map keys")
	}
}

// Levels read and write as the level column of the divisions file does.
func TestLevelText(t *testing.T) {
	for _, s := range []string{"province", "prefecture", "county"} {
		var l region.Rank
		if err := l.UnmarshalText([]byte(s)); err != nil || l.String() != s {
			t.Errorf("%s: %s %v", s, l, err)
		}
		if b, err := l.MarshalText(); err != nil || string(b) != s {
			t.Errorf("%s: %s %v", s, b, err)
		}
	}
	for _, s := range []string{"", "County", "省级", "town"} {
		if _, err := region.ParseRank(s); !errors.Is(err, benefit.ErrSyntax) {
			t.Errorf("%q: %v", s, err)
		}
	}
	if b, err := region.Rank(0).MarshalText(); err != nil || len(b) != 0 {
		t.Errorf("the zero Level marshals as %q %v, want nothing", b, err)
	}
	if _, err := region.Rank(7).MarshalText(); !errors.Is(err, benefit.ErrSyntax) {
		t.Errorf("Level(7): %v", err)
	}
}

func TestCodeText(t *testing.T) {
	var c region.Code
	if err := c.UnmarshalText([]byte("440300")); err != nil || c.String() != "440300" {
		t.Fatalf("%v %s", err, c)
	}
	if err := c.UnmarshalText([]byte("4403")); !errors.Is(err, region.ErrInvalidCode) {
		t.Errorf("got %v", err)
	}
	if c.String() != "440300" {
		t.Error("failed UnmarshalText changed the code")
	}
	b, _ := c.MarshalText()
	if string(b) != "440300" {
		t.Errorf("%s", b)
	}
}

func TestMustParseCodePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic")
		}
	}()
	region.MustParseCode("1408")
}
