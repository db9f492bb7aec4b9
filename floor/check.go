package floor

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// Citations of the rules that are not data.
var (
	hierarchyCitation = benefit.Citation{
		Title:      "上级标准: 国家有统一标准的项目，按照不低于国家标准执行 (applied down the hierarchy: a county's level is not below its prefecture's, a prefecture's not below its province's)",
		URL:        "http://www.sac.gov.cn/sacen/events/202105/t20210511_347259.htm",
		Confidence: "V",
		Note:       "The 'not lower than' rule is verified for national standards; applying it between local levels is the library's reading.",
	}
	passThroughCitation = benefit.Citation{
		Doc:        "人社部发〔2015〕5号",
		Title:      "此次增加的基础养老金金额，不得冲抵或替代各地自行提高的基础养老金 (a national raise is not offset against local raises: it is passed through)",
		Confidence: "V3",
		Note:       "Read in a verbatim repost of the notice of the 2014-07 step 55 -> 70 (data-additions-2026-12 §2), for which it is stated; applying it to every raise of the national floor is the library's reading, hence an option (Options.PassThrough).",
	}
	noLevelCitation = benefit.Citation{
		Title:      "国家有统一标准的项目，按照不低于国家标准执行 (cannot be checked: no amount is given for the level and no ancestor region gives one to inherit)",
		URL:        "http://www.sac.gov.cn/sacen/events/202105/t20210511_347259.htm",
		Confidence: "V",
	}
	noCutCitation = benefit.Citation{
		Title:      "no cut: 社会保险法 第十八条 (正常调整机制); 军人抚恤优待条例 第三条 (动态调整)",
		Confidence: "V",
		Note:       "No text forbids a cut outright; a lower level than before is reported as a warning.",
	}
)

// Check checks levels against the floors and rules of opts (see the
// package documentation for the rules) and returns a report. It is safe
// for concurrent use: it reads its inputs and shared immutable sets
// only. Bad input (an unknown region or programme, a dimension the
// programme lacks, a head count below 0 or above MaxPersons, a month
// outside 1900-9999, two levels with the same region, programme and
// dimensions, a waiver that could never apply) is an error naming the
// level or waiver, and no report is made.
func Check(levels []Level, opts Options) (*Report, error) {
	c, err := newChecker(levels, opts)
	if err != nil {
		return nil, err
	}
	return c.run(), nil
}

// Check is Check with s as the floors.
func (s *Set) Check(levels []Level, opts Options) (*Report, error) {
	opts.Floors = s
	return Check(levels, opts)
}

type item struct {
	f         Finding
	lvl       int  // level index, -1 for none
	owed      bool // money is owed for a shortfall under this rule
	floorPart bool // the shortfall is below a national floor (split by the floor-part rule)
}

type checker struct {
	opts     Options
	set      *Set
	tab      *region.Table
	levels   []Level
	progIdx  map[string]int32 // programme id → index in progs
	progs    []progInfo
	pid      []int32 // programme of each level (index in progs)
	did      []int32 // dimensions of each level (index in progs[pid].dims; -1 when not kept)
	relMemo  []int8  // does a level's dims match relative rule ri's AgainstDims: 0 unknown, 1 yes, 2 no (see againstMatch)
	relFl    [][]int // relFl[ri]: the floors of relative rule ri's other programme whose dims match its AgainstDims
	regIdx   map[region.Code]int32
	regions  []regionInfo
	rid      []int32 // region of each level (index in regions)
	next     []int32 // the previous level of the same region, -1 at the end: a list per region
	refs     []int   // reference's buffer
	refFl    []int
	anc      []int32 // memo of ancestor(i)+2; 0 = not computed
	from, to benefit.Month
	asOf     benefit.Month
	items    []item
	cuts     []benefit.Month
	ivs      []benefit.Interval
	fl       []int
	used     map[int]bool // floors applied to some level
}

// progInfo is what the checker needs of a programme of some level.
type progInfo struct {
	p      benefit.Program
	upper  bool           // some level of it is above county level (a possible ancestor)
	dims   []benefit.Dims // dimensions already checked against the programme
	floors [][]int        // floors[k]: the fixed floors of the programme whose pattern dims[k] matches
}

// maxCheckedDims bounds progInfo.dims; past it dimensions are checked
// again for each level (correct, only slower).
const maxCheckedDims = 64

// regionInfo is a region some level gives: its display name, and the
// last of its levels (the head of the list through checker.next).
type regionInfo struct {
	code region.Code
	name string
	last int32
}

func (c *checker) name(i int) string { return c.regions[c.rid[i]].name }

func levelErr(i int, field string, err error) error {
	return &benefit.RecordError{Field: fmt.Sprintf("levels[%d].%s", i, field), Err: err}
}

