package scenario

import (
	"errors"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// A rule's text (adjust.RegionYear.Rule, the text and CSV outputs) names what is
// set and leaves out what is not: an index rule with only a CPI weight,
// a zero offset left out, a catch-up without a margin.
func TestRuleText(t *testing.T) {
	cpi := benefit.Percent(20)
	wage := benefit.Percent(30)
	off := benefit.Percent(1)
	zero := benefit.Rate{}
	for _, tc := range []struct {
		r    Rule
		want string
	}{
		{Rule{Kind: KindIndex, CPIWeight: &cpi}, "index 20%×cpi"},
		{Rule{Kind: KindIndex, WageWeight: &wage}, "index 30%×wage"},
		{Rule{Kind: KindIndex, WageWeight: &wage, CPIWeight: &cpi, Offset: &zero}, "index 30%×wage + 20%×cpi"},
		{Rule{Kind: KindIndex, WageWeight: &wage, Offset: &off}, "index 30%×wage + 1%"},
		{Rule{Kind: KindCatchUp}, "catch_up floor"},
		{CatchUp(benefit.Yuan(5)), "catch_up floor+5.00"},
		{Sum(PassThrough(), Fixed(benefit.Yuan(5)), PercentOfLevel(benefit.Percent(2))), "pass_through + fixed +5.00 + percent 2%"},
		{Rule{Kind: KindFixed}, "fixed +?"},
		{Rule{Kind: KindPercent}, "percent ?"},
		{Rule{Kind: "nope"}, "rule(nope)"},
	} {
		if got := tc.r.String(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.r, got, tc.want)
		}
	}
}

// A rule is checked at its edges: an index rule needs a wage or a CPI
// weight (either alone is enough); a catch-up's margin may be absent or
// zero but not negative; sums nest at most 8 deep (a sum inside 8 others
// is taken, inside 9 refused) and have a part; a kind is one of the
// seven; a percent rule needs its percent; a share rule names what it is
// a share of and gives from, step and target, none negative (0 is
// taken).
func TestRuleValidateEdges(t *testing.T) {
	cpi, wage := benefit.Percent(20), benefit.Percent(20)
	nest := func(n int) Rule { // n sums, one inside the other, around fixed +1
		r := Fixed(benefit.Yuan(1))
		for range n {
			r = Sum(r)
		}
		return r
	}
	for name, r := range map[string]Rule{
		"index, CPI only":  {Kind: KindIndex, CPIWeight: &cpi},
		"index, wage only": {Kind: KindIndex, WageWeight: &wage},
		"no margin":        {Kind: KindCatchUp},
		"margin 0":         CatchUp(benefit.Amount{}),
		"9 sums":           nest(9),
		"share, all 0":     Share("reference.min_wage", benefit.Rate{}, benefit.Rate{}, benefit.Rate{}),
		"percent 0":        PercentOfLevel(benefit.Rate{}),
	} {
		if err := r.validate("rule", 0); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for name, tc := range map[string]struct {
		r     Rule
		field string
		kind  error
	}{
		"index without weights": {Rule{Kind: KindIndex}, "rule.wage_weight", benefit.ErrSyntax},
		"margin −0.01":          {CatchUp(benefit.MustParseAmount("-0.01")), "rule.margin", benefit.ErrNegative},
		"10 sums":               {nest(10), "rule" + strings.Repeat(".parts[0]", 9) + ".parts", benefit.ErrSyntax},
		"unknown kind":          {Rule{Kind: "double"}, "rule.kind", benefit.ErrSyntax},
		"percent without one":   {Rule{Kind: KindPercent}, "rule.percent", benefit.ErrSyntax},
		"empty sum":             {Sum(), "rule.parts", benefit.ErrSyntax},
		"share of nothing":      {Share("", benefit.Percent(80), benefit.Percent(2), benefit.Percent(90)), "rule.of", benefit.ErrSyntax},
		"share without from":    {Rule{Kind: KindShare, Of: "reference.min_wage", Step: &cpi, Target: &wage}, "rule.from", benefit.ErrSyntax},
		"share without step":    {Rule{Kind: KindShare, Of: "reference.min_wage", From: &cpi, Target: &wage}, "rule.step", benefit.ErrSyntax},
		"share without target":  {Rule{Kind: KindShare, Of: "reference.min_wage", From: &cpi, Step: &wage}, "rule.target", benefit.ErrSyntax},
		"share from −0.01 %":    {Share("reference.min_wage", benefit.MustParseRate("-0.01%"), benefit.Percent(2), benefit.Percent(90)), "rule.from", benefit.ErrNegative},
		"share target −0.01 %":  {Share("reference.min_wage", benefit.Percent(80), benefit.Percent(2), benefit.MustParseRate("-0.01%")), "rule.target", benefit.ErrNegative},
		"share in a sum":        {Sum(PassThrough(), Share("reference.min_wage", benefit.Percent(80), benefit.MustParseRate("-1%"), benefit.Percent(90))), "rule.parts[1].step", benefit.ErrNegative},
	} {
		err := tc.r.validate("rule", 0)
		var re *benefit.RecordError
		if !errors.As(err, &re) || re.Field != tc.field || !errors.Is(err, tc.kind) {
			t.Errorf("%s: %v; want %s wrapping %v", name, err, tc.field, tc.kind)
		}
	}
}
