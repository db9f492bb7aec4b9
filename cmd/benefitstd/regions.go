package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/benefitstd/benefitstd/internal/texttable"
	"github.com/benefitstd/benefitstd/region"
)

type regionRow struct {
	Code            string   `json:"code"`
	Name            string   `json:"name"`
	NameEN          string   `json:"name_en"`
	Level           string   `json:"level"`
	Parent          string   `json:"parent,omitempty"`
	StatisticalOnly bool     `json:"statistical_only,omitempty"`
	Tier            int      `json:"tier"`
	CentralShare    string   `json:"central_share"`
	Groups          []string `json:"groups,omitempty"`
}

// regionCounts sums up a table: how many divisions at each level, and how
// many are statistical units rather than GB/T 2260 divisions.
type regionCounts struct {
	Divisions       int `json:"divisions"`
	Provinces       int `json:"provinces"`
	Prefectures     int `json:"prefectures"`
	Counties        int `json:"counties"`
	StatisticalOnly int `json:"statistical_only"`
}

// runRegions lists divisions with their fiscal tier, central share and
// groups:
//
//	benefitstd regions [--under CODE | --all] [--regions FILE] [--format text|json]
//
// By default it lists the provinces and the divisions with a tier of
// their own (the 计划单列市) and counts the rest; --under CODE lists a
// division's whole tree, --all every division. --regions adds divisions
// from a CSV file (region.Table.WithDivisions).
func runRegions(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("regions", stderr)
	format := fs.String("format", "text", "output format: text|json")
	under := fs.String("under", "", "list this division and every division under it, e.g. 410000")
	all := fs.Bool("all", false, "list every division")
	regionsFile := fs.String("regions", "", "CSV `file` of further divisions (code,name,level,parent[,statistical_only][,name_en]), e.g. historical codes")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if err := noEmpty(fs, "under", "regions"); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if err := oneOf(fs, "format", *format, "text", "json"); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if *all && *under != "" {
		fmt.Fprintln(stderr, "benefitstd regions: give either --under or --all, not both")
		return exitUsage
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "benefitstd regions:", oneLine(err))
		return exitUsage
	}
	t, err := loadRegions(*regionsFile)
	if err != nil {
		return fail(err)
	}
	var divs []region.Division
	switch {
	case *under != "":
		c, err := region.ParseCode(*under)
		if err != nil {
			return fail(fmt.Errorf("--under: %w", err))
		}
		if divs, err = t.Under(c); err != nil {
			return fail(fmt.Errorf("--under: %w", err))
		}
	case *all:
		for d := range t.All() {
			divs = append(divs, d)
		}
	default:
		divs = ownTiers(t)
	}
	var counts regionCounts
	for d := range t.All() {
		counts.Divisions++
		switch d.Level {
		case region.Province:
			counts.Provinces++
		case region.Prefecture:
			counts.Prefectures++
		default:
			counts.Counties++
		}
		if d.StatisticalOnly {
			counts.StatisticalOnly++
		}
	}
	rows := make([]regionRow, 0, len(divs))
	for _, d := range divs {
		tier, err := t.Tier(d.Code)
		if err != nil {
			return fail(err)
		}
		share, _ := t.CentralShare(d.Code)
		groups, _ := t.GroupsOf(d.Code)
		r := regionRow{Code: d.Code.String(), Name: d.Name, NameEN: d.NameEN, Level: d.Level.String(), Parent: d.Parent.String(),
			StatisticalOnly: d.StatisticalOnly, Tier: int(tier), CentralShare: share.String()}
		for _, g := range groups {
			r.Groups = append(r.Groups, g.Name)
		}
		rows = append(rows, r)
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{"divisions": rows, "counts": counts, "tier_source": t.TierCitation()}); err != nil {
			return fail(err)
		}
		return exitOK
	}
	tab := texttable.Table{
		Header: []string{"code", "名称", "name", "level", "parent", "tier 档", "central 中央", "groups 区域", "note"},
		Right:  []bool{false, false, false, false, false, true, true, false, false},
	}
	for _, r := range rows {
		note := ""
		if r.StatisticalOnly {
			note = "statistical only 统计用"
		}
		tab.Rows = append(tab.Rows, []string{r.Code, r.Name, r.NameEN, r.Level, r.Parent, fmt.Sprint(r.Tier), r.CentralShare, strings.Join(r.Groups, ", "), note})
	}
	var b strings.Builder
	tab.Write(&b)
	fmt.Fprintf(&b, "\n%d divisions: %d provinces, %d prefecture-level, %d county-level; %d of them statistical only (统计用区划, not GB/T 2260 divisions).\n",
		counts.Divisions, counts.Provinces, counts.Prefectures, counts.Counties, counts.StatisticalOnly)
	if !*all && *under == "" {
		fmt.Fprintf(&b, "Listed: the provinces and the divisions with a tier of their own (计划单列市). --under CODE lists a division's tree, --all every division.\n")
	}
	fmt.Fprintf(&b, "Divisions: NBS 统计用区划代码 2023 (as of 2023-06-30)")
	if *regionsFile != "" {
		fmt.Fprintf(&b, ", plus %s", *regionsFile)
	}
	c := t.TierCitation()
	fmt.Fprintf(&b, ".\nTiers and central shares: %s (confidence %s)\n%s\n", c, c.Confidence, c.Note)
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		return fail(err)
	}
	return exitOK
}

// ownTiers returns the provinces and the other divisions with a tier of
// their own (the 计划单列市), in code order.
func ownTiers(t *region.Table) []region.Division {
	var out []region.Division
	for d := range t.All() {
		if d.Level == region.Province {
			out = append(out, d)
		}
	}
	for tr := region.Tier(1); tr <= 5; tr++ {
		for _, c := range t.TierMembers(tr) {
			if d, _ := t.Lookup(c); d.Level != region.Province {
				out = append(out, d)
			}
		}
	}
	slices.SortFunc(out, func(a, b region.Division) int { return a.Code.Compare(b.Code) })
	return out
}

// loadRegions returns the embedded table of divisions, with the divisions
// of the CSV file at path added when path is not empty.
func loadRegions(path string) (*region.Table, error) {
	if path == "" {
		return region.Default(), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return region.Default().WithDivisions(f, path)
}
