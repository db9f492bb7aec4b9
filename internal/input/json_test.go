package input_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/internal/input"
)

// amount is a value with a decoder of its own (an encoding/json v1
// UnmarshalJSON method), as benefit.Amount has: it takes only a string
// of digits.
type amount string

var errAmount = input.Kind("bad amount")

func (a *amount) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return fmt.Errorf("%w %q", errAmount, s)
	}
	*a = amount(s)
	return nil
}

// version reads its own members (as benefit.Version does) with
// input.Value, and says which required one is missing.
type version struct {
	From   string
	Amount amount
}

func (v *version) UnmarshalJSON(b []byte) error {
	var j struct {
		From   *string `json:"from"`
		Amount *amount `json:"amount"`
	}
	if err := input.Value(b, &j); err != nil {
		return err
	}
	switch {
	case j.From == nil:
		return &input.Error{Field: "from", Err: fmt.Errorf("%w: no from", input.ErrSyntax)}
	case j.Amount == nil:
		return &input.Error{Field: "amount", Err: fmt.Errorf("%w: no amount", input.ErrSyntax)}
	}
	*v = version{*j.From, *j.Amount}
	return nil
}

type level struct {
	Region   string         `json:"region"`
	Persons  int64          `json:"persons,omitempty"`
	Tiers    map[string]int `json:"tiers,omitempty"`
	Versions []version      `json:"versions"`
}

type levelsDoc struct {
	Note   string  `json:"note,omitempty"`
	Levels []level `json:"levels"`
}

// doc is a levels document with one value per line:
//
//	1 {"levels": [
//	2   {"region": "a", "versions": [{"from": "2023-01", "amount": "1"}]},
//	3   {"region": "b", "versions": [{"from": "2023-01", "amount": "1"}]},
//	4   {"region": "c",
//	5    "persons": 10,
//	6    "versions": [
//	7      {"from": "2023-01",
//	8       "amount": "103"}]}]}
func doc(old, new string) string {
	d := `{"levels": [
  {"region": "a", "versions": [{"from": "2023-01", "amount": "1"}]},
  {"region": "b", "versions": [{"from": "2023-01", "amount": "1"}]},
  {"region": "c",
   "persons": 10,
   "versions": [
     {"from": "2023-01",
      "amount": "103"}]}]}`
	if !strings.Contains(d, old) {
		panic("test setup: " + old)
	}
	return strings.Replace(d, old, new, 1)
}

