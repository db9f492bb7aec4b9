// Package compare is the analyst's work over the results of many runs
// of an scenario.Scenario (方案比较, 参数扫描): two results side by side, or
// one parameter run across a list of values.
//
// Results sets two results side by side: per region-year the difference
// B − A of level, cost, local share and burden (Diff; a region-year in
// only one result has Only set), per year the difference of the national
// totals (YearDiff). Sweep runs one parameter over a list of values and
// returns a SweepResult: for each value its run record, the cost and
// transfers over all years, and the regions that go infeasible with the
// first year they do. The parameter is a typed Param holding its values
// (RuleAmount, RulePercent, FiscalCapPercent, MaxStepPercent, FloorStep;
// Param.InPart for a part of a sum rule); AmountRange builds an amount
// range. Package output renders a Comparison and a SweepResult as text,
// CSV, JSON and Excel like an adjust.Result.
//
//	a, err := adjust.Run(ctx, s, adjust.Options{})
//	b, err := adjust.Run(ctx, s2, adjust.Options{})
//	c := compare.Results(a, b)
//	amounts, err := compare.AmountRange(benefit.Yuan(0), benefit.Yuan(20), benefit.Yuan(10))
//	sw, err := compare.Sweep(ctx, s, compare.RuleAmount(amounts...), adjust.Options{})
//
// Each value of a sweep is a whole run (adjust.Run), validated like any
// scenario, with its own run record; the scenario swept is not changed.
// A sweep is bounded: at most 10,000 values and 1,000,000 region-years
// over all of them, checked before anything runs.
//
// # Errors
//
// Sweep reports a parameter the scenario cannot take (a rule part it
// does not have, a fiscal cap percent without a fiscal cap) as a
// *benefit.RecordError (Field: the parameter's JSON path) wrapping
// benefit.ErrSyntax, and a value that makes the scenario invalid with
// the parameter, the value and the run's error wrapped; AmountRange
// reports a non-positive step, a to below from or more than 10,000
// values wrapping benefit.ErrRange, and Sweep more values, region-years
// or workers than its bounds, before anything runs. The package has no
// sentinels of its own and no mutable state; the zero Param has no
// values.
package compare
