package benefitstd_test

import (
	"fmt"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// A county paid the residents' basic pension at 103 yuan for the first
// six months of 2024, while the national floor was 123 from January
// (policy-reference §11 Example B). What is owed to 10,000 people, and who
// pays it in a tier-3 province?
func Example() {
	floor := benefit.Yuan(123)
	paid := benefit.Yuan(103)
	shortfall := floor.Sub(paid)             // 20 yuan per person-month
	owed := shortfall.Mul(10_000).Mul(6)     // persons × months
	county := region.MustParseCode("371723") // a county in Shandong (tier 3)

	split, err := region.Default().Split("pension.resident.basic", county, owed, owed)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("owed:", owed)
	fmt.Println("central:", split.Central, "local:", split.Local)
	// Output:
	// owed: 1200000.00
	// central: 600000.00 local: 600000.00
}
