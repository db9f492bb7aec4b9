package fen_test

import (
	"fmt"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/fen"
)

// A pension of 2,000.50 yuan raised by 1 %: 20.005 yuan, a tie, rounded
// to the fen half-up (四舍五入) and half-even.
func ExampleMulDiv() {
	pct := fen.Decimal(benefit.Percent(1).Fraction())
	hu, _ := fen.MulDiv(200050, pct, 0, 1, fen.HalfUp)
	he, _ := fen.MulDiv(200050, pct, 0, 1, fen.Mode(benefit.HalfEven))
	fmt.Println(hu, he)
	// Output: 2001 2000
}

// 220.50 yuan grown by 5 %, rounded half-up to the yuan (a unit of 100
// fen): 231.525 → 232 yuan.
func ExampleMulDiv_grid() {
	growth := fen.Decimal(benefit.Percent(100).Add(benefit.Percent(5)).Fraction())
	k, ok := fen.MulDiv(22050, growth, 0, 100, fen.HalfUp)
	fmt.Println(k*100, ok)
	// Output: 23200 true
}

// Overflow is reported, never wrapped.
func ExampleMul() {
	fmt.Println(fen.Mul(3_000_000_000, 4_000_000_000))
	fmt.Println(fen.Mul(12, 1_000_000))
	// Output:
	// 0 false
	// 12000000 true
}

// (a·b + c·d) ÷ (e·f), formed in 128 bits: the whole yuan (steps of 100
// fen) a level may reach when 12,000 person-months a year must cost the
// locality at most a cap of 2,000,000 yuan beyond a central share of
// 858,000 yuan: ⌊(200,000,000 + 85,800,000) ÷ (12,000 × 100)⌋ = 238.
func ExampleMulAddQuo() {
	k, ok := fen.MulAddQuo(200_000_000, 1, 85_800_000, 1, 12_000, 100, fen.Floor)
	fmt.Println(k, ok)
	// Output: 238 true
}

// A Sum remembers an overflow.
func ExampleSum() {
	var s fen.Sum
	for _, v := range []int64{1_000, -250, 99} {
		s.Add(v)
	}
	fmt.Println(s.Total())
	// Output: 849 true
}
