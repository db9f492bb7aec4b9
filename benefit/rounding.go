package benefit

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/benefitstd/benefitstd/internal/input"
)

// A Unit is the step a rounded amount lands on: 分 (0.01), 角 (0.1),
// 元 (1) or 10 yuan. The zero Unit is Fen.
type Unit int8

const (
	Fen      Unit = iota // 0.01 yuan (分)
	Jiao                 // 0.1 yuan (角)
	YuanUnit             // 1 yuan (元)
	TenYuan              // 10 yuan
)

var unitNames = [...]string{Fen: "0.01", Jiao: "0.1", YuanUnit: "1", TenYuan: "10"}

func (u Unit) places() int32 {
	switch u {
	case Jiao:
		return 1
	case YuanUnit:
		return 0
	case TenYuan:
		return -1
	}
	return 2
}

// micro returns the unit in micro-yuan, the fixed-point form of an
// Amount: 10^4, 10^5, 10^6 or 10^7 (an unknown unit is Fen, as in places).
func (u Unit) micro() int64 { return pow10[amountScale-u.places()] }

// Step returns the unit as an Amount (0.01, 0.1, 1 or 10 yuan).
func (u Unit) Step() Amount { return Amount{v: u.micro()} }

func (u Unit) valid() bool { return u >= Fen && u <= TenYuan }

// String returns "0.01", "0.1", "1" or "10".
func (u Unit) String() string {
	if !u.valid() {
		return "Unit(" + strconv.Itoa(int(u)) + ")"
	}
	return unitNames[u]
}

// parseUnit parses "0.01", "0.1", "1" or "10" (also "fen", "jiao", "yuan",
// "10yuan", "分", "角", "元", "十元"). The error is a *ParseError wrapping
// ErrSyntax.
func parseUnit(s string) (Unit, error) {
	switch strings.TrimSpace(s) {
	case "0.01", "fen", "分":
		return Fen, nil
	case "0.1", "jiao", "角":
		return Jiao, nil
	case "1", "yuan", "元":
		return YuanUnit, nil
	case "10", "10yuan", "十元":
		return TenYuan, nil
	}
	return 0, parseErr("rounding unit", s, `want "0.01", "0.1", "1" or "10"`, ErrSyntax)
}

// A Mode says how an amount between two steps is rounded.
// The zero Mode is HalfUp.
type Mode int8

const (
	// HalfUp (四舍五入) rounds to the nearest step, and a tie away from
	// zero: 2.345 → 2.35, -2.345 → -2.35.
	HalfUp Mode = iota
	// HalfEven (银行家舍入) rounds to the nearest step, and a tie to the
	// even step: 2.345 → 2.34, 2.355 → 2.36.
	HalfEven
	// Up (进位, 进一法) rounds away from zero whenever anything is left:
	// 2.341 → 2.35.
	Up
	// Down (舍去, 去尾法) rounds toward zero: 2.349 → 2.34.
	Down
)

var modeNames = [...]string{HalfUp: "half_up", HalfEven: "half_even", Up: "up", Down: "down"}

func (m Mode) valid() bool { return m >= HalfUp && m <= Down }

// String returns "half_up", "half_even", "up" or "down".
func (m Mode) String() string {
	if !m.valid() {
		return "Mode(" + strconv.Itoa(int(m)) + ")"
	}
	return modeNames[m]
}

// parseMode parses "half_up", "half_even", "up" or "down" (also with a
// hyphen, and the Chinese names 四舍五入, 银行家舍入, 进位, 舍去). The error
// is a *ParseError wrapping ErrSyntax.
func parseMode(s string) (Mode, error) {
	switch strings.ReplaceAll(strings.TrimSpace(s), "-", "_") {
	case "half_up", "四舍五入":
		return HalfUp, nil
	case "half_even", "银行家舍入":
		return HalfEven, nil
	case "up", "进位":
		return Up, nil
	case "down", "舍去":
		return Down, nil
	}
	return 0, parseErr("rounding mode", s, `want "half_up", "half_even", "up" or "down"`, ErrSyntax)
}

// A Rounding names where and how an amount is rounded: a unit and a mode.
// Every rounding the library does takes one, so the rule is visible at
// the call and in the data.
//
// The zero Rounding is half-up to the fen (0.01 yuan, 四舍五入到分), the
// usual rule for a computed individual payment.
type Rounding struct {
	Unit Unit
	Mode Mode
}

// FenHalfUp returns the rounding half-up to 0.01 yuan (分, 四舍五入),
// the rounding of most amounts paid.
func FenHalfUp() Rounding { return Rounding{Fen, HalfUp} }

// known returns r's unit and mode as they round: an unknown unit rounds
// to the fen and an unknown mode half-up.
func (r Rounding) known() (Unit, Mode) {
	u, m := r.Unit, r.Mode
	if !u.valid() {
		u = Fen
	}
	if !m.valid() {
		m = HalfUp
	}
	return u, m
}

// roundPlaces rounds a decimal beyond the fixed-point form.
func roundPlaces(d decimal.Decimal, places int32, m Mode) decimal.Decimal {
	switch m {
	case HalfEven:
		return d.RoundBank(places)
	case Up:
		return d.RoundUp(places) // shopspring's RoundUp is away from zero
	case Down:
		return d.RoundDown(places) // toward zero
	default:
		return d.Round(places) // half away from zero
	}
}

// IsValid reports whether r's unit and mode are known values.
func (r Rounding) IsValid() bool { return r.Unit.valid() && r.Mode.valid() }

// String returns the rounding as "half_up to 0.01".
func (r Rounding) String() string { return r.Mode.String() + " to " + r.Unit.String() }

type roundingJSON struct {
	Unit string `json:"unit"`
	Mode string `json:"mode"`
}

// MarshalJSON writes {"unit":"0.01","mode":"half_up"}.
func (r Rounding) MarshalJSON() ([]byte, error) {
	return json.Marshal(roundingJSON{r.Unit.String(), r.Mode.String()})
}

// UnmarshalJSON reads {"unit":"10","mode":"half_up"}; both fields are
// required and unknown fields are errors.
func (r *Rounding) UnmarshalJSON(b []byte) error {
	var j roundingJSON
	if err := input.Value(b, &j); err != nil {
		return err
	}
	u, err := parseUnit(j.Unit)
	if err != nil {
		return err
	}
	m, err := parseMode(j.Mode)
	if err != nil {
		return err
	}
	*r = Rounding{u, m}
	return nil
}