func newChecker(levels []Level, opts Options) (*checker, error) {
	c := &checker{opts: opts, set: opts.Floors, tab: opts.Regions, levels: levels,
		progIdx: map[string]int32{}, pid: make([]int32, len(levels)), did: make([]int32, len(levels)),
		regIdx: map[region.Code]int32{}, rid: make([]int32, len(levels)), next: make([]int32, len(levels)),
		anc: make([]int32, len(levels)), used: map[int]bool{}}
	if c.set == nil {
		c.set = Default()
	}
	if c.tab == nil {
		c.tab = region.Default()
	}
	cat := opts.Catalogue
	if cat == nil {
		cat = benefit.DefaultCatalogue()
	}
	for _, m := range []struct {
		field string
		m     benefit.Month
	}{{"from", opts.From}, {"to", opts.To}, {"as_of", opts.AsOf}, {"paid_in", opts.PaidIn}} {
		if !validMonth(m.m) {
			return nil, &benefit.RecordError{Field: m.field, Err: monthRangeErr(m.m)}
		}
	}
	if !opts.To.IsZero() && !opts.From.IsZero() && opts.To <= opts.From {
		return nil, &benefit.RecordError{Field: "to", Err: fmt.Errorf("%w: window end %s is not after its start %s", benefit.ErrOrder, opts.To, opts.From)}
	}
	var first, last benefit.Month
	for i := range levels {
		l := &levels[i]
		if !l.Region.IsValid() {
			return nil, levelErr(i, "region", fmt.Errorf("%w: missing region code", region.ErrInvalidCode))
		}
		r, ok := c.regIdx[l.Region]
		if !ok {
			if _, err := c.tab.Resolve(l.Region); err != nil {
				return nil, levelErr(i, "region", err)
			}
			r = int32(len(c.regions))
			c.regIdx[l.Region] = r
			c.regions = append(c.regions, regionInfo{code: l.Region, name: c.tab.Name(l.Region), last: -1})
		}
		c.rid[i] = r
		pi, ok := c.progIdx[l.Program]
		if !ok {
			p, err := cat.Program(l.Program)
			if err != nil {
				return nil, levelErr(i, "program", err)
			}
			pi = int32(len(c.progs))
			c.progIdx[l.Program] = pi
			c.progs = append(c.progs, progInfo{p: p})
		}
		c.pid[i] = pi
		prog := &c.progs[pi]
		c.did[i] = int32(slices.Index(prog.dims, l.Dims))
		if c.did[i] < 0 {
			if err := prog.p.CheckDims(l.Dims); err != nil {
				return nil, levelErr(i, "dimensions", err)
			}
			if len(prog.dims) < maxCheckedDims {
				c.did[i] = int32(len(prog.dims))
				prog.dims = append(prog.dims, l.Dims)
				prog.floors = append(prog.floors, c.set.matching(l.Program, l.Dims, nil))
			}
		}
		if l.Per != benefit.PerMonth && l.Per != benefit.PerYear {
			return nil, levelErr(i, "per", fmt.Errorf("%w: unknown frequency %d", benefit.ErrSyntax, l.Per))
		}
		if err := checkPersons(l.Beneficiaries); err != nil {
			return nil, levelErr(i, "beneficiaries", err)
		}
		for j, h := range l.Headcounts {
			if err := checkPersons(h.Persons); err != nil {
				return nil, levelErr(i, fmt.Sprintf("headcounts[%d].persons", j), err)
			}
			switch {
			case h.From.IsZero() || (j > 0 && h.From <= l.Headcounts[j-1].From):
				return nil, levelErr(i, fmt.Sprintf("headcounts[%d].from", j), fmt.Errorf("%w: head counts must have increasing months", benefit.ErrOrder))
			case !validMonth(h.From):
				return nil, levelErr(i, fmt.Sprintf("headcounts[%d].from", j), monthRangeErr(h.From))
			}
		}
		// versions are sorted: the first, the last and the end bound them all
		if v, ok := l.Schedule.Last(); ok {
			for _, m := range []benefit.Month{l.Schedule.First(), v.From, l.Schedule.End()} {
				if !validMonth(m) {
					return nil, levelErr(i, "versions", monthRangeErr(m))
				}
			}
		}
		for j, v := range l.Schedule.All() {
			if err := statusErr(v); err != nil {
				return nil, levelErr(i, fmt.Sprintf("versions[%d].status", j), err)
			}
		}
		// the same region, programme and dimensions twice: look through
		// the levels of the region seen so far
		for j := c.regions[r].last; j >= 0; j = c.next[j] {
			if o := &levels[j]; o.Program == l.Program && o.Dims == l.Dims {
				return nil, levelErr(i, "region", fmt.Errorf("%w: levels[%d] already gives %s %s %q", benefit.ErrOrder, j, l.Region, l.Program, l.Dims))
			}
		}
		c.next[i], c.regions[r].last = c.regions[r].last, int32(i)
		if l.Region.Level() != region.County {
			c.progs[pi].upper = true
		}
		if f := l.Schedule.First(); !f.IsZero() && (first.IsZero() || f < first) {
			first = f
		}
		if v, ok := l.Schedule.Last(); ok && v.From > last {
			last = v.From
		}
	}
	if err := validateWaivers(opts.Waivers, c.tab, cat, c.set); err != nil {
		return nil, err
	}
	c.from, c.to = opts.From, opts.To
	if c.from.IsZero() {
		c.from = first
	}
	c.asOf = opts.AsOf
	if c.asOf.IsZero() {
		if !c.to.IsZero() {
			c.asOf = c.to.AddMonths(-1)
		} else {
			c.asOf = last
		}
	}
	return c, nil
}

// checkPersons checks a head count: 0 to MaxPersons.
func checkPersons(n int64) error {
	switch {
	case n < 0:
		return fmt.Errorf("%w: %d persons", benefit.ErrNegative, n)
	case n > MaxPersons:
		return fmt.Errorf("%w: %d persons (at most %d)", benefit.ErrRange, n, MaxPersons)
	}
	return nil
}

// validMonth reports whether m is unset or a month of the years
// benefit.MinYear to benefit.MaxYear (a Month built from Go values can
// hold anything an int32 can).
func validMonth(m benefit.Month) bool {
	return m.IsZero() || (m >= benefit.NewMonth(benefit.MinYear, 1) && m <= benefit.NewMonth(benefit.MaxYear, 12))
}

func monthRangeErr(m benefit.Month) error {
	return fmt.Errorf("%w: month %d is outside %d-01 .. %d-12", benefit.ErrRange, int32(m), benefit.MinYear, benefit.MaxYear)
}

