//go:build ignore

// gen_veterans writes data/veterans_tables.json, the national veterans'
// tables that floor.Default ships beside data/national.json, from
// data/src/veterans_disability.csv and data/src/veterans_survivors.csv
// (the project's source tables, copied verbatim; see
// data/src/README.md). Run it with `go generate ./floor` after
// changing a source file, and review the diff of the JSON.
//
// What it decides, row by row, is the status (benefit.Status) of each
// figure, following the confidence column of the CSV: V or V3 is
// legislated; D (derived) and C (year conflicting) are provisional, never
// legislated. Two kinds of figure are not in the CSVs and are typed below
// with their sources: the grade-1 disability figures of 2015-10 and 2016-10
// ([V]), and the published [V] citations of the grade-1 figures of 2018-08
// and 2019-08, which the derived table reproduces.
package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"strconv"
	"strings"
)

const (
	disabilityCSV = "data/src/veterans_disability.csv"
	survivorsCSV  = "data/src/veterans_survivors.csv"
	out           = "data/veterans_tables.json"
	dataVersion   = "2026-12-03"
)

type citation struct {
	Doc        string `json:"doc,omitempty"`
	Title      string `json:"title,omitempty"`
	URL        string `json:"url,omitempty"`
	Confidence string `json:"confidence,omitempty"`
	Note       string `json:"note,omitempty"`
}

type version struct {
	From     string   `json:"from"`
	Amount   string   `json:"amount"`
	Status   string   `json:"status"`
	Citation citation `json:"citation"`
}

type floorOut struct {
	Program    string    `json:"program"`
	Dimensions string    `json:"dimensions"`
	Citation   citation  `json:"citation"`
	Versions   []version `json:"versions"`
	End        string    `json:"end,omitempty"`
}

// The published grade-1 figures ([V], cited below) that the
// derived 2018-08 and 2019-08 tables reproduce: their own citations.
var publishedGrade1 = map[string]citation{
	"2018-08": {Title: "退役军人事务部 财政部: 残疾抚恤金标准提高 10% (from 2018-08-01)", URL: "http://www.pressreader.com/china/global-times-weekend/20180728/281586651397114", Confidence: "V",
		Note: "Grade-1 figures published (Global Times 2018-07-28); they equal the 2017-10 table × 1.10 rounded half-up to 10 yuan."},
	"2019-08": {Title: "退役军人事务部 财政部: 残疾抚恤金标准提高 10% (from 2019-08-01)", URL: "http://eng.chinamil.com.cn/view/2019-07/25/content_9568938.htm", Confidence: "V",
		Note: "Grade-1 figures published (China Military Online 2019-07-25); they equal the 2018-08 figures × 1.10 rounded half-up to 10 yuan."},
}

// Grade-1 disability figures before the full tables ([V], their source
// addresses not recorded): 2015-10 60,210 / 58,310 / 56,400 and 2016-10
// 66,230 / 64,140 / 62,040 (因战 / 因公 / 因病).
var earlyGrade1 = []struct {
	from   string
	amount map[string]string
}{
	{"2015-10", map[string]string{"因战": "60210", "因公": "58310", "因病": "56400"}},
	{"2016-10", map[string]string{"因战": "66230", "因公": "64140", "因病": "62040"}},
}

var causes = []string{"因战", "因公", "因病"}

