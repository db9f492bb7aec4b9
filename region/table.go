package region

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
	"sync"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
)

//go:embed data/divisions-2023.csv
var divisionsCSV []byte

//go:embed data/fiscal.json
var fiscalJSON []byte

// A Division is an administrative division (行政区划) of a Table: its
// code, its names, its level and the division it lies directly under.
type Division struct {
	Code   Code   `json:"code"`
	Name   string `json:"name"`              // Chinese name, e.g. "成武县"
	NameEN string `json:"name_en,omitempty"` // English name, where the table has one
	Rank   Rank   `json:"level"`             // the level the code's digits give (Code.Rank)
	// Parent is the division this one lies directly under (上级区划), as
	// the table records it; zero for a province.
	Parent Code `json:"parent,omitzero"`
	// StatisticalOnly marks a statistical unit (统计用区划: a
	// development zone, new area or scenic area, fifth and sixth digits
	// 71-80) that is not a GB/T 2260 administrative division.
	StatisticalOnly bool `json:"statistical_only,omitempty"`
}

// A Tier is one of the five fiscal tiers of 国办发〔2018〕6号 (第一档 …
// 第五档), which set the central share of the shared basic-public-service
// items: 80, 60, 50, 30 and 10 %. The zero Tier is not valid.
type Tier int8

// valid reports whether t is 1-5.
func (t Tier) valid() bool { return t >= 1 && t <= 5 }

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

// contains reports whether c is a member or lies under one by the
// digits of its code (Code.contains); Table.GroupsOf follows the
// parents the table records.
func (g Group) contains(c Code) bool {
	return slices.ContainsFunc(g.Members, func(m Code) bool { return m.contains(c) })
}

// A Table holds divisions, the fiscal tiers, the cost-sharing rules of
// each programme and the regional groups. It is immutable and safe for
// concurrent use. Looking a code up is one map access and allocates
// nothing.
type Table struct {
	divs      []Division     // in code order
	index     map[Code]int32 // code → position in divs
	tiers     map[Code]Tier
	shares    [6]benefit.Rate // by tier
	tierCite  benefit.Citation
	costRules map[string]CostRule
	groups    []Group
}

// Default returns the table embedded in the library: the 3,348
// divisions of the National Bureau of Statistics' 2023 statistical
// division codes (统计用区划代码, as of 2023-06-30) with their names,
// levels and parents, English names for the provinces and the five
// 计划单列市, the fiscal tiers of 国办发〔2018〕6号, the cost-sharing
// rules and the regional groups. It is parsed on first use, once.
func Default() *Table {
	t, err := defaultTable()
	if err != nil {
		panic("region: embedded table is invalid: " + err.Error()) // caught by TestDefault
	}
	return t
}

const (
	divisionsFile = "region/data/divisions-2023.csv"
	fiscalFile    = "region/data/fiscal.json"
)

var defaultTable = sync.OnceValues(func() (*Table, error) {
	return load(bytes.NewReader(divisionsCSV), divisionsFile, fiscalJSON)
})

type fiscalDoc struct {
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
	empty := &Table{index: map[Code]int32{}}
	t, err := empty.WithDivisions(divs, name)
	if err != nil {
		return nil, err
	}
	t.tiers, t.costRules = map[Code]Tier{}, map[string]CostRule{}
	var f fiscalDoc
	doc, err := input.DecodeJSON(fiscal, fiscalFile, &f)
	if err != nil {
		return nil, err
	}
	if err := f.check(t); err != nil {
		return nil, doc.Locate(err)
	}
	t.groups = f.Groups
	return t, nil
}

