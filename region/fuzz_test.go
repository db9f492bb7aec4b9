package region_test

import (
	"errors"
	"regexp"
	"testing"

	"github.com/benefitstd/benefitstd/region"
)

// codeGrammar is ParseCode's: six ASCII digits, province digits 11-65.
var codeGrammar = regexp.MustCompile(`^(1[1-9]|[2-5][0-9]|6[0-5])[0-9]{4}$`)

// FuzzParseCode checks ParseCode against its grammar, the round trip
// through String, and that the parent chain is well formed: each
// ancestor is one level up, contains the code, and ends at the province.
// Plain `go test` runs it on the seeds; `go test -fuzz=FuzzParseCode
// ./region` explores further.
func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"140822", "140800", "140000", "110000", "650000", "659999", "100000", "660000",
		"429004", "460001", "000000", "14082", "1408221", "14082x", "１４０８２２", "", "-14082", "+14082"} {
		f.Add(s)
	}
	tb := region.Default()
	f.Fuzz(func(t *testing.T, s string) {
		c, err := region.ParseCode(s)
		if want := codeGrammar.MatchString(s); want != (err == nil) {
			t.Fatalf("ParseCode(%q) error %v; grammar says valid=%v", s, err, want)
		}
		if err != nil {
			var ce *region.CodeError
			if !errors.As(err, &ce) || !errors.Is(err, region.ErrInvalidCode) {
				t.Fatalf("ParseCode(%q): %T %v", s, err, err)
			}
			return
		}
		if c.String() != s || !c.IsValid() {
			t.Fatalf("ParseCode(%q).String() = %q", s, c)
		}
		prev := c
		for _, a := range c.Ancestors() {
			if a.Level() >= prev.Level() || !a.Contains(c) || c.Contains(a) && a != c {
				t.Fatalf("bad ancestor %s of %s", a, c)
			}
			prev = a
		}
		if c.Province().Level() != region.Province || !c.Province().Contains(c) {
			t.Fatalf("province of %s", c)
		}
		// Every valid code resolves or is an unknown region; it has a
		// tier exactly when its province has one, and never panics.
		if _, err := tb.Resolve(c); err != nil && !errors.Is(err, region.ErrUnknownRegion) {
			t.Fatalf("Resolve(%s): %v", c, err)
		}
		_, err1 := tb.Tier(c)
		_, err2 := tb.Tier(c.Province())
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("tier of %s: %v; of its province: %v", c, err1, err2)
		}
		_ = tb.Name(c)
	})
}
