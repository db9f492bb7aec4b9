package region

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/benefitstd/benefitstd/benefit"
)

// Sentinel errors for errors.Is.
var (
	// ErrInvalidCode reports a string that is not a GB/T 2260 code.
	ErrInvalidCode = errors.New("region: invalid GB/T 2260 code")
	// ErrUnknownRegion reports a well-formed code that is not a division
	// of the table (行政区划代码不存在): a made-up code, or a historical or
	// new one the table has not been given (Table.WithDivisions).
	ErrUnknownRegion = errors.New("region: unknown region")
	// ErrNoCostRule reports a programme with no cost-sharing rule.
	ErrNoCostRule = errors.New("region: no cost-sharing rule for programme")
)

// A Rank is the level of a division in the hierarchy (行政级别):
// province, prefecture or county.
type Rank int8

const (
	Province   Rank = iota + 1 // 省级: XX0000
	Prefecture                 // 地级: XXXX00
	County                     // 县级: XXXXXX
)

var levelNames = [...]string{Province: "province", Prefecture: "prefecture", County: "county"}

// String returns "province", "prefecture" or "county".
func (l Rank) String() string {
	if l >= Province && l <= County {
		return levelNames[l]
	}
	return "Rank(" + strconv.Itoa(int(l)) + ")"
}

// parseRank parses "province", "prefecture" or "county" (the level
// column of a divisions file). The error wraps benefit.ErrSyntax.
func parseRank(s string) (Rank, error) {
	for l := Province; l <= County; l++ {
		if s == levelNames[l] {
			return l, nil
		}
	}
	return 0, fmt.Errorf("%w: level %q (want province, prefecture or county)", benefit.ErrSyntax, s)
}

// MarshalText implements encoding.TextMarshaler: "province",
// "prefecture" or "county", and "" for the zero Rank (as Code gives ""
// for the zero Code). A Rank out of range is an error.
func (l Rank) MarshalText() ([]byte, error) {
	switch {
	case l == 0:
		return nil, nil
	case l < Province || l > County:
		return nil, fmt.Errorf("%w: %s", benefit.ErrSyntax, l)
	}
	return []byte(levelNames[l]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: "province",
// "prefecture" or "county".
func (l *Rank) UnmarshalText(b []byte) error {
	v, err := parseRank(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
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

// CodeError describes a code that is not valid (a malformed string) or
// not known (a well-formed code that is no division of the table). It
// wraps Err, so errors.Is(err, ErrInvalidCode) or errors.Is(err,
// ErrUnknownRegion) holds through it; a nil Err reads as
// ErrInvalidCode.
type CodeError struct {
	Input string // the code as given
	Msg   string // what is wrong with it
	Err   error  // ErrInvalidCode or ErrUnknownRegion
}

func (e *CodeError) Error() string {
	if e.Err == ErrUnknownRegion {
		return fmt.Sprintf("region: unknown region %s: %s", e.Input, e.Msg)
	}
	return fmt.Sprintf("region: invalid code %q: %s", e.Input, e.Msg)
}

func (e *CodeError) Unwrap() error {
	if e.Err == nil {
		return ErrInvalidCode
	}
	return e.Err
}

// unknown is the error of a well-formed code the table does not hold.
func unknown(c Code) error {
	return &CodeError{Input: c.String(), Msg: "not a division of the table (historical and new codes can be added: region.Table.WithDivisions, benefitstd --regions FILE)", Err: ErrUnknownRegion}
}

// provinces marks the province digits of GB/T 2260: 11-15, 21-23,
// 31-37, 41-46, 50-54 and 61-65, the 31 provincial divisions of the
// mainland (Taiwan 71, Hong Kong 81 and Macao 82 are not in the table).
var provinces = func() (p [66]bool) {
	for _, r := range [][2]int{{11, 15}, {21, 23}, {31, 37}, {41, 46}, {50, 54}, {61, 65}} {
		for i := r[0]; i <= r[1]; i++ {
			p[i] = true
		}
	}
	return p
}()

// ParseCode parses a six-digit code whose first two digits are those of
// one of the 31 provinces (11-15, 21-23, 31-37, 41-46, 50-54, 61-65).
// It checks the form only: whether the code is a division is the
// table's to say (Table.Resolve). The error is a *CodeError wrapping
// ErrInvalidCode.
func ParseCode(s string) (Code, error) {
	if len(s) != 6 {
		return Code{}, &CodeError{Input: s, Msg: "want six digits, e.g. 140822", Err: ErrInvalidCode}
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return Code{}, &CodeError{Input: s, Msg: "want six digits, e.g. 140822", Err: ErrInvalidCode}
		}
		n = n*10 + int(c-'0')
	}
	if p := n / 10000; p >= len(provinces) || !provinces[p] {
		return Code{}, &CodeError{Input: s, Msg: "the first two digits are no province's (11-15, 21-23, 31-37, 41-46, 50-54, 61-65)", Err: ErrInvalidCode}
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

// Rank returns the level the digits of c give: province for XX0000,
// prefecture for XXXX00, county otherwise. A division of the table has
// this level (the table refuses one that does not).
func (c Code) Rank() Rank {
	switch {
	case c.n%10000 == 0:
		return Province
	case c.n%100 == 0:
		return Prefecture
	}
	return County
}

// Province returns the code of c's province (XX0000): in GB/T 2260 the
// first two digits name the province.
func (c Code) Province() Code { return Code{c.n / 10000 * 10000} }

// prefecture returns the prefecture code the digits of c name (XXXX00)
// and true, or false when c is a province or its prefecture digits are
// 00. It reads the digits only; Table.Resolve gives the recorded parent.
func (c Code) prefecture() (Code, bool) {
	if c.Rank() == Province || (c.n/100)%100 == 0 {
		return Code{}, false
	}
	return Code{c.n / 100 * 100}, true
}

// Parent returns the next code up by the digits alone (140822 → 140800
// → 140000), and false for a province. It needs no table and does not
// say that the code exists; a division's recorded parent is
// Division.Parent (Table.Resolve, Table.Ancestors), which is what the
// table's tiers and groups follow. For every division of the embedded
// table the two agree.
func (c Code) Parent() (Code, bool) {
	switch c.Rank() {
	case County:
		if p, ok := c.prefecture(); ok {
			return p, true
		}
		return c.Province(), true
	case Prefecture:
		return c.Province(), true
	}
	return Code{}, false
}

// ancestors returns the chain of Parent by digits, nearest first: for
// 140822 it is 140800, 140000. Table.Ancestors gives the recorded chain.
func (c Code) ancestors() []Code {
	var out []Code
	for p, ok := c.Parent(); ok; p, ok = p.Parent() {
		out = append(out, p)
	}
	return out
}

// contains reports whether d is c or lies under c by the digits
// (ancestors).
func (c Code) contains(d Code) bool {
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
