package api

// YAML is for the external tests (package api_test): the document as it
// is checked in and embedded.
func YAML() []byte { return []byte(openapiYAML) }
