package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// A File is an output file written whole or not at all. Create writes to
// a hidden temporary file beside the target (".<name>.<random>"); Commit
// syncs and closes it, gives it the target's permissions and renames it
// over the target, so that a reader sees the old file or the new one,
// never a part; Discard removes it. A File never writes into anything
// but a regular file:
//
//   - a target that is a directory, a FIFO, a device, a socket or any
//     other non-regular file is refused, before anything is written (an
//     output to a pipe or a terminal goes to standard output instead);
//   - a symbolic link is followed: the file it points to is replaced and
//     the link kept (a link to nothing, or a loop, is refused);
//   - a regular file with more than one hard link is refused, since
//     replacing it would leave its other names with the old content;
//   - an existing target keeps its permission bits (a 0640 file stays
//     0640) and, where the platform allows, its owner; a new one gets the
//     permissions Create is given.
//
// Each error names the file by its label and path as given ("--out
// levels.csv: ..."). A File is safe for Discard from another goroutine
// (a signal handler) while it is written or committed: the temporary is
// then either renamed whole or removed.
type File struct {
	label, path string // as given, for errors
	target      string // the file replaced: path with its links resolved
	perm        fs.FileMode

	mu   sync.Mutex
	tmp  *os.File // nil after Commit or Discard
	done bool
}

// CheckPath tells, before any work is done, whether Create can write the
// output file at path (label names it in errors, "--out"): its
// directory exists and the target is absent or a regular file with one
// link (see File). It reads nothing and writes nothing.
func CheckPath(label, path string) error {
	_, _, err := resolve(label, path)
	return err
}

// resolve returns the file an output at path replaces (path, or the file
// a symbolic link at path leads to) and its current state (nil when it
// does not exist yet), or an error when it cannot be written.
func resolve(label, path string) (target string, st fs.FileInfo, err error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%s %s: %s", label, path, fmt.Sprintf(format, args...))
	}
	target = path
	if lst, err := os.Lstat(path); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
		t, err := filepath.EvalSymlinks(path)
		if err != nil {
			return "", nil, bad("is a symbolic link that leads to no file (%v)", unwrapPath(err))
		}
		target = t
	}
	dir := filepath.Dir(target)
	dst, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", nil, bad("directory %s does not exist", dir)
	case err != nil:
		return "", nil, bad("%v", unwrapPath(err))
	case !dst.IsDir():
		return "", nil, bad("%s is not a directory", dir)
	}
	st, err = os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return target, nil, nil
	case err != nil:
		return "", nil, bad("%v", unwrapPath(err))
	case st.IsDir():
		return "", nil, bad("is a directory")
	case !st.Mode().IsRegular():
		return "", nil, bad("is a %s, not a regular file; write to standard output instead", kind(st.Mode()))
	}
	if n := links(st); n > 1 {
		return "", nil, bad("has %d hard links; replacing it would leave the other names with the old content", n)
	}
	return target, st, nil
}

// kind names a non-regular file mode.
func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeSocket != 0:
		return "socket"
	}
	return "special file"
}

// Create starts writing the output file at path (see File): it checks
// the target as CheckPath does and opens the temporary file beside it.
// perm is the permission of a target that does not exist yet; an
// existing one keeps its own.
func Create(label, path string, perm fs.FileMode) (*File, error) {
	target, st, err := resolve(label, path)
	if err != nil {
		return nil, err
	}
	f := &File{label: label, path: path, target: target, perm: perm.Perm()}
	if st != nil {
		f.perm = st.Mode().Perm()
	}
	f.tmp, err = os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*")
	if err != nil {
		return nil, f.wrap(err)
	}
	if st != nil {
		keepOwner(f.tmp, st)
	}
	return f, nil
}

func (f *File) wrap(err error) error {
	return fmt.Errorf("%s %s: %w", f.label, f.path, unwrapPath(err))
}

// Write writes to the temporary file. After Commit or Discard it fails.
func (f *File) Write(b []byte) (int, error) {
	f.mu.Lock()
	tmp := f.tmp
	f.mu.Unlock()
	if tmp == nil {
		return 0, f.wrap(fs.ErrClosed)
	}
	n, err := tmp.Write(b)
	if err != nil {
		err = f.wrap(err)
	}
	return n, err
}

