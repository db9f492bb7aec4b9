package main

import (
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/region"
)

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
	list, err := output.ListRegions(t, divs)
	if err != nil {
		return fail(err)
	}
	switch {
	case *under != "":
		list.Scope = "under"
	case *all:
		list.Scope = "all"
	}
	list.Added = *regionsFile
	if err := writeStdout(stdout, *format, list); err != nil {
		return fail(err)
	}
	return exitOK
}

// ownTiers returns the provinces and the other divisions with a tier of
// their own (the 计划单列市), in code order.
func ownTiers(t *region.Table) []region.Division {
	var out []region.Division
	for d := range t.All() {
		if d.Rank == region.Province {
			out = append(out, d)
		}
	}
	for tr := region.Tier(1); tr <= 5; tr++ {
		for _, c := range t.TierMembers(tr) {
			if d, _ := t.Lookup(c); d.Rank != region.Province {
				out = append(out, d)
			}
		}
	}
	slices.SortFunc(out, func(a, b region.Division) int { return a.Code.Compare(b.Code) })
	return out
}

// loadRegions returns the embedded table of divisions, with the divisions
// of the CSV file at path added when path is not empty.
// loadTable returns the embedded region table with the divisions of
// regionsFile and the cost rules of costRulesFile added (each "" for
// none).
func loadTable(regionsFile, costRulesFile string) (*region.Table, error) {
	tab, err := loadRegions(regionsFile)
	if err != nil || costRulesFile == "" {
		return tab, err
	}
	f, err := os.Open(costRulesFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rules, err := region.ReadCostRules(f, costRulesFile, benefit.Limits{})
	if err != nil {
		return nil, err
	}
	return tab.WithCostRules(rules...)
}

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