// validateWaivers checks what a waiver needs: a known region, a
// programme of the catalogue with dimensions it has, a non-empty interval
// with a start, a reason, and, when Rule is given, the id of a rule that
// can make a violation (floor, hierarchy, pass_through or a relative
// rule of set). A waiver that could never match a finding would
// silently do nothing, so it is an error. With a nil set the rule id is
// not checked (ReadJSON does not know which floors the levels will be
// checked against).
func validateWaivers(ws []Waiver, tab *region.Table, cat *benefit.Catalogue, set *Set) error {
	for i, w := range ws {
		fe := func(field string, err error) error {
			return &benefit.RecordError{Field: fmt.Sprintf("waivers[%d].%s", i, field), Err: err}
		}
		switch {
		case !w.Region.IsValid():
			return fe("region", fmt.Errorf("%w: missing region code", region.ErrInvalidCode))
		case w.Interval.From.IsZero():
			return fe("interval.from", fmt.Errorf("%w: missing", benefit.ErrSyntax))
		case !w.Interval.To.IsZero() && w.Interval.To <= w.Interval.From:
			return fe("interval.to", fmt.Errorf("%w: the interval is empty", benefit.ErrOrder))
		case strings.TrimSpace(w.Reason) == "":
			return fe("reason", fmt.Errorf("%w: a waiver needs a reason", benefit.ErrSyntax))
		}
		if _, err := tab.Resolve(w.Region); err != nil {
			return fe("region", err)
		}
		p, err := cat.Program(w.Program)
		if err != nil {
			return fe("program", err)
		}
		if err := p.CheckDims(w.Dims); err != nil {
			return fe("dimensions", err)
		}
		if w.Rule != "" && set != nil && !set.waivable(w.Program, w.Rule) {
			return fe("rule", fmt.Errorf("%w: %q is not a rule that can find a violation of %s (want %s, %s, %s or a relative rule id)",
				benefit.ErrSyntax, w.Rule, w.Program, RuleFloor, RuleHierarchy, RulePassThrough))
		}
	}
	return nil
}

// ancestor returns the level the level i inherits from: the nearest
// ancestor region's level of the same programme whose dimensions equal
// i's, or else the most specific one i's dimensions match; -1 if none.
func (c *checker) ancestor(i int) int {
	if c.anc[i] != 0 {
		return int(c.anc[i]) - 2
	}
	l := &c.levels[i]
	best := -1
	if !c.progs[c.pid[i]].upper {
		c.anc[i] = 1
		return -1
	}
	for a, ok := l.Region.Parent(); ok && best < 0; a, ok = a.Parent() {
		r, has := c.regIdx[a]
		if !has {
			continue
		}
		// the region's list runs from its last level back: on a tie the
		// earliest level wins
		bestKeys := -1
		for j := c.regions[r].last; j >= 0; j = c.next[j] {
			o := &c.levels[j]
			if o.Program != l.Program {
				continue
			}
			if o.Dims == l.Dims { // the same dimensions win
				best = int(j)
				break
			}
			if n := countKeys(o.Dims); l.Dims.Matches(o.Dims) && n >= bestKeys {
				best, bestKeys = int(j), n
			}
		}
	}
	c.anc[i] = int32(best + 2)
	return best
}

// actualAt returns the level in force for level i in month m: its own, or
// inherited from the nearest ancestor; with the frequency and the index
// of the level that provided it.
func (c *checker) actualAt(i int, m benefit.Month) (benefit.Amount, benefit.Frequency, int, bool) {
	for depth := 0; i >= 0 && depth < 4; depth++ {
		l := &c.levels[i]
		if v, ok := l.Schedule.At(m); ok {
			return v.Amount, l.Per, i, true
		}
		i = c.ancestor(i)
	}
	return benefit.Amount{}, 0, -1, false
}

// addChain adds the change months of level i and of the levels it
// inherits from.
func (c *checker) addChain(i int) {
	for depth := 0; i >= 0 && depth < 4; depth++ {
		c.addSchedule(c.levels[i].Schedule)
		i = c.ancestor(i)
	}
}

func (c *checker) addSchedule(s benefit.Schedule) {
	for _, v := range s.All() {
		c.cuts = append(c.cuts, v.From)
	}
	if e := s.End(); !e.IsZero() {
		c.cuts = append(c.cuts, e)
	}
}

// intervals splits [lo, hi) ∩ the window at the collected cuts and
// resets them.
func (c *checker) intervals(lo, hi benefit.Month) []benefit.Interval {
	if lo < c.from {
		lo = c.from
	}
	if hi.IsZero() || (!c.to.IsZero() && hi > c.to) {
		hi = c.to
	}
	c.ivs = c.ivs[:0]
	if lo.IsZero() || (!hi.IsZero() && hi <= lo) {
		c.cuts = c.cuts[:0]
		return c.ivs
	}
	slices.Sort(c.cuts)
	start := lo
	for _, m := range slices.Compact(c.cuts) {
		if m <= start || (!hi.IsZero() && m >= hi) {
			continue
		}
		c.ivs = append(c.ivs, benefit.Interval{From: start, To: m})
		start = m
	}
	c.ivs = append(c.ivs, benefit.Interval{From: start, To: hi})
	c.cuts = c.cuts[:0]
	return c.ivs
}

// add appends a finding, merging it into the previous one when that is
// the same rule on the same level with the same figures and ends where
// this one starts.
func (c *checker) add(it item) {
	if n := len(c.items); n > 0 {
		p := &c.items[n-1]
		if p.lvl == it.lvl && p.f.Rule == it.f.Rule && p.f.Severity == it.f.Severity && p.f.Interval.To == it.f.Interval.From &&
			p.f.Required.Equal(it.f.Required) && p.f.Actual.Equal(it.f.Actual) && p.f.Per == it.f.Per &&
			p.f.Citation == it.f.Citation && p.f.InheritedFrom == it.f.InheritedFrom && p.f.Dims == it.f.Dims {
			p.f.Interval.To = it.f.Interval.To
			return
		}
	}
	c.items = append(c.items, it)
}

