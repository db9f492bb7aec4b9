package floor

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
	"github.com/benefitstd/benefitstd/region"
)

// ErrNoAsOf reports a shortfall that is still running at the end of an
// open window (Options.To zero) when no as-of month (Options.AsOf) says
// up to when its arrears are counted. The library never reads the clock:
// the caller names the month.
var ErrNoAsOf = errors.New("floor: a shortfall with no end needs an as-of month (Options.AsOf) to count its arrears")

// Check checks levels against the floors and rules of opts (see the
// package documentation for the rules) and returns a report. It is safe
// for concurrent use: it reads its inputs and shared immutable sets
// only. Bad input (an unknown region or programme, a dimension the
// programme lacks, a head count below 0 or above one billion, a month
// outside 1900-9999, two levels with the same region, programme and
// dimensions, a first-paid month of no version, a waiver that could
// never apply, an expectation of an unknown region or programme) is an
// error naming the level, waiver or expectation, and no report is made;
// so is a shortfall still running in an open window without an as-of
// month (ErrNoAsOf).
func Check(levels []Level, opts Options) (*Report, error) {
	c, err := newChecker(levels, opts)
	if err != nil {
		return nil, err
	}
	return c.run()
}

// An item is a finding being made: what its Finding will hold, in a
// third of the space (the level's region, programme and dimensions are
// read from the level, citations are pointers to data that does not
// change), and what the arrears need. Findings are made from the items
// once, in their sorted order, when the report is.
type item struct {
	lvl       int32 // level index, -1 for a finding of no level (full holds it)
	out       int32 // its index in Report.Findings, once made
	rule      string
	sev       Severity
	per       benefit.Frequency
	status    benefit.Status // Finding.FloorStatus
	owed      bool           // money is owed for a shortfall under this rule
	floorPart bool           // the shortfall is below a national floor (split by the floor-part rule)
	why       Reason         // Finding.Unchecked
	iv        benefit.Interval
	req, act  benefit.Amount // Finding.Required, Actual
	short     benefit.Amount // Finding.Shortfall
	excess    benefit.Amount // Finding.Excess
	// arrears = num × person-months ÷ den, exactly, rounded once: den 1
	// for a monthly shortfall, 12 for a yearly one, 12n for a floor year
	// of n months paid in monthly instalments (num the year's shortfall)
	num       benefit.Amount
	den       int64
	persons   int64
	cite      *benefit.Citation // Finding.Citation; nil: none
	srcLvl    int32             // Finding.Source: the source of level srcLvl's version srcVer (-1: none, the level's Source;
	srcVer    int32             // -2: the version in force in srcAt, looked up)
	srcAt     benefit.Month
	inherited region.Code // Finding.InheritedFrom
	msg       *message
	waiver    *Waiver
	full      *Finding // the finding of no level (missing, waiver_expired)
}

// sameCite reports whether two citations are the same, by value.
func sameCite(a, b *benefit.Citation) bool {
	return a == b || (a != nil && b != nil && *a == *b)
}

type checker struct {
	opts     Options
	set      *Set
	tab      *region.Table
	cat      *benefit.Catalogue
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
	asOf     benefit.Month // Options.AsOf, or To − 1, or (open window) the last version month of any level
	horizon  benefit.Month // the end of the months coverage and effects count: To, else asOf + 1
	owedEnd  benefit.Month // the end of the months whose arrears are counted: min(To, Options.AsOf + 1); zero: none
	items    items
	cuts     []benefit.Month
	fl       []int
	fsteps   [][]step             // the list of each floor (floorSteps)
	fcites   [][]benefit.Citation // the citation of each version of each floor, made when first needed (floorCite)
	paid     []step               // the list of the level being checked (paidSteps)
	upPaid   []step               // the list of its ancestor
	refPaid  [][]step             // the lists of the levels a relative rule compares it with
	curs     []cursor
	due      []benefit.Month // due[fi]: the first month floor fi is stale (its last version + cadence); zero: never
	pcuts    []benefit.Month // the pooled-year sums' own cuts
	pool     poolSum         // the last pooled year summed
	cov      []coverage      // by rule index (covFloor …, then covRelative + ri)
	scan     levelScan       // what one level's rules found, for its effect
	effs     []Effect
	effHead  []margin         // the headroom of each effect, made an Amount at the end
	effArr   []benefit.Amount // the arrears of each effect
	raises   []Raise          // the raises of the effect being made
	slab     raiseSlab
	effOf    []int32       // the effect of each level, -1 for none
	msgs     [3][]*message // messages of unchecked findings that depend on a floor or a rule only: see message
	bounds   []string      // the bound of each relative rule in words, made once (see boundText)
	marena   arena[message]
	carena   arena[benefit.Citation]
	checked  []Checked
}

