package service

import (
	"context"
	"errors"
	"mime"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/benefitstd/benefitstd/output"
)

// Media types.
const (
	mediaJSON      = "application/json"
	mediaXML       = "application/xml"
	mediaCSV       = "text/csv"
	mediaXLSX      = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	mediaMultipart = "multipart/form-data"
)

// formats are the output formats that write the answers' media types.
var formats = map[string]string{
	mediaJSON: output.FormatJSON,
	mediaXML:  output.FormatJUnit,
	mediaCSV:  output.FormatCSV,
	mediaXLSX: output.FormatXLSX,
}

// A call is one request to an endpoint, as its handler sees it.
type call struct {
	w      http.ResponseWriter
	r      *http.Request
	ctx    context.Context // the request's, with the work deadline for a heavy one
	accept string          // the media type of the answer, by the Accept header
	media  string          // the request body's media type (POST)
}

// An endpoint is what a route does with one method.
type endpoint struct {
	method   string
	heavy    bool     // takes a slot (429 when none is free) and the work deadline
	consumes []string // media types of the body (POST)
	produces []string // media types of the answer, the default first
	query    []string // the query parameters it takes; any other is refused
	// run answers the call: the body of a 200 answer, or an error (a
	// *apiProblem, or an error of the library's that problemOf classifies).
	run func(c *call) ([]byte, error)
}

// endpoints returns the service's endpoints by path; "/v1/plans/{id}"
// stands for every path under /v1/plans/.
func (s *Server) endpoints() map[string]endpoint {
	jobs := func(run func(*call) ([]byte, error), consumes []string, produces ...string) endpoint {
		e := endpoint{method: http.MethodPost, heavy: true, consumes: consumes, produces: produces, run: run}
		if slices.Contains(produces, mediaXLSX) {
			e.query = []string{"format"} // format=xlsx: the workbook, without an Accept header
		}
		return e
	}
	list := func(run func(*call) ([]byte, error), query ...string) endpoint {
		return endpoint{method: http.MethodGet, produces: []string{mediaJSON}, query: query, run: run}
	}
	exact := map[string]endpoint{
		"/healthz":      list(func(*call) ([]byte, error) { return []byte("{\"status\": \"ok\"}\n"), nil }),
		"/readyz":       list(s.readyz),
		"/openapi.json": list(func(*call) ([]byte, error) { return s.openapi, nil }),

		"/v1/check":            jobs(s.check, []string{mediaJSON, mediaMultipart}, mediaJSON, mediaXML, mediaXLSX),
		"/v1/simulate":         jobs(s.simulate, []string{mediaJSON}, mediaJSON, mediaCSV, mediaXLSX),
		"/v1/simulate/compare": jobs(s.compare, []string{mediaJSON}, mediaJSON, mediaCSV),
		"/v1/plan":             jobs(s.plan, []string{mediaJSON, mediaMultipart}, mediaJSON, mediaXLSX),

		"/v1/floors":   list(s.floors, "program", "at"),
		"/v1/programs": list(s.programs),
		"/v1/regions":  list(s.regions, "under", "all"),
		"/v1/plans":    list(s.plans),

		"/v1/plans/{id}": list(s.planJSON),
	}
	return exact
}

func (s *Server) routes() http.Handler {
	exact := s.endpoints()
	planJSON := exact["/v1/plans/{id}"]
	delete(exact, "/v1/plans/{id}")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e, ok := exact[r.URL.Path]
		if id, under := strings.CutPrefix(r.URL.Path, "/v1/plans/"); !ok && under && id != "" && !strings.Contains(id, "/") {
			e, ok = planJSON, true
		}
		if !ok {
			discard(r)
			writeProblem(w, r, problem(http.StatusNotFound, "not-found", "no endpoint "+strconv.Quote(r.URL.Path)+"; /openapi.json lists them"))
			return
		}
		s.serve(w, r, e)
	})
}

