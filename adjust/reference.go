package adjust

import (
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/scenario"
)

// maxProjectedRefs bounds the projected versions of all the references
// of a scenario together, so that a small scenario cannot ask for a
// large run.
const maxProjectedRefs = 200_000

// refPath is a Reference resolved over the years of a run: its history
// and projected versions up to December of the last simulated year.
type refPath struct {
	program string
	prog    benefit.Program
	dims    benefit.Dims
	sch     benefit.Schedule
}

// at returns the figure in force in month m (the history must reach it:
// resolve checks that it does from January of the base year on).
func (r *refPath) at(m benefit.Month) benefit.Version {
	v, _ := r.sch.At(m)
	return v
}

// lowest and highest return the least and the greatest figure in force
// in any month of the twelve from month from on (a level's year: its
// effective month to the month before it a year later), with their
// versions.
func (r *refPath) lowest(from benefit.Month) benefit.Version  { return r.extreme(from, -1) }
func (r *refPath) highest(from benefit.Month) benefit.Version { return r.extreme(from, +1) }

func (r *refPath) extreme(from benefit.Month, sign int) benefit.Version {
	best := r.at(from)
	to := from.AddMonths(12)
	for _, v := range r.sch.All() {
		if v.From > from && v.From < to && v.Amount.Cmp(best.Amount)*sign > 0 {
			best = v
		}
	}
	return best
}

// resolveRefs resolves every reference of every region, from the base
// year to the last simulated year. A reference must name a programme of
// the catalogue and give a figure in force in January of the base year;
// floor.Reference.Project checks and projects the rest.
func (p *prepared) resolveRefs(cat *benefit.Catalogue, set *floor.Set) ([]map[string]*refPath, error) {
	s := p.s
	out := make([]map[string]*refPath, len(s.Regions))
	budget := maxProjectedRefs
	for ri := range s.Regions {
		r := &s.Regions[ri]
		if len(r.References) == 0 {
			continue
		}
		out[ri] = make(map[string]*refPath, len(r.References))
		for _, key := range slices.Sorted(maps.Keys(r.References)) {
			ref := r.References[key]
			path := fmt.Sprintf("regions[%d].references[%q]", ri, key)
			rp, err := resolveRef(s, &ref, key, path, cat, set, &budget)
			if err != nil {
				return nil, err
			}
			out[ri][key] = rp
		}
	}
	return out, nil
}

func resolveRef(s *scenario.Scenario, ref *floor.Reference, key, path string, cat *benefit.Catalogue, set *floor.Set, budget *int) (*refPath, error) {
	prog, err := cat.Program(key)
	if err != nil {
		return nil, fieldErr(path, benefit.ErrUnknownProgram, "%q (known: %v)", key, cat.IDs())
	}
	if len(ref.History) == 0 {
		return nil, fieldErr(path+".history", scenario.ErrMissingAssumption, "no figure of %s is given", key)
	}
	// (the last year's level runs into the next from a later effective
	// month; the budget is what the scenario's references have left)
	sch, n, err := ref.Project(prog, floor.ReferenceOptions{Through: benefit.NewMonth(endYear(s)+1, 12), MaxVersions: *budget, Floors: set})
	if err != nil {
		if re, ok := errors.AsType[*benefit.RecordError](err); ok {
			re.Field = path + "." + re.Field
		}
		return nil, err
	}
	*budget -= n
	if _, ok := sch.At(benefit.NewMonth(baseYear(s), 1)); !ok {
		return nil, fieldErr(path+".history", scenario.ErrMissingAssumption, "%s starts in %s, after January of the base year %d", key, sch.First(), baseYear(s))
	}
	return &refPath{program: key, prog: prog, dims: ref.Dims, sch: sch}, nil
}
