package benefit_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
)

var cite2019 = benefit.Citation{
	Title:      "2019 national veterans' standards (China Military Online 2019-07-25)",
	Confidence: "V",
}

// The last two steps of the national floor of the residents' basic
// pension (基础养老金最低标准), yuan per month: 103 in 2023 and 123 from
// 2024-01 (policy-reference §2.1 and §11 Example B; both [V3]).
func residentFloor(t *testing.T) benefit.Schedule {
	t.Helper()
	s, err := benefit.NewSchedule(
		benefit.Version{From: benefit.MustParseMonth("2023-01"), Amount: benefit.Yuan(103)},
		benefit.Version{From: benefit.MustParseMonth("2024-01"), Amount: benefit.Yuan(123)},
	)
	noError(t, err)
	return s
}

func TestScheduleAt(t *testing.T) {
	mm := benefit.MustParseMonth
	s := residentFloor(t)
	tests := []struct {
		m    string
		want string // "" = none in force
	}{
		{"2022-12", ""}, // before the first version
		{"2023-01", "103.00"},
		{"2023-12", "103.00"}, // last month before the change
		{"2024-01", "123.00"}, // the change month itself
		{"2024-07", "123.00"},
		{"2099-12", "123.00"}, // no end
	}
	for _, tt := range tests {
		v, ok := s.At(mm(tt.m))
		a := v.Amount
		if tt.want == "" {
			isFalse(t, ok, tt.m)
			continue
		}
		isTrue(t, ok, tt.m)
		equal(t, tt.want, v.Amount.String(), tt.m)
		equal(t, tt.want, a.String(), tt.m)
	}

	// With an end, the end month itself is outside.
	e, err := s.WithEnd(mm("2025-01"))
	noError(t, err)
	equal(t, mm("2025-01"), e.End())
	_, ok := e.At(mm("2024-12"))
	isTrue(t, ok, "2024-12 is before the end")
	_, ok = e.At(mm("2025-01"))
	isFalse(t, ok, "the end month is outside")
	equal(t, benefit.Month(0), s.End(), "WithEnd does not change the receiver")

	// The zero Schedule has nothing in force.
	var z benefit.Schedule
	_, ok = z.At(mm("2024-01"))
	isFalse(t, ok)
	equal(t, 0, z.Len())
	equal(t, benefit.Month(0), z.First())
	_, ok = z.Last()
	isFalse(t, ok)
}

func TestScheduleAccessors(t *testing.T) {
	mm := benefit.MustParseMonth
	s := residentFloor(t)
	equal(t, 2, s.Len())
	equal(t, mm("2023-01"), s.First())
	last, ok := s.Last()
	isTrue(t, ok)
	equal(t, "123.00", last.Amount.String())
	equal(t, "103.00", s.Version(0).Amount.String())
	var froms []string
	for i, v := range s.All() {
		equal(t, len(froms), i)
		froms = append(froms, v.From.String())
	}
	equal(t, []string{"2023-01", "2024-01"}, froms)
}

// NewSchedule copies its input: changing the caller's slice later does
// not change the schedule.
func TestScheduleImmutable(t *testing.T) {
	vs := []benefit.Version{
		{From: benefit.MustParseMonth("2018-08"), Amount: benefit.Yuan(80140)},
		{From: benefit.MustParseMonth("2019-08"), Amount: benefit.Yuan(88150), Citation: cite2019},
	}
	s, err := benefit.NewSchedule(vs...)
	noError(t, err)
	vs[1].Amount = benefit.Yuan(1)
	a, _ := amountAt(s, benefit.MustParseMonth("2019-08"))
	equal(t, "88150.00", a.String())
	v, _ := s.At(benefit.MustParseMonth("2020-01"))
	equal(t, cite2019, v.Citation)
}

