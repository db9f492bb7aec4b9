// Package columns simulates every column of a national table at once — the
// veterans' disability pensions (残疾抚恤金) by grade and cause, the
// survivors' pensions by category — region by region and year by year,
// and costs it from the beneficiaries of each region and column.
//
// A Scenario is an scenario.Scenario (its programme, years, effective
// month, projected tables, floor trend, rule, constraints and cost
// rules) with Counts: the beneficiaries of each region and column, read
// from JSON ("counts") or from a CSV file with ReadCounts:
//
//	region,grade,cause,beneficiaries
//	370000,1,因战,120
//	370000,10,因公,2300
//
// Run runs one scenario.Scenario per column (adjust.Run), each region at
// the column's national standard in the base year unless its count gives
// a level (levels follow the national table; a local top-up is a rule,
// such as pass-through plus a fixed amount), and sums the cost of every
// region and year over the columns, exactly: central + local = total in
// every region-year, and the national totals are the sums of the
// regions'. With the scenario's tables (floor.Projection, raised each
// August by a rate per column and rounded half-up to 10 yuan) and its
// effective month 8, each year pays seven months of last year's
// standard and five of the new one (see package adjust, Months).
//
//	s, err := columns.LoadScenario(f, "veterans.json", adjust.Options{})
//	s.Counts, err = columns.ReadCounts(c, "counts.csv", prog, benefit.Limits{})
//	r, err := columns.Run(ctx, s, adjust.Options{})
//	text, err := output.New(output.FormatText, os.Stdout, output.Options{})
//	err = text.Render(r)
//
// `benefitstd simulate --scenario builtin:veterans` runs the shipped
// ILLUSTRATIVE one (scenario.Builtin, scenario.KindColumns; Builtin here reads
// its counts), and --counts FILE gives one's own counts.
//
// # Columns
//
// The columns are those the counts name, in the catalogue's order of the
// dimension values (grade 1 因战, grade 1 因公, grade 1 因病, grade 2 …);
// each must have a national standard. A region a count names that the
// scenario's regions do not list runs with no revenue (no burden).
//
// # Errors
//
// An invalid scenario is a *benefit.RecordError naming the field
// ("counts[4].dims", "constraints.fiscal_cap"), wrapping benefit's,
// region's or floor's sentinels as adjust's errors do: a count of a
// column with no national standard wraps floor.ErrNoFloor, a fiscal cap
// errors.ErrUnsupported (it caps a region's whole cost, and the columns
// are solved apart). A counts file's errors name the file, the line and
// the column.
package columns
