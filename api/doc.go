// Package api holds the contract of `benefitstd serve` (the HTTP
// service of package service): the OpenAPI 3.1 document openapi.yaml,
// embedded, and the same document as JSON, which the service serves at
// /openapi.json.
//
// The document is the contract (接口契约): service's tests validate each
// request example it gives and every request and response of the tests
// against it (github.com/getkin/kin-openapi, JSON Schema 2020-12), so
// the document cannot drift from the handlers. Request and response
// bodies are the JSON the command line reads and writes: amounts and
// rates are decimal strings ("1200000.00", "2%"), months "YYYY-MM",
// dates "YYYY-MM-DD"; errors are application/problem+json (RFC 9457).
//
// The package imports nothing of the library's; its one dependency is a
// YAML decoder (go.yaml.in/yaml/v3), to turn the YAML into JSON.
package api