// Each claim the decoder rests on, checked against the library
// (github.com/go-json-experiment/json) through DecodeJSON: the error,
// its line (counted by hand in doc), its path and pointer, its sentinel
// and its message.
func TestDecodeJSONErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in   string
		line       int
		field, ptr string
		is         error
		msg        string // the whole message; "" not checked
	}{
		{"good", doc("", ""), 0, "", "", nil, ""},
		// RejectUnknownMembers(true) rejects a member no field has
		{"unknown member", doc(`"persons": 10,`, `"person": 10,`), 5, "levels[2].person", "/levels/2/person", input.ErrSyntax,
			`l.json:5: levels[2].person: benefit: invalid syntax: json: unknown field "person"`},
		// v2 matches names exactly: "Persons" is not "persons"
		{"case mismatch", doc(`"persons": 10,`, `"Persons": 10,`), 5, "levels[2].Persons", "/levels/2/Persons", input.ErrSyntax,
			`l.json:5: levels[2].Persons: benefit: invalid syntax: json: unknown field "Persons": keys are case-sensitive; did you mean "persons"?`},
		// v2 rejects a name given twice, in a struct and in a map
		{"duplicate name", doc(`"persons": 10,`, `"persons": 10, "region": "d",`), 5, "levels[2].region", "/levels/2/region", input.ErrSyntax,
			`l.json:5: levels[2].region: benefit: invalid syntax: key "region" given twice in the same object`},
		{"duplicate map key", doc(`"persons": 10,`, `"tiers": {"1": 1,
   "1": 2},`), 6, "levels[2].tiers.1", "/levels/2/tiers/1", input.ErrSyntax, ""},
		// v2 rejects invalid UTF-8 and a lone surrogate in a string
		{"invalid UTF-8", doc(`"region": "c"`, "\"region\": \"\xcd\xf2\""), 4, "levels[2].region", "/levels/2/region", input.ErrEncoding, ""},
		{"lone surrogate", doc(`"region": "c"`, `"region": "\ud800"`), 4, "levels[2].region", "/levels/2/region", input.ErrEncoding,
			`l.json:4: levels[2].region: not UTF-8 text: a lone UTF-16 surrogate escape (such as \ud800) is not a character`},
		{"reversed surrogates", doc(`"region": "c"`, `"region": "\udc00\ud800"`), 4, "levels[2].region", "/levels/2/region", input.ErrEncoding, ""},
		// anything after the value
		{"trailing data", doc(`]}]}`, "]}]}\n\n{}"), 10, "", "", input.ErrSyntax,
			`l.json:10: benefit: invalid syntax: unexpected data after the JSON value`},
		{"syntax", doc(`"persons": 10,`, `"persons": 10,,`), 5, "", "", input.ErrSyntax, ""},
		{"cut short", doc("", "")[:30], 2, "", "", input.ErrSyntax, `l.json:2: benefit: invalid syntax: the JSON document ends early`},
		{"empty", " \n", 1, "", "", input.ErrSyntax, `l.json:1: benefit: invalid syntax: empty file: no JSON document`},
		// a JSON kind the Go type does not take, named by its path
		{"string for a number", doc(`"persons": 10,`, `"persons": "10",`), 5, "levels[2].persons", "/levels/2/persons", input.ErrSyntax,
			`l.json:5: levels[2].persons: benefit: invalid syntax: a JSON string where a whole number is expected`},
		{"number too big", doc(`"persons": 10,`, `"persons": 1e30,`), 5, "levels[2].persons", "/levels/2/persons", input.ErrSyntax,
			`l.json:5: levels[2].persons: benefit: invalid syntax: a JSON number 1e30 where a whole number is expected`},
		// a v1 UnmarshalJSON's error deep inside: the pointer and line of
		// the value, through the version's own decoder (input.Value)
		{"bad amount deep inside", doc(`"amount": "103"`, `"amount": "1x3"`), 8, "levels[2].versions[0].amount", "/levels/2/versions/0/amount", errAmount,
			`l.json:8: levels[2].versions[0].amount: bad amount "1x3"`},
		{"unknown member deep inside", doc(`"amount": "103"`, `"amount": "103", "amout": "1"`), 8, "levels[2].versions[0].amout", "/levels/2/versions/0/amout", input.ErrSyntax, ""},
		// a member a value's decoder misses: the line of the object that lacks it
		{"missing member", doc(`,
      "amount": "103"`, ``), 7, "levels[2].versions[0].amount", "/levels/2/versions/0/amount", input.ErrSyntax,
			`l.json:7: levels[2].versions[0].amount: benefit: invalid syntax: no amount`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var d levelsDoc
			_, err := input.DecodeJSON([]byte(tc.in), "l.json", &d)
			if tc.is == nil {
				if err != nil || len(d.Levels) != 3 || d.Levels[2].Versions[0].Amount != "103" {
					t.Fatalf("err = %v, levels %+v", err, d.Levels)
				}
				return
			}
			var e *input.Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v (%T), want an *input.Error", err, err)
			}
			if e.File != "l.json" || e.Line != tc.line || e.Field != tc.field || e.Pointer != tc.ptr {
				t.Errorf("err = %v: %s line %d field %q pointer %q; want line %d field %q pointer %q", err, e.File, e.Line, e.Field, e.Pointer, tc.line, tc.field, tc.ptr)
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("err = %v, not %v", err, tc.is)
			}
			if tc.msg != "" && err.Error() != tc.msg {
				t.Errorf("err = %q\nwant  %q", err, tc.msg)
			}
			if strings.Count(err.Error(), "benefit:") > 1 {
				t.Errorf("doubled prefix: %v", err)
			}
		})
	}
}

// A value's own decoder error that wraps no Kind keeps its text and
// matches ErrSyntax; one that wraps a Kind is left as it is.
func TestOwnDecoderErrors(t *testing.T) {
	var d struct {
		V picky `json:"v"`
	}
	_, err := input.DecodeJSON([]byte(`{"v": 1}`), "p.json", &d)
	if err == nil || err.Error() != "p.json:1: v: picky refuses 1" || !errors.Is(err, input.ErrSyntax) {
		t.Errorf("got %v", err)
	}
}

type picky struct{}

func (p *picky) UnmarshalJSON(b []byte) error { return errors.New("picky refuses " + string(b)) }

// Value reports the same faults as DecodeJSON relative to its value,
// without a file or a line.
func TestValue(t *testing.T) {
	var v version
	err := input.Value([]byte(`{"from": "2024-01", "amount": "x"}`), &v)
	var e *input.Error
	if !errors.As(err, &e) || e.Field != "amount" || e.Pointer != "/amount" || e.Line != 0 || e.File != "" || !errors.Is(err, errAmount) {
		t.Errorf("got %v (%+v)", err, e)
	}
	if err := input.Value([]byte(`{"from": "2024-01", "amount": "1"}`), &v); err != nil || v.Amount != "1" {
		t.Errorf("got %v, %+v", err, v)
	}
}

