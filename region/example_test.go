package region_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// Every county has its name and its parent chain, as the 2023 table
// records them.
func ExampleTable_Ancestors() {
	t := region.Default()
	c := region.MustParseCode("371723")
	chain, _ := t.Ancestors(c)
	fmt.Println(c, t.Name(c))
	for _, a := range chain {
		d, _ := t.Lookup(a)
		fmt.Println(a, d.Rank, d.Name)
	}
	// Output:
	// 371723 成武县
	// 371700 prefecture 菏泽市
	// 370000 province 山东省
}

// A code the table does not hold is an error, not a guess from its
// digits; statistical units are marked.
func ExampleTable_Resolve() {
	t := region.Default()
	_, err := t.Resolve(region.MustParseCode("419999"))
	fmt.Println(err)
	fmt.Println(errors.Is(err, region.ErrUnknownRegion))
	d, _ := t.Resolve(region.MustParseCode("130171"))
	fmt.Println(d.Name, d.StatisticalOnly)
	// Output:
	// region: unknown region 419999: not a division of the table (historical and new codes can be added: region.Table.WithDivisions, benefitstd --regions FILE)
	// true
	// 石家庄高新技术产业开发区 true
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
	// 330203 海曙区 tier 4 30%
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
		groups, _ := t.GroupsOf(region.MustParseCode(s))
		for _, g := range groups {
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

// Historical codes are added as divisions: 371200 莱芜市 and its
// districts, merged into 济南 in 2019. Errors name the file, the line and
// the field.
func ExampleTable_WithDivisions() {
	csv := "code,name,level,parent\n" +
		"371200,莱芜市,prefecture,370000\n" +
		"371202,莱城区,county,371200\n"
	t, err := region.Default().WithDivisions(strings.NewReader(csv), "laiwu.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	c := region.MustParseCode("371202")
	chain, _ := t.Ancestors(c)
	tier, _ := t.Tier(c)
	fmt.Println(t.Name(c), chain, "tier", tier)

	_, err = region.Default().WithDivisions(strings.NewReader("code,name,level,parent\n371202,莱城区,county,371200\n"), "laiwu.csv")
	fmt.Println(err)
	// Output:
	// 莱城区 [371200 370000] tier 3
	// laiwu.csv:2: parent: region: unknown region 371200: neither a division of the table nor a row of this file
}

// Cost sharing is data: a rule for a programme the embedded data has
// none for (here an ILLUSTRATIVE one for the veterans' disability
// pension) makes its cost splittable, in a new table.
func ExampleTable_WithCostRules() {
	shares := func(s ...string) map[string]benefit.Rate {
		m := map[string]benefit.Rate{}
		for i, x := range s {
			m[fmt.Sprint(i+1)] = benefit.MustParseRate(x)
		}
		return m
	}
	t, err := region.Default().WithCostRules(region.CostRule{Program: "veterans.disability",
		FloorPart: shares("80%", "60%", "50%", "30%", "10%"), TopUp: shares("0%", "0%", "0%", "0%", "0%"),
		Citation: benefit.Citation{Title: "ILLUSTRATIVE"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	// one year of the grade-1 因战 standard for 1,000 persons in 山东 (tier 3)
	total := benefit.Yuan(116_270_000)
	s, _ := t.Split("veterans.disability", region.MustParseCode("370000"), total, total)
	fmt.Println(s.Central, s.Local)
	_, err = region.Default().Split("veterans.disability", region.MustParseCode("370000"), total, total)
	fmt.Println(errors.Is(err, region.ErrNoCostRule))
	// Output:
	// 58135000.00 58135000.00
	// true
}
