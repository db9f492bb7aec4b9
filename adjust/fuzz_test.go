package adjust

import (
	"bytes"
	"os"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
	"github.com/benefitstd/benefitstd/scenario"
)

// FuzzScenario feeds arbitrary bytes to LoadScenario and runs whatever
// loads: bad input must give an error, never a panic, and a run that
// succeeds must keep central + local = total.
//
//	go test ./adjust -run '^$' -fuzz FuzzScenario -fuzztime 60s
func FuzzScenario(f *testing.F) {
	for _, name := range []string{"testdata/worked-infeasible.json", "../cmd/benefitstd/testdata/simulate_a.json", "../cmd/benefitstd/testdata/simulate_b.json", "../scenario/data/unemployment-scenario.json"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err) // a lost seed would leave only the inline one
		}
		f.Add(b)
	}
	f.Add([]byte(`{"program":"pension.resident.basic","start_year":2025,"horizon":2,"assumptions":{"cpi":"2%","wage_growth":"5%","revenue_growth":"-3%","beneficiary_growth":"1%"},` +
		`"regions":[{"code":"330200","beneficiaries":5,"level":"150.37","revenue":"10.5"},{"code":"140822","beneficiaries":0,"level":"0","revenue":"0"}],` +
		`"floor":{"projection":{"kind":"index","wage_weight":"50%","cpi_weight":"50%"}},` +
		`"rule":{"kind":"sum","parts":[{"kind":"catch_up","margin":"5"},{"kind":"index","wage_weight":"20%","cpi_weight":"20%","offset":"-1%"}]},` +
		`"constraints":{"allow_cuts":true,"max_step":"30","max_step_percent":"15%","fiscal_cap":{"basis":"revenue_growth","percent":"2%"}}}`))
	// the retirees' domain: a plan on a few synthetic retirees, a
	// subsidy, the national rate
	f.Add([]byte(`{"program":"pension.retiree.basic","start_year":2024,"horizon":3,"rule":{"kind":"percent","percent":"2.5%"},` +
		`"regions":[{"code":"310000","plan":{"id":"shanghai-2024","population":{"seed":3,"retirees":20}}},` +
		`{"code":"610000","beneficiaries":100,"level":"3000.00","central_subsidy":"50%"}],` +
		`"constraints":{"national_rate":{"rates":[{"year":2026,"rate":"1.5%"}]}}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := LoadScenario(bytes.NewReader(b), "fuzz.json", Options{})
		if err != nil || len(s.Regions)*s.Horizon > 2000 {
			return
		}
		for _, r := range s.Regions {
			if r.Plan != nil && r.Plan.Population != nil && r.Plan.Population.Retirees > 10000 {
				return // bounded (maxSyntheticRetirees), but slow to fuzz
			}
		}
		r, err := Run(t.Context(), s, Options{})
		if err != nil {
			return
		}
		for _, ry := range r.Rows {
			if !ry.Cost.Central.Add(ry.Cost.Local).Equal(ry.Cost.Total) {
				t.Fatalf("%s %d: central + local != total", ry.Region, ry.Year)
			}
		}
	})
}

// FuzzRun runs a one- or two-region scenario built from fuzzed numbers
// (counts, levels, revenue, rates, caps, any sign and size): every
// scenario must give a result or an error, never a panic; the integer
// kernel and the decimal path must give the same bytes; a result must
// keep the floor and central + local = total, and every region-year must
// be what the decimal binary search (refSolve) finds.
//
//	go test ./adjust -run '^$' -fuzz FuzzRun -fuzztime 60s
func FuzzRun(f *testing.F) {
	f.Add(int64(1000), int64(20000), int64(100_000_000_00), int64(1000), int32(150), int32(200), int32(100), uint8(0))
	f.Add(int64(0), int64(0), int64(0), int64(-5), int32(-20000), int32(-10000), int32(0), uint8(255))
	f.Fuzz(func(t *testing.T, n, levelFen, revFen, stepFen int64, pct, growth, capPct int32, flags uint8) {
		rate := func(v int32) benefit.Rate { return benefit.Percent(int64(v)).Mul(benefit.Percent(1)) } // v hundredths of a percent
		rules := []scenario.Rule{scenario.Fixed(benefit.FromFen(stepFen)), scenario.PercentOfLevel(rate(pct)), scenario.Indexation(rate(pct), rate(growth), rate(capPct)),
			scenario.CatchUp(benefit.FromFen(stepFen)), scenario.Sum(scenario.PassThrough(), scenario.PercentOfLevel(rate(pct)))}
		s := testScenario(rules[int(flags)%len(rules)],
			scenario.Region{Code: bj, Beneficiaries: n, Level: benefit.FromFen(levelFen), Revenue: benefit.FromFen(revFen)})
		if flags&8 != 0 {
			s.Regions = append(s.Regions, scenario.Region{Code: region.MustParseCode("330200"), Beneficiaries: n / 3, Level: benefit.FromFen(levelFen / 7), Revenue: benefit.FromFen(revFen / 3)})
		}
		s.Assumptions = scenario.Assumptions{CPI: new(rate(growth)), WageGrowth: new(rate(pct)), RevenueGrowth: new(rate(growth)), BeneficiaryGrowth: new(rate(growth / 4))}
		s.Constraints.AllowCuts = flags&16 != 0
		if flags&32 != 0 {
			s.Constraints.MaxStep = amtp(benefit.FromFen(stepFen).String())
		}
		if flags&64 != 0 {
			s.Constraints.MaxStepPercent = new(rate(capPct))
		}
		switch flags >> 7 {
		case 1:
			s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenue, Percent: rate(capPct)}
		}
		if flags&4 != 0 {
			s.Constraints.FiscalCap = &scenario.FiscalCap{Basis: scenario.OfRevenueGrowth, Percent: rate(capPct)}
		}
		r, err := Run(t.Context(), s, Options{})
		// the integer kernel and the decimal path agree, errors included
		rd, errd := runDecimal(t.Context(), s, Options{})
		if (err == nil) != (errd == nil) {
			t.Fatalf("kernel error %v, decimal error %v", err, errd)
		}
		if err != nil {
			return
		}
		if !bytes.Equal(resultJSON(t, r), resultJSON(t, rd)) {
			t.Fatalf("kernel and decimal results differ")
		}
		p, err := prepare(&s, &Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, ry := range r.Rows {
			if ry.Level.Cmp(ry.Floor) < 0 || !ry.Cost.Central.Add(ry.Cost.Local).Equal(ry.Cost.Total) {
				t.Fatalf("%s %d: level %s floor %s cost %+v", ry.Region, ry.Year, ry.Level, ry.Floor, ry.Cost)
			}
			// the decimal binary search finds the same level and binding
			if err := checkAgainstRef(p, &ry); err != nil {
				t.Fatal(err)
			}
		}
	})
}
