package input_test

import (
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/benefitstd/benefitstd/internal/input"
)

// The columns of the divisions files of these tests.
const (
	colCode = iota
	colName
	colNameEN
)

func readAll(t testing.TB, in string) ([]input.Record, error) {
	t.Helper()
	rd, err := input.NewCSV(strings.NewReader(in), "divisions.csv", []string{"code", "name"}, []string{"name_en"}, input.Limits{})
	if err != nil {
		return nil, err
	}
	var out []input.Record
	for rec, err := range rd.All() {
		if err != nil {
			return out, err
		}
		out = append(out, rec)
	}
	return out, nil
}

func TestReadForms(t *testing.T) {
	// The same table as plain UTF-8, with a byte-order mark (Excel's
	// "CSV UTF-8"), with CRLF line ends, with both, quoted, and with
	// the columns in another order.
	plain := "code,name,name_en\n140822,万荣县,Wanrong County\n330200,宁波市,Ningbo\n"
	for name, in := range map[string]string{
		"plain":            plain,
		"bom":              "\xEF\xBB\xBF" + plain,
		"crlf":             strings.ReplaceAll(plain, "\n", "\r\n"),
		"bom+crlf":         "\xEF\xBB\xBF" + strings.ReplaceAll(plain, "\n", "\r\n"),
		"no final newline": strings.TrimSuffix(plain, "\n"),
		"quoted":           "\"code\",\"name\",\"name_en\"\n\"140822\",\"万荣县\",\"Wanrong County\"\n330200,宁波市,\"Ningbo\"\n",
		"reordered":        "name_en,code,name\nWanrong County,140822,万荣县\nNingbo,330200,宁波市\n",
		"empty lines":      "\ncode,name,name_en\n140822,万荣县,Wanrong County\n\n\n330200,宁波市,Ningbo\n\n",
	} {
		t.Run(name, func(t *testing.T) {
			recs, err := readAll(t, in)
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 2 {
				t.Fatalf("%d records", len(recs))
			}
			if got := recs[0].Get(colCode); got != "140822" {
				t.Errorf("code %q", got)
			}
			if got := recs[1].Get(colName); got != "宁波市" {
				t.Errorf("name %q", got)
			}
			if got := recs[1].Get(colNameEN); got != "Ningbo" {
				t.Errorf("name_en %q (a CR must not be left in the last field)", got)
			}
			wantLines := [2]int{2, 3}
			if name == "empty lines" {
				wantLines = [2]int{3, 6}
			}
			if recs[0].Line() != wantLines[0] || recs[1].Line() != wantLines[1] {
				t.Errorf("lines %d, %d; want %v", recs[0].Line(), recs[1].Line(), wantLines)
			}
		})
	}
}

