package plan

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/jsonpath"
	"github.com/benefitstd/benefitstd/internal/strictjson"
)

//go:embed data/*.json
var dataFS embed.FS

// ErrUnknownPlan reports a built-in plan id the library does not ship.
var ErrUnknownPlan = errors.New("plan: unknown built-in plan")

// Parse reads a plan from strict JSON (unknown fields and trailing data
// are errors) and validates it. Errors are *benefit.RecordError values
// naming the file, the line where the offending value begins (0 when the
// value is missing or the fault is trailing data) and the field as a JSON
// path ("parts[1].fixed.amount"; empty for a syntax error or an unknown
// key, whose line says where). A value that does not decode wraps
// benefit.ErrSyntax (or the ErrRange, ErrNegative, … of its parser); a
// plan that decodes but is not valid wraps ErrPlan.
func Parse(data []byte, file string) (Plan, error) {
	var p Plan
	if err := strictjson.Unmarshal(data, &p); err != nil {
		return Plan{}, decodeError(data, file, err)
	}
	if _, err := compile(p, file); err != nil {
		var re *benefit.RecordError
		if errors.As(err, &re) && re.Line == 0 && re.Field != "" {
			re.Line = jsonpath.Line(data, re.Field)
		}
		return Plan{}, err
	}
	return p, nil
}

// decodeError names the value of data that did not decode. encoding/json
// gives no field when a value's own decoder fails (a malformed amount,
// date or rate) nor for an unknown key, and no list index when a number
// does not fit its field: internal/jsonpath finds the full path and its
// line, looking for the value that fails with the decoder's error.
func decodeError(data []byte, file string, err error) error {
	re := &benefit.RecordError{File: file, Err: err}
	var le *strictjson.LineError
	if errors.As(err, &le) {
		re.Line, re.Err = le.Line, le.Err
	}
	cause := re.Err
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var key string
	switch {
	case errors.As(cause, &se):
	case errors.As(cause, &te):
		re.Field = te.Field // without list indexes; Bad gives them
		same := func(e error) bool {
			var t2 *json.UnmarshalTypeError
			return errors.As(e, &t2) && t2.Value == te.Value && t2.Type == te.Type
		}
		if path, line := jsonpath.BadMatch(data, reflect.TypeFor[Plan](), same); path != "" {
			re.Field, re.Line = path, line
		}
	case unknownKey(cause, &key):
		if path, line := jsonpath.Unknown(data, reflect.TypeFor[Plan](), key); path != "" {
			re.Field, re.Line = path, line
		}
	default:
		same := func(e error) bool {
			var t2 *json.UnmarshalTypeError
			return !errors.As(e, &t2) && e.Error() == cause.Error()
		}
		if path, line := jsonpath.BadMatch(data, reflect.TypeFor[Plan](), same); path != "" {
			re.Field, re.Line = path, line
		}
	}
	re.Err = syntaxError(re.Err)
	return re
}

// unknownKey reports whether err is encoding/json's error for an unknown
// key, and which (it has no type of its own to test).
func unknownKey(err error, key *string) bool {
	_, e := fmt.Sscanf(err.Error(), "json: unknown field %q", key)
	return e == nil
}

// syntaxError makes err match benefit.ErrSyntax unless it already
// matches one of the benefit sentinels, without putting a second
// "benefit: …" before a message that has its own.
func syntaxError(err error) error {
	for _, s := range []error{benefit.ErrSyntax, benefit.ErrRange, benefit.ErrNegative, benefit.ErrOrder, benefit.ErrDimension} {
		if errors.Is(err, s) {
			return err
		}
	}
	return &asSyntax{err}
}

// asSyntax is an error that reads as its cause and matches
// benefit.ErrSyntax too.
type asSyntax struct{ err error }

func (e *asSyntax) Error() string   { return e.err.Error() }
func (e *asSyntax) Unwrap() []error { return []error{benefit.ErrSyntax, e.err} }

// Load reads a plan from r; see Parse.
func Load(r io.Reader, file string) (Plan, error) {
	b, err := io.ReadAll(io.LimitReader(r, 1<<20+1))
	if err != nil {
		return Plan{}, &benefit.RecordError{File: file, Err: err}
	}
	if len(b) > 1<<20 {
		return Plan{}, &benefit.RecordError{File: file, Err: fmt.Errorf("%w: a plan file is at most 1 MiB", benefit.ErrRange)}
	}
	return Parse(b, file)
}

var builtins = sync.OnceValues(func() ([]Plan, error) {
	names, err := fs.Glob(dataFS, "data/*.json")
	if err != nil {
		return nil, err
	}
	var ps []Plan
	for _, n := range names {
		if path.Base(n) == "national.json" {
			continue
		}
		b, err := dataFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		p, err := Parse(b, "plan/"+n)
		if err != nil {
			return nil, err
		}
		if want := strings.TrimSuffix(path.Base(n), ".json"); p.ID != want {
			return nil, &benefit.RecordError{File: n, Field: "id", Err: fmt.Errorf("id %q does not match the file name", p.ID)}
		}
		ps = append(ps, p)
	}
	slices.SortFunc(ps, func(a, b Plan) int { return strings.Compare(a.ID, b.ID) })
	return ps, nil
})

// Builtins returns the plans shipped with the library, sorted by id.
// Each part carries its source and confidence mark; what a source lacks
// is left out and said so in the plan's Note.
func Builtins() []Plan {
	ps, err := builtins()
	if err != nil {
		panic("plan: embedded plans are invalid: " + err.Error()) // caught by TestBuiltins
	}
	out := make([]Plan, len(ps))
	for i, p := range ps {
		out[i] = p.Clone()
	}
	return out
}

// Builtin returns the shipped plan with the given id ("shanghai-2024",
// "beijing-2024", "shanxi-2025", …). The error wraps ErrUnknownPlan and
// lists the ids known.
func Builtin(id string) (Plan, error) {
	ps := Builtins()
	ids := make([]string, len(ps))
	for i, p := range ps {
		if p.ID == id {
			return p, nil
		}
		ids[i] = p.ID
	}
	return Plan{}, fmt.Errorf("%w %q (known: %s)", ErrUnknownPlan, id, strings.Join(ids, ", "))
}

// BuiltinJSON returns the embedded JSON of a shipped plan, a starting
// point for writing one's own.
func BuiltinJSON(id string) ([]byte, error) {
	b, err := dataFS.ReadFile("data/" + id + ".json")
	if err != nil || id == "national" || strings.ContainsAny(id, "/\\") {
		_, err := Builtin(id)
		if err == nil {
			err = fmt.Errorf("%w %q", ErrUnknownPlan, id)
		}
		return nil, err
	}
	return bytes.Clone(b), nil
}
