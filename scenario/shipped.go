package scenario

import (
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
)

// The shipped scenarios (内置情景): scenario/data/builtins.json lists them,
// one file each under scenario/data.
//
//go:embed data/builtins.json data/*-scenario.json data/*-counts.csv
var builtinFS embed.FS

const builtinsFile = "scenario/data/builtins.json"

// A Shipped is a scenario shipped with the library (内置情景), one per
// domain at least: the residents' pension (the default of `benefitstd
// simulate`), the veterans' standards, … Each says which of its figures
// are real, with their sources, and which are illustrative. `benefitstd
// simulate --scenario builtin:NAME` runs one and `--list` lists them.
type Shipped struct {
	Name        string `json:"name"`   // e.g. "residents-pension"
	Domain      string `json:"domain"` // the programme's catalogue category: pension, employment, veterans
	Description string `json:"description"`
	// Kind says how it runs: KindScenario (a Scenario: Scenario, then
	// adjust.Run) or KindColumns (package columns: columns.Builtin, then
	// columns.Run).
	Kind ShippedKind `json:"kind"`
	// File is the scenario's file under scenario/data; Counts, for a
	// KindColumns, its beneficiary counts (CSV, package columns).
	File    string   `json:"file"`
	Counts  string   `json:"counts,omitempty"`
	Figures []Figure `json:"figures"`
}

// A ShippedKind says which type a shipped scenario's file holds.
type ShippedKind string

// The kinds of shipped scenarios.
const (
	KindScenario ShippedKind = "scenario" // a Scenario: adjust.Run, compare.Compare, compare.Sweep
	// KindColumns is a scenario over every column of a national table with
	// beneficiary counts per region and column: package columns.
	KindColumns ShippedKind = "columns"
)

// A Figure is one group of a shipped scenario's figures and how firm it
// is: real (with Source, its citation and confidence mark) or
// illustrative (示意; Source then says what it stands for).
type Figure struct {
	What   string `json:"what"`
	Real   bool   `json:"real"`
	Source string `json:"source"`
}

// Illustrative reports whether any of the scenario's figures is
// illustrative.
func (b *Shipped) Illustrative() bool {
	return slices.ContainsFunc(b.Figures, func(f Figure) bool { return !f.Real })
}

// JSON returns a copy of the scenario's file, a starting point for one's
// own.
func (b *Shipped) JSON() []byte {
	data, _ := builtinFS.ReadFile("data/" + b.File) // checked when the list was read
	return data
}

// CountsCSV returns a copy of a KindColumns's counts file, nil for none.
func (b *Shipped) CountsCSV() []byte {
	if b.Counts == "" {
		return nil
	}
	data, _ := builtinFS.ReadFile("data/" + b.Counts) // checked when the list was read
	return data
}

// Path returns the name the scenario's file is known by in errors and
// run records ("scenario/data/default-scenario.json").
func (b *Shipped) Path() string { return "scenario/data/" + b.File }

// Scenario decodes a shipped scenario of KindScenario, strictly (as
// adjust.LoadScenario does, without its validation: adjust.Run and
// adjust.Validate check it against the catalogue, regions and floors
// they are given). Each call returns a new value.
func (b *Shipped) Scenario() (Scenario, error) {
	if b.Kind != KindScenario {
		return Scenario{}, fmt.Errorf("scenario: builtin %s is a %s, not a scenario", b.Name, b.Kind)
	}
	var s Scenario
	if _, err := input.DecodeJSON(b.JSON(), b.Path(), &s); err != nil {
		return Scenario{}, err
	}
	return s, nil
}

// Builtins returns the shipped scenarios in name order.
func Builtins() []Shipped {
	bs, err := builtins()
	if err != nil {
		panic("scenario: the builtin list is invalid: " + err.Error()) // caught by TestBuiltins
	}
	out := slices.Clone(bs)
	for i := range out {
		out[i].Figures = slices.Clone(out[i].Figures)
	}
	return out
}

// Builtin returns the shipped scenario called name ("residents-pension",
// "veterans", …). For a name not shipped the error lists the names
// shipped.
func Builtin(name string) (Shipped, error) {
	bs := Builtins()
	names := make([]string, len(bs))
	for i, b := range bs {
		if b.Name == name {
			return b, nil
		}
		names[i] = b.Name
	}
	return Shipped{}, fmt.Errorf("scenario: no shipped scenario %q (shipped: %s)", name, strings.Join(names, ", "))
}

var builtins = sync.OnceValues(func() ([]Shipped, error) {
	data, err := builtinFS.ReadFile("data/builtins.json")
	if err != nil {
		return nil, err
	}
	var doc struct {
		Scenarios []Shipped `json:"scenarios"`
	}
	d, err := input.DecodeJSON(data, builtinsFile, &doc)
	if err != nil {
		return nil, err
	}
	bs := doc.Scenarios
	for i := range bs {
		if err := bs[i].check(i, bs[:i]); err != nil {
			return nil, d.Locate(err)
		}
	}
	slices.SortFunc(bs, func(a, b Shipped) int { return strings.Compare(a.Name, b.Name) })
	return bs, nil
})

// check checks entry i of the list against the entries before it.
func (b *Shipped) check(i int, before []Shipped) error {
	bad := func(field, format string, args ...any) error {
		return &benefit.RecordError{File: builtinsFile, Field: fmt.Sprintf("scenarios[%d].%s", i, field), Err: fmt.Errorf("%w: "+format, append([]any{benefit.ErrSyntax}, args...)...)}
	}
	switch {
	case b.Name == "" || strings.ContainsAny(b.Name, " :/"):
		return bad("name", "%q (want a name without spaces, colons or slashes)", b.Name)
	case slices.ContainsFunc(before, func(o Shipped) bool { return o.Name == b.Name }):
		return bad("name", "%q given twice", b.Name)
	case b.Domain == "" || b.Description == "":
		return bad("description", "a builtin needs a domain and a description")
	case !slices.Contains(builtinKinds, b.Kind):
		return bad("kind", "%q (want one of %v)", b.Kind, builtinKinds)
	case len(b.Figures) == 0:
		return bad("figures", "a builtin says which of its figures are real and which illustrative")
	}
	if _, err := builtinFS.ReadFile("data/" + b.File); err != nil {
		return bad("file", "%q is not embedded", b.File)
	}
	if _, err := builtinFS.ReadFile("data/" + b.Counts); b.Counts != "" && err != nil {
		return bad("counts", "%q is not embedded", b.Counts)
	}
	for j, f := range b.Figures {
		if f.What == "" || f.Source == "" {
			return bad(fmt.Sprintf("figures[%d]", j), "a figure needs what and source (for an illustrative one, what it stands for)")
		}
	}
	return nil
}

// builtinKinds are the kinds a shipped scenario can have.
var builtinKinds = []ShippedKind{KindScenario, KindColumns}
