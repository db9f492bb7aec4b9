package strictjson

import (
	"errors"
	"strings"
	"testing"
)

type inner struct {
	Mode string `json:"mode"`
}

type doc struct {
	Version  string  `json:"version"`
	Programs []inner `json:"programs"`
	N        int     `json:"n"`
}

func TestUnmarshalOK(t *testing.T) {
	var d doc
	if err := Unmarshal([]byte(`{"version":"1","programs":[{"mode":"up"}],"n":3}`+"\n"), &d); err != nil {
		t.Fatal(err)
	}
	if d.Version != "1" || len(d.Programs) != 1 || d.Programs[0].Mode != "up" || d.N != 3 {
		t.Errorf("got %+v", d)
	}
}

// Each error names the line the fault is on (1-based), or no line at
// all; never a wrong one.
func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		line int // 0: no LineError expected
		text string
	}{
		{"syntax", "{\n\"version\": \"1\",,\n\"n\": 1}", 2, "invalid character"},
		{"type", "{\n\"version\": \"1\",\n\"n\": \"three\"\n}", 3, "cannot unmarshal"},
		{"unknown field", "{\n\"version\": \"1\",\n\"rate\": 1,\n\"n\": 1\n}\n", 3, `unknown field "rate"`},
		{"unknown nested field", "{\n\"programs\": [\n{\"mode\": \"up\"},\n{\"mode\": \"up\", \"extra\": true}\n],\n\"n\": 1\n}\n", 4, `unknown field "extra"`},
		{"unknown Chinese field", "{\n\"version\": \"1\",\n\n\"名称\" : \"x\"\n}", 4, `unknown field "名称"`},
		// "mode" is also a valid key elsewhere: which one is meant is
		// not known, so no line is given.
		{"unknown field, key seen twice", "{\n\"programs\": [{\"mode\": \"up\"}],\n\"mode\": 1\n}", 0, `unknown field "mode"`},
		{"trailing", `{"n":1} {"n":2}`, 0, "after the JSON value"},
		{"trailing garbage", `{"n":1} x`, 0, "after the JSON value"},
		{"empty", "", 1, "EOF"},
		{"truncated", "{\n\"n\": 1", 2, "unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			err := Decode(strings.NewReader(tt.in), &d)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.text) {
				t.Errorf("%q lacks %q", err, tt.text)
			}
			var le *LineError
			if errors.As(err, &le) != (tt.line != 0) {
				t.Fatalf("LineError present = %v, want %v (%v)", le != nil, tt.line != 0, err)
			}
			if le != nil && le.Line != tt.line {
				t.Errorf("line %d, want %d (%v)", le.Line, tt.line, err)
			}
		})
	}
}

type picky struct{ v string }

func (p *picky) UnmarshalJSON(b []byte) error { return errors.New("picky refuses " + string(b)) }

// An error from a field's own UnmarshalJSON has no offset in
// encoding/json; it must not be reported at a wrong line (such as the
// last line of the document).
func TestDecodeUnmarshalerErrorHasNoWrongLine(t *testing.T) {
	var d struct {
		A string `json:"a"`
		P picky  `json:"p"`
		B string `json:"b"`
	}
	err := Decode(strings.NewReader("{\n\"a\": \"x\",\n\"p\": 1,\n\"b\": \"y\"\n}\n"), &d)
	if err == nil || !strings.Contains(err.Error(), "picky refuses 1") {
		t.Fatalf("got %v", err)
	}
	var le *LineError
	if errors.As(err, &le) && le.Line != 3 {
		t.Errorf("reported at line %d; the fault is on line 3", le.Line)
	}
}

func TestLineErrorUnwrap(t *testing.T) {
	base := errors.New("x")
	e := &LineError{Line: 4, Err: base}
	if !errors.Is(e, base) || e.Error() != "line 4: x" {
		t.Errorf("got %v", e)
	}
}

func TestKeysAreCaseSensitive(t *testing.T) {
	type version struct {
		From   string `json:"from"`
		Amount string `json:"amount"`
	}
	type level struct {
		Region   string    `json:"region"`
		Versions []version `json:"versions"`
	}
	var doc struct {
		Levels []level `json:"levels"`
	}
	// encoding/json alone would read "Amount" into amount and "LEVELS"
	// into levels; a hand-edited file with those keys is a mistake.
	for in, want := range map[string]string{
		"{\"levels\":[{\"region\":\"371723\",\n\"versions\":[{\"from\":\"2024-01\",\n\"Amount\":\"123\"}]}]}": `line 3: unknown key "Amount" at levels[0].versions[0].Amount: keys are case-sensitive; did you mean "amount"?`,
		`{"LEVELS":[]}`: `line 1: unknown key "LEVELS": keys are case-sensitive; did you mean "levels"?`,
		"{\"levels\":[{\"region\":\"371723\",\n\"region\":\"140822\"}]}": `line 2: key "region" given twice in the same object at levels[0].region`,
	} {
		err := Unmarshal([]byte(in), &doc)
		if err == nil || err.Error() != want {
			t.Errorf("%s:\n got %v\nwant %s", in, err, want)
		}
	}
	// Value reports the same mistakes without a line (a nested value's
	// lines would count from its own start).
	err := Value([]byte(`{"LEVELS":[]}`), &doc)
	if err == nil || strings.HasPrefix(err.Error(), "line") {
		t.Errorf("Value: got %v", err)
	}
	// Keys of a map are data, not field names: any case, but not twice.
	var m map[string]int
	if err := Unmarshal([]byte(`{"Grade":1,"grade":2}`), &m); err != nil {
		t.Errorf("map keys differing in case: %v", err)
	}
	if err := Unmarshal([]byte(`{"grade":1,"grade":2}`), &m); err == nil {
		t.Error("a map key given twice was accepted")
	}
}
