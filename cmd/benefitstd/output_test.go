package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyFile copies testdata/name into dir and returns the copy's path.
func copyFile(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// An output never overwrites an input: an --out, --chart or --per-person
// that is the same file as --scenario, --compare, --regions, --plan or
// --retirees — by its own name, "./x", another directory's "../", a
// symbolic or a hard link — is bad usage (exit 2, one line, nothing on
// standard output), told before anything is read, and every input keeps
// its bytes.
func TestOutputNeverOverwritesInput(t *testing.T) {
	dir := t.TempDir()
	sc := copyFile(t, dir, "simulate_a.json")
	cmp := copyFile(t, dir, "simulate_b.json")
	regs := copyFile(t, dir, "regions_laiwu.csv")
	ret := copyFile(t, dir, "plan_retirees.csv")
	pl := copyFile(t, dir, "plan_custom.json")
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	links := os.Symlink(sc, filepath.Join(dir, "link.json")) == nil && os.Link(ret, filepath.Join(dir, "hard.csv")) == nil
	before := map[string][]byte{}
	for _, f := range []string{sc, cmp, regs, ret, pl} {
		before[f], _ = os.ReadFile(f)
	}
	sim := func(more ...string) []string {
		return append([]string{"simulate", "--scenario", sc, "--compare", cmp, "--regions", regs}, more...)
	}
	plan := func(more ...string) []string {
		return append([]string{"plan", "--plan", pl, "--retirees", ret}, more...)
	}
	cases := []badCase{
		{"--out is --scenario", []string{"simulate", "--scenario", sc, "--out", sc}, []string{"--out", "is the input --scenario", "never overwrites"}},
		{"--out ./ --scenario", []string{"simulate", "--scenario", sc, "--out", filepath.Join(dir, ".", "simulate_a.json")}, []string{"is the input --scenario"}},
		{"--out ../ --scenario", []string{"simulate", "--scenario", sc, "--format", "csv", "--out", filepath.Join(sub, "..", "simulate_a.json")}, []string{"is the input --scenario"}},
		{"--out is --compare", sim("--out", cmp), []string{"--out", "is the input --compare"}},
		{"--chart is --compare", sim("--chart", cmp), []string{"--chart", "is the input --compare"}},
		{"--chart is --regions", sim("--chart", regs), []string{"--chart", "is the input --regions"}},
		{"--per-person is --retirees", plan("--per-person", ret), []string{"--per-person", "is the input --retirees"}},
		{"--per-person is --plan", plan("--per-person", pl), []string{"--per-person", "is the input --plan"}},
		{"--per-person -", plan("--per-person", "-"), []string{"--per-person -", "standard output"}},
	}
	if links {
		cases = append(cases,
			badCase{"--out a link to --scenario", []string{"simulate", "--scenario", sc, "--out", filepath.Join(dir, "link.json")}, []string{"is the input --scenario"}},
			badCase{"--per-person a hard link to --retirees", plan("--per-person", filepath.Join(dir, "hard.csv")), []string{"is the input --retirees"}})
	}
	checkBad(t, cases)
	for f, b := range before {
		if now, _ := os.ReadFile(f); !bytes.Equal(now, b) {
			t.Errorf("%s was changed", f)
		}
	}
}

// Output targets that are not regular files are refused before the run,
// a symbolic link is followed (its target replaced, the link kept), and
// a file the run replaces keeps its permissions.
func TestOutputTargets(t *testing.T) {
	dir := t.TempDir()
	sc := []string{"simulate", "--scenario", "testdata/simulate_a.json"}
	with := func(more ...string) []string { return append(append([]string{}, sc...), more...) }
	if st, err := os.Stat(os.DevNull); err == nil && st.Mode()&fs.ModeCharDevice != 0 {
		checkBad(t, []badCase{{"--out a device", with("--out", os.DevNull), []string{"--out " + os.DevNull, "character device", "standard output"}}})
	}
	out := filepath.Join(dir, "levels.csv")
	if err := os.WriteFile(out, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	os.Chmod(out, 0o640)
	link := filepath.Join(dir, "chart-link.svg")
	chart := filepath.Join(dir, "chart.svg")
	if err := os.WriteFile(chart, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	haveLink := os.Symlink("chart.svg", link) == nil
	args := with("--format", "csv", "--out", out)
	if haveLink {
		args = append(args, "--chart", link)
	}
	if code, stdout, stderr := invokeCLI(args...); code != exitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	st, _ := os.Stat(out)
	if b, _ := os.ReadFile(out); st.Mode().Perm() != 0o640 || !strings.HasPrefix(string(b), "region,name,year") {
		t.Errorf("%s: %v %q", out, st.Mode(), b)
	}
	if haveLink {
		lst, _ := os.Lstat(link)
		if b, _ := os.ReadFile(chart); lst.Mode()&fs.ModeSymlink == 0 || !strings.HasPrefix(string(b), "<svg") {
			t.Errorf("link %v, chart %q", lst.Mode(), b)
		}
	}
	// "-" is standard output
	if code, stdout, _ := invokeCLI(with("--format", "csv", "--out", "-")...); code != exitOK || !strings.HasPrefix(stdout, "region,name,year") {
		t.Errorf("--out -: exit %d, %q", code, stdout)
	}
}

// --bom starts CSV with a UTF-8 byte-order mark, for Excel or WPS in a
// Chinese locale; without it the CSV is plain. It goes with CSV only.
func TestBOM(t *testing.T) {
	sc := []string{"simulate", "--scenario", "testdata/simulate_a.json", "--format", "csv"}
	code, plain, _ := invokeCLI(sc...)
	code2, marked, _ := invokeCLI(append(sc, "--bom")...)
	if code != exitOK || code2 != exitOK || strings.HasPrefix(plain, "\uFEFF") || marked != "\uFEFF"+plain {
		t.Errorf("exit %d %d: plain %.20q, marked %.20q", code, code2, plain, marked)
	}
	pay := filepath.Join(t.TempDir(), "pay.csv")
	if code, _, stderr := invokeCLI("plan", "--builtin", "shanghai-2024", "--retirees", "testdata/plan_retirees.csv", "--per-person", pay, "--bom"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(pay); !strings.HasPrefix(string(b), "\uFEFFid,eligible,") {
		t.Errorf("payment file %.30q", b)
	}
	checkBad(t, []badCase{
		{"--bom with table", []string{"simulate", "--bom"}, []string{"--bom", "--format csv"}},
		{"--bom without --per-person", []string{"plan", "--builtin", "shanghai-2024", "--bom"}, []string{"--bom", "--per-person"}},
	})
}

// Retiree ids that a spreadsheet would run as formulas are written with
// a single quote in front in the payment file; the plan is Shanghai
// 2024 (A's line of TestPlanText: 61 + 35 + 50 = 146.00, 6 months owed).
func TestPerPersonFormulaIDs(t *testing.T) {
	dir := t.TempDir()
	ret := filepath.Join(dir, "r.csv")
	if err := os.WriteFile(ret, []byte("id,birth_date,retired_date,years,pension\n=1+2,1957-06-01,2015-06-30,35,5000.00\n@cmd,1957-06-01,2015-06-30,35,5000.00\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pay := filepath.Join(dir, "pay.csv")
	if code, _, stderr := invokeCLI("plan", "--builtin", "shanghai-2024", "--retirees", ret, "--per-person", pay); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(pay)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 3 || lines[1] != "'=1+2,true,,66,5000.00,61.00,35.00,50.00,0.00,146.00,5146.00,6,876.00" || !strings.HasPrefix(lines[2], "'@cmd,true,") {
		t.Errorf("payment file:\n%s", b)
	}
	if st, _ := os.Stat(pay); st.Mode().Perm() != 0o600 {
		t.Errorf("a new payment file is %v, want 0600", st.Mode().Perm())
	}
}

// A report written to a full disk is an error (exit 2, one line), never a
// silent success: standard output on /dev/full.
func TestStdoutDevFull(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here:", err)
	}
	defer full.Close()
	for _, args := range [][]string{
		{"regions"}, {"floors", "--format", "json"}, {"check", "--format", "junit"},
		{"simulate", "--scenario", "testdata/simulate_a.json", "--format", "csv"},
		{"plan", "--builtin", "shanxi-2025", "--synthetic", "100", "--format", "json"},
	} {
		var errb strings.Builder
		code := run(args, full, &errb)
		msg := strings.TrimSpace(errb.String())
		if code != exitUsage || !strings.Contains(msg, "no space left on device") || strings.Contains(msg, "\n") {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and one line", args, code, errb.String())
		}
	}
}
