package service

import (
	"bytes"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/columns"
	"github.com/benefitstd/benefitstd/compare"
	"github.com/benefitstd/benefitstd/scenario"
)

// simulateRequest is the JSON of POST /v1/simulate (SimulateRequest):
// a scenario, read by adjust.LoadScenario, or a built-in one by name
// ("default", or a shipped scenario's: builtinNames).
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
// json` (or csv, or xlsx) does, for a scenario or any shipped one.
func (s *Server) simulate(c *call) ([]byte, error) {
	var req simulateRequest
	src, err := s.readJSON(c, &req)
	if err != nil {
		return nil, err
	}
	res, err := s.run(c, &req, src, "", true)
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
	ra, err := s.run(c, req.A, src, "a", false)
	if err != nil {
		return nil, err
	}
	rb, err := s.run(c, req.B, src, "b", false)
	if err != nil {
		return nil, err
	}
	return render(formats[c.accept], compare.Results(ra.(*adjust.Result), rb.(*adjust.Result)))
}

// run runs the scenario of req, found in the request at member: a
// *adjust.Result, or for a shipped scenario over every column of a
// national table (scenario.KindColumns, package columns) a
// *columns.Result when tables is true (compare takes scenarios only).
func (s *Server) run(c *call, req *simulateRequest, src source, member string, tables bool) (any, error) {
	opts := adjust.Options{Limits: benefit.Limits{Document: s.cfg.MaxBody}}
	var sc scenario.Scenario
	var err error
	switch {
	case len(req.Scenario) > 0 && req.Builtin != "":
		return nil, src.mark(invalid(join(member, "builtin"), "give scenario or builtin, not both"))
	case req.Builtin == defaultBuiltin:
		sc, err = defaultScenario()
		if err != nil {
			return nil, internal(err)
		}
	case req.Builtin != "":
		b, err := scenario.Builtin(req.Builtin)
		if err != nil {
			return nil, src.mark(invalid(join(member, "builtin"), "unknown built-in scenario %q (known: %s)", req.Builtin, strings.Join(builtinNames(), ", ")))
		}
		if b.Kind == scenario.KindColumns {
			if !tables {
				return nil, src.mark(invalid(join(member, "builtin"), "built-in scenario %q runs over every column of a national table; compare takes scenarios (known: %s)", req.Builtin, strings.Join(scenarioNames(), ", ")))
			}
			cs, err := columns.Builtin(b, opts)
			if err != nil {
				return nil, internal(err)
			}
			res, err := columns.Run(c.ctx, cs, opts)
			if err != nil {
				return nil, problemOf(err, source{doc: src.doc, member: join(member, "builtin")})
			}
			return res, nil
		}
		if sc, err = adjust.LoadScenario(bytes.NewReader(b.JSON()), b.Path(), opts); err != nil {
			return nil, internal(err)
		}
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

// defaultBuiltin names the embedded default scenario in a request, as
// `benefitstd simulate` without --scenario runs it; the shipped scenarios
// (scenario.Builtins) are named as `--scenario builtin:NAME` names them.
const defaultBuiltin = "default"

// defaultShipped is the shipped scenario that "default" runs, the
// residents' pension.
const defaultShipped = "residents-pension"

// defaultScenario decodes the default scenario and validates it with the
// zero Options.
func defaultScenario() (scenario.Scenario, error) {
	b, err := scenario.Builtin(defaultShipped)
	if err != nil {
		return scenario.Scenario{}, err
	}
	s, err := b.Scenario()
	if err != nil {
		return scenario.Scenario{}, err
	}
	return s, adjust.Validate(&s, adjust.Options{})
}

// builtinNames returns the names a request's builtin takes: "default",
// then the shipped scenarios' (api/openapi.yaml's enum).
func builtinNames() []string {
	names := []string{defaultBuiltin}
	for _, b := range scenario.Builtins() {
		names = append(names, b.Name)
	}
	return names
}

// scenarioNames returns the builtin names compare takes: those of a
// Scenario.
func scenarioNames() []string {
	names := []string{defaultBuiltin}
	for _, b := range scenario.Builtins() {
		if b.Kind == scenario.KindScenario {
			names = append(names, b.Name)
		}
	}
	return names
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
