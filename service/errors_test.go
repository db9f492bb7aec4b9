package service_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/benefitstd/benefitstd/service"
)

// Every class of error is a problem naming what is wrong, with the
// status the contract gives.
func TestErrors(t *testing.T) {
	ts := start(t, service.Config{MaxBody: 4096, MaxRetirees: 2})
	for _, c := range []struct {
		name, path, body string
		header           []string
		status           int
		typ              string
		field, pointer   string
		line             int
	}{
		{name: "syntax", path: "/v1/check", body: "{\"sample\": true,\n \"as_of\": \"2024-12\",,\n}", status: 400, typ: "invalid-input", line: 2},
		{name: "unknown member", path: "/v1/check", body: "{\"sample\": true,\n \"asof\": \"2024-12\"}", status: 400, typ: "invalid-input", field: "asof", pointer: "/asof", line: 2},
		{name: "member twice", path: "/v1/check", body: "{\"sample\": true,\n \"sample\": true}", status: 400, typ: "invalid-input", field: "sample", pointer: "/sample", line: 2},
		{name: "bad month", path: "/v1/check", body: "{\"sample\": true,\n\n \"as_of\": \"2024-13\"}", status: 400, typ: "invalid-input", field: "as_of", pointer: "/as_of", line: 3},
		{name: "bad amount in the levels", path: "/v1/check", body: "{\"levels\": {\"levels\": [\n {\"region\": \"371723\", \"program\": \"pension.resident.basic\",\n  \"versions\": [{\"from\": \"2024-01\", \"amount\": \"12x\", \"status\": \"legislated\"}]}]}}",
			status: 400, typ: "invalid-input", field: "levels.levels[0].versions[0].amount", pointer: "/levels/levels/0/versions/0/amount", line: 3},
		{name: "unknown region in the levels", path: "/v1/check", body: "{\"as_of\": \"2024-12\",\n \"levels\": {\"levels\": [\n {\"region\": \"371723\", \"program\": \"pension.resident.basic\", \"versions\": [{\"from\": \"2024-01\", \"amount\": \"120\", \"status\": \"legislated\"}]},\n {\"region\": \"371799\", \"program\": \"pension.resident.basic\",\n  \"versions\": [{\"from\": \"2024-01\", \"amount\": \"120\", \"status\": \"legislated\"}]}]}}",
			status: 400, typ: "invalid-input", field: "levels.levels[1].region", pointer: "/levels/levels/1/region", line: 4},
		{name: "no status", path: "/v1/check", body: "{\"levels\": {\"levels\": [{\"region\": \"371723\", \"program\": \"pension.resident.basic\",\n  \"versions\": [{\"from\": \"2024-01\", \"amount\": \"120\"}]}]}}",
			status: 400, typ: "invalid-input", field: "levels.levels[0].versions[0].status", pointer: "/levels/levels/0/versions/0/status", line: 2},
		{name: "levels and sample", path: "/v1/check", body: "{\"sample\": true, \"levels\": {\"levels\": []}}", status: 400, typ: "invalid-input", field: "sample", pointer: "/sample", line: 1},
		{name: "nothing to check", path: "/v1/check", body: "{}", status: 400, typ: "invalid-input", field: "levels", pointer: "/levels", line: 1},
		{name: "at and from", path: "/v1/check", body: "{\"sample\": true, \"at\": \"2024-01\", \"from\": \"2024-01\"}", status: 400, typ: "invalid-input", field: "at", pointer: "/at", line: 1},
		{name: "bad scenario", path: "/v1/simulate", body: "{\"scenario\": {\n  \"program\": \"pension.resident.basic\", \"start_year\": 2025, \"horizon\": 0,\n  \"regions\": [], \"floor\": {}, \"rule\": {\"kind\": \"fixed\", \"amount\": \"20\"}}}", status: 400, typ: "invalid-input",
			field: "scenario.horizon", pointer: "/scenario/horizon", line: 2},
		{name: "unknown built-in scenario", path: "/v1/simulate", body: `{"builtin": "nope"}`, status: 400, typ: "invalid-input", field: "builtin", pointer: "/builtin", line: 1},
		{name: "compare without b", path: "/v1/simulate/compare", body: `{"a": {"builtin": "default"}}`, status: 400, typ: "invalid-input", field: "b", pointer: "/b", line: 1},
		{name: "compare a table over its columns", path: "/v1/simulate/compare", body: `{"a": {"builtin": "veterans"}, "b": {"builtin": "default"}}`, status: 400, typ: "invalid-input", field: "a.builtin", pointer: "/a/builtin", line: 1},
		{name: "unknown plan", path: "/v1/plan", body: `{"plan_id": "atlantis-2024", "synthetic": {"count": 10}}`, status: 400, typ: "invalid-input", field: "plan_id", pointer: "/plan_id", line: 1},
		{name: "bad retiree", path: "/v1/plan", body: "{\"plan_id\": \"shanghai-2024\", \"retirees\": [\n {\"id\": \"A\", \"birth_date\": \"1950-01-01\", \"retired_date\": \"2010-01-01\", \"years\": 30, \"pension\": \"3000\"},\n {\"id\": \"B\", \"birth_date\": \"1950-01-01\", \"retired_date\": \"2010-01-01\",\n  \"years\": 81, \"pension\": \"3000\"}]}",
			status: 400, typ: "invalid-input", field: "retirees[1].years", pointer: "/retirees/1/years", line: 4},
		{name: "bad retiree date", path: "/v1/plan", body: "{\"plan_id\": \"shanghai-2024\", \"retirees\": [\n {\"id\": \"A\", \"birth_date\": \"1950-02-30\", \"retired_date\": \"2010-01-01\", \"years\": 30, \"pension\": \"3000\"}]}",
			status: 400, typ: "invalid-input", field: "retirees[0].birth_date", pointer: "/retirees/0/birth_date", line: 2},
		{name: "bad plan part", path: "/v1/plan", body: "{\"synthetic\": {\"count\": 10}, \"plan\": {\"id\": \"x\", \"name\": \"x\", \"region\": \"310000\",\n \"retired_by\": \"2023-12-31\", \"effective\": \"2024-01\", \"status\": \"legislated\",\n \"parts\": [{\"id\": \"fixed\", \"name\": \"定额\", \"fixed\": {\"amount\": \"-5\"}}]}}",
			status: 400, typ: "invalid-input", field: "plan.age_at", pointer: "/plan/age_at", line: 1},
		{name: "calibrate an unknown part", path: "/v1/plan", body: `{"plan_id": "shanghai-2024", "synthetic": {"count": 2}, "calibrate": {"part": "nope", "target": "2%"}}`, status: 400, typ: "invalid-input", field: "calibrate", pointer: "/calibrate", line: 1},
		{name: "too many retirees", path: "/v1/plan", body: `{"plan_id": "shanghai-2024", "retirees": [` + strings.Repeat(`{"id": "A", "birth_date": "1950-01-01", "retired_date": "2010-01-01", "years": 30, "pension": "3000"},`, 2) + `{"id": "C", "birth_date": "1950-01-01", "retired_date": "2010-01-01", "years": 30, "pension": "3000"}]}`,
			status: 413, typ: "too-large", field: "retirees[2]", pointer: "/retirees/2", line: 1},
		{name: "synthetic beyond the bound", path: "/v1/plan", body: `{"plan_id": "shanghai-2024", "synthetic": {"count": 3}}`, status: 400, typ: "invalid-input", field: "synthetic.count", pointer: "/synthetic/count", line: 1},
		{name: "body too large", path: "/v1/check", body: `{"sample": true, "levels": "` + strings.Repeat("x", 5000) + `"}`, status: 413, typ: "too-large"},
		{name: "unsupported media type", path: "/v1/check", body: `sample=true`, header: []string{"Content-Type", "application/x-www-form-urlencoded"}, status: 415, typ: "unsupported-media-type"},
		{name: "JSON in another charset", path: "/v1/check", body: `{"sample": true}`, header: []string{"Content-Type", "application/json; charset=gbk"}, status: 415, typ: "unsupported-media-type"},
		{name: "multipart to simulate", path: "/v1/simulate", body: `x`, header: []string{"Content-Type", "multipart/form-data; boundary=x"}, status: 415, typ: "unsupported-media-type"},
		{name: "not acceptable", path: "/v1/simulate", body: `{"builtin": "default"}`, header: []string{"Accept", "application/xml"}, status: 406, typ: "not-acceptable"},
		{name: "query parameter", path: "/v1/check?as_of=2024-12", body: `{"sample": true}`, status: 400, typ: "invalid-input", field: "as_of"},
		{name: "format not xlsx", path: "/v1/simulate?format=csv", body: `{"builtin": "default"}`, status: 400, typ: "invalid-input", field: "format"},
		{name: "format twice", path: "/v1/plan?format=xlsx&format=xlsx", body: `{"plan_id": "shanghai-2024", "synthetic": {"count": 2}}`, status: 400, typ: "invalid-input", field: "format"},
		{name: "format where no workbook is answered", path: "/v1/simulate/compare?format=xlsx", body: `{"a": {"builtin": "default"}, "b": {"builtin": "default"}}`, status: 400, typ: "invalid-input", field: "format"},
		{name: "format xlsx and Accept JSON", path: "/v1/check?format=xlsx", body: `{"sample": true}`, header: []string{"Accept", "application/json"}, status: 406, typ: "not-acceptable"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, _ := http.NewRequest(http.MethodPost, ts.URL+c.path, strings.NewReader(c.body))
			r.Header.Set("Content-Type", "application/json")
			for i := 0; i+1 < len(c.header); i += 2 {
				r.Header.Set(c.header[i], c.header[i+1])
			}
			code, h, b := ts.do(t, invalidRequest(r))
			p := decodeProblem(t, h, b)
			if code != c.status || p.Status != c.status || p.Type != "urn:benefitstd:problem:"+c.typ {
				t.Fatalf("%d %s, want %d %s: %s", code, p.Type, c.status, c.typ, b)
			}
			if p.Field != c.field || p.Pointer != c.pointer || p.Line != c.line {
				t.Errorf("field %q pointer %q line %d, want %q %q %d: %s", p.Field, p.Pointer, p.Line, c.field, c.pointer, c.line, p.Detail)
			}
			if p.Detail == "" || p.Title == "" {
				t.Errorf("no detail or title: %s", b)
			}
		})
	}
}

