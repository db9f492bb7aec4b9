package region

import (
	"errors"
	"fmt"
	"io"
	"maps"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
)

// A Payer says who pays a programme's benefits (支付主体).
type Payer string

const (
	// PayerBudget: the budgets pay (财政), split between the centre and
	// the locality by the cost rule's shares. The zero Payer means this.
	PayerBudget Payer = "budget"
	// PayerFund: a social-insurance fund pays (社会保险基金), such as the
	// unemployment insurance fund (失业保险条例 第十条); the shares of the
	// cost rule do not apply.
	PayerFund Payer = "fund"
)

// A CostRule says how the cost of a programme's level is split between
// the centre and the locality, as data rather than as code. The level is
// split into two parts: the part up to the national floor (FloorPart)
// and the local top-up above it (TopUp); each part has a central share
// per fiscal tier.
//
// For 城乡居民基础养老金 the centre pays 100 % of the floor part in tiers
// 1-2 and 50 % elsewhere, and nothing of the top-up. A programme whose
// whole level is shared by tier uses the same shares for both parts.
// Payer says who pays: the budgets (the zero value, PayerBudget, split
// by the shares) or a fund (PayerFund), whose shares are all 0 %.
type CostRule struct {
	Program   string                  `json:"program"`
	Payer     Payer                   `json:"payer,omitempty"`
	FloorPart map[string]benefit.Rate `json:"floor_part"` // tier "1"…"5" → central share
	TopUp     map[string]benefit.Rate `json:"top_up"`     // tier "1"…"5" → central share
	Citation  benefit.Citation        `json:"citation"`
}

// validate checks the rule; the error is a *benefit.RecordError whose
// Field is path, the rule ("cost_sharing[2]"), and whose message names
// the member at fault (path.citation.confidence for a bad mark).
func (r CostRule) validate(path string) error {
	bad := func(err error) error {
		return &benefit.RecordError{Field: path, Err: err}
	}
	if r.Program == "" {
		return bad(fmt.Errorf("%w: missing program", benefit.ErrSyntax))
	}
	switch r.Payer {
	case "", PayerBudget:
	case PayerFund:
		for _, m := range []map[string]benefit.Rate{r.FloorPart, r.TopUp} {
			for _, s := range m {
				if !s.IsZero() {
					return bad(fmt.Errorf("%w: a programme paid by a fund has no central share", benefit.ErrSyntax))
				}
			}
		}
	default:
		return bad(fmt.Errorf("%w: payer %q (want budget or fund)", benefit.ErrSyntax, r.Payer))
	}
	for _, part := range []struct {
		name string
		m    map[string]benefit.Rate
	}{{"floor_part", r.FloorPart}, {"top_up", r.TopUp}} {
		name, m := part.name, part.m
		for tr := Tier(1); tr <= 5; tr++ {
			s, ok := m[tr.String()]
			if !ok {
				return bad(fmt.Errorf("%w: %s has no share for tier %s", benefit.ErrSyntax, name, tr))
			}
			if s.Sign() < 0 || s.Cmp(benefit.Percent(100)) > 0 {
				return bad(fmt.Errorf("%w: %s tier %s: %w", benefit.ErrRange, name, tr, errShare))
			}
		}
		if len(m) != 5 {
			return bad(fmt.Errorf("%w: %s must have exactly tiers 1-5", benefit.ErrSyntax, name))
		}
	}
	if _, err := r.Citation.Mark(); err != nil {
		return &benefit.RecordError{Field: path + ".citation.confidence", Err: err}
	}
	return nil
}

// WithCostRules returns a new table with t's divisions, tiers and groups
// and t's cost rules with rules added: a rule for a programme t already
// has a rule for replaces it. This is how a programme the embedded data
// has no rule for (the veterans' benefits) is costed, or a rule is
// changed. Each rule must give a programme, a payer of budget (or none)
// or fund, central shares of 0-100 % for exactly the tiers 1-5 of both
// parts (0 % throughout for a fund) and a valid confidence mark; two
// rules for one programme are an error. An error is a
// *benefit.RecordError naming the rule ("cost_rules[1]"; the message
// names the member) and wrapping benefit.ErrSyntax (or ErrRange for a
// share out of range); t is not changed.
func (t *Table) WithCostRules(rules ...CostRule) (*Table, error) {
	return t.withCostRules("cost_rules", rules)
}

