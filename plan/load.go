package plan

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
)

//go:embed data/*.json
var dataFS embed.FS

// ErrUnknownPlan reports a built-in plan id the library does not ship.
var ErrUnknownPlan = errors.New("plan: unknown built-in plan")

// parse reads a plan from data (a shipped file); see Load.
func parse(data []byte, file string) (Plan, error) {
	var p Plan
	doc, err := input.DecodeJSON(data, file, &p)
	if err != nil {
		return Plan{}, err
	}
	return p.checked(doc, file)
}

// checked validates a decoded plan; errors get the line of their field.
func (p Plan) checked(doc *input.Doc, file string) (Plan, error) {
	if _, err := compile(p, file); err != nil {
		return Plan{}, doc.Locate(err)
	}
	return p, nil
}

// Load reads a plan of at most 1 MiB from r, in strict JSON (unknown fields, a name given
// twice or in another case than the field's, and trailing data are
// errors) and validates it. Errors are *benefit.RecordError values
// naming the file, the line where the offending value begins (for a
// missing value, the line of the object that lacks it) and the field as
// a JSON path ("parts[1].fixed.amount"; empty for a syntax error, whose
// line says where). A value that does not decode wraps benefit.ErrSyntax
// (or the ErrRange, ErrNegative, … of its parser); a plan that decodes
// but is not valid wraps ErrPlan.
func Load(r io.Reader, file string) (Plan, error) {
	var p Plan
	doc, err := input.ReadJSON(r, file, &p, benefit.Limits{Document: 1 << 20})
	if err != nil {
		return Plan{}, err
	}
	return p.checked(doc, file)
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
		p, err := parse(b, "plan/"+n)
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
		out[i] = p.clone()
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
