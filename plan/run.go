package plan

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math"
	"sync"
	"sync/atomic"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/internal/input"
	"github.com/benefitstd/benefitstd/internal/workers"
)

// Options tune a run. The zero Options is ready to use.
type Options struct {
	// Workers is the number of goroutines applying the plan; 0 means
	// GOMAXPROCS. The Report is the same for every value. At most 16 ×
	// GOMAXPROCS: a larger or a negative count is an error wrapping
	// benefit.ErrRange, before anything is read.
	Workers int
	// ChunkSize is the number of retirees handed to a worker at a time;
	// 0 means 4096.
	ChunkSize int
	// PerPerson, when set, writes each retiree's Payment, in input
	// order, for the payment system (output.NewPaymentCSV writes the CSV).
	// Ids are unique (a repeated id fails the run with ErrDuplicateID).
	// If the run fails, what was written before the failure is
	// incomplete, and in a source of more than 262,144 ids it may hold
	// both payments of a repeated id: write to a temporary file and
	// rename it on success.
	PerPerson PaymentWriter
	// Synthetic marks the Report as computed on a generated population.
	Synthetic bool
	// Progress, when set, is called after each chunk of retirees is
	// applied, from one goroutine at a time, with the retirees applied
	// so far (in completion order, which may vary between runs; the
	// Report does not).
	Progress func(Progress)

	light bool // totals only: no distribution (calibration passes)
}

// Progress reports how far a run is: the retirees applied so far, and
// the retirees in all when the source knows it (a Population, a
// Synthetic population), 0 when it does not (a CSV file read as a
// stream).
type Progress struct {
	Done, Total int64
}

// sizeOf returns the number of retirees of src when it is known, else 0.
func sizeOf(src Source) int64 {
	switch s := src.(type) {
	case *Population:
		return int64(s.Len())
	case synthSource:
		return int64(s.n)
	}
	return 0
}

var errNoSource = errors.New("plan: no source of retirees (nil)")

type job struct {
	seq    int
	rows   []row
	pooled bool
	recs   []input.Record // raw CSV records, parsed by the worker
}

// recordSource is a Source whose records a worker can parse (CSV): the
// reading stays sequential, the parsing runs in parallel.
type recordSource interface {
	feedRecords(size int, emit func([]input.Record) bool) error
}

type outChunk struct {
	seq int
	b   []byte
}

// Run applies the plan to every retiree of src, in parallel chunks,
// without holding the retirees in memory (unless src is a Population;
// their ids are checked for repeats in bounded memory: see ReadCSV),
// and returns the Report. The result is the same whatever
// opt.Workers. A CSV file is read in order and its records are parsed by
// the workers. A bad record stops the run: Run returns the
// *benefit.RecordError of the earliest bad line and no Report. Run stops early with
// context.Cause when ctx is cancelled.
func (c *Calculator) Run(ctx context.Context, src Source, opt Options) (*Report, error) {
	if src == nil || src == Source((*Population)(nil)) {
		return nil, errNoSource
	}
	a, err := c.run(ctx, src, opt)
	if err != nil {
		return nil, err
	}
	s := c.summary(a)
	s.Synthetic = opt.Synthetic
	return s, nil
}

