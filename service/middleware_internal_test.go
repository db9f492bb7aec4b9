package service

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/api"
)

// A panic in a handler is answered 500 with a problem, and logged with
// its stack and the request id; the server goes on.
func TestPanicIsA500Problem(t *testing.T) {
	var logs bytes.Buffer
	s, err := New(Config{Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/boom" {
			panic("boom at " + r.URL.Path)
		}
		w.Write([]byte("fine"))
	})))
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/boom")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var p apiProblem
	if err := json.Unmarshal(b, &p); err != nil || resp.StatusCode != 500 || p.Type != problemPrefix+"internal" ||
		resp.Header.Get("Content-Type") != "application/problem+json" {
		t.Fatalf("%d %s: %s", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
	id := resp.Header.Get("X-Request-Id")
	if p.Instance != "urn:uuid:"+id || !strings.Contains(logs.String(), `"request_id":"`+id+`"`) ||
		!strings.Contains(logs.String(), "boom at /boom") || !strings.Contains(logs.String(), `"stack"`) {
		t.Errorf("the panic is not logged with its request id and stack: %s", logs.String())
	}
	resp, err = http.Get(ts.URL + "/")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("after the panic: %v", err)
	}
	resp.Body.Close()
}

func TestNegotiate(t *testing.T) {
	for _, c := range []struct {
		accept []string
		want   string
		ok     bool
	}{
		{nil, mediaJSON, true},
		{[]string{"*/*"}, mediaJSON, true},
		{[]string{"application/xml"}, mediaXML, true},
		{[]string{"text/xml"}, mediaXML, true},
		{[]string{"application/json;q=0.2, application/xml;q=0.9"}, mediaXML, true},
		{[]string{"application/*;q=0.5, application/json;q=0"}, mediaXML, true},
		{[]string{"text/html"}, "", false},
		{[]string{"application/xml;q=0"}, "", false},
	} {
		got, ok := negotiate(c.accept, []string{mediaJSON, mediaXML})
		if got != c.want || ok != c.ok {
			t.Errorf("Accept %q: %q %v, want %q %v", c.accept, got, ok, c.want, c.ok)
		}
	}
}

// csvRecords counts as encoding/csv reads: blank lines are not records,
// a quoted line break is inside one.
func TestCSVRecords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"a,b\n", 1},
		{"a,b\r\n1,2\r\n", 2},
		{"a,b\n\n1,2", 2},
		{"a,b\n\"x\ny\",2\n3,4\n", 3},
		{"a,b\n\"x\"\"\n\",2\n", 2},
		{"a\n\r\n\r\n", 1},
	} {
		if got := csvRecords([]byte(c.in), 100); got != c.want {
			t.Errorf("%q: %d records, want %d", c.in, got, c.want)
		}
	}
}

// The service has exactly the endpoints of the OpenAPI document, with
// its methods, and takes and answers the media types it gives.
func TestEndpointsAreTheDocuments(t *testing.T) {
	b, err := api.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters  []struct{ Name, In string }
			RequestBody *struct{ Content map[string]any }
			Responses   map[string]struct{ Content map[string]any }
		}
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	eps := s.endpoints()
	if len(eps) != len(doc.Paths) {
		t.Errorf("%d endpoints, the document has %d paths", len(eps), len(doc.Paths))
	}
	for path, ops := range doc.Paths {
		e, ok := eps[path]
		if !ok {
			t.Errorf("%s: in the document, not served", path)
			continue
		}
		if len(ops) != 1 {
			t.Errorf("%s: %d operations in the document", path, len(ops))
		}
		op, ok := ops[strings.ToLower(e.method)]
		if !ok {
			t.Errorf("%s: the service takes %s, the document does not say so", path, e.method)
			continue
		}
		var query []string
		for _, p := range op.Parameters {
			if p.In == "query" {
				query = append(query, p.Name)
			}
		}
		if !slices.Equal(query, e.query) {
			t.Errorf("%s: query %q, the document %q", path, e.query, query)
		}
		var consumes []string
		if op.RequestBody != nil {
			consumes = slices.Sorted(maps.Keys(op.RequestBody.Content))
		}
		if !slices.Equal(consumes, slices.Sorted(slices.Values(e.consumes))) {
			t.Errorf("%s: reads %q, the document %q", path, e.consumes, consumes)
		}
		produces := slices.Sorted(maps.Keys(op.Responses["200"].Content))
		if !slices.Equal(produces, slices.Sorted(slices.Values(e.produces))) {
			t.Errorf("%s: answers %q, the document %q", path, e.produces, produces)
		}
	}
}
