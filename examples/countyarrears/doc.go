// Command countyarrears checks a county's residents' basic pension
// (城乡居民基础养老金) against the national floor and prints what is owed
// (补发) and who pays it. Copy it and put in your own levels.
//
// The figures are policy-reference §11 Example B (HYPOTHETICAL county,
// real national floors): the floor rose 103 → 123 on 2024-01-01, the
// county paid 123 only from July, 10,000 people were paid 20 yuan short
// for six months. Expected: 1,200,000.00 owed; the centre funds half of
// the national-floor part in a tier-3 province such as Shandong (600,000.00)
// and all of it in tiers 1-2.
//
//	go run ./examples/countyarrears
package main
