package testutil

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apivet/apivet/internal/check"
)

// RunIllTyped runs an analyzer that requires only check.Inspect (passed
// as inspect) on source that does not type-check: unresolved imports,
// undefined names, wrong argument counts. The type checker keeps going,
// so the analyzer sees nil types and missing objects, as it can under
// gopls or golangci-lint. It fails the test if the analyzer panics or
// returns an error, and returns the diagnostics.
func RunIllTyped(t *testing.T, a, inspect *analysis.Analyzer, src string) []analysis.Diagnostic {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "illtyped.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := check.NewTypesInfo()
	var typeErrors int
	conf := types.Config{Importer: importer.Default(), Error: func(error) { typeErrors++ }}
	pkg, _ := conf.Check("example.com/illtyped", fset, []*ast.File{f}, info)
	if typeErrors == 0 {
		t.Fatal("the source type-checks: the test would prove nothing")
	}
	var diags []analysis.Diagnostic
	pass := &analysis.Pass{
		Analyzer:   a,
		Fset:       fset,
		Files:      []*ast.File{f},
		Pkg:        pkg,
		TypesInfo:  info,
		TypesSizes: types.SizesFor("gc", "amd64"),
		ResultOf:   map[*analysis.Analyzer]any{inspect: inspector.New([]*ast.File{f})},
		Report:     func(d analysis.Diagnostic) { diags = append(diags, d) },
		ReadFile: func(name string) ([]byte, error) {
			if name == "illtyped.go" {
				return []byte(src), nil
			}
			return os.ReadFile(name)
		},
	}
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("%s panicked on ill-typed code: %v", a.Name, r)
			}
		}()
		if _, err := a.Run(pass); err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
	}()
	return diags
}
