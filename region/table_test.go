package region_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/csvin"
	"github.com/benefitstd/benefitstd/region"
)

// Fiscal tiers of 国办发〔2018〕6号 (policy-reference §7): 第一档 80 %,
// 第二档 60 %, 第三档 50 %, 第四档 30 %, 第五档 10 %, and a 计划单列市
// takes its own tier (第四档) before its province's.
func TestTiers(t *testing.T) {
	tests := []struct {
		code  string
		tier  region.Tier
		share string
		why   string
	}{
		{"210200", 4, "30%", "大连 is a 计划单列市 in 第四档"},
		{"210000", 3, "50%", "辽宁 is in 第三档"},
		{"210100", 3, "50%", "沈阳 is not a 计划单列市: Liaoning's tier"},
		{"310000", 5, "10%", "上海 is in 第五档"},
		{"110000", 5, "10%", "北京 is in 第五档"},
		{"540000", 1, "80%", "西藏 is in 第一档"},
		{"440300", 4, "30%", "深圳 is a 计划单列市 in 第四档"},
		{"440000", 4, "30%", "广东 is in 第四档"},
		{"330203", 4, "30%", "a county under 宁波 (计划单列市) takes Ningbo's tier"},
		{"330200", 4, "30%", "宁波"},
		{"350200", 4, "30%", "厦门 (Fujian is 第三档)"},
		{"350000", 3, "50%", "福建"},
		{"370200", 4, "30%", "青岛 (Shandong is 第三档)"},
		{"370000", 3, "50%", "山东"},
		{"371723", 3, "50%", "a county in Shandong outside Qingdao"},
		{"410000", 2, "60%", "河南 is in 第二档"},
		{"140822", 2, "60%", "万荣县, in 山西 (第二档)"},
		{"500000", 1, "80%", "重庆"},
		{"650000", 1, "80%", "新疆"},
	}
	tb := region.Default()
	for _, tt := range tests {
		c := region.MustParseCode(tt.code)
		tr, err := tb.Tier(c)
		if err != nil {
			t.Errorf("%s: %v", tt.code, err)
			continue
		}
		if tr != tt.tier {
			t.Errorf("%s tier %s, want %d (%s)", tt.code, tr, tt.tier, tt.why)
		}
		sh, err := tb.CentralShare(c)
		if err != nil || sh.String() != tt.share {
			t.Errorf("%s share %s %v, want %s (%s)", tt.code, sh, err, tt.share, tt.why)
		}
	}
	if _, err := tb.Tier(region.Code{}); !errors.Is(err, region.ErrInvalidCode) {
		t.Errorf("zero code: %v", err)
	}
	if _, err := tb.CentralShare(region.Code{}); err == nil {
		t.Error("zero code has a share")
	}
	// Province 66 parses (65 is the last one in use) only up to 65; a
	// well-formed code in a province with no tier is an error.
	if _, err := tb.Tier(region.MustParseCode("160000")); !errors.Is(err, region.ErrUnknownRegion) {
		t.Errorf("160000: %v", err)
	}
	if c := tb.TierCitation(); c.Doc != "国办发〔2018〕6号" {
		t.Errorf("tier citation %+v", c)
	}
}

// Every one of the 31 provinces has a tier, and the tiers hold 12, 10,
// 3, 4 and 2 provinces (policy-reference §7).
func TestEveryProvinceHasATier(t *testing.T) {
	tb := region.Default()
	provs := tb.Provinces()
	if len(provs) != 31 {
		t.Fatalf("%d provinces, want 31", len(provs))
	}
	count := map[region.Tier]int{}
	for _, p := range provs {
		tr, err := tb.Tier(p.Code)
		if err != nil {
			t.Errorf("%s %s: %v", p.Code, p.Name, err)
			continue
		}
		count[tr]++
		if p.Name == "" || p.NameEN == "" {
			t.Errorf("%s lacks a name", p.Code)
		}
	}
	want := map[region.Tier]int{1: 12, 2: 10, 3: 3, 4: 4, 5: 2}
	for tr, n := range want {
		if count[tr] != n {
			t.Errorf("tier %s has %d provinces, want %d", tr, count[tr], n)
		}
	}
}

