package plan

import (
	"strconv"
	"strings"
)

// reason codes in the per-person CSV
var reasonCode = [...]string{eligible: "", retiredLate: "retired_after_cutoff"}

// PerPersonHeader returns the header of the per-person CSV a run writes
// to Options.PerPerson:
//
//	id,eligible,reason,age,pension,part_<id> for each part,increase,new_pension,arrears_months,arrears
//
// eligible is "true" or "false"; reason is empty or a code
// (retired_after_cutoff); age is in full years at the plan's AgeAt;
// amounts are yuan per month with two decimals (arrears: the total owed).
// An ineligible retiree's amounts are 0.00 and new_pension is the
// pension unchanged.
func (c *Calculator) PerPersonHeader() string { return string(c.perPersonHeader()) }

func (c *Calculator) perPersonHeader() []byte {
	cols := []string{"id", "eligible", "reason", "age", "pension"}
	for _, pt := range c.plan.Parts {
		cols = append(cols, "part_"+pt.ID)
	}
	cols = append(cols, "increase", "new_pension", "arrears_months", "arrears")
	return []byte(strings.Join(cols, ",") + "\n")
}

func (c *Calculator) appendPerson(b []byte, x *row, age int, why reason, inc, months int64, parts []int64) []byte {
	b = appendCSVField(b, x.id)
	if why == eligible {
		b = append(b, ",true,,"...)
	} else {
		b = append(b, ",false,"...)
		b = append(b, reasonCode[why]...)
		b = append(b, ',')
	}
	b = strconv.AppendInt(b, int64(age), 10)
	b = append(b, ',')
	b = appendFen(b, x.pension)
	for _, v := range parts {
		b = append(b, ',')
		b = appendFen(b, v)
	}
	b = append(b, ',')
	b = appendFen(b, inc)
	b = append(b, ',')
	b = appendFen(b, x.pension+inc)
	b = append(b, ',')
	b = strconv.AppendInt(b, months, 10)
	b = append(b, ',')
	b = appendFen(b, inc*months)
	return append(b, '\n')
}

// appendCSVField appends s, quoted as RFC 4180 requires when it holds a
// comma, a quote, a line break or leading/trailing space.
func appendCSVField(b []byte, s string) []byte {
	if !strings.ContainsAny(s, ",\"\r\n") && strings.TrimSpace(s) == s {
		return append(b, s...)
	}
	b = append(b, '"')
	b = append(b, strings.ReplaceAll(s, `"`, `""`)...)
	return append(b, '"')
}
