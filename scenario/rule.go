package scenario

import (
	"fmt"
	"slices"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
)

// A RuleKind names what a rule proposes.
type RuleKind string

// The rules a region can propose (调整办法).
const (
	// KindFixed (定额调整) adds Amount to the current level.
	KindFixed RuleKind = "fixed"
	// KindPercent (按比例调整) adds Percent of the current level.
	KindPercent RuleKind = "percent"
	// KindIndex (挂钩调整, indexation) adds
	// (WageWeight × wage growth + CPIWeight × CPI + Offset) of the
	// current level, using the region's assumptions for the year.
	KindIndex RuleKind = "index"
	// KindCatchUp (追赶) raises the level to the year's national floor
	// plus Margin when it is below that; otherwise it proposes no change.
	KindCatchUp RuleKind = "catch_up"
	// KindPassThrough (同步提高) adds the year's increase of the national
	// floor, so that a region above the floor keeps its top-up (此次增加的
	// 基础养老金金额，不得冲抵或替代各地自行提高的基础养老金,
	// 人社部发〔2015〕5号, cited in floor/data/national.json).
	KindPassThrough RuleKind = "pass_through"
	// KindSum adds the increases its Parts propose.
	KindSum RuleKind = "sum"
	// KindShare (按参照标准的比例) proposes a share of one of the region's
	// References (Of: the minimum wage, for the unemployment benefit): the
	// share From in the base year, Step more each year, never past Target
	// (逐步将失业保险金标准提高到最低工资标准的90%, 人社部发〔2017〕71号),
	// of the figure in force in the year's effective month (January by
	// default).
	KindShare RuleKind = "share"
)

// A Rule proposes each year's new level of a region. It is pure data:
// Kind says which fields are read; the others must be left empty.
//
// Every rule is computed as an increase over the current level; the
// proposal is current level + increase, rounded by the programme's
// rounding. A Sum adds its parts' increases before that one rounding.
type Rule struct {
	Kind       RuleKind        `json:"kind"`
	Amount     *benefit.Amount `json:"amount,omitempty"`      // fixed
	Percent    *benefit.Rate   `json:"percent,omitempty"`     // percent
	WageWeight *benefit.Rate   `json:"wage_weight,omitempty"` // index
	CPIWeight  *benefit.Rate   `json:"cpi_weight,omitempty"`  // index
	Offset     *benefit.Rate   `json:"offset,omitempty"`      // index
	Margin     *benefit.Amount `json:"margin,omitempty"`      // catch_up
	Parts      []Rule          `json:"parts,omitempty"`       // sum
	Of         string          `json:"of,omitempty"`          // share: the reference, e.g. "reference.min_wage"
	From       *benefit.Rate   `json:"from,omitempty"`        // share: the share in the base year
	Step       *benefit.Rate   `json:"step,omitempty"`        // share: added each year (percentage points)
	Target     *benefit.Rate   `json:"target,omitempty"`      // share: the share it stops at
}

// Fixed returns the rule "add a each year" (定额调整).
func Fixed(a benefit.Amount) Rule { return Rule{Kind: KindFixed, Amount: &a} }

// PercentOfLevel returns the rule "add p of the current level".
func PercentOfLevel(p benefit.Rate) Rule { return Rule{Kind: KindPercent, Percent: &p} }

// Indexation returns the rule "add (wage × wage growth + cpi × CPI +
// offset) of the current level" (挂钩 职工平均工资增长、物价上涨,
// 社会保险法 第十八条).
func Indexation(wage, cpi, offset benefit.Rate) Rule {
	return Rule{Kind: KindIndex, WageWeight: &wage, CPIWeight: &cpi, Offset: &offset}
}

// CatchUp returns the rule "at least the national floor plus margin".
func CatchUp(margin benefit.Amount) Rule { return Rule{Kind: KindCatchUp, Margin: &margin} }

// PassThrough returns the rule "add the national floor's increase".
func PassThrough() Rule { return Rule{Kind: KindPassThrough} }

// Sum returns the rule that adds the increases of parts.
func Sum(parts ...Rule) Rule { return Rule{Kind: KindSum, Parts: parts} }

// Share returns the rule "from of reference of in the base year, step
// more each year, up to target" (KindShare).
func Share(of string, from, step, target benefit.Rate) Rule {
	return Rule{Kind: KindShare, Of: of, From: &from, Step: &step, Target: &target}
}