func TestResolveAndName(t *testing.T) {
	tb := region.Default()
	d, err := tb.Resolve(region.MustParseCode("140822"))
	if err != nil || d.Name != "万荣县" {
		t.Errorf("140822: %+v %v", d, err)
	}
	// A county code absent from the table still resolves by code, and
	// its province is known.
	c := region.MustParseCode("140899")
	d, err = tb.Resolve(c)
	if err != nil {
		t.Fatalf("140899: %v", err)
	}
	if d.Code != c || d.Name != "" {
		t.Errorf("140899 resolved to %+v", d)
	}
	p, _ := tb.Lookup(d.Code.Province())
	if p.Name != "山西省" {
		t.Errorf("province of 140899: %+v", p)
	}
	if tr, err := tb.Tier(c); err != nil || tr != 2 {
		t.Errorf("tier of 140899: %s %v", tr, err)
	}
	if got := tb.Name(c); got != "运城市 140899" {
		t.Errorf("Name(140899) = %q", got)
	}
	if got := tb.Name(region.MustParseCode("149999")); got != "山西省 149999" {
		t.Errorf("Name(149999) = %q", got)
	}
	if got := tb.Name(region.MustParseCode("210200")); got != "大连市" {
		t.Errorf("Name(210200) = %q", got)
	}
	if got := tb.Name(region.MustParseCode("160101")); got != "160101" {
		t.Errorf("Name(160101) = %q", got)
	}
	if _, err := tb.Resolve(region.MustParseCode("160101")); !errors.Is(err, region.ErrUnknownRegion) {
		t.Errorf("160101: %v", err)
	}
	if _, err := tb.Resolve(region.Code{}); !errors.Is(err, region.ErrInvalidCode) {
		t.Errorf("zero: %v", err)
	}
	if _, ok := tb.Lookup(c); ok {
		t.Error("Lookup names an absent code")
	}
}

// The five 计划单列市 are in the embedded table with their names.
func TestPlanSeparateCities(t *testing.T) {
	tb := region.Default()
	for code, name := range map[string]string{"210200": "大连市", "330200": "宁波市", "350200": "厦门市", "370200": "青岛市", "440300": "深圳市"} {
		d, ok := tb.Lookup(region.MustParseCode(code))
		if !ok || d.Name != name || d.NameEN == "" {
			t.Errorf("%s: %+v %v", code, d, ok)
		}
	}
	var codes []string
	for d := range tb.All() {
		codes = append(codes, d.Code.String())
	}
	if !slices.IsSorted(codes) {
		t.Error("All is not in code order")
	}
}

func TestGroups(t *testing.T) {
	tb := region.Default()
	m := region.MustParseCode
	var names []string
	for _, g := range tb.Groups() {
		names = append(names, g.Name)
	}
	for _, n := range []string{"京津冀", "长三角", "粤港澳大湾区", "成渝"} {
		if !slices.Contains(names, n) {
			t.Errorf("no group %s", n)
		}
	}
	yrd, ok := tb.Group("yangtze_delta")
	if !ok || yrd.Name != "长三角" {
		t.Fatalf("yangtze_delta: %+v", yrd)
	}
	for _, c := range []string{"330200", "330203", "310000", "320000", "340000"} {
		if !yrd.Contains(m(c)) {
			t.Errorf("长三角 lacks %s", c)
		}
	}
	if yrd.Contains(m("350200")) {
		t.Error("长三角 contains 厦门")
	}
	gba, _ := tb.Group("greater_bay_area")
	if !gba.Contains(m("440300")) || !gba.Contains(m("440305")) {
		t.Error("粤港澳大湾区 lacks 深圳")
	}
	if gba.Contains(m("440000")) || gba.Contains(m("440500")) {
		t.Error("粤港澳大湾区 holds the whole of Guangdong or 汕头")
	}
	jjj, _ := tb.Group("jingjinji")
	if !jjj.Contains(m("130100")) {
		t.Error("京津冀 lacks 石家庄")
	}
	gs := tb.GroupsOf(m("330203"))
	if len(gs) != 1 || gs[0].Name != "长三角" {
		t.Errorf("GroupsOf(330203) = %+v", gs)
	}
	if gs := tb.GroupsOf(m("540000")); len(gs) != 0 {
		t.Errorf("Tibet is in %+v", gs)
	}
	if _, ok := tb.Group("nowhere"); ok {
		t.Error("unknown group found")
	}
	// Groups hands out copies.
	g := tb.Groups()
	g[0].Members[0] = m("650000")
	if tb.Groups()[0].Members[0] == m("650000") {
		t.Error("Groups shares its slices")
	}
}

