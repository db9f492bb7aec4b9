package plan

import (
	"math/rand/v2"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// part compiles pt as the only part of a plan.
func part(t *testing.T, pt Part) *kernel {
	t.Helper()
	kp, err := compilePart(pt, "parts[0]", planErr{})
	if err != nil {
		t.Fatal(err)
	}
	k := &kernel{parts: []kpart{kp}}
	k.lower()
	return k
}

// percentPart compiles a percent part of rate r rounded by rd.
func percentPart(t *testing.T, r benefit.Rate, rd benefit.Rounding) *kernel {
	t.Helper()
	return part(t, Part{ID: "p", Percent: &Percent{Rate: r}, Rounding: rd})
}

// amount returns the part's amount for x.
func (k *kernel) amount(x row) int64 {
	out := k.newOut()
	k.eval(&x, 0, out)
	return out[0]
}

// A compiled percentage part gives what the library's decimal arithmetic
// gives (benefit.Amount.MulRate then Round) for every unit and mode,
// including exact ties (2,000.50 × 1 % = 20.005), and a compiled part of
// any kind rounds its whole-fen amount as Amount.Round does.
func TestMulRateMatchesDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	rates := []string{"1%", "0.53%", "1.81%", "2.5%", "0.9%", "3%", "0.0001", "0.123456789", "100%", "0%"}
	pensions := []int64{0, 1, 50, 200050, 250, 999999, 123456789}
	for range 2000 {
		pensions = append(pensions, rng.Int64N(2_000_000))
	}
	for _, rs := range rates {
		r := benefit.MustParseRate(rs)
		for _, u := range []benefit.Unit{benefit.Fen, benefit.Jiao, benefit.YuanUnit, benefit.TenYuan} {
			for _, m := range []benefit.Mode{benefit.HalfUp, benefit.HalfEven, benefit.Up, benefit.Down} {
				rd := benefit.Rounding{Unit: u, Mode: m}
				kp := percentPart(t, r, rd)
				for _, p := range pensions {
					got := kp.amount(row{pension: p})
					want := benefit.FromFen(p).MulRate(r).Round(rd)
					if !benefit.FromFen(got).Equal(want) {
						t.Fatalf("%s × %s (%s) = %s, decimal gives %s", fenString(p), r, rd, fenString(got), want)
					}
					// whole-fen amounts rounded to the unit
					fixed := part(t, Part{ID: "f", Fixed: &Fixed{Amount: benefit.FromFen(p)}, Rounding: rd})
					if g, w := fixed.amount(row{}), benefit.FromFen(p).Round(rd); !benefit.FromFen(g).Equal(w) {
						t.Fatalf("round %s (%s) = %s, decimal gives %s", fenString(p), rd, fenString(g), w)
					}
				}
			}
		}
	}
}

// Hand-worked ties: 1 % of 2,000.50 = 20.005 → 20.01 half-up, 20.00 half-even;
// 1 % of 2,001.50 = 20.015 → 20.02 both.
func TestMulRateTies(t *testing.T) {
	for _, tc := range []struct {
		p    int64
		m    benefit.Mode
		want string
	}{{200050, benefit.HalfUp, "20.01"}, {200050, benefit.HalfEven, "20.00"}, {200150, benefit.HalfEven, "20.02"}, {200050, benefit.Down, "20.00"}, {200001, benefit.Up, "20.01"}} {
		kp := percentPart(t, benefit.MustParseRate("1%"), benefit.Rounding{Unit: benefit.Fen, Mode: tc.m})
		if got := fenString(kp.amount(row{pension: tc.p})); got != tc.want {
			t.Errorf("1%% of %s (%s) = %s, want %s", fenString(tc.p), tc.m, got, tc.want)
		}
	}
}

// parseFen accepts exactly what benefit.ParseAmount accepts as a
// non-negative whole number of fen, with the same value.
func FuzzParseFen(f *testing.F) {
	for _, s := range []string{"0", "5000", "5000.5", "5000.05", "5000.005", "-1", "1e3", "1,000", ".5", "5.", "", "00012.30", "99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := parseFen(s)
		a, aerr := benefit.ParseAmount(s)
		fen, ok := a.Fen()
		wantOK := aerr == nil && ok && a.Sign() >= 0
		if (err == nil) != wantOK {
			t.Fatalf("parseFen(%q) err %v; ParseAmount %v fen ok %v", s, err, aerr, ok)
		}
		if err == nil && got != fen {
			t.Fatalf("parseFen(%q) = %d, ParseAmount gives %d fen", s, got, fen)
		}
	})
}

func TestAppendFen(t *testing.T) {
	for n, want := range map[int64]string{0: "0.00", 5: "0.05", 100: "1.00", 123456: "1234.56", -250: "-2.50"} {
		if got := fenString(n); got != want {
			t.Errorf("fenString(%d) = %s, want %s", n, got, want)
		}
	}
}
