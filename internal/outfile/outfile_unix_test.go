//go:build unix

package outfile_test

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/benefitstd/benefitstd/internal/outfile"
)

// A FIFO and a socket are refused, never opened (a FIFO would block the
// run, and the old writer replaced both with a regular file); so is a
// file with a second hard link, whose other name would keep the old
// content.
func TestFileRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	plain := filepath.Join(dir, "plain.csv")
	write(t, plain, "old\n", 0o644)
	if err := os.Link(plain, filepath.Join(dir, "other.csv")); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		fifo:  "is a named pipe (FIFO), not a regular file",
		sock:  "is a socket, not a regular file",
		plain: "has 2 hard links",
	} {
		for _, err := range []error{outfile.CheckPath("--per-person", path), commit(t, path, "new\n", 0o600)} {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s: %v, want %q", path, err, want)
			}
		}
	}
	st, _ := os.Lstat(fifo)
	if st.Mode()&os.ModeNamedPipe == 0 || read(t, plain) != "old\n" {
		t.Errorf("a refused target changed: %v, %q", st.Mode(), read(t, plain))
	}
	if names := entries(t, dir); len(names) != 4 {
		t.Errorf("left behind: %v", names)
	}
}