func TestOptionalColumnAbsent(t *testing.T) {
	rd, err := input.NewCSV(strings.NewReader(" name , code \n万荣县, 140822 \n"), "f.csv", []string{"code", "name"}, []string{"name_en"}, input.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rd.Has(colNameEN) || !rd.Has(colCode) {
		t.Error("Has")
	}
	rec, err := rd.Next()
	if err != nil {
		t.Fatal(err)
	}
	if rec.Get(colCode) != "140822" || rec.Get(colName) != "万荣县" || rec.Get(colNameEN) != "" {
		t.Errorf("got %q %q %q", rec.Get(colCode), rec.Get(colName), rec.Get(colNameEN))
	}
	if _, err := rd.Next(); err != io.EOF {
		t.Errorf("after the last record: %v", err)
	}
}

// Fields are trimmed of white space as strings.TrimSpace trims, the
// ideographic space (U+3000) of a Chinese keyboard included.
func TestTrim(t *testing.T) {
	recs, err := readAll(t, "code,name\n\t140822 ,\u3000万荣县\u00a0\n")
	if err != nil {
		t.Fatal(err)
	}
	if recs[0].Get(colCode) != "140822" || recs[0].Get(colName) != "万荣县" {
		t.Errorf("got %q %q", recs[0].Get(colCode), recs[0].Get(colName))
	}
}

// Every error is an *input.Error naming the file, the line and (where
// there is one) the field.
func TestCSVErrors(t *testing.T) {
	gbkName := "\xcd\xf2\xc8\xd9\xcf\xd8" // 万荣县 in GBK
	tests := []struct {
		name  string
		in    string
		line  int
		field string
		want  error
		text  string
	}{
		{"empty", "", 1, "", input.ErrSyntax, "empty file"},
		{"unknown column", "code,name,population\n", 1, "population", input.ErrSyntax, `unknown column "population"`},
		{"missing column", "code,name_en\n", 1, "name", input.ErrSyntax, `missing column "name"`},
		{"repeated column", "code,name,code\n", 1, "code", input.ErrSyntax, "given twice"},
		{"GBK value", "code,name\n140822," + gbkName + "\n", 2, "name", input.ErrEncoding, "GBK"},
		{"GBK header", "code,\xc3\xfb\xb3\xc6\n", 1, "", input.ErrEncoding, "GBK"},
		{"too few fields", "code,name\n140822,万荣县\n140800\n", 3, "", input.ErrSyntax, "wrong number of fields"},
		{"too many fields", "code,name\n140822,万荣县,x\n", 2, "", input.ErrSyntax, "wrong number of fields"},
		{"GBK value after BOM and CRLF", "\xEF\xBB\xBFcode,name\r\n140821,临猗县\r\n140822," + gbkName + "\r\n", 3, "name", input.ErrEncoding, "GBK"},
		{"bare quote", "code,name\n140822,万\"荣县\n", 2, "", input.ErrSyntax, `bare " in non-quoted-field`},
		{"open quote", "code,name\n140822,\"万荣县\n140800,运城市\n", 3, "", input.ErrSyntax, `extraneous or missing " in quoted-field`},
		{"NUL byte", "code,name\n140822,万荣\x00县\n", 2, "name", input.ErrSyntax, "NUL byte"},
		// a UTF-16 surrogate written as UTF-8 (CESU-8): U+D800 is ED A0 80
		{"lone surrogate", "code,name\n140822,万荣\xed\xa0\x80县\n", 2, "name", input.ErrEncoding, "surrogate"},
		{"quoted GBK value", "code,name\n140822,\"" + gbkName + "\nx\"\n", 2, "name", input.ErrEncoding, "GBK"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readAll(t, tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			var e *input.Error
			if !errors.As(err, &e) {
				t.Fatalf("got %T, want *input.Error", err)
			}
			if e.File != "divisions.csv" || e.Line != tt.line || e.Field != tt.field || e.Pointer != "" {
				t.Errorf("got %s:%d field %q, want divisions.csv:%d field %q", e.File, e.Line, e.Field, tt.line, tt.field)
			}
			if !strings.Contains(err.Error(), tt.text) || !strings.HasPrefix(err.Error(), "divisions.csv:") {
				t.Errorf("%q lacks %q or the file name", err, tt.text)
			}
		})
	}
}

func TestRecordErr(t *testing.T) {
	recs, err := readAll(t, "code,name\n140822,万荣县\n14082x,x\n")
	if err != nil {
		t.Fatal(err)
	}
	e := recs[1].Err(colCode, input.ErrSyntax)
	if want := "divisions.csv:3: code: benefit: invalid syntax"; e.Error() != want {
		t.Errorf("got %q, want %q", e, want)
	}
	// A quoted field that spans lines: the record starts on line 2, the
	// next on line 4.
	recs, err = readAll(t, "code,name\n140822,\"万荣\n县\"\n140800,运城市\n")
	if err != nil {
		t.Fatal(err)
	}
	if recs[0].Line() != 2 || recs[1].Line() != 4 || recs[0].Get(colName) != "万荣\n县" {
		t.Errorf("lines %d, %d; name %q", recs[0].Line(), recs[1].Line(), recs[0].Get(colName))
	}
}

// Records read together stay valid after the reader reads on, so a
// batch can go to another goroutine.
func TestReadBatches(t *testing.T) {
	var b strings.Builder
	b.WriteString("code,name\n")
	for i := range 1000 {
		b.WriteString("1408")
		b.WriteByte(byte('0' + i/100%10))
		b.WriteByte(byte('0' + i/10%10))
		b.WriteString(",\"n")
		b.WriteByte(byte('0' + i%10))
		b.WriteString("\"\n")
	}
	rd, err := input.NewCSV(strings.NewReader(b.String()), "d.csv", []string{"code", "name"}, nil, input.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var all []input.Record
	for {
		recs, err := rd.Read(64)
		if err == io.EOF {
			break
		}
		if err != nil || len(recs) == 0 || len(recs) > 64 {
			t.Fatalf("Read: %d records, %v", len(recs), err)
		}
		all = append(all, recs...)
	}
	if len(all) != 1000 {
		t.Fatalf("%d records", len(all))
	}
	for i, rec := range all {
		if rec.Line() != i+2 || rec.Get(colName) != "n"+string(rune('0'+i%10)) || len(rec.Get(colCode)) != 6 {
			t.Fatalf("record %d: line %d %q %q", i, rec.Line(), rec.Get(colCode), rec.Get(colName))
		}
	}
}

// FuzzCSV: any bytes give records or an *input.Error naming the file,
// never a panic; every record's fields are valid UTF-8 without NUL, and
// lie on a line after the header.
func FuzzCSV(f *testing.F) {
	for _, s := range []string{
		"code,name\n140822,万荣县\n",
		"\xEF\xBB\xBFcode,name,name_en\r\n140822,万荣县,Wanrong\r\n",
		"code,name\n140822,\xcd\xf2\n",
		"code,name\n\"a\nb\",c\n",
		"code\n1\n", "", "\xEF\xBB", "name,code,name_en,x\n", "code,name\n1,2,3\n", "code,name\n\"\n",
		"code,name\n1,\xed\xa0\x80\n", "code,name\n1,a\x00\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		rd, err := input.NewCSV(strings.NewReader(in), "f.csv", []string{"code", "name"}, []string{"name_en"}, input.Limits{Line: 64, Field: 16})
		if err == nil {
			for rec, e := range rd.All() {
				if err = e; err != nil {
					break
				}
				for c := range 3 {
					if v := rec.Get(c); !utf8.ValidString(v) || strings.IndexByte(v, 0) >= 0 || len(v) > 16 {
						t.Fatalf("field %d: %q", c, v)
					}
				}
				if rec.Line() < 2 {
					t.Fatalf("record on line %d", rec.Line())
				}
			}
		}
		if err == nil {
			return
		}
		var e *input.Error
		if !errors.As(err, &e) || e.File != "f.csv" {
			t.Fatalf("%T %v", err, err)
		}
	})
}