// Commit syncs and closes the temporary file, gives it the target's
// permissions and renames it over the target. On any error the
// temporary is removed and the target left as it was.
func (f *File) Commit() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.tmp == nil {
		if f.done {
			return nil
		}
		return f.wrap(fs.ErrClosed)
	}
	tmp := f.tmp
	f.tmp = nil
	err := tmp.Chmod(f.perm)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), f.target)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return f.wrap(err)
	}
	f.done = true
	return nil
}

// Discard removes the temporary file; the target is left as it was. It
// does nothing after Commit or a first Discard.
func (f *File) Discard() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.tmp == nil {
		return
	}
	f.tmp.Close()
	os.Remove(f.tmp.Name())
	f.tmp = nil
}

// Files are output files written together: committed together when the
// work is complete, and discarded together when it fails or the process
// is stopped (Stop, from a signal handler). The zero Files is ready to
// use; it is safe for concurrent use.
type Files struct {
	mu      sync.Mutex
	files   []*File
	stopped bool
}

// ErrStopped is returned by Files.Create and Files.Commit after
// Files.Stop.
var ErrStopped = errors.New("outfile: stopped")

// Create starts the output file at path (the package function Create)
// as one of s.
func (s *Files) Create(label, path string, perm fs.FileMode) (*File, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped {
		return nil, fmt.Errorf("%s %s: %w", label, path, ErrStopped)
	}
	f, err := Create(label, path, perm)
	if err != nil {
		return nil, err
	}
	s.files = append(s.files, f)
	return f, nil
}

// Commit commits the files of s in the order they were created. At the
// first error it discards the rest and returns the error; the files
// committed before it stay.
func (s *Files) Commit() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped {
		return ErrStopped
	}
	files := s.files
	s.files = nil
	for i, f := range files {
		if err := f.Commit(); err != nil {
			for _, g := range files[i+1:] {
				g.Discard()
			}
			return err
		}
	}
	return nil
}

// Discard discards every file of s not yet committed.
func (s *Files) Discard() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range s.files {
		f.Discard()
	}
	s.files = nil
}

// Stop discards every file of s not yet committed, and makes any later
// Create or Commit fail with ErrStopped: for a process about to exit on
// a signal.
func (s *Files) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stopped = true
	for _, f := range s.files {
		f.Discard()
	}
	s.files = nil
}

// A Path is a file named on a command line: the label that names it in
// errors ("--levels") and the path as given.
type Path struct {
	Label, Name string
}

// Distinct returns an error, before anything is read or written, when
// an output names the same file as an input or as another output: the
// same file by os.SameFile (so that a symbolic or hard link, "./x" or
// "../dir/x" count as x), or, for outputs that do not exist yet, the
// same absolute path. A Name of "" or "-" (standard input or output) is
// left out, as is an input that does not exist (its reading will say
// so).
func Distinct(outputs, inputs []Path) error {
	var outs []statted
	for _, o := range outputs {
		so, ok := statPath(o)
		if !ok {
			continue
		}
		for _, prev := range outs {
			if so.same(prev) {
				return fmt.Errorf("%s %s and %s %s name the same file", prev.p.Label, prev.p.Name, o.Label, o.Name)
			}
		}
		outs = append(outs, so)
	}
	for _, in := range inputs {
		si, ok := statPath(in)
		if !ok || si.st == nil {
			continue
		}
		for _, o := range outs {
			if o.st != nil && os.SameFile(o.st, si.st) {
				return fmt.Errorf("%s %s is the input %s %s: an output never overwrites an input", o.p.Label, o.p.Name, in.Label, in.Name)
			}
		}
	}
	return nil
}

// statted is a Path with its file's state (nil: it does not exist) and
// absolute path.
type statted struct {
	p   Path
	st  fs.FileInfo
	abs string
}

// statPath stats p; ok is false for standard input or output.
func statPath(p Path) (s statted, ok bool) {
	if p.Name == "" || p.Name == "-" {
		return s, false
	}
	s.p = p
	s.st, _ = os.Stat(p.Name)
	if abs, err := filepath.Abs(p.Name); err == nil {
		s.abs = abs
	}
	return s, true
}

// same reports whether a and b are the same file, or, when either does
// not exist, the same absolute path.
func (a statted) same(b statted) bool {
	if a.st != nil && b.st != nil {
		return os.SameFile(a.st, b.st)
	}
	return a.abs != "" && a.abs == b.abs
}

// unwrapPath drops the *fs.PathError or *os.LinkError wrapper, whose
// path would name the temporary file rather than the one given.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
