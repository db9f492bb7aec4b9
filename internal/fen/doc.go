// Package fen is the library's one exact fixed-point kernel: integer
// arithmetic on money held as a whole number of fen (分, 0.01 yuan) or of
// micro-yuan (the fixed-point form of benefit.Amount) in an int64, and on
// counts (persons, person-months), that gives exactly what exact decimal
// arithmetic gives, without its allocations. benefit's Amount and Rate,
// adjust and plan do their fixed-point multiplication, division and
// rounding here.
//
// Every operation is exact or says it is not: Add, Sub and Mul report
// false on int64 overflow instead of wrapping; Quo, Round, MulDiv and
// MulAddQuo divide exactly and round the quotient once, by a Mode, and
// report false when the rounded result does not fit an int64;
// MulQuoExact rescales a product (a·b ÷ d) and reports false unless the
// quotient is whole and fits, so that its caller can fall back to a
// representation that holds the exact value. Nothing
// panics and nothing wraps silently. Products that can pass an int64
// are formed in 128 bits (math/bits); a rate whose fraction does not fit
// an int64 falls back to math/big, with the same result.
//
// A Ratio is a rate as an exact fraction, made from the numerator and
// power-of-ten scale that benefit.Rate.Fraction gives (Decimal) or from an
// integer (Int): nobody re-parses a printed rate. MulDiv(x, r, add, div, m)
// is (x × r + add) ÷ div rounded by m — a rate applied to an amount
// (an increase of 1 % of a pension, a growth of 3 % of revenue), the
// rounding of a sum to a grid, a burden to six decimals. Sum adds exactly
// and remembers an overflow; U192 holds the exact sums that pass an
// int64 (Σ x², Σ w·x·m of levels in fen, for package dispersion's
// statistics) and reports when even 192 bits are not enough. AppendYuan writes an amount of fen as yuan
// with two decimals, for files written by the million (a plan's payment
// file).
//
// The rounding modes HalfUp (四舍五入, ties away from zero), HalfEven
// (银行家舍入), Up (进位, away from zero) and Down (舍去, toward zero) have
// the numeric values of benefit's modes, so Mode(m) converts a
// benefit.Mode m; that correspondence is this package's one mapping from
// benefit and is pinned by its tests. Floor (toward minus infinity) has
// no benefit counterpart: it rounds a fiscal cap so that a whole-fen cost
// is within it exactly when it is within the unrounded cap.
//
// The package imports nothing of the library. Its tests check the
// 128-bit arithmetic against math/big, and cross-check every operation
// against the formulas of benefit's Amount (Mul, MulRate, QuoInt, Round)
// written in plain shopspring/decimal, for every unit and mode, on random
// values, exact ties, negative values and values next to the int64
// limits.
package fen
