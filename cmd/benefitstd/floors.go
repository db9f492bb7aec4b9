package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/internal/texttable"
)

type floorsDoc struct {
	FloorsVersion string        `json:"floors_version"`
	At            string        `json:"at,omitempty"`
	Programs      []floorsEntry `json:"programs"`
}

type floorsEntry struct {
	ID       string           `json:"id"`
	Name     string           `json:"name"`
	NameEN   string           `json:"name_en"`
	Per      string           `json:"per"`
	Floors   []floorsFloor    `json:"floors"`
	Relative []floorsRelative `json:"relative"`
	Cadences []floorsCadence  `json:"cadences"`
	Citation benefit.Citation `json:"citation"`
}

type floorsFloor struct {
	Dimensions string            `json:"dimensions"`
	Group      string            `json:"group,omitempty"`
	Versions   []benefit.Version `json:"versions"`
}

type floorsRelative struct {
	ID         string           `json:"id"`
	Bound      string           `json:"bound"`
	Strict     bool             `json:"strict"`
	Multiplier benefit.Rate     `json:"multiplier"`
	Against    string           `json:"against"`
	From       benefit.Month    `json:"from,omitzero"`
	Severity   floor.Severity   `json:"severity"`
	Citation   benefit.Citation `json:"citation"`
}

type floorsCadence struct {
	Scope    string           `json:"scope"`
	Months   int              `json:"months"`
	Citation benefit.Citation `json:"citation"`
}

// runFloors lists the programmes and their national floors with sources:
//
//	benefitstd floors [--program ID] [--at YYYY-MM] [--format text|json]
func runFloors(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("floors", stderr)
	program := fs.String("program", "", "only this programme id")
	at := fs.String("at", "", "only the versions in force in this month, YYYY-MM")
	format := fs.String("format", "text", "output format: text|json")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if err := noEmpty(fs, "program", "at"); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if err := oneOf(fs, "format", *format, "text", "json"); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	var month benefit.Month
	if *at != "" {
		m, err := benefit.ParseMonth(*at)
		if err != nil {
			fmt.Fprintln(stderr, "benefitstd floors: --at:", err)
			return exitUsage
		}
		month = m
	}
	cat := benefit.DefaultCatalogue()
	ids := cat.IDs()
	if *program != "" {
		if _, err := cat.Program(*program); err != nil {
			fmt.Fprintln(stderr, "benefitstd floors: --program:", err)
			return exitUsage
		}
		ids = []string{*program}
	}
	set := floor.Default()
	doc := floorsDoc{FloorsVersion: set.Version(), At: month.String()}
	for _, id := range ids {
		p, _ := cat.Program(id)
		e := floorsEntry{ID: p.ID, Name: p.Name, NameEN: p.NameEN, Per: p.Frequency.String(), Citation: p.Citation,
			Floors: []floorsFloor{}, Relative: []floorsRelative{}, Cadences: []floorsCadence{}}
		for _, f := range set.Floors(id) {
			ff := floorsFloor{Dimensions: f.Dims.String(), Group: f.Group.ID}
			for _, v := range f.Schedule.All() {
				if v.Citation.IsZero() {
					v.Citation = f.Citation
				}
				ff.Versions = append(ff.Versions, v)
			}
			if !month.IsZero() {
				v, ok := f.Schedule.At(month)
				if !ok {
					continue
				}
				if v.Citation.IsZero() {
					v.Citation = f.Citation
				}
				ff.Versions = []benefit.Version{v}
			}
			e.Floors = append(e.Floors, ff)
		}
		for _, r := range set.Relatives(id) {
			e.Relative = append(e.Relative, floorsRelative{ID: r.ID, Bound: r.Bound.String(), Strict: r.Strict, Multiplier: r.Multiplier,
				Against: r.Against + dimsSuffix(r.AgainstDims), From: r.From, Severity: r.Severity, Citation: r.Citation})
		}
		for _, c := range set.Cadences() {
			if c.Program == id {
				e.Cadences = append(e.Cadences, floorsCadence{Scope: c.Scope.String(), Months: c.Months, Citation: c.Citation})
			}
		}
		doc.Programs = append(doc.Programs, e)
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false) // URLs keep their & as the check report does
		if err := enc.Encode(doc); err != nil {
			fmt.Fprintln(stderr, "benefitstd floors:", err)
			return exitUsage
		}
		return exitOK
	}
	var b strings.Builder
	fmt.Fprintf(&b, "National floors 国家基础标准 (data %s)", doc.FloorsVersion)
	if doc.At != "" {
		fmt.Fprintf(&b, " in force in %s", doc.At)
	}
	b.WriteString("\nStatus: legislated = in a published instrument; announced = announced, instrument not seen; provisional = unresolved, NOT law.\n")
	for _, e := range doc.Programs {
		fmt.Fprintf(&b, "\n%s %s (%s), yuan per %s\n", e.ID, e.Name, e.NameEN, e.Per)
		if len(e.Floors) == 0 && len(e.Relative) == 0 {
			b.WriteString("  no national fixed floor or rule\n")
		}
		if len(e.Floors) > 0 {
			// The table keeps to the figures and the instrument; the
			// address and the note of each source follow as numbered
			// lines, so rows stay readable on a terminal.
			t := texttable.Table{Header: []string{"#", "dims", "from", "amount", "status", "conf", "source"}, Right: []bool{true, false, false, true}}
			var notes []string
			for _, f := range e.Floors {
				dims := f.Dimensions
				if f.Group != "" {
					dims += " [group " + f.Group + "]"
				}
				for _, v := range f.Versions {
					n := strconv.Itoa(len(t.Rows) + 1)
					t.Rows = append(t.Rows, []string{n, dims, v.From.String(), texttable.Grouped(v.Amount.String()), v.Status.String(), v.Citation.Confidence, v.Citation.String()})
					if more := sourceDetail(v.Citation); more != "" {
						notes = append(notes, "["+n+"] "+more)
					}
				}
			}
			var tb strings.Builder
			t.Write(&tb)
			b.WriteString(indent(tb.String()))
			for _, n := range notes {
				b.WriteString("  " + n + "\n")
			}
		}
		for _, r := range e.Relative {
			rel := relSymbol(r.Bound, r.Strict)
			fmt.Fprintf(&b, "  rule %s (%s): level %s %s × %s — %s\n", r.ID, r.Severity, rel, r.Multiplier, r.Against, r.Citation)
		}
		for _, c := range e.Cadences {
			fmt.Fprintf(&b, "  cadence (%s): updated at least every %d months — %s\n", c.Scope, c.Months, c.Citation)
		}
	}
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		fmt.Fprintln(stderr, "benefitstd floors:", err)
		return exitUsage
	}
	return exitOK
}

// relSymbol is where a level must lie against a relative bound: >, ≥, <
// or ≤.
func relSymbol(bound string, strict bool) string {
	switch {
	case bound == "lower" && strict:
		return ">"
	case bound == "lower":
		return "≥"
	case strict:
		return "<"
	}
	return "≤"
}

func dimsSuffix(d benefit.Dims) string {
	if d.IsZero() {
		return ""
	}
	return " (" + d.String() + ")"
}

// sourceDetail is the address and the note of a source, shown under the
// table: "<url> — note".
func sourceDetail(c benefit.Citation) string {
	var parts []string
	if c.URL != "" {
		parts = append(parts, "<"+c.URL+">")
	}
	if c.Note != "" {
		parts = append(parts, c.Note)
	}
	return strings.Join(parts, " — ")
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return "  " + strings.Join(lines, "\n  ") + "\n"
}
