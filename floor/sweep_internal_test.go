package floor

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// The sweep over a level's owing findings gives, for every piece, what
// comparing every finding with every piece gives (the O(n²) walk it
// replaced): the same pieces, the same finding of the largest shortfall
// (the first of equals), the same one below a national floor, the same
// count. Shortfalls are drawn from few values, so that ties are common.
func TestSweepMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 2026))
	for round := range 300 {
		n := 1 + rng.IntN(12)
		var sw sweep
		sw.reset()
		items := make([]*item, n)
		ivs := make([]benefit.Interval, n)
		for i := range n {
			from := benefit.NewMonth(2024, 1).AddMonths(rng.IntN(18))
			ivs[i] = benefit.Interval{From: from, To: from.AddMonths(1 + rng.IntN(8))}
			items[i] = &item{num: benefit.FromFen(int64(100 * (1 + rng.IntN(3)))), den: []int64{1, 12}[rng.IntN(2)], floorPart: rng.IntN(2) == 0}
			sw.add(items[i], ivs[i])
		}
		sw.sort()
		var got []piece
		for pc := range sw.pieces() {
			got = append(got, pc)
		}
		// the naive walk
		var cuts []benefit.Month
		for _, iv := range ivs {
			cuts = append(cuts, iv.From, iv.To)
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		larger := func(a, b int) bool {
			return b < 0 || items[a].num.Mul(items[b].den).Cmp(items[b].num.Mul(items[a].den)) > 0
		}
		k := 0
		for p := 0; p+1 < len(cuts); p++ {
			pc := benefit.Interval{From: cuts[p], To: cuts[p+1]}
			best, bestFloor, over := -1, -1, 0
			for i, iv := range ivs {
				if !iv.Contains(pc.From) {
					continue
				}
				over++
				if larger(i, best) {
					best = i
				}
				if items[i].floorPart && larger(i, bestFloor) {
					bestFloor = i
				}
			}
			if best < 0 {
				continue
			}
			if k >= len(got) {
				t.Fatalf("round %d: the sweep stops before %v", round, pc)
			}
			g := got[k]
			k++
			gotFloor := -1
			if g.bestFloor != nil {
				gotFloor = g.bestFloor.ord
			}
			if g.iv != pc || g.best.ord != best || gotFloor != bestFloor || g.over != over || g.best.iv != ivs[best] {
				t.Fatalf("round %d: piece %v best %d floor %d over %d; naive %v best %d floor %d over %d", round, g.iv, g.best.ord, gotFloor, g.over, pc, best, bestFloor, over)
			}
		}
		if k != len(got) {
			t.Fatalf("round %d: the sweep gives %d pieces, the naive walk %d", round, len(got), k)
		}
	}
}
