package floor

import (
	"fmt"
	"io"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/texttable"
)

// WriteText writes r for a person: a heading, one aligned row per
// finding (Chinese names padded by display width), the summary with
// arrears and their central/local split, and each finding's message
// and sources. Amounts and head counts are written with thousands
// separators (1,200,000.00) for reading; WriteJSON keeps plain strings.
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
	fmt.Fprintf(&b, "Compliance check 合规检查: months [%s, %s), as of %s; floors %s\n\n", from, to, asOf, r.FloorsVersion)
	switch {
	case len(r.Findings) == 0 && r.Summary.Levels == 0:
		b.WriteString("No levels were given: nothing was checked.\n")
	case len(r.Findings) == 0:
		b.WriteString("No findings: every level keeps every rule.\n")
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
			req, act := grouped(f.Required), grouped(f.Actual)
			if f.Rule == RuleStale || f.Rule == RuleWaiverExpired {
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
			t.Rows = append(t.Rows, []string{itoa(int64(i + 1)), f.Severity.String(), f.Rule, f.Region.String(), f.RegionName,
				f.Program, f.Dims.String(), f.Interval.From.String(), ft, f.Per.String(), req, act, short, persons, arrears})
		}
		if err := t.Write(&b); err != nil {
			return err
		}
	}
	s := &r.Summary
	fmt.Fprintf(&b, "\nSummary 汇总: %d levels; %d violations, %d warnings, %d advisories, %d waived\n",
		s.Levels, s.Violations, s.Warnings, s.Advisories, s.Waived)
	fmt.Fprintf(&b, "Arrears owed 应补发: %s (central 中央 %s, local 地方 %s", grouped(s.ArrearsTotal), grouped(s.ArrearsCentral), grouped(s.ArrearsLocal))
	if s.ArrearsUnsplit.Sign() > 0 {
		fmt.Fprintf(&b, ", no cost-sharing rule %s", grouped(s.ArrearsUnsplit))
	}
	b.WriteString(")\n")
	if s.WaivedArrears.Sign() > 0 || s.Waived > 0 {
		fmt.Fprintf(&b, "Waived arrears 豁免: %s (not in the total)\n", grouped(s.WaivedArrears))
	}
	if s.Interest.Sign() > 0 {
		fmt.Fprintf(&b, "Interest (option) 利息: %s\n", grouped(s.Interest))
	}
	if len(r.Findings) > 0 {
		b.WriteString("\nDetails 说明:\n")
		for i := range r.Findings {
			f := &r.Findings[i]
			fmt.Fprintf(&b, "%3d. %s\n", i+1, f.Message)
			if f.Arrears.Sign() > 0 {
				fmt.Fprintf(&b, "     arrears: %s × %s person-months = %s", grouped(f.Shortfall), texttable.Grouped(itoa(f.PersonMonths)), grouped(f.Arrears))
				if f.Per.String() == "year" {
					b.WriteString(" (yearly shortfall ÷ 12)")
				}
				if f.SplitKnown {
					fmt.Fprintf(&b, "; central %s, local %s", grouped(f.Central), grouped(f.Local))
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
