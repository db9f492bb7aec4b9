package output

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/columns"
	"github.com/benefitstd/benefitstd/compare"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/plan"
	"github.com/benefitstd/benefitstd/region"
)

// jsonRenderer renders every result as indented JSON (two spaces), amounts as
// strings ("1200000.00"), months "YYYY-MM"; the bytes depend only on the
// result. Citations and names keep "<", ">" and "&" as they are.
//
// A *floor.Report is written with the stable schema documented in the
// package documentation (schema_version ReportSchemaVersion); the
// simulation results (*adjust.Result, *compare.SweepResult,
// *compare.Comparison, *columns.Result) and the plan results with the JSON tags of their
// types.
type jsonRenderer struct {
	w io.Writer
}

// newJSON returns the JSON renderer writing to w.
func newJSON(w io.Writer) *jsonRenderer { return &jsonRenderer{w: w} }

// ReportSchemaVersion is the version of the JSON schema of a compliance
// report (*floor.Report). It changes only when a field is removed or
// changes meaning; fields may be added within a version.
const ReportSchemaVersion = "2"

// Render writes v as JSON.
func (j *jsonRenderer) Render(v any) error {
	var doc any
	escapeHTML := false
	switch r := v.(type) {
	case *floor.Report:
		doc = reportJSON(r)
	case *adjust.Result, *compare.SweepResult, *compare.Comparison, *columns.Result:
		doc = r
	case *PlanRun:
		p := &r.Plan
		doc = planJSON{Plan: planInfoJSON{p.ID, p.Name, p.NameEN, p.Status, p.Citation, p.Note},
			Population: r.Population, Synthetic: r.Synthetic, Summary: r.Report, Calibration: r.Calibration}
	case *FloorList:
		doc = r
	case *RegionList:
		doc, escapeHTML = r, true // the listing has always escaped HTML; its text holds none
	default:
		return unsupported(FormatJSON, v)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(escapeHTML)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := j.w.Write(b.Bytes())
	return err
}

// planJSON is the JSON of a PlanRun.
type planJSON struct {
	Plan        planInfoJSON      `json:"plan"`
	Population  string            `json:"population"`
	Synthetic   bool              `json:"synthetic"`
	Summary     *plan.Report      `json:"summary"`
	Calibration *plan.Calibration `json:"calibration,omitempty"`
}

type planInfoJSON struct {
	ID       string           `json:"id"`
	Name     string           `json:"name"`
	NameEN   string           `json:"name_en"`
	Status   benefit.Status   `json:"status"`
	Citation benefit.Citation `json:"citation"`
	Note     string           `json:"note,omitempty"`
}

// The JSON schema of a compliance report, version ReportSchemaVersion.
type jsonReport struct {
	SchemaVersion string               `json:"schema_version"`
	Window        jsonWindow           `json:"window"`
	FloorsVersion string               `json:"floors_version"`
	Illustrative  bool                 `json:"illustrative"`
	Note          string               `json:"note,omitempty"`
	Summary       floor.Summary        `json:"summary"`
	Coverage      []floor.RuleCoverage `json:"coverage"`
	Effects       []jsonEffect         `json:"effects"`
	Findings      []jsonFinding        `json:"findings"`
	Checked       []floor.Checked      `json:"checked"`
}

type jsonWindow struct {
	From string `json:"from"`
	To   string `json:"to"` // "" = open
	AsOf string `json:"as_of"`
}

type jsonFinding struct {
	Rule          string           `json:"rule"`
	Severity      floor.Severity   `json:"severity"`
	Unchecked     floor.Reason     `json:"unchecked,omitempty"`
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
	Waiver        *floor.Waiver    `json:"waiver,omitempty"`
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

// reportJSON builds the JSON document of r.
func reportJSON(r *floor.Report) jsonReport {
	j := jsonReport{
		SchemaVersion: ReportSchemaVersion,
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
		j.Checked = []floor.Checked{}
	}
	if j.Coverage == nil {
		j.Coverage = []floor.RuleCoverage{}
	}
	for i := range r.Effects {
		e := &r.Effects[i]
		je := jsonEffect{Region: e.Region.String(), RegionName: e.RegionName, Program: e.Program, AtFloor: e.AtFloor, Checked: e.Checked,
			MonthsAtFloor: e.MonthsAtFloor, MonthsChecked: e.MonthsChecked, Arrears: e.Arrears, Raises: make([]jsonRaise, len(e.Raises))}
		if s, ok := shareText(e); ok {
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
			InheritedFrom: f.InheritedFrom.String(), Waiver: f.Waiver, Message: f.Message()}
		if f.SplitKnown {
			jf.Central, jf.Local = &f.Central, &f.Local
		}
		if f.Rule == floor.RuleFloor && f.Unchecked == "" {
			jf.FloorStatus = f.FloorStatus.String()
		}
		j.Findings[i] = jf
	}
	return j
}