func (c *checker) finding(i int, rule string, sev Severity, iv benefit.Interval) Finding {
	l := &c.levels[i]
	return Finding{Rule: rule, Severity: sev, Region: l.Region, RegionName: c.name(i), Program: l.Program,
		Dims: l.Dims, Interval: iv, Source: sourceAt(l, iv.From), Persons: l.personsAt(iv.From)}
}

// compareUnit brings a (per fa) and b (per fb) to one frequency: the
// year when either is yearly (multiplying the monthly side by 12).
func compareUnit(a benefit.Amount, fa benefit.Frequency, b benefit.Amount, fb benefit.Frequency) (benefit.Amount, benefit.Amount, benefit.Frequency) {
	if fa == fb {
		return a, b, fa
	}
	return fa.Annual(a), fb.Annual(b), benefit.PerYear
}

func (c *checker) run() *Report {
	c.relMemo = make([]int8, len(c.set.relative)*len(c.progs)*maxCheckedDims)
	c.relFl = make([][]int, len(c.set.relative))
	for ri := range c.set.relative {
		r := &c.set.relative[ri]
		for _, fi := range c.set.byProg[r.Against] {
			if c.set.floors[fi].Dims.Matches(r.AgainstDims) { // the floor's dimensions match the rule's pattern
				c.relFl[ri] = append(c.relFl[ri], fi)
			}
		}
	}
	for i := range c.levels {
		c.checkFloor(i)
		c.checkRelative(i)
		c.checkHierarchy(i)
		if c.opts.PassThrough {
			c.checkPassThrough(i)
		}
		c.checkNoCut(i)
		c.checkStale(i)
		c.checkHasLevel(i)
	}
	c.checkNationalStale()
	c.applyWaivers()
	return c.report()
}

// Rule 1: the level is not below the highest applicable fixed floor.
func (c *checker) checkFloor(i int) {
	l := &c.levels[i]
	prog := &c.progs[c.pid[i]]
	var cand []int
	if k := slices.Index(prog.dims, l.Dims); k >= 0 {
		cand = prog.floors[k]
	} else {
		cand = c.set.matching(l.Program, l.Dims, c.fl)
	}
	c.fl = c.fl[:0]
	for _, fi := range cand { // cand may share c.fl's array: fi is read before it is overwritten
		if f := &c.set.floors[fi]; f.National() || inGroup(f.Group, l.Region) {
			c.fl = append(c.fl, fi)
		}
	}
	if len(c.fl) == 0 {
		return
	}
	c.useFloors(c.fl)
	c.eachActual(i, c.from, c.to, func(iv benefit.Interval, act benefit.Amount, per benefit.Frequency, prov int) {
		var (
			req   benefit.Amount
			best  *Floor
			bestV benefit.Version
		)
		for _, fi := range c.fl {
			f := &c.set.floors[fi]
			if v, ok := f.Schedule.At(iv.From); ok && (best == nil || v.Amount.Cmp(req) > 0) {
				req, best, bestV = v.Amount, f, v
			}
		}
		if best == nil {
			return
		}
		a, r, unit := compareUnit(act, per, req, best.Per)
		if a.Cmp(r) >= 0 {
			return
		}
		f := c.finding(i, RuleFloor, c.floorSeverity(bestV.Status), iv)
		f.Per, f.Required, f.Actual, f.Shortfall = unit, r, a, r.Sub(a)
		f.Citation, f.FloorStatus = versionCitation(bestV, best), bestV.Status
		what := "national floor"
		if !best.National() {
			what = "regional-agreement floor of " + best.Group.Name
		}
		// concatenated rather than fmt.Sprintf: no boxing of amounts per finding
		f.Message = "level " + a.String() + " is below the " + what + " " + r.String() + " (" + bestV.Status.String() + ")"
		c.inherit(&f, i, prov)
		c.add(item{f: f, lvl: i, owed: true, floorPart: best.National()})
	})
}

// inGroup reports whether code is a member of g or lies under one, like
// g.Contains, without allocating the ancestors.
func inGroup(g region.Group, code region.Code) bool {
	for a, ok := code, true; ok; a, ok = a.Parent() {
		if slices.Contains(g.Members, a) {
			return true
		}
	}
	return false
}

// useFloors adds the change months of floors fl and marks them used (for
// the staleness of national floors).
func (c *checker) useFloors(fl []int) {
	for _, fi := range fl {
		c.used[fi] = true
		c.addSchedule(c.set.floors[fi].Schedule)
	}
}

// eachActual splits [lo, hi) ∩ the window at the change months collected
// so far and those of level i and the levels it inherits from, and calls
// fn with each interval in which i has a level (its own or inherited):
// the amount, its frequency and the index of the level that gave it.
func (c *checker) eachActual(i int, lo, hi benefit.Month, fn func(iv benefit.Interval, act benefit.Amount, per benefit.Frequency, prov int)) {
	c.addChain(i)
	for _, iv := range c.intervals(lo, hi) {
		if act, per, prov, ok := c.actualAt(i, iv.From); ok {
			fn(iv, act, per, prov)
		}
	}
}

// floorSeverity is the severity of a shortfall against a floor version of
// status st: a violation, unless the version is provisional (Options.
// ProvisionalSeverity, by default a warning).
func (c *checker) floorSeverity(st benefit.Status) Severity {
	if st == benefit.Provisional {
		return cmp.Or(c.opts.ProvisionalSeverity, Warning)
	}
	return Violation
}

