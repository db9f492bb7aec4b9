package jsonpath_test

import (
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/benefitstd/benefitstd/internal/jsonpath"
)

type plan struct {
	Parts []struct {
		ID    string `json:"id"`
		Share int8   `json:"share"`
	} `json:"parts"`
}

// encoding/json says a number does not fit, but not in which part; Bad
// names it, and Line finds a path a validator reports.
func ExampleBad() {
	doc := []byte("{\"parts\": [\n  {\"id\": \"fixed\", \"share\": 50},\n  {\"id\": \"years\", \"share\": 500}\n]}")
	var p plan
	fmt.Println(json.Unmarshal(doc, &p) != nil)
	fmt.Println(jsonpath.Bad(doc, reflect.TypeFor[plan]()))
	fmt.Println(jsonpath.Line(doc, "parts[1].id"))
	// Output:
	// true
	// parts[1].share 3
	// 3
}