func (t *Table) withCostRules(path string, rules []CostRule) (*Table, error) {
	seen := map[string]int{}
	for i, r := range rules {
		p := fmt.Sprintf("%s[%d]", path, i)
		if err := r.validate(p); err != nil {
			return nil, err
		}
		if j, dup := seen[r.Program]; dup {
			return nil, &benefit.RecordError{Field: p + ".program", Err: fmt.Errorf("%w: %s already has a rule in %s[%d]", benefit.ErrSyntax, r.Program, path, j)}
		}
		seen[r.Program] = i
	}
	nt := *t
	nt.costRules = maps.Clone(t.costRules)
	if nt.costRules == nil {
		nt.costRules = map[string]CostRule{}
	}
	for _, r := range rules {
		r.FloorPart, r.TopUp = maps.Clone(r.FloorPart), maps.Clone(r.TopUp)
		nt.costRules[r.Program] = r
	}
	return &nt, nil
}

// ReadCostRules reads cost rules from a JSON document of the form of the
// embedded region/data/fiscal.json's "cost_sharing":
//
//	{"cost_sharing": [
//	  {"program": "veterans.disability",
//	   "floor_part": {"1": "80%", "2": "60%", "3": "50%", "4": "30%", "5": "10%"},
//	   "top_up":     {"1": "0%", "2": "0%", "3": "0%", "4": "0%", "5": "0%"},
//	   "citation": {"title": "…", "confidence": "M"}}
//	]}
//
// decoded strictly (unknown members, a name given twice, trailing data
// are errors) within lim (the zero Limits: the defaults), and checks
// each rule as WithCostRules does. name is the file name errors give;
// every error is a *benefit.RecordError naming the file, the line and
// the rule or field ("cost_sharing[0]", "cost_sharing[0].floor_part.3"
// for a share that does not decode). Give the rules to WithCostRules.
func ReadCostRules(r io.Reader, name string, lim benefit.Limits) ([]CostRule, error) {
	var doc struct {
		CostSharing []CostRule `json:"cost_sharing"`
	}
	d, err := input.ReadJSON(r, name, &doc, lim)
	if err != nil {
		return nil, err
	}
	if len(doc.CostSharing) == 0 {
		return nil, &benefit.RecordError{File: name, Line: 1, Field: "cost_sharing", Err: fmt.Errorf("%w: no cost rules", benefit.ErrSyntax)}
	}
	if _, err := (&Table{}).withCostRules("cost_sharing", doc.CostSharing); err != nil {
		if re, ok := errors.AsType[*benefit.RecordError](err); ok {
			re.File = name
		}
		return nil, d.Locate(err)
	}
	return doc.CostSharing, nil
}

// CostRule returns the cost-sharing rule of a programme, or an error
// wrapping ErrNoCostRule.
func (t *Table) CostRule(program string) (CostRule, error) {
	r, ok := t.costRules[program]
	if !ok {
		return CostRule{}, fmt.Errorf("%w %q", ErrNoCostRule, program)
	}
	r.FloorPart = maps.Clone(r.FloorPart)
	r.TopUp = maps.Clone(r.TopUp)
	return r, nil
}

// Payer returns who pays the benefits of a programme: PayerBudget or
// PayerFund, and false when the table has no cost rule for it.
func (t *Table) Payer(program string) (Payer, bool) {
	r, ok := t.costRules[program]
	if !ok {
		return "", false
	}
	if r.Payer == "" {
		return PayerBudget, true
	}
	return r.Payer, true
}

// A Split is a cost divided between the centre and the locality.
// Central + Local == Total exactly.
type Split struct {
	Total   benefit.Amount `json:"total"`
	Central benefit.Amount `json:"central"`
	Local   benefit.Amount `json:"local"`
}

// Split divides a cost between the centre and region c under the
// programme's rule. floorPart is the part of total that pays for the
// level up to the national floor, and total − floorPart the top-up above
// it; pass floorPart = total for a shortfall below the floor (a
// floorPart above total is taken as total). The central share is
// computed exactly and rounded once, half-up to the fen
// (benefit.FenHalfUp()), and the local share is total minus the central
// one, so the two always add up to total.
//
// The error wraps ErrNoCostRule for a programme without a rule (the
// veterans' benefits), and ErrInvalidCode or ErrUnknownRegion as Tier's
// does.
func (t *Table) Split(program string, c Code, total, floorPart benefit.Amount) (Split, error) {
	r, ok := t.costRules[program] // read in place: CostRule hands out copies
	if !ok {
		return Split{}, fmt.Errorf("%w %q", ErrNoCostRule, program)
	}
	tr, err := t.Tier(c)
	if err != nil {
		return Split{}, err
	}
	if floorPart.Cmp(total) > 0 {
		floorPart = total
	}
	topUp := total.Sub(floorPart)
	central := floorPart.MulRate(r.FloorPart[tr.String()]).Add(topUp.MulRate(r.TopUp[tr.String()])).Round(benefit.FenHalfUp())
	return Split{Total: total, Central: central, Local: total.Sub(central)}, nil
}
