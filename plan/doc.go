// Package plan costs and pays the provinces' annual adjustments of
// retirees' basic pensions (调整退休人员基本养老金方案): a plan of parts
// applied to each retiree, summed over a population, checked against the
// national overall level (全国总体调整水平) and calibrated to a target.
//
// # Plans
//
// Every year the national notice sets an overall level — 4 % in 2022,
// 3.8 % in 2023, 3 % in 2024, 2 % in 2025 (NationalAdjustments, 2016-2025, each
// with its source) — and each province writes a plan in three kinds of
// part: 定额调整 (the same amount for everyone), 挂钩调整 (linked to
// contribution years and to the retiree's own pension) and 适当倾斜 (tilts
// for older retirees, hardship areas and some categories). A Plan is pure
// data, strict JSON or the equal Go value, with a list of Parts; each part
// names its Rounding, its Status and its Citation (source and confidence
// mark), and has exactly one kind:
//
//	Fixed     定额: 61 yuan a month (Shanghai 2024)
//	Years     年限挂钩: yuan per full year and per remaining month; flat amounts
//	          below N years (by category: Beijing 农转工 under 15 years → 36);
//	          a minimum (Shanghai: at least 15); part-years counted as years and
//	          a minimum count (Shanxi: under 10 counted as 10); bands by years,
//	          marginal like tax brackets (Shandong), with a flat amount for a band
//	          (Shaanxi: 8 for the first 15 years, 1.8 a year beyond)
//	Percent   水平挂钩: a percentage of the own prior pension (Shanghai 1 %)
//	Bands     水平挂钩: amounts by pension band with a top-up guarantee (Beijing
//	          2024: ≤ 6,813 → +30; above → +15, raised so pension + part ≥ 6,843)
//	Age       高龄倾斜: exclusive age brackets at the plan's AgeAt, optionally
//	          only with enough years or for one sex (Beijing 2022: 65-69 +40 …
//	          80+ +70, and a second part: 65+ with 30 years +5)
//	Area      艰苦边远地区倾斜: amounts by hardship class (Shanxi: 1 → +3, 2 → +7)
//	Category  类别倾斜: an amount for a category, optionally topped up to a
//	          reference amount (企业军转干部 补足到)
//
// In JSON (strict: unknown fields are errors) a plan reads:
//
//	{"id": "shanghai-2024", "name": "上海市2024年调整退休人员基本养老金", "name_en": "…",
//	 "region": "310000", "retired_by": "2023-12-31", "age_at": "2023-12-31",
//	 "effective": "2024-01", "first_paid": "2024-07", "status": "provisional",
//	 "citation": {"title": "…", "url": "…", "confidence": "V3"}, "note": "…",
//	 "parts": [
//	  {"id": "fixed", "name": "定额调整", "rounding": {"unit": "0.01", "mode": "half_up"},
//	   "status": "provisional", "citation": {…}, "fixed": {"amount": "61"}},
//	  {"id": "years", …, "years": {"bands": [{"per_year": "1"}], "min": "15"}},
//	  {"id": "level", …, "percent": {"rate": "1%"}},
//	  {"id": "age", …, "age": {"brackets": [{"min": 80, "amount": "45"},
//	                                         {"min": 75, "max": 79, "amount": "35"},
//	                                         {"min": 70, "max": 74, "amount": "25"}]}}]}
//
// BuiltinJSON returns the JSON of any shipped plan as a starting point.
//
// A plan also says who is eligible (retired on or before RetiredBy), the
// month the new rate applies from (Effective) and the first month it is
// paid (FirstPaid); the months between are arrears (补发).
//
// Builtins ships Shanghai 2017, 2021 and 2024, Beijing 2022 and 2024,
// Shanxi 2025, Shaanxi 2024, Shandong 2024 and Tibet 2024, as far as their
// sources go: every part carries its source and confidence mark, and each
// plan's Note says what the source lacks (Beijing 2024's age tilts, cut
// off in the stored copy; Shanxi's 军转干部 reference amount) and how an
// unclear text was read (Shandong's band edges). None is shipped as
// legislated: they come from reposts, translations and summaries, so
// their status is provisional. A plan marked [M] or [C] can never be
// legislated; Load and NewCalculator reject it, and a plan or part that
// gives no status at all (the zero benefit.Status, unknown), wrapping
// benefit.ErrNoStatus.
//
// # One retiree
//
// NewCalculator validates a plan; Calculator.Apply gives one Retiree's
// increase part by part, each with its source, the new pension, the
// arrears, or the reason the retiree is not covered. Example A of the
// domain reference (Shanghai 2024; 35 years, 5,000.00, aged 72) gives
// 61 + 35 + 50 + 25 = 171.00, a new pension of 5,171.00 and arrears of
// 6 × 171.00 = 1,026.00.
//
// # Populations
//
// Calculator.Run applies a plan to a Source — ReadCSV (streamed, never held
// in memory), FromSeq or FromSlice (Go values), Synthetic (generated,
// illustrative) or a Population (held compactly in memory for several
// runs) — in parallel chunks, and returns a Report: how many were
// eligible, the prior and new totals, the total and average increase, the
// aggregate increase as a percentage of the prior total, arrears, the
// distribution of increases (exact nearest-rank percentiles and a
// histogram), and totals by part, hardship class and age bracket. Each
// retiree's Payment can be written on the way, for the payment system
// (Options.PerPerson, a PaymentWriter; output.NewPaymentCSV writes the CSV).
//
// The summary also checks the plan against the national overall level of
// its year: an aggregate increase above it is a finding (NationalCheck)
// naming both percentages.
//
// # Calibration
//
// Calibrate solves for one parameter — a fixed amount, a per-year rate or a
// percentage — so that the aggregate increase over a Population reaches a
// target such as 2 %, or comes as close as the parameter's grid allows from
// below, holding the other parts. The increase never falls when such a
// parameter rises, so the search brackets the answer and narrows it over
// the integer grid; it usually takes four to eight passes.
//
// # Exactness, rounding and determinism
//
// Every amount a plan or a retiree gives must be a whole number of fen
// (分); the calculator works in int64 fen. The only operation that can
// leave a fraction, a percentage of a pension, is rounded at once by the
// part's Rounding (unit and mode), with exact integer arithmetic (the
// library's fixed-point core, internal/fen); the
// result equals benefit.Amount.MulRate followed by Round. The shipped
// plans round every part half-up to the fen: no source gives a rule
// (policy-reference §9), and whole-yuan figures are unaffected. A part
// with a top-up (补足到) rounds to the fen or up, so that rounding cannot
// undo the guarantee. Besides the parts, only two figures of a Report
// are rounded, both for display and both half-up: Report.Average to the
// fen and Report.Percent to 0.0001 %.
//
// Totals are exact integer sums, so a Report is the same whatever the
// number of workers or the chunk size, and so is the per-person output,
// which comes out in input order. Report.Percent is rounded to 0.0001 %
// for display; Report.PercentCmp, the national check and Calibrate compare
// the exact ratio. The only float64 in the package is the interpolation
// guess inside Calibrate, which chooses where to look next and never the
// answer. Limits: a pension and every amount a plan names are at most 100
// million yuan a month; a plan whose parts could give one retiree an
// increase that, times its months of arrears, passes half an int64 of fen
// is rejected (ErrPlan); a population whose totals pass an int64 of fen
// (about 92 thousand billion yuan) stops the run with ErrTotals, never a
// wrong total.
//
// # Cost
//
// NewCalculator compiles a plan once into an evaluator: the fixed parts
// are rounded and summed once, the other parts become a short list of
// specialised operations with their amounts in fen, age and area amounts
// become tables, and a rounding that cannot change an amount is dropped;
// nothing of the plan is looked up again per retiree. Applying Shanghai
// 2024 to 1,000,000 generated retirees held in a Population takes about
// 48 ns of CPU a retiree on a 2.6 GHz Xeon, 1.65-1.7 times a float64
// kernel doing the same work (ages, eligibility, arrears, part, group and
// distribution totals) on the same data with as many workers; from a CSV
// file about 430 ns, 1.9-2.2 times a bare encoding/csv read of the same
// bytes, most of it reading, the repeated-id check and parsing. Two
// workers run 1.8-1.9 times as fast as one when the second core is idle:
// each worker sums into its own accumulator, merged once at the end
// (bench: BenchmarkPlanPopulation, BenchmarkPlanCSV, BenchmarkPlanScaling;
// CPU time, interleaved, on an idle machine, 2026-12-03).
//
// The repeated-id check of a streamed source keeps its memory bounded
// (about 25 MB at most) whatever the number of retirees: past 262,144
// ids it spills the ids' hashes and bytes to temporary files in
// os.TempDir (about 16 bytes an id plus the id and its line: some 300 MB
// for 10,000,000 ids of ten characters), removed when the run ends. A
// run over a 10,000,000-line CSV file (benefitstd plan --retirees) peaks
// at about 61 MB of resident memory.
//
// # Zero values and concurrency
//
// The zero [Date] is "unset" (IsZero), not a day; the zero [Sex] is
// unknown; the zero [Options] and [CalibrateOptions] are ready to use
// (GOMAXPROCS workers, chunks of 4,096, no per-person output). A zero
// [Plan] is not valid: NewCalculator says which field is missing. A
// [Calculator] and a [Population] are immutable and safe for concurrent
// use; Run splits its work over Options.Workers goroutines itself (at
// most 16 × GOMAXPROCS; a larger count is an error wrapping
// benefit.ErrRange before anything is read) and reports how far it is
// only through Options.Progress, called from one goroutine at a time (it
// prints nothing). A
// [Source] other than a Population may be single-use (ReadCSV reads its
// reader once). Builtin and Builtins hand out deep
// copies, so changing a plan one got leaves the shipped plans alone;
// NationalAdjustments hands out a copy too.
//
// # Errors
//
// Bad input never panics and is never half-applied. A plan that is not
// valid gives a *benefit.RecordError naming the file, the line where the
// offending value begins (for a missing value, the line of the object
// that lacks it), the field as a JSON path ("parts[1].fixed.amount") and
// its JSON pointer, wrapping benefit.ErrSyntax (or the sentinel of the
// value's parser; benefit.ErrEncoding for invalid UTF-8 or a lone
// surrogate in a string) when a value does not decode and ErrPlan when
// the plan decodes but is not valid. A name given twice or in another
// case than the field's is an error as an unknown one is. Load reads at
// most 1 MiB; ReadCSV bounds a retiree line and field
// (benefit.Limits), past which a run stops with an error wrapping
// benefit.ErrTooLarge. A bad retiree record stops a run
// with a *benefit.RecordError naming the file, line and column (for Go
// values: the 1-based position), wrapping benefit.ErrSyntax, ErrRange,
// ErrNegative or ErrOrder, or ErrDuplicateID for an id (人员编号) given
// twice, which a payment file would pay twice; Run then returns no
// Report; a source of more than 262,144 retirees whose id check cannot
// write its temporary files stops with that error (no id is left
// unchecked). The CSV columns are documented at CSVHeader. Totals too large
// for an int64 of fen stop a run with an error wrapping ErrTotals.
// Calibrate reports set-up errors wrapping ErrCalibrate, and Builtin an
// unknown id wrapping ErrUnknownPlan.
package plan
