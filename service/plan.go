package service

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/plan"
)

// planRequest is the JSON of POST /v1/plan (PlanRequest).
type planRequest struct {
	PlanID    string         `json:"plan_id,omitzero"`
	Plan      jsontext.Value `json:"plan,omitzero"` // read by plan.Load
	Retirees  []retiree      `json:"retirees,omitzero"`
	Synthetic *struct {
		Count int    `json:"count"`
		Seed  uint64 `json:"seed,omitzero"`
	} `json:"synthetic,omitzero"`
	Calibrate *struct {
		Part   string       `json:"part"`
		Target benefit.Rate `json:"target"`
		Step   string       `json:"step,omitzero"`
	} `json:"calibrate,omitzero"`
}

// retiree is a retiree of a plan request's JSON, with the names of the
// retirees CSV's columns (plan.CSVHeader).
type retiree struct {
	ID          string         `json:"id"`
	BirthDate   plan.Date      `json:"birth_date"`
	RetiredDate plan.Date      `json:"retired_date"`
	Years       int            `json:"years"`
	Months      int            `json:"months,omitzero"`
	Pension     benefit.Amount `json:"pension"`
	AreaClass   int            `json:"area_class,omitzero"`
	Category    string         `json:"category,omitzero"`
	Sex         plan.Sex       `json:"sex,omitzero"`
}

