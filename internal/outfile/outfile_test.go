package outfile_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/benefitstd/benefitstd/internal/outfile"
)

// entries returns the names in dir, sorted.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func write(t *testing.T, name, content string, perm fs.FileMode) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), perm); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(name, perm); err != nil { // whatever the umask
		t.Fatal(err)
	}
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// commit writes content to path through a File and commits it.
func commit(t *testing.T, path, content string, perm fs.FileMode) error {
	t.Helper()
	f, err := outfile.Create("--out", path, perm)
	if err != nil {
		return err
	}
	defer f.Discard()
	if _, err := f.Write([]byte(content)); err != nil {
		return err
	}
	return f.Commit()
}

// A new file is written whole with the permissions given; until Commit
// only a hidden temporary exists beside it, and nothing is left after.
func TestFileNew(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "levels.csv")
	f, err := outfile.Create("--out", path, 0o640)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("a,b\n")); err != nil {
		t.Fatal(err)
	}
	if names := entries(t, dir); len(names) != 1 || !strings.HasPrefix(names[0], ".levels.csv.") {
		t.Errorf("before Commit: %v, want only the temporary", names)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o640 || read(t, path) != "a,b\n" {
		t.Errorf("after Commit: %v %v", st.Mode(), err)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("left behind: %v", names)
	}
	if _, err := f.Write([]byte("more")); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("write after Commit: %v", err)
	}
}

// An existing file keeps its permission bits (0640 stays 0640, not the
// 0644 a new one would get) and is replaced whole.
func TestFileKeepsPermissions(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	for _, perm := range []fs.FileMode{0o640, 0o600, 0o664} {
		write(t, path, "old content, longer than the new one\n", perm)
		if err := commit(t, path, "new\n", 0o644); err != nil {
			t.Fatal(err)
		}
		st, _ := os.Stat(path)
		if st.Mode().Perm() != perm || read(t, path) != "new\n" {
			t.Errorf("%v: now %v, %q", perm, st.Mode().Perm(), read(t, path))
		}
	}
}

// Discard leaves the target as it was and no temporary; so does a
// Files group, and after Stop nothing more can be created or committed.
func TestFileDiscard(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	write(t, path, "old\n", 0o644)
	f, err := outfile.Create("--out", path, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("half"))
	f.Discard()
	f.Discard() // a second time does nothing
	if read(t, path) != "old\n" || len(entries(t, dir)) != 1 {
		t.Errorf("after Discard: %q, %v", read(t, path), entries(t, dir))
	}
	if err := f.Commit(); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("Commit after Discard: %v", err)
	}

	var s outfile.Files
	a, err := s.Create("--out", filepath.Join(dir, "a.csv"), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create("--chart", filepath.Join(dir, "b.svg"), 0o644); err != nil {
		t.Fatal(err)
	}
	a.Write([]byte("a"))
	s.Discard()
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("after Files.Discard: %v", names)
	}
	if _, err := s.Create("--out", filepath.Join(dir, "a.csv"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.Stop()
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("after Files.Stop: %v", names)
	}
	if _, err := s.Create("--out", filepath.Join(dir, "c.csv"), 0o644); !errors.Is(err, outfile.ErrStopped) {
		t.Errorf("Create after Stop: %v", err)
	}
	if err := s.Commit(); !errors.Is(err, outfile.ErrStopped) {
		t.Errorf("Commit after Stop: %v", err)
	}
}

// Files commit together: both files appear, in one Commit.
func TestFilesCommit(t *testing.T) {
	dir := t.TempDir()
	var s outfile.Files
	for _, n := range []string{"a.csv", "b.svg"} {
		f, err := s.Create("--out", filepath.Join(dir, n), 0o644)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(n))
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if names := entries(t, dir); strings.Join(names, " ") != "a.csv b.svg" || read(t, filepath.Join(dir, "b.svg")) != "b.svg" {
		t.Errorf("files %v", names)
	}
}

