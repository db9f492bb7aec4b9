package main

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// invokeCLI runs the command line in-process and returns its exit code
// and outputs.
func invokeCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageErrorsExitTwoWithOneLine(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"nosuchcommand"},
		{"regions", "--nosuchflag"},
		{"regions", "--format", "xml"},
		{"regions", "extra"},
	} {
		code, _, stderr := invokeCLI(args...)
		assert.Equal(t, exitUsage, code, "%q", args)
		if len(args) > 0 {
			assert.Equal(t, 0, strings.Count(strings.TrimSpace(stderr), "\n"), "%q: want a one-line message, got %q", args, stderr)
		}
	}
}

func TestRegionsText(t *testing.T) {
	code, out, stderr := invokeCLI("regions")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// 国办发〔2018〕6号 (policy-reference §7): Dalian is tier 4 (30 %)
	// while Liaoning is tier 3 (50 %); Shanghai tier 5 (10 %).
	lines := strings.Split(out, "\n")
	for _, want := range [][]string{
		{"210000", "辽宁省", "Liaoning", "province", "3", "50%"},
		{"210200", "大连市", "Dalian", "prefecture", "210000", "4", "30%"},
		{"310000", "上海市", "Shanghai", "province", "5", "10%"},
	} {
		found := false
		for _, l := range lines {
			f := strings.Fields(l)
			found = found || len(f) >= len(want) && slices.Equal(f[:len(want)], want)
		}
		if !found {
			t.Errorf("no row %q in\n%s", want, out)
		}
	}
	// Columns align by display width: the tier column ends at the same
	// display column on every data row, whatever the width of the name.
	var ends []int
	for _, l := range lines[2:] {
		if strings.HasPrefix(l, "210000") || strings.HasPrefix(l, "150000") || strings.HasPrefix(l, "310000") {
			ends = append(ends, displayIndex(l, "%"))
		}
	}
	if len(ends) != 3 || ends[0] != ends[1] || ends[1] != ends[2] {
		t.Errorf("central-share column not aligned: %v\n%s", ends, out)
	}
}

// displayIndex returns the display column of the first sep in l, counting
// a Han character as two columns.
func displayIndex(l, sep string) int {
	col := 0
	for i, r := range l {
		if strings.HasPrefix(l[i:], sep) {
			return col
		}
		if r >= 0x2E80 {
			col += 2
		} else {
			col++
		}
	}
	return -1
}

func TestRegionsJSON(t *testing.T) {
	code, out, stderr := invokeCLI("regions", "--format", "json")
	require.Equal(t, exitOK, code, stderr)
	var doc struct {
		Divisions []regionRow `json:"divisions"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	got := map[string]regionRow{}
	for _, r := range doc.Divisions {
		got[r.Code] = r
	}
	// policy-reference §7 tiers and central shares.
	for code, want := range map[string]struct {
		tier  int
		share string
	}{
		"210200": {4, "30%"}, "210000": {3, "50%"}, "310000": {5, "10%"},
		"540000": {1, "80%"}, "440300": {4, "30%"}, "410000": {2, "60%"},
	} {
		r, ok := got[code]
		if !ok || r.Tier != want.tier || r.CentralShare != want.share {
			t.Errorf("%s: got tier %d share %s, want %d %s", code, r.Tier, r.CentralShare, want.tier, want.share)
		}
	}
	provinces := 0
	for _, r := range doc.Divisions {
		if r.Level == "province" {
			provinces++
		}
	}
	assert.Equal(t, 31, provinces, "provinces in the embedded table")
}

// The default list is short: the 31 provinces and the five 计划单列市,
// with the counts of divisions-2023.csv (data-additions 2026-12 §7):
// 3,348 divisions, 124 statistical-only.
func TestRegionsCounts(t *testing.T) {
	code, out, stderr := invokeCLI("regions")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, out, "3348 divisions: 31 provinces, 342 prefecture-level, 2975 county-level; 124 of them statistical only")
	table, _, _ := strings.Cut(out, "\n\n")
	assert.Equal(t, 2+31+5, strings.Count(table, "\n")+1, "header, rule, 31 provinces and 5 计划单列市")
}

// --under lists a division's tree: 371700 菏泽市, its two districts,
// seven counties and two statistical units, marked (divisions-2023.csv).
// --all lists all 3,348; --regions adds historical divisions.
func TestRegionsUnderAll(t *testing.T) {
	code, out, stderr := invokeCLI("regions", "--under", "371700")
	require.Equal(t, exitOK, code, stderr)
	table, _, _ := strings.Cut(out, "\n\n")
	assert.Equal(t, 2+12, strings.Count(table, "\n")+1, table)
	assert.Contains(t, table, "371723  成武县")
	assert.Regexp(t, `371771 +菏泽经济技术开发区 .* statistical only`, table)

	code, out, stderr = invokeCLI("regions", "--all", "--format", "json")
	require.Equal(t, exitOK, code, stderr)
	var doc struct {
		Divisions []regionRow  `json:"divisions"`
		Counts    regionCounts `json:"counts"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	assert.Len(t, doc.Divisions, 3348)
	assert.Equal(t, regionCounts{Divisions: 3348, Provinces: 31, Prefectures: 342, Counties: 2975, StatisticalOnly: 124}, doc.Counts)

	code, out, stderr = invokeCLI("regions", "--regions", "testdata/regions_laiwu.csv", "--under", "371200")
	require.Equal(t, exitOK, code, stderr)
	assert.Regexp(t, `371202 +莱城区 +Laicheng District +county +371200 +3 +50%`, out)
}

// regionRow and regionCounts are the JSON of `benefitstd regions`: a
// division and the counts of the table (output.RegionList).
type regionRow struct {
	Code         string `json:"code"`
	Level        string `json:"level"`
	Tier         int    `json:"tier"`
	CentralShare string `json:"central_share"`
}

type regionCounts struct {
	Divisions       int `json:"divisions"`
	Provinces       int `json:"provinces"`
	Prefectures     int `json:"prefectures"`
	Counties        int `json:"counties"`
	StatisticalOnly int `json:"statistical_only"`
}
