package benefit_test

import (
	"encoding/json"
	"math/big"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

func TestParseRateForms(t *testing.T) {
	// "3.8%", "3.8 %", "0.038" are one value: 38 thousandths.
	want := benefit.MustParseRate("0.038")
	for _, s := range []string{"3.8%", "3.8 %", "0.038", "0.0380", "3.80%"} {
		r, err := benefit.ParseRate(s)
		noError(t, err, s)
		isTrue(t, r.Equal(want), "%q = %s, want %s", s, r, want)
		equal(t, "3.8%", r.String(), s)
		equal(t, "0.038", r.PlainString(), s)
	}
	// "3%" and "0.03" and Percent(3)
	three := benefit.MustParseRate("3%")
	isTrue(t, three.Equal(benefit.MustParseRate("0.03")))
	isTrue(t, three.Equal(benefit.Percent(3)))
	equal(t, "3%", three.String())
	equal(t, "100%", benefit.Percent(100).String())
	isTrue(t, benefit.Percent(100).Equal(benefit.MustParseRate("100%")))
	equal(t, "-0.5%", benefit.MustParseRate("-0.5%").String())
	equal(t, "110%", benefit.MustParseRate("1.10").String())
	var zero benefit.Rate
	equal(t, "0%", zero.String())
	isTrue(t, zero.IsZero())
}

func TestParseRateRejects(t *testing.T) {
	for _, s := range []string{"", "%", "3%%", "1e-2", "3,5%", "+3%", "NaN", "3.", ".5", "0.00000000001", "1234567"} {
		_, err := benefit.ParseRate(s)
		isError(t, err, "%q", s)
	}
	_, err := benefit.ParseRate("1e-2")
	errorIs(t, err, benefit.ErrSyntax)
	_, err = benefit.ParseRate("0.00000000001") // 11 decimals
	errorIs(t, err, benefit.ErrRange)
}

func TestRateArithmetic(t *testing.T) {
	r := benefit.MustParseRate
	// 1 + 10 % = 110 %
	equal(t, "110%", benefit.Percent(100).Add(r("10%")).String())
	equal(t, "90%", benefit.Percent(100).Sub(r("10%")).String())
	// 110 % × 110 % = 121 %
	equal(t, "121%", r("1.1").Mul(r("1.1")).String())
	equal(t, "30%", r("10%").MulInt(3).String())
	equal(t, "-10%", benefit.Rate{}.Sub(r("10%")).String())
	equal(t, 1, r("3.8%").Cmp(r("3%")))
	equal(t, -1, r("-1%").Sign())
	// 2 / 3 rounded to 4 places of the ratio (0.6667 = 66.67 %)
	equal(t, "66.67%", r("0.666666").Round(4, benefit.HalfUp).String())
	equal(t, "66.66%", r("0.666666").Round(4, benefit.Down).String())
	// Of is MulRate: 50 % of 1,200,000.00 = 600,000.00 (Example B)
	equal(t, "600000.00", benefit.Yuan(1_200_000).MulRate(r("50%")).String())
}

type withRate struct {
	R benefit.Rate `json:"r"`
}

func TestRateEncodings(t *testing.T) {
	b, err := json.Marshal(withRate{benefit.MustParseRate("0.038")})
	noError(t, err)
	equal(t, `{"r":"3.8%"}`, string(b))
	for in, want := range map[string]string{
		`{"r":"3.8%"}`:  "3.8%",
		`{"r":"0.038"}`: "3.8%",
		`{"r":0.038}`:   "3.8%",
		`{"r":"80%"}`:   "80%",
	} {
		var v withRate
		noError(t, json.Unmarshal([]byte(in), &v), in)
		equal(t, want, v.R.String(), in)
	}
	for _, in := range []string{`{"r":null}`, `{"r":3.8e-2}`, `{"r":"3.8"}x`, `{"r":true}`} {
		var v withRate
		isError(t, json.Unmarshal([]byte(in), &v), in)
	}
	var r benefit.Rate
	noError(t, r.UnmarshalText([]byte("50%")))
	txt, _ := r.MarshalText()
	equal(t, "50%", string(txt))
}

// Fraction gives the value itself as num ÷ 10^scale, scale ≥ 0: 3.75 % is
// 0.0375, −0.5 % is −0.005, the finest rate the grammar writes is 10^-10,
// the largest plain ratio 999999; 20 % × 5 % = 0.01 made by arithmetic.
func TestRateFraction(t *testing.T) {
	for _, c := range []struct {
		rate  benefit.Rate
		value string // the fraction's value, written by hand
	}{
		{benefit.MustParseRate("3.75%"), "0.0375"},
		{benefit.MustParseRate("-0.5%"), "-0.005"},
		{benefit.MustParseRate("100%"), "1"},
		{benefit.Percent(100), "1"},
		{benefit.MustParseRate("0.0000000001"), "0.0000000001"},
		{benefit.MustParseRate("999999"), "999999"},
		{benefit.MustParseRate("3.80%"), "0.038"},
		{benefit.MustParseRate("0%"), "0"},
		{benefit.Percent(20).Mul(benefit.Percent(5)), "0.01"},
	} {
		num, scale := c.rate.Fraction()
		want, _ := new(big.Rat).SetString(c.value)
		got := new(big.Rat).SetFrac(num, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)), nil))
		if scale < 0 || got.Cmp(want) != 0 {
			t.Errorf("%s: Fraction() = %s ÷ 10^%d, want %s", c.rate, num, scale, c.value)
		}
		before := c.rate.String()
		num.SetInt64(7) // num is the caller's: the rate is unchanged
		equal(t, before, c.rate.String(), "after changing Fraction's num")
	}
}
