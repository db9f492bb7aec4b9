package service

import (
	"bytes"
	"fmt"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/output"
)

// checkRequest is the JSON of POST /v1/check (CheckRequest).
type checkRequest struct {
	Levels      jsontext.Value `json:"levels,omitzero"` // the levels document, read by floor.ReadJSON
	Sample      bool           `json:"sample,omitzero"`
	At          benefit.Month  `json:"at,omitzero"`
	From        benefit.Month  `json:"from,omitzero"`
	To          benefit.Month  `json:"to,omitzero"`
	AsOf        benefit.Month  `json:"as_of,omitzero"`
	PassThrough bool           `json:"pass_through,omitzero"`
}

// check answers POST /v1/check as `benefitstd check` does: the levels of
// the request (JSON, or an uploaded CSV or JSON file) or the embedded
// sample, checked with floor.Check, the report rendered by package
// output as JSON, JUnit XML or an Excel workbook.
func (s *Server) check(c *call) ([]byte, error) {
	var req checkRequest
	var in floor.Input
	var src source    // where the options are
	var levels source // where the levels are
	setOpts := floor.SetOptions{Limits: benefit.Limits{Document: s.cfg.MaxBody}}
	if c.media == mediaMultipart {
		u, err := readUpload(c.w, c.r, s.cfg.MaxBody, "levels")
		if err != nil {
			return nil, problemOf(err, source{})
		}
		src.part = "request"
		if u.request != nil {
			if src.doc, err = decodeJSON(u.request, "request", &req); err != nil {
				return nil, problemOf(err, src)
			}
		}
		if len(req.Levels) > 0 || req.Sample {
			return nil, src.mark(invalid("levels", "with a levels part, the request part gives neither levels nor sample"))
		}
		levels = source{part: "levels", file: u.name}
		if u.csv {
			in.Levels, err = floor.ReadCSV(bytes.NewReader(u.data), u.name, setOpts)
		} else {
			in, err = floor.ReadJSON(bytes.NewReader(u.data), u.name, setOpts)
		}
		if err != nil {
			return nil, problemOf(err, levels)
		}
	} else {
		data, err := readBody(c.w, c.r, s.cfg.MaxBody)
		if err != nil {
			return nil, problemOf(err, src)
		}
		if src.doc, err = decodeJSON(data, "request", &req); err != nil {
			return nil, problemOf(err, src)
		}
		switch {
		case len(req.Levels) > 0 && req.Sample:
			return nil, src.mark(invalid("sample", "give levels or sample, not both"))
		case req.Sample:
			in = floor.Sample()
		case len(req.Levels) > 0:
			levels = source{doc: src.doc, member: "levels"}
			if in, err = floor.ReadJSON(bytes.NewReader(req.Levels), "request", setOpts); err != nil {
				return nil, problemOf(err, levels)
			}
		default:
			return nil, src.mark(invalid("levels", "give the levels to check (levels), or sample: true for the embedded ILLUSTRATIVE sample"))
		}
	}
	opts, p := s.checkOptions(&req)
	if p != nil {
		return nil, src.mark(p)
	}
	if len(in.Levels) == 0 {
		return nil, invalid("levels", "no levels to check")
	}
	opts.Waivers = in.Waivers
	rep, err := floor.Check(in.Levels, opts)
	if err != nil {
		return nil, problemOf(err, levels)
	}
	rep.Illustrative, rep.Note = in.Illustrative, in.Note
	return render(formats[c.accept], rep)
}

// checkOptions are the floor.Options of a check request, as `benefitstd
// check --at | --from --to, --as-of, --pass-through` sets them; as_of
// defaults to the current month.
func (s *Server) checkOptions(req *checkRequest) (floor.Options, *apiProblem) {
	opts := floor.Options{PassThrough: req.PassThrough, From: req.From, To: req.To, AsOf: req.AsOf}
	switch {
	case !req.At.IsZero() && (!req.From.IsZero() || !req.To.IsZero()):
		return opts, invalid("at", "give either at or from/to, not both")
	case !req.At.IsZero():
		if req.At == benefit.NewMonth(benefit.MaxYear, 12) {
			return opts, invalid("at", "at %s: the last month that can be checked is %s", req.At, req.At.AddMonths(-1))
		}
		opts.From, opts.To = req.At, req.At.AddMonths(1)
	case !req.From.IsZero() && !req.To.IsZero() && req.To <= req.From:
		return opts, invalid("to", "to %s is not after from %s", req.To, req.From)
	}
	if opts.AsOf.IsZero() {
		opts.AsOf = benefit.MonthOf(s.cfg.Now())
	}
	return opts, nil
}

// render returns v rendered by package output in format.
func render(format string, v any) ([]byte, error) {
	var b bytes.Buffer
	r, err := output.New(format, &b, output.Options{})
	if err == nil {
		err = r.Render(v)
	}
	if err != nil {
		return nil, internal(fmt.Errorf("rendering %T as %s: %w", v, format, err))
	}
	return b.Bytes(), nil
}
