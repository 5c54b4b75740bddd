package testutil

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"reflect"

	"golang.org/x/tools/go/analysis"
)

// RunAll runs analyzers, with everything they require, on one package
// already parsed and type-checked (type errors allowed), in process and
// in dependency order, as a driver would: results flow to the analyzers
// that require them, facts of the package to those that read them. It
// returns the diagnostics and, for the first analyzer that fails (an
// error, or a panic that Guard turned into one), that error. A panic that
// escapes an analyzer is returned as an error too.
func RunAll(fset *token.FileSet, files []*ast.File, pkg *types.Package, info *types.Info, analyzers []*analysis.Analyzer) (diags []analysis.Diagnostic, err error) {
	results := map[*analysis.Analyzer]any{}
	facts := map[factKey]analysis.Fact{}
	var order []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		order = append(order, a)
	}
	for _, a := range analyzers {
		visit(a)
	}
	for _, a := range order {
		resultOf := map[*analysis.Analyzer]any{}
		for _, r := range a.Requires {
			resultOf[r] = results[r]
		}
		pass := &analysis.Pass{
			Analyzer:   a,
			Fset:       fset,
			Files:      files,
			Pkg:        pkg,
			TypesInfo:  info,
			TypesSizes: types.SizesFor("gc", "amd64"),
			ResultOf:   resultOf,
			Report:     func(d analysis.Diagnostic) { diags = append(diags, d) },
			ReadFile:   os.ReadFile,
			ImportObjectFact: func(obj types.Object, f analysis.Fact) bool {
				got, ok := facts[factKey{obj, reflect.TypeOf(f)}]
				if ok {
					reflect.ValueOf(f).Elem().Set(reflect.ValueOf(got).Elem())
				}
				return ok
			},
			ExportObjectFact: func(obj types.Object, f analysis.Fact) { facts[factKey{obj, reflect.TypeOf(f)}] = f },
			ImportPackageFact: func(p *types.Package, f analysis.Fact) bool {
				got, ok := facts[factKey{p, reflect.TypeOf(f)}]
				if ok {
					reflect.ValueOf(f).Elem().Set(reflect.ValueOf(got).Elem())
				}
				return ok
			},
			ExportPackageFact: func(f analysis.Fact) { facts[factKey{pkg, reflect.TypeOf(f)}] = f },
			AllObjectFacts: func() []analysis.ObjectFact {
				var out []analysis.ObjectFact
				for k, f := range facts {
					if obj, ok := k.obj.(types.Object); ok {
						out = append(out, analysis.ObjectFact{Object: obj, Fact: f})
					}
				}
				return out
			},
			AllPackageFacts: func() []analysis.PackageFact {
				var out []analysis.PackageFact
				for k, f := range facts {
					if p, ok := k.obj.(*types.Package); ok {
						out = append(out, analysis.PackageFact{Package: p, Fact: f})
					}
				}
				return out
			},
		}
		res, runErr := runOne(a, pass)
		if runErr != nil {
			return diags, fmt.Errorf("%s: %w", a.Name, runErr)
		}
		results[a] = res
	}
	return diags, nil
}

type factKey struct {
	obj any // types.Object or *types.Package
	typ reflect.Type
}

func runOne(a *analysis.Analyzer, pass *analysis.Pass) (res any, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return a.Run(pass)
}
