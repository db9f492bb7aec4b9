package dispersion

import (
	"cmp"
	"math"
	"math/big"
	"slices"

	"github.com/benefitstd/benefitstd/internal/fen"
)

// A Point is one region's level X in fen and its weight W (beneficiaries).
type Point struct{ X, W int64 }

// Sums are the exact unweighted sums of a year's levels: their count, Σx
// and Σx², added one level at a time (Add) and merged (Merge).
type Sums struct {
	n       int64
	sx, sxx fen.U192 // Σ x and Σ x² of the levels x in fen
	wide    bool     // a level below zero or a sum past 192 bits: Measure works in math/big
}

// Add adds level x (in fen).
func (s *Sums) Add(x int64) {
	s.n++
	if x < 0 {
		s.wide = true
		return
	}
	ok1 := s.sx.Add(fen.Mul64(uint64(x), 1))
	ok2 := s.sxx.Add(fen.Mul64(uint64(x), uint64(x)))
	s.wide = s.wide || !ok1 || !ok2
}

// Merge adds o's sums to s's.
func (s *Sums) Merge(o *Sums) {
	s.n += o.n
	ok1 := s.sx.Add(o.sx)
	ok2 := s.sxx.Add(o.sxx)
	s.wide = s.wide || o.wide || !ok1 || !ok2
}

// Measure returns the ratio hi ÷ lo of the highest to the lowest level
// (0 unless lo is above zero), the coefficient of variation of the
// levels s sums and the Gini coefficient of the points v, the same
// levels with their weights, each rounded to 6 decimals. It sorts v by
// level in place, using buf (of v's length at least) as scratch.
func Measure(s *Sums, lo, hi int64, v, buf []Point) (ratio, cv, gini float64) {
	if s.n == 0 {
		return 0, 0, 0
	}
	if lo > 0 {
		ratio = float64(hi) / float64(lo)
	}
	Sort(v, buf)
	var sx, sxx, wx, pw *big.Int
	var W int64
	if s.wide {
		sx, sxx, W, wx, pw = bigSums(v)
	} else {
		var WX, P fen.U192
		var below uint64
		ok := true
		for _, p := range v {
			t := fen.Mul64(uint64(p.W), uint64(p.X))
			ok1 := WX.Add(t)
			t, ok2 := t.Mul(2*below + uint64(p.W))
			ok3 := P.Add(t)
			ok = ok && ok1 && ok2 && ok3
			below += uint64(p.W)
		}
		if ok && below <= math.MaxInt64/2 {
			sx, sxx, W, wx, pw = s.sx.Big(), s.sxx.Big(), int64(below), WX.Big(), P.Big()
		} else {
			sx, sxx, W, wx, pw = bigSums(v)
		}
	}
	if sx.Sign() > 0 {
		d := new(big.Int).Mul(big.NewInt(s.n), sxx)
		d.Sub(d, new(big.Int).Mul(sx, sx))
		cv = math.Sqrt(bigFloat(d)) / bigFloat(sx)
	}
	if W > 0 && wx.Sign() > 0 {
		den := new(big.Int).Mul(big.NewInt(W), wx)
		gini = bigFloat(new(big.Int).Sub(pw, den)) / bigFloat(den)
	}
	return round6(ratio), round6(cv), round6(gini)
}

// Sort sorts v by level, using buf (of v's length at least) as scratch:
// by radix, a byte of the level above the lowest at a time, for levels
// of at least zero; else by comparison. The order of equal levels is
// left as it comes: no sum Measure makes depends on it.
func Sort(v, buf []Point) {
	if len(v) < 64 {
		slices.SortFunc(v, func(p, q Point) int { return cmp.Compare(p.X, q.X) })
		return
	}
	lo, hi := v[0].X, v[0].X
	for _, p := range v {
		lo, hi = min(lo, p.X), max(hi, p.X)
	}
	if lo < 0 {
		slices.SortFunc(v, func(p, q Point) int { return cmp.Compare(p.X, q.X) })
		return
	}
	src, dst := v, buf[:len(v)]
	for shift := uint(0); shift < 64 && uint64(hi-lo)>>shift != 0; shift += 8 {
		var count [257]int
		for _, p := range src {
			count[(uint64(p.X-lo)>>shift)&0xff+1]++
		}
		for d := 1; d < len(count); d++ {
			count[d] += count[d-1]
		}
		for _, p := range src {
			d := (uint64(p.X-lo) >> shift) & 0xff
			dst[count[d]] = p
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &v[0] {
		copy(v, src)
	}
}

// bigSums returns Σx, Σx², W = Σw, Σ wx and Σ wx (2 W< + w) of the
// points v, sorted by level, in math/big: for a level below zero or sums
// past 192 bits.
func bigSums(v []Point) (sx, sxx *big.Int, W int64, wx, pw *big.Int) {
	sx, sxx, wx, pw = new(big.Int), new(big.Int), new(big.Int), new(big.Int)
	var x, t, below big.Int
	for _, p := range v {
		x.SetInt64(p.X)
		sx.Add(sx, &x)
		sxx.Add(sxx, t.Mul(&x, &x))
		t.Mul(&x, big.NewInt(p.W))
		wx.Add(wx, &t)
		m := new(big.Int).Lsh(&below, 1)
		m.Add(m, big.NewInt(p.W))
		pw.Add(pw, m.Mul(m, &t))
		below.Add(&below, big.NewInt(p.W))
	}
	if !below.IsInt64() {
		return sx, sxx, 0, wx, pw
	}
	return sx, sxx, below.Int64(), wx, pw
}

// bigFloat returns x as the nearest float64.
func bigFloat(x *big.Int) float64 {
	f, _ := new(big.Float).SetInt(x).Float64()
	return f
}

func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }
