package floor_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/region"
)

// A finding's message is made when it is read, and its JSON ends with
// it as "message", escaped as an encoder escapes any string member.
// Worked example B (floor/doc.go): 103 paid against the floor of 123
// from 2024-01 to 2024-06, 10,000 beneficiaries: 20 × 60,000
// person-months = 1,200,000.00; a waiver over those months whose
// reason holds "<" and "&".
func TestFindingMessageJSON(t *testing.T) {
	county := floor.Level{
		Region:  region.MustParseCode("371723"),
		Program: "pension.resident.basic",
		Schedule: mustSchedule(
			benefit.Version{From: benefit.MustParseMonth("2023-01"), Amount: benefit.Yuan(103), Status: benefit.Illustrative},
			benefit.Version{From: benefit.MustParseMonth("2024-07"), Amount: benefit.Yuan(123), Status: benefit.Illustrative},
		),
		Beneficiaries: 10000,
	}
	opts := floor.Options{From: benefit.MustParseMonth("2024-01"), To: benefit.MustParseMonth("2025-01")}
	rep, err := floor.Check([]floor.Level{county}, opts)
	if err != nil || len(rep.Findings) != 1 {
		t.Fatal(err, rep)
	}
	f := rep.Findings[0]
	const msg = "level 103.00 is below the national floor 123.00 (announced)"
	if f.Message() != msg {
		t.Errorf("Message() = %q", f.Message())
	}
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, part := range []string{`{"rule":"floor","severity":"violation","region":"371723","region_name":"成武县","program":"pension.resident.basic",`,
		`"person_months":60000,"arrears":"1200000.00","payer":"budget","central":"600000.00","local":"600000.00","split_known":true,`,
		`,"message":"` + msg + `"}`} {
		if !strings.Contains(s, part) {
			t.Errorf("JSON lacks %s:\n%s", part, s)
		}
	}
	if !strings.HasSuffix(s, `,"message":"`+msg+`"}`) {
		t.Errorf("message is not the last member:\n%s", s)
	}

	opts.Waivers = []floor.Waiver{{Region: county.Region, Program: county.Program, Reason: "批复 <2024> & 2025",
		Interval: benefit.Interval{From: benefit.MustParseMonth("2024-01"), To: benefit.MustParseMonth("2024-07")}}}
	if rep, err = floor.Check([]floor.Level{county}, opts); err != nil {
		t.Fatal(err)
	}
	f = rep.Findings[0]
	if want := msg + "; waived: 批复 <2024> & 2025"; f.Severity != floor.Waived || f.Message() != want {
		t.Errorf("%s: %q, want %q", f.Severity, f.Message(), want)
	}
	if b, _ = json.Marshal(f); !bytes.HasSuffix(b, []byte(`; waived: 批复 \u003c2024\u003e \u0026 2025"}`)) {
		t.Errorf("json.Marshal escapes HTML in the message as in any string: %s", b)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil || !strings.HasSuffix(buf.String(), `; waived: 批复 <2024> & 2025"}`+"\n") {
		t.Errorf("an encoder that does not escape HTML leaves the message as it is: %s %v", buf.String(), err)
	}
	// a finding not made by Check says nothing
	if m := (floor.Finding{Rule: floor.RuleFloor}).Message(); m != "" {
		t.Errorf("zero message %q", m)
	}
}
