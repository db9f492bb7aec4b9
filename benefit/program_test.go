package benefit_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

func TestDims(t *testing.T) {
	d, err := benefit.ParseDims(" grade = 1 ; cause=因战 ")
	noError(t, err)
	equal(t, "cause=因战;grade=1", d.String(), "keys sorted, spaces trimmed")
	d2 := benefit.MustParseDims("cause=因战;grade=1")
	isTrue(t, d == d2, "canonical Dims compare with ==")
	m := map[benefit.Dims]int{d: 1}
	equal(t, 1, m[d2], "Dims are map keys")

	v, ok := d.Get("grade")
	isTrue(t, ok)
	equal(t, "1", v)
	_, ok = d.Get("survivor")
	isFalse(t, ok)
	var keys []string
	for k := range d.All() {
		keys = append(keys, k)
	}
	equal(t, []string{"cause", "grade"}, keys)

	isTrue(t, d.Matches(benefit.MustParseDims("grade=1")))
	isTrue(t, d.Matches(benefit.Dims{}), "the zero pattern matches all")
	isFalse(t, d.Matches(benefit.MustParseDims("grade=2")))
	isFalse(t, d.Matches(benefit.MustParseDims("residence=农村")))
	isFalse(t, benefit.Dims{}.Matches(d))

	z, err := benefit.ParseDims("  ")
	noError(t, err)
	isTrue(t, z.IsZero())
	equal(t, "", z.String())

	for _, s := range []string{"grade", "grade=", "=1", "grade=1;grade=2", "grade=1;", "a=b=c", ";"} {
		_, err := benefit.ParseDims(s)
		errorIs(t, err, benefit.ErrSyntax, "%q", s)
	}

	o, err := benefit.DimsOf(map[string]string{"grade": "6", "cause": "因病"})
	noError(t, err)
	equal(t, "cause=因病;grade=6", o.String())
	_, err = benefit.DimsOf(map[string]string{"a;b": "1"})
	errorIs(t, err, benefit.ErrSyntax)

	var u benefit.Dims
	noError(t, u.UnmarshalText([]byte("grade=2;cause=因公")))
	txt, _ := u.MarshalText()
	equal(t, "cause=因公;grade=2", string(txt))
}

// 军人抚恤优待条例 Art 27: 因病 disability is assessed only for grades 1-6
// (policy-reference §5.1).
func TestProgramCheckDims(t *testing.T) {
	p, err := benefit.DefaultCatalogue().Program("veterans.disability")
	noError(t, err)
	ok := []string{"grade=6;cause=因病", "grade=1;cause=因病", "grade=10;cause=因战", "grade=7;cause=因公", "grade=3", "cause=因病", ""}
	for _, s := range ok {
		noError(t, p.CheckDims(benefit.MustParseDims(s)), s)
	}
	bad := []struct{ dims, text string }{
		{"grade=7;cause=因病", "第二十七条"},
		{"grade=10;cause=因病", "因病"},
		{"grade=11;cause=因战", "grade"},
		{"grade=1;cause=因私", "cause"},
		{"survivor=烈士遗属", `no dimension "survivor"`},
	}
	for _, tt := range bad {
		err := p.CheckDims(benefit.MustParseDims(tt.dims))
		errorIs(t, err, benefit.ErrDimension, tt.dims)
		if err != nil {
			isTrue(t, strings.Contains(err.Error(), tt.text), "%q lacks %q", err, tt.text)
		}
	}
	dim, ok2 := p.Dimension("grade")
	isTrue(t, ok2)
	equal(t, 10, len(dim.Values))
	_, ok2 = p.Dimension("age")
	isFalse(t, ok2)
}

// The catalogue holds the nine programmes the foundation issue names,
// with the Chinese names of the policy texts.
func TestDefaultCatalogue(t *testing.T) {
	c := benefit.DefaultCatalogue()
	want := map[string]string{
		"pension.resident.basic":            "城乡居民基础养老金",
		"pension.retiree.basic":             "企业和机关事业单位退休人员基本养老金",
		"employment.unemployment_insurance": "失业保险金",
		"reference.min_wage":                "最低工资标准",
		"reference.dibao_urban":             "城市居民最低生活保障标准",
		"veterans.disability":               "残疾抚恤金",
		"veterans.survivors":                "定期抚恤金",
		"veterans.demobilized":              "在乡复员军人定期定量补助",
		"veterans.ill_returned":             "带病回乡退伍军人生活补助",
	}
	for id, name := range want {
		p, ok := lookup(c, id)
		if !isTrue(t, ok, id) {
			continue
		}
		equal(t, name, p.Name, id)
		isTrue(t, p.NameEN != "", "%s has an English name", id)
		isTrue(t, p.Rounding.IsValid(), id)
	}
	ids := c.IDs()
	for id := range want {
		isTrue(t, slices.Contains(ids, id), id)
	}
	n := 0
	for p := range c.All() {
		equal(t, ids[n], p.ID)
		n++
	}
	equal(t, len(ids), n)
	isTrue(t, c.Version() != "")

	// Veterans' standards are annual and rounded half-up to 10 yuan
	// (policy-reference §5.2 and §9).
	vd, _ := lookup(c, "veterans.disability")
	equal(t, benefit.PerYear, vd.Frequency)
	equal(t, benefit.Rounding{Unit: benefit.TenYuan, Mode: benefit.HalfUp}, vd.Rounding)
	equal(t, benefit.Veterans, vd.Category)
	// National floors are published in whole yuan per month (§9).
	rb, _ := lookup(c, "pension.resident.basic")
	equal(t, benefit.PerMonth, rb.Frequency)
	equal(t, benefit.Rounding{Unit: benefit.YuanUnit, Mode: benefit.HalfUp}, rb.Rounding)
	equal(t, benefit.Pension, rb.Category)

	_, err := c.Program("pension.nonexistent")
	errorIs(t, err, benefit.ErrUnknownProgram)
	_, ok := lookup(c, "pension.nonexistent")
	isFalse(t, ok)
}