func TestNewScheduleErrors(t *testing.T) {
	mm := benefit.MustParseMonth
	v := func(m, a string) benefit.Version {
		return benefit.Version{From: mm(m), Amount: benefit.MustParseAmount(a)}
	}
	tests := []struct {
		name  string
		vs    []benefit.Version
		field string // the offending version, named in the error
		want  error
		text  string // a piece of the message
	}{
		{"duplicate", []benefit.Version{v("2018-08", "80140"), v("2019-08", "88150"), v("2019-08", "88160")},
			"versions[2].from", benefit.ErrOrder, "same month as versions[1]"},
		{"unsorted", []benefit.Version{v("2019-08", "88150"), v("2018-08", "80140")},
			"versions[1].from", benefit.ErrOrder, "before versions[0]"},
		{"negative", []benefit.Version{v("2018-08", "80140"), v("2019-08", "-1")},
			"versions[1].amount", benefit.ErrNegative, "-1.00"},
		{"zero month", []benefit.Version{v("2018-08", "80140"), {Amount: benefit.Yuan(1)}},
			"versions[1].from", benefit.ErrSyntax, "missing effective month"},
	}
	// NewScheduleOwned validates as NewSchedule does
	for _, nc := range []struct {
		name string
		new  func([]benefit.Version) (benefit.Schedule, error)
	}{
		{"NewSchedule", func(vs []benefit.Version) (benefit.Schedule, error) { return benefit.NewSchedule(vs...) }},
		{"NewScheduleOwned", benefit.NewScheduleOwned},
	} {
		for _, tt := range tests {
			t.Run(nc.name+"/"+tt.name, func(t *testing.T) {
				_, err := nc.new(tt.vs)
				errorIs(t, err, tt.want)
				var re *benefit.RecordError
				if isTrue(t, errors.As(err, &re), "want *RecordError, got %T", err) {
					equal(t, tt.field, re.Field)
				}
				isTrue(t, strings.Contains(err.Error(), tt.text), "%q lacks %q", err, tt.text)
				isTrue(t, strings.Contains(err.Error(), tt.field), "%q lacks %q", err, tt.field)
			})
		}
		// An empty schedule is allowed; a zero amount is allowed.
		_, err := nc.new(nil)
		noError(t, err)
		s, err := nc.new([]benefit.Version{v("2024-01", "0")})
		noError(t, err)
		a, ok := amountAt(s, mm("2024-06"))
		isTrue(t, ok, nc.name)
		equal(t, "0.00", a.String())
	}
	// The owned schedule reads the versions it was given: 80,140 a year
	// from 2018-08, 88,150 from 2019-08.
	s, err := benefit.NewScheduleOwned([]benefit.Version{v("2018-08", "80140"), v("2019-08", "88150")})
	noError(t, err)
	for m, want := range map[string]string{"2019-07": "80140.00", "2019-08": "88150.00"} {
		a, _ := amountAt(s, mm(m))
		equal(t, want, a.String(), m)
	}
}

func TestScheduleWithEndAppend(t *testing.T) {
	mm := benefit.MustParseMonth
	s := residentFloor(t)
	_, err := s.WithEnd(mm("2024-01"))
	errorIs(t, err, benefit.ErrOrder, "end on the last version's month")
	_, err = s.WithEnd(mm("2023-06"))
	errorIs(t, err, benefit.ErrOrder)
	open, err := s.WithEnd(0)
	noError(t, err)
	equal(t, benefit.Month(0), open.End())

	s2, err := s.Append(benefit.Version{From: mm("2025-01"), Amount: benefit.Yuan(143)})
	noError(t, err)
	equal(t, 3, s2.Len())
	equal(t, 2, s.Len(), "Append does not change the receiver")
	a, _ := amountAt(s2, mm("2025-06"))
	equal(t, "143.00", a.String())
	_, err = s.Append(benefit.Version{From: mm("2024-01"), Amount: benefit.Yuan(1)})
	errorIs(t, err, benefit.ErrOrder)
	_, err = s.Append(benefit.Version{From: mm("2025-01"), Amount: benefit.Yuan(-1)})
	errorIs(t, err, benefit.ErrNegative)

	// Appending at the end continues the schedule without a gap.
	ended, _ := s.WithEnd(mm("2025-01"))
	cont, err := ended.Append(benefit.Version{From: mm("2025-01"), Amount: benefit.Yuan(143)})
	noError(t, err)
	equal(t, benefit.Month(0), cont.End())
	a, _ = amountAt(cont, mm("2024-12"))
	equal(t, "123.00", a.String())
	a, _ = amountAt(cont, mm("2025-01"))
	equal(t, "143.00", a.String())
	// Appending after the end would leave months with nothing in force
	// [2025-01, 2026-01) that the schedule cannot express; it must not
	// silently extend the 123 version over them.
	gap, err := ended.Append(benefit.Version{From: mm("2026-01"), Amount: benefit.Yuan(163)})
	errorIs(t, err, benefit.ErrOrder)
	if err == nil {
		_, inGap := gap.At(mm("2025-06"))
		isFalse(t, inGap, "2025-06 is after the end and before the new version")
	}

	// Appending before the end keeps the end.
	e, _ := s.WithEnd(mm("2026-01"))
	e2, err := e.Append(benefit.Version{From: mm("2025-01"), Amount: benefit.Yuan(143)})
	noError(t, err)
	equal(t, mm("2026-01"), e2.End())
}

