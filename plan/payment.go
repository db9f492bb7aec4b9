package plan

import "io"

// A Payment is one retiree's outcome as the payment file carries it
// (Options.PerPerson): the id, why the retiree is not eligible (a code;
// empty when eligible), the age in full years at the plan's AgeAt, and
// in whole fen (分) a month the pension before the adjustment, each
// part's amount in plan order and the increase, with the months of
// arrears owed at the new rate (补发). A retiree who is not eligible has
// zero parts and increase.
//
// Amounts are whole fen so that a run of millions of retirees hands
// them on without allocating; benefit.FromFen makes an Amount of one.
// The run fills one Payment per retiree in place: a PaymentWriter must
// not keep it, nor its PartsFen, after AppendPayment returns.
type Payment struct {
	ID            string
	Reason        string
	Age           int
	PensionFen    int64
	PartsFen      []int64
	IncreaseFen   int64
	ArrearsMonths int64
}

// The code of Payment.Reason for a retiree who retired after the plan's
// cut-off (RetiredBy).
const ReasonRetiredAfterCutoff = "retired_after_cutoff"

// reason codes of Payment.Reason
var reasonCode = [...]string{eligible: "", retiredLate: ReasonRetiredAfterCutoff}

// Eligible reports whether the plan applies to the retiree.
func (p *Payment) Eligible() bool { return p.Reason == "" }

// NewPensionFen is the pension after the adjustment, in fen a month.
func (p *Payment) NewPensionFen() int64 { return p.PensionFen + p.IncreaseFen }

// ArrearsFen is the increase owed for the months before the first paid
// at the new rate: IncreaseFen × ArrearsMonths.
func (p *Payment) ArrearsFen() int64 { return p.IncreaseFen * p.ArrearsMonths }

// A PaymentWriter writes the payment file of a run (Options.PerPerson);
// output.NewPaymentCSV writes the CSV a payment system reads. Run appends
// the header (AppendHeader, once, with the calculator's plan, whose
// parts name the columns) and each retiree's payment (AppendPayment,
// from several goroutines at once: both must only append to b and read
// their arguments), and writes what was appended to the PaymentWriter in
// input order, from one goroutine. A write error stops the run.
type PaymentWriter interface {
	AppendHeader(b []byte, p *Plan) []byte
	AppendPayment(b []byte, p *Payment) []byte
	io.Writer
}

// appendPayment appends, by w, the payment of row x, filled in p: a
// worker's one Payment, reused for every retiree it processes so that
// handing it to w through the interface does not allocate one each.
func appendPayment(w PaymentWriter, p *Payment, b []byte, x *row, age int, why reason, inc, months int64, parts []int64) []byte {
	*p = Payment{ID: x.id, Reason: reasonCode[why], Age: age, PensionFen: x.pension, PartsFen: parts, IncreaseFen: inc, ArrearsMonths: months}
	return w.AppendPayment(b, p)
}