// progInfo is what the checker needs of a programme of some level.
type progInfo struct {
	p      benefit.Program
	upper  bool           // some level of it is above county level (a possible ancestor)
	dims   []benefit.Dims // dimensions already checked against the programme
	floors [][]int        // floors[k]: the fixed floors of the programme whose pattern dims[k] matches
	nat    []national     // nat[k]: the national schedule for dims[k] (Set.NationalSchedule), once looked up
}

// national is a memo of Set.NationalSchedule, with the months of the raises of
// the schedule within [from, horizon).
type national struct {
	s          benefit.Schedule
	raises     []benefit.Month
	ok, looked bool
}

// maxCheckedDims bounds progInfo.dims; past it dimensions are checked
// again for each level (correct, only slower).
const maxCheckedDims = 64

// regionInfo is a region some level gives: its display name, the last
// of its levels (the head of the list through checker.next), and the
// divisions it lies under as the region table records them, nearest
// first (zero Codes after the last).
type regionInfo struct {
	code region.Code
	last int32
	name string
	up   [maxUp]region.Code
}

// maxUp bounds the divisions a region lies under: a county's recorded
// parent is a prefecture or its province, a prefecture's its province
// (region.Table.WithDivisions refuses any other).
const maxUp = 2

func (c *checker) name(i int) string { return c.regions[c.rid[i]].name }

func levelErr(i int, field string, err error) error {
	return &benefit.RecordError{Field: fmt.Sprintf("levels[%d].%s", i, field), Err: err}
}

