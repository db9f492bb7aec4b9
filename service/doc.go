// Package service is the library as an HTTP/JSON service (服务接口), for
// bureau systems not written in Go: `benefitstd serve` runs it.
//
//	srv, err := service.New(service.Config{Token: token})
//	err = srv.Serve(ctx, ln) // until ctx is done, then a graceful shutdown
//
// # Endpoints
//
//	POST /v1/check            levels (JSON, or a CSV/JSON file uploaded as multipart) or the embedded sample → the compliance report (JSON, JUnit XML with Accept: application/xml, a workbook with ?format=xlsx)
//	POST /v1/simulate         a scenario, or builtin "default" or a shipped scenario's name (scenario.Builtins: "unemployment", "veterans", …) → the simulation result (JSON, CSV with Accept: text/csv, a workbook with ?format=xlsx)
//	POST /v1/simulate/compare two scenarios (builtins of scenario.KindScenario) → the comparison (JSON, or CSV with Accept: text/csv)
//	POST /v1/plan             plan_id or a plan; retirees as JSON, a CSV uploaded as multipart, or synthetic; calibration → the plan run (JSON, a workbook with ?format=xlsx)
//	GET  /v1/floors /v1/programs /v1/regions /v1/plans /v1/plans/{id}
//	GET  /healthz /readyz /openapi.json
//
// The contract is the OpenAPI 3.1 document of package api
// (api/openapi.yaml, served as /openapi.json). Bodies are the JSON the
// command line reads and writes, amounts as decimal strings: a request
// embeds the library's own documents (a levels file, a scenario, a plan)
// as members, which the library's loaders read, and a 200 answer is the
// bytes package output renders for `benefitstd ... --format json`, so
// the service answers exactly what the library computes.
//
// The answer's media type is chosen by the Accept header among those
// the endpoint gives, JSON by default. check, simulate and plan also
// answer an Excel workbook (application/vnd.openxmlformats-officedocument
// .spreadsheetml.sheet, the bytes of `--format xlsx`, with
// Content-Disposition: attachment; filename="check.xlsx"), chosen by the
// query parameter format=xlsx, for a link or a client that sets no
// Accept header, or by Accept. format takes no other value (400); with
// format=xlsx an Accept header that admits no workbook is 406.
//
// The handlers are written by hand, not generated from the document
// (oapi-codegen, ogen): a generated decoder would read the embedded
// documents into types of its own, with another decoder's leniency and
// numbers where the library wants exact decimal strings, and the
// errors would name a generated type rather than the file, line and
// field the library's strict decoder (internal/input) names. The
// document is kept true instead by the package's tests, which validate
// every example of it and every request and answer of the tests against
// it with github.com/getkin/kin-openapi (JSON Schema 2020-12).
//
// # Errors
//
// Every error is application/problem+json (RFC 9457): type
// (urn:benefitstd:problem:invalid-input, too-large, unauthorized, …),
// title, status, detail, instance (urn:uuid: of the request id, also in
// X-Request-Id and the log), and the extension members field (the JSON
// path in the library's spelling, a CSV column or a query parameter),
// pointer (RFC 6901, into the request body), line (of the body, or of
// the uploaded part named by part and file) and limit. A
// *benefit.RecordError of the library is mapped to them: a document
// embedded in the request has its lines and pointers made the request's.
// A bad request is 400, a body over Config.MaxBody or more retirees than
// Config.MaxRetirees (or input past a bound of benefit.Limits) 413, no
// or a wrong bearer token 401, an unknown path 404, a wrong method 405
// (with Allow), an Accept the endpoint cannot answer 406, a Content-Type
// it does not read 415, a heavy request beyond Config.MaxConcurrent 429
// (with Retry-After), work past Config.MaxDuration or a service shutting
// down 503, and a panic 500 (recovered and logged; it never reaches the
// client as a broken connection).
//
// # Running it
//
// Heavy requests (check, simulate, compare, plan) take a slot of
// Config.MaxConcurrent before their body is read, so at most that many
// bodies are held at once; their work runs under the request's context
// with the deadline Config.MaxDuration, and stops when the client goes
// away (adjust.Run, plan's Run and Calibrate take the context; a floor
// check is bounded by its input). Serve sets the http.Server's read,
// write and idle timeouts and, when its context is done (SIGTERM in
// `benefitstd serve`), answers 503 on /readyz, stops accepting, lets the
// requests at work finish for Config.ShutdownTimeout, then stops their
// work. Each request is logged with log/slog (request_id, method, path,
// status, duration_ms, bytes, remote; status 499 when the client went
// away). With
// Config.Token every /v1 request needs Authorization: Bearer <token>,
// compared in constant time; /healthz, /readyz and /openapi.json need
// none. Config.TLS serves HTTPS only.
//
// The package imports benefit, region, floor, adjust, plan, output and
// api; none of them imports it.
package service
