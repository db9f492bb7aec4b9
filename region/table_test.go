package region_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
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
	// A well-formed code the table does not hold has no tier: 140899 would
	// read as a county of 运城市 by its digits, but 运城's counties end at
	// 140882 in the 2023 table.
	var ce *region.CodeError
	if _, err := tb.Tier(region.MustParseCode("140899")); !errors.Is(err, region.ErrUnknownRegion) || !errors.As(err, &ce) || ce.Input != "140899" {
		t.Errorf("140899: %v", err)
	}
	// data-additions 2026-12 §3: the Xinhua repost lists exactly these
	// tiers and members, so they are V3 now, in force 2019-01-01.
	if c := tb.TierCitation(); c.Doc != "国办发〔2018〕6号" || c.Confidence != "V3" || !strings.Contains(c.Title, "2019-01-01") {
		t.Errorf("tier citation %+v", c)
	}
}

// Every one of the 31 provinces has a tier, and the tiers hold 12, 10,
// 3, 4 and 2 provinces (policy-reference §7).
func TestEveryProvinceHasATier(t *testing.T) {
	tb := region.Default()
	provs := slices.DeleteFunc(slices.Collect(tb.All()), func(d region.Division) bool { return d.Rank != region.Province })
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

// The embedded table is the NBS 2023 statistical division table
// (data-additions 2026-12 §7): 3,348 codes, 31 provinces, 342
// prefecture-level units, 2,975 county-level units, 124 of them
// statistical units with fifth and sixth digits 71-80.
func TestDefaultTable(t *testing.T) {
	tb := region.Default()
	if tb.Len() != 3348 {
		t.Errorf("%d divisions, want 3,348", tb.Len())
	}
	levels := map[region.Rank]int{}
	stats := 0
	for d := range tb.All() {
		levels[d.Rank]++
		if d.StatisticalOnly {
			stats++
			if n := d.Code.String(); n[4:] < "71" || n[4:] > "80" {
				t.Errorf("%s %s is statistical-only but its digits 5-6 are not 71-80", d.Code, d.Name)
			}
		}
		if d.Name == "" || d.Rank != d.Code.Rank() {
			t.Errorf("%+v", d)
		}
	}
	if levels[region.Province] != 31 || levels[region.Prefecture] != 342 || levels[region.County] != 2975 || stats != 124 {
		t.Errorf("levels %v, %d statistical-only; want 31/342/2975 and 124", levels, stats)
	}
	if provs := slices.DeleteFunc(slices.Collect(tb.All()), func(d region.Division) bool { return d.Rank != region.Province }); len(provs) != 31 {
		t.Errorf("%d provinces", len(provs))
	}
}

// Names, levels and parents straight from divisions-2023.csv.
func TestResolveAndAncestors(t *testing.T) {
	tb := region.Default()
	tests := []struct {
		code, name string
		level      region.Rank
		stats      bool
		chain      []string // Ancestors, nearest first
	}{
		{"371723", "成武县", region.County, false, []string{"371700", "370000"}},
		{"371700", "菏泽市", region.Prefecture, false, []string{"370000"}},
		{"370000", "山东省", region.Province, false, nil},
		{"429004", "仙桃市", region.County, false, []string{"429000", "420000"}},
		{"429000", "省直辖县级行政区划", region.Prefecture, false, []string{"420000"}},
		{"441900", "东莞市", region.Prefecture, false, []string{"440000"}},
		{"460400", "儋州市", region.Prefecture, false, []string{"460000"}},
		{"130171", "石家庄高新技术产业开发区", region.County, true, []string{"130100", "130000"}},
		{"110101", "东城区", region.County, false, []string{"110100", "110000"}},
		{"500230", "丰都县", region.County, false, []string{"500200", "500000"}},
		{"140822", "万荣县", region.County, false, []string{"140800", "140000"}},
	}
	for _, tt := range tests {
		c := region.MustParseCode(tt.code)
		d, err := tb.Resolve(c)
		if err != nil {
			t.Errorf("%s: %v", tt.code, err)
			continue
		}
		if d.Code != c || d.Name != tt.name || d.Rank != tt.level || d.StatisticalOnly != tt.stats || tb.Name(c) != tt.name {
			t.Errorf("%s: %+v, want %s %s statistical-only %v", tt.code, d, tt.name, tt.level, tt.stats)
		}
		anc, err := tb.Ancestors(c)
		var got []string
		for _, a := range anc {
			got = append(got, a.String())
		}
		if err != nil || !slices.Equal(got, tt.chain) {
			t.Errorf("%s ancestors %v %v, want %v", tt.code, got, err, tt.chain)
		}
		if len(tt.chain) > 0 && d.Parent.String() != tt.chain[0] || len(tt.chain) == 0 && d.Parent.IsValid() {
			t.Errorf("%s parent %s, want the first of %v", tt.code, d.Parent, tt.chain)
		}
	}
}

// Every division's recorded parent is in the table, one level or more
// up, in the same province, and is the one the digits give: so
// Code.Parent and the table agree on the embedded data.
func TestDefaultParentsAgreeWithDigits(t *testing.T) {
	tb := region.Default()
	for d := range tb.All() {
		p, ok := d.Code.Parent()
		if d.Rank == region.Province {
			if ok || d.Parent.IsValid() {
				t.Errorf("province %s has parent %s", d.Code, d.Parent)
			}
			continue
		}
		if _, held := tb.Lookup(d.Parent); !held || d.Parent != p || d.Parent.Rank() >= d.Rank {
			t.Errorf("%s %s: parent %s, digits give %s", d.Code, d.Name, d.Parent, p)
		}
	}
}

// A code not in the table is bad input: no name is made up for it, and
// every method that resolves it says ErrUnknownRegion with the code.
func TestUnknownCode(t *testing.T) {
	tb := region.Default()
	// 419999: 河南's 省直辖 summary 4190 has only 419001 济源市; 140899:
	// 运城's counties end at 140882 (divisions-2023.csv).
	for _, s := range []string{"419999", "140899", "110199"} {
		c := region.MustParseCode(s)
		if _, ok := tb.Lookup(c); ok {
			t.Errorf("%s is held", s)
		}
		if got := tb.Name(c); got != s {
			t.Errorf("Name(%s) = %q, want the digits alone", s, got)
		}
		_, e1 := tb.Resolve(c)
		_, e2 := tb.Ancestors(c)
		_, e3 := tb.Under(c)
		_, e4 := tb.Tier(c)
		_, e5 := tb.CentralShare(c)
		_, e6 := tb.GroupsOf(c)
		_, e7 := tb.Split("pension.resident.basic", c, benefit.Yuan(1), benefit.Yuan(1))
		for i, err := range []error{e1, e2, e3, e4, e5, e6, e7} {
			var ce *region.CodeError
			if !errors.Is(err, region.ErrUnknownRegion) || errors.Is(err, region.ErrInvalidCode) || !errors.As(err, &ce) || ce.Input != s {
				t.Errorf("%s, method %d: %v", s, i+1, err)
			}
		}
	}
	_, err := tb.Resolve(region.MustParseCode("419999"))
	if want := "region: unknown region 419999: not a division of the table"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got %v, want %q…", err, want)
	}
	if _, err := tb.Resolve(region.Code{}); !errors.Is(err, region.ErrInvalidCode) {
		t.Errorf("zero: %v", err)
	}
	if _, err := tb.Ancestors(region.Code{}); !errors.Is(err, region.ErrInvalidCode) {
		t.Errorf("zero: %v", err)
	}
}

