package service

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/benefitstd/benefitstd/benefit"
)

// The problem types (RFC 9457 "type"): "urn:benefitstd:problem:" and a
// name. api/openapi.yaml lists them.
const problemPrefix = "urn:benefitstd:problem:"

// An apiProblem is an error answered as application/problem+json (RFC
// 9457; the Problem schema of api/openapi.yaml): the standard members,
// and extension members naming the bad input.
type apiProblem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail,omitempty"`
	Instance string `json:"instance,omitempty"`

	// Field is the bad value: a JSON path in the library's spelling
	// ("levels[2].versions[0].amount"), a CSV column, a query parameter
	// or a multipart part.
	Field string `json:"field,omitempty"`
	// Pointer is the bad value's RFC 6901 pointer into the request body
	// or into the uploaded JSON part.
	Pointer string `json:"pointer,omitempty"`
	// Line is the 1-based line of the request body, or of the uploaded
	// part named by Part, where the bad value is.
	Line int `json:"line,omitempty"`
	// Part is the multipart part Field and Line are in, File its file
	// name.
	Part string `json:"part,omitempty"`
	File string `json:"file,omitempty"`
	// Limit is the bound exceeded: bytes of a body, or retirees.
	Limit int64 `json:"limit,omitempty"`

	retryAfter int    // seconds, for 429
	allow      string // for 405
	challenge  string // WWW-Authenticate, for 401
	cause      error  // of an internal problem, for the log
}

func (p *apiProblem) Error() string { return p.Title + ": " + p.Detail }

// problem returns a Problem of the named type.
func problem(status int, name, detail string) *apiProblem {
	return &apiProblem{Type: problemPrefix + name, Title: http.StatusText(status), Status: status, Detail: detail}
}

func invalid(field, format string, args ...any) *apiProblem {
	p := problem(http.StatusBadRequest, "invalid-input", fmt.Sprintf(format, args...))
	p.Field = field
	return p
}

// problemOf classifies an error of reading a request or of the library's
// work on it. Errors of the library on the request's input are the
// client's (400, 413); the caller answers 500 for its own failures.
func problemOf(err error, in source) *apiProblem {
	var p *apiProblem
	if errors.As(err, &p) {
		return p
	}
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		p := problem(http.StatusRequestEntityTooLarge, "too-large", fmt.Sprintf("the request body is larger than %d bytes (--max-body)", mb.Limit))
		p.Limit = mb.Limit
		return p
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return problem(http.StatusServiceUnavailable, "timeout", "the work took longer than the service allows (--max-duration): "+err.Error())
	}
	status, name := http.StatusBadRequest, "invalid-input"
	if errors.Is(err, benefit.ErrTooLarge) {
		status, name = http.StatusRequestEntityTooLarge, "too-large"
	}
	p = problem(status, name, err.Error())
	var re *benefit.RecordError
	if errors.As(err, &re) {
		in.locate(p, re)
	}
	return p
}

// writeProblem answers p.
func writeProblem(w http.ResponseWriter, r *http.Request, p *apiProblem) {
	if id := requestID(r.Context()); id != "" {
		p.Instance = "urn:uuid:" + id
	}
	h := w.Header()
	if p.retryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(p.retryAfter))
	}
	if p.allow != "" {
		h.Set("Allow", p.allow)
	}
	if p.challenge != "" {
		h.Set("WWW-Authenticate", p.challenge)
	}
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil { // a Problem always marshals
		b = []byte(`{"type":"` + problemPrefix + `internal","title":"Internal Server Error","status":500}`)
	}
	b = append(b, '\n')
	h.Set("Content-Type", "application/problem+json")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	w.Write(b)
}
