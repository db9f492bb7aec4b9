package adjust

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
	"github.com/benefitstd/benefitstd/region"
)

// A SweepPoint is the outcome of one value of a swept parameter: the
// total cost over all years and regions, the transfers needed, and the
// regions that were infeasible in at least one year.
type SweepPoint struct {
	Value      string         `json:"value"`
	Run        RunRecord      `json:"run"`
	Cost       region.Split   `json:"cost"`     // summed over every year
	Transfer   benefit.Amount `json:"transfer"` // summed over every year
	Infeasible []region.Code  `json:"infeasible"`
	// FirstInfeasible is, per infeasible region (same order), the first
	// year it was infeasible.
	FirstInfeasible []int `json:"first_infeasible"`
}

// A SweepResult is the outcome of a Sweep: the parameter swept, the
// scenario it was swept in, and one point per value, in the order given.
type SweepResult struct {
	Parameter    string       `json:"parameter"`
	Scenario     string       `json:"scenario"` // its name
	Illustrative bool         `json:"illustrative"`
	StartYear    int          `json:"start_year"`
	Horizon      int          `json:"horizon"`
	Points       []SweepPoint `json:"points"`
}

// Sweep runs s once for each value of one parameter and reports the cost
// and the regions that go infeasible at each (参数扫描). path is the JSON
// path of the parameter in the scenario ("rule.amount",
// "rule.parts[1].percent", "constraints.fiscal_cap.percent",
// "floor.projection.step"), and each value is written as in the
// scenario's JSON ("20", "3%"). The path's parent must exist; the
// parameter itself may be absent (it is then added). Each variant is
// validated like any scenario, and its run record carries its own hash.
// opts.Progress reports the regions of each value's run in turn.
//
// A malformed path, one whose parent is missing, or a value the field
// cannot hold is a *benefit.RecordError (Field: the path) wrapping
// benefit.ErrSyntax; a
// value whose run fails gives an error naming path and value and
// wrapping the run's error (the variant's *benefit.RecordError when it
// is invalid). Nothing is returned for a sweep that fails at any value.
func Sweep(ctx context.Context, s Scenario, path string, values []string, opts Options) (*SweepResult, error) {
	base, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	res := &SweepResult{Parameter: path, Scenario: s.Name, Illustrative: s.Illustrative, StartYear: s.StartYear, Horizon: s.Horizon}
	out := make([]SweepPoint, 0, len(values))
	for i, v := range values {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("adjust: sweep stopped at value %d of %d: %w", i, len(values), context.Cause(ctx))
		}
		vs, err := setPath(base, path, v)
		if err != nil {
			return nil, err
		}
		r, err := Run(ctx, vs, opts)
		if err != nil {
			return nil, fmt.Errorf("adjust: sweep %s = %s: %w", path, v, err)
		}
		p := SweepPoint{Value: v, Run: r.Run, Infeasible: []region.Code{}, FirstInfeasible: []int{}}
		for _, y := range r.Summary {
			p.Cost.Total = p.Cost.Total.Add(y.Cost.Total)
			p.Cost.Central = p.Cost.Central.Add(y.Cost.Central)
			p.Cost.Local = p.Cost.Local.Add(y.Cost.Local)
			p.Transfer = p.Transfer.Add(y.Transfer)
		}
		var last region.Code
		for _, ry := range r.Rows {
			if ry.Infeasible && ry.Region != last {
				p.Infeasible = append(p.Infeasible, ry.Region)
				p.FirstInfeasible = append(p.FirstInfeasible, ry.Year)
				last = ry.Region
			}
		}
		out = append(out, p)
	}
	res.Points = out
	return res, nil
}