// Programs handed out are copies: changing one does not change the
// shared catalogue (which other goroutines may be reading).
func TestCatalogueHandsOutCopies(t *testing.T) {
	c := benefit.DefaultCatalogue()
	p, _ := lookup(c, "veterans.disability")
	p.Dimensions[0].Values[0] = "changed"
	p.Dimensions[0].Key = "changed"
	q, _ := lookup(c, "veterans.disability")
	equal(t, "grade", q.Dimensions[0].Key)
	equal(t, "1", q.Dimensions[0].Values[0])
	// Exclusions too, down to their maps and slices.
	p.Exclusions[0].When["grade"][0] = "1"
	delete(p.Exclusions[0].When, "cause")
	p.Exclusions[0].Reason = "changed"
	q, _ = lookup(c, "veterans.disability")
	errorIs(t, q.CheckDims(benefit.MustParseDims("cause=因病;grade=7")), benefit.ErrDimension)
	noError(t, q.CheckDims(benefit.MustParseDims("cause=因战;grade=1")))
	ids := c.IDs()
	ids[0] = "changed"
	isTrue(t, c.IDs()[0] != "changed")
}

func TestLoadCatalogue(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "catalogue_ok.json"))
	noError(t, err)
	defer f.Close()
	c, err := benefit.LoadCatalogue(f, "catalogue_ok.json")
	noError(t, err)
	equal(t, "test-1", c.Version())
	p, err := c.Program("local.topup")
	noError(t, err)
	equal(t, "地方加发", p.Name)
	equal(t, benefit.Rounding{Unit: benefit.Jiao, Mode: benefit.Down}, p.Rounding)
	noError(t, p.CheckDims(benefit.MustParseDims("residence=农村")))
	errorIs(t, p.CheckDims(benefit.MustParseDims("residence=海外")), benefit.ErrDimension)
}

// Bad catalogues fail with a *RecordError naming file, line (for JSON
// syntax and type errors) and field (for validation errors).
func TestLoadCatalogueErrors(t *testing.T) {
	tests := []struct {
		file  string
		line  int    // 0: not checked
		field string // "": not checked
		want  error
		text  string
	}{
		{"catalogue_unknown_field.json", 7, "", benefit.ErrSyntax, `unknown field "rate"`},
		{"catalogue_syntax.json", 5, "", benefit.ErrSyntax, ""},
		{"catalogue_bad_mode.json", 0, "", benefit.ErrSyntax, "ceiling"},
		{"catalogue_dup_id.json", 0, "programs[1].id", benefit.ErrSyntax, "given twice"},
		{"catalogue_no_name.json", 0, "programs[0].name", benefit.ErrSyntax, "Chinese name"},
		{"catalogue_bad_exclusion.json", 0, "programs[0].exclusions[0].when.grade", benefit.ErrDimension, `"11"`},
		{"catalogue_trailing.json", 0, "", benefit.ErrSyntax, "after the JSON value"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", tt.file))
			noError(t, err)
			_, err = benefit.LoadCatalogue(strings.NewReader(string(b)), tt.file)
			errorIs(t, err, tt.want)
			var re *benefit.RecordError
			if !isTrue(t, errors.As(err, &re), "want *RecordError, got %T: %v", err, err) {
				return
			}
			equal(t, tt.file, re.File)
			if tt.line != 0 {
				equal(t, tt.line, re.Line)
			}
			if tt.field != "" {
				equal(t, tt.field, re.Field)
			}
			isTrue(t, strings.Contains(err.Error(), tt.file), "%q names the file", err)
			isTrue(t, strings.Contains(err.Error(), tt.text), "%q lacks %q", err, tt.text)
		})
	}
}

func TestRecordErrorFormat(t *testing.T) {
	e := &benefit.RecordError{File: "levels.csv", Line: 7, Field: "amount", Err: benefit.ErrNegative}
	equal(t, "levels.csv:7: amount: benefit: negative amount", e.Error())
	errorIs(t, e, benefit.ErrNegative)
	equal(t, "input: benefit: negative amount", (&benefit.RecordError{Err: benefit.ErrNegative}).Error())
}