// serve answers r with e: method, query, Accept and Content-Type first,
// then a slot for heavy work, then the work.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, e endpoint) {
	fail := func(p *apiProblem) {
		discard(r)
		writeProblem(w, r, p)
	}
	if r.Method != e.method && !(e.method == http.MethodGet && r.Method == http.MethodHead) {
		p := problem(http.StatusMethodNotAllowed, "method-not-allowed", r.Method+" "+r.URL.Path+": this endpoint takes "+e.method)
		p.allow = e.method
		if e.method == http.MethodGet {
			p.allow = "GET, HEAD"
		}
		fail(p)
		return
	}
	for k := range r.URL.Query() {
		if !slices.Contains(e.query, k) {
			p := invalid(k, "unknown query parameter %q", k)
			if len(e.query) > 0 {
				p.Detail += " (this endpoint takes " + strings.Join(e.query, ", ") + ")"
			}
			fail(p)
			return
		}
	}
	produces := e.produces
	if f, given := r.URL.Query()["format"]; given {
		// Only an endpoint that answers a workbook takes format.
		if len(f) != 1 || f[0] != output.FormatXLSX {
			fail(invalid("format", "format %q: want xlsx (an Excel workbook); the other answers are chosen by the Accept header", strings.Join(f, ",")))
			return
		}
		produces = []string{mediaXLSX}
	}
	c := &call{w: w, r: r, ctx: r.Context()}
	var ok bool
	if c.accept, ok = negotiate(r.Header.Values("Accept"), produces); !ok {
		fail(problem(http.StatusNotAcceptable, "not-acceptable", "this request is answered "+strings.Join(produces, " or ")+"; the Accept header names none of them"))
		return
	}
	if e.method == http.MethodPost {
		mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil || !slices.Contains(e.consumes, mt) || (mt == mediaJSON && !isJSON(r.Header.Get("Content-Type"))) {
			p := problem(http.StatusUnsupportedMediaType, "unsupported-media-type",
				"Content-Type "+strconv.Quote(r.Header.Get("Content-Type"))+": this endpoint reads "+strings.Join(e.consumes, " or "))
			w.Header().Set("Accept-Post", strings.Join(e.consumes, ", "))
			fail(p)
			return
		}
		c.media = mt
	}
	var release func()
	if e.heavy {
		var p *apiProblem
		if release, p = s.acquire(); p != nil {
			fail(p)
			return
		}
		// The slot is freed when the work is done, before the answer is
		// written (a client that has its answer finds the slot free), or
		// when the work panics.
		defer func() {
			if release != nil {
				release()
			}
		}()
		var cancel context.CancelFunc
		c.ctx, cancel = context.WithTimeout(r.Context(), s.cfg.MaxDuration)
		defer cancel()
	}
	body, err := e.run(c)
	if release != nil {
		release()
		release = nil
	}
	if err != nil {
		if r.Context().Err() != nil {
			// The client went away, or the server stopped the work at
			// shutdown: nobody reads an answer (the log says 499).
			return
		}
		var p *apiProblem
		if !errors.As(err, &p) {
			p = problemOf(err, source{})
		}
		if p.cause != nil {
			s.cfg.Logger.Error("internal error", "request_id", requestID(r.Context()), "error", p.cause.Error())
		}
		writeProblem(w, r, p)
		return
	}
	h := w.Header()
	ct := c.accept
	switch ct {
	case mediaXML, mediaCSV:
		ct += "; charset=utf-8"
	case mediaXLSX:
		h.Set("Content-Disposition", `attachment; filename="`+path.Base(r.URL.Path)+`.xlsx"`)
	}
	h.Set("Content-Type", ct)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if e.heavy {
		h.Set("Cache-Control", "no-store")
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// internal is a failure of the service itself (500).
func internal(err error) *apiProblem {
	p := problem(http.StatusInternalServerError, "internal", "the service failed on this request; its id is in the service's log")
	p.cause = err
	return p
}

func (s *Server) readyz(*call) ([]byte, error) {
	if !s.ready.Load() {
		return nil, problem(http.StatusServiceUnavailable, "unavailable", "the service is shutting down")
	}
	return []byte("{\"status\": \"ready\"}\n"), nil
}

// negotiate picks the media type of the answer from the Accept header
// (RFC 9110 §12.5.1: the highest quality, then the most specific match,
// then the endpoint's order); no header takes the first of produces.
// text/xml stands for application/xml.
func negotiate(accept []string, produces []string) (string, bool) {
	if len(accept) == 0 {
		return produces[0], true
	}
	best, bestQ := "", 0.0
	for _, offer := range produces {
		q, spec := 0.0, -1
		for _, h := range accept {
			for _, rng := range strings.Split(h, ",") {
				mt, params, err := mime.ParseMediaType(strings.TrimSpace(rng))
				if err != nil {
					continue
				}
				if mt == "text/xml" {
					mt = mediaXML
				}
				rq := 1.0
				if v, ok := params["q"]; ok {
					if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 0 && f <= 1 {
						rq = f
					}
				}
				typ, _, _ := strings.Cut(offer, "/")
				sp := -1
				switch {
				case mt == offer:
					sp = 2
				case mt == typ+"/*":
					sp = 1
				case mt == "*/*":
					sp = 0
				}
				if sp > spec {
					q, spec = rq, sp
				}
			}
		}
		if spec >= 0 && q > bestQ {
			best, bestQ = offer, q
		}
	}
	return best, bestQ > 0
}