func newChecker(levels []Level, opts Options) (*checker, error) {
	c := &checker{opts: opts, set: opts.Floors, tab: opts.Regions, levels: levels,
		progIdx: map[string]int32{}, pid: make([]int32, len(levels)), did: make([]int32, len(levels)),
		regIdx: map[region.Code]int32{}, rid: make([]int32, len(levels)), next: make([]int32, len(levels)),
		anc: make([]int32, len(levels))}
	if c.set == nil {
		c.set = Default()
	}
	if c.tab == nil {
		c.tab = region.Default()
	}
	c.cat = opts.Catalogue
	if c.cat == nil {
		c.cat = benefit.DefaultCatalogue()
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
	for _, s := range []struct {
		field string
		s     Severity
	}{{"provisional_severity", opts.ProvisionalSeverity}, {"unchecked_severity", opts.UncheckedSeverity}, {"missing_severity", opts.MissingSeverity}} {
		if s.s != 0 && (s.s < Advisory || s.s > Violation) {
			return nil, &benefit.RecordError{Field: s.field, Err: fmt.Errorf("%w: severity %s (want advisory, warning or violation)", benefit.ErrSyntax, s.s)}
		}
	}
	var first, last benefit.Month
	for i := range levels {
		l := &levels[i]
		if !l.Region.IsValid() {
			return nil, levelErr(i, "region", fmt.Errorf("%w: missing region code", region.ErrInvalidCode))
		}
		r, ok := c.regIdx[l.Region]
		if !ok {
			d, err := c.tab.Resolve(l.Region)
			if err != nil {
				return nil, levelErr(i, "region", err)
			}
			r = int32(len(c.regions))
			c.regIdx[l.Region] = r
			ri := regionInfo{code: l.Region, name: d.Name, last: -1}
			for k, p := 0, d.Parent; k < maxUp && p.IsValid(); k++ {
				ri.up[k] = p
				if p.Rank() == region.Province {
					break // a province lies under nothing (the table refuses a parent of one)
				}
				p = parentOf(c.tab, p)
			}
			c.regions = append(c.regions, ri)
		}
		c.rid[i] = r
		pi, ok := c.progIdx[l.Program]
		if !ok {
			p, err := c.cat.Program(l.Program)
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
		if err := checkFirstPaid(l); err != nil {
			return nil, levelErr(i, err.field, err.err)
		}
		// the same region, programme and dimensions twice: look through
		// the levels of the region seen so far
		for j := c.regions[r].last; j >= 0; j = c.next[j] {
			if o := &levels[j]; o.Program == l.Program && o.Dims == l.Dims {
				return nil, levelErr(i, "region", fmt.Errorf("%w: levels[%d] already gives %s %s %q", benefit.ErrOrder, j, l.Region, l.Program, l.Dims))
			}
		}
		c.next[i], c.regions[r].last = c.regions[r].last, int32(i)
		if l.Region.Rank() != region.County {
			c.progs[pi].upper = true
		}
		if f := l.Schedule.First(); !f.IsZero() && (first.IsZero() || f < first) {
			first = f
		}
		if v, ok := l.Schedule.Last(); ok && v.From > last {
			last = v.From
		}
	}
	if err := validateWaivers(opts.Waivers, c.tab, c.cat, c.set); err != nil {
		return nil, err
	}
	if err := validateExpectations(opts.Expect, c.tab, c.cat); err != nil {
		return nil, err
	}
	c.from, c.to = opts.From, opts.To
	if c.from.IsZero() {
		c.from = first
	}
	// the as-of month: given, or the last month of a bounded window, or
	// (open window) the last version month of any level, for waiver
	// expiry and staleness; arrears are counted to it only when it is
	// given or the window is bounded
	c.asOf = opts.AsOf
	switch {
	case !c.asOf.IsZero():
	case !c.to.IsZero():
		c.asOf = c.to.AddMonths(-1)
	default:
		c.asOf = last
	}
	c.owedEnd = c.to
	if a := opts.AsOf; !a.IsZero() && (c.owedEnd.IsZero() || a.AddMonths(1) < c.owedEnd) {
		c.owedEnd = a.AddMonths(1)
	}
	c.horizon = c.to
	if c.horizon.IsZero() && !c.asOf.IsZero() {
		c.horizon = c.asOf.AddMonths(1)
	}
	return c, nil
}

type fieldErr struct {
	field string
	err   error
}

// checkFirstPaid checks a level's first-paid months: each names a
// version of the schedule, in order, once, and is not before it.
func checkFirstPaid(l *Level) *fieldErr {
	for j, p := range l.FirstPaid {
		fe := func(field string, err error) *fieldErr {
			return &fieldErr{fmt.Sprintf("first_paid[%d].%s", j, field), err}
		}
		switch {
		case p.From.IsZero():
			return fe("from", fmt.Errorf("%w: missing", benefit.ErrSyntax))
		case p.Month.IsZero():
			return fe("month", fmt.Errorf("%w: missing", benefit.ErrSyntax))
		case !validMonth(p.From):
			return fe("from", monthRangeErr(p.From))
		case !validMonth(p.Month):
			return fe("month", monthRangeErr(p.Month))
		case j > 0 && p.From <= l.FirstPaid[j-1].From:
			return fe("from", fmt.Errorf("%w: first-paid months must be given once per version, in order", benefit.ErrOrder))
		case p.Month < p.From:
			return fe("month", fmt.Errorf("%w: first paid in %s, before the version took effect in %s", benefit.ErrOrder, p.Month, p.From))
		}
		found := false
		for _, v := range l.Schedule.All() {
			found = found || v.From == p.From
		}
		if !found {
			return fe("from", fmt.Errorf("%w: no version of the level takes effect in %s", benefit.ErrSyntax, p.From))
		}
	}
	return nil
}

// checkPersons checks a head count: 0 to input.MaxPersons (one billion).
func checkPersons(n int64) error {
	switch {
	case n < 0:
		return fmt.Errorf("%w: %d persons", benefit.ErrNegative, n)
	case n > input.MaxPersons:
		return fmt.Errorf("%w: %d persons (at most %d)", benefit.ErrRange, n, input.MaxPersons)
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
// can make a violation (floor, hierarchy, pass_through, late_payment or
// a relative rule of set). A waiver that could never match a finding
// would silently do nothing, so it is an error. With a nil set the rule
// id is not checked (ReadJSON does not know which floors the levels will
// be checked against).
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
			return fe("rule", fmt.Errorf("%w: %q is not a rule that can find a violation of %s (want %s, %s, %s, %s or a relative rule id)",
				benefit.ErrSyntax, w.Rule, w.Program, RuleFloor, RuleHierarchy, RulePassThrough, RuleLatePayment))
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
	for _, a := range c.up(c.rid[i]) {
		if best >= 0 {
			break
		}
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

// actualAt returns what level i paid in month m: its own amount, or the
// amount inherited from the nearest ancestor; with the frequency and the
// index of the level that provided it. A version paid late (Level.
// FirstPaid) is not what was paid before its first-paid month: that is
// what was paid the month before the version took effect, or nothing
// (0.00) when nothing was.
func (c *checker) actualAt(i int, m benefit.Month) (benefit.Amount, benefit.Frequency, int, bool) {
	a, per, prov, _, ok := c.paidAt(i, m)
	return a, per, prov, ok
}

// paidAt is actualAt that also returns the month whose version of level
// prov paid the amount: m, or for a version not yet paid the month
// before it took effect (or before that, recursively), so that a
// finding cites the version whose amount was paid.
func (c *checker) paidAt(i int, m benefit.Month) (benefit.Amount, benefit.Frequency, int, benefit.Month, bool) {
	for depth := 0; i >= 0 && depth < 4; depth++ {
		l := &c.levels[i]
		if v, ok := l.Schedule.At(m); ok {
			if len(l.FirstPaid) > 0 && l.firstPaid(v.From) > m {
				if a, per, prov, at, ok := c.paidAt(i, v.From.AddMonths(-1)); ok {
					return a, per, prov, at, true
				}
				return benefit.Amount{}, l.Per, i, m, true
			}
			return v.Amount, l.Per, i, m, true
		}
		i = c.ancestor(i)
	}
	return benefit.Amount{}, 0, -1, m, false
}

// chain calls fn with level i and each level it inherits from.
func (c *checker) chain(i int, fn func(l *Level)) {
	for depth := 0; i >= 0 && depth < 4; depth++ {
		fn(&c.levels[i])
		i = c.ancestor(i)
	}
}

// appendChanges appends the months s changes in: each version's, and its
// end.
func appendChanges(cuts []benefit.Month, s benefit.Schedule) []benefit.Month {
	for _, v := range s.All() {
		cuts = append(cuts, v.From)
	}
	if e := s.End(); !e.IsZero() {
		cuts = append(cuts, e)
	}
	return cuts
}

// window returns [lo, hi) ∩ the window (a zero hi: to its end), and
// false when that is empty.
func (c *checker) window(lo, hi benefit.Month) (benefit.Interval, bool) {
	if lo < c.from {
		lo = c.from
	}
	if hi.IsZero() || (!c.to.IsZero() && hi > c.to) {
		hi = c.to
	}
	if lo.IsZero() || (!hi.IsZero() && hi <= lo) {
		return benefit.Interval{}, false
	}
	return benefit.Interval{From: lo, To: hi}, true
}

// add appends a finding, merging it into the previous one when that is
// the same rule on the same level with the same figures and message and
// ends where this one starts.
func (c *checker) add(it item) {
	if n := c.items.len(); n > 0 {
		p := c.items.at(n - 1)
		if p.lvl == it.lvl && p.rule == it.rule && p.sev == it.sev && p.iv.To == it.iv.From &&
			!p.iv.To.IsZero() && p.why == it.why &&
			p.req.Equal(it.req) && p.act.Equal(it.act) && p.per == it.per &&
			p.den == it.den && p.num.Equal(it.num) &&
			sameCite(p.cite, it.cite) && p.inherited == it.inherited &&
			p.status == it.status && p.msg.Equal(it.msg) {
			p.iv.To = it.iv.To
			return
		}
	}
	c.items.push(it)
}

// items is a list of items kept in fixed-size chunks, so that growing it
// never copies the items made so far (a check may make a finding for
// every level).
type items struct {
	chunks [][]item
	n      int
}

const itemChunk = 1024

func (l *items) len() int       { return l.n }
func (l *items) at(k int) *item { return &l.chunks[k/itemChunk][k%itemChunk] }

func (l *items) push(it item) {
	if l.n%itemChunk == 0 {
		size := itemChunk
		if l.n == 0 {
			size = 16 // most checks make few findings
		}
		l.chunks = append(l.chunks, make([]item, 0, size))
	}
	ch := &l.chunks[len(l.chunks)-1]
	if len(*ch) == cap(*ch) { // the small first chunk is full: grow it to a whole one
		*ch = append(make([]item, 0, itemChunk), *ch...)
	}
	*ch = append(*ch, it)
	l.n++
}

// item returns a finding of rule for level i over iv; p, when not nil,
// is the step of level i's list over iv (it names the level's version
// in force, the finding's source).
func (c *checker) item(i int, rule string, sev Severity, iv benefit.Interval, p *step) item {
	it := item{lvl: int32(i), rule: rule, sev: sev, iv: iv, srcLvl: int32(i), srcVer: -2, srcAt: iv.From, persons: c.levels[i].personsAt(iv.From)}
	if p != nil && p.lvl == int32(i) {
		it.srcVer = p.ver
	}
	return it
}

// setSource sets f.Source, zero in a new finding, to the source of item
// it's level version: its citation, or the level's Source (written only
// when it is not zero).
func (c *checker) setSource(it *item, f *Finding) {
	l := &c.levels[it.srcLvl]
	var src benefit.Citation
	switch {
	case it.srcVer == -2:
		src = sourceAt(l, it.srcAt)
	case it.srcVer >= 0:
		if src = l.Schedule.Version(int(it.srcVer)).Citation; src.IsZero() {
			src = l.Source
		}
	default:
		src = l.Source
	}
	if !src.IsZero() {
		f.Source = src
	}
}

// shortfall sets a finding's figures for a level at a below r (both per
// unit) and the item's arrears factor: a − r per person-month, or per
// person-year (÷ 12).
func shortfall(it *item, unit benefit.Frequency, r, a benefit.Amount) {
	it.per, it.req, it.act, it.short = unit, r, a, r.Sub(a)
	it.num, it.den = it.short, 1
	if unit == benefit.PerYear {
		it.den = 12
	}
}

// compareUnit brings a (per fa) and b (per fb) to one frequency: the
// year when either is yearly (multiplying the monthly side by 12).
func compareUnit(a benefit.Amount, fa benefit.Frequency, b benefit.Amount, fb benefit.Frequency) (benefit.Amount, benefit.Amount, benefit.Frequency) {
	if fa == fb {
		return a, b, fa
	}
	return fa.Annual(a), fb.Annual(b), benefit.PerYear
}

// uncheckedSeverity is the severity of an unchecked finding.
func (c *checker) uncheckedSeverity() Severity { return cmp.Or(c.opts.UncheckedSeverity, Warning) }

// unchecked adds an unchecked finding of rule for level i over iv.
func (c *checker) unchecked(i int, rule string, rc int, why Reason, iv benefit.Interval, p *step, cite *benefit.Citation, msg *message) {
	c.cover(rc, iv, false)
	if n := c.items.len(); n > 0 { // the months after the last unchecked ones: extend it (what add would do, cheaper)
		if p := c.items.at(n - 1); p.lvl == int32(i) && p.why == why && p.rule == rule && p.iv.To == iv.From &&
			!iv.From.IsZero() && p.msg.Equal(msg) && sameCite(p.cite, cite) {
			p.iv.To = iv.To
			return
		}
	}
	it := c.item(i, rule, c.uncheckedSeverity(), iv, p)
	it.why, it.cite, it.per, it.msg = why, cite, c.levels[i].Per, msg
	c.add(it)
}

// uncheckedMonths adds an unchecked finding of rule for every month of
// the window from month from on in which level i has a level.
func (c *checker) uncheckedMonths(i int, from benefit.Month, rule string, rc int, why Reason, cite *benefit.Citation, msg *message) {
	curs := append(c.curs[:0], cursor{s: c.paid, k: -1})
	c.curs = curs
	var w walk
	for c.startWalk(&w, from, c.to, curs, nil); w.next(); {
		if p := curs[0].at(); p.ok {
			c.unchecked(i, rule, rc, why, w.iv, p, cite, msg)
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

// inherit records the level that provided the actual value p (a step of
// level i's list): its source (the version's citation, or the level's),
// and the ancestor when the value was inherited (its region, and its
// name for the message).
func (c *checker) inherit(it *item, i int, p *step) {
	prov := int(p.lvl)
	if prov < 0 {
		return
	}
	it.srcLvl, it.srcVer = p.lvl, p.ver
	if prov != i {
		it.inherited = c.levels[prov].Region
		m := *it.msg
		m.name = c.name(prov)
		it.msg = c.marena.add(m)
	}
}

// sourceOf returns the source of the amount of p, a step of a level's
// list: the citation of the version of the level that paid it, or that
// level's Source.
func (c *checker) sourceOf(p *step) benefit.Citation {
	l := &c.levels[p.lvl]
	if p.ver >= 0 {
		if v := l.Schedule.Version(int(p.ver)); !v.Citation.IsZero() {
			return v.Citation
		}
	}
	return l.Source
}

func sourceAt(l *Level, m benefit.Month) benefit.Citation {
	if v, ok := l.Schedule.At(m); ok && !v.Citation.IsZero() {
		return v.Citation
	}
	return l.Source
}

// up returns the divisions region r lies under as the region table
// records them (region.Division.Parent), nearest first: for 371723
// 成武县, 371700 菏泽市 and 370000 山东省. The slice shares the region's
// array and allocates nothing.
func (c *checker) up(r int32) []region.Code {
	ri := &c.regions[r]
	n := 0
	for n < maxUp && ri.up[n].IsValid() {
		n++
	}
	return ri.up[:n]
}

// parentOf returns the division code lies directly under as tab records
// it, or the zero Code for a province or a code tab does not hold.
func parentOf(tab *region.Table, code region.Code) region.Code {
	d, _ := tab.Lookup(code)
	return d.Parent
}

// within reports whether code is one of members or lies under one, by
// the parents tab records (not by the digits of the code: a division
// added with region.Table.WithDivisions may lie under another one than
// its digits say). It allocates nothing.
func within(tab *region.Table, code region.Code, members []region.Code) bool {
	for depth := 0; code.IsValid() && depth <= maxUp; depth++ {
		if slices.Contains(members, code) {
			return true
		}
		code = parentOf(tab, code)
	}
	return false
}

// under reports whether code is anc or lies under it, by the parents
// tab records. It allocates nothing.
func under(tab *region.Table, code, anc region.Code) bool {
	for depth := 0; code.IsValid() && depth <= maxUp; depth++ {
		if code == anc {
			return true
		}
		code = parentOf(tab, code)
	}
	return false
}

// inGroup reports whether region r of a level is a member of g or lies
// under one, by the parents the table records.
func (c *checker) inGroup(g region.Group, r int32) bool {
	if slices.Contains(g.Members, c.regions[r].code) {
		return true
	}
	for _, a := range c.up(r) {
		if slices.Contains(g.Members, a) {
			return true
		}
	}
	return false
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
