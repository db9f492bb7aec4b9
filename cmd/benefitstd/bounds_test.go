package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An endless input (/dev/zero behind a levels file's name) stops at a
// bound with one line naming the file and the bound: the JSON reader at
// the first NUL byte, the CSV reader at the first line longer than
// benefit.Limits.Line (1 MiB).
func TestEndlessLevelsStop(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	dir := t.TempDir()
	for name, want := range map[string]string{
		"zero.json": "zero.json:1: not UTF-8 text: a NUL byte",
		"zero.csv":  "zero.csv:1: benefit: input too large: a line longer than 1 MiB (Limits.Line)",
	} {
		path := filepath.Join(dir, name)
		if err := os.Symlink("/dev/zero", path); err != nil {
			t.Skip(err)
		}
		code, _, stderr := invokeCLI("check", "--levels", path)
		if code != exitUsage || !strings.Contains(stderr, want) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("%s: exit %d, stderr %q; want one line with %q", name, code, stderr, want)
		}
	}
}
