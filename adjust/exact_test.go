package adjust

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// Hand-worked quotients of the integer kernel, in fen:
//
//	22,050 fen × 1.05 = 23,152.5 → half-up 23,153, half-even 23,152,
//	  down 23,152, up 23,153; ÷ 100 (to the yuan): 231.525 → 232, 231
//	−1,000 fen × 0.015 = −15 (exact); −1,001 × 0.015 = −15.015 → floor −16,
//	  down −15, half-up −15
//	(500 + 10) fen with add: 500 × 2 % + 10 = 20 exactly
func TestMulDiv(t *testing.T) {
	var sc scratch
	r := func(s string) *exactRate { e := exactOf(benefit.MustParseRate(s)); return &e }
	for _, c := range []struct {
		x       int64
		rate    string
		onePlus bool
		add     int64
		div     int64
		m       qmode
		want    int64
	}{
		{22050, "5%", true, 0, 1, qHalfUp, 23153},
		{22050, "5%", true, 0, 1, qHalfEven, 23152},
		{22050, "5%", true, 0, 1, qDown, 23152},
		{22050, "5%", true, 0, 1, qUp, 23153},
		{22050, "5%", true, 0, 100, qHalfUp, 232},
		{22050, "5%", true, 0, 100, qDown, 231},
		{-1000, "1.5%", false, 0, 1, qFloor, -15},
		{-1001, "1.5%", false, 0, 1, qFloor, -16},
		{-1001, "1.5%", false, 0, 1, qDown, -15},
		{-1001, "1.5%", false, 0, 1, qHalfUp, -15},
		{500, "2%", false, 10, 1, qHalfUp, 20},
	} {
		if got, ok := sc.mulDiv(c.x, r(c.rate), c.onePlus, c.add, c.div, c.m); !ok || got != c.want {
			t.Errorf("%d × %s (1+: %v) + %d ÷ %d mode %d = %d, want %d", c.x, c.rate, c.onePlus, c.add, c.div, c.m, got, c.want)
		}
	}
}

// The 128-bit path and the big.Int path agree on random figures.
func TestMulDiv128(t *testing.T) {
	var sc scratch
	rng := rand.New(rand.NewPCG(1, 2))
	fastPaths := 0
	for range 20000 {
		e := exactOf(benefit.MustParseRate(fmt.Sprintf("%d.%04d%%", rng.IntN(200)-50, rng.IntN(10000))))
		x, add, div := rng.Int64N(1<<40), rng.Int64N(1<<30), 1+rng.Int64N(1000)
		m, onePlus := qmode(rng.IntN(5)), rng.IntN(2) == 0
		fast, ok1 := mulDiv128(x, &e, onePlus, add, div, m)
		slow := e
		slow.small = false
		want, ok2 := sc.mulDiv(x, &slow, onePlus, add, div, m)
		if ok1 && (!ok2 || fast != want) {
			t.Fatalf("%d × %s/%s (1+: %v) + %d ÷ %d mode %d: 128-bit %d, big %d", x, e.num, e.den, onePlus, add, div, m, fast, want)
		}
		if ok1 {
			fastPaths++
		}
	}
	// If the 128-bit path declined every case, nothing was compared.
	if fastPaths < 10000 {
		t.Errorf("the 128-bit path took only %d of 20000 cases", fastPaths)
	}
}
