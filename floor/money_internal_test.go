package floor

import (
	"math"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// fenSum and mulPersons are exact whichever path they take: sums and
// products worked by hand, including values finer than a fen and int64
// overflow (9,223,372,036,854,775,807 fen + 1 fen).
func TestFenArithmetic(t *testing.T) {
	var s fenSum
	for _, a := range []string{"1200000.00", "0.04", "88150", "0.005", "-20"} {
		s.add(benefit.MustParseAmount(a))
	}
	// 1,200,000.00 + 0.04 + 88,150 + 0.005 − 20 = 1,288,130.045
	if got := s.total(); !got.Equal(benefit.MustParseAmount("1288130.045")) {
		t.Errorf("sum = %s", got)
	}
	var big fenSum
	big.add(benefit.FromFen(math.MaxInt64))
	big.add(benefit.FromFen(1))
	if got := big.total(); got.String() != "92233720368547758.08" {
		t.Errorf("overflowing sum = %s", got)
	}
	for _, tc := range []struct {
		a    string
		n    int64
		want string
	}{
		{"20", 60000, "1200000"}, // Example B: 20 × 60,000
		{"0.04", 71, "2.84"},     // Example E: 0.04 × 71
		{"0.005", 3, "0.015"},    // finer than a fen
	} {
		if got := mulPersons(benefit.MustParseAmount(tc.a), tc.n); !got.Equal(benefit.MustParseAmount(tc.want)) {
			t.Errorf("%s × %d = %s, want %s", tc.a, tc.n, got, tc.want)
		}
	}
	// 92,233,720,368,547,758.07 × 2 overflows int64 fen
	if got := mulPersons(benefit.FromFen(math.MaxInt64), 2); got.String() != "184467440737095516.14" {
		t.Errorf("overflowing product = %s", got)
	}
}
