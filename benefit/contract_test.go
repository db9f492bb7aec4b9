package benefit_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The exactness contract, checked on the package's source: no float
// constructor or conversion of the decimal package, no package variable
// of it read or written, no Div (whose precision is a global), and no
// decimal String (whose output depends on TrimTrailingZeros and
// UseScientificNotation). This is how the String, JSON and text of
// Amount and Rate are kept independent of those globals by design,
// without setting them in a test (go-notes P1, P5, P6).
func TestSourceKeepsDecimalContract(t *testing.T) {
	forbiddenPkg := map[string]bool{
		"NewFromFloat": true, "NewFromFloat32": true, "NewFromFloatWithExponent": true,
		"DivisionPrecision": true, "PowPrecisionNegativeExponent": true, "MarshalJSONWithoutQuotes": true,
		"TrimTrailingZeros": true, "UseScientificNotation": true, "ExpMaxIterations": true, "MaxDecodeExponent": true,
	}
	// methods of decimal.Decimal never to be called on the private field d
	forbiddenMethod := map[string]bool{
		"Div": true, "Float64": true, "InexactFloat64": true, "Sqrt": true, "Avg": true, "Pow": true,
		"String": true, "MarshalJSON": true, "MarshalText": true, "Value": true, "StringScaled": true,
	}
	files, err := filepath.Glob("*.go")
	noError(t, err)
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		noError(t, err)
		f, err := parser.ParseFile(fset, name, src, 0)
		noError(t, err)
		checked++
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "decimal" && forbiddenPkg[sel.Sel.Name] {
				t.Errorf("%s: uses decimal.%s", fset.Position(sel.Pos()), sel.Sel.Name)
			}
			// x.d.Method on the decimal inside an Amount or Rate
			if forbiddenMethod[sel.Sel.Name] && isDecimalOperand(sel.X) {
				t.Errorf("%s: calls %s on a decimal", fset.Position(sel.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
	if checked < 5 {
		t.Fatalf("only %d source files checked", checked)
	}
}

// isDecimalOperand reports whether e is the private decimal field of an
// Amount or Rate (x.d).
func isDecimalOperand(e ast.Expr) bool {
	x, ok := e.(*ast.SelectorExpr)
	return ok && x.Sel.Name == "d"
}
