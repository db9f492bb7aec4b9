package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/benefitstd/benefitstd/internal/outfile"
	"github.com/benefitstd/benefitstd/internal/workers"
	"github.com/benefitstd/benefitstd/output"
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

// workerCount checks a --workers flag against the bound of the library's
// runs (internal/workers: at most 16 × GOMAXPROCS), before anything is
// read.
func workerCount(n int) (int, error) {
	w, err := workers.Count(n)
	if err != nil {
		return 0, fmt.Errorf("--workers %d: %w", n, err)
	}
	return w, nil
}

// outputs are the files the running command writes: renamed into place
// together by outputs.Commit when its work is complete, discarded when
// it fails, and discarded by main on SIGINT or SIGTERM.
var outputs outfile.Files

// checkOutputs tells, before anything is read, an output file that names
// an input or another output, or that cannot be written (outfile.Distinct,
// outfile.CheckPath). An output "" (not given) or "-" (standard output)
// is left out.
func checkOutputs(outs, ins []outfile.Path) error {
	if err := outfile.Distinct(outs, ins); err != nil {
		return err
	}
	for _, o := range outs {
		if o.Name != "" && o.Name != "-" {
			if err := outfile.CheckPath(o.Label, o.Name); err != nil {
				return err
			}
		}
	}
	return nil
}

// rendered returns v rendered in format.
func rendered(format string, v any, opts output.Options) ([]byte, error) {
	var b bytes.Buffer
	r, err := output.New(format, &b, opts)
	if err == nil {
		err = r.Render(v)
	}
	return b.Bytes(), err
}

// writeStdout renders v in format to stdout, in one write.
func writeStdout(stdout io.Writer, format string, v any) error {
	b, err := rendered(format, v, output.Options{})
	if err == nil {
		_, err = stdout.Write(b)
	}
	return err
}

// toFile writes data to the output file p, one of outputs, for
// outputs.Commit to rename into place; it writes nothing and reports
// false when p is standard output ("" or "-").
func toFile(p outfile.Path, data []byte, perm fs.FileMode) (bool, error) {
	if p.Name == "" || p.Name == "-" {
		return false, nil
	}
	f, err := outputs.Create(p.Label, p.Name, perm)
	if err != nil {
		return true, err
	}
	_, err = f.Write(data)
	return true, err
}

// writeResult renders v in format and writes it to the output file out,
// renamed into place whole, or, when out is "" or "-", to stdout.
func writeResult(stdout io.Writer, out outfile.Path, format string, v any, opts output.Options) error {
	b, err := rendered(format, v, opts)
	if err != nil {
		return err
	}
	defer outputs.Discard()
	file, err := toFile(out, b, 0o644)
	if err != nil {
		return err
	}
	if file {
		return outputs.Commit()
	}
	_, err = stdout.Write(b)
	return err
}

// binaryOut refuses, before any work, to write a workbook (a binary
// file) to standard output when it is a terminal: it would fill the
// screen with zip bytes. To a pipe or a file it goes.
func binaryOut(format, out string, stdout io.Writer) error {
	if format == output.FormatXLSX && (out == "" || out == "-") && isTerminal(stdout) {
		return errors.New("--format xlsx writes a binary workbook: give --out FILE.xlsx (or redirect standard output)")
	}
	return nil
}

// isWorkbook reports whether path names an Excel workbook (.xlsx).
func isWorkbook(path string) bool { return strings.EqualFold(filepath.Ext(path), ".xlsx") }
