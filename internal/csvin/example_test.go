package csvin_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/benefitstd/benefitstd/internal/csvin"
)

// A file saved by Excel: a byte-order mark, CRLF line ends, and a bad
// amount on line 3, reported with file, line and field.
func ExampleNew() {
	in := "\ufeffregion,amount\r\n140822,113\r\n140800,1e9\r\n"
	rd, err := csvin.New(strings.NewReader(in), "levels.csv", []string{"region", "amount"}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		if strings.Contains(rec.Get("amount"), "e") {
			fmt.Println(rec.Err("amount", fmt.Errorf("exponent notation is not accepted")))
			continue
		}
		fmt.Println(rec.Line, rec.Get("region"), rec.Get("amount"))
	}
	// Output:
	// 2 140822 113
	// levels.csv:3: amount: exponent notation is not accepted
}