// Targets that are not a regular file are refused before anything is
// written, each with its reason: a directory, a missing directory, a
// path under a file, a device.
func TestFileRefusals(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain")
	write(t, plain, "x", 0o644)
	cases := []struct {
		name, path, want string
	}{
		{"a directory", dir, "is a directory"},
		{"no directory", filepath.Join(dir, "nodir", "x.csv"), "does not exist"},
		{"under a file", filepath.Join(plain, "x.csv"), "not a directory"},
	}
	if st, err := os.Stat(os.DevNull); err == nil && st.Mode()&fs.ModeCharDevice != 0 {
		// as root, the writer this replaced would have replaced the device
		cases = append(cases, struct{ name, path, want string }{"a device", os.DevNull, "character device, not a regular file"})
	}
	for _, c := range cases {
		for _, err := range []error{outfile.CheckPath("--out", c.path), commit(t, c.path, "x", 0o644)} {
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "--out "+c.path+": ") {
				t.Errorf("%s: %v, want %q", c.name, err, c.want)
			}
		}
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("left behind: %v", names)
	}
	if st, err := os.Stat(os.DevNull); err == nil && st.Mode()&fs.ModeCharDevice == 0 {
		t.Errorf("%s is no longer a device", os.DevNull)
	}
}

// A symbolic link is followed: the file it names is replaced and the
// link kept; a link that leads nowhere is refused.
func TestFileSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.csv")
	write(t, target, "old\n", 0o640)
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink("real.csv", link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := commit(t, link, "new\n", 0o644); err != nil {
		t.Fatal(err)
	}
	lst, err := os.Lstat(link)
	if err != nil || lst.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", lst.Mode(), err)
	}
	st, _ := os.Stat(target)
	if read(t, target) != "new\n" || st.Mode().Perm() != 0o640 {
		t.Errorf("target %q %v", read(t, target), st.Mode())
	}
	dangling := filepath.Join(dir, "dangling.csv")
	if err := os.Symlink("nowhere/x.csv", dangling); err != nil {
		t.Fatal(err)
	}
	if err := commit(t, dangling, "x", 0o644); err == nil || !strings.Contains(err.Error(), "symbolic link that leads to no file") {
		t.Errorf("dangling link: %v", err)
	}
	if lst, err := os.Lstat(dangling); err != nil || lst.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the dangling link was replaced: %v", err)
	}
}

// An output is never an input: by the same file (os.SameFile: "./x",
// "../d/x", a symbolic link or a hard link to it), and two outputs never
// name the same file, existing or not. Standard input and output ("-")
// and an input that does not exist are left to their readers.
func TestDistinct(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "scenario.json", "{}", 0o644)
	if err := os.Mkdir("d", 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, "d/retirees.csv", "id\n", 0o644)
	in := []outfile.Path{{Label: "--scenario", Name: "scenario.json"}, {Label: "--retirees", Name: "d/retirees.csv"}, {Label: "--compare", Name: "missing.json"}}
	hasLinks := os.Symlink("scenario.json", "link.json") == nil && os.Link("d/retirees.csv", "hard.csv") == nil
	for _, c := range []struct {
		outs []outfile.Path
		want string // "" no error
	}{
		{[]outfile.Path{{Label: "--out", Name: "scenario.json"}}, "--out scenario.json is the input --scenario scenario.json"},
		{[]outfile.Path{{Label: "--out", Name: "./scenario.json"}}, "is the input --scenario"},
		{[]outfile.Path{{Label: "--out", Name: "d/../scenario.json"}}, "is the input --scenario"},
		{[]outfile.Path{{Label: "--out", Name: filepath.Join(dir, "d", "retirees.csv")}}, "is the input --retirees"},
		{[]outfile.Path{{Label: "--out", Name: "x.csv"}, {Label: "--chart", Name: "./x.csv"}}, "--out x.csv and --chart ./x.csv name the same file"},
		{[]outfile.Path{{Label: "--out", Name: "x.csv"}, {Label: "--chart", Name: "x.svg"}}, ""},
		{[]outfile.Path{{Label: "--out", Name: "-"}, {Label: "--chart", Name: ""}}, ""},
		{[]outfile.Path{{Label: "--out", Name: "missing.json"}}, ""}, // not read: it does not exist
	} {
		err := outfile.Distinct(c.outs, in)
		if (err == nil) != (c.want == "") || err != nil && !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v, want %q", c.outs, err, c.want)
		}
	}
	if hasLinks {
		for _, o := range []string{"link.json", "hard.csv"} {
			if err := outfile.Distinct([]outfile.Path{{Label: "--out", Name: o}}, in); err == nil || !strings.Contains(err.Error(), "is the input") {
				t.Errorf("%s: %v", o, err)
			}
		}
	}
}
