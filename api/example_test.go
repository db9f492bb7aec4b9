package api_test

import (
	"encoding/json"
	"fmt"

	"github.com/benefitstd/benefitstd/api"
)

// The contract as the service serves it at /openapi.json.
func ExampleJSON() {
	b, err := api.JSON()
	if err != nil {
		panic(err)
	}
	var doc struct {
		OpenAPI string                     `json:"openapi"`
		Paths   map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		panic(err)
	}
	_, check := doc.Paths["/v1/check"]
	fmt.Println(doc.OpenAPI, len(doc.Paths), "paths, /v1/check:", check)
	// Output: 3.1.0 12 paths, /v1/check: true
}
