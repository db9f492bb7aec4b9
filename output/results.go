package output

import (
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/plan"
	"github.com/benefitstd/benefitstd/region"
)

// The results the library's packages return are rendered as they are
// (*floor.Report, *adjust.Result, *compare.SweepResult,
// *compare.Comparison). The types of this file gather what a listing or a
// plan run shows beside them; they are plain data, built by the caller
// or by the List functions.

// A PlanRun is a retiree adjustment plan applied to a population, as
// `benefitstd plan` reports it: the plan (with the calibrated value, when
// calibrated), where the retirees came from, the summary and the
// calibration that set the plan, if any.
type PlanRun struct {
	Plan plan.Plan
	// Population names the retirees: the file read, or for a generated
	// population a note saying it is SYNTHETIC.
	Population  string
	Synthetic   bool
	Report      *plan.Report
	Calibration *plan.Calibration // nil: not calibrated
}

// A PlanList is the shipped plans and the national overall levels
// (全国总体调整水平), as `benefitstd plan --list` shows them.
type PlanList struct {
	Plans    []plan.Plan
	National []plan.NationalAdjustment
}

// A FloorList is the national floors of some programmes with their
// sources (`benefitstd floors`): per programme its fixed floors by
// dimensions with every version (or the one in force in a month), its
// relative rules and its cadences. Its JSON:
//
//	{"floors_version": "...", "at": "2025-03",
//	 "programs": [{"id": "...", "name": "...", "name_en": "...", "per": "month",
//	   "floors": [{"dimensions": "age=60+", "group": "...", "versions": [benefit.Version...]}],
//	   "relative": [{"id": "...", "bound": "lower", "strict": false, "multiplier": "100%",
//	     "against": "...", "from": "2024-01", "severity": "violation", "citation": {...}}],
//	   "cadences": [{"scope": "local", "months": 12, "citation": {...}}],
//	   "citation": {...}}]}
type FloorList struct {
	FloorsVersion string       `json:"floors_version"`
	At            string       `json:"at,omitempty"` // "YYYY-MM": only the versions in force then
	Programs      []floorEntry `json:"programs"`
}

// A floorEntry is one programme of a FloorList.
type floorEntry struct {
	ID       string           `json:"id"`
	Name     string           `json:"name"`
	NameEN   string           `json:"name_en"`
	Per      string           `json:"per"`
	Floors   []floorVersions  `json:"floors"`
	Relative []floorRelative  `json:"relative"`
	Cadences []floorCadence   `json:"cadences"`
	Citation benefit.Citation `json:"citation"`
}

// floorVersions are the versions of one fixed floor; a version without
// a source of its own carries the floor's.
type floorVersions struct {
	Dimensions string            `json:"dimensions"`
	Group      string            `json:"group,omitempty"`
	Versions   []benefit.Version `json:"versions"`
}

// A floorRelative is a rule bounding a level by a multiple of a
// reference figure.
type floorRelative struct {
	ID         string           `json:"id"`
	Bound      string           `json:"bound"`
	Strict     bool             `json:"strict"`
	Multiplier benefit.Rate     `json:"multiplier"`
	Against    string           `json:"against"`
	From       benefit.Month    `json:"from,omitzero"`
	Severity   floor.Severity   `json:"severity"`
	Citation   benefit.Citation `json:"citation"`
}

// A floorCadence is how often a level must be updated.
type floorCadence struct {
	Scope    string           `json:"scope"`
	Months   int              `json:"months"`
	Citation benefit.Citation `json:"citation"`
}

