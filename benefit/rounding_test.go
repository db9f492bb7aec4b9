package benefit_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// The veterans' national standards (policy-reference §5.2) are
// prior × (1 + r) rounded half-up to 10 yuan. Every want below is the
// published figure; the product is worked by hand in the comment.
func TestRoundingVeterans(t *testing.T) {
	tests := []struct {
		name       string
		prior      string
		rate       string
		product    string // worked by hand
		want       string // published figure
		citeSource string
	}{
		// 72,850 × 1.10 = 72,850 + 7,285 = 80,135 → tie → 80,140 (因战一级 2018)
		{"因战一级 2018", "72850", "1.10", "80135.00", "80140.00", "Global Times 2018"},
		// 80,140 × 1.10 = 80,140 + 8,014 = 88,154 → 88,150 (因战一级 2019)
		{"因战一级 2019", "80140", "1.10", "88154.00", "88150.00", "China Military Online 2019-07-25"},
		// 70,550 × 1.1 = 70,550 + 7,055 = 77,605 → tie → 77,610 (因公一级 2018)
		{"因公一级 2018", "70550", "1.1", "77605.00", "77610.00", "Global Times 2018"},
		// 77,610 × 1.1 = 77,610 + 7,761 = 85,371 → 85,370 (因公一级 2019)
		{"因公一级 2019", "77610", "1.1", "85371.00", "85370.00", "China Military Online 2019-07-25"},
		// 68,240 × 1.1 = 68,240 + 6,824 = 75,064 → 75,060 (因病一级 2018)
		{"因病一级 2018", "68240", "1.1", "75064.00", "75060.00", "Global Times 2018"},
		// 75,060 × 1.1 = 75,060 + 7,506 = 82,566 → 82,570 (因病一级 2019)
		{"因病一级 2019", "75060", "1.1", "82566.00", "82570.00", "China Military Online 2019-07-25"},
		// 25,440 × 1.1 = 25,440 + 2,544 = 27,984 → 27,980 (烈属定期抚恤 2019)
		{"烈属 2019", "25440", "1.1", "27984.00", "27980.00", "China Military Online 2019-07-25"},
		// 88,150 × 1.10 = 88,150 + 8,815 = 96,965 → tie → 96,970
		// (Example E: illustrative projection, not an official figure)
		{"因战一级 +10% illustrative", "88150", "1.10", "96965.00", "96970.00", "policy-reference §11 Example E"},
		// 37,940 × 1.15 = 37,940 + 5,691 = 43,631 → 43,630 (因战一级 2013, +15 %)
		{"因战一级 2013", "37940", "1.15", "43631.00", "43630.00", "People's Daily 2013"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prior := benefit.MustParseAmount(tt.prior)
			r := benefit.MustParseRate(tt.rate)
			product := prior.MulRate(r)
			isTrue(t, product.Equal(benefit.MustParseAmount(tt.product)), "product %s, want %s", product, tt.product)
			got := product.Round(benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.HalfUp})
			equal(t, tt.want, got.String(), "source: %s", tt.citeSource)
		})
	}
}

// Ties for every mode, at the fen. The wants are go-notes P3's table
// (measured for shopspring's Round/RoundBank/RoundUp/RoundDown), read as
// the library's modes: half-up is half away from zero (四舍五入),
// half-even is banker's rounding (银行家舍入), up is away from zero for
// any remainder (进位), down is toward zero (舍去).
func TestRoundingTies(t *testing.T) {
	tests := []struct {
		in                       string
		halfUp, halfEven, up, dn string
	}{
		{"2.345", "2.35", "2.34", "2.35", "2.34"},
		{"-2.345", "-2.35", "-2.34", "-2.35", "-2.34"},
		{"0.125", "0.13", "0.12", "0.13", "0.12"},
		{"2.355", "2.36", "2.36", "2.36", "2.35"},
		// not ties: any remainder goes up with Up, nowhere with Down
		{"2.341", "2.34", "2.34", "2.35", "2.34"},
		{"2.349", "2.35", "2.35", "2.35", "2.34"},
		{"-2.341", "-2.34", "-2.34", "-2.35", "-2.34"},
		// already on the step: unchanged in every mode
		{"2.34", "2.34", "2.34", "2.34", "2.34"},
		{"0", "0.00", "0.00", "0.00", "0.00"},
	}
	for _, tt := range tests {
		a := benefit.MustParseAmount(tt.in)
		for _, c := range []struct {
			mode benefit.Mode
			want string
		}{{benefit.HalfUp, tt.halfUp}, {benefit.HalfEven, tt.halfEven}, {benefit.Up, tt.up}, {benefit.Down, tt.dn}} {
			got := a.Round(benefit.Rounding{Unit: benefit.Fen, Mode: c.mode})
			equal(t, c.want, got.String(), "%s rounded %s to the fen", tt.in, c.mode)
		}
	}
}

