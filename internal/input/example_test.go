package input_test

import (
	"fmt"
	"strings"

	"github.com/benefitstd/benefitstd/internal/input"
)

// A misspelt key is an error naming its path and line, not a silently
// ignored setting.
func ExampleDecodeJSON() {
	var cfg struct {
		Program string `json:"program"`
		Horizon int    `json:"horizon"`
	}
	_, err := input.DecodeJSON([]byte("{\n  \"program\": \"pension.resident.basic\",\n  \"horizn\": 5\n}"), "scenario.json", &cfg)
	fmt.Println(err)
	// Output:
	// scenario.json:3: horizn: benefit: invalid syntax: json: unknown field "horizn"
}

// A file saved by Excel: a byte-order mark, CRLF line ends, the columns
// in another order than declared, and a bad amount on line 3, reported
// with file, line and field.
func ExampleNewCSV() {
	const (
		colRegion = iota
		colAmount
	)
	in := "\ufeffamount,region\r\n113,140822\r\n1e9,140800\r\n"
	rd, err := input.NewCSV(strings.NewReader(in), "levels.csv", []string{"region", "amount"}, nil, input.Limits{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for rec, err := range rd.All() {
		if err != nil {
			fmt.Println(err)
			return
		}
		if strings.Contains(rec.Get(colAmount), "e") {
			fmt.Println(rec.Err(colAmount, fmt.Errorf("exponent notation is not accepted")))
			continue
		}
		fmt.Println(rec.Line(), rec.Get(colRegion), rec.Get(colAmount))
	}
	// Output:
	// 2 140822 113
	// levels.csv:3: amount: exponent notation is not accepted
}
