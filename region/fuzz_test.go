package region_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// codeGrammar is ParseCode's: six ASCII digits whose first two are one
// of the 31 provinces of GB/T 2260.
var codeGrammar = regexp.MustCompile(`^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5])[0-9]{4}$`)

// FuzzParseCode checks ParseCode against its grammar, the round trip
// through String, that the chain of parents by digits is well formed
// (each ancestor is one level up, contains the code, and ends at the
// province), and that the table resolves a code exactly when it holds
// it, with a tier and its recorded chain, and otherwise reports
// ErrUnknownRegion from every method.
// Plain `go test` runs it on the seeds; `go test -fuzz=FuzzParseCode
// ./region` explores further.
func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"140822", "140800", "140000", "110000", "650000", "659999", "100000", "660000",
		"429004", "419999", "130171", "160000", "000000", "14082", "1408221", "14082x", "１４０８２２", "", "-14082", "+14082"} {
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
			if a.Rank() >= prev.Rank() || !a.Contains(c) || c.Contains(a) && a != c {
				t.Fatalf("bad ancestor %s of %s", a, c)
			}
			prev = a
		}
		if c.Province().Rank() != region.Province || !c.Province().Contains(c) {
			t.Fatalf("province of %s", c)
		}
		d, held := tb.Lookup(c)
		_, err = tb.Resolve(c)
		_, errTier := tb.Tier(c)
		_, errAnc := tb.Ancestors(c)
		_, errGroups := tb.GroupsOf(c)
		if held {
			if err != nil || errTier != nil || errAnc != nil || errGroups != nil || d.Code != c || d.Rank != c.Rank() {
				t.Fatalf("%s is held (%+v) but: %v / %v / %v / %v", c, d, err, errTier, errAnc, errGroups)
			}
			return
		}
		for _, err := range []error{err, errTier, errAnc, errGroups} {
			var ce *region.CodeError
			if !errors.Is(err, region.ErrUnknownRegion) || !errors.As(err, &ce) || ce.Input != s {
				t.Fatalf("%s is not held, yet: %v", c, err)
			}
		}
		if tb.Name(c) != s {
			t.Fatalf("Name(%s) = %q, want the digits alone", c, tb.Name(c))
		}
	})
}

// FuzzWithDivisions: no divisions file panics; every error is a
// *benefit.RecordError naming the file and comes with no table; the
// default table never changes; an accepted file's divisions all resolve,
// each with a chain up to a province of its own digits.
func FuzzWithDivisions(f *testing.F) {
	const h = "code,name,level,parent,statistical_only,name_en\n"
	for _, s := range []string{
		h + "371200,莱芜市,prefecture,370000,,Laiwu\n371202,莱城区,county,371200,false,\n",
		h + "469003,儋州市,county,460000,,\n",
		h + "659001,石河子市,county,650000,,\n",
		h + "130171,石家庄高新技术产业开发区,county,130100,true,\n",
		"code,name\n110000,北京\n",
		"\xEF\xBB\xBFcode,name,level,parent\r\n371202,莱城区,county,371200\r\n371200,莱芜市,prefecture,370000\r\n",
		"code,name\n140822,\xCD\xF2\xC8\xD9\n",
	} {
		f.Add(s)
	}
	base := region.Default()
	f.Fuzz(func(t *testing.T, in string) {
		tb, err := base.WithDivisions(strings.NewReader(in), "d.csv")
		if base.Len() != 3348 {
			t.Fatalf("the default table changed: %d", base.Len())
		}
		if err != nil {
			var re *benefit.RecordError
			if !errors.As(err, &re) || re.File != "d.csv" || tb != nil {
				t.Fatalf("err %v (%T), table %v", err, err, tb != nil)
			}
			return
		}
		for d := range tb.All() {
			anc, err := tb.Ancestors(d.Code)
			if err != nil || d.Rank != d.Code.Rank() {
				t.Fatalf("%+v: %v", d, err)
			}
			if d.Rank != region.Province && (len(anc) == 0 || anc[len(anc)-1] != d.Code.Province()) {
				t.Fatalf("%s: chain %v does not end at its province", d.Code, anc)
			}
		}
	})
}