func openData(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// A fuller division table, in UTF-8 with a BOM and CRLF line ends, as
// Excel writes "CSV UTF-8".
func TestWithDivisions(t *testing.T) {
	base := region.Default()
	tb, err := base.WithDivisions(openData(t, "divisions_bom_crlf.csv"), "divisions_bom_crlf.csv")
	if err != nil {
		t.Fatal(err)
	}
	d, ok := tb.Lookup(region.MustParseCode("140821"))
	if !ok || d.Name != "临猗县" || d.NameEN != "Linyi County" {
		t.Errorf("140821: %+v %v", d, ok)
	}
	d, _ = tb.Lookup(region.MustParseCode("330203"))
	if d.Name != "海曙区" {
		t.Errorf("330203: %+v", d)
	}
	if tb.Name(region.MustParseCode("140821")) != "临猗县" {
		t.Error("Name")
	}
	// The base table is unchanged.
	if _, ok := base.Lookup(region.MustParseCode("140821")); ok {
		t.Error("WithDivisions changed the receiver")
	}
	// Tiers and groups carry over.
	if tr, _ := tb.Tier(region.MustParseCode("330203")); tr != 4 {
		t.Errorf("tier %s", tr)
	}
	n := 0
	for range tb.All() {
		n++
	}
	m := 0
	for range base.All() {
		m++
	}
	if n != m+3 {
		t.Errorf("%d divisions, want %d + 3", n, m)
	}
}

// Bad division files fail with a *benefit.RecordError naming file,
// line and field, and add nothing.
func TestWithDivisionsErrors(t *testing.T) {
	tests := []struct {
		file  string
		line  int
		field string
		want  error
		text  string
	}{
		{"divisions_gbk.csv", 2, "name", csvin.ErrNotUTF8, "GBK"},
		{"divisions_bad_code.csv", 3, "code", region.ErrInvalidCode, "14082x"},
		{"divisions_dup.csv", 4, "code", benefit.ErrSyntax, "already on line 2"},
		{"divisions_no_name.csv", 2, "name", benefit.ErrSyntax, "empty name"},
		{"divisions_unknown_col.csv", 1, "tier", benefit.ErrSyntax, `unknown column "tier"`},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			tb, err := region.Default().WithDivisions(openData(t, tt.file), tt.file)
			if tb != nil {
				t.Error("a table was returned with the error")
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			var re *benefit.RecordError
			if !errors.As(err, &re) {
				t.Fatalf("%T is not a *benefit.RecordError", err)
			}
			if re.File != tt.file || re.Line != tt.line || re.Field != tt.field {
				t.Errorf("got %s:%d %q, want %s:%d %q", re.File, re.Line, re.Field, tt.file, tt.line, tt.field)
			}
			if !strings.Contains(err.Error(), tt.text) {
				t.Errorf("%q lacks %q", err, tt.text)
			}
		})
	}
}

func TestTierString(t *testing.T) {
	if region.Tier(3).String() != "3" || !region.Tier(5).IsValid() || region.Tier(0).IsValid() || region.Tier(6).IsValid() {
		t.Error("Tier")
	}
}

// The default table is shared between goroutines; under -race this
// finds any hidden mutation, and every goroutine sees the same answers.
func TestConcurrentUse(t *testing.T) {
	done := make(chan string, 8)
	for range 8 {
		go func() {
			var out strings.Builder
			tb := region.Default()
			for range 20 {
				for d := range tb.All() {
					tr, _ := tb.Tier(d.Code)
					sp, _ := tb.Split("pension.resident.basic", d.Code, benefit.Yuan(1001), benefit.Yuan(1001))
					out.WriteString(d.Code.String() + tr.String() + sp.Central.String())
				}
				for _, g := range tb.GroupsOf(region.MustParseCode("330203")) {
					out.WriteString(g.ID)
				}
			}
			done <- out.String()
		}()
	}
	first := <-done
	for range 7 {
		if got := <-done; got != first {
			t.Fatal("goroutines saw different results")
		}
	}
}

// Group and GroupsOf hand out copies too: a caller who edits the member
// list it got (to try a wider 长三角, say) leaves the shared table alone.
// 长三角 is Shanghai, Jiangsu, Zhejiang and Anhui (package doc), so
// Shanghai 310000 must stay a member.
func TestGroupAndGroupsOfAreCopies(t *testing.T) {
	tb := region.Default()
	m := region.MustParseCode
	yrd, _ := tb.Group("yangtze_delta")
	for i := range yrd.Members {
		yrd.Members[i] = m("650000")
	}
	for _, g := range tb.GroupsOf(m("310000")) {
		for i := range g.Members {
			g.Members[i] = m("650000")
		}
	}
	again, _ := tb.Group("yangtze_delta")
	if !again.Contains(m("310000")) || again.Contains(m("650000")) {
		t.Errorf("the shared 长三角 changed: %v", again.Members)
	}
}
