package floor

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Class   string        `xml:"classname,attr"`
	Name    string        `xml:"name,attr"`
	Failure *junitFailure `xml:"failure,omitempty"`
	Out     string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// WriteJUnit writes r as JUnit XML for CI systems: one test case per
// region × programme checked (class "<code> <name>", name the
// programme), failing when it has a violation; warnings, advisories and
// waived findings go to the case's system-out. Each finding is followed
// by its rule's legal source and the source of the value compared.
// Findings about national floors form their own cases under class
// "national".
func (r *Report) WriteJUnit(w io.Writer) error {
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
	for i := range r.Findings {
		f := &r.Findings[i]
		k := key{class(f.Region.String(), f.RegionName), f.Program}
		c := get(k)
		line := f.String()
		if f.Arrears.Sign() > 0 {
			line += fmt.Sprintf(" [arrears %s]", f.Arrears)
		}
		line += "\n  rule: " + citeText(f.Citation) // the legal source beside every finding
		if !f.Source.IsZero() {
			line += "\n  value: " + citeText(f.Source)
		}
		if f.Severity == Violation {
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
			s.Failures++
		}
		s.Cases = append(s.Cases, *c)
	}
	s.Tests = len(s.Cases)
	doc := junitSuites{Name: "benefitstd check", Tests: s.Tests, Failures: s.Failures, Suites: []junitSuite{s}}
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
