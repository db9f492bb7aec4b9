package service

import (
	"bytes"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
)

// simulateRequest is the JSON of POST /v1/simulate (SimulateRequest):
// a scenario, read by adjust.LoadScenario, or a built-in one.
type simulateRequest struct {
	Scenario jsontext.Value `json:"scenario,omitzero"`
	Builtin  string         `json:"builtin,omitzero"`
}

// compareRequest is the JSON of POST /v1/simulate/compare.
type compareRequest struct {
	A *simulateRequest `json:"a"`
	B *simulateRequest `json:"b"`
}

// simulate answers POST /v1/simulate as `benefitstd simulate --format
// json` (or csv, or xlsx) does.
func (s *Server) simulate(c *call) ([]byte, error) {
	var req simulateRequest
	src, err := s.readJSON(c, &req)
	if err != nil {
		return nil, err
	}
	res, err := s.run(c, &req, src, "")
	if err != nil {
		return nil, err
	}
	return render(formats[c.accept], res)
}

// compare answers POST /v1/simulate/compare as `benefitstd simulate
// --scenario A --compare B` does.
func (s *Server) compare(c *call) ([]byte, error) {
	var req compareRequest
	src, err := s.readJSON(c, &req)
	if err != nil {
		return nil, err
	}
	for _, x := range []struct {
		name string
		r    *simulateRequest
	}{{"a", req.A}, {"b", req.B}} {
		if x.r == nil {
			return nil, src.mark(invalid(x.name, "missing: give the scenarios a and b"))
		}
	}
	ra, err := s.run(c, req.A, src, "a")
	if err != nil {
		return nil, err
	}
	rb, err := s.run(c, req.B, src, "b")
	if err != nil {
		return nil, err
	}
	return render(formats[c.accept], adjust.Compare(ra, rb))
}

// run runs the scenario of req, found in the request at member.
func (s *Server) run(c *call, req *simulateRequest, src source, member string) (*adjust.Result, error) {
	opts := adjust.Options{Limits: benefit.Limits{Document: s.cfg.MaxBody}}
	var sc adjust.Scenario
	var err error
	switch {
	case len(req.Scenario) > 0 && req.Builtin != "":
		return nil, src.mark(invalid(join(member, "builtin"), "give scenario or builtin, not both"))
	case req.Builtin == "default":
		sc, err = adjust.DefaultScenario()
		if err != nil {
			return nil, internal(err)
		}
	case req.Builtin != "":
		return nil, src.mark(invalid(join(member, "builtin"), "unknown built-in scenario %q (known: default)", req.Builtin))
	case len(req.Scenario) > 0:
		at := source{doc: src.doc, member: join(member, "scenario")}
		if sc, err = adjust.LoadScenario(bytes.NewReader(req.Scenario), "request", opts); err != nil {
			return nil, problemOf(err, at)
		}
	default:
		return nil, src.mark(invalid(join(member, "scenario"), "give a scenario, or builtin: \"default\""))
	}
	res, err := adjust.Run(c.ctx, sc, opts)
	if err != nil {
		return nil, problemOf(err, source{doc: src.doc, member: join(member, "scenario")})
	}
	return res, nil
}

// readJSON reads and decodes the JSON body of c into v.
func (s *Server) readJSON(c *call, v any) (source, error) {
	data, err := readBody(c.w, c.r, s.cfg.MaxBody)
	if err != nil {
		return source{}, problemOf(err, source{})
	}
	doc, err := decodeJSON(data, "request", v)
	if err != nil {
		return source{}, problemOf(err, source{})
	}
	return source{doc: doc}, nil
}