// Intervals cuts [from, to) at every change of any schedule, so that
// each schedule is constant inside each interval.
//
// Worked by hand: the national floor changes 103 → 123 at 2024-01; a
// county paid 103 until it moved to 123 in 2024-07 (Example B). Over
// [2023-07, 2025-01) the cuts are 2024-01 and 2024-07, giving
// [2023-07, 2024-01) floor 103 paid 103;
// [2024-01, 2024-07) floor 123 paid 103 (6 months × 20 short);
// [2024-07, 2025-01) floor 123 paid 123.
func TestIntervals(t *testing.T) {
	mm := benefit.MustParseMonth
	floor := residentFloor(t)
	county := mustSchedule(
		benefit.Version{From: mm("2023-01"), Amount: benefit.Yuan(103)},
		benefit.Version{From: mm("2024-07"), Amount: benefit.Yuan(123)},
	)
	got := benefit.Intervals(mm("2023-07"), mm("2025-01"), floor, county)
	want := []benefit.Interval{
		{From: mm("2023-07"), To: mm("2024-01")},
		{From: mm("2024-01"), To: mm("2024-07")},
		{From: mm("2024-07"), To: mm("2025-01")},
	}
	equal(t, want, got)

	short := []int{0, 20, 0}
	for i, iv := range got {
		f, _ := amountAt(floor, iv.From)
		c, _ := amountAt(county, iv.From)
		equal(t, benefit.Yuan(int64(short[i])), f.Sub(c), iv.String())
	}
	equal(t, 6, got[1].Months())

	// A boundary shared by both schedules appears once.
	both := benefit.Intervals(mm("2023-07"), mm("2025-01"), floor, floor)
	equal(t, []benefit.Interval{
		{From: mm("2023-07"), To: mm("2024-01")},
		{From: mm("2024-01"), To: mm("2025-01")},
	}, both)

	// Changes at from or at to are not cuts.
	edge := benefit.Intervals(mm("2024-01"), mm("2024-07"), floor, county)
	equal(t, []benefit.Interval{{From: mm("2024-01"), To: mm("2024-07")}}, edge)

	// An open to leaves the last interval open; an end is a cut.
	ended, _ := county.WithEnd(mm("2030-01"))
	open := benefit.Intervals(mm("2024-03"), 0, floor, ended)
	equal(t, []benefit.Interval{
		{From: mm("2024-03"), To: mm("2024-07")},
		{From: mm("2024-07"), To: mm("2030-01")},
		{From: mm("2030-01")},
	}, open)

	// No schedules: one interval. Bad bounds: none.
	equal(t, []benefit.Interval{{From: mm("2024-01"), To: mm("2024-02")}}, benefit.Intervals(mm("2024-01"), mm("2024-02")))
	equal(t, 0, len(benefit.Intervals(mm("2024-02"), mm("2024-01"), floor)))
	equal(t, 0, len(benefit.Intervals(mm("2024-02"), mm("2024-02"), floor)))
	equal(t, 0, len(benefit.Intervals(0, mm("2024-02"), floor)))
}

