package benefit

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

// Dims are the dimension values a level or a standard is keyed by, such
// as grade=1 and cause=因战 for a disability pension. Dims are held in a
// canonical form (keys sorted, "cause=因战;grade=1"), so they compare
// with == and serve as map keys. The zero Dims has no keys: a figure that
// does not vary, or that applies to every value.
type Dims struct {
	s string
}

// ParseDims parses "key=value;key=value" in any order. Keys and values
// are trimmed; a key may appear once; "=" and ";" cannot appear inside a
// key or value. The empty string gives the zero Dims. The error is a
// *ParseError wrapping ErrSyntax.
func ParseDims(s string) (Dims, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Dims{}, nil
	}
	m := map[string]string{}
	for part := range strings.SplitSeq(s, ";") {
		k, v, ok := strings.Cut(part, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" || v == "" || strings.Contains(v, "=") {
			return Dims{}, parseErr("dimensions", s, fmt.Sprintf("want key=value;key=value, got %q", part), ErrSyntax)
		}
		if _, dup := m[k]; dup {
			return Dims{}, parseErr("dimensions", s, fmt.Sprintf("key %q given twice", k), ErrSyntax)
		}
		m[k] = v
	}
	return DimsOf(m)
}

// MustParseDims is like ParseDims but panics on error.
func MustParseDims(s string) Dims {
	d, err := ParseDims(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DimsOf builds Dims from a map of key to value; m is not kept. Keys and
// values must be non-empty and contain no "=" or ";"; the error is a
// *ParseError wrapping ErrSyntax. A nil or empty map gives the zero Dims.
func DimsOf(m map[string]string) (Dims, error) {
	keys := slices.Sorted(maps.Keys(m)) // in order, so that an error names the same key every time
	for _, k := range keys {
		if v := m[k]; k == "" || v == "" || strings.ContainsAny(k, "=;") || strings.ContainsAny(v, "=;") {
			return Dims{}, parseErr("dimensions", k+"="+v, `keys and values must be non-empty and contain no "=" or ";"`, ErrSyntax)
		}
	}
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(k + "=" + m[k])
	}
	return Dims{b.String()}, nil
}

// IsZero reports whether d has no keys.
func (d Dims) IsZero() bool { return d.s == "" }

// String returns the canonical form, "cause=因战;grade=1".
func (d Dims) String() string { return d.s }

// All returns the key-value pairs in key order.
func (d Dims) All() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		if d.s == "" {
			return
		}
		for part := range strings.SplitSeq(d.s, ";") {
			k, v, _ := strings.Cut(part, "=")
			if !yield(k, v) {
				return
			}
		}
	}
}

// Get returns the value of key, and whether d has it.
func (d Dims) Get(key string) (string, bool) {
	for k, v := range d.All() {
		if k == key {
			return v, true
		}
	}
	return "", false
}

// Matches reports whether every key of pattern is in d with the same
// value. The zero pattern matches everything.
func (d Dims) Matches(pattern Dims) bool {
	for k, v := range pattern.All() {
		if got, ok := d.Get(k); !ok || got != v {
			return false
		}
	}
	return true
}

// MarshalText implements encoding.TextMarshaler.
func (d Dims) MarshalText() ([]byte, error) { return []byte(d.s), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseDims.
func (d *Dims) UnmarshalText(b []byte) error {
	v, err := ParseDims(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
