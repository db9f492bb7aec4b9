package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// noEmpty reports a flag that was given with an empty value. A careless
// `--levels "$FILE"` with FILE unset must not fall back silently to the
// embedded illustrative sample (or, for plan, to a synthetic population).
func noEmpty(fset *flag.FlagSet, names ...string) error {
	var err error
	fset.Visit(func(f *flag.Flag) {
		if err != nil || f.Value.String() != "" {
			return
		}
		for _, n := range names {
			if f.Name == n {
				err = fmt.Errorf("%s: --%s is empty", fset.Name(), n)
			}
		}
	})
	return err
}

// checkOutPath tells before any work is done whether an output file can be
// written at path: its directory exists and path is not a directory.
func checkOutPath(flagName, path string) error {
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("--%s %s: directory %s does not exist", flagName, path, dir)
	case err != nil:
		return fmt.Errorf("--%s %s: %w", flagName, path, unwrapPath(err))
	case !st.IsDir():
		return fmt.Errorf("--%s %s: %s is not a directory", flagName, path, dir)
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("--%s %s: is a directory", flagName, path)
	}
	return nil
}

// pendingFile is an output written to a hidden temporary file beside its
// final name and renamed into place only by commit, so that a failed run
// leaves neither a partial file nor a half-replaced old one.
type pendingFile struct {
	flag, path string
	tmp        *os.File
}

// createPending opens the temporary file of an output.
func createPending(flagName, path string) (*pendingFile, error) {
	if err := checkOutPath(flagName, path); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return nil, fmt.Errorf("--%s %s: %w", flagName, path, unwrapPath(err))
	}
	return &pendingFile{flag: flagName, path: path, tmp: tmp}, nil
}

// Write writes to the temporary file.
func (p *pendingFile) Write(b []byte) (int, error) {
	n, err := p.tmp.Write(b)
	if err != nil {
		err = fmt.Errorf("--%s %s: %w", p.flag, p.path, unwrapPath(err))
	}
	return n, err
}

// commit closes the temporary file and renames it to its final name.
func (p *pendingFile) commit(perm os.FileMode) error {
	err := p.tmp.Chmod(perm)
	if cerr := p.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(p.tmp.Name(), p.path)
	}
	if err != nil {
		os.Remove(p.tmp.Name())
		return fmt.Errorf("--%s %s: %w", p.flag, p.path, unwrapPath(err))
	}
	return nil
}

// discard removes the temporary file; it is a no-op after commit.
func (p *pendingFile) discard() {
	if p == nil {
		return
	}
	p.tmp.Close()
	os.Remove(p.tmp.Name())
}

// writeOut writes data to path through a temporary file (see pendingFile).
func writeOut(flagName, path string, data []byte, perm os.FileMode) error {
	p, err := createPending(flagName, path)
	if err != nil {
		return err
	}
	if _, err := p.Write(data); err != nil {
		p.discard()
		return err
	}
	return p.commit(perm)
}

// unwrapPath drops the *fs.PathError wrapper, whose path would name the
// temporary file rather than the one the user gave.
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
