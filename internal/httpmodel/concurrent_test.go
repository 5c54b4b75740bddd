package httpmodel_test

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/testutil"
)

// concurrentUse asks a Result's lazily filled questions from several
// goroutines at once, as checks sharing the Result do under drivers that
// run analyzers in parallel (checker, golangci-lint), and reports any
// answer that differs from the one asked alone. Under -race (CI) it also
// catches unsynchronized cache writes.
var concurrentUse = &analysis.Analyzer{
	Name:     "concurrentuse",
	Doc:      "asks httpmodel.Result questions concurrently",
	Requires: []*analysis.Analyzer{httpmodel.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[httpmodel.Analyzer].(*httpmodel.Result)
		var callees []*types.Func
		var calls []*ast.CallExpr // a call of each callee
		seen := map[*types.Func]bool{}
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					if fn, ok := typeutil.Callee(pass.TypesInfo, c).(*types.Func); ok && !seen[fn] {
						seen[fn] = true
						callees = append(callees, fn)
						calls = append(calls, c)
					}
				}
				return true
			})
		}
		answers := func(i int) string {
			fn := callees[i]
			kind, input := res.InputFunc(fn)
			return fmt.Sprint(res.PrincipalOf(fn), res.MiddlewareKindOf(fn), res.DataAccessOf(fn),
				res.InputHelperOf(fn), res.ResponseHelperOf(fn), res.IsPrincipalFunc(fn),
				res.PrincipalCall(calls[i]), kind, input)
		}
		flows := func() []*httpmodel.Flow {
			var out []*httpmodel.Flow
			for _, h := range res.Handlers {
				fl := res.NewFlow(pass.TypesInfo, pass.Pkg, h.Body)
				for _, r := range h.Responses {
					if r.Value != nil {
						fl.DerivesFrom(r.Value, r.Value)
					}
				}
				out = append(out, fl)
			}
			return out
		}
		const workers = 4
		got := make([][]string, workers)
		gotFlows := make([][]*httpmodel.Flow, workers)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range callees {
					got[w] = append(got[w], answers(i))
				}
				gotFlows[w] = flows()
			}()
		}
		wg.Wait()
		for i, fn := range callees {
			want := answers(i)
			for w := range workers {
				if got[w][i] != want {
					pass.Reportf(pass.Files[0].Package, "%s: concurrent answer %q, alone %q", fn.FullName(), got[w][i], want)
				}
			}
		}
		for w := 1; w < workers; w++ {
			if !reflect.DeepEqual(gotFlows[w], gotFlows[0]) {
				pass.Reportf(pass.Files[0].Package, "goroutines got different flows for the same bodies")
			}
		}
		return nil, nil
	},
}

// TestResultConcurrentUse: see concurrentUse. It runs under checker, a
// parallel driver, on the model's test module; any report fails.
func TestResultConcurrentUse(t *testing.T) {
	dir := testutil.Module(t, "testdata/mod")
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: dir}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{concurrentUse}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	asked := 0
	for act := range graph.All() {
		if act.Analyzer != concurrentUse {
			continue
		}
		asked++
		if act.Err != nil {
			t.Errorf("%s: %v", act.Package.PkgPath, act.Err)
		}
		for _, d := range act.Diagnostics {
			t.Errorf("%s: %s", act.Package.Fset.Position(d.Pos), d.Message)
		}
	}
	if asked < 10 {
		t.Fatalf("the analyzer ran on %d packages of the test module, want its ~15", asked)
	}
}
