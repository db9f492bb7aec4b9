package plan

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// Workers are at most 16 × GOMAXPROCS. With GOMAXPROCS 2 the bound is
// 32: 32 workers run the three retirees; 33, one past it, and
// 2,000,000,000 (which once exhausted memory) are errors wrapping
// benefit.ErrRange that give the bound, before a retiree is read and
// with next to nothing allocated; so is a calibration asked for 33.
func TestWorkersBound(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	c := calc(t, "shanghai-2024")
	rs := []Retiree{ret("1950-01-01", 30, 0, "4000.00"), ret("1955-06-01", 20, 0, "3000.00"), ret("1960-01-01", 35, 0, "5000.00")}
	for i := range rs {
		rs[i].ID = "r" + string(rune('1'+i))
	}
	if s, err := c.Run(context.Background(), FromSlice(rs), Options{Workers: 32}); err != nil || s.Retirees != 3 {
		t.Fatalf("32 workers: %v, %v; want 3 retirees", s, err)
	}
	for _, n := range []int{33, 2_000_000_000, -1} {
		read := false
		src := FromSeq(func(yield func(Retiree, error) bool) {
			read = true
			for _, r := range rs {
				if !yield(r, nil) {
					return
				}
			}
		})
		var s *Report
		var err error
		alloc := allocated(func() { s, err = c.Run(context.Background(), src, Options{Workers: n}) })
		if s != nil || !errors.Is(err, benefit.ErrRange) || !strings.Contains(err.Error(), "to 32 (16 × GOMAXPROCS)") {
			t.Errorf("%d workers: %v, %v; want an ErrRange giving the bound 32", n, s, err)
		}
		if read {
			t.Errorf("%d workers: the retirees were read", n)
		}
		if alloc > 64<<10 {
			t.Errorf("%d workers: %d bytes allocated before the error, want at most 64 KiB", n, alloc)
		}
	}
	pop, err := NewPopulation(FromSlice(rs))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := Builtin("shanghai-2024")
	_, err = Calibrate(context.Background(), p, pop, p.Parts[0].ID, benefit.MustParseRate("2%"), CalibrateOptions{Workers: 33})
	if !errors.Is(err, benefit.ErrRange) {
		t.Errorf("calibrate with 33 workers: %v; want ErrRange", err)
	}
}

// allocated returns the bytes f allocates (runtime.MemStats.TotalAlloc).
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
