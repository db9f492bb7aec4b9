package region

import (
	"fmt"
	"maps"

	"github.com/benefitstd/benefitstd/benefit"
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

func (r CostRule) validate() error {
	if r.Program == "" {
		return fmt.Errorf("%w: missing program", benefit.ErrSyntax)
	}
	switch r.Payer {
	case "", PayerBudget:
	case PayerFund:
		for _, m := range []map[string]benefit.Rate{r.FloorPart, r.TopUp} {
			for _, s := range m {
				if !s.IsZero() {
					return fmt.Errorf("%w: a programme paid by a fund has no central share", benefit.ErrSyntax)
				}
			}
		}
	default:
		return fmt.Errorf("%w: payer %q (want budget or fund)", benefit.ErrSyntax, r.Payer)
	}
	for _, part := range []struct {
		name string
		m    map[string]benefit.Rate
	}{{"floor_part", r.FloorPart}, {"top_up", r.TopUp}} {
		name, m := part.name, part.m
		for tr := Tier(1); tr <= 5; tr++ {
			s, ok := m[tr.String()]
			if !ok {
				return fmt.Errorf("%w: %s has no share for tier %s", benefit.ErrSyntax, name, tr)
			}
			if s.Sign() < 0 || s.Cmp(benefit.Percent(100)) > 0 {
				return fmt.Errorf("%s tier %s: %w", name, tr, errShare)
			}
		}
		if len(m) != 5 {
			return fmt.Errorf("%w: %s must have exactly tiers 1-5", benefit.ErrSyntax, name)
		}
	}
	return nil
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
