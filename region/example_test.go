package region_test

import (
	"fmt"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// The parent chain of 万荣县 follows its code.
func ExampleCode_Ancestors() {
	c := region.MustParseCode("140822")
	fmt.Println(c, c.Level())
	for _, a := range c.Ancestors() {
		fmt.Println(a, a.Level(), region.Default().Name(a))
	}
	// Output:
	// 140822 county
	// 140800 prefecture 运城市
	// 140000 province 山西省
}

// Fiscal tiers of 国办发〔2018〕6号: a 计划单列市 takes its own tier
// before its province's, and so do the counties under it.
func ExampleTable_Tier() {
	t := region.Default()
	for _, s := range []string{"210000", "210200", "330203", "310000", "540000"} {
		c := region.MustParseCode(s)
		tier, _ := t.Tier(c)
		share, _ := t.CentralShare(c)
		fmt.Println(s, t.Name(c), "tier", tier, share)
	}
	// Output:
	// 210000 辽宁省 tier 3 50%
	// 210200 大连市 tier 4 30%
	// 330203 宁波市 330203 tier 4 30%
	// 310000 上海市 tier 5 10%
	// 540000 西藏自治区 tier 1 80%
}

// Example B of policy-reference §11: 1,200,000.00 owed below the
// residents' pension floor. The centre pays all of it in tiers 1-2 and
// half elsewhere; the rule is data (Table.CostRule), not code.
func ExampleTable_Split() {
	owed := benefit.MustParseAmount("1200000")
	for _, s := range []string{"370000", "410000", "540000"} {
		sp, err := region.Default().Split("pension.resident.basic", region.MustParseCode(s), owed, owed)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(s, "central", sp.Central, "local", sp.Local)
	}
	// Output:
	// 370000 central 600000.00 local 600000.00
	// 410000 central 1200000.00 local 0.00
	// 540000 central 1200000.00 local 0.00
}

// Regional groups contain their members and everything under them.
func ExampleTable_GroupsOf() {
	t := region.Default()
	for _, s := range []string{"330203", "440300", "110000", "540000"} {
		var names []string
		for _, g := range t.GroupsOf(region.MustParseCode(s)) {
			names = append(names, g.Name)
		}
		fmt.Println(s, names)
	}
	// Output:
	// 330203 [长三角]
	// 440300 [粤港澳大湾区]
	// 110000 [京津冀]
	// 540000 []
}

// A fuller division list is loaded from CSV ("code,name[,name_en]");
// errors name the file, line and field.
func ExampleTable_WithDivisions() {
	csv := "code,name\n140821,临猗县\n140822,万荣县\n"
	t, err := region.Default().WithDivisions(strings.NewReader(csv), "shanxi.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Name(region.MustParseCode("140821")))

	_, err = region.Default().WithDivisions(strings.NewReader("code,name\n140821,临猗县\n14082,万荣县\n"), "shanxi.csv")
	fmt.Println(err)
	// Output:
	// 临猗县
	// shanxi.csv:3: code: region: invalid code "14082": want six digits, e.g. 140822
}
