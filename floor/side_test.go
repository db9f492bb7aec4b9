package floor_test

import (
	"errors"
	"testing"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
)

// A Side is written as the floor set's JSON writes a relative rule's
// bound ("lower", "upper") and read back; the zero Side is not a side.
func TestSideText(t *testing.T) {
	for _, c := range []struct {
		s    floor.Side
		text string
	}{{floor.Lower, "lower"}, {floor.Upper, "upper"}} {
		b, err := c.s.MarshalText()
		if err != nil || string(b) != c.text {
			t.Errorf("%d: %q %v, want %q", c.s, b, err, c.text)
		}
		var back floor.Side
		if err := back.UnmarshalText([]byte(c.text)); err != nil || back != c.s {
			t.Errorf("%q read back as %v, %v", c.text, back, err)
		}
	}
	if _, err := floor.Side(0).MarshalText(); err == nil {
		t.Error("the zero Side was written")
	}
	var s floor.Side
	if err := s.UnmarshalText([]byte("Lower")); !errors.Is(err, benefit.ErrSyntax) || s != 0 {
		t.Errorf(`"Lower": %v, %v; want an ErrSyntax and no side`, s, err)
	}
}