// Under gives a division's tree: 441900 东莞市 has no county-level unit
// under it; 371700 菏泽市 has 牡丹区 371702, 定陶区 371703, seven counties
// 371721-371728 (no 371727) and two statistical units, 371771
// 菏泽经济技术开发区 and 371772 菏泽高新技术开发区 (divisions-2023.csv).
func TestUnder(t *testing.T) {
	tb := region.Default()
	d, err := tb.Under(region.MustParseCode("441900"))
	if err != nil || len(d) != 1 || d[0].Name != "东莞市" {
		t.Errorf("东莞: %+v %v", d, err)
	}
	d, err = tb.Under(region.MustParseCode("371700"))
	var codes []string
	for _, x := range d {
		codes = append(codes, x.Code.String())
	}
	want := []string{"371700", "371702", "371703", "371721", "371722", "371723", "371724", "371725", "371726", "371728", "371771", "371772"}
	if err != nil || !slices.Equal(codes, want) {
		t.Errorf("菏泽: %v %v, want %v", codes, err, want)
	}
	d, _ = tb.Under(region.MustParseCode("370000"))
	if d[0].Code.String() != "370000" || len(d) < len(want) {
		t.Errorf("山东: %d divisions", len(d))
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
	gs, err := tb.GroupsOf(m("330203"))
	if err != nil || len(gs) != 1 || gs[0].Name != "长三角" {
		t.Errorf("GroupsOf(330203) = %+v %v", gs, err)
	}
	if gs, err := tb.GroupsOf(m("540000")); err != nil || len(gs) != 0 {
		t.Errorf("Tibet is in %+v %v", gs, err)
	}
	// 粤港澳大湾区 holds nine mainland cities; 东莞 441900 is one, 汕头
	// 440500 is not.
	if gs, _ := tb.GroupsOf(m("441900")); len(gs) != 1 || gs[0].ID != "greater_bay_area" {
		t.Errorf("GroupsOf(东莞) = %+v", gs)
	}
	if gs, _ := tb.GroupsOf(m("440507")); len(gs) != 0 {
		t.Errorf("GroupsOf(汕头 龙湖区) = %+v", gs)
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

// Historical divisions, in UTF-8 with a BOM and CRLF line ends, as Excel
// writes "CSV UTF-8". From the MCA list of 2016-12 (cn/GB2260
// mca/201612.tsv): 371200 莱芜市 with 371202 莱城区 and 371203 钢城区
// (merged into 济南 in 2019; the 2023 table has 370116 莱芜区 and 370117
// 钢城区 instead); and 469003 儋州市, a county-level city that MCA lists
// directly under 海南省 until 2015, when 儋州 became the prefecture-level
// 460400. The file names 371200 after its districts.
func TestWithDivisions(t *testing.T) {
	base := region.Default()
	tb, err := base.WithDivisions(openData(t, "divisions_bom_crlf.csv"), "divisions_bom_crlf.csv")
	if err != nil {
		t.Fatal(err)
	}
	m := region.MustParseCode
	d, ok := tb.Lookup(m("371202"))
	if !ok || d.Name != "莱城区" || d.NameEN != "Laicheng District" || d.Rank != region.County || d.Parent != m("371200") {
		t.Errorf("371202: %+v %v", d, ok)
	}
	anc, err := tb.Ancestors(m("371203"))
	if err != nil || !slices.Equal(anc, []region.Code{m("371200"), m("370000")}) {
		t.Errorf("371203 ancestors %v %v", anc, err)
	}
	// 469003 lies directly under 460000, as recorded, though its digits
	// name the summary code 469000: the table follows the record.
	anc, err = tb.Ancestors(m("469003"))
	if err != nil || !slices.Equal(anc, []region.Code{m("460000")}) {
		t.Errorf("469003 ancestors %v %v", anc, err)
	}
	if p, _ := m("469003").Parent(); p != m("469000") {
		t.Errorf("by digits 469003 is under %s", p)
	}
	// Tiers and cost sharing follow the chain: 山东 is tier 3 (50 % of the
	// residents' pension floor part), 海南 tier 2 (100 %).
	for code, want := range map[string]region.Tier{"371202": 3, "371200": 3, "469003": 2} {
		if tr, err := tb.Tier(m(code)); err != nil || tr != want {
			t.Errorf("tier of %s: %s %v, want %d", code, tr, err, want)
		}
	}
	if sp, err := tb.Split("pension.resident.basic", m("469003"), benefit.Yuan(100), benefit.Yuan(100)); err != nil || sp.Central.String() != "100.00" {
		t.Errorf("split in 469003: %+v %v", sp, err)
	}
	// The base table is unchanged.
	if _, ok := base.Lookup(m("371202")); ok {
		t.Error("WithDivisions changed the receiver")
	}
	if _, err := base.Resolve(m("371202")); !errors.Is(err, region.ErrUnknownRegion) {
		t.Errorf("base resolves 371202: %v", err)
	}
	if tb.Len() != base.Len()+4 || base.Len() != 3348 {
		t.Errorf("%d divisions, base %d; want 3,348 + 4", tb.Len(), base.Len())
	}
	var codes []string
	for d := range tb.All() {
		codes = append(codes, d.Code.String())
	}
	if !slices.IsSorted(codes) {
		t.Error("All is not in code order after adding")
	}
}

// A row for a code the table holds, under the same parent, renames it:
// 420600 was 襄樊市 until 2010 (same code, MCA 2009-12). Its English name
// and statistical mark stay unless the row gives them.
func TestWithDivisionsRename(t *testing.T) {
	m := region.MustParseCode
	tb, err := region.Default().WithDivisions(strings.NewReader("code,name,level,parent\n420600,襄樊市,prefecture,420000\n110000,北京市,,\n"), "old.csv")
	if err != nil {
		t.Fatal(err)
	}
	if d, _ := tb.Lookup(m("420600")); d.Name != "襄樊市" || d.Parent != m("420000") {
		t.Errorf("420600: %+v", d)
	}
	if d, _ := tb.Lookup(m("110000")); d.NameEN != "Beijing" {
		t.Errorf("110000 lost its English name: %+v", d)
	}
	if d, _ := region.Default().Lookup(m("420600")); d.Name != "襄阳市" {
		t.Errorf("the default table changed: %+v", d)
	}
	if tb.Len() != 3348 {
		t.Errorf("%d divisions", tb.Len())
	}
}

// Bad division files fail with a *benefit.RecordError naming file,
// line and field, and add nothing.
func TestWithDivisionsErrors(t *testing.T) {
	const h = "code,name,level,parent\n"
	tests := []struct {
		name, in string
		line     int
		field    string
		want     error
		text     string
	}{
		{"gbk", "@divisions_gbk.csv", 2, "name", benefit.ErrEncoding, "GBK"},
		{"bad code", "@divisions_bad_code.csv", 3, "code", region.ErrInvalidCode, "14082x"},
		{"duplicate", "@divisions_dup.csv", 4, "code", benefit.ErrSyntax, "already on line 2"},
		{"no name", "@divisions_no_name.csv", 2, "name", benefit.ErrSyntax, "empty name"},
		{"unknown column", "@divisions_unknown_col.csv", 1, "tier", benefit.ErrSyntax, `unknown column "tier"`},
		{"unknown parent", h + "371202,莱城区,county,371200\n", 2, "parent", region.ErrUnknownRegion, "371200"},
		{"parent moved", h + "659001,石河子市,county,650000\n", 2, "parent", benefit.ErrSyntax, "in the table under 659000"},
		{"level against digits", h + "371200,莱芜市,county,370000\n", 2, "level", benefit.ErrSyntax, "prefecture code (XXXX00)"},
		{"level unknown", h + "371200,莱芜市,地级,370000\n", 2, "level", benefit.ErrSyntax, `"地级"`},
		{"level missing", h + "371200,莱芜市,,370000\n", 2, "level", benefit.ErrSyntax, "missing level"},
		{"no level column", "code,name,parent\n371200,莱芜市,370000\n", 2, "level", benefit.ErrSyntax, "missing level"},
		{"parent missing", h + "371200,莱芜市,prefecture,\n", 2, "parent", benefit.ErrSyntax, "missing parent"},
		{"parent not above", h + "371202,莱城区,county,371723\n", 2, "parent", benefit.ErrSyntax, "not above"},
		{"parent elsewhere", h + "371202,莱城区,county,410100\n", 2, "parent", benefit.ErrSyntax, "another province"},
		{"parent malformed", h + "371202,莱城区,county,3712\n", 2, "parent", region.ErrInvalidCode, "3712"},
		{"province parent", h + "370000,山东省,province,110000\n", 2, "parent", benefit.ErrSyntax, "no parent"},
		{"statistical mark", "code,name,level,parent,statistical_only\n130171,石家庄高新技术产业开发区,county,130100,yes\n", 2, "statistical_only", benefit.ErrSyntax, `"yes"`},
		// a good row first: nothing of the file is applied
		{"second row bad", h + "371200,莱芜市,prefecture,370000\n371202,莱城区,county,371900\n", 3, "parent", region.ErrUnknownRegion, "371900"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r io.Reader = strings.NewReader(tt.in)
			file := "t.csv"
			if name, ok := strings.CutPrefix(tt.in, "@"); ok {
				r, file = openData(t, name), name
			}
			base := region.Default()
			tb, err := base.WithDivisions(r, file)
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
			if re.File != file || re.Line != tt.line || re.Field != tt.field {
				t.Errorf("got %s:%d %q, want %s:%d %q", re.File, re.Line, re.Field, file, tt.line, tt.field)
			}
			if !strings.Contains(err.Error(), tt.text) {
				t.Errorf("%q lacks %q", err, tt.text)
			}
			if base.Len() != 3348 {
				t.Errorf("the base table changed: %d divisions", base.Len())
			}
		})
	}
}

// Lookups are on floor.Check's path: they allocate nothing.
func TestLookupsDoNotAllocate(t *testing.T) {
	tb := region.Default()
	c := region.MustParseCode("330203")
	var sink int
	allocs := testing.AllocsPerRun(100, func() {
		d, _ := tb.Lookup(c)
		r, _ := tb.Resolve(c)
		tr, _ := tb.Tier(c)
		sh, _ := tb.CentralShare(c)
		sink += len(d.Name) + len(r.Name) + int(tr) + len(tb.Name(c)) + sh.Sign()
	})
	if allocs != 0 {
		t.Errorf("%v allocations per lookup", allocs)
	}
	_ = sink
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
				gs, _ := tb.GroupsOf(region.MustParseCode("330203"))
				for _, g := range gs {
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
	gs, _ := tb.GroupsOf(m("310000"))
	for _, g := range gs {
		for i := range g.Members {
			g.Members[i] = m("650000")
		}
	}
	again, _ := tb.Group("yangtze_delta")
	if !again.Contains(m("310000")) || again.Contains(m("650000")) {
		t.Errorf("the shared 长三角 changed: %v", again.Members)
	}
}
