package service_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/benefitstd/benefitstd/service"
)

// logBuffer collects the service's JSON log records.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// records returns the log records with msg "request".
func (l *logBuffer) requests() []map[string]any {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(l.b.Bytes()))
	for sc.Scan() {
		var m map[string]any
		if json.Unmarshal(sc.Bytes(), &m) == nil && m["msg"] == "request" {
			out = append(out, m)
		}
	}
	return out
}

// contract is the OpenAPI document, loaded and validated once.
var contract = sync.OnceValues(func() (*openapi3.T, error) {
	yml, err := os.ReadFile("../api/openapi.yaml") // the document as api embeds it
	if err != nil {
		return nil, err
	}
	doc, err := openapi3.NewLoader().LoadFromData(yml)
	if err != nil {
		return nil, err
	}
	return doc, doc.Validate(context.Background(), openapi3.EnableExamplesValidation())
})

func init() {
	text := func(body io.Reader, _ http.Header, _ *openapi3.SchemaRef, _ openapi3filter.EncodingFn) (any, error) {
		b, err := io.ReadAll(body)
		return string(b), err
	}
	openapi3filter.RegisterBodyDecoder("text/csv", text)
	openapi3filter.RegisterBodyDecoder("application/xml", text)
	openapi3filter.RegisterBodyDecoder("application/problem+json", openapi3filter.JSONBodyDecoder)
}

// A validating transport checks every request it sends (unless told the
// request is meant to be invalid) and every answer against the OpenAPI
// document: the route's response schema, or for a path or method the
// document does not have (404, 405), the Problem schema.
type validating struct {
	t      testing.TB
	router routers.Router
	doc    *openapi3.T
	base   http.RoundTripper
}

// skipRequestCheck marks a request meant to break the contract.
type skipKey struct{}

func invalidRequest(r *http.Request) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), skipKey{}, true))
}

func (v *validating) RoundTrip(r *http.Request) (*http.Response, error) {
	ctx := context.Background()
	route, params, rerr := v.router.FindRoute(r)
	if rerr == nil && r.Context().Value(skipKey{}) == nil {
		var body []byte
		if r.Body != nil {
			body, _ = io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		in := &openapi3filter.RequestValidationInput{Request: r.Clone(ctx), PathParams: params, Route: route,
			Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
		in.Request.Body = io.NopCloser(bytes.NewReader(body))
		if err := openapi3filter.ValidateRequest(ctx, in); err != nil {
			v.t.Errorf("%s %s: the request breaks the contract: %v", r.Method, r.URL.Path, err)
		}
	}
	resp, err := v.base.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if rerr == nil {
		in := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: &openapi3filter.RequestValidationInput{Request: r, PathParams: params, Route: route},
			Status:                 resp.StatusCode, Header: resp.Header, Body: io.NopCloser(bytes.NewReader(body)),
			Options: &openapi3filter.Options{IncludeResponseStatus: true},
		}
		if err := openapi3filter.ValidateResponse(ctx, in); err != nil {
			v.t.Errorf("%s %s: the answer %d breaks the contract: %v", r.Method, r.URL.Path, resp.StatusCode, err)
		}
	} else {
		v.problemSchema(r, resp, body)
	}
	return resp, nil
}

// problemSchema checks an answer outside the document's routes: a 404 or
// 405 problem, or 401 (the token is asked for before the route).
func (v *validating) problemSchema(r *http.Request, resp *http.Response, body []byte) {
	switch resp.StatusCode {
	case http.StatusNotFound, http.StatusMethodNotAllowed, http.StatusUnauthorized:
	default:
		v.t.Errorf("%s %s: %d for a route the document does not have", r.Method, r.URL.Path, resp.StatusCode)
	}
	if mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); mt != "application/problem+json" {
		v.t.Errorf("%s %s: Content-Type %q", r.Method, r.URL.Path, resp.Header.Get("Content-Type"))
	}
	var x any
	if err := json.Unmarshal(body, &x); err != nil {
		v.t.Errorf("%s %s: %v", r.Method, r.URL.Path, err)
		return
	}
	if err := v.doc.Components.Schemas["Problem"].Value.VisitJSON(x, openapi3.EnableJSONSchema2020()); err != nil {
		v.t.Errorf("%s %s: the problem breaks the contract: %v", r.Method, r.URL.Path, err)
	}
}

// A testServer is the service on a loopback port (httptest.NewServer)
// with a client whose every request and answer is validated against
// the contract.
type testServer struct {
	*httptest.Server
	client *http.Client
	logs   *logBuffer
}

func start(t testing.TB, cfg service.Config) *testServer {
	t.Helper()
	logs := &logBuffer{}
	cfg.Logger = slog.New(slog.NewJSONHandler(logs, nil))
	srv, err := service.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &testServer{Server: ts, client: validatingClient(t, ts.URL, ts.Client().Transport), logs: logs}
}

func validatingClient(t testing.TB, base string, tr http.RoundTripper) *http.Client {
	doc, err := contract()
	if err != nil {
		t.Fatal(err)
	}
	d := *doc
	d.Servers = openapi3.Servers{{URL: base}}
	router, err := gorillamux.NewRouter(&d)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Transport: &validating{t: t, router: router, doc: doc, base: tr}}
}

// do sends a request and returns the answer's status, headers and body.
func (ts *testServer) do(t testing.TB, r *http.Request) (int, http.Header, []byte) {
	t.Helper()
	resp, err := ts.client.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, b
}

func (ts *testServer) post(t testing.TB, path, body string, header ...string) (int, http.Header, []byte) {
	t.Helper()
	r, err := http.NewRequest(http.MethodPost, ts.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	return ts.do(t, r)
}

func (ts *testServer) get(t testing.TB, path string) (int, http.Header, []byte) {
	t.Helper()
	r, err := http.NewRequest(http.MethodGet, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ts.do(t, r)
}

// problem decodes a problem answer.
type problem struct {
	Type, Title, Detail, Instance, Field, Pointer, Part, File string
	Status, Line                                              int
	Limit                                                     int64
}

func decodeProblem(t testing.TB, h http.Header, b []byte) problem {
	t.Helper()
	if ct := h.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type %q, want application/problem+json: %s", ct, b)
	}
	var p problem
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	if want := "urn:uuid:" + h.Get("X-Request-Id"); p.Instance != want {
		t.Errorf("instance %q, want %q", p.Instance, want)
	}
	return p
}

// multipart builds a multipart/form-data body of the given parts: name,
// file name ("" for none), Content-Type, content.
func multipartBody(t testing.TB, parts ...[4]string) (string, string) {
	var b bytes.Buffer
	boundary := "XbenefitstdX"
	for _, p := range parts {
		fmt.Fprintf(&b, "--%s\r\nContent-Disposition: form-data; name=%q", boundary, p[0])
		if p[1] != "" {
			fmt.Fprintf(&b, "; filename=%q", p[1])
		}
		fmt.Fprintf(&b, "\r\nContent-Type: %s\r\n\r\n%s\r\n", p[2], p[3])
	}
	fmt.Fprintf(&b, "--%s--\r\n", boundary)
	return b.String(), "multipart/form-data; boundary=" + boundary
}

func newLogger(w io.Writer) *slog.Logger { return slog.New(slog.NewJSONHandler(w, nil)) }