// check checks the fiscal tiers, cost rules and groups of f against t
// and records them in t; errors name their JSON path.
func (f *fiscalDoc) check(t *Table) error {
	member := func(field string, c Code) error {
		if _, ok := t.index[c]; !ok {
			return &benefit.RecordError{File: fiscalFile, Field: field, Err: unknown(c)}
		}
		return nil
	}
	if _, err := f.Citation.Mark(); err != nil {
		return &benefit.RecordError{File: fiscalFile, Field: "citation.confidence", Err: err}
	}
	t.tierCite = f.Citation
	for i, tr := range f.Tiers {
		if !tr.Tier.valid() {
			return &benefit.RecordError{File: fiscalFile, Field: fmt.Sprintf("tiers[%d].tier", i), Err: fmt.Errorf("tier %d is not 1-5", tr.Tier)}
		}
		t.shares[tr.Tier] = tr.CentralShare
		for j, c := range tr.Members {
			if err := member(fmt.Sprintf("tiers[%d].members[%d]", i, j), c); err != nil {
				return err
			}
			t.tiers[c] = tr.Tier
		}
	}
	nt, err := t.withCostRules("cost_sharing", f.CostSharing)
	if err != nil {
		if re, ok := errors.AsType[*benefit.RecordError](err); ok {
			re.File = fiscalFile
		}
		return err
	}
	t.costRules = nt.costRules
	for i, g := range f.Groups {
		for j, c := range g.Members {
			if err := member(fmt.Sprintf("groups[%d].members[%d]", i, j), c); err != nil {
				return err
			}
		}
	}
	return nil
}

// divisionRow is one row of a divisions file, read but not yet checked
// against the table.
type divisionRow struct {
	d               Division
	rec             input.Record
	hasEN, hasStats bool // the row gives name_en, statistical_only
}

