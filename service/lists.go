package service

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/plan"
	"github.com/benefitstd/benefitstd/region"
)

// floors answers GET /v1/floors[?program=ID][&at=YYYY-MM] as
// `benefitstd floors --format json` does.
func (s *Server) floors(c *call) ([]byte, error) {
	q := c.r.URL.Query()
	var at benefit.Month
	if v := q.Get("at"); v != "" {
		m, err := benefit.ParseMonth(v)
		if err != nil {
			return nil, invalid("at", "%v", err)
		}
		at = m
	}
	cat := benefit.DefaultCatalogue()
	ids := cat.IDs()
	if id := q.Get("program"); id != "" {
		if _, err := cat.Program(id); err != nil {
			return nil, invalid("program", "%v", err)
		}
		ids = []string{id}
	}
	list, err := output.ListFloors(floor.Default(), cat, ids, at)
	if err != nil {
		return nil, internal(err)
	}
	return render(output.FormatJSON, list)
}

// programList is the JSON of GET /v1/programs (ProgramList).
type programList struct {
	CatalogueVersion string            `json:"catalogue_version"`
	Programs         []benefit.Program `json:"programs"`
}

// programs answers GET /v1/programs: the embedded programme catalogue.
func (s *Server) programs(*call) ([]byte, error) {
	cat := benefit.DefaultCatalogue()
	l := programList{CatalogueVersion: cat.Version(), Programs: []benefit.Program{}}
	for p := range cat.All() {
		l.Programs = append(l.Programs, p)
	}
	return marshal(l)
}

// regions answers GET /v1/regions[?under=CODE | ?all=true] as
// `benefitstd regions --format json` does: by default the provinces and
// the divisions with a fiscal tier of their own (the 计划单列市).
func (s *Server) regions(c *call) ([]byte, error) {
	q := c.r.URL.Query()
	t := region.Default()
	all := false
	if v := q.Get("all"); v != "" {
		switch v {
		case "true":
			all = true
		case "false":
		default:
			return nil, invalid("all", "%q: want true or false", v)
		}
	}
	var divs []region.Division
	switch under := q.Get("under"); {
	case all && under != "":
		return nil, invalid("under", "give either under or all, not both")
	case under != "":
		code, err := region.ParseCode(under)
		if err == nil {
			divs, err = t.Under(code)
		}
		if err != nil {
			return nil, invalid("under", "%v", err)
		}
	case all:
		for d := range t.All() {
			divs = append(divs, d)
		}
	default:
		divs = ownTiers(t)
	}
	list, err := output.ListRegions(t, divs)
	if err != nil {
		return nil, internal(err)
	}
	return render(output.FormatJSON, list)
}

// ownTiers returns the provinces and the other divisions with a fiscal
// tier of their own (the 计划单列市), in code order, as `benefitstd
// regions` lists them by default.
func ownTiers(t *region.Table) []region.Division {
	var out []region.Division
	for d := range t.All() {
		if d.Rank == region.Province {
			out = append(out, d)
		}
	}
	for tr := region.Tier(1); tr <= 5; tr++ {
		for _, c := range t.TierMembers(tr) {
			if d, _ := t.Lookup(c); d.Rank != region.Province {
				out = append(out, d)
			}
		}
	}
	slices.SortFunc(out, func(a, b region.Division) int { return a.Code.Compare(b.Code) })
	return out
}

// planList is the JSON of GET /v1/plans (PlanList).
type planList struct {
	Plans    []planEntry               `json:"plans"`
	National []plan.NationalAdjustment `json:"national"`
}

type planEntry struct {
	ID        string           `json:"id"`
	Name      string           `json:"name"`
	NameEN    string           `json:"name_en"`
	Region    region.Code      `json:"region"`
	Effective benefit.Month    `json:"effective"`
	Status    benefit.Status   `json:"status"`
	Citation  benefit.Citation `json:"citation"`
	Note      string           `json:"note,omitempty"`
	Parts     []string         `json:"parts"`
}

// plans answers GET /v1/plans: the shipped plans (`benefitstd plan
// --list`) and the national overall adjustments.
func (s *Server) plans(*call) ([]byte, error) {
	l := planList{Plans: []planEntry{}, National: plan.NationalAdjustments()}
	for _, p := range plan.Builtins() {
		e := planEntry{ID: p.ID, Name: p.Name, NameEN: p.NameEN, Region: p.Region, Effective: p.Effective,
			Status: p.Status, Citation: p.Citation, Note: p.Note, Parts: []string{}}
		for _, pt := range p.Parts {
			e.Parts = append(e.Parts, pt.ID)
		}
		l.Plans = append(l.Plans, e)
	}
	return marshal(l)
}

// planJSON answers GET /v1/plans/{id}: the shipped plan's JSON, as
// `benefitstd plan --builtin ID --dump` prints it.
func (s *Server) planJSON(c *call) ([]byte, error) {
	id := strings.TrimPrefix(c.r.URL.Path, "/v1/plans/")
	b, err := plan.BuiltinJSON(id)
	if errors.Is(err, plan.ErrUnknownPlan) {
		return nil, problem(http.StatusNotFound, "not-found", err.Error())
	}
	if err != nil {
		return nil, internal(err)
	}
	return b, nil
}

// marshal returns v as JSON indented as package output writes it.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, internal(err)
	}
	return b.Bytes(), nil
}
