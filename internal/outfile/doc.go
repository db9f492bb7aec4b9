// Package outfile writes the command's output files whole or not at
// all, and never over an input.
//
// A File writes to a temporary file beside the target, renamed over it
// by Commit, removed by Discard (also from a signal handler, through
// Files.Stop). It refuses a target that is not a regular file (a FIFO, a
// device, a socket), follows a symbolic link to the file it names (and
// keeps the link), refuses a file with several hard links, and keeps an
// existing file's permissions. Distinct tells, before anything is read,
// an output that names an input (by os.SameFile) or another output;
// CheckPath, an output that cannot be written. Every error names the
// file by the label it was given on the command line ("--out").
//
// The package imports nothing of the module; package output renders
// into bytes and this package puts them on disk.
package outfile
