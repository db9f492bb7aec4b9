// Package scenario is the input document of an adjustment run (调整情景):
// one run of package adjust written down as pure data, which the CLI
// (`benefitstd simulate --scenario FILE`), the HTTP service (POST
// /v1/simulate) and api/openapi.yaml share. It holds the Scenario with
// its regions and assumptions, the Rule each region proposes (调整办法:
// Fixed 定额调整, PercentOfLevel 按比例调整, Indexation 挂钩调整, CatchUp,
// PassThrough 同步提高, Share, Sum), the Constraints it must keep
// (FiscalCap 财政负担能力, FundReserve 基金支付能力, NationalCap, Ceiling,
// …), the canonical form a run record hashes (Scenario.Canonical) and
// the scenarios shipped with the library (Builtins, 内置情景): the
// residents' pension, the 带病回乡 allowance with its least raise and
// ceiling, the unemployment benefit toward 90 % of the minimum wage
// inside 失业保险条例 第十八条, the retirees' pensions (the 2024 provincial
// plans applied person by person, capped by the national level) and,
// run by package columns, the veterans' disability pensions by grade and
// cause, each with the sources and confidence of its figures (Figure).
//
// It holds no engine: package adjust loads a document (adjust.LoadScenario:
// strict decoding, then validation), validates it (adjust.Validate) and
// runs it (adjust.Run). Scenario.Check is the part of that validation
// that needs neither the floor path nor the engine.
//
// # The document
//
// A Scenario names the programme, the years (StartYear, Horizon: 1-100;
// the base year is the one before the first), the regions (GB/T 2260
// codes) with their beneficiaries (领取人数), base-year level and general
// budget revenue (一般公共预算收入), the assumptions (GDP, CPI 居民消费价格,
// wage growth 职工平均工资增长, revenue and beneficiary growth; looked up
// region-year, region, scenario-year, scenario: Scenario.Assumption of a
// Driver, with AssumptionPath naming the value read), the national floor path
// (floor.Path: the shipped or given history, then a trend), the national
// tables' projections (Tables, floor.Projection), the Rule, the
// Constraints and the scenario's own cost rules. A rule that reads an
// assumption no source gives is an error (ErrMissingAssumption);
// beneficiary and revenue growth default to 0 % unless a constraint needs
// them. Projected figures carry the status benefit.Projected wherever
// they are shown. A scenario file (`benefitstd simulate --print-default`
// prints the default; adjust/testdata/worked-infeasible.json is the
// worked example of an infeasible year) looks like:
//
//	{"name": "a sketch: one province, three years", "program": "pension.resident.basic",
//	 "start_year": 2025, "horizon": 3,
//	 "assumptions": {"cpi": "2%", "wage_growth": "5%", "revenue_growth": "3%"},
//	 "years": [{"year": 2026, "cpi": "1.5%"}],
//	 "regions": [{"code": "370000", "beneficiaries": 1000, "level": "143", "revenue": "100000000",
//	              "years": [{"year": 2027, "beneficiary_growth": "2%"}]}],
//	 "floor": {"shipped_through": 2025, "projection": {"kind": "step", "step": "20"}},
//	 "rule": {"kind": "sum", "parts": [{"kind": "pass_through"}, {"kind": "percent", "percent": "1%"}]},
//	 "constraints": {"max_step": "30", "fiscal_cap": {"basis": "revenue", "percent": "1%"}}}
//
// Amounts and rates are strings ("143", "1.5%", "0.015"); numbers in
// exponent form, unknown fields and trailing data are errors.
//
// # Zero values
//
// The zero [Constraints] keep the floor and forbid cuts, nothing more; a
// nil [Assumptions] field is "not given here" and a zero rate given is
// 0 %; the zero [Rule] and floor.Trend have no kind and are invalid; a
// nil [Fund], CentralSubsidy or [RegionPlan] is none; the zero
// [FundReserve] keeps the fund from going below zero; the zero
// [NationalCap] caps by the shipped national levels alone; the zero
// [Scenario] is not valid (Check and adjust.Validate say which field is
// missing). The package has no package-level mutable state: Builtins
// hands out copies.
package scenario
