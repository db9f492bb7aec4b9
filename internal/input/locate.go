package input

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
)

// locate follows the JSON pointer ptr into doc with the tokenizer of
// jsontext. It returns the offset where the value begins (or, when ptr
// is not all there, where the deepest part of it that is there begins;
// -1 when doc is not JSON), the value's path in the library's spelling
// ("levels[2].versions[0].amount", indexes where doc has a list, keys
// where it has an object), and whether the whole pointer was found.
func locate(doc []byte, ptr string) (off int64, path string, found bool) {
	dec := jsontext.NewDecoder(bytes.NewReader(doc), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	var b strings.Builder
	off = valueStart(doc, 0)
	toks := jsontext.Pointer(ptr).Tokens()
	found = true
	for tok := range toks {
		if !found { // the rest of the path, as written
			appendKey(&b, tok)
			continue
		}
		switch dec.PeekKind() {
		case '[':
			if _, err := dec.ReadToken(); err != nil {
				return -1, ptrPath(ptr), false
			}
			n, err := strconv.Atoi(tok)
			if err != nil || n < 0 {
				found = false
				appendKey(&b, tok)
				continue
			}
			for i := 0; i < n && found; i++ {
				if dec.PeekKind() == ']' || dec.SkipValue() != nil {
					found = false
				}
			}
			if found && dec.PeekKind() == ']' {
				found = false
			}
			b.WriteString("[" + tok + "]")
		case '{':
			if _, err := dec.ReadToken(); err != nil {
				return -1, ptrPath(ptr), false
			}
			for {
				if dec.PeekKind() != '"' {
					found = false
					break
				}
				name, err := dec.ReadToken()
				if err != nil {
					return -1, ptrPath(ptr), false
				}
				if name.String() == tok {
					break
				}
				if dec.SkipValue() != nil {
					return -1, ptrPath(ptr), false
				}
			}
			appendKey(&b, tok)
		default:
			found = false
			appendKey(&b, tok)
			continue
		}
		if found {
			off = valueStart(doc, dec.InputOffset())
		}
	}
	return off, b.String(), found
}

// valueStart returns the offset of the next value after off: past white
// space and the ':' or ',' before it.
func valueStart(doc []byte, off int64) int64 {
	for off < int64(len(doc)) {
		switch doc[off] {
		case ' ', '\t', '\r', '\n', ':', ',':
			off++
			continue
		}
		break
	}
	return off
}

// appendKey appends an object key to a path: ".key", or for a key that
// would read otherwise (empty, or holding . [ ] or "), `["key"]`.
func appendKey(b *strings.Builder, key string) {
	if key == "" || strings.ContainsAny(key, `.[]"`) {
		b.WriteString("[" + strconv.Quote(key) + "]")
		return
	}
	if b.Len() > 0 {
		b.WriteByte('.')
	}
	b.WriteString(key)
}

// ptrPath spells ptr in the library's way without the document: a
// token of digits is taken for an index.
func ptrPath(ptr string) string {
	var b strings.Builder
	for tok := range jsontext.Pointer(ptr).Tokens() {
		if _, err := strconv.Atoi(tok); err == nil && tok[0] != '-' && tok[0] != '+' {
			b.WriteString("[" + tok + "]")
		} else {
			appendKey(&b, tok)
		}
	}
	return b.String()
}

// PointerOf returns the JSON pointer of a path in the library's
// spelling: "levels[2].versions[0].amount" is
// "/levels/2/versions/0/amount", `a["x.y"]` is "/a/x.y".
func PointerOf(path string) string {
	var p jsontext.Pointer
	for path != "" {
		if strings.HasPrefix(path, `["`) {
			if q, err := strconv.QuotedPrefix(path[1:]); err == nil && strings.HasPrefix(path[1+len(q):], "]") {
				key, _ := strconv.Unquote(q)
				p = p.AppendToken(key)
				path = strings.TrimPrefix(path[2+len(q):], ".")
				continue
			}
		}
		if path[0] == '[' {
			end := strings.IndexByte(path, ']')
			if end < 0 {
				end = len(path) - 1
			}
			p = p.AppendToken(path[1:end])
			path = strings.TrimPrefix(path[end+1:], ".")
			continue
		}
		end := strings.IndexAny(path, ".[")
		if end < 0 {
			end = len(path)
		}
		p = p.AppendToken(path[:end])
		path = strings.TrimPrefix(path[end:], ".")
	}
	return string(p)
}

// pointerAt returns the pointer of the value that begins at off in doc
// (read up to off only): the member whose name was read last, or the
// next element of a list.
func pointerAt(doc []byte) string {
	dec := jsontext.NewDecoder(bytes.NewReader(doc), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	for {
		if _, err := dec.ReadToken(); err != nil {
			break
		}
	}
	depth := dec.StackDepth()
	if depth == 0 {
		return ""
	}
	k, n := dec.StackIndex(depth)
	ptr := dec.StackPointer()
	switch {
	case k == '[' && n == 0:
		return string(ptr.AppendToken("0"))
	case k == '[':
		return string(ptr.Parent().AppendToken(strconv.FormatInt(n, 10)))
	case k == '{' && n%2 == 1: // a name was read; its value is next
		return string(ptr)
	}
	return string(ptr)
}