// Every unit, with ties and near-ties worked by hand.
func TestRoundingUnits(t *testing.T) {
	tests := []struct {
		in   string
		r    benefit.Rounding
		want string
	}{
		{"7345.8333", benefit.FenHalfUp(), "7345.83"},
		{"7114.1666", benefit.FenHalfUp(), "7114.17"},
		{"392.7", benefit.Rounding{Unit: benefit.YuanUnit, Mode: benefit.HalfUp}, "393.00"}, // 最低工资 annex, policy-reference §11 Example D
		{"393.2", benefit.Rounding{Unit: benefit.YuanUnit, Mode: benefit.HalfUp}, "393.00"},
		{"0.5", benefit.Rounding{Unit: benefit.YuanUnit, Mode: benefit.HalfUp}, "1.00"},
		{"-0.5", benefit.Rounding{Unit: benefit.YuanUnit, Mode: benefit.HalfUp}, "-1.00"},
		{"2.5", benefit.Rounding{Unit: benefit.YuanUnit, Mode: benefit.HalfEven}, "2.00"},
		{"3.5", benefit.Rounding{Unit: benefit.YuanUnit, Mode: benefit.HalfEven}, "4.00"},
		{"1.25", benefit.Rounding{Unit: benefit.Jiao, Mode: benefit.HalfUp}, "1.30"},
		{"1.25", benefit.Rounding{Unit: benefit.Jiao, Mode: benefit.HalfEven}, "1.20"},
		{"1.21", benefit.Rounding{Unit: benefit.Jiao, Mode: benefit.Up}, "1.30"},
		{"1.29", benefit.Rounding{Unit: benefit.Jiao, Mode: benefit.Down}, "1.20"},
		// ten yuan, every mode: 75 is a tie between 70 and 80
		{"75", benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.HalfUp}, "80.00"},
		{"-75", benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.HalfUp}, "-80.00"},
		{"75", benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.HalfEven}, "80.00"},
		{"65", benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.HalfEven}, "60.00"},
		{"-65", benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.HalfEven}, "-60.00"},
		{"61", benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.Up}, "70.00"},
		{"60.01", benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.Up}, "70.00"},
		{"-61", benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.Up}, "-70.00"},
		{"69.99", benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.Down}, "60.00"},
		{"-69.99", benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.Down}, "-60.00"},
		{"70", benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.Up}, "70.00"},
		{"88150", benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.HalfUp}, "88150.00"},
		{"4.9999", benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.HalfUp}, "0.00"},
		{"5", benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.HalfUp}, "10.00"},
	}
	for _, tt := range tests {
		got := benefit.MustParseAmount(tt.in).Round(tt.r)
		equal(t, tt.want, got.String(), "%s rounded %s", tt.in, tt.r)
	}
}

// The zero Rounding is half-up to the fen, as its doc says.
func TestRoundingZeroValue(t *testing.T) {
	var r benefit.Rounding
	equal(t, benefit.FenHalfUp(), r)
	isTrue(t, r.IsValid())
	equal(t, "half_up to 0.01", r.String())
	equal(t, "0.13", benefit.MustParseAmount("0.125").Round(r).String())
}

// A Rounding's JSON spells its unit and mode as the catalogue does, in
// English or Chinese.
func TestRoundingUnitModeSpellings(t *testing.T) {
	rounding := func(unit, mode string) (benefit.Rounding, error) {
		var r benefit.Rounding
		err := json.Unmarshal([]byte(`{"unit": "`+unit+`", "mode": "`+mode+`"}`), &r)
		return r, err
	}
	units := map[string]benefit.Unit{
		"0.01": benefit.Fen, "fen": benefit.Fen, "分": benefit.Fen,
		"0.1": benefit.Jiao, "角": benefit.Jiao,
		"1": benefit.YuanUnit, "元": benefit.YuanUnit,
		"10": benefit.TenYuan, "十元": benefit.TenYuan,
	}
	for s, want := range units {
		got, err := rounding(s, "half_up")
		noError(t, err, s)
		equal(t, want, got.Unit, s)
	}
	for _, s := range []string{"", "100", "0.001", "5"} {
		_, err := rounding(s, "half_up")
		errorIs(t, err, benefit.ErrSyntax, "%q", s)
	}
	modes := map[string]benefit.Mode{
		"half_up": benefit.HalfUp, "half-up": benefit.HalfUp, "四舍五入": benefit.HalfUp,
		"half_even": benefit.HalfEven, "银行家舍入": benefit.HalfEven,
		"up": benefit.Up, "进位": benefit.Up,
		"down": benefit.Down, "舍去": benefit.Down,
	}
	for s, want := range modes {
		got, err := rounding("0.01", s)
		noError(t, err, s)
		equal(t, want, got.Mode, s)
	}
	for _, s := range []string{"", "ceil", "HALF_UP", "round"} {
		_, err := rounding("0.01", s)
		errorIs(t, err, benefit.ErrSyntax, "%q", s)
	}
	equal(t, "Unit(9)", benefit.Unit(9).String())
	equal(t, "Mode(9)", benefit.Mode(9).String())
	isFalse(t, benefit.Rounding{Unit: 9}.IsValid())
	equal(t, "10.00", benefit.TenYuan.Step().String())
	equal(t, "0.01", benefit.Fen.Step().String())
}

func TestRoundingJSON(t *testing.T) {
	b, err := json.Marshal(benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.HalfUp})
	noError(t, err)
	jsonEq(t, `{"unit":"10","mode":"half_up"}`, string(b))

	var r benefit.Rounding
	noError(t, json.Unmarshal([]byte(`{"unit":"0.1","mode":"down"}`), &r))
	equal(t, benefit.Rounding{Unit: benefit.Jiao, Mode: benefit.Down}, r)

	for _, in := range []string{
		`{"unit":"10","mode":"half_up","extra":1}`, // unknown field
		`{"unit":"3","mode":"half_up"}`,            // unknown unit
		`{"unit":"10","mode":"ceiling"}`,           // unknown mode
		`{"unit":"10"}`,                            // mode missing
	} {
		err := json.Unmarshal([]byte(in), &r)
		isError(t, err, in)
	}
	var pe *benefit.ParseError
	err = json.Unmarshal([]byte(`{"unit":"3","mode":"half_up"}`), &r)
	isTrue(t, errors.As(err, &pe), "want a *ParseError, got %T", err)
}