// Locate gives a validation error found after decoding the line of its
// field, or of the object that lacks it; Line the line of a path.
func TestLocate(t *testing.T) {
	var d levelsDoc
	dc, err := input.DecodeJSON([]byte(doc("", "")), "l.json", &d)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		field string
		line  int
	}{
		{"levels[2].persons", 5},
		{"levels[2].versions[0].amount", 8},
		{"levels[2].versions[0].status", 7}, // missing: the version's line
		{"levels[1]", 3},
		{"levels[7].region", 1}, // no such level: the list's line
	} {
		err := dc.Locate(&input.Error{Field: tc.field, Err: input.ErrSyntax})
		var e *input.Error
		errors.As(err, &e)
		if e.File != "l.json" || e.Line != tc.line || e.Pointer != input.PointerOf(tc.field) {
			t.Errorf("%s: %v, pointer %q; want line %d", tc.field, err, e.Pointer, tc.line)
		}
		if l := dc.Line(tc.field); l != tc.line {
			t.Errorf("Line(%s) = %d, want %d", tc.field, l, tc.line)
		}
	}
	if l := dc.Line(""); l != 1 {
		t.Errorf("Line() = %d, want 1", l)
	}
	// an error that is not an *Error is left alone
	if err := dc.Locate(input.ErrSyntax); err != input.ErrSyntax {
		t.Errorf("Locate changed %v", err)
	}
}

func TestPointerOf(t *testing.T) {
	for path, want := range map[string]string{
		"levels[2].versions[0].amount": "/levels/2/versions/0/amount",
		"a/b~c":                        "/a~1b~0c",
		"":                             "",
		"[3]":                          "/3",
		"tiers.1":                      "/tiers/1",
	} {
		if got := input.PointerOf(path); got != want {
			t.Errorf("PointerOf(%q) = %q, want %q", path, got, want)
		}
	}
}

// A byte-order mark (Notepad's UTF-8) is skipped.
func TestDecodeJSONBOM(t *testing.T) {
	var d levelsDoc
	if _, err := input.DecodeJSON([]byte("\uFEFF"+doc("", "")), "l.json", &d); err != nil || len(d.Levels) != 3 {
		t.Errorf("err = %v", err)
	}
}

// The error type prints what is known.
func TestErrorFormat(t *testing.T) {
	for _, tc := range []struct {
		e    input.Error
		want string
	}{
		{input.Error{File: "levels.csv", Line: 7, Field: "amount", Err: input.ErrSyntax}, "levels.csv:7: amount: benefit: invalid syntax"},
		{input.Error{Err: input.ErrSyntax}, "input: benefit: invalid syntax"},
		{input.Error{File: "f.json", Field: "a.b", Pointer: "/a/b", Err: input.ErrSyntax}, "f.json: a.b: benefit: invalid syntax"},
		// a workbook's cell, its row, a sheet whose name needs quotes
		{input.Error{File: "l.xlsx", Line: 17, Sheet: "Sheet1", Cell: "B17", Field: "amount", Err: input.ErrSyntax}, "l.xlsx: Sheet1!B17: amount: benefit: invalid syntax"},
		{input.Error{File: "l.xlsx", Line: 17, Sheet: "水平", Err: input.ErrSyntax}, "l.xlsx: 水平 row 17: benefit: invalid syntax"},
		{input.Error{File: "l.xlsx", Sheet: "My 'levels'", Err: input.ErrSyntax}, "l.xlsx: 'My ''levels''': benefit: invalid syntax"},
	} {
		if got := tc.e.Error(); got != tc.want || !errors.Is(&tc.e, input.ErrSyntax) {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
	if reflect.TypeFor[input.Error]().NumField() != 7 {
		t.Error("Error has fields beyond File, Line, Field, Pointer, Sheet, Cell and Err")
	}
}

// FuzzDecodeJSON: any bytes decode or give an *input.Error naming the
// file and a line, never a panic; a field and its pointer say the same
// path.
func FuzzDecodeJSON(f *testing.F) {
	for _, s := range []string{
		doc("", ""), doc(`"persons": 10,`, `"persons": "10",`), doc(`"amount": "103"`, `"amount": "1x3"`),
		doc(`"region": "c"`, `"region": "\ud800"`), doc(`"persons": 10,`, `"Persons": 10, "persons": 1,`),
		`{"levels": [{"tiers": {"1": 1, "1": 2}}]}`, "", "null", `{"levels": null}`, "{\"note\": \"\xff\"}", `[]`, `{"levels":[{}]} x`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var d levelsDoc
		_, err := input.DecodeJSON(in, "f.json", &d)
		if err == nil {
			return
		}
		var e *input.Error
		if !errors.As(err, &e) || e.File != "f.json" || e.Line < 1 || e.Line > 1+strings.Count(string(in), "\n") {
			t.Fatalf("%q: %T %v", in, err, err)
		}
		if e.Field != "" && input.PointerOf(e.Field) != e.Pointer {
			t.Fatalf("%q: field %q, pointer %q", in, e.Field, e.Pointer)
		}
	})
}