// plan answers POST /v1/plan as `benefitstd plan --format json` (or
// xlsx) does:
// the plan applied to the retirees (JSON, an uploaded CSV or
// generated), calibrated first when asked.
func (s *Server) plan(c *call) ([]byte, error) {
	var req planRequest
	var src source // where the request's JSON is
	var u upload
	if c.media == mediaMultipart {
		var err error
		if u, err = readUpload(c.w, c.r, s.cfg.MaxBody, "retirees"); err != nil {
			return nil, problemOf(err, source{})
		}
		if !u.csv {
			return nil, invalid("retirees", "the retirees part is a CSV file (.csv, or Content-Type text/csv) with the header %s", plan.CSVHeader())
		}
		src.part = "request"
		if u.request != nil {
			if src.doc, err = decodeJSON(u.request, "request", &req); err != nil {
				return nil, problemOf(err, src)
			}
		}
		if len(req.Retirees) > 0 || req.Synthetic != nil {
			return nil, src.mark(invalid("retirees", "with a retirees part, the request part gives neither retirees nor synthetic"))
		}
		if n := csvRecords(u.data, s.cfg.MaxRetirees+1) - 1; n > s.cfg.MaxRetirees {
			p := problem(http.StatusRequestEntityTooLarge, "too-large", fmt.Sprintf("more than %d retirees in one request (--max-retirees)", s.cfg.MaxRetirees))
			p.Part, p.File, p.Limit = "retirees", u.name, int64(s.cfg.MaxRetirees)
			return nil, p
		}
	} else {
		var err error
		if src, err = s.readJSON(c, &req); err != nil {
			return nil, err
		}
	}

	var p plan.Plan
	var err error
	switch {
	case (req.PlanID == "") == (len(req.Plan) == 0):
		return nil, src.mark(invalid("plan_id", "give exactly one of plan_id (see /v1/plans) or plan"))
	case req.PlanID != "":
		if p, err = plan.Builtin(req.PlanID); err != nil {
			return nil, src.mark(invalid("plan_id", "%v", err))
		}
	default:
		if p, err = plan.Load(bytes.NewReader(req.Plan), "request"); err != nil {
			return nil, problemOf(err, source{doc: src.doc, member: "plan", part: src.part})
		}
	}

	out := output.PlanRun{}
	var ps plan.Source
	var at source // where an error of a retiree is
	switch {
	case u.data != nil:
		ps = plan.ReadCSV(bytes.NewReader(u.data), u.name, benefit.Limits{})
		out.Population = u.name
		at = source{part: "retirees", file: u.name}
	case len(req.Retirees) > 0 && req.Synthetic != nil:
		return nil, src.mark(invalid("synthetic", "give retirees or synthetic, not both"))
	case len(req.Retirees) > 0:
		if len(req.Retirees) > s.cfg.MaxRetirees {
			pr := problem(http.StatusRequestEntityTooLarge, "too-large", fmt.Sprintf("more than %d retirees in one request (--max-retirees)", s.cfg.MaxRetirees))
			pr.Field, pr.Limit = fmt.Sprintf("retirees[%d]", s.cfg.MaxRetirees), int64(s.cfg.MaxRetirees)
			return nil, src.mark(pr)
		}
		rs := make([]plan.Retiree, len(req.Retirees))
		for i, r := range req.Retirees {
			rs[i] = plan.Retiree{ID: r.ID, Birth: r.BirthDate, Retired: r.RetiredDate, Years: r.Years, Months: r.Months,
				Pension: r.Pension, Area: r.AreaClass, Category: r.Category, Sex: r.Sex}
			if r.ID == "" {
				return nil, src.mark(invalid(fmt.Sprintf("retirees[%d].id", i), "missing: every retiree needs an id"))
			}
		}
		ps = plan.FromSlice(rs)
		out.Population = "request"
		at = source{doc: src.doc, part: src.part, retirees: true}
	case req.Synthetic != nil:
		n, seed := req.Synthetic.Count, req.Synthetic.Seed
		if seed == 0 {
			seed = 1
		}
		if n < 1 || n > s.cfg.MaxRetirees {
			pr := src.mark(invalid("synthetic.count", "%d: want 1 to %d (--max-retirees)", n, s.cfg.MaxRetirees))
			pr.Limit = int64(s.cfg.MaxRetirees)
			return nil, pr
		}
		ps = plan.Synthetic(seed, n, p.RetiredBy)
		out.Synthetic = true
		out.Population = fmt.Sprintf("SYNTHETIC: %d generated retirees (seed %d), illustrative only, not real data", n, seed)
	default:
		return nil, src.mark(invalid("retirees", "give the retirees (retirees, or a multipart retirees part), or synthetic for a SYNTHETIC population"))
	}

	if cal := req.Calibrate; cal != nil {
		var copt plan.CalibrateOptions
		if cal.Step != "" {
			pt, ok := p.Part(cal.Part)
			switch {
			case !ok:
				return nil, src.mark(invalid("calibrate.part", "plan %s has no part %q", p.ID, cal.Part))
			case pt.Percent != nil:
				copt.RateStep, err = benefit.ParseRate(cal.Step)
				if err == nil && copt.RateStep.Sign() <= 0 {
					err = errors.New("want a step above zero")
				}
			default:
				copt.AmountStep, err = benefit.ParseAmount(cal.Step)
				if err == nil && copt.AmountStep.Sign() <= 0 {
					err = errors.New("want a step above zero")
				}
			}
			if err != nil {
				return nil, src.mark(invalid("calibrate.step", "%s: %v", cal.Step, err))
			}
		}
		pop, err := plan.NewPopulation(ps)
		if err != nil {
			return nil, problemOf(err, at)
		}
		res, err := plan.Calibrate(c.ctx, p, pop, cal.Part, cal.Target, copt)
		if err != nil {
			if errors.Is(err, plan.ErrCalibrate) {
				return nil, src.mark(invalid("calibrate", "%v", err))
			}
			return nil, problemOf(err, at)
		}
		out.Calibration = res
		p, ps = res.Plan, pop
	}

	calc, err := plan.NewCalculator(p)
	if err != nil {
		return nil, problemOf(err, source{doc: src.doc, member: "plan", part: src.part})
	}
	sum, err := calc.Run(c.ctx, ps, plan.Options{Synthetic: out.Synthetic})
	if err != nil {
		return nil, problemOf(err, at)
	}
	if u.data != nil && sum.Retirees == 0 {
		pr := invalid("retirees", "%s: no retirees (only a header?)", u.name)
		pr.Part, pr.File = "retirees", u.name
		return nil, pr
	}
	out.Plan, out.Report = p, sum
	return render(formats[c.accept], &out)
}
