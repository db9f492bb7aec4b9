package service_test

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/benefitstd/benefitstd/service"
)

// The service checks the embedded ILLUSTRATIVE sample as of 2024-12 and
// answers the report of `benefitstd check --format json`; a bad month
// is a problem naming the field and line.
func Example() {
	srv, err := service.New(service.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		panic(err)
	}
	ts := httptest.NewServer(srv) // or srv.Serve(ctx, listener)
	defer ts.Close()

	resp, err := http.Post(ts.URL+"/v1/check", "application/json", strings.NewReader(`{"sample": true, "as_of": "2024-12"}`))
	if err != nil {
		panic(err)
	}
	var rep struct {
		Summary struct {
			Violations   int    `json:"violations"`
			ArrearsTotal string `json:"arrears_total"`
		} `json:"summary"`
	}
	json.NewDecoder(resp.Body).Decode(&rep)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, rep.Summary.Violations, "violations, arrears", rep.Summary.ArrearsTotal)

	resp, err = http.Post(ts.URL+"/v1/check", "application/json", strings.NewReader("{\"sample\": true,\n \"as_of\": \"2024-13\"}"))
	if err != nil {
		panic(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var p struct {
		Type, Field string
		Line        int
	}
	json.Unmarshal(b, &p)
	fmt.Println(resp.StatusCode, resp.Header.Get("Content-Type"), p.Type, p.Field, "line", p.Line)
	// Output:
	// 200 6 violations, arrears 1950000.04
	// 400 application/problem+json urn:benefitstd:problem:invalid-input as_of line 2
}