func (c *Calculator) run(ctx context.Context, src Source, opt Options) (*acc, error) {
	w, err := workers.Count(opt.Workers)
	if err != nil {
		return nil, fmt.Errorf("plan: Options.Workers %d: %w", opt.Workers, err)
	}
	size := opt.ChunkSize
	if size <= 0 {
		size = 4096
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	window := make(chan struct{}, 4*w) // chunks in flight, read to written
	jobs := make(chan job, w)
	free := make(chan []row, 4*w+1)
	var outs chan outChunk
	if opt.PerPerson != nil {
		outs = make(chan outChunk, 4*w)
	}
	accs := make([]*acc, w)
	var (
		failed atomic.Bool // a record failed to parse: stop reading
		errMu  sync.Mutex
		errs   []error // parse errors; the earliest line is reported
	)
	var (
		progMu  sync.Mutex
		applied int64
		known   = sizeOf(src)
	)
	var wg sync.WaitGroup
	for i := range w {
		wg.Go(func() {
			a := newAcc(len(c.k.parts), opt.light) // zeroed by the worker, in parallel
			accs[i] = a
			parts, zeros := c.k.newOut(), make([]int64, len(c.k.parts))
			var pay Payment // filled per retiree when opt.PerPerson is set
			var buf []byte
			var parsed []row
			for j := range jobs {
				buf = buf[:0]
				if j.recs != nil {
					// Parse every emitted chunk, even after a failure, so that
					// the earliest bad record is the one reported.
					var err error
					parsed, err = parseRecords(j.recs, parsed[:0])
					if err != nil {
						failed.Store(true)
						errMu.Lock()
						errs = append(errs, err)
						errMu.Unlock()
					}
					j.rows = parsed
				}
				if ctx.Err() == nil && !failed.Load() {
					buf = c.process(a, j.rows, parts, zeros, buf, opt.PerPerson, &pay)
					if opt.Progress != nil {
						progMu.Lock()
						applied += int64(len(j.rows))
						opt.Progress(Progress{Done: applied, Total: known})
						progMu.Unlock()
					}
				}
				if j.pooled {
					select {
					case free <- j.rows[:0]:
					default:
					}
				}
				if outs != nil {
					outs <- outChunk{j.seq, append([]byte(nil), buf...)}
				} else {
					<-window
				}
			}
		})
	}

	var werr error
	writerDone := make(chan struct{})
	if outs != nil {
		go func() {
			defer close(writerDone)
			bw := bufio.NewWriterSize(opt.PerPerson, 64<<10)
			p := c.planCopy() // a copy: the writer cannot change the calculator's
			_, werr = bw.Write(opt.PerPerson.AppendHeader(nil, &p))
			pending := map[int][]byte{}
			next := 0
			for o := range outs {
				pending[o.seq] = o.b
				for {
					b, ok := pending[next]
					if !ok {
						break
					}
					delete(pending, next)
					if werr == nil {
						if _, werr = bw.Write(b); werr != nil {
							cancel(werr)
						}
					}
					next++
					<-window
				}
			}
			if werr == nil {
				werr = bw.Flush()
			}
		}()
	} else {
		close(writerDone)
	}

	seq := 0
	get := func() []row {
		select {
		case b := <-free:
			return b
		default:
			return make([]row, 0, size)
		}
	}
	emit := func(rows []row, pooled bool, recs []input.Record) bool {
		select {
		case window <- struct{}{}:
		case <-ctx.Done():
			return false
		}
		jobs <- job{seq, rows, pooled, recs}
		seq++
		return true
	}
	var srcErr error
	if rs, ok := src.(recordSource); ok {
		srcErr = rs.feedRecords(size, func(recs []input.Record) bool {
			return !failed.Load() && emit(nil, false, recs)
		})
	} else {
		srcErr = src.feed(size, get, func(rows []row, pooled bool) bool { return emit(rows, pooled, nil) })
	}
	close(jobs)
	wg.Wait()
	if outs != nil {
		close(outs)
	}
	<-writerDone
	if srcErr != nil {
		errs = append(errs, srcErr)
	}
	switch {
	case len(errs) > 0:
		return nil, earliest(errs)
	case werr != nil:
		return nil, werr
	case context.Cause(ctx) != nil && ctx.Err() != nil:
		return nil, context.Cause(ctx)
	}
	total := accs[0]
	for _, a := range accs[1:] {
		total.merge(a)
	}
	if err := total.check(); err != nil {
		return nil, err
	}
	return total, nil
}

// earliest returns the error of the earliest line; errors without a
// line come last.
func earliest(errs []error) error {
	best, bestLine := errs[0], lineOf(errs[0])
	for _, e := range errs[1:] {
		if l := lineOf(e); l < bestLine {
			best, bestLine = e, l
		}
	}
	return best
}

func lineOf(err error) int {
	var re *benefit.RecordError
	if errors.As(err, &re) && re.Line > 0 {
		return re.Line
	}
	return math.MaxInt
}

// process applies the plan to rows, accumulating into a, and appends
// their payments to buf by out when out is not nil, each filled in pay.
// parts is a buffer from newOut, zeros one of as many zeros (an
// ineligible retiree's parts).
func (c *Calculator) process(a *acc, rows []row, parts, zeros []int64, buf []byte, out PaymentWriter, pay *Payment) []byte {
	k := &c.k
	var elig int64
	for i := range rows {
		x := &rows[i]
		age := ageAt(x.birth, k.ageAt)
		if why := k.eligible(x); why != eligible {
			a.inel[why]++
			if out != nil {
				buf = appendPayment(out, pay, buf, x, age, why, 0, 0, zeros)
			}
			continue
		}
		inc := k.eval(x, int32(age), parts)
		months := k.arrearsMonths(x)
		elig++
		a.prior += x.pension
		a.inc += inc
		a.arrears += inc * months
		a.ovf |= a.prior | a.inc | a.arrears
		for _, j := range k.opParts {
			v := parts[j]
			a.partSum[j] += v
			a.partN[j] += int64(uint64(v|-v) >> 63) // 1 when v != 0 (v ≥ 0)
		}
		g := &a.area[x.area]
		g.n++
		g.prior += x.pension
		g.inc += inc
		g = &a.age[ageGroup(age)]
		g.n++
		g.prior += x.pension
		g.inc += inc
		if !a.light {
			if inc < denseMax {
				a.dense[inc]++
			} else {
				a.over[inc]++
			}
		}
		if out != nil {
			buf = appendPayment(out, pay, buf, x, age, eligible, inc, months, parts)
		}
	}
	a.count += int64(len(rows))
	a.elig += elig
	// The fixed parts pay every eligible retiree the same: their totals
	// are that amount times the count (at most the increase total).
	for _, j := range k.fixedParts {
		a.partSum[j] += k.fixed[j] * elig
		if k.fixed[j] != 0 {
			a.partN[j] += elig
		}
	}
	return buf
}
