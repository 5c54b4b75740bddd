package check

import (
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Inspect is apivet's inspect analyzer: the same result as x/tools'
// passes/inspect (an *inspector.Inspector over the package's files), built
// by an apivet analyzer so that a driver can free it once every check that
// needs it has run on the package (see Release). The inspector's event table
// is the largest thing analysis keeps per package — a quarter of the live
// heap on a large module — and go/analysis drivers keep every result until
// the whole run ends.
var Inspect = &analysis.Analyzer{
	Name:       "apivetinspect",
	Doc:        "build an AST inspector for the package's files; the result is freed after its last use when the driver asks for it",
	Run:        func(pass *analysis.Pass) (any, error) { return inspector.New(pass.Files), nil },
	ResultType: reflect.TypeFor[*inspector.Inspector](),
}

func init() { RunsOnImportGraph(Inspect) }

// Releaser is implemented by analyzer results that can give their memory
// back once every analyzer requiring them has run on the package.
type Releaser interface{ Release() }

// Release frees an analyzer result once no analyzer will use it again:
// an *inspector.Inspector is emptied, a Releaser released. Drivers that
// read results after the analysis (apivet routes) don't call it.
func Release(res any) {
	switch res := res.(type) {
	case *inspector.Inspector:
		if res != nil {
			*res = inspector.Inspector{}
		}
	case Releaser:
		if !isNil(res) {
			res.Release()
		}
	}
}

func isNil(x any) bool {
	v := reflect.ValueOf(x)
	return !v.IsValid() || (v.Kind() == reflect.Pointer && v.IsNil())
}
