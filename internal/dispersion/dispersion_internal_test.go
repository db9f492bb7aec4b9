package dispersion

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// Worked by hand: levels 100, 200 and 300 fen with 1, 1 and 2
// beneficiaries. Ratio 300 ÷ 100 = 3. CV = √(3 × 140,000 − 600²) ÷ 600 =
// √60,000 ÷ 600 = 0.408248. Gini: the weighted absolute differences over
// ordered pairs are 2 × (1·1·100 + 1·2·200 + 1·2·100) = 1,400, and
// 2 W Σ wx = 2 × 4 × 900 = 7,200: 1,400 ÷ 7,200 = 0.194444. Equal
// levels measure 0 and 1; no levels, 0.
func TestMeasureWorked(t *testing.T) {
	cases := []struct {
		name        string
		pts         []Point
		r, cv, gini float64
	}{
		{"100/200/300", []Point{{300, 2}, {100, 1}, {200, 1}}, 3, 0.408248, 0.194444},
		{"equal", []Point{{500, 7}, {500, 3}}, 1, 0, 0},
		{"none", nil, 0, 0, 0},
	}
	for _, c := range cases {
		var s Sums
		lo, hi := int64(0), int64(0)
		for i, p := range c.pts {
			s.Add(p.X)
			if i == 0 || p.X < lo {
				lo = p.X
			}
			hi = max(hi, p.X)
		}
		r, cv, g := Measure(&s, lo, hi, c.pts, make([]Point, len(c.pts)))
		if r != c.r || cv != c.cv || g != c.gini {
			t.Errorf("%s: ratio %v cv %v gini %v, want %v %v %v", c.name, r, cv, g, c.r, c.cv, c.gini)
		}
	}
}

// The 192-bit sums, merged in any split, and math/big's give the same
// measures; the radix sort orders as a comparison sort does.
func TestWideAndBigAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 9))
	for range 200 {
		n := 1 + rng.IntN(300)
		v := make([]Point, n)
		var a, b Sums
		for i := range v {
			v[i] = Point{X: rng.Int64N(1 << uint(1+rng.IntN(56))), W: rng.Int64N(1 << uint(1+rng.IntN(30)))}
			if i%2 == 0 {
				a.Add(v[i].X)
			} else {
				b.Add(v[i].X)
			}
		}
		a.Merge(&b)
		w := slices.Clone(v)
		big := a
		big.wide = true
		r1, cv1, g1 := Measure(&a, 1, 2, v, make([]Point, n))
		r2, cv2, g2 := Measure(&big, 1, 2, w, make([]Point, n))
		if r1 != r2 || cv1 != cv2 || g1 != g2 {
			t.Fatalf("192-bit %v %v %v, big %v %v %v", r1, cv1, g1, r2, cv2, g2)
		}
		if !slices.IsSortedFunc(v, func(p, q Point) int { return int(min(max(p.X-q.X, -1), 1)) }) {
			t.Fatal("radix sort left the points out of order")
		}
	}
}
