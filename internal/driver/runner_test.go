package driver_test

import (
	"go/ast"
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/driver"
	"github.com/apivet/apivet/internal/testutil"
)

// summary is a prerequisite's result that records its release.
type summary struct {
	funcs    int
	released atomic.Bool
}

func (s *summary) Release() { s.released.Store(true) }

var (
	planMu      sync.Mutex
	summaries   []*summary
	inspectors  []*inspector.Inspector
	running     atomic.Int32
	maxRunning  atomic.Int32
	sawReleased atomic.Bool
)

// enter and leave track how many passes run at once.
func enter() {
	n := running.Add(1)
	for {
		m := maxRunning.Load()
		if n <= m || maxRunning.CompareAndSwap(m, n) {
			break
		}
	}
	runtime.Gosched() // give other passes a chance to overlap
}

func leave() { running.Add(-1) }

var summarize = &analysis.Analyzer{
	Name:       "summarize",
	Doc:        "summarize: counts function declarations, for tests",
	Requires:   []*analysis.Analyzer{check.Inspect},
	ResultType: reflect.TypeOf(new(summary)),
	Run: func(pass *analysis.Pass) (any, error) {
		enter()
		defer leave()
		ins := pass.ResultOf[check.Inspect].(*inspector.Inspector)
		s := &summary{}
		for range ins.Root().Preorder((*ast.FuncDecl)(nil)) {
			s.funcs++
		}
		planMu.Lock()
		summaries = append(summaries, s)
		inspectors = append(inspectors, ins)
		planMu.Unlock()
		return s, nil
	},
}

// reportFuncs reports each function declaration, using both results.
var reportFuncs = &check.Check{
	Analyzer: &analysis.Analyzer{
		Name:     "reportfuncs",
		Doc:      "reportfuncs: reports function declarations, for tests",
		Requires: []*analysis.Analyzer{check.Inspect, summarize},
		Run: func(pass *analysis.Pass) (any, error) {
			enter()
			defer leave()
			s := pass.ResultOf[summarize].(*summary)
			if s.released.Load() {
				sawReleased.Store(true)
			}
			ins := pass.ResultOf[check.Inspect].(*inspector.Inspector)
			n := 0
			for cur := range ins.Root().Preorder((*ast.FuncDecl)(nil)) {
				n++
				pass.Reportf(cur.Node().Pos(), "function %d of %d", n, s.funcs)
			}
			return nil, nil
		},
	},
	Severity: check.Warning,
}

// TestRunnerFreesAfterUse checks what the standalone driver's runner promises:
// results, inspectors, syntax and type information are freed once
// a package's checks are done — never before a check used them — at most
// GOMAXPROCS passes run at once, and findings keep their context.
func TestRunnerFreesAfterUse(t *testing.T) {
	dir := testutil.Module(t, "testdata/twopkgs")
	// One pass at a time: the two packages' passes would otherwise overlap.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	res, err := driver.Run(driver.Config{Dir: dir, Checks: []*check.Check{reportFuncs}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Function+": "+f.Message)
	}
	want := []string{"Load: function 1 of 1", "Show: function 1 of 2", "Hide: function 2 of 2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings = %q, want %q", got, want)
	}
	if sawReleased.Load() {
		t.Error("a result was released before a check that requires it ran")
	}
	if len(summaries) != 2 {
		t.Fatalf("want summaries of 2 packages, got %d", len(summaries))
	}
	for i, s := range summaries {
		if !s.released.Load() {
			t.Errorf("summary %d not released after its last use", i)
		}
		for range inspectors[i].Root().Preorder() {
			t.Errorf("inspector %d not emptied after its last use", i)
			break
		}
	}
	for _, p := range res.Packages {
		for _, f := range p.Syntax {
			if f != nil {
				t.Errorf("%s: syntax kept after its checks were done", p.PkgPath)
			}
		}
		if p.TypesInfo != nil && p.TypesInfo.Types != nil {
			t.Errorf("%s: type information kept after its checks were done", p.PkgPath)
		}
	}
	if m := maxRunning.Load(); m != 1 {
		t.Errorf("%d passes ran at once with GOMAXPROCS=1", m)
	}
}
