package benefit_test

import (
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// Micro-benchmarks of the operations the simulator and the check repeat
// per figure. Run with
//
//	go test -run '^$' -bench . -benchmem ./benefit/
//
// Each sink keeps the compiler from dropping the work.

var (
	sinkAmount benefit.Amount
	sinkInt    int
	sinkString string
	sinkInt64  int64
	sinkBool   bool
)

func BenchmarkParseAmount(b *testing.B) {
	for b.Loop() {
		a, err := benefit.ParseAmount("1234.56")
		if err != nil {
			b.Fatal(err)
		}
		sinkAmount = a
	}
}

func BenchmarkFromFen(b *testing.B) {
	n := int64(123456)
	for b.Loop() {
		sinkAmount = benefit.FromFen(n)
		n++
	}
}

func BenchmarkAdd(b *testing.B) {
	x, y := benefit.MustParseAmount("1234.56"), benefit.MustParseAmount("0.01")
	for b.Loop() {
		x = x.Add(y)
	}
	sinkAmount = x
}

func BenchmarkMulCount(b *testing.B) {
	x := benefit.MustParseAmount("1234.56")
	var n int64
	for b.Loop() {
		sinkAmount = x.Mul(n & 1023)
		n++
	}
}

func BenchmarkMulRateRound(b *testing.B) {
	x, r := benefit.MustParseAmount("1234.56"), benefit.MustParseRate("1.0325")
	for b.Loop() {
		sinkAmount = x.MulRate(r).Round(benefit.FenHalfUp())
	}
}

func BenchmarkCmp(b *testing.B) {
	x, y := benefit.MustParseAmount("1234.56"), benefit.MustParseAmount("1234.5")
	for b.Loop() {
		sinkInt += x.Cmp(y)
	}
}

func BenchmarkString(b *testing.B) {
	x := benefit.MustParseAmount("1234.56")
	for b.Loop() {
		sinkString = x.String()
	}
}

func BenchmarkFen(b *testing.B) {
	x := benefit.MustParseAmount("1234.56")
	for b.Loop() {
		f, ok := x.Fen()
		sinkInt64, sinkBool = f, ok
	}
}
