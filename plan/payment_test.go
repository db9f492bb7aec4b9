package plan

import (
	"fmt"
	"io"
	"strings"
	"testing"
)

// lines is a PaymentWriter for the tests: a header naming the plan and
// its parts, then one line per payment with every field (the CSV the
// payment systems read is package output's NewPaymentCSV).
type lines struct{ io.Writer }

func (lines) AppendHeader(b []byte, p *Plan) []byte {
	ids := make([]string, len(p.Parts))
	for i, pt := range p.Parts {
		ids[i] = pt.ID
	}
	return fmt.Appendf(b, "%s %s\n", p.ID, strings.Join(ids, " "))
}

func (lines) AppendPayment(b []byte, p *Payment) []byte {
	return fmt.Appendf(b, "%q %q %d %d %v %d %d %d %d\n", p.ID, p.Reason, p.Age, p.PensionFen, p.PartsFen, p.IncreaseFen, p.NewPensionFen(), p.ArrearsMonths, p.ArrearsFen())
}

// A payment's derived figures, by hand: a pension of 5,000.00, parts
// 61.00 and 35.00, increase 96.00, 6 months owed: new pension 5,096.00,
// arrears 6 × 96.00 = 576.00.
func TestPaymentDerived(t *testing.T) {
	p := Payment{ID: "A", Age: 72, PensionFen: 500000, PartsFen: []int64{6100, 3500}, IncreaseFen: 9600, ArrearsMonths: 6}
	if !p.Eligible() || p.NewPensionFen() != 509600 || p.ArrearsFen() != 57600 {
		t.Errorf("eligible %v, new %d, arrears %d", p.Eligible(), p.NewPensionFen(), p.ArrearsFen())
	}
	p.Reason = ReasonRetiredAfterCutoff
	if p.Eligible() {
		t.Error("a retiree after the cut-off is eligible")
	}
}