// String describes the rule in one line, e.g.
// "pass_through + percent 1%".
func (r Rule) String() string {
	switch r.Kind {
	case KindFixed:
		return "fixed +" + amt(r.Amount)
	case KindPercent:
		return "percent " + rate(r.Percent)
	case KindIndex:
		var terms []string
		if r.WageWeight != nil {
			terms = append(terms, rate(r.WageWeight)+"×wage")
		}
		if r.CPIWeight != nil {
			terms = append(terms, rate(r.CPIWeight)+"×cpi")
		}
		s := "index " + strings.Join(terms, " + ")
		if r.Offset != nil && !r.Offset.IsZero() {
			s += " + " + rate(r.Offset)
		}
		return s
	case KindCatchUp:
		if r.Margin == nil {
			return "catch_up floor"
		}
		return "catch_up floor+" + amt(r.Margin)
	case KindPassThrough:
		return "pass_through"
	case KindShare:
		return "share of " + r.Of + " " + rate(r.From) + " +" + rate(r.Step) + "/year to " + rate(r.Target)
	case KindSum:
		parts := make([]string, len(r.Parts))
		for i, p := range r.Parts {
			parts[i] = p.String()
		}
		return strings.Join(parts, " + ")
	}
	return "rule(" + string(r.Kind) + ")"
}

func amt(a *benefit.Amount) string {
	if a == nil {
		return "?"
	}
	return a.String()
}

func rate(r *benefit.Rate) string {
	if r == nil {
		return "?"
	}
	return r.String()
}

// validate checks the rule's fields; path is its JSON path ("rule",
// "rule.parts[1]").
func (r *Rule) validate(path string, depth int) error {
	bad := func(field, msg string) error {
		return &benefit.RecordError{Field: path + "." + field, Err: fmt.Errorf("%w: %s", benefit.ErrSyntax, msg)}
	}
	type field struct {
		name string
		set  bool
	}
	fields := []field{
		{"amount", r.Amount != nil}, {"percent", r.Percent != nil},
		{"wage_weight", r.WageWeight != nil}, {"cpi_weight", r.CPIWeight != nil}, {"offset", r.Offset != nil},
		{"margin", r.Margin != nil}, {"parts", len(r.Parts) > 0},
		{"of", r.Of != ""}, {"from", r.From != nil}, {"step", r.Step != nil}, {"target", r.Target != nil},
	}
	allowed := map[RuleKind][]string{
		KindFixed:       {"amount"},
		KindPercent:     {"percent"},
		KindIndex:       {"wage_weight", "cpi_weight", "offset"},
		KindCatchUp:     {"margin"},
		KindPassThrough: {},
		KindSum:         {"parts"},
		KindShare:       {"of", "from", "step", "target"},
	}
	ok, known := allowed[r.Kind]
	if !known {
		return &benefit.RecordError{Field: path + ".kind", Err: fmt.Errorf("%w: unknown rule kind %q (want fixed, percent, index, catch_up, pass_through, sum or share)", benefit.ErrSyntax, r.Kind)}
	}
	for _, f := range fields {
		if f.set && !slices.Contains(ok, f.name) {
			return bad(f.name, fmt.Sprintf("a %s rule has no %s", r.Kind, f.name))
		}
	}
	switch r.Kind {
	case KindFixed:
		if r.Amount == nil {
			return bad("amount", "a fixed rule needs an amount")
		}
	case KindPercent:
		if r.Percent == nil {
			return bad("percent", "a percent rule needs a percent")
		}
	case KindIndex:
		if r.WageWeight == nil && r.CPIWeight == nil {
			return bad("wage_weight", "an index rule needs wage_weight or cpi_weight")
		}
	case KindCatchUp:
		if r.Margin != nil && r.Margin.Sign() < 0 {
			return &benefit.RecordError{Field: path + ".margin", Err: fmt.Errorf("%w: margin %s", benefit.ErrNegative, r.Margin)}
		}
	case KindShare:
		if r.Of == "" {
			return bad("of", "a share rule needs the reference it is a share of (of)")
		}
		for _, f := range []struct {
			name string
			v    *benefit.Rate
		}{{"from", r.From}, {"step", r.Step}, {"target", r.Target}} {
			if f.v == nil {
				return bad(f.name, "a share rule needs from, step and target")
			}
			if f.v.Sign() < 0 {
				return &benefit.RecordError{Field: path + "." + f.name, Err: fmt.Errorf("%w: %s", benefit.ErrNegative, f.v)}
			}
		}
	case KindSum:
		if len(r.Parts) == 0 {
			return bad("parts", "a sum needs at least one part")
		}
		if depth > 8 {
			return bad("parts", "sums nested more than 8 deep")
		}
		for i := range r.Parts {
			if err := r.Parts[i].validate(fmt.Sprintf("%s.parts[%d]", path, i), depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}
