// Package dispersion measures how unequal a year's levels are across
// regions (均等化程度): the ratio of the highest to the lowest level, the
// unweighted coefficient of variation (变异系数) and the Gini coefficient
// (基尼系数) of the levels weighted by beneficiaries.
//
// The measures are float64 and descriptive only: no amount is ever
// derived from them. Each is computed from exact integer sums of the
// levels in fen — Σx and Σx² in 192 bits (fen.U192), or in math/big for
// a level below zero or a sum past 192 bits — and made a float64 once,
// then rounded to 6 decimals so that its JSON text is short and stable.
// The sums are the same in any order, so the measures do not depend on
// which worker added which region (Sums.Merge) or on the order of equal
// levels.
//
//	CV = √(n Σx² − (Σx)²) ÷ Σx
//	G  = Σᵢ Σⱼ wᵢ wⱼ |xᵢ − xⱼ| ÷ (2 W Σ wᵢxᵢ) = (Σᵢ wᵢxᵢ (2 W<ᵢ + wᵢ) − W Σ wᵢxᵢ) ÷ (W Σ wᵢxᵢ)
//
// with the points sorted by level and W<ᵢ the weight of the points before
// i. The zero Sums are of no levels, whose measures are all 0. The
// package has no mutable state; Measure sorts the points it is given in
// place.
package dispersion
