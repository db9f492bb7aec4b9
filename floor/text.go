package floor

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/texttable"
	"github.com/benefitstd/benefitstd/region"
)

// WriteText writes r for a person: a heading with the window and the
// as-of month, one aligned row per finding (Chinese names padded by
// display width; an unchecked finding says so in its rule column), the
// summary with arrears and who pays them, what each rule checked and
// could not (coverage), the effect per region and programme, and each
// finding's message and sources. Amounts and head counts are written
// with thousands separators (1,200,000.00) for reading; WriteJSON keeps
// plain strings.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	from, to, asOf := orEllipsis(r.From.String()), orEllipsis(r.To.String()), orEllipsis(r.AsOf.String())
	if r.Illustrative {
		b.WriteString("*** ILLUSTRATIVE 示例数据: not a real dataset ***\n")
		if r.Note != "" {
			b.WriteString(r.Note + "\n")
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "Compliance check 合规检查: months [%s, %s), as of 截至 %s; floors %s\n\n", from, to, asOf, r.FloorsVersion)
	switch {
	case len(r.Findings) == 0 && r.Summary.Levels == 0:
		b.WriteString("No levels were given: nothing was checked.\n")
	case len(r.Findings) == 0:
		b.WriteString("No findings: every rule that applies was checked and kept (coverage below).\n")
	default:
		t := texttable.Table{
			Header: []string{"#", "severity", "rule", "region", "地区", "program", "dims", "from", "to", "per", "required", "actual", "shortfall", "persons", "arrears 补发"},
			Right:  []bool{true, false, false, false, false, false, false, false, false, false, true, true, true, true, true},
		}
		for i := range r.Findings {
			f := &r.Findings[i]
			ft := orEllipsis(f.Interval.To.String())
			short := ""
			if f.Shortfall.Sign() > 0 {
				short = grouped(f.Shortfall)
			} else if f.Excess.Sign() > 0 {
				short = "+" + grouped(f.Excess) + " over"
			}
			req, act, per := grouped(f.Required), grouped(f.Actual), f.Per.String()
			rule := f.Rule
			switch {
			case f.Unchecked != "":
				rule += " [unchecked: " + string(f.Unchecked) + "]"
				req, act, per = "", "", ""
			case f.Rule == RuleMissing:
				req, act, per = "", "", ""
			case f.Rule == RuleStale || f.Rule == RuleWaiverExpired:
				req = ""
			}
			if f.Rule == RuleWaiverExpired {
				act = ""
			}
			arrears, persons := "", ""
			if f.Arrears.Sign() > 0 {
				arrears = grouped(f.Arrears)
			}
			if f.Persons > 0 {
				persons = texttable.Grouped(itoa(f.Persons))
			}
			t.Rows = append(t.Rows, []string{itoa(int64(i + 1)), f.Severity.String(), rule, f.Region.String(), f.RegionName,
				f.Program, f.Dims.String(), f.Interval.From.String(), ft, per, req, act, short, persons, arrears})
		}
		if err := t.Write(&b); err != nil {
			return err
		}
	}
	s := &r.Summary
	fmt.Fprintf(&b, "\nSummary 汇总: %d levels; %d violations, %d warnings, %d advisories, %d waived; %d unchecked 未核验",
		s.Levels, s.Violations, s.Warnings, s.Advisories, s.Waived, s.Unchecked)
	if s.Expected > 0 {
		fmt.Fprintf(&b, "; %d of %d expected levels missing 未报送", s.Missing, s.Expected)
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "Arrears owed 应补发: %s (central 中央 %s, local 地方 %s", grouped(s.ArrearsTotal), grouped(s.ArrearsCentral), grouped(s.ArrearsLocal))
	if s.ArrearsFund.Sign() > 0 {
		fmt.Fprintf(&b, ", fund 基金 %s", grouped(s.ArrearsFund))
	}
	if s.ArrearsUnsplit.Sign() > 0 {
		fmt.Fprintf(&b, ", no cost-sharing rule %s", grouped(s.ArrearsUnsplit))
	}
	through := r.AsOf
	if !r.To.IsZero() && (through.IsZero() || r.To.AddMonths(-1) < through) {
		through = r.To.AddMonths(-1)
	}
	fmt.Fprintf(&b, "), counted through %s\n", orEllipsis(through.String()))
	if s.WaivedArrears.Sign() > 0 || s.Waived > 0 {
		fmt.Fprintf(&b, "Waived arrears 豁免: %s (not in the total)\n", grouped(s.WaivedArrears))
	}
	if s.Interest.Sign() > 0 {
		fmt.Fprintf(&b, "Interest (option) 利息: %s\n", grouped(s.Interest))
	}
	if len(r.Coverage) > 0 {
		b.WriteString("\nCoverage 覆盖 (level-months; unchecked is never read as compliant):\n")
		t := texttable.Table{Header: []string{"rule", "checked 已核验", "unchecked 未核验"}, Right: []bool{false, true, true}}
		for _, c := range r.Coverage {
			t.Rows = append(t.Rows, []string{c.Rule, texttable.Grouped(itoa(c.Checked)), texttable.Grouped(itoa(c.Unchecked))})
		}
		if err := t.Write(&b); err != nil {
			return err
		}
	}
	if len(r.Effects) > 0 {
		b.WriteString("\nEffect 效果评估 (at floor: beneficiary-months at or above every legal lower bound checked):\n")
		t := texttable.Table{Header: []string{"region", "地区", "program", "at floor 达标", "arrears 欠发", "raise passed through 调标到位", "headroom 余量"},
			Right: []bool{false, false, false, true, true, false, true}}
		for i := range r.Effects {
			e := &r.Effects[i]
			t.Rows = append(t.Rows, []string{e.Region.String(), e.RegionName, e.Program, e.atFloorText(), grouped(e.Arrears), e.raisesText(), e.headroomText()})
		}
		if err := t.Write(&b); err != nil {
			return err
		}
	}
	if len(r.Findings) > 0 {
		b.WriteString("\nDetails 说明:\n")
		for i := range r.Findings {
			f := &r.Findings[i]
			fmt.Fprintf(&b, "%3d. %s\n", i+1, f.Message)
			if f.Arrears.Sign() > 0 {
				fmt.Fprintf(&b, "     arrears: %s × %s person-months = %s", grouped(f.Shortfall), texttable.Grouped(itoa(f.PersonMonths)), grouped(f.Arrears))
				if f.Per == benefit.PerYear {
					b.WriteString(" (yearly shortfall ÷ 12)")
				}
				switch {
				case f.SplitKnown:
					fmt.Fprintf(&b, "; central %s, local %s", grouped(f.Central), grouped(f.Local))
				case f.Payer == region.PayerFund:
					b.WriteString("; paid by the fund 基金")
				}
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "     rule: %s\n", citeText(f.Citation))
			switch {
			case !f.Region.IsValid() && !f.Source.IsZero():
				fmt.Fprintf(&b, "     floor value: %s\n", citeText(f.Source))
			case !f.Source.IsZero():
				fmt.Fprintf(&b, "     local value: %s\n", citeText(f.Source))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// atFloorText writes the share of beneficiary-months at the floor
// ("50.0% of 120,000"), or of level-months when no head count was
// given, or "—" when nothing was checked against a floor.
func (e *Effect) atFloorText() string {
	if s, ok := e.shareText(); ok {
		return s + " of " + texttable.Grouped(itoa(e.Checked)) + " beneficiary-months"
	}
	if e.MonthsChecked > 0 {
		return itoa(e.MonthsAtFloor) + " of " + itoa(e.MonthsChecked) + " level-months"
	}
	return "—"
}

// raisesText writes each national raise of the window and the months it
// took to reach the region: "2024-01: 6 months", "2025-01: not yet".
func (e *Effect) raisesText() string {
	if len(e.Raises) == 0 {
		return "—"
	}
	var parts []string
	for _, ra := range e.Raises {
		switch n := ra.Months(); {
		case n < 0:
			parts = append(parts, ra.From.String()+": not yet")
		case n == 1:
			parts = append(parts, ra.From.String()+": 1 month")
		default:
			parts = append(parts, ra.From.String()+": "+strconv.Itoa(n)+" months")
		}
	}
	return strings.Join(parts, "; ")
}

// headroomText writes the headroom per month or year, or "—".
func (e *Effect) headroomText() string {
	if !e.HeadroomKnown {
		return "—"
	}
	return grouped(e.Headroom) + " a " + e.HeadroomPer.String()
}

func citeText(c interface {
	String() string
}) string {
	s := c.String()
	if s == "" {
		return "(no source given)"
	}
	return s
}

// grouped writes an amount for reading, with a comma between groups of
// three digits before the point: 1,200,000.00, -5,000.50. The digits are
// those of a.String(); nothing is rounded.
func grouped(a benefit.Amount) string { return texttable.Grouped(a.String()) }

// orEllipsis writes an unset month ("") as "…".
func orEllipsis(s string) string {
	if s == "" {
		return "…"
	}
	return s
}