// inherit records the level that provided the actual value: its source
// (the version's citation, or the level's), and the ancestor when the
// value was inherited.
func (c *checker) inherit(f *Finding, i, prov int) {
	if prov < 0 {
		return
	}
	f.Source = sourceAt(&c.levels[prov], f.Interval.From)
	if prov != i {
		f.InheritedFrom = c.levels[prov].Region
		f.Message += "; level inherited from " + c.levels[prov].Region.String() + " " + c.name(prov)
	}
}

func sourceAt(l *Level, m benefit.Month) benefit.Citation {
	if v, ok := l.Schedule.At(m); ok && !v.Citation.IsZero() {
		return v.Citation
	}
	return l.Source
}

// reference finds the figures a relative rule compares with: levels of
// the other programme in the region or its nearest ancestor that has
// any, or else national floors of it.
// The slices are reused by the next call.
func (c *checker) reference(code region.Code, ri int) (levels []int, floors []int) {
	r := &c.set.relative[ri]
	levels, floors = c.refs[:0], c.refFl[:0]
	defer func() { c.refs, c.refFl = levels, floors }()
	for a, ok := code, true; ok; a, ok = a.Parent() {
		reg, has := c.regIdx[a]
		if !has {
			continue
		}
		for j := c.regions[reg].last; j >= 0; j = c.next[j] {
			if c.levels[j].Program == r.Against && c.againstMatch(ri, int(j)) {
				levels = append(levels, int(j))
			}
		}
		if len(levels) > 0 {
			slices.Reverse(levels) // in the order of the levels
			return levels, floors
		}
	}
	for _, fi := range c.relFl[ri] {
		if f := &c.set.floors[fi]; f.National() || inGroup(f.Group, code) {
			floors = append(floors, fi)
		}
	}
	return levels, floors
}

// againstMatch reports whether level j's dimensions match relative rule
// ri's AgainstDims, remembering the answer for its programme and
// dimensions.
func (c *checker) againstMatch(ri, j int) bool {
	d := c.did[j]
	if d < 0 {
		return c.levels[j].Dims.Matches(c.set.relative[ri].AgainstDims)
	}
	k := (ri*len(c.progs)+int(c.pid[j]))*maxCheckedDims + int(d)
	if c.relMemo[k] == 0 {
		c.relMemo[k] = 2
		if c.levels[j].Dims.Matches(c.set.relative[ri].AgainstDims) {
			c.relMemo[k] = 1
		}
	}
	return c.relMemo[k] == 1
}

// Rule 2: relative floors and ceilings.
func (c *checker) checkRelative(i int) {
	l := &c.levels[i]
	for ri := range c.set.relative {
		r := &c.set.relative[ri]
		if r.Program != l.Program || !l.Dims.Matches(r.Dims) {
			continue
		}
		refs, floors := c.reference(l.Region, ri)
		if len(refs) == 0 && len(floors) == 0 {
			continue
		}
		for _, j := range refs {
			c.addChain(j)
		}
		c.useFloors(floors)
		c.eachActual(i, max(c.from, r.From), c.to, func(iv benefit.Interval, act benefit.Amount, per benefit.Frequency, prov int) {
			var (
				ref    benefit.Amount
				refPer benefit.Frequency
				refSrc benefit.Citation
				found  bool
			)
			pick := func(a benefit.Amount, f benefit.Frequency, src benefit.Citation) {
				if found {
					x, y, _ := compareUnit(a, f, ref, refPer)
					if (r.Bound == Lower && x.Cmp(y) <= 0) || (r.Bound == Upper && x.Cmp(y) >= 0) {
						return
					}
				}
				ref, refPer, refSrc, found = a, f, src, true
			}
			for _, j := range refs {
				if a, f, p, ok := c.actualAt(j, iv.From); ok {
					pick(a, f, sourceAt(&c.levels[p], iv.From))
				}
			}
			for _, fi := range floors {
				fl := &c.set.floors[fi]
				if v, ok := fl.Schedule.At(iv.From); ok {
					pick(v.Amount, fl.Per, versionCitation(v, fl))
				}
			}
			if !found {
				return
			}
			a, b, unit := compareUnit(act, per, ref.MulRate(r.Multiplier), refPer)
			d := a.Cmp(b)
			breach := (r.Bound == Lower && (d < 0 || (r.Strict && d == 0))) || (r.Bound == Upper && (d > 0 || (r.Strict && d == 0)))
			if !breach {
				return
			}
			f := c.finding(i, r.ID, r.Severity, iv)
			f.Per, f.Required, f.Actual, f.Citation = unit, b, a, r.Citation
			rel := r.relation()
			bound := r.Against
			if !r.Multiplier.Equal(benefit.One) {
				bound = r.Multiplier.String() + " of " + r.Against
			}
			f.Message = "level " + a.String() + " must be " + rel + " " + bound + " = " + b.String() + " (" + refSrc.String() + ")"
			if r.Bound == Lower {
				f.Shortfall = b.Sub(a)
			} else {
				f.Excess = a.Sub(b)
			}
			c.inherit(&f, i, prov)
			c.add(item{f: f, lvl: i, owed: r.Bound == Lower && r.Severity == Violation})
		})
	}
}