func TestScheduleJSON(t *testing.T) {
	mm := benefit.MustParseMonth
	s := mustSchedule(
		benefit.Version{From: mm("2018-08"), Amount: benefit.Yuan(80140), Status: benefit.Legislated},
		benefit.Version{From: mm("2019-08"), Amount: benefit.Yuan(88150), Status: benefit.Legislated, Citation: cite2019},
	)
	s, _ = s.WithEnd(mm("2020-08"))
	b, err := json.Marshal(s)
	noError(t, err)
	jsonEq(t, `{"versions":[
		{"from":"2018-08","amount":"80140.00","status":"legislated"},
		{"from":"2019-08","amount":"88150.00","status":"legislated","citation":{"title":"2019 national veterans' standards (China Military Online 2019-07-25)","confidence":"V"}}
	],"end":"2020-08"}`, string(b))

	var back benefit.Schedule
	noError(t, json.Unmarshal(b, &back))
	equal(t, 2, back.Len())
	equal(t, mm("2020-08"), back.End())
	equal(t, cite2019, back.Version(1).Citation)
	a, _ := amountAt(back, mm("2020-07"))
	equal(t, "88150.00", a.String())

	var empty benefit.Schedule
	b, _ = json.Marshal(empty)
	equal(t, `{"versions":[]}`, string(b))

	for _, in := range []string{
		`{"versions":[{"from":"2019-08","amount":"1","status":"legislated"},{"from":"2018-08","amount":"1","status":"legislated"}]}`, // unsorted
		`{"versions":[{"from":"2019-08","amount":"-1","status":"legislated"}]}`,                                                      // negative
		`{"versions":[{"from":"2019-08","amount":"1","status":"legislated","extra":true}]}`,                                          // unknown field
		`{"versions":[],"end":"2019-08","x":1}`,                                                                                      // unknown field
		`{"versions":[{"from":"2019-08","amount":"1","status":"legislated"}],"end":"2019-08"}`,                                       // end not after
		`{"versions":[{"from":"2019-08","amount":"1","status":"rumoured"}]}`,                                                         // unknown status
		`{"versions":[{"from":"2019-08","amount":"1"}]}`,                                                                             // no status
	} {
		var s benefit.Schedule
		isError(t, json.Unmarshal([]byte(in), &s), in)
	}
}

func TestStatusAndCitation(t *testing.T) {
	for i, name := range []string{"legislated", "announced", "provisional", "projected", "default"} {
		st, err := benefit.ParseStatus(name)
		noError(t, err)
		equal(t, benefit.Status(i+1), st)
		equal(t, name, st.String())
	}
	_, err := benefit.ParseStatus("law")
	errorIs(t, err, benefit.ErrSyntax)
	equal(t, "Status(9)", benefit.Status(9).String())

	// The zero Status is Unknown: it prints, but no file may give it, and
	// an empty status is missing, not legislated.
	var zero benefit.Status
	equal(t, benefit.Unknown, zero)
	equal(t, "unknown", zero.String())
	for _, in := range []string{"", " ", "unknown", "Unknown"} {
		st, err := benefit.ParseStatus(in)
		var pe *benefit.ParseError
		if err == nil || !errors.As(err, &pe) || st != benefit.Unknown {
			t.Errorf("ParseStatus(%q) = %v, %v; want Unknown and a *ParseError", in, st, err)
		}
	}
	_, err = benefit.ParseStatus("")
	errorIs(t, err, benefit.ErrNoStatus)
	_, err = benefit.ParseStatus("unknown")
	errorIs(t, err, benefit.ErrSyntax)
	isFalse(t, errors.Is(err, benefit.ErrNoStatus))
	var st benefit.Status
	isError(t, st.UnmarshalText([]byte("unknown")), "unknown")

	c := benefit.Citation{Doc: "国办发〔2018〕6号", Title: "基本公共服务领域中央与地方共同财政事权和支出责任划分改革方案"}
	equal(t, "国办发〔2018〕6号 基本公共服务领域中央与地方共同财政事权和支出责任划分改革方案", c.String())
	equal(t, "https://example.org", benefit.Citation{URL: "https://example.org"}.String())
	isTrue(t, benefit.Citation{}.IsZero())
	isFalse(t, c.IsZero())
}