// readDivisions reads and checks each row of a divisions file on its
// own; parents are checked against the table by WithDivisions.
func readDivisions(r io.Reader, name string) ([]divisionRow, error) {
	rd, err := input.NewCSV(r, name, []string{"code", "name"}, []string{"level", "parent", "statistical_only", "name_en"}, benefit.Limits{})
	if err != nil {
		return nil, err
	}
	var rows []divisionRow
	seen := map[Code]int{}
	for rec, err := range rd.All() {
		if err != nil {
			return nil, err
		}
		c, err := ParseCode(rec.Get(colCode))
		if err != nil {
			return nil, rec.Err(colCode, err)
		}
		if prev, dup := seen[c]; dup {
			return nil, rec.Err(colCode, fmt.Errorf("%w: code %s already on line %d", benefit.ErrSyntax, c, prev))
		}
		seen[c] = rec.Line()
		row := divisionRow{d: Division{Code: c, Name: rec.Get(colName), NameEN: rec.Get(colNameEN), Rank: c.Rank()}, rec: rec}
		if row.d.Name == "" {
			return nil, rec.Err(colName, fmt.Errorf("%w: empty name", benefit.ErrSyntax))
		}
		row.hasEN = row.d.NameEN != ""
		if err := row.readLevelParent(); err != nil {
			return nil, err
		}
		switch s := rec.Get(colStats); s {
		case "":
		case "true", "false":
			row.d.StatisticalOnly, row.hasStats = s == "true", true
		default:
			return nil, rec.Err(colStats, fmt.Errorf("%w: %q (want true, false or nothing)", benefit.ErrSyntax, s))
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// The columns of a divisions file.
const (
	colCode = iota
	colName
	colLevel
	colParent
	colStats
	colNameEN
)

// readLevelParent reads the level and parent columns: both are needed
// below a province, and must agree with the code's digits: the level is
// the one they give, and the parent is a higher division of the same
// province.
func (row *divisionRow) readLevelParent() error {
	d, rec := &row.d, row.rec
	if s := rec.Get(colLevel); s != "" {
		l, err := parseRank(s)
		if err != nil {
			return rec.Err(colLevel, err)
		}
		if l != d.Rank {
			return rec.Err(colLevel, fmt.Errorf("%w: level %s, but %s is a %s code (%s)", benefit.ErrSyntax, l, d.Code, d.Rank, levelPattern[d.Rank]))
		}
	} else if d.Rank != Province {
		return rec.Err(colLevel, fmt.Errorf("%w: missing level (want %s for %s)", benefit.ErrSyntax, d.Rank, d.Code))
	}
	s := rec.Get(colParent)
	if d.Rank == Province {
		if s != "" {
			return rec.Err(colParent, fmt.Errorf("%w: a province has no parent", benefit.ErrSyntax))
		}
		return nil
	}
	if s == "" {
		return rec.Err(colParent, fmt.Errorf("%w: missing parent of %s %s", benefit.ErrSyntax, d.Rank, d.Code))
	}
	p, err := ParseCode(s)
	if err != nil {
		return rec.Err(colParent, err)
	}
	if p.Rank() >= d.Rank {
		return rec.Err(colParent, fmt.Errorf("%w: parent %s is a %s code, not above the %s %s", benefit.ErrSyntax, p, p.Rank(), d.Rank, d.Code))
	}
	if p.Province() != d.Code.Province() {
		return rec.Err(colParent, fmt.Errorf("%w: parent %s is in another province than %s", benefit.ErrSyntax, p, d.Code))
	}
	d.Parent = p
	return nil
}

var levelPattern = [...]string{Province: "XX0000", Prefecture: "XXXX00", County: "neither XX0000 nor XXXX00"}

// WithDivisions returns a new table holding t's divisions plus those
// read from a CSV file (name is the file name errors give) with the
// header
//
//	code,name,level,parent[,statistical_only][,name_en]
//
// in UTF-8, with or without a byte-order mark, with LF or CRLF line
// ends; the columns may come in any order and an unknown column is an
// error. Codes change every year (撤并, 更名), so this is how historical
// or new codes are added. For every row:
//
//   - level is province, prefecture or county and must be the level the
//     code's digits give; it and parent may be left empty only for a
//     province;
//   - parent is the division the row lies directly under: a division of
//     t or a row of the same file, at a higher level, in the same
//     province;
//   - statistical_only is true, false or empty (false) and name_en is
//     optional.
//
// A code t already holds must have the same parent; the row then
// replaces its Chinese name, and its English name and statistical mark
// where the row gives them. t is not changed. Errors are
// *benefit.RecordError values naming file, line and field; on error no
// table is returned. A GBK file's error wraps benefit.ErrEncoding.
func (t *Table) WithDivisions(r io.Reader, name string) (*Table, error) {
	rows, err := readDivisions(r, name)
	if err != nil {
		return nil, err
	}
	inFile := make(map[Code]bool, len(rows))
	for _, row := range rows {
		inFile[row.d.Code] = true
	}
	for _, row := range rows {
		d := row.d
		if old, ok := t.Lookup(d.Code); ok && old.Parent != d.Parent {
			return nil, row.rec.Err(colParent, fmt.Errorf("%w: %s %s is in the table under %s %s; this file puts it under %s",
				benefit.ErrSyntax, d.Code, old.Name, old.Parent, t.Name(old.Parent), d.Parent))
		}
		if _, ok := t.index[d.Parent]; d.Rank != Province && !ok && !inFile[d.Parent] {
			return nil, row.rec.Err(colParent, &CodeError{Input: d.Parent.String(), Msg: "neither a division of the table nor a row of this file", Err: ErrUnknownRegion})
		}
	}
	nt := *t
	nt.divs = slices.Grow(slices.Clone(t.divs), len(rows))
	added := false
	for _, row := range rows {
		i, ok := t.index[row.d.Code]
		if !ok {
			nt.divs = append(nt.divs, row.d)
			added = true
			continue
		}
		d := &nt.divs[i]
		d.Name = row.d.Name
		if row.hasEN {
			d.NameEN = row.d.NameEN
		}
		if row.hasStats {
			d.StatisticalOnly = row.d.StatisticalOnly
		}
	}
	if added {
		slices.SortFunc(nt.divs, func(a, b Division) int { return a.Code.Compare(b.Code) })
		nt.index = make(map[Code]int32, len(nt.divs))
		for i, d := range nt.divs {
			nt.index[d.Code] = int32(i)
		}
	}
	return &nt, nil
}

// len returns the number of divisions.
func (t *Table) len() int { return len(t.divs) }

// Lookup returns the division with code c, and false when the table has
// none.
func (t *Table) Lookup(c Code) (Division, bool) {
	i, ok := t.index[c]
	if !ok {
		return Division{}, false
	}
	return t.divs[i], true
}

// Resolve returns the division with code c. A code the table does not
// hold is bad input: the error is a *CodeError wrapping
// ErrUnknownRegion (ErrInvalidCode for the zero Code).
func (t *Table) Resolve(c Code) (Division, error) {
	if !c.IsValid() {
		return Division{}, fmt.Errorf("%w: zero code", ErrInvalidCode)
	}
	if d, ok := t.Lookup(c); ok {
		return d, nil
	}
	return Division{}, unknown(c)
}

// Name returns the Chinese name of c, or its six digits when the table
// does not hold it (Resolve tells an unknown code).
func (t *Table) Name(c Code) string {
	if i, ok := t.index[c]; ok {
		return t.divs[i].Name
	}
	return c.String()
}

// Ancestors returns the divisions c lies under as the table records
// them, nearest first: for 371723 成武县, 371700 菏泽市 and 370000 山东省.
// Its errors are Resolve's.
func (t *Table) Ancestors(c Code) ([]Code, error) {
	d, err := t.Resolve(c)
	if err != nil {
		return nil, err
	}
	var out []Code
	for p := d.Parent; p.IsValid(); p = t.divs[t.index[p]].Parent {
		out = append(out, p)
	}
	return out, nil
}

// under reports whether the division at i is c or lies under c.
func (t *Table) under(i int32, c Code) bool {
	for {
		d := &t.divs[i]
		if d.Code == c {
			return true
		}
		if !d.Parent.IsValid() {
			return false
		}
		i = t.index[d.Parent]
	}
}

// Under returns the division c and every division under it, in code
// order: for a province, its whole tree. Its errors are Resolve's.
func (t *Table) Under(c Code) ([]Division, error) {
	if _, err := t.Resolve(c); err != nil {
		return nil, err
	}
	var out []Division
	for i := range t.divs {
		if t.under(int32(i), c) {
			out = append(out, t.divs[i])
		}
	}
	return out, nil
}

// All returns the divisions in code order.
func (t *Table) All() iter.Seq[Division] {
	return func(yield func(Division) bool) {
		for _, d := range t.divs {
			if !yield(d) {
				return
			}
		}
	}
}

// Tier returns the fiscal tier of c: the tier of the nearest of c and
// the divisions it lies under (Ancestors) that has one. A 计划单列市
// (2102 Dalian, 3302 Ningbo, 3502 Xiamen, 3702 Qingdao, 4403 Shenzhen)
// has its own, so it and every county under it take that tier before
// the province's: Dalian is tier 4 while Liaoning is tier 3. The error
// wraps ErrInvalidCode for the zero Code and ErrUnknownRegion for a
// code the table does not hold or one with no tier up its chain.
func (t *Table) Tier(c Code) (Tier, error) {
	if !c.IsValid() {
		return 0, fmt.Errorf("%w: zero code", ErrInvalidCode)
	}
	i, ok := t.index[c]
	if !ok {
		return 0, unknown(c)
	}
	for {
		d := &t.divs[i]
		if tr, ok := t.tiers[d.Code]; ok {
			return tr, nil
		}
		if !d.Parent.IsValid() {
			return 0, fmt.Errorf("%w: no fiscal tier for %s or any division above it", ErrUnknownRegion, c)
		}
		i = t.index[d.Parent]
	}
}

// TierMembers returns the divisions the tier table names for tier tr, in
// code order: provinces, and the 计划单列市 that have a tier of their
// own. A division under them takes their tier (Tier).
func (t *Table) TierMembers(tr Tier) []Code {
	var out []Code
	for c, x := range t.tiers {
		if x == tr {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, Code.Compare)
	return out
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

// GroupsOf returns the groups c belongs to: those with c or a division
// it lies under (Ancestors) among their members. Its errors are
// Resolve's.
func (t *Table) GroupsOf(c Code) ([]Group, error) {
	if _, err := t.Resolve(c); err != nil {
		return nil, err
	}
	var out []Group
	for _, g := range t.Groups() {
		if slices.ContainsFunc(g.Members, func(m Code) bool { return t.under(t.index[c], m) }) {
			out = append(out, g)
		}
	}
	return out, nil
}

var errShare = errors.New("share must be between 0% and 100%")
