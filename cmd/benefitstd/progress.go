package main

import (
	"io"
	"os"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// isTerminal reports whether w is a terminal (a character device a
// person reads). It is a variable so that tests can stand in for a
// terminal.
var isTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// A meter shows the progress of a long run (a plan over millions of
// retirees, a sweep, a national simulation) as a bar on standard error
// when standard error is a terminal, and nothing otherwise: a pipeline
// or a log gets no more than it did. The nil *meter shows nothing. A
// meter is safe for concurrent use.
type meter struct {
	bar *progressbar.ProgressBar
}

// newMeter returns a meter of max steps described by desc, counted in
// unit ("B": bytes, shown in kB and MB), or nil when stderr is not a
// terminal. A max of -1 is a run whose length is not known: the meter
// counts the steps done.
func newMeter(stderr io.Writer, max int64, desc, unit string) *meter {
	if !isTerminal(stderr) {
		return nil
	}
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100 * time.Millisecond),
		progressbar.OptionSetSpinnerChangeInterval(0), // no goroutine of its own
		progressbar.OptionClearOnFinish(),
	}
	if unit == "B" {
		opts = append(opts, progressbar.OptionShowBytes(true))
	} else {
		opts = append(opts, progressbar.OptionSetItsString(unit), progressbar.OptionShowIts())
	}
	return &meter{bar: progressbar.NewOptions64(max, opts...)}
}

// set shows that n steps are done.
func (m *meter) set(n int64) {
	if m != nil {
		m.bar.Set64(n)
	}
}

// done clears the bar: the run has ended, well or not.
func (m *meter) done() {
	if m != nil {
		m.bar.Finish()
	}
}

// countingReader counts the bytes read from r and shows them on a meter
// of the file's size.
type countingReader struct {
	r io.Reader
	n atomic.Int64
	m *meter
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.m.set(c.n.Add(int64(n)))
	return n, err
}
