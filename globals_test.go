package benefitstd_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/plan"
	"github.com/benefitstd/benefitstd/scenario"
)

// The library must not depend on the process-wide settings of the decimal
// package, which any other code in a program may change (go-notes P1): a
// host that lowers decimal.MaxDecodeExponent, switches JSON to bare
// numbers or turns on scientific notation must get the same bytes from
// every job. This test sets all seven to hostile values, runs parsing,
// the floor check of the embedded sample, the default simulation and
// every shipped plan, and compares every byte with a run under the
// defaults.
//
// It changes package variables, so it must not run beside any other test
// of this package: it does not call t.Parallel, and no test of this
// package does (parallel tests run only after the sequential ones). The
// hostile run comes first, so that what the library reads once and keeps
// (the embedded catalogue, floors, regions, the floor sample, the
// shipped plans) is read under the hostile settings.

// decimalGlobals is a copy of the decimal package's settings.
type decimalGlobals struct {
	divisionPrecision, powPrecision, expMaxIterations, maxDecodeExponent int
	withoutQuotes, trimZeros, scientific                                 bool
}

func saveDecimalGlobals() decimalGlobals {
	return decimalGlobals{
		decimal.DivisionPrecision, decimal.PowPrecisionNegativeExponent, decimal.ExpMaxIterations, decimal.MaxDecodeExponent,
		decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.UseScientificNotation,
	}
}

func (g decimalGlobals) set() {
	decimal.DivisionPrecision = g.divisionPrecision
	decimal.PowPrecisionNegativeExponent = g.powPrecision
	decimal.ExpMaxIterations = g.expMaxIterations
	decimal.MaxDecodeExponent = g.maxDecodeExponent
	decimal.MarshalJSONWithoutQuotes = g.withoutQuotes
	decimal.TrimTrailingZeros = g.trimZeros
	decimal.UseScientificNotation = g.scientific
}

var hostileDecimalGlobals = decimalGlobals{
	divisionPrecision: 1, powPrecision: 1, expMaxIterations: 1, maxDecodeExponent: 1,
	withoutQuotes: true, trimZeros: false, scientific: true,
}

func TestIndependentOfDecimalGlobals(t *testing.T) {
	saved := saveDecimalGlobals()
	t.Cleanup(saved.set)

	hostileDecimalGlobals.set()
	// The settings bite: the decimal package's own decoder now refuses
	// two decimals, and its JSON is a bare number.
	if _, err := decimal.NewFromString("123.45"); err == nil {
		t.Fatal("MaxDecodeExponent = 1 did not take effect")
	}
	if b, _ := json.Marshal(decimal.New(15, -1)); string(b) != "1.5" {
		t.Fatalf("MarshalJSONWithoutQuotes = true did not take effect: %s", b)
	}
	hostile := globalsWorkload(t)

	saved.set()
	defaults := globalsWorkload(t)

	if len(hostile) != len(defaults) {
		t.Fatalf("%d outputs under hostile settings, %d under the defaults", len(hostile), len(defaults))
	}
	for name, want := range defaults {
		got, ok := hostile[name]
		switch {
		case !ok:
			t.Errorf("%s: missing under hostile settings", name)
		case len(want) == 0:
			t.Errorf("%s: empty output", name)
		case !bytes.Equal(got, want):
			t.Errorf("%s differs under hostile decimal settings:\n%s", name, firstDiff(want, got))
		}
	}
}

// firstDiff shows where two outputs part.
func firstDiff(want, got []byte) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	lo := max(0, i-80)
	return fmt.Sprintf("at byte %d\n defaults: %q\n hostile:  %q", i, want[lo:min(len(want), i+80)], got[lo:min(len(got), i+80)])
}

