package csvin

import (
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/benefitstd/benefitstd/benefit"
)

func readAll(t *testing.T, in string) ([]Record, error) {
	t.Helper()
	rd, err := New(strings.NewReader(in), "divisions.csv", []string{"code", "name"}, []string{"name_en"})
	if err != nil {
		return nil, err
	}
	var out []Record
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, rec)
	}
}

func TestReadForms(t *testing.T) {
	// The same table as plain UTF-8, with a byte-order mark (Excel's
	// "CSV UTF-8"), with CRLF line ends, and with both.
	plain := "code,name,name_en\n140822,万荣县,Wanrong County\n330200,宁波市,Ningbo\n"
	for name, in := range map[string]string{
		"plain":            plain,
		"bom":              "\xEF\xBB\xBF" + plain,
		"crlf":             strings.ReplaceAll(plain, "\n", "\r\n"),
		"bom+crlf":         "\xEF\xBB\xBF" + strings.ReplaceAll(plain, "\n", "\r\n"),
		"no final newline": strings.TrimSuffix(plain, "\n"),
	} {
		t.Run(name, func(t *testing.T) {
			recs, err := readAll(t, in)
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 2 {
				t.Fatalf("%d records", len(recs))
			}
			if got := recs[0].Get("code"); got != "140822" {
				t.Errorf("code %q", got)
			}
			if got := recs[1].Get("name"); got != "宁波市" {
				t.Errorf("name %q", got)
			}
			if got := recs[1].Get("name_en"); got != "Ningbo" {
				t.Errorf("name_en %q (a CR must not be left in the last field)", got)
			}
			if recs[0].Line != 2 || recs[1].Line != 3 {
				t.Errorf("lines %d, %d; want 2, 3", recs[0].Line, recs[1].Line)
			}
		})
	}
}

func TestOptionalColumnAbsent(t *testing.T) {
	rd, err := New(strings.NewReader(" name , code \n万荣县, 140822 \n"), "f.csv", []string{"code", "name"}, []string{"name_en"})
	if err != nil {
		t.Fatal(err)
	}
	if rd.Has("name_en") || !rd.Has("code") {
		t.Error("Has")
	}
	rec, err := rd.Next()
	if err != nil {
		t.Fatal(err)
	}
	if rec.Get("code") != "140822" || rec.Get("name") != "万荣县" || rec.Get("name_en") != "" {
		t.Errorf("got %q %q %q", rec.Get("code"), rec.Get("name"), rec.Get("name_en"))
	}
}

// Every error is a *benefit.RecordError naming the file, the line and
// (where there is one) the field.
func TestErrors(t *testing.T) {
	gbkName := "\xcd\xf2\xc8\xd9\xcf\xd8" // 万荣县 in GBK
	tests := []struct {
		name  string
		in    string
		line  int
		field string
		want  error
		text  string
	}{
		{"empty", "", 1, "", benefit.ErrSyntax, "empty file"},
		{"unknown column", "code,name,population\n", 1, "population", benefit.ErrSyntax, `unknown column "population"`},
		{"missing column", "code,name_en\n", 1, "name", benefit.ErrSyntax, `missing column "name"`},
		{"repeated column", "code,name,code\n", 1, "code", benefit.ErrSyntax, "given twice"},
		{"GBK value", "code,name\n140822," + gbkName + "\n", 2, "name", ErrNotUTF8, "GBK"},
		{"GBK header", "code,\xc3\xfb\xb3\xc6\n", 1, "", ErrNotUTF8, "GBK"},
		{"too few fields", "code,name\n140822,万荣县\n140800\n", 3, "", benefit.ErrSyntax, "wrong number of fields"},
		{"too many fields", "code,name\n140822,万荣县,x\n", 2, "", benefit.ErrSyntax, "wrong number of fields"},
		{"GBK value after BOM and CRLF", "\xEF\xBB\xBFcode,name\r\n140821,临猗县\r\n140822," + gbkName + "\r\n", 3, "name", ErrNotUTF8, "GBK"},
		{"bare quote", "code,name\n140822,万\"荣县\n", 2, "", benefit.ErrSyntax, "quote"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readAll(t, tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			var re *benefit.RecordError
			if !errors.As(err, &re) {
				t.Fatalf("got %T, want *benefit.RecordError", err)
			}
			if re.File != "divisions.csv" || re.Line != tt.line || re.Field != tt.field {
				t.Errorf("got %s:%d field %q, want divisions.csv:%d field %q", re.File, re.Line, re.Field, tt.line, tt.field)
			}
			if !strings.Contains(err.Error(), tt.text) || !strings.Contains(err.Error(), "divisions.csv") {
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
	e := recs[1].Err("code", benefit.ErrSyntax)
	want := "divisions.csv:3: code: benefit: invalid syntax"
	if e.Error() != want {
		t.Errorf("got %q, want %q", e, want)
	}
	// A quoted field that spans lines: the record starts on line 2, the
	// next on line 4.
	recs, err = readAll(t, "code,name\n140822,\"万荣\n县\"\n140800,运城市\n")
	if err != nil {
		t.Fatal(err)
	}
	if recs[0].Line != 2 || recs[1].Line != 4 || recs[0].Get("name") != "万荣\n县" {
		t.Errorf("lines %d, %d; name %q", recs[0].Line, recs[1].Line, recs[0].Get("name"))
	}
}

// FuzzReader: any bytes give records or a *benefit.RecordError naming
// the file, never a panic; every record's fields are valid UTF-8.
func FuzzReader(f *testing.F) {
	for _, s := range []string{
		"code,name\n140822,万荣县\n",
		"\xEF\xBB\xBFcode,name,name_en\r\n140822,万荣县,Wanrong\r\n",
		"code,name\n140822,\xcd\xf2\n",
		"code,name\n\"a\nb\",c\n",
		"code\n1\n", "", "\xEF\xBB", "name,code,name_en,x\n", "code,name\n1,2,3\n", "code,name\n\"\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		rd, err := New(strings.NewReader(in), "f.csv", []string{"code", "name"}, []string{"name_en"})
		for err == nil {
			var rec Record
			rec, err = rd.Next()
			if err == nil {
				for _, c := range []string{"code", "name", "name_en"} {
					if v := rec.Get(c); !utf8.ValidString(v) {
						t.Fatalf("invalid UTF-8 in %s: %q", c, v)
					}
				}
				if rec.Line < 2 {
					t.Fatalf("record on line %d", rec.Line)
				}
			}
		}
		if err == io.EOF {
			return
		}
		var re *benefit.RecordError
		if !errors.As(err, &re) || re.File != "f.csv" {
			t.Fatalf("%T %v", err, err)
		}
	})
}

func TestNULByteRejected(t *testing.T) {
	rd, err := New(strings.NewReader("code,name\n140822,万荣\x00县\n"), "d.csv", []string{"code", "name"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = rd.Next()
	if err == nil || !strings.HasPrefix(err.Error(), "d.csv:2: name: ") {
		t.Errorf("got %v, want an error naming d.csv:2 and the name field", err)
	}
}
