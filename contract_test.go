package benefitstd_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const decimalPath = "github.com/shopspring/decimal"

// The decimal package's entry points whose result depends on one of its
// process-wide settings (go-notes P1), or that go through float64 (P6).
// No library code may call them; TestIndependentOfDecimalGlobals checks
// the outputs, this the source.
var (
	// package-level names of the decimal package
	forbiddenDecimalNames = map[string]string{
		"NewFromString":                "parses under MaxDecodeExponent; read the digits yourself",
		"RequireFromString":            "parses under MaxDecodeExponent; read the digits yourself",
		"NewFromFormattedString":       "parses under MaxDecodeExponent",
		"NewFromFloat":                 "goes through float64",
		"NewFromFloat32":               "goes through float64",
		"NewFromFloatWithExponent":     "goes through float64",
		"Avg":                          "divides with DivisionPrecision",
		"DivisionPrecision":            "a process-wide setting",
		"PowPrecisionNegativeExponent": "a process-wide setting",
		"MarshalJSONWithoutQuotes":     "a process-wide setting",
		"TrimTrailingZeros":            "a process-wide setting",
		"UseScientificNotation":        "a process-wide setting",
		"ExpMaxIterations":             "a process-wide setting",
		"MaxDecodeExponent":            "a process-wide setting",
	}
	// methods of decimal.Decimal (and NullDecimal)
	forbiddenDecimalMethods = map[string]string{
		"String":          "depends on TrimTrailingZeros and UseScientificNotation; use StringFixed",
		"Format":          "fmt verbs depend on TrimTrailingZeros",
		"Div":             "rounds to DivisionPrecision; use QuoRem or DivRound",
		"Sqrt":            "rounds to DivisionPrecision",
		"Root":            "rounds to DivisionPrecision",
		"Atan":            "depends on DivisionPrecision",
		"Tan":             "depends on DivisionPrecision",
		"Pow":             "rounds to PowPrecisionNegativeExponent",
		"PowInt32":        "rounds to PowPrecisionNegativeExponent",
		"PowBigInt":       "rounds to PowPrecisionNegativeExponent",
		"ExpHullAbrham":   "bounded by ExpMaxIterations",
		"ExpTaylor":       "bounded by ExpMaxIterations",
		"MarshalJSON":     "depends on MarshalJSONWithoutQuotes and TrimTrailingZeros",
		"MarshalText":     "depends on TrimTrailingZeros",
		"MarshalBinary":   "an encoding of the decimal package's",
		"Value":           "depends on TrimTrailingZeros",
		"GobEncode":       "an encoding of the decimal package's",
		"UnmarshalJSON":   "parses under MaxDecodeExponent",
		"UnmarshalText":   "parses under MaxDecodeExponent",
		"UnmarshalBinary": "decodes under MaxDecodeExponent",
		"GobDecode":       "decodes under MaxDecodeExponent",
		"Scan":            "parses under MaxDecodeExponent, or through float64",
		"Float64":         "goes through float64",
		"InexactFloat64":  "goes through float64",
	}
)

// libraryPackages returns the module's packages of library code: the
// directory of each (relative to the module root) and its non-test Go
// files. testdata and hidden directories are left out.
func libraryPackages(t *testing.T) map[string][]string {
	t.Helper()
	pkgs := map[string][]string{}
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
			dir := filepath.ToSlash(filepath.Dir(p))
			pkgs[dir] = append(pkgs[dir], p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) < 10 {
		t.Fatalf("only %d packages found", len(pkgs))
	}
	return pkgs
}

// TestNoDecimalGlobalsInLibraryCode fails on any call, in non-test code of
// the module, of a decimal entry point that reads one of the decimal
// package's process-wide settings or goes through float64, and on any
// exported struct field of a decimal type (whose JSON would follow those
// settings). Package-level names are found by the import's name in each
// file; methods by type-checking every package that imports the decimal
// package, so a call through a helper or a local variable is found too.
func TestNoDecimalGlobalsInLibraryCode(t *testing.T) {
	fset := token.NewFileSet()
	var users []string
	pkgs := libraryPackages(t)
	files := map[string][]*ast.File{}
	for dir, names := range pkgs {
		for _, name := range names {
			f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			files[dir] = append(files[dir], f)
			local := ""
			for _, imp := range f.Imports {
				if p, _ := strconv.Unquote(imp.Path.Value); p == decimalPath {
					local = "decimal"
					if imp.Name != nil {
						local = imp.Name.Name
					}
				}
			}
			if local == "" {
				continue
			}
			if !slices.Contains(users, dir) {
				users = append(users, dir)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == local {
					if why, bad := forbiddenDecimalNames[sel.Sel.Name]; bad {
						t.Errorf("%s: decimal.%s: %s", fset.Position(sel.Pos()), sel.Sel.Name, why)
					}
				}
				return true
			})
		}
	}
	// The decimal package is the fallback of benefit's Amount and Rate;
	// every other package speaks in those types.
	slices.Sort(users)
	if !slices.Equal(users, []string{"benefit"}) {
		t.Errorf("library packages importing %s: %v, want only benefit", decimalPath, users)
	}

	// Methods, found with types: every package that imports the decimal
	// package, type-checked from source.
	imp := importer.ForCompiler(fset, "source", nil)
	for _, dir := range users {
		info := &types.Info{Selections: map[*ast.SelectorExpr]*types.Selection{}, Types: map[ast.Expr]types.TypeAndValue{}}
		conf := types.Config{Importer: imp.(types.ImporterFrom)}
		if _, err := conf.Check(path.Join("github.com/benefitstd/benefitstd", dir), fset, files[dir], info); err != nil {
			t.Fatalf("type-checking %s: %v", dir, err)
		}
		for sel, s := range info.Selections {
			if fn, ok := s.Obj().(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == decimalPath {
				if why, bad := forbiddenDecimalMethods[fn.Name()]; bad {
					t.Errorf("%s: %s on a decimal: %s", fset.Position(sel.Sel.Pos()), fn.Name(), why)
				}
			}
		}
		// a decimal passed to fmt, or held in an exported field
		for _, f := range files[dir] {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					if s, ok := n.Fun.(*ast.SelectorExpr); ok {
						if id, ok := s.X.(*ast.Ident); ok && id.Name == "fmt" {
							for _, a := range n.Args {
								if isDecimal(info.Types[a].Type) {
									t.Errorf("%s: a decimal printed with fmt.%s", fset.Position(a.Pos()), s.Sel.Name)
								}
							}
						}
					}
				case *ast.Field:
					for _, name := range n.Names {
						if name.IsExported() && isDecimal(info.Types[n.Type].Type) {
							t.Errorf("%s: exported field %s holds a decimal", fset.Position(name.Pos()), name.Name)
						}
					}
				}
				return true
			})
		}
	}
}

// isDecimal reports whether t is a type of the decimal package or a
// pointer to one.
func isDecimal(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == decimalPath
}