// Rule 3: a level is not below its nearest ancestor's.
func (c *checker) checkHierarchy(i int) {
	l := &c.levels[i]
	if l.Schedule.Len() == 0 {
		return
	}
	a := c.ancestor(i)
	if a < 0 || c.progs[c.pid[i]].p.Category == benefit.Reference {
		return
	}
	c.addChain(i)
	for _, iv := range c.intervals(c.from, c.to) {
		v, ok := l.Schedule.At(iv.From)
		if !ok {
			continue
		}
		up, upPer, prov, ok := c.actualAt(a, iv.From)
		if !ok {
			continue
		}
		x, y, unit := compareUnit(v.Amount, l.Per, up, upPer)
		if x.Cmp(y) >= 0 {
			continue
		}
		f := c.finding(i, RuleHierarchy, Violation, iv)
		f.Per, f.Required, f.Actual, f.Shortfall, f.Citation = unit, y, x, y.Sub(x), hierarchyCitation
		f.Source = sourceAt(l, iv.From)
		f.Message = fmt.Sprintf("level %s is below %s %s's level %s (%s)", x, c.levels[prov].Region, c.name(prov), y, sourceAt(&c.levels[prov], iv.From))
		c.add(item{f: f, lvl: i, owed: true})
	}
}

// Rule 4: a national raise Δ is passed on in full by a level above the
// floor.
func (c *checker) checkPassThrough(i int) {
	l := &c.levels[i]
	ns, ok := c.set.National(l.Program, l.Dims)
	if !ok || ns.Len() < 2 {
		return
	}
	floorPer := c.progs[c.pid[i]].p.Frequency
	for k := 1; k < ns.Len(); k++ {
		prev, cur := ns.Version(k-1), ns.Version(k)
		delta := cur.Amount.Sub(prev.Amount)
		if delta.Sign() <= 0 {
			continue
		}
		end := ns.End()
		if k+1 < ns.Len() {
			end = ns.Version(k + 1).From
		}
		base, per, _, ok := c.actualAt(i, cur.From.AddMonths(-1))
		if !ok || per != floorPer || base.Cmp(prev.Amount) <= 0 {
			continue
		}
		req := base.Add(delta)
		c.eachActual(i, cur.From, end, func(iv benefit.Interval, act benefit.Amount, aper benefit.Frequency, prov int) {
			if aper != per || act.Cmp(req) >= 0 {
				return
			}
			f := c.finding(i, RulePassThrough, c.floorSeverity(cur.Status), iv)
			f.Per, f.Required, f.Actual, f.Shortfall, f.Citation = per, req, act, req.Sub(act), passThroughCitation
			f.Message = fmt.Sprintf("national floor rose by %s in %s; level was %s, so at least %s is due", delta, cur.From, base, req)
			c.inherit(&f, i, prov)
			c.add(item{f: f, lvl: i, owed: true, floorPart: true})
		})
	}
}

// Rule 5: a level does not fall below its previous version.
func (c *checker) checkNoCut(i int) {
	l := &c.levels[i]
	for k := 1; k < l.Schedule.Len(); k++ {
		prev, cur := l.Schedule.Version(k-1), l.Schedule.Version(k)
		if cur.Amount.Cmp(prev.Amount) >= 0 {
			continue
		}
		end := l.Schedule.End()
		if k+1 < l.Schedule.Len() {
			end = l.Schedule.Version(k + 1).From
		}
		for _, iv := range c.intervals(cur.From, end) {
			f := c.finding(i, RuleNoCut, Warning, iv)
			f.Per, f.Required, f.Actual, f.Shortfall, f.Citation = l.Per, prev.Amount, cur.Amount, prev.Amount.Sub(cur.Amount), noCutCitation
			f.Message = fmt.Sprintf("level cut from %s to %s in %s", prev.Amount, cur.Amount, cur.From)
			c.add(item{f: f, lvl: i})
		}
	}
}

// Rule 6 (local): a figure with a cadence is not left unchanged longer.
func (c *checker) checkStale(i int) {
	l := &c.levels[i]
	for ci := range c.set.cadences {
		cd := &c.set.cadences[ci]
		if cd.Scope != Local || cd.Program != l.Program {
			continue
		}
		for k := 0; k < l.Schedule.Len(); k++ {
			v := l.Schedule.Version(k)
			due := v.From.AddMonths(cd.Months)
			end := l.Schedule.End()
			if k+1 < l.Schedule.Len() {
				end = l.Schedule.Version(k + 1).From
			}
			if (!end.IsZero() && due >= end) || due > c.asOf {
				continue
			}
			for _, iv := range c.intervals(due, end) {
				f := c.finding(i, RuleStale, Warning, iv)
				f.Per, f.Actual, f.Citation = l.Per, v.Amount, cd.Citation
				f.Message = fmt.Sprintf("unchanged since %s; expected an update at least every %d months (due %s)", v.From, cd.Months, due)
				c.add(item{f: f, lvl: i})
			}
		}
	}
}

// A level with no versions inherits its nearest ancestor's; when there is
// none, nothing can be checked, and the report must not read as if the
// level kept every rule.
func (c *checker) checkHasLevel(i int) {
	if c.levels[i].Schedule.Len() > 0 || c.ancestor(i) >= 0 {
		return
	}
	f := c.finding(i, RuleNoLevel, Warning, benefit.Interval{From: c.from, To: c.to})
	f.Per, f.Citation = c.levels[i].Per, noLevelCitation
	f.Message = "no amount given and no ancestor region has a level of the programme to inherit: not checked"
	c.add(item{f: f, lvl: i})
}

