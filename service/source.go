package service

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
)

// A source says where an input the library read came from, so that an
// error of the library (a *benefit.RecordError naming file, line, field
// and pointer within what it read) names the field and line of the
// request: the JSON body (or the multipart part "request"), a document
// embedded in it at a member (decoded by the library on its own, its
// lines and pointers relative to the member's value), or an uploaded
// file part.
type source struct {
	doc    *input.Doc // the request's JSON, when the input is in it
	member string     // the path of the embedded document in doc ("levels", "a.scenario"); "" for doc itself
	part   string     // the multipart part, if any
	file   string     // the part's file name
	// retirees: the error's Line is the 1-based position of a retiree
	// of the request's "retirees" array (plan.FromSlice), not a line.
	retirees bool
}

// locate sets p's field, pointer, line, part and file from re, and its
// detail to re's message with the request's line and field.
func (s source) locate(p *apiProblem, re *benefit.RecordError) {
	e := *re
	switch {
	case s.retirees:
		if e.Line > 0 {
			e.Field = fmt.Sprintf("retirees[%d].%s", e.Line-1, e.Field)
		} else {
			e.Field = join("retirees", e.Field)
		}
		e.Pointer, e.Line = input.PointerOf(e.Field), s.doc.Line(e.Field)
	case s.doc != nil && s.member != "":
		base := s.doc.Line(s.member)
		e.Field = join(s.member, e.Field)
		if e.Pointer != "" || e.Field != s.member {
			e.Pointer = input.PointerOf(e.Field)
		}
		if re.Field != "" {
			e.Line = s.doc.Line(e.Field)
		} else if e.Line > 0 {
			e.Line += base - 1
		}
	}
	e.File = s.file
	if s.file == "" {
		e.File = "request"
	}
	p.Field, p.Pointer, p.Line, p.Part, p.File = e.Field, e.Pointer, e.Line, s.part, s.file
	p.Detail = e.Error()
}

// join appends a library path to a member's path.
func join(member, field string) string {
	switch {
	case field == "":
		return member
	case member == "":
		return field
	case strings.HasPrefix(field, "["):
		return member + field
	}
	return member + "." + field
}

// readBody reads the whole body, at most max bytes (413 beyond).
func readBody(w http.ResponseWriter, r *http.Request, max int64) ([]byte, error) {
	return io.ReadAll(http.MaxBytesReader(w, r.Body, max))
}

// decodeJSON decodes a request's JSON strictly (the library's decoder:
// unknown members, a member given twice or in another case, invalid
// UTF-8 and trailing data are errors) into v. file names it in errors
// ("request", or a part's name).
func decodeJSON(data []byte, file string, v any) (*input.Doc, error) {
	return input.DecodeJSON(data, file, v)
}

// An upload is a multipart/form-data request: its "request" part (JSON;
// nil when absent) and its one file part.
type upload struct {
	request []byte
	data    []byte
	name    string // the file part's file name, or its part name
	csv     bool   // the file part is CSV (by its name or Content-Type)
}

// readUpload reads a multipart/form-data body of at most max bytes with
// the parts "request" and filePart, each at most once.
func readUpload(w http.ResponseWriter, r *http.Request, max int64, filePart string) (upload, error) {
	r.Body = http.MaxBytesReader(w, r.Body, max)
	mr, err := r.MultipartReader()
	if err != nil {
		return upload{}, invalid("", "multipart/form-data: %v", err)
	}
	var u upload
	seen := map[string]bool{}
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			var mb *http.MaxBytesError
			if errors.As(err, &mb) {
				return upload{}, err
			}
			return upload{}, invalid("", "multipart/form-data: %v", err)
		}
		name := p.FormName()
		if name != "request" && name != filePart {
			p.Close()
			return upload{}, invalid(name, "multipart/form-data: unknown part %q (want request and %s)", name, filePart)
		}
		if seen[name] {
			p.Close()
			return upload{}, invalid(name, "multipart/form-data: part %q given twice", name)
		}
		seen[name] = true
		data, err := io.ReadAll(p)
		p.Close()
		if err != nil {
			var mb *http.MaxBytesError
			if errors.As(err, &mb) {
				return upload{}, err
			}
			return upload{}, invalid(name, "multipart/form-data: part %q: %v", name, err)
		}
		if name == "request" {
			if ct := p.Header.Get("Content-Type"); ct != "" && !isJSON(ct) {
				return upload{}, invalid(name, "multipart/form-data: part %q is %s; want application/json", name, ct)
			}
			u.request = data
			continue
		}
		u.data, u.name = data, p.FileName()
		if u.name == "" {
			u.name = name
		}
		u.name = path.Base(strings.ReplaceAll(u.name, `\`, "/"))
		ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		switch ext := strings.ToLower(path.Ext(u.name)); {
		case ct == "text/csv" || ext == ".csv":
			u.csv = true
		case ct == "application/json" || ext == ".json":
		default:
			return upload{}, invalid(name, "multipart/form-data: part %q (%q, %s): want a .csv or .json file, or Content-Type text/csv or application/json", name, u.name, p.Header.Get("Content-Type"))
		}
	}
	if !seen[filePart] {
		return upload{}, invalid(filePart, "multipart/form-data: no part %q", filePart)
	}
	return u, nil
}

// isJSON reports whether the media type ct is application/json (in
// UTF-8, the only charset JSON has).
func isJSON(ct string) bool {
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || mt != "application/json" {
		return false
	}
	cs, ok := params["charset"]
	return !ok || strings.EqualFold(cs, "utf-8")
}

// csvRecords counts the records of a CSV file, the header included, as
// encoding/csv reads them: lines with something on them, a quoted
// field's line breaks inside its record. It stops counting past max.
func csvRecords(data []byte, max int) int {
	n, quoted, content := 0, false, false
	for _, c := range data {
		switch {
		case c == '"':
			quoted, content = !quoted, true
		case c == '\n' && !quoted:
			if content {
				if n++; n > max {
					return n
				}
			}
			content = false
		case c != '\r':
			content = true
		}
	}
	if content {
		n++
	}
	return n
}

// mark gives p, a problem about a field of the request's JSON (p.Field),
// that field's pointer and line, and the part it is in.
func (s source) mark(p *apiProblem) *apiProblem {
	if s.doc != nil && p.Field != "" {
		p.Field = join(s.member, p.Field)
		p.Pointer, p.Line = input.PointerOf(p.Field), s.doc.Line(p.Field)
	}
	if p.Part == "" {
		p.Part = s.part
	}
	return p
}
