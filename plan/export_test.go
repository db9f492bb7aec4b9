package plan

// Names the external tests (package plan_test) reach that are not part of
// the package's API.

func (p Plan) Clone() Plan        { return p.clone() }
func (p Plan) Validate() error    { return p.validate() }
func (d Date) Before(e Date) bool { return d.v < e.v }
func (d Date) After(e Date) bool  { return d.v > e.v }
