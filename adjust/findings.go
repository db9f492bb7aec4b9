package adjust

// Finding is a floor-check finding attached to a region-year.
// Placeholder until the floor package lands.
type Finding struct {
	Rule    string `json:"rule"`
	Message string `json:"message"`
}