// globalsWorkload runs every job and returns its outputs by name.
func globalsWorkload(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{"parse": parseWorkload(t)}

	// floor: the check of the embedded sample, as `benefitstd check`
	// renders it, and the sample file read afresh.
	sample := floor.Sample()
	checkSample := func(name string, in floor.Input) {
		rep, err := floor.Check(in.Levels, floor.Options{Waivers: in.Waivers})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		rep.Illustrative, rep.Note = in.Illustrative, in.Note
		var j, txt bytes.Buffer
		if err := renderTo(&j, output.FormatJSON, output.Options{}, rep); err != nil {
			t.Fatal(err)
		}
		if err := renderTo(&txt, output.FormatText, output.Options{}, rep); err != nil {
			t.Fatal(err)
		}
		out[name+".json"], out[name+".txt"] = j.Bytes(), txt.Bytes()
	}
	checkSample("check-sample", sample)
	raw, err := os.ReadFile("floor/data/sample_levels.json")
	if err != nil {
		t.Fatal(err)
	}
	in, err := floor.ReadJSON(bytes.NewReader(raw), "floor/data/sample_levels.json", floor.SetOptions{})
	if err != nil {
		t.Fatalf("reading the sample levels: %v", err)
	}
	checkSample("check-sample-file", in)

	// adjust: the default scenario, parsed afresh, in every format.
	def, err := scenario.Builtin("residents-pension")
	if err != nil {
		t.Fatal(err)
	}
	s, err := adjust.LoadScenario(bytes.NewReader(def.JSON()), def.Path(), adjust.Options{})
	if err != nil {
		t.Fatalf("default scenario: %v", err)
	}
	res, err := adjust.Run(context.Background(), s, adjust.Options{})
	if err != nil {
		t.Fatalf("simulate: %v", err)
	}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"simulate.json": func(b *bytes.Buffer) error { return renderTo(b, output.FormatJSON, output.Options{}, res) },
		"simulate.csv":  func(b *bytes.Buffer) error { return renderTo(b, output.FormatCSV, output.Options{}, res) },
		"simulate.txt":  func(b *bytes.Buffer) error { return renderTo(b, output.FormatText, output.Options{Detail: true}, res) },
	} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = b.Bytes()
	}

	// plan: every shipped plan, parsed afresh from its JSON, over a small
	// synthetic population, with the payment file; and one calibration.
	for _, b := range plan.Builtins() {
		data, err := plan.BuiltinJSON(b.ID)
		if err != nil {
			t.Fatal(err)
		}
		p, err := plan.Load(bytes.NewReader(data), b.ID+".json")
		if err != nil {
			t.Fatalf("plan %s: %v", b.ID, err)
		}
		c, err := plan.NewCalculator(p)
		if err != nil {
			t.Fatalf("plan %s: %v", b.ID, err)
		}
		var pp bytes.Buffer
		sum, err := c.Run(context.Background(), plan.Synthetic(7, 300, p.RetiredBy), plan.Options{PerPerson: output.NewPaymentCSV(&pp, output.Options{}), Synthetic: true})
		if err != nil {
			t.Fatalf("plan %s: %v", b.ID, err)
		}
		out["plan-"+b.ID+".json"] = jsonIndent(t, sum)
		out["plan-"+b.ID+"-per-person.csv"] = pp.Bytes()
	}
	p, err := plan.Builtin("shanghai-2024")
	if err != nil {
		t.Fatal(err)
	}
	pop, err := plan.NewPopulation(plan.Synthetic(11, 300, p.RetiredBy))
	if err != nil {
		t.Fatal(err)
	}
	cal, err := plan.Calibrate(context.Background(), p, pop, "fixed", benefit.MustParseRate("3%"), plan.CalibrateOptions{})
	if err != nil {
		t.Fatalf("calibrate: %v", err)
	}
	out["plan-calibrate.json"] = jsonIndent(t, cal)
	return out
}

func jsonIndent(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// parseWorkload parses amounts and rates of every kind (in the int64 form
// and beyond it), does arithmetic with them whose results need the
// decimal fallback (long decimals, magnitudes beyond an int64 of
// micro-yuan, division), and writes every result as text and JSON.
func parseWorkload(t *testing.T) []byte {
	t.Helper()
	amounts := []string{"123.45", "0", "-5.00", "0.125", "2.500000", "999999999999999.999999",
		"-9223372036854.775808", "9223372036854.775808", "1000000", "0.000001"}
	rates := []string{"3.8%", "0.038", "-0.5%", "100%", "99999999.9999999999%", "0.0000000001", "1.0325"}
	var b strings.Builder
	line := func(v ...any) { fmt.Fprintln(&b, v...) }
	var as []benefit.Amount
	for _, s := range amounts {
		a, err := benefit.ParseAmount(s)
		if err != nil {
			t.Fatalf("ParseAmount(%q): %v", s, err)
		}
		var j benefit.Amount
		if err := json.Unmarshal([]byte(s), &j); err != nil || !j.Equal(a) {
			t.Fatalf("JSON number %s: %v %v", s, j, err)
		}
		as = append(as, a)
	}
	var rs []benefit.Rate
	for _, s := range rates {
		r, err := benefit.ParseRate(s)
		if err != nil {
			t.Fatalf("ParseRate(%q): %v", s, err)
		}
		rs = append(rs, r)
	}
	for _, a := range as {
		j, _ := json.Marshal(a)
		f, ok := a.Fen()
		line(a, string(j), f, ok, a.Mul(1000), benefit.Amount{}.Sub(a))
		for _, r := range rs {
			p := a.MulRate(r)
			q, _ := p.QuoInt(7, benefit.Rounding{Unit: benefit.Jiao, Mode: benefit.HalfEven})
			line(" ", r, r.PlainString(), p, p.Round(benefit.FenHalfUp()), p.Round(benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.HalfUp}), q)
		}
		for _, c := range as {
			if c.IsZero() {
				continue
			}
			ratio, err := a.Ratio(c, 6, benefit.HalfUp)
			if err != nil {
				t.Fatal(err)
			}
			line(" ", a.Add(c), a.Sub(c), a.Cmp(c), ratio, ratio.PlainString())
		}
	}
	for _, r := range rs {
		j, _ := json.Marshal(r)
		num, scale := r.Fraction()
		line(r, string(j), r.Mul(r), r.MulInt(3), r.Round(4, benefit.HalfEven), num, scale)
	}
	return []byte(b.String())
}

// renderTo renders v in format to w.
func renderTo(w io.Writer, format string, opts output.Options, v any) error {
	r, err := output.New(format, w, opts)
	if err != nil {
		return err
	}
	return r.Render(v)
}
