package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/creack/pty"
)

// Long runs show a bar on standard error when it is a terminal (here
// the terminal check's seam says so), and nothing more than before when
// it is not: a simulation by its regions, a sweep by the regions of all
// its runs, a plan over a synthetic population by its retirees, a plan
// over a CSV file by the bytes read. Standard output is the same either
// way.
func TestProgressBar(t *testing.T) {
	defer func(f func(io.Writer) bool) { isTerminal = f }(isTerminal)
	// a retirees file of 5,000 lines, read in several blocks
	var csv strings.Builder
	csv.WriteString("id,birth_date,retired_date,years,pension\n")
	for i := range 5000 {
		fmt.Fprintf(&csv, "R%05d,1957-06-01,2015-06-30,35,5000.00\n", i)
	}
	ret := filepath.Join(t.TempDir(), "retirees.csv")
	if err := os.WriteFile(ret, []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		bar  string // what the bar says
	}{
		{[]string{"simulate", "--format", "csv"}, "simulating"},
		{[]string{"simulate", "--format", "csv", "--sweep", "constraints.fiscal_cap.percent", "--values", "1%,2%"}, "/62, "},
		{[]string{"plan", "--builtin", "shanghai-2024", "--synthetic", "5000"}, "applying the plan"},
		{[]string{"plan", "--builtin", "shanghai-2024", "--retirees", ret}, "reading retirees.csv"},
	} {
		var outs [2]string
		for i, terminal := range []bool{false, true} {
			var out, errb bytes.Buffer
			isTerminal = func(w io.Writer) bool { return terminal && w == io.Writer(&errb) }
			if code := run(tc.args, &out, &errb); code != exitOK {
				t.Fatalf("%q: exit %d: %s", tc.args, code, errb.String())
			}
			outs[i] = out.String()
			if got := strings.Contains(errb.String(), tc.bar); got != terminal {
				t.Errorf("%q, stderr a terminal %v: the bar shown %v: %q", tc.args, terminal, got, errb.String())
			}
		}
		if outs[0] != outs[1] {
			t.Errorf("%q: standard output differs with a bar", tc.args)
		}
	}
}

// The terminal check itself: standard error a pseudo-terminal shows the
// bar there; standard output, a pipe, gets the table alone.
func TestProgressOnAPseudoTerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	var seen bytes.Buffer
	var wg sync.WaitGroup
	wg.Go(func() { io.Copy(&seen, ptmx) }) // until tty is closed (EIO)
	var out bytes.Buffer
	code := run([]string{"simulate", "--format", "csv"}, &out, tty)
	tty.Close()
	wg.Wait()
	if code != exitOK || !strings.Contains(seen.String(), "simulating") || !strings.Contains(seen.String(), "/31, ") ||
		!strings.HasPrefix(out.String(), "region,name,year,") {
		t.Errorf("exit %d; terminal %q; stdout %.40q", code, seen.String(), out.String())
	}
	if isTerminal(&out) || isTerminal(ptmx) == false {
		t.Error("isTerminal: a buffer is not a terminal, a pseudo-terminal is")
	}
}
