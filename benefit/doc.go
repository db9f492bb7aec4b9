// Package benefit is the vocabulary of benefitstd: exact money
// ([Amount], 金额), exact ratios ([Rate], 比例), explicit rounding
// ([Rounding], 舍入规则), calendar months ([Month]), payment frequencies
// ([Frequency]), effective-dated schedules of amounts ([Schedule],
// 标准调整时间表), and the programmes a level belongs to ([Program],
// [Catalogue]: 城乡居民基础养老金, 失业保险金, 残疾抚恤金 and the rest).
//
// Every other package of the library speaks in these types. They are
// small immutable values: every method returns a new value, so they can be
// shared between goroutines freely. All methods are free of panics,
// except the Must* constructors (meant for constants in tests and
// examples) and [Schedule.Version] with an index out of range.
//
// # Representation
//
// An Amount is an exact decimal number of yuan (元). It is held in fixed
// point: a whole number of micro-yuan (百万分之一元, 10^-6 yuan, the
// finest scale [ParseAmount] accepts) in an int64, which covers every
// value of at most six decimals between −9,223,372,036,854.775808 and
// 9,223,372,036,854.775807 yuan — every payment, every sum of a
// province's budget, every rate of a fen amount with up to four decimals
// of the ratio (1.0325 × 2,345.67). A value outside that form (a product
// with seven or more decimals, or a magnitude beyond it) is held as an
// exact decimal of github.com/shopspring/decimal instead, and comes back
// to the fixed-point form as soon as a result fits it again (rounding a
// long product to the fen does). Which form a value has is private and
// never changes a result: every operation gives the value the decimal
// arithmetic gives, to the last digit, and prints it the same way; the
// fixed-point arithmetic is that of internal/fen (128-bit intermediates
// from math/bits, overflow reported rather than wrapped), and an
// operation whose fixed-point result would not fit falls back to the
// decimal instead of failing. Nothing panics and nothing is silently
// wrong.
//
// Amounts never pass through float64: they enter as strings
// ([ParseAmount], [MustParseAmount]), as whole yuan ([Yuan]) or as fen
// ([FromFen]), and they leave as strings ([Amount.String], JSON, text) or
// as a whole number of fen ([Amount.Fen]). There is no constructor from
// float64 and no conversion to it.
//
// Arithmetic is exact: [Amount.Add], [Amount.Sub] and [Amount.Mul] by an
// integer count (persons, months) never round, and [Amount.MulRate]
// returns the full unrounded product, which the caller must round with a
// named Rounding before it is paid, summed or compared with a published
// figure. Division exists only where the rounding is an argument:
// [Amount.QuoInt] and [Amount.Ratio]. [SplitYear] divides a yearly
// amount into twelve payments that add back to it exactly. Comparisons,
// sums, products by counts, rounding, QuoInt and Fen work on the int64
// alone and do not allocate while the values are in the fixed-point form.
//
// A Rate is an exact ratio (3.8 % is 0.038) held the same way, as a whole
// number of 10^-12 in an int64 (every rate the grammar accepts, up to
// ±9,223,372.036854775807), or beyond that as a decimal: the product of
// two rates can have 24 decimals. It parses from "3.8%", "3.8 %" or
// "0.038" and prints as a percentage.
//
// # Limits
//
// What can be parsed is bounded, so that no input can make the library
// compute or allocate in proportion to an exponent or a length:
//
//	Amount  at most MaxAmountIntDigits (15) digits before the point and
//	        6 after it: up to 999,999,999,999,999.999999
//	        (beyond ±9,223,372,036,854.775807 it is held as a decimal)
//	Rate    at most 6 digits before the point of a plain ratio
//	        (8 for a percentage) and 10 after it
//	Month   years MinYear (1900) to MaxYear (9999)
//
// The grammar is plain decimal digits: an optional minus sign, digits,
// and optionally a point followed by digits. Exponents ("1e3",
// "1e999999999"), thousands separators ("1,000"), a plus sign, spaces,
// "NaN", "Inf", "1." and ".5" are syntax errors; a 10,000-digit string is
// rejected at once by its length. The library reads the digits itself:
// no decimal decoder sees the text, so no setting of one (such as the
// decimal package's MaxDecodeExponent) changes what parses. Results of
// arithmetic are not bounded (they stay exact) but are what they are: a
// product with nine decimals prints nine decimals, and must be rounded
// before it can be written to a file that is read back.
//
// # The zero value
//
// The zero Amount is 0.00 yuan and the zero Rate is 0 %: both are ready
// to use, for instance as the start of a sum. The zero Rounding is
// half-up to the fen, the usual rule for a computed individual payment.
// The zero Month is not a month: it means "unset" (an open end), and
// [Month.IsZero] reports it. The zero Schedule has no versions. The zero
// [Dims] has no keys and matches every level. The zero [Status] is
// [Unknown]: a value without a status is not law, no loader accepts it
// (a file must say legislated, announced, provisional, projected or
// default), and the floor package refuses a floor or level version built
// in Go without one ([ErrNoStatus]).
//
// # Equal, not ==
//
// Compare amounts with a.Equal(b) or a.Cmp(b) == 0. Every value has one
// representation, so for values in the fixed-point form (at most six
// decimals, within ±9,223,372,036,854 yuan) the Go == operator agrees
// with Equal, and so does reflect.DeepEqual (which testify's
// assert.Equal uses): 1.5 and 1.50 parse to the same Amount. Beyond that
// form an amount holds a pointer to a decimal, and == compares the
// pointers: two equal products with nine decimals are not ==. Equal is
// right for every value, and go-cmp's cmp.Equal and cmp.Diff call it by
// themselves. For the same reason key maps by a.String() rather than by
// an Amount. The same holds for Rate (fixed-point form: at most twelve
// decimals of the ratio).
//
// Month, Dims, Rounding and Frequency, by contrast, are comparable with
// == and serve as map keys: a Month is a count of months, and Dims are
// held in a canonical text form ("cause=因战;grade=1").
//
// # Rounding
//
// Every rounding the library does is named where it happens, by a
// [Rounding] value: a [Unit] (分 0.01, 角 0.1, 元 1, or 10 yuan) and a
// [Mode]:
//
//	HalfUp    四舍五入   to the nearest step, a tie away from zero:
//	                     2.345 → 2.35, -2.345 → -2.35, 0.125 → 0.13
//	HalfEven  银行家舍入 to the nearest step, a tie to the even step:
//	                     2.345 → 2.34, 2.355 → 2.36, 0.125 → 0.12
//	Up        进位       away from zero when anything is left:
//	                     2.341 → 2.35, -2.341 → -2.35
//	Down      舍去       toward zero: 2.349 → 2.34, -2.349 → -2.34
//
// HalfUp is half away from zero, as Java's HALF_UP is; there is no
// "half toward +∞". Up is not
// half-up: it is the 进一法 of a ceiling on the magnitude. The library
// maps these to the decimal package's Round, RoundBank, RoundUp and
// RoundDown for values beyond the fixed-point form (whose names mislead:
// its RoundUp rounds away from zero for any remainder), and to the same
// modes of internal/fen within it.
//
// [FenHalfUp] names the rule of computed individual payments. National
// floors, minimum wages and unemployment-insurance standards are
// published in whole yuan (Rounding{Unit: YuanUnit, Mode: HalfUp}); the
// national veterans' standards' published figures all fit prior ×
// (1 + r) rounded half-up to 10 yuan (Rounding{Unit: TenYuan, Mode:
// HalfUp}): 80,140 × 1.10 = 88,154 → 88,150 (an inference from ten of
// ten published values, not a published rule). Each [Program] in the
// catalogue carries the rounding of its standards.
//
// Division rounds correctly in every mode: [Amount.QuoInt] and
// [Amount.Ratio] never round twice, so 0.25 ÷ 2 = 0.125 is a true tie
// (0.13 half-up, 0.12 half-even) while 0.2501 ÷ 2 is not.
//
// # Months and frequencies
//
// A [Month] is a year and month ("2024-07"), the grain at which levels
// take effect and are paid. Months add ([Month.AddMonths]) and subtract
// ([Month.Sub] counts the months of the half-open [Interval] [n, m)).
// A [Frequency] says whether an amount is per month (元/月) or per year
// (元/年). A yearly standard and a monthly level are compared by
// multiplying the monthly one by 12 ([Frequency.Annual], then
// [Amount.Cmp]), never by dividing the yearly one, so that 7,345.83 a
// month is found short of 88,150 a year (by 0.04).
//
// # Schedules
//
// A [Schedule] is a step function of amounts over months: versions
// sorted by their effective month (执行时间), each with its [Status]
// (legislated, announced, provisional, projected, default; the zero
// Status, unknown, is refused wherever a status is required) and its
// [Citation] (document number, title, URL). [Schedule.At] gives the
// version in force in a month; [Intervals] cuts a period at every
// change of any of several schedules, so that a local level can be
// compared with a national floor once per interval rather than once per
// month.
//
// # Encodings
//
// Amount, Rate, Month, Dims, Status, Frequency and Category implement
// encoding.TextMarshaler and encoding.TextUnmarshaler (Amount, Rate and
// Month also encoding.TextAppender). An Amount is written with at least
// two decimals ("5.00", "-0.125"), never in exponent form, in JSON as a
// string ("5.00") so that no JSON reader turns it into a binary float.
// Reading accepts a JSON string or a JSON number written in plain digits
// (123.45), both parsed exactly with the grammar above; an exponent
// (1e3) and null are errors (an absent amount is said with a pointer or
// by leaving the field out). A Rate is written as a percentage ("3.8%")
// and read from a string or number the same way.
//
// None of this depends on the process-wide variables of the decimal
// package (MaxDecodeExponent, MarshalJSONWithoutQuotes, TrimTrailingZeros,
// DivisionPrecision and the rest): the library parses and prints numbers
// itself, never calls what reads them, and never sets them, so a program
// that embeds it may set them as it likes. A test sets every one of them
// to a hostile value and checks that parsing, checking, simulating and
// planning give the same bytes.
//
// Schedules, roundings and catalogues are read from JSON strictly, with
// the semantics of encoding/json/v2: unknown fields, a name given twice
// or in another case than the field's, invalid UTF-8 or a lone UTF-16
// surrogate in a string are errors, and so is anything after the value.
// A version needs "from", "amount" and "status"; a missing one is a
// *[RecordError] naming it. Every loader reads within [Limits].
//
// # Errors
//
// Errors are values to inspect with errors.Is and errors.As:
//
//	ErrSyntax          input that does not follow its grammar
//	ErrRange           a value outside the bounds above
//	ErrNegative        a negative amount where none is meaningful
//	ErrOrder           schedule versions duplicated or out of order
//	ErrUnknownProgram  a programme id the catalogue does not hold
//	ErrDimension       a dimension key or value a programme does not allow
//	ErrDivideByZero    a division by zero
//	ErrNoStatus        a version whose status is missing (Unknown)
//	ErrEncoding        input that is not UTF-8 text (GBK, a lone surrogate)
//	ErrTooLarge        input past one of its Limits
//
// A value that does not parse gives a *[ParseError] (the type, the
// input cut to 40 bytes, what is wrong) wrapping ErrSyntax or ErrRange.
// Bad input read from a file gives a *[RecordError] naming the file, the
// line and the field (for JSON also its RFC 6901 pointer), wrapping the
// cause; every loader of the library reports with it, so that a user can
// be pointed at the exact cell to fix. Nothing is half-applied: a loader
// that fails returns no value.
package benefit
