package region

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"iter"
	"maps"
	"slices"
	"strconv"
	"sync"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/csvin"
	"github.com/benefitstd/benefitstd/internal/strictjson"
)

//go:embed data/divisions.csv
var divisionsCSV []byte

//go:embed data/fiscal.json
var fiscalJSON []byte

// A Division is a named administrative division.
type Division struct {
	Code   Code   `json:"code"`
	Name   string `json:"name"`              // Chinese name, e.g. "万荣县"
	NameEN string `json:"name_en,omitempty"` // English name
}

// A Tier is one of the five fiscal tiers of 国办发〔2018〕6号 (第一档 …
// 第五档), which set the central share of the shared basic-public-service
// items: 80, 60, 50, 30 and 10 %. The zero Tier is not valid.
type Tier int8

// IsValid reports whether t is 1-5.
func (t Tier) IsValid() bool { return t >= 1 && t <= 5 }

// String returns "1" … "5".
func (t Tier) String() string { return strconv.Itoa(int(t)) }

// Group is a regional group (京津冀, 长三角, 粤港澳大湾区, 成渝) whose
// members may agree floors above the national ones.
type Group struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	NameEN  string `json:"name_en"`
	Members []Code `json:"members"`
}

// Contains reports whether c is a member or lies under one.
func (g Group) Contains(c Code) bool {
	return slices.ContainsFunc(g.Members, func(m Code) bool { return m.Contains(c) })
}

// A Table holds divisions, the fiscal tiers, the cost-sharing rules of
// each programme and the regional groups. It is immutable and safe for
// concurrent use.
type Table struct {
	divs      map[Code]Division
	codes     []Code // sorted
	tiers     map[Code]Tier
	shares    [6]benefit.Rate // by tier
	tierCite  benefit.Citation
	costRules map[string]CostRule
	groups    []Group
}

// Default returns the table embedded in the library: the 31 provinces,
// the five 计划单列市 (Dalian, Ningbo, Xiamen, Qingdao, Shenzhen), a few
// divisions the examples use, the fiscal tiers of 国办发〔2018〕6号, the
// cost-sharing rules and the regional groups. It is parsed once.
func Default() *Table { return defaultTable() }

var defaultTable = sync.OnceValue(func() *Table {
	t, err := load(bytes.NewReader(divisionsCSV), "region/data/divisions.csv", fiscalJSON)
	if err != nil {
		panic("region: embedded table is invalid: " + err.Error()) // caught by TestDefault
	}
	return t
})

type fiscalFile struct {
	Citation benefit.Citation `json:"citation"`
	Tiers    []struct {
		Tier         Tier         `json:"tier"`
		CentralShare benefit.Rate `json:"central_share"`
		Members      []Code       `json:"members"`
	} `json:"tiers"`
	CostSharing []CostRule `json:"cost_sharing"`
	Groups      []Group    `json:"groups"`
}

func load(divs io.Reader, name string, fiscal []byte) (*Table, error) {
	t := &Table{divs: map[Code]Division{}, tiers: map[Code]Tier{}, costRules: map[string]CostRule{}}
	if err := t.addDivisions(divs, name); err != nil {
		return nil, err
	}
	var f fiscalFile
	if err := strictjson.Unmarshal(fiscal, &f); err != nil {
		return nil, &benefit.RecordError{File: "region/data/fiscal.json", Err: err}
	}
	t.tierCite = f.Citation
	for i, tr := range f.Tiers {
		if !tr.Tier.IsValid() {
			return nil, &benefit.RecordError{File: "region/data/fiscal.json", Field: fmt.Sprintf("tiers[%d].tier", i), Err: fmt.Errorf("tier %d is not 1-5", tr.Tier)}
		}
		t.shares[tr.Tier] = tr.CentralShare
		for _, c := range tr.Members {
			t.tiers[c] = tr.Tier
		}
	}
	for i, r := range f.CostSharing {
		if err := r.validate(); err != nil {
			return nil, &benefit.RecordError{File: "region/data/fiscal.json", Field: fmt.Sprintf("cost_sharing[%d]", i), Err: err}
		}
		t.costRules[r.Program] = r
	}
	t.groups = f.Groups
	return t, nil
}

func (t *Table) addDivisions(r io.Reader, name string) error {
	rd, err := csvin.New(r, name, []string{"code", "name"}, []string{"name_en"})
	if err != nil {
		return err
	}
	seen := map[Code]int{}
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		c, err := ParseCode(rec.Get("code"))
		if err != nil {
			return rec.Err("code", err)
		}
		if prev, dup := seen[c]; dup {
			return rec.Err("code", fmt.Errorf("%w: code %s already on line %d", benefit.ErrSyntax, c, prev))
		}
		seen[c] = rec.Line
		n := rec.Get("name")
		if n == "" {
			return rec.Err("name", fmt.Errorf("%w: empty name", benefit.ErrSyntax))
		}
		t.divs[c] = Division{Code: c, Name: n, NameEN: rec.Get("name_en")}
	}
	t.codes = slices.SortedFunc(maps.Keys(t.divs), Code.Compare)
	return nil
}