func TestCategoryText(t *testing.T) {
	var c benefit.Category
	equal(t, "pension", c.String())
	noError(t, c.UnmarshalText([]byte("veterans")))
	equal(t, benefit.Veterans, c)
	errorIs(t, c.UnmarshalText([]byte("health")), benefit.ErrSyntax)
	b, _ := benefit.Reference.MarshalText()
	equal(t, "reference", string(b))
	equal(t, "Category(9)", benefit.Category(9).String())
}

// The default catalogue and schedules are shared between goroutines;
// under -race this finds any hidden mutation.
func TestConcurrentUse(t *testing.T) {
	s := residentFloor(t)
	done := make(chan string, 8)
	for range 8 {
		go func() {
			var out strings.Builder
			for range 50 {
				c := benefit.DefaultCatalogue()
				p, _ := lookup(c, "veterans.disability")
				_ = p.CheckDims(benefit.MustParseDims("cause=因病;grade=7"))
				for q := range c.All() {
					out.WriteString(q.ID)
				}
				a, _ := amountAt(s, benefit.MustParseMonth("2024-03"))
				out.WriteString(a.MulRate(benefit.MustParseRate("3.8%")).Round(benefit.FenHalfUp()).String())
			}
			done <- out.String()
		}()
	}
	first := <-done
	for range 7 {
		if got := <-done; got != first {
			t.Fatal("goroutines saw different results")
		}
	}
}

// Figures the domain reference reports must lie on the rounding step of
// their programme, or rounding a computed standard by the programme's
// rule could never reproduce them.
func TestCatalogueRoundingFitsPublishedFigures(t *testing.T) {
	c := benefit.DefaultCatalogue()
	tests := []struct {
		program, figure, source string
	}{
		{"veterans.disability", "88150", "§5.2 因战一级 2019"},
		{"veterans.disability", "75060", "§5.2 因病一级 2018"},
		{"veterans.survivors", "27980", "§5.2 烈属 2019"},
		{"veterans.survivors", "22610", "§5.2 病故遗属 2019"},
		{"veterans.demobilized", "19622", "§5.3 Henan 2021: central share for 抗日战争时期入伍, per year"},
		{"veterans.demobilized", "19262", "§5.3 Henan 2021: central share for other periods, per year"},
		{"veterans.demobilized", "24880", "§5.3 Anhui 2023: 抗日战争时期, per year"},
		{"veterans.ill_returned", "650", "§5.3 2020 rule: at least 650 a month"},
		{"pension.resident.basic", "123", "§2.1 national floor 2024"},
	}
	for _, tt := range tests {
		p, err := c.Program(tt.program)
		noError(t, err)
		f := benefit.MustParseAmount(tt.figure)
		isTrue(t, f.Round(p.Rounding).Equal(f), "%s: %s (%s) is not on the step of %s", tt.program, tt.figure, tt.source, p.Rounding)
	}
}

// Errors from map-shaped input are the same on every run: the first
// offending key in key order is named.
func TestMapErrorsAreDeterministic(t *testing.T) {
	p := benefit.Program{
		ID: "x", Name: "甲", Rounding: benefit.FenHalfUp(),
		Dimensions: []benefit.Dimension{{Key: "grade", Name: "等级", Values: []string{"1"}}},
		Exclusions: []benefit.Exclusion{{When: map[string][]string{"a": {"1"}, "b": {"1"}, "c": {"1"}, "grade": {"9"}}, Reason: "test"}},
	}
	var first, firstDims string
	for i := range 50 {
		_, err := benefit.NewCatalogue("v", "test", p)
		isError(t, err)
		_, err2 := benefit.DimsOf(map[string]string{"a;": "1", "b;": "1", "c;": "1", "d": "x;y"})
		isError(t, err2)
		if i == 0 {
			first, firstDims = err.Error(), err2.Error()
			continue
		}
		if err.Error() != first || err2.Error() != firstDims {
			t.Fatalf("run %d: %q / %q; first %q / %q", i, err, err2, first, firstDims)
		}
	}
	isTrue(t, strings.Contains(first, "exclusions[0].when.a"), first)
	isTrue(t, strings.Contains(firstDims, `"a;=1"`), firstDims)
}

// A programme's source carries a mark from the domain legend (V, V3, D,
// M, C); anything else in a user catalogue is an error naming the field.
func TestLoadCatalogueRejectsUnknownConfidenceMark(t *testing.T) {
	in := `{"version":"x","programs":[{"id":"local.a","name":"高龄津贴","name_en":"a","category":"pension","frequency":"month","rounding":{"unit":"1","mode":"half_up"},"citation":{"confidence":"Z"}}]}`
	_, err := benefit.LoadCatalogue(strings.NewReader(in), "mine.json")
	var re *benefit.RecordError
	if !errors.As(err, &re) || re.Field != "programs[0].citation.confidence" || !errors.Is(err, benefit.ErrSyntax) {
		t.Errorf("got %v", err)
	}
}

// lookup returns the programme id of c, and whether c has it.
func lookup(c *benefit.Catalogue, id string) (benefit.Program, bool) {
	p, err := c.Program(id)
	return p, err == nil
}