func main() {
	dis := readCSV(disabilityCSV, []string{"effective", "grade", "cause", "value", "per", "source", "confidence"})
	sur := readCSV(survivorsCSV, []string{"effective", "category", "value", "per", "source", "confidence"})

	var floors []floorOut
	// veterans.disability: one floor per grade and cause, in grade order
	byKey := map[string]*floorOut{}
	for g := 1; g <= 10; g++ {
		for _, c := range causes {
			if c == "因病" && g > 6 {
				continue // 因病致残只评定一级至六级
			}
			floors = append(floors, floorOut{Program: "veterans.disability", Dimensions: fmt.Sprintf("cause=%s;grade=%d", c, g),
				Citation: citation{Title: fmt.Sprintf("残疾军人残疾抚恤金标准 (%s%s级); 军人抚恤优待条例 第三十一条", c, chineseGrade(g)), Confidence: "V"}})
		}
	}
	for i := range floors {
		byKey[floors[i].Dimensions] = &floors[i]
	}
	for _, e := range earlyGrade1 {
		for _, c := range causes {
			f := byKey["cause="+c+";grade=1"]
			f.Versions = append(f.Versions, version{From: e.from, Amount: e.amount[c], Status: "legislated",
				Citation: citation{Title: fmt.Sprintf("残疾抚恤金标准 (%s一级, from %s-01)", c, e.from), Confidence: "V",
					Note: "Verified grade-1 figure (data-additions-2026-12 §1.1); its source URL is not recorded there. No table of grades 2-10 before 2017-10 was found."}})
		}
	}
	for _, r := range dis {
		if r["per"] != "year" {
			log.Fatalf("%s: per %q, want year", disabilityCSV, r["per"])
		}
		g, err := strconv.Atoi(r["grade"])
		if err != nil {
			log.Fatal(err)
		}
		f := byKey["cause="+r["cause"]+";grade="+r["grade"]]
		if f == nil {
			log.Fatalf("%s: no floor for grade %s %s", disabilityCSV, r["grade"], r["cause"])
		}
		cite := citation{Title: fmt.Sprintf("残疾抚恤金标准 (%s%s级, from %s-01)", r["cause"], chineseGrade(g), r["effective"]),
			URL: urlIn(r["source"]), Confidence: r["confidence"], Note: noteOf(r["source"])}
		if pub, ok := publishedGrade1[r["effective"]]; ok && g == 1 {
			cite = pub
		}
		f.Versions = append(f.Versions, version{From: r["effective"], Amount: r["value"], Status: status(cite.Confidence), Citation: cite})
	}

	// veterans.survivors: 烈士遗属 by residence before 2016-10 (each
	// ending when the unified standard starts), then one floor per
	// survivor type
	residence := map[string]string{"urban": "城镇", "rural": "农村"}
	sfl := map[string]*floorOut{}
	var order []string
	for _, r := range sur {
		if r["per"] != "year" {
			log.Fatalf("%s: per %q, want year", survivorsCSV, r["per"])
		}
		cat, res := r["category"], ""
		if i := strings.Index(cat, " ("); i >= 0 {
			res = residence[strings.TrimSuffix(cat[i+2:], ")")]
			if res == "" {
				log.Fatalf("%s: category %q", survivorsCSV, cat)
			}
			cat = cat[:i]
		}
		dims := "survivor=" + cat
		if res != "" {
			dims = "residence=" + res + ";" + dims
		}
		f := sfl[dims]
		if f == nil {
			title := fmt.Sprintf("%s定期抚恤金标准; 军人抚恤优待条例 第十九条", cat)
			if res != "" {
				title = fmt.Sprintf("%s定期抚恤金标准 (%s, before urban and rural standards were unified on 2016-10-01); 军人抚恤优待条例 第十九条", cat, res)
			}
			f = &floorOut{Program: "veterans.survivors", Dimensions: dims, Citation: citation{Title: title, Confidence: "V"}}
			sfl[dims] = f
			order = append(order, dims)
		}
		f.Versions = append(f.Versions, version{From: r["effective"], Amount: r["value"], Status: status(r["confidence"]),
			Citation: citation{Title: fmt.Sprintf("定期抚恤金标准 (%s%s, from %s-01)", cat, paren(res), r["effective"]), URL: urlIn(r["source"]), Confidence: r["confidence"], Note: noteOf(r["source"])}})
	}
	for _, dims := range order {
		f := sfl[dims]
		if strings.HasPrefix(dims, "residence=") {
			f.End = "2016-10" // the unified floor of the survivor type applies from then on
		}
		floors = append(floors, *f)
	}

	var b bytes.Buffer
	b.WriteString("{\n")
	fmt.Fprintf(&b, "  \"version\": %s,\n", enc(dataVersion))
	fmt.Fprintf(&b, "  \"note\": %s,\n", enc("Code generated by floor/gen_veterans.go from floor/data/src/veterans_disability.csv and veterans_survivors.csv (copies of shared/data; data-additions-2026-12 §1.1, §1.2); DO NOT EDIT. Yuan per person per year. Status follows the confidence of each figure: V and V3 legislated; D (derived: prior table × 1.10 rounded half-up to 10 yuan) and C (the 2022-08 table, whose year may be 2023) provisional, never legislated. The grade-1 figures of 2018-08 and 2019-08 are published [V]. Urban and rural survivors' standards were unified from 2016-10: a level with residence=城镇 or 农村 is checked against its own figure before 2016-10 and against the unified one after; a level without residence has no floor before 2016-10."))
	b.WriteString("  \"floors\": [\n")
	for i, f := range floors {
		fmt.Fprintf(&b, "    {\"program\": %s, \"dimensions\": %s,\n     \"citation\": %s,\n     \"versions\": [\n", enc(f.Program), enc(f.Dimensions), enc(f.Citation))
		for j, v := range f.Versions {
			sep := ","
			if j == len(f.Versions)-1 {
				sep = ""
			}
			fmt.Fprintf(&b, "       %s%s\n", enc(v), sep)
		}
		b.WriteString("     ]")
		if f.End != "" {
			fmt.Fprintf(&b, ", \"end\": %s", enc(f.End))
		}
		b.WriteString("}")
		if i < len(floors)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("  ]\n}\n")
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}

// status is the status a figure of confidence conf ships with: only a
// figure read in a source (V) or a copy of one (V3) is legislated.
func status(conf string) string {
	switch conf {
	case "V", "V3":
		return "legislated"
	case "D", "C", "M":
		return "provisional"
	}
	log.Fatalf("unknown confidence mark %q", conf)
	return ""
}

func readCSV(name string, header []string) []map[string]string {
	f, err := os.Open(name)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		log.Fatalf("%s: %v", name, err)
	}
	if strings.Join(recs[0], ",") != strings.Join(header, ",") {
		log.Fatalf("%s: header %v, want %v", name, recs[0], header)
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range header {
			m[h] = rec[i]
		}
		rows = append(rows, m)
	}
	return rows
}

// urlIn returns the first URL in s, without the punctuation after it.
func urlIn(s string) string {
	i := strings.Index(s, "http")
	if i < 0 {
		return ""
	}
	u := s[i:]
	if j := strings.IndexAny(u, " \t"); j >= 0 {
		u = u[:j]
	}
	return strings.TrimRight(u, ".,;:)\"")
}

// noteOf is the source column as a note, unless it is only the URL.
func noteOf(source string) string {
	if source == urlIn(source) {
		return ""
	}
	return source
}

func enc(v any) string {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		log.Fatal(err)
	}
	s := strings.TrimSuffix(b.String(), "\n")
	// one space after each separator, as the hand-written national.json
	return spaced(s)
}

// spaced puts a space after the colons and commas that separate JSON
// members and elements (outside strings).
func spaced(s string) string {
	var b strings.Builder
	in, esc := false, false
	for _, r := range s {
		b.WriteRune(r)
		switch {
		case esc:
			esc = false
		case in && r == '\\':
			esc = true
		case r == '"':
			in = !in
		case !in && (r == ':' || r == ','):
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func chineseGrade(g int) string {
	return [...]string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}[g]
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return ", " + s
}