func TestUploadErrors(t *testing.T) {
	ts := start(t, service.Config{MaxRetirees: 2})
	const header = "id,birth_date,retired_date,years,pension\n"
	for _, c := range []struct {
		name   string
		parts  [][4]string
		status int
		part   string
		field  string
		line   int
	}{
		{"bad pension", [][4]string{{"request", "", "application/json", `{"plan_id": "shanghai-2024"}`},
			{"retirees", "pay.csv", "text/csv", header + "A,1950-01-01,2010-01-01,30,3000\nB,1950-01-01,2010-01-01,30,3O00\n"}}, 400, "retirees", "pension", 3},
		{"repeated id", [][4]string{{"request", "", "application/json", `{"plan_id": "shanghai-2024"}`},
			{"retirees", "pay.csv", "text/csv", header + "A,1950-01-01,2010-01-01,30,3000\nA,1950-01-01,2010-01-01,30,3000\n"}}, 400, "retirees", "id", 3},
		{"too many retirees", [][4]string{{"request", "", "application/json", `{"plan_id": "shanghai-2024"}`},
			{"retirees", "pay.csv", "text/csv", header + "A,1950-01-01,2010-01-01,30,3000\nB,1950-01-01,2010-01-01,30,3000\n\"C\",1950-01-01,2010-01-01,30,3000\n"}}, 413, "retirees", "", 0},
		{"bad request part", [][4]string{{"request", "", "application/json", "{\n\"plan_id\": 7}"},
			{"retirees", "pay.csv", "text/csv", header}}, 400, "request", "plan_id", 2},
		{"no retirees part", [][4]string{{"request", "", "application/json", `{"plan_id": "shanghai-2024"}`}}, 400, "", "retirees", 0},
		{"unknown part", [][4]string{{"retirees", "pay.csv", "text/csv", header}, {"extra", "", "text/plain", "x"}}, 400, "", "extra", 0},
		{"only a header", [][4]string{{"request", "", "application/json", `{"plan_id": "shanghai-2024"}`}, {"retirees", "pay.csv", "text/csv", header}}, 400, "retirees", "retirees", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			body, ct := multipartBody(t, c.parts...)
			r, _ := http.NewRequest(http.MethodPost, ts.URL+"/v1/plan", strings.NewReader(body))
			r.Header.Set("Content-Type", ct)
			code, h, b := ts.do(t, invalidRequest(r))
			p := decodeProblem(t, h, b)
			if code != c.status || p.Part != c.part || p.Field != c.field || p.Line != c.line {
				t.Errorf("%d part %q field %q line %d, want %d %q %q %d: %s", code, p.Part, p.Field, p.Line, c.status, c.part, c.field, c.line, b)
			}
		})
	}
}