// WithDivisions returns a new table holding t's divisions plus those read
// from a CSV file with header "code,name" (and optionally "name_en"). A
// code already in t takes the new name. t is not changed. Errors name
// file, line and field; on error nothing is added.
func (t *Table) WithDivisions(r io.Reader, name string) (*Table, error) {
	nt := *t
	nt.divs = maps.Clone(t.divs)
	if err := nt.addDivisions(r, name); err != nil {
		return nil, err
	}
	return &nt, nil
}

// Lookup returns the division with code c, if the table names it.
func (t *Table) Lookup(c Code) (Division, bool) {
	d, ok := t.divs[c]
	return d, ok
}

// Resolve returns the division of c. A code the table does not name
// still resolves when its province is known: the division then has the
// code, an empty name, and Province gives the province. It returns an
// error wrapping ErrUnknownRegion when even the province is unknown.
func (t *Table) Resolve(c Code) (Division, error) {
	if !c.IsValid() {
		return Division{}, fmt.Errorf("%w: zero code", ErrInvalidCode)
	}
	if d, ok := t.divs[c]; ok {
		return d, nil
	}
	if _, ok := t.divs[c.Province()]; ok {
		return Division{Code: c}, nil
	}
	return Division{}, fmt.Errorf("%w: %s (province %s is not in the table)", ErrUnknownRegion, c, c.Province())
}

// Name returns a display name for c: its own name, or the nearest named
// ancestor's followed by the code ("运城市 140899"), or the code itself.
func (t *Table) Name(c Code) string {
	if d, ok := t.divs[c]; ok {
		return d.Name
	}
	for a, ok := c.Parent(); ok; a, ok = a.Parent() {
		if d, ok := t.divs[a]; ok {
			return d.Name + " " + c.String()
		}
	}
	return c.String()
}

// All returns the divisions in code order.
func (t *Table) All() iter.Seq[Division] {
	return func(yield func(Division) bool) {
		for _, c := range t.codes {
			if !yield(t.divs[c]) {
				return
			}
		}
	}
}

// Provinces returns the 31 provincial divisions in code order.
func (t *Table) Provinces() []Division {
	var out []Division
	for d := range t.All() {
		if d.Code.Level() == Province {
			out = append(out, d)
		}
	}
	return out
}

// Tier returns the fiscal tier of c. A 计划单列市 (2102 Dalian, 3302
// Ningbo, 3502 Xiamen, 3702 Qingdao, 4403 Shenzhen) and every county
// under it takes its own tier before its province's: Dalian is tier 4
// while Liaoning is tier 3. The error wraps ErrInvalidCode for the zero
// Code and ErrUnknownRegion for a province the table has no tier for.
func (t *Table) Tier(c Code) (Tier, error) {
	if !c.IsValid() {
		return 0, fmt.Errorf("%w: zero code", ErrInvalidCode)
	}
	if p, ok := c.Prefecture(); ok {
		if tr, ok := t.tiers[p]; ok {
			return tr, nil
		}
	}
	if tr, ok := t.tiers[c]; ok {
		return tr, nil
	}
	if tr, ok := t.tiers[c.Province()]; ok {
		return tr, nil
	}
	return 0, fmt.Errorf("%w: no fiscal tier for %s", ErrUnknownRegion, c)
}

// CentralShare returns the central share of spending on a tiered item in
// c's tier (80, 60, 50, 30 or 10 %), exact. Its errors are Tier's.
func (t *Table) CentralShare(c Code) (benefit.Rate, error) {
	tr, err := t.Tier(c)
	if err != nil {
		return benefit.Rate{}, err
	}
	return t.shares[tr], nil
}

// TierCitation returns the source of the tier table.
func (t *Table) TierCitation() benefit.Citation { return t.tierCite }

// Groups returns the regional groups.
func (t *Table) Groups() []Group {
	out := slices.Clone(t.groups)
	for i := range out {
		out[i].Members = slices.Clone(out[i].Members)
	}
	return out
}

// Group returns the group with the given id.
func (t *Table) Group(id string) (Group, bool) {
	for _, g := range t.Groups() {
		if g.ID == id {
			return g, true
		}
	}
	return Group{}, false
}

// GroupsOf returns the groups c belongs to.
func (t *Table) GroupsOf(c Code) []Group {
	var out []Group
	for _, g := range t.Groups() {
		if g.Contains(c) {
			out = append(out, g)
		}
	}
	return out
}

var errShare = errors.New("share must be between 0% and 100%")