// A version read from JSON must say from when, how much and how firm:
// a forgotten amount must not read as 0.00, a forgotten status not as
// law. The error names the missing field.
func TestVersionJSONRequiresFromAmountAndStatus(t *testing.T) {
	for _, tc := range []struct {
		in, field string
		is        error
	}{
		{`{"amount":"123","status":"legislated"}`, "from", benefit.ErrSyntax},
		{`{"from":"2024-01","status":"legislated"}`, "amount", benefit.ErrSyntax},
		{`{"from":"2024-01","amount":"123"}`, "status", benefit.ErrNoStatus},
		{`{"from":"2024-01","amount":"123","status":null}`, "status", benefit.ErrNoStatus},
		{`{"from":"2024-01","amount":"123","status":""}`, "", benefit.ErrNoStatus},
		{`{"from":"2024-01","amount":"123","status":"unknown"}`, "", benefit.ErrSyntax},
		{`{"from":"2024-01","amount":"123","status":"legislated","amont":"1"}`, "", nil},
	} {
		var v benefit.Version
		err := json.Unmarshal([]byte(tc.in), &v)
		if err == nil {
			t.Errorf("%s: accepted as %+v", tc.in, v)
			continue
		}
		if tc.is != nil && !errors.Is(err, tc.is) {
			t.Errorf("%s: %v, want %v", tc.in, err, tc.is)
		}
		var re *benefit.RecordError
		if tc.field != "" && (!errors.As(err, &re) || re.Field != tc.field) {
			t.Errorf("%s: %v, want a *RecordError naming %q", tc.in, err, tc.field)
		}
	}
	var v benefit.Version
	if err := json.Unmarshal([]byte(`{"from":"2024-01","amount":"123","status":"provisional"}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.Status != benefit.Provisional || v.Amount.String() != "123.00" || v.From.String() != "2024-01" {
		t.Errorf("got %+v", v)
	}
}

// The confidence legend of policy-reference §0.1 has five marks: V, V3,
// D, M and C; a citation may carry none. Case and the brackets the
// domain docs write them in ("[V3]") do not matter.
func TestCitationMark(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "V": "V", "v": "V", "[V]": "V", "V3": "V3", "[v3]": "V3", " [D] ": "D", "M": "M", "[C]": "C",
	} {
		c := benefit.Citation{Title: "x", Confidence: in}
		got, err := c.Mark()
		if err != nil || got != want {
			t.Errorf("Mark(%q) = %q, %v; want %q", in, got, err, want)
		}
		if _, err := c.Mark(); err != nil {
			t.Errorf("Mark(%q) = %v", in, err)
		}
	}
	for _, in := range []string{"Z", "[Z]", "V4", "VV", "verified", "V 3", "gap", "Ⅴ"} {
		c := benefit.Citation{Confidence: in}
		_, err := c.Mark()
		var pe *benefit.ParseError
		if !errors.Is(err, benefit.ErrSyntax) || !errors.As(err, &pe) || pe.Input != in {
			t.Errorf("Mark(%q) = %v; want a ParseError wrapping ErrSyntax", in, err)
		}
		if m, err := c.Mark(); err == nil || m != "" {
			t.Errorf("Mark(%q) = %q, %v; want an error", in, m, err)
		}
	}
}

// amountAt returns the amount in force in month m, and false when none is.
func amountAt(s benefit.Schedule, m benefit.Month) (benefit.Amount, bool) {
	v, ok := s.At(m)
	return v.Amount, ok
}
