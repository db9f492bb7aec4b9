package benefit_test

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/benefitstd/benefitstd/benefit"
)

func TestParseMonth(t *testing.T) {
	m, err := benefit.ParseMonth("2024-07")
	noError(t, err)
	equal(t, 2024, m.Year())
	equal(t, time.July, m.Month())
	equal(t, "2024-07", m.String())
	equal(t, benefit.NewMonth(2024, time.July), m)
	isFalse(t, m.IsZero())

	for _, s := range []string{"", "2024-7", "2024/07", "24-07", "2024-07-01", "２０２４-07", "2024-0a", "-024-07", "202407 "} {
		_, err := benefit.ParseMonth(s)
		errorIs(t, err, benefit.ErrSyntax, "%q", s)
	}
	for _, s := range []string{"2024-00", "2024-13", "1899-12", "0000-01"} {
		_, err := benefit.ParseMonth(s)
		errorIs(t, err, benefit.ErrRange, "%q", s)
	}
	for _, s := range []string{"1900-01", "9999-12"} {
		m, err := benefit.ParseMonth(s)
		noError(t, err, s)
		equal(t, s, m.String())
	}
}

func TestMonthArithmetic(t *testing.T) {
	mm := benefit.MustParseMonth
	equal(t, "2025-01", mm("2024-12").AddMonths(1).String())
	equal(t, "2023-12", mm("2024-01").AddMonths(-1).String())
	equal(t, "2026-06", mm("2024-07").AddMonths(23).String())
	equal(t, "2019-08", mm("2018-08").AddMonths(12).String())
	// Example B: Jan–Jun 2024 underpaid; July is the first month at 123:
	// [2024-01, 2024-07) holds 6 months.
	equal(t, 6, mm("2024-07").Sub(mm("2024-01")))
	equal(t, -6, mm("2024-01").Sub(mm("2024-07")))
	equal(t, 12, mm("2025-01").Sub(mm("2024-01")))
	// Wanrong (Example B analogue): 2022-01 to first paid 2022-03 = 2 months
	equal(t, 2, mm("2022-03").Sub(mm("2022-01")))

	isTrue(t, mm("2024-01").Compare(mm("2024-02")) < 0)
	isTrue(t, mm("2024-01").Compare(mm("2024-02")) < 0)
	isTrue(t, mm("2023-12") < mm("2024-01"), "months order with <")
	equal(t, -1, mm("2023-12").Compare(mm("2024-01")))
	equal(t, 0, mm("2024-01").Compare(mm("2024-01")))
	equal(t, 1, mm("2024-02").Compare(mm("2024-01")))
	ms := []benefit.Month{mm("2024-03"), mm("2019-08"), mm("2024-01")}
	slices.SortFunc(ms, benefit.Month.Compare)
	equal(t, []benefit.Month{mm("2019-08"), mm("2024-01"), mm("2024-03")}, ms)

	// NewMonth normalizes like time.Date.
	equal(t, "2025-01", benefit.NewMonth(2024, 13).String())
	equal(t, "2023-12", benefit.NewMonth(2024, 0).String())
	equal(t, "2024-07", benefit.MonthOf(time.Date(2024, 7, 31, 23, 59, 0, 0, time.UTC)).String())

	// Months are usable as map keys.
	seen := map[benefit.Month]bool{mm("2024-07"): true}
	isTrue(t, seen[benefit.NewMonth(2024, time.July)])
}

func TestMonthZero(t *testing.T) {
	var m benefit.Month
	isTrue(t, m.IsZero())
	equal(t, "", m.String())
	b, err := json.Marshal(struct {
		M benefit.Month `json:"m"`
	}{})
	noError(t, err)
	equal(t, `{"m":""}`, string(b))
	noError(t, m.UnmarshalText(nil))
	isTrue(t, m.IsZero())
	noError(t, m.UnmarshalText([]byte("2019-08")))
	equal(t, "2019-08", m.String())
	isError(t, m.UnmarshalText([]byte("2019-8")))
	equal(t, "2019-08", m.String(), "failed UnmarshalText keeps the value")
}

func TestInterval(t *testing.T) {
	mm := benefit.MustParseMonth
	iv := benefit.Interval{From: mm("2024-01"), To: mm("2024-07")}
	equal(t, 6, iv.Months())
	equal(t, "[2024-01, 2024-07)", iv.String())
	isTrue(t, iv.Contains(mm("2024-01")), "From is inside")
	isTrue(t, iv.Contains(mm("2024-06")))
	isFalse(t, iv.Contains(mm("2024-07")), "To is outside (half-open)")
	isFalse(t, iv.Contains(mm("2023-12")))
	open := benefit.Interval{From: mm("2024-07")}
	equal(t, -1, open.Months())
	equal(t, "[2024-07, …)", open.String())
	isTrue(t, open.Contains(mm("2099-12")))
	b, _ := json.Marshal(open)
	equal(t, `{"from":"2024-07"}`, string(b))
}
