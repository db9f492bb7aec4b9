package floor

import (
	"fmt"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
)

// A Severity says how serious a finding is. Violation (违规) breaks a
// legal floor or bound; Warning (警告) is something to look at (a cut, a
// stale figure, a shortfall against a provisional floor, an expired
// waiver); Advisory (提示) misses a policy target that is not law (the
// 90 % unemployment-benefit target); Waived (已豁免) is a violation
// covered by a recorded waiver, counted apart and never dropped.
//
// The zero Severity is unset; Options use it to mean "the default".
type Severity int8

const (
	Advisory  Severity = iota + 1 // 提示
	Warning                       // 警告
	Violation                     // 违规
	Waived                        // 已豁免
)

var severityNames = [...]string{Advisory: "advisory", Warning: "warning", Violation: "violation", Waived: "waived"}

// String returns "advisory", "warning", "violation" or "waived".
func (s Severity) String() string {
	if s < Advisory || s > Waived {
		return fmt.Sprintf("Severity(%d)", int(s))
	}
	return severityNames[s]
}

// parseSeverity is the inverse of String.
func parseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if n != "" && n == strings.TrimSpace(s) {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("%w: severity %q (want advisory, warning, violation or waived)", benefit.ErrSyntax, s)
}

// AtLeast reports whether s reaches level: violation ≥ warning ≥
// advisory. Waived never reaches any level.
func (s Severity) AtLeast(level Severity) bool {
	if s == Waived || s == 0 {
		return false
	}
	return s >= level
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler: it reads what
// String writes (advisory, warning, violation or waived) and refuses
// anything else with an error wrapping benefit.ErrSyntax.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := parseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