// setPath returns the scenario of JSON doc with the value at path set to
// v (a JSON string), decoded strictly.
func setPath(doc []byte, path, v string) (Scenario, error) {
	bad := func(msg string) error {
		return &benefit.RecordError{Field: path, Err: fmt.Errorf("%w: %s", benefit.ErrSyntax, msg)}
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var root any
	if err := dec.Decode(&root); err != nil {
		return Scenario{}, err
	}
	steps, err := splitPath(path)
	if err != nil {
		return Scenario{}, bad(err.Error())
	}
	cur := root
	for i, st := range steps {
		lastStep := i == len(steps)-1
		switch c := cur.(type) {
		case map[string]any:
			if st.index >= 0 {
				return Scenario{}, bad(fmt.Sprintf("%s is an object, not a list", st.name))
			}
			if lastStep {
				c[st.name] = v
				continue
			}
			next, ok := c[st.name]
			if !ok {
				return Scenario{}, bad(fmt.Sprintf("no %q in the scenario", st.name))
			}
			cur = next
		case []any:
			if st.index < 0 || st.index >= len(c) {
				return Scenario{}, bad(fmt.Sprintf("index out of range (the list has %d items)", len(c)))
			}
			if lastStep {
				c[st.index] = v
				continue
			}
			cur = c[st.index]
		default:
			return Scenario{}, bad("the path goes through a value that is not an object or list")
		}
	}
	b, err := json.Marshal(root)
	if err != nil {
		return Scenario{}, err
	}
	var s Scenario
	if err := input.Value(b, &s); err != nil {
		var re *benefit.RecordError
		if errors.As(err, &re) {
			err = re.Err
		}
		return Scenario{}, &benefit.RecordError{Field: path, Err: fmt.Errorf("%w: value %q: %v", benefit.ErrSyntax, v, err)}
	}
	return s, nil
}

type pathStep struct {
	name  string
	index int // -1 for a field
}

// splitPath splits "rule.parts[1].percent" into rule, parts, [1], percent.
func splitPath(p string) ([]pathStep, error) {
	if p == "" {
		return nil, fmt.Errorf("empty path")
	}
	var out []pathStep
	for _, part := range strings.Split(p, ".") {
		name := part
		var idx []int
		for {
			open := strings.IndexByte(name, '[')
			if open < 0 {
				break
			}
			end := strings.IndexByte(name[open:], ']')
			if end < 0 {
				return nil, fmt.Errorf("unclosed [ in %q", part)
			}
			n, err := strconv.Atoi(name[open+1 : open+end])
			if err != nil || n < 0 {
				return nil, fmt.Errorf("bad index in %q", part)
			}
			idx = append(idx, n)
			name = name[:open] + name[open+end+1:]
		}
		if name == "" {
			return nil, fmt.Errorf("empty field name in %q", p)
		}
		out = append(out, pathStep{name: name, index: -1})
		for _, n := range idx {
			out = append(out, pathStep{index: n})
		}
	}
	return out, nil
}

// Values returns the values from, from+step, … up to and including to
// (when reached exactly), as strings for Sweep. step must be positive,
// to at least from, and the range at most 10,000 values; otherwise the
// error is a *benefit.RecordError (field "step" or "to") wrapping
// benefit.ErrRange.
func Values(from, to, step benefit.Amount) ([]string, error) {
	if step.Sign() <= 0 {
		return nil, &benefit.RecordError{Field: "step", Err: fmt.Errorf("%w: step %s must be positive", benefit.ErrRange, step)}
	}
	if from.Cmp(to) > 0 {
		return nil, &benefit.RecordError{Field: "to", Err: fmt.Errorf("%w: to %s is below from %s, so there is nothing to sweep", benefit.ErrRange, to, from)}
	}
	var out []string
	for v := from; v.Cmp(to) <= 0; v = v.Add(step) {
		if len(out) == 10000 {
			return nil, &benefit.RecordError{Field: "to", Err: fmt.Errorf("%w: more than 10,000 values from %s to %s by %s", benefit.ErrRange, from, to, step)}
		}
		out = append(out, v.String())
	}
	return out, nil
}
