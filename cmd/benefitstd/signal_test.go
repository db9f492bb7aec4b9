//go:build unix

package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain runs the command itself when asked to (BENEFITSTD_MAIN=1), so
// that a test can start it as a process and send it a signal.
func TestMain(m *testing.M) {
	if os.Getenv("BENEFITSTD_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// SIGINT and SIGTERM stop a plan run while it writes its payment file:
// the process exits 130 or 143 and leaves neither the file nor its
// hidden temporary (which grew to tens of megabytes on a large run).
// The retirees come through a FIFO that the test keeps open, so the run
// is surely still reading when the signal comes.
func TestSignalRemovesTemporaries(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		dir := t.TempDir()
		fifo := filepath.Join(dir, "retirees.csv")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "plan", "--builtin", "shanghai-2024", "--retirees", fifo, "--per-person", filepath.Join(dir, "pay.csv"))
		cmd.Env = append(os.Environ(), "BENEFITSTD_MAIN=1")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0) // until the process opens it
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(w, "id,birth_date,retired_date,years,pension")
		for i := range 10_000 {
			fmt.Fprintf(w, "P%d,1957-06-01,2015-06-30,35,5000.00\n", i)
		}
		temporary := func() bool {
			es, _ := os.ReadDir(dir)
			for _, e := range es {
				if strings.HasPrefix(e.Name(), ".pay.csv.") {
					return true
				}
			}
			return false
		}
		for deadline := time.Now().Add(30 * time.Second); !temporary(); time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("no temporary payment file appeared; stderr %q", stderr.String())
			}
		}
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		err = cmd.Wait()
		w.Close()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 128+int(sig) || !strings.Contains(stderr.String(), "stopped by") {
			t.Errorf("%v: %v, stderr %q; want exit %d", sig, err, stderr.String(), 128+int(sig))
		}
		if es, _ := os.ReadDir(dir); len(es) != 1 {
			var names []string
			for _, e := range es {
				names = append(names, e.Name())
			}
			t.Errorf("%v: left behind %v", sig, names)
		}
	}
}

// A report written into a closed pipe (a reader that went away, as in
// `benefitstd regions --all | head -1`) never ends in success: the write
// fails and the process exits non-zero (killed by SIGPIPE, as Go does
// for standard output, or exit 2 when the write error is returned).
func TestClosedPipeFails(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	cmd := exec.Command(os.Args[0], "regions", "--all")
	cmd.Env = append(os.Environ(), "BENEFITSTD_MAIN=1")
	cmd.Stdout = w
	err = cmd.Run()
	w.Close()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() == 0 {
		t.Errorf("a report into a closed pipe: %v, want a failure", err)
	}
}