// Rule 6 (national): a floor used in this check whose newest version is
// older than its cadence.
func (c *checker) checkNationalStale() {
	used := make([]int, 0, len(c.used))
	for fi := range c.used {
		used = append(used, fi)
	}
	slices.Sort(used)
	for _, fi := range used {
		fl := &c.set.floors[fi]
		for ci := range c.set.cadences {
			cd := &c.set.cadences[ci]
			if cd.Scope != National || cd.Program != fl.Program {
				continue
			}
			v, _ := fl.Schedule.Last()
			due := v.From.AddMonths(cd.Months)
			if c.asOf < due {
				continue
			}
			for _, iv := range c.intervals(due, fl.Schedule.End()) {
				f := Finding{Rule: RuleStale, Severity: Warning, RegionName: "全国 national", Program: fl.Program, Dims: fl.Dims,
					Interval: iv, Per: fl.Per, Actual: v.Amount, Citation: cd.Citation, Source: versionCitation(v, fl), FloorStatus: v.Status}
				f.Message = fmt.Sprintf("the floor data is stale: newest version %s (%s), an update was due by %s; the check uses the last known value", v.From, v.Amount, due)
				c.add(item{f: f, lvl: -1})
			}
		}
	}
}

func (c *checker) applyWaivers() {
	for wi := range c.opts.Waivers {
		w := c.opts.Waivers[wi]
		if w.expired(c.asOf) {
			f := Finding{Rule: RuleWaiverExpired, Severity: Warning, Region: w.Region, RegionName: c.tab.Name(w.Region), Program: w.Program,
				Dims: w.Dims, Interval: w.Interval, Citation: w.Citation, Waiver: &w}
			f.Message = fmt.Sprintf("waiver expired in %s (as of %s); the violations it covered stand: %s", w.Expiry, c.asOf, w.Reason)
			c.items = append(c.items, item{f: f, lvl: -1})
			continue
		}
		var out []item
		for _, it := range c.items {
			if !w.covers(&it.f) {
				out = append(out, it)
				continue
			}
			lo := max(it.f.Interval.From, w.Interval.From)
			hi := minEnd(it.f.Interval.To, w.Interval.To)
			if !hi.IsZero() && hi <= lo {
				out = append(out, it)
				continue
			}
			if lo > it.f.Interval.From {
				b := it
				b.f.Interval.To = lo
				out = append(out, b)
			}
			m := it
			m.f.Interval = benefit.Interval{From: lo, To: hi}
			m.f.Severity, m.f.Waiver = Waived, &w
			m.f.Message += "; waived: " + w.Reason
			out = append(out, m)
			if !hi.IsZero() && (it.f.Interval.To.IsZero() || hi < it.f.Interval.To) {
				a := it
				a.f.Interval.From = hi
				out = append(out, a)
			}
		}
		c.items = out
	}
}

// minEnd returns the earlier of two interval ends, a zero end being
// open.
func minEnd(a, b benefit.Month) benefit.Month {
	switch {
	case a.IsZero():
		return b
	case b.IsZero():
		return a
	}
	return min(a, b)
}

func (c *checker) arrears(it *item) {
	f := &it.f
	if it.lvl < 0 || !it.owed || !f.owes() {
		return
	}
	l := &c.levels[it.lvl]
	f.PersonMonths = l.personMonths(f.Interval)
	f.Arrears = c.money(mulPersons(f.Shortfall, f.PersonMonths), f.Per)
	floorPart := benefit.Amount{}
	if it.floorPart {
		floorPart = f.Arrears
	}
	if s, err := c.tab.Split(f.Program, f.Region, f.Arrears, floorPart); err == nil {
		f.Central, f.Local, f.SplitKnown = s.Central, s.Local, true
	}
	if rate := c.opts.InterestPerMonth; !rate.IsZero() {
		paid := cmp.Or(c.opts.PaidIn, c.to, c.asOf.AddMonths(1))
		var delay int64 // Σ persons × months of delay
		for m := f.Interval.From; m < f.Interval.To && m < paid; m++ {
			delay += l.personsAt(m) * int64(paid.Sub(m))
		}
		f.Interest = interest(f.Shortfall, delay, rate, f.Per)
	}
}

// interest returns simple interest on a shortfall owed for delay
// person-months at rate per month: shortfall × delay × rate, ÷ 12 for a
// shortfall per person-year, rounded once, half-up to the fen
// (benefit.FenHalfUp). The ÷ 12 is not rounded on its own, as the
// arrears' is: rounding it first and the product again would round
// twice (0.04 a year × 149 person-months is 0.4966… a month, 0.50 once
// rounded, and 1 % of 0.50 rounds up to 0.01, where 1 % of 0.4966… is
// 0.00).
func interest(shortfall benefit.Amount, delay int64, rate benefit.Rate, per benefit.Frequency) benefit.Amount {
	a := mulPersons(shortfall, delay).MulRate(rate)
	if per == benefit.PerYear {
		q, _ := a.QuoInt(12, benefit.FenHalfUp) // 12 is not zero
		return q
	}
	return a.Round(benefit.FenHalfUp)
}

// money turns shortfall × person-months into an amount: as it is for a
// monthly figure, ÷ 12 rounded half-up to the fen for a yearly one.
func (c *checker) money(a benefit.Amount, per benefit.Frequency) benefit.Amount {
	if per == benefit.PerYear {
		q, _ := a.QuoInt(12, benefit.FenHalfUp)
		return q
	}
	return a
}

func (c *checker) report() *Report {
	for k := range c.items {
		c.arrears(&c.items[k])
	}
	order := make([]int32, len(c.items))
	for k := range order {
		order[k] = int32(k)
	}
	slices.SortStableFunc(order, func(x, y int32) int {
		a, b := &c.items[x].f, &c.items[y].f
		return cmp.Or(a.Region.Compare(b.Region), cmp.Compare(a.Program, b.Program), cmp.Compare(a.Dims.String(), b.Dims.String()),
			a.Interval.From.Compare(b.Interval.From), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Severity, b.Severity))
	})
	r := &Report{From: c.from, To: c.to, AsOf: c.asOf, FloorsVersion: c.set.version, Findings: make([]Finding, len(c.items))}
	s := &r.Summary
	s.Levels = len(c.levels)
	for k, x := range order {
		r.Findings[k] = c.items[x].f
		f := &r.Findings[k]
		switch f.Severity {
		case Violation:
			s.Violations++
		case Warning:
			s.Warnings++
		case Advisory:
			s.Advisories++
		case Waived:
			s.Waived++
		}
		if f.Severity == Violation && !f.Interest.IsZero() {
			s.Interest = s.Interest.Add(f.Interest)
		}
	}
	c.totals(s)
	r.Checked = c.checked()
	return r
}

