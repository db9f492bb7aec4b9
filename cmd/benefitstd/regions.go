package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/benefitstd/benefitstd/internal/texttable"
	"github.com/benefitstd/benefitstd/region"
)

type regionRow struct {
	Code         string   `json:"code"`
	Name         string   `json:"name"`
	NameEN       string   `json:"name_en"`
	Level        string   `json:"level"`
	Tier         int      `json:"tier"`
	CentralShare string   `json:"central_share"`
	Groups       []string `json:"groups,omitempty"`
}

func runRegions(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("regions", stderr)
	format := fs.String("format", "text", "output format: text|json")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if err := oneOf(fs, "format", *format, "text", "json"); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	t := region.Default()
	var rows []regionRow
	for d := range t.All() {
		tier, err := t.Tier(d.Code)
		if err != nil {
			fmt.Fprintln(stderr, "benefitstd regions:", err)
			return exitUsage
		}
		share, _ := t.CentralShare(d.Code)
		r := regionRow{Code: d.Code.String(), Name: d.Name, NameEN: d.NameEN, Level: d.Code.Level().String(), Tier: int(tier), CentralShare: share.String()}
		for _, g := range t.GroupsOf(d.Code) {
			r.Groups = append(r.Groups, g.Name)
		}
		rows = append(rows, r)
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{"divisions": rows, "tier_source": t.TierCitation()}); err != nil {
			fmt.Fprintln(stderr, "benefitstd regions:", err)
			return exitUsage
		}
		return exitOK
	}
	tab := texttable.Table{
		Header: []string{"code", "名称", "name", "level", "tier 档", "central 中央", "groups 区域"},
		Right:  []bool{false, false, false, false, true, true, false},
	}
	for _, r := range rows {
		groups := ""
		for i, g := range r.Groups {
			if i > 0 {
				groups += ", "
			}
			groups += g
		}
		tab.Rows = append(tab.Rows, []string{r.Code, r.Name, r.NameEN, r.Level, fmt.Sprint(r.Tier), r.CentralShare, groups})
	}
	var b strings.Builder
	tab.Write(&b)
	c := t.TierCitation()
	fmt.Fprintf(&b, "\nTiers and central shares: %s (confidence %s)\n%s\n", c, c.Confidence, c.Note)
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		fmt.Fprintln(stderr, "benefitstd regions:", err)
		return exitUsage
	}
	return exitOK
}
