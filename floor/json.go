package floor

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/region"
)

// SchemaVersion is the version of the JSON report schema written by
// WriteJSON. It changes only when a field is removed or changes meaning;
// fields may be added within a version.
const SchemaVersion = "2"

type jsonReport struct {
	SchemaVersion string         `json:"schema_version"`
	Window        jsonWindow     `json:"window"`
	FloorsVersion string         `json:"floors_version"`
	Illustrative  bool           `json:"illustrative"`
	Note          string         `json:"note,omitempty"`
	Summary       Summary        `json:"summary"`
	Coverage      []RuleCoverage `json:"coverage"`
	Effects       []jsonEffect   `json:"effects"`
	Findings      []jsonFinding  `json:"findings"`
	Checked       []Checked      `json:"checked"`
}

type jsonWindow struct {
	From string `json:"from"`
	To   string `json:"to"` // "" = open
	AsOf string `json:"as_of"`
}

type jsonFinding struct {
	Rule          string           `json:"rule"`
	Severity      Severity         `json:"severity"`
	Unchecked     Reason           `json:"unchecked,omitempty"`
	Region        string           `json:"region"`
	RegionName    string           `json:"region_name"`
	Program       string           `json:"program"`
	Dimensions    string           `json:"dimensions"`
	From          string           `json:"from"`
	To            string           `json:"to"`
	Months        int              `json:"months"`
	Per           string           `json:"per"`
	Required      benefit.Amount   `json:"required"`
	Actual        benefit.Amount   `json:"actual"`
	Shortfall     benefit.Amount   `json:"shortfall"`
	Excess        benefit.Amount   `json:"excess"`
	Persons       int64            `json:"persons"`
	PersonMonths  int64            `json:"person_months"`
	Arrears       benefit.Amount   `json:"arrears"`
	Payer         region.Payer     `json:"payer,omitempty"`
	Central       *benefit.Amount  `json:"central"`
	Local         *benefit.Amount  `json:"local"`
	Interest      benefit.Amount   `json:"interest"`
	Citation      benefit.Citation `json:"citation"`
	Source        benefit.Citation `json:"source"`
	FloorStatus   string           `json:"floor_status,omitempty"`
	InheritedFrom string           `json:"inherited_from,omitempty"`
	Waiver        *Waiver          `json:"waiver,omitempty"`
	Message       string           `json:"message"`
}

type jsonEffect struct {
	Region        string          `json:"region"`
	RegionName    string          `json:"region_name"`
	Program       string          `json:"program"`
	AtFloor       int64           `json:"beneficiary_months_at_floor"`
	Checked       int64           `json:"beneficiary_months_checked"`
	Share         *string         `json:"share"` // AtFloor / Checked as a rounded percentage, for display; null when nothing was checked
	MonthsAtFloor int64           `json:"level_months_at_floor"`
	MonthsChecked int64           `json:"level_months_checked"`
	Arrears       benefit.Amount  `json:"arrears"`
	Raises        []jsonRaise     `json:"raises"`
	Headroom      *benefit.Amount `json:"headroom"` // null when no floor was evaluated
	HeadroomPer   string          `json:"headroom_per,omitempty"`
}

type jsonRaise struct {
	From    string `json:"from"`
	Reached string `json:"reached"` // "" = not yet
	Months  *int   `json:"months"`  // null = not yet
}

// WriteJSON writes r as JSON with the stable schema documented in the
// package documentation (schema_version "2"). Amounts are strings
// ("1200000.00"), months "YYYY-MM", and the output is byte-identical for
// the same report.
func (r *Report) WriteJSON(w io.Writer) error {
	j := jsonReport{
		SchemaVersion: SchemaVersion,
		Window:        jsonWindow{From: r.From.String(), To: r.To.String(), AsOf: r.AsOf.String()},
		FloorsVersion: r.FloorsVersion,
		Illustrative:  r.Illustrative,
		Note:          r.Note,
		Summary:       r.Summary,
		Coverage:      r.Coverage,
		Effects:       make([]jsonEffect, len(r.Effects)),
		Findings:      make([]jsonFinding, len(r.Findings)),
		Checked:       r.Checked,
	}
	if j.Checked == nil {
		j.Checked = []Checked{}
	}
	if j.Coverage == nil {
		j.Coverage = []RuleCoverage{}
	}
	for i := range r.Effects {
		e := &r.Effects[i]
		je := jsonEffect{Region: e.Region.String(), RegionName: e.RegionName, Program: e.Program, AtFloor: e.AtFloor, Checked: e.Checked,
			MonthsAtFloor: e.MonthsAtFloor, MonthsChecked: e.MonthsChecked, Arrears: e.Arrears, Raises: make([]jsonRaise, len(e.Raises))}
		if s, ok := e.shareText(); ok {
			je.Share = &s
		}
		for k, ra := range e.Raises {
			jr := jsonRaise{From: ra.From.String(), Reached: ra.Reached.String()}
			if n := ra.Months(); n >= 0 {
				jr.Months = &n
			}
			je.Raises[k] = jr
		}
		if e.HeadroomKnown {
			je.Headroom, je.HeadroomPer = &e.Headroom, e.HeadroomPer.String()
		}
		j.Effects[i] = je
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		jf := jsonFinding{Rule: f.Rule, Severity: f.Severity, Unchecked: f.Unchecked, Region: f.Region.String(), RegionName: f.RegionName,
			Program: f.Program, Dimensions: f.Dims.String(), From: f.Interval.From.String(), To: f.Interval.To.String(),
			Months: max(f.Interval.Months(), 0), Per: f.Per.String(), Required: f.Required, Actual: f.Actual,
			Shortfall: f.Shortfall, Excess: f.Excess, Persons: f.Persons, PersonMonths: f.PersonMonths,
			Arrears: f.Arrears, Payer: f.Payer, Interest: f.Interest, Citation: f.Citation, Source: f.Source,
			InheritedFrom: f.InheritedFrom.String(), Waiver: f.Waiver, Message: f.Message}
		if f.SplitKnown {
			jf.Central, jf.Local = &f.Central, &f.Local
		}
		if f.Rule == RuleFloor && f.Unchecked == "" {
			jf.FloorStatus = f.FloorStatus.String()
		}
		j.Findings[i] = jf
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // keep "->" and "<" readable in citations
	if err := enc.Encode(j); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// shareText writes Share as a percentage with one decimal ("97.3%").
func (e Effect) shareText() (string, bool) {
	pm, ok := e.Share()
	if !ok {
		return "", false
	}
	return strconv.FormatInt(pm/10, 10) + "." + strconv.FormatInt(pm%10, 10) + "%", true
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
