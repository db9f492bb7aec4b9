package texttable_test

import (
	"os"

	"github.com/benefitstd/benefitstd/internal/texttable"
)

// Chinese names take two columns each, so the amounts still line up.
func ExampleTable_Write() {
	t := texttable.Table{
		Header: []string{"code", "地区", "owed 补发"},
		Right:  []bool{false, false, true},
		Rows: [][]string{
			{"140822", "万荣县", texttable.Grouped("750000.00")},
			{"371723", "山东省 371723", texttable.Grouped("1200000.00")},
		},
	}
	t.Write(os.Stdout)
	// Output:
	// code    地区              owed 补发
	// ------  -------------  ------------
	// 140822  万荣县           750,000.00
	// 371723  山东省 371723  1,200,000.00
}