// owedOnce sums the arrears of the findings of severity sev, owing once
// per level and month: where several such findings of one level overlap
// (UI below 低保 breaks both Art 18 and Art 47), the largest shortfall
// counts. add receives each owed piece with its floor part and, when a
// single finding owes it, that finding (whose split is already made).
func (c *checker) owedOnce(sev Severity, add func(program string, code region.Code, total, floorPart benefit.Amount, single *Finding)) {
	// the owing findings by level (items of a level are mostly together,
	// so the sort has little to do)
	var owing []int32
	for k := range c.items {
		if it := &c.items[k]; it.f.Severity == sev && it.f.Arrears.Sign() > 0 {
			owing = append(owing, int32(k))
		}
	}
	slices.SortStableFunc(owing, func(a, b int32) int { return cmp.Compare(c.items[a].lvl, c.items[b].lvl) })
	var ks []int
	var cuts []benefit.Month
	for len(owing) > 0 {
		lvl, n := c.items[owing[0]].lvl, 1
		for n < len(owing) && c.items[owing[n]].lvl == lvl {
			n++
		}
		ks = ks[:0]
		for _, k := range owing[:n] {
			ks = append(ks, int(k))
		}
		owing = owing[n:]
		if len(ks) == 1 {
			it := &c.items[ks[0]]
			fp := benefit.Amount{}
			if it.floorPart {
				fp = it.f.Arrears
			}
			add(it.f.Program, it.f.Region, it.f.Arrears, fp, &it.f)
			continue
		}
		// split at every end of every finding and take the largest shortfall per piece
		cuts = cuts[:0]
		for _, k := range ks {
			cuts = append(cuts, c.items[k].f.Interval.From, c.items[k].f.Interval.To)
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		l := &c.levels[lvl]
		larger := func(a, b *Finding) bool {
			return b == nil || a.Per.Annual(a.Shortfall).Cmp(b.Per.Annual(b.Shortfall)) > 0
		}
		for p := 0; p+1 < len(cuts); p++ {
			piece := benefit.Interval{From: cuts[p], To: cuts[p+1]}
			var best, bestFloor *Finding
			n := 0 // findings over the piece
			for _, k := range ks {
				f := &c.items[k].f
				if !f.Interval.Contains(piece.From) {
					continue
				}
				n++
				if larger(f, best) {
					best = f
				}
				if c.items[k].floorPart && larger(f, bestFloor) {
					bestFloor = f
				}
			}
			if best == nil {
				continue
			}
			if n == 1 && best.Interval == piece { // a finding overlapping no other owes its own arrears
				fp := benefit.Amount{}
				if bestFloor != nil {
					fp = best.Arrears
				}
				add(best.Program, best.Region, best.Arrears, fp, best)
				continue
			}
			pm := l.personMonths(piece)
			total := c.money(mulPersons(best.Shortfall, pm), best.Per)
			fp := benefit.Amount{}
			if bestFloor != nil {
				fp = benefit.MinAmount(c.money(mulPersons(bestFloor.Shortfall, pm), bestFloor.Per), total)
			}
			add(best.Program, best.Region, total, fp, nil)
		}
	}
}

// checked returns the region × programme pairs of the levels, sorted by
// region and programme: regions in code order, and for each the
// programmes of its list of levels.
func (c *checker) checked() []Checked {
	order := make([]int32, len(c.regions))
	for k := range order {
		order[k] = int32(k)
	}
	slices.SortFunc(order, func(a, b int32) int { return c.regions[a].code.Compare(c.regions[b].code) })
	out := make([]Checked, 0, len(c.regions))
	var progs []string
	for _, r := range order {
		reg := &c.regions[r]
		progs = progs[:0]
		for j := reg.last; j >= 0; j = c.next[j] {
			progs = append(progs, c.levels[j].Program)
		}
		slices.Sort(progs)
		for _, p := range slices.Compact(progs) {
			out = append(out, Checked{Region: reg.code, RegionName: reg.name, Program: p})
		}
	}
	return out
}

// totals fills the summary's arrears: owed for violations, with the
// central/local split, and waived, each owed once per level and month.
func (c *checker) totals(s *Summary) {
	var total, central, local, unsplit, waived fenSum
	c.owedOnce(Violation, func(program string, code region.Code, owed, floorPart benefit.Amount, single *Finding) {
		total.add(owed)
		var sp region.Split
		switch {
		case single != nil && single.SplitKnown:
			sp.Central, sp.Local = single.Central, single.Local
		case single != nil:
			unsplit.add(owed)
			return
		default:
			var err error
			if sp, err = c.tab.Split(program, code, owed, floorPart); err != nil {
				unsplit.add(owed)
				return
			}
		}
		central.add(sp.Central)
		local.add(sp.Local)
	})
	c.owedOnce(Waived, func(_ string, _ region.Code, owed, _ benefit.Amount, _ *Finding) {
		waived.add(owed)
	})
	s.ArrearsTotal, s.ArrearsCentral, s.ArrearsLocal = total.total(), central.total(), local.total()
	s.ArrearsUnsplit, s.WaivedArrears = unsplit.total(), waived.total()
}