// ListFloors lists the floors, relative rules and cadences of set for
// the programmes ids of cat, in that order; a non-zero at keeps only the
// version of each floor in force in that month (and leaves out a floor
// with none).
func ListFloors(set *floor.Set, cat *benefit.Catalogue, ids []string, at benefit.Month) (*FloorList, error) {
	l := &FloorList{FloorsVersion: set.Version(), At: at.String()}
	for _, id := range ids {
		p, err := cat.Program(id)
		if err != nil {
			return nil, err
		}
		e := floorEntry{ID: p.ID, Name: p.Name, NameEN: p.NameEN, Per: p.Frequency.String(), Citation: p.Citation,
			Floors: []floorVersions{}, Relative: []floorRelative{}, Cadences: []floorCadence{}}
		for _, f := range set.Floors(id) {
			ff := floorVersions{Dimensions: f.Dims.String(), Group: f.Group.ID}
			for _, v := range f.Schedule.All() {
				if v.Citation.IsZero() {
					v.Citation = f.Citation
				}
				ff.Versions = append(ff.Versions, v)
			}
			if !at.IsZero() {
				v, ok := f.Schedule.At(at)
				if !ok {
					continue
				}
				if v.Citation.IsZero() {
					v.Citation = f.Citation
				}
				ff.Versions = []benefit.Version{v}
			}
			e.Floors = append(e.Floors, ff)
		}
		for _, r := range set.Relatives(id) {
			against := r.Against
			if !r.AgainstDims.IsZero() {
				against += " (" + r.AgainstDims.String() + ")"
			}
			e.Relative = append(e.Relative, floorRelative{ID: r.ID, Bound: r.Bound.String(), Strict: r.Strict, Multiplier: r.Multiplier,
				Against: against, From: r.From, Severity: r.Severity, Citation: r.Citation})
		}
		for _, c := range set.Cadences() {
			if c.Program == id {
				e.Cadences = append(e.Cadences, floorCadence{Scope: c.Scope.String(), Months: c.Months, Citation: c.Citation})
			}
		}
		l.Programs = append(l.Programs, e)
	}
	return l, nil
}

// A RegionList is divisions of a region table with their fiscal tier,
// central share and groups (`benefitstd regions`), the counts of the
// whole table and the source of the tiers. Its JSON:
//
//	{"counts": {"divisions": 3348, "provinces": 31, "prefectures": 342,
//	   "counties": 2975, "statistical_only": 124},
//	 "divisions": [{"code": "371723", "name": "成武县", "name_en": "...",
//	   "level": "county", "parent": "371700", "statistical_only": false,
//	   "tier": 2, "central_share": "60%", "groups": ["..."]}],
//	 "tier_source": {...}}
type RegionList struct {
	Counts     regionCounts     `json:"counts"`
	Divisions  []regionRow      `json:"divisions"`
	TierSource benefit.Citation `json:"tier_source"`

	// Scope says which divisions are listed, for the text's closing
	// lines: "" the provinces and the divisions with a tier of their own
	// (ListRegions' default), "under" a division's tree, "all" every
	// division.
	Scope string `json:"-"`
	// Added names the file whose divisions were added to the embedded
	// table, if any.
	Added string `json:"-"`
}

// A regionRow is one division of a RegionList.
type regionRow struct {
	Code            string   `json:"code"`
	Name            string   `json:"name"`
	NameEN          string   `json:"name_en"`
	Level           string   `json:"level"`
	Parent          string   `json:"parent,omitempty"`
	StatisticalOnly bool     `json:"statistical_only,omitempty"`
	Tier            int      `json:"tier"`
	CentralShare    string   `json:"central_share"`
	Groups          []string `json:"groups,omitempty"`
}

// regionCounts count the divisions of a table at each level, and those
// that are statistical units rather than GB/T 2260 divisions.
type regionCounts struct {
	Divisions       int `json:"divisions"`
	Provinces       int `json:"provinces"`
	Prefectures     int `json:"prefectures"`
	Counties        int `json:"counties"`
	StatisticalOnly int `json:"statistical_only"`
}

// ListRegions lists divs, divisions of t, with their tiers, shares and
// groups, and counts every division of t.
func ListRegions(t *region.Table, divs []region.Division) (*RegionList, error) {
	l := &RegionList{Divisions: make([]regionRow, 0, len(divs)), TierSource: t.TierCitation()}
	c := &l.Counts
	for d := range t.All() {
		c.Divisions++
		switch d.Rank {
		case region.Province:
			c.Provinces++
		case region.Prefecture:
			c.Prefectures++
		default:
			c.Counties++
		}
		if d.StatisticalOnly {
			c.StatisticalOnly++
		}
	}
	for _, d := range divs {
		tier, err := t.Tier(d.Code)
		if err != nil {
			return nil, err
		}
		share, _ := t.CentralShare(d.Code)
		groups, _ := t.GroupsOf(d.Code)
		r := regionRow{Code: d.Code.String(), Name: d.Name, NameEN: d.NameEN, Level: d.Rank.String(), Parent: d.Parent.String(),
			StatisticalOnly: d.StatisticalOnly, Tier: int(tier), CentralShare: share.String()}
		for _, g := range groups {
			r.Groups = append(r.Groups, g.Name)
		}
		l.Divisions = append(l.Divisions, r)
	}
	return l, nil
}
