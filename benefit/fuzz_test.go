package benefit_test

import (
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

// Fuzz targets in the style of net/netip's fuzz_test.go. With plain
// `go test` they run on their seeds only; `go test -fuzz=FuzzParseAmount
// ./benefit` explores further. Each checks the parser against an
// independent statement of its grammar (a regular expression) and that
// what it accepts prints and parses back to the same value.

// amountGrammar is ParseAmount's documented grammar: an optional minus,
// 1-15 digits, and optionally a point and 1-6 digits.
var amountGrammar = regexp.MustCompile(`^-?[0-9]{1,15}(\.[0-9]{1,6})?$`)

// jsonNumber is a JSON number without exponent (RFC 8259).
var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?$`)

var amountSeeds = []string{
	"0", "-0", "123", "123.45", "-5.00", "0.125", "999999999999999", "0.000001",
	"007", "2.500000", "1e999999999", "1E3", "1,000", "+1", " 1", "NaN", "Inf",
	"1.", ".5", "-", "", "1.0000001", "1000000000000000", "--1", "1.2.3",
	"٣", "１２", "1\x00", "\xff",
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range amountSeeds {
		f.Add(s)
	}
	f.Add(strings.Repeat("9", 10_000))
	f.Fuzz(func(t *testing.T, s string) {
		a, err := benefit.ParseAmount(s)
		if want := amountGrammar.MatchString(s); want != (err == nil) {
			t.Fatalf("ParseAmount(%q) error %v; grammar says valid=%v", s, err, want)
		}
		if err != nil {
			var pe *benefit.ParseError
			if !errors.As(err, &pe) || !(errors.Is(err, benefit.ErrSyntax) || errors.Is(err, benefit.ErrRange)) {
				t.Fatalf("ParseAmount(%q): error %T %v is not a *ParseError wrapping ErrSyntax or ErrRange", s, err, err)
			}
			return
		}
		str := a.String()
		b, err := benefit.ParseAmount(str)
		if err != nil {
			t.Fatalf("ParseAmount(%q).String() = %q does not parse: %v", s, str, err)
		}
		if !b.Equal(a) || b.String() != str {
			t.Fatalf("round trip %q → %q → %q", s, str, b)
		}
		// At least two decimals, never fewer.
		if i := strings.IndexByte(str, '.'); i < 0 || len(str)-i-1 < 2 {
			t.Fatalf("String %q lacks two decimals", str)
		}
		j, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		var c benefit.Amount
		if err := json.Unmarshal(j, &c); err != nil || !c.Equal(a) {
			t.Fatalf("JSON round trip of %q via %s: %v %v", s, j, c, err)
		}
		// A plain JSON number is read exactly too.
		if !jsonNumber.MatchString(s) {
			return
		}
		if err := json.Unmarshal([]byte(s), &c); err != nil || !c.Equal(a) {
			t.Fatalf("JSON number %s: %v %v", s, c, err)
		}
	})
}

// ParseRate's grammar, after trimming spaces: a plain ratio with 1-6
// integer digits and up to 10 decimals, or a percentage with 1-8 integer
// digits (the same bound on the value) and a "%" that may follow a space.
var (
	ratioGrammar   = regexp.MustCompile(`^-?[0-9]{1,6}(\.[0-9]{1,10})?$`)
	percentGrammar = regexp.MustCompile(`^-?[0-9]{1,8}(\.[0-9]{1,10})?[ \t\n\v\f\r\x{85}\x{A0}\p{Zs}\x{2028}\x{2029}]*%$`)
)

func FuzzParseRate(f *testing.F) {
	for _, s := range []string{"3%", "3.8%", "3.8 %", "0.038", "-0.5%", "100%", "1.10", "0", "0.0000000001",
		"999999", "999999%", "999999.9999999999", "100000", "1e-2", "%", "3%%", "+3%", ".5%", "1234567"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := benefit.ParseRate(s)
		trimmed := strings.TrimSpace(s)
		if want := ratioGrammar.MatchString(trimmed) || percentGrammar.MatchString(trimmed); want != (err == nil) {
			t.Fatalf("ParseRate(%q) error %v; grammar says valid=%v", s, err, want)
		}
		if err != nil {
			if !errors.Is(err, benefit.ErrSyntax) && !errors.Is(err, benefit.ErrRange) {
				t.Fatalf("ParseRate(%q): %v wraps neither ErrSyntax nor ErrRange", s, err)
			}
			return
		}
		str := r.String()
		back, err := benefit.ParseRate(str)
		if err != nil {
			t.Fatalf("ParseRate(%q).String() = %q does not parse: %v", s, str, err)
		}
		if !back.Equal(r) || back.String() != str {
			t.Fatalf("round trip %q → %q → %q", s, str, back)
		}
		j, _ := json.Marshal(r)
		var c benefit.Rate
		if err := json.Unmarshal(j, &c); err != nil || !c.Equal(r) {
			t.Fatalf("JSON round trip of %q via %s: %v %v", s, j, c, err)
		}
	})
}

var monthGrammar = regexp.MustCompile(`^(19|[2-9][0-9])[0-9]{2}-(0[1-9]|1[0-2])$`)

func FuzzParseMonth(f *testing.F) {
	for _, s := range []string{"2024-07", "1900-01", "9999-12", "1899-12", "2024-13", "2024-00", "2024-7", "2024/07", "", "0000-00", "2024-07-01", "-024-07"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := benefit.ParseMonth(s)
		if want := monthGrammar.MatchString(s); want != (err == nil) {
			t.Fatalf("ParseMonth(%q) error %v; grammar says valid=%v", s, err, want)
		}
		if err != nil {
			if !errors.Is(err, benefit.ErrSyntax) && !errors.Is(err, benefit.ErrRange) {
				t.Fatalf("ParseMonth(%q): %v", s, err)
			}
			return
		}
		if m.String() != s {
			t.Fatalf("ParseMonth(%q).String() = %q", s, m)
		}
		if next := m.AddMonths(1); next.Sub(m) != 1 || m.Compare(next) >= 0 || next.AddMonths(-1) != m {
			t.Fatalf("arithmetic around %s", m)
		}
		if m.AddMonths(12).Sub(m) != 12 || m.AddMonths(12).Month() != m.Month() {
			t.Fatalf("AddMonths(12) around %s", m)
		}
	})
}

func FuzzParseDims(f *testing.F) {
	for _, s := range []string{"", "grade=1;cause=因战", " grade = 1 ; cause=因战 ", "cause=因病;grade=7", "a=1;a=2", "a", "a=", "=1", "a=b=c", ";", "a=1;", "k=v;j=w;i=x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := benefit.ParseDims(s)
		if err != nil {
			if !errors.Is(err, benefit.ErrSyntax) {
				t.Fatalf("ParseDims(%q): %v", s, err)
			}
			return
		}
		back, err := benefit.ParseDims(d.String())
		if err != nil || back != d {
			t.Fatalf("ParseDims(%q) = %q does not parse back: %q %v", s, d, back, err)
		}
		prev := ""
		n := 0
		for k, v := range d.All() {
			if k == "" || v == "" || strings.ContainsAny(k+v, "=;") {
				t.Fatalf("bad pair %q=%q in %q", k, v, d)
			}
			if n > 0 && k <= prev {
				t.Fatalf("keys not sorted and unique in %q", d)
			}
			if got, ok := d.Get(k); !ok || got != v {
				t.Fatalf("Get(%q) in %q", k, d)
			}
			prev = k
			n++
		}
		if !d.Matches(d) || !d.Matches(benefit.Dims{}) {
			t.Fatalf("%q does not match itself", d)
		}
	})
}