func TestRoutingErrors(t *testing.T) {
	ts := start(t, service.Config{})
	r, _ := http.NewRequest(http.MethodGet, ts.URL+"/v1/check", nil)
	code, h, b := ts.do(t, r)
	if p := decodeProblem(t, h, b); code != 405 || h.Get("Allow") != "POST" || p.Type != "urn:benefitstd:problem:method-not-allowed" {
		t.Errorf("GET /v1/check: %d Allow %q %s", code, h.Get("Allow"), b)
	}
	r, _ = http.NewRequest(http.MethodDelete, ts.URL+"/v1/floors", nil)
	if code, h, _ := ts.do(t, r); code != 405 || h.Get("Allow") != "GET, HEAD" {
		t.Errorf("DELETE /v1/floors: %d Allow %q", code, h.Get("Allow"))
	}
	for _, path := range []string{"/v1/nope", "/", "/v2/check", "/v1/plans/atlantis-2024"} {
		code, h, b := ts.get(t, path)
		if p := decodeProblem(t, h, b); code != 404 || p.Type != "urn:benefitstd:problem:not-found" {
			t.Errorf("GET %s: %d %s", path, code, b)
		}
	}
	r, _ = http.NewRequest(http.MethodGet, ts.URL+"/v1/floors?at=2024-13", nil)
	code, h, b = ts.do(t, invalidRequest(r))
	if p := decodeProblem(t, h, b); code != 400 || p.Field != "at" {
		t.Errorf("floors?at=2024-13: %d %s", code, b)
	}
	code, h, b = ts.get(t, "/v1/regions?under=999999")
	if p := decodeProblem(t, h, b); code != 400 || p.Field != "under" {
		t.Errorf("regions?under=999999: %d %s", code, b)
	}
	// HEAD is not in the document (it is GET without the body)
	resp, err := ts.Client().Head(ts.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(b) != 0 || resp.Header.Get("Content-Length") != "17" {
		t.Errorf("HEAD /healthz: %d %q Content-Length %s", resp.StatusCode, b, resp.Header.Get("Content-Length"))
	}
}

func TestUnauthorized(t *testing.T) {
	ts := start(t, service.Config{Token: "s3cret-token"})
	for _, auth := range []string{"", "Bearer wrong", "Basic czNjcmV0LXRva2Vu", "Bearer s3cret-token-and-more"} {
		r, _ := http.NewRequest(http.MethodGet, ts.URL+"/v1/plans", nil)
		if auth != "" {
			r.Header.Set("Authorization", auth)
		}
		code, h, b := ts.do(t, r)
		p := decodeProblem(t, h, b)
		if code != 401 || p.Type != "urn:benefitstd:problem:unauthorized" || !strings.HasPrefix(h.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("Authorization %q: %d %s WWW-Authenticate %q", auth, code, b, h.Get("WWW-Authenticate"))
		}
	}
	// unknown paths under /v1 do not tell a client without the token
	// what exists
	if code, _, _ := ts.get(t, "/v1/nope"); code != 401 {
		t.Errorf("/v1/nope without a token: %d", code)
	}
	r, _ := http.NewRequest(http.MethodGet, ts.URL+"/v1/plans", nil)
	r.Header.Set("Authorization", "Bearer s3cret-token")
	if code, _, _ := ts.do(t, r); code != 200 {
		t.Errorf("with the token: %d", code)
	}
	if code, _, _ := ts.get(t, "/healthz"); code != 200 {
		t.Errorf("/healthz needs no token: %d", code)
	}
}

// A heavy request beyond MaxConcurrent is answered 429 with
// Retry-After. The slot is taken before the body is read, so a request
// whose body has not all arrived holds it.
func TestTooManyRequests(t *testing.T) {
	ts := start(t, service.Config{MaxConcurrent: 1})
	// holding starts a request that takes the one slot and holds it while
	// its body is unfinished; it answers on done.
	holding := func() (*io.PipeWriter, chan int) {
		pr, pw := io.Pipe()
		// a failing test still ends the request holding the slot, or the
		// server's Close would wait for its body for ever
		t.Cleanup(func() { pw.Close() })
		r, _ := http.NewRequest(http.MethodPost, ts.URL+"/v1/check", pr)
		r.Header.Set("Content-Type", "application/json")
		done := make(chan int, 1)
		go func() {
			resp, err := ts.Client().Do(r)
			if err != nil {
				done <- 0
				return
			}
			resp.Body.Close()
			done <- resp.StatusCode
		}()
		go fmt.Fprint(pw, `{"sample": true, `)
		return pw, done
	}
	// A probe that is still at work when the holder asks for the slot
	// sends the holder away with 429 (on a loaded machine it can happen,
	// the probe's connection being warm): then the holder is started
	// again, and given longer to take the slot before the next probe.
	var pw *io.PipeWriter
	var done chan int
	deadline := time.Now().Add(30 * time.Second)
	head := 10 * time.Millisecond
	for got429 := false; !got429; {
		if done == nil {
			pw, done = holding()
			time.Sleep(head)
			head = min(2*head, time.Second)
		}
		select {
		case code := <-done:
			if code != 429 && code != 0 { // 0: sent away while sending its body
				t.Fatalf("the holding request ended with %d before its body did", code)
			}
			pw.Close()
			done = nil
			continue
		default:
		}
		code, h, b := ts.post(t, "/v1/check", `{"sample": true, "as_of": "2024-12"}`)
		if code == 429 {
			p := decodeProblem(t, h, b)
			if h.Get("Retry-After") != "1" || p.Type != "urn:benefitstd:problem:too-many-requests" {
				t.Errorf("429 with Retry-After %q: %s", h.Get("Retry-After"), b)
			}
			got429 = true
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no 429 while the one slot is held")
		}
		time.Sleep(5 * time.Millisecond)
	}
	fmt.Fprint(pw, `"as_of": "2024-12"}`)
	pw.Close()
	if code := <-done; code != 200 {
		t.Errorf("the request holding the slot: %d", code)
	}
	if code, _, _ := ts.post(t, "/v1/check", `{"sample": true, "as_of": "2024-12"}`); code != 200 {
		t.Errorf("after the slot is free: %d", code)
	}
}

// Work past MaxDuration is stopped and answered 503.
func TestTimeout(t *testing.T) {
	ts := start(t, service.Config{MaxDuration: time.Millisecond, MaxRetirees: 10_000_000})
	code, h, b := ts.post(t, "/v1/plan", `{"plan_id": "shanghai-2024", "synthetic": {"count": 5000000}}`)
	if p := decodeProblem(t, h, b); code != 503 || p.Type != "urn:benefitstd:problem:timeout" {
		t.Errorf("%d %s", code, b)
	}
}
