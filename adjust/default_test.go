package adjust

import (
	"strconv"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// TestDefaultScenarioWorked checks by hand the key 2025 figures of the
// embedded default scenario, the ones testdata/default-years.golden.json
// and output/testdata/default.golden.csv pin as bytes. The inputs are those of
// data/default-scenario.json: rule pass-through + 20 %×wage + 20 %×CPI
// with wage growth 5 % and CPI 1 % (so +1.2 % of the level), max step
// 15 %, fiscal cap 2 % of revenue, beneficiaries +1 % a year, revenue of
// 2023 grown 1.3 % in 2024 and 3 % in 2025; floor 123 (2024) → 143
// (2025, legislated), so pass-through is +20. Yuan half-up.
//
//	北京 (tier 5, centre pays 50 % of the floor part): 767,000 persons at 723
//	  persons 767,000 × 1.01 = 774,670
//	  proposal 723 + 20 + 1.2 % × 723 (8.676) = 751.676 → 752; cap 15 %: 831.45, not binding
//	  total 12 × 774,670 × 752 = 6,990,622,080
//	  central 50 % × 12 × 774,670 × 143 = 664,666,860; local 6,325,955,220
//	  revenue 618,110,000,000 × 1.013 × 1.03 = 644,929,792,900
//	河北 (tier 2, centre pays 100 % of the floor part): 10,360,000 at 143
//	  persons 10,463,600; proposal 143 + 20 + 1.716 = 164.716 → 165
//	  max step 15 %: 143 × 1.15 = 164.45 → down to 164 (max_step_percent)
//	  total 12 × 10,463,600 × 164 = 20,592,364,800
//	  central 12 × 10,463,600 × 143 = 17,955,537,600
//	山东 (tier 3, 50 %): 13,156,000 at 163, revenue 746,470,000,000
//	  persons 13,287,560; proposal 163 + 20 + 1.956 = 184.956 → 185
//	  revenue 746,470,000,000 × 1.013 × 1.03 = 778,859,333,300; cap 2 % = 15,577,186,666
//	  local at x: 13,287,560 × (12x − 6 × 143) ≤ cap → 12x − 858 ≤ 1,172.31 → x ≤ 169.19 → 169
//	  local 13,287,560 × (2,028 − 858) = 13,287,560 × 1,170 = 15,546,445,200 (fiscal_cap)
//	辽宁 (tier 3, 50 %): 5,460,000 at 163, revenue 275,400,000,000
//	  persons 5,514,600; revenue 275.4e9 × 1.013 × 1.03 = 287,349,606,000; cap 5,746,992,120
//	  even the current level 163 (no cut) costs 5,514,600 × (1,956 − 858) = 6,055,030,800
//	  locally > cap: infeasible, level 163 (no_cut), transfer 6,055,030,800 − 5,746,992,120 = 308,038,680
//	Nation: 178,749,000 persons (the sum of the file's counts, all multiples
//	  of 100) × 1.01 = 180,536,490; 辽宁 the only infeasible region, so the
//	  transfer is 308,038,680; lowest level 163 (辽宁), highest 752 (北京, 上海
//	  the same inputs).
func TestDefaultScenarioWorked(t *testing.T) {
	s, err := defaultScenario()
	if err != nil {
		t.Fatal(err)
	}
	r := mustRun(t, s)
	check(t, r, []want{
		{bj, 2025, "752.00", BindNone, "6990622080.00", "664666860.00", "6325955220.00"},
		{hebei, 2025, "164.00", BindMaxStepPercent, "20592364800.00", "17955537600.00", ""},
		{sd, 2025, "169.00", BindFiscalCap, "", "", "15546445200.00"},
		{liaoning, 2025, "163.00", BindNoCut, "", "", "6055030800.00"},
	})
	for _, c := range []struct {
		name, got, want string
	}{
		{"北京 persons", fmtInt(get(t, r, bj).Beneficiaries), "774670"},
		{"北京 proposed", get(t, r, bj).Proposed.String(), "752.00"},
		{"北京 revenue", get(t, r, bj).Revenue.String(), "644929792900.00"},
		{"河北 proposed", get(t, r, hebei).Proposed.String(), "165.00"},
		{"山东 proposed", get(t, r, sd).Proposed.String(), "185.00"},
		{"山东 revenue", get(t, r, sd).Revenue.String(), "778859333300.00"},
		{"山东 cap", amountp(get(t, r, sd).Cap), "15577186666.00"},
		{"辽宁 cap", amountp(get(t, r, liaoning).Cap), "5746992120.00"},
		{"辽宁 transfer", get(t, r, liaoning).Transfer.String(), "308038680.00"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %s, want %s", c.name, c.got, c.want)
		}
	}
	if !get(t, r, liaoning).Infeasible {
		t.Error("辽宁 2025 must be infeasible")
	}
	y := r.Years[0]
	if y.Year != 2025 || y.Floor.Amount.String() != "143.00" || y.Floor.Status != benefit.Announced ||
		y.Beneficiaries != 180_536_490 || y.Infeasible != 1 || y.Transfer.String() != "308038680.00" ||
		y.MinLevel.String() != "163.00" || y.MaxLevel.String() != "752.00" {
		t.Errorf("2025 summary: %d floor %s %s persons %d infeasible %d transfer %s levels %s-%s",
			y.Year, y.Floor.Amount, y.Floor.Status, y.Beneficiaries, y.Infeasible, y.Transfer, y.MinLevel, y.MaxLevel)
	}
}

var (
	hebei    = region.MustParseCode("130000")
	liaoning = region.MustParseCode("210000")
)

func get(t *testing.T, r *Result, c region.Code) RegionYear {
	t.Helper()
	ry, ok := r.Get(c, 2025)
	if !ok {
		t.Fatalf("%s 2025 missing", c)
	}
	return ry
}

func fmtInt(n int64) string { return strconv.FormatInt(n, 10) }

func amountp(a *benefit.Amount) string {
	if a == nil {
		return "<nil>"
	}
	return a.String()
}
