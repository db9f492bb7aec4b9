package region

import (
	"errors"
	"fmt"
	"strconv"
)

// Sentinel errors for errors.Is.
var (
	// ErrInvalidCode reports a string that is not a GB/T 2260 code.
	ErrInvalidCode = errors.New("region: invalid GB/T 2260 code")
	// ErrUnknownRegion reports a well-formed code whose province the
	// table does not hold.
	ErrUnknownRegion = errors.New("region: unknown region")
	// ErrNoCostRule reports a programme with no cost-sharing rule.
	ErrNoCostRule = errors.New("region: no cost-sharing rule for programme")
)

// A Level is the place of a division in the hierarchy.
type Level int8

const (
	Province   Level = iota + 1 // 省级: XX0000
	Prefecture                  // 地级: XXXX00
	County                      // 县级: XXXXXX
)

// String returns "province", "prefecture" or "county".
func (l Level) String() string {
	switch l {
	case Province:
		return "province"
	case Prefecture:
		return "prefecture"
	case County:
		return "county"
	}
	return "Level(" + strconv.Itoa(int(l)) + ")"
}

// A Code is a six-digit GB/T 2260 administrative-division code such as
// 140822 (万荣县): digits 1-2 name the province, 3-4 the prefecture, 5-6
// the county. Codes are small comparable values, usable as map keys.
//
// The zero Code is not valid; IsValid reports it. Build codes with
// ParseCode or MustParseCode.
type Code struct {
	n int32 // 110000-659999; 0 = invalid
}

// CodeError describes a string that is not a valid code. It wraps
// ErrInvalidCode, so errors.Is(err, ErrInvalidCode) holds through it.
type CodeError struct {
	Input string // the input as given
	Msg   string // what is wrong with it
}

func (e *CodeError) Error() string {
	return fmt.Sprintf("region: invalid code %q: %s", e.Input, e.Msg)
}

func (e *CodeError) Unwrap() error { return ErrInvalidCode }

// ParseCode parses a six-digit code. Any six ASCII digits whose
// province part is 11-65 are accepted; the level follows from the
// digits (see Code.Level), so XX00YY is a county directly under its
// province, as some GB/T 2260 codes are. The error is a *CodeError
// wrapping ErrInvalidCode.
func ParseCode(s string) (Code, error) {
	if len(s) != 6 {
		return Code{}, &CodeError{s, "want six digits, e.g. 140822"}
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return Code{}, &CodeError{s, "want six digits, e.g. 140822"}
		}
		n = n*10 + int(c-'0')
	}
	if p := n / 10000; p < 11 || p > 65 {
		return Code{}, &CodeError{s, "province digits must be 11-65"}
	}
	return Code{int32(n)}, nil
}

// MustParseCode is like ParseCode but panics on error.
func MustParseCode(s string) Code {
	c, err := ParseCode(s)
	if err != nil {
		panic(err)
	}
	return c
}

// IsValid reports whether c is a parsed code (not the zero Code).
func (c Code) IsValid() bool { return c.n != 0 }

// Level returns the level of c: province for XX0000, prefecture for
// XXXX00, county otherwise.
func (c Code) Level() Level {
	switch {
	case c.n%10000 == 0:
		return Province
	case c.n%100 == 0:
		return Prefecture
	}
	return County
}

// Province returns the code of c's province (XX0000).
func (c Code) Province() Code { return Code{c.n / 10000 * 10000} }

// Prefecture returns the code of c's prefecture (XXXX00) and true, or
// false when c is a province or a county directly under its province
// (prefecture digits 00).
func (c Code) Prefecture() (Code, bool) {
	if c.Level() == Province || (c.n/100)%100 == 0 {
		return Code{}, false
	}
	return Code{c.n / 100 * 100}, true
}

// Parent returns the next division up by code (140822 → 140800 →
// 140000), and false for a province.
func (c Code) Parent() (Code, bool) {
	switch c.Level() {
	case County:
		if p, ok := c.Prefecture(); ok {
			return p, true
		}
		return c.Province(), true
	case Prefecture:
		return c.Province(), true
	}
	return Code{}, false
}

// Ancestors returns the parent chain of c, nearest first: for 140822 it
// is 140800, 140000.
func (c Code) Ancestors() []Code {
	var out []Code
	for p, ok := c.Parent(); ok; p, ok = p.Parent() {
		out = append(out, p)
	}
	return out
}

// Contains reports whether d is c or lies under c.
func (c Code) Contains(d Code) bool {
	if c == d {
		return true
	}
	for p, ok := d.Parent(); ok; p, ok = p.Parent() {
		if p == c {
			return true
		}
	}
	return false
}

// Compare orders codes numerically; for slices.SortFunc.
func (c Code) Compare(d Code) int {
	switch {
	case c.n < d.n:
		return -1
	case c.n > d.n:
		return 1
	}
	return 0
}

// String returns the six digits, or "" for the zero Code.
func (c Code) String() string {
	if c.n == 0 {
		return ""
	}
	return strconv.Itoa(int(c.n))
}

// MarshalText implements encoding.TextMarshaler.
func (c Code) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseCode.
func (c *Code) UnmarshalText(b []byte) error {
	v, err := ParseCode(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
