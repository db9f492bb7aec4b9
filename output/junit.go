package output

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/benefitstd/benefitstd/floor"
)

// junitRenderer renders a compliance report (*floor.Report) as JUnit XML for CI
// systems: one test case per region × programme checked (class "<code>
// <name>", name the programme), failing when it has a violation;
// warnings, advisories and waived findings go to the case's system-out.
// Each finding is followed by its rule's legal source and the source of
// the value compared. Findings about national floors form their own
// cases under class "national". Each unchecked finding and each missing
// level is a case of its own (name "<programme> [<dimensions>] <rule>
// unchecked [from, to)", or "… missing"), skipped with the reason as its
// message (<skipped message="no_floor: …">), or failing when its
// severity is violation (floor.Options.UncheckedSeverity,
// MissingSeverity). The suite's properties give the window, the as-of
// month, the summary, the coverage of each rule ("coverage floor":
// "checked 12, unchecked 12 level-months") and each region's effect
// ("effect 371723 pension.resident.basic": "at floor 50.0% …").
type junitRenderer struct {
	w io.Writer
}

// newJUnit returns the JUnit renderer writing to w.
func newJUnit(w io.Writer) *junitRenderer { return &junitRenderer{w: w} }

// Render writes v, a *floor.Report, as JUnit XML, in one write.
func (j *junitRenderer) Render(v any) error {
	r, ok := v.(*floor.Report)
	if !ok {
		return unsupported(FormatJUnit, v)
	}
	var b bytes.Buffer
	if err := reportJUnit(&b, r); err != nil {
		return err
	}
	_, err := j.w.Write(b.Bytes())
	return err
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Properties []junitProperty `xml:"properties>property"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Class   string        `xml:"classname,attr"`
	Name    string        `xml:"name,attr"`
	Failure *junitFailure `xml:"failure,omitempty"`
	Skipped *junitSkipped `xml:"skipped,omitempty"`
	Out     string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// reportJUnit writes r as JUnit XML.
func reportJUnit(w io.Writer, r *floor.Report) error {
	type key struct{ class, prog string }
	var order []key
	cases := map[key]*junitCase{}
	get := func(k key) *junitCase {
		if c, ok := cases[k]; ok {
			return c
		}
		c := &junitCase{Class: k.class, Name: k.prog}
		cases[k] = c
		order = append(order, k)
		return c
	}
	class := func(code, name string) string {
		if code == "" {
			return "national"
		}
		return code + " " + name
	}
	for _, c := range r.Checked {
		get(key{class(c.Region.String(), c.RegionName), c.Program})
	}
	fails := map[key][]string{}
	var extra []junitCase // unchecked findings and missing levels, each a case
	for i := range r.Findings {
		f := &r.Findings[i]
		line := f.String()
		if f.Arrears.Sign() > 0 {
			line += fmt.Sprintf(" [arrears %s]", f.Arrears)
		}
		line += "\n  rule: " + citeText(f.Citation) // the legal source beside every finding
		if !f.Source.IsZero() {
			line += "\n  value: " + citeText(f.Source)
		}
		if f.Unchecked != "" || f.Rule == floor.RuleMissing {
			name := f.Program
			if !f.Dims.IsZero() {
				name += " " + f.Dims.String()
			}
			what := string(f.Unchecked)
			if f.Unchecked != "" {
				name += " " + f.Rule + " unchecked " + f.Interval.String()
			} else {
				name += " missing"
				what = floor.RuleMissing
			}
			c := junitCase{Class: class(f.Region.String(), f.RegionName), Name: name}
			msg := what + ": " + f.Message()
			if f.Severity == floor.Violation {
				c.Failure = &junitFailure{Message: msg, Type: what, Text: line}
			} else {
				c.Skipped = &junitSkipped{Message: msg}
				c.Out = line + "\n"
			}
			extra = append(extra, c)
			continue
		}
		k := key{class(f.Region.String(), f.RegionName), f.Program}
		c := get(k)
		if f.Severity == floor.Violation {
			fails[k] = append(fails[k], line)
		} else {
			c.Out += line + "\n"
		}
	}
	s := junitSuite{Name: "benefitstd floors"}
	if r.Illustrative {
		s.Name += " (ILLUSTRATIVE sample data)"
	}
	for _, k := range order {
		c := cases[k]
		if fl := fails[k]; len(fl) > 0 {
			c.Failure = &junitFailure{Message: fmt.Sprintf("%d violation(s)", len(fl)), Type: "violation", Text: strings.Join(fl, "\n")}
		}
		s.Cases = append(s.Cases, *c)
	}
	s.Cases = append(s.Cases, extra...)
	for _, c := range s.Cases {
		switch {
		case c.Failure != nil:
			s.Failures++
		case c.Skipped != nil:
			s.Skipped++
		}
	}
	s.Tests = len(s.Cases)
	s.Properties = junitProperties(r)
	doc := junitSuites{Name: "benefitstd check", Tests: s.Tests, Failures: s.Failures, Skipped: s.Skipped, Suites: []junitSuite{s}}
	b, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// junitProperties are the window, the summary, the coverage and the
// effects as name/value pairs.
func junitProperties(r *floor.Report) []junitProperty {
	s := &r.Summary
	ps := []junitProperty{
		{"window", "[" + orEllipsis(r.From.String()) + ", " + orEllipsis(r.To.String()) + ")"},
		{"as_of", r.AsOf.String()},
		{"floors_version", r.FloorsVersion},
		{"summary", fmt.Sprintf("%d levels; %d violations, %d warnings, %d advisories, %d waived; %d unchecked; %d of %d expected missing",
			s.Levels, s.Violations, s.Warnings, s.Advisories, s.Waived, s.Unchecked, s.Missing, s.Expected)},
		{"arrears", fmt.Sprintf("%s (central %s, local %s, fund %s, no cost rule %s; waived %s)",
			s.ArrearsTotal, s.ArrearsCentral, s.ArrearsLocal, s.ArrearsFund, s.ArrearsUnsplit, s.WaivedArrears)},
	}
	for _, c := range r.Coverage {
		ps = append(ps, junitProperty{"coverage " + c.Rule, fmt.Sprintf("checked %d, unchecked %d level-months", c.Checked, c.Unchecked)})
	}
	for i := range r.Effects {
		e := &r.Effects[i]
		ps = append(ps, junitProperty{"effect " + e.Region.String() + " " + e.Program,
			fmt.Sprintf("at floor %s (%d of %d beneficiary-months; %d of %d level-months); arrears %s; raises %s; headroom %s",
				orDash(shareText(e)), e.AtFloor, e.Checked, e.MonthsAtFloor, e.MonthsChecked, e.Arrears, raisesText(e), headroomText(e))})
	}
	return ps
}

func orDash(s string, ok bool) string {
	if !ok {
		return "—"
	}
	return s
}
