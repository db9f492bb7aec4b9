package benefit

// Names the external tests (package benefit_test) reach that are not part
// of the package's API.

const (
	MaxAmountScale   = maxAmountScale
	MaxRateIntDigits = maxRateIntDigits
	MaxRateScale     = maxRateScale
)

var NewCatalogue = newCatalogue

func (p Program) Dimension(key string) (Dimension, bool) { return p.dimension(key) }

func (s Schedule) Append(v Version) (Schedule, error) { return s.appendVersion(v) }
