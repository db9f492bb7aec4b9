package scenario

import (
	"bytes"
	"errors"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// Each entry of scenario/data/builtins.json is checked as the list is
// read: a name without spaces, colons or slashes, given once; a domain
// and a description; a known kind; at least one figure, each with what
// and source; a file (and counts, when given) that is embedded. The
// error names the file and the entry's field.
func TestShippedCheck(t *testing.T) {
	good := func() Shipped {
		return Shipped{Name: "mine", Domain: "pension", Description: "d", Kind: KindScenario, File: "default-scenario.json",
			Figures: []Figure{{What: "w", Source: "s"}, {What: "w2", Real: true, Source: "s2"}}}
	}
	before := []Shipped{{Name: "other"}, {Name: "residents"}}
	for name, edit := range map[string]func(*Shipped){
		"as given": func(*Shipped) {},
		"columns": func(b *Shipped) {
			b.Kind, b.File, b.Counts = KindColumns, "veterans-scenario.json", "veterans-counts.csv"
		},
		"dashes, dot": func(b *Shipped) { b.Name = "veterans-ill.returned" },
	} {
		b := good()
		edit(&b)
		if err := b.check(2, before); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, c := range []struct {
		name  string
		edit  func(*Shipped)
		field string
	}{
		{"no name", func(b *Shipped) { b.Name = "" }, "scenarios[2].name"},
		{"a space", func(b *Shipped) { b.Name = "my scenario" }, "scenarios[2].name"},
		{"a colon", func(b *Shipped) { b.Name = "builtin:mine" }, "scenarios[2].name"},
		{"a slash", func(b *Shipped) { b.Name = "data/mine" }, "scenarios[2].name"},
		{"twice", func(b *Shipped) { b.Name = "residents" }, "scenarios[2].name"},
		{"no domain", func(b *Shipped) { b.Domain = "" }, "scenarios[2].description"},
		{"no description", func(b *Shipped) { b.Description = "" }, "scenarios[2].description"},
		{"no kind", func(b *Shipped) { b.Kind = "" }, "scenarios[2].kind"},
		{"unknown kind", func(b *Shipped) { b.Kind = "table" }, "scenarios[2].kind"},
		{"no figures", func(b *Shipped) { b.Figures = nil }, "scenarios[2].figures"},
		{"file not embedded", func(b *Shipped) { b.File = "mine-scenario.json" }, "scenarios[2].file"},
		{"counts not embedded", func(b *Shipped) { b.Counts = "mine-counts.csv" }, "scenarios[2].counts"},
		{"figure without what", func(b *Shipped) { b.Figures[1].What = "" }, "scenarios[2].figures[1]"},
		{"figure without source", func(b *Shipped) { b.Figures[0].Source = "" }, "scenarios[2].figures[0]"},
	} {
		b := good()
		c.edit(&b)
		err := b.check(2, before)
		re, ok := errors.AsType[*benefit.RecordError](err)
		if !ok || re.File != "scenario/data/builtins.json" || re.Field != c.field || !errors.Is(err, benefit.ErrSyntax) {
			t.Errorf("%s: %v; want scenario/data/builtins.json at %s wrapping %v", c.name, err, c.field, benefit.ErrSyntax)
		}
	}
}

// A KindColumns's counts are its embedded CSV file; a scenario without
// counts has none. A shipped scenario of another kind is no Scenario.
func TestShippedFiles(t *testing.T) {
	v, err := Builtin("veterans")
	if err != nil {
		t.Fatal(err)
	}
	if csv := v.CountsCSV(); !bytes.HasPrefix(csv, []byte("region,grade,cause,beneficiaries\n")) {
		t.Errorf("veterans counts: %.40q", csv)
	}
	if _, err := v.Scenario(); err == nil {
		t.Error("veterans (columns) decoded as a Scenario")
	}
	r, err := Builtin("residents-pension")
	if err != nil {
		t.Fatal(err)
	}
	if csv := r.CountsCSV(); csv != nil {
		t.Errorf("residents-pension counts: %.40q", csv)
	}
	if _, err := Builtin("residents pension"); err == nil {
		t.Error(`"residents pension" found`)
	}
}
